"""Shared fixtures: every test runs with its own TIPREADER_HOME and config, never a real home."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_CABLES = ROOT.parent / "shared" / "cables"
SAMPLES = ROOT / "sample_cables"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("TIPREADER_HOME", str(home / "data"))
    monkeypatch.setenv("TIPREADER_CONFIG", str(home / "config.toml"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    return home


@pytest.fixture
def shared_cables() -> Path:
    """The real-cable corpus beside the project; tests using it skip when it is absent."""
    if not SHARED_CABLES.is_dir():
        pytest.skip("../shared/cables is not present")
    return SHARED_CABLES
