"""Linear inequalities checked across a solution (tutor.inequalities) and their misconceptions."""

import pytest

from tutor.inequalities import direction_slip, inequality_checks, linear_inequalities, readable_inequality
from tutor.schema import Problem
from tutor.steps import parse_solution
from tutor.verify import Verifier


@pytest.mark.parametrize("text, found", [
    ("Solve 3x - 7 < 11.", [("x", "<", 6)]),
    ("-2x + 4 ≥ 10", [("x", "<=", -3)]),         # the solution set turns round with -2x
    ("x >= 4", [("x", ">=", 4)]),
    ("-2 < x < 5", [("x", ">", -2), ("x", "<", 5)]),  # a compound one, as its two halves
    ("2x+5>13 so 2x > 8", [("x", ">", 4), ("x", ">", 4)]),
    ("49 < 50 < 64", []), ("At most 13 pens", []),
])
def test_an_inequality_is_read_as_its_solution_set(text, found):
    assert [(q.letter, q.relation, q.boundary) for q in linear_inequalities(text)] == found


def test_each_step_must_keep_the_solutions_it_came_from():
    checks = inequality_checks("Solve 3x - 7 < 11.", ["3x < 18", "x < 6"])
    assert [[(e.text, e.follows, e.ok) for e in c] for c in checks] == [
        [("3x<18", "3x-7<11", True)], [("x<6", "3x<18", True)]]
    assert [e.ok for c in inequality_checks("Solve 3x - 7 < 11.", ["3x < 4", "x < 4/3"]) for e in c] == [False, True]
    # a count rounded to whole numbers keeps the whole-number solutions
    assert [e.ok for c in inequality_checks("", ["5p ≤ 68", "p ≤ 13"]) for e in c] == [True]
    assert [e.ok for c in inequality_checks("", ["5p ≤ 68", "p ≤ 14"]) for e in c] == [False]
    # not checked: after a solved one (a new condition), a value tried, an "or", a bound the words add
    assert inequality_checks("", ["5p ≤ 68", "p ≤ 13.6", "p ≤ 13"])[2] == []
    assert inequality_checks("", ["2x ≥ -10", "x ≥ -5", "Check x = 0: 2 ≥ -8 ✓"])[2] == []
    assert inequality_checks("", ["x - 1 > 3 or x - 1 < -3"])[0] == []
    assert inequality_checks("", ["3 + 2m ≤ 25", "2m ≤ 22", "m ≤ 11", "0 ≤ m ≤ 11"])[3] == []
    assert inequality_checks("", ["17 + t ≥ 45", "t ≥ 28", "17 + t ≤ 60", "t ≤ 43"])[2:] == [[], [
        __import__("tutor.schema", fromlist=["Equation"]).Equation(
            text="t<=43", lhs_value=43.0, rhs_value=43.0, ok=True, follows="17+t<=60")]]


def test_which_way_the_sign_went_wrong():
    assert direction_slip("-2x>=6", "x>=-3") == "kept"
    assert direction_slip("2x>8", "x<4") == "turned"
    assert direction_slip("-2x>=6", "x<=-3") is None and direction_slip("2x>8", "x>5") is None
    assert readable_inequality("-2x>=6") == "-2x ≥ 6"


@pytest.mark.parametrize("problem, solution, verdict", [
    ("Solve -2x + 4 ≥ 10.", "-2x ≥ 6\nx ≤ -3", ("correct", None, None)),
    ("Solve -2x + 4 ≥ 10.", "-2x ≥ 6\nx ≥ -3", (
        "incorrect", 2, "In step 2, both sides of -2x ≥ 6 were divided or multiplied by a negative number, "
                        "so the inequality sign must turn round.")),
    ("Solve 2x + 5 > 13.", "2x > 8\nx < 4", (
        "incorrect", 2, "In step 2, the inequality sign was turned round, but it turns only when both sides "
                        "are multiplied or divided by a negative number.")),
    ("Solve 4x + 2 > 18.", "4x + 2 > 18\n4x > 20\nx > 5", (
        "incorrect", 2, "Step 2 changes the inequality: 4x > 20 does not have the same solutions as "
                        "4x + 2 > 18. Whatever you do to one side, do to the other side too.")),
    ("Solve 3x - 7 < 11.", "3x < 18\nx < 6", ("correct", None, None)),  # was "nothing to check"
])
def test_inequality_work_is_checked(problem, solution, verdict):
    d = Verifier(None).verify(Problem(text=problem), parse_solution(solution))
    assert (d.label, d.first_error_step, d.explanation) == verdict


def test_a_case_or_check_word_right_before_an_inequality_leaves_it_unchecked():
    # a case word long before the inequality does not make it a case
    assert inequality_checks("Solve 2x + 1 > 7.", ["If we take 1 from both sides and then look again, 2x > 6"])[0][0].ok
    assert inequality_checks("Solve 2x + 1 > 7.", ["2x > 6", "If x > 9 it works too"])[1] == []


@pytest.mark.parametrize("problem, solution, concept", [
    ("Solve -2x + 4 ≥ 10.", "-2x ≥ 6\nx ≥ -3", "In step 2, the number in front of the unknown is negative. When both "
     "sides of an inequality are divided by a negative number, what happens to the sign?"),
    ("Solve 3x - 7 < 11.", "3x < 4\nx < 4/3", "An inequality stays true only when both sides change in the same way. "
     "In step 1, check each move you made to get from 3x - 7 < 11 to 3x < 4."),
])
def test_an_inequality_slip_gets_inequality_hints_that_pass_the_guards(problem, solution, concept):
    from tutor.hints.fallback import fallback_hint
    from tutor.hints.guards import check_hint
    from tutor.hints.prompting import ladder_kinds

    p, steps = Problem(text=problem), parse_solution(solution)
    verdict = Verifier(None).verify(p, steps)
    hints = [fallback_hint(p, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert hints[1].text == concept
    assert all(check_hint(h.text, h.level, h.kind, p, steps, verdict) == [] for h in hints)
    assert not any("equation" in h.text for h in hints)
