"""Things along a row with one at each end: the gaps counted as the things (fencepost error)."""

import pytest

from tutor.fenceposts import fencepost_slip
from tutor.schema import Problem
from tutor.steps import parse_solution
from tutor.verify import Verifier

LAMPS = ("A straight road is 90 meters long. Lamps stand every 15 meters, with a lamp at each end. Each lamp costs $40. "
         "How much do the lamps cost?")


@pytest.mark.parametrize("steps, step", [
    (["90 ÷ 15 = 6 lamps", "6 × $40 = $240"], 0),                       # the quotient named as the lamps
    (["90 ÷ 15 = 6 gaps", "So there are 6 lamps.", "6 × 40 = $240"], 1),  # gaps named, then taken for lamps
])
def test_the_gaps_taken_for_the_things_are_found_where_they_are_first_counted(steps, step):
    found = fencepost_slip(LAMPS, steps)
    assert found is not None and (found.step, found.name) == (step, "posts as gaps")
    assert found.facts == {"length": "90", "spacing": "15", "unit": "meters", "gaps": "6"}


@pytest.mark.parametrize("problem, steps", [
    (LAMPS, ["90 ÷ 15 = 6 gaps", "6 + 1 = 7 lamps", "7 × $40 = $280"]),      # right
    (LAMPS, ["Lamps at 0, 15, 30, …, 90 m: 90/15 + 1 = 7", "7 × 40 = 280"]),  # right, in one step
    # a closed path has as many lamps as gaps
    ("A circular track is 90 meters around. Lamps stand every 15 meters, with a lamp at each end of every gap. "
     "How many lamps are there?", ["90 ÷ 15 = 6 lamps"]),
    # no lamp said at the ends
    ("A straight road is 90 meters long. Lamps stand every 15 meters. Each lamp costs $40. How much do they cost?",
     ["90 ÷ 15 = 6 lamps", "6 × $40 = $240"]),
    # the question asks for the gaps
    ("A straight road is 90 meters long with a lamp at each end and one every 15 meters. How many gaps are there "
     "between lamps?", ["90 ÷ 15 = 6"]),
])
def test_rows_counted_rightly_or_not_read_are_left_alone(problem, steps):
    assert fencepost_slip(problem, steps) is None


def test_the_verifier_names_the_slip_without_a_reference():
    verifier = Verifier(None)
    v = verifier.verify(Problem(LAMPS), parse_solution("90 ÷ 15 = 6 gaps\nSo we need 6 lamps.\n6 × $40 = $240"))
    assert (v.label, v.first_error_step) == ("incorrect", 2)
    assert "one more" in v.explanation
    right = verifier.verify(Problem(LAMPS), parse_solution("90 ÷ 15 = 6 gaps\n6 + 1 = 7 lamps\n7 × $40 = $280"))
    assert right.label == "correct"
