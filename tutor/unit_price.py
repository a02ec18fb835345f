"""A price of one taken for the cost of all: "2 packs of pens at $4.25 per pack", then "The pens
cost $4.25."

The problem gives a count and a price each; the work writes the price as what all of them cost
and never multiplies it by the count. Losing the count of a multiplicative "each" relation is a
documented slip of multi-step word problems (the quantity left out of a combined total: G.
Vergnaud, "Multiplicative structures", in *Acquisition of Mathematics Concepts and Processes*,
1983, the measure-space "isomorphism of measures" read as a single measure). Read only where the
problem writes the count and the price together ("3 notebooks at $2.50 each", "2 packs of pens at
$4.25 per pack") and writes the price once. Pure functions; no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from tutor.mathcheck import expressions_in, numbers_in
from tutor.numwords import words_to_digits
from tutor.relations import Relation, num

_PRICED = re.compile(r"(?i)(?<![\d.$,])(?P<n>\d+)\s+(?P<thing>(?:[a-z]+\s+){0,3}?[a-z]+)\s+(?:at|for|costing|that\s+costs?|"
                     r"which\s+costs?)\s+\$(?P<p>\d+(?:\.\d+)?)\s*(?:each|apiece|per\s+[a-z]+|a\s+[a-z]+)\b")


def _priced_counts(problem_text: str) -> list[tuple[Fraction, Fraction, str]]:
    """``(count, price, thing)`` for each count written with a price each, the price written once."""
    text = words_to_digits(problem_text)
    said = numbers_in(text)
    out = []
    for m in _PRICED.finditer(text):
        n, p = Fraction(m.group("n")), Fraction(m.group("p"))
        if n > 1 and said.count(float(p)) == 1:
            out.append((n, p, m.group("thing").strip()))
    return out


def price_for_total(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """The first step that writes a price each and computes nothing, as what all of the things
    cost, where no step works out count × price and a later step (or the same one) adds
    the price into a sum; ``None`` otherwise.

    Returns:
        A :class:`tutor.relations.Relation` named ``"price for the total"`` with ``facts``
        ``count``, ``price`` and ``thing`` (as the problem writes them).
    """
    for n, p, thing in _priced_counts(problem_text):
        values = [[v for _, v in expressions_in(t) if v is not None] for t in step_texts]
        if any(abs(v - float(n * p)) < 0.005 for vs in values for v in vs):
            continue
        # (a step that computes nothing: "The pens cost $4.25."; a price in a computation may be
        # used in another role, "the original price was $75 + $9")
        bare = next((i for i, t in enumerate(step_texts) if float(p) in numbers_in(t)
                     and not _worked_on(t, p) and not _COMPUTES.search(t)), None)
        if bare is None:
            continue
        summed = any(_added(t, p) for t in step_texts[bare:])
        if summed:
            return Relation(bare, "price for the total", step_texts[bare].strip(),
                            {"count": num(n), "price": num(p), "thing": thing})
    return None


_COMPUTES = re.compile(r"=|\d\s*[-+x×*÷/]\s*\$?\d")


def _worked_on(text: str, price: Fraction) -> bool:
    """Whether ``text`` multiplies or divides ``price`` (or writes it as a rate "$4.25 per ...")."""
    p = re.escape(num(price))
    flat = text.replace("$", "")
    return re.search(rf"(?:[x×*÷/]\s*{p}0*(?![\d.])|(?<![\d.]){p}0*\s*(?:[x×*÷/]|per\b|each\b|a\s+(?:pack|piece|one)\b))",
                     flat) is not None


def _added(text: str, price: Fraction) -> bool:
    """Whether ``text`` adds ``price`` as a term of a sum ("7.50 + 4.25 = 11.75")."""
    p = re.escape(num(price))
    flat = text.replace("$", "")
    return re.search(rf"(?<![\d.]){p}0*\s*\+|\+\s*{p}0*(?![\d.])", flat) is not None
