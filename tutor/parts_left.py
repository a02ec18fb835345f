"""Parts of a whole taken one after another: "2/5 of them walk, and 1/3 of the rest ride bikes".

A second part "of the rest" ("of the remaining", "of what was left", "of the money she had
left", "of the land that is left") is a part of what the first part leaves, not of the whole; a second part "of them" is of
the whole again. Taking the second part of the wrong amount, or adding the two fractions as if
they were of one whole (3/8 + 1/2 = 7/8 given away), are well-documented errors of multi-step
fraction problems: the referent whole of a fraction is lost between steps (S. J. Lamon,
*Teaching Fractions and Ratios for Understanding*, 2012; the unit of a fraction in
successive operations). Each slip gives a value of its own, and the step that computes it is
named. Read only where the problem gives one whole amount and exactly two parts of it.
Pure functions; no model.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from tutor.dimensions import operands
from tutor.mathcheck import numbers_in
from tutor.numwords import words_to_digits
from tutor.relations import Relation, computations, num

_WORD_PART = {"half": Fraction(1, 2), "a third": Fraction(1, 3), "a quarter": Fraction(1, 4),
              "a fourth": Fraction(1, 4), "a fifth": Fraction(1, 5)}
_PART = re.compile(r"(?i)(?P<f>\(\d+/\d+\)|(?<![\d/.])\d+/\d+|(?<![\d.])\d+(?:\.\d+)?\s*%|\bhalf|\ba\s+third|\ba\s+quarter|"
                   r"\ba\s+fourth|\ba\s+fifth)\s+of\s+(?P<of>(?:[A-Za-z$']+\s*){1,6})")
# a part of what the first part leaves
_REST = re.compile(r"(?i)^(?:the\s+)?(?:rest|remaining|remainder|others|leftover)\b|^what\s+(?:was|is|remained|remains)"
                   r"\s+left|^(?:the|his|her|their)\s+(?:\w+\s+)?(?:\w+\s+)?(?:he|she|they)\s+(?:had|has|have)\s+left|"
                   r"^(?:the|his|her|their)\s+remaining\b|"
                   r"^(?:the\s+)?(?:\w+\s+){1,2}?(?:that|which)\s+(?:is|was|are|were)\s+(?:still\s+)?left\b")
# a part of the whole itself: the first part names it ("2/5 of the class"); a second part is of
# the whole again only where it points back ("1/3 of them"), not at a group ("1/4 of the cars")
_WHOLE = re.compile(r"(?i)^(?:them|it|all|the\s+\w+|his\s+\w+|her\s+\w+|their\s+\w+)\b")
_WHOLE_AGAIN = re.compile(r"(?i)^(?:them|it|all(?:\s+of\s+them)?|the\s+(?:total|original|whole))\b")


@dataclass(frozen=True)
class PartsProblem:
    """A whole and two parts of it, the second of the whole or of the rest.

    Attributes:
        whole: the amount (30 students).
        first: the first part's fraction (2/5).
        second: the second part's fraction (1/3).
        of_rest: whether the second is of what the first leaves.
        said: the two parts as the problem words them ("2/5", "1/3").
    """

    whole: Fraction
    first: Fraction
    second: Fraction
    of_rest: bool
    said: tuple[str, str]

    def second_part(self) -> Fraction:
        """The second part's amount."""
        return self.second * (self.whole - self.first * self.whole if self.of_rest else self.whole)


def _fraction(said: str) -> Fraction:
    said = said.strip().lower()
    if said in _WORD_PART or re.sub(r"\s+", " ", said) in _WORD_PART:
        return _WORD_PART[re.sub(r"\s+", " ", said)]
    if said.endswith("%"):
        return Fraction(said.rstrip("%").strip()) / 100
    return Fraction(said.strip("()"))


def parts_problem(problem_text: str) -> PartsProblem | None:
    """The problem's whole and its two parts (see the module docstring), or ``None``."""
    text = words_to_digits(problem_text)
    parts = list(_PART.finditer(text))
    if len(parts) != 2:
        return None
    first, second = parts
    if not _WHOLE.match(first.group("of")) or _REST.match(first.group("of")):
        return None
    of_rest = _REST.match(second.group("of")) is not None
    # (or names the whole again as the first part does: "2/5 of the session ..., 1/4 of the session")
    # (not a group the first part names: "half of the kids are going to camp, and 1/4 of the kids
    # going to camp")
    head, said = first.group("of").lower().split(), second.group("of").lower().split()
    same_whole = said[:2] == head[:2] and not {w for w in said[2:] if len(w) > 3} & set(head[2:])
    if not of_rest and not _WHOLE_AGAIN.match(second.group("of")) and not same_whole:
        return None
    # one whole amount: every other number belongs to the two parts
    rest_of_text = _PART.sub(" ", text)
    amounts = [Fraction(str(v)) for v in numbers_in(rest_of_text)]
    if len(amounts) != 1 or amounts[0] <= 1:
        return None
    a, b = _fraction(first.group("f")), _fraction(second.group("f"))
    if not (0 < a < 1 and 0 < b < 1) or (not of_rest and a + b > 1):
        return None
    return PartsProblem(amounts[0], a, b, of_rest, (first.group("f").strip("() "), second.group("f").strip("() ")))


def parts_slip(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """The first step that takes the second part of the wrong amount (``"part of the whole for
    the rest"``, ``"part of the rest for the whole"``) or adds the two fractions of different
    wholes (``"parts of two wholes added"``); ``None`` otherwise. ``facts``: ``whole``,
    ``first``, ``second``, ``of_rest``."""
    p = parts_problem(problem_text)
    if p is None:
        return None
    # the whole worked in a smaller unit ("3 hours", then "180 minutes"): the parts are of that
    written = {Fraction(str(v)).limit_denominator(1000) for t in step_texts for v in numbers_in(t)}
    for scale in _UNIT_SCALES:
        if scale == 1 or p.whole * scale in written:
            found = _parts_slip(replace(p, whole=p.whole * scale), step_texts)
            if found is not None:
                return found
    return None


#: Factors a whole may be worked in after a unit change (minutes of hours, hours of days, ...).
_UNIT_SCALES = (1, 60, 24, 7, 12, 100, 1000)


def _parts_slip(p: PartsProblem, step_texts: Sequence[str]) -> Relation | None:
    rest = p.whole - p.first * p.whole
    right = {p.first * p.whole, rest, p.second_part(), rest - p.second_part(), p.whole - p.second_part()}
    if p.of_rest:
        # (with two equal parts, "half, then half of what was left", the slip's form is the
        # first part's own)
        slips = {"part of the whole for the rest": p.second * p.whole} if p.first != p.second else {}
        if p.first + p.second < 1:
            slips["parts of two wholes added"] = p.first + p.second
    else:
        slips = {"part of the rest for the whole": p.second * rest}
    facts = {"whole": num(p.whole), "first": p.said[0], "second": p.said[1], "of_rest": p.of_rest}
    for step, lhs, value in computations(step_texts):
        result = Fraction(value).limit_denominator(1000)
        name = next((n for n, v in slips.items() if v == result), None)
        read = operands(lhs)
        if name is None or read is None:
            continue
        op, a, b = read
        if name == "parts of two wholes added":
            taken = op is ast.Add and {a, b} == {p.first, p.second}
        else:
            # the second part worked out of the slip's amount: "1/3 of 30", "30 ÷ 3", "30 × 1/3";
            # a value the right work also reaches counts only in that form
            base = p.whole if name == "part of the whole for the rest" else rest
            taken = ((op is ast.Mult and {a, b} == {base, p.second})
                     or (op is ast.Div and a == base and b == 1 / p.second)
                     or (result not in right and base in (a, b)))
        if taken:
            return Relation(step, name, lhs.strip(), facts)
    return None
