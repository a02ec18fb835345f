"""Standards for short typed exercises, through the service's path (``Tutor.check``: the problem,
the student's steps, the math in words, the known grade) with the shipped built-in index.

A whole expression is matched by what it practises, not by the fluency of its steps
(``tutor.standards.mathread``; docs/benchmarks.md, Standards, "Whole expressions ...").
"""

from __future__ import annotations

import pytest

from tutor.config import load_settings
from tutor.schema import Problem, Submission
from tutor.service import Tutor

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def tutor():
    from tutor.standards import StandardsIndex
    from tutor.standards.catalog import BUILTIN_PATH

    if not BUILTIN_PATH.exists():
        pytest.skip("built-in catalogue not written yet")
    settings = load_settings(use_model=False, catalog="builtin")
    return Tutor(settings, model=None, standards=StandardsIndex.from_settings(settings))


def shown(tutor, text, steps, grade=None):
    """The standards the student tab shows for a typed problem and its steps."""
    fb = tutor.check(Submission(problem=Problem(text=text, grade=grade), solution_text=steps))
    return [m.code for m in fb.standards]


def test_order_of_operations_is_not_its_steps_fluency(tutor):
    # before: 2.NBT.B.6, 3.NBT.A.3, 3.OA.C.7 (grade unknown); 5.NF.A.1, 5.NF.B.7, 5.NF.B.3 (grade 5)
    steps = "4 x 3 = 12\n6 / 2 = 3\n8 + 12 - 3 = 17"
    for grade in (None, "5", "6"):
        got = shown(tutor, "Evaluate 8 + 4 × 3 − 6 ÷ 2.", steps, grade)
        assert got[0] == "5.OA.A.1", (grade, got)
        assert not any(c.startswith(("1.", "2.", "3.")) for c in got), (grade, got)
    got = shown(tutor, "Compute 30 − 2 × (5 + 4).", "5 + 4 = 9\n2 x 9 = 18\n30 - 18 = 12")
    assert got[0] == "5.OA.A.1", got


def test_a_value_given_to_a_variable_is_evaluating_an_expression(tutor):
    # before: 3.NBT.A.3, 4.NBT.A.1, 4.NBT.B.5
    got = shown(tutor, "Find the value of 3n − 4 when n = 6.", "3 x 6 - 4 = 14")
    assert "6.EE.A.2" in got and all(c.split(".")[1] in ("EE", "OA") for c in got), got


def test_the_distributive_property_written_out(tutor):
    # before: 3.NBT.A.3 first
    got = shown(tutor, "Use the distributive property to find 7 × 23.",
                "7 x (20 + 3) = 7 x 20 + 7 x 3 = 140 + 21 = 161")
    assert got[0] == "3.OA.B.5", got


def test_a_quotient_with_a_remainder_or_as_a_decimal(tutor):
    # before: 6.NS.B.2 (long division, grade 6) first
    assert shown(tutor, "What is 857 ÷ 6?", "857 / 6 = 142 R 5")[0] == "4.NBT.B.6"
    # before: 7.NS.A.2, 4.NF.C.6 (tenths and hundredths), 6.NS.A.1
    got = shown(tutor, "Write 5/8 as a decimal.", "5 ÷ 8 = 0.625", "7")
    assert got[0] == "7.NS.A.2" and "4.NF.C.6" not in got, got


# ---------------------------------------------------------------- word problems: the situation's words
def test_equal_groups_are_division_and_multiplication_not_volume_or_counting(tutor):
    # the trial's cookies: before 5.NF.B.7, 5.NBT.B.6, 5.MD.C.5 (grade 5); 6.RP.A.3, 1.OA.B.4,
    # 2.OA.A.1 with no grade
    text = ("A baker packs 144 cookies into boxes. Each box holds 12 cookies. "
            "How many boxes does the baker fill?")
    for grade in (None, "5"):
        got = shown(tutor, text, "144 / 12 = 12", grade)
        assert "5.NBT.B.6" in got, (grade, got)
        assert not any(".MD." in c or c.startswith(("K.", "1.", "2.")) for c in got), (grade, got)
    assert shown(tutor, text, "144 / 12 = 12", "5")[0] == "5.NBT.B.6"
    # before: 8.EE.C.7, 7.EE.B.4, A-REI.C.6 (the "x" read as a variable); 4.OA.A.2 first (grade 4)
    got = shown(tutor, "There are 8 rows of chairs with 235 chairs in each row. How many chairs are there?",
                "235 x 8 = 1880", "4")
    assert got[0] == "4.NBT.B.5", got
    got = shown(tutor, "A theater has 2,304 seats arranged in 48 equal rows. How many seats are in each row?",
                "2304 / 48 = 48")
    assert "5.NBT.B.6" in got and not any(c.startswith(("1.", "2.", "3.")) for c in got), got


def test_a_map_scale_is_a_scale_drawing(tutor):
    # before: A-CED.A.2, 6.RP.A.3, 5.NF.B.6 (no grade); 7.NS.A.1, 6.RP.A.3, 7.NS.A.3 (grade 7)
    text = ("On a map, 1 inch represents 25 miles. Two towns are 3.5 inches apart on the map. "
            "How far apart are the towns?")
    for grade in (None, "7"):
        assert shown(tutor, text, "3.5 x 25 = 87.5\n87.5 miles", grade)[0] == "7.G.A.1", grade


def test_probability_problems_get_grade_7_chance_standards(tutor):
    # before: S-CP.B.9, 7.SP.C.6, S-CP.B.6 (no grade): high-school conditional probability first
    got = shown(tutor, "A bag has 4 red marbles, 3 blue marbles and 5 green marbles. What is the "
                "probability of picking a blue marble?", "4 + 3 + 5 = 12\n3/12 = 1/4")
    assert got[0] in ("7.SP.C.7", "7.SP.C.5"), got
    # before: S-MD.A.3, 5.NF.B.4, 7.SP.C.8
    got = shown(tutor, "A coin is tossed twice. What is the probability of getting heads both times?",
                "1/2 x 1/2 = 1/4")
    assert got[0] == "7.SP.C.8", got


def test_place_value_of_a_multi_digit_number_is_grade_4(tutor):
    # before: 2.NBT.A.3, 2.NBT.A.1, 5.NBT.B.7 (no grade)
    got = shown(tutor, "What is the value of the digit 7 in 3,742,516?", "700,000")
    assert got[0] == "4.NBT.A.1" and not any(c.startswith("2.") for c in got), got
