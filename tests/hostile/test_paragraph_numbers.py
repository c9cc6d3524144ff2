"""Paragraph numbers of four digits are paragraphs (issue 17, item 6).

``\\d{1,3}`` read no number above 999: paragraph 999 swallowed 1000-5000 without a word.
"""

from __future__ import annotations

from pathlib import Path

from tipreader.cable import parse_file

SAMPLE = Path(__file__).resolve().parents[2] / "sample_cables" / "09ASHGABAT248.txt"


def test_paragraphs_numbered_past_999_are_each_their_own(tmp_path):
    header = SAMPLE.read_text(encoding="utf-8").split("\u00b61. (C)")[0]
    body = "".join(f"{n}. (C) Paragraph {n} of a long cable says one thing.\n\n" for n in range(1, 1206))
    path = tmp_path / "long.txt"
    path.write_text(header + body, encoding="utf-8")
    cable = parse_file(path)[0]
    numbers = [p.number for p in cable.paragraphs if p.number is not None]
    assert numbers == list(range(1, 1206))
    last = next(p for p in cable.paragraphs if p.number == 1205)
    assert last.text == "Paragraph 1205 of a long cable says one thing." and last.marking == "C"
