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


@pytest.fixture()
def slip_verdict():
    """A function ``(problem text, solution text, step, finder)``: checks that ``finder`` (a
    ``(problem, step texts) -> Relation`` check) names a slip at ``step`` (1-based), that the
    reference-free verifier calls the work wrong there, and that every hint of its ladder passes
    the guards; returns the slip's name."""
    from tutor.hints.fallback import fallback_hint
    from tutor.hints.guards import check_hint
    from tutor.hints.prompting import ladder_kinds
    from tutor.schema import Problem
    from tutor.steps import parse_solution
    from tutor.verify import Verifier

    def check(problem_text: str, solution: str, step: int, finder) -> str:
        steps = parse_solution(solution)
        found = finder(problem_text, [s.text for s in steps])
        assert found is not None and found.step + 1 == step
        problem = Problem(text=problem_text)
        verdict = Verifier(None).verify(problem, steps)
        assert (verdict.label, verdict.first_error_step) == ("incorrect", step)
        hints = [fallback_hint(problem, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
        assert len(hints) == 3
        assert all(check_hint(h.text, h.level, h.kind, problem, steps, verdict) == [] for h in hints)
        return found.name
    return check
