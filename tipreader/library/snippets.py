"""Snippets: the best paragraph of a hit, a window of it, the matched words marked.

tantivy's own snippet generator analyses the whole body of every hit (~0.4 ms a
cable); here a literal-led regex per query word finds candidates (C speed) and only those
are checked with the index's analyzer, so twenty snippets cost about a
millisecond. A candidate counts when its stem is a stem of the query (so
``trafficked`` marks ``traffickers``) or it starts with a query prefix; a phrase counts
only where its words stand together, stemmed as the index matched them. The reader marks
and steps through a search's words with the same :class:`Highlighter`.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass

from .index import PLAIN_ANALYZER, STEM_ANALYZER
from .query import Node, Word, positive_words

SNIPPET_CHARS = 180
_LEAD = 50  # characters of context kept before the first marked word
_MAX_PER_WORD = 40  # enough to find the best paragraph; a long cable's 300th "government" adds nothing


@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of the body around a match; ``marks`` are (start, end) offsets in ``text``."""

    text: str
    marks: tuple[tuple[int, int], ...] = ()

    def marked(self, start: str = "**", end: str = "**") -> str:
        """The text with each matched word wrapped in ``start``/``end``."""
        out, pos = [], 0
        for a, b in self.marks:
            out.append(self.text[pos:a])
            out.append(f"{start}{self.text[a:b]}{end}")
            pos = b
        out.append(self.text[pos:])
        return "".join(out)


_FOLD: dict[str, str] = {}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(m: re.Match[str]) -> str:
    ch = m.group()
    out = _FOLD.get(ch)
    if out is None:
        base = unicodedata.normalize("NFKD", ch)[:1]
        out = _FOLD[ch] = base if base and base.isascii() else ch
    return out


def fold(text: str) -> str:
    """Lower-case, accents removed, one character for one (offsets stay valid).

    Only the few non-ASCII characters are visited (a regex finds them at C speed);
    ``str.translate`` with a table costs ~0.7 ms for a 10 KB body.
    """
    low = text.lower()
    if low.isascii():
        return low
    if len(low) != len(text):  # "İ".lower() is two characters: lower one by one
        low = "".join(c.lower()[:1] for c in text)
    return _NON_ASCII.sub(_fold_char, low)


_TOKEN = re.compile(r"[^\W_]+")  # a token as the index's simple tokenizer cuts them


def _key(stem: str) -> str:
    """What a stem's candidates start with (the stem less its last letter: ``forc`` → ``for``)."""
    return stem[:-1] if len(stem) > 3 else stem


def _word_start(folded: str, at: int) -> bool:
    return not at or not (folded[at - 1].isalnum() or folded[at - 1] == "_")


class Highlighter:
    """Finds a query's words and phrases in a body; built once per search.

    A word is marked where its stem is a stem of the query's word (``trafficked`` marks
    ``traffickers``) or it starts with a query prefix. A phrase (``"forced labor"``, or a
    word the index splits in several, ``anti-trafficking``) is marked only where its words
    stand together in order, each stemmed as the index stemmed it: ``forcing labor`` is a
    match, a lone ``forced`` or ``police forces`` is not.
    """

    def __init__(self, node: Node) -> None:
        self.stems: set[str] = set()
        self.prefixes: list[str] = []
        self.phrases: dict[str, list[tuple[str, ...]]] = {}  # regex key of the first stem → stem sequences
        keys: set[str] = set()
        for item in positive_words(node):
            if item.field not in (None, "subject"):
                continue
            if isinstance(item, Word) and item.prefix:
                plain = PLAIN_ANALYZER.analyze(item.text)
                if plain:
                    self.prefixes.append(plain[-1])
                    keys.add(plain[-1])
                    head = STEM_ANALYZER.analyze(" ".join(plain[:-1])) if len(plain) > 1 else []
                    for stem in head:
                        self.stems.add(stem)
                        keys.add(_key(stem))
                continue
            stems = STEM_ANALYZER.analyze(item.text)
            if len(stems) == 1:
                self.stems.add(stems[0])
                keys.add(_key(stems[0]))
            elif stems:
                self.phrases.setdefault(_key(stems[0]), []).append(tuple(stems))
        # one regex per key: a pattern starting with a literal is scanned for at C speed
        self.regexes = [re.compile(re.escape(k) + r"\w*") for k in sorted(keys)]
        self.phrase_regexes = [(re.compile(re.escape(k) + r"\w*"), self.phrases[k]) for k in sorted(self.phrases)]
        self._verdict: dict[str, bool] = {}
        self._stem: dict[str, str | None] = {}

    def __bool__(self) -> bool:
        return bool(self.regexes or self.phrase_regexes)

    def _stem_of(self, token: str) -> str | None:
        if token not in self._stem:
            analysed = STEM_ANALYZER.analyze(token)
            self._stem[token] = analysed[0] if len(analysed) == 1 else None
        return self._stem[token]

    def _is_match(self, word: str) -> bool:
        verdict = self._verdict.get(word)
        if verdict is None:
            verdict = any(word.startswith(p) for p in self.prefixes) or self._stem_of(word) in self.stems
            self._verdict[word] = verdict
        return verdict

    def _phrase_end(self, folded: str, start: int, stems: tuple[str, ...]) -> int | None:
        """Where the phrase ``stems`` ends when it starts at ``start`` in ``folded``, else None."""
        pos = start
        for n, stem in enumerate(stems):
            m = _TOKEN.match(folded, pos) if n == 0 else _TOKEN.search(folded, pos)
            if m is None or self._stem_of(m.group()) != stem:
                return None
            pos = m.end()
        return pos

    def spans(self, text: str, pos: int = 0, limit: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, key) of each word or phrase matched in ``text`` from ``pos``, in order and
        never overlapping; ``key`` names what matched (the word, or the phrase's stems).
        ``limit`` caps the matches kept per query word (snippets need only the first few)."""
        if not self:
            return []
        folded = fold(text)
        found: list[tuple[int, int, str]] = []
        for rx in self.regexes:
            seen = 0
            for m in rx.finditer(folded, pos):
                if limit is not None and seen >= limit:
                    break
                if _word_start(folded, m.start()) and self._is_match(m.group()):
                    found.append((m.start(), m.end(), m.group()))
                    seen += 1
        for rx, sequences in self.phrase_regexes:
            seen = 0
            for m in rx.finditer(folded, pos):
                if limit is not None and seen >= limit:
                    break
                if not _word_start(folded, m.start()):
                    continue
                for stems in sequences:
                    end = self._phrase_end(folded, m.start(), stems)
                    if end is not None:
                        found.append((m.start(), end, " ".join(stems)))
                        seen += 1
                        break
        found.sort(key=lambda f: (f[0], -f[1]))
        out: list[tuple[int, int, str]] = []
        for span in found:  # the longest match at a place; none inside another
            if not out or span[0] >= out[-1][1]:
                out.append(span)
        return out

    def matches(self, body: str) -> list[tuple[int, int, str]]:
        """(start, end, key) of each matched word or phrase in ``body`` (the first few of each)."""
        return self.spans(body, limit=_MAX_PER_WORD)

    def snippet(self, body: str, paras: list[tuple[int, int]]) -> tuple[Snippet, int | None, int | None]:
        """The snippet for a hit and the (number, index) of its paragraph (number None when unnumbered)."""
        found = self.matches(body)
        offsets = [p[0] for p in paras] or [0]
        ends = offsets[1:] + [len(body)]
        if found:
            # the paragraph with the most distinct matched words, the earliest on a tie
            per: dict[int, set[str]] = {}
            for start, _end, word in found:
                per.setdefault(bisect.bisect_right(offsets, start) - 1, set()).add(word)
            best = max(per, key=lambda i: (len(per[i]), -i))
            first = next(s for s, _e, _w in found if bisect.bisect_right(offsets, s) - 1 == best)
            lo = max(offsets[best], first - _LEAD)
            if lo > offsets[best]:
                space = body.find(" ", lo, first)
                lo = space + 1 if space != -1 else lo
        else:
            best, lo = 0, offsets[0]
        hi = min(ends[best], lo + SNIPPET_CHARS)
        if hi < ends[best]:
            space = body.rfind(" ", lo, hi)
            hi = space if space > lo else hi
        text = body[lo:hi].replace("\n", " ").rstrip()
        marks = tuple((s - lo, e - lo) for s, e, _w in found if s >= lo and e <= lo + len(text))
        number = paras[best][1] if paras and paras[best][1] >= 0 else None
        index = best if paras else None
        return Snippet(text, marks), number, index
