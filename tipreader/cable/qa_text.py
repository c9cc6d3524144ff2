"""The text of a question's own paragraph, split into the question and the answer it holds.

The reader and the Markdown export both show a question once (as a question) and then
its answer; :func:`split_question` says which words of the paragraph are which.
"""

from __future__ import annotations

import re

from .model import Paragraph, Question

RESPONSE = re.compile(r"(?:POST\s+RESPONSE|RESPONSE|ANSWER)\s*[:.\-]+\s*", re.IGNORECASE)
QUESTION_LEAD = re.compile(r"^\s*(?:--\s*)?(?:QUESTION\s+)?[A-Z][:.)]\s+", re.IGNORECASE)


def split_question(para: Paragraph, q: Question) -> tuple[str, str]:
    """The question and the part of the answer that sit in the question's own paragraph.

    An answer-only item (``-- D. The parliament approved ...``) whose answer goes on in
    further paragraphs keeps its first paragraph's words (less the item's letter).
    """
    question = q.question or ""
    others = [i for i in q.answer_paragraphs if i != para.index]
    if not others:
        return question, q.answer or ""
    text = para.text or ""
    m = RESPONSE.search(text)
    if m:
        return question, text[m.end():].strip()
    if question and question in text:
        return question, text[text.index(question) + len(question):].strip()
    if not question:
        return question, QUESTION_LEAD.sub("", text, count=1).strip()
    return question, ""
