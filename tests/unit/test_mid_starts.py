"""The dot-first finder of mid-line paragraph starts gives the matches of the regex it stands for."""

from __future__ import annotations

import re

import pytest

from tipreader.cable.collapsed import _mid_starts

_SLOW = re.compile(r"\s(?:\u00b6\s?)?(\d{1,2})\.(?:\s+(?=[(A-Z\"'])|(?=\())")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "said so. 7. (SBU) The minister",
        "here. 6.(S) Next",
        "end. \u00b6 12. The next",
        "end.\u00b6 3. The next",
        "x12. The 123. The 1.5 The",
        "a \u0663. B \u00b2. C",  # an Arabic-Indic digit is \d, a superscript two is not
        "1. 2. (C) 3.\u00a0\"Quoted",
        " 4.\t(A) ",
    ],
)
def test_mid_starts_are_the_regex_matches(text: str) -> None:
    assert list(_mid_starts(text)) == [(m.start(), int(m.group(1)), m.end()) for m in _SLOW.finditer(text)]
