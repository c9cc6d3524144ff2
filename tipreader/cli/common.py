"""Small pieces every command shares: one-line errors, safe terminal text, output files."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
import tempfile
from collections.abc import Iterator
from typing import IO

from tipreader.cable import Cable, CableError
from tipreader.safetext import visible



def cables(n: int) -> str:
    """``1 cable``, ``2 cables``, ``1,234 cables``."""
    return f"{n:,} cable{'' if n == 1 else 's'}"


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
    """One line for a damaged or unreadable user database (a ``UserDBError``): names the
    file, says it is kept, and how to start a fresh one beside it."""
    error_line(f"{err}. The file is kept as it is; move it aside (mv {err.path} {err.path}.damaged) "
               "and a fresh one is started")


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[IO[str]]:
    """Standard output, or ``path`` written atomically (a failed run leaves no half file)."""
    if not path or path == "-":
        yield sys.stdout
        return
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".tipreader-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def add_entities(cable: Cable) -> Cable:
    """``cable`` with its entities filled in (when the extractor is available)."""
    if cable.entities:
        return cable
    try:
        from tipreader.cable.entities import extract_entities
    except ImportError:
        return cable
    return dataclasses.replace(cable, entities=tuple(extract_entities(cable.paragraphs)))
