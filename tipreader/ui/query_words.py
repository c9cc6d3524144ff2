"""Search words in the reader, and cable citations in text.

:func:`query_words` turns a library query into a pattern-like object the reader's
find uses (``n``/``N`` then move between the query's words and phrases, matched as the
index matched them: the library's snippet :class:`~tipreader.library.snippets.Highlighter`);
:func:`citations` finds cables cited in a paragraph (``08 STATE 132759`` → ``08STATE132759``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from tipreader.library.query import QueryError, parse_query
from tipreader.library.search import highlight_tree
from tipreader.library.snippets import Highlighter

# "09 SANAA 1936", "08 STATE 132759", "2006 STATE 202745": a cable cited in the text
CITATION = re.compile(r"\b(?:19|20)?(\d\d) ([A-Z][A-Z]+(?: [A-Z]+)?) (\d{1,6})\b")
_MAY_CITE = re.compile(r"\d [A-Z]{2}")  # what every citation holds: most paragraphs are passed over at once
LINK_STYLE = "tip.link"  # a named style (ui.text_styles): readable in every theme


def link_spans(start: int, end: int, click: str) -> list[tuple[int, int, Style | str]]:
    """A link over ``start:end``: its look (the named :data:`LINK_STYLE`) and its click action,
    as two spans (a named style cannot be added to a :class:`Style`)."""
    return [(start, end, LINK_STYLE), (start, end, Style(meta={"@click": click}))]


def append_link(text: Text, label: str, click: str) -> None:
    """Append ``label`` to ``text`` as a link that runs ``click``."""
    start = len(text)
    text.append(label)
    for a, b, style in link_spans(start, len(text), click):
        text.stylize(style, a, b)


def citations(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ref_id) of each cable cited in ``text`` (``08 STATE 132759`` → ``08STATE132759``)."""
    if not _MAY_CITE.search(text):
        return []
    return [(m.start(), m.end(), f"{m.group(1)}{m.group(2).replace(' ', '')}{m.group(3)}") for m in CITATION.finditer(text)]


@dataclass(frozen=True, slots=True)
class Found:
    """One word or phrase of the query found in a text (the part of a regex match the reader reads)."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish


class QueryWords:
    """A pattern-like object (``finditer``) marking a search query's words and phrases as the index
    matched them (``trafficked`` marks ``trafficking``; ``"forced labor"`` marks the two words
    together, never a lone ``forced``), for the reader's find highlights and ``n``/``N``."""

    def __init__(self, query: str) -> None:
        self.highlighter = Highlighter(highlight_tree(parse_query(query)))

    def __bool__(self) -> bool:
        return bool(self.highlighter)

    def finditer(self, text: str, pos: int = 0) -> Iterator[Found]:
        """The matches in ``text`` from ``pos``."""
        for start, end, _key in self.highlighter.spans(text, pos):
            yield Found(start, end)


def literal_words(text: str) -> re.Pattern[str]:
    """A pattern marking ``text`` as written, not inside a longer number or word (``3`` not in ``30``)."""
    return re.compile(r"(?<![\w.,$])" + re.escape(text) + r"(?![\w]|[.,]\d)")


def query_words(query: str) -> QueryWords | None:
    """:class:`QueryWords` for ``query``, or None when it has no words to mark (or does not parse)."""
    if not query.strip():
        return None
    try:
        words = QueryWords(query)
    except QueryError:
        return None
    return words or None
