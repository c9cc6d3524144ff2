"""The library's search box: an :class:`~textual.widgets.Input` that leaves ``?`` to the screen.

A query has no use for a question mark (the index drops it), so ``?`` opens the help from the
library as it does in the reader, even while a query is being typed; a pasted ``?`` is kept.
Headless (tests, screenshots) its cursor does not blink.
"""

from __future__ import annotations

from textual.widgets import Input


class SearchBox(Input):
    """The library's query input; ``?`` is not typed but left to the screen's binding (help)."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Every printable key but ``?``, as an Input would."""
        return character != "?" and super().check_consume_key(key, character)

    def on_mount(self) -> None:
        """No blinking cursor in a headless run (tests, benchmarks): the screen shown does not
        depend on when it is taken."""
        self.cursor_blink = not self.app.is_headless
