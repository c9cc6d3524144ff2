"""Coded passages in the user database: apply, remove, questions, authors and times, the key
that survives a re-import from another source, a killed process, and code: search."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tipreader.cable.model import Cable, Paragraph, Part, Question
from tipreader.library import Library, QueryError, paths
from tipreader.userdata.codes import CHANGED, DETACHED, OK, CodeError, CodeStore, locate_all, own_codes
from tipreader.userdata.filters import UserFilter

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures"


def _cable(ref: str = "09TEST1", n: int = 6) -> Cable:
    paras = tuple(Paragraph(i, i + 1, None, 1, f"{ref} paragraph {i} about funding.") for i in range(n))
    q = Question("B", "What is done?", "Much.", 3, 2, (2, 3, 4), label="1.B", letters=("B",))
    return Cable(source="t", format="raw", ref_id=ref, date="2008-03-11T22:19:00Z", origin="Embassy Test",
                 classification="UNCLASSIFIED", subject=f"Subject of {ref}", paragraphs=paras,
                 parts=(Part("Prosecution", (q,), None, "1"),))


def test_apply_a_code_to_a_paragraph_with_author_times_and_the_cables_facts():
    with CodeStore.open(author="ana") as store:
        [(passage, new)] = store.apply(_cable(), [1], "Objection", note="on the ranking")
    assert new and passage.code == "objection" and passage.author == "ana" and passage.note == "on the ranking"
    assert (passage.ref_id, passage.anchor, passage.number, passage.para_index) == ("09TEST1", "2", 2, 1)
    assert passage.paragraph == "¶2" and passage.question is None
    assert (passage.subject, passage.date, passage.origin, passage.classification) == (
        "Subject of 09TEST1", "2008-03-11T22:19:00Z", "Embassy Test", "UNCLASSIFIED")
    assert passage.quote == "09TEST1 paragraph 1 about funding." and passage.created == passage.updated
    assert passage.key == "code:09TEST1:2:objection"


def test_the_author_is_the_settings_team_user_else_the_login_name(monkeypatch):
    import getpass

    from tipreader.userdata.codes import current_author

    monkeypatch.setattr(getpass, "getuser", lambda: "login")
    assert current_author() == "login"
    Path(os.environ["TIPREADER_CONFIG"]).write_text('[team]\nuser = "Maria"\n', encoding="utf-8")
    assert current_author() == "Maria"
    with CodeStore.open() as store:
        [(passage, _)] = store.apply(_cable(), [0], "anger")
    assert passage.author == "Maria"


def test_a_question_with_its_answer_is_coded_as_its_paragraphs_in_one_statement():
    cable = _cable()
    with CodeStore.open(author="ana") as store:
        done = store.apply(cable, [2, 3, 4], "cooperative", note="trains police")
        assert [(p.para_index, p.question, new) for p, new in done] == [(2, "1.B", True), (3, "1.B", True),
                                                                       (4, "1.B", True)]
        # again, without a note: nothing new, the notes kept; with one: replaced
        again = store.apply(cable, [2, 3, 4], "cooperative")
        assert [new for _, new in again] == [False] * 3 and {p.note for p, _ in again} == {"trains police"}
        assert {p.note for p, _ in store.apply(cable, [3], "cooperative", note="")} == {""}
        assert store.count() == 3
        placed = store.in_cable(cable)
        assert sorted(placed) == [2, 3, 4] and placed[2][0].status == OK
        assert store.counts() == {"cooperative": 3}


def test_one_paragraph_holds_several_codes_and_each_is_removed_alone():
    cable = _cable()
    with CodeStore.open(author="ana") as store:
        store.apply(cable, [1], "objection")
        store.apply(cable, [1], "anger")
        assert sorted(loc.passage.code for loc in store.in_cable(cable)[1]) == ["anger", "objection"]
        gone = store.remove("09test1", "2", "OBJECTION")
        assert gone is not None and gone.code == "objection"
        assert store.remove("09TEST1", "2", "objection") is None
        assert [p.code for p in store.all()] == ["anger"]


def test_bad_input_is_a_one_line_code_error():
    with CodeStore.open(author="a") as store:
        with pytest.raises(CodeError, match="no paragraph at index 9"):
            store.apply(_cable(), [9], "anger")
        with pytest.raises(CodeError, match="no code"):
            store.apply(_cable(), [1], "  ")


def test_own_codes_reads_through_another_connection_for_the_team_sync():
    with CodeStore.open(author="ana") as store:
        store.apply(_cable(), [0, 1], "funding")
    con = sqlite3.connect(paths.user_db_path())
    try:
        rows = own_codes(con)
    finally:
        con.close()
    assert [(r.key, r.author) for r in rows] == [("code:09TEST1:1:funding", "ana"), ("code:09TEST1:2:funding", "ana")]
    fresh = sqlite3.connect(":memory:")
    assert own_codes(fresh) == []  # creates the table when it is not there


def test_codes_survive_a_reimport_from_another_source_and_a_gone_cable_is_detached():
    """Coded in the cable as the CSV gives it; the library is deleted and the WikiLeaks page
    of the same cable imported instead: the codes find their paragraphs."""
    with Library.open() as lib:
        assert lib.import_paths([ROOT / "sample_cables" / "cables_small.csv"]).ok
        cable = lib.get("08MEXICO23")
        assert cable is not None and cable.format == "csv"
    with CodeStore.open(author="ana") as store:
        store.apply(cable, [3], "prevention", note="campaign")
    shutil.rmtree(paths.library_dir())
    with Library.open() as lib, CodeStore.open() as store:
        lib.import_paths([FIX / "formats" / "08MEXICO23.html"])
        assert lib.get("08MEXICO23").format == "wikileaks-html"
        [(located, found)] = locate_all(store.all(), lib.get)
        assert (located.status, located.index) == (OK, 3) and found is not None
    shutil.rmtree(paths.library_dir())
    with Library.open() as lib, CodeStore.open() as store:
        [(located, found)] = locate_all(store.all(), lib.get)
    assert (located.status, located.index, found) == (DETACHED, None, None)
    assert located.passage.quote == cable.paragraphs[3].text and located.passage.note == "campaign"


def test_a_changed_paragraph_is_flagged_and_coding_it_again_clears_the_flag():
    import dataclasses

    cable = _cable()
    with CodeStore.open(author="a") as store:
        store.apply(cable, [1], "denial")
        paras = list(cable.paragraphs)
        paras[1] = dataclasses.replace(paras[1], text="A newer release reads differently.")
        newer = dataclasses.replace(cable, paragraphs=tuple(paras))
        [(loc, _)] = locate_all(store.all(), lambda ref: newer)
        assert (loc.status, loc.index) == (CHANGED, 1)
        store.apply(newer, [1], "denial")
        [(loc, _)] = locate_all(store.all(), lambda ref: newer)
        assert loc.status == OK and loc.passage.quote == "A newer release reads differently."


_WRITER = r"""
from tipreader.cable.model import Cable, Paragraph
from tipreader.userdata.codes import CodeStore
cable = Cable(source="t", format="raw", ref_id="09KILL1",
              paragraphs=tuple(Paragraph(i, i + 1, None, 1, f"paragraph {i}") for i in range(500)))
store = CodeStore.open(author="k")
for i in range(500):
    [(p, _)] = store.apply(cable, [i], "funding", note=f"n{i}")
    print(p.id, flush=True)
"""


def test_sigkill_in_the_middle_of_coding_keeps_every_reported_passage():
    proc = subprocess.Popen([sys.executable, "-c", _WRITER], stdout=subprocess.PIPE, text=True, cwd=ROOT,
                            env=os.environ.copy())
    seen = []
    try:
        while len(seen) < 30:
            seen.append(int(proc.stdout.readline()))
        proc.send_signal(signal.SIGKILL)  # no close, no checkpoint
    finally:
        proc.kill()
        proc.wait()
    with CodeStore.open() as store:
        stored = {p.id for p in store.all()}
        assert set(seen) <= stored and store.count() == len(stored)


def test_code_search_finds_the_coded_cables(tmp_path):
    with Library.open() as lib:
        assert lib.import_paths([FIX / "library" / "08SANTIAGO95.html", FIX / "library" / "08REYKJAVIK125.html"]).ok
        with CodeStore.open(author="a") as store:
            store.apply(lib.get("08SANTIAGO95"), [0], "face-saving")
            store.apply(lib.get("08REYKJAVIK125"), [1], "legislation")
        user = UserFilter()
        try:
            def refs(q: str) -> set[str]:
                return {h.ref_id for h in lib.search(q, bookmarks=user)}

            assert refs("code:face-saving") == {"08SANTIAGO95"}
            assert refs('code:"face saving"') == {"08SANTIAGO95"}
            assert refs("code:FACE_SAVING") == {"08SANTIAGO95"}
            assert refs("code:leg*") == {"08REYKJAVIK125"}
            assert refs("code:(legislation OR face-saving)") == {"08SANTIAGO95", "08REYKJAVIK125"}
            assert refs("trafficking -code:legislation") == refs("trafficking") - {"08REYKJAVIK125"}
            assert refs("code:anger") == set()
            assert lib.count("codes:legislation", bookmarks=user) == 1
            assert refs("bookmarked:no code:legislation") == {"08REYKJAVIK125"}  # both stores at once
        finally:
            user.close()
        with pytest.raises(QueryError, match="code:"):
            lib.search("code:anger")  # no user data given: a query error, not an engine error
