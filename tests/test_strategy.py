"""Strategy notes (tutor.derivation.strategy_note): a true algebra step that brings the unknown no
closer to being on its own gets a gentle note, never an error; a step that moves toward the
solution, or only rewrites a side, gets none."""

import json
import re
from argparse import Namespace
from pathlib import Path

import pytest

from tutor.derivation import SolvingForm, solving_form, strategy_note
from tutor.hints import HintLadder
from tutor.hints.guards import check_hint
from tutor.schema import Problem, Submission
from tutor.service import read_submission
from tutor.verify import Verifier

# Right steps of one-variable linear equations, each moving toward the solution or only
# rewriting a side: none may get a note.
RIGHT_STEPS = [
    ("2x + 3 = 11", "2x = 8"), ("2x = 8", "x = 4"), ("3(x - 2) = 12", "x - 2 = 4"),
    ("3(x - 2) = 12", "3x - 6 = 12"), ("3x - 6 = 12", "3x = 18"), ("x - 2 = 4", "x = 6"),
    ("x/4 = 5", "x = 20"), ("-x = 7", "x = -7"), ("5 = 2x - 3", "8 = 2x"), ("8 = 2x", "4 = x"),
    ("5 = 2x - 3", "2x - 3 = 5"),  # sides swapped
    ("2x + 3 = 11", "2x + 3 - 3 = 11 - 3"), ("x/4 = 5", "x/4 * 4 = 5 * 4"),  # the move written out
    ("3x + 5 = x + 9", "2x + 5 = 9"), ("3x + 5 = x + 9", "3x = x + 4"), ("3x = x + 4", "2x = 4"),
    ("5x - 2 = 3x + 6", "2x - 2 = 6"), ("2(x - 1) + 3 = 9", "2(x - 1) = 6"), ("2(x - 1) = 6", "x - 1 = 3"),
    ("4(x + 1) = 2(x + 5)", "4x + 4 = 2x + 10"), ("6 - (x - 3) = 4", "9 - x = 4"),
    ("-3(x + 2) = 9", "x + 2 = -3"), ("2x + 6 = 10", "x + 3 = 5"),
    # fractions
    ("x/3 + 2 = 5", "x/3 = 3"), ("x/3 + 2 = 5", "x + 6 = 15"), ("(x + 4)/2 = 5", "x + 4 = 10"),
    ("x/2 + x/3 = 5", "3x + 2x = 30"), ("x/2 + x/3 = 5", "5x/6 = 5"), ("5x/6 = 5", "5x = 30"),
    ("2x/3 = 4", "2x = 12"), ("2x/3 = 4", "x = 6"), ("(2/3)x = 4", "x = 4 * 3/2"), ("x + 1/2 = 3", "x = 5/2"),
    ("x + 1/2 = 3", "2x + 1 = 6"), ("3x = 7", "x = 7/3"), ("x/5 - 1 = 3", "x/5 = 4"),
    ("4/y = 2", "4 = 2y"), ("10/x = 5", "10 = 5x"),
    # decimals
    ("4x = 6", "x = 1.5"), ("0.5x = 3", "x = 6"), ("0.5x = 3", "5x = 30"), ("0.2x + 1.5 = 3.5", "0.2x = 2"),
    ("0.2x + 1.5 = 3.5", "2x + 15 = 35"), ("1.2x + 0.4 = 2.8", "1.2x = 2.4"), ("1.5x = 6", "15x = 60"),
    ("x + 2.5 = 7", "x = 4.5"), ("3x - 1.5 = 6", "3x = 7.5"), ("0.25x = 2", "x = 8"),
    # negatives
    ("-2x + 4 = 10", "-2x = 6"), ("-2x = 6", "x = -3"), ("-x + 3 = 10", "-x = 7"), ("5 - x = 2", "-x = -3"),
    ("5 - x = 2", "5 = 2 + x"), ("12 = 4x", "3 = x"), ("7 = x - 2", "9 = x"), ("x - 4 = -2", "x = 2"),
]


@pytest.mark.parametrize("before, after", RIGHT_STEPS, ids=[f"{b} -> {a}" for b, a in RIGHT_STEPS])
def test_a_right_step_toward_the_solution_gets_no_note(before, after):
    assert strategy_note(before, after) is None


@pytest.mark.parametrize("before, after, kind", [  # (the unknown: the letter written)
    ("-7 = -x", "-7/1 = -x/1", "no effect"),  # divided by 1, not by -1
    ("1y = -9", "1y/1 = -9/1", "no effect"),
    ("-9 = y/9", "-9/9 = y/9/9", "same form"),  # divided by 9: y is divided by 81 now
    ("6 = -43y", "6/43 = -43y/43", "same form"),  # the sign still to remove: -43 would have done both
    ("6 = -43y", "6/43 = -y", "same form"),
    ("2 + y = -7", "2 + y + 2 = -7 + 2", "same form"),  # 2 added to remove a 2
    ("y + 7 = 5", "y + 7 + 7 = 5 + 7", "same form"),
    ("-5 = -10 + x", "-5 - 10 = -10 + x - 10", "same form"),  # 10 subtracted to remove a -10
    ("-2 = 4/y", "-2*4 = 4/y*4", "same form"),  # the unknown still below the bar
    ("-x = -6", "-x/-6 = -6/-6", "further"),  # x divided by 6 now
    ("-2 + 5 = 5x", "-2 + 5 - 5 = 5x - 5", "further"),  # a number put on the unknown's side
])
def test_a_true_step_that_gets_no_closer_is_noted(before, after, kind):
    note = strategy_note(before, after)
    letter = re.search(r"[a-z]", before).group()
    assert note is not None and (note.kind, note.letter) == (kind, letter)


@pytest.mark.parametrize("equation, form", [
    ("x = 4", (0, 0, 0)), ("4 = x", (0, 0, 0)), ("x = 7/3", (0, 0, 0)),
    ("2x + 3 = 11", (0, 2, 0)), ("2(x - 1) + 3 = 9", (0, 3, 0)), ("-x = 7", (0, 1, 0)),
    ("x/4 = 5", (0, 1, 1)), ("x + 1/2 = 3", (0, 1, 1)), ("4/y = 2", (0, 2, 0)),
    ("3x + 5 = x + 9", (1, 2, 0)), ("3x = x + 4", (1, 1, 0)),
    ("-7/1 = -x/1", (0, 1, 0)),  # dividing by 1 peels nothing
    ("2x + 3 - 3 = 11 - 3", (0, 1, 0)),  # adding 3 - 3 adds nothing
])
def test_the_solving_form_counts_the_moves_left(equation, form):
    assert solving_form(equation).parts == form


@pytest.mark.parametrize("equation", ["x^2 = 4", "x + y = 3", "3 = 3", "x + 1 = x + 2", "2 + 2", "x/x = 1"])
def test_equations_out_of_reach_have_no_form(equation):
    assert solving_form(equation) is None


@pytest.mark.parametrize("before, after", [
    ("2x + 3 = 11", "2x = 9"),  # a slip is an error, not a strategy
    ("-7 = -x", "-7 = x"),
    ("x^2 = 4", "x = 2"),  # out of reach
])
def test_a_step_that_is_not_true_or_not_linear_gets_no_note(before, after):
    assert strategy_note(before, after) is None


def _review(problem_text: str, solution: str):
    submission = Submission(Problem(text=problem_text), solution)
    steps = read_submission(submission)
    verdict = Verifier(None).verify(submission.problem, steps)
    return submission.problem, steps, verdict


def test_the_verifier_notes_a_step_that_got_no_closer_without_changing_the_verdict():
    problem, steps, verdict = _review("Solve 2 + y = -7.", "2 + y + 2 = -7 + 2\ny + 4 = -5\ny = -9")
    assert (verdict.label, verdict.first_error_step, verdict.marks) == ("correct", None, ["correct"] * 3)
    assert verdict.evidence["strategy"] == [{"step": 1, "from": "2 + y = -7", "to": "2 + y + 2 = -7 + 2",
                                             "kind": "same form", "letter": "y"}]
    hints = HintLadder(None).build(problem, steps, verdict)
    assert hints[1].text == ("Try this: in step 1, 2 + y = -7 became 2 + y + 2 = -7 + 2. That is true, but is y any "
                             "closer to being on its own? Which move would get it there sooner?")
    assert all(check_hint(h.text, h.level, h.kind, problem, steps, verdict) == [] for h in hints)
    # the same solution without the detour: no note, the usual extension
    problem, steps, plain = _review("Solve 2 + y = -7.", "y = -7 - 2\ny = -9")
    assert plain.label == "correct" and "strategy" not in plain.evidence


def test_a_division_by_one_is_noted_as_no_effect():
    problem, steps, verdict = _review("Solve -x = -7.", "-x/1 = -7/1\nx = 7")
    assert verdict.label == "correct"
    assert verdict.evidence["strategy"] == [{"step": 1, "from": "-x = -7", "to": "-x/1 = -7/1",
                                             "kind": "no effect", "letter": "x"}]
    hint = HintLadder(None).build(problem, steps, verdict)[1]
    assert hint.text == ("Try this: in step 1, -x/1 = -7/1 is the same equation as -x = -7. Which move on both "
                         "sides would get x on its own?")
    assert check_hint(hint.text, hint.level, hint.kind, problem, steps, verdict) == []


def test_right_step_by_step_work_gets_no_note():
    problem, steps, verdict = _review("Solve 3(x − 2) + 4 = 19.",
                                      "3(x − 2) = 15\nx − 2 = 5\nx = 7")
    assert verdict.label == "correct" and "strategy" not in verdict.evidence
    problem, steps, verdict = _review("Solve 0.5x + 1.5 = 4.", "0.5x = 2.5\n5x = 25\nx = 5")
    assert verdict.label == "correct" and "strategy" not in verdict.evidence


def test_the_cogtutorbugs_report_counts_notes_per_label(tmp_path):
    from tutor.eval.verify import _run_algebra

    records = [
        {"eq1": "-7=-x", "eq2": "-7/1=-x/1", "Outcome": "BUG", "Label Name": "DIVIDE_NEGATIVE_BETTER"},
        {"eq1": "2+y=-7", "eq2": "2+y+2=-7+2", "Outcome": "BUG", "Label Name": "SUBTRACT_TO_REMOVE"},
        {"eq1": "2x+5=13", "eq2": "2x=9", "Outcome": "BUG", "Label Name": "WRONG_OPERATION"},
        {"eq1": "2x+3=11", "eq2": "2x=8", "Outcome": "BUG", "Label Name": "WRONG_OPERATION"},
    ]
    out = tmp_path / "ctb.json"
    assert _run_algebra(Namespace(data="x.json", out=str(out)), records) == 0
    report = json.loads(Path(out).read_text())
    assert (report["accuracy"], report["strategy_flagged"], report["flagged_any"]) == (0.25, 0.5, 0.75)
    assert report["per_label"] == {"DIVIDE_NEGATIVE_BETTER": 1.0, "SUBTRACT_TO_REMOVE": 1.0, "WRONG_OPERATION": 0.5}
    assert report["per_label_n"] == {"DIVIDE_NEGATIVE_BETTER": 1, "SUBTRACT_TO_REMOVE": 1, "WRONG_OPERATION": 2}
    assert report["strategy_kinds"] == {"no effect": 1, "same form": 1}


def test_a_solving_form_is_all_zero_only_when_solved():
    assert SolvingForm("x", 0, 0, 0).parts == (0, 0, 0)
    assert not any(solving_form("x = -9").parts) and any(solving_form("-x = 9").parts)


@pytest.mark.parametrize("problem_text, solution", [
    # "x" as a times sign before a decimal: no unknown is solved for
    ("A club has 120 members; 40% are adults. How many more children than adults?",
     "There are 48 adults because 120 x .4 = 48\n60% are children because 100 - 40 = 60\n"
     "There are 72 children because 120 x .6 = 72\n72 - 48 = 24"),
    # once x = 10 is written, 2x = 20 works out another amount: no move of the solving
    ("Frankie and Carla played 30 games. Carla won twice as many as Frankie. How many did Carla win?",
     "Let x be the number of games that Frankie won.\nThen Carla won 2*x.\nx+2*x=30 games.\n"
     "So 3*x=30.\nx=10 games.\nCarla won 2x=20 games."),
])
def test_equations_that_are_no_solving_moves_get_no_note(problem_text, solution):
    problem, steps, verdict = _review(problem_text, solution)
    assert verdict.label != "incorrect" and "strategy" not in verdict.evidence
