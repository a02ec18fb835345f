"""The ``tutor eval verify`` harness end to end on tiny files with known answers."""

import json

import pytest

from tutor.cli import main
from tutor.eval.verify import processbench_metrics, vtg_metrics

def _record(rid, problem, reference, wrong, wrong_index, right):
    """A VtG-shaped record whose wrong solution has a calculation slip at ``wrong_index``."""
    return {"id": rid, "problem": problem, "reference_solution": reference,
            "student_incorrect_solution": wrong, "incorrect_index": wrong_index,
            "error_category": "Calculation error easily solved by a calculator",
            "student_correct_response": right}


RECORD = _record(
    "t1", "Sam buys 3 packs of pens with 4 pens in each pack. He gives away 2 pens. How many are left?",
    "Sam has 3 x 4 = 12 pens.\nHe has 12 - 2 = 10 pens left.\n 10",
    ["Sam has 3 x 4 = 12 pens.", "He has 12 - 2 = 11 pens left.", " 11"], 1,
    "Sam has 3 x 4 = 12 pens. Then he has 12 - 2 = 10 pens left.")
RECORD2 = _record(
    "t2", "A box holds 6 eggs. Ann has 5 boxes and breaks 4 eggs. How many eggs are whole?",
    "Ann has 6 x 5 = 30 eggs.\n30 - 4 = 26 eggs are whole.\n 26",
    ["Ann has 6 x 5 = 35 eggs.", "35 - 4 = 31 eggs are whole.", " 31"], 0,
    "Ann has 6 x 5 = 30 eggs. So 30 - 4 = 26 eggs are whole.")


def _vtg_report(tmp_path, records):
    """Run ``tutor eval verify --format vtg`` on ``records``; return the report."""
    data = tmp_path / "vtg.json"
    data.write_text(json.dumps(records))
    out = tmp_path / "report.json"
    assert main(["eval", "verify", "--data", str(data), "--format", "vtg", "--model", "none",
                 "--out", str(out)]) == 0
    return json.loads(out.read_text())


def test_vtg_harness_end_to_end(tmp_path, capsys):
    rep = _vtg_report(tmp_path, [RECORD, RECORD2])
    assert rep["n_solutions"] == 4
    assert rep["micro_f1"] == 1.0
    assert rep["binary_f1"] == 1.0
    assert rep["per_category"]["correct"] == {"accuracy": 1.0, "n": 2}
    assert rep["seconds_per_solution"] >= 0
    assert "micro_f1" in capsys.readouterr().out


def test_processbench_harness_end_to_end(tmp_path):
    rows = [{"id": "a", "problem": "What is 3 times 4, minus 2?", "steps": ["3 x 4 = 12", "12 - 2 = 10"], "label": -1},
            {"id": "b", "problem": "What is 3 times 4, minus 2?", "steps": ["3 x 4 = 12", "12 - 2 = 9"], "label": 1}]
    data = tmp_path / "pb.json"
    data.write_text(json.dumps(rows))
    out = tmp_path / "pb_report.json"
    assert main(["eval", "verify", "--data", str(data), "--format", "processbench", "--model", "none",
                 "--out", str(out)]) == 0
    rep = json.loads(out.read_text())
    assert (rep["n"], rep["acc_error"], rep["acc_correct"], rep["f1"]) == (2, 100.0, 100.0, 100.0)


def test_metric_arithmetic():
    assert processbench_metrics([0, 2, 1], [0, 2, 0]) == {
        "f1": 66.67, "acc_error": 100.0, "acc_correct": 50.0, "n": 3, "n_error": 1, "n_correct": 2}
    m = vtg_metrics([0, 2, 1, 0], [0, 3, 1, 1], ["correct", "x", "x", "x"])
    assert m["micro_f1"] == 0.5
    assert m["binary_f1"] == pytest.approx(0.8)
    assert m["per_category"]["x"] == {"accuracy": pytest.approx(0.3333, abs=1e-4), "n": 3}


def test_vtg_categories_map_onto_the_tutor_categories():
    from tutor.eval.verify import VTG_CATEGORY
    from tutor.schema import ERROR_CATEGORIES

    assert set(VTG_CATEGORY.values()) <= set(ERROR_CATEGORIES)
    assert VTG_CATEGORY["Extra quantity or Missing quantity"] == "Extra or missing quantity"
    assert VTG_CATEGORY["Reached correct solution but proceeded further"] == "Went past the answer"


def _written(rid, process, verdict, error_type=None):
    """A MathEDU-shaped record: a written (LaTeX) solution and the teacher's verdict."""
    review = {"error": [{"error_type": error_type, "error_equation": ""}]} if error_type else {}
    return {"id": rid, "student_process": process, "correct_or_not": verdict,
            "teacher_review": review}


def test_written_work_harness(tmp_path):
    """Correct LaTeX work is not accused (nested fractions, aligned rows, a ratio); an
    arithmetic slip is caught; an unreadable solution counts as not flagged."""
    rows = [
        _written(1, "\\begin{aligned} & \\frac{\\frac{4}{10}}{\\frac{7}{10}}=\\frac{4}{7} \\\\ "
                    "& 600 \\times \\frac{4}{7} \\\\ = & 342.86 \\end{aligned}", "correct"),
        _written(2, "$$ a: b=3: 5 $$ $$ 240 \\div(3+5) \\times 3=90 $$", "correct"),
        _written(3, "\\begin{aligned} & 6 \\times 7=42 \\\\ & 42+8=52 \\end{aligned}", "wrong",
                 "Arithmetical error"),
        _written(4, "\x00\x01", "wrong", "Comprehension error"),
    ]
    data = tmp_path / "mathedu.json"
    data.write_text(json.dumps(rows))
    out = tmp_path / "report.json"
    assert main(["eval", "verify", "--data", str(data), "--format", "mathedu", "--out", str(out)]) == 0
    rep = json.loads(out.read_text())
    assert rep["n"] == 4 and rep["n_correct"] == 2 and rep["n_arith_error"] == 1
    assert rep["false_alarm_rate"] == 0.0
    assert rep["arith_error_recall"] == 1.0
    # steps: a row and a chain continued on the next row ("= & 342.86"); 2 display blocks;
    # 2 rows; 0 for the junk
    assert rep["steps_per_solution"] == round((2 + 2 + 2 + 0) / 4, 2)


def test_vtg_harness_reports_calibration_and_survives_an_empty_solution(tmp_path):
    empty = {**RECORD2, "id": "t3", "student_correct_response": ""}
    rep = _vtg_report(tmp_path, [RECORD, empty])
    assert rep["verdicts"]["correct"] == {"correct": 1, "unsure": 1}  # nothing to check: "unsure"
    assert rep["verdicts"]["wrong"] == {"incorrect": 2}
    assert rep["accused_correct_rate"] == 0.0 and rep["unsure_correct_rate"] == 0.5
    assert rep["calibration"]["solution"]["n"] == 3  # the empty solution has no probability
    assert rep["calibration"]["step"]["n"] == 2 + 1 + 2  # wrong: steps to the first error; correct: all


def test_verify_train_on_one_distillation_fold(tmp_path):
    from tutor.distill.sources import vtg_fold

    records = [dict(base, id=f"r{i}", problem=f"{base['problem']} (#{i})")
               for i, base in enumerate([RECORD, RECORD2] * 6)]
    in_eval = [r["id"] for r in records if vtg_fold(r["id"]) == "eval"]  # one record per problem
    assert 2 <= len(in_eval) < len(records)  # the fold rule splits these ids
    data = tmp_path / "vtg.json"
    data.write_text(json.dumps(records))
    out, weights = tmp_path / "cv.json", tmp_path / "weights"
    assert main(["eval", "verify-train", "--data", str(data), "--vtg-fold", "eval", "--folds", "2",
                 "--model-dir", str(weights), "--out", str(out)]) == 0
    rep = json.loads(out.read_text())
    assert (rep["vtg_fold"], rep["n_records"]) == ("eval", len(in_eval))
    meta = json.loads((weights / "combiner_ref.json").read_text())["meta"]
    assert meta["vtg_fold"] == "eval" and meta["n_solutions"] == 2 * len(in_eval) and "scorer" not in meta
    assert not (weights / "combiner_ref_model.json").exists()  # no model: the symbolic files


def test_bench_verify_times_solutions_of_the_given_length(tmp_path):
    data = tmp_path / "vtg.json"
    data.write_text(json.dumps([dict(RECORD, id=f"r{i}") for i in range(4)]))
    out = tmp_path / "bench.json"
    # RECORD's wrong solution has 3 steps; its correct counterpart is split by the parser
    assert main(["bench", "verify", "--data", str(data), "--steps", "3", "--n", "2", "--no-model",
                 "--out", str(out)]) == 0
    rep = json.loads(out.read_text())
    assert (rep["steps"], rep["n"], rep["model_used"]) == (3, 2, False)
    assert 0 <= rep["median_s"] <= rep["max_s"]
    # no solution of 9 steps: a clear message and exit status 2
    assert main(["bench", "verify", "--data", str(data), "--steps", "9", "--no-model", "--out", str(out)]) == 2


def test_cross_validation_fold_seeds_reassign_groups_not_solutions():
    from tutor.verify.combiner import cross_validate

    sols = [([{"x": float(i % 5)}, {"x": float(i % 3)}], i % 3) for i in range(40)]
    groups = [f"g{i // 2}" for i in range(40)]
    runs = [cross_validate(sols, ["x"], groups, folds=4, c=1.0, seed=s)["hazards"] for s in (0, 0, 1)]
    assert runs[0] == runs[1]  # deterministic
    assert runs[0] != runs[2]  # another assignment: other training folds, other out-of-fold hazards
    # a problem's two solutions (same features here) share a fold under every seed, so they
    # are scored by the same fitted model
    twins = [([{"x": float(i // 2 % 5)}], i % 2) for i in range(40)]
    for seed in (0, 1, 2):
        hz = cross_validate(twins, ["x"], groups, folds=4, c=1.0, seed=seed)["hazards"]
        assert all(hz[i] == hz[i + 1] for i in range(0, 40, 2))


def test_verify_train_reports_each_fold_seed(tmp_path):
    records = [dict(base, id=f"r{i}", problem=f"{base['problem']} (#{i})")
               for i, base in enumerate([RECORD, RECORD2] * 6)]
    data = tmp_path / "vtg.json"
    data.write_text(json.dumps(records))
    out = tmp_path / "cv.json"
    assert main(["eval", "verify-train", "--data", str(data), "--folds", "2", "--cv-seeds", "3",
                 "--model-dir", str(tmp_path / "w"), "--out", str(out)]) == 0
    cv = json.loads(out.read_text())["reference"]["cv"]
    assert len(cv["micro_f1_seeds"]) == 3 and cv["micro_f1_seeds"][0] == cv["micro_f1"]
    assert cv["micro_f1_seed_mean"] == pytest.approx(sum(cv["micro_f1_seeds"]) / 3, abs=1e-4)


def test_verify_train_with_one_problem_says_why(tmp_path, capsys):
    # copies of one problem share a fold (VtG repeats solutions under other ids): nothing to
    # cross-validate on, and the message says so instead of a numpy error
    data = tmp_path / "vtg.json"
    data.write_text(json.dumps([dict(RECORD, id=f"r{i}") for i in range(6)]))
    assert main(["eval", "verify-train", "--data", str(data), "--folds", "2",
                 "--model-dir", str(tmp_path / "w"), "--out", str(tmp_path / "cv.json")]) == 2
    assert "all fall in one" in capsys.readouterr().err


class _ConstantScorer:
    """A step scorer that says the same of every step (carries no information)."""

    name, adapter = "constant", None

    def score(self, prompt, continuations):
        return [-0.5, -0.5]


def _model_fit_files(tmp_path, monkeypatch):
    """``(data, out, weights)`` for a verify-train run with a constant step scorer on 12 records."""
    monkeypatch.setattr("tutor.llm.load_student_model", lambda settings: _ConstantScorer())
    records = [dict(base, id=f"r{i}", problem=f"{base['problem']} (#{i})")
               for i, base in enumerate([RECORD, RECORD2] * 6)]
    data, out, weights = tmp_path / "vtg.json", tmp_path / "cv.json", tmp_path / "w"
    data.write_text(json.dumps(records))
    weights.mkdir()
    return data, out, weights


@pytest.mark.parametrize("min_gain, kept", [(0.005, False), (-1.0, True)])
def test_verify_train_keeps_a_model_combiner_only_where_it_helps(tmp_path, monkeypatch, min_gain, kept):
    data, out, weights = _model_fit_files(tmp_path, monkeypatch)
    stale = weights / "combiner_ref_model.json"
    stale.write_text("{}")  # from an earlier fit: must not outlive a fit that drops it
    assert main(["eval", "verify-train", "--data", str(data), "--folds", "2", "--model", "student",
                 "--score-cache", "none", "--min-gain", str(min_gain), "--model-dir", str(weights),
                 "--out", str(out)]) == 0
    gain = json.loads(out.read_text())["reference"]["cv"]["model_gain"]
    assert gain["gain"] == 0.0 and gain["kept"] is kept  # a constant score changes no prediction
    assert stale.exists() is kept
    if kept:
        meta = json.loads(stale.read_text())["meta"]
        assert meta["scorer"] == "constant+none" and meta["model_gain"]["kept"] is True


def test_verify_train_writes_model_combiners_only_for_the_chosen_modes(tmp_path, monkeypatch):
    data, out, weights = _model_fit_files(tmp_path, monkeypatch)
    stale = weights / "combiner_free_model.json"
    stale.write_text("{}")  # the free mode is not chosen (the default): its file goes
    assert main(["eval", "verify-train", "--data", str(data), "--folds", "2", "--model", "student",
                 "--score-cache", "none", "--min-gain", "-1", "--model-dir", str(weights),
                 "--out", str(out)]) == 0
    report = json.loads(out.read_text())
    assert report["free"] == {"weights": None, "skipped": "not in --model-modes"}
    assert not stale.exists() and (weights / "combiner_ref_model.json").exists()


def test_vtg_cross_validation_of_the_whole_verifier(tmp_path, capsys):
    records = [dict(base, id=f"r{i}", problem=f"{base['problem']} (#{i})")
               for i, base in enumerate([RECORD, RECORD2] * 6)]
    data = tmp_path / "vtg.json"
    data.write_text(json.dumps(records))
    out = tmp_path / "cv.json"
    assert main(["eval", "verify", "--data", str(data), "--format", "vtg", "--model", "none",
                 "--cv", "2", "--cv-seeds", "2", "--out", str(out)]) == 0
    rep = json.loads(out.read_text())
    # every slip is a written computation proven wrong: found whatever the fold's weights
    assert rep["cv"]["micro_f1_seeds"] == [1.0, 1.0] and rep["cv"]["micro_f1_seed_mean"] == 1.0
    assert rep["micro_f1"] == 1.0 and rep["n_solutions"] == 24
    assert "cv_micro_f1_seed_mean" in capsys.readouterr().out


def test_vtg_cross_validation_only_where_it_means_something(tmp_path, capsys):
    data = tmp_path / "pb.json"
    data.write_text(json.dumps([{"id": "a", "problem": "What is 3 times 4?", "steps": ["3 x 4 = 12"], "label": -1}]))
    assert main(["eval", "verify", "--data", str(data), "--format", "processbench", "--model", "none",
                 "--cv", "5", "--out", str(tmp_path / "r.json")]) == 2
    assert "--cv" in capsys.readouterr().err


def test_fold_combiners_never_see_the_fold_they_judge(monkeypatch):
    from tutor.eval import verify as ev
    from tutor.verify import combiner

    # each "combiner" is the set of solution ids it was fitted on
    monkeypatch.setattr(combiner, "fit_combiner", lambda sols, *a, **k: {f[0]["id"] for f, _ in sols})
    groups = [f"p{i // 2}" for i in range(20)]  # a problem's wrong and right solutions: one group
    sols = [([{"id": i}], i % 2) for i in range(20)]
    fitted = ev._fold_combiners(sols, groups, True, 4, seed=1)
    folds = combiner.fold_assignment(groups, 4, seed=1)
    for i, seen in enumerate(fitted):
        assert seen == {j for j in range(20) if folds[j] != folds[i]}
    assert combiner.fold_assignment(groups, 4, seed=0) != folds  # another assignment per seed
    assert all(folds[i] == folds[i + 1] for i in range(0, 20, 2))
