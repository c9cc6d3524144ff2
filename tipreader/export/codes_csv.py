"""Coded passages as CSV: one row per code on a paragraph, ready for R, Stata or a
qualitative-analysis tool.

    rows = code_rows(locate_all(store.all(), lib.get), book)
    write_codes_csv(rows, fh)

Columns (:data:`COLUMNS`), UTF-8, a header row, RFC 4180 quoting (a passage's line breaks
stay inside its quoted cell); a cell starting with = + - @ gets a leading ' so no spreadsheet
runs it as a formula (:mod:`tipreader.export.csv_cells`; ``raw`` writes it as it is):

- ``ref_id``, ``date`` (``YYYY-MM-DD``), ``origin``, ``classification``, ``subject``: the
  cable's, from the library when the cable is there, else as they were when coded;
- ``paragraph``: the cable's own paragraph number (``12``), or ``i7`` (the paragraph's
  position) for unnumbered text; ``question``: the question's label (``23.A``) when the
  paragraph belongs to a questionnaire question or its answer;
- ``code``, ``author``, ``note``; ``text``: the passage (the paragraph as it reads now; as it
  read when coded when it has changed since or its cable has left the library);
- ``status``: ``ok``, ``changed`` (the paragraph reads differently now) or ``detached`` (the
  cable is not in the library); ``in_codebook``: ``yes`` or ``no`` (a code the codebook no
  longer lists); ``created``, ``updated``: ISO 8601 UTC.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import IO

from tipreader.cable import Cable
from tipreader.export.csv_cells import CsvWriter
from tipreader.library.bookmark_keys import OK, anchor_for, iso_time
from tipreader.userdata.codebook import Codebook
from tipreader.userdata.codes import Located, question_at

from .files import save_atomically

COLUMNS = ("ref_id", "date", "origin", "classification", "subject", "paragraph", "question", "code", "author",
           "note", "text", "status", "in_codebook", "created", "updated")


def code_row(located: Located, cable: Cable | None, book: Codebook | None = None) -> dict[str, str]:
    """One CSV row (column → text) for a located coded passage and its cable (None: not in the library)."""
    p = located.passage
    here = located.status == OK and cable is not None and located.index is not None
    paragraph, question, text = p.anchor, p.question, p.quote
    date, origin, classification, subject = p.date, p.origin, p.classification, p.subject
    if cable is not None:
        date, origin, classification, subject = cable.date, cable.origin, cable.classification, cable.subject
    if here and cable is not None and located.index is not None:
        para = cable.paragraphs[located.index]
        paragraph, text = anchor_for(cable, located.index), para.text
        q = question_at(cable, located.index)
        question = q.label if q is not None and q.label else None
    return {
        "ref_id": p.ref_id, "date": (date or "")[:10], "origin": origin or "", "classification": classification or "",
        "subject": subject or "", "paragraph": paragraph, "question": question or "", "code": p.code,
        "author": p.author, "note": p.note, "text": text, "status": located.status,
        "in_codebook": "" if book is None else ("yes" if book.get(p.code) else "no"),
        "created": iso_time(p.created), "updated": iso_time(p.updated),
    }


def code_rows(located: Iterable[tuple[Located, Cable | None]], book: Codebook | None = None) -> list[dict[str, str]]:
    """The CSV rows of located passages (:func:`tipreader.userdata.codes.locate_all`), in order."""
    return [code_row(loc, cable, book) for loc, cable in located]


def write_codes_csv(rows: Iterable[dict[str, str]], fh: IO[str], *, raw: bool = False) -> int:
    """Write the header and ``rows`` to ``fh``; the number of rows written. Cells that a
    spreadsheet would run as a formula are guarded (:mod:`tipreader.export.csv_cells`) unless ``raw``."""
    writer = CsvWriter(fh, raw=raw)
    writer.writerow(COLUMNS)
    n = 0
    for row in rows:
        writer.writerow(row.get(c, "") for c in COLUMNS)
        n += 1
    return n


def save_codes_csv(path: str | os.PathLike[str], rows: list[dict[str, str]], *, replace: bool = False) -> int:
    """Write ``rows`` as CSV to the file ``path``, atomically (a temporary file beside it renamed
    over it once complete); the number of rows. An existing file is replaced only with
    ``replace`` (:class:`FileExistsError` otherwise), and only a regular file (``IsADirectoryError``
    / ``OSError`` for a folder or a device); a new file gets the user's umask."""
    return save_atomically(path, lambda fh: write_codes_csv(rows, fh), replace=replace, suffix=".csv")
