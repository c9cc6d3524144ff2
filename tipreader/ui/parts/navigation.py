"""Navigation in the reader: links to referenced cables, "cited by", Back/Forward, reading positions.

Links open through :class:`~tipreader.ui.messages.OpenCable` (the app records the history);
Back/Forward post :class:`~tipreader.ui.messages.WalkHistory`. The paragraph at the top is
saved as the reading position when the reader leaves the cable.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from rich.text import Text

from tipreader.ui.document import Block, with_styles
from tipreader.ui.messages import OpenCable, WalkHistory
from tipreader.ui.parts.base import ReaderPart, part_binding
from tipreader.ui.parts.question_links import QuestionLinksPart
from tipreader.ui.query_words import append_link, citations, link_spans

_log = logging.getLogger(__name__)


class NavigationPart(ReaderPart):
    """Links, references, "cited by", history keys and the reading position."""

    name = "navigation"
    BINDINGS = [
        part_binding("navigation", "backspace,alt+left", "walk(-1)", "Back", id="reader.history.back",
                     tooltip="Back to the previous cable, jump or the library (history)"),
        part_binding("navigation", "alt+right", "walk(1)", "Forward", show=False, id="reader.history.forward",
                     tooltip="Forward again in the history"),
        part_binding("navigation", "enter", "follow", "Follow ref", id="reader.links.follow",
                     tooltip="Open the referenced cable or go to the question referred to (from the paragraph at the top); several: choose"),
        part_binding("navigation", "r", "references", "Refs", id="reader.links.list",
                     tooltip="The cable's references and the cables citing it; Enter opens one in the library"),
    ]

    _cited: list[str] | None = None
    _top: int | None = None

    # ---- hooks ------------------------------------------------------------------------
    def top_changed(self, para: int | None) -> None:
        """Remember the paragraph at the top (saved as the reading position on leaving)."""
        if para is not None:
            self._top = para

    def leaving(self) -> None:
        """Save the reading position (by ref_id and paragraph index)."""
        data = self.reader.services.userdata
        if data is not None and self._top is not None:
            try:
                data.set_position(self.reader.cable.ref_id, self._top)
            except Exception:  # a comfort, never a reason to fail: logged
                _log.warning("reading position not saved", exc_info=True)

    def library_changed(self) -> None:
        """Ask "cited by" again."""
        self._cited = None

    def decorate(self, blocks: list[Block]) -> list[Block]:
        """Blocks with links on references in the library, and a "Cited by" line in the header."""
        cable = self.reader.cable
        header_refs = [r.ref_id for r in cable.references if r.ref_id]
        found: list[list[tuple[int, int, str]]] = []
        for block in blocks:
            plain = block.text.plain
            if block.para is None:
                spans = [(at + 2, at + 2 + len(ref), ref) for ref in header_refs if (at := plain.find("→ " + ref)) >= 0]
            else:
                spans = [(a + block.find_from, b + block.find_from, r) for a, b, r in citations(plain[block.find_from:])]
            found.append(spans)
        prefetch = getattr(self.reader.services.source, "prefetch", None)
        wanted = [r for spans in found for _, _, r in spans]
        if wanted and prefetch is not None:
            prefetch(wanted)  # one query for the whole cable
        out = []
        for block, spans in zip(blocks, found):
            if block.para is None and block.role == "rule" and self.cited_by():
                out.append(self._cited_block(block))
            out.append(with_styles(block, [span for a, b, ref in spans if self._linkable(ref) for span in link_spans(a, b, _click(ref))]))
        return out

    # ---- links ------------------------------------------------------------------------
    def cited_by(self) -> list[str]:
        """Cables in the library that cite this one (asked once)."""
        if self._cited is None:
            lib = self.reader.services.library
            try:
                self._cited = lib.cited_by(self.reader.cable.ref_id) if lib is not None else []
            except Exception:
                _log.warning("cited_by failed", exc_info=True)
                self._cited = []
        return self._cited

    def _linkable(self, ref_id: str) -> bool:
        return ref_id.upper() != self.reader.cable.ref_id.upper() and self.reader.in_library(ref_id)

    def _cited_block(self, rule: Block) -> Block:
        line = Text()
        line.append("Cited by ", style="bold")
        for i, ref in enumerate(self.cited_by()):
            if i:
                line.append(" · ", style="tip.muted")
            append_link(line, ref, _click(ref))
        return replace(rule, text=line, role="header", one_line=False, searchable=False, gap=0)

    def links_here(self) -> list[str]:
        """The in-library cables referenced where the reader is: the header's at the top, else the top paragraph's."""
        cable = self.reader.cable
        para = self.reader.text_view.top_para
        if para is None:
            refs = [r.ref_id for r in cable.references if r.ref_id] + self.cited_by()
        else:
            refs = [r for _, _, r in citations(cable.paragraphs[para].text or "")]
        return list(dict.fromkeys(r for r in refs if self._linkable(r)))

    def open(self, ref_id: str) -> None:
        """Open ``ref_id`` (a link was clicked or chosen)."""
        self.reader.post_message(OpenCable(ref_id))

    # ---- actions ----------------------------------------------------------------------
    def action_walk(self, delta: int) -> None:
        """Back (-1) or forward (1) in the history."""
        self.reader.post_message(WalkHistory(delta))

    def action_follow(self) -> None:
        """Enter: the one reference here opens (a cable, or a question of this cable: ``see 24B``);
        several (or none here): the references list."""
        links = self.links_here()
        questions = self._question_links().here(self.reader.text_view.top_para)
        if len(links) + len(questions) == 1:
            if links:
                self.open(links[0])
            else:
                self._question_links().go(questions[0].label)
        else:
            self.action_references()

    def _question_links(self) -> QuestionLinksPart:
        return self.reader.part(QuestionLinksPart)

    def action_references(self) -> None:
        """The references and "cited by" list; the chosen cable opens."""
        from tipreader.ui.dialogs.references import ReferencesDialog

        cable = self.reader.cable
        rows: list[tuple[str, str, bool]] = []
        for ref in cable.references:
            label = f"{ref.label}. " if ref.label else ""
            rows.append((ref.ref_id or "", f"REF {label}{ref.text}", bool(ref.ref_id) and self._linkable(ref.ref_id or "")))
        seen = {r[0] for r in rows}
        for para in cable.paragraphs:
            for _a, _b, cited in citations(para.text or ""):
                if cited not in seen and cited != cable.ref_id:
                    seen.add(cited)
                    rows.append((cited, f"cited in paragraph {para.number or para.index + 1}", self._linkable(cited)))
        for citing in self.cited_by():
            rows.append((citing, "cites this cable", True))

        local = {f"Q {label.replace('.', '·', 1)}": (label, what) for label, what in self._question_links().rows()}

        def chosen(ref_id: str | None) -> None:
            if ref_id in local:
                self._question_links().go(local[ref_id][0])
            elif ref_id:
                self.open(ref_id)

        self.reader.app.push_screen(ReferencesDialog(cable.ref_id, rows, [(k, w) for k, (_, w) in local.items()]), chosen)


def _click(ref: str) -> str:
    """The click action of a link to ``ref``."""
    return f"screen.open_reference({ref!r})"
