"""What the reader shows is what the cable says: re-flow never glues two words into one.

q12 saw ``reftelA request``, ``330-3334fax``, ``MinisterioPublico`` in 06SANTIAGO438. They are in the
WikiLeaks page itself (its text lost the character between the words before it was published; the
same ``MinisterioPublico`` is written mid-line in five Santiago cables), not made by joining lines.
Over the 5,100 cables of ../shared the only words in paragraph text that the body does not hold are
line-end hyphen joins (``counter-`` / ``productive``); these tests keep it so on real cables of every
shape (wrapped, unwrapped, capitals, page breaks, SIPDIS lines, scraped pages).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tipreader.cable.pages import clean_lines
from tipreader.cable.parse import parse_file

CABLES = (
    "wikileaks-html/06SANTIAGO438.html",
    "wikileaks-html/09BOGOTA1412.html",
    "wikileaks-html/06BUENOSAIRES109.html",
    "cablegate-text/88NDJAMENA1239.txt",
    "wikileaks-html/08STATE43817.html",
    "wikileaks-html/04THEHAGUE4.html",
    "wikileaks-html/05REYKJAVIK520.html",
    "wikileaks-html/09PARIS559.html",
    "wikileaks-html/08TALLINN326.html",
    "wikileaks-html/08MANAMA492.html",
    "scoop-text/08MEXICO721.txt",
    "cablegate-text/85DUBLIN2469.txt",
)
_HYPHEN_BREAK = re.compile(r"-[ \t]*\n\s*")


@pytest.mark.parametrize("name", CABLES, ids=lambda n: Path(n).stem)
def test_no_word_is_made_by_joining_lines(name: str, shared_cables: Path) -> None:
    path = shared_cables / name
    if not path.exists():
        pytest.skip(f"{name} is not in ../shared")
    cable = parse_file(path)[0]
    # the lines as the cable writes them, page markers out (``Jean-`` / marker / ``Francois``)
    source = _HYPHEN_BREAK.sub("-", "\n".join(line.text for line in clean_lines(cable.body_text)))
    made = [word for p in cable.paragraphs for word in p.text.split() if word not in source]
    assert made == []


def test_words_glued_in_the_page_are_shown_as_the_page_writes_them(shared_cables: Path) -> None:
    cable = parse_file(shared_cables / "wikileaks-html/06SANTIAGO438.html")[0]
    text = "\n".join(p.text for p in cable.paragraphs)
    # no space in the published text: inventing one would be a guess (``MinisterioPublico`` is also how
    # Embassy Santiago writes the name mid-line in 09SANTIAGO156, 09SANTIAGO391, 10SANTIAGO254)
    assert "In accordance with reftelA request, Post is submitting data" in text
    assert "The MinisterioPublico (MP, national Prosecutor's Office)" in text
