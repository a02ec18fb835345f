"""Shared fixtures: where the shared evaluation data lives, and settings for tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = Path(os.environ.get("TUTOR_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` (or ``$TUTOR_SHARED_DATA``); skips the test where it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (set TUTOR_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture()
def settings(tmp_path):
    """Settings with a private SQLite log; the model cache stays the user's (converted once)."""
    from tutor.config import load_settings

    return load_settings(database_url=f"sqlite:///{tmp_path / 'log.sqlite3'}")
