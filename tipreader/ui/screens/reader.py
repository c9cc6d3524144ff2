"""The reader screen: section tree, formatted cable, find bar, status line."""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import TabbedContent, TabPane, Tabs, Tree

from tipreader.cable.model import Cable
from tipreader.ui.commands import CableCommands
from tipreader.ui.dialogs.goto import GotoDialog
from tipreader.ui.dialogs.help import HelpDialog
from tipreader.ui.document import VIEW_NAMES, VIEWS, Block, build_blocks
from tipreader.ui.navigation import part_targets, status_text
from tipreader.ui.reader_bookmarks import BOOKMARK_BINDINGS, ReaderBookmarks
from tipreader.ui.reader_entities import ENTITIES_TAB, ENTITY_BINDINGS, SECTIONS_TAB, SIDEBAR, ReaderEntities
from tipreader.ui.reader_navigation import NAV_BINDINGS, ReaderNavigation, show_library
from tipreader.ui.settings import classification_style
from tipreader.ui.source import CableSource, NoLibrary
from tipreader.ui.text import clean
from tipreader.ui.widgets.cable_view import CableView, compile_query
from tipreader.ui.widgets.entity_panel import EntityPanel
from tipreader.ui.widgets.find_bar import FindBar
from tipreader.ui.widgets.section_tree import HEADER, SectionTree
from tipreader.ui.widgets.status_line import StatusLine
from tipreader.ui.widgets.footer import QuietFooter


class ReaderScreen(ReaderNavigation, ReaderEntities, ReaderBookmarks, Screen[None]):
    """Reads one cable. ``q`` goes back: to the screen below, or to the library."""

    COMMANDS = {CableCommands}

    DEFAULT_CSS = """
    #sidebar { width: 33; min-width: 23; max-width: 47; height: 1fr; border-right: vkey $primary-background; }
    #sidebar ContentSwitcher, #sidebar TabPane { height: 1fr; padding: 0; }
    #sidebar EntityPanel { height: 1fr; scrollbar-size-vertical: 1; overflow-x: hidden; }
    """

    BINDINGS = [
        Binding("right_square_bracket", "next_question(1)", "Next Q", id="reader.jump.next-question", tooltip="Next question (next paragraph in a cable without questions)", key_display="]"),
        Binding("left_square_bracket", "next_question(-1)", "Prev Q", show=False, id="reader.jump.previous-question", tooltip="Previous question (previous paragraph in a cable without questions)", key_display="["),
        Binding("right_curly_bracket", "next_part(1)", "Next part", show=False, id="reader.jump.next-part", tooltip="Next part of the questionnaire", key_display="}"),
        Binding("left_curly_bracket", "next_part(-1)", "Previous part", show=False, id="reader.jump.previous-part", tooltip="Previous part of the questionnaire", key_display="{"),
        Binding("colon", "goto", "Go to", id="reader.jump.goto", tooltip="Go to a paragraph number, a question (C, 2.C) or words of a question", key_display=":"),
        Binding("slash", "find", "Find", id="reader.find.find", tooltip="Find in the cable (case-insensitive unless the query has a capital)", key_display="/"),
        Binding("n", "find_next(1)", "Next match", show=False, id="reader.find.next", tooltip="Next match (wraps)"),
        Binding("N", "find_next(-1)", "Previous match", show=False, id="reader.find.previous", tooltip="Previous match (wraps)"),
        Binding("ampersand", "filter", "Filter", show=False, id="reader.find.filter", tooltip="Show only the paragraphs that match, until Esc", key_display="&"),
        Binding("escape", "close_find", "Close find", show=False, id="reader.find.close", tooltip="Clear the find highlights and the filter"),
        Binding("Q", "cycle_view", "View", id="reader.view.cycle", tooltip="Cycle: questions with answers, answers only, questions only"),
        Binding("ctrl+b", "toggle_tree", "Tree", id="reader.view.tree", tooltip="Hide or show the section tree"),
        Binding("tab", "app.focus_next", "Switch pane", show=False, id="reader.move.switch", tooltip="Move between the section tree and the text"),
        Binding("y", "copy", "Copy", id="reader.app.copy", tooltip="Copy the paragraph at the top with its citation (08MEXICO721 ¶12)"),
        Binding("question_mark,f1", "help", "Help", id="reader.app.help", tooltip="Every key, grouped", key_display="?"),
        Binding("q", "back", "Back", id="reader.app.back", tooltip="Go back (to the library from the first cable)"),
        Binding("c", "compare", "Compare", show=False, id="reader.tip.compare",
                tooltip="This question's answers in every year and from the other countries (TIP submissions)"),
        *BOOKMARK_BINDINGS,
        *ENTITY_BINDINGS,
        *NAV_BINDINGS,
    ]

    def __init__(self, cable: Cable, source: CableSource | None = None) -> None:
        super().__init__()
        self.cable = cable
        self.source = source or NoLibrary()
        self.view_mode = "full"
        self.filter_query = ""
        self._last_jump: int | None = None
        self._percent = 0
        self._status_extra = ""

    # ---- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="reader-main"):
            with TabbedContent(id=SIDEBAR, initial=SECTIONS_TAB):
                with TabPane("Sections", id=SECTIONS_TAB):
                    yield SectionTree(self.cable, id="tree")
                with TabPane("Entities", id=ENTITIES_TAB):
                    yield EntityPanel(id="entities")
            yield CableView(id="text")
        find = FindBar(id="find")
        find.display = False
        yield find
        yield StatusLine(id="status")
        yield QuietFooter()

    def on_mount(self) -> None:
        """Lay the cable out and focus the text."""
        self.query_one(StatusLine).tooltip = "ref_id · question · paragraph · position in the cable"
        self.title = self.cable.ref_id
        config = getattr(self.app, "config", None)
        if config is not None:
            self.view_mode = {"qa": "full", "answers": "answers", "questions": "questions"}.get(config.default_view, "full")
            if not self.cable.questions:
                self.view_mode = "full"
            side = self.query_one(f"#{SIDEBAR}")
            side.styles.width = max(12, min(120, int(config.tree_width))) + 1  # the tree's width and the rule
            side.styles.min_width = 13
            side.styles.max_width = "35%"  # the text keeps most of a small terminal
        self._sidebar_layout()
        view = self.query_one(CableView)
        para, words = self.opening_place()
        view.open_at(self._blocks(), para, words)
        self.watch(view, "scroll_y", self._scrolled, init=False)
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        view.focus()
        self._update_status()

    def _sidebar_layout(self) -> None:
        """Tab skips the sidebar's tab row (the sidebar's width and rule are in the stylesheet)."""
        side = self.query_one(f"#{SIDEBAR}", TabbedContent)
        for tabs in side.query(Tabs):
            tabs.can_focus = False

    def _theme_changed(self, _theme: object) -> None:
        """Recolour the classification badges in the new theme, keeping the place."""
        only = self._filter_set(self.filter_query) if self.filter_query else None
        self.text_view.set_blocks(self._blocks(only), keep_para=self.text_view.top_para)

    def set_source(self, source: CableSource) -> None:
        """Use ``source`` (the library, once open) to mark references; the header is laid out again."""
        self.source = source
        prefetch = getattr(source, "prefetch", None)
        if prefetch is not None:
            prefetch([r.ref_id for r in self.cable.references if r.ref_id])
        self.learn_expansions()
        if self.cable.references and self.is_mounted:
            only = self._filter_set(self.filter_query) if self.filter_query else None
            self.text_view.set_blocks(self._blocks(only), keep_para=self.text_view.top_para)

    def _filter_set(self, query: str) -> set[int] | None:
        pattern = compile_query(query)
        if pattern is None:
            return None
        only = {p.index for p in self.cable.paragraphs if pattern.search(p.text or "")}
        for q in self.cable.questions:
            if pattern.search(q.question or "") or pattern.search(q.answer or ""):
                only.add(q.paragraph_index)
        return only

    def _blocks(self, only: set[int] | None = None) -> list[Block]:
        level_style = partial(classification_style, self.app, badge=True)
        return self.decorate(build_blocks(self.cable, self.view_mode, only, self._in_library, level_style))

    def _in_library(self, ref_id: str) -> bool:
        try:
            return bool(self.source.has(ref_id))
        except Exception:  # a broken library must not stop the reading
            return False

    @property
    def text_view(self) -> CableView:
        """The formatted cable."""
        return self.query_one(CableView)

    # ---- position ----------------------------------------------------------------------
    def _scrolled(self, _value: float) -> None:
        self._update_status()

    def _update_status(self) -> None:
        view = self.text_view
        top = view.max_scroll_y
        self._percent = 100 if top <= 0 else round(view.scroll_y / top * 100)
        text = status_text(self.cable, view.top_para, self._percent)
        if self.view_mode != "full":
            text += f" · {VIEW_NAMES[self.view_mode]}"
        if self.filter_query:
            text += f" · filter “{clean(self.filter_query, newlines=False)}”"
        status = self.query_one(StatusLine)
        status.text = text
        status.detail = self.entity_detail()

    @on(CableView.TopChanged)
    def _top_changed(self, event: CableView.TopChanged) -> None:
        self.query_one(SectionTree).follow(event.para)
        self._update_status()

    @on(Tree.NodeSelected, "#tree")
    def _node_chosen(self, event: Tree.NodeSelected) -> None:
        para = event.node.data
        if para is None or para == HEADER:
            self.text_view.scroll_to(y=0, animate=False, immediate=True)
        else:
            self.jump_to(para, focus=False)

    def jump_to(self, para: int, focus: bool = True) -> None:
        """Put paragraph index ``para`` at the top of the text (clearing a filter that hides it)."""
        view = self.text_view
        if view.para_line(para) is None and self.filter_query:
            self._clear_filter()
        if view.scroll_to_para(para):
            self._last_jump = para
        if focus:
            view.focus()
        self._update_status()

    def _here(self) -> int:
        """The paragraph the reader is at: the last jump target while it is still on screen."""
        view = self.text_view
        top = view.top_para
        if self._last_jump is not None:
            line = view.para_line(self._last_jump)
            height = view.scrollable_content_region.height
            if line is not None and view.scroll_y <= line < view.scroll_y + height:
                return self._last_jump if top is None or self._last_jump >= top else top
        return -1 if top is None else top

    def _step(self, targets: list[int], delta: int) -> None:
        view = self.text_view
        shown = [t for t in sorted(set(targets)) if view.para_line(t) is not None]
        here = self._here()
        if delta > 0:
            nxt = next((t for t in shown if t > here), None)
        else:
            before = [t for t in shown if t < here]
            nxt = before[-1] if before else None
        if nxt is None:
            self.app.bell()
            return
        self.jump_to(nxt)

    def action_next_question(self, delta: int) -> None:
        """Next/previous question, or paragraph when the cable has none."""
        questions = [q.paragraph_index for q in self.cable.questions]
        if not questions:
            questions = [p.index for p in self.cable.paragraphs if p.number is not None] or [p.index for p in self.cable.paragraphs]
        self._step(questions, delta)

    def action_next_part(self, delta: int) -> None:
        """Next/previous part."""
        parts = [t.para for t in part_targets(self.cable)]
        if not parts:
            self.notify("This cable has no parts.", markup=False)
            return
        self._step(parts, delta)

    def action_goto(self) -> None:
        """Open the go-to prompt."""

        def done(para: int | None) -> None:
            if para is not None:
                self.jump_to(para)

        self.app.push_screen(GotoDialog(self.cable, self.text_view.top_para), done)

    # ---- find and filter ----------------------------------------------------------------
    def action_find(self) -> None:
        """Open the find bar."""
        self.query_one(FindBar).open(False, self.filter_query)

    def action_filter(self) -> None:
        """Open the find bar in filter mode."""
        self.query_one(FindBar).open(True, self.filter_query)

    @on(FindBar.Changed)
    def _find_changed(self, event: FindBar.Changed) -> None:
        if event.filter:
            self._apply_filter(event.query)
        view = self.text_view
        count = view.find(event.query)
        if count:
            view.goto_match(view.current)
        self._show_count(event.query)

    def _show_count(self, query: str) -> None:
        view = self.text_view
        if not query:
            text = ""
        elif not view.matches:
            text = "no match"
        else:
            text = f"{view.current + 1}/{len(view.matches)}"
        self.query_one(FindBar).set_count(text)

    @on(FindBar.Submitted)
    def _find_submitted(self, event: FindBar.Submitted) -> None:
        self.text_view.focus()
        if not event.query:
            self._close_find()

    @on(FindBar.Closed)
    def _find_closed(self) -> None:
        self._close_find()

    def action_find_next(self, delta: int) -> None:
        """Next/previous match, wrapping."""
        view = self.text_view
        if not view.matches:
            self.app.bell()
            return
        view.goto_match(view.current + delta)
        self._show_count(self.query_one(FindBar).value)
        self._update_status()

    def action_close_find(self) -> None:
        """Esc: close the find bar, clear the highlights and the filter."""
        self._close_find()

    def _close_find(self) -> None:
        bar = self.query_one(FindBar)
        bar.display = False
        self.text_view.clear_find()
        if self.filter_query:
            self._clear_filter()
        self.text_view.focus()

    def _apply_filter(self, query: str) -> None:
        self.filter_query = query
        top = self.text_view.top_para
        only = self._filter_set(query)
        self.text_view.set_blocks(self._blocks(only))
        if top is not None:
            self.text_view.scroll_to_para(top)
        self._update_status()

    def _clear_filter(self) -> None:
        self.filter_query = ""
        top = self.text_view.top_para
        self.text_view.set_blocks(self._blocks(), keep_para=top)
        self._update_status()

    # ---- views and the rest -------------------------------------------------------------
    def action_cycle_view(self) -> None:
        """Cycle the three views of a questionnaire."""
        if not self.cable.questions:
            self.notify("This cable has no questions: one view only.", markup=False)
            return
        self.set_view(VIEWS[(VIEWS.index(self.view_mode) + 1) % len(VIEWS)])

    def set_view(self, mode: str) -> None:
        """Show ``mode`` (``full``, ``answers``, ``questions``), keeping the place."""
        if mode not in VIEWS:
            return
        view = self.text_view
        top = view.top_para
        self.view_mode = mode
        only = self._filter_set(self.filter_query) if self.filter_query else None
        view.set_blocks(self._blocks(only), keep_para=top)
        bar = self.query_one(FindBar)
        if bar.display and bar.value:
            view.find(bar.value)
            self._show_count(bar.value)
        self.notify(f"View: {VIEW_NAMES[mode]}", markup=False, timeout=2)
        self._update_status()

    def action_set_view(self, mode: str) -> None:
        """Action form of :meth:`set_view` (for the command palette)."""
        self.set_view(mode)

    def action_toggle_tree(self) -> None:
        """Hide or show the section tree."""
        side = self.query_one(f"#{SIDEBAR}")
        side.display = not side.display
        self.query_one(SectionTree).display = side.display
        if not side.display:
            self.text_view.focus()

    def citation(self, para: int | None) -> str:
        """``08MEXICO721 ¶12`` for paragraph index ``para``."""
        ref = clean(self.cable.ref_id, newlines=False)
        if para is None or not (0 <= para < len(self.cable.paragraphs)):
            return ref
        number = self.cable.paragraphs[para].number
        return f"{ref} ¶{number}" if number is not None else ref

    def action_compare(self) -> None:
        """The compare view of the question at the top (tipreader.ui.compare_open)."""
        from tipreader.ui.compare_open import open_compare

        open_compare(self.app, getattr(self.source, "library", None), self.cable, self.text_view.top_para)

    def action_copy(self) -> None:
        """Copy the paragraph at the top with its citation (OSC 52) and say so."""
        para = self._here()
        if para < 0:
            text = clean(self.cable.subject or self.cable.ref_id)
            cite = self.citation(None)
        else:
            text = clean(self.cable.paragraphs[para].text)
            cite = self.citation(para)
        self.app.copy_to_clipboard(f"{text}\n\n— {cite}")
        self.notify(f"Copied with its citation: {cite}", markup=False, timeout=3)

    def action_help(self) -> None:
        """Show every key, grouped."""
        self.app.push_screen(HelpDialog(self.BINDINGS, CableView.BINDINGS, SectionTree.BINDINGS, EntityPanel.BINDINGS, self.app.BINDINGS))

    def action_back(self) -> None:
        """Back to the previous screen; to the library when the reader was opened first."""
        show_library(self.app)
