"""Algebra steps across a solution: each equation must keep the solution of the one before."""

from fractions import Fraction

import pytest

from tutor.derivation import algebra_slip, derivation_checks
from tutor.hints import HintLadder
from tutor.mathcheck import check_step, linear_equations
from tutor.schema import Problem
from tutor.steps import parse_solution
from tutor.verify import Verifier


@pytest.mark.parametrize("text, read", [
    ("2x + 5 = 13, so 2x = 8 and x = 4", [("2x+5=13", 4, False), ("2x=8", 4, False), ("x=4", 4, True)]),
    ("We get: 3(x - 2) = 12", [("3(x-2)=12", 6, False)]),
    (r"\(2x + 5 = 13\)", [("2x+5=13", 4, False)]),
    ("x = (-16 + 32)/6", [("x=(-16+32)/6", Fraction(8, 3), True)]),
    ("2:1:3 = x:50:y", []),                         # a ratio
    ("x1 = -3, y1 = 7, x2 = 2", []),                # names, not x times 1
    (r"\(t_2 = t_0 + t_1 = 0 + 1 = 1\)", []),       # subscripted names
    (r"3k+1=4\ell+1", []),                          # a LaTeX name cut the equation
    (r"\[ a - 1 + 2c = 0 \]", []),                  # "a" is an unknown there, not a word
    ("g(12) = 2x", []),                             # a function's value
    ("2 m = 200 cm", []),                           # a unit
])
def test_linear_equations_read_whole_equations_only(text, read):
    assert [(e.text, e.value, e.solved) for e in linear_equations(text)] == read


def test_a_changed_solution_is_an_algebra_slip_and_the_chain_goes_on_from_it():
    checks = derivation_checks("Solve 2x + 5 = 13.", ["2x + 5 = 13", "2x = 9", "x = 4.5"])
    assert [[(e.text, e.follows, e.ok) for e in step] for step in checks] == [
        [("2x+5=13", "2x+5=13", True)],
        [("2x=9", "2x+5=13", False)],
        [("x=4.5", "2x=9", True)],    # right from the wrong line: one error, not two
    ]
    slip = checks[1][0]
    assert (slip.lhs_value, slip.rhs_value, slip.expected) == (4.0, 4.5, None)


def test_distributing_to_one_term_only_changes_the_solution():
    checks = derivation_checks("Solve 3(x - 2) = 12.", ["3x - 2 = 12", "3x = 14"])
    assert [e.ok for e in checks[0]] == [False]
    assert [e.ok for e in checks[1]] == [True]


@pytest.mark.parametrize("steps", [
    ["Let x be the number of cards.", "x + 35 = 105", "x = 70"],
    ["3x = 190", "x = 63.33"],                                  # rounded as written
    ["x^2 = 49", "x = 7 or x = -7"],                             # two values: cases
    ["x + 1 = 5", "x = 4", "If x = 10, then 2x = 20."],          # a trial value
    ["x = 4", "x = 0"],                                          # two values, two points
    ["x + 3 = 7", "x = 4", "Let x be the number of apples.", "2x = 10"],   # the letter renamed
    ["Case 1: x + 3 = 7", "x = 4", "Case 2: x + 3 = -7", "x = -10"],
])
def test_no_slip_where_nothing_was_derived_wrongly(steps):
    assert not any(e.ok is False for step in derivation_checks("Find x.", steps) for e in step)


@pytest.fixture(scope="module")
def verifier():
    return Verifier(None)


def test_the_verifier_names_the_algebra_step_without_the_solution(verifier):
    problem = Problem("Solve 2x + 5 = 13.")
    steps = parse_solution("2x + 5 = 13\n2x = 9\nx = 4.5")
    v = verifier.verify(problem, steps)
    assert (v.label, v.first_error_step, v.marks) == ("incorrect", 2, ["correct", "first_error", "after_error"])
    assert v.error_category == "Calculation error"
    assert v.explanation == ("Step 2 changes the equation: 2x = 9 does not have the same solution as "
                             "2x + 5 = 13. Whatever you do to one side, do to the other side too.")
    assert v.expected_value is None and v.found_value == "2x = 9"
    assert v.evidence["derivation"] == {"from": "2x + 5 = 13", "to": "2x = 9"}
    hints = HintLadder(None).build(problem, steps, v)
    assert hints[0].text == ("Look at step 2. How did you get from 2x + 5 = 13 to 2x = 9? "
                             "Did you do the same thing to both sides?")
    assert not any("4" in h.text.replace("4.5", "") for h in hints)   # the answer, x = 4


def test_a_right_derivation_from_the_problem_equation_is_correct(verifier):
    v = verifier.verify(Problem("Solve 2x + 5 = 13."), parse_solution("2x + 5 = 13\n2x = 8\nx = 4"))
    assert v.label == "correct" and v.first_error_step is None


def test_a_slip_inside_one_step_is_found(verifier):
    problem = Problem("A stand sold 46 melons. 17 customers bought one melon, 3 customers bought three "
                      "melons, and the rest bought two melons. How many customers bought two melons?")
    steps = parse_solution("Let x be the number of customers who bought two.\n17 + 9 + 2x = 46\n"
                           "26 + 2x = 46, which gives x = 20.\nSo 20 customers bought two.")
    v = verifier.verify(problem, steps)
    assert (v.label, v.first_error_step) == ("incorrect", 3)
    alone = check_step(steps[2].text, 3)
    assert alone.ok is None and not algebra_slip(alone)  # the step alone has nothing to fault ...
    assert "x = 20 does not have the same solution as 26 + 2x = 46" in v.explanation  # ... its derivation does


@pytest.mark.parametrize("problem, solution, step", [
    ("Solve 3(x - 2) = 12.", "3(x - 2) = 12\n3x - 2 = 12\n3x = 14", 2),
    ("Solve 3(x + 4) = 27.", "3 * (x + 4) = 27\n3x + 4 = 27", 2),
    ("Solve 3(x - 2) = 12.", "3x - 2 = 12", 1),
])
def test_brackets_multiplied_out_for_the_first_term_only_are_named(verifier, problem, solution, step):
    problem, steps = Problem(problem), parse_solution(solution)
    v = verifier.verify(problem, steps)
    assert (v.label, v.first_error_step) == ("incorrect", step)
    assert v.explanation.startswith(f"In step {step}, the 3 in front of the brackets multiplied only the first term")
    hints = HintLadder(None).build(problem, steps, v)
    assert hints[1].text.endswith("Does 3 multiply all of (x - 2)?" if "x - 2" in solution or "3x - 2" in solution
                                  else "Does 3 multiply all of (x + 4)?")
    assert hints[2].text.startswith(f"Redo step {step}: start again from 3")


def test_a_slip_that_is_no_named_misconception_keeps_the_plain_algebra_hints(verifier):
    problem, steps = Problem("Solve 2x + 5 = 13."), parse_solution("2x + 5 = 13\n2x = 18\nx = 9")
    v = verifier.verify(problem, steps)
    assert v.explanation.startswith("Step 2 changes the equation")
    hints = HintLadder(None).build(problem, steps, v)
    assert hints[2].text == ("Redo step 2: start again from 2x + 5 = 13. Do one move at a time, the same on "
                             "both sides. Then use your new equation in the steps after it.")
