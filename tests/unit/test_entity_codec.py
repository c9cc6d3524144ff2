"""The stored form of a cable's entities: every field back as it was, names not stored twice,
the forms earlier versions wrote still read, and a damaged blob refused (never a wrong cable)."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

from tipreader.cable.model import Entity, Paragraph
from tipreader.library import Library, codec, entity_codec

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "library"
PARAS = (Paragraph(0, 1, None, 1, "Ana Lopez met Lopez at the UN in Reykjavik."),
         Paragraph(1, 2, None, 2, "Ministry of Interior officials said so."))


def _data(blob: bytes) -> dict:
    return json.loads(zlib.decompress(blob))


def test_canonical_forms_round_trip_and_the_common_case_costs_no_string():
    entities = (Entity("PERSON", "Ana Lopez", 0, 0, 9, canonical="Ana Lopez"),
                Entity("PERSON", "Lopez", 0, 14, 19, canonical="Ana Lopez"),
                Entity("ORG", "UN", 0, 27, 29, expansion="United Nations", canonical="United Nations"),
                Entity("LOCATION", "Reykjavik", 0, 33, 42),
                Entity("ORG", "Ministry of Interior", 1, 0, 20, canonical="Ministry of Interior", learned=True))
    blob = entity_codec.encode_entities(entities, PARAS)
    assert entity_codec.decode_entities(blob, PARAS) == entities
    data = _data(blob)
    assert data["v"] == 4 and data["c"] == [1, "Ana Lopez", "United Nations", 0, 1]
    assert data["k"] == ["PERSON", "ORG", "LOCATION"]  # each type once
    assert "t" not in data  # every text is its paragraph's own slice
    assert data["x"] == {"expansion": [[2, "United Nations"]], "learned": [[4, True]]}


def test_a_text_that_is_not_the_paragraphs_slice_is_kept():
    entities = (Entity("ORG", "United Nations", 0, 27, 29), Entity("PERSON", "Ana", 5, 0, 3))  # no paragraph 5
    blob = entity_codec.encode_entities(entities, PARAS)
    assert _data(blob)["t"] == [[0, "United Nations"], [1, "Ana"]]
    assert entity_codec.decode_entities(blob, PARAS) == entities


def test_the_form_the_previous_version_wrote_still_reads():
    v3 = {"v": 3, "e": [["PERSON", 0, 0, 9, {"canonical": "Ana Lopez", "learned": True}],
                        ["ORG", 0, 27, 29, {"expansion": "United Nations", "gone": 1}, "UN"],
                        ["LOCATION", 0, 33, 42, None]]}
    got = entity_codec.decode_entities(zlib.compress(json.dumps(v3).encode()), PARAS)
    assert got == (Entity("PERSON", "Ana Lopez", 0, 0, 9, canonical="Ana Lopez", learned=True),
                   Entity("ORG", "UN", 0, 27, 29, expansion="United Nations"),
                   Entity("LOCATION", "Reykjavik", 0, 33, 42))


@pytest.mark.parametrize("data", [
    {"v": 4, "k": ["PERSON"], "r": [0, 0, 0], "c": [1]},  # a row short
    {"v": 4, "k": ["PERSON"], "r": [3, 0, 0, 9], "c": [1]},  # a type that is not in the table
    {"v": 4, "k": ["PERSON"], "r": [0, 7, 0, 9], "c": [1]},  # a paragraph the cable does not have
    {"v": 4, "k": ["PERSON"], "r": [0, 0, 0, 9]},  # no canonical column
])
def test_a_damaged_blob_is_refused(data):
    with pytest.raises(entity_codec.EntityDataError, match="damaged stored entities"):
        entity_codec.decode_entities(zlib.compress(json.dumps(data).encode()), PARAS)
    with pytest.raises(entity_codec.EntityDataError):
        entity_codec.decode_entities(b"not zlib", PARAS)


def test_the_library_reads_its_entities_with_the_cable_and_refuses_damaged_ones():
    with Library.open() as lib:
        lib.import_paths([FIX / "08REYKJAVIK125.html"])
        cable = lib.get("08REYKJAVIK125")
        assert cable is not None and any(e.type == "PERSON" for e in cable.entities)
        for e in cable.entities:
            assert e.text == cable.paragraphs[e.paragraph].text[e.start:e.end] or e.expansion
        (blob,) = lib.connection.execute("SELECT data FROM cable_entities").fetchone()
        assert _data(blob)["v"] == 4
        lib.connection.execute("UPDATE cable_entities SET data=?", (zlib.compress(b'{"v": 4, "k": []}'),))
        lib.connection.commit()
        with pytest.raises(codec.StoredDataError, match="damaged stored entities"):
            lib.get("08REYKJAVIK125")
