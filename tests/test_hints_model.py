"""The real student model's hint ladder passes every guard (loads SmolLM2-135M)."""

from __future__ import annotations

import pytest

from tutor.hints import HintLadder, check_hint, find_leaks
from tutor.schema import Problem, Step, Verdict

pytestmark = pytest.mark.model

PROBLEM = Problem(text="Ann has 3 bags with 5 pears in each bag. She eats 4 pears. How many pears are left?",
                  reference_solution=["3 x 5 = 15", "15 - 4 = 11", "11"], final_answer="11")
STEPS = [Step(1, "3 + 5 = 8 pears"), Step(2, "8 - 4 = 4 pears left"), Step(3, "4")]
VERDICT = Verdict(label="incorrect", first_error_step=1, marks=["first_error", "after_error", "after_error"],
                  error_category="Logical error / Wrong approach", expected_value="15", found_value="8",
                  quantities=["8", "3", "5"])


@pytest.fixture(scope="module")
def model():
    from tutor.config import load_settings
    from tutor.llm import load_student_model

    return load_student_model(load_settings())


def test_real_model_ladder_passes_the_guards(model):
    ladder = HintLadder(model, max_new_tokens=40)
    hints = ladder.build(PROBLEM, STEPS, VERDICT)
    assert [(h.level, h.kind) for h in hints] == [(1, "where"), (2, "concept"), (3, "bottom_out")]
    for h in hints:
        assert h.source in ("model", "fallback")
        assert check_hint(h.text, h.level, h.kind, PROBLEM, STEPS, VERDICT) == [], h
        assert not find_leaks(h.text, ["11"])
    assert ladder.stats["model"] + ladder.stats["fallback"] == 3


def test_real_model_stream_ends_with_the_guarded_hint(model):
    items = list(HintLadder(model, max_new_tokens=40).stream(PROBLEM, STEPS, VERDICT, 1))
    assert items, "stream yielded nothing"
    final = items[-1]
    assert check_hint(final.text, 1, "where", PROBLEM, STEPS, VERDICT) == []
    # nothing streamed before the final hint ever showed the answer or the step's value
    assert not any(find_leaks(h.text, ["11", "15"]) for h in items)
