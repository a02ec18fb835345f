"""The verifier: finds the first wrong step of a worked solution.

Evidence per step (see :mod:`tutor.verify.features`): sympy checks of every computation
(:mod:`tutor.mathcheck`), alignment of the values the student derives with the reference
solution's computation graph (:mod:`tutor.verify.align`), and, when the shipped combiner was
trained with it, the student model's step score (:mod:`tutor.verify.scorer`). A logistic hazard
model (:mod:`tutor.verify.combiner`) turns the evidence into calibrated per-step
probabilities of being wrong and one decision, which may be "unsure".
"""

from __future__ import annotations

import itertools
import logging
import math
import re
import time
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

from tutor.chance import asked_probability
from tutor.derivation import (algebra_slip, given_unknowns, only_derived, solved_letters, solving_letters,
                              stated_value, strategy_note, value_written)
from tutor.dimensions import asks, question_of, unit_conflicts
from tutor.multiples import common_claims
from tutor.rounding import right_roundings
from tutor.expressions import ExpressionWork, expression_checks, readable
from tutor.formulas import asked_after_discount_and_tax, asked_percent
from tutor.llm import LanguageModel
from tutor.mathcheck import (PERCENT_WRITTEN, answer_value, check_step, converted_from, evaluate, expressions_in,
                             numbers_in, values_match, writes)
from tutor.mathtext import MIXED_FORM, readable_equation, readable_expression
from tutor.misconceptions import find as find_misconception
from tutor.misconceptions import rewriting_misconception, solution_misconception
from tutor.numwords import words_to_digits
from tutor.percent_chain import asked_after_changes
from tutor.proportion import near, ratio_problem
from tutor.inequalities import is_inequality, readable_inequality
from tutor.relations import asked_mean, asked_median, ladder_whole
from tutor.schema import Equation, Problem, Step, StepCheck, Verdict
from tutor.shapes import asked_measure
from tutor.spread import asked_spread, spread_problem
from tutor.units import CLOCK, amounts_in, clock_at_end, clock_text, factor, in_asked_unit, measure_of, same_amount
from tutor.verify.align import CONSTANTS, ReferenceGraph, close, contains, described_otherwise, shared_phrases
from tutor.verify.combiner import MODEL_DIR, Combiner
from tutor.verify.features import (CHECK_LINE, before_check, MODEL_FEATURES, SolutionEvidence, answer_amounts, percent_whole,
                                   restates_answer, solution_evidence)
from tutor.verify.scorer import scorer_identity, step_correct_probs

log = logging.getLogger(__name__)
_FRACTION = re.compile(r"(-?\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)")

#: Shipped combiner weights, with and without a reference solution.
#: "free" is fitted on student solutions (VtG), "process" on model-written solutions
#: (ProcessBench format); both work without a reference.
COMBINER_FILES = {"reference": "combiner_ref.json", "free": "combiner_free.json",
                  "process": "combiner_process.json"}
#: Calibrated P(solution wrong) between these bounds makes the verdict "unsure": the verifier
#: passes a solution only below 0.3 and accuses one only at 0.8 or more (the trade-off on VtG
#: dev, cross-validated, is in docs/benchmarks.md § Calibration).
UNSURE_LOW, UNSURE_HIGH = 0.3, 0.8
#: Why a solution without a reference and without any written computation is "unsure".
NOTHING_CHECKED = ("There is no calculation to check in these steps. Write how you got each number: "
                   "the calculation, with an = sign.")
#: A step whose written computation sympy proves wrong is wrong whatever the other evidence says
#: (on VtG dev, 6 of ~2,400 correct steps are flagged by mathcheck); its P(wrong) is at least this.
#: So is an algebra step that changes the equation's solution (:mod:`tutor.derivation`).
ARITHMETIC_FLOOR = 0.9
#: Without a reference, a step that no check proves wrong is accused only when P(first wrong
#: step = k) is at least this; else the verdict is "unsure" about it. On VtG dev without
#: references the accusations this turns into "unsure" named the annotated step 47 times in
#: 278 (docs/benchmarks.md § "Where, not only whether").
ACCUSE_STEP_FREE = 0.4
#: A step that only restates an earlier equation in an equivalent form ("2x = 26" after "2x + 4
#: = 30") cannot be where the first error is; its P(wrong) is at most this.
DERIVED_CAP = 0.02


def _fmt(v: float | None, fraction: bool = False, mixed: bool = False) -> str | None:
    """A value as text: whole numbers plain, else 4 decimals at most; with ``fraction`` as a
    fraction ("17/12"), with ``mixed`` as a mixed number ("1 5/12")."""
    if v is None:
        return None
    if abs(v - round(v)) < 1e-9:
        return str(int(round(v)))
    if fraction:
        f = Fraction(v).limit_denominator(1000)
        whole, rest = divmod(f.numerator, f.denominator)
        if mixed and whole > 0:
            return f"{whole} {rest}/{f.denominator}"
        return f"{f.numerator}/{f.denominator}"
    return f"{v:.4f}".rstrip("0").rstrip(".")


def model_combiner_file(mode: str) -> str:
    """File of the combiner that also reads the step scorer (``combiner_ref_model.json`` …)."""
    return COMBINER_FILES[mode].replace(".json", "_model.json")


class Verifier:
    """Step-level verifier.

    Args:
        model: the student model (any :class:`~tutor.llm.LanguageModel`) or ``None``
            (symbolic checks and reference alignment only). The model is called only when
            ``model_dir`` holds a combiner that reads its step score (``combiner_*_model.json``)
            fitted on this model's scorer (:func:`~tutor.verify.scorer.scorer_identity`);
            otherwise the symbolic combiners are used.
        model_dir: folder holding the combiner weights (default ``models/verifier``).
        free_weights: combiner used without a reference: ``"free"`` (fitted on student
            solutions; the app's choice) or ``"process"`` (fitted on model-written solutions).

    Raises:
        TutorConfigError: combiner weights missing or unreadable.
    """

    def __init__(self, model: LanguageModel | None = None, model_dir: str | Path | None = None,
                 free_weights: str = "free") -> None:
        self.model = model
        folder = Path(model_dir) if model_dir else MODEL_DIR
        self.combiners = {"reference": Combiner.load(folder / COMBINER_FILES["reference"]),
                          "free": Combiner.load(folder / COMBINER_FILES[free_weights])}
        # Combiners that read the step score, used only with the scorer they were fitted on.
        self.model_combiners: dict[str, Combiner] = {}
        if model is not None:
            scorer = scorer_identity(model)
            for mode, name in (("reference", "reference"), ("free", free_weights)):
                path = folder / model_combiner_file(name)
                if path.exists():
                    comb = Combiner.load(path)
                    if comb.meta.get("scorer") == scorer:
                        self.model_combiners[mode] = comb
                    else:
                        log.info("%s was fitted on scorer %s, not %s: not used", path.name,
                                 comb.meta.get("scorer"), scorer)

    def needs_model(self, reference: bool = True) -> bool:
        """Whether this mode's combiner reads the model score (a model combiner fitted on the
        loaded model's scorer exists)."""
        comb = self.model_combiners.get("reference" if reference else "free")
        return comb is not None and any(f in comb.features for f in MODEL_FEATURES)

    def verify(self, problem: Problem, steps: Sequence[Step]) -> Verdict:
        """Find the first wrong step of ``steps`` for ``problem``.

        Args:
            problem: the problem; ``problem.reference_solution`` (list of step strings) may be
                ``None`` (reference-free mode).
            steps: the parsed student steps (1-based ``number``).

        Returns:
            A :class:`~tutor.schema.Verdict`: ``first_error_step`` is 1-based or ``None``;
            ``step_error_probs`` are per-step P(step wrong | earlier steps right); ``label`` is
            ``"unsure"`` when the calibrated P(solution wrong) (``Combiner.p_wrong``) is between
            :data:`UNSURE_LOW` and :data:`UNSURE_HIGH`, and, without a reference, when no check
            proves a step wrong and the likeliest first wrong step is below
            :data:`ACCUSE_STEP_FREE` (its explanation then goes to ``evidence["suspected"]``),
            or when the problem's own equation is not solved yet (``evidence["not_solved"]``).
        """
        t0 = time.perf_counter()
        steps = list(steps)
        if not steps:
            return Verdict(label="unsure", explanation="There are no steps to check.")
        with_ref = bool(problem.reference_solution)
        mode = "reference" if with_ref else "free"
        comb = self.combiners[mode]
        model_probs = None
        if self.model is not None and self.needs_model(with_ref):
            try:
                model_probs = step_correct_probs(self.model, problem, steps,
                                                 problem.reference_solution if with_ref else None)
                comb = self.model_combiners[mode]
            except Exception as exc:  # a failing model must not block the symbolic verdict
                log.warning("step scorer failed, continuing without it: %s", exc)
        ev = solution_evidence(problem, steps, use_reference=with_ref, model_probs=model_probs)
        # "Simplify 3(x + 4) + 2x": each rewriting of the problem's expression must be equivalent
        # to what it rewrites (tutor.expressions); its links join the steps' checks
        work = expression_checks(problem.text, [s.text for s in steps])
        if work is not None:
            ev.checks = _with_links(ev.checks, work)
        # the steps a check proves wrong: a written computation, an algebra step or a rewriting
        disproved = [bool(f["arith_wrong"]) or algebra_slip(c) or _rewriting_wrong(work, i)
                     for i, (f, c) in enumerate(zip(ev.features, ev.checks))]
        solved = _solved_to_answer(ev)
        hazards = [max(h, ARITHMETIC_FLOOR) if bad else min(h, DERIVED_CAP)
                   if only_derived(c, s.text) or _rewriting_proven(work, i, s.text) or i <= solved else h
                   for i, (h, bad, c, s) in enumerate(zip(comb.hazards(ev.features), disproved, ev.checks, steps))]
        first, _, p_first = comb.decide(hazards)
        proven = first is not None and disproved[first]
        p_wrong = comb.p_wrong(hazards)
        # no reference and no computation written: nothing was checked, so nothing can be
        # called correct ("4.50" alone, "Four pens cost 5 dollars")
        nothing_checked = not with_ref and not any(c.ok is not None for c in ev.checks)
        # ... and a number the problem gives that no step uses: the work may not be finished
        unused = None if with_ref else _unused_given(problem, ev.checks, steps,
                                                      work.task.expression if work and work.proven else None)
        if first is None:
            label = "unsure" if p_wrong > UNSURE_LOW or nothing_checked or unused is not None else "correct"
        else:
            label = "unsure" if p_wrong < UNSURE_HIGH else "incorrect"
            if label == "incorrect" and not with_ref and not proven and p_first[first] < ACCUSE_STEP_FREE:
                # without a reference, "something is wrong" is often sure while "where" is not:
                # a step is accused only when it is likely (ACCUSE_STEP_FREE) the first error,
                # or when a check proves it wrong (then the first such step is the one named)
                shown = next((i for i, bad in enumerate(disproved) if bad), None)
                if shown is None:
                    label = "unsure"
                else:
                    first, proven = shown, True
        marks = []
        for i, h in enumerate(hazards):
            if first is None:
                marks.append("unsure" if h > 0.5 else "correct")
            elif i < first:
                marks.append("correct")
            elif i == first:
                marks.append("first_error" if label == "incorrect" else "unsure")
            else:  # after a doubtful step nothing is confirmed either
                marks.append("after_error" if label == "incorrect" else "not_checked")
        if label == "unsure" and "unsure" not in marks and first is None:
            # say which step the doubt is about, rather than show all ticks under a "?" banner
            marks[max(range(len(hazards)), key=hazards.__getitem__)] = "unsure"
        verdict = Verdict(label=label, first_error_step=None if first is None else first + 1,
                          marks=marks, step_error_probs=[round(h, 4) for h in hazards])
        if first is not None:
            _describe(verdict, problem, steps, ev, first)
            # a known misconception says what idea was missed, not only which number is off
            named = find_misconception(first + 1, steps[first].text, problem.text, ev.checks[first].equations,
                                       solution=[s.text for s in steps])
            if _rewriting_wrong(work, first) and not ev.features[first]["arith_wrong"]:
                # (a written computation proven wrong is described as one: "12 + 2 = 15")
                named = _describe_rewriting(verdict, problem, steps, work, first) or named
            if named is not None:
                verdict.error_category, verdict.explanation = named.category, named.explanation
                # (the idea's own numbers, "16 ounces in a pound", may be named in the hints)
                verdict.quantities = list(verdict.quantities) + [q for q in named.facts if q not in verdict.quantities]
            if label == "unsure" and not proven:
                # a doubt, not a finding: the student is asked to explain the step, and what the
                # verifier suspects is kept for the teacher
                verdict.evidence["suspected"] = verdict.explanation
                verdict.explanation = None
        elif nothing_checked:
            verdict.explanation = NOTHING_CHECKED
        elif label == "unsure" and unused is not None:
            verdict.unused_given = _fmt(unused)
            verdict.explanation = (f"The problem gives {verdict.unused_given}, but no step uses it yet. "
                                   "Is the solution finished?")
        if not with_ref and label != "incorrect" and not _misconception_check(verdict, problem, steps):
            _solve_check(verdict, problem, ev.checks)
            _units_check(verdict, problem, steps)
            _fixed_answer_check(verdict, problem, steps, ev.checks)
            _claims_check(verdict, problem, steps, ev.checks)
        if work is not None and verdict.label != "incorrect":
            _rewriting_check(verdict, work, steps)
        if verdict.label != "incorrect" and not verdict.evidence.get("solved_from_problem"):
            # also under an "unsure": a conclusion without the reference answer is wrong (a
            # solution of the problem's own equation is its answer, whatever words follow)
            _answer_check(verdict, problem, steps, ev.checks)
        if with_ref and verdict.label == "incorrect":
            # the reference shows the work is wrong; where the problem's words fix the relation a
            # step breaks, at or before the step the reference found, that step is the first
            # error, named as the misconception ("9 × 12" for a triangle's area, not a unit slip)
            if not _misconception_check(verdict, problem, steps, before=verdict.first_error_step):
                _described_otherwise_check(verdict, problem, steps, ev)
        # a right algebra step that brings the unknown no closer to being on its own gets a
        # gentle note for the hints; it is no error, so no label, mark or probability changes
        _strategy_notes(verdict, problem, steps, ev.checks)
        # (keeping what the conclusion check noted)
        verdict.evidence = {**_evidence(ev, mode, comb, model_probs, p_wrong, time.perf_counter() - t0),
                            **verdict.evidence}
        return verdict


def _solved_to_answer(ev: SolutionEvidence) -> int:
    """The last step whose equation, solved rightly from an equation set up earlier, gives the
    reference's answer ("72x = 108000", then "x = 108000/72 = 1500"), or -1: an equation whose
    solution is the answer was set up right, so no step up to there is the first error (a
    step a check proves wrong still is)."""
    final = ev.reference.final if ev.reference is not None else None
    if final is None:
        return -1
    for i in range(len(ev.checks) - 1, -1, -1):
        for e in ev.checks[i].equations:
            stated = stated_value(e.text) if e.follows and e.ok else None
            value = evaluate(stated[1]) if stated else None
            if value is not None and close(float(value), final):
                return i
    return -1


def _described_otherwise_check(verdict: Verdict, problem: Problem, steps: Sequence[Step],
                               ev: SolutionEvidence) -> None:
    """With a reference, move an incorrect verdict's first wrong step to an earlier step that
    gives a value for what one reference step finds to be another
    (:func:`_described_otherwise_before`; ``evidence["described_otherwise"]``): the values
    leave the reference only later, but the work went wrong there ("So 12 students buy lunch",
    then "12 x 3 = $36")."""
    found = _described_otherwise_before(problem, steps, verdict.first_error_step - 1)
    if found is None:
        return
    i, said = found
    k = i + 1
    verdict.first_error_step = k
    verdict.marks = ["correct"] * i + ["first_error"] + ["after_error"] * (len(steps) - k)
    verdict.found_value = verdict.expected_value = None
    _describe(verdict, problem, steps, ev, i)
    if not ev.features[i]["arith_wrong"]:
        verdict.error_category = "Misunderstanding of the question"
        # (the amount the matching reference step finds is what redoing this step gives)
        verdict.found_value, verdict.expected_value = _fmt(said["value"]), _fmt(said["reference_value"])
        verdict.quantities = [verdict.found_value] + [q for q in verdict.quantities if q != verdict.found_value]
        verdict.explanation = (f"In step {k}, {verdict.found_value} is not what that amount comes to. Read again "
                               "what the problem says about it, and check which quantities this step should use.")
    verdict.evidence["described_otherwise"] = said


def _described_otherwise_before(problem: Problem, steps: Sequence[Step], first: int) -> tuple[int, dict] | None:
    """The first step before ``first`` (0-based) that gives a value for what one reference step
    finds to be another (:func:`tutor.verify.align.described_otherwise`): ``(its index,
    evidence)``, else ``None``."""
    for i, s in enumerate(steps[:first]):
        found = described_otherwise(s.text, problem.reference_solution or [], problem.text)
        if found is not None:
            return i, {"step": i + 1, "value": found[0], "reference_value": found[1]}
    return None


def _strategy_notes(verdict: Verdict, problem: Problem, steps: Sequence[Step], checks: Sequence[StepCheck]) -> None:
    """Note in ``evidence["strategy"]`` each step marked correct whose algebra step is true but
    brings the unknown no closer to being on its own (:func:`tutor.derivation.strategy_note`:
    "-7 = -x" divided by 1, "2 + y = -7" with 2 added): ``[{"step", "from", "to", "kind",
    "letter"}]``, the first such equation of each step. Only a letter the work solves for
    (:func:`tutor.derivation.solving_letters`) and only before its value is written ("x = 10",
    then "2x = 20" works out another amount). Nothing else changes."""
    letters = solving_letters(problem.text, [s.text for s in steps])
    valued: set[str] = set()
    notes = []
    for i, (mark, check) in enumerate(zip(verdict.marks, checks)):
        derived = [e for e in check.equations if e.follows and e.ok is True]
        for e in derived if mark == "correct" else []:
            note = strategy_note(e.follows, e.text)
            if note is not None and note.letter.lower() in letters - valued:
                notes.append({"step": i + 1, "from": readable_equation(e.follows), "to": readable_equation(e.text),
                              "kind": note.kind, "letter": note.letter})
                break
        valued |= {letter.lower() for e in derived if (letter := value_written(e.text))}
    if notes:
        verdict.evidence["strategy"] = notes


def _with_links(checks: Sequence[StepCheck], work: ExpressionWork) -> list[StepCheck]:
    """``checks`` with each step's rewritings of the problem's expression added as checked
    equations ("3(x+4)=3x+12", ``ok`` whether the two are equivalent); ``ok`` recomputed."""
    out = []
    for i, check in enumerate(checks):
        links = work.links[i] if i < len(work.links) else []
        if links:
            equations = check.equations + [Equation(text=f"{a.before}={a.after}", ok=a.ok) for a in links]
            known = [e.ok for e in equations if e.ok is not None]
            check = replace(check, equations=equations, ok=all(known) if known else None)
        out.append(check)
    return out


def _when(work: ExpressionWork) -> str:
    """" when x = 4 and y = 1/2": the values the problem gives its letters ("" without)."""
    given = " and ".join(f"{x} = {_fmt(float(v), fraction=True)}" for x, v in work.task.values)
    return f" when {given}" if given else ""


def _rewriting_wrong(work: ExpressionWork | None, i: int) -> bool:
    """Whether step ``i`` rewrites the problem's expression into one that is not equivalent."""
    return work is not None and i < len(work.links) and any(not a.ok for a in work.links[i])


def _rewriting_proven(work: ExpressionWork | None, i: int, text: str) -> bool:
    """Whether step ``i`` only rewrites the expression, rightly: every rewriting it writes is
    equivalent, and every number it writes is inside them (it claims nothing else)."""
    if work is None or i >= len(work.links) or not work.links[i] or work.first_wrong is not None and \
            work.first_wrong <= i:
        return False
    if not all(a.ok for a in work.links[i]) or work.unread[i]:
        return False
    inside = {round(v, 9) for a in work.links[i] for v in numbers_in(a.before) + numbers_in(a.after)}
    inside |= {round(v, 9) for v in numbers_in(work.task.expression)}
    return all(round(v, 9) in inside for v in numbers_in(text))


def _describe_rewriting(verdict: Verdict, problem: Problem, steps: Sequence[Step], work: ExpressionWork,
                        i: int):
    """Say what is wrong in step ``i``, where the expression was rewritten into one that is
    not equal to it; returns the misconception it shows (one term of brackets multiplied) or
    ``None``."""
    link = next(a for a in work.links[i] if not a.ok)
    before, after = readable(link.before), readable(link.after)
    n = i + 1
    verdict.error_category = "Calculation error"
    verdict.explanation = f"In step {n}, {before} is not equal to {after}{_when(work)}."
    verdict.found_value, verdict.expected_value = after, None
    verdict.quantities = [after, before]
    verdict.evidence["expression"] = {"step": n, "from": before, "to": after,
                                      "problem": readable(work.task.expression)}
    return rewriting_misconception(n, steps[i].text, problem.text, before, after)


def _rewriting_check(verdict: Verdict, work: ExpressionWork, steps: Sequence[Step]) -> None:
    """An expression problem ("Simplify 3(x + 4) + 2x") whose every rewriting is right: when
    the last expression written is the problem's expression rewritten, the work is proven from
    the problem itself (``evidence["solved_from_problem"]``: no reference is needed to trust
    it); when it is not (a side calculation, "4x + 2x = 6x", is where the work stops), the work
    is not finished ("unsure")."""
    if work.first_wrong is not None or work.final is None:
        return
    verdict.evidence["expression"] = {"problem": readable(work.task.expression), "final": readable(work.final),
                                      "proven": work.complete}
    if work.complete:
        if verdict.label == "correct":
            verdict.evidence["solved_from_problem"] = sorted(work.task.letters)
        return
    if verdict.label == "correct" or (verdict.label == "unsure" and verdict.first_error_step is None
                                      and not verdict.explanation):
        k = work.final_step + 1
        final, expr = readable(work.final), readable(work.task.expression)
        verdict.label = "unsure"
        verdict.first_error_step = None
        if work.task.evaluate:
            verdict.explanation = (f"Step {k} ends with {final}. Is that the value of all of {expr}"
                                   f"{_when(work)}? Work it out to the end.")
        else:
            verdict.explanation = (f"Step {k} ends with {final}. Is that all of {expr} written in a new "
                                   "way? Write the whole expression.")
        verdict.marks = ["correct"] * (k - 1) + ["unsure"] + ["not_checked"] * (len(steps) - k)


_CLOCK_END = re.compile(rf"(?i){CLOCK}\s*$")
_HALF_DAY = re.compile(r"(?i)\d\s*[ap]\.?\s?m\b")
_DECIMAL_TOKEN = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")


def _written_as(value: float | None, text: str) -> str | None:
    """A decimal as the student wrote it ("2.30", not 2.3), when the step writes that value."""
    if value is None:
        return None
    return next((t for t in _DECIMAL_TOKEN.findall(text) if float(t) == value and t != _fmt(value)), None)


def _describe(verdict: Verdict, problem: Problem, steps: Sequence[Step], ev: SolutionEvidence,
              i: int) -> None:
    """Fill category, explanation, expected/found values and quantities for step ``i``."""
    f, check, graph = ev.features[i], ev.checks[i], ev.graphs[i]
    n = i + 1
    wrong_eq = next((e for e in check.equations if e.ok is False), None)
    unmatched = ev.unmatched[i] if ev.unmatched else []
    verdict.quantities = _quantities(problem, steps, ev, i)
    if wrong_eq is not None and wrong_eq.follows:
        # an algebra step: the equation changed its solution (no value is named as the right
        # one: the solution may be the problem's answer)
        verdict.error_category = "Calculation error"
        before, after = readable_inequality(wrong_eq.follows), readable_inequality(wrong_eq.text)
        verdict.found_value = after
        verdict.quantities = [after] + [q for q in verdict.quantities if q != after]
        verdict.evidence["derivation"] = {"from": before, "to": after}
        if is_inequality(wrong_eq.text):
            verdict.explanation = (f"Step {n} changes the inequality: {after} does not have the same solutions "
                                   f"as {before}. Whatever you do to one side, do to the other side too.")
            return
        stated, parent = stated_value(wrong_eq.text), stated_value(wrong_eq.follows)
        got = readable_expression(stated[1]) if stated else after
        if stated:
            verdict.evidence["derivation"]["value"] = got
        if parent:  # "x = 190/3" then "x = 6.33": the working out is off, not the equation
            expr = readable_expression(parent[1])
            verdict.evidence["derivation"]["work_out"] = expr
            verdict.explanation = f"In step {n}, {after} is not what {expr} comes to. Work it out again."
            return
        letter = value_written(wrong_eq.text)
        if letter:  # "2x = 8" then "x = 6": the value can be put in to check it
            verdict.evidence["derivation"]["put_in"] = {"letter": letter, "value": got}
            verdict.explanation = (f"In step {n}, {after} does not make {before} true. Put {got} in for "
                                   f"{letter} to check.")
            return
        verdict.explanation = (f"Step {n} changes the equation: {after} does not have the same solution "
                               f"as {before}. Whatever you do to one side, do to the other side too.")
        return
    if wrong_eq is not None:
        verdict.error_category = "Calculation error"
        lhs, _, rhs = wrong_eq.text.rpartition("=")
        # fraction work gets its values as fractions (17/12 or 1 5/12 as the student writes
        # them), not decimals that the student never wrote
        as_fraction = bool(re.search(r"(?<![\d.])\d+/(?!100\b)\d+", wrong_eq.text))
        mixed = bool(MIXED_FORM.fullmatch(rhs))
        written = readable_expression(rhs)  # "2/4" stays 2/4
        verdict.found_value = (written if as_fraction and re.fullmatch(r"\d+(?: \d+)?/\d+", written)
                               else _written_as(wrong_eq.rhs_value, steps[i].text)
                               or _fmt(wrong_eq.rhs_value, as_fraction, mixed))
        verdict.expected_value = _fmt(wrong_eq.expected, as_fraction, mixed)
        if wrong_eq.expected is not None and _CLOCK_END.search(rhs):
            # a clock time: said as one ("3:45", "3:35"), not as minutes after noon; with am/pm
            # where both times have it (then the minutes run over the whole day)
            half = ("" if not (_HALF_DAY.search(rhs) and _HALF_DAY.search(lhs)) else
                    " am" if wrong_eq.expected < 720 else " pm")
            verdict.found_value = rhs.strip()
            verdict.expected_value = clock_text(wrong_eq.expected) + half
            verdict.quantities = [verdict.found_value]
        elif wrong_eq.expected is not None and _CLOCK_END.search(lhs) and re.search(r"[A-Za-z]", rhs):
            # the time between two clock times, written as a duration ("1 hour 35 minutes")
            verdict.found_value = rhs.strip()
            verdict.expected_value = f"{_fmt(wrong_eq.expected)} minutes"
            verdict.quantities = [verdict.found_value]
        # the result as the student wrote it ("2/4", not 0.5)
        commas = bool(re.search(r"\d,\d{3}", steps[i].text))
        verdict.explanation = (f"In step {n}, the calculation {readable_expression(lhs.split('=')[0], commas)} "
                               f"does not equal {readable_expression(rhs, commas) or verdict.found_value}.")
        return
    found = unmatched[0] if unmatched else (ev.new_values[i][0] if ev.new_values[i] else graph.last)
    verdict.found_value = _fmt(found)
    ref = ev.reference
    if ref is not None and found is not None:
        verdict.expected_value = _fmt(_expected_from_reference(graph, ref, found))
    if f.get("final_seen_before") or f.get("final_then_more") or f.get("after_final_wrong"):
        # the reference's answer was written (here or earlier), and the solution goes past it
        verdict.error_category = "Went past the answer"
        verdict.explanation = (f"By step {n} the question is already answered, but the solution "
                               "goes on to change the answer.")
    elif ref is not None and found is not None and _unit_factor(found, ref.derived, steps[i].text):
        verdict.error_category = "Wrong unit conversion"
        verdict.explanation = (f"In step {n}, the value {verdict.found_value} looks like a right "
                               "amount in the wrong unit; check the unit conversion.")
    elif ref is not None and found is not None and _quantity_off(found, ref, f):
        verdict.error_category = "Extra or missing quantity"
        verdict.explanation = (f"Step {n} arrives at {verdict.found_value}: a quantity the problem "
                               "gives is left out here, or one is counted that should not be.")
    elif f.get("uses_ref_unused_quantity") or f.get("uses_unknown"):
        verdict.error_category = "Misunderstanding of the question"
        verdict.explanation = (f"Step {n} uses a quantity in a way the question does not ask for; "
                               "re-read what each number in the problem stands for.")
    elif f.get("has_unknown"):
        verdict.error_category = "Misunderstanding of the question"
        verdict.explanation = (f"The equation set up in step {n} does not match the situation "
                               "in the problem.")
    elif found is not None:
        # the most common kind of error in real student work (VtG): the right operations on a
        # wrong reading of the question
        verdict.error_category = "Misunderstanding of the question"
        verdict.explanation = (f"Step {n} arrives at {verdict.found_value}, which does not follow "
                               "from what the problem says; check which quantities this step "
                               "should combine.")
    else:
        verdict.error_category = "Misunderstanding of the question"
        verdict.explanation = (f"The reasoning in step {n} does not match what the problem "
                               "describes.")


# a minus sign written on the number, not after another value ("10 -4" subtracts)
_NEGATIVE = re.compile(r"(?<![\d.)\]]\s)(?<![\d.)\]\w])[-−–](\d+(?:\.\d+)?)")


def _step_values(text: str) -> list[float]:
    """Every value a step states: its numbers, fractions ``a/b`` as one value, equation sides."""
    check = check_step(text, 0)
    vals = list(check.values)
    # the written numbers are unsigned: "x = -5", "It is −6 degrees" state -5 and -6, not 5, 6
    for n in _NEGATIVE.findall(text):
        j = next((k for k, v in enumerate(vals) if v == float(n)), None)
        if j is not None:
            vals[j] = -float(n)
    vals += [float(a) / float(b) for a, b in _FRACTION.findall(words_to_digits(text)) if float(b) != 0]
    # "35%" also states the share 0.35 ("7/20 = 0.35" answers "what percent?")
    vals += [float(p) / 100 for p in PERCENT_WRITTEN.findall(text)]
    for eq in check.equations:
        vals += [v for v in (eq.lhs_value, eq.rhs_value) if v is not None]
    return vals


#: Factors between common units of each kind of measure (cents and dollars, minutes and hours,
#: grams and kilograms, inches and feet, ounces and pounds), for a given amount written in
#: other units: "$20" is not used as 1.25 (20 ÷ 16 is ounces to pounds).
_UNIT_STEPS = {"money": (100,), "time": (60, 3600, 24, 7), "length": (12, 3, 36, 100, 1000),
               "mass": (16, 1000), "volume": (1000, 4, 8, 2)}


# a list of numbers the problem gives: "12, 15, 9, 20, 11 and 14", "$4, $12, $3, $7 and $9"
_NUMBER_LIST = re.compile(r"(?<![\d.,])[$£€]?\d+(?:\.\d+)?"
                          r"(?:(?:\s*,\s+(?:and\s+)?|\s+and\s+)[$£€]?\d+(?:\.\d+)?(?![\d,]\d))+")


def _counts_used(problem_text: str, steps: Sequence[Step]) -> set[float]:
    """The counts of the problem's lists of numbers that a step works with: "six plants are 12,
    15, 9, 20, 11 and 14 cm" gives 6 once a step writes at least half of those six numbers
    (sorted, added, ...): the count says how many there are, not a quantity to compute with."""
    used: set[float] = set()
    for m in _NUMBER_LIST.finditer(words_to_digits(problem_text)):
        items = numbers_in(m.group())
        need = max(2, math.ceil(len(items) / 2))
        if len(items) >= 2 and any(len({v for v in numbers_in(st.text) if v in items}) >= need for st in steps):
            used.add(float(len(items)))
    return used


#: "Each of his 4 neighbors", "3 coffees for $2 each": a count (or price) an amount is multiplied by
#: (#N# stands for it), not a constant a solution may leave implicit.
_EACH_OF = re.compile(r"(?i)\beach\s+of\s+(?:the|his|her|their|its|my|our|these|those)?\s*#N#\s+[a-z]+|"
                      r"#N#\s+[a-z]+\s+(?:for|at)\s+\$[\d.]+\s+each\b|\$#N#\s+each\b|"
                      # "152 students and 12 teachers", "for 2 more hours": a count of who or what
                      # the problem adds in, which a solution must use
                      r"\band\s+#N#\s+(?:more\s+)?[a-z]+s\b|#N#\s+more\s+[a-z]+s\b")


def _unused_given(problem: Problem, checks: Sequence[StepCheck], steps: Sequence[Step] = (),
                  expression: str | None = None) -> float | None:
    """The first number the problem writes that no step writes (``checks``: the steps'
    mathcheck results, whose ``values`` are the numbers written), ignoring the common
    constants a solution may leave implicit (:data:`tutor.verify.align.CONSTANTS`) and years;
    ``None`` when every one is used. An amount the problem writes with a unit counts as used
    in other units too ("80 cents" as $0.80, "2 hours" as 120 minutes: :data:`_UNIT_STEPS`), a
    percent as a decimal ("25%" as 0.25, or as the multiplier 1.25 or 0.75), and the numbers of an equation a right algebra step
    follows from as used by that step. So are the numbers of the problem's ``expression`` when
    the steps rewrite it all rightly ("Simplify 6(m + 2) + 3(m - 1)" answered "9m + 9"), and how
    many numbers a list the problem gives holds, once a step works with that list
    (:func:`_counts_used`)."""
    written = [v for c in checks for v in c.values]
    if expression:
        written += numbers_in(expression)
    written += sorted(_counts_used(problem.text, steps))
    # an algebra step that follows from the problem's equation uses its numbers ("Solve 2x + 5
    # = 13", then "2x = 8")
    written += [v for c in checks for e in c.equations if e.follows and e.ok for v in numbers_in(e.follows)]
    # "30 + 30 + 30 + 30" uses the 4 it adds up
    written += [float(len(re.findall(r"\+", m.group()))) + 1 for st in steps
                for m in re.finditer(r"(?<![\d.])\$?(\d+(?:\.\d+)?)(?:\s*\+\s*\$?\1(?![\d.]))+", st.text)]
    # "10% = 4" uses the 40 it is ten percent of
    written += [w for c in checks for e in c.equations if (w := percent_whole(e)) is not None]
    with_unit: dict[float, tuple[int, ...]] = {}
    for a in amounts_in(problem.text):
        with_unit[float(a.value)] = with_unit.get(float(a.value), ()) + _UNIT_STEPS.get(measure_of(a.unit), ())
    percents = {float(p) for p in PERCENT_WRITTEN.findall(problem.text)}
    # a clock time ("at 6 am", "6:30 pm") or an ordinal date says when, not how much: a
    # solution need not use it
    when = re.sub(r"(?i)\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?\s?m\b\.?|o'?clock\b)|\b\d{1,2}:\d{2}\b", " ", problem.text)
    # (a year is written as four bare digits: "in 2015", not "$2,000")
    years = {float(y) for y in re.findall(r"(?<![\d,.$£€])(19\d\d|20\d\d|2100)(?![\d%]|[,.]\d)", when)}
    for q in numbers_in(when):
        if (q in CONSTANTS and not _EACH_OF.search(re.sub(rf"(?<![\d.,]){q:g}(?![\d.,]\d)", "#N#", when))) \
                or q in years or q == 0:  # (nothing is made of "0 more likes")
            continue
        steps_ = with_unit.get(q, ())
        # "25%" is used where a step writes 0.25
        # ... or as a multiplier ("15%" as 1.15 for the total, 0.85 for what is left)
        forms = [q] + [q * f for f in steps_] + [q / f for f in steps_] + (
            [q / 100, 1 + q / 100, 1 - q / 100] if q in percents else [])
        if not any(contains(written, x, False) for x in forms):
            return q
    return None


def reference_answer(problem: Problem) -> float | None:
    """The reference final answer as a number: ``problem.final_answer`` when it parses, else
    the last number of the reference solution's last step; ``None`` when neither exists."""
    texts = [problem.final_answer] if problem.final_answer else []
    if problem.reference_solution:
        texts.append(problem.reference_solution[-1])
    for text in texts:
        value = answer_value(text)
        if value is not None:
            return value
    return None


def _amount_check(problem: Problem, conclusion: str) -> bool | None:
    """Whether the conclusion states the reference answer's amount (in any units of its kind);
    ``None`` when the reference answer or the conclusion has no amount of that kind."""
    ref_text = problem.final_answer or (problem.reference_solution or [""])[-1]
    answer = reference_answer(problem)
    # (the reference's last amount, where it is its answer: not the "35 minutes" of "9:40 PM
    # plus 35 minutes is 10:15 PM")
    # (nor the "8 miles" of "8 miles per hour": a rate is no amount of either unit)
    ref = [a for a in amounts_in(ref_text, rates=False)[-1:] if answer is None or values_match(answer, float(a.value))]
    if not ref and answer is not None:  # a bare "0.05" closing a reference that wrote "$0.05"
        ref = answer_amounts(problem.reference_solution or [], answer)[-1:]
        # (then in the unit the question asks for, if it names one)
        conclusion_amounts = [a for a in amounts_in(conclusion) if in_asked_unit(a, question_of(problem.text))]
        if not ref and any(values_match(answer, float(a.value)) for a in conclusion_amounts):
            return True  # a reference with no unit answers in the asked one: "How many cents…" 48
    else:
        conclusion_amounts = amounts_in(conclusion, rates=False)
    stated = [a for a in conclusion_amounts for r in ref if factor(a.unit, r.unit) is not None]
    # "In 3 years she will be 18.": an amount the problem gives, said again, places the answer
    # (the bare 18); it is not the answer unless it is the reference's
    given = amounts_in(problem.text)
    stated = [a for a in stated if any(same_amount(a, r) for r in ref) or not any(same_amount(a, g) for g in given)]
    if not stated:
        return None
    return any(same_amount(a, r) for a in stated for r in ref)


# "50 - 41.40 = ?", "= __", "= ..." closing a step: a computation set up but not done
_UNFINISHED = re.compile(r"([$(]?\d[\d.,$()\s]*(?:[-+*/×÷x][\d.,$()\s]*\d[\d.,)]*)+)\s*=\s*(?:\?+|_{2,}|\.{3}|…)\s*[.!]?\s*$")
#: Longest end of a step read for an unfinished computation (bounds the regex's work).
_UNFINISHED_TAIL = 120


def _solve_check(verdict: Verdict, problem: Problem, checks: Sequence[StepCheck]) -> None:
    """A problem that states an equation ("Solve 2x + 5 = 13.") is answered by a value of its
    unknown that follows from it. Without one the work is not finished ("unsure", whatever the
    steps so far); with one and every step right, the solution is proven from the problem
    itself (``evidence["solved_from_problem"]``: no reference is needed to trust it)."""
    letters = given_unknowns(problem.text)
    if not letters or any(algebra_slip(c) for c in checks):
        return
    missing = sorted(letters - solved_letters(checks))
    if missing:
        letter = missing[0]
        verdict.label = "unsure"
        verdict.explanation = f"You have not found {letter} yet. Keep going until you get {letter} = a number."
        verdict.evidence["not_solved"] = letter
        if verdict.marks and "unsure" not in verdict.marks:
            verdict.marks[-1] = "unsure"
    elif verdict.label == "correct":
        verdict.evidence["solved_from_problem"] = sorted(letters)


def _misconception_check(verdict: Verdict, problem: Problem, steps: Sequence[Step],
                         before: int | None = None) -> bool:
    """Without a reference, some errors are true arithmetic throughout: a ratio worked by
    adding ("2 cups for every 3 eggs", then "8 - 2 = 6", "3 + 6 = 9"), a mean divided by the
    wrong count, a percent change taken of the end amount, a rectangle's perimeter as length +
    width (:func:`tutor.misconceptions.solution_misconception`). Where the problem's words fix
    the relation, the step that breaks it is wrong, named as the misconception. Returns whether
    the verdict was changed. On 7,473 correct GSM8K solutions nothing is flagged
    (``docs/benchmarks.md``). With ``before`` (1-based), only a step at or before it is taken."""
    try:
        found = solution_misconception(problem.text, [s.text for s in steps])
    except Exception as exc:  # a word-reading check that trips on odd text must not lose the verdict
        log.warning("a word-problem check failed, continuing without it: %s", exc)
        return False
    if found is None or (before is not None and found[0][0] + 1 > before):
        return False
    spans, named, evidence = found
    k = spans[0] + 1
    verdict.label, verdict.first_error_step = "incorrect", k
    verdict.error_category, verdict.explanation = named.category, named.explanation
    verdict.marks = ["correct"] * (k - 1) + ["first_error"] + ["after_error"] * (len(steps) - k)
    if len(verdict.step_error_probs) == len(steps):  # proven, as an arithmetic error is
        verdict.step_error_probs[k - 1] = max(verdict.step_error_probs[k - 1], ARITHMETIC_FLOOR)
    verdict.quantities = [_fmt(v) for v in numbers_in(steps[k - 1].text)][:6] + list(named.facts)
    verdict.evidence.update(evidence)
    return True


def _fixed_answer(problem_text: str) -> tuple[str, list[Fraction], dict] | None:
    """The answer the problem's words fix, without a reference: a proportion's amount
    (:func:`tutor.proportion.ratio_problem`), a listed set's mean or median
    (:func:`tutor.relations.asked_mean`, :func:`tutor.relations.asked_median`), a one-percent
    problem's part or amount after it (:func:`tutor.formulas.asked_percent`), a named kind's
    probability (:func:`tutor.chance.asked_probability`, as a fraction or a percent), a named
    shape's area or volume (:func:`tutor.shapes.asked_measure`) or a listed set's range, IQR or
    MAD (:func:`tutor.spread.asked_spread`): ``(what, the values it may be written as,
    evidence)`` or ``None``."""
    ratio = ratio_problem(problem_text)
    if ratio is not None:
        return "proportional", [ratio.proportional], {"ratio": [ratio.a_said, ratio.b_said], "other": ratio.c_said}
    spread = asked_spread(problem_text)
    for kind, value in (("mean", asked_mean(problem_text)), ("median", asked_median(problem_text))):
        if value is not None:  # (with the spread where both are asked: "the median and the range")
            return kind, [value] + ([spread] if spread is not None else []), {}
    percent = (asked_percent(problem_text) or asked_after_discount_and_tax(problem_text)
               or asked_after_changes(problem_text))
    if percent is not None:
        return "percent", [percent], {}
    chance = asked_probability(problem_text)
    if chance is not None:
        return "probability", [chance, chance * 100], {}
    measure = asked_measure(problem_text)
    if measure is not None:
        return "measure", measure, {}
    if spread is not None:
        return "spread", [spread], {}
    return None


def _claims_check(verdict: Verdict, problem: Problem, steps: Sequence[Step], checks: Sequence[StepCheck]) -> None:
    """Without a reference, work made of claims checked against the problem, each right —
    roundings it asks for ("to the nearest hundred": "4,672 ≈ 4,700",
    :func:`tutor.rounding.right_roundings`), the value of the LCM or GCF it names ("LCM = 12",
    :func:`tutor.multiples.common_claims`) — and computations that check out, is right: such a
    claim is no calculation the other checks can read, so the work was "unsure" with nothing to
    check. A step that only says again a value written before ("About 38,000 fans.") or lists
    numbers the claim rests on ("Multiples of 4: 4, 8, 12") is part of it."""
    if verdict.label != "unsure" or verdict.unused_given is not None or any(
            k in verdict.evidence for k in ("units", "not_solved", "suspected")):
        return
    texts = [s.text for s in steps]
    rounded = right_roundings(problem.text, texts)
    common = {i for i, c in common_claims(problem.text, texts) if c.ok}
    if not rounded and not common:
        return
    claimed = rounded | common
    seen: list[float] = []
    for i, st in enumerate(steps):
        values = numbers_in(st.text)
        listing = bool(common) and re.match(r"(?i)\s*(?:multiples|factors)\s+of\s+\d+\s*(?:are|:)", st.text)
        if values and i not in claimed and not listing and not (checks[i].ok is True or all(
                any(values_match(v, e) for e in seen) for v in values)):
            return
        seen += values
    _confirm(verdict, steps, "answer_check", claims=sorted(i + 1 for i in claimed))


def _confirm(verdict: Verdict, steps: Sequence[Step], dropped: str, **evidence) -> None:
    """Make an "unsure" verdict "correct" with every step ticked, where a check shows the work
    right: the doubt ``dropped`` from the evidence, what showed it added."""
    verdict.label, verdict.first_error_step, verdict.error_category = "correct", None, None
    verdict.explanation = None
    verdict.marks = ["correct"] * len(steps)
    verdict.evidence.pop(dropped, None)
    verdict.evidence.update(evidence)


def _fixed_answer_check(verdict: Verdict, problem: Problem, steps: Sequence[Step],
                        checks: Sequence[StepCheck]) -> None:
    """Without a reference, work that ends on the answer the problem's words fix
    (:func:`_fixed_answer`: "4 cups of flour for every 3 cups of sugar; sugar for 10 cups of
    flour?" is 7.5; the mean of a listed set; a named colour's probability) is right by the
    problem's own words: a doubt the step scores raised ("3/4 = x/10" set up, a fraction among
    whole numbers) gives way (``evidence["fixed_answer"]``). Not where a check disproves a step,
    or a units question, an unsolved equation or an unused number made the doubt — save a
    shape's size its measure does not need (a parallelogram's slanted side for its area) or a
    listed value a range does not use."""
    if (verdict.label != "unsure" or any(k in verdict.evidence for k in ("units", "not_solved"))
            or any(c.ok is False for c in checks)):
        return
    # (a shape's or a list's measure uses only some of its numbers: the other sizes, the values
    # between the highest and lowest)
    spread = spread_problem(problem.text)
    if verdict.unused_given is not None and asked_measure(problem.text) is None and (
            spread is None or spread.asked == "median"):  # (a median's work shows the whole list in order)
        return
    # (an answer alone, with no work written, stays "nothing checked"; a sorted list or a
    # percent ladder is work)
    alone = verdict.explanation == NOTHING_CHECKED and sum(1 for s in steps if numbers_in(s.text)) < 2
    fixed = None if alone else _fixed_answer(problem.text)
    whole = ladder_whole(problem.text, [s.text for s in steps])
    if fixed is None and whole is not None:  # "10% = 8", "so 100% = 80": the whole, from the problem's pair
        fixed = ("percent whole", [whole], {})
    numbered = [s for s in steps if numbers_in(s.text)]
    # the answer as written, or as the value of what is written ("288π")
    last = numbered[-1].text if numbered else ""
    said = numbers_in(last)[-1:] + [v for _, v in expressions_in(last)][-1:]
    if fixed is None or not any(near(x, v) for x in said for v in fixed[1]):
        return
    verdict.unused_given = None
    _confirm(verdict, steps, "suspected", fixed_answer={"kind": fixed[0], **fixed[2]})


def _units_check(verdict: Verdict, problem: Problem, steps: Sequence[Step]) -> None:
    """Without a reference, a right calculation on the wrong operation passes every other
    check ("180 x 3 = 540" for miles per hour). A step whose computation does not fit the units
    of the problem's numbers (:func:`tutor.dimensions.unit_conflicts`: 180 miles x 3 hours for
    miles per hour, 3/4 cup per cake + 2 cakes) makes the verdict "unsure" there, asked as a
    question about units, unless an earlier step is already in doubt. On 7,473 correct GSM8K
    solutions no step is flagged (``docs/benchmarks.md``)."""
    doubted = verdict.first_error_step or next((i for i, m in enumerate(verdict.marks, 1) if m == "unsure"), None)
    conflicts = unit_conflicts(problem.text, [s.text for s in steps])
    # an earlier doubt stays; a general doubt about the same step gives way to the units question
    if not conflicts or (doubted is not None and doubted < conflicts[0].step + 1):
        return
    c = conflicts[0]
    k = c.step + 1
    a, b = c.operands
    if c.kind in ("rate", "unit"):
        verb = "multiplies" if "*" in c.expression else "divides"
        verdict.explanation = f"Step {k} {verb} {a} by {b}. What unit does that give? {asks(c.asked)}"
    else:
        verb = "adds" if "+" in c.expression else "subtracts"
        verdict.explanation = (f"Step {k} {verb} {a} and {b}. Can those two be added or subtracted? "
                               "What does each number stand for?")
    verdict.label = "unsure"
    verdict.first_error_step = None
    verdict.error_category = None
    verdict.marks = ["correct"] * c.step + ["unsure"] + ["not_checked"] * (len(steps) - k)
    verdict.evidence["units"] = {"step": k, "kind": c.kind, "expression": c.expression,
                                 "operands": list(c.operands), "asked": c.asked}
    verdict.quantities = [_fmt(v) for v in numbers_in(c.expression)][:6]


def _answer_check(verdict: Verdict, problem: Problem, steps: Sequence[Step],
                  checks: Sequence[StepCheck]) -> None:
    """Overrule a "correct"/"unsure" verdict whose conclusion cannot be right.

    * With a reference answer: the last step that states a number must state that answer
      (anywhere in the step); if it does not, the solution is wrong there — stopped early
      when the value is one the reference only passes through, a wrong conclusion otherwise.
    * Without one: a concluding step that states a value neither computed in it nor found in
      any earlier step is not supported by the work, so that step is marked "unsure".

    ``checks`` are the steps' checks as the verifier read them (algebra steps included).
    """
    numbered = [i for i, st in enumerate(steps) if numbers_in(st.text)]
    # (a closing check of the answer found, "Check: 60 is twice 30", is not the conclusion)
    while len(numbered) > 1 and CHECK_LINE.match(steps[numbered[-1]].text):
        numbered.pop()
    if not numbered:
        return
    last = numbered[-1]
    if last == len(steps) - 1 and restates_answer(steps):
        # "... = 234 hours." then "234": the conclusion is where the value was written
        value = numbers_in(steps[last].text)[0]
        last = max((i for i in numbered[:-1] if any(values_match(value, v) for v in numbers_in(steps[i].text))),
                   default=last)
    # the conclusion is the last sentence that states a number ("... = 112. So she has 100.")
    # (not a check of it written after it: "= 100 tickets. Check: 100 x 9 + 150 x 5 = 1650")
    sentences = [t for t in re.split(r"(?<=[.!?])\s+(?=[A-Z])", before_check(steps[last].text)) if numbers_in(t)]
    stated = _step_values(sentences[-1] if sentences else steps[last].text)
    clock = clock_at_end(sentences[-1] if sentences else steps[last].text)
    if clock is not None:  # "She has to wake up by 6:55 AM." answers "6:55 AM" (a clock reading)
        stated.append(float(clock))
    answer = reference_answer(problem)
    n = last + 1
    # an answer with a unit is compared as an amount: "125 cents" answers "$1.25", "125
    # dollars" does not
    same_kind = _amount_check(problem, sentences[-1] if sentences else steps[last].text)
    if same_kind is True:
        return
    # the answer restated in other units ("$1.25 = 125 cents", then "125") is it too
    conclusion = sentences[-1] if sentences else steps[last].text
    forms = [] if answer is None else [answer] + [again for st in steps for v, again, said in converted_from(st.text)
                                                  if values_match(answer, v) and writes(conclusion, said)]
    if same_kind is None and any(values_match(f, v) for f in forms for v in stated):
        return
    earlier = [v for st in steps[:last] for v in _step_values(st.text)]
    unfinished = _UNFINISHED.search(steps[last].text[-_UNFINISHED_TAIL:])
    if unfinished:
        # "$50 - $41.40 = ?": set up, not worked out; that is where the work stands
        expr = readable_expression(unfinished.group(1).strip()) or unfinished.group(1).strip()
        verdict.label = "incorrect" if answer is not None else "unsure"
        verdict.first_error_step = n
        verdict.marks = ["correct"] * last + ["first_error" if answer is not None else "unsure"] + \
            ["after_error"] * (len(steps) - n)
        verdict.error_category = "Missing step" if answer is not None else None
        verdict.found_value, verdict.quantities = None, [_fmt(v) for v in numbers_in(expr)][:6]
        verdict.explanation = f"Step {n} sets up {expr} but does not work it out yet. What does it come to?"
        verdict.evidence["answer_check"] = "the last step is not worked out"
        verdict.evidence["unfinished"] = expr
        return
    if answer is not None:
        found = numbers_in(steps[last].text)[-1]
        verdict.label = "incorrect"
        verdict.first_error_step = n
        verdict.marks = ["correct"] * last + ["first_error"] + ["after_error"] * (len(steps) - n)
        verdict.step_error_probs[last] = max(verdict.step_error_probs[last], 0.9)
        verdict.found_value = _fmt(found)
        verdict.quantities = [_fmt(found)]
        reference_values = [v for r in (problem.reference_solution or []) for v in _step_values(r)]
        if any(values_match(found, v) for v in reference_values) and any(
                values_match(found, v) for v in earlier + stated):
            verdict.error_category = "Missing step"
            verdict.explanation = (f"The solution stops at {verdict.found_value} in step {n}, "
                                   "but the question asks for more.")
        else:
            verdict.error_category = "Logical error / Wrong approach"
            verdict.explanation = (f"Step {n} gives {verdict.found_value} as the result, but that "
                                   "does not answer the question.")
        verdict.evidence["answer_check"] = "final value differs from the reference answer"
        return
    if last == 0 or checks[last].equations:
        return  # the conclusion computes its value (or derives it: "x = 4" from "2x = 8")
    # the value worked out, said in the answer's own form: 0.25 as "25%", $0.04 as "4 cents",
    # -15 as "-$15"
    said = list(earlier)
    if re.search(r"%|\bpercent|\bcents?\b|¢", conclusion, re.I):
        said += [e * 100 for e in earlier]
    if re.search(r"[-−–]\s*\$", conclusion):
        said += [abs(e) for e in earlier]
    if all(any(values_match(v, e) for e in said) for v in stated):
        return
    if verdict.first_error_step is not None:
        return  # already unsure about an earlier step: the doubt stays on one step
    result = earlier[-1] if earlier else None
    # (not a sum, difference or product of two earlier results worked out in the head: 30 and
    # 49, then "79 in total")
    mental = any(values_match(stated[0], op(x, y)) for x, y in itertools.permutations(earlier, 2)
                 for op in (lambda u, v: u + v, lambda u, v: u - v, lambda u, v: u * v)) if len(stated) == 1 else True
    # (a number the problem gives, said again, is no copy of the result: "B: 11 per shirt")
    given = any(math.isclose(stated[0], v) for v in numbers_in(problem.text)) if len(stated) == 1 else True
    if result is not None and len(stated) == 1 and not mental and not given and _copied_wrong(result, stated[0]):
        # "x = 105", then "It prints 115 pages"; "$2.80", then "$28": the result copied wrong
        verdict.label, verdict.first_error_step, verdict.error_category = "incorrect", n, "Calculation error"
        verdict.marks = ["correct"] * last + ["first_error"] + ["after_error"] * (len(steps) - n)
        verdict.found_value, verdict.quantities = _fmt(stated[0]), [_fmt(stated[0]), _fmt(result)]
        src = max(i for i in range(last) if any(values_match(result, v) for v in _step_values(steps[i].text))) + 1
        # (the result itself is not named: it is the answer)
        verdict.explanation = (f"Step {n} says {_fmt(stated[0])}, which is not the number step {src} found. "
                               "Copy the result again carefully.")
        verdict.evidence["answer_check"] = "the conclusion copies the last result wrong"
        verdict.evidence["copied_from"] = src
        return
    verdict.label = "unsure"
    verdict.marks = ["correct"] * last + ["unsure"] + ["correct"] * (len(steps) - n)
    verdict.quantities = [_fmt(v) for v in stated][:6]
    verdict.evidence["answer_check"] = "the conclusion states a value the steps do not compute"


def _copied_wrong(result: float, stated: float) -> bool:
    """Whether ``stated`` is ``result`` copied with one slip: one digit changed (105 as 115),
    two neighbouring digits swapped (105 as 150), or the decimal point moved (2.80 as 28)."""
    a, b = _fmt(result).lstrip("-"), _fmt(stated).lstrip("-")
    if a == b or (result < 0) != (stated < 0) or abs(result) < 10 and abs(stated) < 10:
        return False
    if "." in a or "." in b:  # the decimal point moved: the same digits
        return a.replace(".", "").strip("0") == b.replace(".", "").strip("0")
    if len(a) != len(b):
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                              and a[diff[1]] == b[diff[0]])


def _quantities(problem: Problem, steps: Sequence[Step], ev: SolutionEvidence, i: int) -> list[str]:
    """The values step ``i`` works with (its operands, else what it states); for a step that
    writes no number at all, what it names (:func:`_named_quantities`)."""
    graph = ev.graphs[i]
    values = [_fmt(v) for v in graph.operands or graph.stated][:6]
    if values or numbers_in(steps[i].text):
        # numbers the graph skips ("0.3x") are still the step's own, and hints name them
        # from the step text: no names then
        return values
    return _named_quantities(problem, steps, ev, i)


def _named_quantities(problem: Problem, steps: Sequence[Step], ev: SolutionEvidence, i: int) -> list[str]:
    """What a number-free step ``i`` is about, so that a hint can name it: for a lead-in
    ("Simplifying the equation, we get:") the values of the line it introduces, else the
    quantities it names in the problem's words (:func:`~tutor.verify.align.shared_phrases`)."""
    if steps[i].text.rstrip().endswith(":") and i + 1 < len(steps):
        nxt = ev.graphs[i + 1]
        values = [_fmt(v) for v in nxt.operands or nxt.stated][:6]
        if values:
            return values
    return shared_phrases(steps[i].text, problem.text)


def _quantity_off(found: float, ref: ReferenceGraph, f: dict[str, float]) -> bool:
    """Evidence of an extra or a missing quantity: the value is what one of the reference's
    sums gives with a term left out (and not a reference value), or the step uses a problem
    quantity the reference never uses."""
    if contains(ref.partial_sums, found, False) and not contains(ref.derived, found, False):
        return True
    # measured and dropped: "a reference value plus/minus a problem quantity" (too loose on
    # VtG dev: category accuracy 0.347 -> 0.320)
    return bool(f.get("uses_ref_unused_quantity"))


def _expected_from_reference(graph, ref, found: float) -> float | None:
    """The reference value computed from the most operands this step also uses."""
    best, score = None, 0
    ops = graph.operands or graph.stated
    for d in ref.derivations:
        shared = sum(contains(d.operands, o, False) for o in ops)
        if shared > score and not close(d.value, found):
            best, score = d.value, shared
    return best


#: Unit words and the conversion factors they bring (a value off by exactly such a factor, in a
#: step that names such a unit, is a unit-conversion slip).
_UNIT_FACTORS = ((re.compile(r"(?i)minute|second|hour"), (60,)), (re.compile(r"(?i)cent|percent|[%¢]"), (100,)),
                 (re.compile(r"(?i)\b(?:inch|inches|feet|foot)\b"), (12,)),
                 (re.compile(r"(?i)\b(?:yard|yards)\b"), (3, 36)),
                 (re.compile(r"(?i)ounce|pound"), (16,)), (re.compile(r"(?i)\bweeks?\b"), (7, 52)),
                 (re.compile(r"(?i)gram|met(?:er|re)|lit(?:er|re)|\bkg\b|\bkm\b|\bml\b"), (1000,)),
                 (re.compile(r"(?i)\bdozens?\b"), (12,)))


def _unit_factor(found: float, pool: Sequence[float], text: str) -> bool:
    factors = [f for pat, fs in _UNIT_FACTORS if pat.search(text) for f in fs]
    return any(p and (close(found * f, p) or close(found, p * f)) for p in pool for f in factors)


def _evidence(ev: SolutionEvidence, mode: str, comb: Combiner, model_probs, p_wrong: float,
              seconds: float) -> dict:
    return {
        "mathcheck": [{"step": c.step_number, "ok": c.ok,
                       "equations": [{"text": e.text, "ok": e.ok, "expected": e.expected}
                                     for e in c.equations]} for c in ev.checks],
        "reference": None if ev.reference is None else {
            "final": ev.reference.final,
            "off_reference_values": [[_fmt(v) for v in u] for u in ev.unmatched],
        },
        "new_values": [[_fmt(v) for v in nv] for nv in ev.new_values],
        "model": None if model_probs is None else [round(p, 4) for p in model_probs],
        "combiner": {"mode": mode, "p_wrong": round(p_wrong, 4),
                     "weights": comb.meta.get("name", mode)},
        "seconds": round(seconds, 4),
        "p_wrong_logit": round(math.log(max(p_wrong, 1e-6) / max(1 - p_wrong, 1e-6)), 3),
    }
