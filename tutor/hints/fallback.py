"""Deterministic hint wording built from the verdict alone (no model).

Used when no model is loaded, and whenever the model's text fails a guard. Each hint is
assembled from the facts the verifier found — the step number, a quantity of that step, the
error category, the student's value and (at level 3 only) the corrected value — and tried from
the richest wording to the plainest until one passes every guard in :mod:`tutor.hints.guards`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction

from tutor.dimensions import asks
from tutor.hints.guards import (
    check_hint,
    concludes,
    forbidden_values,
    is_forbidden_quantity,
    reword_step_pointers,
    step_quantities,
)
from tutor.hints.numbers import evaluate, numbers_in, value_of
from tutor.hints.slips import (fraction_concept, fraction_method, fraction_sum, fraction_sum_method, inverse_check,
                              sign_method, slip_method)
from tutor.mathcheck import check_step
from tutor.misconceptions import Misconception
from tutor.misconceptions import find as find_misconception
from tutor.misconceptions import rewriting_misconception
from tutor.numwords import spelled_numbers
from tutor.schema import Equation, Hint, Problem, Step, Verdict

# Level 1 ("where"): a question that points at the step and names a quantity of it.
_WHERE = {
    "Calculation error": "Look at step {k}. Check the math with {q} again. Do you get the same number?",
    "Misunderstanding of the question": "Look at step {k}. Read the question again. What does it tell you about {q}?",
    "Logical error / Wrong approach": "Look at step {k}. Why did you use {q} there? Is that what the problem needs?",
    "Missing / Wrong factual knowledge": "Look at step {k}. What do you know about {q}? Is that fact true?",
    "Missing step": "Look at step {k}. Did you skip something before you used {q}?",
    "Wrong unit conversion": "Look at step {k}. What unit is {q} in? Does it match the other numbers?",
    None: "Look at step {k}. How did you get {q}? Does it fit the story in the problem?",
}
# Level 2 ("concept"): the idea or relation that was missed, naming the quantity.
_CONCEPT = {
    "Calculation error": "In step {k}, the plan is fine but the {op} is off. Check how you got {q}, one part at a time.",
    "Misunderstanding of the question": "Read each sentence of the problem again. In step {k}, think about what {q} stands for. Which amount does the question ask about?",
    "Logical error / Wrong approach": "Think about how the amounts are linked. In step {k}, should {q} be added, taken away, multiplied or shared? Choose what the story needs.",
    "Missing / Wrong factual knowledge": "A fact in step {k} needs checking. Think about {q}. How many are in one group, or in one unit?",
    "Missing step": "Something must be found before step {k}. Work out that amount first, then use {q}.",
    "Wrong unit conversion": "Amounts must use the same unit before you work with them. In step {k}, change {q} to match the other unit.",
    None: "In step {k}, check how {q} is linked to the other amounts in the problem.",
}
#: The plainest bottom-out wording: no number (so it cannot leak), but it says how to redo.
PLAIN_BOTTOM_OUT = ("Redo only step {k}. Decide which amounts it needs and whether to add, subtract, "
                    "multiply or divide them. Then use your new number in the steps after it.")
_OPS = {"multiply": "multiplication", "divide": "division", "add": "addition",
        "subtract": "subtraction", "fraction": "fraction", None: "math"}
# a leading minus belongs to the number ("-27 - 27"), a hyphen inside a word does not
_EXPR = re.compile(r"((?:(?<![\w.])-)?\$?\d[\d,]*(?:\.\d+)?(?:\s*[-+x×*/÷]\s*\$?\d[\d,]*(?:\.\d+)?)+)\s*=")


def target_step(steps: list[Step], verdict: Verdict) -> int | None:
    """The step a hint talks about: the first wrong step; for ``unsure`` the first unsure
    step; for ``correct`` the last step that computes something. ``None`` if there is no step."""
    if verdict.first_error_step is not None and 1 <= verdict.first_error_step <= len(steps):
        return verdict.first_error_step
    if verdict.label == "unsure" and "unsure" in verdict.marks:
        return verdict.marks.index("unsure") + 1
    for pick in (_operation, numbers_in):  # a step that computes, else one with a number
        found = [s.number for s in steps if pick(s.text)]
        if found:
            return found[-1]
    return steps[-1].number if steps else None


def safe_quantities(problem: Problem, steps: list[Step], verdict: Verdict, level: int,
                    k: int | None) -> list[str]:
    """Quantities of step ``k`` a hint of ``level`` may name (forbidden values removed)."""
    step = steps[k - 1] if k is not None and 1 <= k <= len(steps) else None
    if verdict.label == "incorrect":
        # The student's own result of the step is the most natural thing to point at.
        first = [found_as_written(verdict.found_value, step.text if step else "")] if verdict.found_value else []
        first = [f for f in first if f]
        qs = step_quantities(step, Verdict(label="incorrect", quantities=first + list(verdict.quantities)))
    else:
        # Results come last in a step ("3 x 4 = 12"): name the result first; names after numbers.
        qs = step_quantities(step, Verdict(label=verdict.label))
        qs = [q for q in reversed(qs) if value_of(q) is not None] + [q for q in qs if value_of(q) is None]
    forbidden = forbidden_values(problem, verdict, level, steps)
    return [q for q in qs if not is_forbidden_quantity(q, forbidden)]


_TIGHT_FRACTION = re.compile(r"(?<![\d.])\d+/\d+(?![\d.])")


def _operation(text: str) -> str | None:
    """The step's operation, a written fraction ("3/8") not counting as a division."""
    plain = _TIGHT_FRACTION.sub("1", text)
    m = re.search(r"\d\s*([-+x×*/÷])\s*\$?\d", plain)
    if not m:
        return "fraction" if plain != text else None
    return {"x": "multiply", "×": "multiply", "*": "multiply", "/": "divide", "÷": "divide",
            "+": "add", "-": "subtract"}[m.group(1)]


def _expression(text: str) -> str | None:
    m = _EXPR.search(text)
    return re.sub(r"\s+", " ", m.group(1)).strip() if m else None


def _signed_value(text: str) -> Fraction | None:
    """``value_of`` with the sign kept: a redo computation must give -54, not 54."""
    value = value_of(text)
    return -value if value is not None and re.match(r"\s*[-−]\s*\$?\d", text) else value


def _reference_expression(problem: Problem, verdict: Verdict) -> str | None:
    """The computation of the reference step whose result is the corrected value, e.g. "3 x 8"."""
    if not problem.reference_solution or not verdict.expected_value:
        return None
    want = _signed_value(verdict.expected_value)
    for line in problem.reference_solution:
        expr = _expression(line)
        if expr and want is not None and evaluate(expr) == want:
            return expr
    return None


def _redo_expression(problem: Problem, verdict: Verdict, step_text: str) -> str | None:
    """A computation that redoes the wrong step: the reference step's when it gives the
    corrected value, else the student's own when it does (a pure slip), else ``None``."""
    ref = _reference_expression(problem, verdict)
    if ref:
        return ref
    own = _expression(step_text)
    want = _signed_value(verdict.expected_value or "")
    slip = verdict.error_category == "Calculation error"
    if own and ((want is None and slip) or (want is not None and evaluate(own) == want)):
        return own
    return None


_NUM_TEXT = r"\$?\d[\d,]*(?:\.\d+)?"
_TERM = rf"(?:[-−(]\s*)*(?:{_NUM_TEXT}\s*π?|π)\s*\)*(?:[²³]|\^\d)?"
_OP = r"\s*[-−+x×*/÷]\s*"
_MATH = rf"{_TERM}(?:{_OP}{_TERM})*"
_LEFT = re.compile(rf"({_MATH})\s*$")
_RIGHT = re.compile(rf"\s*({_MATH})")
_CALCULATION = re.compile(r"the calculation (.+?) does not equal (.+?)\.?$")


def _exact(expr: str) -> Fraction | None:
    """Exact value of a computation as a student writes it ("(-6) × 4", "π × 3²", "6π",
    "$3.75 + 1.5"); π is one fixed rational, so "π × 3² = 9π" holds and "= 6π" does not.
    ``None`` when it is not plain arithmetic (or has a power past 6)."""
    e = expr.replace("−", "-").replace("×", "*").replace("÷", "/").replace("$", "").replace(",", "")
    e = re.sub(r"(?<=[\d)])\s*x\s*(?=[\d(])", "*", e)  # "0.08 x 250"
    e = e.replace("²", "^2").replace("³", "^3")
    if any(int(p) > 6 for p in re.findall(r"\^(\d+)", e)):
        return None
    e = re.sub(r"(\d|\))\s*π", r"\1*π", e)
    e = re.sub(r"π\s*(\d|\()", r"π*\1", e).replace("π", "(314159/100000)").replace("^", "**")
    if re.search(r"[A-Za-z]", e):
        return None
    return evaluate(e)


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def wrong_link(step_text: str, verdict: Verdict | None = None) -> tuple[str, str] | None:
    """The computation of a step that does not come to what the student wrote after it, as
    the student wrote both: ``("18/4", "5.5")`` for "6 × 3/4 = 18/4 = 5.5 cups" (the first
    link of the chain holds), ``("450 − 379", "81")``, ``("π × 3²", "6π")``. Failing that, the
    two sides the verifier named ("the calculation 150 minutes does not equal 1 hour 50
    minutes") when the step writes both as they are. ``None`` when neither is found."""
    sides = step_text.split("=")
    for before, after in zip(sides, sides[1:]):
        left, right = _LEFT.search(before), _RIGHT.match(after)
        if not left or not right or not re.search(r"\d|π", left.group(1)):
            continue
        lhs, rhs = _tidy(left.group(1)), _tidy(right.group(1))
        # a computation, not a number copied on ("15% of 40 = 0.15 × 40")
        if not re.search(r"\d\s*\)?\s*[-−+x×*/÷]\s*[(\-−]*\s*[\d$π]|[²³^π]", lhs):
            continue
        a, b = _exact(lhs), _exact(rhs)
        if a is not None and b is not None and a != b:
            return lhs, rhs
    m = _CALCULATION.search((verdict.explanation or "") if verdict else "")
    if m and m.group(1) in step_text and m.group(2) in step_text and m.group(1) != m.group(2):
        return m.group(1), m.group(2)
    return None


def found_as_written(found: str | None, step_text: str) -> str | None:
    """The student's value as the step writes it ("5.5", not "11/2"; "2.10", not "2.1"); an
    algebra result ("3x + 4") as it is; ``None`` for a number the step does not write (the
    verifier's own reading of "6π" as 18.85 is no quantity a student can find)."""
    if not found or re.search(r"[A-Za-z]", found):
        return found
    value = _signed_value(found)
    if value is None:
        return found
    if re.search(rf"(?<![\d.,/]){re.escape(found.strip().lstrip('-'))}(?![\d/]|[.,]\d)", step_text):
        return found  # written so ("4.5" of "36/8 = 4.5")
    places = len(found.split(".")[1]) if "." in found else 0
    for n in numbers_in(step_text):  # the same value written another way ("5.5" for 11/2, "1/3" for 0.3333)
        if n.value == abs(value) or (places and round(float(n.value), places) == float(abs(value))):
            text = n.text.strip()
            return "-" + text if value < 0 and re.search(rf"[-−]\s*{re.escape(text)}", step_text) else text
    return None


def _slip_expression(verdict: Verdict, step_text: str) -> str | None:
    """The student's own computation in a calculation slip ("3.75 + 1.50" of "3.75 + 1.50 =
    5.15", "18/4" of "6 × 3/4 = 18/4 = 5.5"): its written result is off, and working it out
    gives the corrected value (when one is known). The operation was right, so the hint is
    about redoing this computation (:func:`wrong_link`)."""
    if verdict.error_category != "Calculation error":
        return None
    link = wrong_link(step_text, verdict)
    if link is None or _exact(link[0]) is None:
        return None
    want = _signed_value(verdict.expected_value or "")
    if want is not None and _exact(link[0]) != want and "π" not in link[0]:
        return None
    return link[0]


def _money_operands(expr: str, text: str) -> bool:
    """Whether every number of ``expr`` is written as money in ``text`` ("$2.50", "2.50
    dollars"): the cents method then fits; "2.5 m + 1.25 m" next to "$3 a meter" does not."""
    numbers = re.findall(r"\d+(?:\.\d+)?", expr)
    return bool(numbers) and all(
        re.search(rf"\$\s?{re.escape(n)}(?!\d|\.\d)|(?<![\d.]){re.escape(n)}\s*(?:dollars?|cents?)\b", text)
        for n in numbers)


# (not after a minus: "if 4 were twice as big" about a -4 says something else)
_GIVEN = re.compile(r"(?<![\w.,/:\-−])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*(?:%|percent\b))?", re.I)
# what makes a written number part of another quantity: "1/4", "1:2", "2 1/2", "6:30", "6 am",
# "3rd" (spaced as well: "1 / 4")
_PART_AFTER = re.compile(r"\s*[/:]\s*\d|\s+\d+\s*/\s*\d|\s*(?:[ap]\.?m\b|o'?clock\b)|(?:st|nd|rd|th)\b", re.I)
_PART_BEFORE = re.compile(r"\d\s*[/:]\s*$")
_CLOCK_AFTER = re.compile(r"\s*(?:[ap]\.?m\b|o'?clock\b)", re.I)


def doublable_givens(text: str) -> list[str]:
    """The numbers of a problem that a "what if it were twice as big" question can double, in
    the order written: each a quantity of its own (not a part of a fraction, ratio, mixed
    number, clock time or ordinal, nor negative), a percent only while twice it stays a share
    (at most 100%), and no 1 ("1 inch = 15 miles" is a unit; "one" is as often a pronoun).
    A value the problem writes twice is left out: "if 4 were twice as big" would not say which."""
    found: list[tuple[int, str, Fraction]] = []
    for m in _GIVEN.finditer(text):
        if _PART_AFTER.match(text, m.end()) or _PART_BEFORE.search(text[:m.start()]):
            continue
        value = Fraction(m.group(1).replace(",", ""))
        if (m.group(2) and 2 * value > 100) or value == 1:  # a 1 is a unit ("1 inch = 15 miles")
            continue
        found.append((m.start(), m.group(0), value))
    for n in spelled_numbers(text):
        if n.value == n.whole and n.value >= 2 and not _CLOCK_AFTER.match(text, n.end):
            found.append((n.start, text[n.start:n.end], n.value))
    written = [n.value for n in numbers_in(text)]
    return [t for _, t, v in sorted(found, key=lambda f: f[0]) if written.count(v) == 1]


def named_misconception(problem: Problem, steps: list[Step], verdict: Verdict) -> Misconception | None:
    """The misconception the first wrong step shows (:func:`tutor.misconceptions.find`), the
    algebra step the verifier found included; ``None`` for other verdicts."""
    k = verdict.first_error_step
    if verdict.label != "incorrect" or k is None or not 1 <= k <= len(steps):
        return None
    rewriting = verdict.evidence.get("expression") or {}
    if rewriting.get("step") == k and rewriting.get("from"):  # an expression rewritten (not an equation)
        return rewriting_misconception(k, steps[k - 1].text, problem.text, rewriting["from"], rewriting["to"])
    algebra = verdict.evidence.get("derivation")
    equations = None
    if algebra:
        equations = check_step(steps[k - 1].text, k).equations + [
            Equation(text=algebra["to"], ok=False, follows=algebra["from"])]
    return find_misconception(k, steps[k - 1].text, problem.text, equations, solution=[s.text for s in steps])


def _rules(explanation: str | None) -> str:
    """The general idea in the verifier's explanation: its sentences that state a rule ("The
    median is the middle of the numbers put in order …"), not the ones about this step ("In
    step 3, …"); "" when there are none."""
    sentences = re.split(r"(?<=[.!?])\s+", (explanation or "").strip())
    keep = [x for x in sentences[1:] if x and not re.match(r"(?i)(?:in\s+)?step\s+\d|so\b|this\b|that\b|it\b", x)]
    return " ".join(keep)


def _rewrite_wordings(k: int | None, verdict: Verdict) -> dict[str, str] | None:
    """Hints for an expression rewritten into one that is not equal ("x² + 2x + 3x" as "6x",
    "7x - (2x - 3)" as "7x - 2x - 3"), for when no misconception is named: the two must agree
    for every value of the letter, which the student can test; ``None`` without that finding."""
    found = verdict.evidence.get("expression") or {}
    before, after = found.get("from"), found.get("to")
    if verdict.label != "incorrect" or not k or found.get("step") != k or not before or not after:
        return None
    letter = (re.findall(r"[a-z]", before) or ["x"])[0]
    minus = re.search(r"[-−]\s*\(", before)
    rule = ("A minus in front of brackets changes the sign of every term inside them." if minus else
            "Only like terms, with the same letter and the same power, can be put together.")
    return {
        "where": (f"Look at step {k}, where {before} becomes {after}. Put the same small number in for "
                  f"{letter} in both. Do they give the same value?"),
        "concept": (f"In step {k}, the expressions {before} and {after} would have to agree for every value of "
                    f"{letter}. {rule} "
                    "Which terms did you put together?"),
        "bottom_out": (f"Redo step {k}: start again from {before}. "
                       + ("Clear the brackets first, changing the sign of each term inside. " if minus else "")
                       + f"Put together only like terms. Then check with a number for {letter}."),
    }


def _strategy_question(note: dict) -> str:
    """The extension question for a right algebra step that brought the unknown no closer to
    being on its own (``verdict.evidence["strategy"]`` item, :func:`tutor.derivation.strategy_note`):
    it asks for a better move, never says the step was wrong, and names no value."""
    k, before, after, x = note["step"], note["from"], note["to"], note["letter"]
    if note["kind"] == "no effect":
        return (f"Try this: in step {k}, {after} is the same equation as {before}. Which move on both sides "
                f"would get {x} on its own?")
    return (f"Try this: in step {k}, {before} became {after}. That is true, but is {x} any closer to being on "
            "its own? Which move would get it there sooner?")


def _as_division(expr: str) -> str | None:
    """"18 ÷ 4" for a computation that is one fraction ("18/4"), else ``None``."""
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", expr)
    return f"{m.group(1)} ÷ {m.group(2)}" if m else None


def _slip_concepts(k: int, link: tuple[str, str], slip: str | None) -> Iterator[str]:
    """Level-2 wordings for a calculation slip: the idea that checks the computation ``link``
    (signs, the decimal point, equal fractions, a power), then an estimate; no result."""
    lhs, rhs = link[0], link[1].lstrip("$")
    fraction = fraction_concept(lhs, rhs)
    if fraction:
        yield f"In step {k}, {fraction[0].lower()}{fraction[1:]}"
    fractions = fraction_sum(lhs)
    if fractions:  # "3/4 - 1/2": one bottom number first
        verb = "added" if fractions[1] == "addition" else "taken away"
        # ("In step 1, 3/4 …" would read as a pointer at steps 1 and 3)
        yield (f"In step {k}, the work is a fraction {fractions[1]}: {lhs}. Fractions can be {verb} only "
               f"when they have the same bottom number. Is that true of {fractions[0]} and {fractions[2]}?")
    a, b = _exact(lhs), _exact(rhs)
    # a negative number in it ("-120 + 45", "(-6) × 4", "3 - -9"), or only the sign of the result is off
    if re.search(r"^\s*[-−]\s*\d|\(\s*[-−]|[-−+x×*/÷]\s*[-−]\s*\d", lhs) or (a is not None and b is not None and a == -b):
        if re.search(r"[x×*/÷]", lhs):
            yield (f"In step {k}, {lhs} has a negative number in it. Count the negative numbers: "
                   "is the result positive or negative?")
        else:
            yield (f"In step {k}, picture {lhs} on a number line. Adding moves you right and taking away moves "
                   "you left. Which way do you move, and how far?")
    if a and b and a != b and "." in lhs + rhs and any(a == b * 10 ** p or b == a * 10 ** p for p in (1, 2, 3)):
        yield (f"In step {k}, the digits may be right, but check the decimal point. Estimate {lhs} first: "
               f"is {rhs} about that size, or far too big or small?")
    if "²" in lhs or "^2" in lhs:
        yield (f"In step {k}, look at the power in {lhs}. A number squared is that number times itself. "
               "Work out that part first, then the rest.")
    if not slip:  # two sides the verifier compared, not worked out here ("150 minutes")
        yield (f"In step {k}, both sides of the = sign must be the same amount. Write {rhs} in one unit, "
               "then compare it with the other side.")
    check = slip and not fraction and inverse_check(lhs, rhs)  # (not for "1/4 = 2/12": no division there)
    if check:  # the opposite operation finds any slip, and says no result
        yield f"In step {k}, the plan is fine; only working out {lhs} went wrong. Check it backwards: {check}"
    small = all(n.value < 10 and not n.decimals for n in numbers_in(lhs))
    for shown in [lhs, _as_division(lhs)] if slip else []:
        if shown and small:  # nothing to round: "5 x 3"
            yield (f"In step {k}, the plan is fine; only working out {shown} went wrong. Work it out again "
                   f"slowly. Is {rhs} what you get?")
        elif shown:
            yield (f"In step {k}, the plan is fine; only working out {shown} went wrong. Estimate it first by "
                   f"rounding the numbers. Is {rhs} close to your estimate?")
    for shown in [lhs, _as_division(lhs)] if slip else []:  # the student's result may round to a value
        if shown:  # no hint may say ("4.7" for 4.65)
            yield (f"In step {k}, the plan is fine; only working out {shown} went wrong. Estimate it first by "
                   "rounding the numbers. Is your result close to that estimate?")


def _candidates(level: int, kind: str, problem: Problem, steps: list[Step], verdict: Verdict,
                k: int | None, qs: list[str]) -> Iterator[str]:
    """Wordings for one hint, richest first; the last ones name no number at all."""
    q = qs[0] if qs else None
    copied = verdict.evidence.get("copied_from")
    if copied and k and verdict.found_value:  # "x = 105", then "It prints 115 pages"
        found = verdict.found_value  # (hints point at one step: the earlier one is not named)
        yield {"where": f"Look at step {k}, where you write {found}. Is that the number your work found just "
                        "before?",
               "concept": f"In step {k}, compare {found} with your last result. Are all the digits the same?",
               "bottom_out": f"Redo step {k}: put your last result next to {found}. Compare them digit by digit, "
                             "and check the decimal point."}.get(
                   kind, f"Look at step {k} again. Is {found} the number your work found?")
    unfinished = verdict.evidence.get("unfinished")
    if unfinished and k:  # "50 - 41.40 = ?": the step is set up, not worked out
        yield {"where": f"Look at step {k}. You wrote {unfinished} but no result. What does it come to?",
               "concept": f"In step {k}, work out {unfinished} one part at a time.",
               "bottom_out": f"Work out {unfinished} in step {k}. Then say what that number means for the question.",
               "explain": f"Step {k} is not worked out yet. What does {unfinished} come to?"}.get(
                   kind, f"Look at step {k} again. What does {unfinished} come to?")
    algebra = verdict.evidence.get("derivation") if verdict.label == "incorrect" else None
    if algebra and k:  # "2x + 5 = 13" then "2x = 9": the equation changed, not a number slip
        before, after = algebra["from"], algebra["to"]
        noun = "inequality" if re.search(r"[<>≤≥]", before + after) else "equation"
        named = named_misconception(problem, steps, verdict)
        if named is not None and kind in ("concept", "bottom_out"):  # the idea that was missed
            yield named.hint if kind == "concept" else named.redo or named.hint
        expr, got = algebra.get("work_out"), algebra.get("value", after)
        if expr:  # "x = 190/3" then "x = 6.33": a slip in working out the value
            yield {"where": f"Look at step {k}. Work out {expr} again. Is it really {got}?",
                   "concept": f"In step {k}, the equation was right; only working out {expr} went wrong. "
                              "Do it one part at a time.",
                   "bottom_out": f"Redo step {k}: work out {expr} carefully, for example with a written "
                                 "division. Then use that value in the steps after it."}.get(
                       kind, f"Look at step {k} again. What does {expr} come to?")
            # without the expression, for when it is the answer itself ("x = 8/2")
            yield {"where": f"Look at step {k}. Work out the value from the step before again. Is it really {got}?",
                   "concept": f"In step {k}, the equation was right; only working out the value went wrong. "
                              "Do it one part at a time.",
                   "bottom_out": f"Redo step {k}: work out the value from the step before carefully, for "
                                 "example with a written division. Then use it in the steps after it."}.get(
                       kind, f"Look at step {k} again. Work out the value from the step before again.")
            return
        put_in = algebra.get("put_in")
        if put_in:  # "2x = 8" then "x = 6": checking by putting the value in
            v, x = put_in["value"], put_in["letter"]
            yield {"where": f"Look at step {k}. Put {v} in for {x} in {before}. Do both sides come out the same?",
                   "concept": f"A value of {x} is right only when it makes the equation true. In step {k}, "
                              f"check the last move you made to get {x} on its own.",
                   "bottom_out": f"Redo step {k}: start again from {before}. Get {x} on its own one move at a "
                                 "time, doing the same to both sides. Then put your value in to check it."}.get(
                       kind, f"Look at step {k}. Does {x} = {v} make {before} true?")
        yield {"where": f"Look at step {k}. How did you get from {before} to {after}? "
                        "Did you do the same thing to both sides?",
               "concept": f"An {noun} stays true only when both sides change in the same way. "
                          f"In step {k}, check each move you made to get from {before} to {after}.",
               "bottom_out": f"Redo step {k}: start again from {before}. Do one move at a time, the same "
                             f"on both sides. Then use your new {noun} in the steps after it."}.get(
                   kind, f"Look at step {k} again. Does {after} follow from {before}?")
        # the same without the equations, for when they hold a number a hint must not say
        if kind == "where":
            for qq in qs[:3]:
                yield (f"Look at step {k}. How did you get {qq} there from the {noun} before it? "
                       "Did you do the same thing to both sides?")
        yield {"concept": f"An {noun} stays true only when both sides change in the same way. "
                          f"Check each move you made in step {k}.",
               "bottom_out": f"Redo step {k}: start again from the {noun} before it. Add, subtract, multiply "
                             "or divide both sides by the same amount, one move at a time. Then use your new "
                             f"{noun} in the steps after it."}.get(
                   kind, f"Look at step {k} again. Does it follow from the {noun} before it?")
    cat = verdict.error_category if verdict.error_category in _WHERE else None
    step_text = steps[k - 1].text if k and 1 <= k <= len(steps) else ""
    slip = _slip_expression(verdict, step_text)
    link = wrong_link(step_text, verdict) if verdict.error_category == "Calculation error" else None
    rewrite = _rewrite_wordings(k, verdict)
    if kind == "where":
        named = named_misconception(problem, steps, verdict)
        if named is not None and named.where:  # a misconception over steps: where, as a question
            yield named.where
        if link and fraction_concept(*link) and "/" in link[1]:  # "1/4 = 2/12": the student's side only
            yield (f"Look at step {k}, where you write {link[1]}. Is it really the same amount as what comes "
                   "before the = sign?")
        if slip:  # name the computation to redo, not only its result
            if link:  # the student's result as written ("5.5", not the verifier's 11/2)
                got = link[1].lstrip("$")
                yield f"Look at step {k}. Work out {slip} again. Do you still get {got}?"
                shared = _as_division(slip)
                if shared:  # "18/4" states the value 4.5 that a hint may not say; "18 ÷ 4" does not
                    yield f"Look at step {k}. Work out {shared} again. Do you still get {got}?"
            if verdict.found_value:
                yield f"Look at step {k}. Work out {slip} again. Do you still get {verdict.found_value}?"
            yield f"Look at step {k}. Work out {slip} again. What do you get?"
        if rewrite:
            yield rewrite["where"]
        if verdict.error_category == "Missing step" and concludes(steps, verdict):
            for qq in qs[:2]:  # the work stops at a part: does it answer the question?
                yield (f"Look at step {k}, where you end with {qq}. Is {qq} what the question asks for, "
                       "or is a step still missing?")
        elif link:  # two sides the verifier compared ("150 minutes", "1 hour 50 minutes")
            yield f"Look at step {k}. Is {link[0]} really the same as {link[1]}? Check each part again."
        if link:  # the left side may be a value no hint may say: point at the student's side only
            yield (f"Look at step {k}, where you write {link[1]}. Is it really the same amount as what comes "
                   "before the = sign?")
        for qq in qs[:3]:
            yield _WHERE[cat].format(k=k, q=qq)
        yield f"Look at step {k} again. What is that step trying to find?"
    elif kind == "concept":
        named = named_misconception(problem, steps, verdict)
        if named is not None:  # the idea that was missed, as a question
            yield named.hint
        if rewrite:
            yield rewrite["concept"]
        if link:  # a slip: the idea that checks this computation, naming it
            yield from _slip_concepts(k, link, slip)
        rules = _rules(verdict.explanation)
        if rules and verdict.error_category != "Calculation error":  # the idea the verifier named
            yield f"Think about step {k}. {rules} Does step {k} do that?"
        op = _OPS[_operation(step_text)]
        for qq in qs[:3]:
            concept = _CONCEPT[cat].format(k=k, q=qq, op=op)
            if verdict.explanation:
                yield f"{concept} {verdict.explanation.strip()}"
            yield concept
        yield f"Think about what step {k} needs to find. Which amounts from the problem belong there?"
    elif kind == "bottom_out":
        named = named_misconception(problem, steps, verdict)
        if named is not None and named.redo:  # redo the step the way the missed idea says
            yield named.redo
        if verdict.error_category == "Went past the answer" and k and k > 1:
            # nothing to redo: the work before this step already answers the question
            for qq in qs[:1]:
                yield (f"Stop before step {k}: the steps before it already answer the question. "
                       f"Step {k} is not needed, so leave out {qq}.")
            yield (f"Stop before step {k}: the steps before it already answer the question. "
                   f"Step {k} is not needed, so leave it out.")
        expr = _redo_expression(problem, verdict, step_text)
        after = "Then use your new number in the steps after it."
        if expr and verdict.expected_value:
            yield f"Redo step {k} like this: work out {expr}. You should get {verdict.expected_value}. {after}"
        if verdict.expected_value:
            was = f", not {verdict.found_value}" if verdict.found_value else ""
            yield f"Redo only step {k}. Its value should be {verdict.expected_value}{was}. {after}"
        methods = [(link and fraction_method(*link)), fraction_sum_method(slip),
                   slip_method(slip.replace("−", "-"), money=_money_operands(slip, problem.text + " " + step_text)),
                   sign_method(slip)] if slip else []
        for method in filter(None, methods):  # how to work it out, without the result (it may be the answer)
            later = f" {after}" if k < len(steps) else ""
            yield f"Redo step {k} like this. {method}{later}"
            yield f"Redo step {k}. {method}"
        if rewrite:
            yield rewrite["bottom_out"]
        if link and not slip:
            yield (f"Redo step {k}: write {link[1]} in one unit, part by part. Then compare it with the other "
                   "side of the = sign, and change it if they differ.")
        if link and re.search(r"[²³^]", link[0]):  # "π × 3² = 6π": the power first
            yield (f"Redo step {k}: in {link[0]}, work out the power first: the number times itself, as many "
                   f"times as the power says. Then do the rest of {link[0]}.")
        if expr:
            yield f"Redo step {k} like this: work out {expr} carefully. {after}"
        op = _OPS[_operation(step_text)]
        yield f"Redo only step {k}. Check which numbers belong in the {op}, then do it again. {after}"
        if verdict.error_category == "Calculation error":  # the operation was right: redo it, do not choose
            yield f"Redo only step {k}. Do its {op} again by hand, one small part at a time. {after}"
        else:
            yield PLAIN_BOTTOM_OUT.format(k=k)
    elif kind == "confirm":
        # a result to praise, not a letter or the 2 of a half ("your work with V", "with 2")
        for qq in [q for q in qs if re.search(r"\d", q) and q not in ("1", "2")][:3]:
            yield f"Well done! Your steps follow from each other, and your work with {qq} in step {k} is right."
        yield "Well done! Each of your steps follows from the one before it."
    elif kind == "extension":
        for note in verdict.evidence.get("strategy", [])[:1]:  # a true step that got nowhere: a better move
            yield _strategy_question(note)
        forbidden = forbidden_values(problem, verdict, level, steps)
        # a number the last step states is a result (often the answer, even without a reference)
        stated = {n.value for n in numbers_in(steps[-1].text)} if steps else set()
        given = [g for g in doublable_givens(problem.text)
                 if not is_forbidden_quantity(g, forbidden) and value_of(g) not in stated]
        for qq in given[:3]:
            yield f"Try this: what would change in your work if {qq} in the problem were twice as big?"
        yield "Try this: can you check your answer by working backwards from your last step?"
    elif kind == "explain":
        units = verdict.evidence.get("units")
        if units and k:  # "180 miles x 3 hours" for miles per hour: a question about units
            a, b = units["operands"]
            if units["kind"] in ("rate", "unit"):
                verb = "multiply" if "*" in units["expression"] else "divide"
                yield f"In step {k} you {verb} {a} by {b}. What unit does that give? {asks(units['asked'])}"
            else:
                verb = "add" if "+" in units["expression"] else "subtract"
                yield (f"In step {k} you {verb} {a} and {b}. Are they the same kind of thing? "
                       "What does each number stand for?")
        letter = verdict.evidence.get("not_solved")
        if letter:  # "Solve 6x - 4 = 20." and the work stops at "6x = 24"
            so_far = "Your steps so far check out" if "unsure" not in verdict.marks[:-1] else "You are not done yet"
            for qq in [q for q in qs if re.search(r"\d", q)][:2]:
                yield (f"{so_far}, up to {qq} in step {k}. What is {letter} on its own? "
                       f"Keep going until you get {letter} = a number.")
            yield f"{so_far}. What is {letter} on its own? Keep going until you get {letter} = a number."
        if verdict.unused_given:  # the doubt is a given number the work leaves out
            u = verdict.unused_given
            yield f"The problem also tells you {u}. Where does {u} belong in your work? Is your solution finished?"
        if verdict.calculation_right(k):
            # the calculation is right; what is in doubt is whether it is the one the problem needs
            for qq in qs[:3]:
                yield (f"Your calculation in step {k} is right. Can you explain in your own words why "
                       f"the problem needs {qq} there?")
        for qq in qs[:3]:
            yield f"I am not sure about step {k} yet. Can you explain in your own words how you got {qq}?"
        yield f"I am not sure about step {k} yet. Can you explain in your own words what you did there?"
    else:
        raise ValueError(f"unknown hint kind {kind!r}")


def fallback_hint(problem: Problem, steps: list[Step], verdict: Verdict, level: int, kind: str) -> Hint:
    """Deterministic hint of ``kind`` at ``level``, built from the verdict; passes the guards.

    Tries wordings from the richest (quantity, category, explanation, corrected value at level
    3) to the plainest and returns the first that passes :func:`~tutor.hints.guards.check_hint`;
    the plainest wordings name no number, so they cannot leak a value.

    Raises:
        ValueError: ``kind`` is not one of :data:`tutor.schema.HINT_KINDS`.
    """
    k = target_step(steps, verdict)
    qs = safe_quantities(problem, steps, verdict, level, k)
    last = None
    forbidden = forbidden_values(problem, verdict, level, steps)
    for text in _candidates(level, kind, problem, steps, verdict, k, qs):
        text = last = reword_step_pointers(text, forbidden)
        if not check_hint(text, level, kind, problem, steps, verdict):
            return Hint(level=level, kind=kind, text=text, source="fallback")
    # Only grounding can still fail here (no quantity left to name): the plainest wording
    # is number-free, hence leak-free, and names no other step.
    return Hint(level=level, kind=kind, text=last or "Look at your steps again.", source="fallback")
