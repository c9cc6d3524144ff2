"""Reference ids as WikiLeaks forms them: two-digit year, post, serial (``08MEXICO721``).

The id can be read from the container's metadata, the page markers
(``MEXICO 00000721 002 OF 011``), the classification line
(``SECTION 01 OF 11 MEXICO 000721``, ``UNCLAS MEXICO 000721``) or the routing
line (``DE RUEHME #0721/01 0712219``) with the year of the date-time group.
"""

from __future__ import annotations

import re

from .origins import compact_post, known_post, post_for_routing

# Well-formed: 2-digit year, letters, serial (PlusD adds a 4-digit year and "_b" suffixes).
WELL_FORMED = re.compile(r"^(?:\d{2}|\d{4})[A-Z]+\d+(?:_[a-z0-9]+)?$")
# "08ECTION01OF02MANAMA492", "08SCTION02OF02SAOPAULO335", "08SECTION01GF02BISHIEK21"
_MALFORMED = re.compile(r"^(\d{2})[A-Z]{0,3}C?TION\d{1,2}[A-Z0]F\d{1,2}([A-Z]+)0*(\d+)$")

# WikiLeaks' id in a record pasted into a body: "refid: 06LIMA1406", a line "00THEHAGUE1695",
# a CSV row "136383,1/4/2008 22:01,08MEXICO23,..." or its tab-separated form.
PASTED_ID = re.compile(
    r"(?m)^(?:refid:[ \t]*|\d{1,7}[,\t](?:[\d/: -]+)[,\t])?(\d{2}[A-Z]{3,}\d{1,6})[ \t]*(?:[,\t]|$)"
)
# A page marker: "MEXICO 00000721 002 OF 011", "NEW DELHI 00009127 001.2 OF 006".
PAGE_MARKER = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Z .'-]{1,40}?)[ \t]+(\d{8})[ \t]+\d{3}(?:\.\d)?[ \t]+OF[ \t]+\d{3}\b"
)
# The routing line: "DE RUEHME #0721/01 0712219", "DE RUEHBO #2244 0941907".
ROUTING_LINE = re.compile(r"(?m)^\s*DE\s+([A-Z]{4,8})\s*#\s*(\d{1,6})\b")
# Serials run to six digits (``08STATE123456``): a longer one is a garbled page marker
# (``BISHKEK 10061021`` for ``00001021``), not the cable's serial.
MAX_SERIAL = 1_000_000


def year2(year: int | str) -> str:
    """A year (``2008``, ``8``, ``08``) → two digits (``08``)."""
    text = str(year).strip()
    return text[-2:].zfill(2)


def make_ref_id(year: int | str | None, post: str, serial: str | int) -> str | None:
    """Year, post and serial → ``08NEWDELHI9127``; None when a part is missing."""
    if year is None or year == "":
        return None
    key = compact_post(post)
    digits = str(serial).lstrip("0") or "0"
    if not key or not str(serial).strip().isdigit():
        return None
    return f"{year2(year)}{key}{digits}"


def repair_ref_id(ref_id: str) -> tuple[str, bool]:
    """Normalise a metadata id; returns ``(id, repaired)``.

    ``08ECTION01OF02MANAMA492`` → ``("08MANAMA492", True)``. Surrounding spaces
    and lower case are quietly fixed; well-formed ids come back unchanged.
    """
    text = "".join(ref_id.split())
    match = _MALFORMED.match(text.upper())
    if match:
        return f"{match.group(1)}{match.group(2)}{match.group(3)}", True
    if re.fullmatch(r"\d{2}[A-Za-z]+\d+", text):
        return text.upper(), False
    return text, False


def settle_malformed(meta_id: str, repaired: str, from_text: str | None) -> str:
    """The id of a cable whose WikiLeaks id is malformed (:func:`repair_ref_id` said so).

    The section line ate into it, and sometimes into the post's letters too
    (``08SECTION01GF02BISHIEK21`` for a Bishkek cable): cutting the section words out would
    give an id that exists nowhere (``08BISHIEK21``). So the id the text gives
    (``from_text``: routing line, caption, page marker) comes first (``08BISHKEK1021``);
    without one, the cut form when its post is a known one (``08MANAMA492``); else
    WikiLeaks' own form as it is, never an invented one.
    """
    if from_text:
        return from_text
    post = _MALFORMED.match("".join(meta_id.split()).upper())
    if post and known_post(post.group(2)):
        return repaired
    return "".join(meta_id.split()).upper()


def table_ref_id(meta_id: str) -> str | None:
    """WikiLeaks' id as its table gives it, repaired; None when it is malformed past knowing.

    ``08ECTION01OF02MANAMA492`` → ``08MANAMA492`` (the cut post is a real one);
    ``08SECTION01GF02BISHIEK21`` → None: the right id is only in the cable's text, and
    cutting the section words out would invent ``08BISHIEK21``.
    """
    repaired, malformed = repair_ref_id(meta_id)
    if not malformed:
        return repaired
    return repaired if settle_malformed(meta_id, repaired, None) == repaired else None


_ALIASES = {"KIEV": "KYIV"}


def _compatible(a: str, b: str) -> bool:
    a, b = _ALIASES.get(a, a), _ALIASES.get(b, b)
    return a == b or a.endswith(b) or b.endswith(a)


def derive_ref_id(
    year: str | int | None, routing: str, class_post: str | None, class_serial: str | None, body: str
) -> str | None:
    """The id from the text alone, the way WikiLeaks formed it.

    The serial comes from the routing line (``DE RUEHME #0721``) when there is one,
    else from the classification line, else from a page marker. The post is the
    classification line's (``E F T O LONDON`` → ``EFTOLONDON``) when it agrees with
    the routing indicator, else the indicator's; page markers come last because
    they cut long names (``BUENOS AIR 00001462 002 OF 003``).
    """
    if year is None or year == "":
        return None
    de = ROUTING_LINE.search(routing)
    de_post = post_for_routing(de.group(1)) if de else None
    cpost = compact_post(class_post) if class_post and class_serial else None
    if de and (de_post or cpost):
        # the routing serial keeps only the last four digits: 10093 is sent as #0093
        serial = de.group(2)
        longer = class_serial
        if not (longer and int(longer) % 10000 == int(serial) % 10000):
            marker = PAGE_MARKER.search(body)
            longer = marker.group(2) if marker else None
        if longer and int(longer) % 10000 == int(serial) % 10000 and int(longer) < MAX_SERIAL:
            serial = longer
        if cpost and (de_post is None or _compatible(cpost, de_post)):
            return make_ref_id(year, cpost, serial)
        return make_ref_id(year, de_post or "", serial)
    if cpost and class_serial:
        return make_ref_id(year, cpost, class_serial)
    marker = PAGE_MARKER.search(body)
    if marker and len(marker.group(1).split()) <= 3:
        return make_ref_id(year, marker.group(1), marker.group(2))
    if de and cpost is None and marker:
        return make_ref_id(year, marker.group(1), de.group(2))
    return None
