"""Unit tests of the distillation pieces (no model loaded): worked solutions, error injection,
the program teacher, sources, example formats, CLI flags."""

from __future__ import annotations

import json
import random

import pytest

from tutor.distill.inject import INJECTION_KINDS, inject
from tutor.distill.sources import (Sample, in_vtg_fold, read_annotations, stable_fraction, vtg_fold,
                                   vtg_folds)
from tutor.distill.worked import evaluate, fmt_number, parse_gsm8k
from tutor.errors import TutorInputError
from tutor.schema import Problem

CLIPS_Q = ("Natalia sold clips to 48 of her friends in April, and then she sold half as many clips "
           "in May. How many clips did Natalia sell altogether in April and May?")
CLIPS_A = ("Natalia sold 48/2 = <<48/2=24>>24 clips in May.\n"
           "Natalia sold 48+24 = <<48+24=72>>72 clips altogether in April and May.\n#### 72")
WAGE_Q = "Weng earns $12 an hour for babysitting. Yesterday, she just did 50 minutes of babysitting. How much did she earn?"
WAGE_A = ("Weng earns 12/60 = $<<12/60=0.2>>0.2 per minute.\n"
          "Working 50 minutes, she earned 0.2 x 50 = $<<0.2*50=10>>10.\n#### 10")
SHOP_Q = "Jasper buys 2 pounds of cheddar for $10, cream cheese for $5 and cold cuts for $20. How much does he spend?"
SHOP_A = "Jasper spends 10 + 5 + 20 = <<10+5+20=35>>35 dollars.\n#### 35"


def test_parse_gsm8k_steps_links_and_answer():
    sol = parse_gsm8k(CLIPS_A)
    assert sol.render_steps() == ["Natalia sold 48 / 2 = 24 clips in May.",
                                  "Natalia sold 48 + 24 = 72 clips altogether in April and May."]
    assert sol.answer == 72
    assert sol.links == {(1, 2): 0}  # the 24 of step 2 is the result of step 1
    assert sol.answer_link == 1


def test_parse_gsm8k_money_and_bad_annotation():
    sol = parse_gsm8k(WAGE_A)
    assert sol.render_steps({"*": "x"})[1] == "Working 50 minutes, she earned 0.2 x 50 = $10."
    with pytest.raises(ValueError):
        parse_gsm8k("He has 3 = <<3=4>>4 apples.\n#### 4")  # stated result is wrong
    with pytest.raises(ValueError):
        parse_gsm8k("no final line")


def test_evaluate_and_fmt_number():
    assert evaluate(["2", "*", "(", "3", "+", "4", ")"]) == 14
    assert fmt_number(24.0) == "24" and fmt_number(0.125) == "0.12" and fmt_number(2.5) == "2.5"
    with pytest.raises(ValueError):
        evaluate(["4", "/", "0"])
    # GSM8K writes clock times with a leading zero ("0900"); Python literals reject that.
    assert evaluate(["730", "*", "0900"]) == 657000 and evaluate(["0.5", "+", "1"]) == 1.5


def test_calculation_slip_propagates_downstream():
    sol = parse_gsm8k(CLIPS_A)
    rng = random.Random(1)
    for _ in range(20):
        out = inject(sol, CLIPS_Q, "calculation_slip", rng)
        wrong, inj = out
        k = inj.first_error_step
        steps = wrong.render_steps()
        assert steps[: k - 1] == sol.render_steps()[: k - 1]  # nothing before k changes
        calcs = [c for _, c in wrong.calcs()]
        bad = calcs[k - 1]
        assert bad.result != bad.value()  # the slip: stated result is off
        assert fmt_number(bad.value()) == inj.expected_value
        if k == 1:  # step 2 reuses the wrong 24 and computes correctly from it
            assert calcs[1].tokens[2] == fmt_number(bad.result)
            assert calcs[1].result == calcs[1].value()
            assert wrong.answer == calcs[1].result
    assert sol.render_steps()[0] == "Natalia sold 48 / 2 = 24 clips in May."  # reference untouched


def test_wrong_operation_and_misread_keep_arithmetic_consistent():
    sol = parse_gsm8k(CLIPS_A)
    wrong, inj = inject(sol, CLIPS_Q, "wrong_operation", random.Random(0))
    assert inj.category == "Logical error / Wrong approach"
    assert all(c.result == c.value() for _, c in wrong.calcs())
    wrong, inj = inject(sol, CLIPS_Q, "misread_quantity", random.Random(0))
    assert inj.expected == "48" and inj.found != "48"
    assert inj.found in wrong.render_steps()[inj.first_error_step - 1]


def test_unit_missing_stop_and_go_past():
    wrong, inj = inject(parse_gsm8k(WAGE_A), WAGE_Q, "unit_conversion", random.Random(0))
    assert (inj.expected, inj.found) == ("60", "100")
    assert wrong.render_steps()[0] == "Weng earns 12 / 100 = $0.12 per minute."
    assert wrong.answer == 6
    wrong, inj = inject(parse_gsm8k(SHOP_A), SHOP_Q, "missing_quantity", random.Random(0))
    assert len(wrong.steps[0].calcs[0].operand_positions) == 2 and inj.first_error_step == 1
    wrong, inj = inject(parse_gsm8k(CLIPS_A), CLIPS_Q, "stop_early", random.Random(0))
    assert len(wrong.steps) == 1 and wrong.answer == 24 and inj.first_error_step == 2
    wrong, inj = inject(parse_gsm8k(CLIPS_A), CLIPS_Q, "go_past", random.Random(0))
    assert len(wrong.steps) == 3 and inj.first_error_step == 3 and wrong.answer != 72
    # a kind that does not fit returns None instead of a bogus solution
    assert inject(parse_gsm8k(CLIPS_A), CLIPS_Q, "unit_conversion", random.Random(0)) is None
    assert set(INJECTION_KINDS) >= {"calculation_slip", "stop_early"}


def _injected_sample(kind: str, seed: int = 0) -> Sample:
    from tutor.distill.generate import worked_samples
    from tutor.distill.generate_config import GenerateConfig

    cfg = GenerateConfig(kinds=[kind], samples_per_problem=2, paraphrase=False)
    samples = worked_samples({"id": "t-1", "question": CLIPS_Q, "answer": CLIPS_A}, "gsm8k", cfg,
                             random.Random(seed))
    return samples[1]


@pytest.mark.parametrize("kind", ["calculation_slip", "wrong_operation", "misread_quantity", "stop_early", "go_past"])
def test_program_teacher_hints_pass_guards_and_never_state_answer(kind):
    from tutor.distill.teacher import ProgramTeacher, guard_problems

    s = ProgramTeacher().annotate(_injected_sample(kind), random.Random(0))
    k = s.first_error_step
    assert s.teacher["step_targets"] == [1.0] * (k - 1) + [0.0]
    assert set(s.teacher["hints"]) == {"1", "2", "3"}
    for level, text in s.teacher["hints"].items():
        assert guard_problems(text, int(level), s) == []
        assert f"step {k}" in text.lower()
        assert "72" not in text  # the reference final answer


def test_program_teacher_correct_solution_has_all_yes_and_no_hints():
    from tutor.distill.teacher import ProgramTeacher

    s = Sample(id="c", source="gsm8k", kind="correct", problem=Problem(text=CLIPS_Q, final_answer="72"),
               steps=["48 / 2 = 24", "48 + 24 = 72", "The answer is 72."])
    s = ProgramTeacher().annotate(s, random.Random(0))
    assert s.teacher["step_targets"] == [1.0, 1.0, 1.0] and s.teacher["hints"] == {}


def test_step_example_labels_follow_first_error():
    from tutor.distill.formats import step_example
    from tutor.distill.teacher import ProgramTeacher

    s = ProgramTeacher().annotate(_injected_sample("go_past"), random.Random(0))
    ex = step_example(s, with_reference=True)
    assert ex["step_labels"] == [True, True, False, None]  # answer sentence after the error
    assert "Reference solution:" in ex["text"]
    assert all(ex["text"][: e].endswith("Correct?") for e in ex["marker_ends"])
    assert "Reference solution:" not in step_example(s, with_reference=False)["text"]


def test_read_annotations(tmp_path):
    rec = {"id": "a1", "source": "teacher_annotation", "problem": CLIPS_Q,
           "reference_solution": ["48 / 2 = 24", "48 + 24 = 72"], "final_answer": "72",
           "steps": ["48 * 2 = 96", "48 + 96 = 144"], "first_error_step": 1,
           "error_category": "Logical error / Wrong approach", "error_description": "doubled instead of halved",
           "reviewer": "ms-k", "reviewed_at": "2026-11-29T08:00:00Z"}
    ok = dict(rec, id="a2", steps=["48 / 2 = 24", "48 + 24 = 72"], first_error_step=None,
              error_category=None, error_description=None)
    path = tmp_path / "ann.jsonl"
    path.write_text(json.dumps(rec) + "\n" + json.dumps(ok) + "\n")
    a, b = read_annotations(path)
    assert (a.kind, a.first_error_step, a.problem.final_answer) == ("real", 1, "72")
    assert (b.kind, b.first_error_step) == ("correct", None)
    path.write_text(json.dumps(dict(rec, first_error_step=5)) + "\n")
    with pytest.raises(TutorInputError):
        read_annotations(path)


def test_vtg_fold_is_deterministic_and_balanced():
    ids = [f"vtg-{i:04d}" for i in range(1000)]
    folds = [vtg_fold(i) for i in ids]
    assert folds == [vtg_fold(i) for i in ids]
    assert 400 < folds.count("train") < 600
    assert 0 <= stable_fraction("x") < 1


def test_vtg_folds_keep_a_problems_records_together():
    train_id = next(f"r{i}" for i in range(100) if vtg_fold(f"r{i}") == "train")
    eval_ids = [f"r{i}" for i in range(100) if vtg_fold(f"r{i}") == "eval"][:3]
    records = [{"id": train_id, "problem": "Ann has 3 cats."},
               {"id": eval_ids[0], "problem": "ann has 3  cats."},  # the same problem, retyped
               {"id": eval_ids[1], "problem": "Bo has 4 dogs."},
               {"id": eval_ids[2], "problem": "Bo has 4 dogs."}]
    assert vtg_folds(records) == ["train", "train", "eval", "eval"]
    assert [r["id"] for r in in_vtg_fold(records, "eval")] == eval_ids[1:]


def test_cli_flags_come_from_config_dataclasses():
    import argparse

    from tutor.distill.cli import config_from_args, register
    from tutor.distill.train_config import TrainConfig

    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="stage"))
    args = parser.parse_args(["train", "--lora-r", "4", "--target-modules", "q_proj", "v_proj",
                              "--no-resume", "--max-minutes", "1.5"])
    cfg = config_from_args(TrainConfig, args)
    assert (cfg.lora_r, cfg.target_modules, cfg.resume, cfg.max_minutes) == (4, ["q_proj", "v_proj"], False, 1.5)
    assert cfg.learning_rate == TrainConfig().learning_rate


def test_eval_reuses_base_metrics_only_for_the_same_data(tmp_path):
    from dataclasses import asdict

    from tutor.distill.eval import _reusable_base
    from tutor.distill.eval_config import EvalConfig

    cfg = EvalConfig(score_limit=5, out=str(tmp_path / "new.json"))
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"base": {"step_scoring_vtg_eval": {"auroc": 0.5}}, "config": asdict(cfg)}))
    assert _reusable_base(EvalConfig(score_limit=5, base_from=str(old)))["step_scoring_vtg_eval"]["auroc"] == 0.5
    assert _reusable_base(EvalConfig(score_limit=6, base_from=str(old))) is None  # other data
    assert _reusable_base(EvalConfig(score_limit=5)) is None  # nothing to reuse


def test_a_hint_a_teacher_corrected_replaces_the_teacher_models_level_1_target():
    from tutor.distill.formats import hint_examples
    from tutor.distill.teacher import ProgramTeacher

    s = ProgramTeacher().annotate(_injected_sample("go_past"), random.Random(0))
    k = s.first_error_step
    model_rungs = {e["level"]: e["completion"] for e in hint_examples(s)}
    fix = f"Look at step {k}, where you get 3456. Does the question ask for that?"
    s.privileged["target_hints"] = {"1": fix}
    got = {e["level"]: (e["completion"], e.get("corrected", False)) for e in hint_examples(s)}
    assert got == {1: (fix, True), **{lv: (t, False) for lv, t in model_rungs.items() if lv != 1}}
    # a corrected hint that states the final answer never becomes a training target
    s.privileged["target_hints"] = {"1": "The answer is 72."}
    assert {e["level"]: e["completion"] for e in hint_examples(s)} == model_rungs
