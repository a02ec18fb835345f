"""Per-step evidence for the combiner: symbolic checks, reference alignment, model score.

Each step of a solution becomes one feature vector (a dict of floats; names in
:data:`FEATURES_REF` / :data:`FEATURES_FREE`). The features describe the step and, where it
helps, its neighbours (an error usually propagates: values after the first wrong step stop
matching the reference). Nothing here knows any data set's wording.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from tutor.derivation import derivation_checks
from tutor.dimensions import question_of
from tutor.inequalities import inequality_checks
from tutor.mathcheck import (PERCENT_WRITTEN, answer_value, check_step, converted_from, evaluate, expressions_in,
                             numbers_in, pi_written, remainders_in, step_result, writes)
from tutor.relations import step_checks
from tutor.schema import Equation, Problem, Step, StepCheck
from tutor.units import (ALL_CONVERSION_NUMBERS, amounts_in, conversions, in_asked_unit, on_scale, on_scale_value,
                         same_amount, scale_pairs)
from tutor.verify.align import (CONSTANTS, UNKNOWN_WRITTEN, close, content_words, Derivation, ReferenceGraph,
                                StepGraph, contains, problem_quantities, reference_graph, step_graph)
from tutor.verify.combiner import RESTATEMENT

#: Features used without a reference solution.
FEATURES_FREE = (
    "arith_wrong", "arith_ok", "no_numbers", "n_new", "n_new_unexplained", "uses_unknown",
    "first_step", "log_pos", "is_last", "prev_arith_wrong",
    "problem_unused_before", "uses_prev_result", "later_arith_wrong", "has_unknown",
    "next_new", "prev_new", "problem_overlap", "odd_value", "first_odd_value",
)
#: Extra features with a reference solution.
FEATURES_REF = FEATURES_FREE + (
    "n_new_not_ref", "n_new_in_ref", "first_unmatched", "has_final", "final_seen_before",
    "sol_final_wrong", "later_match_frac", "uses_ref_unused_quantity", "last_not_ref",
    "prev_unmatched", "derived_not_ref", "anc_unmatched", "first_anc_unmatched", "origin",
    "first_origin", "produces_sol_final", "ancestor", "next_first_unmatched", "ref_overlap",
    "next_unmatched", "quiet_before_unmatched", "role_mismatch", "first_role_mismatch",
    "final_then_more", "after_final_wrong", "contradicts_ref", "first_contradicts_ref",
)
#: Optional model features (appended when a model score is available): the step's log-odds
#: of being correct, and its change from the step before.
MODEL_FEATURES = ("model_logit", "model_drop")


@dataclass
class SolutionEvidence:
    """Everything computed about one solution before the combiner decides.

    Attributes:
        checks: per step, the mathcheck result.
        graphs: per step, the computation graph.
        features: per step, feature name -> value.
        new_values: per step, the values the step introduces (not given, not earlier).
        unmatched: per step, introduced values the reference never derives (reference mode).
        reference: the reference graph, or ``None``.
    """

    checks: list[StepCheck]
    graphs: list[StepGraph]
    features: list[dict[str, float]]
    new_values: list[list[float]] = field(default_factory=list)
    unmatched: list[list[float]] = field(default_factory=list)
    reference: ReferenceGraph | None = None


def rechecked(check: StepCheck, equations: list[Equation]) -> StepCheck:
    """``check`` with ``equations`` in place of its own and ``ok`` recomputed from them
    (``None`` where none is known)."""
    known = [e.ok for e in equations if e.ok is not None]
    return replace(check, equations=equations, ok=all(known) if known else None)


def with_derivations(problem: Problem, steps: Sequence[Step], checks: list[StepCheck]) -> list[StepCheck]:
    """``checks`` with each step's algebra steps added (:func:`tutor.derivation.derivation_checks`:
    an equation must keep the solution of the one it came from); ``ok`` recomputed."""
    out = []
    texts = [s.text for s in steps]
    # (an inequality's steps are algebra steps too: they must keep its solutions)
    for check, extra, more in zip(checks, derivation_checks(problem.text, texts), inequality_checks(problem.text, texts)):
        extra = extra + more
        if extra:
            equations = check.equations + extra
            check = rechecked(check, equations)
        out.append(check)
    return out


# "10% = 4", "20% = 8 × 1 = 8": a percent said to be an amount, as the step reader writes it
_PERCENT_IS = re.compile(r"\((\d+(?:\.\d+)?)/100\)=")


def percent_whole(e: Equation) -> float | None:
    """The whole a right "p% = amount" equation is a share of (amount × 100 / p), else ``None``."""
    m = _PERCENT_IS.match(e.text)
    if not m or not e.ok or not e.rhs_value or not float(m.group(1)):
        return None
    return e.rhs_value * 100 / float(m.group(1))


def percent_facts(check: StepCheck, problem_text: str) -> StepCheck:
    """``check`` with each percent said to be an amount ("10% = 4") that is that percent of a
    number the problem gives (40) marked right: the amount is that share of the problem's
    whole, not a conversion of the percent ("20% = 20" of 100 students is true; of 40 it
    stays as the step reader judged it)."""
    wholes = numbers_in(re.sub(r"\d+(?:\.\d+)?\s*%", " ", problem_text))
    equations, changed = [], False
    for e in check.equations:
        m = _PERCENT_IS.match(e.text)
        if m and e.ok is not True and e.rhs_value is not None and any(
                math.isclose(float(m.group(1)) / 100 * w, e.rhs_value, rel_tol=1e-9) for w in wholes):
            e, changed = replace(e, ok=True, expected=None), True
        equations.append(e)
    if not changed:
        return check
    return rechecked(check, equations)


def scale_facts(check: StepCheck, problem_text: str) -> StepCheck:
    """``check`` with each "conversion" between the two units of a scale the problem states
    (:func:`tutor.units.scale_pairs`: "3 cm represents 45 km") judged by that scale, not by
    the units: "1 cm = 15 km" keeps it (right); "1 cm = 12 km" does not (wrong, expected the
    amount the scale gives)."""
    scales = scale_pairs(problem_text)
    if not scales or all(e.ok is not False for e in check.equations):
        return check
    equations, changed = [], False
    for e in check.equations:
        found = conversions(e.text) if e.ok is False else []
        kept = [on_scale(c, scales) for c in found]
        if kept and None not in kept:
            expected = None if all(kept) else float(on_scale_value(found[0], scales))
            e, changed = replace(e, ok=all(kept), expected=expected), True
        equations.append(e)
    if not changed:
        return check
    return rechecked(check, equations)


def solution_evidence(problem: Problem, steps: Sequence[Step], use_reference: bool = True,
                      model_probs: Sequence[float] | None = None, *,
                      answer: float | None = None) -> SolutionEvidence:
    """Compute the per-step features of a solution.

    Args:
        problem: the problem; its ``reference_solution`` is used when ``use_reference`` and
            present.
        steps: parsed steps.
        use_reference: ``False`` forces reference-free features.
        model_probs: optional per-step P(correct) from the step scorer.
        answer: the solution's answer where a closing line states it (else the last result
            of a step that is not a check of the work).

    A last step that only restates an earlier value ("... = 55 minutes." then "55") is left out
    of the other steps' features and marked :data:`~tutor.verify.combiner.RESTATEMENT`.
    """
    steps = list(steps)
    if restates_answer(steps):
        return _with_restatement(problem, steps, use_reference, model_probs)
    given = problem_quantities(problem.text)
    ref = None
    if use_reference and problem.reference_solution:
        ref = reference_graph(problem.reference_solution, problem.final_answer)
    checks = [replace(scale_facts(percent_facts(c, problem.text), problem.text), step_number=s.number)
              for c, s in zip(step_checks([s.text for s in steps]), steps)]
    graphs = [step_graph(s.text) for s in steps]
    n = len(steps)
    seen: list[float] = []
    new_values: list[list[float]] = []
    unmatched: list[list[float]] = []
    for g, st in zip(graphs, steps):
        pool = given + seen
        # a constant (7 days, 60 minutes) written as a fact is not new; computed, it is
        # ("6 x 10 = 60" where the reference has 50)
        results = [d.value for d in g.derived]
        new = [v for v in g.stated + results
               if not contains(pool, v) and (v not in CONSTANTS or contains(results, v, False))]
        new = _dedupe(new)
        new_values.append(new)
        off_ref = [v for v in new if ref is not None and not contains(ref.derived, v)]
        if ref is not None:
            # a computed result must be one the reference computes, from a shared operand;
            # constants and given numbers get no pass here (3 + 7 = 10 in the wrong place)
            off_ref += [d.value for d in g.derived if not ref.explains(d, given)]
            # "152 ÷ 40 = 3 R 32" where the reference has 152 / 40 = 3.8: the same division
            excused = [v for a, b, q, r in remainders_in(st.text)
                       if ref.explains(Derivation(q, [a, b], whole_part=True)) for v in (q, r)]
            # "3 minutes = 180 seconds": a given amount said right in another unit is still the given
            excused += [float(c.right) for c in conversions(st.text)
                        if c.right == c.expected and contains(given, float(c.left), False)]
            off_ref = [v for v in off_ref if not contains(excused, v, False)]
        unmatched.append(_dedupe(off_ref))
        seen += g.stated + [d.value for d in g.derived]
    sol_last, raw_last, closing = _solution_answer(problem, steps, graphs, given, ref, answer)
    off_before = unmatched  # (what the reference's other ways below vindicate is no contradiction)
    answer_right = ref is not None and ref.final is not None and sol_last is not None and close_d(sol_last, ref.final)
    if answer_right:
        # the answer reached (another way: "6 / 3 = 2" for the reference's 1 ÷ 1/2), or said again
        # in other units ("2 hours, i.e. 120 minutes"), is not off the reference
        again = [float(a.value) for a in amounts_in(closing) for b in answer_amounts(problem.reference_solution or [],
                                                                                    ref.final) if same_amount(a, b)]
        unmatched = [[v for v in u if not contains([ref.final, raw_last] + again, v, False)] for u in unmatched]
        # "Check: in 6 years Tom is 54 and she is 18, and 54 = 3 × 18 ✓": a check of the right
        # answer works out values of its own
        reached = next((i for i, g in enumerate(graphs) if contains(g.stated, ref.final, False)), n)
        unmatched = [[] if i > reached and CHECK_LINE.match(steps[i].text) and checks[i].ok is not False else u
                     for i, u in enumerate(unmatched)]
    if ref is not None:
        # "78 + 85 = 163", then "163 + 92 = 255", "255 + 81 = 336": a running total on the
        # way to the reference's sum is the reference's sum worked in parts
        unmatched = [[v for v in u if not _running_total(v, graphs[i + 1:], ref, given)
                      and not _regrouped(v, i, graphs, ref, given) and not _distinctive_ref_value(v, ref, given)
                      and not _rejoins(v, [_slips_mended(g, c) for g, c in zip(graphs[i + 1:i + 4], checks[i + 1:i + 4])],
                                       ref, given, answer_right)]
                     for i, u in enumerate(unmatched)]
    ref_ops = ref.operands if ref else []
    ancestors = _final_ancestors(graphs, new_values, given)
    origins = [bool(unmatched[i]) and _is_origin(graphs[i], unmatched[i], given, ref, unmatched[:i])
               for i in range(n)]
    anc_unm = [i in ancestors and bool(unmatched[i]) for i in range(n)]
    first_anc = next((i for i in range(n) if anc_unm[i]), None)
    first_origin = next((i for i in range(n) if origins[i]), None)
    roles = [bool(ref is not None and _role_mismatch(s.text, problem.reference_solution or [], given))
             for s in steps]
    first_role = next((i for i in range(n) if roles[i]), None)
    vindicated = [[v for v in b if not contains(a, v, False)] for b, a in zip(off_before, unmatched)]
    contra = [ref is not None and any(ref.contradicts(d) and not contains(vindicated[i], d.value, False)
                                      for d in g.derived) for i, g in enumerate(graphs)]
    first_contra = next((i for i in range(n) if contra[i]), None)
    feats: list[dict[str, float]] = []
    first_unmatched = next((i for i, u in enumerate(unmatched) if u), None)
    final_idx = None
    if ref is not None and ref.final is not None:
        final_idx = next((i for i, g in enumerate(graphs) if contains(g.stated, ref.final, False)), None)
    # where work that reached the reference's answer goes on to change it: the first later step
    # the solution's answer comes from (not a side computation or a check of the answer)
    past_final = None if final_idx is None else next(
        (i for i in range(final_idx + 1, n) if i in ancestors and not CHECK_LINE.match(steps[i].text)),
        final_idx + 1)
    used_given: list[float] = []
    # a count problem (whole numbers only) whose solution produces a fraction or a negative
    # number is suspicious where that value first appears
    # (not a problem about money, chance or fractions: "4 pencils cost $3", "P(blue) = 1/2")
    whole = all(abs(q - round(q)) < 1e-9 for q in numbers_in(problem.text)) and not _PRICED.search(problem.text)
    odd = [any(v < 0 or (whole and abs(v - round(v)) > 1e-6 and not _fractions_normal(s.text)) for v in nv)
           for s, nv in zip(steps, new_values)]
    first_odd = next((i for i in range(n) if odd[i]), None)
    derivable = _derivable(given)
    for i, (s, c, g) in enumerate(zip(steps, checks, graphs)):
        earlier = given + [v for gg in graphs[:i] for v in gg.stated]
        prev_results = [v for nv in new_values[:i] for v in nv]
        # (an operand a side of the step's own chain works out on the way: "9 * 10 - 7 = 90 - 7")
        # (or a result the step itself wrote before: "4 x 9 = $36 a day, and 36 x 5 = $180")
        own = _partial_results(s.text) + [float(e.rhs_value) for e in c.equations if e.rhs_value is not None]
        # (π as the step takes it, 3.14 or 22/7, is a constant too)
        pi = _PI_VALUES if pi_written(s.text) is not None or _PI_SAID.search(s.text) else ()
        unknown_ops = [o for o in g.operands if not contains(earlier, o) and o not in CONSTANTS
                       and not contains(derivable, o, False)
                       and not contains(own, o, False) and not any(math.isclose(o, x, rel_tol=1e-3) for x in pi)]
        f = {
            "arith_wrong": float(c.ok is False),
            "arith_ok": float(c.ok is True),
            "no_numbers": float(not g.stated),
            "n_new": float(min(len(new_values[i]), 3)),
            "n_new_unexplained": float(min(len([v for v in new_values[i]
                                                if not any(close_d(d.value, v) for d in g.derived)]), 3)),
            "uses_unknown": float(bool(unknown_ops)),
            "first_step": float(i == 0),
            "log_pos": math.log(i + 1),
            "is_last": float(i == n - 1),
            "answer_only": float(len(s.text) < 25 and len(g.stated) == 1),
            "prev_arith_wrong": float(any(cc.ok is False for cc in checks[:i])),
            "problem_unused_before": float(any(contains(g.stated, q, False) and not contains(used_given, q, False)
                                               for q in given if q not in CONSTANTS)),
            "uses_prev_result": float(any(contains(g.operands + g.stated, v, False) for v in prev_results)),
            "later_arith_wrong": float(any(cc.ok is False for cc in checks[i + 1:])),
            "has_unknown": float(bool(UNKNOWN_WRITTEN.search(s.text))),
            "next_new": float(i + 1 < n and bool(new_values[i + 1])),
            "prev_new": float(i > 0 and bool(new_values[i - 1])),
            "problem_overlap": _overlap(s.text, [problem.text]),
            "odd_value": float(odd[i]),
            "first_odd_value": float(first_odd == i),
        }
        used_given += [q for q in given if contains(g.stated, q, False)]
        if ref is not None:
            later = [v for nv in new_values[i + 1:] for v in nv]
            f.update({
                "n_new_not_ref": float(min(len(unmatched[i]), 3)),
                "n_new_in_ref": float(min(len(new_values[i]) - len(unmatched[i]), 3)),
                "first_unmatched": float(first_unmatched == i),
                "has_final": float(final_idx == i),
                "final_seen_before": float(final_idx is not None and final_idx < i),
                "sol_final_wrong": float(ref.final is None or sol_last is None
                                         or not contains([sol_last], ref.final, False)),
                "later_match_frac": (sum(contains(ref.derived, v) for v in later) / len(later)
                                     if later else 1.0),
                "uses_ref_unused_quantity": float(any(
                    contains(g.operands, q, False) and not contains(ref_ops + ref.derived, q, False)
                    for q in given if q not in CONSTANTS)),
                "last_not_ref": float(g.last is not None and not contains(ref.derived + given, g.last)
                                      and g.last not in CONSTANTS),
                "prev_unmatched": float(first_unmatched is not None and first_unmatched < i),
                "derived_not_ref": float(any(not contains(ref.derived, d.value) for d in g.derived)),
                "anc_unmatched": float(anc_unm[i]),
                "first_anc_unmatched": float(first_anc == i),
                "origin": float(origins[i]),
                "first_origin": float(first_origin == i),
                "produces_sol_final": float(sol_last is not None and contains(new_values[i], sol_last, False)
                                            and not (ref.final is not None and contains([sol_last], ref.final, False))),
                "ancestor": float(i in ancestors),
                "next_first_unmatched": float(first_unmatched is not None and first_unmatched == i + 1),
                "next_unmatched": float(i + 1 < n and bool(unmatched[i + 1])),
                "quiet_before_unmatched": float(not new_values[i] and first_unmatched is not None
                                                and first_unmatched == i + 1),
                "ref_overlap": _overlap(s.text, problem.reference_solution or []),
                "role_mismatch": float(roles[i]),
                # reached the reference answer, then went on to a different final answer
                "final_then_more": float(final_idx == i and sol_last is not None and ref.final is not None
                                         and not contains([sol_last], ref.final, False)),
                "after_final_wrong": float(final_idx is not None and past_final == i
                                           and sol_last is not None and ref.final is not None
                                           and not contains([sol_last], ref.final, False)),
                "first_role_mismatch": float(first_role == i),
                "contradicts_ref": float(contra[i]),
                "first_contradicts_ref": float(first_contra == i),
            })
        if model_probs is not None:
            f["model_logit"] = _logit(model_probs[i])
            # where the score falls, not only how low it is: a process-reward model's verdict
            # on step k is read against its confidence in step k-1 (0 for the first step)
            f["model_drop"] = f["model_logit"] - _logit(model_probs[i - 1]) if i else 0.0
        feats.append(f)
    # the algebra steps join the checks after the features are read: the combiner was fitted on
    # computations, and an algebra slip gets the arithmetic floor in the verifier instead
    return SolutionEvidence(with_derivations(problem, steps, checks), graphs, feats, new_values, unmatched, ref)


#: A closing line that only gives the answer: "10", "$1,200.", "Answer: 10", "The answer is 10 km."
_ANSWER_LINE = re.compile(r"\s*(?:(?:the\s+)?(?:final\s+)?answer(?:\s+is)?\s*[:=]?|####|so,?|total:?)?\s*"
                          r"[$£€]?\s*-?[\d,]*\.?\d+\s*%?\s*(?:[A-Za-z]+\s*){0,2}[.!]?\s*", re.I)


def answer_amounts(reference: Sequence[str], final: float) -> list:
    """The reference answer with its unit, as the reference writes it where a line ends on it
    ("... = $0.05" before a bare "0.05"); not the same number used on the way ("1000 ml/L")."""
    return [a for line in reference if (v := answer_value(line)) is not None and close_d(v, final)
            for a in amounts_in(line, rates=False)[-1:] if close_d(float(a.value), final)]


def _same_in_other_units(closing: str, answer: float, reference: Sequence[str], final: float,
                         question: str) -> bool:
    """Whether the closing step's answer, with the unit it is written in ("by 5¢ a bar"), is
    the reference's answer written in another unit of the same kind ("$0.05"), where the
    question asks for no other unit ("How many minutes …" is not answered in seconds)."""
    if close_d(answer, final):
        return False
    said = amounts_in(closing)
    # "= $0.05 per can, which is 5 cents": the answer said again in the asked unit is the answer
    mine = [a for a in said if in_asked_unit(a, question) and any(
        close_d(float(b.value), answer) and (b is a or same_amount(a, b)) for b in said)]
    written = answer_amounts(reference, final)
    # (a reference that writes no unit answers in the unit the question asks: "Left: 363 − 315 = 48")
    return any(same_amount(a, b) for a in mine for b in written) or (
        not written and any(close_d(float(a.value), final) for a in mine))


def _solution_answer(problem: Problem, steps: Sequence[Step], graphs: Sequence[StepGraph],
                     given: Sequence[float], ref: ReferenceGraph | None,
                     answer: float | None) -> tuple[float | None, float | None, str]:
    """The solution's answer ``(as matched to the reference, as the step arrives at it, the
    closing step's text)``: ``answer`` where a closing line states it, else the last result of
    a step that is not a check; taken as the reference's answer where the closing step says
    that answer in other units, as a percent or scaled."""
    closing = ""
    # (a closing "Check: 2 x 24 = 48" tests the answer; it is not the answer)
    sol_last = raw_last = answer if answer is not None else next(
        (_result(g if before_check(s.text) == s.text else step_graph(before_check(s.text)),
                 before_check(s.text), given)
         for g, s in zip(reversed(graphs), reversed(steps)) if g.last is not None and not CHECK_LINE.match(s.text)),
        None)
    if ref is not None and ref.final is not None and sol_last is not None:
        # "= 125 cents = $1.25", or "$1.25 = 125 cents" then "125 cents back": the answer
        # restated in other units is the same answer, where the closing step ends on that
        # restatement as written
        closing = next((s.text for s, g in zip(reversed(steps), reversed(graphs)) if g.last is not None), "")
        written = numbers_in(closing)
        if written and any(close_d(v, ref.final) and close_d(again, written[-1]) and writes(closing, said)
                           for s in steps for v, again, said in converted_from(s.text)):
            sol_last = ref.final
        elif _same_in_other_units(closing, sol_last, problem.reference_solution or [], ref.final,
                                  question_of(problem.text)):
            sol_last = ref.final
        elif PERCENT_WRITTEN.search(closing) and (close_d(sol_last / 100, ref.final) or close_d(sol_last * 100, ref.final)):
            # "So 35% are red." answers the reference's 7/20 = 0.35; "= 0.14, i.e. 14%" its 14%
            sol_last = ref.final
        elif _said_again_scaled(closing, ref.final):
            sol_last = ref.final  # "8.8 thousand, i.e. 8,800 steps"
    return sol_last, raw_last, closing


_AGAIN = re.compile(r"(?i)(\d[\d,]*(?:\.\d+)?)[^\d]{0,25}?,?\s*\(?(?:i\.\s?e\.|that\s+is|which\s+is|or)\s*"
                    r"[$]?(\d[\d,]*(?:\.\d+)?)")


def _said_again_scaled(closing: str, final: float) -> bool:
    """Whether the closing step says the reference's answer and then says it again scaled by
    a hundred, a thousand or a million ("8.8 thousand, i.e. 8,800 steps"; "0.35, that is 35%")."""
    for m in _AGAIN.finditer(closing):
        first, again = (float(g.replace(",", "")) for g in m.groups())
        if close_d(first, final) and first and any(close_d(again, first * k) or close_d(again * k, first)
                                                   for k in (100, 1000, 1_000_000)):
            return True
    return False


_SO_CLAUSE = re.compile(r"[,;]\s*(?:and\s+)?(?:so|therefore|thus|which means|that means|meaning)\b", re.I)


def _result(graph: StepGraph, text: str, given: Sequence[float]) -> float:
    """What a step arrives at: its graph's last value, except that a sentence without a
    computation may end on a given that places it ("Eli has 65 cards after 5 weeks.")."""
    # "Since 1 km = 1000 m, that's 6 km.": a one-unit fact the step leans on is not its result
    facts = [c.text for c in conversions(text) if c.left == 1 and c.expected == c.right]
    if facts and numbers_in(rest := re.sub("|".join(map(re.escape, facts)), " ", text)):
        text, graph = rest, step_graph(rest)
    # "5 buses hold 5 * 40 = 200 people, so they need 5 buses.": the closing clause is the result
    tail = _SO_CLAUSE.split(text.rsplit("=", 1)[-1])
    # (one number only: "…, so it would take 24 more minutes to fill 12 barrels" says 24; or
    # one value said twice: "so 21 km takes 21 minutes")
    value = step_result(tail[-1] if len(tail) > 1 and len(set(numbers_in(tail[-1]))) == 1 else text, given)
    return abs(value) if value is not None else graph.last


#: A step that checks the work rather than continuing it ("Check: 24 x 2 = 48").
#: A step that checks the answer found ("Check: 2 x 24 = 48"): no answer of its own.
CHECK_LINE = re.compile(r"\s*(?:\(?\s*)?(?:check(?:ing)?|verify|verification)\b", re.I)
# a check written after a result: to the end of the step, or in brackets to the closing one
_CHECK_AFTER = re.compile(r"(?i)(?<=[.!?;])\s*(?:check(?:ing)?|verify|verification)\b.*$"
                          r"|\(\s*(?:check(?:ing)?|verify|verification|since|because|as)\b[^()]*\)"
                          # "(water is 2400 mL, and 600 : 2400 = 1 : 4 ✓)": a ticked aside
                          r"|\([^()]*[✓✔][^()]*\)", re.S)


def before_check(text: str) -> str:
    """A step's text without a check of its result written after it ("= 100 tickets. Check:
    100 x 9 + 150 x 5 = 1650", "44, 46, 48 (check: 44 + 46 + 48 = 138), so 48"): the check
    tests the result, it is not the step's result."""
    return _CHECK_AFTER.sub("", text)


def restates_answer(steps: Sequence[Step]) -> bool:
    """Whether the last step only repeats a value an earlier step wrote ("... = 55 minutes." /
    "55"). Some students close with such a line and some do not."""
    if len(steps) < 2 or not _ANSWER_LINE.fullmatch(steps[-1].text):
        return False
    vals = numbers_in(steps[-1].text)
    earlier = [v for st in steps[:-1] for v in numbers_in(st.text)]
    return len(vals) == 1 and contains(earlier, vals[0], False)


def _with_restatement(problem: Problem, steps: list[Step], use_reference: bool,
                      model_probs: Sequence[float] | None) -> SolutionEvidence:
    """Evidence for a solution whose last line restates its answer: every other step gets the
    features it has without that line, so the closing line does not move suspicion onto the
    step before it (position features would otherwise tell "ends on an answer line" apart from
    "ends on the computation", a habit of the writer, not evidence of an error)."""
    last = steps[-1]
    core = solution_evidence(problem, steps[:-1], use_reference,
                             list(model_probs[:-1]) if model_probs is not None else None,
                             answer=numbers_in(last.text)[0])
    # not a candidate for the first wrong step (the combiner gives it hazard 0): a repeated
    # value is wrong only where it was first written
    row = {name: 0.0 for name in core.features[-1]}
    row.update({RESTATEMENT: 1.0, "log_pos": math.log(len(steps))})
    core.checks.append(check_step(last.text, last.number))
    core.graphs.append(step_graph(last.text))
    core.features.append(row)
    core.new_values.append([])
    core.unmatched.append([])
    return core


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _producer(value: float, new_values: list[list[float]], before: int) -> int | None:
    """Index of the earliest step (< ``before``) that introduced ``value``."""
    for j in range(before):
        if contains(new_values[j], value, False):
            return j
    return None


def _final_ancestors(graphs: list[StepGraph], new_values: list[list[float]],
                     given: list[float]) -> set[int]:
    """Steps whose introduced values feed the solution's final answer (walking derivations
    backwards from the last value written)."""
    last = next((i for i in range(len(graphs) - 1, -1, -1) if graphs[i].last is not None), None)
    if last is None:
        return set()
    start = _producer(graphs[last].last, new_values, last + 1)
    if start is None:
        return set()
    todo, seen = [start], set()
    while todo:
        j = todo.pop()
        if j in seen:
            continue
        seen.add(j)
        g = graphs[j]
        ops = [o for d in g.derived if contains(new_values[j], d.value, False) for o in d.operands]
        if not g.derived:
            ops = [v for v in g.stated if not contains(new_values[j], v, False)]
        for o in ops:
            if contains(given, o, False) or o in CONSTANTS:
                continue
            p = _producer(o, new_values, j)
            if p is not None:
                todo.append(p)
    return seen


def _running_total(value: float, later: Sequence[StepGraph], ref: ReferenceGraph, given: Sequence[float]) -> bool:
    """Whether ``value``, what one of the reference's sums of added terms gives with terms left
    out, is taken on by later steps, through more such running totals, to a value the
    reference derives, or is added to at once with another term the problem gives."""
    if not contains(ref.running_sums, value, False) or contains(ref.derived, value, False):
        return False
    reached = [value]
    for g in later:
        for d in g.derived:
            if not any(contains(reached, o, False) for o in d.operands):
                continue
            if contains(ref.derived, d.value, False) and not contains(given, d.value, False):
                return True
            # the next step adds a given term to it (right term or not, the total goes on): a
            # sum left unfinished would be taken on some other way (900 / 20 for 1000 - 100 - 600)
            if g is later[0] and len(d.operands) == 2 and d.value > value and contains(given, d.value - value, False):
                return True
            if contains(ref.running_sums, d.value, False):
                reached.append(d.value)
    return False


def _leaves(d: Derivation, earlier: Sequence[Derivation], given: Sequence[float]) -> list[float]:
    """The problem's numbers ``d`` is worked out from: its operands, each earlier result among
    them replaced by what it was worked out from (a given stays a given)."""
    out: list[float] = []
    for o in d.operands:
        src = None if contains(given, o, False) else next(
            (k for k in range(len(earlier) - 1, -1, -1) if close(earlier[k].value, o)), None)
        out += [o] if src is None else _leaves(earlier[src], earlier[:src], given)
    return out


def _regrouped(value: float, i: int, graphs: list[StepGraph], ref: ReferenceGraph, given: Sequence[float]) -> bool:
    """Whether ``value`` (step ``i``) is one of the reference's computations grouped another way,
    or a stop on the way to one: "180 - 95 = 85", then "85 - 48 = 37", where the reference works
    95 + 48 = 143 and 180 - 143 = 37 — 37, from the same numbers of the problem (at least three),
    is the reference's value, and 85 is on the way the next step takes to it."""
    refs = [(r, sorted(_leaves(r, ref.derivations[:k], given))) for k, r in enumerate(ref.derivations)]

    def reaches(d: Derivation, before: Sequence[Derivation]) -> bool:
        leaves = sorted(_leaves(d, before, given))
        return len(leaves) >= 3 and any(close(r.value, d.value) and len(ls) == len(leaves)
                                        and all(close(a, b) for a, b in zip(ls, leaves)) for r, ls in refs)

    before = [d for g in graphs[:i] for d in g.derived]
    here = [d for d in graphs[i].derived if close(d.value, value)]
    if not here:
        return False
    if any(reaches(d, before) for d in here):
        return True
    mine = before + list(graphs[i].derived)
    return any(contains(d.operands, value, False) and reaches(d, mine)
               for g in graphs[i + 1:i + 3] for d in g.derived)


#: Smallest value reached on another way that counts as the reference's own (not chance).
_DISTINCTIVE = 100


def _distinctive(value: float) -> bool:
    """Whether a value is unlikely to be met by chance: 100 or more, or with two decimals or
    more (0.14, 15.75); not a small count or a half (8, 2.5)."""
    return abs(value) >= _DISTINCTIVE or abs(value * 10 - round(value * 10)) > 1e-6


def _distinctive_ref_value(value: float, ref: ReferenceGraph, given: Sequence[float]) -> bool:
    """Whether ``value`` is a value the reference derives, large enough not to be met by
    chance: worked out another way ("108 + 60 = 168" for the reference's 14 x 12), it is
    still the reference's value."""
    return _distinctive(value) and contains(ref.derived, value, False) and not contains(given, value, False)


def _rejoins(value: float, later: Sequence[StepGraph], ref: ReferenceGraph, given: Sequence[float],
             answer_right: bool = False) -> bool:
    """Whether the next steps (``later``, their arithmetic right) take ``value``, through their
    results, on to a value the reference derives (not one the problem gives): "3 × 3 × 12 =
    108" and "108 + 60 = 168" where the reference works 3 × 3 + 5 = 14 hours and 14 × 12 = 168
    — 108 is the reference's way split another way. A small number is reached by chance too
    often ("12 - 4 = 8" where the reference's 8 is another count): one of the two must be
    :func:`_distinctive`, and a way through results of the solution's own must end on the
    reference's answer, where it is the solution's answer too (``answer_right``): "63 × 2500 =
    157,500", then "157,500 ÷ 10,000 = 15.75"."""
    reached = [value]
    for g in later:
        for d in g.derived:
            if not any(contains(reached, o, False) for o in d.operands) or close(d.value, value):
                continue
            # (through a result of its own, only to the reference's answer)
            chained = any(contains(reached[1:], o, False) for o in d.operands)
            if (contains(ref.derived, d.value, False) and not contains(given, d.value, False)
                    and (_distinctive(d.value) or _distinctive(value))
                    and (not chained or (answer_right and close(d.value, ref.final)))):
                return True
            reached.append(d.value)  # "63 × 2500 = 157,500", then "÷ 10,000 = 15.75"
    return False


def _slips_mended(graph: StepGraph, check: StepCheck) -> StepGraph:
    """``graph`` with each value a wrong computation of the step writes replaced by what the
    computation comes to ("480 + 96 = 566" derives 576): the values that step takes on were
    right, and where they lead is read as if the slip had not been made. A step whose slip has
    no known right value derives nothing."""
    if check.ok is not False:
        return graph
    slips = [e for e in check.equations if e.ok is False]
    mended = []
    for d in graph.derived:
        slip = next((e for e in slips if e.rhs_value is not None and close(d.value, e.rhs_value)), None)
        if slip is None:
            mended.append(d)
        elif slip.expected is not None:
            mended.append(replace(d, value=float(slip.expected)))
    if any(e.expected is None for e in slips):
        mended = []
    return replace(graph, derived=mended)


def _is_origin(g: StepGraph, unmatched: list[float], given: list[float], ref: ReferenceGraph | None,
               earlier_unmatched: list[list[float]]) -> bool:
    """Whether a step creates an off-reference value from on-reference inputs (where an error
    starts, as opposed to where an earlier error propagates)."""
    bad = [v for u in earlier_unmatched for v in u]
    for d in g.derived:
        if contains(unmatched, d.value, False) and not any(contains(bad, o, False) for o in d.operands):
            return True
    return not g.derived and not any(contains(bad, v, False) for v in g.stated)




def _overlap(text: str, others: Sequence[str]) -> float:
    """Largest share of the step's content words found in one of ``others`` (0..1)."""
    w = content_words(text)
    if not w:
        return 0.0
    return max((len(w & content_words(o)) / len(w) for o in others), default=0.0)


_VALUE_CONTEXT = re.compile(r"(\d+(?:\.\d+)?)\s*((?:[A-Za-z]+\s*){1,3})")


def _contexts(text: str) -> dict[float, set[str]]:
    """Number -> content words written right after it ("60 cups per meal" -> {cups, meal})."""
    out: dict[float, set[str]] = {}
    for m in _VALUE_CONTEXT.finditer(text.replace(",", "")):
        out.setdefault(float(m.group(1)), set()).update(content_words(m.group(2)) - {"per", "each"})
    return out


def _role_mismatch(text: str, reference: Sequence[str], given: Sequence[float]) -> bool:
    """A value the reference also has, but named with other words (e.g. "per meal" where the
    reference says "per day"): the right number in the wrong role."""
    ref_ctx: dict[float, set[str]] = {}
    for r in reference:
        for v, w in _contexts(r).items():
            ref_ctx.setdefault(v, set()).update(w)
    for v, words in _contexts(text).items():
        if not words or contains(given, v, False) or v in CONSTANTS:
            continue
        ref_words = next((w for rv, w in ref_ctx.items() if close(rv, v)), None)
        if ref_words and not (words & ref_words):
            return True
    return False


# problems whose amounts or answers are naturally not whole: prices, a probability, "what fraction"
_PRICED = re.compile(r"[$£€¢]|\b(?:dollars?|cents?|probability|chance|what\s+fraction)\b", re.I)
_PI_SAID = re.compile(r"π|\bpi\b", re.I)
_PI_VALUES = (math.pi, 3.14, 22 / 7)
_MONEY = re.compile(r"[$£€¢]|\b(?:dollars?|cents?|percent|hours?|miles?|kg|pounds?|liters?|"
                    r"gallons?|feet|inch(?:es)?|meters?|cm|km|average|ratio|rate)\b|%", re.I)


def _fractions_normal(text: str) -> bool:
    """Whether a text is about a measure where fractions are normal (money, time, length, π)."""
    return bool(_MONEY.search(text) or _PI_SAID.search(text))


def close_d(a: float, b: float) -> bool:
    return contains([a], b, False)


def _dedupe(vals: list[float]) -> list[float]:
    out: list[float] = []
    for v in vals:
        if not contains(out, v, False):
            out.append(v)
    return out


def _derivable(given: list[float]) -> list[float]:
    """Numbers a step may use without writing where they come from: a given amount in another
    unit ("750 mL" used as 0.75 L) and the whole part of a quotient of two given numbers (250
    muffins in boxes of 12: 20 full boxes)."""
    factors = [float(f) for f in ALL_CONVERSION_NUMBERS if f >= 10]  # (not 2 or 3: a doubling is work)
    out = [g * f for g in given for f in factors] + [g / f for g in given for f in factors]
    out += [float(a // b) for a in given for b in given if 1 < b < a and not float(a / b).is_integer()]
    return out


def _partial_results(text: str) -> list[float]:
    """Values a step works out on the way inside its own computations: each left part of a
    side of two or more numbers up to an operator outside brackets ("9*10-7" gives 9*10 = 90)."""
    out: list[float] = []
    for expr, _ in expressions_in(text):
        depth = 0
        for k, ch in enumerate(expr):
            depth += (ch == "(") - (ch == ")")
            if depth == 0 and k > 0 and ch in "+-*/" and expr[k - 1] not in "+-*/(" \
                    and re.search(r"[\d)][-+*/]", expr[:k]):
                v = evaluate(expr[:k])
                if v is not None:
                    out.append(float(v))
    return out
