"""Session 8 (issue 15): the extractor's review mends and the general rules the blind sets asked for.

Each test is the shape any cable may use, never one cable's words."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tipreader.cable import ent_patterns
from tipreader.cable.entities import extract_entities
from tipreader.cable.ent_text import is_government_acronym
from tipreader.library.expansions import learn_expansions


def typed(*paragraphs: str) -> list[tuple[str, str]]:
    return [(e.type, e.text) for e in extract_entities(list(paragraphs))]


@pytest.mark.parametrize("word", [w.replace("s?", "") for w in ent_patterns._AFTER_AMOUNT]
                         + [w.replace("?", "") for w in ent_patterns._AFTER_AMOUNT if w.endswith("s?")])
def test_every_currency_the_pattern_knows_passes_its_gate(word: str) -> None:
    # the gate and the pattern are made of one list: a currency after an amount is always money
    assert typed(f"The fine was 40 million {word} in all.") == [("MONEY", f"40 million {word}")]


@pytest.mark.parametrize(("word", "expected"), [
    ("GOB", True), ("GOAJ", True), ("GO", False), ("GOB1", False), ("GOVT", True), ("GOVERNMENT", False),
    ("GoB", False), ("GOÉ", False)])
def test_government_acronym_shape(word: str, expected: bool) -> None:
    assert is_government_acronym(word) is expected


def test_an_acronym_defined_by_apposition_elsewhere_is_learnt() -> None:
    other = SimpleNamespace(paragraphs=[SimpleNamespace(
        index=0, text="He once led the Civilian Intelligence Service, DISIP, and then retired.")])
    library = SimpleNamespace(root="apposition-test", search=lambda query, limit: [SimpleNamespace(ref_id="09CARACAS1")],
                              get=lambda ref: other)
    assert learn_expansions(library, ["DISIP"], exclude="09CARACAS2") == {"DISIP": "Civilian Intelligence Service"}
