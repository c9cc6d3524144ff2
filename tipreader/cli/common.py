"""Small pieces every command shares: one-line errors, safe terminal text, output files."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

from tipreader.cable import Cable, CableError, iter_path
from tipreader.export.files import atomic_file
from tipreader.safetext import visible

T = TypeVar("T")
R = TypeVar("R")



def cables(n: int) -> str:
    """``1 cable``, ``2 cables``, ``1,234 cables``."""
    return f"{n:,} cable{'' if n == 1 else 's'}"


def open_library() -> Any:
    """The library, seeded with the sample cables when empty (as ``tipreader open`` does)."""
    from tipreader.library import Library

    library = Library.open()
    library.ensure_seeded()
    return library


def file_or_ref(target: str, opened: Callable[[Any], object] | None = None) -> Iterator[Cable | CableError]:
    """The cables of the file ``target``, or the library's cable with that ref_id (``08MEXICO721``);
    a :class:`CableError` naming ``target`` when it is neither. ``opened(library)`` is told the
    library when one was opened."""
    path = Path(target)
    if path.is_dir():
        yield CableError("is a directory (use `tipreader import` for folders)", target)
        return
    if path.exists():
        yield from iter_path(str(path))
        return
    if path.suffix or "/" in target:
        yield CableError("no such file", target)
        return
    try:
        library = open_library()
        if opened is not None:
            opened(library)
        cable = library.get(target)
    except Exception as err:  # noqa: BLE001 - a broken library is a message, not a traceback
        yield CableError(f"the library could not be read: {err}", target)
        return
    yield cable if cable is not None else CableError("not a file, and no cable with that ref_id in the library", target)


def safe_text(text: str) -> str:
    """``text`` safe for a terminal (:func:`tipreader.safetext.visible`, the one sanitiser)."""
    return visible(text)


def error_line(err: CableError | str, source: str = "") -> None:
    """Print ``tipreader: SOURCE: cause`` on stderr, one line."""
    if isinstance(err, CableError):
        source = source or err.source
    where = f"{safe_text(source)}: " if source else ""
    print(f"tipreader: {where}{safe_text(str(err))}", file=sys.stderr)


def user_db_error_line(err) -> None:
    """One line for a user database that cannot be used (a ``UserDBError``): names the file
    and the problem; only a damaged one is to be moved aside (a read-only folder or a full
    disk leave a healthy file, and the message says what to do instead)."""
    if getattr(err, "kind", "damaged") != "damaged":
        error_line(str(err))
        return
    error_line(f"{err}. The file is kept as it is; move it aside (mv {err.path} {err.path}.damaged) "
               "and a fresh one is started")


def guarded(run):
    """A command that reads or writes the user's data (bookmarks, coded passages): the errors
    a user's files can cause become one line and exit status 1."""

    def wrapper(args):
        import sqlite3

        from tipreader.library.bookmarks import BookmarkError, UserDBError
        from tipreader.userdata.codes import CodeError

        try:
            return run(args)
        except UserDBError as err:
            user_db_error_line(err)
        except (BookmarkError, CodeError) as err:
            error_line(str(err))
        except sqlite3.Error as err:  # a write that failed: a full disk, a read-only folder...
            from tipreader.library import paths
            from tipreader.library.userdb_safety import write_error

            problem = write_error(paths.user_db_path(), err)
            if problem.kind == "damaged":  # not a write failure: the error as it is
                error_line(str(err))
            else:
                user_db_error_line(problem)
        except BrokenPipeError:
            raise  # `... | head`: main() stops quietly
        except OSError as err:
            error_line(err.strerror or str(err), err.filename or "")
        return 1

    wrapper.__doc__ = run.__doc__
    return wrapper


class OutputError(Exception):
    """What the user asked to be written could not be: ``str(err)`` names it and the cause."""

    def __init__(self, what: str, cause: OSError | str) -> None:
        reason = cause if isinstance(cause, str) else (cause.strerror or str(cause))
        super().__init__(f"cannot write to {what}: {reason}")
        self.cause = cause


class GuardedStream:
    """A stream whose write errors (a full disk, ``> /dev/full``, an I/O error) raise
    :class:`OutputError` naming ``what``, not an ``OSError`` a command would blame on the
    library. A closed pipe stays a ``BrokenPipeError`` (``| head`` stops quietly)."""

    def __init__(self, stream, what: str) -> None:
        self._stream = stream
        self._what = what

    def _guard(self, fn, *args):
        try:
            return fn(*args)
        except BrokenPipeError:
            raise
        except OSError as err:
            raise OutputError(self._what, err) from None

    def write(self, data):
        """Write ``data`` (text or, on ``buffer``, bytes)."""
        return self._guard(self._stream.write, data)

    def flush(self) -> None:
        """Flush, with the same guard."""
        self._guard(self._stream.flush)

    @property
    def buffer(self) -> GuardedStream:
        """The binary stream under a text one, guarded the same way."""
        return GuardedStream(self._stream.buffer, self._what)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def guard_stdout() -> None:
    """Make ``sys.stdout`` a :class:`GuardedStream` (once, in ``main``)."""
    if sys.stdout is not None and not isinstance(sys.stdout, GuardedStream):
        sys.stdout = GuardedStream(sys.stdout, "standard output")


def silence_stdout() -> None:
    """After a failed write to standard output, send what is left in its buffer to /dev/null,
    so the interpreter's last flush does not print a second error."""
    if sys.__stdout__ is None:
        return
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.__stdout__.fileno())
        os.close(devnull)


def divert_native_stderr() -> None:
    """Native code writes to file descriptor 2 itself: a panic of the search engine printed a
    Rust backtrace over the app's screen, or between the CLI's one-line messages. Python's
    standard error (where our messages go, and where Textual draws the app) moves to a copy of
    that descriptor; descriptor 2 goes to ``tipreader.log`` in the data folder, with the
    workers' output. Nothing changes when standard error was replaced (tests capture it) or
    the data folder cannot take the log."""
    if sys.stderr is None or sys.stderr is not sys.__stderr__:
        return
    from tipreader.library import paths

    try:
        home = paths.data_dir()
        home.mkdir(parents=True, exist_ok=True)
        log = os.open(home / "tipreader.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    except OSError:
        return
    if sys.stderr is not None:
        sys.stderr.flush()
    terminal = os.dup(2)
    os.dup2(log, 2)
    os.close(log)
    stream = open(terminal, "w", encoding=getattr(sys.stderr, "encoding", None) or "utf-8",
                  errors="backslashreplace", buffering=1)
    sys.stderr = sys.__stderr__ = stream  # type: ignore[misc]  # the crash hook writes to __stderr__ too


@contextlib.contextmanager
def open_output(path: str | None, force: bool = False) -> Iterator[IO[str]]:
    """Standard output, or the file ``path`` (``-o``), written safely by
    :func:`tipreader.export.files.atomic_file`: atomically, only over a regular file, an existing
    one only with ``force`` (keeping its mode). Every failure to make or write the file is an
    :class:`OutputError` naming ``path`` as given; errors of the ``with`` block's own work pass.
    """
    if not path or path == "-":
        yield sys.stdout
        return
    shown = visible(path)
    in_block = False
    try:
        with atomic_file(path, replace=force) as fh:
            in_block = True
            yield GuardedStream(fh, shown)  # type: ignore[misc]
            in_block = False
    except OSError as err:
        if in_block:
            raise
        raise OutputError(shown, _not_written(err)) from None


def _not_written(err: OSError) -> OSError | str:
    """Why :func:`atomic_file` would not make the file, as :class:`OutputError` says it."""
    if isinstance(err, IsADirectoryError):
        return "it is not a regular file (a device, a FIFO or a folder); nothing written"
    if isinstance(err, FileExistsError):
        return "the file exists; add --force to replace it"
    if isinstance(err, FileNotFoundError) and err.strerror == "no such folder":
        return f"no folder {visible(str(err.filename))}"
    return err


def add_entities(cable: Cable) -> Cable:
    """``cable`` with its entities filled in (when the extractor is available)."""
    if cable.entities:
        return cable
    try:
        from tipreader.cable.entities import extract_entities
    except ImportError:
        return cable
    return dataclasses.replace(cable, entities=tuple(extract_entities(cable.paragraphs)))


# ---- bookmarks and codes: what their commands share ------------------------------------
def library_cable(ref: str) -> Cable | None:
    """Cable ``ref`` from the library (seeded with the samples on first use), or None."""
    from tipreader.library import Library

    with Library.open() as lib:
        lib.ensure_seeded()
        return lib.get(ref)


def placed_in_library(items: Sequence[T], place: Callable[[Sequence[T], Callable[[str], Cable | None]], list[R]],
                      unplaced: Callable[[T], R]) -> list[R]:
    """``items`` (bookmarks, coded passages) checked against the library's cables with ``place(items,
    get)``; when the library cannot be opened, one line says so and each is ``unplaced(item)``."""
    from tipreader.library import Library

    if not items:
        return []
    try:
        lib = Library.open()
    except Exception as err:  # noqa: BLE001 - the items are still worth listing without the library
        error_line(f"the library cannot be opened ({err}): statuses not checked")
        return [unplaced(item) for item in items]
    with lib:
        return place(items, lib.get)


def no_paragraph(ref: str, cable: Cable, where: str) -> None:
    """Say that ``cable`` has no paragraph ``where``, and which it has."""
    numbers = [p.number for p in cable.paragraphs if p.number is not None]
    known = f"numbered {min(numbers)}-{max(numbers)}, " if numbers else "none numbered, "
    error_line(f"{ref}: no paragraph {where} ({known}indexes i0-i{len(cable.paragraphs) - 1})")
