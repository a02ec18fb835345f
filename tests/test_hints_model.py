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


def test_real_model_ladder_streams_and_passes_the_guards(model):
    ladder = HintLadder(model, max_new_tokens=24)
    finals = []
    for level in (1, 2, 3):
        items = list(ladder.stream(PROBLEM, STEPS, VERDICT, level))
        assert items, "stream yielded nothing"
        # nothing streamed, partial or final, ever showed the answer (or, below level 3, 15)
        assert not any(find_leaks(h.text, ["11", "15"] if level < 3 else ["11"]) for h in items)
        finals.append(items[-1])
    assert [(h.level, h.kind) for h in finals] == [(1, "where"), (2, "concept"), (3, "bottom_out")]
    for h in finals:
        assert h.source in ("model", "fallback")
        assert check_hint(h.text, h.level, h.kind, PROBLEM, STEPS, VERDICT) == [], h
    assert ladder.stats["model"] + ladder.stats["fallback"] == 3
