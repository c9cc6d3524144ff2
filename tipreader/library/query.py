"""The search query language: text → a small syntax tree, or :class:`QueryError`.

Grammar (operators in capitals; lower-case ``and``/``or``/``not`` are words)::

    query   := or
    or      := and ("OR" and)*
    and     := unary (["AND"] unary)*          # juxtaposition means AND
    unary   := ("NOT" | "-") unary | primary
    primary := "(" query ")" | '"phrase"' | word | word* | field ":" value
    field   := id | origin | tag | class | date | subject
             | person | org | place | acronym | law | entity     # names found in the cable
             | bookmarked | note                                  # the user's bookmarks
             | code                                               # the user's coded passages
    value   := word | word* | '"phrase"' | "(" query ")"   # date: 2008, 2008-01, 2008-01-15, A..B, A.., ..B
                                                          # bookmarked: yes or no

``entity:`` is any of person, org, place, acronym and law. ``bookmarked:`` and
``note:`` are answered from the user's bookmarks, ``code:`` (a codebook code's name,
``code:face-saving``, ``code:pro*``) from the passages they coded; the library does not
open the user's data itself: the caller passes a user filter to the search (without one
these fields are a :class:`QueryError`).

The tree is engine-independent; :mod:`tipreader.library.search` turns it into an
engine query. Every malformed input raises :class:`QueryError` whose message
says what is wrong and where.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

ENTITY_FIELDS = ("person", "org", "place", "acronym", "law")
USER_FIELDS = ("bookmarked", "note", "code", "author")  # answered by the user data (bookmarks, codes, team), not the index
FIELDS = ("id", "origin", "tag", "class", "date", "subject", *ENTITY_FIELDS, "entity", *USER_FIELDS)
_FIELD_ALIASES = {"classification": "class", "ref": "id", "tags": "tag", "from": "origin",
                  "people": "person", "organization": "org", "organisation": "org", "location": "place",
                  "loc": "place", "acronyms": "acronym", "entities": "entity", "bookmark": "bookmarked",
                  "notes": "note", "codes": "code"}
_YES = ("yes", "y", "true", "1")
_NO = ("no", "n", "false", "0")


class QueryError(ValueError):
    """A query the language cannot read; ``str(err)`` is one line for the user."""


@dataclass(frozen=True, slots=True)
class Word:
    """A word, or a ``prefix*`` when ``prefix`` is set; ``field`` None means subject and body."""

    text: str
    field: str | None = None
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words that must appear together, in order."""

    text: str
    field: str | None = None


@dataclass(frozen=True, slots=True)
class DateRange:
    """Cables dated from ``start`` to ``end`` inclusive, as ``YYYYMMDD`` integers (None: open)."""

    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class And:
    """All of ``items`` must match."""

    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    """Any of ``items`` may match."""

    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    """``item`` must not match."""

    item: Node


Node = Word | Phrase | DateRange | And | Or | Not

MAX_LENGTH = 2000  # characters in a query
MAX_DEPTH = 50  # parentheses and NOTs inside each other (deeper trees overflow the engine's stack)

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<phrase>"[^"]*"?)
  | (?P<field>[A-Za-z]+:)
  | (?P<word>[^\s()"]+)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class _Tok:
    kind: str  # lparen rparen phrase field word and or not minus end
    text: str
    pos: int


def _tokenize(text: str) -> list[_Tok]:
    toks: list[_Tok] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        assert m is not None  # the word alternative matches any other character
        kind, value = m.lastgroup or "word", m.group()
        pos = m.end()
        if kind == "space":
            continue
        if kind == "phrase":
            if len(value) < 2 or not value.endswith('"'):
                raise QueryError(f"unclosed quote at column {m.start() + 1}: add a closing \"")
            value = value[1:-1]
        elif kind == "field":
            name = value[:-1].lower()
            name = _FIELD_ALIASES.get(name, name)
            if name not in FIELDS:
                raise QueryError(f"unknown field '{value}' at column {m.start() + 1}; fields are: {', '.join(f + ':' for f in FIELDS)}")
            value = name
        elif kind == "word":
            if value in ("AND", "OR", "NOT"):
                kind = value.lower()
            elif value == "&&":
                kind = "and"
            elif value == "||":
                kind = "or"
            elif value == "-" and text[pos:pos + 1] in ('"', "("):  # -"phrase", -(group)
                kind = "minus"
            elif value.startswith("-") and len(value) > 1:
                # "-word", "-field:value" and "--word" negate what follows: read on after the dash
                # (in place, not by recursion: a query of 1,000 dashes is just as deep)
                toks.append(_Tok("minus", "-", m.start()))
                pos = m.start() + 1
                continue
        toks.append(_Tok(kind, value, m.start()))
    toks.append(_Tok("end", "", len(text)))
    return toks


class _Parser:
    def __init__(self, text: str) -> None:
        self.toks = _tokenize(text)
        self.i = 0
        self.depth = 0  # parentheses and NOTs open around the current position

    def enter(self, tok: _Tok) -> None:
        """One level deeper (a '(' or a NOT); refused beyond :data:`MAX_DEPTH`, before the
        tree grows deeper than the parser, the compiler or the engine can follow."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise QueryError(f"the query nests too deep at column {tok.pos + 1} "
                             f"(at most {MAX_DEPTH} parentheses and NOTs inside each other)")

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def parse(self) -> Node:
        if self.peek().kind == "end":
            raise QueryError("empty query: type some words, a \"phrase\" or a field such as origin:mexico")
        node = self.or_()
        tok = self.peek()
        if tok.kind == "rparen":
            raise QueryError(f"unmatched ')' at column {tok.pos + 1}")
        if tok.kind != "end":  # pragma: no cover - or_() consumes everything else
            raise QueryError(f"unexpected '{tok.text}' at column {tok.pos + 1}")
        return node

    def or_(self) -> Node:
        items = [self.and_()]
        while self.peek().kind == "or":
            self.take()
            items.append(self.and_())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def and_(self) -> Node:
        items = [self.unary()]
        while True:
            kind = self.peek().kind
            if kind == "and":
                self.take()
                items.append(self.unary())
            elif kind in ("end", "or", "rparen"):
                break
            else:
                items.append(self.unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary(self) -> Node:
        tok = self.peek()
        if tok.kind in ("not", "minus"):
            self.take()
            nxt = self.peek()
            if nxt.kind in ("end", "rparen", "or", "and"):
                what = "NOT" if tok.kind == "not" else "-"
                raise QueryError(f"'{what}' at column {tok.pos + 1} needs something after it to exclude")
            self.enter(tok)
            node = Not(self.unary())
            self.depth -= 1
            return node
        return self.primary()

    def primary(self) -> Node:
        tok = self.take()
        if tok.kind == "lparen":
            self.enter(tok)
            if self.peek().kind == "rparen":
                raise QueryError(f"empty parentheses at column {tok.pos + 1}")
            if self.peek().kind == "end":
                raise QueryError(f"unclosed '(' at column {tok.pos + 1}: add a ')'")
            node = self.or_()
            close = self.take()
            if close.kind != "rparen":
                raise QueryError(f"unclosed '(' at column {tok.pos + 1}: add a ')'")
            self.depth -= 1
            return node
        if tok.kind == "phrase":
            return _phrase(tok.text, None, tok.pos)
        if tok.kind == "word":
            return _word(tok.text, None, tok.pos)
        if tok.kind == "field":
            return self.field_value(tok)
        if tok.kind == "rparen":
            raise QueryError(f"unmatched ')' at column {tok.pos + 1}")
        if tok.kind == "end":
            raise QueryError("the query ends with an operator: add a word after it")
        raise QueryError(f"'{tok.text}' at column {tok.pos + 1} needs a word on each side")

    def field_value(self, tok: _Tok) -> Node:
        value = self.peek()
        name = tok.text
        if value.kind == "lparen" and name not in ("date", "bookmarked"):  # subject:(visa OR asylum)
            return _with_field(self.primary(), name)
        if value.kind not in ("word", "phrase"):
            raise QueryError(f"'{name}:' at column {tok.pos + 1} needs a value, e.g. {_EXAMPLES[name]}")
        self.take()
        if name == "date":
            return parse_date_range(value.text)
        if name == "bookmarked":
            v = value.text.strip().lower()
            if v not in _YES + _NO:
                raise QueryError(
                    f"bookmarked:{value.text} at column {value.pos + 1}: use bookmarked:yes or bookmarked:no")
            return Word("yes" if v in _YES else "no", name)
        if value.kind == "phrase":
            return _phrase(value.text, name, value.pos)
        return _word(value.text, name, value.pos)


_EXAMPLES = {
    "id": "id:08MEXICO721",
    "origin": "origin:mexico",
    "tag": "tag:KTIP",
    "class": "class:secret",
    "date": "date:2008 or date:2008-01..2008-06",
    "subject": "subject:trafficking",
    "person": "person:calderon or person:\"felipe calderon\"",
    "org": "org:\"national migration institute\"",
    "place": "place:tijuana",
    "acronym": "acronym:INM",
    "law": "law:\"penal code\"",
    "entity": "entity:INM",
    "bookmarked": "bookmarked:yes or bookmarked:no",
    "note": "note:follow or note:\"a phrase\"",
    "code": "code:objection or code:face-saving",
    "author": "author:ana (cables with her bookmarks, notes or codes)",
}


def _with_field(node: Node, field: str) -> Node:
    """``node`` with every word and phrase that has no field put in ``field``."""
    if isinstance(node, (Word, Phrase)):
        if node.field is None:
            return Word(node.text, field, node.prefix) if isinstance(node, Word) else Phrase(node.text, field)
        return node
    if isinstance(node, And):
        return And(tuple(_with_field(i, field) for i in node.items))
    if isinstance(node, Or):
        return Or(tuple(_with_field(i, field) for i in node.items))
    if isinstance(node, Not):
        return Not(_with_field(node.item, field))
    return node


def _phrase(text: str, field: str | None, pos: int) -> Node:
    if not text.strip():
        raise QueryError(f"empty phrase \"\" at column {pos + 1}")
    return Phrase(" ".join(text.split()), field)


def _word(text: str, field: str | None, pos: int) -> Node:
    prefix = text.endswith("*")
    stem = text.rstrip("*")
    if "*" in stem or "?" in stem:
        raise QueryError(f"'{text}' at column {pos + 1}: '*' is only allowed at the end of a word (prefix search)")
    if prefix and len(stem) < 2:
        raise QueryError(f"'{text}' at column {pos + 1}: a prefix needs at least 2 characters before '*'")
    return Word(stem, field, prefix)


_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _date_bound(text: str, end: bool, whole: str) -> int:
    m = _DATE.match(text)
    hint = "use date:2008, date:2008-01, date:2008-01-15 or a range date:2008-01..2008-06"
    if not m:
        raise QueryError(f"date:{whole}: '{text}' is not a date; {hint}")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if not 1900 <= year <= 2100:
        raise QueryError(f"date:{whole}: year {year} is out of range; {hint}")
    if month is None:
        return year * 10000 + (1231 if end else 101)
    mon = int(month)
    if not 1 <= mon <= 12:
        raise QueryError(f"date:{whole}: month {month} is not 1-12; {hint}")
    last = calendar.monthrange(year, mon)[1]
    if day is None:
        return year * 10000 + mon * 100 + (last if end else 1)
    d = int(day)
    if not 1 <= d <= last:
        raise QueryError(f"date:{whole}: day {day} is not in {year}-{mon:02d}; {hint}")
    return year * 10000 + mon * 100 + d


def parse_date_range(text: str) -> DateRange:
    """``2008`` / ``2008-01`` / ``2008-01-15`` / ``A..B`` / ``A..`` / ``..B`` → :class:`DateRange`."""
    if ".." in text:
        lo, _, hi = text.partition("..")
        if not lo and not hi:
            raise QueryError("date:.. needs at least one end, e.g. date:2008-01..2008-06")
        start = _date_bound(lo, False, text) if lo else None
        end = _date_bound(hi, True, text) if hi else None
        if start is not None and end is not None and start > end:
            raise QueryError(f"date:{text}: the range starts after it ends")
        return DateRange(start, end)
    return DateRange(_date_bound(text, False, text), _date_bound(text, True, text))


def parse_query(text: str) -> Node:
    """Parse ``text`` into a syntax tree. Raises :class:`QueryError` with a clear message."""
    if not isinstance(text, str):
        raise QueryError("the query must be text")
    if len(text) > MAX_LENGTH:
        raise QueryError(f"the query is too long (at most {MAX_LENGTH} characters)")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:  # a lone surrogate (a broken paste, a bad file name)
        raise QueryError(f"character {err.start + 1} of the query is not valid text "
                         f"(U+{ord(text[err.start]):04X}, half of a pair): remove it") from None
    return _Parser(text).parse()


def positive_words(node: Node) -> list[Word | Phrase]:
    """The words and phrases a hit is expected to contain (not under a NOT)."""
    out: list[Word | Phrase] = []
    if isinstance(node, (Word, Phrase)):
        out.append(node)
    elif isinstance(node, (And, Or)):
        for item in node.items:
            out.extend(positive_words(item))
    return out


def filters_only(node: Node) -> bool:
    """True when no word of the query is ranked (only filters: ``tag:KTIP date:2009 origin:"san jose"``,
    names, bookmarks): such a query's hits are listed newest first, not by how long their tags are."""
    return not any(w.field in (None, "subject") for w in positive_words(node))


def asks_tag(node: Node, tag: str) -> bool:
    """True when the query asks for cables tagged ``tag`` (``tag:KTIP``, not under a NOT)."""
    return any(isinstance(w, Word) and w.field == "tag" and not w.prefix and w.text.upper() == tag.upper()
               for w in positive_words(node))


def uses_entity_fields(text: str) -> bool:
    """True when the query asks an entity field (``person:`` ... ``entity:``); False when it
    does not or cannot be parsed."""
    try:
        node = parse_query(text)
    except QueryError:
        return False
    todo: list[Node] = [node]
    while todo:
        n = todo.pop()
        if isinstance(n, (Word, Phrase)) and (n.field in ENTITY_FIELDS or n.field == "entity"):
            return True
        if isinstance(n, (And, Or)):
            todo.extend(n.items)
        elif isinstance(n, Not):
            todo.append(n.item)
    return False
