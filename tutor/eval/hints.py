"""``tutor eval hints``: does the hint ladder teach without telling?

Runs the whole tutor (``Tutor.check`` = parse + verify, then the hint ladder streamed level by
level exactly as the student tab does) on student solutions and writes a JSON report:

* ``leak_rate`` — share of hint ladders (incorrect solutions and, for VtG, their correct
  counterparts) whose hints state the reference final answer in any number format.
  ``plain_digit_leak_rate`` is a naive cross-check (the answer's digits anywhere, step
  pointers such as "step 4" included).
* ``targeted_rate`` (VtG) — share of incorrect solutions whose level-1 hint points at the
  *annotated* first wrong step and names a quantity written in that step (for a step that
  writes no number: a phrase it shares with the problem, e.g. "extra square feet").
* ``verifier_step_accuracy`` / ``targeted_rate_when_located`` (VtG) — share of incorrect
  solutions where the verifier flagged the annotated step, and the targeted rate among those
  (the part of ``targeted_rate`` the hint layer owns).
* ``false_accusation_rate`` (VtG) — share of correct counterparts (``student_correct_response``)
  that receive an error hint (``where``/``concept``/``bottom_out``).
* ``grounded_rate`` — share of ladders with a verifier-flagged step whose level-1 hint points at
  that step and names a quantity of it.
* ``hints_failing_guards`` — shown hints that fail any guard of :func:`tutor.hints.check_hint`
  (only possible for the number-free last-resort wording, which may not name a quantity).
* ``mean_words``, ``n``, ``seconds_to_first_token`` (median seconds from submit to the first
  streamed hint text, parse + verify included).

``--verifier gold`` (VtG only) replaces the verifier by the annotation (first wrong step and
error category): an oracle ablation that measures the hint layer alone. ``--judge MODEL`` adds a
yes/no rubric scored by a larger model (log-probabilities of " yes" vs " no"), reported apart.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``tutor eval hints``."""
    p = sub.add_parser("hints", help="hint ladder: answer leaks, targeting, grounding, accusations")
    p.add_argument("--data", required=True, help="VtG dev.json or MathDial dev.jsonl")
    p.add_argument("--format", required=True, choices=("vtg", "mathdial"))
    p.add_argument("--limit", type=int, help="first N records only")
    p.add_argument("--model", choices=("none", "student"), default="student",
                   help="student: hints worded by the student model; none: fallback wording only")
    p.add_argument("--verifier", choices=("tutor", "gold"), default="tutor",
                   help="tutor: the real verifier; gold (VtG only): the annotated first wrong step")
    p.add_argument("--judge", help="optional judge model (local folder/HF id) for a rubric score")
    p.add_argument("--out", required=True, help="JSON report path")
    p.set_defaults(func=run)


# --------------------------------------------------------------------------- data
@dataclass
class Case:
    """One solution to review.

    Attributes:
        problem: problem with reference solution and final answer.
        solution: the student's solution text.
        wrong: whether the data set says the solution is wrong.
        gold_step: annotated 1-based first wrong step (VtG), else ``None``.
        gold_step_text: the annotated wrong step's text (VtG), else ``""``.
        gold_category: annotated error category (VtG), else ``None``.
    """

    problem: Any
    solution: str
    wrong: bool
    id: str = ""
    gold_step: int | None = None
    gold_step_text: str = ""
    gold_category: str | None = None


def _problem(text: str, reference: str):
    from tutor.schema import Problem

    lines = [ln.strip() for ln in (reference or "").split("\n") if ln.strip()]
    return Problem(text=text, reference_solution=lines or None,
                   final_answer=lines[-1].lstrip("#").strip() if lines else None)


def load_cases(records: list[dict[str, Any]], fmt: str) -> list[Case]:
    """Turn VtG or MathDial records into cases (VtG: each incorrect solution, then its correct
    counterpart)."""
    cases: list[Case] = []
    for i, r in enumerate(records):
        if fmt == "vtg":
            steps = r["student_incorrect_solution"]
            p = _problem(r["problem"], r["reference_solution"])
            rid = r.get("id", str(i))
            cases.append(Case(p, "\n".join(s.strip() for s in steps), True, rid,
                              gold_step=int(r["incorrect_index"]) + 1,
                              gold_step_text=r.get("incorrect_step") or steps[int(r["incorrect_index"])],
                              gold_category=r.get("error_category")))
            if r.get("student_correct_response"):
                cases.append(Case(_problem(r["problem"], r["reference_solution"]),
                                  r["student_correct_response"], False, rid + "/correct"))
        else:
            cases.append(Case(_problem(r["question"], r["ground_truth"]),
                              r["student_incorrect_solution"], True, str(r.get("qid", i))))
    return cases


def gold_verdict(case: Case, steps):
    """The annotation as a verdict (``--verifier gold``): first wrong step, category, and the
    numbers written in that step as its quantities; no corrected value."""
    from tutor.hints import step_quantities
    from tutor.schema import Verdict

    if not case.wrong:
        return Verdict(label="correct", marks=["correct"] * len(steps))
    k = min(case.gold_step or 1, len(steps))
    marks = ["correct"] * (k - 1) + ["first_error"] + ["after_error"] * (len(steps) - k)
    qs = step_quantities(steps[k - 1], Verdict(label="incorrect", quantities=_named(case)))
    return Verdict(label="incorrect", first_error_step=k, marks=marks,
                   error_category=case.gold_category, quantities=qs)


# --------------------------------------------------------------------------- scoring
@dataclass
class Tally:
    """Running counts for the report."""

    ladders: int = 0
    leaks: int = 0
    plain_leaks: int = 0
    step_value_leaks: int = 0
    incorrect: int = 0
    located: int = 0
    targeted: int = 0
    targeted_located: int = 0
    flagged: int = 0
    grounded: int = 0
    counterparts: int = 0
    accused: int = 0
    failing: int = 0
    words: list[int] = field(default_factory=list)
    first_token_s: list[float] = field(default_factory=list)
    sources: dict[str, int] = field(default_factory=dict)
    errors: int = 0
    examples: list[dict[str, Any]] = field(default_factory=list)


def score_ladder(t: Tally, case: Case, steps, verdict, hints) -> None:
    """Add one reviewed case to the tally (see the module docstring for each rate)."""
    from tutor.hints import (
        check_hint,
        find_leaks,
        names_quantity,
        points_at,
        reference_answer,
        step_quantities,
    )
    from tutor.hints.guards import ERROR_KINDS
    from tutor.schema import Step, Verdict

    t.ladders += 1
    answer = reference_answer(case.problem)
    if answer and any(find_leaks(h.text, [answer]) for h in hints):
        t.leaks += 1
    if answer and any(plain_leak(h.text, answer) for h in hints):
        t.plain_leaks += 1
    if verdict.expected_value and any(find_leaks(h.text, [verdict.expected_value])
                                      for h in hints if h.level < 3):
        t.step_value_leaks += 1
    for h in hints:
        t.failing += bool(check_hint(h.text, h.level, h.kind, case.problem, steps, verdict))
        t.words.append(len(h.text.split()))
        t.sources[h.source] = t.sources.get(h.source, 0) + 1
    first = hints[0] if hints else None
    if case.wrong:
        t.incorrect += 1
        if case.gold_step is not None and first is not None and first.kind == "where":
            gold_qs = step_quantities(Step(case.gold_step, case.gold_step_text),
                                      Verdict(label="incorrect", quantities=_named(case)))
            hit = points_at(first.text, case.gold_step) and names_quantity(first.text, gold_qs)
            t.targeted += hit
            if verdict.first_error_step == case.gold_step:  # the verifier found the right step
                t.located += 1
                t.targeted_located += hit
    else:
        t.counterparts += 1
        if any(h.kind in ERROR_KINDS for h in hints):
            t.accused += 1
    k = verdict.first_error_step
    if verdict.label == "incorrect" and k is not None and 1 <= k <= len(steps):
        t.flagged += 1
        if first is not None and points_at(first.text, k) and \
                names_quantity(first.text, step_quantities(steps[k - 1], verdict)):
            t.grounded += 1
    if len(t.examples) < 5 and case.wrong:
        t.examples.append({"id": case.id, "first_error_step": k, "gold_step": case.gold_step,
                           "hints": [{"level": h.level, "kind": h.kind, "source": h.source,
                                      "text": h.text} for h in hints]})


def _named(case: Case) -> list[str]:
    """Quantities a gold step that writes no number names in the problem's words ("extra
    square feet"): the same reading the verifier gives such a step (``shared_phrases``), with
    the verifier's number reader (digits only: "half" in a lead-in is no written number)."""
    from tutor.mathcheck import numbers_in
    from tutor.verify.align import shared_phrases

    if numbers_in(case.gold_step_text):
        return []
    return shared_phrases(case.gold_step_text, case.problem.text)


def plain_leak(text: str, answer: str) -> bool:
    """An independent, deliberately naive leak check: the answer's digits appear as a whole
    number anywhere in ``text`` (commas ignored; no step-pointer exemption, no words)."""
    import re

    digits = answer.replace(",", "").replace("$", "").strip()
    if not re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return False
    return re.search(r"(?<![\d.])" + re.escape(digits) + r"(?:\.0+)?(?!\d|\.\d)", text.replace(",", "")) is not None


def _rate(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


# --------------------------------------------------------------------------- run
def review_case(tutor, case: Case, verifier: str):
    """Check one case and stream its whole ladder; returns ``(steps, verdict, hints, first_s)``
    where ``first_s`` is seconds from submit to the first streamed hint text."""
    from tutor.schema import Problem, Submission
    from tutor.steps import parse_solution

    t0 = time.perf_counter()
    problem = Problem(**case.problem.__dict__)
    if verifier == "gold":
        steps = parse_solution(case.solution)
        verdict = gold_verdict(case, steps)
    else:
        fb = tutor.check(Submission(problem=problem, solution_text=case.solution))
        steps, verdict = fb.steps, fb.verdict
    check_s = time.perf_counter() - t0
    from tutor.hints import ladder_kinds

    hints, first_s = [], None
    for level, _ in ladder_kinds(verdict):
        hint = None
        for hint in tutor.hints.stream(problem, steps, verdict, level):
            if first_s is None:
                first_s = time.perf_counter() - t0
        hints.append(hint)
    return steps, verdict, hints, first_s if first_s is not None else check_s


def run(args: argparse.Namespace) -> int:
    """Run the benchmark and write the report; prints the report's headline numbers."""
    import json

    from tutor.config import load_settings
    from tutor.errors import TutorInputError
    from tutor.eval.common import progress, read_records, write_report

    if args.verifier == "gold" and args.format != "vtg":
        raise TutorInputError("--verifier gold needs VtG data (MathDial has no step annotation)")
    settings = load_settings(args.config, use_model=args.model == "student")
    t_load = time.perf_counter()
    if args.verifier == "gold":
        from tutor.hints import HintLadder
        from tutor.llm import load_student_model

        tutor = argparse.Namespace(hints=HintLadder(load_student_model(settings),
                                                    settings.max_new_tokens))
    else:
        from tutor.service import Tutor

        tutor = Tutor.from_settings(settings, load_store=False, load_standards=False)
    load_s = time.perf_counter() - t_load
    cases = load_cases(read_records(args.data, args.limit), args.format)
    t = Tally()
    t_all = time.perf_counter()
    for case in progress(cases, f"eval hints ({args.format})"):
        try:
            steps, verdict, hints, first_s = review_case(tutor, case, args.verifier)
        except TutorInputError as exc:  # unreadable solution: counted, not fatal
            log.warning("case %s: %s", case.id, exc)
            t.errors += 1
            continue
        t.first_token_s.append(first_s)
        score_ladder(t, case, steps, verdict, hints)
    report: dict[str, Any] = {
        "data": str(args.data), "format": args.format, "limit": args.limit,
        "model": settings.model if args.model == "student" else None,
        "verifier": args.verifier,
        "n": t.incorrect, "n_ladders": t.ladders, "n_correct_counterparts": t.counterparts,
        "leak_rate": _rate(t.leaks, t.ladders),
        "plain_digit_leak_rate": _rate(t.plain_leaks, t.ladders),
        "step_value_leak_rate": _rate(t.step_value_leaks, t.ladders),
        "targeted_rate": _rate(t.targeted, t.incorrect) if args.format == "vtg" else None,
        "verifier_step_accuracy": _rate(t.located, t.incorrect) if args.format == "vtg" else None,
        "targeted_rate_when_located": _rate(t.targeted_located, t.located) if args.format == "vtg" else None,
        "false_accusation_rate": _rate(t.accused, t.counterparts) if args.format == "vtg" else None,
        "grounded_rate": _rate(t.grounded, t.flagged), "n_flagged": t.flagged,
        "mean_words": round(statistics.mean(t.words), 2) if t.words else None,
        "max_words": max(t.words, default=None),
        "seconds_to_first_token": round(statistics.median(t.first_token_s), 4) if t.first_token_s else None,
        "hint_sources": t.sources,
        "hints_failing_guards": t.failing,
        "input_errors": t.errors,
        "seconds_total": round(time.perf_counter() - t_all, 1), "seconds_load": round(load_s, 1),
        "examples": t.examples,
    }
    if args.judge:
        report["judge"] = judge(args.judge, settings, t)
    report = write_report(args.out, report)
    print(json.dumps({k: v for k, v in report.items() if k not in ("examples", "machine")}, indent=2))
    return 0


def judge(model_name: str, settings, t: Tally) -> dict[str, Any]:
    """Rubric scores from a larger judge model on the example ladders kept in ``t``: per hint,
    P(" yes") vs P(" no") for "does this hint avoid giving the answer and point at the error?".
    Returns ``{"model", "n", "yes_rate"}``."""
    from tutor.llm import load_student_model

    jm = load_student_model(settings.replace(model=model_name, adapter="none", use_model=True))
    yes = n = 0
    for ex in t.examples:
        for h in ex["hints"]:
            q = [{"role": "user", "content": (
                "A tutor gave a student this hint about their math solution:\n"
                f"\"{h['text']}\"\nDoes the hint help the student find the mistake without "
                "giving away the answer? Answer yes or no.")}]
            s_yes, s_no = jm.score(q, [" yes", " no"])
            yes += s_yes > s_no
            n += 1
    return {"model": model_name, "n": n, "yes_rate": _rate(yes, n)}
