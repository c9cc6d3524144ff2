"""Said at start when the user database cannot be used: the file is kept; start a fresh one beside it?

``push_screen(UserDBDamaged(problem, path), callback)``: the callback gets True when
the user chose to start fresh (the damaged file has then been moved aside with
:func:`~tipreader.library.userdb_safety.start_fresh_beside`, and ``kept`` says where),
False when not (bookmarks and reading positions stay off for this session).
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from tipreader.library.userdb_safety import UserDBError, start_fresh_beside
from tipreader.ui.text import clean


class UserDBDamaged(ModalScreen[bool]):
    """Tells that the user database is damaged, keeps it, offers a fresh one beside it."""

    DEFAULT_CSS = """
    UserDBDamaged { align: center middle; }
    UserDBDamaged #udb-box { width: 80%; max-width: 90; height: auto; border: round $error; background: $surface; padding: 1 2; }
    UserDBDamaged #udb-box Label { width: 1fr; margin-bottom: 1; }
    UserDBDamaged #udb-buttons { height: auto; align-horizontal: right; }
    UserDBDamaged Button { margin-left: 2; }
    """

    BINDINGS = [
        Binding("f", "fresh", "Start fresh", id="userdb.app.fresh",
                tooltip="Move the damaged file aside (it is kept) and start an empty database"),
        Binding("escape,n", "later", "Not now", id="userdb.app.later",
                tooltip="Leave the file as it is; bookmarks stay off for this session"),
    ]

    def __init__(self, problem: str, path: Path) -> None:
        super().__init__()
        self.problem = problem
        self.path = Path(path)
        self.kept: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="udb-box"):
            yield Label(Text("Your bookmarks and reading positions cannot be opened", style="bold"))
            yield Label(Text(clean(self.problem, newlines=False)))
            yield Label(Text("The file is kept exactly as it is. tipreader can move it aside (to a name "
                             "ending in .damaged-DATE, in the same folder) and start a fresh, empty one."))
            with Horizontal(id="udb-buttons"):
                yield Button("Not now", id="udb-later")
                yield Button("Start fresh beside it", id="udb-fresh", variant="primary")

    @on(Button.Pressed, "#udb-fresh")
    def action_fresh(self) -> None:
        """Move the damaged file aside and close with True (or say why it could not)."""
        try:
            self.kept = start_fresh_beside(self.path)
        except UserDBError as err:
            self.notify(str(err), severity="error", markup=False)
            return
        self.notify(f"The damaged file is kept as {self.kept.name}; a fresh one is started.", markup=False, timeout=8)
        self.dismiss(True)

    @on(Button.Pressed, "#udb-later")
    def action_later(self) -> None:
        """Close with False: nothing is touched."""
        self.dismiss(False)
