"""How many of a query's hits fall in each year (or month): counts from the index, no document loaded.

tantivy's histogram aggregation over the ``date`` fast field (``YYYYMMDD`` as an integer)
gives the counts by month in one pass; years are their sums. The results are shown by
month when they span under two years, else by year; the periods between the first and
the last are all listed (zeros included) so a bar chart has no hidden gaps. Cables
without a date are counted apart (``unknown``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import tantivy


@dataclass(frozen=True, slots=True)
class Histogram:
    """Counts by period: ``unit`` is "year" or "month"; ``buckets`` [(``2008`` or ``2008-03``, n)]."""

    unit: str
    buckets: list[tuple[str, int]] = field(default_factory=list)
    unknown: int = 0  # hits without a date

    @property
    def total(self) -> int:
        """All the hits counted (dated or not)."""
        return sum(n for _, n in self.buckets) + self.unknown

    def to_dict(self) -> dict:
        """JSON-ready: ``{"unit", "buckets": [{"period", "count"}], "unknown", "total"}``."""
        data = asdict(self)
        data["buckets"] = [{"period": p, "count": n} for p, n in self.buckets]
        data["total"] = self.total
        return data


def _months(first: int, last: int) -> list[int]:
    """Every month YYYYMM from ``first`` to ``last``."""
    out, y, m = [], first // 100, first % 100
    while y * 100 + m <= last:
        out.append(y * 100 + m)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def histogram(searcher: tantivy.Searcher, query: tantivy.Query) -> Histogram:
    """The counts of ``query``'s hits by month or year (see the module doc)."""
    result = searcher.aggregate(query, {"m": {"histogram": {"field": "date", "interval": 100, "min_doc_count": 1}}})
    by_month: dict[int, int] = {}
    unknown = 0
    for bucket in result.get("m", {}).get("buckets", []):
        key, n = int(bucket["key"]) // 100, int(bucket["doc_count"])
        if key < 100 * 1000:  # date 0: unknown
            unknown += n
        elif n:
            by_month[key] = by_month.get(key, 0) + n
    if not by_month:
        return Histogram("year", [], unknown)
    first, last = min(by_month), max(by_month)
    if (last // 100 - first // 100) * 12 + (last % 100 - first % 100) < 24:
        return Histogram("month", [(f"{k // 100}-{k % 100:02d}", by_month.get(k, 0)) for k in _months(first, last)],
                         unknown)
    by_year: dict[int, int] = {}
    for k, n in by_month.items():
        by_year[k // 100] = by_year.get(k // 100, 0) + n
    return Histogram("year", [(str(y), by_year.get(y, 0)) for y in range(first // 100, last // 100 + 1)], unknown)
