"""Entities in the shapes unseen cables write them (issue 15): transliterated places, people by
context, organisations by context, numbered laws, international phones, spelling variants
merged under one canonical form, names learnt from other cables, and the CLI listing."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tipreader.cable.ent_canonical import variant_key
from tipreader.cable.ent_data import geo, place_key
from tipreader.cable.ent_learned import NameBook, confident_names
from tipreader.cable.entities import extract_entities
from tests.conftest import SAMPLES


def found(text: str, kind: str | None = None) -> list[tuple[str, str]]:
    return [(e.type, e.text) for e in extract_entities([text]) if kind is None or e.type == kind]


@pytest.mark.parametrize(
    ("a", "b"),
    [("Sana'a", "SANAA"), ("Sana’a", "Sanaa"), ("al-Hudaydah", "Hudayda"), ("Ta'izz", "Taiz"), ("Taʿizz", "TAIZ"),
     ("Sa'dah", "Sada"), ("Al Anbar", "Anbar")],
)
def test_place_key_folds_transliterations(a: str, b: str) -> None:
    assert place_key(a) == place_key(b)


def test_gazetteer_is_bundled_and_tiered() -> None:
    g = geo()
    assert g.keys[place_key("Sanaa")][1] == "A"  # a capital: tagged anywhere
    assert len(g.keys) > 30_000


def test_governorates_and_towns_in_their_own_spellings() -> None:
    text = "Victims came from Ibb, Taiz and Hudaydah governorates and from al-Mahwit to Sana'a."
    assert found(text, "LOCATION") == [("LOCATION", "Ibb"), ("LOCATION", "Taiz"), ("LOCATION", "Hudaydah"),
                                       ("LOCATION", "al-Mahwit"), ("LOCATION", "Sana'a")]


def test_unknown_place_by_its_suffix_and_capitals_by_context() -> None:
    assert ("LOCATION", "Xarbat Governorate") in found("Police in Xarbat Governorate arrested two men.")
    caps = found("IOM OPENED A SHELTER IN SANAA AND ADEN. THE MINISTRY OF HUMAN RIGHTS IN TA'IZ GOVERNORATE SAID")
    assert ("LOCATION", "SANAA") in caps and ("LOCATION", "ADEN") in caps
    assert ("LOCATION", "TA'IZ GOVERNORATE") in caps and ("ORG", "MINISTRY OF HUMAN RIGHTS") in caps


def test_a_surname_that_is_also_a_town_is_no_place() -> None:
    for text in ("According to Zamora, the shipment left.", "Party leader Rosario Green spoke.",
                 "the Guantanamo Bay detention facility", "the Somali situation"):
        places = found(text, "LOCATION")
        assert ("LOCATION", "Zamora") not in places and ("LOCATION", "Rosario") not in places
        assert ("LOCATION", "Bay") not in places and ("LOCATION", "Somali") not in places


def test_people_in_contact_lines_and_arabic_names() -> None:
    text = ("The point of contact for TIP issues is Pol/Econ Officer Chris Andino. POC: Qasim Sulaimani, "
            "Ministry of Social Affairs. Sheikh Abdullah bin Hamad Al-Attiyah met Mohammed al-Qadhi.")
    people = found(text, "PERSON")
    for name in ("Chris Andino", "Qasim Sulaimani", "Abdullah bin Hamad Al-Attiyah", "Mohammed al-Qadhi"):
        assert ("PERSON", name) in people
    assert ("PERSON", "Salah ad Din") not in found("Violence in Salah ad Din rose.")


def test_unknown_names_are_people_but_not_parties_or_peoples() -> None:
    people = found("Former minister Kalonzo Musyoka met Zachary N. Mwaura. Costa Rican police and the Polo Democratico.", "PERSON")
    assert ("PERSON", "Kalonzo Musyoka") in people and ("PERSON", "Zachary N. Mwaura") in people
    assert all("Rican" not in t and "Polo" not in t for _, t in people)


def test_organisations_by_context() -> None:
    text = ("Embassy Sanaa and the local NGO SANADIA met the Council of Ministers at the Al-Thawra Hospital. "
            "SANADIA said the NGO Caritas helped.")
    orgs = found(text, "ORG")
    for name in ("Embassy Sanaa", "SANADIA", "Council of Ministers", "Al-Thawra Hospital", "Caritas"):
        assert ("ORG", name) in orgs
    assert found(text).count(("ORG", "SANADIA")) == 2  # every mention, not only the introduced one


def test_laws_phones_dtgs_and_cable_refs() -> None:
    text = ("The Trafficking Victims Protection Act of 2000 and Law No. 64 of 2010 on Combating Human Trafficking; "
            "call +967-1-755-2000; reftel 151347Z FEB 10 and 09 SANAA 1936.")
    got = found(text)
    assert ("LAW", "Trafficking Victims Protection Act of 2000") in got
    assert ("LAW", "Law No. 64 of 2010 on Combating Human Trafficking") in got
    assert ("PHONE", "+967-1-755-2000") in got
    assert ("DATE", "151347Z FEB 10") in got and ("CABLE_REF", "09 SANAA 1936") in got


def test_spelling_variants_share_one_canonical_form() -> None:
    ents = extract_entities([
        "The Grupos Beta patrol the border. The Betas rescued migrants.",
        "Jose Santoyo-Cervantes met officials; Santoyo Cervantes was arrested.",
        "DIVAS shelters victims; the NGO Divas said so. In Sana'a and SANAA.",
    ])
    canon = {e.text: (e.type, e.canonical) for e in ents}
    assert canon["Betas"] == ("ORG", "Grupos Beta") == canon["Grupos Beta"]
    assert canon["Santoyo Cervantes"] == ("PERSON", "Jose Santoyo-Cervantes")
    assert canon["DIVAS"] == canon["Divas"] == ("ORG", "Divas")
    assert canon["SANAA"] == canon["Sana'a"] == ("LOCATION", "Sanaa")
    assert variant_key("Santoyo-Cervantes") == variant_key("santoyo cervantes")


def test_names_learnt_from_other_cables_are_found_and_marked() -> None:
    teacher = extract_entities(["Prosecutors charged members of the Ergenekon organization on Monday."])
    assert ("ORG", "Ergenekon") in [(e.type, e.text) for e in teacher]
    book = NameBook()
    for name, kind, canonical in confident_names(teacher, {0: teacher[0].text}):
        book.add(name, kind, canonical, learned=True)
    caps = "THE COURT HEARD THE ERGENEKON CASE AGAIN ON TUESDAY WITH ALL DEFENDANTS PRESENT."
    assert ("ORG", "ERGENEKON") not in found(caps)
    learnt = [e for e in extract_entities([caps], learned=book) if e.text == "ERGENEKON"]
    assert learnt and learnt[0].type == "ORG" and learnt[0].learned and learnt[0].canonical == "Ergenekon"


def _cli(*args: str, home) -> subprocess.CompletedProcess:
    env = dict(os.environ, TIPREADER_HOME=str(home / "data"), TIPREADER_CONFIG=str(home / "config.toml"), NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "tipreader", *args], capture_output=True, text=True, env=env, timeout=120)


def test_cli_counts_names_and_mentions_apart_and_prints_canonical(tmp_path) -> None:
    mexico = str(SAMPLES / "08MEXICO721.txt")
    res = _cli("entities", mexico, home=tmp_path)
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    heading = next(line for line in lines if line.startswith("PERSON — "))
    names, mentions = heading.removeprefix("PERSON — ").split(", ")
    n_names, n_mentions = int(names.split()[0]), int(mentions.split()[0])
    block = lines[lines.index(heading) + 1 : lines.index(heading) + 1 + n_names]
    assert all(line.startswith("  ") for line in block)
    assert sum(int(line.rsplit("×", 1)[1]) if "×" in line else 1 for line in block) == n_mentions
    assert "  ICE = Immigration and Customs Enforcement (usual meaning)  ×8" in lines
    assert sum("Santoyo" in line for line in lines) == 1  # the variants are one name
    rows = [json.loads(line) for line in _cli("entities", "--json", mexico, home=tmp_path).stdout.splitlines()]
    santoyo = {r["canonical"] for r in rows if "Santoyo" in r["text"]}
    assert santoyo == {"Ignacio Antonio Santoyo-Cervantes"}
