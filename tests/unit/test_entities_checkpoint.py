"""An entity extraction can be stopped between paragraphs (the reader stops it for a cable the user left)."""

from __future__ import annotations

import pytest

from tipreader.cable.entities import extract_entities

PARAGRAPHS = [f"{n}. (SBU) The Ministry of Labor (MOL) met Maria Gonzalez in Mexico City on March {n % 28 + 1}, 2008."
              for n in range(1, 201)]


class Stop(Exception):
    pass


def test_the_checkpoint_is_called_for_every_paragraph_of_the_longest_steps_and_changes_nothing():
    calls = []
    found = extract_entities(PARAGRAPHS, checkpoint=lambda: calls.append(1))
    assert len(calls) >= 2 * len(PARAGRAPHS)  # the tokenising and the per-paragraph resolution
    assert found == extract_entities(PARAGRAPHS)
    assert {e.type for e in found} >= {"ORG", "ACRONYM", "PERSON"}


@pytest.mark.parametrize("after", [1, 150, 300])
def test_what_the_checkpoint_raises_stops_the_extraction(after):
    calls = []

    def checkpoint() -> None:
        calls.append(1)
        if len(calls) == after:
            raise Stop

    with pytest.raises(Stop):
        extract_entities(PARAGRAPHS, checkpoint=checkpoint)
    assert len(calls) == after  # not one paragraph more
