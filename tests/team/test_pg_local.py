"""The throwaway server never outlives the process that started it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tipreader.userdata.pg_local import find_bindir

import pytest


def test_a_killed_owner_leaves_no_server_behind(pg_cluster):
    assert find_bindir() is not None  # pg_cluster already failed/skipped otherwise
    code = ("from tipreader.userdata.pg_local import LocalCluster; import sys, time\n"
            "c = LocalCluster.create(); c.start(); print(c.folder, c.postmaster_pid(), flush=True); time.sleep(600)")
    owner = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    folder, pid = owner.stdout.readline().split()
    assert Path(folder).is_dir() and os.path.exists(f"/proc/{pid}")
    owner.send_signal(signal.SIGKILL)
    owner.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (os.path.exists(f"/proc/{pid}") or Path(folder).exists()):
        time.sleep(0.2)
    if os.path.exists(f"/proc/{pid}"):
        pytest.fail(f"the server {pid} outlived its owner")
    assert not Path(folder).exists()
