"""Fixtures for the reader's tests: the cables they read and a way to start the app."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ui_cables import mexico_cable  # noqa: E402


@pytest.fixture(scope="session")
def mexico():
    """The Mexico TIP cable (08MEXICO721) as the reader gets it."""
    return mexico_cable()
