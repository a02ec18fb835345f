"""Unit conversions a step states: "2 meters = 200 centimeters", "500 cents = $5".

A step that converts a quantity from one unit to another writes two numbers that are not equal
as numbers; they are equal as quantities when the factor between the units is right. The
table below holds exact factors only, within one system (metric length, customary length, and
so on): a conversion across systems ("1 mile = 1.6 km", "1 kg = 2.2 lb") is usually a rounded
rule of thumb, so it is left unchecked rather than called wrong. Pure functions, no imports
from the rest of the package.
"""

from __future__ import annotations

import math
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
_add("metric length", 100, "dm", "decimeter", "decimeters", "decimetre", "decimetres")
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
# (kitchen measures: 3 teaspoons in a tablespoon, 16 tablespoons in a cup)
_add("customary volume", 1, "tsp", "teaspoon", "teaspoons")
_add("customary volume", 3, "tbsp", "tablespoon", "tablespoons")
_add("customary volume", 48, "cup", "cups")
_add("customary volume", 96, "pint", "pints")
_add("customary volume", 192, "quart", "quarts")
_add("customary volume", 768, "gallon", "gallons")
_add("time", 1, "s", "sec", "secs", "second", "seconds")
_add("time", 60, "min", "mins", "minute", "minutes")
_add("time", 3600, "h", "hr", "hrs", "hour", "hours")
_add("time", 86400, "day", "days")
_add("time", 604800, "week", "weeks")
# months and years are whole calendar units (12 months are a year), but not a fixed number of
# days or weeks: their own system, so no day or week count converts to them
_add("calendar time", 1, "month", "months")
_add("calendar time", 12, "year", "years", "yr", "yrs")
_add("calendar time", 120, "decade", "decades")
_add("money", 1, "cent", "cents", "¢")
_add("money", 100, "dollar", "dollars", "$")

def measure_of(word: str) -> str | None:
    """The kind of measure a unit word names ("miles" -> "length", "$" -> "money", "cups" ->
    "volume"), or ``None`` for a word that is not a unit."""
    entry = _TABLE.get(word.lower())
    return entry[0].split()[-1] if entry else None


#: Unit words of length, as written ("cm", "feet"): squared or cubed, they name an area or volume.
LENGTH_UNITS = tuple(u for u, (system, _) in _TABLE.items() if system.endswith("length"))

# a whole, decimal, fraction or mixed number ("2 1/2 hours")
_NUM = r"(?:\d+[ \t\u00a0]+\d+/\d+|\d+/\d+|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])|\d+(?:\.\d+)?|\.\d+)"
_UNIT = "|".join(sorted((re.escape(u) for u in _TABLE if u != "$"), key=len, reverse=True))
# "10 in all", "3 in each box": the word "in", not inches
_NOT_IN_ALL = r"(?!(?<=\bin)\s+(?:all|total|each|every|the|a|an|his|her|their|my|our|your|one|it|them)\b)"
# a number with its unit word (not "2 m²" or "2 m squared": an area is another unit)
_WITH_UNIT = rf"{_NUM}\s?(?:{_UNIT})(?![\w²³^])(?!\s*(?:squared|cubed)){_NOT_IN_ALL}"
# one amount: "$5", "5 dollars", "2 m"
_PART = rf"(?:\$\s?{_NUM}|{_WITH_UNIT})"
# a quantity: one amount, or up to three of one kind ("2 hours 45 minutes", "5 ft 3 in")
_AMOUNT = rf"(?:{_PART}(?:\s*(?:and\s+)?{_WITH_UNIT}){{0,2}})"
# ... not a rate ("60 km/h", "5 m per second")
_QUANTITY = rf"(?:{_AMOUNT}(?!\s*(?:/|per\b)))"
#: A number written with a unit word after it ("8 oz", "2.5 hours"); group 1 is the number.
UNIT_AFTER = re.compile(rf"(?i)(\d+(?:\.\d+)?)\s?(?:{_UNIT})(?![\w²³^]){_NOT_IN_ALL}")
_PART_VALUE = re.compile(rf"(?i)\$\s?({_NUM})|({_NUM})\s?({_UNIT})(?![\w²³^]){_NOT_IN_ALL}")
# both sides stand alone: in "1 hour x 5 days = 5 hours" or "8 weeks - 1 week = 7 weeks" the
# quantity before "=" is the end of a computation, not the thing converted
_NOT_AFTER_OPERATION = (r"(?<![\w.$/])(?<!\d\s)(?<![-+*/×÷]\s)(?<![-+*/×÷])(?<!\bx\s)(?<!\bby\s)(?<!times\s)(?<!\bof\s)"
                        # "Plus 15 minutes = 1 hour 15 minutes" adds to the result before it
                        r"(?<!plus\s)(?<!minus\s)(?<!\badd\s)(?<!\bless\s)"
                        # "from 4 ft 9 in up to 5 ft is 3 inches": the way between, not a conversion
                        r"(?<!\bto\s)")
# ... nor the end of a longer quantity ("45 minutes" of "1 hour 45 minutes")
_PART_BEFORE = re.compile(rf"(?i)(?:\$\s?{_NUM}|{_NUM}\s?(?:{_UNIT}))\s*(?:and\s+)?$")
# ... nor a comparison ("is 30 minutes more than")
_NOT_BEFORE_OPERATION = (r"(?!\s*[-+*/×÷])(?!\s+(?:x|times|by)\b)(?!\s*(?:and\s+)?\d)"
                         r"(?!\s+(?:more|less|longer|shorter|fewer|greater|than|after|before|left|later)\b)"
                         r"(?!\s+\w+er\s+than\b)")
# (also "2.25 hours, which is 2 hours 15 minutes", "2.25 hours, or 2 hours 15 minutes")
_RELATION = r"(?:=|is\s+equal\s+to|equals|is|are|makes|,?\s*(?:which|that)\s+(?:is|equals|makes)|,\s*or)"
_STATEMENT = re.compile(rf"(?i){_NOT_AFTER_OPERATION}(?P<left>{_QUANTITY})(?:\s+(?:long|tall|high|wide|deep|away))?\s*"
                        rf"(?:{_RELATION}\s*(?P<approx>(?:about|approximately|roughly|≈)\s*)?|(?P<sign>≈|~)\s*)"
                        rf"(?P<right>{_QUANTITY}){_NOT_BEFORE_OPERATION}")
# "5 feet = 5 x 12 = 60 inches", "2 hours 35 minutes is 120 + 35 = 155 minutes": a conversion
# worked out in the middle; its two ends are the statement (the middle is only numbers and
# operations)
_CHAINED = re.compile(rf"(?i){_NOT_AFTER_OPERATION}(?P<left>{_QUANTITY})\s*(?P<rel>=|is|equals|makes)\s*(?P<work>\d[\d\s.,()x×*/÷+-]*?)"
                      rf"\s*=\s*(?P<right>{_QUANTITY}){_NOT_BEFORE_OPERATION}")
#: Relative error allowed where a statement says "about" (a conversion rounded on purpose).
APPROXIMATE = 0.1


@dataclass(frozen=True)
class Amount:
    """One quantity as written, in the smallest unit it names.

    Attributes:
        value: the amount in ``unit`` ("2 hours 45 minutes" -> 165).
        unit: its smallest unit, as written ("minutes").
        parts: how many amounts it was written as (2 for "2 hours 45 minutes").
    """

    value: Fraction
    unit: str
    parts: int


#: Longest piece of text (characters between sentence or clause ends) read for quantities: a
#: statement of amounts is short, and scanning a long run of them costs quadratic time.
_MAX_PIECE = 300
_PIECE_END = re.compile(r"(?<=[.;!?])\s+|\n")


def _pieces(text: str):
    """``(offset, piece)`` for each clause of ``text`` short enough to read for quantities."""
    start = 0
    for end in [m.start() for m in _PIECE_END.finditer(text)] + [len(text)]:
        if end - start <= _MAX_PIECE:
            yield start, text[start:end]
        nxt = _PIECE_END.match(text, end)
        start = nxt.end() if nxt else end


def _matches(pattern: re.Pattern, text: str, valid):
    """Matches of ``pattern`` in ``text``, clause by clause, for which ``valid(match)`` holds and
    that do not start inside a longer quantity ("45 minutes" of "1 hour 45 minutes"). After an
    invalid match the search goes on from the next character, not from its end, so "1 hour = 60
    minutes and 3 hours = 170 minutes" still finds the second statement."""
    for _, piece in _pieces(text):
        pos = 0
        while (m := pattern.search(piece, pos)) is not None:
            if _continues_quantity(piece, m.start()) or not valid(m):
                pos = m.start() + 1
                continue
            yield m
            # a chain of statements ("2 m = 200 cm = 2000 mm") goes on from the right side
            pos = m.start("right") if "right" in m.re.groupindex else m.end()


def _continues_quantity(text: str, start: int) -> bool:
    """Whether the amount at ``start`` is the second part of one written before it ("45
    minutes" after "1 hour"; not "3 hours" after "60 minutes and")."""
    before = _PART_BEFORE.search(text[max(0, start - 40):start])
    first = _PART_VALUE.match(text, start)
    return bool(before and first and amount(before.group() + " " + first.group()) is not None)


def _number(text: str) -> Fraction:
    """A whole, decimal, fraction or mixed number as written; raises ZeroDivisionError for a
    zero denominator."""
    *whole, frac = text.replace(",", "").split()  # "2,775": thousands
    return Fraction(whole[0] if whole else 0) + Fraction(frac)


def amount(text: str) -> Amount | None:
    """Read ``"2 hours 45 minutes"``, ``"$3.50"``, ``"2 1/2 hours"`` as one :class:`Amount`;
    ``None`` when it is not one quantity (units of different kinds, or parts not from the
    larger unit down, as in "2 miles, 3 miles")."""
    parts = []
    for m in _PART_VALUE.finditer(text):
        if len(m.group()) > _MAX_DIGITS + 12:
            return None
        try:
            parts.append((_number(m.group(1)), "$") if m.group(1) is not None else (_number(m.group(2)), m.group(3)))
        except ZeroDivisionError:  # "1/0 hours": not an amount
            return None
    if not parts:
        return None
    kinds = [_TABLE[u.lower()] for _, u in parts]
    if len({system for system, _ in kinds}) != 1 or any(b[1] >= a[1] for a, b in zip(kinds, kinds[1:])):
        return None
    # "2 hours 45 minutes" (or "3 h 80 min", not yet carried): whole numbers of the larger units
    # ("0.3 kg and 500 g = 0.5 kg" are two statements, not one 800 g)
    if len(parts) > 1 and any(x.denominator != 1 for x, _ in parts[:-1]):
        return None
    # "4 yd and 15 ft": two amounts (15 ft is more than a yard), not one of 27 ft; "3 h 80 min"
    # without "and" may be one not yet carried
    if re.search(r"(?i)\band\b", text) and any(x * small >= big for (x, _), (_, small), (_, big)
                                                  in zip(parts[1:], kinds[1:], kinds)):
        return None
    unit = parts[-1][1]
    base = sum((x * size for (x, _), (_, size) in zip(parts, kinds)), Fraction(0))
    return Amount(base / kinds[-1][1], unit, len(parts))


_AMOUNT_RE = re.compile(rf"(?i)(?<![\w.$/]){_AMOUNT}")


def compound_amounts(text: str) -> list[tuple[int, int, Amount]]:
    """``(start, end, amount)`` of each amount written in two or three units ("1 hour 45
    minutes", "3 ft 4 in") in ``text``, so that a computation can use it as one number."""
    out = []
    for piece_start, piece in _pieces(text):
        for m in _AMOUNT_RE.finditer(piece):
            a = amount(m.group())
            if a is not None and a.parts > 1:
                out.append((piece_start + m.start(), piece_start + m.end(), a))
    return out


def amounts_in(text: str, rates: bool = True) -> list[Amount]:
    """Every amount written with a unit in ``text`` ("125 cents", "$1.25", "1 hour 5 minutes");
    with ``rates=False`` not the first part of a rate ("8 miles" of "8 miles per hour")."""
    return [a for _, piece in _pieces(text) for m in _AMOUNT_RE.finditer(piece)
            if (a := amount(m.group())) is not None and (rates or not _RATE_AFTER.match(piece, m.end()))]


_RATE_AFTER = re.compile(r"(?i)\s*(?:per\b|/\s*[a-z]|an?\s+(?:hour|minute|second|day|week|month|year|mile|"
                         r"kilomet\w*|km|pound|kg|gallon|liter|litre)s?\b|each\b)")


def _last_place(value: Fraction) -> Fraction:
    """One unit in the last decimal place a value is written to (1.67 -> 0.01); 0 for a whole
    number or a fraction that is no finite decimal (they are exact as written)."""
    k = next((k for k in range(1, 13) if (value * 10 ** k).denominator == 1), 0)
    return Fraction(1, 10 ** k) if k and value.denominator != 1 else Fraction(0)


def same_amount(a: Amount, b: Amount) -> bool:
    """Whether two amounts are the same quantity in units of one kind ("125 cents", "$1.25"),
    allowing for rounding to the last decimal place written ("1.666 hours", "1.67 hours" and
    "100 minutes"), not more ("$2,812.16" is not "$2,800")."""
    f = factor(a.unit, b.unit)
    if f is None:
        return False
    slack = max(_last_place(a.value) * f, _last_place(b.value))
    return abs(a.value * f - b.value) <= slack or math.isclose(a.value * f, b.value, rel_tol=1e-3, abs_tol=1e-9)


@dataclass(frozen=True)
class Conversion:
    """One stated conversion: ``left`` in ``left_unit`` said to equal ``right`` in ``right_unit``.

    Attributes:
        expected: ``left`` converted to ``right_unit``, exactly.
        approximate: the step says "about"/"approximately"/"≈".
        text: the statement as written.
        right_written: the last number written on the right ("35" of "1 hour 35 minutes").
    """

    left: Fraction
    left_unit: str
    right: Fraction
    right_unit: str
    expected: Fraction
    approximate: bool
    text: str = ""
    right_written: Fraction | None = None


# "1/4 inch = 1 foot", "1 cm : 5 km", "3 cm represents 45 km": a scale, two amounts of one kind
# set equal that are no conversion
_SCALE = re.compile(rf"(?i)(?P<left>{_QUANTITY})\s*(?:(?:=|:|represents?|stands\s+for|equals?|is|(?:is\s+used\s+)?to\s+"
                    rf"(?:show|stand\s+for|represent)|shows?)|(?:\s+[a-z]+){{0,2}}\s+(?:is|are)\s+(?:drawn|shown)\s+as)\s*"
                    rf"(?P<right>{_QUANTITY})")


def scale_pairs(problem_text: str) -> list[tuple[Amount, Amount]]:
    """The scales a problem states: two amounts of one kind in different units set equal
    ("1/4 inch = 1 foot", "3 cm represents 45 km") where that is not a true conversion (a
    problem states no false one), as ``(left, right)`` amounts, each in one unit."""
    out = []
    for m in _matches(_SCALE, problem_text, lambda m: amount(m.group("left")) and amount(m.group("right"))):
        left, right = amount(m.group("left")), amount(m.group("right"))
        f = factor(left.unit, right.unit)
        if left.parts == right.parts == 1 and f is not None and f != 1 and left.value * f != right.value:
            out.append((left, right))
    return out


def _same_unit(a: str, b: str) -> bool:
    """One unit, however spelled ("in", "inch", "inches")."""
    return a.lower() == b.lower() or (unit_size(a) is not None and unit_size(a) == unit_size(b))


def on_scale_value(c: Conversion, scales: list[tuple[Amount, Amount]]) -> Fraction | None:
    """What the right side of a stated "conversion" ``c`` between the two units of one of
    ``scales`` is by that scale ("1 cm = ? km" for "3 cm represents 45 km": 15); ``None`` where
    it pairs other units (then it is a conversion)."""
    for left, right in scales:
        if _same_unit(c.left_unit, left.unit) and _same_unit(c.right_unit, right.unit):
            return c.left * right.value / left.value
        if _same_unit(c.left_unit, right.unit) and _same_unit(c.right_unit, left.unit):
            return c.left * left.value / right.value
    return None


def on_scale(c: Conversion, scales: list[tuple[Amount, Amount]]) -> bool | None:
    """Whether a stated "conversion" ``c`` between the two units of one of ``scales`` keeps
    that scale ("1 cm = 15 km" for "3 cm represents 45 km": ``True``); ``None`` where it pairs
    other units (then it is a conversion)."""
    value = on_scale_value(c, scales)
    return None if value is None else value == c.right


def _last_number(text: str) -> Fraction | None:
    found = _PART_VALUE.findall(text)
    if not found:
        return None
    dollars, number, _ = found[-1]
    try:
        return _number(dollars or number)
    except ZeroDivisionError:
        return None


def unit_size(unit: str) -> tuple[str, Fraction] | None:
    """A unit word's system and size in the system's smallest unit (``"hours"``: ``("time",
    3600)``, ``"km"``: ``("metric length", 1000000)``), singular or plural; ``None`` for a word
    that is not a unit."""
    w = unit.lower()
    return _TABLE.get(w) or (_TABLE.get(w[:-1]) if w.endswith("s") else None)


def conversion_numbers(unit: str) -> set[Fraction]:
    """The numbers a student may use to change ``unit`` into another unit of its kind: every
    factor between two units of one system of that kind (12, 3, 36, 5280 … for lengths in
    customary units; 60, 3600, 24, 7 for times), and powers of ten; empty for a word that is not
    a unit."""
    size = unit_size(unit)
    if size is None:
        return set()
    kind = size[0].split()[-1]
    sizes = {(system, f) for system, f in _TABLE.values() if system.split()[-1] == kind}
    return {a / b for sa, a in sizes for sb, b in sizes if sa == sb and a > b} | {Fraction(10) ** k for k in range(1, 7)}


#: Every number that changes one unit into another of its kind, for any kind (12, 16, 60, 1000 …).
ALL_CONVERSION_NUMBERS = frozenset(n for u in _TABLE for n in conversion_numbers(u))


def factor(unit: str, to: str) -> Fraction | None:
    """How many ``to`` make one ``unit`` (``factor("m", "cm")`` = 100); ``None`` when either
    is unknown or they measure different things (or in different systems)."""
    a, b = _TABLE.get(unit.lower()), _TABLE.get(to.lower())
    if a is None or b is None or a[0] != b[0]:
        return None
    return a[1] / b[1]


# a rate earlier in the clause makes "4 days is 120 minutes" a product, not a conversion
_RATE = re.compile(rf"(?i)\b(?:a|an|per|each|every)\s+(?:{_UNIT})\b|/\s*(?:{_UNIT})\b")
_COMPARISON = re.compile(r"(?i)\b(?:compare\w*|which|longer|shorter|heavier|lighter|more|less|greater|bigger|"
                         r"smaller|\w+er\s+than)\b|\?")
#: Longest number (in characters) read as a quantity here; longer ones are not school amounts.
_MAX_DIGITS = 15


def _digits(text: str) -> set[str]:
    """The numbers written in ``text``, as written (thousands separators dropped)."""
    return set(re.findall(r"\d+(?:\.\d+)?", text.replace(",", "")))


def conversions(text: str) -> list[Conversion]:
    """Unit conversions stated in ``text`` (digits, thousands separators removed), e.g.
    ``"2 meters = 200 centimeters"``, ``"500 cents is $5"``, ``"1 hour 20 minutes = 80
    minutes"``, ``"5 feet = 5 x 12 = 60 inches"`` (the ends of a chain worked out in the middle); only quantities of one kind in one system, each standing on its own (not the
    end of a computation, not a comparison, not after a rate such as "30 minutes a day")."""
    out = []
    both = lambda m: amount(m.group("left")) and amount(m.group("right"))  # noqa: E731
    facts = set()  # where the right side of a one-unit fact ("1 L = 1000 mL") starts
    for m in list(_matches(_STATEMENT, text, both)) + list(_matches(_CHAINED, text, both)):
        left, right = amount(m.group("left")), amount(m.group("right"))
        if _RATE.search(m.string[:m.start()]):  # m.string is the clause (see _matches)
            continue
        # ("the first 2 days is 10 + 8 = 18 hours": a sum said of the days, no conversion; said
        # with "is", the work must start from the amount's own numbers)
        if "rel" in m.re.groupindex and m.group("rel") != "=" and not _digits(m.group("left")) & _digits(m.group("work")):
            continue
        if left.value == 1:
            facts.add((id(m.string), m.start("right")))
        # "Since 1 L = 1000 mL, that is 21.6 L": "that" is the amount worked out before, not
        # the fact's 1000 mL
        if (id(m.string), m.start()) in facts and re.match(rf"(?i){_QUANTITY}\s*,", m.group()):
            continue
        # ", or" offers a choice in a comparison ("Compare 3 feet, or 40 inches")
        if re.search(r",\s*or\b", m.group()) and _COMPARISON.search(m.string):
            continue
        f = factor(left.unit, right.unit)
        # "3 dollars is $3": one unit spelled two ways, no conversion
        if f is None or (f == 1 and left.parts == right.parts == 1):
            continue
        approx = "approx" in m.re.groupindex and (m.group("approx") is not None or m.group("sign") is not None)
        out.append(Conversion(left.value, left.unit, right.value, right.unit, left.value * f,
                              approx, m.group().strip(), _last_number(m.group("right"))))
    return out


# "12 sq yd", "12 square yards", "12 yd²", "12 yd^2": an area in a square length unit
_SQUARE = r"(?:square\s+|sq\b\.?\s*)"
_AREA = (rf"(?P<{{n}}>\d[\d,]*(?:\.\d+)?)\s*(?:{_SQUARE}(?P<{{u}}1>[a-z]+)\b|(?P<{{u}}2>[a-z]+)\s*(?:²|\^\s*2)(?!\d))")
_AREA_STATEMENT = re.compile(r"(?i)(?<![\w.,])" + _AREA.format(n="a", u="ua") + r"\s*(?:=|is|equals|makes)\s*"
                             r"(?:[\d.,\s×x*/÷+-]+=\s*)?" + _AREA.format(n="b", u="ub"))


def area_conversions(text: str) -> list[Conversion]:
    """Areas said in another square unit ("12 sq yd = 12 × 3 = 36 sq ft", "2 m² = 20,000 cm²"):
    a square unit is the length factor squared (a square yard is 3 × 3 square feet)."""
    out = []
    for m in _AREA_STATEMENT.finditer(text):
        u, v = m.group("ua1") or m.group("ua2"), m.group("ub1") or m.group("ub2")
        f = factor(u, v)
        if f is None or f == 1 or measure_of(u) != "length":
            continue
        left, right = _number(m.group("a")), _number(m.group("b"))
        out.append(Conversion(left, f"sq {u}", right, f"sq {v}", left * f * f, False, m.group().strip(), right))
    return out


@dataclass(frozen=True)
class UnitSum:
    """A sum or difference of amounts in different units of one kind: "2 hours + 30 minutes
    = 150 minutes", "$2 + 50 cents = $2.50".

    Attributes:
        result: the written result, in ``result_unit``.
        expected: the terms converted to ``result_unit`` and summed, exactly.
        text: the sum as written.
    """

    result: Fraction
    result_unit: str
    expected: Fraction
    text: str


_TERM = re.compile(rf"(?i)([-+])?\s*({_QUANTITY})")
# two or more amounts joined by + or -, then "=" (or "is") and the result; not part of a
# longer computation on either side ("5 hours x 60 minutes + 40 minutes = ..."); the result
# may be a rate ("30 minutes + 1 hour = 1.5 hours per day")
_SUM = re.compile(rf"(?i){_NOT_AFTER_OPERATION}(?P<terms>{_QUANTITY}(?:\s*[-+]\s*{_QUANTITY})+)"
                  rf"\s*{_RELATION}\s*(?P<result>{_AMOUNT})"
                  r"(?!\s*[-+*×÷\d])(?!\s*/\s*[\d(])(?!\s+(?:x|times|by)\b)")


# "1 hour 20 minutes x 3 = 4 hours", "3 x 2 ft 6 in = 7 ft 6 in", "2 hours 30 minutes / 2 = 75 minutes"
_PLAIN = r"(?P<n1>\d+(?:\.\d+)?)(?!\s*(?:[/:.]\d|\s*[A-Za-z$¢]))"
_SCALED = re.compile(rf"(?i){_NOT_AFTER_OPERATION}(?:(?P<q1>{_QUANTITY})\s*(?P<op>[x×*/÷])\s*{_PLAIN}|"
                     rf"(?P<n2>\d+(?:\.\d+)?)\s*[x×*]\s*(?P<q2>{_QUANTITY}))\s*{_RELATION}\s*(?P<result>{_AMOUNT})"
                     r"(?!\s*[-+*×÷\d])(?!\s*/\s*[\d(])")


def unit_products(text: str) -> list[UnitSum]:
    """An amount multiplied or divided by a plain number, said to equal an amount, where an
    amount has two or three units or the units differ ("1 hour 20 minutes x 3 = 4 hours");
    ``expected`` is the product in the result's unit."""
    out = []
    for m in _matches(_SCALED, text, lambda m: amount(m.group("result")) is not None
                      and amount(m.group("q1") or m.group("q2")) is not None):
        q, result = amount(m.group("q1") or m.group("q2")), amount(m.group("result"))
        n = Fraction(m.group("n1") or m.group("n2"))
        f = factor(q.unit, result.unit)
        if f is None or n == 0 or (q.parts == result.parts == 1 and q.unit.lower() == result.unit.lower()):
            continue
        if f != 1 and n in (f, 1 / f, factor(result.unit, q.unit)):
            continue  # "2 hours x 60 = 120 minutes": the number is the unit factor, a conversion
        plain = q.value * (1 / n if m.group("op") in ("/", "÷") else n)
        if f != 1 and q.parts == result.parts == 1 and result.value == plain:
            continue  # "5 days × 8 = 40 hours": the 8 is "8 hours a day", a rate the step leaves unsaid
        value = q.value * f * (1 / n if m.group("op") in ("/", "÷") else n)
        out.append(UnitSum(result.value, result.unit, value, m.group().strip()))
    return out


#: A clock time as written ("3:35", "4:15 pm").
CLOCK = r"\d{1,2}:\d{2}(?:\s*[ap]\.?\s?m\b\.?)?"
_CLOCK_PARTS = re.compile(r"(?i)(\d{1,2}):(\d{2})\s*(?:([ap])\.?\s?m\b)?")
# "2:45 + 50 minutes = 3:35", "3:00 pm + 1 hour 15 minutes is 4:15 pm", "3:35 - 2:45 = 50 minutes"
_CLOCK_LATER = re.compile(rf"(?i)(?<![\d:.])(?P<start>{CLOCK})\s*(?P<op>[-+])\s*(?P<d>{_AMOUNT})\s*"
                          rf"{_RELATION}\s*(?P<end>{CLOCK})(?![\d:])")
_CLOCK_BETWEEN = re.compile(rf"(?i)(?<![\d:.])(?P<end>{CLOCK})\s*-\s*(?P<start>{CLOCK})\s*"
                            rf"{_RELATION}\s*(?P<d>{_AMOUNT})(?!\s*[-+*/×÷\d])")
# "from 3:15 to 4:15 is 1 hour", "12:50 to 1:20 is 70 minutes": the time between, start first
_CLOCK_SPAN = re.compile(rf"(?i)(?<![\d:.])(?P<start>{CLOCK})\s*(?:to|until|till|and)\s+(?P<end>{CLOCK})\s*,?\s*"
                         rf"{_RELATION}\s*(?P<d>{_AMOUNT})(?!\s*[-+*/×÷\d])")
# a whole-number computation written before the amount it comes to: "9 - 6 = " of "9 - 6 = 3 hours"
_WORKED_PIECE = re.compile(r"(?<![\d:.])\d+\s*[-+]\s*\d+\s*=\s*(?=\d+\s*(?:hours?|hrs?|h|minutes?|mins?)\b)", re.I)
# a duration written as a clock reading: "4:50 - 3:15 = 1:45", "5:10 + 1:25 = 6:35"
# (minutes past 59 too: "1:75" is a slip of its own, 1 hour 75 minutes)
_HOURS_MINUTES = r"\d{1,2}:\d{2}(?!\s*[ap]\.?\s?m\b)"
_CLOCK_BETWEEN_HM = re.compile(rf"(?i)(?<![\d:.])(?P<end>{CLOCK})\s*-\s*(?P<start>{CLOCK})\s*=\s*"
                               rf"(?P<d>{_HOURS_MINUTES})(?![\d:])(?!\s*[-+*/×÷])")
_CLOCK_LATER_HM = re.compile(rf"(?i)(?<![\d:.])(?P<start>{CLOCK})\s*(?P<op>[+])\s*(?P<d>{_HOURS_MINUTES})\s*=\s*"
                             rf"(?P<end>{CLOCK})(?![\d:])")


def _clock_minutes(text: str) -> tuple[int, int] | None:
    """Minutes after midnight (or after 12 without am/pm) and the length of the clock's cycle."""
    m = _CLOCK_PARTS.match(text.strip())
    if m is None or int(m.group(1)) > 23 or int(m.group(2)) > 59:
        return None
    h, minutes, half = int(m.group(1)), int(m.group(2)), (m.group(3) or "").lower()
    if half:
        return (h % 12 + (12 if half == "p" else 0)) * 60 + minutes, 1440
    return (h % 12) * 60 + minutes, 720  # "3:35" may be morning or afternoon


_CLOCK_AT_END = re.compile(rf"(?i)(?<![\d:.])({CLOCK})\s*[.!]?\s*$")


def clock_at_end(text: str) -> int | None:
    """The clock time a text ends on ("... gives 11:35 AM.") as minutes after 12 on a 12-hour
    dial (695), so that "11:35" and "11:35 am" are one answer; ``None`` when it ends on none."""
    m = _CLOCK_AT_END.search(text)
    t = _clock_minutes(m.group(1)) if m else None
    return None if t is None else t[0] % 720


def in_asked_unit(amount_: Amount, question: str) -> bool:
    """Whether an amount is in the unit the question asks for ("How many minutes …?", "… in
    cents?"); ``True`` where the question names no unit of the amount's kind."""
    asked = [w for w in re.findall(r"[A-Za-z]+", question) if factor(w, amount_.unit) is not None]
    return not asked or any(factor(w, amount_.unit) == 1 for w in asked)


def clock_text(minutes: float) -> str:
    """Minutes after midnight (or noon) as a 12-hour clock time: 215 -> "3:35"."""
    h, m = divmod(int(round(minutes)) % 720, 60)
    return f"{h or 12}:{m:02d}"


def clock_statements(text: str) -> list[UnitSum]:
    """Clock times moved by a duration ("2:45 + 50 minutes = 3:35", "5:10 + 1:25 = 6:35") or the
    time between two clock times ("3:35 - 2:45 = 50 minutes", "from 3:15 to 4:15 is 1 hour",
    "4:50 - 3:15 = 1:45"), read as minutes: ``expected`` what the left side
    comes to, ``result`` what is written (times compared on a 12- or 24-hour clock)."""
    out = []
    # "from 6:45 to 9:20, which is 9 - 6 = 3 hours and 45 - 20 = 25 minutes": a span whose
    # hours and minutes are each worked out is read as the amounts they come to
    pieces = _WORKED_PIECE.sub("", text)
    if pieces != text and not _CLOCK_SPAN.search(text):
        out += [u for u in clock_statements(pieces) if _CLOCK_SPAN.search(pieces)]
    for pattern in (_CLOCK_LATER, _CLOCK_BETWEEN, _CLOCK_SPAN, _CLOCK_BETWEEN_HM, _CLOCK_LATER_HM):
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            # "2:45 + 50 minutes = 3:35 + 20 minutes = 4:15": the end time starts the next link
            later = pattern in (_CLOCK_LATER, _CLOCK_LATER_HM)
            pos = m.start("end") if later else m.end()
            start, end = _clock_minutes(m.group("start")), _clock_minutes(m.group("end"))
            if pattern in (_CLOCK_BETWEEN_HM, _CLOCK_LATER_HM):  # "1:45" as 1 hour 45 minutes
                hours, minutes = m.group("d").split(":")
                d, f = Amount(Fraction(int(hours) * 60 + int(minutes)), "minutes", 2), Fraction(1)
            else:
                d = amount(m.group("d"))
                f = factor(d.unit, "minutes") if d is not None else None
            if start is None or end is None or f is None:
                continue
            cycle = min(start[1], end[1])  # without am/pm on either side, compare on 12 hours
            if later:
                moved = (start[0] + (1 if m.group("op") == "+" else -1) * d.value * f) % cycle
                out.append(UnitSum(Fraction(end[0] % cycle), "minutes", Fraction(moved), m.group().strip()))
            else:
                # (a span said in words is written as the subtraction it stands for)
                said = (f"{m.group('end').strip()} - {m.group('start').strip()} = {m.group('d').strip()}"
                        if pattern is _CLOCK_SPAN else m.group().strip())
                out.append(UnitSum(d.value * f, "minutes", Fraction((end[0] - start[0]) % cycle), said))
    return out


def unit_sums(text: str) -> list[UnitSum]:
    """Sums and differences of amounts in mixed units stated in ``text`` (digits, thousands
    separators removed), e.g. ``"1 hour - 20 minutes = 40 minutes"``: only where every amount
    carries a known unit, all of one kind and system, and at least two units differ (a sum in
    one unit is plain arithmetic, checked as such)."""
    out = []
    def valid(m: re.Match) -> bool:
        return amount(m.group("result")) is not None and all(
            amount(t.group(2)) is not None for t in _TERM.finditer(m.group("terms")))

    for m in _matches(_SUM, text, valid):
        terms = [(-1 if t.group(1) == "-" else 1, amount(t.group(2))) for t in _TERM.finditer(m.group("terms"))]
        result = amount(m.group("result"))
        units = {a.unit.lower() for _, a in terms} | {result.unit.lower()}
        factors = [factor(a.unit, result.unit) for _, a in terms]
        if (len(units) < 2 and result.parts == 1 and all(a.parts == 1 for _, a in terms)) or None in factors:
            continue
        expected = sum((sign * a.value * f for (sign, a), f in zip(terms, factors)), Fraction(0))
        out.append(UnitSum(result.value, result.unit, expected, m.group().strip()))
    return out


# "40 m", "40 m²", "40 square meters", "40 cm^2", "40 cubic feet"; group 1 the number
_WRITTEN_UNIT = re.compile(
    rf"(?i)(?<![\w.,/])(\$\s?)?(\d+(?:,\d{{3}})*(?:\.\d+)?)(?![\d.,]*\d)(?:\s?(?:π|pi\b))?\s?"
    rf"(?:(square|sq\.?|cubic|cu\.?)\s+)?({_UNIT})?\.?"
    rf"(²|³|\s*\^\s?[23]|\s*\*\*\s?[23]|\s*[x×*]\s*(?:{_UNIT})(?:\s*[x×*]\s*(?:{_UNIT}))?|\s+sq\b\.?|"
    rf"\s+squared?\b|\s+squares\b|\s+cubed?\b|\s+cubes\b)?(?![\w²³^]){_NOT_IN_ALL}")
# what turns an amount into a rate: "60 km/h", "5 m per second", "$3 an hour", "2 cups each"
_RATE_NEXT = re.compile(r"(?i)\s*(?:/\s*[A-Za-z]|per\b|each\b|every\b|apiece\b|an?\s+(?:hour|minute|second|day|"
                        r"week|month|year|met(?:er|re)|foot|mile|pound|kilo\w*|gallon|liter|litre|cup|piece)s?\b)")


def written_unit(text: str, value: Fraction) -> tuple[str, int] | None:
    """The unit ``text`` writes ``value`` in, as ``(kind of measure, power)``: ``"$40"`` and
    ``"40 dollars"`` -> ``("money", 1)``, ``"40 m²"`` and ``"40 square meters"`` ->
    ``("length", 2)``; a multiple of π by its number ("9π m": 9). ``None`` where the value is written without a unit, as a rate ("60
    km/h", "$3 an hour"), in two ways, or not at all."""
    found = set()
    for m in _WRITTEN_UNIT.finditer(text):
        try:
            if Fraction(m.group(2).replace(",", "")) != value:
                continue
        except ValueError:
            continue
        if _RATE_NEXT.match(text, m.end()):
            found.add(None)
        elif m.group(1):
            found.add(("money", 1))
        elif not m.group(4):
            found.add(None)
        else:
            found.add(_kind_power(m))
    return found.pop() if len(found) == 1 else None


def _kind_power(m: re.Match) -> tuple[str, int]:
    """``(kind, power)`` of a unit matched by ``_WRITTEN_UNIT``: "m²", "square m" are 2."""
    kind = _TABLE[m.group(4).lower()][0].split()[-1]
    before, after = (m.group(3) or "").lower(), (m.group(5) or "").lower()
    if (before.startswith("cu") or "3" in after or "³" in after or "cube" in after
            or len(re.findall(r"[x×*]\s*[a-z]", after)) == 2):  # "cm x cm x cm"
        return kind, 3
    return kind, 2 if before or after else 1
