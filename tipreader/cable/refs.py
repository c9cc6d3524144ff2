"""REF blocks: ``REF: A. 2006 STATE 202745 B. (B) 2007 STATE 150188`` → References.

Items are split on their labels (``A.``, ``(B)``, ``C)``, ``(C).``) or, for unlabelled
lists, on ``;``. Each item resolves to a WikiLeaks id when it names a cable
(``[year] POST serial``); an item without a year takes the cable's year. Emails,
demarches, phone calls and the like keep ``ref_id`` None.
"""

from __future__ import annotations

import re

from .ids import make_ref_id, year2
from .model import Reference
from .origins import POST_ORIGINS, ROUTING_POSTS

# "REF:", "REFS:", "REF ", "REFTEL:", "REFERENCE:", "Ref:" at the start of the block.
REF_START = re.compile(r"^[ \t]*(?:REFS?|REFTELS?|REFERENCES?|REF\(S\))\b[ \t]*[:.]?[ \t]*", re.I)
# An item label: "A.", "(A)", "A)", "(A).", "A-", at the start or after a separator.
# ("telcon(B) BUENOS AIRES 0445": a bracketed label may follow a word directly)
_LABEL = re.compile(r"(?:\(([A-Za-z])\)(?=\s)|(?:^|(?<=[\s,;]))([A-Za-z])[.)](?=\s|\(|$))[.:]?\s*")
# A cable in an item: optional year, the post (1-4 words), the serial.
_CABLE = re.compile(
    r"(?<![A-Z0-9/])(?:(\d{4}|\d{2})\s+)?([A-Z][A-Z'.-]*(?:\s+[A-Z][A-Z'.-]*){0,3}?)\s+0*(\d{1,7})(?![\d/:.-]\d)(?!\s*(?:Z\b|UTC|[AP]\.?M\b))"
)
_NOT_POSTS = {
    "PARA", "PARAS", "PARAGRAPH", "REF", "REFTEL", "AND", "OF", "NO", "NUMBER", "ON", "DATED",
    "EMAIL", "E-MAIL", "MAIL", "TELCON", "FAX", "DEMARCHE", "MEMO", "LETTER", "RESOLUTION", "UNSCR",
    "SECTION", "PAGE", "NOTAL", "AT", "IN", "TO", "FROM", "BY", "FOR", "DTG", "OCT", "NOV", "DEC",
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "SEPT", "JUNE", "JULY", "TAB", "ITEM",
}
# Short names a REF line uses for a post, → the post as WikiLeaks writes it in ids
# (``SECSTATE 123`` is ``08STATE123``, ``RIO 346`` is ``08RIODEJANEIRO346``).
POST_ALIASES = {
    "SECSTATE": "STATE", "RIO": "RIODEJANEIRO", "USUN": "USUNNEWYORK", "UNVIE": "UNVIEVIENNA",
    "HCMC": "HOCHIMINHCITY", "USEU": "USEUBRUSSELS",
}
_KNOWN_POSTS = set(ROUTING_POSTS.values()) | set(POST_ORIGINS) | set(POST_ALIASES) | {
    "STATE", "USNATO", "USOSCE", "SECDEF", "CJCS",
}
# More serials of the same post after a cable: "CAIRO 500 & 511", "CAIRO 500 AND 511", "CAIRO 500, 511".
_MORE_SERIALS = re.compile(r"\s*(?:&|\bAND\b|,)\s*0*(\d{1,7})\b(?![\d/:.-]\d)(?!\s*(?:Z\b|UTC|[AP]\.?M\b|[A-Z]))")
_OWN_ID = re.compile(r"^(\d{2})([A-Z]+)(\d+)$")
PAGE_LINE = re.compile(
    r"^\s*(?:[A-Z][A-Z .'-]{1,40}?\s+\d{8}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}|PAGE\s+\d+\s+.*\d{6}Z|"
    r"(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)(?:\s+PTQ\d+)?)\s*$"
)


_GLUED = re.compile(r"^\s*(\d{2})([A-Z]{3,})\s?0*(\d{1,7})\s*(?:\(NOTAL\))?\s*$")
# A page-top classification banner run into the last line of a page: "REF: HARARE 5346  CONFIDENTIAL".
_BANNER_TAIL = re.compile(r"\s{2,}(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\s*$")


def _resolve(item: str, cable_year: str | None, own: str | None = None) -> list[str]:
    """The ids of the cables an item names (none when it names no cable or its year cannot be known).

    ``own`` is the citing cable's id: a year-less item of the same post with a higher
    serial was sent the year before (serials restart every year).
    """
    text = item.upper()
    glued = _GLUED.match(text)
    if glued:  # written as an id already: "08DHAKA1041", "09SHENYANG 167"
        rid = make_ref_id(glued.group(1), POST_ALIASES.get(glued.group(2), glued.group(2)), glued.group(3))
        return [rid] if rid else []
    own_m = _OWN_ID.match(own) if own else None
    found: list[str] = []
    for match in _CABLE.finditer(text):
        year, post, serial = match.groups()
        words = post.split()
        while words and words[0] in _NOT_POSTS:
            words.pop(0)
        if not words or any(w in _NOT_POSTS for w in words):
            continue
        key = "".join(re.sub(r"[^A-Z]", "", w) for w in words)
        known = key in _KNOWN_POSTS or (len(words) > 1 and "".join(words[1:]) in _KNOWN_POSTS)
        if not known:
            # unknown words: accept only when the item is nothing but "[year] POST serial"
            rest = (text[: match.start()] + text[match.end():]).strip(" .,;:()")
            rest = re.sub(r"\((?:NOTAL|EXDIS|NODIS|ALL NOTAL|[A-Z]{1,3})\)|\bNOTAL\b|\bAND (?:PREVIOUS|OTHERS|LATER)\b", "", rest).strip(" .,;:()")
            if rest or len(words) > 3:
                continue
        if key not in _KNOWN_POSTS and "".join(words[1:]) in _KNOWN_POSTS:
            words = words[1:]
            key = "".join(re.sub(r"[^A-Z]", "", w) for w in words)
        key = POST_ALIASES.get(key, key)
        serials = [serial] + _more_serials(text, match.end())
        for number in serials:
            use_year = year2(year) if year else cable_year
            if not year and use_year is not None and own_m and own_m.group(2) == key and int(number) > int(own_m.group(3)):
                use_year = f"{(int(use_year) - 1) % 100:02d}"  # a higher serial of our own post: last year's
            rid = make_ref_id(use_year, key, number) if use_year is not None else None
            if rid and rid not in found and rid != own:  # a cable never refers to itself (a pasted header)
                found.append(rid)
    return found


def _more_serials(text: str, pos: int) -> list[str]:
    """The serials listed after a cable's own: "CAIRO 500 & 511 & 520" → ["511", "520"]."""
    out = []
    m = _MORE_SERIALS.match(text, pos)
    while m:
        out.append(m.group(1))
        m = _MORE_SERIALS.match(text, m.end())
    return out


def _split_items(text: str) -> list[tuple[str, str]]:
    """``A. X B. Y`` → ``[("A", "X"), ("B", "Y")]``; an unlabelled block → ``[("", ...)]``."""
    labels = list(_LABEL.finditer(text))
    # labels must run A, B, C... to count as a list; "B. (B) 2007 STATE" carries a duplicate
    items: list[tuple[str, str]] = []
    expected = "A"
    starts: list[tuple[int, int, str]] = []
    for match in labels:
        letter = (match.group(1) or match.group(2)).upper()
        if letter == expected:
            starts.append((match.start(), match.end(), letter))
            expected = chr(ord(expected) + 1)
        elif starts and letter == starts[-1][2] and match.start() - starts[-1][1] <= 1:
            starts[-1] = (starts[-1][0], match.end(), letter)  # "B. (B)": skip the echo
    if starts and text[: starts[0][0]].strip(" :;,.") == "":
        for i, (_, end, letter) in enumerate(starts):
            stop = starts[i + 1][0] if i + 1 < len(starts) else len(text)
            items.append((letter, " ".join(text[end:stop].split()).strip(" ,;")))
        return items
    for separator in (";", ","):  # "09 STATE 122115; 09 NAIROBI 2487", "09 RIYADH 346, 09 RIYADH 270"
        parts = [p for p in text.split(separator) if p.strip()]
        if len(parts) > 1 and all(_CABLE.search(p.upper()) for p in parts):
            return [("", " ".join(p.split())) for p in parts]
    return [("", " ".join(text.split()))]


def parse_ref_block(lines: list[str], cable_year: str | int | None, own: str | None = None) -> list[Reference]:
    """The lines of one REF block (the first starting with ``REF:``) → References.

    An item naming several cables (``CAIRO 500 & 511``) gives one Reference per cable,
    all with the item's label and text. ``own`` is the citing cable's id (see :func:`_resolve`).
    """
    kept = [_BANNER_TAIL.sub("", ln) for ln in lines if ln.strip() and not PAGE_LINE.match(ln)]
    if not kept:
        return []
    kept[0] = REF_START.sub("", kept[0], count=1)
    text = " ".join(ln.strip() for ln in kept).strip()
    if not text:
        return []
    year = year2(cable_year) if cable_year not in (None, "") else None
    refs: list[Reference] = []
    for label, item in _split_items(text):
        if item:
            found: list[str | None] = [*_resolve(item, year, own)] or [None]
            refs.extend(Reference(label=label, text=item, ref_id=rid) for rid in found)
    return refs


def is_ref_item_line(text: str) -> bool:
    """Does a line continue a REF list (``B. 09 SANAA 1936``, ``(C) HARARE 1609``)?"""
    return bool(re.match(r"^\s*(?:\([A-Z]\)|[A-Z][.)])(?:\s|\(|$)", text))
