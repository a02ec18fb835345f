"""Unit conversions a step states: "2 meters = 200 centimeters", "500 cents = $5".

A step that converts a quantity from one unit to another writes two numbers that are not equal
as numbers; they are equal as quantities when the factor between the units is right. The
table below holds exact factors only, within one system (metric length, customary length, and
so on): a conversion across systems ("1 mile = 1.6 km", "1 kg = 2.2 lb") is usually a rounded
rule of thumb, so it is left unchecked rather than called wrong. Pure functions, no imports
from the rest of the package.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

#: unit word (lower case, as written) -> (system, factor to the system's smallest unit)
_TABLE: dict[str, tuple[str, Fraction]] = {}


def _add(system: str, factor: int | Fraction, *names: str) -> None:
    for name in names:
        _TABLE[name] = (system, Fraction(factor))


_add("metric length", 1, "mm", "millimeter", "millimeters", "millimetre", "millimetres")
_add("metric length", 10, "cm", "centimeter", "centimeters", "centimetre", "centimetres")
_add("metric length", 1000, "m", "meter", "meters", "metre", "metres")
_add("metric length", 1_000_000, "km", "kilometer", "kilometers", "kilometre", "kilometres")
_add("customary length", 1, "in", "inch", "inches")
_add("customary length", 12, "ft", "foot", "feet")
_add("customary length", 36, "yd", "yard", "yards")
_add("customary length", 63360, "mi", "mile", "miles")
_add("metric mass", 1, "mg", "milligram", "milligrams")
_add("metric mass", 1000, "g", "gram", "grams")
_add("metric mass", 1_000_000, "kg", "kilogram", "kilograms")
_add("customary mass", 1, "oz", "ounce", "ounces")
_add("customary mass", 16, "lb", "lbs", "pound", "pounds")
_add("metric volume", 1, "ml", "milliliter", "milliliters", "millilitre", "millilitres")
_add("metric volume", 1000, "l", "liter", "liters", "litre", "litres")
_add("customary volume", 1, "cup", "cups")
_add("customary volume", 2, "pint", "pints")
_add("customary volume", 4, "quart", "quarts")
_add("customary volume", 16, "gallon", "gallons")
_add("time", 1, "s", "sec", "secs", "second", "seconds")
_add("time", 60, "min", "mins", "minute", "minutes")
_add("time", 3600, "h", "hr", "hrs", "hour", "hours")
_add("time", 86400, "day", "days")
_add("time", 604800, "week", "weeks")
_add("money", 1, "cent", "cents", "¢")
_add("money", 100, "dollar", "dollars", "$")

_NUM = r"(\d+(?:\.\d+)?|\.\d+)"
_UNIT = "|".join(sorted((re.escape(u) for u in _TABLE if u != "$"), key=len, reverse=True))
# a quantity: "$5", "5 dollars", "2 m" (not "2 m²", "60 km/h", "5 m per second": areas and
# rates are other units)
_AMOUNT = rf"(?:\$\s?{_NUM}|{_NUM}\s?({_UNIT})(?![\w²³^])(?!\s*(?:squared|cubed)))"
_QUANTITY = rf"(?:{_AMOUNT}(?!\s*(?:/|per\b)))"
# both sides stand alone: in "1 hour x 5 days = 5 hours" or "8 weeks - 1 week = 7 weeks" the
# quantity before "=" is the end of a computation, not the thing converted
_NOT_AFTER_OPERATION = r"(?<![\w.$/])(?<![-+*/×÷]\s)(?<![-+*/×÷])(?<!\bx\s)(?<!\bby\s)(?<!times\s)(?<!\bof\s)"
# ... nor a part of a two-unit amount ("2 hours 45 minutes") or of a comparison ("is 30
# minutes more than")
_NOT_BEFORE_OPERATION = (r"(?!\s*[-+*/×÷])(?!\s+(?:x|times|by)\b)(?!\s*(?:and\s+)?\d)"
                         r"(?!\s+(?:more|less|longer|shorter|fewer|greater|than|after|before|left|later)\b)")
_STATEMENT = re.compile(rf"(?i){_NOT_AFTER_OPERATION}{_QUANTITY}\s*(?:=|is\s+equal\s+to|equals|is|are|makes)\s*"
                        rf"(?:(?:about|approximately|≈)\s*)?{_QUANTITY}{_NOT_BEFORE_OPERATION}")


@dataclass(frozen=True)
class Conversion:
    """One stated conversion: ``left`` in ``left_unit`` said to equal ``right`` in ``right_unit``.

    Attributes:
        expected: ``left`` converted to ``right_unit``, exactly.
        approximate: the step says "about"/"approximately".
    """

    left: Fraction
    left_unit: str
    right: Fraction
    right_unit: str
    expected: Fraction
    approximate: bool


def factor(unit: str, to: str) -> Fraction | None:
    """How many ``to`` make one ``unit`` (``factor("m", "cm")`` = 100); ``None`` when either
    is unknown or they measure different things (or in different systems)."""
    a, b = _TABLE.get(unit.lower()), _TABLE.get(to.lower())
    if a is None or b is None or a[0] != b[0]:
        return None
    return a[1] / b[1]


# a rate earlier in the sentence makes "4 days is 120 minutes" a product, not a conversion
_RATE = re.compile(rf"(?i)\b(?:a|an|per|each|every)\s+(?:{_UNIT})\b|/\s*(?:{_UNIT})\b")
_SENTENCE_START = re.compile(r"[.!?;\n](?=\s)")
#: Longest number (in characters) read as a quantity here; longer ones are not school amounts.
_MAX_DIGITS = 15


def conversions(text: str) -> list[Conversion]:
    """Unit conversions stated in ``text`` (digits, thousands separators removed), e.g.
    ``"2 meters = 200 centimeters"``, ``"500 cents is $5"``; only pairs of known units of one
    kind in one system, each a quantity on its own (not the end of a computation, not part
    of "2 hours 45 minutes", not a comparison, not after a rate such as "30 minutes a day")."""
    out = []
    for m in _STATEMENT.finditer(text):
        dollars_a, num_a, unit_a, dollars_b, num_b, unit_b = m.groups()
        if max(len(dollars_a or num_a or ""), len(dollars_b or num_b or "")) > _MAX_DIGITS:
            continue
        sentence = text[:m.start()]
        starts = [x.end() for x in _SENTENCE_START.finditer(sentence)]
        if _RATE.search(sentence[starts[-1] if starts else 0:]):
            continue
        unit_a = "$" if dollars_a is not None else unit_a
        unit_b = "$" if dollars_b is not None else unit_b
        f = factor(unit_a, unit_b)
        if f is None or unit_a.lower() == unit_b.lower():
            continue
        left = Fraction(dollars_a if dollars_a is not None else num_a)
        right = Fraction(dollars_b if dollars_b is not None else num_b)
        approximate = bool(re.search(r"(?i)about|approximately|≈", m.group()))
        out.append(Conversion(left, unit_a, right, unit_b, left * f, approximate))
    return out


@dataclass(frozen=True)
class UnitSum:
    """A sum or difference of amounts in different units of one kind: "2 hours + 30 minutes
    = 150 minutes", "$2 + 50 cents = $2.50".

    Attributes:
        terms: the signed amounts as written (``-20`` for "- 20 minutes").
        plain: the terms' plain sum, as a unit-blind reading gets it (52 for "$2 + 50 cents").
        result: the written result, in ``result_unit``.
        expected: the terms converted to ``result_unit`` and summed, exactly.
        text: the sum as written.
    """

    terms: tuple[Fraction, ...]
    plain: Fraction
    result: Fraction
    result_unit: str
    expected: Fraction
    text: str


_TERM = re.compile(rf"(?i)([-+])?\s*{_QUANTITY}")
# two or more amounts joined by + or -, then "=" (or "is") and the result; not part of a
# longer computation on either side ("5 hours x 60 minutes + 40 minutes = ..."); the result
# may be a rate ("30 minutes + 1 hour = 1.5 hours per day")
_SUM = re.compile(rf"(?i){_NOT_AFTER_OPERATION}{_QUANTITY}(?:\s*[-+]\s*{_QUANTITY})+"
                  rf"\s*(?:=|is\s+equal\s+to|equals|is|makes)\s*{_AMOUNT}"
                  r"(?!\s*[-+*×÷\d])(?!\s*/\s*[\d(])(?!\s+(?:x|times|by)\b)")


def _amount(m: re.Match) -> tuple[Fraction, str]:
    dollars, num, unit = m.group(2), m.group(3), m.group(4)
    return (Fraction(dollars), "$") if dollars is not None else (Fraction(num), unit)


def unit_sums(text: str) -> list[UnitSum]:
    """Sums and differences of amounts in mixed units stated in ``text`` (digits, thousands
    separators removed), e.g. ``"1 hour - 20 minutes = 40 minutes"``: only where every amount
    carries a known unit, all of one kind and system, and at least two units differ (a sum in
    one unit is plain arithmetic, checked as such)."""
    out = []
    for m in _SUM.finditer(text):
        if any(len(n) > _MAX_DIGITS for n in re.findall(r"\d[\d.]*", m.group())):
            continue
        amounts = [( -1 if t.group(1) == "-" else 1, *_amount(t)) for t in _TERM.finditer(m.group())]
        *terms, (_, result, result_unit) = amounts
        units = {u.lower() for _, _, u in amounts}
        factors = [factor(u, result_unit) for _, _, u in terms]
        if len(units) < 2 or any(f is None for f in factors):
            continue
        expected = sum((s * x * f for (s, x, _), f in zip(terms, factors)), Fraction(0))
        plain = sum((s * x for s, x, _ in terms), Fraction(0))
        out.append(UnitSum(tuple(s * x for s, x, _ in terms), plain, result, result_unit,
                           expected, m.group().strip()))
    return out
