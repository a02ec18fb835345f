"""Controlled error injection: erroneous student solutions whose first wrong step is known.

Each injector takes a correct :class:`~tutor.distill.worked.WorkedSolution` and returns a
changed copy plus an :class:`Injection` record: which step (1-based) is the first wrong one,
the error category, and the privileged facts (what was written, what it should have been)
that the teacher may use and the student model never sees. Steps before the injected one are
untouched; later steps are recomputed from the wrong value (``WorkedSolution.propagate``),
so the only error is the injected one, as with a real student who slips once.

Categories (the ``kind`` names) and the schema category each maps to:

=====================  ==============================================
``calculation_slip``   ``Calculation error`` (result of a computation is off)
``wrong_operation``    ``Logical error / Wrong approach`` (``+``/``-``, ``*``/``/`` swapped)
``misread_quantity``   ``Misunderstanding of the question`` (a number copied wrong)
``missing_quantity``   ``Missing step`` (a quantity of a sum/product left out)
``unit_conversion``    ``Wrong unit conversion`` (60 ↔ 100, 12 ↔ 10, …)
``stop_early``         ``Missing step`` (an intermediate result given as the answer)
``go_past``            ``Misunderstanding of the question`` (one step past the answer)
=====================  ==============================================
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from tutor.distill.worked import Calc, WorkedSolution, WorkedStep, fmt_number

INJECTION_KINDS = (
    "calculation_slip", "wrong_operation", "misread_quantity", "missing_quantity",
    "unit_conversion", "stop_early", "go_past",
)
SCHEMA_CATEGORY = {
    "calculation_slip": "Calculation error",
    "wrong_operation": "Logical error / Wrong approach",
    "misread_quantity": "Misunderstanding of the question",
    "missing_quantity": "Missing step",
    "unit_conversion": "Wrong unit conversion",
    "stop_early": "Missing step",
    "go_past": "Misunderstanding of the question",
}
# Conversion factors a student confuses (true factor -> wrong one).
_WRONG_FACTOR = {"60": "100", "100": "10", "12": "10", "1000": "100", "24": "12", "7": "5",
                 "52": "48", "16": "10", "10": "100", "3": "12", "4": "3"}
_UNIT_WORDS = re.compile(
    r"(?i)\b(minute|hour|second|day|week|month|year|feet|foot|inch|yard|mile|dozen|cent|"
    r"pound|ounce|gallon|quart|pint|cup|meter|metre|centimet|millimet|kilo|liter|litre|gram)"
)
_OP_SWAP = {"+": "-", "-": "+", "*": "/", "/": "*"}
_OP_NAME = {"+": "add", "-": "subtract", "*": "multiply", "/": "divide"}


@dataclass
class Injection:
    """What was changed, known by construction (privileged context for the teacher).

    Attributes:
        kind: one of :data:`INJECTION_KINDS`.
        first_error_step: 1-based number of the first wrong step.
        category: the schema error category (:data:`tutor.schema.ERROR_CATEGORIES`).
        found: what the wrong step states (a number as text, or an operation name).
        expected: what it should state.
        expected_value: the value the wrong step should have produced (a number as text).
        expression: the computation of the wrong step as the student wrote it, if any.
        quantities: quantities involved (numbers as text), for grounded hints.
        description: one plain sentence for teachers (never shown to the student as is).
    """

    kind: str
    first_error_step: int
    category: str
    found: str
    expected: str
    expected_value: str = ""
    expression: str = ""
    quantities: list[str] = field(default_factory=list)
    description: str = ""


def _plausible(v: float) -> bool:
    return v >= 0 and abs(v - round(v, 2)) < 1e-9 and v < 1e7


def _pick_calc(sol: WorkedSolution, rng: random.Random, ok=lambda c: True) -> int | None:
    cands = [i for i, (_, c) in enumerate(sol.calcs()) if ok(c)]
    return rng.choice(cands) if cands else None


def _finish(sol: WorkedSolution, idx: int, kind: str, found: str, expected: str,
            describe: str, quantities: list[str],
            right: float) -> tuple[WorkedSolution, Injection] | None:
    """Propagate from calc ``idx`` and build the record (``None`` if nothing really changed);
    ``right`` is the value calc ``idx`` should have had."""
    step_index, calc = sol.calcs()[idx]
    try:
        sol.propagate(idx)
    except ValueError:
        return None
    if any(not _plausible(c.result) for _, c in sol.calcs()) or found == expected:
        return None
    k = step_index + 1
    inj = Injection(kind=kind, first_error_step=k, category=SCHEMA_CATEGORY[kind], found=found,
                    expected=expected, expected_value=fmt_number(right),
                    expression=calc.render(), quantities=quantities,
                    description=f"Step {k}: {describe}")
    return sol, inj


def _swap_operand(sol: WorkedSolution, b: int, p: int, new: str, kind: str, describe: str):
    """Set operand token ``p`` of calc ``b`` to ``new``, recompute that calc correctly from it,
    and finish (``describe`` is formatted with ``new`` and ``old``)."""
    calc = sol.calcs()[b][1]
    old, right = calc.tokens[p], calc.result
    calc.tokens[p] = new
    try:
        calc.result = calc.value()
    except ValueError:
        return None
    return _finish(sol, b, kind, new, old, describe.format(new=new, old=old), [old, new], right)


def calculation_slip(sol: WorkedSolution, problem: str, rng: random.Random):
    """Change one computation's stated result (the expression stays as written)."""
    sol = sol.copy()
    idx = _pick_calc(sol, rng, lambda c: c.result >= 2)
    if idx is None:
        return None
    calc = sol.calcs()[idx][1]
    right = calc.result
    delta = rng.choice([1, 2, 10, -1, -2, -10]) if right >= 20 else rng.choice([1, 2, -1])
    calc.result = right + delta
    return _finish(sol, idx, "calculation_slip", fmt_number(calc.result), fmt_number(right),
                   f"the student computed {calc.render().split(' = ')[0]} as "
                   f"{fmt_number(calc.result)}, but it is {fmt_number(right)}.",
                   [fmt_number(float(calc.tokens[p])) for p in calc.operand_positions], right)


def wrong_operation(sol: WorkedSolution, problem: str, rng: random.Random):
    """Swap one operator (+/-, */÷) and compute the rest correctly from it."""
    sol = sol.copy()
    idx = _pick_calc(sol, rng, lambda c: any(t in _OP_SWAP for t in c.tokens[1:]))
    if idx is None:
        return None
    calc = sol.calcs()[idx][1]
    ops = [i for i, t in enumerate(calc.tokens) if i > 0 and t in _OP_SWAP]
    pos = rng.choice(ops)
    old = calc.tokens[pos]
    right = calc.result
    calc.tokens[pos] = _OP_SWAP[old]
    try:
        calc.result = calc.value()
    except ValueError:
        return None
    if not _plausible(calc.result):
        return None
    return _finish(sol, idx, "wrong_operation", _OP_NAME[_OP_SWAP[old]], _OP_NAME[old],
                   f"the student chose to {_OP_NAME[_OP_SWAP[old]]} where the problem needs them "
                   f"to {_OP_NAME[old]} (gets {fmt_number(calc.result)} instead of "
                   f"{fmt_number(right)}).",
                   [calc.tokens[pos - 1], calc.tokens[pos + 1]] if pos + 1 < len(calc.tokens) else [],
                   right)


def _problem_operands(sol: WorkedSolution, problem: str) -> list[tuple[int, int]]:
    """``(calc index, token index)`` of operands copied from the problem text."""
    out = []
    for b, (_, c) in enumerate(sol.calcs()):
        for p in c.operand_positions:
            if (b, p) not in sol.links and re.search(rf"(?<![\d.]){re.escape(c.tokens[p])}(?![\d])", problem):
                out.append((b, p))
    return out


def misread_quantity(sol: WorkedSolution, problem: str, rng: random.Random):
    """Replace a number copied from the problem with a misread one."""
    sol = sol.copy()
    cands = _problem_operands(sol, problem)
    if not cands:
        return None
    b, p = rng.choice(cands)
    v = float(sol.calcs()[b][1].tokens[p])
    wrong = rng.choice([v + 1, v - 1, v * 10, v + 10] if v >= 2 else [v + 1, v + 2])
    if wrong <= 0:
        return None
    return _swap_operand(sol, b, p, fmt_number(wrong), "misread_quantity",
                         "the student used {new} where the problem gives {old}.")


def missing_quantity(sol: WorkedSolution, problem: str, rng: random.Random):
    """Leave one problem quantity out of a chain of additions or multiplications."""
    sol = sol.copy()
    cands = []
    for b, p in _problem_operands(sol, problem):
        c = sol.calcs()[b][1]
        if "(" in c.tokens or len(c.operand_positions) < 3:
            continue
        ops = {t for t in c.tokens if t in _OP_SWAP}
        if ops in ({"+"}, {"*"}):
            cands.append((b, p))
    if not cands:
        return None
    b, p = rng.choice(cands)
    calc = sol.calcs()[b][1]
    dropped = calc.tokens[p]
    # Remove the operand and the operator next to it; re-index links of this calc.
    lo, hi = (p - 1, p + 1) if p > 0 else (p, p + 2)
    del calc.tokens[lo:hi]
    shift = hi - lo
    sol.links = {(cb, (q - shift if cb == b and q > p else q)): a
                 for (cb, q), a in sol.links.items() if not (cb == b and q == p)}
    right = calc.result
    calc.result = calc.value()
    return _finish(sol, b, "missing_quantity", fmt_number(calc.result), fmt_number(right),
                   f"the student left out the quantity {dropped} from the problem.", [dropped], right)


def unit_conversion(sol: WorkedSolution, problem: str, rng: random.Random):
    """Use a wrong conversion factor (e.g. 100 minutes in an hour) in one computation."""
    if not _UNIT_WORDS.search(problem):
        return None
    sol = sol.copy()
    cands = [(b, p) for b, (_, c) in enumerate(sol.calcs()) for p in c.operand_positions
             if c.tokens[p] in _WRONG_FACTOR and (b, p) not in sol.links
             and c.tokens[p] not in re.findall(r"\d+", problem)]
    if not cands:
        return None
    b, p = rng.choice(cands)
    return _swap_operand(sol, b, p, _WRONG_FACTOR[sol.calcs()[b][1].tokens[p]], "unit_conversion",
                         "the student converted units with the factor {new} instead of {old}.")


def stop_early(sol: WorkedSolution, problem: str, rng: random.Random):
    """Stop after an intermediate step and give its result as the final answer."""
    calc_steps = [i for i, s in enumerate(sol.steps) if s.calcs]
    cands = [i for i in calc_steps[:-1] if not abs(sol.steps[i].calcs[-1].result - sol.answer) < 1e-9]
    if not cands:
        return None
    i = rng.choice(cands)
    out = sol.copy()
    out.steps = out.steps[: i + 1]
    out.answer_link = None
    out.answer = out.steps[i].calcs[-1].result
    k = i + 2  # the answer sentence that follows step i+1 is the first wrong step
    inj = Injection(kind="stop_early", first_error_step=k, category=SCHEMA_CATEGORY["stop_early"],
                    found=fmt_number(out.answer), expected=fmt_number(sol.answer),
                    expected_value=fmt_number(sol.answer), quantities=[fmt_number(out.answer)],
                    description=f"Step {k}: the student gave the intermediate result "
                                f"{fmt_number(out.answer)} as the answer; the problem asks for more.")
    return out, inj


def go_past(sol: WorkedSolution, problem: str, rng: random.Random):
    """Add one more computation after the answer was reached."""
    nums = [n for n in re.findall(r"(?<![\d.])\d+(?:\.\d+)?", problem) if float(n) >= 2]
    if not nums or not sol.steps:
        return None
    q = rng.choice(nums)
    op = rng.choice(["+", "*", "-"])
    extra = Calc(tokens=[fmt_number(sol.answer), op, q], result=0.0)
    extra.result = extra.value()
    if not _plausible(extra.result):
        return None
    out = sol.copy()
    out.steps.append(WorkedStep(template=rng.choice(["Then {0}.", "Next, {0}.", "So {0} in the end."]),
                                calcs=[extra]))
    out.answer_link = None
    out.answer = extra.result
    k = len(out.steps)
    inj = Injection(kind="go_past", first_error_step=k, category=SCHEMA_CATEGORY["go_past"],
                    found=fmt_number(extra.result), expected=fmt_number(sol.answer),
                    expected_value=fmt_number(sol.answer), expression=extra.render(), quantities=[fmt_number(sol.answer), q],
                    description=f"Step {k}: the student had already answered the question and "
                                f"went on to {_OP_NAME[op]} {q}.")
    return out, inj


INJECTORS = {
    "calculation_slip": calculation_slip, "wrong_operation": wrong_operation,
    "misread_quantity": misread_quantity, "missing_quantity": missing_quantity,
    "unit_conversion": unit_conversion, "stop_early": stop_early, "go_past": go_past,
}


def inject(sol: WorkedSolution, problem: str, kind: str,
           rng: random.Random) -> tuple[WorkedSolution, Injection] | None:
    """Inject one error of ``kind`` into a copy of ``sol`` (``sol`` is not changed).

    Args:
        sol: a correct worked solution.
        problem: the problem text (to find quantities copied from it).
        kind: one of :data:`INJECTION_KINDS`.
        rng: the random source (seeded by the caller for reproducibility).

    Returns:
        ``(erroneous solution, injection record)``, or ``None`` when this kind of error does
        not fit this solution (e.g. no unit conversion in it).

    Raises:
        KeyError: unknown ``kind``.
    """
    return INJECTORS[kind](sol, problem, rng)
