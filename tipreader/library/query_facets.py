"""The filter panel's counts for the current query: origin, TAGS, classification and year of its hits.

``Library.facets`` counts the whole library (or exact filters); a researcher who typed
``person:calderon`` wants to see which posts and years *those* cables come from. Two ways,
both exact for what they list:

- up to :data:`EXACT_UP_TO` hits: the hits' ref ids are read from the index (the only stored
  field, so a few milliseconds per thousand) and grouped in SQLite, so every value the
  results hold can be listed, however rare in the library;
- more hits than that: the library's own top values are the candidates, each counted in the
  index (the query AND the value: a count, no document read), the zeros dropped. A value
  outside the library's top is then not listed: the panel says counts, not completeness.

Years always come from the index's date histogram (no document read).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

import tantivy

from . import search
from .histogram import histogram

EXACT_UP_TO = 10_000  # hits whose ref ids are read and grouped in SQLite; above, counts per candidate value
_FIELDS = {"origin": "origin", "year": "date", "tag": "tag", "classification": "class"}


def term_for(group: str, value: str) -> str:
    """The query term that filters on ``value`` of ``group`` (``origin:"Embassy Manama"``, ``date:2008``)."""
    field = _FIELDS[group]
    if group in ("origin", "classification") and (" " in value or "/" in value or ":" in value):
        return f'{field}:"{value.replace(chr(34), "")}"'
    return f"{field}:{value}"


def _years(searcher: tantivy.Searcher, q: tantivy.Query) -> list[tuple[str, int]]:
    """Hits per year, newest first (the histogram's months summed when it counts months)."""
    by_year: dict[str, int] = {}
    for period, n in histogram(searcher, q).buckets:
        if n:
            by_year[period[:4]] = by_year.get(period[:4], 0) + n
    return sorted(by_year.items(), reverse=True)


def _grouped(con: sqlite3.Connection, ref_ids: list[str], top: int) -> dict[str, list[tuple[str, int]]]:
    """Origin, classification and TAGS counts over the cables ``ref_ids`` (one SQL pass each)."""
    ids = json.dumps(ref_ids)
    inside = "c.ref_id IN (SELECT value FROM json_each(?))"
    out: dict[str, list[tuple[str, int]]] = {}
    for name, expr in (("origin", "c.origin"), ("classification", "c.classification")):
        out[name] = [(str(v), n) for v, n in con.execute(
            f"SELECT {expr} AS v, COUNT(*) n FROM cables c WHERE {inside} AND v IS NOT NULL AND v != '' "
            "GROUP BY v ORDER BY n DESC, v LIMIT ?", [ids, top])]
    out["tag"] = [(str(v), n) for v, n in con.execute(
        f"SELECT t.tag, COUNT(*) n FROM cable_tags t JOIN cables c ON c.ref_id=t.ref_id WHERE {inside} "
        "GROUP BY t.tag ORDER BY n DESC, t.tag LIMIT ?", [ids, top])]
    return out


def _counted(searcher: tantivy.Searcher, q: tantivy.Query, candidates: dict[str, list[tuple[str, int]]],
             top: int) -> dict[str, list[tuple[str, int]]]:
    """The candidates' counts within ``q``'s hits (the query AND each value), zeros dropped."""
    out: dict[str, list[tuple[str, int]]] = {}
    for group in ("origin", "classification", "tag"):
        counts = []
        for value, _ in candidates.get(group, []):
            both = tantivy.Query.boolean_query([(tantivy.Occur.Must, q),
                                                (tantivy.Occur.Must, search.build(term_for(group, value), searcher))])
            n = searcher.search(both, limit=1, count=True).count or 0  # type: ignore[attr-defined]  # stub lacks it
            if n:
                counts.append((value, n))
        out[group] = sorted(counts, key=lambda vn: (-vn[1], vn[0]))[:top]
    return out


def query_facets(searcher: tantivy.Searcher, q: tantivy.Query, connect: Callable[[], sqlite3.Connection],
                 library_top: Callable[[], dict[str, list[tuple[str, int]]]], top: int = 30,
                 exact_up_to: int | None = None) -> dict[str, list[tuple[str, int]]]:
    """``{"origin", "classification", "tag", "year": [(value, hits)]}`` for the hits of ``q``.

    ``connect`` opens a read-only connection to the library database (closed here);
    ``library_top`` gives the library's own counts (the candidates when there are many hits).
    """
    n = searcher.search(q, limit=1, count=True).count or 0  # type: ignore[attr-defined]
    exact_up_to = EXACT_UP_TO if exact_up_to is None else exact_up_to
    if not n:
        return {"origin": [], "classification": [], "tag": [], "year": []}
    if n <= exact_up_to:
        hits = searcher.search(q, limit=n, count=False).hits
        ref_ids = [str(searcher.doc(addr).get_first("ref_id")) for _, addr in hits]
        con = connect()
        try:
            out = _grouped(con, ref_ids, top)
        finally:
            con.close()
    else:
        out = _counted(searcher, q, library_top(), top)
    out["year"] = _years(searcher, q)
    return out
