"""``tutor eval verify``: first-wrong-step benchmarks (VtG, ProcessBench), and
``tutor eval verify-train``: fit the verifier's combiner with cross-validation.

VtG protocol (Daheim et al., EMNLP 2024): each record contributes its incorrect solution
(steps as given, label = ``incorrect_index + 1``) and its correct counterpart
``student_correct_response`` split into steps by :func:`tutor.steps.split_steps` (label 0).
micro-F1 is the accuracy of the predicted label over both; binary F1 scores "is it wrong".
ProcessBench (Zheng et al., 2024): label = index of the first wrong step (-1 = none); ``f1`` is
the harmonic mean of the accuracy on erroneous and on correct samples, in percent as published.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from tutor.errors import TutorInputError
from tutor.eval.calibration import hazard_calibration
from tutor.eval.common import progress, read_records, write_report
from tutor.verify.combiner import FIT_C

log = logging.getLogger(__name__)


def register(subparsers) -> None:
    """Add ``verify`` and ``verify-train`` to the ``tutor eval`` group."""
    p = subparsers.add_parser("verify", help="first-wrong-step accuracy on VtG / ProcessBench files")
    p.add_argument("--data", required=True, help="VtG .json or ProcessBench .json/.jsonl file")
    p.add_argument("--format", choices=("vtg", "processbench", "cogtutorbugs", "mathedu", "gsm8k"), required=True,
                   help="cogtutorbugs: algebra steps (eq1 -> eq2) checked for equivalence, and true ones for "
                        "progress toward solved form (strategy notes); "
                        "mathedu: arithmetic checks on real written (LaTeX) student work; "
                        "gsm8k: correct worked solutions read without a reference (how often right "
                        "work is accused or doubted, as the app checks a typed-in problem)")
    p.add_argument("--no-reference", action="store_true", help="hide reference solutions (VtG)")
    p.add_argument("--limit", type=int, default=None, help="first N records only")
    p.add_argument("--model", choices=("student", "none"), default="student",
                   help="student model as the app uses it (loaded only if the combiner reads it)")
    p.add_argument("--cv", type=int, default=0, metavar="K",
                   help="VtG, --model none: grouped K-fold CV of the whole verifier (each fold's solutions "
                        "judged by a combiner fitted on the other folds, as verify-train fits it), the honest "
                        "dev number: the shipped combiners were fitted on all of dev")
    p.add_argument("--cv-seeds", type=int, default=1,
                   help="with --cv: repeat with this many fold assignments; the report adds each one's "
                        "micro-F1 / binary F1 and their mean (the other numbers are from the first)")
    p.add_argument("--out", required=True, help="report JSON path")
    p.set_defaults(func=run)
    t = subparsers.add_parser("verify-train", help="fit the verifier combiner on VtG data (grouped CV)")
    t.add_argument("--data", required=True, help="VtG .json file")
    t.add_argument("--folds", type=int, default=5)
    t.add_argument("--c", type=float, default=FIT_C, help="inverse L2 strength of the logistic model")
    t.add_argument("--cv-seeds", type=int, default=1,
                   help="repeat the CV with this many fold assignments; the report adds each one's "
                        "micro-F1 / F1 and their mean (the other numbers are from the first)")
    t.add_argument("--processbench", default=None,
                   help="also fit the model-written-solution combiner on this ProcessBench file")
    t.add_argument("--process-vtg", choices=("mix", "none"), default="mix",
                   help="mix: the ProcessBench combiner also learns from the --data solutions read "
                        "without their reference (grade-school word problems beside competition math); "
                        "none: ProcessBench alone")
    t.add_argument("--model", choices=("none", "student"), default="none",
                   help="add the student model's step score as a feature (slow on CPU)")
    t.add_argument("--model-features", default=None,
                   help="comma-separated subset of the model features to use (an ablation; default all: "
                        "model_logit,model_drop)")
    t.add_argument("--min-gain", type=float, default=0.005,
                   help="with --model student: write a mode's model combiner only when its CV micro-F1 "
                        "(ProcessBench: F1/100; mean over --cv-seeds) beats the symbolic evidence alone by "
                        "at least this much; otherwise remove it, so the verifier skips the scorer there")
    t.add_argument("--model-modes", default="reference",
                   help="with --model student: the modes (comma-separated: reference,free,process) whose "
                        "model combiner may be written; the others' are removed. Default reference: without a "
                        "reference the step score doubted short typed right work (docs/benchmarks.md, v16)")
    t.add_argument("--model-dir", default=None, help="where to write weights (default models/verifier)")
    t.add_argument("--vtg-fold", choices=("all", "train", "eval"), default="all",
                   help="VtG records of this distillation fold only (tutor.distill.sources.vtg_folds); "
                        "'eval' = those the shipped adapter never saw, for combiners that read its score")
    t.add_argument("--score-cache", default=None,
                   help="step score cache (JSON) for --model student; default "
                        "<cache_dir>/verifier/step-scores.json, 'none' = do not cache")
    t.add_argument("--out", required=True, help="CV report JSON path")
    t.set_defaults(func=run_train)


def _model_earns_its_pass(metrics: dict[str, Any], sols, names: tuple[str, ...], extra: tuple[str, ...],
                          groups: list[str], args, objective: str, score, mode: str) -> bool:
    """Whether the combiner with the model's features beats the symbolic evidence alone by
    ``args.min_gain`` (same solutions, folds and fold seeds). Records the comparison in
    ``metrics["model_gain"]``. A forward pass of the scorer is ~0.8 s of a 2-core CPU per
    solution: it is paid only where it is measured to help."""
    from tutor.verify.combiner import cross_validate

    key = "f1" if mode == "process" else "micro_f1"
    unit = 100.0 if key == "f1" else 1.0
    base = tuple(n for n in names if n not in extra)
    seeds = range(max(args.cv_seeds, 1))
    symbolic = [score(cross_validate(sols, base, groups, folds=args.folds, c=args.c, objective=objective,
                                     seed=k)["preds"])[key] for k in seeds]
    with_model = metrics.get(f"{key}_seeds", [metrics[key]])
    gain = (sum(with_model) / len(with_model) - sum(symbolic) / len(symbolic)) / unit
    metrics["model_gain"] = {f"symbolic_{key}_seed_mean": round(sum(symbolic) / len(symbolic), 4),
                             f"model_{key}_seed_mean": round(sum(with_model) / len(with_model), 4),
                             "gain": round(gain, 4), "min_gain": args.min_gain,
                             "kept": gain >= args.min_gain}
    return gain >= args.min_gain


# --------------------------------------------------------------------------- data
def vtg_solutions(records: list[dict[str, Any]], reference: bool = True):
    """Yield ``(problem, steps, label, category, group)`` for VtG records (see module doc).

    ``group`` is the problem (:func:`tutor.distill.sources.problem_key`), not the record id:
    VtG repeats a student solution under several ids, and cross-validation must keep the
    copies in one fold.
    """
    from tutor.distill.sources import problem_key
    from tutor.schema import Problem, Step
    from tutor.steps import split_steps

    for r in records:
        ref = [ln for ln in str(r.get("reference_solution") or "").split("\n") if ln.strip()]
        problem = Problem(text=r["problem"], reference_solution=ref if (reference and ref) else None)
        wrong = [Step(i, s.strip(), s) for i, s in enumerate(r["student_incorrect_solution"], 1)]
        group = problem_key(r["problem"])
        yield problem, wrong, int(r["incorrect_index"]) + 1, r.get("error_category") or "Other", group
        right = [Step(i, s, s) for i, s in enumerate(split_steps(r["student_correct_response"]), 1)]
        yield problem, right, 0, "correct", group


def gsm8k_solutions(records: list[dict[str, Any]]):
    """Yield ``(problem, steps, 0, "correct", group)`` for GSM8K records: the worked solution
    (``answer`` up to ``####``), one step per line, calculator notes ``<<48/2=24>>`` removed;
    no reference (the app's case for a problem the student types in)."""
    from tutor.schema import Problem, Step

    for i, r in enumerate(records):
        work = str(r.get("answer") or "").split("####")[0]
        lines = [re.sub(r"<<[^>]*>>", "", ln).strip() for ln in work.split("\n")]
        steps = [Step(k, ln, ln) for k, ln in enumerate((ln for ln in lines if ln), 1)]
        yield Problem(text=str(r.get("question") or "")), steps, 0, "correct", str(i)


def processbench_solutions(records: list[dict[str, Any]]):
    """Yield ``(problem, steps, label, category, group)``; label 0 when no step is wrong."""
    from tutor.schema import Problem, Step

    for r in records:
        steps = [Step(i, s.strip(), s) for i, s in enumerate(r["steps"], 1)]
        label = int(r["label"]) + 1 if int(r["label"]) >= 0 else 0
        yield Problem(text=r["problem"]), steps, label, "error" if label else "correct", r.get("id", "")


# --------------------------------------------------------------------------- metrics
#: VtG error categories -> the tutor's (``tutor.schema.ERROR_CATEGORIES``).
VTG_CATEGORY = {
    "Calculation error easily solved by a calculator": "Calculation error",
    "Missing / Wrong factual knowledge": "Missing / Wrong factual knowledge",
    "Misunderstanding of a question": "Misunderstanding of the question",
    "Extra quantity or Missing quantity": "Extra or missing quantity",
    "Reached correct solution but proceeded further": "Went past the answer",
    "Unit conversion error": "Wrong unit conversion",
    "None of the above": "Other",
}


def binary_f1(preds: list[int], labels: list[int]) -> float:
    """F1 of "the solution is wrong" (label > 0)."""
    from tutor.verify.combiner import binary_f1 as f1

    return f1(preds, labels)


def vtg_metrics(preds: list[int], labels: list[int], cats: list[str]) -> dict[str, Any]:
    """``micro_f1`` (accuracy of the label, 0 = correct), ``binary_f1``, ``per_category``."""
    by = defaultdict(list)
    for p, y, c in zip(preds, labels, cats):
        by[c].append(p == y)
    return {
        "micro_f1": round(sum(p == y for p, y in zip(preds, labels)) / max(len(labels), 1), 4),
        "binary_f1": round(binary_f1(preds, labels), 4),
        "per_category": {c: {"accuracy": round(sum(v) / len(v), 4), "n": len(v)} for c, v in sorted(by.items())},
    }


def processbench_metrics(preds: list[int], labels: list[int]) -> dict[str, Any]:
    """Accuracy on erroneous / correct samples and their harmonic mean, in percent."""
    err = [p == y for p, y in zip(preds, labels) if y]
    cor = [p == y for p, y in zip(preds, labels) if not y]
    acc_e = 100 * sum(err) / len(err) if err else 0.0
    acc_c = 100 * sum(cor) / len(cor) if cor else 0.0
    f1 = 2 * acc_e * acc_c / (acc_e + acc_c) if acc_e + acc_c else 0.0
    return {"f1": round(f1, 2), "acc_error": round(acc_e, 2), "acc_correct": round(acc_c, 2),
            "n": len(labels), "n_error": len(err), "n_correct": len(cor)}


def verdict_outcomes(verdicts: list[str], labels: list[int]) -> dict[str, Any]:
    """How the three-way verdict ("correct" / "incorrect" / "unsure") splits each kind of solution.

    Returns:
        ``verdicts``: counts by verdict for wrong (label > 0) and for correct solutions;
        ``accused_correct_rate``: share of correct solutions called "incorrect";
        ``unsure_correct_rate`` / ``unsure_wrong_rate``: share of each kind left "unsure";
        ``passed_wrong_rate``: share of wrong solutions called "correct".
    """
    table = {"wrong": defaultdict(int), "correct": defaultdict(int)}
    for v, y in zip(verdicts, labels):
        table["wrong" if y else "correct"][v] += 1
    n_w, n_c = sum(table["wrong"].values()), sum(table["correct"].values())

    def share(kind: str, verdict: str, n: int) -> float | None:
        return round(table[kind][verdict] / n, 4) if n else None

    return {"verdicts": {k: dict(sorted(v.items())) for k, v in table.items()},
            "accused_correct_rate": share("correct", "incorrect", n_c),
            "unsure_correct_rate": share("correct", "unsure", n_c),
            "unsure_wrong_rate": share("wrong", "unsure", n_w),
            "passed_wrong_rate": share("wrong", "correct", n_w)}


# --------------------------------------------------------------------------- commands
def run(args: argparse.Namespace) -> int:
    """Run the benchmark and write the report; prints the headline numbers."""
    from tutor.verify import Verifier
    from tutor.verify.features import solution_evidence

    records = read_records(args.data, args.limit)
    if not records:
        raise TutorInputError(f"{args.data} holds no records")
    if args.format == "cogtutorbugs":
        return _run_algebra(args, records)
    if args.format == "mathedu":
        return _run_written(args, records)
    from tutor.verify.combiner import MODEL_DIR
    from tutor.verify.verifier import model_combiner_file

    free_weights = "process" if args.format == "processbench" else "free"
    with_ref = args.format == "vtg" and not args.no_reference
    model = None
    if args.model == "student" and (MODEL_DIR / model_combiner_file("reference" if with_ref else free_weights)).exists():
        from tutor.config import load_settings
        from tutor.llm import load_student_model

        model = load_student_model(load_settings())
    verifier = Verifier(model, free_weights=free_weights)
    rows = list(vtg_solutions(records, reference=with_ref) if args.format == "vtg"
                else gsm8k_solutions(records) if args.format == "gsm8k" else processbench_solutions(records))
    seeds = [None]
    if args.cv:
        if args.format != "vtg" or model is not None or args.cv < 2:
            raise TutorInputError("--cv K (K >= 2) applies to --format vtg with --model none")
        seeds = list(range(max(args.cv_seeds, 1)))
        sols = [(solution_evidence(problem, steps, use_reference=with_ref).features, label)
                for problem, steps, label, _, _ in progress(rows, "features (cv)", total=len(rows))]
    runs = []
    for seed in seeds:
        combiners = None if seed is None else _fold_combiners(sols, [r[4] for r in rows], with_ref, args.cv, seed)
        runs.append(_verify_rows(verifier, rows, "reference" if with_ref else "free", combiners,
                                 f"verify {args.format}" + ("" if seed is None else f" (cv seed {seed})")))
    out = runs[0]
    preds, labels, cats, verdicts = out["preds"], out["labels"], out["cats"], out["verdicts"]
    report: dict[str, Any] = {"data": str(args.data), "format": args.format,
                              "reference": with_ref, "model": args.model,
                              "model_used": verifier.needs_model(with_ref)}
    if args.format == "vtg":
        report.update(vtg_metrics(preds, labels, cats))
        report["n_solutions"] = len(labels)
        # error category right, among incorrect solutions whose first wrong step was found
        cat_hits = out["cat_hits"]
        report["category_accuracy"] = round(sum(cat_hits) / len(cat_hits), 4) if cat_hits else None
    elif args.format == "processbench":
        report.update(processbench_metrics(preds, labels))
    else:  # gsm8k: right work only
        report["n"] = len(labels)
    if args.cv:
        scored = [vtg_metrics(r["preds"], labels, cats) for r in runs]
        report["cv"] = {"folds": args.cv, "c": FIT_C,
                        "micro_f1_seeds": [m["micro_f1"] for m in scored],
                        "binary_f1_seeds": [m["binary_f1"] for m in scored],
                        "micro_f1_seed_mean": round(statistics.fmean(m["micro_f1"] for m in scored), 4),
                        "binary_f1_seed_mean": round(statistics.fmean(m["binary_f1"] for m in scored), 4)}
    report.update(verdict_outcomes(verdicts, labels))
    for key in ("units_flagged", "ratio_flagged", "relation_flagged", "strategy_noted"):
        report[key] = out[key]
    secs = out["secs"]
    report["calibration"] = hazard_calibration(out["hazards"], labels, out["p_wrong"])
    report["seconds_per_solution"] = round(statistics.median(secs), 4) if secs else 0.0
    report["seconds_per_solution_mean"] = round(statistics.fmean(secs), 4) if secs else 0.0
    write_report(args.out, report)
    keys = {"vtg": ("micro_f1", "binary_f1", "n_solutions"), "gsm8k": ("n", "unsure_correct_rate", "units_flagged", "ratio_flagged",
                                                                "relation_flagged", "strategy_noted")}.get(
        args.format, ("f1", "acc_error", "acc_correct", "n"))
    print(json.dumps({**{k: report[k] for k in keys + ("accused_correct_rate", "seconds_per_solution")},
                      "step_ece": report["calibration"]["step"]["ece"],
                      **({"cv_micro_f1_seed_mean": report["cv"]["micro_f1_seed_mean"]} if args.cv else {})}))
    return 0


def _fold_combiners(sols, groups: list[str], with_ref: bool, folds: int, seed: int) -> list:
    """Per solution, the combiner fitted (as ``verify-train`` fits it, C = :data:`FIT_C`) on the
    solutions of the other folds (:func:`tutor.verify.combiner.fold_assignment`)."""
    from tutor.verify.combiner import fit_combiner, fold_assignment
    from tutor.verify.features import FEATURES_FREE, FEATURES_REF

    fold_of = fold_assignment(groups, folds, seed)
    if len(set(fold_of)) < 2:
        raise TutorInputError(f"--cv needs problems in at least two of the {folds} folds")
    names = FEATURES_REF if with_ref else FEATURES_FREE
    fitted = {k: fit_combiner([s for s, f in zip(sols, fold_of) if f != k], names, c=FIT_C, objective="accuracy")
              for k in sorted(set(fold_of))}
    return [fitted[f] for f in fold_of]


def _verify_rows(verifier, rows: list, mode: str, combiners: list | None, desc: str) -> dict[str, Any]:
    """Judge each ``(problem, steps, label, category, group)`` row; with ``combiners`` (one per
    row), row i is judged with ``combiners[i]`` as the ``mode`` combiner. Returns the lists the
    report is built from (``preds``, ``labels``, ``cats``, ``verdicts``, ``secs``, ``hazards``,
    ``p_wrong``, ``cat_hits``) and the counts of each kind of finding."""
    out: dict[str, Any] = {k: [] for k in ("preds", "labels", "cats", "secs", "cat_hits", "verdicts",
                                           "hazards", "p_wrong")}
    out.update(units_flagged=0, ratio_flagged=0, relation_flagged=0, strategy_noted=0)
    for i, (problem, steps, label, cat, _) in enumerate(progress(rows, desc, total=len(rows))):
        if combiners is not None:
            verifier.combiners[mode] = combiners[i]
        t0 = time.perf_counter()
        verdict = verifier.verify(problem, steps)
        out["secs"].append(time.perf_counter() - t0)
        out["preds"].append(verdict.first_error_step or 0)
        out["verdicts"].append(verdict.label)
        out["units_flagged"] += "units" in verdict.evidence
        out["ratio_flagged"] += "ratio" in verdict.evidence  # ratios worked by adding (tutor.proportion)
        out["relation_flagged"] += "relation" in verdict.evidence  # mean, percent change, rectangle
        # solutions with a right algebra step that got no closer to solved form (a note, not an error)
        out["strategy_noted"] += "strategy" in verdict.evidence
        out["hazards"].append(verdict.step_error_probs)
        # no steps to check: no probability either (scored as "unsure", left out of calibration)
        out["p_wrong"].append(verdict.evidence.get("combiner", {}).get("p_wrong"))
        if label and verdict.first_error_step == label and cat in VTG_CATEGORY:
            out["cat_hits"].append(verdict.error_category == VTG_CATEGORY[cat])
        out["labels"].append(label)
        out["cats"].append(cat)
    return out


def _run_algebra(args: argparse.Namespace, records: list[dict[str, Any]]) -> int:
    """CogTutorBugs: a step is flagged when ``equivalent_equations(eq1, eq2)`` is ``False``;
    accuracy against the ``Outcome`` column (``BUG`` = should be flagged).

    Most of its bugs are true steps that do not bring the unknown closer to being on its own
    (dividing -x = -7 by 1, y/9 = -6 by 9; adding 2 to remove a 2): those get a strategy note
    (:func:`tutor.derivation.strategy_note`), never an error. The report adds
    ``strategy_flagged`` (share of steps with a note), ``flagged_any`` (not equivalent, or a
    note), ``strategy_kinds`` (notes by kind) and, per ``Label Name``, ``per_label`` (share
    flagged either way) and ``per_label_n`` (steps); ``accuracy`` stays the equivalence check's.
    """
    from tutor.derivation import strategy_note
    from tutor.mathcheck import equivalent_equations

    hits, undecided, secs = 0, 0, []
    noted, kinds = 0, defaultdict(int)
    by_label: dict[str, list[bool]] = defaultdict(list)
    for r in progress(records, "algebra steps"):
        t0 = time.perf_counter()
        same = equivalent_equations(str(r["eq1"]), str(r["eq2"]))
        note = strategy_note(str(r["eq1"]), str(r["eq2"])) if same else None
        secs.append(time.perf_counter() - t0)
        undecided += same is None
        hits += (same is False) == (str(r.get("Outcome", "BUG")).upper() == "BUG")
        if note is not None:
            noted += 1
            kinds[note.kind] += 1
        by_label[str(r.get("Label Name") or r.get("label") or "unlabelled")].append(same is False or note is not None)
    n = len(records)
    flagged = sum(sum(v) for v in by_label.values())
    report = {"data": str(args.data), "format": "cogtutorbugs", "n": n,
              "accuracy": round(hits / n, 4), "undecided": undecided,
              "strategy_flagged": round(noted / n, 4), "flagged_any": round(flagged / n, 4),
              "strategy_kinds": dict(sorted(kinds.items())),
              "per_label": {k: round(sum(v) / len(v), 4) for k, v in sorted(by_label.items())},
              "per_label_n": {k: len(v) for k, v in sorted(by_label.items())},
              "seconds_per_step": round(statistics.median(secs), 4)}
    write_report(args.out, report)
    print(json.dumps({k: report[k] for k in ("accuracy", "strategy_flagged", "flagged_any", "n", "undecided")}))
    return 0


def written_solution_flags(text: str) -> tuple[bool, bool, int]:
    """Parse a written solution and check the arithmetic of every step.

    Returns:
        ``(flagged, checked, n_steps)``: whether some step states a computation that
        :func:`tutor.mathcheck.check_step` finds wrong, whether any computation could be
        checked at all, and how many steps the parser found (0 when the text is unreadable).
    """
    from tutor.mathcheck import check_step
    from tutor.steps import parse_solution

    try:
        steps = parse_solution(text)
    except TutorInputError:
        return False, False, 0
    checks = [check_step(s.text, s.number) for s in steps]
    return (any(c.ok is False for c in checks), any(c.ok is not None for c in checks), len(steps))


def _run_written(args: argparse.Namespace, records: list[dict[str, Any]]) -> int:
    """MathEDU (real student solutions, transcribed to LaTeX, with the teacher's verdict and
    error types): how often the arithmetic check accuses a solution the teacher marked
    correct (``false_alarm_rate``; an upper bound, since a correct final answer can sit on a
    sloppy chain such as ``3 + 4 = 7 + 2 = 9``) and how often it catches one whose error the
    teacher typed as "Arithmetical error" (``arith_error_recall``)."""
    flags: dict[str, list[bool]] = {"correct": [], "arith": []}
    checked, n_steps, secs = 0, [], []
    for r in progress(records, "written solutions"):
        t0 = time.perf_counter()
        flagged, any_checked, n = written_solution_flags(str(r.get("student_process") or ""))
        secs.append(time.perf_counter() - t0)
        checked += any_checked
        n_steps.append(n)
        types = {e.get("error_type") for e in ((r.get("teacher_review") or {}).get("error") or [])}
        if r.get("correct_or_not") == "correct":
            flags["correct"].append(flagged)
        elif "Arithmetical error" in types:
            flags["arith"].append(flagged)
    rate = lambda xs: round(sum(xs) / len(xs), 4) if xs else None  # noqa: E731
    report = {"data": str(args.data), "format": "mathedu", "n": len(records),
              "n_correct": len(flags["correct"]), "n_arith_error": len(flags["arith"]),
              "false_alarm_rate": rate(flags["correct"]), "arith_error_recall": rate(flags["arith"]),
              "checked_rate": round(checked / len(records), 4),
              "steps_per_solution": round(statistics.fmean(n_steps), 2),
              "seconds_per_solution": round(statistics.median(secs), 4)}
    write_report(args.out, report)
    print(json.dumps({k: report[k] for k in ("false_alarm_rate", "arith_error_recall", "n_correct",
                                             "n_arith_error", "steps_per_solution")}))
    return 0


def run_train(args: argparse.Namespace) -> int:
    """Grouped k-fold CV of each combiner, then a fit on all of the data; saves the weights.

    The report holds the out-of-fold (CV) metrics: those are the honest dev numbers, since
    the shipped weights are fitted on the whole dev file. With ``--model student`` a mode's
    model combiner is written only where it beats the symbolic evidence by ``--min-gain``
    (``cv.model_gain`` in the report); otherwise its file is removed and the verifier stays
    symbolic (and skips the scorer) in that mode.
    """
    from tutor.verify.combiner import MODEL_DIR, cross_validate, fit_combiner
    from tutor.verify.features import FEATURES_FREE, FEATURES_REF, MODEL_FEATURES, solution_evidence
    from tutor.verify.scorer import StepScoreCache, scorer_identity, step_correct_probs
    from tutor.verify.verifier import COMBINER_FILES, model_combiner_file

    # checked before the model loads, so a typo fails in a second, not after the load
    chosen = tuple(f.strip() for f in (args.model_features or ",".join(MODEL_FEATURES)).split(","))
    if not set(chosen) <= set(MODEL_FEATURES):
        raise TutorInputError(f"--model-features: choose from {', '.join(MODEL_FEATURES)}")
    model = cache = None
    if args.model == "student":
        from tutor.config import load_settings
        from tutor.llm import load_student_model

        settings = load_settings()
        model = load_student_model(settings)
        if args.score_cache != "none":
            cache = StepScoreCache(args.score_cache or settings.cache_path / "verifier" / "step-scores.json",
                                   model)
    extra = chosen if model is not None else ()
    records = read_records(args.data)
    if args.vtg_fold != "all":
        from tutor.distill.sources import in_vtg_fold

        records = in_vtg_fold(records, args.vtg_fold)
    out_dir = Path(args.model_dir) if args.model_dir else MODEL_DIR
    report: dict[str, Any] = {"data": str(args.data), "folds": args.folds, "c": args.c,
                              "model": args.model, "vtg_fold": args.vtg_fold,
                              "n_records": len(records)}
    jobs = [("reference", FEATURES_REF, lambda: vtg_solutions(records, True), 2 * len(records), "accuracy"),
            ("free", FEATURES_FREE, lambda: vtg_solutions(records, False), 2 * len(records), "accuracy")]
    if args.processbench:
        pb = read_records(args.processbench)
        mixed = records if args.process_vtg == "mix" else []

        def process_rows():
            # a MATH-only combiner hardly ever accuses a word-problem step (PB-style F1 4 on VtG
            # read without references), so word problems are mixed in: see docs/benchmarks.md
            yield from processbench_solutions(pb)
            for problem, steps, label, cat, group in vtg_solutions(mixed, False):
                yield problem, steps, label, cat, f"vtg:{group}"

        jobs.append(("process", FEATURES_FREE, process_rows, len(pb) + 2 * len(mixed), "balanced"))
    modes_with_model = {m.strip() for m in args.model_modes.split(",")}
    for mode, names, rows, total, objective in jobs:
        if model is not None and mode not in modes_with_model:
            (out_dir / model_combiner_file(mode)).unlink(missing_ok=True)
            report[mode] = {"weights": None, "skipped": "not in --model-modes"}
            continue
        sols, groups, cats = [], [], []
        for problem, steps, label, cat, group in progress(rows(), f"features ({mode})", total=total):
            ref = problem.reference_solution
            probs = (None if model is None else cache.probs(problem, steps, ref) if cache is not None
                     else step_correct_probs(model, problem, steps, ref))
            sols.append((solution_evidence(problem, steps, use_reference=bool(ref),
                                           model_probs=probs).features, label))
            groups.append(group)
            cats.append(cat)
        if cache is not None:
            cache.save()
        names = tuple(names) + extra
        cv = cross_validate(sols, names, groups, folds=args.folds, c=args.c, objective=objective)
        labels = [lab for _, lab in sols]

        def score(preds: list[int]) -> dict[str, Any]:
            if mode != "process":
                return vtg_metrics(preds, labels, cats)
            # headline on ProcessBench itself; the mixed-in word problems scored the same way
            n_pb = len(pb)
            out = processbench_metrics(preds[:n_pb], labels[:n_pb])
            if len(preds) > n_pb:
                out["word_problems"] = processbench_metrics(preds[n_pb:], labels[n_pb:])
            return out

        metrics = score(cv.pop("preds"))
        if args.cv_seeds > 1:
            key = "f1" if mode == "process" else "micro_f1"
            runs = [metrics] + [
                score(cross_validate(sols, names, groups, folds=args.folds, c=args.c, objective=objective,
                                     seed=k)["preds"]) for k in range(1, args.cv_seeds)]
            seeds = [m[key] for m in runs]
            metrics[f"{key}_seeds"] = seeds
            metrics[f"{key}_seed_mean"] = round(sum(seeds) / len(seeds), 4)
            if "word_problems" in metrics:
                wp = [m["word_problems"]["f1"] for m in runs]
                metrics["word_problems"]["f1_seed_mean"] = round(sum(wp) / len(wp), 4)
        metrics["calibration"] = hazard_calibration(cv.pop("hazards"), labels, cv.pop("p_wrong"))
        weights = out_dir / (model_combiner_file(mode) if model is not None else COMBINER_FILES[mode])
        if model is not None and not _model_earns_its_pass(metrics, sols, names, extra, groups, args, objective,
                                                           score, mode):
            weights.unlink(missing_ok=True)
            report[mode] = {"cv": metrics, "weights": None}
            print(json.dumps({mode: metrics["model_gain"]}))
            continue
        comb = fit_combiner(sols, names, c=args.c, objective=objective)
        headline = {k: metrics[k] for k in ("micro_f1", "binary_f1", "f1", "acc_error", "acc_correct",
                                            "micro_f1_seed_mean", "f1_seed_mean") if k in metrics}
        if "word_problems" in metrics:
            headline["word_problems_f1"] = metrics["word_problems"].get("f1_seed_mean", metrics["word_problems"]["f1"])
        trained_on = str(args.data)
        if mode == "process":
            trained_on = str(args.processbench) + (f" + {args.data} (no reference)" if args.process_vtg == "mix" else "")
        comb.meta = {"name": f"{mode}", "trained_on": trained_on,
                     "vtg_fold": report["vtg_fold"], "n_solutions": len(sols), "cv": headline,
                     "objective": objective, "date": time.strftime("%Y-%m-%d", time.gmtime())}
        if model is not None:
            comb.meta["scorer"] = scorer_identity(model)
            comb.meta["model_gain"] = metrics["model_gain"]
        comb.save(weights)
        report[mode] = {"cv": metrics, "weights": str(weights)}
        print(json.dumps({mode: headline}))
    write_report(args.out, report)
    return 0
