"""Bookmarks in the reader: markers on paragraphs and tree nodes, notes under paragraphs.

No screen here, only helpers the reader calls: :func:`decorate_blocks` (a marker on each
bookmarked paragraph, its note below it), :func:`mark_tree` (the same marker in the
section tree) and :func:`note_text`.

The bookmarks list renders notes with Rich's Markdown; the reader's
:class:`~tipreader.ui.widgets.cable_view.CableView` lays out plain ``Text`` blocks, so
under a paragraph a note is shown through :func:`note_text`: paragraphs, **strong**,
*emphasis*, ``code``, links (their text), headings, lists with bullets or numbers,
quotes and code blocks, with terminal escapes removed. Nothing is parsed as Rich markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from markdown_it import MarkdownIt
from rich.text import Text
from typing import TYPE_CHECKING

from tipreader.library.bookmark_keys import Placed
from tipreader.ui.document import Block
from tipreader.ui.text import clean

if TYPE_CHECKING:
    from tipreader.ui.widgets.section_tree import SectionTree

_INLINE_STYLES = {"strong": "bold", "em": "italic", "s": "strike", "link": "underline"}
CODE_STYLE = "tip.code"
_parser = MarkdownIt("commonmark").enable("strikethrough")


def _inline(tok, out: Text) -> None:
    styles: list[str] = []
    for child in tok.children or []:
        kind = child.type
        if kind.endswith("_open") and kind[:-5] in _INLINE_STYLES:
            styles.append(_INLINE_STYLES[kind[:-5]])
        elif kind.endswith("_close") and kind[:-6] in _INLINE_STYLES:
            if styles:
                styles.pop()
        elif kind == "softbreak":
            out.append(" ")
        elif kind == "hardbreak":
            out.append("\n")
        elif kind == "code_inline":
            start = len(out)
            out.append(clean(child.content, newlines=False), style=" ".join(styles))
            out.stylize(CODE_STYLE, start, len(out))  # a named style: not joined into a style string
        elif kind == "image":
            out.append(clean(child.content or "image", newlines=False), style=" ".join([*styles, "italic"]))
        elif child.content:
            out.append(clean(child.content, newlines=False), style=" ".join(styles))


def note_text(note: str) -> Text:
    """``note`` (Markdown) as styled text; blocks on their own lines, list items bulleted."""
    out = Text()
    lists: list[list] = []  # per open list: [ordered, next number]
    quotes = 0
    pending_item = ""
    tokens = _parser.parse(note or "")
    for k, tok in enumerate(tokens):
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append([kind.startswith("ordered"), int(tok.attrs.get("start", 1) or 1)])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open" and lists:
            ordered, number = lists[-1]
            pending_item = f"{number}. " if ordered else "• "
            lists[-1][1] += 1
        elif kind == "blockquote_open":
            quotes += 1
        elif kind == "blockquote_close":
            quotes -= 1
        elif kind in ("inline", "fence", "code_block", "hr"):
            if out.plain:
                out.append("\n")
            lead = "  " * max(0, len(lists) - 1) + ("│ " * quotes)
            if pending_item:
                lead += pending_item
                pending_item = ""
            elif lists:
                lead += "  "
            out.append(lead, style="tip.muted")
            if kind == "inline":
                start = len(out.plain)
                _inline(tok, out)
                if k and tokens[k - 1].type == "heading_open":
                    out.stylize("bold underline" if tokens[k - 1].tag == "h1" else "bold", start)
            elif kind == "hr":
                out.append("───", style="tip.muted")
            else:
                code = clean(tok.content.rstrip("\n"))
                out.append(code.replace("\n", "\n" + lead), style=CODE_STYLE)
    return out


# ---- the reader's markers ------------------------------------------------------------------
MARK = "★ "
MARK_STYLE = "tip.bookmark"
NOTE_PREFIX = "  ✎ "


def decorate_blocks(blocks: list[Block], marks: Mapping[int, Placed], notes: bool = True) -> list[Block]:
    """``blocks`` with a marker on each bookmarked paragraph's first block and, when ``notes``,
    the note (:func:`note_text`) in a block after the paragraph's last block.

    ``marks`` maps paragraph index → :class:`Placed` (``BookmarkStore.in_cable``). The
    blocks are copied where changed; ``find_from`` moves with the marker so find still
    searches only the cable's text.
    """
    if not marks:
        return blocks
    out: list[Block] = []
    seen: set[int] = set()
    for k, block in enumerate(blocks):
        para = block.para
        if para is not None and para in marks and para not in seen and block.role != "part":
            seen.add(para)
            placed = marks[para]
            text = Text(MARK, style=MARK_STYLE)
            if placed.status != "ok":
                text.append("(changed) ", style="tip.warning-mark")
            text.append_text(block.text)
            block = replace(block, text=text, find_from=block.find_from + len(text.plain) - len(block.text.plain))
        out.append(block)
        last_of_para = para is not None and (k + 1 == len(blocks) or blocks[k + 1].para != para)
        if notes and para is not None and last_of_para and para in marks and marks[para].bookmark.note.strip():
            prefix = Text(NOTE_PREFIX, style=MARK_STYLE)
            out.append(Block(note_text(marks[para].bookmark.note), para, "note", prefix=prefix, gap=0,
                             searchable=False, line_style="italic"))
    return out


def mark_tree(tree: SectionTree, marked: Iterable[int], originals: dict[int, object] | None = None) -> None:
    """Put :data:`MARK` before the tree labels of the ``marked`` paragraph indexes (and take it off the rest).

    ``tree`` is the reader's SectionTree; the marks are its ``bookmarks`` badges, so they compose
    with the codes' tags. ``originals`` is no longer needed (kept for callers).
    Paragraphs without a node of their own (unnumbered text) are not marked in the tree.
    """
    star = Text(MARK, style=MARK_STYLE)
    tree.set_badges("bookmarks", {p: (star, None) for p in marked})
