"""Is the cable cut short? A ``truncated`` warning when the text says so itself.

Two signs, each stated by the cable:

* its last page marker counts more pages than it has: ``CAIRO 00000211 003 OF 005`` is
  the last marker (the page that carries ``005 OF 005`` never came; a cable whose only
  marker is page 1's may simply have lost its markers, and is not flagged);
* it points to one of its own paragraphs further on than it goes: ``see para 10 below``
  in a cable whose paragraphs stop at 8. Pointers into another cable (``para 10 of
  reftel``, ``ref A para 12``) do not count.
"""

from __future__ import annotations

import re

from .model import Paragraph, ParseWarning
from .prefilter import may_hold

# `MEXICO 00000721 002 OF 011`, `NEW DELHI 00009127 002.2 OF 006` (mid-line too)
_PAGE_MARKER = re.compile(r"\b\d{5,8}[ \t]+(\d{3})(?:\.\d{1,2})?[ \t]+OF[ \t]+(\d{3})\b", re.IGNORECASE)
# "see para 10", "paragraph 12 below" (a bare "paragraph 7" often names a paragraph of another text)
_OWN_PARA = re.compile(
    r"\bsee\s+(?:paragraph|para)s?\.?\s+(\d{1,3})(?!\s*(?:of|in)\s+(?:ref|the\s+ref|reftel))\b"
    r"|\b(?:paragraph|para)s?\.?\s+(\d{1,3})\s+below\b",
    re.IGNORECASE,
)
# Every marker holds `OF nnn` after a space or a tab: found first with these (a literal first
# character lets the regex engine skip ahead; the marker pattern itself scans at a crawl).
_MARKER_HINTS = (re.compile(r" of[ \t]+\d{3}\b", re.IGNORECASE), re.compile(r"\tof[ \t]+\d{3}\b", re.IGNORECASE))
_REDACTED = re.compile(r"^[Xx]{4,}\s*$")
_OTHER_CABLE = re.compile(r"\b(?:ref(?:tel)?|[A-Z]{4,}\s+\d{2,6})\s*(?:[A-Z]\s*)?,?\s*$", re.IGNORECASE)


def truncation_warnings(body: str, paragraphs: list[Paragraph]) -> list[ParseWarning]:
    """The ``truncated`` warning when the cable's own page markers or paragraph pointers say it is cut short.

    A cable that ends with its signature block ended where its author ended it: no warning
    (a page marker lost by a scraper, or a pointer into the tasking cable, is no cut).
    """
    if paragraphs and paragraphs[-1].kind == "signature" and not _REDACTED.match(paragraphs[-1].text):
        return []  # (a lone redaction is no signer: 09STATE93327 stops on page 7 of 8 at an `XXXXXXXXXXXX` block)
    marker = _last_marker(body) if " OF " in body.upper() else None
    if marker:
        page, total = (int(x) for x in marker)
        if 1 < page < total <= 99:  # a page break seen, so the markers were kept
            return [ParseWarning("truncated", f"cut short: the last page marker says page {page} of {total}")]
    numbers = [p.number for p in paragraphs if p.number is not None]
    if len(numbers) < 2:
        return []
    last = max(numbers)
    for para in paragraphs:
        if not may_hold(para.text, "para"):
            continue
        for m in _OWN_PARA.finditer(para.text):
            wanted = int(m.group(1) or m.group(2))
            if wanted <= last or wanted > last + 30 or _OTHER_CABLE.search(para.text[max(0, m.start() - 30) : m.start()]):
                continue
            return [
                ParseWarning(
                    "truncated",
                    f"cut short: paragraph {para.number or para.index} points to paragraph {wanted}, the text stops at {last}",
                    para.index,
                )
            ]
    return []


def _last_marker(body: str) -> tuple[str, str] | None:
    """(page, pages) of the last page marker in ``body`` (``_PAGE_MARKER.findall(body)[-1]``), or None.

    A marker never spans lines, so only the lines holding a hint are searched, the last first.
    """
    hints = sorted(m.start() for hint in _MARKER_HINTS for m in hint.finditer(body))
    spans: list[tuple[int, int]] = []
    for pos in hints:
        if spans and pos < spans[-1][1]:
            continue  # on the line already taken
        end = body.find("\n", pos)
        spans.append((body.rfind("\n", 0, pos) + 1, len(body) if end < 0 else end))
    for start, end in reversed(spans):
        found = _PAGE_MARKER.findall(body[start:end])
        if found:
            return found[-1]
    return None
