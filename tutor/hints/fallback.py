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
    forbidden_values,
    is_forbidden_quantity,
    reword_step_pointers,
    step_quantities,
)
from tutor.hints.numbers import evaluate, numbers_in, value_of
from tutor.hints.slips import slip_method
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
        first = [verdict.found_value] if verdict.found_value else []
        qs = step_quantities(step, Verdict(label="incorrect", quantities=first + list(verdict.quantities)))
    else:
        # Results come last in a step ("3 x 4 = 12"): name the result first.
        qs = list(reversed(step_quantities(step, Verdict(label=verdict.label))))
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


def _slip_expression(verdict: Verdict, step_text: str) -> str | None:
    """The student's own computation in a calculation slip ("3.75 + 1.50" of "3.75 + 1.50 =
    5.15"): its written result is off, and working it out gives the corrected value (when one
    is known). The operation was right, so the hint is about redoing this computation."""
    m = _EXPR.search(step_text)
    if verdict.error_category != "Calculation error" or not m:
        return None
    own = re.sub(r"\s+", " ", m.group(1)).strip()
    result = re.match(r"\s*(-?\s*\$?\d[\d,]*(?:\.\d+)?)", step_text[m.end():])
    worked, written = evaluate(own), _signed_value(result.group(1)) if result else None
    want = _signed_value(verdict.expected_value or "")
    if worked is None or written is None or worked == written or (want is not None and worked != want):
        return None
    return own


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
               "concept": f"An equation stays true only when both sides change in the same way. "
                          f"In step {k}, check each move you made to get from {before} to {after}.",
               "bottom_out": f"Redo step {k}: start again from {before}. Do one move at a time, the same "
                             "on both sides. Then use your new equation in the steps after it."}.get(
                   kind, f"Look at step {k} again. Does {after} follow from {before}?")
        # the same without the equations, for when they hold a number a hint must not say
        if kind == "where":
            for qq in qs[:3]:
                yield (f"Look at step {k}. How did you get {qq} there from the equation before it? "
                       "Did you do the same thing to both sides?")
        yield {"concept": f"An equation stays true only when both sides change in the same way. "
                          f"Check each move you made in step {k}.",
               "bottom_out": f"Redo step {k}: start again from the equation before it. Add, subtract, multiply "
                             "or divide both sides by the same amount, one move at a time. Then use your new "
                             "equation in the steps after it."}.get(
                   kind, f"Look at step {k} again. Does it follow from the equation before it?")
    cat = verdict.error_category if verdict.error_category in _WHERE else None
    step_text = steps[k - 1].text if k and 1 <= k <= len(steps) else ""
    slip = _slip_expression(verdict, step_text)
    if kind == "where":
        named = named_misconception(problem, steps, verdict)
        if named is not None and named.where:  # a misconception over steps: where, as a question
            yield named.where
        if slip:  # name the computation to redo, not only its result
            if verdict.found_value:
                yield f"Look at step {k}. Work out {slip} again. Do you still get {verdict.found_value}?"
            yield f"Look at step {k}. Work out {slip} again. What do you get?"
        for qq in qs[:3]:
            yield _WHERE[cat].format(k=k, q=qq)
        yield f"Look at step {k} again. What is that step trying to find?"
    elif kind == "concept":
        named = named_misconception(problem, steps, verdict)
        if named is not None:  # the idea that was missed, as a question
            yield named.hint
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
        method = slip and slip_method(slip, money=_money_operands(slip, problem.text + " " + step_text))
        if method:  # how to work it out, without the result (it may be the answer)
            later = f" {after}" if k < len(steps) else ""
            yield f"Redo step {k} like this. {method}{later}"
            yield f"Redo step {k}. {method}"
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
