"""Algebra steps checked across a solution: an equation in one unknown must keep the solution
of the equation it was derived from.

A student who writes ``2x + 5 = 13`` and then ``2x = 9`` has changed the equation: the two do
not have the same solution, so the second line is a wrong algebra step even though neither
line holds a computation to evaluate. :func:`derivation_checks` follows each unknown through
the steps (the problem's own equation, "Solve 3(x - 2) = 12", starts the chain) and records,
for every later equation in that unknown, whether it is equivalent to the one before. A step
that introduces the letter anew ("Let x be the number of ...") starts a new chain, and an
equation tried as a case or a test value ("If x = 2, ...", "Substituting x = 20") is neither
checked nor followed. Only equations linear in their unknown with one solution are read
(:func:`tutor.mathcheck.linear_equations`); several values written for one letter in one step
("x = 2 or x = 3") end that letter's chain, and nothing is checked against a bare value
("x = 4" then "x = 0" may be two points, two cases).

Layer 3 (pure functions over text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from tutor.mathcheck import LinearEquation, _is_literal, linear_equations, normalize_math, values_match
from tutor.schema import Equation, StepCheck

# "Let x be", "x represents", "x = the number of": the letter is (re)defined in this step
_DEFINES = r"(?i)\blet\s+{L}\b|\b{L}\s+(?:be|represents?|stands?\s+for|denotes?|is\s+the)\b|\b{L}\s*=\s*the\b"
# the words just before an equation that make it a case or a trial value, not a claim
_TRIAL = re.compile(r"(?i)\b(?:if|when|whether|suppose|assume|assuming|try|trying|plug(?:ging)?|"
                    r"substitut\w*|check(?:ing)?|test(?:ing)?|case|or)\W*(?:\w+\W+){0,6}$")


# a step that takes up another case or root: its equations start over, they are not derived
_CASES = re.compile(r"(?i)\b(?:case|second|third|alternatively|otherwise|(?:an)?other\s+(?:root|solution|value))\b")
# a step with several solutions at once ("x = (53 ± 13)/8", "the roots"): the chain ends there
_SEVERAL = re.compile(r"(?i)±|\\pm\b|\broots\b")


def _defines(text: str, letter: str) -> bool:
    return bool(re.search(_DEFINES.format(L=re.escape(letter)), text))


def _same_solution(before: Fraction, eq: LinearEquation) -> bool:
    """Equal solutions; a solved form written with decimals may round ("x = 63.33" for 190/3)."""
    if before == eq.value:
        return True
    return eq.solved and values_match(float(before), float(eq.value), _value_side(eq))


def _value_side(eq: LinearEquation) -> str:
    lhs, rhs = eq.text.split("=")
    return rhs if lhs == eq.letter else lhs


def _worked_out(eq: LinearEquation) -> bool:
    """A value statement whose value is a written number ("x = 65.3"), not a computation."""
    return eq.solved and _is_literal(_value_side(eq))


def derivation_checks(problem_text: str, step_texts: Sequence[str]) -> list[list[Equation]]:
    """Check each step's equations against the equation their unknown last satisfied.

    Args:
        problem_text: the problem; its equations start the chains ("Solve 2x + 5 = 13").
        step_texts: the steps in order.

    Returns:
        One list per step (same order and length as ``step_texts``) of
        :class:`~tutor.schema.Equation` with ``follows`` set to the earlier equation:
        ``ok`` ``True`` when both have the same solution, ``False`` when not (``lhs_value`` is
        the earlier solution, ``rhs_value`` the new one, ``expected`` left empty: the solution
        may be the problem's answer).
    """
    # letter -> the equations it may continue from (the problem may state several)
    chains: dict[str, list[LinearEquation]] = {}
    for eq in linear_equations(problem_text):
        chains.setdefault(eq.letter, []).append(eq)
    out: list[list[Equation]] = []
    since: dict[str, int] = {}  # the step each letter's chain was last extended in
    for step, text in enumerate(step_texts):
        found: list[Equation] = []
        eqs = linear_equations(text)
        normalized = normalize_math(text)[:2000]
        for letter in {e.letter for e in eqs}:
            if _defines(text, letter) or _CASES.search(text):
                chains.pop(letter, None)  # a new meaning, or another case: it starts over here
        # several values for a letter in one step ("x = 2 or x = 3", "±"): its chain ends
        ended = {e.letter for e in eqs if _SEVERAL.search(text)
                 or len({x.value for x in eqs if x.letter == e.letter and x.solved}) > 1}
        for eq in eqs:
            if eq.letter in ended:
                chains.pop(eq.letter, None)
                continue
            if eq.chained or _TRIAL.search(normalized[:eq.start]):
                continue
            # a value written for the letter ("x = 4") is where a derivation ends, not an
            # equation to go on from: a later value may be another case or another point. A
            # value still to work out ("x = -966.48/14.8") is worked out by the next value.
            evaluates = _worked_out(eq) and since.get(eq.letter, -9) >= step - 1  # right after it
            before = [b for b in chains.get(eq.letter, ()) if not b.solved or (evaluates and not _worked_out(b))]
            if before:
                match = next((b for b in before if _same_solution(b.value, eq)), None)
                prev = match or before[-1]
                found.append(Equation(text=eq.text, lhs_value=float(prev.value), rhs_value=float(eq.value),
                                      ok=match is not None, follows=prev.text))
            chains[eq.letter], since[eq.letter] = [eq], step
        out.append(found)
    return out


def algebra_slip(check: StepCheck) -> bool:
    """Whether a step's checks hold an algebra step that changed the solution."""
    return any(e.follows and e.ok is False for e in check.equations)
