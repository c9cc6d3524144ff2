"""Navigation in the reader: links to referenced cables, "cited by", history, reading positions.

:class:`ReaderNavigation` is a mixin for :class:`~tipreader.ui.screens.reader.ReaderScreen`
(put it first: ``class ReaderScreen(ReaderNavigation, ReaderBookmarks, Screen)``);
:class:`LibraryReader` is that combination, which the library screen opens until the
reader itself takes the mixin. The app-level helpers take the app:

- :func:`open_cable` opens a ref_id at a paragraph (or where it was left), with the
  words of a search query highlighted and ``n``/``N`` moving between them;
- :func:`go_back` / :func:`go_forward` walk :class:`~tipreader.ui.history.History`;
- :func:`library_of` / :func:`userdata_of` give the app's Library and UserData
  (``app.library`` / ``app.userdata``, opened on first use when the app has none).

What the mixin needs from its screen: ``cable``, ``source``, ``text_view``,
``jump_to(para)``, ``_blocks()`` passing through :meth:`decorate`.
"""

from __future__ import annotations

import logging

import threading
from dataclasses import replace

from rich.style import Style
from rich.text import Text
from textual.binding import Binding

from tipreader.ui.history import History, Step
from tipreader.ui.query_words import LINK_STYLE, citations, query_words

_log = logging.getLogger(__name__)

NAV_BINDINGS = [
    Binding("backspace,alt+left", "nav_back", "Back", id="reader.history.back",
            tooltip="Back to the previous cable, jump or the library (history)"),
    Binding("alt+right", "nav_forward", "Forward", show=False, id="reader.history.forward",
            tooltip="Forward again in the history"),
    Binding("enter", "follow_reference", "Follow ref", id="reader.links.follow",
            tooltip="Open the referenced cable (from the paragraph at the top); several: choose"),
    Binding("r", "references", "Refs", id="reader.links.list",
            tooltip="The cable's references and the cables citing it; Enter opens one in the library"),
]

# ---- app state --------------------------------------------------------------------------
_LIBRARY_LOCK = threading.Lock()


def library_of(app):
    """The app's Library (``app.library``), opened once on first use (from any thread); None when it cannot be opened."""
    with _LIBRARY_LOCK:
        return _library_of(app)


def _library_of(app):
    lib = getattr(app, "library", None)
    if lib is None:
        from tipreader.library import Library
        from tipreader.ui.source import NoLibrary

        source = getattr(app, "source", None)
        if getattr(source, "library", None) is not None:  # the app's LibrarySource
            app.library = source.library
            return source.library
        if isinstance(source, NoLibrary) and getattr(app, "_source_factory", None) is not None:
            return None  # the app is opening it in a thread: library_ready() follows
        from tipreader.ui.source import LibrarySource, NoLibrary

        try:
            lib = Library.open()
        except Exception as err:  # a broken library: the reader still reads files
            app.notify(f"Library: {err}", severity="error", markup=False)
            return None
        app.library = lib
        if isinstance(getattr(app, "source", None), NoLibrary) or getattr(app, "source", None) is None:
            app.source = LibrarySource(lib)
    return lib


def library_ready(app) -> None:
    """Call when the app's source (the library) is open: library screens show it."""
    from tipreader.ui.screens.library import LibraryScreen

    lib = getattr(getattr(app, "source", None), "library", None)
    if lib is not None:
        app.library = lib
        if getattr(lib, "needs_rebuild", None):
            app.notify(f"{lib.needs_rebuild}. Rebuild it from the palette (ctrl+p, \"Rebuild the library\") or with "
                       "`tipreader library rebuild`; your bookmarks and notes are kept.",
                       title="Library", severity="warning", timeout=30, markup=False)
    for screen in app.screen_stack:
        if isinstance(screen, LibraryScreen) and screen.is_mounted:
            screen.refresh_results()


def userdata_of(app):
    """The app's UserData (``app.userdata``), opened on first use; None when it cannot be opened.

    A damaged user database is left untouched and the damaged-database dialog is offered
    (once, shared with the bookmarks: :func:`~tipreader.ui.reader_bookmarks.offer_fresh_start`).
    """
    data = getattr(app, "userdata", None)
    if data is None:
        from tipreader.library import UserData
        from tipreader.library.userdb_safety import UserDBError

        try:
            data = app.userdata = UserData.open()
        except UserDBError as err:
            from tipreader.ui.reader_bookmarks import offer_fresh_start

            offer_fresh_start(app, err)
            return None
        except Exception:  # reading positions are a comfort, never a reason to fail
            return None
    return data


def history_of(app) -> History:
    """The app's back/forward history (``app.nav_history``)."""
    hist = getattr(app, "nav_history", None)
    if hist is None:
        hist = app.nav_history = History()
    return hist


def here(app) -> Step:
    """The place on screen: the reader's cable and position, or the library."""
    screen = app.screen
    if isinstance(screen, ReaderNavigation):
        return screen.nav_step()
    return Step(None)


# ---- opening and walking ----------------------------------------------------------------
def open_cable(app, ref_id: str, para: int | None = None, query: str = "", *, record: bool = True,
               restore: Step | None = None) -> bool:
    """Open ``ref_id`` in a reader over the library: at ``para`` (None: where it was left),
    or at ``restore``'s place; ``query``'s words highlighted. False when it is not in the library."""
    source = getattr(app, "source", None)
    cable = source.get(ref_id) if source is not None else None
    if cable is None:
        app.notify(f"{ref_id} is not in the library.", severity="warning", markup=False)
        return False
    if record:
        history_of(app).visit(here(app))
    data = userdata_of(app)
    if para is None and restore is None and data is not None:
        para = data.position(cable.ref_id)
    if data is not None:
        try:
            data.record_open(cable.ref_id)
        except Exception:
            _log.debug("ignored", exc_info=True)
    reader = LibraryReader(cable, source, para=para, query=query, restore=restore)
    if isinstance(app.screen, ReaderNavigation):
        app.switch_screen(reader)
    else:
        app.push_screen(reader)
    return True


def _go(app, step: Step | None) -> None:
    if step is None:
        app.bell()
        return
    screen = app.screen
    if step.ref_id is None:
        show_library(app)
        return
    if isinstance(screen, ReaderNavigation) and screen.cable.ref_id == step.ref_id:
        screen.restore_step(step)
        return
    open_cable(app, step.ref_id, record=False, restore=step)


def show_library(app) -> None:
    """Back to the library screen: pop the readers above it, or make it when a reader was first."""
    from tipreader.ui.screens.library import LibraryScreen

    while isinstance(app.screen, ReaderNavigation) and len(app.screen_stack) > 2:
        app.pop_screen()
    if isinstance(app.screen, ReaderNavigation):
        app.switch_screen(LibraryScreen())


def go_back(app) -> None:
    """Back one step in the history."""
    _go(app, history_of(app).back(here(app)))


def go_forward(app) -> None:
    """Forward one step in the history."""
    _go(app, history_of(app).forward(here(app)))


class ReaderNavigation:
    """Links, "cited by", history keys and the reading position for a reader screen."""

    _nav_para: int | None = None
    _nav_start: tuple[int | None, str, Step | None] = (None, "", None)
    _nav_cited: list[str] | None = None
    nav_opened = False  # True once the reader is at its opening place

    def nav_setup(self, para: int | None = None, query: str = "", restore: Step | None = None) -> None:
        """Where to open (call before mounting): paragraph index, query to mark, or a history step."""
        self._nav_start = (para, query, restore)

    # ---- position --------------------------------------------------------------------
    def nav_step(self) -> Step:
        """This reader's place, for the history."""
        view = self.text_view  # type: ignore[attr-defined]
        return Step(self.cable.ref_id, view.top_para, float(view.scroll_y), view.size.width)  # type: ignore[attr-defined]

    def restore_step(self, step: Step) -> None:
        """Go back to ``step`` (same scroll when the width is the same, else its paragraph)."""
        view = self.text_view  # type: ignore[attr-defined]
        if step.width and step.width == view.size.width and view.line_count:
            view.scroll_to(y=step.scroll_y, animate=False, immediate=True)
        elif step.para is not None and step.para >= 0:
            self._jump_quiet(step.para)
        else:
            view.scroll_to(y=0, animate=False, immediate=True)

    def _jump_quiet(self, para: int) -> None:
        self._nav_quiet = True
        try:
            self.jump_to(para)  # type: ignore[attr-defined]
        finally:
            self._nav_quiet = False

    def jump_to(self, para: int, focus: bool = True) -> None:
        """A jump is a step in the history (the place left is recorded first)."""
        if not getattr(self, "_nav_quiet", False) and self.is_mounted and self.text_view.line_count:  # type: ignore[attr-defined]
            history_of(self.app).visit(self.nav_step())  # type: ignore[attr-defined]
        super().jump_to(para, focus)  # type: ignore[misc]

    def on_mount(self) -> None:
        """Open at the asked place once the text is laid out."""
        self.call_after_refresh(self._nav_open)  # type: ignore[attr-defined]

    def opening_place(self) -> tuple[int | None, object | None]:
        """Where the text view opens, applied at its first layout (so the first paint is
        there): the asked paragraph and the query's words to mark. A history step is
        restored once laid out instead (it needs the width it was left at)."""
        para, query, restore = self._nav_start
        if restore is not None:
            return None, None
        self._nav_early = True
        return para, query_words(query)

    def _nav_open(self) -> None:
        view = self.text_view  # type: ignore[attr-defined]
        if not (view.size.width and view.line_count):
            self.call_after_refresh(self._nav_open)  # type: ignore[attr-defined]
            return
        para, query, restore = self._nav_start
        if restore is not None:
            self.restore_step(restore)
        elif getattr(self, "_nav_early", False):  # the view opened there already
            if para is not None and para >= 0:
                self._last_jump = para  # type: ignore[attr-defined]
            self._update_status()  # type: ignore[attr-defined]
        else:
            if para is not None and para >= 0:
                self._jump_quiet(para)
            words = query_words(query)
            if words is not None:
                view._find(words, keep_current=False)
                view.refresh()
                start = para if para is not None else -1
                first = next((n for n, m in enumerate(view.matches) if m.para is not None and m.para >= start), None)
                if first is not None:
                    view.goto_match(first)
        self.nav_opened = True

    def on_cable_view_top_changed(self, event) -> None:
        """Remember the paragraph at the top (saved as the reading position when the reader closes)."""
        if event.para is not None:
            self._nav_para = event.para

    def on_unmount(self) -> None:
        """Save the reading position (by ref_id and paragraph index)."""
        data = userdata_of(self.app)  # type: ignore[attr-defined]
        if data is not None and self._nav_para is not None:
            try:
                data.set_position(self.cable.ref_id, self._nav_para)  # type: ignore[attr-defined]
            except Exception:
                _log.debug("ignored", exc_info=True)

    # ---- links -----------------------------------------------------------------------
    def cited_by(self) -> list[str]:
        """Cables in the library that cite this one (asked once)."""
        if self._nav_cited is None:
            lib = getattr(self.app, "library", None)  # type: ignore[attr-defined]
            try:
                self._nav_cited = lib.cited_by(self.cable.ref_id) if lib is not None else []  # type: ignore[attr-defined]
            except Exception:
                self._nav_cited = []
        return self._nav_cited

    def _linkable(self, ref_id: str) -> bool:
        return ref_id.upper() != self.cable.ref_id.upper() and self._in_library(ref_id)  # type: ignore[attr-defined]

    def decorate(self, blocks: list) -> list:
        """Blocks with links on references in the library, and a "Cited by" line in the header."""
        blocks = super().decorate(blocks)  # type: ignore[misc]
        header_refs = [r.ref_id for r in self.cable.references if r.ref_id]  # type: ignore[attr-defined]
        found: list[list[tuple[int, int, str]]] = []
        for block in blocks:
            plain = block.text.plain
            if block.para is None:
                spans = [(at + 2, at + 2 + len(ref), ref) for ref in header_refs if (at := plain.find("→ " + ref)) >= 0]
            else:
                spans = [(a + block.find_from, b + block.find_from, r) for a, b, r in citations(plain[block.find_from:])]
            found.append(spans)
        prefetch = getattr(self.source, "prefetch", None)  # type: ignore[attr-defined]
        wanted = [r for spans in found for _, _, r in spans]
        if wanted and prefetch is not None:
            prefetch(wanted)  # one query for the whole cable
        out = []
        for block, spans in zip(blocks, found):
            if block.para is None and block.role == "rule" and self.cited_by():
                out.append(self._cited_block(block))
            spans = [s for s in spans if self._linkable(s[2])]
            if spans:
                text = block.text.copy()
                for a, b, ref in spans:
                    text.stylize(Style.parse(LINK_STYLE) + Style(meta={"@click": f"screen.open_reference({ref!r})"}), a, b)
                block = replace(block, text=text)
            out.append(block)
        return out

    def _cited_block(self, rule):
        line = Text()
        line.append("Cited by ", style="bold #8fb0d0")
        for i, ref in enumerate(self.cited_by()):
            if i:
                line.append(" · ", style="dim")
            line.append(ref, style=Style.parse(LINK_STYLE) + Style(meta={"@click": f"screen.open_reference({ref!r})"}))
        return replace(rule, text=line, role="header", one_line=False, searchable=False, gap=0)

    def links_here(self) -> list[str]:
        """The in-library cables referenced where the reader is: the header's at the top, else the top paragraph's."""
        para = self.text_view.top_para  # type: ignore[attr-defined]
        if para is None:
            refs = [r.ref_id for r in self.cable.references if r.ref_id] + self.cited_by()  # type: ignore[attr-defined]
        else:
            refs = [r for _, _, r in citations(self.cable.paragraphs[para].text or "")]  # type: ignore[attr-defined]
        return list(dict.fromkeys(r for r in refs if self._linkable(r)))

    # ---- actions ---------------------------------------------------------------------
    def action_open_reference(self, ref_id: str) -> None:
        """Open ``ref_id`` (a link was clicked or chosen)."""
        open_cable(self.app, ref_id)  # type: ignore[attr-defined]

    def action_follow_reference(self) -> None:
        """Enter: the one reference here opens; several (or none here): the references list."""
        links = self.links_here()
        if len(links) == 1:
            open_cable(self.app, links[0])  # type: ignore[attr-defined]
        else:
            self.action_references()

    def action_references(self) -> None:
        """The references and "cited by" list; the chosen cable opens."""
        from tipreader.ui.dialogs.references import ReferencesDialog

        rows: list[tuple[str, str, bool]] = []
        for ref in self.cable.references:  # type: ignore[attr-defined]
            label = f"{ref.label}. " if ref.label else ""
            rows.append((ref.ref_id or "", f"REF {label}{ref.text}", bool(ref.ref_id) and self._linkable(ref.ref_id)))
        seen = {r[0] for r in rows}
        for para in self.cable.paragraphs:  # type: ignore[attr-defined]
            for _a, _b, ref in citations(para.text or ""):
                if ref not in seen and ref != self.cable.ref_id:  # type: ignore[attr-defined]
                    seen.add(ref)
                    rows.append((ref, f"cited in paragraph {para.number or para.index + 1}", self._linkable(ref)))
        for ref in self.cited_by():
            rows.append((ref, "cites this cable", True))

        def chosen(ref_id: str | None) -> None:
            if ref_id:
                open_cable(self.app, ref_id)  # type: ignore[attr-defined]

        self.app.push_screen(ReferencesDialog(self.cable.ref_id, rows), chosen)  # type: ignore[attr-defined]

    def action_nav_back(self) -> None:
        """Back in the history."""
        go_back(self.app)  # type: ignore[attr-defined]

    def action_nav_forward(self) -> None:
        """Forward in the history."""
        go_forward(self.app)  # type: ignore[attr-defined]


def _reader_class():
    from tipreader.ui.screens.reader import ReaderScreen

    if issubclass(ReaderScreen, ReaderNavigation):  # wired into the reader itself
        return ReaderScreen

    class _LibraryReader(ReaderNavigation, ReaderScreen):
        BINDINGS = NAV_BINDINGS

    return _LibraryReader


def warm_up_reader() -> None:
    """Import the reader's modules and make its class now (the first open then skips it)."""
    if not _LIBRARY_READER:
        _LIBRARY_READER.append(_reader_class())


def LibraryReader(cable, source, *, para: int | None = None, query: str = "", restore: Step | None = None):
    """A reader screen with navigation, to open at ``para`` / ``restore`` with ``query``'s words marked."""
    warm_up_reader()
    screen = _LIBRARY_READER[0](cable, source)
    screen.nav_setup(para, query, restore)
    return screen


_LIBRARY_READER: list = []
