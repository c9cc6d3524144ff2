"""The reader screen: section tree, formatted cable, find bar, status line.

The screen composes its widgets and its parts (:mod:`tipreader.ui.parts`): navigation
(links, references, history walks, reading positions), find and filter, entities,
bookmarks. Each part has the hooks of :class:`~tipreader.ui.parts.base.ReaderPart`; the
screen calls them and routes its widgets' messages to them. What parts may use of the
screen is its public interface below: ``cable``, ``services``, ``text_view``, ``here()``,
``jump_to()``, ``refresh_text()``, ``update_status()``, ``citation()``, ``part()``.

Every jump (``:``, ``]`` ``[`` ``}`` ``{``, ``g`` ``G``, the tree, an entity, a bookmark) goes
through :meth:`ReaderScreen.jump_to`, which records the place left in the history.
"""

from __future__ import annotations

from functools import cache, partial
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import TabbedContent, TabPane, Tabs, Tree

from tipreader.cable.model import Cable
from tipreader.ui.commands import CableCommands
from tipreader.ui.dialogs.goto import GotoDialog
from tipreader.ui.document import VIEW_NAMES, VIEWS, Block, build_blocks
from tipreader.ui.errors import log_error
from tipreader.ui.history import Step
from tipreader.ui.messages import ShowLibrary
from tipreader.ui.navigation import part_targets, status_text
from tipreader.ui.parts.base import ReaderPart
from tipreader.ui.parts.bookmarks import BookmarksPart
from tipreader.ui.parts.codes import CodesPart
from tipreader.ui.parts.export import ExportPart
from tipreader.ui.parts.entities import EntitiesPart
from tipreader.ui.parts.find import FindPart
from tipreader.ui.parts.navigation import NavigationPart
from tipreader.ui.parts.question_links import QuestionLinksPart
from tipreader.ui.parts.submission import SubmissionPart
from tipreader.ui.parts.team import TeamPart
from tipreader.ui.query_words import literal_words, query_words
from tipreader.ui.services import Services, services_of
from tipreader.ui.settings import classification_style
from tipreader.ui.text import clean
from tipreader.ui.widgets.cable_view import CableView
from tipreader.ui.widgets.entity_panel import EntityPanel
from tipreader.ui.widgets.find_bar import FindBar
from tipreader.ui.widgets.footer import QuietFooter
from tipreader.ui.widgets.section_tree import HEADER, SectionTree
from tipreader.ui.widgets.status_line import StatusLine

if TYPE_CHECKING:
    from tipreader.ui.source import CableSource

P = TypeVar("P", bound=ReaderPart)

SIDEBAR = "sidebar"
SECTIONS_TAB = "sections-tab"

JUMP_BINDINGS = [
    Binding("right_square_bracket", "next_question(1)", "Next Q", id="reader.jump.next-question", tooltip="Next question (next paragraph in a cable without questions)", key_display="]"),
    Binding("left_square_bracket", "next_question(-1)", "Prev Q", show=False, id="reader.jump.previous-question", tooltip="Previous question (previous paragraph in a cable without questions)", key_display="["),
    Binding("right_curly_bracket", "next_part(1)", "Next part", show=False, id="reader.jump.next-part", tooltip="Next part of the questionnaire (past the last: the submission's next cable, when it was sent in two)", key_display="}"),
    Binding("left_curly_bracket", "next_part(-1)", "Previous part", show=False, id="reader.jump.previous-part", tooltip="Previous part of the questionnaire (before the first: the submission's previous cable)", key_display="{"),
    Binding("colon", "goto", "Go to", id="reader.jump.goto", tooltip="Go to a paragraph number, a question (C, 2.C) or words of a question", key_display=":"),
]
VIEW_BINDINGS = [
    Binding("Q", "cycle_view", "View", id="reader.view.cycle", tooltip="Cycle: questions with answers, answers only, questions only"),
    Binding("t", "toggle_tree", "Tree", id="reader.view.tree", tooltip="Hide or show the section tree"),
    Binding("tab", "app.focus_next", "Switch pane", show=False, id="reader.move.switch", tooltip="Move between the section tree and the text"),
    Binding("y", "copy", "Copy", id="reader.app.copy", tooltip="Copy the paragraph at the top with its citation (08MEXICO721 ¶12)"),
    Binding("question_mark", "app.help", "Help", id="reader.app.help", tooltip="Every key, grouped", key_display="?"),
    Binding("q", "back", "Library", id="reader.app.back", tooltip="Back to the library"),
    Binding("c", "compare", "Compare", show=False, id="reader.tip.compare",
            tooltip="This question's answers in every year and from the other countries (TIP submissions)"),
]


class ReaderScreen(Screen[None]):
    """Reads one cable. ``q`` goes back to the library."""

    COMMANDS = {CableCommands}
    # The parts, in the order they decorate the text (markers, then entities, then links), are asked
    # for the status line, and show their keys in the footer.
    PARTS: ClassVar[tuple[type[ReaderPart], ...]] = (FindPart, BookmarksPart, CodesPart, TeamPart, EntitiesPart,
                                                      QuestionLinksPart, SubmissionPart, NavigationPart, ExportPart)
    # The footer shows keys in this order: jumps, find, views, then the other parts' keys.
    BINDINGS = [*JUMP_BINDINGS, *FindPart.BINDINGS, *VIEW_BINDINGS,
                *(b for part in PARTS if part is not FindPart for b in part.BINDINGS)]

    def __init__(self, cable: Cable, source: CableSource | None = None, *, para: int | None = None,
                 query: str = "", restore: Step | None = None, mark: str = "") -> None:
        """``para``/``query``/``restore``: where to open (a paragraph index, words to mark, a history step);
        ``mark``: a text to mark as written instead of the query's words (a figure's number).
        ``source`` is ignored (kept for callers of the old signature): the app's services give it."""
        super().__init__()
        self._parts: dict[str, ReaderPart] = {}
        self._generation = 0  # counts the cables shown: a late call for an earlier one does nothing
        self._deferred: dict[str, Callable[[], None]] = {}  # signals seen while kept aside, by name
        self._set_cable(cable, para, query, restore, mark)

    def _set_cable(self, cable: Cable, para: int | None, query: str, restore: Step | None, mark: str) -> None:
        """The state of one cable: fresh parts, the default view, the opening place."""
        self.cable = cable
        self.view_mode = "full"
        self.opened = False  # True once the reader is at its opening place
        self._start = (para, query, restore)
        self._mark = mark
        self._last_jump: int | None = None
        self._quiet = False
        self._left = False  # leave() ran for this cable: its parts saved what they keep
        self._generation += 1
        self._parts = {cls.name: cls(self) for cls in self.PARTS}

    # ---- the interface parts use ----------------------------------------------------------
    @property
    def services(self) -> Services:
        """The app's shared services."""
        return services_of(self)

    @property
    def text_view(self) -> CableView:
        """The formatted cable."""
        return self.query_one(CableView)

    def part(self, kind: type[P]) -> P:
        """The part of class ``kind``."""
        found = self._parts[kind.name]
        assert isinstance(found, kind)
        return found

    @property
    def find(self) -> FindPart:
        """The find and filter part."""
        return self.part(FindPart)

    @property
    def entities(self) -> EntitiesPart:
        """The entities part."""
        return self.part(EntitiesPart)

    @property
    def navigation(self) -> NavigationPart:
        """The links, history and positions part."""
        return self.part(NavigationPart)

    @property
    def bookmarks(self) -> BookmarksPart:
        """The bookmarks part."""
        return self.part(BookmarksPart)

    def serves(self, part: ReaderPart) -> bool:
        """Whether ``part`` is one of the parts of the cable on screen (not of a cable shown before)."""
        return self._parts.get(part.name) is part

    def action_part(self, name: str, action: str, *args: object) -> None:
        """Run ``action_<action>`` of the part ``name`` (what part bindings call)."""
        getattr(self._parts[name], f"action_{action}")(*args)

    # ---- layout ------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        with Horizontal(id="reader-main"):
            with TabbedContent(id=SIDEBAR, initial=SECTIONS_TAB):
                with TabPane("Sections", id=SECTIONS_TAB):
                    yield SectionTree(self.cable, id="tree")
                for part in self._parts.values():
                    yield from part.sidebar()
            yield CableView(id="text")
        find = FindBar(id="find")
        find.display = False
        yield find
        yield StatusLine(id="status")
        yield QuietFooter()

    def on_mount(self) -> None:
        """Lay the cable out at its opening place and focus the text."""
        self.query_one(StatusLine).tooltip = "ref_id · question · paragraph · position in the cable"
        for tabs in self.query_one(f"#{SIDEBAR}", TabbedContent).query(Tabs):
            tabs.can_focus = False  # Tab moves between the tree and the text
        config = self.services.config
        if config is not None:
            side = self.query_one(f"#{SIDEBAR}")
            side.styles.width = max(12, min(120, int(config.tree_width))) + 1  # the tree's width and the rule
        self.watch(self.text_view, "scroll_y", self._scrolled, init=False)
        when_shown = self._when_shown
        self.app.theme_changed_signal.subscribe(self, lambda _theme: when_shown("theme", self.refresh_text))
        services = self.services
        services.library_changed.subscribe(self, lambda _: when_shown("library", self.library_changed))
        services.bookmarks_changed.subscribe(
            self, lambda _: when_shown("user data", lambda: self._each_part(lambda part: part.user_data_changed())))
        services.team.changed.subscribe(
            self, lambda _: when_shown("team", lambda: self._each_part(lambda part: part.team_synced())))
        self._lay_out()

    @property
    def aside(self) -> bool:
        """Whether the reader is kept aside: mounted, but out of the app's screens (the user went to
        the library; the next cable opened is shown in it)."""
        return self.is_attached and self not in self.app.screen_stack

    def _when_shown(self, name: str, work: Callable[[], None]) -> None:
        """Do ``work`` (what signal ``name`` asks) now, or, while the reader is kept aside, when it is
        shown again: nobody sees it meanwhile, and the library screen's typing must not wait for it.
        The last request of each name is kept; a cable shown by :meth:`show` reads everything afresh,
        so :meth:`show` drops them."""
        if self.aside:
            self._deferred[name] = work
        else:
            work()

    def on_screen_resume(self) -> None:
        """Shown again without :meth:`show` (nothing does so today): do what was deferred meanwhile."""
        deferred, self._deferred = self._deferred, {}
        for work in deferred.values():
            work()

    def show(self, cable: Cable, *, para: int | None = None, query: str = "", restore: Step | None = None,
             mark: str = "") -> None:
        """Show ``cable`` in this screen instead of the one shown (its widgets are kept: faster than a
        new screen), opening as a new screen would (``para``, ``query``, ``restore``, ``mark``: as
        for the constructor). The parts of the cable left save what they keep, and are replaced."""
        self.leave()
        self._deferred.clear()  # the cable shown now is read afresh: its parts are new, its blocks built now
        self._set_cable(cable, para, query, restore, mark)
        self._each_part(lambda part: part.reset_widgets())
        side = self.query_one(f"#{SIDEBAR}", TabbedContent)
        side.display = True
        side.active = SECTIONS_TAB
        self.query_one(SectionTree).show_cable(cable)
        self._lay_out()

    def _lay_out(self) -> None:
        """The cable at its opening place, focus on the text; the parts are told once it is laid out."""
        self.set_reactive(Screen.title, self.cable.ref_id)  # shown by no widget: a repaint of the whole screen for nothing
        config = self.services.config
        if config is not None:
            self.view_mode = {"qa": "full", "answers": "answers", "questions": "questions"}.get(config.default_view, "full")
        if not self.cable.questions:
            self.view_mode = "full"
        view = self.text_view
        para, query, restore = self._start
        if restore is None:  # applied at the first layout, so the first paint is already there
            view.open_at(self.blocks(), para, literal_words(self._mark) if self._mark else query_words(query))
            if para is not None and para >= 0:
                self._last_jump = para
        else:
            view.open_at(self.blocks(), None)
        view.focus()
        self.update_status()
        self.call_after_refresh(self._open, self._generation)

    def _each_part(self, hook: Callable[[ReaderPart], None]) -> None:
        for part in list(self._parts.values()):
            hook(part)

    def _open(self, generation: int) -> None:
        if generation != self._generation:
            return  # another cable replaced this one before it was laid out
        view = self.text_view
        if not (view.size.width and view.line_count):
            self.call_after_refresh(self._open, generation)
            return
        self.call_after_refresh(self._build_tree, generation)  # a long cable's outline, after the text's paint
        restore = self._start[2]
        if restore is not None:
            self.restore(restore)
        self.opened = True
        for part in self._parts.values():
            part.shown()
        self.update_status()

    def _build_tree(self, generation: int) -> None:
        """Build the outline left for later, if it is still this cable's and the reader is on screen (a
        cable shown meanwhile has its own build to come; a reader kept aside is shown again by
        :meth:`show`, which starts the outline again)."""
        if generation == self._generation and not self.aside:
            self.query_one(SectionTree).build()

    def on_unmount(self) -> None:
        """The reader closes: the parts save what they keep (the reading position)."""
        self.leave()

    def leave(self) -> None:
        """The reader leaves its cable (for another, the library, or closing): the parts save what they keep,
        once per cable (``q`` to the library leaves it; the next cable shown there does not leave it again)."""
        if self._left:
            return
        self._left = True
        for part in self._parts.values():
            part.leaving()

    def blocks(self) -> list[Block]:
        """The text's blocks in the current view and filter, decorated by every part."""
        level_style = cache(partial(classification_style, self.app, badge=True))  # a few markings, many paragraphs
        blocks = build_blocks(self.cable, self.view_mode, self.find.only(), self.in_library, level_style)
        for part in self._parts.values():
            blocks = part.decorate(blocks)
        return blocks

    def refresh_text(self, *, restyle: bool = False) -> None:
        """Build the blocks again and show them, keeping the place (``restyle``: same texts,
        only styles and spans changed: nothing moves)."""
        view = self.text_view
        if restyle:
            view.restyle(self.blocks())
            return
        y = view.scroll_y
        view.set_blocks(self.blocks())
        view.scroll_to(y=y, animate=False, immediate=True)
        self.find.refind()

    def library_changed(self) -> None:
        """The library opened or changed: references may now be links."""
        prefetch = getattr(self.services.source, "prefetch", None)
        if prefetch is not None:
            prefetch([r.ref_id for r in self.cable.references if r.ref_id])
        for part in self._parts.values():
            part.library_changed()
        if self.cable.references and self.is_mounted:
            self.refresh_text()

    def in_library(self, ref_id: str) -> bool:
        """Whether ``ref_id`` is in the library (False when the library cannot say)."""
        try:
            return bool(self.services.source.has(ref_id))
        except Exception as err:  # a broken library must not stop the reading
            log_error(f"looking {ref_id} up", err)
            return False

    # ---- position ----------------------------------------------------------------------
    def _scrolled(self, _value: float) -> None:
        self.update_status()

    def update_status(self) -> None:
        """Show the place, the view, the filter and the parts' detail in the status line."""
        view = self.text_view
        top = view.max_scroll_y
        percent = 100 if top <= 0 else round(view.scroll_y / top * 100)
        text = status_text(self.cable, view.top_para, percent)
        if self.view_mode != "full":
            text += f" · {VIEW_NAMES[self.view_mode]}"
        if self.find.filter_query:
            text += f" · filter “{clean(self.find.filter_query, newlines=False)}”"
        team = self.services.team.status()
        if team:
            text += f" · {team}"
        status = self.query_one(StatusLine)
        status.text = text
        status.detail = next((d for d in (p.status_detail() for p in self._parts.values()) if d), "")

    @on(CableView.TopChanged)
    def _top_changed(self, event: CableView.TopChanged) -> None:
        self.query_one(SectionTree).follow(event.para)
        for part in self._parts.values():
            part.top_changed(event.para)
        self.update_status()

    @on(CableView.Jumped)
    def _view_jumped(self, event: CableView.Jumped) -> None:
        """``g``/``G`` in the text: the place left is a history step."""
        self.record(Step(self.cable.ref_id, event.para, event.scroll_y, self.text_view.size.width))

    @on(FindBar.Changed)
    def _find_changed(self, event: FindBar.Changed) -> None:
        self.find.changed(event.query, event.filter)

    @on(FindBar.Submitted)
    def _find_submitted(self, event: FindBar.Submitted) -> None:
        self.find.submitted(event.query)

    @on(FindBar.Closed)
    def _find_closed(self) -> None:
        self.find.close()

    @on(EntityPanel.Chosen)
    def _entity_chosen(self, event: EntityPanel.Chosen) -> None:
        """Jump to the chosen entity's first mention; its mentions become the find matches (``n``/``N``)."""
        self.entities.show_mentions(event.group, focus=False)

    @on(Tree.NodeHighlighted, "#entities")
    def _entity_highlighted(self) -> None:
        self.update_status()

    @on(CableView.HoverChanged)
    def _hover_changed(self, event: CableView.HoverChanged) -> None:
        self.entities.hover_changed(event.item)

    def action_open_reference(self, ref_id: str) -> None:
        """Open ``ref_id`` (a link in the text was clicked)."""
        self.navigation.open(ref_id)

    @on(Tree.NodeSelected, "#tree")
    def _node_chosen(self, event: Tree.NodeSelected) -> None:
        para = event.node.data
        if para is None or para == HEADER:
            self.record(self.step())
            self.text_view.scroll_to(y=0, animate=False, immediate=True)
        else:
            self.jump_to(para, focus=False)

    def step(self) -> Step:
        """This reader's place, for the history."""
        view = self.text_view
        return Step(self.cable.ref_id, view.top_para, float(view.scroll_y), view.size.width)

    def record(self, left: Step) -> None:
        """Record ``left`` (the place a jump leaves) in the history, unless restoring one."""
        if not self._quiet and self.opened:
            self.services.history.visit(left)

    def restore(self, step: Step) -> None:
        """Go back to ``step`` (same scroll when the width is the same, else its paragraph); not recorded."""
        view = self.text_view
        self._quiet = True
        try:
            if step.width and step.width == view.size.width and view.line_count:
                view.scroll_to(y=step.scroll_y, animate=False, immediate=True)
            elif step.para is not None and step.para >= 0:
                self.jump_to(step.para)
            else:
                view.scroll_to(y=0, animate=False, immediate=True)
        finally:
            self._quiet = False

    def jump_to(self, para: int, focus: bool = True) -> None:
        """Put paragraph index ``para`` at the top of the text (clearing a filter that hides it);
        the place left is recorded in the history."""
        view = self.text_view
        if view.line_count:
            self.record(self.step())
        if view.para_line(para) is None and self.find.filter_query:
            self.find.clear_filter()
        if view.scroll_to_para(para):
            self._last_jump = para
        if focus:
            view.focus()
        self.update_status()

    def here(self) -> int:
        """The paragraph the reader is at: the last jump target while it is still on screen."""
        view = self.text_view
        top = view.top_para
        if self._last_jump is not None:
            line = view.para_line(self._last_jump)
            height = view.scrollable_content_region.height
            if line is not None and view.scroll_y <= line < view.scroll_y + height:
                return self._last_jump if top is None or self._last_jump >= top else top
        return -1 if top is None else top

    def _step_to(self, targets: list[int], delta: int, *, bell: bool = True) -> bool:
        """Jump to the next (``delta`` 1) / previous target after / before here; False (and a bell,
        unless ``bell`` is False) when there is none."""
        view = self.text_view
        shown = [t for t in sorted(set(targets)) if view.para_line(t) is not None]
        here = self.here()
        if delta > 0:
            nxt = next((t for t in shown if t > here), None)
        else:
            before = [t for t in shown if t < here]
            nxt = before[-1] if before else None
        if nxt is None:
            if bell:
                self.app.bell()
            return False
        self.jump_to(nxt)
        return True

    def action_next_question(self, delta: int) -> None:
        """Next/previous question, or paragraph when the cable has none."""
        questions = [q.paragraph_index for q in self.cable.questions]
        if not questions:
            questions = [p.index for p in self.cable.paragraphs if p.number is not None] or [p.index for p in self.cable.paragraphs]
        self._step_to(questions, delta)

    def action_next_part(self, delta: int) -> None:
        """Next/previous part; past the last (first) part of a submission sent in two cables, the
        next (previous) cable's first (last) part."""
        parts = [t.para for t in part_targets(self.cable)]
        if parts and self._step_to(parts, delta, bell=False):
            return
        if self.part(SubmissionPart).step(delta):
            return
        if parts:
            self.app.bell()
        else:
            self.notify("This cable has no parts.", markup=False)

    def action_goto(self) -> None:
        """Open the go-to prompt."""

        def done(para: int | None) -> None:
            if para is not None:
                self.jump_to(para)

        self.app.push_screen(GotoDialog(self.cable, self.text_view.top_para), done)

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
        view.set_blocks(self.blocks(), keep_para=top)
        self.find.refind()
        self.notify(f"View: {VIEW_NAMES[mode]}", markup=False, timeout=2)
        self.update_status()

    def action_set_view(self, mode: str) -> None:
        """Action form of :meth:`set_view` (for the command palette)."""
        self.set_view(mode)

    def action_toggle_tree(self) -> None:
        """Hide or show the section tree."""
        side = self.query_one(f"#{SIDEBAR}")
        side.display = not side.display
        if not side.display:
            self.text_view.focus()

    def show_sidebar_tab(self, tab: str) -> bool:
        """Show the sidebar (if hidden) at ``tab``; False when that tab is already the one shown."""
        tabs = self.query_one(f"#{SIDEBAR}", TabbedContent)
        if not tabs.display:
            tabs.display = True
        if tabs.active == tab:
            return False
        tabs.active = tab
        return True

    def show_sections(self) -> None:
        """Show the section tree's tab and focus the tree."""
        self.show_sidebar_tab(SECTIONS_TAB)
        self.query_one(SectionTree).focus()

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

        open_compare(self.app, self.services.library, self.cable, self.text_view.top_para)

    def action_tip_figures(self) -> None:
        """The figures view of this submission's country (every country's for another cable)."""
        from tipreader.tip.submissions import detect
        from tipreader.ui.figures_open import open_figures

        found = detect(self.cable)
        open_figures(self.app, self.services.library, found.country if found is not None else None)

    def action_copy(self) -> None:
        """Copy the paragraph at the top with its citation and say how."""
        from tipreader.ui.clipboard import copy_text

        para = self.here()
        if para < 0:
            text = clean(self.cable.subject or self.cable.ref_id)
            cite = self.citation(None)
        else:
            text = clean(self.cable.paragraphs[para].text)
            cite = self.citation(para)
        how = copy_text(self.app, f"{text}\n\n— {cite}")
        self.notify(f"{cite} {how}", markup=False, timeout=4)

    def action_back(self) -> None:
        """Back to the library."""
        self.post_message(ShowLibrary())
