"""A cable back from its stored JSON: every field as its type says, and stored data that does
not fit the model refused with where it fails (never built into a wrong cable)."""

from __future__ import annotations

import json

import pytest

from tests.conftest import SAMPLES
from tipreader.cable import parse_file
from tipreader.cable.model_data import ModelDataError, cable_from_dict


def test_a_cable_round_trips_through_its_json():
    cable = parse_file(SAMPLES / "08MEXICO721.txt")[0]
    again = cable_from_dict(json.loads(json.dumps(cable.to_dict())))
    assert again == cable


@pytest.mark.parametrize("change, where", [
    (lambda d: d.update(ref_id=7), "cable.ref_id: int is not str"),
    (lambda d: d.update(date=["2008"]), "cable.date: list fits none of"),
    (lambda d: d["paragraphs"][0].update(index="0"), "cable.paragraphs[0].index: str is not int"),
    (lambda d: d.update(paragraphs={"a": 1}), "cable.paragraphs: expected a list"),
    (lambda d: d.pop("ref_id"), "cable: Cable.ref_id is missing"),
    (lambda d: d.update(ref_id=None), "cable.ref_id: NoneType is not str"),
    (lambda d: d["paragraphs"][0].update(number=True), "cable.paragraphs[0].number: bool fits none of"),
])
def test_data_that_does_not_fit_the_model_is_refused_with_the_place(change, where):
    data = json.loads(json.dumps(parse_file(SAMPLES / "08MEXICO721.txt")[0].to_dict()))
    change(data)
    with pytest.raises(ModelDataError, match=where.replace("[", r"\[").replace("]", r"\]")):
        cable_from_dict(data)
