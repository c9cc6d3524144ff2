"""Bookmarks to Markdown (one section per cable, quotes with citations and notes), JSON or CSV.

Markdown layout::

    # Bookmarks
    ## <subject>                       one section per cable, cables by date
    - Reference: 08MEXICO721
    - Date: 2008-03-11 22:19 UTC
    - Origin: Embassy Mexico
    > <the paragraph, as bookmarked>   one block quote per bookmark, in paragraph order
    — 08MEXICO721 ¶5                    the citation (and a flag when changed or detached)
    <the note, Markdown as written>

Cable text is escaped (nothing in a cable becomes Markdown structure). Notes are the
user's own Markdown and are kept as written, with two repairs so one note cannot
swallow the rest of the document: its headings move down to levels 4-6 (below the
cable sections) and an unclosed code fence or raw HTML block is closed or escaped.
"""

from __future__ import annotations

import io
import json
import re
import time
from collections.abc import Iterable

from markdown_it import MarkdownIt

from tipreader.export.csv_cells import CsvWriter
from tipreader.export.markdown import escape_markdown
from tipreader.library.bookmark_keys import CHANGED, DETACHED, Placed, iso_time

_ATX = re.compile(r"^(\s{0,3})(#{1,6})(?=\s|$)")
# Raw HTML blocks that only end at a closing tag, not at a blank line.
_SWALLOWING_HTML = re.compile(r"^(\s{0,3})(<(?:pre|script|style|textarea)(?:\s|>|$)|<!|<\?)", re.IGNORECASE)
_FLAGS = {
    CHANGED: "the paragraph reads differently in the library now; quoted as bookmarked",
    DETACHED: "this cable is no longer in the library; quoted as bookmarked",
}


def _date(value: str | None) -> str:
    if not value:
        return "unknown"
    m = re.match(r"^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?", value)
    if not m:
        return value
    return f"{m.group(1)} {m.group(2)} UTC" if m.group(2) and m.group(2) != "00:00" else m.group(1)


def quote_block(text: str) -> str:
    """``text`` as an escaped block quote; kept line breaks become hard breaks, blank lines separate."""
    chunks = [c for c in re.split(r"\n\s*\n", text or "") if c.strip()]
    out = []
    for chunk in chunks:
        lines = [escape_markdown(line.strip()) for line in chunk.split("\n") if line.strip()]
        out.append("\\\n".join(f"> {line}" for line in lines))
    return "\n>\n".join(out) if out else "> (empty paragraph)"


def contain_note(note: str) -> str:
    """The note as written, made safe to embed: headings at level 4-6, no unclosed fence or HTML block."""
    note = (note or "").replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    if not note.strip():
        return ""
    lines = note.split("\n")
    tokens = MarkdownIt("commonmark").parse(note)
    edits: list[tuple[int, int, list[str]]] = []  # (start, end, replacement lines)
    for tok in tokens:
        if tok.level != 0 or tok.map is None:
            continue
        start, end = tok.map
        if tok.type == "heading_open":
            level = min(6, int(tok.tag[1]) + 3)
            if tok.markup.startswith("#"):
                hashes = "#" * level
                edits.append((start, start + 1, [_ATX.sub(lambda m: m.group(1) + hashes, lines[start], 1)]))  # noqa: B023
            else:  # setext: the text lines, then the underline
                text = " ".join(line.strip() for line in lines[start:end - 1])
                edits.append((start, end, ["#" * level + " " + text]))
        elif tok.type == "fence":
            closer = tok.markup[0] * len(tok.markup)
            last = lines[end - 1].strip() if end - 1 > start else ""
            if not (last.startswith(closer) and set(last) <= {tok.markup[0]}):
                edits.append((end, end, [closer]))
        elif tok.type == "html_block" and _SWALLOWING_HTML.match(lines[start]):
            edits.append((start, start + 1, [_SWALLOWING_HTML.sub(r"\1\\\2", lines[start], 1)]))
    for start, end, new in sorted(edits, key=lambda e: e[0], reverse=True):
        lines[start:end] = new
    return "\n".join(lines)


def _sorted_groups(placed: Iterable[Placed]) -> list[list[Placed]]:
    groups: dict[str, list[Placed]] = {}
    for p in placed:
        groups.setdefault(p.bookmark.ref_id, []).append(p)
    for items in groups.values():
        items.sort(key=lambda p: (p.bookmark.para_index, p.bookmark.id))
    return sorted(groups.values(), key=lambda g: (g[0].bookmark.date is None, g[0].bookmark.date or "",
                                                  g[0].bookmark.ref_id))


def bookmarks_to_markdown(placed: Iterable[Placed], *, title: str = "Bookmarks", now: float | None = None) -> str:
    """All ``placed`` bookmarks as one Markdown document (see the module's docstring)."""
    groups = _sorted_groups(placed)
    count = sum(len(g) for g in groups)
    stamp = iso_time(time.time() if now is None else now)
    out = [f"# {escape_markdown(title)}", "",
           f"{count} bookmark{'s' * (count != 1)} in {len(groups)} cable{'s' * (len(groups) != 1)}, "
           f"exported {stamp} by tipreader.", ""]
    for group in groups:
        first = group[0].bookmark
        out += [f"## {escape_markdown(' '.join((first.subject or first.ref_id).split()))}", "",
                f"- Reference: {escape_markdown(first.ref_id)}",
                f"- Date: {escape_markdown(_date(first.date))}",
                f"- Origin: {escape_markdown(first.origin or 'unknown')}", ""]
        for p in group:
            mark = p.bookmark
            cite = f"— {escape_markdown(mark.citation)}"
            if p.status in _FLAGS:
                cite += f" · *{_FLAGS[p.status]}*"
            out += [quote_block(mark.quote), "", cite, ""]
            note = contain_note(mark.note)
            if note:
                out += [note, ""]
    return "\n".join(out).rstrip() + "\n"


def bookmarks_to_jsonable(placed: Iterable[Placed], *, now: float | None = None) -> dict:
    """A dict for ``json.dumps``: ``{"format", "version", "exported", "bookmarks": [...]}``, newest first."""
    items = sorted(placed, key=lambda p: (p.bookmark.created, p.bookmark.id), reverse=True)
    return {
        "format": "tipreader-bookmarks",
        "version": 1,
        "exported": iso_time(time.time() if now is None else now),
        "bookmarks": [p.to_dict() for p in items],
    }


def bookmarks_to_json(placed: Iterable[Placed], *, indent: int | None = 2, now: float | None = None) -> str:
    """The JSON export as a string."""
    return json.dumps(bookmarks_to_jsonable(placed, now=now), ensure_ascii=False, indent=indent) + "\n"


CSV_COLUMNS = ("ref_id", "date", "origin", "subject", "paragraph", "citation", "status", "note", "text", "created",
               "updated")


def bookmarks_to_csv(placed: Iterable[Placed], *, raw: bool = False) -> str:
    """The bookmarks as CSV (:data:`CSV_COLUMNS`, a header row, by cable date then paragraph): ``text``
    is the paragraph as bookmarked, ``paragraph`` the cable's number or ``i7``; cells a spreadsheet
    would run as formulas are guarded unless ``raw`` (:mod:`tipreader.export.csv_cells`)."""
    out = io.StringIO(newline="")
    writer = CsvWriter(out, raw=raw)
    writer.writerow(CSV_COLUMNS)
    for group in _sorted_groups(placed):
        for p in group:
            b = p.bookmark
            writer.writerow([b.ref_id, (b.date or "")[:10], b.origin or "", b.subject or "", b.anchor, b.citation,
                             p.status, b.note, b.quote, iso_time(b.created), iso_time(b.updated)])
    return out.getvalue()
