"""Algebra steps checked across a solution: an equation in one unknown must keep the solution
of an equation it was derived from.

A student who writes ``2x + 5 = 13`` and then ``2x = 9`` has changed the equation: the two do
not have the same solution, so the second line is a wrong algebra step even though neither
line holds a computation to evaluate. :func:`derivation_checks` follows each unknown through
the steps. The equations an unknown has satisfied so far (the problem's own ones first: "Solve
3(x - 2) = 12") are the *parents* a new equation may come from; it is right when it has the
same solution as one of them. Rounding is allowed where the new equation writes decimals
("x + 1 = 3.33" from 3(x + 1) = 10).

Where an unknown may rightly take several values, a new equation that matches no parent is a
new *branch*, not an error: after "case", "second", "another root", "±", or where a power, a
root or a product of brackets is written ("(x + 1)^2 = 9", then "x + 1 = 3" and "x + 1 = -3"). Values ("x = 2") must still match a parent. A step that introduces the letter anew
("Let x be the number of ...") starts over, so does one after a derivation that ended in a
value ("x + 5 = 12", "x = 7", then "3x = 24" for another number), and an equation tried as a
test value ("If x = 2, ...", "Substituting x = 20") is neither checked nor followed. A bare value ("x = 4") is where a
derivation ends, so nothing is checked against it; a value still to work out ("x = 190/3") is
checked by the value written right after it. Only equations linear in their unknown with one
solution are read (:func:`tutor.mathcheck.linear_equations`).

Layer 3 (pure functions over text).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from tutor.mathcheck import LinearEquation, linear_equations, normalize_math, numbers_in, residual, values_match
from tutor.schema import Equation, StepCheck

# "Let x be", "x represents", "x = the number of": the letter is (re)defined in this step
_DEFINES = (r"(?i)\blet\s+{L}\b|\blet\s+(?:[\w']+\s+){{0,6}}be\s+{L}\b"
            r"|\b{L}\s+(?:be|represents?|stands?\s+for|denotes?|is\s+the\s+number)\b|\b{L}\s*=\s*the\b")
# the words just before an equation that make it a trial value, not a claim
_TRIAL = re.compile(r"(?i)\b(?:if|when|whether|suppose|assume|assuming|try|trying|plug(?:ging)?|"
                    r"substitut\w*|check(?:ing)?|test(?:ing)?|or)\W*(?:\w+\W+){0,6}$")
# a step that takes up another case, root or quantity: its letter may take another value
_BRANCHES = re.compile(r"(?i)\b(?:case|alternatively|otherwise|(?:an|the)?\s*(?:other|second|third|next)\s+"
                       r"(?:root|solution|value|number|equation|part))\b|±|\\pm\b|\broots\b")
# a step that says it rounds: its value may be a whole number near the exact one
_ROUNDED = re.compile(r"(?i)≈|≒|\\approx|\bapprox|\babout\b|\bround|\bnearest\b")


@dataclass
class _Unknown:
    """What is known of one letter so far: the equations it satisfied, and whether it may take
    several values."""

    parents: list[LinearEquation] = field(default_factory=list)
    branching: bool = False
    step: int | None = None  # the step that last added an equation
    solved: bool = False  # the last equation gave a worked-out value ("x = 7"): a derivation ended


def _defines(text: str, letter: str) -> bool:
    return bool(re.search(_DEFINES.format(L=re.escape(letter)), text))


def _nonlinear_in(normalized: str, letter: str) -> bool:
    """A power, a root or a product of brackets of ``letter`` is written: it may have several
    solutions ("(x + 1)^2 = 9", "x^2 = 49", "(x - 2)(x + 3) = 0"); "cm^2" is not one."""
    L = re.escape(letter)
    return re.search(rf"(?i)(?<![A-Za-z]){L}\s*\^|\([^()]*(?<![A-Za-z]){L}(?![A-Za-z])[^()]*\)\s*(?:\^|\()"
                     rf"|\)\s*\([^()]*(?<![A-Za-z]){L}(?![A-Za-z])|sqrt\s*\(?[^()]*{L}|√", normalized) is not None


def _decimals(eq: LinearEquation) -> int:
    return max((len(d) for d in re.findall(r"\.(\d+)", eq.text)), default=0)


def _same_solution(before: Fraction, eq: LinearEquation, rounded: bool = False) -> bool:
    """Whether ``eq`` holds for the solution ``before``, allowing for the rounding (or cutting
    off) of the decimals it writes ("x = 63.33" for 190/3, "x = 0.6666" for 2/3, "2x + 1 = 7.67"
    for 10/3: off by at most one unit of the last written place) where the exact value needs
    more decimals than were written; with ``rounded`` (the step says it rounds: "≈", "about",
    "nearest") a value may also be rounded to a whole number ("x ≈ 63")."""
    if before == eq.value:
        return True
    if rounded and eq.solved and values_match(float(before), float(eq.value), eq.value_side):
        return True
    k = _decimals(eq)
    if k == 0 or (before * 10 ** k).denominator == 1:
        return False  # 4 needs no rounding: "2x = 8.5" is a slip, so is "x = 4" for 3.5
    off = residual(eq.text, eq.letter, before)  # (one unit of the last place: cut off, not rounded, too)
    return off is not None and abs(off) <= 10.0 ** -k + 1e-9


def _other_root(parent: LinearEquation, eq: LinearEquation) -> bool:
    """Whether ``eq`` gives the square's other root: "1 − x² = 0" read with the positive root
    (:func:`tutor.mathcheck.linear_equations`), then "x = −1", which makes it true too."""
    if "^" not in parent.text or not eq.solved or eq.value == parent.value:
        return False
    off = residual(parent.text, parent.letter, eq.value)
    return off is not None and abs(off) < 1e-9


def derivation_checks(problem_text: str, step_texts: Sequence[str]) -> list[list[Equation]]:
    """Check each step's equations against the equations their unknown satisfied before.

    Args:
        problem_text: the problem; its equations are the first parents ("Solve 2x + 5 = 13").
        step_texts: the steps in order.

    Returns:
        One list per step (same order and length as ``step_texts``) of
        :class:`~tutor.schema.Equation` with ``follows`` set to the parent equation: ``ok``
        ``True`` when both have the same solution, ``False`` when the equation matches no
        parent (``lhs_value`` is that parent's solution, ``rhs_value`` the new one,
        ``expected`` left empty: the solution may be the problem's answer).
    """
    known: dict[str, _Unknown] = {}
    given = normalize_math(problem_text)[:2000]
    for eq in linear_equations(problem_text):
        u = known.setdefault(eq.letter.lower(), _Unknown())
        u.parents.append(eq)
        u.branching = u.branching or len(u.parents) > 1  # "Solve 2x + 1 = 7 and 3x - 4 = 11"
    out: list[list[Equation]] = []
    for step, text in enumerate(step_texts):
        found: list[Equation] = []
        eqs = linear_equations(text)
        normalized = normalize_math(text)[:2000]
        rounded = bool(_ROUNDED.search(text))
        for letter in set(known) | {e.letter.lower() for e in eqs}:
            if _defines(text, letter):
                known[letter] = _Unknown()  # a new meaning: nothing to continue from
        for letter in {e.letter.lower() for e in eqs}:
            u = known.setdefault(letter, _Unknown())
            if _BRANCHES.search(text) or _nonlinear_in(normalized, letter) or _nonlinear_in(given, letter):
                u.branching = True
        for eq in eqs:
            if eq.chained or _TRIAL.search(eq.before):
                continue
            u = known[eq.letter.lower()]  # "X" is the x a student typed in capitals
            # nothing is derived from a bare value; a value still to work out ("x = 190/3") is
            # checked by the value written right after it
            evaluates = eq.worked_out and not u.branching and u.step is not None and u.step >= step - 1
            parents = [p for p in u.parents if not p.solved or (evaluates and not p.worked_out)]
            match = next((p for p in reversed(parents) if _same_solution(p.value, eq, rounded)
                          or _other_root(p, eq)), None)
            # a new equation that matches nothing is a slip, unless the letter may branch or a
            # derivation just ended ("x + 5 = 12, x = 7", then "3x = 24" for another number)
            slip = match is None and bool(parents) and (eq.solved or not (u.branching or u.solved))
            parent = match if match is not None else parents[-1] if slip else None
            if parent is not None:
                found.append(Equation(text=eq.text, lhs_value=float(parent.value), rhs_value=float(eq.value),
                                      ok=match is not None, follows=parent.text))
            u.parents.append(eq)
            u.step, u.solved = step, eq.worked_out
        out.append(found)
    return out


def algebra_slip(check: StepCheck) -> bool:
    """Whether a step's checks hold an algebra step that changed the solution."""
    return any(e.follows and e.ok is False for e in check.equations)


def only_derived(check: StepCheck, text: str) -> bool:
    """Whether step ``text`` states nothing but equations that follow from earlier ones ("2x =
    26" after "2x + 4 = 30"): every check right, every equation it writes an algebra step
    (none set up anew: "x + 2x = 18" is a claim about the problem), and every number inside
    those equations or the ones they follow from ("subtract 5 from both sides"). Such a step
    adds no claim of its own. ``check`` is the step's checks, algebra steps included."""
    derived = [e for e in check.equations if e.follows]
    if not derived or any(e.ok is not True for e in check.equations):
        return False
    if {eq.text for eq in linear_equations(text)} - {e.text for e in derived}:
        return False
    inside = {round(v, 9) for e in derived for v in numbers_in(e.text) + numbers_in(e.follows)}
    return all(round(abs(v), 9) in inside for v in check.values)


# a written number as linear_equations writes it: "4", "-2.5", "(14/3)", "(3+1/2)"
_NUMBER = re.compile(r"\(?-?\d+(?:\.\d+)?(?:[/+]\d+(?:/\d+)?)?\)?")


def stated_value(equation: str) -> tuple[str, str] | None:
    """``(letter, value)`` when one side of ``equation`` (as :func:`linear_equations` writes
    it) is the bare letter and the other holds no letter: "x=42-7" gives ("x", "42-7"), "5=x"
    gives ("x", "5"); else ``None``."""
    lhs, sep, rhs = equation.partition("=")
    if not sep or "=" in rhs:
        return None
    for side, other in ((lhs, rhs), (rhs, lhs)):
        if re.fullmatch(r"[A-Za-z]", side) and not re.search(r"[A-Za-z]", other):
            return side, other
    return None


def value_written(equation: str) -> str | None:
    """The letter ``equation`` gives a written number ("x = 4", "3 = x", "x = 3 1/2"), else
    ``None`` (also for a value still to work out: "x = 42 - 7")."""
    stated = stated_value(equation)
    return stated[0] if stated and _NUMBER.fullmatch(stated[1]) else None


def given_unknowns(problem_text: str) -> set[str]:
    """The letters (lower case) a problem asks to solve for: those of the equations it states,
    not given a value there ("If C = 65"), and asked for: "find n", "the value of x", or
    "Solve ..." when no other quantity is asked for ("Solve: if 3x + 2 = 11, what is 6x?")."""
    asks = re.findall(r"(?i)\b(?:find|what\s+is|value\s+of|solve\s+for)\s+(?:the\s+)?([^?.,;:]+)", problem_text)
    solve = re.search(r"(?i)\bsolve\b", problem_text) is not None and not asks
    out = set()
    for eq in linear_equations(problem_text):
        asked = any(re.fullmatch(rf"\s*{eq.letter}\s*", a) for a in asks)
        if not eq.solved and (solve or asked):
            out.add(eq.letter.lower())
    return out


def solving_letters(problem_text: str, step_texts: Sequence[str]) -> set[str]:
    """The letters (lower case) the work solves for: those the problem asks to solve for
    (:func:`given_unknowns`) and those a step introduces ("Let x be the number of games").
    A letter read elsewhere may be no unknown at all ("120 x .4 = 48": a times sign)."""
    letters = given_unknowns(problem_text)
    for text in step_texts:
        letters |= {m.lower() for m in set(re.findall(r"(?<![\w'])([A-Za-z])(?![\w'])", text)) if _defines(text, m)}
    return letters


def solved_letters(checks: Sequence[StepCheck]) -> set[str]:
    """The letters (lower case) some step gives a value that follows from an earlier equation."""
    return {stated[0].lower() for c in checks for e in c.equations
            if e.follows and e.ok and (stated := stated_value(e.text)) is not None}


# --------------------------------------------------------------------------- strategy
# How far an equation in one unknown is from solved form ("x = 4"), so that a true step that
# brings the unknown no closer to being on its own ("-x = -7" divided by 1, "y/9 = -6" divided by
# 9, "2 + y = -7" with 2 added) can get a gentle strategy note. It is never an error: the step
# keeps the solution.


@dataclass(frozen=True)
class SolvingForm:
    """How far an equation linear in one unknown is from solved form; 0 everywhere is solved.

    Attributes:
        letter: the unknown.
        both_sides: 1 where the unknown is on both sides (one move gathers it), else 0.
        layers: the moves that peel the operations around the unknown on its side, as written:
            a number added (``"2x + 3"``: 1), a number multiplying or dividing (``"2x"``, ``"x/4"``,
            ``"-x"``: 1), the unknown below a bar (``"4/y"``: 1 more), unknown terms to gather
            (``"x/3 + x/6"``: 1 more); ``"2(x - 1) + 3"`` is 3. Where the unknown is on both sides,
            the moves left once it is gathered (a number on each side: 1; a number in front
            other than 1: 1).
        fraction: 1 where a fraction or decimal is on the unknown's side (``"x + 1/2"``,
            ``"0.5x"``), else 0: clearing it is progress even where it adds a move.
    """

    letter: str
    both_sides: int
    layers: int
    fraction: int

    @property
    def parts(self) -> tuple[int, int, int]:
        """``(both_sides, layers, fraction)``: compared part by part (a step that makes one
        smaller makes progress)."""
        return self.both_sides, self.layers, self.fraction


@dataclass(frozen=True)
class StrategyNote:
    """A true algebra step that brings the unknown no closer to being on its own.

    Attributes:
        kind: ``"no effect"`` (both sides multiplied or divided by 1, or 0 added: the equation
            is as it was), ``"same form"`` (the equation changed, but needs as many moves as
            before: "2 + y = -7" to "2 + y + 2 = -7 + 2") or ``"further"`` (it needs more:
            "-x = -6" to "x/6 = 1").
        letter: the unknown.
        before, after: the two forms (:class:`SolvingForm`).
    """

    kind: str
    letter: str
    before: SolvingForm
    after: SolvingForm


def _sides(equation: str) -> tuple[str, str] | None:
    """``(lhs, rhs)`` of an equation with one "=" and two sides written, else ``None``."""
    lhs, sep, rhs = equation.partition("=")
    return (lhs, rhs) if sep and "=" not in rhs and lhs.strip() and rhs.strip() else None


def _layers(node, x) -> int | None:
    """The moves that peel the operations around ``x`` in ``node`` (a side as written, see
    :class:`SolvingForm`), or ``None`` where ``x`` is not linear there (``x*x``, ``x^2``)."""
    import sympy

    from tutor.expressions import flat_factors, flat_terms

    if node == x:
        return 0
    if node.is_Add:
        terms = flat_terms(node)
        with_x = [t for t in terms if x in t.free_symbols]
        added = int(sympy.Add(*(t for t in terms if x not in t.free_symbols)) != 0)  # "+ 3 - 3" adds nothing
        if len(with_x) == 1:
            inner = _layers(with_x[0], x)
            return None if inner is None else added + inner
        gathered = sympy.expand(sympy.Add(*with_x))  # one move gathers them ("x/3 + x/6")
        if gathered.free_symbols != {x} or sympy.degree(gathered, x) != 1:
            return None
        return added + 1 + _layers(gathered, x)
    if node.is_Mul:
        factors = flat_factors(node)
        with_x = [f for f in factors if x in f.free_symbols]
        if len(with_x) != 1:
            return None
        inner = _layers(with_x[0], x)
        scaled = int(sympy.Mul(*(f for f in factors if x not in f.free_symbols)) != 1)  # "/1" scales nothing
        return None if inner is None else scaled + inner
    if node.is_Pow and node.exp == -1:  # the unknown below a bar: one move clears it
        inner = _layers(node.base, x)
        return None if inner is None else 1 + inner
    return None


def _has_fraction(side, x) -> bool:
    """Whether a side (sympy, worked out) holds a number that is not whole: "x/2 + 1",
    "x + 1/2", "0.5x"; the unknown below a bar ("4/y") is no such number."""
    import sympy

    num, den = sympy.fraction(sympy.together(side))
    return any(not c.is_integer for part in (num, den) if x in part.free_symbols or part.is_number
               for c in sympy.Poly(part, x).coeffs()) or (den.is_number and abs(den) != 1)


def _linear(lhs, rhs, x) -> tuple | None:
    """``(a_lhs, b_lhs, a_rhs, b_rhs)``: each side as a·x + b, or ``None`` where a side is not
    linear in ``x`` (a power, the unknown below a bar)."""
    import sympy

    out = []
    for side in (lhs, rhs):
        side = sympy.expand(side)
        if not side.is_polynomial(x) or sympy.degree(side, x) > 1:
            return None
        a, b = sympy.Poly(side, x).all_coeffs() if sympy.degree(side, x) == 1 else (0, side)
        out += [a, b]
    return tuple(out)


def solving_form(equation: str) -> SolvingForm | None:
    """How far ``equation`` ("2x + 3 = 11", "-7/1 = -x/1", "4/y = 2") is from solved form
    (:class:`SolvingForm`), or ``None`` when it is not one equation with one unknown, linear
    once a bar over the unknown is cleared (a power, two letters, no "=")."""
    import sympy

    from tutor.expressions import written_tree

    sides = _sides(equation)
    if sides is None:
        return None
    written = [written_tree(s) for s in sides]
    if any(w is None for w in written):
        return None
    try:
        lhs, rhs = (sympy.cancel(w) for w in written)  # worked out: which sides hold the unknown
        letters = lhs.free_symbols | rhs.free_symbols
        if len(letters) != 1:
            return None
        (x,) = letters
        holding = [w for w, s in zip(written, (lhs, rhs)) if x in s.free_symbols]
        if len(holding) == 2:
            coeffs = _linear(lhs, rhs, x)
            if coeffs is None or coeffs[0] == coeffs[2]:
                return None  # not linear, or the unknown cancels ("x + 1 = x + 2")
            a_l, b_l, a_r, b_r = coeffs
            left = int(b_l != 0 and b_r != 0) + int(abs(a_l - a_r) != 1)
            return SolvingForm(str(x), 1, left, int(_has_fraction(lhs, x) or _has_fraction(rhs, x)))
        layers = _layers(holding[0], x)
        if layers is None:
            return None
        side = lhs if x in lhs.free_symbols else rhs
        return SolvingForm(str(x), 0, layers, int(_has_fraction(side, x)))
    except Exception:  # sympy may fail on odd input: no form
        return None


def _neutral_moves(side) -> int:
    """How many operations a side (as written) does that change nothing: a multiplication by
    1, a division by 1, an addition of 0 ("-7/1": 1, "1y/1": 2, "-1x+(-8)*1": 2)."""
    import sympy

    count = 0
    for node in sympy.preorder_traversal(side):
        if node.is_Pow and node.exp == -1 and node.base == 1:
            count += 1
        elif node.is_Mul:
            count += sum(1 for f in node.args if f == 1)
        elif node.is_Add:
            count += sum(1 for t in node.args if t == 0)
    return count


def _same_equation(before: Sequence[str], after: Sequence[str]) -> bool:
    """Whether two equations' sides (text) are the same expressions, in either order: a
    rewriting ("2x = 11 - 3" as "2x = 8"), not a move on both sides."""
    import sympy

    from tutor.expressions import written_tree

    b, a = ([sympy.cancel(written_tree(s)) for s in e] for e in (before, after))
    return any(sympy.cancel(b[0] - p) == 0 and sympy.cancel(b[1] - q) == 0 for p, q in (a, a[::-1]))


def strategy_note(before: str, after: str) -> StrategyNote | None:
    """Whether the true algebra step ``before`` -> ``after`` (one equation in one unknown each,
    as written: "-7=-x", "-7/1=-x/1") brings the unknown no closer to being on its own.

    The two are compared by :func:`solving_form`: the step is noted where no part of the form
    got smaller (the unknown gathered on one side, an operation around it peeled, a fraction
    cleared) and the equation changed, or where it is the same equation with both sides
    multiplied or divided by 1 (or 0 added). Rewriting one side ("2x = 11 - 3" as "2x = 8",
    brackets multiplied out) is never noted, nor is a step that trades one part for another
    (clearing a fraction with a multiplication: "x + 1/2 = 3" as "2x + 1 = 6").

    Returns:
        A :class:`StrategyNote`, or ``None``: the step makes progress, reaches solved form,
        rewrites without a move, is not equivalent (a slip is an error, not a strategy:
        :func:`tutor.mathcheck.equivalent_equations`), or cannot be read.
    """
    from tutor.expressions import written_tree
    from tutor.mathcheck import equivalent_equations

    first, then = solving_form(before), solving_form(after)
    if first is None or then is None or first.letter != then.letter or not any(then.parts):
        return None
    if equivalent_equations(before, after) is not True:
        return None
    b_sides, a_sides = _sides(before), _sides(after)
    try:
        if _same_equation(b_sides, a_sides):
            moved = [_neutral_moves(written_tree(a)) > _neutral_moves(written_tree(b))
                     for a, b in zip(a_sides, b_sides)]
            return StrategyNote("no effect", first.letter, first, then) if all(moved) else None
    except Exception:  # sympy may fail on odd input: no note
        return None
    if any(t < f for f, t in zip(first.parts, then.parts)):
        return None
    kind = "same form" if then.parts == first.parts else "further"
    return StrategyNote(kind, first.letter, first, then)
