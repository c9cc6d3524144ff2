"""Bookmark export (Markdown parsed back with markdown-it-py, JSON) and the `tipreader bookmarks` CLI."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tipreader.cable import parse_file
from tipreader.cable.model import Cable, Paragraph
from tipreader.cli import main
from tipreader.export.bookmarks import bookmarks_to_json, bookmarks_to_markdown, contain_note
from tipreader.library import Library, paths
from tipreader.library.bookmarks import CHANGED, DETACHED, OK, BookmarkStore, Placed, locate

ROOT = Path(__file__).resolve().parents[2]
MEXICO_FILE = ROOT / "sample_cables" / "08MEXICO721.txt"

HOSTILE = "*Not bold* # not a heading\n1. not a list\n> not a quote\n<b>html</b> [link](http://x) `code` | pipe & amp"
NOTES = [
    "**Labor** cases — compare with Q 2·C.\n\n- one\n- two",
    "# A heading in a note\n\nSetext too\n---\n\n```python\nunclosed = True",
    "<!-- an unclosed comment\n\nstill the note",
    "",
]


def _hostile_cable() -> Cable:
    paras = (Paragraph(0, 1, None, 1, HOSTILE), Paragraph(1, None, None, 1, "SIGNATURE *X*"))
    return Cable(source="t", format="raw", ref_id="09HOSTILE1", subject="A [subject] with *stars* #1",
                 date="2009-05-06T07:08:00Z", origin="Embassy <Somewhere>", paragraphs=paras)


def _inline_text(tok) -> str:
    out = []
    for child in tok.children or []:
        out.append("\n" if child.type in ("hardbreak", "softbreak") else child.content)
    return "".join(out)


def _norm_quote(text: str) -> str:
    chunks = [c for c in re.split(r"\n\s*\n", text) if c.strip()]
    return "\n\n".join("\n".join(line.strip() for line in c.split("\n") if line.strip()) for c in chunks)


def _sections(md: str) -> list[dict]:
    """The export read back: per h2 section, its heading, facts and (quote, citation, note tokens) items."""
    tokens = MarkdownIt("commonmark").parse(md)
    sections: list[dict] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "heading_open" and tok.level == 0 and tok.tag == "h2":
            sections.append({"title": _inline_text(tokens[i + 1]), "facts": [], "items": []})
        elif sections and tok.type == "list_item_open" and tok.level == 1 and not sections[-1]["items"]:
            sections[-1]["facts"].append(_inline_text(tokens[i + 2]))
        elif sections and tok.type == "blockquote_open" and tok.level == 0:
            depth, paras, j = 1, [], i + 1
            while depth:
                if tokens[j].type == "blockquote_open":
                    depth += 1
                elif tokens[j].type == "blockquote_close":
                    depth -= 1
                elif tokens[j].type == "inline":
                    paras.append(_inline_text(tokens[j]))
                j += 1
            citation = _inline_text(tokens[j + 1])  # paragraph_open, inline, paragraph_close
            k, note = j + 3, []
            while k < len(tokens) and not (tokens[k].level == 0 and tokens[k].type in ("blockquote_open", "heading_open")
                                           and (tokens[k].type == "blockquote_open" or tokens[k].tag == "h2")):
                note.append(tokens[k])
                k += 1
            sections[-1]["items"].append({"quote": "\n\n".join(paras), "citation": citation, "note": note})
            i = k
            continue
        i += 1
    return sections


def _token_text(tokens) -> str:
    return " ".join((_inline_text(t) if t.type == "inline" else t.content) for t in tokens if t.content or t.children)


def test_markdown_export_round_trip_every_quote_citation_and_note():
    mexico = parse_file(MEXICO_FILE)[0]
    hostile = _hostile_cable()
    with BookmarkStore.open() as store:
        marks = [store.add(mexico, 4, note=NOTES[0])[0], store.add(mexico, 11, note=NOTES[1])[0],
                 store.add(hostile, 0, note=NOTES[2])[0], store.add(hostile, 1, note=NOTES[3])[0]]
    placed = [locate(marks[0], mexico), Placed(marks[1], CHANGED, 11, "new text"), locate(marks[2], None),
              locate(marks[3], None)]
    md = bookmarks_to_markdown(placed, now=0)
    assert md.startswith("# Bookmarks\n\n4 bookmarks in 2 cables, exported 1970-01-01T00:00:00Z")
    sections = _sections(md)
    # one section per cable, by cable date; subject, ref_id, date and origin read back literally
    assert [s["title"] for s in sections] == ["Eighth Annual Trafficking in Persons (Tip) Report",
                                              "A [subject] with *stars* #1"]
    assert sections[0]["facts"] == ["Reference: 08MEXICO721", "Date: 2008-03-11 22:19 UTC", "Origin: Embassy Mexico"]
    assert sections[1]["facts"] == ["Reference: 09HOSTILE1", "Date: 2009-05-06 07:08 UTC",
                                    "Origin: Embassy <Somewhere>"]
    items = [item for s in sections for item in s["items"]]
    assert len(items) == 4
    by_cite = {}
    for item in items:
        cite = item["citation"].split(" · ")[0]
        assert cite.startswith("— ")
        by_cite[cite[2:]] = item
    assert set(by_cite) == {m.citation for m in marks}
    for mark in marks:
        item = by_cite[mark.citation]
        assert item["quote"] == _norm_quote(mark.quote)  # every quote, literally (the cable text is escaped)
        expected = MarkdownIt("commonmark").parse(contain_note(mark.note)) if mark.note else []
        assert _token_text(item["note"]) == _token_text(expected)  # every note, with its own structure
    assert by_cite["09HOSTILE1 ¶1"]["quote"].startswith("*Not bold* # not a heading\n1. not a list\n> not a quote")
    # flags for changed and detached bookmarks; notes' headings are below the cable sections
    assert "reads differently" in by_cite["08MEXICO721 ¶12"]["citation"]
    assert "no longer in the library" in by_cite["09HOSTILE1 ¶1"]["citation"]
    assert "· " not in by_cite["08MEXICO721 ¶5"]["citation"]
    note_headings = [t.tag for t in by_cite["08MEXICO721 ¶12"]["note"] if t.type == "heading_open"]
    assert note_headings == ["h4", "h5"]
    assert "unclosed = True" in _token_text(by_cite["08MEXICO721 ¶12"]["note"])
    assert "still the note" in _token_text(by_cite["09HOSTILE1 ¶1"]["note"])


def test_json_export_has_every_field_newest_first():
    mexico = parse_file(MEXICO_FILE)[0]
    with BookmarkStore.open() as store:
        a, _ = store.add(mexico, 4, note="n")
        b, _ = store.add(mexico, 0)
    data = json.loads(bookmarks_to_json([locate(a, mexico), locate(b, None)], now=0))
    assert data["format"] == "tipreader-bookmarks" and data["version"] == 1
    assert [d["citation"] for d in data["bookmarks"]] == ["08MEXICO721 ¶1", "08MEXICO721 ¶5"]
    first = data["bookmarks"][1]
    assert first["ref_id"] == "08MEXICO721" and first["paragraph"] == 5 and first["note"] == "n"
    assert first["status"] == OK and data["bookmarks"][0]["status"] == DETACHED
    assert first["quote"] == mexico.paragraphs[4].text and re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", first["created"])


# --- CLI --------------------------------------------------------------------------------------


def test_cli_add_list_remove_export(capsys, tmp_path):
    assert main(["bookmarks", "list"]) == 0
    assert "no bookmarks" in capsys.readouterr().err
    assert main(["bookmarks", "add", "08mexico721", "5", "--note", "**Labor** cases"]) == 0  # seeds the library
    assert capsys.readouterr().out == "Bookmarked 08MEXICO721 ¶5\n"
    assert main(["bookmarks", "add", "08MEXICO721", "¶12"]) == 0
    assert main(["bookmarks", "add", "08MEXICO721", "i26"]) == 0
    assert main(["bookmarks", "add", "08MEXICO721", "5"]) == 0
    out = capsys.readouterr().out
    assert "Bookmarked 08MEXICO721 ¶12" in out and "(unnumbered, i26)" in out and "Updated the bookmark on 08MEXICO721 ¶5" in out

    assert main(["bookmarks", "list", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["ref_id"], r["paragraph"], r["anchor"]) for r in rows] == [
        ("08MEXICO721", None, "i26"), ("08MEXICO721", 12, "12"), ("08MEXICO721", 5, "5")]
    assert all({"ref_id", "paragraph", "created", "note", "quote", "status"} <= set(r) for r in rows)
    assert rows[2]["note"] == "**Labor** cases" and rows[2]["status"] == "ok"
    assert rows[1]["quote"].startswith("QUESTION C: Punishment of Labor Trafficking Offenses: What are the prescribed")

    assert main(["bookmarks", "list", "--filter", "labor cases"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and lines[0].startswith("08MEXICO721 ¶5") and "— note: **Labor** cases" in lines[0]

    target = tmp_path / "out.md"
    assert main(["bookmarks", "export", "-o", str(target)]) == 0
    assert "3 bookmarks written" in capsys.readouterr().err
    md = target.read_text(encoding="utf-8")
    assert md.count("\n> ") >= 3 and "— 08MEXICO721 ¶5" in md and "**Labor** cases" in md
    assert main(["bookmarks", "export", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["bookmarks"]) == 3

    assert main(["bookmarks", "remove", "08MEXICO721", "5"]) == 0
    assert capsys.readouterr().out == "Removed the bookmark on 08MEXICO721 ¶5\n"
    assert main(["bookmarks", "remove", "08MEXICO721", "i11"]) == 0  # ¶12 by its index
    assert main(["bookmarks", "remove", "08MEXICO721", "5"]) == 1
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0 and "no bookmark on paragraph 5" in err


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["bookmarks", "add", "08NOSUCH1", "5"], 1, "08NOSUCH1: not in the library"),
        (["bookmarks", "add", "08MEXICO721", "99"], 1, "08MEXICO721: no paragraph 99 (numbered 1-26"),
        (["bookmarks", "add", "08MEXICO721", "five"], 2, "not a paragraph: 'five'"),
        (["bookmarks", "remove", "08MEXICO721", "5x"], 2, "not a paragraph"),
        (["bookmarks", "export", "-o", "/nonexistent-dir/x.md"], 1, "tipreader: "),
    ],
)
def test_cli_errors_are_one_line(capsys, argv, code, message):
    assert main(argv) == code
    err = capsys.readouterr().err
    assert message in err and err.strip().count("\n") == 0 and "Traceback" not in err


def test_cli_on_a_damaged_user_database_keeps_it(capsys):
    path = paths.user_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage" * 100)
    for argv in (["bookmarks", "list"], ["bookmarks", "remove", "08MEXICO721", "5"]):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "not an SQLite database" in err and "kept" in err and err.strip().count("\n") == 0
    with Library.open():
        pass
    assert path.read_bytes() == b"garbage" * 100


def test_cli_help_has_examples(capsys):
    for action in ("list", "export", "add", "remove"):
        with pytest.raises(SystemExit) as done:
            main(["bookmarks", action, "--help"])
        assert done.value.code == 0
        assert "examples:" in capsys.readouterr().out
