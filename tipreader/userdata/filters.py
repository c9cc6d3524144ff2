"""The search fields the user's own data answers: ``bookmarked:``/``note:`` (bookmarks) and
``code:`` (coded passages), as one ``(field, value) → RefFilter`` for :meth:`Library.search`.

    user = UserFilter(bookmarks=app_bookmarks, codes=app_codes)   # stores already open
    lib.search("code:objection origin:mexico", bookmarks=user)
    user = UserFilter()                                            # the CLI: each store opened
    ...                                                            # only when a query asks it
    user.close()                                                   # closes what it opened
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tipreader.library.bookmark_keys import RefFilter
from tipreader.library.bookmarks import BookmarkError, BookmarkStore
from tipreader.library.userdb_safety import UserDBError

from .codes import CodeError, CodeStore


class UserFilter:
    """Answers the user fields of a query from the bookmark and code stores (opened lazily
    under ``home`` when not given). Every failure is a :class:`BookmarkError` (one line),
    which the search turns into a ``bad query`` message."""

    def __init__(self, bookmarks: BookmarkStore | None = None, codes: CodeStore | None = None,
                 home: Path | None = None) -> None:
        self.bookmarks = bookmarks
        self.codes = codes
        self.home = home
        self._opened: list[Any] = []

    def __call__(self, field: str, value: str) -> RefFilter:
        try:
            if field.lower() == "code":
                if self.codes is None:
                    self.codes = CodeStore.open(self.home)
                    self._opened.append(self.codes)
                return self.codes.filter_ref_ids(field, value)
            if self.bookmarks is None:
                self.bookmarks = BookmarkStore.open(self.home)
                self._opened.append(self.bookmarks)
            return self.bookmarks.filter_ref_ids(field, value)
        except (UserDBError, CodeError) as err:
            raise BookmarkError(str(err)) from err

    filter_ref_ids = __call__

    def close(self) -> None:
        """Close the stores this filter opened (not the ones it was given)."""
        for store in self._opened:
            store.close()
        self._opened.clear()
