"""Rounding a step states against the place the problem names (tutor.rounding), and the
verdict and hints for a wrong one."""

import pytest

from tutor.hints.fallback import fallback_hint, named_misconception
from tutor.hints.guards import check_hint
from tutor.rounding import asked_places, rounding_slip
from tutor.schema import Problem, Submission
from tutor.service import read_submission
from tutor.verify import Verifier

HUNDRED = "Estimate 398 + 512 by rounding each number to the nearest hundred."


def test_the_places_a_problem_names():
    assert asked_places(HUNDRED) == {"hundred": 100}
    assert {w: float(p) for w, p in asked_places("Round 3.456 to the nearest tenth.").items()} == {"tenth": 0.1}
    assert asked_places("Round $4.89 to the nearest dollar and 38 to the nearest ten.").keys() == {"dollar", "ten"}
    assert asked_places("Estimate 398 + 512.") == {}


@pytest.mark.parametrize("problem, steps, slip", [
    (HUNDRED, ["398 ≈ 400", "512 ≈ 600", "400 + 600 = 1000"], (1, "512", "600", "hundred", "up")),
    ("Round $4.89 and $2.35 to the nearest dollar.", ["$4.89 ≈ $4", "$2.35 ≈ $2"], (0, "4.89", "4", "dollar", "down")),
    ("Estimate 38 x 21 by rounding each number to the nearest ten.", ["38 rounds to 30", "30 x 20 = 600"],
     (0, "38", "30", "ten", "down")),
    ("Round 3.456 to the nearest tenth.", ["3.456 ≈ 3.46"], (0, "3.456", "3.46", "tenth", "place")),
    ("Round 3.456 to the nearest tenth.", ["3.456 → 3.9"], (0, "3.456", "3.9", "tenth", "other")),
])
def test_wrong_roundings_are_found(problem, steps, slip):
    found = rounding_slip(problem, steps)
    assert (found.step, found.given, found.said, found.place, found.kind) == slip


@pytest.mark.parametrize("problem, steps", [
    (HUNDRED, ["398 ≈ 400", "512 ≈ 500", "400 + 500 = 900"]),
    ("Round 3.456 to the nearest tenth.", ["3.456 ≈ 3.5"]),
    ("Round 2.5 to the nearest whole number.", ["2.5 ≈ 3"]),  # half up
    # no place named: an estimate may round up on purpose or keep the front digit
    ("Estimate 398 + 512.", ["398 ≈ 400", "512 ≈ 600"]),
    # a root or a worked-out value is not the problem's number rounded
    ("Estimate √30 to the nearest whole number.", ["5² = 25 and 6² = 36", "so √30 ≈ 5"]),
    ("Round 40 ÷ 3.25 to the nearest tenth.", ["40 ÷ 3.25 = 12.307", "12.307 ≈ 12.3"]),
    # the end of a computation rounded, not the divisor ("3 ≈ 1437.3")
    ("A globe has a radius of 7 cm. Find its volume using 22/7 for π. Round to the nearest tenth.",
     ["22/7 × 343 = 1078", "1078 × 4 = 4312", "4312 ÷ 3 ≈ 1437.3"]),
])
def test_right_roundings_and_other_approximations_are_left_alone(problem, steps):
    assert rounding_slip(problem, steps) is None


def test_a_wrong_rounding_is_the_first_error_with_a_ladder_that_passes_the_guards():
    problem = Problem(text=HUNDRED)
    steps = read_submission(Submission(problem=problem, solution_text="398 ≈ 400\n512 ≈ 600\n400 + 600 = 1000"))
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 2)
    assert verdict.explanation == ("In step 2, 512 rounded to the nearest hundred is not 600: 512 was rounded up, "
                                   "but it is closer to the smaller one.")
    assert named_misconception(problem, steps, verdict).name == "rounded wrong"
    for level, kind in ((1, "where"), (2, "concept"), (3, "bottom_out")):
        hint = fallback_hint(problem, steps, verdict, level, kind).text
        assert check_hint(hint, level, kind, problem, steps, verdict) == []
        assert "500" not in hint
    assert fallback_hint(problem, steps, verdict, 2, "concept").text == (
        "In step 2, which two hundreds is 512 between? Which one is it closer to?")


@pytest.mark.parametrize("problem, solution, rounded", [
    ("Round 4,672 to the nearest hundred.", "4,672 ≈ 4,700", [1]),
    ("A stadium holds 38,459 fans. Round to the nearest thousand.", "38,459 rounds to 38,000\nAbout 38,000 fans.", [1]),
    ("Estimate 4.89 + 7.15 + 2.49 by rounding each to the nearest whole number.",
     "4.89 ≈ 5\n7.15 ≈ 7\n2.49 ≈ 2\n5 + 7 + 2 = 14\nAbout $14", [1, 2, 3]),
])
def test_work_made_of_right_roundings_is_right(problem, solution, rounded):
    p = Problem(text=problem)
    verdict = Verifier(None).verify(p, read_submission(Submission(problem=p, solution_text=solution)))
    assert (verdict.label, verdict.evidence["claims"]) == ("correct", rounded)


def test_a_wrong_sum_after_right_roundings_is_still_found():
    p = Problem(text="Estimate 4.89 + 7.15 + 2.49 by rounding each to the nearest whole number.")
    steps = read_submission(Submission(problem=p, solution_text="4.89 ≈ 5\n7.15 ≈ 7\n2.49 ≈ 2\n5 + 7 + 2 = 15"))
    verdict = Verifier(None).verify(p, steps)
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 4)


@pytest.mark.parametrize("steps, slip", [
    (["25 ÷ 3 = 8.333...", "8.333 ≈ 8.34", "Each gets $8.34"], (1, "8.333", "8.34", "cent", "up")),
    (["25 ÷ 3 = 8.333...", "8.333 ≈ 8.33", "Each gets $8.33"], None),
])
def test_a_worked_out_value_rounded_to_the_place_named(steps, slip):
    found = rounding_slip("Three friends split $25 equally. How much does each get, rounded to the nearest cent?", steps)
    assert (found and (found.step, found.given, found.said, found.place, found.kind)) == slip


def test_a_worked_out_value_kept_to_more_digits_on_the_way_is_left_alone():
    assert rounding_slip("A car goes 100 miles on 3 gallons. How many miles per gallon, to the nearest tenth?",
                         ["100 ÷ 3 = 33.333", "33.333 ≈ 33.33", "33.33 ≈ 33.3"]) is None
