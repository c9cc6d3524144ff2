"""The writer reads every result the parse workers wrote, even when the last of them exited in the
moment between an empty wait and the test that all are gone (seen in the whole suite under load:
an in-app import ended "0 failed" with 5 cables still waiting for their names)."""

from __future__ import annotations

import queue

from tipreader.library import pipeline


class _Run:
    def __init__(self) -> None:
        self.files_seen: set[str] = set()
        self.handled: list[tuple] = []

    def handle(self, msg: tuple) -> None:
        self.handled.append(msg)

    def report(self, force: bool = False) -> None:
        pass


class _Proc:
    alive = True

    def __init__(self, *a, **k) -> None:
        pass

    def start(self) -> None:
        pass

    def is_alive(self) -> bool:
        return _Proc.alive

    def terminate(self) -> None:
        pass

    def join(self, timeout=None) -> None:
        pass


class _LateQueue:
    """A result queue whose writers finish just after the first empty wait: the first get is
    empty, and by then every worker has written its results and exited."""

    def __init__(self, *a, **k) -> None:
        self.items: list[tuple] = []
        self.waited = False

    def put(self, item) -> None:
        self.items.append(item)

    def get(self, timeout=None):
        if not self.waited:
            self.waited = True
            self.items[:] = [("entities", "A"), ("task-done",), ("entities", "B"), ("task-done",),
                             ("worker-done",), ("worker-done",)]
            _Proc.alive = False
            raise queue.Empty
        if not self.items:
            raise queue.Empty
        return self.items.pop(0)

    def cancel_join_thread(self) -> None:
        pass


class _Ctx:
    def __init__(self) -> None:
        self.result_q = None

    def Queue(self, maxsize=0):  # noqa: N802 - the multiprocessing name
        return _LateQueue() if maxsize else _TaskQueue()

    def Process(self, *a, **k):  # noqa: N802 - the multiprocessing name
        return _Proc()


class _TaskQueue(list):
    def put(self, item) -> None:
        self.append(item)

    def cancel_join_thread(self) -> None:
        pass


def test_results_written_just_before_the_workers_exit_are_all_handled(monkeypatch):
    _Proc.alive = True
    monkeypatch.setattr(pipeline.mp, "get_context", lambda _name: _Ctx())
    monkeypatch.setattr(pipeline, "_start_resource_tracker", lambda: None)
    run = _Run()
    tasks = [("entities", ["A"]), ("entities", ["B"]), ("entities", ["C"])]
    assert pipeline.pump(run, tasks, None, 2, "/nonexistent.db") is True
    assert [m for m in run.handled if m[0] == "entities"] == [("entities", "A"), ("entities", "B")]
