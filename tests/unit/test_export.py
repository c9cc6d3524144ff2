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
    # Every cable paragraph comes back with its words intact: nothing became markup.
    for para in cable.paragraphs:
        assert any(para.text in p for p in paragraphs), para.text
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
    for text in ["*a*", "_b_", "[x](y)", "<b>", "# h", "1. one", "a | b", "&amp;", "- item", "==="]:
        tokens = _tokens(escape_markdown(text))
        assert _text_of(tokens[1]) == text


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
