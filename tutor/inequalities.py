"""Linear inequalities in one unknown, checked across a solution.

"Solve 3x - 7 < 11": the student writes "3x < 18", then "x < 6". Neither line holds a
computation, but each must keep the solutions of the one it came from, as an algebra step keeps
an equation's solution (:mod:`tutor.derivation`). An inequality ``L rel R`` linear in ``x`` is
read as its solution set ``x rel' b`` (the relation turns round where ``x``'s coefficient is
negative); a step is right when its set is the set of an inequality the unknown satisfied
before (the problem's first). A compound "-2 < x < 5" is read as its two halves. Where the set
is a count ("x ≤ 13.6", then "x ≤ 13"), a whole-number boundary with the same whole-number
solutions is right too.

Layer 3 (pure functions over text).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from tutor.mathcheck import linear_equations, parse_side
from tutor.mathtext import readable_equation
from tutor.schema import Equation

# relation signs as students and LaTeX write them, with their ASCII form
_SIGNS = {"<=": "<=", ">=": ">=", "=<": "<=", "=>": ">=", "≤": "<=", "≥": ">=", "⩽": "<=", "⩾": ">=",
          "\\leq": "<=", "\\geq": ">=", "\\le": "<=", "\\ge": ">=", "<": "<", ">": ">"}
_SIGN = re.compile("|".join(re.escape(s) for s in sorted(_SIGNS, key=len, reverse=True)) + r"(?![A-Za-z])")
_FLIP = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}
_SHOWN = {"<": "<", ">": ">", "<=": "≤", ">=": "≥"}


@dataclass(frozen=True)
class Inequality:
    """One linear inequality and its solution set ``letter relation boundary``.

    Attributes:
        letter: the unknown.
        relation: ``"<"``, ``">"``, ``"<="`` or ``">="``: of the solution set, not as written.
        boundary: where the solution set starts or ends.
        text: the inequality as read, ASCII ("2x+5>13"); ``coefficient`` the sign of the
            unknown's coefficient as written (-1 or 1).
    """

    letter: str
    relation: str
    boundary: Fraction
    text: str
    coefficient: int
    before: str = ""


def linear_inequalities(text: str) -> list[Inequality]:
    """Every inequality of ``text`` linear in one unknown, in written order (each half of a
    compound one)."""
    signs = list(_SIGN.finditer(text))
    out = []
    for k, m in enumerate(signs):
        start = signs[k - 1].end() if k else 0
        end = signs[k + 1].start() if k + 1 < len(signs) else len(text)
        # the two sides, read as an equation ("2x + 5 = 13"), give the boundary
        found = [e for e in linear_equations(text[start:m.start()] + " = " + text[m.end():end])
                 if e.text.count("=") == 1]
        if len(found) != 1:
            continue
        eq = found[0]
        lhs, rhs = eq.text.split("=")
        try:
            import sympy

            expr = sympy.expand(parse_side(lhs) - parse_side(rhs))
            a = expr.coeff(sympy.Symbol(eq.letter))
            if not a.is_number or a == 0:
                continue
        except Exception:  # unreadable sides are no inequality to check
            continue
        rel = _SIGNS[m.group()]
        out.append(Inequality(eq.letter, rel if a > 0 else _FLIP[rel], eq.value,
                              f"{lhs}{rel}{rhs}", 1 if a > 0 else -1, text[max(0, start - 60):m.start()]))
    return out


def _same_set(before: Inequality, after: Inequality) -> bool:
    """Whether two inequalities have the same solutions (rounded as the step writes its
    boundary; or the same whole numbers, where the step rounds a boundary to a whole one)."""
    if before.relation == after.relation and before.boundary == after.boundary:
        return True
    decimals = max((len(d) for d in re.findall(r"\.(\d+)", after.text)), default=0)
    if (before.relation == after.relation and decimals
            and abs(before.boundary - after.boundary) <= Fraction(1, 10 ** decimals)):
        return True
    return (after.boundary.denominator == 1 and before.boundary.denominator != 1
            and _whole(before) == _whole(after))


def _whole(q: Inequality) -> tuple[str, int]:
    """The whole-number solutions of ``q`` as "≤ n" or "≥ n"."""
    b = q.boundary
    return {"<=": ("<=", math.floor(b)), "<": ("<=", math.ceil(b) - 1),
            ">=": (">=", math.ceil(b)), ">": (">=", math.floor(b) + 1)}[q.relation]


def inequality_checks(problem_text: str, step_texts: Sequence[str]) -> list[list[Equation]]:
    """Check each step's inequalities against those their unknown satisfied before.

    Returns:
        One list per step of :class:`~tutor.schema.Equation` (``text`` the new inequality,
        ``follows`` the one it came from, ASCII relations): ``ok`` whether both have the same
        solutions; ``lhs_value`` / ``rhs_value`` the two boundaries.
    """
    parents: dict[str, list[Inequality]] = {}
    last: dict[str, int] = {}  # the step (-1: the problem) that last wrote an inequality in the letter
    for q in linear_inequalities(problem_text):
        parents.setdefault(q.letter.lower(), []).append(q)
        last[q.letter.lower()] = -1
    out = []
    for step, text in enumerate(step_texts):
        found = []
        qs = linear_inequalities(text)
        for q in qs:
            letter = q.letter.lower()
            trial = _TRIAL.search(q.before) is not None or "✓" in text
            known = parents.setdefault(letter, [])
            # checked: a step straight after the inequality it works on, which was not solved
            # yet; not a value tried ("Check x = 0: … 2 ≥ -8"), a compound or "or" step, a
            # bound the words add ("0 ≤ m"), or a new condition after a solved one
            checked = (known and not trial and sum(o.letter.lower() == letter for o in qs) == 1
                       and last.get(letter, -2) >= step - 1 and not _solved(known[-1])
                       and not (q.boundary == 0 and q.relation in (">", ">=")))
            if checked:
                match = next((p for p in reversed(known) if _same_set(p, q)), None)
                parent = match or known[-1]
                found.append(Equation(text=q.text, lhs_value=float(parent.boundary), rhs_value=float(q.boundary),
                                      ok=match is not None, follows=parent.text))
            if not trial:
                known.append(q)
                last[letter] = step
        out.append(found)
    return out


# a value put in to check, a case tried: said just before the inequality
_TRIAL = re.compile(r"(?i)\b(?:check\w*|if|when|whether|suppose|assum\w*|substitut\w*|test\w*|try|plug\w*|verify|"
                    r"or)\W*(?:\w+\W+){0,6}$")


def _solved(q: Inequality) -> bool:
    """Whether ``q`` is solved for its letter ("x < 6", "6 > x")."""
    return re.fullmatch(rf"{q.letter}(?:<=|>=|<|>)[-\d./()]+|[-\d./()]+(?:<=|>=|<|>){q.letter}", q.text) is not None


def is_inequality(text: str) -> bool:
    """Whether an equation text (as :func:`inequality_checks` or :func:`readable_inequality`
    writes it) is an inequality."""
    return re.search(r"[<>≤≥]", text) is not None


def readable_inequality(text: str) -> str:
    """An inequality as :func:`inequality_checks` writes it ("2x+5>=13"), for a student
    ("2x + 5 ≥ 13")."""
    m = re.search(r"<=|>=|<|>", text)
    if not m:
        return readable_equation(text)
    sides = readable_equation(text[:m.start()] + "=" + text[m.end():]).split(" = ")
    return f" {_SHOWN[m.group()]} ".join(sides)


def direction_slip(before_text: str, after_text: str) -> str | None:
    """How the relation went wrong between two inequalities with the same boundary: ``"kept"``
    (the sign should have turned round: both sides divided by a negative number), ``"turned"``
    (it turned round with no negative to divide by), or ``None``."""
    before_text, after_text = (t.replace("≥", ">=").replace("≤", "<=") for t in (before_text, after_text))
    before, after = (next(iter(linear_inequalities(t)), None) for t in (before_text, after_text))
    if before is None or after is None or before.boundary != after.boundary or before.relation == after.relation:
        return None
    if _FLIP[before.relation] != after.relation:
        return None
    # written "after" keeps the sign "before" was written with, where it had to turn
    written_before = re.search(r"<=|>=|<|>", before_text).group()
    written_after = re.search(r"<=|>=|<|>", after_text).group()
    if before.coefficient != after.coefficient and written_before == written_after:
        return "kept"
    return "turned" if written_before != written_after else None
