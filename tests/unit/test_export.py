"""Markdown and JSON export, checked by parsing the Markdown back with markdown-it-py."""

from __future__ import annotations

import json

from markdown_it import MarkdownIt

from tipreader.cable import Cable, Paragraph, Part, Question, Reference
from tipreader.export import cable_to_json, cable_to_markdown, escape_markdown


def _cable() -> Cable:
    paras = (
        Paragraph(0, 1, "SBU", 1, "The mission's point of contact is Poloff Janelle Guest."),
        Paragraph(1, 2, "SBU", 1, "QUESTION A: Is the country a source? POST RESPONSE: Yes, *and* a [transit] <country>."),
        Paragraph(2, 3, "SBU", 2, "-- first item\n-- second item\n# not a heading\n2008. not a list", kind="body"),
        Paragraph(3, None, None, 2, "GARZA", kind="signature"),
    )
    q = Question("A", "Is the country a source?", "Yes, *and* a [transit] <country>.", 2, 1, (1,), label="25.A", letters=("A",))
    return Cable(
        source="x.txt",
        format="raw",
        ref_id="08MEXICO721",
        date="2008-03-11T22:19:00Z",
        origin="Embassy Mexico",
        classification="UNCLASSIFIED//FOR OFFICIAL USE ONLY",
        tags=("KTIP", "PHUM"),
        subject="Eighth Annual | TIP Report",
        references=(Reference("A", "2006 STATE 202745", "06STATE202745"),),
        paragraphs=paras,
        parts=(Part("The country's TIP situation", (q,), label="25"),),
    )


def _tokens(md: str):
    return MarkdownIt("commonmark").enable("table").parse(md)


def _inline_after(tokens, open_type: str) -> list[str]:
    out = []
    for i, tok in enumerate(tokens):
        if tok.type == open_type:
            out.append(tokens[i + 1].content)
    return out


def _text_of(inline_token) -> str:
    parts = []
    for child in inline_token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def test_markdown_headings_and_paragraphs_round_trip():
    cable = _cable()
    md = cable_to_markdown(cable)
    tokens = _tokens(md)
    headings = [_text_of(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "Eighth Annual | TIP Report",
        "Part 25: The country's TIP situation",
        "Q 25·A: Is the country a source?",
    ]
    paragraphs = [_text_of(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "paragraph_open"]
    # Every line of every paragraph comes back as a paragraph of its own, words intact: nothing became
    # markup, and no hard break (a trailing backslash) joins them.
    for para in cable.paragraphs:
        if para.index == 1:
            continue  # the question's paragraph: below
        for line in para.text.split("\n"):
            assert any(p == line or p.endswith((f") {line}", f". {line}")) for p in paragraphs), line
    assert "**3.** (SBU) -- first item\n\n-- second item\n\n\\# not a heading\n\n2008\\. not a list\n" in md
    assert "\\\n" not in md and "hardbreak" not in {c.type for t in tokens for c in (t.children or [])}
    # The question is stated once, in its heading; its paragraph gives the answer.
    assert md.count("Is the country a source?") == 1
    assert "2.** (SBU) Yes, *and* a [transit] <country>." in md.replace("\\", "")
    # No list, no extra heading and no HTML came out of cable text.
    kinds = {t.type for t in tokens}
    assert "bullet_list_open" not in kinds and "ordered_list_open" not in kinds
    assert "html_inline" not in {c.type for t in tokens for c in (t.children or [])}


def test_markdown_metadata_table_has_the_fields():
    md = cable_to_markdown(_cable())
    tokens = _tokens(md)
    cells = [_text_of(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "td_open"]
    assert "08MEXICO721" in cells
    assert "UNCLASSIFIED//FOR OFFICIAL USE ONLY" in cells
    assert "A. 2006 STATE 202745 (06STATE202745)" in cells


def test_escape_markdown_is_literal():
    for text in ["*a*", "_b_", "[x](y)", "<b>", "# h", "## h", "1. one", "3) x", "a | b", "&amp;", "- item", "+ x", "> q",
                 "===", "---", "- - -", "-- item", "#tag", "1.5 million"]:
        tokens = _tokens(escape_markdown(text))
        assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"] and _text_of(tokens[1]) == text
    assert escape_markdown("-- item") == "-- item" and escape_markdown("#tag") == "#tag"  # text, left as written


def test_json_has_documented_fields():
    data = json.loads(cable_to_json(_cable()))
    for key in ("source", "ref_id", "subject", "date", "origin", "classification", "tags",
                "references", "paragraphs", "parts", "warnings"):
        assert key in data
    assert data["references"][0] == {"label": "A", "text": "2006 STATE 202745", "ref_id": "06STATE202745"}
    assert data["paragraphs"][0]["number"] == 1 and data["paragraphs"][0]["marking"] == "SBU"
    q = data["parts"][0]["questions"][0]
    assert (q["letter"], q["paragraph"], q["question"]) == ("A", 2, "Is the country a source?")
    assert "body_text" not in data


def test_markdown_uses_the_cables_own_numbering(shared_cables):
    """Parts and questions under the cable's labels; a derived title says it is not the cable's text."""
    from tipreader.cable import parse_file

    tripoli = cable_to_markdown(parse_file(shared_cables / "wikileaks-html" / "09TRIPOLI154.html")[0])
    assert "## Part 25: INVESTIGATION AND PROSECUTION OF TRAFFICKERS\n" in tripoli
    assert "### Q 25·H: (answer only)\n" in tripoli
    mexico = cable_to_markdown(parse_file(shared_cables / "scoop-text" / "08MEXICO721.txt")[0])
    assert "## Part 2: Investigation and prosecution of traffickers *(title derived from the questions, not the cable's text)*" in mexico
    assert "### Q 2·L: As part of the new requirements of the 2005 TVPRA" in mexico


def test_markdown_states_each_question_once_and_keeps_every_answer(shared_cables):
    """Every questionnaire layout: each question's words once (its heading), every answer's words kept."""
    from tipreader.cable import parse_file

    for path in (shared_cables / "scoop-text" / "08MEXICO721.txt", shared_cables / "wikileaks-html" / "09TRIPOLI154.html",
                 shared_cables / "wikileaks-html" / "10REYKJAVIK31.html"):
        cable = parse_file(path)[0]
        md = cable_to_markdown(cable)
        flat = " ".join(md.replace("\\", "").split())
        for q in cable.questions:
            if len(q.question) > 30:
                assert flat.count(" ".join(escape_markdown(q.question).replace("\\", "").split())) == 1, (path.name, q.label)
            words = " ".join(q.answer.split())[:60]
            assert words in flat, (path.name, q.label, words)
        assert "\\\n" not in md
