"""Command palette providers: the open cable's questions and parts, and the reader's commands.

Cable text goes into the palette as plain :class:`~textual.content.Content`, never
through markup (``Matcher.highlight`` parses markup, so it is not used).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tipreader.ui.navigation import Target, part_targets, question_targets
from tipreader.ui.text import clean


def _display(text: str, offsets: list[int] | None = None) -> Content:
    content = Content(clean(text, newlines=False))
    for offset in offsets or ():
        if offset < len(content.plain) and not content.plain[offset].isspace():
            content = content.stylize("bold underline", offset, offset + 1)
    return content


class CableCommands(Provider):
    """Jump to a question or a part of the cable on the reader screen, or run a reader command."""

    def _entries(self) -> list[tuple[str, Callable[[], object], str]]:
        from tipreader.ui.screens.reader import ReaderScreen

        screen = self.screen
        entries: list[tuple[str, Callable[[], object], str]] = []
        if not isinstance(screen, ReaderScreen):
            return entries
        cable = screen.cable
        targets: list[Target] = part_targets(cable) + question_targets(cable)
        jump = screen.jump_to
        for t in targets:
            name = f"{t.label}: {t.detail}" if t.label.startswith("Part") else f"Q {t.label} · {t.detail}"
            para = cable.paragraphs[t.para] if 0 <= t.para < len(cable.paragraphs) else None
            where = f"¶{para.number}, page {para.page}" if para and para.number is not None else f"page {para.page}" if para else ""
            entries.append((name, partial(jump, t.para), f"Jump there ({where})" if where else "Jump there"))
        from tipreader.ui.parts.submission import SubmissionPart

        for name, delta, help_text in screen.part(SubmissionPart).commands():
            entries.append((name, partial(screen.part(SubmissionPart).step, delta), help_text))
        for name, action, help_text in (
            ("View: questions with answers", "set_view('full')", "Show each question followed by its answer"),
            ("View: answers only", "set_view('answers')", "Shrink questions to their label and a line"),
            ("View: questions only", "set_view('questions')", "The questionnaire as an outline"),
            ("Find in the cable", "part('find', 'find')", "Incremental find (/)"),
            ("Filter paragraphs", "part('find', 'filter')", "Show only paragraphs that match (&)"),
            ("Go to…", "goto", "Paragraph number, question or words (:)"),
            ("Copy paragraph with citation", "copy", "Copy the paragraph at the top (y)"),
            ("TIP: compare this question across years and countries", "compare", "The compare view (c)"),
            ("TIP: figures reported, year by year", "tip_figures",
             "Prosecutions, convictions, victims... of this country's submissions; Enter opens one"),
            ("Code the paragraph…", "part('codes', 'pick')", "Apply a code of the codebook, with a note (C)"),
            ("Save the cable as Markdown…", "part('export', 'save')", "Write it to a file; the name is proposed (s)"),
            ("Toggle section tree", "toggle_tree", "Hide or show the tree (t)"),
        ):
            entries.append((name, partial(screen.run_action, action), help_text))
        return entries

    async def discover(self) -> Hits:
        """The cable's parts and questions, then the commands."""
        for name, command, help_text in self._entries():
            yield DiscoveryHit(_display(name), command, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        """Fuzzy match on the entries' names."""
        matcher = self.matcher(query)
        for name, command, help_text in self._entries():
            score, offsets = matcher.fuzzy_search.match(query, name)
            if score > 0:
                yield Hit(score, _display(name, list(offsets)), command, text=name, help=help_text)
