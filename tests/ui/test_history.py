"""The back/forward history (plain Python)."""

from __future__ import annotations

from tipreader.ui.history import History, Step

LIB = Step(None)
A3 = Step("08MANAMA492", 3, 12.0, 100)
B0 = Step("08MANAMA486", 0, 0.0, 100)
C5 = Step("08MEXICO721", 5, 40.0, 100)


def test_back_and_forward_trade_places():
    h = History()
    assert not h.can_back and h.back(LIB) is None
    h.visit(LIB)  # library → A
    h.visit(A3)  # A → B
    assert h.back(B0) == A3
    assert h.back(A3) == LIB
    assert h.back(LIB) is None
    assert h.forward(LIB) == A3
    assert h.forward(A3) == B0
    assert not h.can_forward and h.forward(B0) is None


def test_a_new_move_forgets_the_forward_stack():
    h = History()
    h.visit(LIB)
    h.visit(A3)
    assert h.back(B0) == A3
    h.visit(A3)  # from A somewhere else
    assert not h.can_forward
    assert h.back(C5) == A3


def test_the_same_place_is_recorded_once_and_the_oldest_drop_off():
    h = History(limit=3)
    h.visit(A3)
    h.visit(A3)
    assert len(h) == 1
    for n in range(5):
        h.visit(Step("X", n))
    assert len(h) == 3
    assert [s.para for s in h.recent()] == [4]  # one entry per cable, the latest


def test_recent_lists_each_cable_once_newest_first_and_labels():
    h = History()
    for step in (LIB, A3, B0, Step("08MANAMA492", 7)):
        h.visit(step)
    assert [s.ref_id for s in h.recent()] == ["08MANAMA492", "08MANAMA486", None]
    assert h.recent()[0].label == "08MANAMA492 · paragraph 8"
    assert LIB.label == "Library"
    assert Step("X").label == "X"
