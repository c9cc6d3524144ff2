"""Search words in the reader, and cable citations in text.

:func:`query_words` turns a library query into a pattern-like object the reader's
find uses (``n``/``N`` then move between the query's words, matched as the index
matched them); :func:`citations` finds cables cited in a paragraph
(``08 STATE 132759`` → ``08STATE132759``).
"""

from __future__ import annotations

import re

# "09 SANAA 1936", "08 STATE 132759", "2006 STATE 202745": a cable cited in the text
CITATION = re.compile(r"\b(?:19|20)?(\d\d) ([A-Z][A-Z]+(?: [A-Z]+)?) (\d{1,6})\b")
LINK_STYLE = "tip.link"


def citations(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ref_id) of each cable cited in ``text`` (``08 STATE 132759`` → ``08STATE132759``)."""
    return [(m.start(), m.end(), f"{m.group(1)}{m.group(2).replace(' ', '')}{m.group(3)}") for m in CITATION.finditer(text)]


class QueryWords:
    """A pattern-like object (``finditer``) marking a search query's words as the index matched them
    (``trafficked`` marks ``trafficking``), for the reader's find highlights and ``n``/``N``."""

    def __init__(self, query: str) -> None:
        from tipreader.library.query import parse_query
        from tipreader.library.snippets import Highlighter

        self.highlighter = Highlighter(parse_query(query))
        keys = [rx.pattern for rx in self.highlighter.regexes]
        self.rx = re.compile(r"\b(?:" + "|".join(keys) + r")", re.IGNORECASE) if keys else None

    def __bool__(self) -> bool:
        return self.rx is not None

    def finditer(self, text: str, pos: int = 0):
        """The matches in ``text`` from ``pos``: whole words whose stem is a query word's."""
        from tipreader.library.snippets import fold

        if self.rx is None:
            return
        folded = fold(text)
        for m in self.rx.finditer(folded, pos):
            if self.highlighter._is_match(m.group()):
                yield m


def query_words(query: str) -> QueryWords | None:
    """:class:`QueryWords` for ``query``, or None when it has no words to mark (or does not parse)."""
    if not query.strip():
        return None
    try:
        words = QueryWords(query)
    except Exception:
        return None
    return words or None
