"""Assemble a :class:`Cable` from a :class:`RawCable`: the pipeline's one entry point."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import replace

from . import body, formats, header, pages, structure
from .classification import with_marked_noforn
from .truncation import truncation_warnings
from ._types import RawCable
from .model import Cable, CableError

_SPLIT = re.compile(r"\bPART\s+([1-9])\s+OF\s+([1-9])\b", re.IGNORECASE)


def submission_part(subject: str | None) -> tuple[int, int] | None:
    """(1, 2) for a cable whose subject says ``PART 1 OF 2``: one half of a split submission."""
    m = _SPLIT.search(subject or "")
    if not m or not 1 <= int(m.group(1)) <= int(m.group(2)) or int(m.group(2)) < 2:
        return None
    return int(m.group(1)), int(m.group(2))



def cable_from_raw(raw: RawCable) -> Cable:
    """Parse one decoded cable. Raises :class:`CableError` when no cable is in it."""
    lines = pages.clean_lines(raw.body)
    head = header.parse_header(raw, lines)
    body_lines = lines[head.body_start :]
    if head.body_cut and body_lines:  # the line opens with the end of a preamble element
        first = body_lines[0]
        body_lines[0] = replace(first, text=first.text[head.body_cut :])
    paragraphs, body_warnings = body.parse_paragraphs(body_lines)
    body_warnings.extend(truncation_warnings(raw.body, paragraphs))
    paragraphs, parts, summary, comment = structure.parse_structure(paragraphs)
    marked = with_marked_noforn(head.classification, [p.marking for p in paragraphs])
    if not head.ref_id:
        raise CableError("no cable found: no reference id in metadata, routing line or page markers", raw.source)
    return Cable(
        source=raw.source,
        format=raw.format,
        ref_id=head.ref_id,
        date=head.date,
        precedence=head.precedence,
        origin=head.origin,
        fm=head.fm,
        to=head.to,
        info=head.info,
        classification=marked or head.classification,
        caption_classification=head.classification if marked else None,
        caveats=head.caveats,
        eo=head.eo,
        declassify=head.declassify,
        tags=head.tags,
        subject=head.subject,
        classified_by=head.classified_by,
        references=head.references,
        paragraphs=tuple(paragraphs),
        parts=tuple(parts),
        summary=summary,
        comment=comment,
        warnings=tuple(raw.warnings) + tuple(head.warnings) + tuple(body_warnings),
        partial=head.partial,
        year_guess=head.year_guess,
        header_text=raw.header,
        body_text=raw.body,
        metadata=dict(raw.meta),
        submission_part=submission_part(head.subject),
    )


def parse_text(text: str, source: str = "<text>") -> Cable:
    """Parse cable text (raw header + body, or a scraped page's text)."""
    raws = formats.read_text(text, source)
    if not raws:
        raise CableError("no cable found in the text", source)
    return cable_from_raw(raws[0])


def parse_bytes(data: bytes, source: str = "<bytes>") -> list[Cable]:
    """Parse a whole file's bytes: HTML page, CSV, or text. Raises on the first bad cable."""
    cables = []
    for item in iter_bytes(data, source):
        if isinstance(item, CableError):
            raise item
        cables.append(item)
    return cables


def _iter_raws(raws: Iterator[RawCable | CableError]) -> Iterator[Cable | CableError]:
    for raw in raws:
        if isinstance(raw, CableError):
            yield raw
            continue
        try:
            yield cable_from_raw(raw)
        except CableError as err:
            err.source = err.source or raw.source
            yield err


def iter_bytes(data: bytes, source: str = "<bytes>") -> Iterator[Cable | CableError]:
    """Each cable in ``data``, or a :class:`CableError` for each one that failed."""
    yield from _iter_raws(formats.read_bytes(data, source))


def iter_path(path: str | os.PathLike[str]) -> Iterator[Cable | CableError]:
    """Each cable in the file at ``path`` (a CSV is streamed), or an error per bad cable.

    A file that cannot be read at all yields a single :class:`CableError`.
    """
    yield from _iter_raws(formats.read_path(path))


def parse_file(path: str | os.PathLike[str]) -> list[Cable]:
    """All cables of a file; raises :class:`CableError` when any of them fails."""
    cables = []
    for item in iter_path(path):
        if isinstance(item, CableError):
            raise item
        cables.append(item)
    return cables
