"""Internal contracts between the parser's stages (formats → header → body → structure).

Stages:
1. ``formats``: bytes or a file → :class:`RawCable` (decoded text, markup removed,
   container metadata such as a WikiLeaks page's table or a CSV row's columns).
2. ``pages.clean_lines``: the body text → :class:`Line` list, page markers and
   ``SECTION nn OF nn`` lines removed and turned into page numbers, pilcrows gone.
3. ``header.parse_header``: the routing header plus the leading body lines
   (classification line, addressees, E.O., TAGS, SUBJECT, REF, Classified By) →
   :class:`HeaderInfo`, whose ``body_start`` says where the paragraphs begin.
4. ``body.parse_paragraphs`` and ``structure.parse_structure``: the rest →
   paragraphs, parts and questions, SUMMARY and COMMENT blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import ParseWarning, Reference


@dataclass(frozen=True, slots=True)
class RawCable:
    """A cable as read from its container, before any cable-level parsing.

    ``header`` is the routing header (``VZCZC``, ``DE ...``, the DTG, ``FM``,
    ``TO``, ``INFO``) when the container separates it or it could be split off;
    otherwise "". ``body`` is everything after it, newlines as ``\\n``.
    ``meta`` holds what the container states about the cable, with these keys
    when known: ``ref_id``, ``created`` (ISO 8601), ``released``,
    ``classification``, ``origin``, ``subject``, ``title``, ``references``
    (list of str), ``row`` (CSV row number), ``id`` / ``csv_id`` (CSV id column),
    ``partial`` (a "partial extract" record).
    """

    source: str
    format: str
    header: str
    body: str
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: tuple[ParseWarning, ...] = ()


@dataclass(slots=True)
class Line:
    """One line of the body after page markers are removed.

    ``page`` is 1-based. ``break_before`` is True when a page marker or a
    section line stood right before this line (a sentence may run across it).
    Treated as immutable (a stage makes a new Line, never changes one), but not
    ``frozen``: a frozen dataclass's ``__init__`` costs three times as much, and
    the parser makes one per line of every cable.
    """

    text: str
    page: int
    break_before: bool = False


@dataclass(slots=True)
class HeaderInfo:
    """What the header and the body's preamble say about the cable."""

    ref_id: str | None = None
    date: str | None = None
    precedence: str | None = None
    origin: str | None = None
    fm: str | None = None
    to: tuple[str, ...] = ()
    info: tuple[str, ...] = ()
    classification: str | None = None
    caveats: tuple[str, ...] = ()
    eo: str | None = None
    declassify: str | None = None
    tags: tuple[str, ...] = ()
    subject: str | None = None
    classified_by: str | None = None
    references: tuple[Reference, ...] = ()
    partial: bool = False
    year_guess: int | None = None  # the year guessed from the E.O. line when the text states none
    warnings: list[ParseWarning] = field(default_factory=list)
    body_start: int = 0  # index into the Line list where the paragraphs begin
    body_cut: int = 0  # characters at the start of ``lines[body_start]`` that belong to the preamble
