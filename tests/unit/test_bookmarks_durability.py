"""Bookmarks are never lost: SIGKILL right after a write, two writers at once, rebuild and re-import,
changed and removed cables, a damaged user database."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tipreader.library import Library, paths
from tipreader.library.bookmarks import CHANGED, DETACHED, OK, BookmarkStore, UserDBError, place_all
from tipreader.library.userdb_safety import check_user_db, start_fresh_beside

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "library"

# A child that bookmarks paragraphs of a hand-built cable, printing each id once it is stored.
_WRITER = r"""
import sys, time
from pathlib import Path
from tipreader.cable.model import Cable, Paragraph
from tipreader.library.bookmarks import BookmarkStore
ref, count, go = sys.argv[1], int(sys.argv[2]), sys.argv[3]
cable = Cable(source="t", format="raw", ref_id=ref, subject=f"Cable {ref}",
              paragraphs=tuple(Paragraph(i, i + 1, None, 1, f"{ref} paragraph {i}.") for i in range(count)))
store = BookmarkStore.open()
while go != "-" and not Path(go).exists():
    time.sleep(0.005)
for i in range(count):
    mark, _ = store.add(cable, i, note=f"note {i} by {ref}")
    print(mark.id, flush=True)
print("done", flush=True)
time.sleep(600)
"""


def _writer(ref: str, count: int, go: str = "-") -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _WRITER, ref, str(count), go], stdout=subprocess.PIPE, text=True,
                            cwd=ROOT, env=os.environ.copy())


def test_sigkill_right_after_a_bookmark_keeps_it():
    proc = _writer("09KILLME1", 1)
    try:
        first = proc.stdout.readline().strip()
        assert first.isdigit()
        proc.send_signal(signal.SIGKILL)  # the moment add() returned: no close, no checkpoint
    finally:
        proc.kill()
        proc.wait()
    with BookmarkStore.open() as store:
        marks = store.all()
    assert [(m.id, m.ref_id, m.note) for m in marks] == [(int(first), "09KILLME1", "note 0 by 09KILLME1")]


def test_sigkill_in_the_middle_of_a_run_keeps_every_reported_bookmark():
    proc = _writer("09KILLME2", 200)
    seen = []
    try:
        while len(seen) < 40:
            seen.append(int(proc.stdout.readline()))
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    with BookmarkStore.open() as store:
        stored = {m.id for m in store.all()}
        assert set(seen) <= stored
        assert store.count() == len(stored)  # the database opens and reads cleanly after the kill


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    go = tmp_path / "go"
    procs = [_writer(ref, 60, str(go)) for ref in ("09WRITERA1", "09WRITERB2")]
    try:
        go.touch()  # both start their 60 writes together
        for proc in procs:
            lines = [proc.stdout.readline().strip() for _ in range(61)]
            assert lines[-1] == "done"
    finally:
        for proc in procs:
            proc.kill()
            proc.wait()
    with BookmarkStore.open() as store:
        marks = store.all()
    assert len(marks) == 120
    assert {(m.ref_id, m.note) for m in marks} == {
        (ref, f"note {i} by {ref}") for ref in ("09WRITERA1", "09WRITERB2") for i in range(60)}


def test_two_open_stores_see_each_others_bookmarks_and_write_together():
    from tipreader.cable.model import Cable, Paragraph

    cable = Cable(source="t", format="raw", ref_id="09SHARED1",
                  paragraphs=tuple(Paragraph(i, i + 1, None, 1, f"Paragraph {i}.") for i in range(100)))
    one, two = BookmarkStore.open(), BookmarkStore.open()
    try:
        mark, _ = one.add(cable, 0)
        assert two.all() == [mark]  # no cache: the other instance's bookmark shows on reload
        two.set_note(mark.id, "from two")
        assert one.get(mark.id).note == "from two"
        errors: list[BaseException] = []

        def run(store: BookmarkStore, start: int) -> None:
            try:
                for i in range(start, 100, 2):
                    store.add(cable, i, note=f"n{i}")
            except BaseException as err:  # pragma: no cover - reported below
                errors.append(err)

        threads = [threading.Thread(target=run, args=(s, k)) for s, k in ((one, 1), (two, 2))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        assert one.count() == two.count() == 100
        assert {m.note for m in two.all()} == {"from two"} | {f"n{i}" for i in range(1, 100)}
    finally:
        one.close()
        two.close()


def _edit(src: Path, dst: Path, old: str, new: str, released: str) -> None:
    text = src.read_text(encoding="utf-8")
    assert old in text and "2011-04-06 00:12<" in text
    dst.write_text(text.replace(old, new).replace("2011-04-06 00:12<", f"{released}<"), encoding="utf-8")


def test_rebuild_and_reimport_keep_bookmarks_and_a_changed_paragraph_is_flagged(tmp_path):
    files = [FIX / "08SANTIAGO95.html", FIX / "08REYKJAVIK125.html"]
    with Library.open() as lib, BookmarkStore.open() as store:
        assert lib.import_paths(files).ok
        santiago, reykjavik = lib.get("08SANTIAGO95"), lib.get("08REYKJAVIK125")
        # ¶1 and ¶2 of Santiago, its signature (unnumbered), and Reykjavik's comment ¶3
        store.add(santiago, 0, note="Chocair: technical cooperation only")
        store.add(santiago, 1, note="The delegation")
        store.add(santiago, 2)
        store.add(reykjavik, 2, note="Palermo *at last*")
        assert {m.citation for m in store.all()} == {"08SANTIAGO95 ¶1", "08SANTIAGO95 ¶2",
                                                     "08SANTIAGO95 (unnumbered, i2)", "08REYKJAVIK125 ¶3"}

        def statuses() -> dict[str, tuple[str, int | None]]:
            return {p.bookmark.citation: (p.status, p.index) for p in place_all(store.all(), lib.get)}

        before = statuses()
        assert before == {"08SANTIAGO95 ¶1": (OK, 0), "08SANTIAGO95 ¶2": (OK, 1),
                          "08SANTIAGO95 (unnumbered, i2)": (OK, 2), "08REYKJAVIK125 ¶3": (OK, 2)}
        lib.rebuild()
        assert statuses() == before
        lib.import_paths(files)  # re-import: unchanged files
        assert statuses() == before
        # a newer release where ¶2 reads "Vienna Summit": that bookmark stays, flagged
        newer = tmp_path / "newer.html"
        _edit(FIX / "08SANTIAGO95.html", newer, "Vienna Forum", "Vienna Summit", "2011-09-01 10:00")
        assert lib.import_paths([newer]).progress.cables_imported == 1
        after = {p.bookmark.citation: p for p in place_all(store.all(), lib.get)}
        assert after["08SANTIAGO95 ¶2"].status == CHANGED and after["08SANTIAGO95 ¶2"].index == 1
        assert "Vienna Forum" in after["08SANTIAGO95 ¶2"].bookmark.quote
        assert "Vienna Summit" in after["08SANTIAGO95 ¶2"].current_text
        assert after["08SANTIAGO95 ¶2"].bookmark.note == "The delegation"
        assert {c: p.status for c, p in after.items() if c != "08SANTIAGO95 ¶2"} == {
            "08SANTIAGO95 ¶1": OK, "08SANTIAGO95 (unnumbered, i2)": OK, "08REYKJAVIK125 ¶3": OK}
        # bookmarking it again takes the new text and clears the flag, keeping the note
        store.add(lib.get("08SANTIAGO95"), 1)
        assert statuses()["08SANTIAGO95 ¶2"] == (OK, 1)
        assert store.find("08SANTIAGO95", "2").note == "The delegation"


def test_a_cable_gone_from_the_library_leaves_a_detached_bookmark_with_its_quote(tmp_path):
    with Library.open() as lib, BookmarkStore.open() as store:
        lib.import_paths([FIX / "08REYKJAVIK125.html"])
        mark, _ = store.add(lib.get("08REYKJAVIK125"), 0, note="ratified")
    # the library is deleted and started again without that cable (the user database stays)
    shutil.rmtree(paths.library_dir())
    with Library.open() as lib, BookmarkStore.open() as store:
        lib.import_paths([FIX / "08SANTIAGO95.html"])
        [placed] = place_all(store.all(), lib.get)
    assert placed.status == DETACHED and placed.index is None
    assert placed.bookmark == mark
    assert placed.bookmark.quote.startswith("On May 28, the Icelandic Parliament, the Althingi, passed")
    assert placed.bookmark.subject == "ICELAND RATIFIES PALERMO ANTI-TRAFFICKING IN PERSONS PROTOCOL"
    assert (placed.bookmark.origin, placed.bookmark.date) == ("Embassy Reykjavik", "2008-07-01T11:47:00Z")


def test_a_damaged_user_database_is_never_written_and_can_be_moved_aside():
    path = paths.user_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    garbage = b"this is not a database, but the user's only copy of something\n" * 100
    path.write_bytes(garbage)
    Path(f"{path}-wal").write_bytes(b"wal bytes")
    assert "not an SQLite database" in check_user_db(path)
    with pytest.raises(UserDBError) as err:
        BookmarkStore.open()
    assert str(err.value).count("\n") == 0 and err.value.path == path
    assert path.read_bytes() == garbage  # untouched
    kept = start_fresh_beside(path)
    assert kept.read_bytes() == garbage and Path(f"{kept}-wal").read_bytes() == b"wal bytes"
    assert kept.name.startswith("user.sqlite3.damaged-") and not path.exists()
    assert not Path(f"{path}-wal").exists()
    with BookmarkStore.open() as store:  # a fresh one at the usual place
        assert store.all() == []
    # a second damaged file moved aside the same second gets its own name: nothing is overwritten
    store_bytes = path.read_bytes()
    path.write_bytes(garbage[:500])
    again = start_fresh_beside(path)
    assert again != kept and kept.read_bytes() == garbage and again.read_bytes() == garbage[:500]
    assert store_bytes  # the fresh database had been written


def test_a_database_damaged_inside_is_detected():
    import sqlite3

    path = paths.user_db_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x TEXT)")
    con.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
    con.commit()
    con.close()
    assert check_user_db(path) is None
    data = bytearray(path.read_bytes())
    data[4096 + 8: 4096 + 40] = b"\xff" * 32  # scribble over the table's root page header
    path.write_bytes(bytes(data))
    problem = check_user_db(path)
    assert problem and "damaged" in problem
    assert check_user_db(path.parent / "missing.sqlite3") is None
    empty = path.parent / "empty.sqlite3"
    empty.write_bytes(b"")
    assert check_user_db(empty) is None
