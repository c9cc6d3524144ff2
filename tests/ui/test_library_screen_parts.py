"""The library screen's pure parts: citations in text, query words for the reader, rows, path completion."""

from __future__ import annotations

from tipreader.library import Snippet
from tipreader.ui.dialogs.import_dialog import complete_path
from tipreader.ui.query_words import citations, query_words
from tipreader.ui.widgets.filter_panel import term_for
from tipreader.ui.widgets.hit_list import MARK_STYLE, row_text


def test_citations_in_text_become_ref_ids():
    text = "As reported in 09 SANAA 1936 and 08 STATE 132759 (see also 2006 STATE 202745), on 10 May."
    assert [r for _, _, r in citations(text)] == ["09SANAA1936", "08STATE132759", "06STATE202745"]
    a, b, _ = citations(text)[0]
    assert text[a:b] == "09 SANAA 1936"


def test_query_words_mark_what_the_index_matched():
    words = query_words('trafficked "forced labor" origin:mexico -smuggling')
    text = "Traffickers and trafficking; forced labor; forced; Mexico; smuggling; traffic lights."
    found = [text[m.start():m.end()] for m in words.finditer(text)]
    assert "Traffickers" in found and "trafficking" in found and "forced labor" in found and "forced" not in found
    assert "Mexico" not in found and "smuggling" not in found  # a field value and a NOT are not marked
    assert query_words("") is None and query_words("origin:mexico") is None and query_words('"unclosed') is None


def test_a_row_marks_the_snippet_words_and_never_reads_markup():
    body = "the [bold]GOB[/bold] anti-trafficking law"
    at = body.index("trafficking")
    snippet = Snippet(body, ((at, at + len("trafficking")),))
    text = row_text("08MANAMA492", "2008-07-24T06:20:00Z", "Embassy Manama", "CONFIDENTIAL", "BAHRAIN [red]x",
                    snippet, 3, 2, progress=0.5, width=100)
    lines = text.plain.split("\n")
    assert lines[0].startswith("08MANAMA492  2008-07-24  █████░░░░░ 50% read  Embassy Manama  CONFIDENTIAL")
    assert lines[1] == "  BAHRAIN [red]x"
    assert lines[2] == "  ¶3 the [bold]GOB[/bold] anti-trafficking law"
    marked = [text.plain[s.start:s.end] for s in text.spans if str(s.style) == MARK_STYLE]
    assert marked == ["trafficking"]


def test_filter_terms_are_query_language():
    assert term_for("origin", "Embassy Manama") == 'origin:"Embassy Manama"'
    assert term_for("year", "2008") == "date:2008"
    assert term_for("tag", "KCRM") == "tag:KCRM"
    assert term_for("classification", "UNCLASSIFIED//FOR OFFICIAL USE ONLY") == 'class:"UNCLASSIFIED//FOR OFFICIAL USE ONLY"'


def test_path_completion(tmp_path):
    (tmp_path / "library").mkdir()
    (tmp_path / "library_ui").mkdir()
    (tmp_path / "cables.csv").write_text("x")
    base = str(tmp_path) + "/"
    assert complete_path(base + "lib") == base + "library"  # as far as the candidates agree
    assert complete_path(base + "library_") == base + "library_ui/"
    assert complete_path(base + "c") == base + "cables.csv"
    assert complete_path(base + "zzz") is None and complete_path("") is None
