"""The parse workers: an import's (or rebuild's, or entity pass's) tasks fed to worker processes,
their results handed to the one writer (:class:`tipreader.library.importer._Run`).

Small jobs run in the calling process (no worker start-up). Workers end when their parent
dies (see :func:`prepare.worker_main`); a worker that dies leaves its file named as failed.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import sys
import threading
from collections.abc import Callable
from typing import Any, Protocol

from . import prepare
from .paths import display_path

IN_PROCESS_BYTES = 2 * 1024 * 1024  # below this, parse in the calling process (no worker start-up)


class Writer(Protocol):
    """The writer side the workers' messages go to."""

    files_seen: set[str]

    def handle(self, msg: tuple) -> None:
        """Take one message (cables, a file's record, an error...)."""

    def report(self, force: bool = False) -> None:
        """Tell the progress callback where things stand."""


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real standard error.

    The tracker's start passes ``sys.stderr.fileno()`` to its process; inside a Textual
    app ``sys.stderr`` is Textual's print capture, whose fileno is -1, and every worker
    start failed with "bad value(s) in fds_to_keep". Once started, the tracker is not
    started again, so the swap is only needed here.
    """
    from multiprocessing import resource_tracker

    try:
        fd = sys.stderr.fileno() if sys.stderr is not None else None
    except Exception:
        fd = None
    if fd is None or fd >= 0:
        resource_tracker.ensure_running()
        return
    saved = sys.stderr
    with open(os.devnull, "w") as devnull:  # not the terminal: the app owns it
        sys.stderr = devnull
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


def _drain(result_q: Any, run: Writer) -> None:
    """Hand on every message still in ``result_q`` (its writers have exited)."""
    while True:
        try:
            msg = result_q.get(timeout=0.5)
        except queue.Empty:
            return
        if msg[0] != "worker-done":
            run.handle(msg)


def pump(run: Writer, tasks: list[tuple], cancel: threading.Event | None, workers: int, db_path: str,
         learned: Callable[[], Any] | None = None) -> bool:
    """Feed ``tasks`` to worker processes and write their results. Returns False when cancelled.
    ``learned`` (the names other cables taught the library, read in this process): given, the
    files' cables get their entities as they are parsed (one pass; the workers read the names
    from the database themselves)."""
    total_bytes = sum(t[2] for t in tasks if t[0] == "file")
    if workers <= 1 or (len(tasks) <= 2 or total_bytes and total_bytes < IN_PROCESS_BYTES):
        for task in tasks:
            if cancel is not None and cancel.is_set():
                return False
            if task[0] == "file":
                _, path, size, mtime_ns, prev_sha = task
                book = learned() if learned is not None else None
                prepare.process_file(path, size, mtime_ns, prev_sha, send=run.handle, book=book)
            else:
                prepare.process_stored(db_path, task, run.handle)
            run.handle(("task-done",))
        return True
    _start_resource_tracker()
    ctx = mp.get_context("spawn")
    task_q = ctx.Queue()
    result_q = ctx.Queue(maxsize=32)  # ~3,200 cables in flight at most: bounded memory
    for task in tasks:
        task_q.put(task)
    procs = [ctx.Process(target=prepare.worker_main, args=(task_q, result_q, db_path, os.getpid(), learned is not None),
                         daemon=True) for _ in range(workers)]
    for p in procs:
        task_q.put(None)
        p.start()
    done = 0
    try:
        while done < len(procs):
            if cancel is not None and cancel.is_set():
                return False
            try:
                msg = result_q.get(timeout=0.2)
            except queue.Empty:
                if not any(p.is_alive() for p in procs):
                    # the last workers may have written their last results and exited between the
                    # empty wait and this test: what they wrote is still in the pipe; read it all
                    _drain(result_q, run)
                    break
                run.report()
                continue
            if msg[0] == "worker-done":
                done += 1
            else:
                run.handle(msg)
        for task in tasks:  # a worker that died (killed, out of memory) never reported its file
            if task[0] == "file" and display_path(task[1]) not in run.files_seen:
                run.handle(("error", display_path(task[1]), "the parse process stopped while reading this file"))
        return True
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
        for p in procs:
            p.join(timeout=5)
        task_q.cancel_join_thread()
        result_q.cancel_join_thread()
