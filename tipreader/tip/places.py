"""Post → country and region (the State Department bureau the TIP report files it under).

From the bundled ``data/posts.tsv``; a user's ``posts.tsv`` in the data folder adds or
overrides lines (same layout: post as in a reference id, country, region).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

BUNDLED = Path(__file__).with_name("data") / "posts.tsv"
REGIONS = {"AF": "Africa", "EAP": "East Asia and Pacific", "EUR": "Europe", "NEA": "Near East",
           "SCA": "South and Central Asia", "WHA": "Western Hemisphere"}
_POST = re.compile(r"^\d{2}([A-Z]+?)\d+$")


def _read(path: Path, into: dict[str, tuple[str, str]]) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) >= 3 and fields[0]:
            into[fields[0].upper()] = (fields[1], fields[2].upper())


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    _read(BUNDLED, table)
    home = os.environ.get("TIPREADER_HOME")
    user = Path(home).expanduser() / "posts.tsv" if home else None
    if user is not None and user.is_file():
        try:
            _read(user, table)
        except (OSError, UnicodeDecodeError):
            pass  # the bundled table stands; `tipreader tip submissions` still works
    return table


def post_of(ref_id: str) -> str | None:
    """``08MEXICO721`` → ``MEXICO``."""
    m = _POST.match(ref_id.upper())
    return m.group(1) if m else None


def country_of(ref_id: str, origin: str | None = None) -> tuple[str | None, str | None]:
    """(country, region code) of the post that sent ``ref_id``, or (None, None)."""
    table = _table()
    post = post_of(ref_id)
    if post and post in table:
        return table[post]
    if origin:
        key = re.sub(r"^(?:Embassy|Consulate|US Mission)\s+", "", origin).upper().replace(" ", "")
        if key in table:
            return table[key]
    return None, None
