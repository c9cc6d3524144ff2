"""The blind gold sets (tests/fixtures/*_blind/) stay well-formed: offsets, types, labels, quoted words.

These check the annotations themselves, never run the parser or the extractor on the blind cables
(scoring is the owners' tests); a hand edit that breaks an offset or mistypes a quoted word fails here.
"""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

ENTITY_BLIND = [path for folder in ("entities_blind", "entities_blind3", "entities_blind4", "entities_blind5", "entities_blind6")
                for path in sorted((FIXTURES / folder).glob("*.json"))]
QUESTIONNAIRE_BLIND = sorted((FIXTURES / "questionnaire_blind").glob("*.json"))
QUESTIONNAIRE_BLIND2 = sorted((FIXTURES / "questionnaire_blind2").glob("*.json"))
QUESTIONNAIRE_BLIND3 = sorted((FIXTURES / "questionnaire_blind3").glob("*.json"))
QUESTIONNAIRE_BLIND4 = sorted((FIXTURES / "questionnaire_blind4").glob("*.json"))
QUESTIONNAIRE_BLIND5 = sorted((FIXTURES / "questionnaire_blind5").glob("*.json"))
BODY_BLIND2 = sorted((FIXTURES / "body_blind2").glob("*.json"))
BODY_BLIND3 = sorted((FIXTURES / "body_blind3").glob("*.json"))
BODY_BLIND4 = sorted((FIXTURES / "body_blind4").glob("*.json"))
BODY_BLIND5 = sorted((FIXTURES / "body_blind5").glob("*.json"))
ENTITY_TYPES = {"PERSON", "ORG", "ACRONYM", "LOCATION", "DATE", "MONEY", "PERCENT", "PHONE", "CABLE_REF", "LAW"}
# `PAGE 03 RUEHFRA0170 S E C R E T` (07PARIS170) and `CONFIDENTIAL PAGE 03 VATICA 05960 191507Z` (01VATICAN5960)
TELEX_PAGE_HEADER = re.compile(r"PAGE \d+ RUEH\w+ (?:[A-Z] )*[A-Z](?= )|CONFIDENTIAL PAGE \d+ [A-Z]+ \d+ \d{6}Z")
PAGE_MARKER = re.compile(r"^\s*[A-Z ]+ 0{3,}\d+\s+\d+(\.\d+)? OF \d+\s*$", re.M | re.I)  # also `Kuwait 00000128 002 of 003`


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_both_blind_sets_are_present() -> None:
    assert len(ENTITY_BLIND) >= 10 + 7 + 8 + 5 + 8
    assert len(QUESTIONNAIRE_BLIND) >= 6
    assert len(QUESTIONNAIRE_BLIND2) >= 4
    assert len(QUESTIONNAIRE_BLIND3) >= 5
    assert len(QUESTIONNAIRE_BLIND4) >= 8
    assert len(QUESTIONNAIRE_BLIND5) >= 8
    assert len(BODY_BLIND2) >= 6
    assert len(BODY_BLIND3) >= 4
    assert len(BODY_BLIND4) >= 8
    assert len(BODY_BLIND5) >= 8


@pytest.mark.parametrize("path", ENTITY_BLIND, ids=lambda p: p.stem)
def test_entity_offsets_and_types(path: Path) -> None:
    doc = _load(path)
    assert doc["ref_id"] == path.stem and doc["blind"] is True
    for number, paragraph in enumerate(doc["paragraphs"]):
        assert paragraph["index"] == number
        end = 0
        for entity in paragraph["entities"]:
            assert entity["type"] in ENTITY_TYPES
            assert paragraph["text"][entity["start"] : entity["end"]] == entity["text"]
            assert entity["start"] >= end, f"{entity} overlaps the previous entity"
            end = entity["end"]
    mentioned = {e["text"] for p in doc["paragraphs"] for e in p["entities"]}
    for acronym in doc["glossary"]:
        assert acronym in mentioned or acronym + "s" in mentioned
    persons = {e["text"] for p in doc["paragraphs"] for e in p["entities"] if e["type"] == "PERSON"}
    for short, full in doc["canonical"].items():
        assert short in persons and full in persons


@pytest.mark.parametrize("path", ENTITY_BLIND, ids=lambda p: p.stem)
def test_entity_texts_are_in_the_cable(path: Path, shared_cables: Path) -> None:
    """Every annotated span is words of the cable itself (no typing slip in a hand-written list)."""
    words = _plain_words(path.stem, shared_cables)
    words = " ".join(TELEX_PAGE_HEADER.sub(" ", words).split())  # a span may cross `PAGE 03 RUEHFRA0170 S E C R E T`
    for paragraph in _load(path)["paragraphs"]:
        for entity in paragraph["entities"]:
            assert entity["text"] in words, f"{entity['text']!r} is not in {path.stem}"


def _plain_words(ref: str, shared: Path, source: str | None = None) -> str:
    """The page's words (page markers and pilcrows out); a `cablegate-text/` source is the scraper's file as it is."""
    page = (shared / (source or f"wikileaks-html/{ref}.html")).read_text(encoding="utf-8")
    text = page if source and source.startswith("cablegate-text/") else html.unescape(
        re.sub(r"<[^>]+>", "", "\n".join(re.findall(r"<pre[^>]*>(.*?)</pre>", page, re.S))))
    return " ".join(PAGE_MARKER.sub("", text).replace("¶", "").split())


@pytest.mark.parametrize("path", QUESTIONNAIRE_BLIND, ids=lambda p: p.stem)
def test_questionnaire_items_are_well_formed(path: Path, shared_cables: Path) -> None:
    doc = _load(path)
    assert doc["ref_id"] == path.stem
    if not doc["is_questionnaire"]:
        assert doc["items"] == [] and doc["parts"] == []
        return
    words = _plain_words(doc["ref_id"], shared_cables)
    labels = {part["label"] for part in doc["parts"]}
    for item in doc["items"]:
        part, _, letters = item["label"].rpartition(".")
        assert part in labels and letters and item["letters"]
        quoted = ["answer_first5", "answer_last5"]
        if item["question_restated"]:
            quoted += ["question_first5", "question_last5"]
        else:
            assert item["question_first5"] is None and item["question_last5"] is None
        for key in quoted:
            phrase = item[key]
            assert 1 <= len(phrase.split()) <= 5
            assert phrase in words, f"{item['label']} {key}: {phrase!r} is not in the cable"


@pytest.mark.parametrize("path", QUESTIONNAIRE_BLIND2 + QUESTIONNAIRE_BLIND3 + QUESTIONNAIRE_BLIND4 + QUESTIONNAIRE_BLIND5,
                         ids=lambda p: p.stem)
def test_questionnaire_blind2_to_5_items_are_well_formed(path: Path, shared_cables: Path) -> None:
    """Sets 2-5 add nested items (parent), item titles, ordinal labels, letter ranges (`G-J`), a tasker that only
    asks, a prose reply with no item, Roman parts (`I.A`, `I.A.i`) and one-line form fields (set 5): each item still names a part or a parent that exists, and every quoted phrase,
    title and intro is the cable's own words."""
    doc = _load(path)
    assert doc["ref_id"] == path.stem
    if not doc["is_questionnaire"] and not doc["items"]:  # set 3's negative: nothing to pair
        assert doc["parts"] == []
        return
    assert doc["items"]
    answered = doc["is_questionnaire"]  # a tasker that only asks lists its questions, answers null
    assert doc["source"] in (f"wikileaks-html/{doc['ref_id']}.html", f"cablegate-text/{doc['ref_id']}.txt")
    words = _plain_words(doc["ref_id"], shared_cables, doc["source"])
    for part in doc["parts"]:
        assert part["title"] or part["intro"]
        for written in (part["title"], part["intro"]):
            assert written is None or " ".join(written.split()) in words, written
    parts = {part["label"] for part in doc["parts"]}
    seen: set[str] = set()
    for item in doc["items"]:
        head, _, own = item["label"].rpartition(".")
        assert own and head == item.get("parent", head)
        assert head in (seen if "parent" in item else parts), item["label"]
        letters = item["letters"]
        if item.get("label_source") == "ordinal":
            assert letters == []
        else:  # one letter, or a range `G-J` listing every letter it answers
            assert own == (letters[0] if len(letters) == 1 else f"{letters[0]}-{letters[-1]}"), item["label"]
        seen.add(item["label"])
        quoted = (["answer_first5", "answer_last5"] if answered else []) + (
            ["question_first5", "question_last5"] if item["question_restated"] else [])
        assert answered or item["question_restated"] and item["answer_first5"] is None and item["answer_last5"] is None
        if not item["question_restated"]:
            assert item["question_first5"] is None and item["question_last5"] is None
        for key in quoted:
            assert 1 <= len(item[key].split()) <= 5
            assert item[key] in words, f"{item['label']} {key}: {item[key]!r} is not in the cable"
        if answered and "title" in item:
            assert re.search(re.escape(item["title"]) + r"[:.]? " + re.escape(item["answer_first5"]), words), item["label"]
        if "labels" in item:  # set 4: the cable's own labels (`Q1:` / `A1:`, `Question 4):`) open question and answer
            question_label, answer_label = item["labels"]
            assert f"{question_label} {item['question_first5']}" in words, item["label"]
            assert f"{answer_label} {item['answer_first5']}" in words, item["label"]
            assert item.get("cable_label", "") in question_label


@pytest.mark.parametrize("path", QUESTIONNAIRE_BLIND4, ids=lambda p: p.stem)
def test_questionnaire_blind4_negatives_have_the_lettered_items_they_trap(path: Path, shared_cables: Path) -> None:
    """Set 4's negatives hold lettered, numbered or Roman items (a REF list, quoted points, `1)` paragraphs, `iv)` talking
    points) that a parser could take for answers."""
    doc = _load(path)
    if doc["is_questionnaire"]:
        assert doc["items"] and doc["parts"]
        return
    text = html.unescape(re.sub(r"<[^>]+>", "", (shared_cables / doc["source"]).read_text(encoding="utf-8")))
    # `REF:  <tab>A) Santiago 515`, `a. The Ministry ...`, `1) (C) On February 24`, `iv) (C) With the United Nations`
    assert len(re.findall(r"(?m)(?:^|\t)\s*¶?(?:[A-Ga-g]|[ivx]+|\d{1,2})[.)]\s+\S", text)) >= 2


@pytest.mark.parametrize("path", QUESTIONNAIRE_BLIND5, ids=lambda p: p.stem)
def test_questionnaire_blind5_negatives_hold_the_labels_they_trap(path: Path, shared_cables: Path) -> None:
    """Set 5's negatives hold labels a parser could take for items: a lettered REF list run inline (`Ref: A) 08 Sao
    Paulo 269; B) ...`) or a report's Roman section headings (`II. Status of Country`)."""
    doc = _load(path)
    if doc["is_questionnaire"]:
        assert doc["items"] and doc["parts"]
        return
    text, _ = _page_text(doc["source"], shared_cables)
    lettered = re.findall(r"(?:^|\s)(?:[A-Ga-g]|[ivx]+)[.)]\s+\S", text)
    roman = re.findall(r"(?m)^\s*[IVX]+\.\s+[A-Z]", text)
    assert len(lettered) >= 2 or len(roman) >= 2


def _page_text(source: str, shared: Path) -> tuple[str, str]:
    """(the page's text as lines, the same with whitespace collapsed), pilcrows out, nothing else removed
    (in the collapsed text a line continued with a trailing backslash reads on into the next: 07BERN113).
    A `cablegate-text/` source (body_blind4's round 2) is the scraper's file as it is."""
    page = (shared / source).read_text(encoding="utf-8")
    if source.startswith("wikileaks-html/"):
        page = html.unescape(re.sub(r"<[^>]+>", "", "\n".join(re.findall(r"<pre[^>]*>(.*?)</pre>", page, re.S))))
    text = page.replace("¶", "")
    return text, " ".join(re.sub(r"(?m)\\[ \t]*$", "", text).split())


@pytest.mark.parametrize("path", BODY_BLIND2 + BODY_BLIND3 + BODY_BLIND4 + BODY_BLIND5, ids=lambda p: p.stem)
def test_body_blind2_gold_is_the_cables_text(path: Path, shared_cables: Path) -> None:
    """Headings, signature, footer, subject, debris and both sides of every join are written in the cable,
    every gold paragraph number starts a line, tags are in the TAGS line and references are whole."""
    doc = _load(path)
    head = doc["header"]
    assert doc["ref_id"] == path.stem == head["ref_id"] == doc["table"]["ref_id"]
    assert doc["source"] in (f"wikileaks-html/{doc['ref_id']}.html", f"cablegate-text/{doc['ref_id']}.txt")
    text, flat = _page_text(doc["source"], shared_cables)
    for written in [*doc["headings"], doc["signature"], doc["footer"], head["subject"], *doc["debris"]]:
        assert written is None or " ".join(written.split()) in flat or written in text, written
    for join in doc["joins"]:
        assert join["before"] in flat and join["after"] in flat and len(join["before"].split()) == 5
    for number in doc["paragraph_numbers"]:
        # at a line start (`¶4. (C)`, `1.(S/NF)`, `1. POPE`) or inside a collapsed line (`(d) 1. (C) Summary`, `Padilla 14. (U)`,
        # set 5's `(d) 1.  (C)  On July 1` with two spaces)
        assert re.search(rf"(?m)^\s*{number}\.(?:\s*\(|\s+[A-Z])|(?<![\d.]){number}\. {{1,2}}\([A-Z/]+\) ", text), f"no paragraph {number}"
    tags_line = re.search(r"(?m)\bTAGS:?(.*)$", text)  # also when run onto the E.O. line, or `TAGS PREL, GM, VT`
    assert tags_line and all(tag in re.split(r"[\s,]+", tags_line.group(1)) for tag in head["tags"])
    for label, ref_text, ref_id in head["references"]:
        assert re.fullmatch(r"[A-Z]?", label) and ref_text in flat
        assert ref_id is None or ref_id.endswith(ref_text.split()[-1].lstrip("0"))
    assert head["date"] is None or re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:00Z", head["date"])


FIGURES_BLIND = FIXTURES / "figures_blind2"
FIGURE_KINDS = {"investigations", "prosecutions", "convictions", "sentenced", "victims_identified", "victims_assisted",
                "shelters", "funding_usd", "sentence_years"}


FIGURES_RECALL = FIXTURES / "figures_recall3"
RECALL_KINDS = FIGURE_KINDS - {"sentence_years"} | {"prison_term"}


def _tsv(name: str, folder: Path = FIGURES_BLIND) -> list[dict[str, str]]:
    with open(folder / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_figures_blind_rows_quote_their_cables(shared_cables: Path) -> None:
    """Each gold figure's sentence is the cable's own words and holds the number as written."""
    cables = {row["ref_id"]: int(row["figures"]) for row in _tsv("cables.tsv")}
    rows = _tsv("figures.tsv")
    assert len([r for r in rows if r["kind"] != "sentence_years"]) >= 60
    words = {ref: _plain_words(ref, shared_cables) for ref in cables}
    for row in rows:
        assert row["kind"] in FIGURE_KINDS and row["hedged"] in {"yes", "no"}
        assert row["form"] in {"digits", "words", "zero", "implicit"}
        assert row["number_text"] in row["sentence"], row
        assert row["sentence"] in words[row["ref_id"]], f"{row['ref_id']}: {row['sentence'][:60]!r}"
    for ref, count in cables.items():
        assert count == sum(r["ref_id"] == ref for r in rows)
    for trap in _tsv("traps.tsv"):
        assert trap["number_text"] in trap["sentence"] and trap["sentence"] in words[trap["ref_id"]]


def test_figures_recall3_rows_quote_their_cables(shared_cables: Path) -> None:
    """The recall gold (every figure of the 40 sampled cables): sentences are the cables' words, values well-formed."""
    cables = {row["ref_id"]: int(row["figures"]) for row in _tsv("cables.tsv", FIGURES_RECALL)}
    rows = _tsv("figures.tsv", FIGURES_RECALL)
    assert len(cables) == 40 and len(rows) >= 200
    words = {ref: _plain_words(ref, shared_cables) for ref in cables}
    for row in rows:
        assert row["kind"] in RECALL_KINDS and row["hedged"] in {"yes", "no"}, row
        assert row["form"] in {"digits", "words", "zero", "implicit"}, row
        assert row["domain"] in {"human", "drugs", "corruption", "organised_crime", "other"}, row
        assert re.fullmatch(r"\d+(-\d+)?" if row["kind"] == "prison_term" else r"\d+", row["value"]), row
        assert (row["value"] == "0") == (row["form"] == "zero"), row
        assert row["number_text"] in row["sentence"], row
        assert row["sentence"] in words[row["ref_id"]], f"{row['ref_id']}: {row['sentence'][:60]!r}"
    for ref, count in cables.items():
        assert count == sum(r["ref_id"] == ref for r in rows)
    for trap in _tsv("traps.tsv", FIGURES_RECALL):
        assert trap["number_text"] in trap["sentence"] and trap["sentence"] in words[trap["ref_id"]]
