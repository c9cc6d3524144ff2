"""The parser's cheap pre-checks give the answer of the slow form they stand for."""

from __future__ import annotations

import re

import pytest

from tipreader.cable.prefilter import has_lower, may_hold, word_start
from tipreader.cable.structure import _END_MARK, _without_end_marks

_TEXTS = [
    "",
    "END SUMMARY.",
    "the questionnaire keyed to reftel",
    "Keyed To the QUESTIONS in REF A",
    "recommend an end to it",
    "\u212aEYED TO",  # Kelvin sign: re.IGNORECASE takes it for a k
    "que\u017ftion",  # long s for s
    "quest\u0131on",  # dotless i
    "QUEST\u0130ON",  # capital I with a dot
    "caf\u00e9 questions of ref",
    "\u00e9t\u00e9",
    "ABC \u00c9T\u00c9",
    "\u01c5",  # a title-case letter: neither upper nor lower
    "\u00aa",  # feminine ordinal: lower case, with no upper-case form
    "MINISTER ADDRESSES MIGRATION",
    "Minister",
    "\u00df",
    "attend the weekend. (END SUMMARY) and END COMMENT",
    "xEND SUMMARY _end  (end of summary).",
    "\u0130 END SUMMARY",
    "WEEKEND\u00a0 (END SUMMARY)",
]


@pytest.mark.parametrize("text", _TEXTS)
@pytest.mark.parametrize("words", [("keyed to", "question"), ("end",), ("question",)])
def test_may_hold_answers_as_the_case_insensitive_regex(text: str, words: tuple[str, ...]) -> None:
    regex = re.compile("|".join(map(re.escape, words)), re.IGNORECASE)
    folds = any(c in text for c in "\u0130\u0131\u017f\u212a")  # always a "maybe"
    assert may_hold(text, *words) == (regex.search(text) is not None or folds)


def test_may_hold_says_no_for_a_plain_text_without_the_word() -> None:
    assert not may_hold("nothing to see", "keyed to")
    assert not may_hold("caf\u00e9 au lait", "question")  # non-ASCII, but no letter that folds to ASCII


@pytest.mark.parametrize("text", _TEXTS)
def test_has_lower_is_any_islower(text: str) -> None:
    assert has_lower(text) == any(c.islower() for c in text)


@pytest.mark.parametrize("text", _TEXTS)
def test_a_search_from_word_start_finds_what_a_whole_search_finds(text: str) -> None:
    regex = re.compile(r"\bEND\b", re.IGNORECASE)
    start = word_start(text, "end")
    whole = regex.search(text)
    if start is None:
        assert whole is None
    else:
        found = regex.search(text, start)
        assert (found and found.span()) == (whole and whole.span())


@pytest.mark.parametrize("text", _TEXTS)
def test_end_marks_go_as_with_the_regex_over_the_whole_text(text: str) -> None:
    assert _without_end_marks(text) == _END_MARK.sub("", text)
