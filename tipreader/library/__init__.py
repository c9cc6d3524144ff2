"""The cable library: storage, import, full-text search, the user's data. No UI.

Start with :class:`Library` (``Library.open().ensure_seeded()``) and
:class:`UserData`; :class:`QueryError` is the one error a search raises for bad input.
"""

from .importer import ImportProgress, ImportReport
from .library import CableSummary, Library, RebuildNeeded
from .query import QueryError, parse_query
from .search import Hit
from .snippets import Snippet
from .stats import LibraryStats
from .userdata import HistoryEntry, UserData

__all__ = [
    "CableSummary",
    "HistoryEntry",
    "Hit",
    "ImportProgress",
    "ImportReport",
    "Library",
    "LibraryStats",
    "QueryError",
    "RebuildNeeded",
    "Snippet",
    "UserData",
    "parse_query",
]
