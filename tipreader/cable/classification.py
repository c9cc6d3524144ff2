"""The classification line and caveats, and WikiLeaks' spelling of the classification.

A cable's body opens with a line such as ``C O N F I D E N T I A L SECTION 01 OF 04
ANKARA 000348`` (also lower-cased: ``C o n f i d e n t i a l section 01 of 04 ankara
000348``), ``UNCLAS MEXICO 000721`` or ``S E C R E T STATE 012345``. WikiLeaks writes
the classification as ``UNCLASSIFIED``, ``UNCLASSIFIED//FOR OFFICIAL USE ONLY`` (SBU,
"UNCLAS ... SENSITIVE"), ``CONFIDENTIAL``, ``CONFIDENTIAL//NOFORN``, ``SECRET``,
``SECRET//NOFORN``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _spaced(word: str) -> str:
    """The word, its letters optionally spaced out; the first letter may be typed twice (``SS E C R E T``)."""
    return rf"(?:{word[0]}[ \t]?)?" + r"[ \t]?".join(word)


_CLASS_WORD = (
    rf"(?P<cls>{_spaced('UNCLASSIFIED')}|{_spaced('UNCLAS')}|{_spaced('CONFIDENTIAL')}|"
    rf"(?:{_spaced('TOP')}[ \t]+)?{_spaced('SECRET')}|LIMITED[ \t]+OFFICIAL[ \t]+USE)"
)
# At the start of a line: the classification word and what follows it.
CLASS_LINE = re.compile(rf"^[ \t]*{_CLASS_WORD}(?![A-Z])(?P<rest>.*)$", re.I)
# Anywhere (bodies with collapsed whitespace): classification, optional section, post, serial.
CLASS_ANYWHERE = re.compile(
    rf"(?<![A-Za-z]){_CLASS_WORD}[ \t]+(?:SECTION[ \t]+\d+[ \t]+OF[ \t]+\d+[ \t]+)?"
    r"(?:(?:NOFORN|SENSITIVE|SBU)[ \t]+)*(?P<post>[A-Z][A-Z .'-]{1,30}?)[ \t]+(?P<serial>\d{3,7})(?!\d)",
)
# The tail of a classification line: optional SECTION nn OF nn, caveats, post, serial.
_TAIL = re.compile(
    r"^[ \t:]*(?:SECTION[ \t]+\d+[ \t]+OF[ \t]+\d+[ \t]+)?(?P<cav>(?:(?:NOFORN|SENSITIVE|SBU|SIPDIS|"
    r"EXDIS|NODIS|LIMDIS|STADIS|CHEROKEE)[ \t,]+)*)(?P<post>[A-Z][A-Z .'-]{0,30}?)[ \t]+"
    r"(?P<serial>\d{3,7})(?!\d)"
)
CAVEAT_WORDS = (
    "SIPDIS", "NOFORN", "SENSITIVE", "EXDIS", "NODIS", "LIMDIS", "STADIS", "CHEROKEE", "ROGER",
    "EFTO", "NOCONTRACT", "ORCON", "PROPIN", "SPECAT", "FOUO",
)
# A line made only of caveats: "SIPDIS", "NOFORN", "SENSITIVE BUT UNCLASSIFIED", "E F T O".
CAVEAT_LINE = re.compile(
    r"^[ \t]*(?:(?:" + "|".join(CAVEAT_WORDS) + r"|E F T O|S I P D I S|NOT FOR INTERNET DISTRIBUTION|"
    r"SENSITIVE BUT UNCLASSIFIED(?:[ \t-]+PROTECT ACCORDINGLY)?|SBU|TERREP|NOTAL|C O R R E C T E D "
    r"C O P Y|CORRECTED COPY|ONLY)[ \t,.;/-]*)+$",
    re.I,
)
_TAIL_OK = re.compile(r"^\s*(?:PTQ|//|SECTION[ \t]+\d+[ \t]+OF[ \t]+\d+)")
_ZN_LINE = re.compile(r"(?m)^\s*ZN[YR]\s+([CSUE]{5})\b")
_CAVEAT_FIND = re.compile(r"\b(" + "|".join(CAVEAT_WORDS) + r")\b")


@dataclass(frozen=True, slots=True)
class ClassLine:
    """A recognised classification line."""

    level: str  # "UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET", "LIMITED OFFICIAL USE"
    post: str | None  # the post as written ("NEW DELHI"), when the line names one
    serial: str | None  # "000721"
    caveats: tuple[str, ...]


_LEVEL_WORDS = frozenset(("UNCLASSIFIED", "UNCLAS", "CONFIDENTIAL", "SECRET", "TOPSECRET"))


def _level(word: str) -> str:
    compact = re.sub(r"\s+", "", word).upper()
    if len(compact) > 1 and compact[0] == compact[1] and compact[1:] in _LEVEL_WORDS:
        compact = compact[1:]  # a doubled first letter: "SS E C R E T"
    if compact.startswith("UNCLAS"):
        return "UNCLASSIFIED"
    if compact == "TOPSECRET":
        return "TOP SECRET"
    if compact == "LIMITEDOFFICIALUSE":
        return "LIMITED OFFICIAL USE"
    return compact


def match_class_line(text: str) -> ClassLine | None:
    """``text`` as a classification line, or None. A lone word (``CONFIDENTIAL``) counts."""
    match = CLASS_LINE.match(text)
    if not match:
        return None
    rest = match.group("rest").upper()
    tail = _TAIL.match(rest)
    if tail is None and rest.strip() and not _TAIL_OK.match(rest) and not CAVEAT_LINE.match(rest):
        return None  # "CONFIDENTIAL SUMMARY OF ..." is prose, not a classification line
    post = serial = None
    if tail:
        post = " ".join(tail.group("post").split()) or None
        serial = tail.group("serial")
    return ClassLine(_level(match.group("cls")), post, serial, tuple(_CAVEAT_FIND.findall(rest)))


_NUMBERED = re.compile(r"^\s*\d{1,2}\s?\.(?:\s|\(|$)")


def find_class_line(body: str) -> ClassLine | None:
    """The classification line among the first 60 lines of a raw body (before page cleaning,
    which drops ``SECTION nn OF nn`` lines); one naming post and serial is preferred."""
    lone: ClassLine | None = None
    for count, text in enumerate(body[:8000].split("\n")):
        if count > 60 or _NUMBERED.match(text):
            break
        found = match_class_line(text) if text.strip() else None
        if found and found.serial:
            return found
        if found and lone is None:
            lone = found
    return search_class_line(body[:3000]) or lone


def search_class_line(text: str) -> ClassLine | None:
    """A classification-post-serial run anywhere in ``text`` (collapsed bodies)."""
    match = CLASS_ANYWHERE.search(text)
    if not match:
        return None
    post = " ".join(match.group("post").split())
    return ClassLine(_level(match.group("cls")), post, match.group("serial"), ())


def level_from_routing(header: str) -> str | None:
    """``ZNY CCCCC ZZH`` → CONFIDENTIAL (SSSSS secret, UUUUU and EEEEE unclassified)."""
    match = _ZN_LINE.search(header)
    if not match:
        return None
    return {"C": "CONFIDENTIAL", "S": "SECRET", "U": "UNCLASSIFIED", "E": "UNCLASSIFIED"}.get(match.group(1)[0])


_MARKING = re.compile(r"^\s*\d{1,2}\s?\.\s*\((S|C|U|SBU|TS)(?:\s*//?\s*(NF|NOFORN|REL[^)]*|FOUO))?\)")
_RANK = {"U": 0, "SBU": 1, "C": 2, "S": 3, "TS": 4}


def classification_from_markings(lines: list[str]) -> str | None:
    """The highest paragraph marking (``(SBU)``, ``(C/NF)``...) as WikiLeaks would write it.

    Only a fallback for texts that lost their classification line (scraped pages).
    """
    best, noforn = -1, False
    for text in lines:
        match = _MARKING.match(text)
        if match:
            best = max(best, _RANK[match.group(1)])
            noforn = noforn or (match.group(2) or "").startswith("N")
    if best < 0:
        return None
    if best == 0:
        return "UNCLASSIFIED"
    if best == 1:
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    level = ("CONFIDENTIAL", "SECRET", "TOP SECRET")[best - 2]
    return f"{level}//NOFORN" if noforn else level


def caveats_in(text: str) -> list[str]:
    """The caveat words of a line (``SENSITIVE BUT UNCLASSIFIED`` → ``SENSITIVE``)."""
    squeezed = re.sub(r"\b([A-Z]) (?=[A-Z]\b)", r"\1", text.upper())  # "E F T O" → "EFTO"
    found = _CAVEAT_FIND.findall(squeezed)
    if re.search(r"\bSBU\b", squeezed) and "SENSITIVE" not in found:
        found.append("SENSITIVE")
    return found


def wikileaks_classification(level: str | None, caveats: tuple[str, ...] | list[str]) -> str | None:
    """WikiLeaks' spelling from a level and the cable's caveats."""
    if level is None:
        return None
    if level == "UNCLASSIFIED" and ("SENSITIVE" in caveats or "FOUO" in caveats):
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    if level in ("CONFIDENTIAL", "SECRET", "TOP SECRET") and "NOFORN" in caveats:
        return f"{level}//NOFORN"
    return level


def normalise_meta_classification(value: object) -> str | None:
    """A container's classification (``UNCLASSIFIED//FOR OFFICIA LUSEONLY``) tidied up."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = " ".join(value.split()).upper()
    squeezed = text.replace(" ", "")
    if squeezed.startswith("UNCLASSIFIED//FOR"):
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    for known in ("CONFIDENTIAL//NOFORN", "SECRET//NOFORN", "UNCLASSIFIED", "CONFIDENTIAL", "SECRET",
                  "LIMITEDOFFICIALUSE"):
        if squeezed == known:
            return "LIMITED OFFICIAL USE" if known == "LIMITEDOFFICIALUSE" else known
    return text


_NOFORN_TOKEN = re.compile(r"(?:^|[/\s-])(?:NF|NOFORN)(?:$|[/\s-])")


def marks_noforn(marking: str | None) -> bool:
    """Whether a paragraph marking says NOFORN: ``S/NF``, ``C//NF``, ``SBU/NF``, ``S//NOFORN``, ``SNF``."""
    if not marking:
        return False
    text = marking.upper()
    return text == "SNF" or bool(_NOFORN_TOKEN.search(text))


def with_marked_noforn(classification: str | None, markings: list[str | None]) -> str | None:
    """The classification with ``//NOFORN`` added when a paragraph marking says more than the caption.

    ``SECRET`` with ``(S/NF)`` paragraphs is ``SECRET//NOFORN`` (issue 13's rule; WikiLeaks' own field
    leaves NOFORN out of 84 such pages of ../shared). Only CONFIDENTIAL and SECRET take it, as WikiLeaks
    spells no other NOFORN level. None when nothing is added.
    """
    if classification not in ("CONFIDENTIAL", "SECRET", "TOP SECRET"):
        return None
    if not any(marks_noforn(marking) for marking in markings):
        return None
    return f"{classification}//NOFORN"
