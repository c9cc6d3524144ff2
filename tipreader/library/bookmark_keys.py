"""Bookmark keys and checks, pure functions: anchors, text fingerprints, status, matching.

See :mod:`tipreader.library.bookmarks` for what the key and the status mean; this
module holds the parts that need no database (the store, the exporters and the UI
all use them).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, UTC

from tipreader.cable import Cable

_ANCHOR = re.compile(r"^(?:¶\s*)?(\d+)$|^[iI@#](\d+)$")

OK, CHANGED, DETACHED = "ok", "changed", "detached"


@dataclass(frozen=True, slots=True)
class Bookmark:
    """One stored bookmark: where it is, what the paragraph said, the note, and when."""

    id: int
    ref_id: str
    anchor: str  # "5" (the cable's paragraph number) or "i7" (paragraph index of unnumbered text)
    number: int | None  # the cable's paragraph number, None for unnumbered text
    para_index: int  # position in Cable.paragraphs when the bookmark was made
    text_hash: str
    quote: str  # the paragraph's text when the bookmark was made
    subject: str | None
    date: str | None
    origin: str | None
    note: str  # Markdown, "" for none
    created: float  # Unix time
    updated: float

    @property
    def citation(self) -> str:
        """``08MEXICO721 ¶5``; unnumbered text: ``08MEXICO721 (unnumbered, i7)``."""
        if self.number is not None and self.anchor == str(self.number):
            return f"{self.ref_id} ¶{self.number}"
        return f"{self.ref_id} (unnumbered, {self.anchor})"

    @property
    def first_line(self) -> str:
        """The quote's first line, whitespace collapsed."""
        for line in self.quote.split("\n"):
            if line.strip():
                return " ".join(line.split())
        return ""

    def to_dict(self) -> dict:
        """JSON-ready form; times as ISO 8601 UTC. ``paragraph`` is the cable's number (None when unnumbered)."""
        return {
            "id": self.id, "ref_id": self.ref_id, "paragraph": self.number, "paragraph_index": self.para_index,
            "anchor": self.anchor, "citation": self.citation, "subject": self.subject, "date": self.date,
            "origin": self.origin, "quote": self.quote, "note": self.note, "text_hash": self.text_hash,
            "created": iso_time(self.created), "updated": iso_time(self.updated),
        }


@dataclass(frozen=True, slots=True)
class Placed:
    """A bookmark checked against the library: ``status`` and the paragraph ``index`` it is at now."""

    bookmark: Bookmark
    status: str  # "ok" | "changed" | "detached"
    index: int | None  # current paragraph index (None: detached, or the paragraph is gone)
    current_text: str | None = None  # the paragraph's text now, when it is there

    def to_dict(self) -> dict:
        """The bookmark's dict with ``status`` and the current ``paragraph_index_now``."""
        return {**self.bookmark.to_dict(), "status": self.status, "paragraph_index_now": self.index}


@dataclass(frozen=True, slots=True)
class RefFilter:
    """What a library search filter selects: cables in ``ref_ids``, or all but them when ``exclude``."""

    ref_ids: frozenset[str]
    exclude: bool = False


def iso_time(t: float) -> str:
    """Unix time → ``2026-11-28T20:55:52Z``."""
    return datetime.fromtimestamp(t, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def fold(text: str) -> str:
    """Lower case, accents removed, whitespace collapsed: the form searches compare."""
    text = text or ""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


def text_hash(text: str) -> str:
    """The fingerprint of a paragraph's text: NFKC, case folded, whitespace collapsed, SHA-256 (20 hex)."""
    norm = " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:20]


def anchor_for(cable: Cable, index: int) -> str:
    """The anchor of paragraph ``index``: its number when it is the first with it, else ``i<index>``."""
    para = cable.paragraphs[index]
    if para.number is not None:
        first = cable.paragraph_by_number(para.number)
        if first is not None and first.index == para.index:
            return str(para.number)
    return f"i{index}"


def parse_anchor(text: str) -> str:
    """A user's paragraph (``5``, ``¶5``, ``i7``) → an anchor; ValueError when it is neither."""
    m = _ANCHOR.match(text.strip())
    if not m:
        raise ValueError(f"not a paragraph: {text!r} (a number such as 5, or i7 for unnumbered text at index 7)")
    return str(int(m.group(1))) if m.group(1) else f"i{int(m.group(2))}"


def anchor_index(cable: Cable, anchor: str) -> int | None:
    """The paragraph index ``anchor`` points at in ``cable``, or None."""
    if anchor.startswith("i"):
        index = int(anchor[1:])
        return index if 0 <= index < len(cable.paragraphs) else None
    para = cable.paragraph_by_number(int(anchor))
    return para.index if para is not None else None


def find_paragraph(cable: Cable | None, anchor: str, fingerprint: str) -> tuple[str, int | None]:
    """(status, index now) of the paragraph keyed ``anchor`` + ``fingerprint`` (its
    :func:`text_hash`) in ``cable`` (None: not in the library); see :func:`locate`."""
    if cable is None:
        return DETACHED, None
    index = anchor_index(cable, anchor)
    if index is not None and text_hash(cable.paragraphs[index].text) == fingerprint:
        return OK, index
    for para in cable.paragraphs:  # the same text elsewhere: a newer parser moved it
        if text_hash(para.text) == fingerprint:
            return OK, para.index
    return CHANGED, index


def locate(bookmark: Bookmark, cable: Cable | None) -> Placed:
    """Check ``bookmark`` against the library's ``cable`` (None: not in the library)."""
    status, index = find_paragraph(cable, bookmark.anchor, bookmark.text_hash)
    if cable is None or index is None:
        return Placed(bookmark, status, None)
    return Placed(bookmark, status, index, cable.paragraphs[index].text)


def cached_get(get: Callable[[str], Cable | None]) -> Callable[[str], Cable | None]:
    """``get`` (e.g. ``Library.get``) asked once per ref_id; a cable it cannot decode is None
    (reads as detached, never as a crash)."""
    cables: dict[str, Cable | None] = {}

    def cached(ref_id: str) -> Cable | None:
        if ref_id not in cables:
            try:
                cables[ref_id] = get(ref_id)
            except Exception:
                cables[ref_id] = None
        return cables[ref_id]

    return cached


def place_all(bookmarks: Iterable[Bookmark], get: Callable[[str], Cable | None]) -> list[Placed]:
    """Each bookmark located in its cable; ``get`` (e.g. ``Library.get``) is called once per cable."""
    cable_of = cached_get(get)
    return [locate(mark, cable_of(mark.ref_id)) for mark in bookmarks]


def haystack(mark: Bookmark) -> str:
    """What a filter searches, folded: the cable (ref_id, citation, subject, origin, date), the quote, the note."""
    return fold(" ".join(x or "" for x in (mark.ref_id, mark.citation, mark.subject, mark.origin, mark.date,
                                           mark.quote, mark.note)))


def matches(mark: Bookmark, query: str, hay: str | None = None) -> bool:
    """True when every word of ``query`` is in the bookmark's cable, quote or note (``hay``: its :func:`haystack`)."""
    words = fold(query).split()
    if not words:
        return True
    hay = haystack(mark) if hay is None else hay
    return all(w in hay for w in words)


_WORD = re.compile(r"\w+")


def note_matches(note: str, words: str) -> bool:
    """``note:words``: every word is a word of the note (``word*`` a prefix), case and accents ignored.

    A quoted phrase (``note:"forced labor"``) must appear as a run of words.
    """
    tokens = _WORD.findall(fold(note))
    if not tokens:
        return False
    text = " " + " ".join(tokens) + " "
    phrase = words.strip()
    if len(phrase) > 1 and phrase[0] == phrase[-1] == '"':
        wanted = _WORD.findall(fold(phrase[1:-1]))
        return bool(wanted) and f" {' '.join(wanted)} " in text
    for word in fold(words).split():
        prefix = word.endswith("*")
        parts = _WORD.findall(word)
        if not parts:
            continue
        if prefix and len(parts) == 1:
            if not any(t.startswith(parts[0]) for t in tokens):
                return False
        elif f" {' '.join(parts)} " not in text:
            return False
    return True
