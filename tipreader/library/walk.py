"""What an import reads: the files under the paths a user gave (folders recursed, globs expanded).

Only regular files are taken: a FIFO would block the read forever and a device
(``/dev/zero``) never ends, so those are named and skipped.
"""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from .paths import display_path

CABLE_SUFFIXES = {".html", ".htm", ".txt", ".csv", ".text", ".tsv", ""}


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to import (folders recursed, globs expanded) and (path, reason) for missing ones.

    Only regular files are taken (symbolic links to them included): a FIFO would block the
    read forever and a device (``/dev/zero``) never ends, so those are named and skipped.
    The reasons name paths with :func:`display_path` (a name that is not UTF-8 stays printable).
    """
    files: list[Path] = []
    missing: list[tuple[str, str]] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        rp = p.resolve()
        if rp not in seen:
            seen.add(rp)
            files.append(rp)

    for raw in paths:
        text = os.fspath(raw)
        shown = display_path(text)
        p = Path(text).expanduser()
        candidates = [p]
        if not p.exists() and glob.has_magic(text):
            candidates = [Path(m) for m in sorted(glob.glob(os.path.expanduser(text), recursive=True))]
            if not candidates:
                missing.append((shown, "no file matches this pattern"))
                continue
        for c in candidates:
            if c.is_dir():
                for root, dirs, names in os.walk(c):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    for name in sorted(names):
                        sub = Path(root) / name
                        if name.startswith(".") or sub.suffix.lower() not in CABLE_SUFFIXES:
                            continue
                        kind = _not_regular(sub)
                        if kind:
                            missing.append((display_path(sub), f"not a regular file ({kind}): skipped"))
                        else:
                            add(sub)
            elif c.is_file():
                add(c)
            elif c.exists():
                missing.append((shown, f"not a regular file ({_not_regular(c) or 'unknown kind'}): skipped"))
            else:
                missing.append((shown, "no such file or folder"))
    return files, missing


def _not_regular(path: Path) -> str:
    """What ``path`` is when it is not a regular file (``"a FIFO"``, ``"a device"``...), else ""
    (a path that cannot be read is left to the reading, which names the cause)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return ""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a folder" if stat.S_ISDIR(mode) else "not a file"
