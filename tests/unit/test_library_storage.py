"""The library stores cables as data: round trip, versions checked at open, old (pickled)
libraries never loaded, a rebuild that turns them into today's format."""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from tipreader.cable import parse_file
from tipreader.library import Library, RebuildNeeded, codec, entity_codec, store
from tests.fixture_sets import LIBRARY

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "library"
ROOT = Path(__file__).resolve().parents[2]

# the first library format (tipreader before schema 2), as its store.py created it
V1_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, sha256 TEXT,
    cables INTEGER, errors INTEGER, imported_at REAL);
CREATE TABLE originals (sha256 TEXT PRIMARY KEY, path TEXT, size INTEGER, data BLOB);
CREATE TABLE cables (ref_id TEXT PRIMARY KEY, source TEXT, format TEXT, file_sha TEXT,
    date TEXT, day INTEGER, origin TEXT, classification TEXT, subject TEXT,
    tags TEXT, released TEXT, size INTEGER, text_hash TEXT, partial INTEGER,
    older_texts INTEGER DEFAULT 0, raw BLOB, parsed BLOB, imported_at REAL);
CREATE INDEX cables_day ON cables(day);
CREATE INDEX cables_origin ON cables(origin, day);
CREATE INDEX cables_class ON cables(classification, day);
CREATE INDEX cables_file ON cables(file_sha);
CREATE TABLE cable_tags (tag TEXT, ref_id TEXT, PRIMARY KEY (tag, ref_id)) WITHOUT ROWID;
CREATE TABLE refs (cited TEXT, ref_id TEXT, PRIMARY KEY (cited, ref_id)) WITHOUT ROWID;
CREATE TABLE older_texts (ref_id TEXT, text_hash TEXT, source TEXT, released TEXT, raw BLOB, replaced_at REAL,
    PRIMARY KEY (ref_id, text_hash));
CREATE TABLE entity_pending (ref_id TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT INTO meta VALUES ('schema', '1');
"""


class _Crafted:
    """What a hostile colleague puts in a library: loading it runs a shell command."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tipreader", *args], capture_output=True, text=True,
                          timeout=300, env=os.environ.copy(), stdin=subprocess.DEVNULL)


def _comparable(cable) -> dict:
    data = cable.to_dict()
    data.pop("entities")
    return data


def test_every_stored_cable_reads_back_as_parsed(tmp_path):
    """HTML pages (stored with their original as dictionary) and CSV cables (no original) alike."""
    import csv

    from tests.unit.test_library_import import _csv_row

    csv_path = tmp_path / "two.csv"
    with csv_path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(_csv_row(1, parse_file(FIX / "08SANJOSE82.html")[0], "1/31/2008 17:12"))
    with Library.open() as lib:
        lib.import_paths([*LIBRARY, ROOT / "sample_cables" / "08MEXICO721.txt"], entities=False)
        for page in [*LIBRARY, ROOT / "sample_cables" / "08MEXICO721.txt"]:
            for parsed in parse_file(page):
                stored = lib.get(parsed.ref_id)
                assert stored is not None and _comparable(stored) == _comparable(parsed), page.name
        row = lib.connection.execute("SELECT dict_sha, file_sha FROM cables WHERE ref_id='08REYKJAVIK125'").fetchone()
        assert row[0] == row[1]  # compressed against its original
    home = Path(os.environ["TIPREADER_HOME"]) / "csv"
    with Library.open(home) as lib:
        lib.import_paths([csv_path], entities=False)
        [parsed] = [c for c in parse_file(csv_path)]
        assert _comparable(lib.get(parsed.ref_id)) == _comparable(parsed)


def test_entities_are_stored_apart_and_read_with_the_cable():
    with Library.open() as lib:
        lib.import_paths([FIX / "08REYKJAVIK125.html"])
        cable = lib.get("08REYKJAVIK125")
        assert cable.entities and any(e.type == "PERSON" for e in cable.entities)
        row = lib.connection.execute("SELECT text_hash, data FROM cable_entities WHERE ref_id='08REYKJAVIK125'").fetchone()
        assert entity_codec.decode_entities(row[1], cable.paragraphs) == cable.entities
        assert lib.connection.execute("SELECT model FROM cables").fetchone()[0].find(b"PERSON") == -1
        # a name is stored once: its text is taken from the paragraph it is in
        assert b'"' + cable.entities[0].text.encode() + b'"' not in zlib.decompress(row[1])
        # the first entity format (a list of objects) still reads
        old = zlib.compress(json.dumps([{"type": "ORG", "text": "UN", "paragraph": 0, "start": 0, "end": 2}]).encode())
        assert entity_codec.decode_entities(old)[0].text == "UN"


def test_originals_are_stored_exactly_and_smaller_with_the_bundled_dictionary():
    page = (FIX / "08REYKJAVIK125.html").read_bytes()
    blob = codec.compress_original(page)
    assert codec.decompress_original(blob) == page and len(blob) < len(zlib.compress(page, 9))
    assert codec.decompress_original(zlib.compress(page)) == page  # plain zlib (earlier today) reads too
    with Library.open() as lib:
        lib.import_paths([FIX / "08REYKJAVIK125.html"], entities=False)
        assert lib.original("08REYKJAVIK125")[1] == page
    shown = _cli("show", "08REYKJAVIK125", "--original")
    assert shown.returncode == 0 and "Palermo" in shown.stdout


def test_the_library_code_has_no_pickle():
    for path in (ROOT / "tipreader").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import pickle" not in text and "pickle.load" not in text, path


def test_a_library_of_another_model_says_rebuild_needed_then_rebuilds():
    with Library.open() as lib:
        lib.import_paths([FIX / "08REYKJAVIK125.html", FIX / "08SANJOSE82.html"])
        lib.connection.execute("UPDATE meta SET value='an-older-model' WHERE key='model'")
        lib.connection.commit()
    with Library.open() as lib:
        assert lib.needs_rebuild and "rebuild needed" in lib.needs_rebuild
        with pytest.raises(RebuildNeeded):
            lib.get("08REYKJAVIK125")
        assert lib.ensure_seeded() is None  # no silent re-parse at start
    shown = _cli("show", "08REYKJAVIK125")
    assert shown.returncode == 1 and "rebuild needed" in shown.stderr and "Traceback" not in shown.stderr
    assert "tipreader library rebuild" in shown.stderr
    stats = _cli("library", "stats")
    assert stats.returncode == 0 and "Rebuild needed" in stats.stdout
    rebuilt = _cli("library", "rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr
    with Library.open() as lib:
        assert lib.needs_rebuild is None and lib.get("08REYKJAVIK125").subject
        assert lib.count("Palermo") >= 1


def test_a_newer_library_is_not_read():
    with Library.open() as lib:
        lib.import_paths([FIX / "08SANJOSE82.html"], entities=False)
        lib.connection.execute("UPDATE meta SET value='99' WHERE key='schema'")
        lib.connection.commit()
    shown = _cli("search", "costa")
    assert shown.returncode == 1 and "newer tipreader" in shown.stderr


def _old_library(home: Path, marker: Path) -> None:
    """A first-format library: one cable with its original (and a crafted pickle as its parsed
    form), one cable stored only as raw JSON (a big CSV's) also with a crafted pickle, and an
    older text whose blob is a crafted pickle."""
    db = home / "library" / "library.sqlite3"
    db.parent.mkdir(parents=True)
    con = sqlite3.connect(db)
    con.executescript(V1_SCHEMA)
    evil = zlib.compress(pickle.dumps(("sig", True, _Crafted(marker))))
    page = (FIX / "08REYKJAVIK125.html").read_bytes()
    import hashlib

    sha = hashlib.sha256(page).hexdigest()
    con.execute("INSERT INTO originals VALUES (?,?,?,?)", (sha, "08REYKJAVIK125.html", len(page), zlib.compress(page)))
    con.execute("INSERT INTO files VALUES (?,?,?,?,?,?,?)", ("08REYKJAVIK125.html", len(page), 0, sha, 1, 0, 0.0))
    other = parse_file(FIX / "08SANJOSE82.html")[0]
    raw = zlib.compress(json.dumps({"source": "big.csv:1", "format": other.format, "header": other.header_text,
                                    "body": other.body_text, "meta": other.metadata}, default=str).encode())
    for ref, file_sha, raw_blob in (("08REYKJAVIK125", sha, None), (other.ref_id, None, raw)):
        con.execute("INSERT INTO cables (ref_id, source, format, file_sha, size, text_hash, partial, raw, parsed) "
                    "VALUES (?,?,?,?,?,?,?,?,?)", (ref, "x", "wikileaks-html", file_sha, 10, "h", 0, raw_blob, evil))
    con.execute("INSERT INTO older_texts VALUES (?,?,?,?,?,?)", ("08REYKJAVIK125", "old", "y", None, evil, 0.0))
    con.commit()
    con.close()


def test_a_crafted_pickle_in_an_old_library_is_never_loaded(tmp_path):
    marker = tmp_path / "pwned"
    home = Path(os.environ["TIPREADER_HOME"])
    _old_library(home, marker)
    for args in (("show", "08REYKJAVIK125"), ("search", "iceland"), ("show", "08SANJOSE82", "--json"),
                 ("import", str(FIX / "08SANTIAGO95.html")), ("bookmarks", "add", "08REYKJAVIK125", "1")):
        run = _cli(*args)
        assert run.returncode == 1, (args, run.stderr)
        assert "rebuild needed" in run.stderr and "older tipreader" in run.stderr and "Traceback" not in run.stderr
    assert not marker.exists()
    rebuilt = _cli("library", "rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert not marker.exists()
    with Library.open() as lib:
        assert lib.needs_rebuild is None
        assert lib.get("08REYKJAVIK125").origin == "Embassy Reykjavik"
        assert lib.get("08SANJOSE82").origin == "Embassy San Jose"  # re-parsed from its raw JSON
        assert lib.count("Palermo") >= 1
        assert lib.older_texts("08REYKJAVIK125") == [("y", None)]
        con = lib.connection
        assert not con.execute("SELECT 1 FROM sqlite_master WHERE name='cables_v1'").fetchone()
        blobs = con.execute("SELECT model FROM older_texts").fetchall()
        assert blobs == [(None,)]  # the old pickle went, unread
    shown = _cli("show", "08REYKJAVIK125")
    assert shown.returncode == 0 and "Reykjavik" in shown.stdout
    assert not marker.exists()


def test_the_crafted_pickle_really_runs_code_when_loaded(tmp_path):
    """So the test above means something: unpickling the planted blob does run the command."""
    marker = tmp_path / "ran"
    home = tmp_path / "elsewhere"
    _old_library(home, marker)
    con = sqlite3.connect(home / "library" / "library.sqlite3")
    blob = con.execute("SELECT parsed FROM cables LIMIT 1").fetchone()[0]
    con.close()
    pickle.loads(zlib.decompress(blob))
    assert marker.exists()


def test_a_damaged_stored_cable_is_one_line_not_a_traceback():
    with Library.open() as lib:
        lib.import_paths([FIX / "08SANJOSE82.html"], entities=False)
        lib.connection.execute("UPDATE cables SET model=X'00112233'")
        lib.connection.commit()
        with pytest.raises(codec.StoredDataError):
            lib.get("08SANJOSE82")
    shown = _cli("show", "08SANJOSE82")
    assert shown.returncode == 1 and "damaged" in shown.stderr and "Traceback" not in shown.stderr


def test_versions_are_recorded_in_a_new_library():
    from tipreader.cable.model_data import MODEL_VERSION

    with Library.open() as lib:
        assert store.stored_versions(lib.connection) == (store.SCHEMA_VERSION, MODEL_VERSION)
        assert lib.needs_rebuild is None


def test_every_entity_field_survives_the_compact_form():
    from tipreader.cable.model import Entity, Paragraph

    paras = (Paragraph(0, 1, None, 1, "Ana Lopez met the UN in Reykjavik."),)
    entities = (Entity("PERSON", "Ana Lopez", 0, 0, 9, canonical="Ana Lopez", learned=True),
                Entity("ORG", "United Nations", 0, 18, 20, expansion="United Nations"),  # text differs: kept
                Entity("LOCATION", "Reykjavik", 0, 24, 33))
    blob = entity_codec.encode_entities(entities, paras)
    assert entity_codec.decode_entities(blob, paras) == entities
    assert b"Reykjavik" not in zlib.decompress(blob)  # taken from the paragraph, not stored again
