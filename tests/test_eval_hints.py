"""``tutor eval hints``: data loading, scoring, and a small end-to-end run (no model)."""

from __future__ import annotations

import json

import pytest

from tutor.cli import main
from tutor.eval.hints import Case, Tally, _problem, gold_verdict, load_cases, score_ladder
from tutor.hints.guards import quantity_names
from tutor.schema import Hint, Verdict
from tutor.steps import parse_solution

VTG = {
    "id": "t-1",
    "problem": "Ann has 3 bags with 4 apples in each bag. She eats 2 apples. How many are left?",
    "reference_solution": "She has 12 apples because 3 x 4 = 12\nShe has 10 left because 12 - 2 = 10\n 10",
    "student_incorrect_solution": ["Ann has 3 + 4 = 7 apples.", "She has 7 - 2 = 5 left.", " 5"],
    "incorrect_index": 0,
    "incorrect_step": "Ann has 3 + 4 = 7 apples.",
    "error_category": "Logical error / Wrong approach",
    "student_correct_response": "Ann has 3 x 4 = 12 apples. She has 12 - 2 = 10 apples left.",
}
MATHDIAL = {"qid": 7, "question": "Tim has 5 pens and buys 3 more. How many pens?",
            "ground_truth": "5 + 3 = 8\n 8", "student_incorrect_solution": "5 - 3 = 2\n 2"}


def test_load_cases_vtg_pairs_each_wrong_solution_with_its_counterpart():
    wrong, right = load_cases([VTG], "vtg")
    assert wrong.wrong and not right.wrong
    assert wrong.gold_step == 1 and wrong.gold_category == "Logical error / Wrong approach"
    assert wrong.solution.split("\n") == ["Ann has 3 + 4 = 7 apples.", "She has 7 - 2 = 5 left.", "5"]
    assert wrong.problem.final_answer == "10"
    assert right.id == "t-1/correct"


def test_load_cases_mathdial():
    (case,) = load_cases([MATHDIAL], "mathdial")
    assert case.wrong and case.gold_step is None
    assert case.problem.final_answer == "8" and case.id == "7"


def test_gold_verdict_marks_the_annotated_step():
    wrong, right = load_cases([VTG], "vtg")
    steps = parse_solution(wrong.solution)
    v = gold_verdict(wrong, steps)
    assert (v.label, v.first_error_step, v.marks) == ("incorrect", 1, ["first_error", "after_error", "after_error"])
    assert v.quantities == ["3", "4", "7", "the number of apples"]
    assert gold_verdict(right, parse_solution(right.solution)).label == "correct"


def test_score_ladder_counts_each_rate():
    wrong, right = load_cases([VTG], "vtg")
    steps = parse_solution(wrong.solution)
    v = Verdict(label="incorrect", first_error_step=1, marks=["first_error", "after_error", "after_error"])
    t = Tally()
    score_ladder(t, wrong, steps, v, [Hint(1, "where", "Look at step 1. Why did you add 3 and 4?"),
                                      Hint(2, "concept", "In step 1, the bags are equal groups."),
                                      Hint(3, "bottom_out", "Redo step 1. The answer is ten.")])
    assert (t.ladders, t.leaks, t.targeted, t.flagged, t.grounded) == (1, 1, 1, 1, 1)
    # a correct counterpart that gets an error hint is a false accusation
    score_ladder(t, right, parse_solution(right.solution), v, [Hint(1, "where", "Look at step 1 and 12.")])
    assert (t.counterparts, t.accused, t.leaks) == (1, 1, 1)
    # not pointing at the annotated step: neither targeted nor grounded
    t2 = Tally()
    score_ladder(t2, wrong, steps, v, [Hint(1, "where", "Look at step 2. How did you get 5?")])
    assert (t2.targeted, t2.grounded, t2.leaks) == (0, 0, 0)


def test_quantity_names_in_steps_without_numbers():
    assert quantity_names("Let x be the number of mistakes Sammy made.") == ["x", "the number of mistakes"]
    assert quantity_names("3 x 4 = 12") == []


def test_quantity_names_what_a_number_counts():
    # a step whose only number is the answer can still be named by what the number counts
    assert quantity_names("Tedra harvested 700 kg of tomatoes on Friday.") == ["the amount of tomatoes"]
    assert quantity_names("She has 12 apples and 3 times as many pears.") == ["the number of apples"]
    assert quantity_names("5 is the answer") == []


def test_problem_without_reference():
    p = _problem("What is 2 + 2?", "")
    assert p.reference_solution is None and p.final_answer is None


def test_eval_hints_command_end_to_end(tmp_path, capsys):
    data = tmp_path / "vtg.json"
    data.write_text(json.dumps([VTG]), encoding="utf-8")
    out = tmp_path / "report.json"
    assert main(["eval", "hints", "--data", str(data), "--format", "vtg", "--model", "none",
                 "--verifier", "gold", "--out", str(out)]) == 0
    report = json.loads(out.read_text())
    assert report["n"] == 1 and report["n_ladders"] == 2 and report["n_correct_counterparts"] == 1
    assert report["leak_rate"] == 0.0
    assert report["targeted_rate"] == 1.0 and report["grounded_rate"] == 1.0
    assert report["false_accusation_rate"] == 0.0
    assert report["hint_sources"] == {"fallback": 5}
    assert report["examples"][0]["hints"][0]["text"] == \
        "Look at step 1. Why did you use 3 there? Is that what the problem needs?"


def test_gold_verifier_needs_vtg(tmp_path):
    data = tmp_path / "md.jsonl"
    data.write_text(json.dumps(MATHDIAL) + "\n", encoding="utf-8")
    assert main(["eval", "hints", "--data", str(data), "--format", "mathdial", "--model", "none",
                 "--verifier", "gold", "--out", str(tmp_path / "r.json")]) == 2


def test_gold_ladders_on_shared_vtg_never_leak(shared_data):
    from tutor.eval.common import read_records
    from tutor.hints import HintLadder, find_leaks, reference_answer

    ladder = HintLadder(None)
    for case in load_cases(read_records(shared_data / "vtg" / "dev.json", limit=40), "vtg"):
        steps = parse_solution(case.solution)
        hints = ladder.build(case.problem, steps, gold_verdict(case, steps))
        answer = reference_answer(case.problem)
        assert answer and not any(find_leaks(h.text, [answer]) for h in hints), case.id


@pytest.mark.parametrize("fmt", ["vtg", "mathdial"])
def test_cases_load_from_shared_data(shared_data, fmt):
    from tutor.eval.common import read_records

    path = shared_data / ("vtg/dev.json" if fmt == "vtg" else "mathdial/dev.jsonl")
    cases = load_cases(read_records(path, limit=5), fmt)
    assert cases and all(c.problem.final_answer for c in cases)
    assert all(isinstance(c.problem.reference_solution, list) for c in cases)


def test_a_number_free_gold_step_is_targeted_by_naming_its_quantity_words():
    rec = dict(VTG, problem="A bag of seed covers 250 square feet. Drew buys 4 bags for 792 square feet "
                            "of lawn. How many extra square feet could the leftover seed cover?",
               student_incorrect_solution=["4 x 250 = 1000", "So there are no extra square feet left.", " 0"],
               incorrect_index=1, incorrect_step="So there are no extra square feet left.")
    wrong, _ = load_cases([rec], "vtg")
    steps = parse_solution(wrong.solution)
    v = gold_verdict(wrong, steps)
    assert v.quantities == ["extra square feet"]
    t = Tally()
    score_ladder(t, wrong, steps, v, [Hint(1, "where", "Look at step 2. What do the extra square feet mean?")])
    score_ladder(t, wrong, steps, v, [Hint(1, "where", "Look at step 2. What is that step trying to find?")])
    assert (t.incorrect, t.targeted, t.grounded) == (2, 1, 1)
