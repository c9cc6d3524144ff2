"""Date-time groups and the other ways a cable states its date.

``R 112219Z MAR 08`` → ``("2008-03-11T22:19:00Z", "ROUTINE")``; also
``O R 161508Z FEB 10``, ``P 240620Z JUL 08 ZUI ...``, PlusD's ``P R 221828 Z MAY 73``,
partial extracts' lone ``271036Z Apr 00`` line and ``Cable dated:2002-11-15T12:40:00``.
"""

from __future__ import annotations

import re

MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}
PRECEDENCE = {"R": "ROUTINE", "P": "PRIORITY", "O": "IMMEDIATE", "Z": "FLASH", "NIACT": "NIACT IMMEDIATE"}

# The DTG line of a routing header: precedence letters (action, info), DDHHMMZ MON YY.
DTG_LINE = re.compile(
    r"(?m)^[ \t]*((?:NIACT|[RPOZ])(?:[ \t]+[RPOZ])?)[ \t]+(\d{2})(\d{2})(\d{2})[ \t]?Z[ \t]+"
    r"([A-Za-z]{3})[ \t]+(\d{2}|\d{4})\b"
)
# A later section's routing block inside the text of an old telex print: its DTG follows the block's
# `------392832 021704Z /38` line, on the next line or run on into it and into the FM line
# (`... /009W ------392832 021704Z /38 O 021655Z NOV 01 FM AMEMBASSY VATICAN TO ...`).
SECTION_DTG = re.compile(
    r"-{5,}[0-9A-F]{6}[ \t]+\d{6}Z[ \t]*/\d{2,3}\s+((?:NIACT|[RPOZ])(?:[ \t]+[RPOZ])?)[ \t]+(\d{2})(\d{2})(\d{2})[ \t]?Z[ \t]+"
    r"([A-Z]{3})[ \t]+(\d{2}|\d{4})\b"
)
# A DTG without precedence, on its own line (partial extracts): "271036Z Apr 00".
LONE_DTG = re.compile(r"(?m)^[ \t]*(\d{2})(\d{2})(\d{2})[ \t]?Z[ \t]+([A-Za-z]{3})[ \t]+(\d{2}|\d{4})[ \t]*$")
CABLE_DATED = re.compile(r"Cable dated:\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
# A metadata "created" value: "2008-03-11 22:19", "2008-03-11T22:19:00Z", "3/11/2008 22:19".
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
# WikiLeaks' own date line in some bodies: "Friday, 23 February 2001, 15:53".
_WEEKDAY = re.compile(
    r"(?m)^\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4}),?\s+(\d{1,2}):(\d{2})"
)
# A date standing on its own (a pasted metadata record): "2000-06-07", "date: 12/22/2004 5:24",
# "136383,1/4/2008 22:01,08MEXICO23,...", "22350\t2004-11-02 18:31:00\t04BOGOTA11339\t...".
_DUMP_DATE = re.compile(
    r"(?m)^(?:date:[ \t]*|\d{1,7}[\t,])?(\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?|"
    r"\d{1,2}/\d{1,2}/\d{4}(?:[ \t]+\d{1,2}:\d{2})?)(?=[\t,]|[ \t]*$)"
)
_DECL_YMD = re.compile(r"(?<!\d)(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?!\d)")
_DECL_MDY = re.compile(r"(?<!\d)(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})(?!\d)")
_NIACT = re.compile(r"(?m)^\s*(?:TO|INFO)?\b.*\bNIACT\s+IMMEDIATE\b")


def full_year(yy: str) -> int:
    """``08`` → 2008, ``73`` → 1973, ``2008`` → 2008 (cables run from 1966 to 2010)."""
    year = int(yy)
    if len(yy) == 4:
        return year
    return 1900 + year if year >= 60 else 2000 + year


def _iso(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> str | None:
    if not (1 <= month <= 12 and 1 <= day <= 31 and hour <= 24 and minute < 60 and second < 60):
        return None
    if hour == 24:  # "242400Z" is midnight at the end of the day; keep the day, clamp the time
        hour, minute = 23, 59
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}Z"


def _from_groups(day: str, hour: str, minute: str, mon: str, yy: str) -> str | None:
    month = MONTHS.get(mon.upper())
    if month is None:
        return None
    return _iso(full_year(yy), month, int(day), int(hour), int(minute))


def parse_dtg(text: str) -> tuple[str | None, str | None]:
    """The first routing DTG in ``text`` → ``(iso_date, precedence)``; Nones when absent."""
    for match in DTG_LINE.finditer(text):
        date = _from_groups(*match.group(2, 3, 4, 5, 6))
        if date:
            action = match.group(1).split()[0].upper()
            return date, PRECEDENCE.get(action)
    return None, None


def parse_section_dtg(text: str) -> tuple[str | None, str | None]:
    """The DTG of a later section's routing block in the text (:data:`SECTION_DTG`) → ``(iso_date, precedence)``."""
    if "Z /" not in text and "Z/" not in text:
        return None, None
    for match in SECTION_DTG.finditer(text):
        date = _from_groups(*match.group(2, 3, 4, 5, 6))
        if date:
            return date, PRECEDENCE.get(match.group(1).split()[0].upper())
    return None, None


def precedence_with_niact(precedence: str | None, header: str) -> str | None:
    """``IMMEDIATE`` becomes ``NIACT IMMEDIATE`` when an addressee line says so."""
    if precedence in (None, "IMMEDIATE") and _NIACT.search(header):
        return "NIACT IMMEDIATE"
    return precedence


def parse_lone_dtg(text: str) -> str | None:
    """A DTG standing alone on a line (``271036Z Apr 00``) → ISO date."""
    match = LONE_DTG.search(text)
    return _from_groups(*match.groups()) if match else None


def parse_cable_dated(text: str) -> str | None:
    """``Cable dated:2002-11-15T12:40:00`` → ``2002-11-15T12:40:00Z``."""
    match = CABLE_DATED.search(text)
    if not match:
        return None
    y, mo, d, h, mi, s = match.groups()
    return _iso(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))


def parse_stated_date(text: str) -> str | None:
    """A date line WikiLeaks put in the body, or a pasted record's date column."""
    match = _WEEKDAY.search(text)
    if match:
        day, month_name, year, hour, minute = match.groups()
        month = MONTHS.get(month_name[:3].upper())
        if month:
            return _iso(int(year), month, int(day), int(hour), int(minute))
    match = _DUMP_DATE.search(text)
    return normalise_created(match.group(1)) if match else None


def normalise_created(value: object) -> str | None:
    """A metadata date (``2008-03-11 22:19``, ``3/11/2008 22:19``) → ISO 8601 UTC."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    match = _ISO.match(text)
    if match:
        y, mo, d, h, mi, s = match.groups()
        return _iso(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    match = _US.match(text)
    if match:
        mo, d, y, h, mi, s = match.groups()
        return _iso(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    return None


def parse_decl(text: str) -> str | None:
    """The declassification date of an E.O. line (``DECL: 07/24/2018``) → ``2018-07-24``."""
    match = _DECL_YMD.search(text)
    if match:
        year, mo, d = (int(g) for g in match.groups())
    else:
        match = _DECL_MDY.search(text)
        if not match:
            return None
        mo, d, y = (int(g) for g in match.groups())
        year = y if y >= 100 else (1900 + y if y >= 60 else 2000 + y)
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 < year < 2100):
        return None
    return f"{year:04d}-{mo:02d}-{d:02d}"
