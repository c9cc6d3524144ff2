"""Search: a query's syntax tree → a tantivy query → ranked hits with snippets.

Words match the subject (boosted) or the body; the analysis (lower case,
accents folded, English stemming) is the index's own, so ``trafficked`` finds
``trafficking``. Each hit carries a snippet cut from the body around the best
match, the matched words marked, and the number of the paragraph it is in.

Entity fields (``person:``, ``org:``, ``place:``, ``acronym:``, ``law:``, and
``entity:`` for any of them) match the names found at import, without stemming: an
*entity filter* (normally the library's :func:`entity_search.ref_ids`) gives the cables
whose names match, and they become a ``ref_id`` set query.
``bookmarked:``, ``note:`` and ``code:`` ask a *user filter*, ``(field, value) → RefFilter``
(normally :class:`tipreader.userdata.filters.UserFilter`), for the cables they select; the
answer becomes a ``ref_id`` set query. Without a user filter they are a
:class:`QueryError`, never an engine error.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import tantivy

from .bookmark_keys import RefFilter
from .index import PLAIN_ANALYZER, SCHEMA, STEM_ANALYZER, SUBJECT_BOOST, unpack_paragraphs
from .query import ENTITY_FIELDS, USER_FIELDS, And, DateRange, Node, Not, Or, Phrase, QueryError, Word, parse_query
from .snippets import Highlighter, Snippet

Q = tantivy.Query
OCC = tantivy.Occur
UserFilter = Callable[[str, str], RefFilter]  # ("bookmarked", "yes") / ("code", "objection") → the cables it selects
# (fields, plain-analysed words, last word a prefix) → the ref_ids whose names match (entity_search.ref_ids);
# asked for ("id",) and an id, the cables known by that id in another form (aliases.ref_ids)
EntityFilter = Callable[[tuple[str, ...], list[str], bool], set[str]]


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: the cable's key facts, its score, and where the match is."""

    ref_id: str
    date: str | None
    origin: str | None
    subject: str | None
    classification: str | None
    score: float
    paragraph: int | None  # the cable's own paragraph number of the snippet, when it has one
    paragraph_index: int | None  # the snippet's paragraph position in Cable.paragraphs
    snippet: Snippet

    def to_dict(self) -> dict:
        """JSON-ready form (the CLI's ``--json`` lines)."""
        return {
            "ref_id": self.ref_id,
            "date": self.date,
            "origin": self.origin,
            "subject": self.subject,
            "classification": self.classification,
            "score": round(self.score, 4),
            "paragraph": self.paragraph,
            "paragraph_index": self.paragraph_index,
            "snippet": self.snippet.marked(),
        }


def _either(field_queries: list[tuple[str, tantivy.Query]]) -> tantivy.Query:
    subs = []
    for field, q in field_queries:
        subs.append((OCC.Should, Q.boost_query(q, SUBJECT_BOOST) if field == "subject" else q))
    return subs[0][1] if len(subs) == 1 else Q.boolean_query(subs)


def _text_query(field: str, tokens: list[str]) -> tantivy.Query:
    if len(tokens) == 1:
        return Q.term_query(SCHEMA, field, tokens[0])
    return Q.phrase_query(SCHEMA, field, list[str | tuple[int, str]](tokens))


def _lcp(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


PREFIX_TERMS = 48


def _prefix_parts(field: str, text: str, stem: bool, searcher: tantivy.Searcher | None) -> list[tantivy.Query] | None:
    """Queries whose union is ``text*`` in ``field`` (kept flat so the union is scored block-max WAND)."""
    plain = PLAIN_ANALYZER.analyze(text)
    if not plain:
        return None
    *head, last = plain
    if stem:
        stems = STEM_ANALYZER.analyze(text)
        last_key = _lcp(last, stems[-1]) if stems else last
        head = stems[:-1]
    else:
        last_key = last
    if len(last_key) < 2:
        last_key = last
    if head:
        return [Q.phrase_prefix_query(SCHEMA, field, list[str | tuple[int, str]]([*head, last_key]))]
    if searcher is not None:
        # the most frequent completions as scored, highlightable terms (a regex query scores flat)
        terms = [t for t, _ in searcher.terms_with_prefix(field, last_key, limit=PREFIX_TERMS)]
        return [Q.term_query(SCHEMA, field, t) for t in terms] or [Q.empty_query()]
    return [Q.regex_query(SCHEMA, field, re.escape(last_key) + ".*")]


def _union(queries: list[tantivy.Query]) -> tantivy.Query:
    return queries[0] if len(queries) == 1 else Q.boolean_query([(OCC.Should, q) for q in queries])


def _user_query(node: Word | Phrase, user_filter: UserFilter | None) -> tantivy.Query:
    """``bookmarked:yes|no`` / ``note:...`` / ``code:...`` → a query on ``ref_id`` from the user's data."""
    from .bookmarks import BookmarkError, filter_query

    field = node.field or ""
    if user_filter is None:
        raise QueryError(f"{field}: needs your bookmarks database, which this search has not been given")
    if isinstance(node, Phrase):
        value = f'"{node.text}"'
    else:
        value = node.text + ("*" if node.prefix else "")
    try:
        selected = user_filter(field, value)
    except ValueError as err:
        raise QueryError(f"{field}:{value}: {' '.join(str(err).split())}") from err
    except BookmarkError as err:
        what = "codes" if field == "code" else "bookmarks"
        raise QueryError(f"{field}: your {what} could not be read: {' '.join(str(err).split())}") from err
    if not selected.ref_ids:
        return Q.all_query() if selected.exclude else Q.empty_query()
    return filter_query(selected)


def _entity_query(node: Word | Phrase, entity_filter: EntityFilter | None) -> tantivy.Query | None:
    """An entity field (or ``entity:``, all of them): plain analysis, no stemming; the cables it
    selects (asked of ``entity_filter``, the library's names) as a ``ref_id`` set query."""
    fields = ENTITY_FIELDS if node.field == "entity" else (node.field or "",)
    tokens = PLAIN_ANALYZER.analyze(node.text)
    if not tokens:
        return None
    if entity_filter is None:
        raise QueryError(f"{node.field}: needs the library's names, which this search has not been given")
    selected = entity_filter(tuple(fields), tokens, isinstance(node, Word) and node.prefix)
    if not selected:
        return Q.empty_query()
    return Q.term_set_query(SCHEMA, "ref_id", sorted(selected))


def _word_or_phrase(node: Word | Phrase, searcher: tantivy.Searcher | None,
                    user_filter: UserFilter | None = None, entity_filter: EntityFilter | None = None) -> tantivy.Query | None:
    field = node.field
    prefix = isinstance(node, Word) and node.prefix
    if field in USER_FIELDS:
        return _user_query(node, user_filter)
    if field in ENTITY_FIELDS or field == "entity":
        return _entity_query(node, entity_filter)
    if field == "id":
        return _id_query(node.text, bool(prefix), entity_filter)
    if field in ("origin", "tag", "class"):
        if prefix:
            parts = _prefix_parts(field, node.text, False, searcher)
            return _union(parts) if parts else None
        tokens = PLAIN_ANALYZER.analyze(node.text)
        return _text_query(field, tokens) if tokens else None
    fields = ["subject"] if field == "subject" else ["subject", "body"]
    if prefix:
        flat: list[tantivy.Query] = []
        for f in fields:
            parts = _prefix_parts(f, node.text, True, searcher)
            if parts is None:
                return None
            flat.extend(Q.boost_query(p, SUBJECT_BOOST) if f == "subject" else p for p in parts)
        if field is None and (REF_SHAPED.fullmatch(node.text.upper()) or REF_BEGUN.fullmatch(node.text.upper())):
            # an id being typed (the app searches as you type): the cables whose id starts so, first
            flat.insert(0, Q.boost_query(_id_query(node.text, True, entity_filter), ID_BOOST))
        return _union(flat)
    tokens = STEM_ANALYZER.analyze(node.text)
    if not tokens:
        return None
    words = _either([(f, _text_query(f, tokens)) for f in fields])
    if field is None and REF_SHAPED.fullmatch(node.text.upper()):
        # a user types the id: that cable first, and the word wherever else it is written
        return Q.boolean_query([(OCC.Should, Q.boost_query(_id_query(node.text, False, entity_filter), ID_BOOST)),
                                (OCC.Should, words)])
    return words


# a word a user may mean as a cable's id: 08MEXICO721, 1973STATE097844_b, VATICAN1261 (no year stated),
# WikiLeaks' malformed 08ECTION01OF02MANAMA492
REF_SHAPED = re.compile(r"(?:\d{2}|\d{4})?[A-Z]{3,}[A-Z0-9]*\d(?:_[A-Z0-9]+)?")
# the start of an id being typed: a year, then the post (08MEX)
REF_BEGUN = re.compile(r"(?:\d{2}|\d{4})[A-Z]{3,}[A-Z0-9]*")
ID_BOOST = 20.0


def _id_query(text: str, prefix: bool, entity_filter: EntityFilter | None) -> tantivy.Query:
    """``id:TEXT``: the cable with that id (every id starting so when ``prefix``), and the cables
    known by it in another form (WikiLeaks' malformed ``08ECTION01OF02MANAMA492``: aliases)."""
    value = text.upper()
    if prefix:
        own = Q.regex_query(SCHEMA, "ref_id", re.escape(value) + ".*")
    else:
        own = Q.term_query(SCHEMA, "ref_id", value)
    known_as = entity_filter(("id",), [value], prefix) if entity_filter is not None else set()
    return _union([own, Q.term_set_query(SCHEMA, "ref_id", sorted(known_as))]) if known_as else own


def compile_query(node: Node, searcher: tantivy.Searcher | None = None,
                  user_filter: UserFilter | None = None, entity_filter: EntityFilter | None = None) -> tantivy.Query | None:
    """A syntax tree → a tantivy query; None when nothing searchable is left (e.g. only punctuation).

    ``user_filter`` answers ``bookmarked:`` and ``note:``, ``entity_filter`` the entity fields
    (see the module docstring).
    """
    if isinstance(node, (Word, Phrase)):
        return _word_or_phrase(node, searcher, user_filter, entity_filter)
    if isinstance(node, DateRange):
        return Q.range_query(SCHEMA, "date", tantivy.FieldType.Integer, node.start, node.end)
    if isinstance(node, Not):
        inner = compile_query(node.item, searcher, user_filter, entity_filter)
        if inner is None:
            return None
        return Q.boolean_query([(OCC.Must, Q.all_query()), (OCC.MustNot, inner)])
    if isinstance(node, And):
        subs = []
        for item in node.items:
            if isinstance(item, Not):
                inner = compile_query(item.item, searcher, user_filter, entity_filter)
                if inner is not None:
                    subs.append((OCC.MustNot, inner))
                continue
            q = compile_query(item, searcher, user_filter, entity_filter)
            if q is not None:
                subs.append((OCC.Must, q))
        if not any(occ == OCC.Must for occ, _ in subs):
            if not subs:
                return None
            subs.append((OCC.Must, Q.all_query()))
        return subs[0][1] if len(subs) == 1 else Q.boolean_query(subs)
    if isinstance(node, Or):
        subs = [(OCC.Should, q) for q in (compile_query(i, searcher, user_filter, entity_filter) for i in node.items) if q is not None]
        if not subs:
            return None
        return subs[0][1] if len(subs) == 1 else Q.boolean_query(subs)
    raise QueryError("unsupported query")  # pragma: no cover


def build(text: str, searcher: tantivy.Searcher | None = None, user_filter: UserFilter | None = None,
          entity_filter: EntityFilter | None = None) -> tantivy.Query:
    """Query text → a tantivy query (see :func:`build_with_tree`)."""
    return build_with_tree(text, searcher, user_filter, entity_filter)[0]


def build_with_tree(text: str, searcher: tantivy.Searcher | None = None, user_filter: UserFilter | None = None,
                    entity_filter: EntityFilter | None = None) -> tuple[tantivy.Query, Node]:
    """Query text → a tantivy query. Raises :class:`QueryError` for anything malformed.

    With a ``searcher``, a ``prefix*`` expands to its most frequent completions;
    ``user_filter`` answers ``bookmarked:`` and ``note:``.
    """
    node = parse_query(text)
    q = compile_query(node, searcher, user_filter, entity_filter)
    if q is None:
        raise QueryError("nothing to search for: the query has no words (only punctuation?)")
    return q, node


def highlight_tree(node: Node) -> Node:
    """The tree the snippet highlighter reads: entity values are looked for in the body
    (``person:calderon`` marks "Calderon"); bookmark filters have nothing to mark."""
    if isinstance(node, (Word, Phrase)):
        if node.field in ENTITY_FIELDS or node.field == "entity":
            return Word(node.text, None, node.prefix) if isinstance(node, Word) else Phrase(node.text, None)
        if node.field in USER_FIELDS:
            return Not(node)  # under a NOT: not a word a hit is expected to contain
        return node
    if isinstance(node, And):
        return And(tuple(highlight_tree(i) for i in node.items))
    if isinstance(node, Or):
        return Or(tuple(highlight_tree(i) for i in node.items))
    return node


def _page(searcher: tantivy.Searcher, q: tantivy.Query, limit: int, offset: int, by_date: bool) -> list:
    if by_date:
        return searcher.search(q, limit=limit, count=False, offset=offset, order_by_field="date").hits
    return searcher.search(q, limit=limit, count=False, offset=offset).hits


def top_docs(searcher: tantivy.Searcher, q: tantivy.Query, limit: int, offset: int, by_date: bool,
             first: set[str] | None = None) -> list:
    """(score, address) of the hits ``offset`` to ``offset + limit`` of ``q``, by score or newest first;
    the cables of ``first`` (ref_ids) that match come before all others, each group in that order."""
    if not first:
        return _page(searcher, q, limit, offset, by_date)
    chosen = Q.term_set_query(SCHEMA, "ref_id", sorted(first))
    head = Q.boolean_query([(OCC.Must, q), (OCC.Must, chosen)])
    n_head = searcher.search(head, limit=1, count=True).count or 0  # type: ignore[attr-defined]  # tantivy's stub lacks it
    out = _page(searcher, head, min(limit, n_head - offset), offset, by_date) if offset < n_head else []
    if len(out) < limit:
        tail = Q.boolean_query([(OCC.Must, q), (OCC.MustNot, chosen)])
        out += _page(searcher, tail, limit - len(out), max(0, offset - n_head), by_date)
    return out


def user_filter_of(bookmarks: object | None) -> UserFilter | None:
    """The search's ``bookmarked:``/``note:``/``code:`` filter from a bookmark store (its
    ``filter_ref_ids``) or a bare callable; None for none."""
    if bookmarks is None:
        return None
    return getattr(bookmarks, "filter_ref_ids", None) or bookmarks  # type: ignore[return-value]


def hits_of(searcher: tantivy.Searcher, found: list, tree: Node, rows_of: Callable[[list[str]], dict[str, tuple]],
            by_date: bool) -> list[Hit]:
    """The :class:`Hit` of each (score, address) in ``found``, its snippet cut from the stored body
    (``rows_of``: ref_ids → :func:`store.snippet_rows`) around the words of ``tree``."""
    if not found:
        return []
    highlighter = Highlighter(highlight_tree(tree))
    docs = [(score, searcher.doc(addr)) for score, addr in found]
    rows = rows_of([str(d.get_first("ref_id")) for _, d in docs])
    hits: list[Hit] = []
    for score, doc in docs:
        row = rows.get(str(doc.get_first("ref_id")))
        if row is None:  # an index document left by an interrupted import; the next import replaces it
            continue
        snippet, number, index = highlighter.snippet(row[5], unpack_paragraphs(row[6]))
        hits.append(Hit(row[0], row[1], row[2], row[3], row[4], 0.0 if by_date else float(score), number, index,
                        snippet))
    return hits
