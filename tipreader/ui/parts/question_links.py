"""Links between the questions of one cable: ``see 24B above``, ``please see section 4C``,
``reftel para 6B`` become links to that question (:mod:`tipreader.cable.crossrefs` resolves
them under the cable's own numbering).

A click on one, or Enter on the paragraph at the top (through the navigation part), goes to
the question; the jump is a history step, so Back returns to the reference.
"""

from __future__ import annotations



from tipreader.cable.crossrefs import references_in
from tipreader.cable.model import Question
from tipreader.ui.document import Block, with_styles
from tipreader.ui.parts.base import ReaderPart
from tipreader.ui.query_words import link_spans
from tipreader.ui.text import clean


class QuestionLinksPart(ReaderPart):
    """In-text references to the cable's own questions, as links."""

    name = "question-links"

    def decorate(self, blocks: list[Block]) -> list[Block]:
        """Blocks with a link on each reference to another question of the cable."""
        cable = self.reader.cable
        if not cable.parts:
            return blocks
        out = []
        for block in blocks:
            if block.para is not None and block.searchable:
                block = with_styles(block, [span for a, b, q in self._spans(block) for span in link_spans(a, b, _click(q))])
            out.append(block)
        return out

    def _spans(self, block: Block) -> list[tuple[int, int, Question]]:
        cable = self.reader.cable
        start = block.find_from
        return [(a + start, b + start, q) for a, b, q in references_in(cable, block.text.plain[start:])
                if q.paragraph_index != block.para]

    def here(self, para: int | None) -> list[Question]:
        """The questions the paragraph index ``para`` refers to, in order, once each."""
        cable = self.reader.cable
        if para is None or not (0 <= para < len(cable.paragraphs)):
            return []
        found = {q.label: q for _, _, q in references_in(cable, cable.paragraphs[para].text or "")
                 if q.paragraph_index != para}
        return list(found.values())

    def rows(self) -> list[tuple[str, str]]:
        """(label, where it is referred to) of every reference in the cable, once per label."""
        cable = self.reader.cable
        rows: dict[str, str] = {}
        for para in cable.paragraphs:
            for _, _, q in references_in(cable, para.text or ""):
                if q.paragraph_index != para.index and q.label not in rows:
                    where = f"¶{para.number}" if para.number is not None else f"paragraph {para.index + 1}"
                    rows[q.label] = f"this cable's question {clean(q.shown_label, newlines=False)}, referred to in {where}"
        return list(rows.items())

    def go(self, label: str) -> bool:
        """Put the question labelled ``label`` at the top (a history step); False when there is none."""
        q = next((q for q in self.reader.cable.questions if q.label == label), None)
        if q is None:
            return False
        self.reader.jump_to(q.paragraph_index)
        return True

    def action_go(self, label: str) -> None:
        """A link was clicked: go to its question."""
        if not self.go(label):
            self.reader.app.bell()


def _click(q: Question) -> str:
    return f"screen.part('question-links', 'go', {q.label!r})"
