"""Coding passages in the reader: ``C`` applies a code of the codebook to the paragraph (or the
question chosen in the tree), with an optional note; the codes show as tags under the
paragraph and beside its node in the tree; choosing a code the paragraph has removes it.

The store is the app's ``services.codes`` and the codebook ``services.codebook`` (the user
database could not be opened: the key says so). Teammates' codes pulled from the team server
show with their author and cannot be removed here.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from rich.text import Text

from tipreader.ui.code_view import decorate_codes, tree_badges
from tipreader.ui.document import Block
from tipreader.ui.parts.base import ReaderPart, part_binding
from tipreader.ui.widgets.section_tree import SectionTree
from tipreader.userdata.codes import Located, question_at, question_paragraphs

if TYPE_CHECKING:
    from tipreader.ui.dialogs.code_picker import CodeChoice
    from tipreader.ui.screens.reader import ReaderScreen
    from tipreader.userdata.codes import CodeStore

_log = logging.getLogger(__name__)


class CodesPart(ReaderPart):
    """The reader's coding key and tags."""

    name = "codes"
    BINDINGS = [
        part_binding("codes", "C", "pick", "Code", id="reader.codes.apply",
                     tooltip="Apply a code of the codebook to the paragraph at the top (or the question chosen "
                     "in the tree), with a note; choosing a code it has removes it", show=False),
    ]

    def __init__(self, reader: ReaderScreen) -> None:
        super().__init__(reader)
        self._placed: dict[int, list[Located]] | None = None

    @property
    def store(self) -> CodeStore | None:
        """The app's CodeStore, or None."""
        return self.reader.services.codes

    @property
    def placed(self) -> dict[int, list[Located]]:
        """Paragraph index → the coded passages on it (read from the store the first time)."""
        if self._placed is None:
            self._placed = self._read()
        return self._placed

    def _read(self) -> dict[int, list[Located]]:
        store = self.store
        try:
            return store.in_cable(self.reader.cable) if store is not None else {}
        except Exception as err:  # the user database failed: read on without tags
            _log.error("codes cannot be read", exc_info=True)
            self.reader.notify(f"Codes: {err}", severity="error", markup=False)
            return {}

    # ---- hooks ----------------------------------------------------------------------
    def decorate(self, blocks: list[Block]) -> list[Block]:
        """``blocks`` with a line of tags under each coded paragraph."""
        return decorate_codes(blocks, self.placed)

    def shown(self) -> None:
        """Tag the tree."""
        self._tag_tree()

    def user_data_changed(self) -> None:
        """A fresh start of the user database: tag again."""
        self.refresh_codes()

    def refresh_codes(self) -> None:
        """Read this cable's codes again and redraw text and tree in place."""
        self._placed = self._read()
        if self.live:
            self.reader.refresh_text()
            self._tag_tree()

    def _tag_tree(self) -> None:
        badges: dict[int, tuple[Text | None, Text | None]] = {
            p: (tag, None) for p, tag in tree_badges(self.placed).items()}  # before: a narrow tree cuts the end
        for tree in self.reader.query(SectionTree):
            tree.set_badges("codes", badges)

    # ---- the action ---------------------------------------------------------------------
    def action_pick(self) -> None:
        """The code picker for the paragraph here (or the question chosen in the tree)."""
        from tipreader.ui.dialogs.code_picker import CodePicker

        reader = self.reader
        store = self.store
        if store is None:
            reader.notify("Coding is off: the user database could not be opened.", severity="warning", markup=False)
            return
        focused = reader.focused
        node = focused.cursor_node if isinstance(focused, SectionTree) else None
        para = node.data if node is not None and isinstance(node.data, int) else reader.here()
        if para is None or para < 0:
            reader.notify("Codes go on paragraphs: scroll to one first.", markup=False)
            return
        cable = reader.cable
        q = question_at(cable, para)
        whole = q is not None and len(question_paragraphs(q)) > 1
        on_question = whole and q is not None and node is not None and node.data == q.paragraph_index
        book = reader.services.codebook
        applied = frozenset(loc.passage.code for loc in self.placed.get(para, []) if not loc.passage.team)

        def chosen(choice: CodeChoice | None) -> None:
            if choice is not None:
                self._apply(choice, para)

        label = q.label if whole and q is not None and q.label else None
        reader.app.push_screen(CodePicker(book, reader.citation(para), cable.paragraphs[para].text, applied,
                                          question=label, whole_question=on_question), chosen)

    def _apply(self, choice: CodeChoice, para: int) -> None:
        reader, store = self.reader, self.store
        if store is None:
            return
        cable = reader.cable
        q = question_at(cable, para)
        paras = question_paragraphs(q) if choice.whole_question and q is not None else [para]
        where = f"Q {q.label}" if choice.whole_question and q is not None else reader.citation(para)
        try:
            if choice.remove:
                ids = [loc.passage.id for i in paras for loc in self.placed.get(i, [])
                       if loc.passage.code == choice.code and not loc.passage.team]
                gone = store.delete(ids)
                message = f"Removed {choice.code} from {where}" if gone else f"{where} had no {choice.code}"
            else:
                done = store.apply(cable, paras, choice.code, note=choice.note)
                new = any(is_new for _, is_new in done)
                message = f"{'Coded' if new else 'Updated'} {where} as {choice.code}"
        except Exception as err:  # never lose the reading to a failing database
            _log.error("code not saved", exc_info=True)
            reader.notify(f"Code not saved: {err}", severity="error", markup=False)
            return
        self.refresh_codes()
        reader.services.team.soon()
        reader.notify(message, markup=False, timeout=3)
