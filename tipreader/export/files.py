"""Writing an export file: atomically, never replacing what the user did not agree to replace."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Callable
from typing import IO, TypeVar

T = TypeVar("T")


def save_atomically(path: str | os.PathLike[str], write: Callable[[IO[str]], T], *, replace: bool = False,
                    suffix: str = ".tmp") -> T:
    """Write the file ``path`` with ``write(fh)`` (UTF-8, ``\\n`` kept as written) and return what it
    returns. Atomic: a temporary file beside it is renamed over it once complete, so a crash or a
    full disk never leaves half a file. An existing file is replaced only with ``replace``
    (:class:`FileExistsError` otherwise), and only a regular file (:class:`IsADirectoryError` for
    a folder or a device); its mode is kept, a new file gets the user's umask."""
    target = os.path.realpath(os.fspath(path))
    exists = os.path.lexists(target)
    if exists and not os.path.isfile(target):
        raise IsADirectoryError(errno.EISDIR, "not a regular file", os.fspath(path))
    if exists and not replace:
        raise FileExistsError(errno.EEXIST, "the file exists", os.fspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".tipreader-", suffix=suffix, dir=os.path.dirname(target))
    try:
        mask = os.umask(0)
        os.umask(mask)
        os.fchmod(fd, stat.S_IMODE(os.stat(target).st_mode) if exists else 0o666 & ~mask)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            result = write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return result
