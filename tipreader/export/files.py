"""Writing an export file: atomically, never replacing what the user did not agree to replace.

The one writer of every file tipreader exports (the CLI's ``-o``, the reader's save, the codes
CSV): :func:`atomic_file` (a context manager, for text written piece by piece) and
:func:`save_atomically` (a callback) share its rules.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from typing import IO, TypeVar

T = TypeVar("T")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str], *, replace: bool = False, suffix: str = ".tmp") -> Iterator[IO[str]]:
    """The file ``path`` open for writing text (UTF-8, ``\\n`` kept as written), made only when the
    ``with`` block ends without an error.

    Atomic: the text goes to a temporary file beside the target, synced and renamed over it once
    complete, so a crash, a failed run or a full disk never leaves half a file (the temporary file
    is removed). Only a regular file is ever replaced (a symbolic link is followed and its target
    written): a folder, a device or a FIFO is refused with :class:`IsADirectoryError` (as root,
    ``/dev/full`` would otherwise become a file). An existing file is replaced only with
    ``replace`` (:class:`FileExistsError` otherwise) and keeps its mode; a new file gets the
    user's umask. A missing folder is :class:`FileNotFoundError` naming the folder as given.
    """
    given = os.fspath(path)
    target = os.path.realpath(given)
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "not a regular file (a device, a FIFO or a folder)", given)
    if st is not None and not replace:
        raise FileExistsError(errno.EEXIST, "the file exists", given)
    directory = os.path.dirname(target)
    if not os.path.isdir(directory):
        raise FileNotFoundError(errno.ENOENT, "no such folder", os.path.dirname(given) or ".")
    fd, tmp = tempfile.mkstemp(prefix=".tipreader-", suffix=suffix, dir=directory)
    try:
        os.fchmod(fd, stat.S_IMODE(st.st_mode) if st is not None else 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def save_atomically(path: str | os.PathLike[str], write: Callable[[IO[str]], T], *, replace: bool = False,
                    suffix: str = ".tmp") -> T:
    """Write the file ``path`` with ``write(fh)`` and return what it returns: :func:`atomic_file`'s
    rules and errors."""
    with atomic_file(path, replace=replace, suffix=suffix) as fh:
        return write(fh)
