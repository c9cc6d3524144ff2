"""The codebook: the bundled TIP example, a user's own file, and every way a file can be wrong
(one line naming the file and the cause, the bundled codebook used instead, never a traceback)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tipreader.userdata.codebook import BUNDLED, CodebookError, load_codebook, parse_codebook, read_codebook


def test_the_bundled_codebook_has_the_tip_reaction_codes_and_the_three_ps():
    book = read_codebook(BUNDLED)
    assert book.bundled and book.name == "TIP research"
    for name in ("funding", "objection", "anger", "face-saving", "cooperative", "prosecution", "protection",
                 "prevention"):
        code = book.get(name)
        assert code is not None and len(code.description) > 30
    assert book.get("  Objection ") is book.get("objection")  # case and blanks ignored
    assert {c.group for c in book.codes} == {"reaction", "three Ps"}
    assert book.warnings == ()


def test_by_default_the_bundled_codebook_is_used_and_a_data_folder_file_replaces_it():
    book, problems = load_codebook()
    assert book.bundled and problems == []
    own = Path(os.environ["TIPREADER_HOME"]) / "codebook.toml"
    own.parent.mkdir(parents=True, exist_ok=True)
    own.write_text('name = "Mine"\n[[code]]\nname = "Ranking"\ndescription = "about the tier"\n', encoding="utf-8")
    book, problems = load_codebook()
    assert (book.name, book.names, book.path, problems) == ("Mine", ("ranking",), own, [])


def test_the_settings_name_the_codebook_file(tmp_path):
    config = Path(os.environ["TIPREADER_CONFIG"])
    (config.parent / "books").mkdir(parents=True, exist_ok=True)
    (config.parent / "books" / "study.toml").write_text('[[code]]\nname = "x1"\n', encoding="utf-8")
    book, problems = load_codebook(configured=config.parent / "books" / "study.toml")
    assert book.names == ("x1",) and book.name == "study" and problems == []


@pytest.mark.parametrize(("text", "cause"), [
    ('name = "A"\n[[code]]\nname = "objection"\n[[code]]\nname = "Objection"\n',
     "code 'objection' is listed twice (codes 1 and 2); names must be unique"),
    ('name = "A"\n[[code]\nname = "x"\n', "line 2, column 7:"),
    ('name = "A\n', "line 1, column"),
    ('name = "A"\n', "no codes"),
    ('[[code]]\ndescription = "no name"\n', "code 1: no name"),
    ('[[code]]\nname = "face saving"\n', "code 1: code name 'face saving' must be"),
    ('[[code]]\nname = 3\n', "code 1: name must be text"),
    ('code = "objection"\n', "codes must be [[code]] tables"),
    ("x = " + "[" * 5000 + "]" * 5000 + "\n", "values nested too deep"),
    ('\ufeffname = "A"\n[[code]]\nname = "a"\n[[code]]\nname = "a"\n', "listed twice"),  # a BOM is fine
])
def test_a_bad_codebook_is_one_line_naming_the_file_and_the_bundled_one_is_used(tmp_path, text, cause):
    path = tmp_path / "codebook.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CodebookError) as err:
        read_codebook(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ") and cause in message and "\n" not in message
    book, problems = load_codebook(configured=path)
    assert book.bundled
    assert problems == [f"{message}; using the bundled TIP codebook"]


def test_a_missing_or_unreadable_codebook_is_one_line(tmp_path):
    book, problems = load_codebook(configured=tmp_path / "nope.toml")
    assert book.bundled and problems == [f"{tmp_path / 'nope.toml'}: no such file; using the bundled TIP codebook"]
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b'name = "caf\xe9"\n')
    assert load_codebook(configured=bad)[1] == [f"{bad}: line 1: not UTF-8 text; using the bundled TIP codebook"]
    assert "is a folder" in load_codebook(configured=tmp_path)[1][0]


def test_unknown_keys_are_warnings_and_the_codebook_is_still_used(tmp_path):
    path = tmp_path / "codebook.toml"
    path.write_text('version = 2\n[[code]]\nname = "a"\ncolour = "red"\n', encoding="utf-8")
    book, problems = load_codebook(configured=path)
    assert book.names == ("a",)
    assert problems == [f"{path}: unknown key 'version' ignored (a codebook has name, description and [[code]] tables)",
                        f"{path}: code 1: unknown key 'colour' ignored (a code has name, description and group)"]


def test_parse_codebook_keeps_the_files_order_and_groups():
    book = parse_codebook('name = "B"\ndescription = "d"\n[[code]]\nname = "z"\ngroup = "g"\n'
                          '[[code]]\nname = "a_1"\ndescription = "  two   words "\n')
    assert book.names == ("z", "a_1") and book.codes[1].description == "two words" and book.codes[0].group == "g"
