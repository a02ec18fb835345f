"""Named misconceptions behind a wrong step: the verdict's explanation and the level-2 hint
then teach the idea that was missed instead of only saying a number is off.

Each detector reads the step's computations (:func:`tutor.mathcheck.check_step`) and the
problem text. They are well-documented error patterns of school mathematics:

* adding fractions "across" (3/4 + 2/3 = 5/7: numerators and denominators added as separate
  whole numbers), the most common fraction-addition error (Siegler, Fazio, Bailey & Zhou,
  "Fractions: the new frontier for theories of numerical development", Trends in Cognitive
  Sciences 17(1), 2013);
* a common denominator without renamed numerators (3/4 + 2/3 = 5/12);
* dividing by a fraction as multiplying by it, the fraction not inverted (6 ÷ 3/4 as 6 × 3/4;
  D. Tirosh, "Enhancing prospective teachers' knowledge of children's conceptions: the case
  of division of fractions", Journal for Research in Mathematics Education 31(1), 2000);
* subtracting a negative number as subtracting its size (15 - (-8) as 15 - 8; A. Vlassis,
  "Making sense of the minus sign or becoming flexible in 'negativity'", Learning and
  Instruction 14(5), 2004);
* taking p % of a number by dividing by p (25 % of 80 as 80 ÷ 25);
* a unit conversion with the wrong factor (5 feet as 5 x 10 inches, 1 km as 100 m): a fact
  missing, asked for, never supplied;
* minutes written as hundredths of an hour (2 hours 30 minutes as 2.30 hours), the base-10
  reading of a base-60 unit;
* a ratio worked by adding (2 cups for every 3 eggs, so 8 cups for 3 + 6 eggs): the additive
  strategy of proportional reasoning (:mod:`tutor.proportion`; Hart, *Ratio: Children's
  Strategies and Errors*, 1984);
* an answer worked with a formula the problem's words rule out: a triangle's area without
  the half, a circle's diameter taken for its radius or its two formulas swapped, a remainder
  rounded the wrong way for what is asked, a percent's part given for the amount after it
  (or the reverse), an expression worked against the order of operations
  (:mod:`tutor.formulas`);
* a number multiplying brackets applied to the first term only (3(x - 2) = 12 rewritten as
  3x - 2 = 12), or a minus in front of brackets that changes the sign of the first term only
  (5 - (x - 3) as 5 - x - 3), persistent algebra errors (Booth, Barbieri, Eyer & Paré-Blagoev,
  "Persistent and pernicious errors in algebraic problem solving", Journal of Problem Solving
  7(1), 2014);
* terms put together by a wrong rule when an expression is rewritten (:func:`rewriting_misconception`):
  a number joined to letter terms (3x + 12 + 2x as 17x), a lone letter not counted (3y - y as 3
  or 3y), like terms multiplied (x + x as x^2), different powers or different letters put into
  one term (x^2 + x as x^3, 3a + 2b as 5ab): "conjoining" (L. R. Booth, "Children's difficulties
  in beginning algebra", NCTM Yearbook 1988).

Most detectors name the error of a step the verifier already flagged; the whole-solution ones
(:func:`solution_misconception`) also let the verifier call work wrong without a reference,
where the problem's words fix what the step must do.
Layer 3 (pure functions over text).
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from tutor.mathcheck import (PERCENT_WRITTEN, check_step, equivalent_equations, linear_equations, normalize_math,
                             numbers_in, parse_side, quiet_sympy)
from tutor.mathtext import readable_equation, squares_said
from tutor.chance import or_multiplied, probability_total
from tutor.formulas import formula_relation
from tutor.proportion import AdditiveRoute, additive_route, inverted_step, per_one_step
from tutor.inequalities import direction_slip, is_inequality, readable_inequality
from tutor.relations import Relation, broken_relation, mixed_as_decimal
from tutor.rounding import RoundingSlip, rounding_slip
from tutor.comparison import WrongChoice, wrong_choice
from tutor.multiples import common_claims
from tutor.dimensions import UnitConflict, implied_conversion, singular, unmatched_units
from tutor.comparatives import comparison_slip, difference_summed
from tutor.count_facts import fact_slip
from tutor.fenceposts import fencepost_slip
from tutor.parts_left import parts_slip
from tutor.unit_price import price_for_total
from tutor.transfers import change_for_spent, transfer_slip
from tutor.percent_chain import chain_slip
from tutor.shapes import shape_slip
from tutor.spread import spread_slip
from tutor.units import Conversion, conversions, factor, on_scale, scale_pairs, unit_size
from tutor.schema import Equation

_NUM = r"(\d+(?:\.\d+)?)"
_TWO_FRACTIONS = re.compile(rf"^\(?{_NUM}/{_NUM}\)?([-+])\(?{_NUM}/{_NUM}\)?$")
_ONE_FRACTION = re.compile(rf"^\(?{_NUM}/{_NUM}\)?$")
_DIVISION = re.compile(rf"^\(?{_NUM}\)?/\(?{_NUM}\)?$")
# "6/(3/4)", "2/3/(1/4)": a division by a fraction, as mathcheck writes it
_BY_FRACTION = re.compile(rf"^(.+)/\({_NUM}/{_NUM}\)$")
# "(7/100)": a percent as mathcheck writes it
_PERCENT_OF = re.compile(r"\((\d+(?:\.\d+)?)/100\)")
# "1/2/4": a fraction divided by a whole number
_FRACTION_BY_WHOLE = re.compile(r"^(\(?\d+(?:\.\d+)?/\d+(?:\.\d+)?\)?)/(\d+(?:\.\d+)?)()$")
# "15-(-8)", "5--9": a negative number taken away
_MINUS_NEGATIVE = re.compile(rf"-\(-{_NUM}\)|--{_NUM}")
# "10^4*10^5", "2^3*2^(2)", "10^8/10^5": powers of one base multiplied or divided
_POWER = r"\(?(\d+(?:\.\d+)?)\)?\^\(?(-?\d+)\)?"
_POWERS = re.compile(rf"^{_POWER}([*/]){_POWER}$")
_ONE_POWER = re.compile(rf"^{_POWER}$")
#: A checked amount whose result is in hours ("2 hours + 30 minutes = 2.30 hours").
_IN_HOURS = re.compile(r"(?:=|\bis|\bequals|≈)\s*\d[\d.]*\s*(?:hours?|hrs?|h)\b", re.I)
#: A kind of measure (:func:`tutor.units.measure_of`) as a student reads it.
#: Unit words as their short symbols, for hints a young student reads ("centimeters": "cm").
_UNIT_SYMBOL = {w: sym for sym, words in {
    "mm": ("millimeter", "millimeters", "millimetre", "millimetres"), "cm": ("centimeter", "centimeters",
    "centimetre", "centimetres"), "m": ("meter", "meters", "metre", "metres"), "km": ("kilometer", "kilometers",
    "kilometre", "kilometres"), "in": ("inch", "inches"), "ft": ("foot", "feet"), "yd": ("yard", "yards"),
    "mi": ("mile", "miles")}.items() for w in words}
_MEASURE_SAID = {"length": "a length", "money": "an amount of money", "time": "a time", "mass": "a weight",
                 "volume": "a volume"}
#: The category a misconception files the error under: an idea was missed, not a slip made.
CATEGORY = "Missing / Wrong factual knowledge"


@dataclass(frozen=True)
class Misconception:
    """One recognised misconception in a step.

    Attributes:
        name: short id (``"fractions added across"``, ``"common denominator only"``,
            ``"percent as divisor"``, ``"minutes as hundredths"``, ``"distributed to one term"``,
            ``"minus on first term only"``, ``"unlike terms combined"``, ``"lone letter not counted"``,
            ``"like terms multiplied"``, ``"unlike powers combined"``, ``"different letters combined"``,
            ``"fraction divisor not inverted"``, ``"minus a negative"``, ``"conversion factor"``,
            ``"conversion direction"``, ``"ratio by adding"``, or a :mod:`tutor.relations` or
            :mod:`tutor.formulas` name).
        explanation: one or two sentences for the verdict (names the step).
        hint: the level-2 (concept) hint: the idea, as a question, no corrected value.
        redo: the level-3 (bottom-out) hint: how to redo that step the right way (it may lead to
            the step's corrected value, never to the problem's final answer).
        where: the level-1 hint, where the misconception spans steps and the step's own numbers
            do not show it ("" : the usual level-1 wording).
        category: the error category it files the error under (:data:`CATEGORY`, or "Wrong unit
            conversion" for a wrong conversion factor).
        facts: numbers the wordings use that neither the problem nor the steps write, because
            they are facts of the idea (a straight angle's 180), so the hint guards allow them.
    """

    name: str
    explanation: str
    hint: str
    redo: str = ""
    where: str = ""
    category: str = CATEGORY
    facts: tuple[str, ...] = ()


def find(step_number: int, step_text: str, problem_text: str,
         equations: Sequence[Equation] | None = None,
         solution: Sequence[str] | None = None) -> Misconception | None:
    """The misconception step ``step_number`` (text ``step_text``) shows, or ``None``;
    ``equations`` are the step's checked computations when the caller has them already
    (else :func:`tutor.mathcheck.check_step` reads them); ``solution`` (every step's text) lets
    a misconception spread over steps be seen (a ratio worked by adding: "8 - 2 = 6", then
    "3 + 6 = 9")."""
    if equations is None:
        equations = check_step(step_text, step_number).equations
    k = step_number
    common = next((c for eq in equations if eq.ok is False and (c := _common_misconception(k, eq))), None)
    if common is not None:
        return common
    for eq in equations:
        lhs, _, rhs = eq.text.partition("=")
        fractions = _TWO_FRACTIONS.match(lhs.replace(" ", ""))
        result = _ONE_FRACTION.match(rhs.replace(" ", ""))
        if eq.ok is not False or not (fractions and result):
            continue
        a, b, op, c, d = fractions.groups()
        a, b, c, d = (float(x) for x in (a, b, c, d))
        e, f = (float(x) for x in result.groups())
        sign, verb = (1, "add") if op == "+" else (-1, "subtract")
        if b == d or not math.isclose(e, a + sign * c):
            continue
        if math.isclose(f, b + sign * d):
            return Misconception(
                "fractions added across",
                f"In step {k}, the top numbers and the bottom numbers were {verb}ed separately. Fractions "
                f"can be {verb}ed only when they have the same denominator, so rename both first.",
                f"In step {k}, you {verb}ed the top numbers and also the bottom numbers. Can fractions "
                f"with different bottom numbers be {verb}ed that way? What common bottom number could they share?",
                f"Redo step {k}: write {_plain(str(a))}/{_plain(str(b))} and {_plain(str(c))}/{_plain(str(d))} "
                f"with the same bottom number {_common_denominator(b, d)}, then {verb} only "
                "the top numbers.",
                f"Look at step {k}, where {_plain(str(a))}/{_plain(str(b))} {op} {_plain(str(c))}/{_plain(str(d))} "
                f"becomes {_plain(str(e))}/{_plain(str(f))}. What did you do with the bottom numbers?")
        if f % b == 0 and f % d == 0:
            return Misconception(
                "common denominator only",
                f"In step {k}, the fractions got a common denominator, but the top numbers were not "
                "changed to match it.",
                f"In step {k}, the bottom numbers now match. When you change a bottom number, what must "
                "happen to the top number of that fraction?",
                f"Redo step {k}: change each top number the same way you changed its bottom number. "
                f"Then {verb} the new top numbers.")
    for eq in equations:
        if eq.ok is not False or eq.expected is None or eq.rhs_value is None:
            continue
        lhs = eq.text.partition("=")[0].replace(" ", "")
        by_fraction = _BY_FRACTION.match(lhs) or _FRACTION_BY_WHOLE.match(lhs)
        if by_fraction:  # 6 ÷ 3/4 = 6 × 3/4: the value the divisor multiplied, not its inverse
            p, q = float(by_fraction.group(2)), float(by_fraction.group(3) or 1)
            if p and math.isclose(eq.rhs_value, eq.expected * (p / q) ** 2, rel_tol=1e-6, abs_tol=1e-9):
                return _divisor_not_inverted(k, by_fraction.group(1), by_fraction.group(2), by_fraction.group(3),
                                             eq.text.partition("=")[2])
        percent = _PERCENT_OF.search(lhs)
        if percent and math.isclose(eq.rhs_value, eq.expected * 10, rel_tol=1e-6):
            # "7% of 240 = 0.7 × 240": 7% written as 7 tenths, not 7 hundredths
            return percent_as_tenths(k, _plain(percent.group(1)), _plain(str(float(percent.group(1)) / 10)))
        for m in _MINUS_NEGATIVE.finditer(lhs):  # 15 - (-8) = 15 - 8: the sign of the number taken away dropped
            b = float(m.group(1) or m.group(2))
            if b and math.isclose(eq.rhs_value, eq.expected - 2 * b, rel_tol=1e-6, abs_tol=1e-9):
                n = _plain(m.group(1) or m.group(2))
                return Misconception(
                    "minus a negative",
                    f"In step {k}, taking away -{n} was done as taking away {n}. Subtracting a negative "
                    "number is the same as adding the positive number.",
                    f"In step {k}, you take away -{n}. Taking away a number gives the same result as adding "
                    f"its opposite. What is the opposite of -{n}?",
                    f"Redo step {k}: subtracting -{n} is the same as adding {n}. Write the step with "
                    f"+ {n} instead of - (-{n}), then work it out.",
                    f"Look at step {k}, where you take away -{n}. Is that the same as taking away {n}?")
    for eq in equations:
        slip = direction_slip(eq.follows, eq.text) if eq.follows and eq.ok is False and is_inequality(eq.text) else None
        if slip is not None:
            return _inequality_direction(k, slip, readable_inequality(eq.follows), readable_inequality(eq.text))
        if eq.ok is False and eq.expected is not None and eq.rhs_value is not None:
            named = _power_misconception(k, eq) or _sign_misconception(k, eq)
            if named is not None:
                return named
    # a percent the problem states, whose number it uses for nothing else ("teams of 20" and
    # "20%" make dividing by 20 ordinary)
    stated = PERCENT_WRITTEN.findall(problem_text)
    others = re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?!\d|\.\d|\s*(?:%|percent\b))", problem_text, re.I)
    percents = {float(p) for p in stated} - {100.0} - {float(x) for x in others}
    for eq in equations:
        division = _DIVISION.match(eq.text.partition("=")[0].replace(" ", ""))
        if division and float(division.group(2)) in percents and float(division.group(1)) != 100:
            return percent_as_divisor(k, _plain(division.group(1)), _plain(division.group(2)))
    for eq in equations:
        if eq.ok is not False or eq.expected is None or eq.rhs_value is None or not _IN_HOURS.search(eq.text):
            continue
        whole = math.floor(eq.expected)
        minutes = round((eq.expected - whole) * 60, 6)
        if 0 < minutes < 60 and minutes.is_integer() and math.isclose(eq.rhs_value, whole + minutes / 100):
            m = int(minutes)
            return Misconception(
                "minutes as hundredths",
                f"In step {k}, {m} minutes was written as .{m:02d} of an hour, but an hour has 60 minutes, "
                "not 100.",
                *_leftover_minutes(k, m, step_text),
                f"Look at step {k}, where you write the time in hours as a decimal. How many minutes make one hour?")
    for eq in equations:
        found = _first_term_only(eq) if eq.follows and eq.ok is False else None
        if found:
            return _bracket_misconception(k, *found)
    # (after the minutes-as-hundredths reading, which names a conversion's error more closely)
    for eq in equations:
        conversion = next(iter(conversions(eq.text)), None) if eq.ok is False else None
        # (a scale the problem states, "3 cm represents 45 km", is no unit conversion)
        scales = scale_pairs(problem_text) if conversion is not None else []
        if conversion is not None and on_scale(conversion, scales) is False:
            return _scale_misconception(k, conversion, scales)
        if conversion is not None and conversion.left and on_scale(conversion, scales) is None:
            named = _hours_read_as_minutes(k, conversion) or _conversion_misconception(k, step_text, conversion)
            if named is not None:
                return named
    if solution:
        found = solution_misconception(problem_text, solution)
        if found is not None and k - 1 in found[0]:
            return found[1]
    return None


def _scale_misconception(k: int, c: Conversion, scales: list) -> Misconception:
    """A step that states the problem's scale ("3 cm represents 45 km") with other numbers
    ("1 cm = 12 km"): the two parts of a scale change by the same factor."""
    left, right = next((a, b) for a, b in scales if {a.unit.lower(), b.unit.lower()} ==
                       {c.left_unit.lower(), c.right_unit.lower()})
    scale = f"{_unit_amount(left.value, left.unit)} stands for {_unit_amount(right.value, right.unit)}"
    said = f"{_unit_amount(c.left, c.left_unit)} = {_unit_amount(c.right, c.right_unit)}"
    return Misconception(
        "scale not kept",
        f"In step {k}, {said} does not keep the scale of the problem: {scale}.",
        f"In step {k}, the scale says {scale}. If one part of a scale is divided or multiplied by a "
        "number, what happens to the other part?",
        f"Redo step {k}: start from the scale. Divide both parts by the same number, or multiply both, "
        f"to get {_unit_amount(c.left, c.left_unit)} on one side.",
        f"Look at step {k}, where you write {said}. Does it match the scale {scale}?",
        category="Logical error / Wrong approach")


def choice_misconception(k: int, c: WrongChoice) -> Misconception:
    """The misconception of step ``k`` (1-based) that names the worse of two options as the
    better buy (:func:`tutor.comparison.wrong_choice`), worded for a student."""
    one = singular(c.per) if c.per else "unit"
    if c.lower_better:
        why = (f"the option chosen costs {c.chosen} for one {one}, more than the other's {c.other}. The better "
               f"buy costs less for each {one}.")
        rule, pick = f"the price for one {one}", "lower"
    else:
        why = (f"the option chosen gives {c.chosen} for each dollar, less than the other's {c.other}. The better "
               "buy gives more for each dollar.")
        rule, pick = "the amount for one dollar", "higher"
    chosen = f"the {c.named}" if c.named and c.named[0].isdigit() else c.named or "that option"
    return Misconception(
        "worse option chosen",
        f"In step {k}, {why}",
        f"In step {k}, {c.chosen} and {c.other} are each {rule}. Which one is {pick}, and which option has it?",
        f"Redo step {k}: compare {c.chosen} and {c.other}, {rule} of each option. Choose the option with the {pick} "
        "one, and say why.",
        f"Look at step {k}, where you choose {chosen}. Is its {rule.removeprefix('the ')} {pick} than the other "
        "option's?",
        category="Logical error / Wrong approach",
        # (the step may write no number: "Store A is the better deal" is about the option it names)
        facts=tuple(q for q in (c.named, c.chosen, c.other) if q))


def rounding_misconception(k: int, slip: RoundingSlip) -> Misconception:
    """The misconception of step ``k`` (1-based) that rounds a number of the problem wrong
    (:func:`tutor.rounding.rounding_slip`), worded for a student; never the rounded value."""
    n, said, place = slip.given, slip.said, slip.place
    digit = _PLACE_DIGIT.get(place, f"{place}s")  # the place's column: "hundreds", "ones", "tenths"
    between = {"ones": "whole numbers", "hundredths": "hundredths"}.get(digit, f"{place}s")
    why = {"up": f"{n} was rounded up, but it is closer to the smaller one.",
           "down": f"{n} was rounded down, but it is closer to the bigger one.",
           "place": f"{said} rounds {n} to another place, not to the nearest {place}.",
           "other": f"{said} is not {n} rounded to the nearest {place}."}[slip.kind]
    return Misconception(
        "rounded wrong",
        f"In step {k}, {n} rounded to the nearest {place} is not {said}: {why}",
        f"In step {k}, which two {between} is {n} between? Which one is it closer to?",
        f"Redo step {k}: in {n}, look at the digit just right of the {digit} place. 5 or more rounds up; 4 or "
        "less rounds down.",
        f"Look at step {k}, where you round {n}. Is {said} the nearest {place}?",
        category="Calculation error", facts=("2", "4", "5"))


_PLACE_DIGIT = {"whole number": "ones", "whole": "ones", "one": "ones", "integer": "ones", "dollar": "ones",
                "whole dollar": "ones", "cent": "hundredths", "penny": "hundredths", "10": "tens", "100": "hundreds",
                "1000": "thousands", "1,000": "thousands"}


def _common_misconception(k: int, eq: Equation) -> Misconception | None:
    """A least common multiple or greatest common factor claimed wrong in step ``k``
    (:func:`tutor.mathcheck.check_step` writes it "LCM(12, 15)=30"): the product taken for the
    LCM, a common multiple that is not the least, a common factor that is not the greatest, or
    a number that is no common multiple or factor at all. ``None`` for other equations."""
    m = re.fullmatch(r"(LCM|GCF)\(([\d, ]+)\)=(\d+)", eq.text)
    if m is None:
        return None
    nums, said = [int(n) for n in m.group(2).split(",")], int(m.group(3))
    listed = ", ".join(map(str, nums[:-1])) + f" and {nums[-1]}"
    every = f"both {listed}" if len(nums) == 2 else f"each of {listed}"
    if m.group(1) == "LCM":
        what = "least common multiple"
        if all(said % n == 0 for n in nums):
            name = "product as LCM" if said == math.prod(nums) else "common multiple, not the least"
            why = (f"{said} is a common multiple of {listed}" + (", found by multiplying them" if name == "product as LCM"
                                                                   else "") + ", but there is a smaller one.")
        else:
            name, why = "not a common multiple", f"{said} is not a multiple of {every}."
        hint = (f"In step {k}, list the multiples of {max(nums)}. Which is the first one that "
                f"{' and '.join(map(str, sorted(nums)[:-1]))} also go{'es' if len(nums) == 2 else ''} into?")
        redo = f"Redo step {k}: count up by {max(nums)} and stop at the first number that {every} divide evenly."
    else:
        what = "greatest common factor"
        if all(n % said == 0 for n in nums):
            name, why = "common factor, not the greatest", f"{said} divides {every}, but a bigger number does too."
        else:
            name, why = "not a common factor", f"{said} does not divide {every} evenly."
        hint = f"In step {k}, list the factors of {min(nums)}. Which is the biggest one that divides {every}?"
        others = " and ".join(map(str, sorted(nums)[1:]))
        redo = f"Redo step {k}: list the factors of {min(nums)} from biggest to smallest. Stop at the first one that divides {others} too."
    return Misconception(
        name,
        f"In step {k}, {said} is not the {what} of {listed}: {why}",
        hint, redo,
        f"Look at step {k}. Is {said} the {'smallest number that' if m.group(1) == 'LCM' else 'biggest number that divides'} "
        f"{every}{' go into' if m.group(1) == 'LCM' else ''}?")


def _leftover_minutes(k: int, m: int, step_text: str) -> tuple[str, str]:
    """The hint and redo for minutes read as hundredths, naming the minutes only where the step
    writes them ("90 minutes = 1.3 hours" never writes the 30 left over)."""
    if re.search(rf"(?<![\d.]){m}(?![\d.])", step_text):
        return (f"In step {k}, how many minutes make one hour? So what part of an hour is {m} minutes?",
                f"Redo step {k}: {m} minutes is {m}/60 of an hour. Write that as a decimal, then add the whole hours.")
    return (f"In step {k}, how many minutes make one hour? So what part of an hour are the minutes left over "
            "after the whole hours?",
            f"Redo step {k}: the minutes left over after the whole hours are that many sixtieths of an hour. Write "
            "that as a decimal, then add the whole hours.")


def percent_as_divisor(k: int, base: str, p: str) -> Misconception:
    """Step ``k`` took ``p``% of ``base`` as ``base`` ÷ ``p``."""
    return Misconception(
        "percent as divisor",
        f"In step {k}, {base} is divided by {p}, but {p}% means {p} out of every 100: taking "
        f"{p}% of a number is not the same as dividing it by {p}.",
        f"In step {k}, you divided {base} by {p}. What does {p}% mean? How many out of every 100?",
        f"Redo step {k}: {p}% of {base} is {p}/100 × {base}. Work that out instead of {base} ÷ {p}.",
        f"Look at step {k}, where you divide {base} by {p}. Is that {p}% of {base}?")


def percent_as_tenths(k: int, p: str, tenths: str) -> Misconception:
    """Step ``k`` used ``p``% as the decimal ``tenths`` (7% as 0.7)."""
    return Misconception(
        "percent as tenths",
        f"In step {k}, {p}% was used as {tenths}. {p}% means {p} out of 100, so it is {p} hundredths, "
        "not tenths.",
        # (the hints do not say the percent's number: "30%" is the corrected 0.3 of "30% = 3")
        f"In step {k}, a percent means a number out of every 100. Is {tenths} a number of hundredths?",
        f"Redo step {k}: a percent is a number of hundredths. Write the percent's number over 100, then as a "
        "decimal. Multiply by that decimal.",
        f"Look at step {k}, where you write the percent as {tenths}. Out of how many is a percent?")


def _inequality_direction(k: int, slip: str, before: str, after: str) -> Misconception:
    """An inequality whose sign did not turn round where both sides were divided (or multiplied)
    by a negative number, or turned where they were not (:func:`tutor.inequalities.direction_slip`).
    (The hints name the number in front of the unknown, not what the student did with it.)"""
    if slip == "kept":
        return Misconception(
            "inequality sign kept",
            f"In step {k}, both sides of {before} were divided or multiplied by a negative number, so the "
            "inequality sign must turn round.",
            f"In step {k}, the number in front of the unknown is negative. When both sides of an inequality are "
            "divided by a negative number, what happens to the sign?",
            f"Redo step {k}: start again from {before}. Divide both sides by the number in front of the unknown. "
            "It is negative, so turn the sign round.",
            f"Look at step {k}, where {before} becomes {after}. What is the number in front of the unknown, and "
            "is it negative?")
    return Misconception(
        "inequality sign turned",
        f"In step {k}, the inequality sign was turned round, but it turns only when both sides are "
        "multiplied or divided by a negative number.",
        f"In step {k}, was there a negative number to divide both sides by? If not, should the sign change?",
        f"Redo step {k}: do the same to both sides of {before} and keep the sign as it is.",
        f"Look at step {k}, where {before} becomes {after}. Why did the sign turn round?")


def _power_misconception(k: int, eq: Equation) -> Misconception | None:
    """Powers of one base multiplied with their exponents multiplied ("10^4 × 10^5 = 10^20"),
    divided with them added or divided; a power worked as base × exponent ("3^4 = 12")."""
    lhs, _, rhs = eq.text.replace(" ", "").partition("=")
    two, result, one = _POWERS.match(lhs), _ONE_POWER.match(rhs), _ONE_POWER.match(lhs)
    if one and math.isclose(eq.rhs_value, float(one.group(1)) * float(one.group(2))):
        b, n = _plain(one.group(1)), _plain(one.group(2))
        return Misconception(
            "power as product",
            f"In step {k}, {b}^{n} was worked out as {b} × {n}. The exponent {n} says how many times {b} is "
            "used as a factor.",
            f"In step {k}, what does the small {n} in {b}^{n} tell you to do with {b}?",
            f"Redo step {k}: write {b}^{n} as {b} multiplied by itself, with {n} factors of {b}. Then multiply.",
            f"Look at step {k}, where you work out {b}^{n}. Is that {b} × {n}?")
    if not (two and result) or two.group(1) != two.group(4) or two.group(1) != result.group(1):
        return None
    b, m, op, n, got = two.group(1), int(two.group(2)), two.group(3), int(two.group(5)), int(result.group(2))
    right = m + n if op == "*" else m - n
    wrong = {m * n, m - n, n - m} if op == "*" else {m + n, *([m // n] if n and m % n == 0 else [])}
    if got == right or got not in wrong:
        return None
    b = _plain(b)
    verb, rule = ("multiplied", "added") if op == "*" else ("divided", "subtracted")
    return Misconception(
        "exponent rule",
        f"In step {k}, when powers of the same base are {verb}, their exponents are {rule}, not "
        f"{'multiplied' if op == '*' and got == m * n else 'added' if op == '/' and got == m + n else 'combined that way'}.",
        f"In step {k}, write each power of {b} as a row of factors of {b}. How many factors of {b} are there "
        f"{'in all' if op == '*' else 'left after cancelling'}?",
        f"Redo step {k}: {'count all the factors of ' + b if op == '*' else 'cancel one factor of ' + b + ' on top for each one below'}; "
        "that count is the new exponent.",
        f"Look at step {k}, where the exponents {m} and {n} make {got}. How do exponents combine when powers "
        f"of {b} are {verb}?")


def _sign_misconception(k: int, eq: Equation) -> Misconception | None:
    """A computation with a negative number whose result has the right size and the wrong sign
    ("(-6) × (-4) = -24", "-8 + 15 = -7", "-12 ÷ 3 = 4")."""
    lhs = eq.text.partition("=")[0].replace(" ", "")
    if not eq.expected or not math.isclose(eq.rhs_value, -eq.expected, rel_tol=1e-9) or \
            not re.search(r"(?:^|[-+*/(])-\d", lhs):
        return None
    if re.fullmatch(r"[-+]?[\d.()]+(?:[-+][\d.()]+)+", lhs.replace("(-", "(").replace("--", "+")):
        return Misconception(
            "sign of a sum",
            f"In step {k}, the size of the result is right but its sign is not. When a positive and a "
            "negative number are added, the result takes the sign of the one farther from zero.",
            f"In step {k}, picture the number line. Starting at the first number, which way do you move, "
            "and do you cross zero?",
            f"Redo step {k}: start at the first number on a number line and move by the second one. "
            "Check which side of zero you end on.",
            f"Look at step {k}. Is the result positive or negative?",
            category="Calculation error")
    if re.fullmatch(r"[-+]?[\d.()\-]+(?:[*/][\d.()\-]+)+", lhs):
        return Misconception(
            "sign of a product",
            f"In step {k}, the size of the result is right but its sign is not. Two negative numbers "
            "multiply or divide to a positive; one negative and one positive give a negative.",
            f"In step {k}, count the negative numbers you multiply or divide. What sign does that count give?",
            f"Redo step {k}: work out the size first, then decide the sign by counting the negative factors.",
            f"Look at step {k}. Is the result positive or negative?",
            category="Calculation error")
    return None


def rewriting_misconception(k: int, step_text: str, problem_text: str, before: str, after: str) -> Misconception | None:
    """The misconception of step ``k`` (1-based, text ``step_text``) that rewrote the
    expression ``before`` into ``after`` (both as the student reads them: "3(x + 4)"), not
    equal to it, or ``None``: terms put together by a wrong rule (:func:`_unlike_terms`,
    :func:`_terms_combined`), or brackets taken away changing the first term inside only
    ("3(x + 4)" as "3x + 4", "5 - (x - 3)" as "5 - x - 3"). Each is named only where the wrong
    rule's result, built with sympy, equals ``after``; a right rewriting is never named. For
    the brackets the algebra-step check reads the pair as "... = 0" and "... = 1": both must
    show it, so only an expression equal to the first-term-only one is named."""
    combined = _unlike_terms(k, before, after) or _terms_combined(k, before, after)
    if combined is not None:
        return combined
    named = None
    for side in ("0", "1"):
        found = find(k, step_text, problem_text, [Equation(text=f"{after}={side}", ok=False, follows=f"{before}={side}")])
        if found is None or found.name not in BRACKET_NAMES:
            return None
        named = named or found
    if named is None:
        return None
    # (the "= 0" the reading added is not the student's)
    bare = {f: re.sub(r"\s*=\s*0(?!\d|\.\d)", "", getattr(named, f)) for f in ("explanation", "hint", "redo", "where")}
    return dataclasses.replace(named, **bare)


def _unlike_terms(k: int, before: str, after: str) -> Misconception | None:
    """``before`` (terms in one letter and numbers on their own: "3x + 12 + 2x") rewritten as
    fewer terms that agree with it only where the letter is 1 ("17x"): the numbers were added
    whatever letter part they carry ("conjoining" unlike terms: L. R. Booth, "Children's
    difficulties in beginning algebra", NCTM Yearbook 1988)."""
    try:
        import sympy

        quiet_sympy()
        b, a = parse_side(normalize_math(before)), parse_side(normalize_math(after))
        letters = b.free_symbols | a.free_symbols
        if len(letters) != 1:
            return None
        (x,) = letters
        terms = sympy.Add.make_args(sympy.expand(b))
        if (sympy.expand(b - a) == 0 or sympy.expand(b - a).subs(x, 1) != 0
                or {sympy.degree(t, x) for t in terms} != {0, 1}
                or len(sympy.Add.make_args(sympy.expand(a))) >= len(terms)):
            return None
    except Exception:  # an expression sympy cannot read names nothing
        return None
    an = "an" if str(x) in "aefhilmnorsx" else "a"  # "an x-term", "a y-term"
    return Misconception(
        "unlike terms combined",
        f"In step {k}, {before} is written as {after}: terms that are not like terms were "
        f"combined into one. Only terms with the same letter part can be combined; a number on its own stays "
        f"apart from the {x}-terms.",
        f"In step {k}, which terms of {before} have {an} {x}, and which are numbers on their own? Can a "
        f"number be added to {an} {x}-term?",
        f"Redo step {k}: add only the {x}-terms of {before}. Keep the number as its own term.",
        f"Look at step {k}, where {before} becomes {after}. Which terms did you add together?")


#: Most terms :func:`_terms_combined` reads (its groups of terms grow as 2 ** n).
_MAX_COMBINED_TERMS = 6


def _terms_combined(k: int, before: str, after: str) -> Misconception | None:
    """``before`` rewritten as ``after`` (not equal to it) where some of its terms were put
    together by a wrong rule, the rest left as they were (or rightly combined):

    * like terms with a lone letter not counted ("3y - y" as 3y: y counted as nothing; as 3: the
      letter taken away with it);
    * like terms multiplied, or their powers added ("x + x" as x^2, "2x + 3x" as 5x^2);
    * different powers of one letter put into one term ("x^2 + x" as x^3, "2x + 3x^2" as 5x^3);
    * different letters put into one term ("3a + 2b" as 5ab).

    Each rule's result is built from the terms (:func:`_wrong_sums`) and compared with
    ``after`` by sympy, so only a rewriting that matches a rule is named (L. R. Booth,
    "Children's difficulties in beginning algebra", NCTM Yearbook 1988: "conjoining"; Booth,
    Barbieri, Eyer & Paré-Blagoev 2014). A number joined with terms in one letter ("3x + 12"
    as 15x) is :func:`_unlike_terms`' case. ``None`` when no rule matches or sympy cannot read
    either side."""
    import itertools

    import sympy

    from tutor.expressions import readable, written_terms

    try:
        quiet_sympy()
        target = sympy.expand(parse_side(normalize_math(after)))
        written = written_terms(before)
        if written is None or sympy.expand(sympy.Add(*written) - target) == 0:
            return None
        collected = list(sympy.Add.make_args(sympy.expand(sympy.Add(*written))))
        for terms in (written, collected):  # (the like terms may be combined rightly in the same step)
            if len(terms) > _MAX_COMBINED_TERMS:
                continue
            for size in range(len(terms), 1, -1):
                for group in itertools.combinations(range(len(terms)), size):
                    chosen = [terms[i] for i in group]
                    rest = sympy.Add(*(terms[i] for i in range(len(terms)) if i not in group))
                    for rule, wrong in _wrong_sums(chosen):
                        if sympy.expand(rest + wrong - target) == 0:
                            return _combined_wording(k, readable(before), readable(after), rule, chosen)
    except Exception:  # an expression sympy cannot read names nothing
        return None
    return None


def _monomial(term) -> tuple | None:
    """``(number, letter part)`` of one term ("3x^2": (3, x^2), "-y": (-1, y), "4": (4, 1)),
    or ``None`` for a term that is not a number times letters (a sum, a letter below a bar)."""
    if term.is_Add or not term.is_polynomial(*term.free_symbols):
        return None
    return term.as_coeff_Mul()


def _kind_of(parts: Sequence) -> str | None:
    """Which terms a group holds, from their letter parts: ``"like"`` (one letter part),
    ``"powers"`` (one set of letters, different powers), ``"letters"`` (different letters);
    ``None`` for numbers only, or numbers with terms in one letter (:func:`_unlike_terms`)."""
    letters = {frozenset(p.free_symbols) for p in parts}
    if len(set(parts)) == 1:
        return "like" if parts[0] != 1 else None
    if len(letters - {frozenset()}) > 1:
        return "letters"
    return None if frozenset() in letters else "powers"


def _wrong_sums(terms: Sequence):
    """Yield ``(rule, result)`` for each wrong way of putting ``terms`` (sympy) into one term
    that fits what they are (:func:`_kind_of`): ``rule`` is ``"<kind> <how>"``, ``how`` one
    of ``"multiplied"`` (the terms multiplied: x + x as x^2), ``"conjoined"`` (numbers added,
    letter parts multiplied: 2x + 3x^2 as 5x^3), ``"one part kept"`` (numbers added, one letter
    part kept: x^2 + x as 2x^2), ``"lone as nothing"`` / ``"lone takes the letter"`` (like terms
    whose lone letter, "y" in "3y - y", is counted as 0 / takes the letter away: 3y, 3)."""
    import sympy

    read = [_monomial(t) for t in terms]
    if any(r is None for r in read):
        return
    numbers, parts = zip(*read)
    kind = _kind_of(parts)
    if kind is None:
        return
    total = sympy.Add(*numbers)
    yield f"{kind} multiplied", sympy.Mul(*terms)
    yield f"{kind} conjoined", total * sympy.Mul(*parts)
    if kind == "like":
        counted = [c for c in numbers if abs(c) != 1]
        if counted and len(counted) < len(numbers):  # (all lone: "x - x" has nothing to count)
            yield "like lone as nothing", sympy.Add(*counted) * parts[0]
            yield "like lone takes the letter", sympy.Add(*counted)
    else:
        for part in dict.fromkeys(parts):
            yield f"{kind} one part kept", total * part


def _said(term) -> str:
    """A sympy term as a student writes it: ``3*x**2`` -> "3x^2", ``a*b`` -> "ab"."""
    return str(term).replace("**", "^").replace("*", "")


def _written_at(before: str, term) -> int:
    """Where ``term``'s letters first appear in ``before`` (its place in the student's order;
    a number, with no letter, goes last)."""
    found = [before.find(str(x)) for x in term.free_symbols]
    return min((i for i in found if i >= 0), default=len(before))


def _an(letter: str) -> str:
    """ "a" or "an" before a letter said aloud ("an x-term", "a y-term")."""
    return "an" if letter[:1] in "aefhilmnorsx" else "a"


def _combined_wording(k: int, before: str, after: str, rule: str, terms: Sequence) -> Misconception:
    """The misconception of step ``k`` that put ``terms`` of ``before`` into one term by
    ``rule`` (:func:`_wrong_sums`), worded for a student; no wording states the rewriting's
    right result."""
    kind = rule.split()[0]
    terms = sorted(terms, key=lambda t: _written_at(before, t))
    parts = list(dict.fromkeys(_said(t.as_coeff_Mul()[1]) for t in terms))
    shown = " and ".join(_said(t) for t in terms)
    look = f"Look at step {k}, where {before} becomes {after}."
    if rule.startswith("like lone"):
        m = parts[0]
        what = (f"the {m} on its own was counted as nothing" if rule.endswith("nothing")
                else f"the letter {m} was dropped along with the {m} on its own")
        return Misconception(
            "lone letter not counted",
            f"In step {k}, {before} is written as {after}: {what}. A letter on its own stands for one of it, "
            "and like terms keep their letter when they are combined.",
            f"In step {k}, what number is in front of {_an(m)} {m} standing on its own? When like terms are "
            "combined, does their letter go away?",
            f"Redo step {k}: write each {m} on its own in {before} as 1{m}. Then combine the numbers in front "
            f"of the {m}-terms and keep the letter {m}.",
            f"{look} What number is in front of the {m} on its own?")
    if kind == "like":
        m = parts[0]
        lone = f" (a lone {m} counts as 1{m})" if any(abs(t.as_coeff_Mul()[0]) == 1 for t in terms) else ""
        return Misconception(
            "like terms multiplied",
            f"In step {k}, {before} is written as {after}: adding the like terms {shown} changed their letter "
            f"part {m}. Adding like terms changes only the number in front; the letter part stays the same.",
            f"In step {k}, {shown} are like terms. When like terms are added, does the letter part {m} change, "
            "or only the number in front of it?",
            f"Redo step {k}: add only the numbers in front of the {m}-terms of {before}{lone}. Keep the letter "
            f"part {m} as it is.",
            f"{look} Should adding like terms change the letter part {m}?")
    if kind == "powers":
        x = "".join(sorted(set("".join(re.findall(r"[A-Za-z]", "".join(parts))))))
        said = " and ".join(parts)
        return Misconception(
            "unlike powers combined",
            f"In step {k}, {before} is written as {after}: terms with different powers of {x} were put into "
            f"one term. {said} are not like terms, so they cannot be added into one term.",
            f"In step {k}, are {said} like terms? Can terms with different powers of {x} be added into one "
            "term?",
            f"Redo step {k}: in {before}, put together only terms with the same power of {x}. A term whose "
            "power matches no other term stays as it is.",
            f"{look} Which powers of {x} did you put together?")
    # (the letter parts, not the terms: a group may hold like terms the step rightly combined,
    # "5a - a" as 4a, whose sum is part of the right result)
    kinds = [f"the {p}-terms" for p in parts if p != "1"] + (["the numbers"] if "1" in parts else [])
    said = ", ".join(kinds[:-1]) + " and " + kinds[-1]
    return Misconception(
        "different letters combined",
        f"In step {k}, {before} is written as {after}: terms with different letters were put into one "
        f"term. {said[0].upper()}{said[1:]} are not like terms, so they cannot be added into one term.",
        f"In step {k}, which terms of {before} have the same letter? Can terms with different letters be "
        "added into one term?",
        f"Redo step {k}: in {before}, put together only terms with the same letter. Terms with different "
        "letters stay apart.",
        f"{look} Which terms did you put together? Do they have the same letter?")


def solution_misconception(problem_text: str, step_texts: Sequence[str]) -> tuple[tuple[int, ...], Misconception, dict] | None:
    """A misconception a whole solution shows against what the problem's words fix (a ratio
    worked by adding or upside down, :mod:`tutor.proportion`; a mean, percent change or
    rectangle relation broken, :mod:`tutor.relations`; a formula the words rule out,
    :mod:`tutor.formulas`), found without a reference: ``(0-based steps it spans, the
    misconception about its first step, evidence for the verdict)``, the earliest one, or
    ``None``. Cached: the verdict and each hint level ask about the same solution."""
    found = _solution_misconception(problem_text, tuple(step_texts))
    return None if found is None else (found[0], found[1], copy.deepcopy(found[2]))


@functools.lru_cache(maxsize=256)
def _solution_misconception(problem_text: str, step_texts: tuple[str, ...]):
    found = []
    route = additive_route(problem_text, step_texts)
    if route is not None:
        k = route.steps[0]
        r = route.ratio
        found.append((route.steps, ratio_by_adding(k + 1, step_texts[k], route),
                      {"ratio": {"steps": [i + 1 for i in route.steps], "ratio": [r.a_said, r.b_said],
                                 "other": r.c_said}}))
    for wrong, named in ((inverted_step, ratio_inverted), (per_one_step, ratio_per_one)):
        found_step = wrong(problem_text, step_texts)
        if found_step is not None:
            k, r = found_step
            found.append(((k,), named(k + 1, step_texts[k], r),
                          {"ratio": {"steps": [k + 1], "ratio": [r.a_said, r.b_said], "other": r.c_said}}))
    wrong_claim = next(((i, c) for i, c in common_claims(problem_text, list(step_texts)) if c.ok is False), None)
    if wrong_claim is not None:
        i, claim = wrong_claim
        found.append(((i,), _common_misconception(i + 1, claim), {"common": {"step": i + 1, "claim": claim.text}}))
    choice = wrong_choice(problem_text, list(step_texts))
    if choice is not None:
        found.append(((choice.step,), choice_misconception(choice.step + 1, choice),
                      {"choice": {"step": choice.step + 1, "chosen": choice.chosen, "other": choice.other}}))
    rounded = rounding_slip(problem_text, list(step_texts))
    if rounded is not None:
        found.append(((rounded.step,), rounding_misconception(rounded.step + 1, rounded),
                      {"rounding": {"step": rounded.step + 1, "given": rounded.given, "said": rounded.said,
                                    "place": rounded.place}}))
    implied = implied_conversion(problem_text, list(step_texts))
    named = implied and _conversion_misconception(implied[0] + 1, step_texts[implied[0]], implied[1])
    if named:
        c = implied[1]
        found.append(((implied[0],), named, {"conversion": {"step": implied[0] + 1, "from": f"{_plain(str(float(c.left)))} {c.left_unit}",
                                                             "to": c.right_unit}}))
    unmatched = unmatched_units(problem_text, list(step_texts))
    if unmatched is not None:
        found.append(((unmatched.step,), units_unmatched(unmatched.step + 1, unmatched),
                      {"units": {"step": unmatched.step + 1, "kind": unmatched.kind, "expression": unmatched.expression,
                                 "operands": list(unmatched.operands), "asked": "", "units": list(unmatched.units)}}))
    for relation, word in ((shape_slip(problem_text, step_texts), shape_misconception),
                           (spread_slip(problem_text, step_texts), spread_misconception),
                           (chain_slip(problem_text, step_texts), chain_misconception),
                           (comparison_slip(problem_text, step_texts), comparison_misconception),
                           (difference_summed(problem_text, step_texts), difference_misconception),
                           (fact_slip(problem_text, step_texts), count_fact_misconception),
                           (parts_slip(problem_text, step_texts), parts_misconception),
                           (fencepost_slip(problem_text, step_texts), fencepost_misconception),
                           (price_for_total(problem_text, step_texts), price_misconception),
                           (transfer_slip(problem_text, step_texts), transfer_misconception),
                           (change_for_spent(problem_text, step_texts), transfer_misconception),
                           (broken_relation(problem_text, step_texts), relation_misconception),
                           (probability_total(problem_text, step_texts), relation_misconception),
                           (or_multiplied(problem_text, step_texts), relation_misconception),
                           (formula_relation(problem_text, step_texts), formula_misconception)):
        if relation is not None:
            found.append(((relation.step,), word(relation.step + 1, relation),
                          {"relation": {"step": relation.step + 1, "name": relation.name,
                                        "expression": relation.expression}}))
    return min(found, key=lambda f: f[0][0]) if found else None


_SHAPE_FORMULA = {
    "cylinder": "π × radius × radius × height", "cone": "1/3 × π × radius × radius × height",
    "sphere": "4/3 × π × radius × radius × radius", "hemisphere": "half of 4/3 × π × radius × radius × radius",
    "parallelogram": "base × height", "trapezoid": "(the two bases added) ÷ 2 × height",
    "triangle": "1/2 × base × height",
}


def shape_misconception(k: int, relation: Relation) -> Misconception:
    """The misconception of step ``k`` (1-based) whose area or volume is a slip's value
    (:func:`tutor.shapes.shape_slip`), worded for a student; the formula and the problem's sizes,
    never the answer."""
    f, name = relation.facts, relation.name
    fact = "Missing / Wrong factual knowledge"
    if name in _POLYGON_SLIPS:
        return _polygon_misconception(k, name, f)
    if name == "area scaled by the length factor":
        x, way = f["factor"], f["way"]
        verb = "multiply" if way == "multiplied" else "divide"
        return Misconception(
            name, f"In step {k}, the area is {way} by the scale's factor, {x}, once. Each length changes by {x}, "
            f"so an area, length times width, changes by {x} × {x}.",
            f"In step {k}, if each side of a square changes by {x}, how does its area change?",
            f"Redo step {k}: {verb} the area by {x}, and then by {x} again.",
            f"Look at step {k}, where you use {x}. Does an area change by the same factor as a length?",
            category=fact)
    shape, formula = f["shape"], _SHAPE_FORMULA[f["shape"]]
    if name == "diameter as radius":
        d = f["diameter"]
        return Misconception(
            name, f"In step {k}, the diameter, {d}, is used as the radius. The radius is half the diameter.",
            f"In step {k}, is {d} the radius or the diameter? Which one does the {shape}'s formula use?",
            f"Redo step {k}: the radius is half of {d}. Work out {formula} with the radius.",
            f"Look at step {k}. Is {d} the radius or the diameter?", category=fact, facts=("2",))
    if name == "triangle without half":
        return Misconception(
            name, f"In step {k}, base × height is the area of a whole rectangle. A triangle is half of that "
            "rectangle.",
            f"In step {k}, draw the rectangle around the triangle. How much of it does the triangle cover?",
            f"Redo step {k}: a triangle's area is 1/2 × base × height. Take half of what you found.",
            f"Look at step {k}, where you multiply {f.get('base') or f.get('legs', '').split(' and ')[0]} by "
            f"{f.get('height') or f.get('legs', ' and ').split(' and ')[-1]}. Is that the triangle, or a rectangle "
            "around it?", category=fact, facts=("2", "1/2"))
    if name == "radius squared for cubed":
        size = f.get("radius") or f"half of {f['diameter']}"
        return Misconception(
            name, f"In step {k}, the radius is squared. A sphere's volume uses it three times: {formula}.",
            f"In step {k}, how many times is the radius multiplied in the volume of a sphere?",
            f"Redo step {k}: work out 4/3 × π × r × r × r, with r = {size}.",
            f"Look at step {k}, where you square the radius, {size}. Is it squared or cubed for a volume?",
            category=fact, facts=("3", "4/3", size))
    if name == "halved twice":
        return Misconception(
            name, f"In step {k}, the area is halved again. The trapezoid's formula takes half only once: {formula}.",
            f"In step {k}, how many times does the trapezoid's formula take half?",
            f"Redo step {k}: leave out the second half. The average of the bases times the height is the area.",
            f"Look at step {k}, where you divide by 2 again. Was half already taken?", category=fact,
            facts=("2",))
    if name == "cone without a third":
        return Misconception(
            name, f"In step {k}, π × radius × radius × height is the volume of a cylinder. A cone holds one "
            "third of the cylinder around it.",
            f"In step {k}, how does a cone's volume compare with a cylinder's, with the same radius and height?",
            f"Redo step {k}: a cone's volume is {formula}. Take one third of what you found.",
            f"Look at step {k}, where you use the height, {f['height']}. Is that the volume of the cone, or of a "
            "cylinder around it?", category=fact, facts=("1/3", "3", f["height"]))
    if name == "radius not squared":
        return Misconception(
            name, f"In step {k}, the radius is used only once. The volume of a cylinder is {formula}.",
            f"In step {k}, how many times does the radius appear in the volume of a cylinder?",
            f"Redo step {k}: work out π × {f['radius']} × {f['radius']} × {f['height']}.",
            f"Look at step {k}, where you use the radius, {f['radius']}. How many times should it be used?",
            category=fact)
    if name in ("side area for volume", "surface area for volume"):
        what = "the side of the cylinder" if shape == "cylinder" else "the outside of the sphere"
        size = f.get("radius") or f"half of {f['diameter']}"
        return Misconception(
            name, f"In step {k}, the formula gives the area of {what}, not the space inside. The volume is "
            f"{formula}.",
            f"In step {k}, does your formula measure the space inside, or the area of {what}?",
            f"Redo step {k}: the volume of a {shape} is {formula}, with a radius of {size}.",
            f"Look at step {k}, where you use the radius, {size}. Does your formula find the space inside the "
            f"{shape}?", category=fact, facts=("4/3", size) if shape == "sphere" else (size,))
    if name == "a third for four thirds":
        return Misconception(
            name, f"In step {k}, 1/3 is put in front of π × radius³. A sphere's volume is {formula}.",
            f"In step {k}, what fraction goes in front of π × radius × radius × radius for a sphere?",
            f"Redo step {k}: use {formula}, with a radius of {f.get('radius') or 'half the diameter'}.",
            f"Look at step {k}. Is 1/3 the right fraction for a sphere?", category=fact, facts=("4/3", "1/3"))
    if name == "whole sphere for half":
        return Misconception(
            name, f"In step {k}, the answer is the volume of a whole sphere. A hemisphere is half of a sphere.",
            f"In step {k}, what part of a sphere is a hemisphere?",
            f"Redo step {k}: divide the whole sphere's volume you found by 2.",
            f"Look at step {k}, where you give the volume of a sphere with radius {f.get('radius') or f['diameter']}. "
            "Is that the hemisphere, or the whole sphere?", category="Missing step",
            facts=("2", f.get("radius") or f["diameter"]))
    if name == "triangle formula for parallelogram":
        return Misconception(
            name, f"In step {k}, the area is halved, but a parallelogram is not a triangle. Its area is base × "
            "height.",
            f"In step {k}, cut a triangle off one end of the parallelogram and move it to the other end. What "
            "shape do you get, and what is its area?",
            f"Redo step {k}: the area of a parallelogram is base × height, {f['base']} × {f['height']}, with no "
            "half.",
            f"Look at step {k}, where you take half. Does a parallelogram's area need a half?", category=fact)
    if name == "slanted side as height":
        return Misconception(
            name, f"In step {k}, the slanted side, {f['slant']}, is used as the height. The height, "
            f"{f['height']}, goes straight up from the base, at a right angle.",
            f"In step {k}, which length meets the base at a right angle: {f['slant']} or {f['height']}?",
            f"Redo step {k}: use the height, {f['height']}, not the slanted side. Work out {formula} again.",
            f"Look at step {k}, where you use {f['slant']}. Is {f['slant']} the height?", category=fact)
    if name == "perimeter for area":
        return Misconception(
            name, f"In step {k}, the sides are added. That is the distance around the {shape}, not its area.",
            f"In step {k}, does adding the sides measure the space inside, or the way around?",
            f"Redo step {k}: the area of a {shape} is {formula}.",
            f"Look at step {k}, where you add the sides. Does that give the area?", category=fact)
    if name == "bases added, not halved":
        return Misconception(
            name, f"In step {k}, the two bases are added and multiplied by the height. That is two copies of the "
            "trapezoid; its area is half of that.",
            f"In step {k}, two copies of the trapezoid fit together into a parallelogram. How much of it is one "
            "trapezoid?",
            f"Redo step {k}: add the bases, take half, then multiply by the height, {f['height']}.",
            f"Look at step {k}. Does (the bases added) × height give one trapezoid, or two of them?", category=fact)
    if name == "bases multiplied":
        return Misconception(
            name, f"In step {k}, the two bases are multiplied. A trapezoid's area adds them: {formula}.",
            f"In step {k}, what do you do with the two bases of a trapezoid: add them or multiply them?",
            f"Redo step {k}: add the bases, {f['bases']}, take half, then multiply by the height, {f['height']}.",
            f"Look at step {k}, where you multiply the bases, {f['bases']}. Should they be added?", category=fact,
            facts=tuple(f["bases"].split(" and ")))
    # "hypotenuse as height"
    legs = f["legs"]
    return Misconception(
        name, f"In step {k}, the long side, {f['hypotenuse']}, is used as the height. In a right triangle the two "
        f"legs, {legs}, are the base and the height.",
        f"In step {k}, which two sides of a right triangle meet at the right angle?",
        f"Redo step {k}: use the two legs, {legs}, as the base and the height in 1/2 × base × height.",
        f"Look at step {k}, where you use {f['hypotenuse']}. Is it a height of the triangle?", category=fact)


def spread_misconception(k: int, relation: Relation) -> Misconception:
    """The misconception of step ``k`` (1-based) whose range, IQR, MAD or median is a slip's
    value (:func:`tutor.spread.spread_slip`), worded for a student; never the answer."""
    f, name = relation.facts, relation.name
    fact = "Missing / Wrong factual knowledge"
    count, low, high = f["count"], f["lowest"], f["highest"]
    if name == "quartiles added":
        return Misconception(
            name, f"In step {k}, the quartiles are added. The interquartile range is the distance between them: "
            "upper quartile − lower quartile.",
            f"In step {k}, the IQR is how far apart the two quartiles are. To find how far apart two numbers "
            "are, do you add or subtract?",
            f"Redo step {k}: subtract {f['q1']} from {f['q3']}, not add them.",
            f"Look at step {k}, where you add {f['q3']} and {f['q1']}. Does the IQR add the quartiles?",
            category=fact, facts=("2",))
    if name == "range for IQR":
        return Misconception(
            name, f"In step {k}, the highest and lowest values give the range of all the data. The IQR is the "
            "range of the middle half: upper quartile − lower quartile.",
            f"In step {k}, the IQR uses the quartiles, not the highest and lowest values. Where are the quartiles?",
            f"Redo step {k}: find the two quartiles, the medians of the bottom half and the top half of the "
            "ordered list. Then subtract the smaller quartile from the bigger one.",
            f"Look at step {k}, where you use {low} and {high}. Are those the quartiles?", category=fact,
            facts=(low, high))
    if name == "deviations not averaged":
        return Misconception(
            name, f"In step {k}, the distances from the mean are added but not averaged. The MAD is their mean: "
            f"divide the sum by how many values there are, {count}.",
            f"In step {k}, the MAD is the mean of the distances. What is the last step of finding a mean?",
            f"Redo step {k}: divide the sum of the distances by {count}, the number of values.",
            f"Look at step {k}, where the distances add up to {f['value']}. Is that sum the mean distance?",
            category="Missing step", facts=(count,))
    if name == "divided by one less":
        return Misconception(
            name, f"In step {k}, the sum of the distances is divided by {int(count) - 1}. The MAD is their mean, "
            f"so divide by the number of values, {count}.",
            f"In step {k}, how many distances are there, one for each value? Divide by that number.",
            f"Redo step {k}: divide the sum of the distances by {count}, the number of values.",
            f"Look at step {k}, where you divide by {int(count) - 1}. How many values are in the list?",
            category=fact, facts=(count, str(int(count) - 1)))
    if name == "signed deviations":
        return Misconception(
            name, f"In step {k}, the distances from the mean keep their minus signs, so they add up to 0. A "
            "distance is never negative: the MAD uses the absolute values.",
            f"In step {k}, can a distance be negative? What does the bar sign | | do to a number?",
            f"Redo step {k}: write each distance without its minus sign, add them, then divide by {count}.",
            f"Look at step {k}, where the distances add up to 0. Can the data be spread out by 0?",
            category=fact, facts=("0", count))
    if name == "range from the first value":
        return Misconception(
            name, f"In step {k}, the range starts from the first value listed. The range is the highest value "
            "minus the lowest value.",
            f"In step {k}, which value in the list is the lowest? Put the values in order to see.",
            f"Redo step {k}: subtract the lowest value, {low}, from the highest value, {high}.",
            f"Look at step {k}, where you subtract from {high}. Is the number you take away the lowest value in "
            "the list?", category=fact, facts=(low, high))
    if name == "minus sign dropped":
        return Misconception(
            name, f"In step {k}, the lowest value, {low}, is used without its minus sign. Taking away a "
            "negative number adds its size.",
            f"In step {k}, the lowest value is {low}. What happens when you subtract a negative number?",
            f"Redo step {k}: work out {high} − ({low}). Taking away a negative number is the same as adding "
            "its size.",
            f"Look at step {k}, where you subtract. Is the lowest value {low}, or its size without the minus "
            "sign?", category=fact, facts=(low, high))
    return Misconception(  # one middle value of an even count
        name, f"In step {k}, one middle value is taken as the median. With an even count, {count} values, there "
        "are two middle values, and the median is halfway between them.",
        f"In step {k}, how many values are in the middle of a list of {count}?",
        f"Redo step {k}: add the two middle values and divide by 2.",
        f"Look at step {k}. With {count} values, is there one middle value or two?", category=fact,
        facts=(count, "2"))


def chain_misconception(k: int, relation: Relation) -> Misconception:
    """The misconception of step ``k`` (1-based) in a problem of two percent changes in a row
    or a change undone (:func:`tutor.percent_chain.chain_slip`), worded for a student."""
    f, name = relation.facts, relation.name
    if name == "percent of the new amount":
        p, share = f["percent"], f["share"]
        change = "taken off" if f["way"] == "down" else "added"
        return Misconception(
            name, f"In step {k}, {p}% is worked out of {f['price']}, the amount after the change. But the {p}% "
            f"was {change} from the starting amount, so {f['price']} is {share}% of it.",
            f"In step {k}, think of the starting amount as 100%. What percent of it is {f['price']}?",
            f"Redo step {k}: {f['price']} is {share}% of the starting amount. Divide {f['price']} by {share}, "
            "then multiply by 100.",
            f"Look at step {k}, where you use {p}% of {f['price']}. Was the {p}% a part of {f['price']}, or "
            "of the starting amount?",
            category="Misunderstanding of the question", facts=(share, "100"))
    if name == "change reversed":
        p, change = f["percent"], f["change"]
        made, undone = ("taken off", "added to") if f["way"] == "down" else ("added", "taken off")
        return Misconception(
            name, f"In step {k}, the {p}% change, {change}, is {undone} {f['price']}. But in the problem the {p}% "
            f"is {made}.",
            f"In step {k}, does the {p}% make the amount bigger or smaller? Read the problem's words about it "
            "again.",
            f"Redo step {k}: the {p}% change is {change}. Check whether the problem adds it or takes it off, and "
            "do that.",
            f"Look at step {k}, where you use {change}. Is it added or taken off in the problem?",
            category="Misunderstanding of the question")
    first, second = f["first"], f["second"]
    if name == "back to the start":
        return Misconception(
            name, f"In step {k}, the amount comes back to {f['price']}. But the second {second}% is of the new "
            f"amount, not of {f['price']}, so it is not the same number as the first change.",
            f"In step {k}, is {second}% of the new amount the same as {first}% of {f['price']}?",
            f"Redo step {k}: work out {second}% of the amount after the first change, then use it.",
            f"Look at step {k}. Is the second {second}% taken of {f['price']}, or of the new amount?",
            category="Misunderstanding of the question")
    return Misconception(
        name, f"In step {k}, the two percents are put together as one. The second, {second}%, is of the amount "
        f"after the first change, not of {f['price']}.",
        f"In step {k}, the second percent is of which amount: the start, or the amount after the first change?",
        f"Redo step {k}: find the amount after the first {first}% change. Then work out {second}% of that new "
        "amount.",
        f"Look at step {k}. Is the second percent, {second}%, taken of {f['price']} or of the new amount?",
        category="Misunderstanding of the question")


def fencepost_misconception(k: int, relation: Relation) -> Misconception:
    """The misconception of step ``k`` (1-based) that counts the things along a row with one at
    each end as the gaps between them (:func:`tutor.fenceposts.fencepost_slip`), worded for a
    student; the row's length, spacing and gaps, never the answer."""
    f = relation.facts
    length, spacing, unit, gaps = f["length"], f["spacing"], f["unit"], f["gaps"]
    return Misconception(
        relation.name, f"In step {k}, {gaps}, the number of {spacing}-{singular(unit)} gaps along {length} {unit}, is taken as "
        "the number of things set along the row. With one at each end, there is one more thing than gaps.",
        f"In step {k}, picture the row from its first end to its last: one stands at the start, then one after "
        "each gap. Are there as many as there are gaps?",
        f"Redo step {k}: {length} ÷ {spacing} = {gaps} counts the gaps. Count the things: one at the start, and "
        "one more at the end of each gap.",
        f"Look at step {k}, where you use {gaps}. Does {length} ÷ {spacing} count the gaps or the things at their "
        "ends?", category="Misunderstanding of the question")


def price_misconception(k: int, relation: Relation) -> Misconception:
    """The misconception of step ``k`` (1-based) that writes the price of one as what all the
    things cost (:func:`tutor.unit_price.price_for_total`), worded for a student; the problem's
    count and price, never the answer."""
    f = relation.facts
    p, thing = f["price"], f["thing"]
    every = "both" if f["count"] == "2" else f"all {f['count']}"
    return Misconception(
        relation.name, f"In step {k}, ${p}, the price of one, is used as the cost of {every} {thing}.",
        f"In step {k}, what does ${p} pay for: one, or {every} {thing}?",
        f"Redo step {k}: ${p} is the price of one. Work out what {every} cost, then use that.",
        f"Look at step {k}, where you use ${p}. Is that the cost of one or of {every}?",
        category="Misunderstanding of the question")


def parts_misconception(k: int, relation: Relation) -> Misconception:
    """The misconception of step ``k`` (1-based) that takes a second part of the wrong amount, or
    adds two parts of different wholes (:func:`tutor.parts_left.parts_slip`), worded for a
    student; the problem's parts and whole, never the answer."""
    f, name = relation.facts, relation.name
    whole, first, second = f["whole"], f["first"], f["second"]
    misread = "Misunderstanding of the question"
    if name == "parts of two wholes added":
        return Misconception(
            name, f"In step {k}, {first} and {second} are added as parts of one whole. But {second} is a part of "
            f"what is left after {first} is taken, not of all {whole}.",
            f"In step {k}, is {second} a part of all {whole}, or of what was left?",
            f"Redo step {k}: take {first} of {whole} first. Then take {second} of what is left, and use those "
            "amounts.",
            f"Look at step {k}, where you add {first} and {second}. Are they parts of the same amount?",
            category=misread)
    if name == "part of the whole for the rest":
        return Misconception(
            name, f"In step {k}, {second} is taken of all {whole}. But the problem takes {second} of what is left "
            f"after the first part, {first}.",
            f"In step {k}, {second} of which amount: all {whole}, or what is left after the first part?",
            f"Redo step {k}: first find what is left after taking {first} of {whole}. Then take {second} of that.",
            f"Look at step {k}, where you take {second} of {whole}. Is {second} a part of all of it, or of the "
            "rest?", category=misread)
    return Misconception(
        name, f"In step {k}, {second} is taken of what was left. But the problem takes {second} of them: of all "
        f"{whole}.",
        f"In step {k}, {second} of which amount: all {whole}, or what was left?",
        f"Redo step {k}: take {second} of all {whole}, not of what was left.",
        f"Look at step {k}. Is {second} a part of what was left, or of all {whole}?", category=misread)


def transfer_misconception(k: int, relation: Relation) -> Misconception:
    """The misconception of step ``k`` (1-based) that takes a received amount away or adds one
    given away (:func:`tutor.transfers.transfer_slip`), worded for a student."""
    misread = "Misunderstanding of the question"
    if relation.name == "change for spent":
        money = relation.facts["money"]
        # (the amount spent is the answer: no wording says it)
        return Misconception(
            relation.name, f"In step {k}, the cost is taken away from the {money}. That gives the money left over, "
            "but the question asks how much is spent.",
            f"In step {k}, does the question ask what is spent, or what is left?",
            f"Redo step {k}: the question asks for the amount spent. You found it before this step, so there is "
            f"no need to take it away from {money}.",
            f"Look at step {k}, where you take away from {money}. What does the question ask for?",
            category="Went past the answer")
    n = relation.facts["amount"]
    if relation.name == "received added back":
        return Misconception(
            relation.name, f"In step {k}, working back to the start, the {n} that was received is added again. To "
            f"undo getting {n}, take it away.",
            f"In step {k}, you are going back in time. Before the {n} came in, was there more or less?",
            f"Redo step {k}: to undo getting {n}, take {n} away.",
            f"Look at step {k}, where you add {n}. Are you going forward in the story, or back?", category=misread)
    if relation.name == "given away taken again":
        return Misconception(
            relation.name, f"In step {k}, working back to the start, the {n} that went away is taken away again. To "
            f"undo giving or spending {n}, add it back.",
            f"In step {k}, you are going back in time. Before the {n} went away, was there more or less?",
            f"Redo step {k}: to undo losing {n}, add {n} back.",
            f"Look at step {k}, where you take away {n}. Are you going forward in the story, or back?",
            category=misread)
    if relation.name == "received taken away":
        return Misconception(
            relation.name, f"In step {k}, {n} is taken away. But the {n} was received, so it adds to what there is.",
            f"In step {k}, does getting {n} make the amount bigger or smaller?",
            f"Redo step {k}: the {n} was received, so add {n} instead of taking it away.",
            f"Look at step {k}, where you take away {n}. Was the {n} given away, or received?", category=misread)
    return Misconception(
        relation.name, f"In step {k}, {n} is added. But the {n} went away (given, spent or lost), so what is left "
        "gets smaller.",
        f"In step {k}, does giving away {n} make the amount bigger or smaller?",
        f"Redo step {k}: the {n} went away, so take {n} away instead of adding it.",
        f"Look at step {k}, where you add {n}. Was the {n} received, or did it go away?", category=misread)


def count_fact_misconception(k: int, relation: Relation) -> Misconception:
    """The misconception of step ``k`` (1-based) that takes a counted unit's size wrong (a dozen
    as 10, a nickel as 10 cents: :func:`tutor.count_facts.fact_slip`), worded for a student."""
    f = relation.facts
    word, unit, said, size = f["word"], f["unit"], f["said"], f["size"]
    redo = (f"Redo step {k}: one {word} is {size} {unit}, so multiply {f['amount']} by {size}."
            if f["amount"] is not None else f"Redo step {k}: one {word} is {size} {unit}. Use {size} in place of {said}.")
    return Misconception(
        relation.name, f"In step {k}, one {word} is taken as {said} {unit}, but one {word} is {size} {unit}.",
        f"In step {k}, how many {unit} are in one {word}?", redo,
        # ("3 dozen = 30 muffins" never writes the 10 it takes for one dozen)
        f"Look at step {k}, where you use {said} for one {word}. Is that how many {unit} one {word} has?"
        if said in re.findall(r"\d+(?:\.\d+)?", relation.expression) else
        f"Look at step {k}, where you change {f['amount']} {word} into {unit}. How many {unit} are in one {word}?",
        category="Missing / Wrong factual knowledge", facts=(size,))


def difference_misconception(k: int, relation: Relation) -> Misconception:
    """The misconception of step ``k`` (1-based) that answers a "how many more … than" question
    with a sum (:func:`tutor.comparatives.difference_summed`), worded for a student."""
    expr, word = relation.expression, relation.facts["word"]
    return Misconception(
        relation.name,
        f"In step {k}, {expr} puts the two amounts together. The question asks how much {word} one is than "
        "the other: the difference between them.",
        f"In step {k}, should you add the two amounts, or find the gap between them to see how much {word} "
        "one is?",
        f"Redo step {k}: instead of {expr}, take the smaller of the two amounts away from the larger one.",
        f"Look at step {k}, where you work out {expr}. Does the question ask for both amounts together, or for "
        f"how much {word} one is?",
        category="Misunderstanding of the question")


def comparison_misconception(k: int, relation: Relation) -> Misconception:
    """The misconception of step ``k`` (1-based) that misreads a comparison the problem states
    (:func:`tutor.comparatives.comparison_slip`), worded for a student; the comparison and the
    known amount, never the other side's amount."""
    f, name = relation.facts, relation.name
    said, value, amount = f["said"], f["value"], f["amount"]
    forward = f["known"] == "base"
    known, other = (f["base"], f["subject"]) if forward else (f["subject"], f["base"])
    half = f["kind"] == "times" and amount == "0.5"
    number = "half" if half else amount
    if f["kind"] == "times":
        grows = (Fraction(amount) > 1) == forward
        op = (f"divide {value} by 2" if half == forward else f"multiply {value} by 2") if half else \
            (f"multiply {value} by {amount}" if forward else f"divide {value} by {amount}")
    else:
        grows = (f["kind"] == "more") == forward
        op = f"add {amount} to {value}" if grows else f"take {amount} away from {value}"
    size = "more" if grows else "less"

    def amount_of(side: str) -> str:
        # "Ben's amount"; "the number of science books"
        return ((f"{side}' amount" if side.endswith("s") else f"{side}'s amount") if side[:1].isupper()
                else f"the {side}'s amount" if " " not in side or not side.endswith("s") else f"the number of {side}")
    # the comparison's own words, short ("3 times as many", "6 more")
    short = (re.match(r"^.*?\bas\s+\w+", said) or re.match(r"^\S+\s+\S+", said)).group()
    rel = ("half of" if half else f"{amount} times") if f["kind"] == "times" else \
        f"{amount} {'more' if f['kind'] == 'more' else 'less'} than"
    redo = (f"Redo step {k}: {amount_of(other)} is {rel} {amount_of(known)}. So {op}." if forward else
            f"Redo step {k}: {amount_of(known)} is {value}. To find {amount_of(other)}, {op}.")
    where = (f"Look at step {k}, where you use {value} and {number}. What does \"{short}\" tell you to do "
             f"with {value}?")
    misread = "Misunderstanding of the question"
    facts = ("2",) if half else ()
    if name == "parts miscounted":
        subject, base = f["subject"], f["base"]
        return Misconception(
            name, f"In step {k}, the total, {value}, is divided by {amount}. But \"{short}\" means {subject} has "
            f"{amount} parts and {base} has 1 part of the same size: {amount} + 1 equal parts in all.",
            f"In step {k}, if {base} has 1 part and {subject} has {amount} parts, how many parts make the total?",
            f"Redo step {k}: divide {value} by the number of equal parts in all, {amount} + 1.",
            f"Look at step {k}, where you divide {value} by {amount}. How many equal parts make up the total?",
            category=misread, facts=("1",))
    if name in ("times as added", "times as taken away"):
        return Misconception(
            name, f"In step {k}, \"{said}\" is worked by {'adding' if name == 'times as added' else 'taking away'} "
            f"{amount}. \"{amount} times\" means {amount} groups of the same amount, not {amount} more or "
            "less.",
            f"In step {k}, does \"{amount} times\" mean {amount} more, or {amount} groups of the same amount?",
            redo, where, category=misread)
    if name == "more as times":
        return Misconception(
            name, f"In step {k}, \"{said}\" is worked by multiplying by {amount}. \"{amount} more\" means "
            f"{amount} added on, not {amount} groups.",
            f"In step {k}, does \"{amount} more\" mean {amount} added on, or {amount} groups of the amount?",
            redo, where, category=misread)
    return Misconception(
        name, f"In step {k}, the comparison \"{said}\" is turned around: {amount_of(known)} is {value}, so "
        f"{amount_of(other)} is {size} than {value}.",
        (f"In step {k}, who has more, {f['subject']} or {f['base']}?" if f["subject"][:1].isupper() else
         f"In step {k}, are there more {f['subject']} or more {f['base']}?") +
        f" So should {amount_of(other)} be more or less than {value}?",
        redo, where, category=misread, facts=facts)


_POLYGON_SLIPS = ("n times 180", "each angle 180", "sum for each angle", "sides without the 2",
                  "interior for exterior", "wrong number of sides", "exterior for interior", "180 for 360",
                  "third angle for exterior", "base angles not halved", "one base angle only")


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _polygon_misconception(k: int, name: str, f: dict) -> Misconception:
    """The wording of a polygon angle slip (:class:`tutor.shapes.Polygon`)."""
    fact = "Missing / Wrong factual knowledge"
    shape, n, total = f["shape"], f["sides"], f["total"]
    if name == "wrong number of sides":
        return Misconception(
            name, f"In step {k}, {_a(shape)} is said to have {f['said']} sides, but {_a(shape)} has {n}.",
            f"In step {k}, how many sides does {_a(shape)} have? Count its corners.",
            f"Redo step {k}: {_a(shape)} has {n} sides. Use {n} for the number of sides.",
            f"Look at step {k}, where you say {_a(shape)} has {f['said']} sides. Is that right?", category=fact,
            facts=(n,))
    if name == "n times 180":
        return Misconception(
            name, f"In step {k}, the angle sum is worked out as {n} × 180. Cut from one corner, a polygon with {n} "
            f"sides makes {n} − 2 triangles, so its angles add up to ({n} − 2) × 180°.",
            f"In step {k}, how many triangles do you get when you cut {_a(shape)} from one corner?",
            f"Redo step {k}: the angles of {_a(shape)} add up to ({n} − 2) × 180°."
            + (f" Then divide by {n}." if f["asked"] == "each" else ""),
            f"Look at step {k}, where you work out {n} × 180. How many triangles make up {_a(shape)}?", category=fact,
            facts=("2", "180"))
    if name == "each angle 180":
        return Misconception(
            name, f"In step {k}, each angle comes out as 180°, a straight line, and no corner of {_a(shape)} is that. "
            f"The angles add up to ({n} − 2) × 180°, shared by {n} equal angles.",
            f"In step {k}, what do the angles of {_a(shape)} add up to, and how many equal angles share it?",
            f"Redo step {k}: work out ({n} − 2) × 180, then divide by {n}.",
            f"Look at step {k}, where each angle is 180°. Can a corner of {_a(shape)} be a straight line?",
            category=fact, facts=("2", "180"))
    if name == "sum for each angle":
        return Misconception(
            name, f"In step {k}, the answer is the sum of all the angles. Each angle of a regular {shape} is that "
            f"sum shared by its {n} angles.",
            f"In step {k}, the angle sum is shared by how many equal angles?",
            f"Redo step {k}: divide the angle sum by {n}, the number of angles.",
            f"Look at step {k}. Is that one angle, or all {n} together?", category="Missing step")
    if name == "exterior for interior":
        return Misconception(
            name, f"In step {k}, 360 ÷ {n} is each exterior angle, the turn at each corner. An interior angle is "
            "180° minus it.",
            f"In step {k}, an interior and an exterior angle at one corner make a straight line. Which one did "
            "you find?",
            f"Redo step {k}: work out ({n} − 2) × 180, then divide by {n}.",
            f"Look at step {k}, where you divide 360 by {n}. Is that the angle inside the {shape}?",
            category=fact, facts=("2", "180", "360"))
    if name == "180 for 360":
        return Misconception(
            name, f"In step {k}, 180 is divided by the exterior angle. The exterior angles of a polygon add up to "
            "360°, so the number of sides is 360 ÷ each exterior angle.",
            f"In step {k}, what do all the exterior angles of a polygon add up to?",
            f"Redo step {k}: divide 360 by the exterior angle, 180 − {total}.",
            f"Look at step {k}, where you divide 180. What do the exterior angles add up to?", category=fact,
            facts=("360",))
    if name == "third angle for exterior":
        return Misconception(
            name, f"In step {k}, this is the third angle inside the triangle. The exterior angle next to it is "
            "180° minus that, which is the sum of the other two angles.",
            f"In step {k}, the exterior angle and the third angle make a straight line. Which one did you find?",
            f"Redo step {k}: add the two inside angles you know. Their sum is the angle outside.",
            f"Look at step {k}, where you take away from 180. Is that the angle inside the triangle, or outside "
            "it?", category=fact, facts=("180",))
    if name == "base angles not halved":
        return Misconception(
            name, f"In step {k}, 180 − {total} is what the two base angles make together. They are equal, so "
            "each is half of that.",
            f"In step {k}, an isosceles triangle has two equal base angles. How do they share what is left of "
            "180°?",
            f"Redo step {k}: take half of what is left after {total} is taken from 180.",
            f"Look at step {k}, where you take {total} away from 180. Is that one base angle, or both together?",
            category="Missing step", facts=("180", "2"))
    if name == "one base angle only":
        return Misconception(
            name, f"In step {k}, only one base angle is taken away from 180°. An isosceles triangle has two equal "
            f"base angles of {total}°.",
            f"In step {k}, how many base angles does an isosceles triangle have?",
            f"Redo step {k}: take both base angles, {total} and {total}, away from 180.",
            f"Look at step {k}, where you take {total} away from 180. How many angles of {total}° are there?",
            category="Missing step", facts=("180", "2"))
    if name == "sides without the 2":
        return Misconception(
            name, f"In step {k}, {total} ÷ 180 counts the triangles the polygon splits into, not its sides. A polygon "
            "has 2 more sides than those triangles.",
            f"In step {k}, cut a polygon from one corner into triangles. How many more sides than triangles does it "
            "have?",
            f"Redo step {k}: add 2 to the number of triangles, {total} ÷ 180.",
            f"Look at step {k}, where you answer with {total} ÷ 180. Is that the number of sides or of triangles?",
            category="Missing step", facts=("2", "180"))
    return Misconception(
        name, f"In step {k}, this is each interior angle. The exterior angles of any polygon add up to 360°.",
        f"In step {k}, what do all the exterior angles of a polygon add up to?",
        f"Redo step {k}: share 360° among the {n} exterior angles.",
        f"Look at step {k}, where you use ({n} − 2) × 180. Is that for the angles inside, or outside?",
        category=fact, facts=("360", "2", "180"))


def formula_misconception(k: int, relation: Relation) -> Misconception:
    """The misconception of step ``k`` (1-based) that answers with a formula the problem's
    words rule out (:func:`tutor.formulas.formula_relation`), worded for a student; never the
    answer nor, below the last level, the step's corrected value."""
    f, expr, name = relation.facts, relation.expression, relation.name
    if name == "triangle without half":
        return Misconception(
            name,
            f"In step {k}, {expr} is the area of a whole rectangle with that base and height. A triangle "
            "is half of that rectangle.",
            f"In step {k}, draw the rectangle around the triangle, {f['base']} by {f['height']}. How much of "
            "that rectangle does the triangle cover?",
            f"Redo step {k}: a triangle's area is half of base × height. Take half of {expr}.",
            f"Look at step {k}, where you work out {expr}. Is that the area of the triangle, or of a "
            "rectangle around it?")
    if name in ("diameter as radius", "radius as diameter", "circumference for area", "area for circumference"):
        # π as the student wrote it, not the value the check took for it
        expr = squares_said(expr.replace("3.14159", "π"))
        asked = f["asked"]
        formula = "π × radius × radius" if asked == "area" else "π × diameter"
        said = {"diameter as radius": f"the diameter, {f['diameter']}, is used as the radius. The radius is "
                                      "half the diameter",
                "radius as diameter": f"the radius, {f['radius']}, is used as the diameter. The diameter is "
                                      "twice the radius",
                "circumference for area": f"{expr} gives the distance around the circle, not its area",
                "area for circumference": f"{expr} gives the area of the circle, not the distance around it"}[name]
        given = f[f["given"]]
        other = "radius" if f["given"] == "diameter" else "diameter"
        how = "half" if other == "radius" else "twice"
        if name in ("diameter as radius", "radius as diameter"):
            question = f"Is {given} the radius or the diameter of the circle?"
            concept = f"In step {k}, the {asked} of a circle is {formula}. " + question
            redo = (f"Redo step {k}: the {f['given']} is {given}, and the {other} is {how} of that. Work out "
                    f"{formula} with the right number.")
        else:
            question = "Does that measure the distance around the circle, or the space inside it?"
            # (short words: "circumference" alone is a long word for a grade-school reader)
            concept = (f"In step {k}, look at {expr}. Which one gives the {asked}: π × diameter, or π × radius × "
                       "radius?")
            needs = "radius" if asked == "area" else "diameter"
            redo = (f"Redo step {k}: the {asked} of a circle is {formula}. Work it out with the {needs}"
                    + (f", {given}." if f["given"] == needs else f": it is {how} the {f['given']}, {given}."))
        return Misconception(
            name,
            f"In step {k}, {said}. The {asked} of a circle is {formula}.",
            concept, redo,
            f"Look at step {k}, where you work out {expr}. " + question)
    if name == "ratio part taken as a fraction of the whole":
        ratio, first, second, whole, parts = f["ratio"], f["first"], f["second"], f["whole"], f["parts"]
        a, b = ratio.split(" : ")
        return Misconception(
            name,
            f"In step {k}, the ratio {ratio} compares {first} with {second}, not with all {whole}. Each group of "
            f"{a} {first} and {b} {second} has {parts} in it.",
            f"In step {k}, think of one group: {a} {first} and {b} {second}. How many is that in all, and what "
            "share of the group is each kind?",
            f"Redo step {k}: one group holds {a} + {b} = {parts}. Find how many such groups make {whole}, then "
            "count the kind the question asks for.",
            f"Look at step {k}, where you work out {expr}. Does {ratio} compare one kind with the other, or one "
            "kind with everyone?",
            category="Misunderstanding of the question", facts=(parts,))
    if name in ("remainder rounded down", "remainder rounded up"):
        stated, division = f["stated"], f["division"]
        if name == "remainder rounded down":
            return Misconception(
                name,
                f"In step {k}, {division} does not come out even, so {stated} would leave some without "
                "room. " + ("Every one of them needs a place, so the count must cover what is left over."
                            if f.get("used") else "The question asks how many are needed for all of them."),
                f"In step {k}, the division leaves some over. Does the question want full groups only, or "
                "room for all?",
                f"Redo step {k}: work out how much {stated} of them hold. Is anything left over? Then "
                "decide what the left-over part needs.",
                f"Look at step {k}, where you answer {stated} after {division}. Is there room for "
                f"everything in {stated}?",
                category="Misunderstanding of the question")
        return Misconception(
            name,
            f"In step {k}, {division} does not come out even, and {stated} rounds it up, but there is not "
            "enough for the last one. The question asks how many whole ones.",
            f"In step {k}, the division leaves some over. Is there enough left over for one more whole one?",
            f"Redo step {k}: count only the whole groups in {division}. Leave out the part that is not "
            "a whole group.",
            f"Look at step {k}, where you answer {stated} after {division}. Is there enough for {stated} "
            "whole ones?",
            category="Misunderstanding of the question")
    p, base = f.get("percent"), f.get("base")
    if name in ("long side squared and added", "lengths subtracted"):
        long, leg = f["long"], f["leg"]
        said = (f"{expr} adds the squares of {leg} and {long}, but {long} is the long side: a leg comes out longer "
                "than it, which cannot be" if name == "long side squared and added" else
                f"{expr} takes the lengths away, but in a right triangle it is the squares that add up")
        return Misconception(
            name,
            f"In step {k}, {said}. For a right triangle, a² + b² = c², where c is the long side.",
            f"In step {k}, which side is the long side, {long} or {leg}? Then which square do you take away from "
            "which?",
            f"Redo step {k}: square {long} and square {leg}, take the smaller square away from the bigger one, then "
            "take the square root.",
            f"Look at step {k}, where you work out {expr}. Can a leg be longer than the long side, {long}?"
            if name == "long side squared and added" else
            f"Look at step {k}, where you work out {expr}. Do the lengths of a right triangle add, or their squares?",
            category="Missing / Wrong factual knowledge", facts=("2",))
    if name in ("legs added", "square root left out", "square as doubling", "square root as halving"):
        a, b, squares, leg = f.get("a", f.get("long")), f.get("b", f.get("leg")), f["squares"], f.get("leg", "")
        said, concept, redo, where = {
            "legs added": (f"{expr} adds the two legs, but the long side of a right triangle is shorter than the "
                           "two legs together",
                           f"In step {k}, in a right triangle the long side's square is the sum of the legs' squares. "
                           f"What are {a} × {a} and {b} × {b}?",
                           f"Redo step {k}: square each leg, add the squares, then take the square root.",
                           f"Look at step {k}, where you add {a} and {b}. Is the long side of a right triangle as "
                           "long as both legs together?"),
            "square root left out": (f"{squares} is the square of the side, not its length",
                                     f"In step {k}, {squares} is the side times itself. Which number times "
                                     "itself makes it?",
                                     f"Redo step {k}: take the square root of {squares}.",
                                     f"Look at step {k}, where you get {squares}. Is that the side, or the side "
                                     "times itself?"),
            "square root as halving": (f"{expr} halves {squares}, but the side is the number that times itself "
                                       f"makes {squares}",
                                       f"In step {k}, which number times itself makes {squares}? Is it half of "
                                       f"{squares}?",
                                       f"Redo step {k}: take the square root of {squares}, not half of it.",
                                       f"Look at step {k}, where you divide {squares} by 2. Does halving undo "
                                       "squaring?"),
            "square as doubling": (f"{expr} doubles {leg}, but squaring means {leg} times itself",
                                   f"In step {k}, what does squaring a number mean: times 2, or times itself?",
                                   f"Redo step {k}: square {leg} by multiplying it by itself, not by 2. Then "
                                   "square the other leg the same way.",
                                   f"Look at step {k}, where you work out {expr}. Is that {leg} squared?"),
        }[name]
        return Misconception(
            name,
            f"In step {k}, {said}. For a right triangle, a² + b² = c²: the legs' squares add up to the long "
            "side's square.",
            concept, redo, where, category="Missing / Wrong factual knowledge", facts=("2",))
    if name == "square side from area":
        return Misconception(
            name,
            f"In step {k}, the area {f['area']} is divided by 4. Dividing by 4 finds a side from the "
            "perimeter; from the area, the side is the number that times itself makes the area.",
            f"In step {k}, a square's area is side × side. Which number times itself makes {f['area']}?",
            f"Redo step {k}: try whole numbers n until n × n makes {f['area']}. That n is the side.",
            f"Look at step {k}, where you divide the area by 4. Is the area made of 4 sides added, or of "
            "side × side?",
            category="Missing / Wrong factual knowledge")
    if name == "angle total":
        return Misconception(
            name,
            f"In step {k}, the angle" + (f"s are set equal to {f['used']}°" if f.get("equation") else
                                         f" is worked out from {f['used']}°") + f", but {f['angles']} add up to "
            f"{f['total']}°.",
            f"In step {k}, what do {f['angles']} add up to? Is it {f['used']}°?",
            f"Redo step {k}: {f['angles']} add up to {f['total']}°. " + (
                f"Set the sum of the angles equal to {f['total']}°." if f.get("equation") else
                f"Start from {f['total']}° and take away the angles you know."),
            f"Look at step {k}, where you " + ("set the angles equal to" if f.get("equation") else "start from")
            + f" {f['used']}°. What total do {f['angles']} make?",
            category="Missing / Wrong factual knowledge", facts=(f["total"],))
    if name == "interest for total":
        return Misconception(
            name,
            f"In step {k}, {expr} is only the interest. The question asks for the whole amount, the "
            f"{f['principal']} with the interest.",
            f"In step {k}, you found the interest. Is that what the question asks for, or the amount "
            "with the interest?",
            f"Redo step {k}: add the interest you found to the amount put in, {f['principal']}.",
            f"Look at step {k}. Does the question ask for the interest alone?",
            category="Missing step")
    if name == "total for interest":
        return Misconception(
            name,
            f"In step {k}, the interest was added to {f['principal']}, but the question asks for the "
            "interest only.",
            f"In step {k}, read the question again. Does it ask for the interest, or for the amount with it?",
            f"Redo step {k}: stop at the interest. That is what the question asks for.",
            f"Look at step {k}, where you add the interest to {f['principal']}. Does the question ask for that?",
            category="Went past the answer")
    if name == "total for part":
        return Misconception(
            name,
            f"In step {k}, the work goes on past the answer. The question asks for {p}% of {base} itself, "
            "not the amount after adding it or taking it away.",
            f"In step {k}, read the question again. Does it ask for {p}% of {base}, or for the amount "
            "after it?",
            f"Redo step {k}: stop at {p}% of {base}. That part is what the question asks for.",
            f"Look at step {k}, where you put {base} and the percent part together. Does the question ask "
            "for that?",
            category="Went past the answer")
    if name == "self counted in":
        n, group = f["count"], f["group"]
        return Misconception(
            name,
            f"In step {k}, one more person is counted, but the share is \"{group}\": {n} people, without the one "
            "who shares.",
            f"In step {k}, who gets a share: the one sharing too, or only the {n} named?",
            f"Redo step {k}: share among the {n} people the problem names, and no one else.",
            f"Look at step {k}, where you add 1 to {n}. Does the one sharing get a share too?",
            category="Misunderstanding of the question")
    if name == "subset counted again":
        part, group, said = f["part"], f["group"], f["said"]
        return Misconception(
            name,
            f"In step {k}, {part} is added to {group}, but \"{said}\" are some of the {group}: they are already "
            f"counted in {group}.",
            f"In step {k}, are the {part} in \"{said}\" more of them, or some of the {group} you already have?",
            f"Redo step {k}: leave out the {part}. They are already part of the {group}.",
            f"Look at step {k}, where you add {part} and {group}. Are the {part} already among the {group}?",
            category="Extra or missing quantity")
    if name == "self left out":
        n, group = f["count"], f["group"]
        return Misconception(
            name,
            f"In step {k}, \"{group}\" is counted as {n}. The person with the {n} others is in the group too.",
            f"In step {k}, how many people are in \"{group}\"? Did you count the first one?",
            f"Redo step {k}: the group is the {n} others and one more person. Use that many people.",
            f"Look at step {k}, where you use {n}. How many people are in \"{group}\"?",
            category="Missing / Wrong factual knowledge")
    if name == "price for count":
        noun = f["noun"]
        return Misconception(
            name,
            f"In step {k}, the work goes on past the answer: the question asks how many {noun}, not what they cost.",
            f"In step {k}, read the question again. Does it ask for a number of {noun}, or for money?",
            f"Redo step {k}: find the number of {noun} in your earlier steps, and stop there.",
            f"Look at step {k}, where you multiply by a price. Does the question ask about money?",
            category="Went past the answer")
    if name == "rest for asked":
        return Misconception(
            name,
            f"In step {k}, the work goes on past the answer: the step finds what is left, but the question "
            "does not ask what is left.",
            f"In step {k}, read the question again. Does it ask what is left, or about what came before?",
            f"Redo step {k}: find the amount the question asks about in your earlier steps, and stop there.",
            f"Look at step {k}, where you take away to find what is left. Does the question ask for that?",
            category="Went past the answer")
    if name == "part named as rest":
        frac, whole = f["fraction"], f["whole"]
        return Misconception(
            name,
            f"In step {k}, {frac} of {whole} is the part the problem takes away, but the step calls it what "
            f"is left. What is left is the rest of the {whole}.",
            f"In step {k}, is {frac} of {whole} the part that is taken away, or the part that stays?",
            f"Redo step {k}: take the part you found away from {whole} to find what is left.",
            f"Look at step {k}. Does {frac} of {whole} go away, or stay?",
            category="Misunderstanding of the question")
    if name in ("rest for part", "part for rest"):
        frac, whole = f["fraction"], f["whole"]
        if name == "rest for part":
            return Misconception(
                name,
                f"In step {k}, {expr} gives the ones that are not in the {frac}. The question asks for the "
                f"{frac} of {whole} itself.",
                f"In step {k}, read the question again. Does it ask for the {frac} of {whole}, or for the rest?",
                f"Redo step {k}: stop at {frac} of {whole}. That part is what the question asks for.",
                f"Look at step {k}, where you work out {expr}. Does the question ask for that?",
                category="Went past the answer")
        return Misconception(
            name,
            f"In step {k}, {frac} of {whole} are the ones the problem describes. The question asks for the "
            f"others: the rest of the {whole}.",
            f"In step {k}, you found {frac} of {whole}. Does the question ask for those, or for the rest?",
            f"Redo step {k}: take the part you found away from {whole} to find the rest.",
            f"Look at step {k}. Is {frac} of {whole} the group the question asks about?",
            category="Missing step")
    if name == "tax on the original price":
        price, tax = f["price"], f["tax"]
        return Misconception(
            name,
            f"In step {k}, the {tax}% tax is worked out on {price}, the price before the discount. The "
            "problem says the tax is added to the sale price, the price after the discount.",
            f"In step {k}, the tax is a percent of the sale price. Which number is the price after the "
            f"{f['discount']}% discount?",
            f"Redo step {k}: find the sale price first. Then take {tax}% of the sale price, not of {price}.",
            f"Look at step {k}, where you work out {expr}. Which price does the problem put the tax on?",
            category="Misunderstanding of the question")
    if name == "larger count of two supplies":
        small, large = f["small"], f["large"]
        return Misconception(
            name,
            f"In step {k}, {large} sets would need more of one supply than there is: {f['small_division']} "
            f"gives only {small}. The supply that runs out first decides how many complete sets you can make.",
            f"In step {k}, each set needs both supplies. Which supply runs out first?",
            f"Redo step {k}: compare {f['small_division']} and {f['large_division']}. Make only as many sets as "
            "the supply that runs out first allows.",
            f"Look at step {k}. Is there enough of both supplies for {large} sets?",
            category="Logical error / Wrong approach")
    if name == "second discount on the original price":
        price, second = f["price"], f["second"]
        return Misconception(
            name,
            f"In step {k}, the {second}% off is worked out on {price}, the price before the first discount. The "
            "problem takes it off the sale price, the price after the first discount.",
            f"In step {k}, the {second}% comes off the sale price. Which number is the price after the "
            f"{f['discount']}% discount?",
            f"Redo step {k}: find the sale price first. Then take {second}% of the sale price, not of {price}.",
            f"Look at step {k}, where you work out {expr}. Which price does the problem take the {second}% off?",
            category="Misunderstanding of the question")
    if name == "share divided the wrong way":
        whole, parts = f["whole"], f["parts"]
        return Misconception(
            name,
            f"In step {k}, {expr} gives each share more than the {whole} there are in all. Sharing {whole} "
            f"among {parts} divides {whole} by {parts}.",
            f"In step {k}, which number is shared, and which number shares it? Can each of {parts} get more "
            f"than {whole}?",
            f"Redo step {k}: divide {whole} by {parts} to find one share.",
            f"Look at step {k}, where you work out {expr}. Can each of {parts} get more than {whole}?",
            category="Logical error / Wrong approach")
    if name == "share by multiplying":
        whole, parts = f["whole"], f["parts"]
        return Misconception(
            name,
            f"In step {k}, {expr} makes one share bigger than the whole, {whole}. Sharing {whole} into "
            f"{parts} equal parts makes each part smaller: that is a division.",
            f"In step {k}, when {whole} is split into {parts} equal parts, is each part bigger or smaller "
            f"than {whole}? Which operation splits it?",
            f"Redo step {k}: divide {whole} by {parts} to find the size of one part.",
            f"Look at step {k}, where you work out {expr}. Can one of {parts} equal parts be bigger than "
            f"{whole}?",
            category="Logical error / Wrong approach")
    if name == "volume by adding":
        return Misconception(
            name,
            f"In step {k}, the three edges are added. A box's volume multiplies them: length × width × height.",
            f"In step {k}, the volume counts the small cubes that fill the box. How many cubes are in one "
            "layer, and how many layers are there?",
            f"Redo step {k}: multiply the length, the width and the height: {f['length']} × {f['width']} × "
            f"{f['height']}.",
            f"Look at step {k}, where you work out {expr}. Does adding the edges measure the space inside?")
    if name == "part the wrong way":
        way = f["right_way"]
        wrong = "taken away from" if way == "added to" else "added to"
        return Misconception(
            name,
            f"In step {k}, {p}% of {base} is {wrong} {base}, but in this problem it is {way} it.",
            f"In step {k}, read the problem again. Does {p}% of {base} make the amount bigger or smaller?",
            f"Redo step {k}: the part you found is {way} {base}. Work it out that way.",
            f"Look at step {k}, where you put {base} and the percent part together. Should the amount go up "
            "or down?",
            category="Logical error / Wrong approach")
    if name == "years the wrong way":
        years, back = f["years"], f["ago"]
        when, way, other = (f"{years} years ago", "younger", "added") if back else \
            (f"in {years} years", "older", "taken away")
        return Misconception(
            name,
            f"In step {k}, {years} years are {other}. But the question asks about {when}: then everyone is "
            f"{years} years {way} than now.",
            f"In step {k}: {when}, is a person older or younger than now?",
            f"Redo step {k}: start from the age now and {'take away' if back else 'add'} {years} years.",
            f"Look at step {k}, where {years} years are {other}. Does the question look back or ahead?",
            category="Misunderstanding of the question")
    if name == "cost added for profit":
        cost = f["cost"]
        return Misconception(
            name,
            f"In step {k}, the ${cost} spent is added on. But money spent is taken away from the money that "
            "came in: profit is what is earned minus what is spent.",
            f"In step {k}, does spending ${cost} make the profit bigger or smaller?",
            f"Redo step {k}: take the ${cost} spent away from the money earned, instead of adding it.",
            f"Look at step {k}, where you add ${cost}. Was that money earned, or spent?",
            category="Misunderstanding of the question")
    if name == "percent as amount":
        return Misconception(
            name,
            f"In step {k}, {p} is used as if it were an amount, but {p}% means {p} out of every 100: the "
            f"change is {p}% of {base}.",
            f"In step {k}, what does {p}% mean? Is the change {p}, or {p} out of every 100?",
            f"Redo step {k}: first work out {p}% of {base} ({base} × {p} ÷ 100), then use that amount.",
            f"Look at step {k}, where you use {p}. Is that the amount that changes?",
            category="Missing / Wrong factual knowledge")
    if name == "part for total":
        return Misconception(
            name,
            f"In step {k}, {p}% of {base} is only the part that changes. The question asks for the amount "
            "after the change.",
            f"In step {k}, you found {p}% of {base}. Is that what the question asks for, or the amount "
            "after adding it or taking it away?",
            f"Redo step {k}: take the part you found away from {base}, or add it to {base}, as the "
            "problem says.",
            f"Look at step {k}. Is {p}% of {base} the amount the question asks for?",
            category="Missing step")
    return Misconception(
        name,
        f"In step {k}, {expr} is worked out first, but in {f['expression']} the order of operations says: "
        "brackets first, then powers, then × and ÷ from left to right, then + and − from left to right.",
        f"In step {k}, look at {f['expression']}. Which part comes first: brackets, powers, multiplying and "
        "dividing, or adding and subtracting?",
        f"Redo step {k}: start again from {f['expression']}. Work out first the part the order of "
        "operations does first.",
        f"Look at step {k}, where you work out {expr}. Is that the part of {f['expression']} to do first?")


def relation_misconception(k: int, relation: Relation) -> Misconception:
    """The misconception of step ``k`` (1-based) that breaks ``relation``
    (:func:`tutor.relations.broken_relation`), worded for a student; never the answer."""
    f, expr = relation.facts, relation.expression
    if relation.name == "percent as tenths":
        return percent_as_tenths(k, f["percent"], f["tenths"])
    if relation.name == "percent as divisor":
        return percent_as_divisor(k, f["base"], f["percent"])
    if relation.name == "converted past the answer":
        asked, unit = f["asked"], f["unit"]
        return Misconception(
            relation.name, f"In step {k}, the answer, already in {asked}, is changed into {unit}. The question "
            f"asks for {asked}.",
            f"In step {k}, which unit does the question ask for: {asked} or {unit}?",
            f"Redo step {k}: the question asks for {asked}. Leave out the change by {f['by']} and give the answer "
            f"you had in {asked}.",
            f"Look at step {k}, where you use {f['by']} to change {asked} into {unit}. Which unit does the question "
            "ask for?",
            category="Went past the answer")
    if relation.name == "mean count":
        return Misconception(
            relation.name,
            f"In step {k}, the sum is divided by {f['divisor']}, but the problem lists {f['count']} numbers. "
            "A mean divides the sum by how many numbers were added.",
            f"In step {k}, the mean shares the total equally among all the numbers in the sum. How many "
            "numbers are in the sum?",
            f"Redo step {k}: count the numbers in the problem's list. Then divide the sum by that count.",
            f"Look at step {k}, where you divide by {f['divisor']}. How many numbers does the problem list?",
            category="Extra or missing quantity")
    if relation.name == "opposing rates added":
        a, b = f["a"], f["b"]
        return Misconception(
            relation.name,
            f"In step {k}, the rates {a} and {b} are added. But one of them takes away while the other adds: "
            "together they change the amount by the difference of the two.",
            f"In step {k}: while one rate adds and the other takes away, does the amount change faster or slower "
            "than with one alone?",
            f"Redo step {k}: the amount changes each minute by what comes in minus what goes out.",
            f"Look at step {k}, where you add {a} and {b}. Do both rates work in the same direction?",
            category="Logical error / Wrong approach")
    if relation.name == "closing speeds subtracted":
        a, b = f["a"], f["b"]
        return Misconception(
            relation.name,
            f"In step {k}, one speed is taken from the other. But moving toward each other, both close the gap "
            "at once: each hour the gap shrinks by both distances together.",
            f"In step {k}: in one hour, how much closer does each one bring them together?",
            f"Redo step {k}: add how far each travels in one hour to find how fast the gap closes.",
            f"Look at step {k}, where you subtract {b} from {a}. Are they moving apart, or toward each other?",
            category="Logical error / Wrong approach")
    if relation.name == "speeds averaged":
        a, b = f["a"], f["b"]
        return Misconception(
            relation.name,
            f"In step {k}, the speeds {a} and {b} are averaged as two numbers. But the trip does not spend the "
            "same time at each speed: average speed is the whole distance divided by the whole time.",
            f"In step {k}: is the same amount of time spent at {a} and at {b}? Which speed lasts longer?",
            f"Redo step {k}: find the time each part takes and the whole distance. Then divide the whole "
            "distance by the whole time.",
            f"Look at step {k}, where you average {a} and {b}. How long does each part of the trip take?",
            category="Logical error / Wrong approach")
    if relation.name in ("work times averaged", "work times added"):
        a, b = f["a"], f["b"]
        how = "averaged" if relation.name == "work times averaged" else "added"
        return Misconception(
            relation.name,
            f"In step {k}, the times {a} and {b} are {how}. But working together, each does part of the job "
            f"at the same time, so the job takes less time than the faster one needs alone.",
            f"In step {k}: working together, should the job take more or less time than {min(a, b, key=float)} "
            "alone?",
            f"Redo step {k}: find what part of the job each one does in one unit of time, add those parts, "
            "then find how long the whole job takes at that combined rate.",
            f"Look at step {k}, where the times {a} and {b} are {how}. What part of the job does each finish in "
            "one unit of time?",
            category="Logical error / Wrong approach")
    if relation.name == "given misread":
        given, wrote = f["given"], f["written"]
        return Misconception(
            relation.name,
            f"In step {k}, {wrote} is used, but the problem gives {given}: two digits are swapped.",
            f"In step {k}: compare the numbers you used with the ones in the problem. Is each one copied "
            "exactly?",
            f"Redo step {k} with the number the problem gives, {given}.",
            f"Look at step {k}, where you use {wrote}. Which number in the problem is that meant to be?",
            category="Calculation error")
    if relation.name == "shares of different wholes added":
        first, part = f["first"], f["part"]
        return Misconception(
            relation.name,
            f"In step {k}, {first} and {part} are added as shares of one whole. But {part} is a share of what "
            f"is left after {first} is taken, so the two are shares of different amounts.",
            f"In step {k}: {part} of what? Is it of everything, or of what is left after the first {first}?",
            f"Redo step {k}: first find what is left after {first} is taken, then take {part} of that.",
            f"Look at step {k}, where you add {first} and {part}. Are they shares of the same amount?",
            category="Misunderstanding of the question")
    if relation.name == "share of the rest taken of the whole":
        part, whole, rest = f["part"], f["whole"], f["rest"]
        return Misconception(
            relation.name,
            f"In step {k}, {part} is taken of {whole}. But the problem takes it of what is left, and by then "
            f"{rest} is left.",
            f"In step {k}: {part} of what? Read the problem again: is it a share of everything, or of what is "
            "left?",
            f"Redo step {k}: take {part} of what was left after the earlier step, {rest}.",
            f"Look at step {k}, where you take {part} of {whole}. How many were left by then?",
            category="Misunderstanding of the question")
    if relation.name == "target mean count":
        return Misconception(
            relation.name,
            f"In step {k}, the mean {f['mean']} is taken {f['count']} times, but the new value is one of the "
            f"numbers in the mean too: with it there are {f['with']} of them.",
            f"In step {k}: once the new value is added, how many numbers does the mean share its total among?",
            f"Redo step {k}: find the total {f['with']} values need to have a mean of {f['mean']}. Then take "
            "away the values you already have.",
            f"Look at step {k}, where you multiply the mean. How many values will there be in the end?",
            category="Extra or missing quantity")
    if relation.name == "median unsorted":
        return Misconception(
            relation.name,
            f"In step {k}, the middle is taken from the list as the problem writes it. The median is the "
            "middle of the numbers put in order from least to greatest.",
            f"In step {k}, the median is the middle number once the list is in order. Is {f['list']} in "
            "order?",
            f"Redo step {k}: write {f['list']} from least to greatest first. Then find the middle of that "
            "ordered list.",
            f"Look at step {k}, where you take {expr} as the middle. Did you put the numbers in order first?")
    if relation.name == "percent change base":
        return Misconception(
            relation.name,
            f"In step {k}, the change {f['change']} is divided by {f['divisor']}, the amount at the end. A "
            "percent increase or decrease compares the change with the amount at the start.",
            f"In step {k}, a percent change compares the change with the starting amount. Which number in "
            "the problem is the starting amount?",
            f"Redo step {k}: divide the change, {f['change']}, by the starting amount, {f['start']}. Then "
            "write the result as a percent.",
            f"Look at step {k}, where you divide {f['change']} by {f['divisor']}. Is {f['divisor']} the "
            "amount at the start?")
    if relation.name == "weeks as days":
        weeks = f["weeks"]
        return Misconception(
            relation.name,
            f"In step {k}, {weeks} weeks is used as if it were {weeks} days, but it happens every day: each week "
            "has 7 days.",
            f"In step {k}, it happens every day. How many days are in {weeks} weeks?",
            f"Redo step {k}: first find the number of days in {weeks} weeks, then multiply by that.",
            f"Look at step {k}, where you multiply by {weeks}. Is {weeks} a number of days or of weeks?",
            category="Wrong unit conversion", facts=("7",))
    if relation.name == "cents as dollars":
        value = f["value"]
        return Misconception(
            relation.name,
            f"In step {k}, {value} is a number of cents, but it is written as ${value}. 100 cents make one dollar.",
            f"In step {k}, the prices were in cents. How many cents make one dollar?",
            f"Redo step {k}: change {value} cents into dollars by dividing by 100.",
            f"Look at step {k}, where you write ${value}. Is {value} a number of cents or of dollars?",
            category="Wrong unit conversion", facts=("100",))
    if relation.name == "rate named backwards":
        top, bottom, said, right = f["top"], f["bottom"], f["said"], f["right"]
        return Misconception(
            relation.name,
            f"In step {k}, {expr} is named {said}, but it shares {top} out over {bottom}: it gives {right}.",
            f"In step {k}, {expr}: which amount is shared out, and what does each share stand for?",
            f"Redo step {k}: {expr} gives {right}. Use it that way in the next step.",
            f"Look at step {k}, where you divide {top} by {bottom}. Does that give {said}, or the other way "
            "round?",
            category="Misunderstanding of the question")
    if relation.name == "mixed units as a decimal":
        whole, part, big, one, smalls, per = f["whole"], f["part"], f["big"], f["one"], f["smalls"], f["per"]
        return Misconception(
            relation.name,
            f"In step {k}, {whole} {big} {part} {smalls} was written as {f['decimal']} {big}, but one {one} has "
            f"{per} {smalls}, not 10 or 100.",
            f"In step {k}, what part of one {one} is {part} {smalls}, when one {one} has {per} {smalls}?",
            f"Redo step {k}: divide {part} by {per} to write {part} {smalls} as a part of one {one}, then add "
            f"{whole}.",
            f"Look at step {k}, where you wrote {expr}. How many {smalls} make one {one}?",
            category="Wrong unit conversion", facts=(per, "10"))
    if relation.name == "minutes as hundredths":
        return Misconception(
            relation.name,
            f"In step {k}, {f['part']} of an hour was written as {f['minutes']} minutes, but an hour has 60 "
            "minutes, not 100.",
            f"In step {k}, how many minutes make one hour? So how many minutes are in {f['part']} of an hour?",
            f"Redo step {k}: multiply {f['part']} by 60 to change that part of an hour into minutes.",
            f"Look at step {k}, where you wrote {expr}. How did you change {f['hours']} hours into hours "
            "and minutes?",
            category="Wrong unit conversion")
    if relation.name == "or multiplied":
        either = f["either"]
        return Misconception(
            relation.name,
            f"In step {k}, {expr} multiplies the two chances, but {either} is one pick that lands on either "
            "one: the chances of one pick add. Multiplying is for two picks that both happen.",
            f"In step {k}, you multiply {expr.replace(' × ', ' by ')}. One pick lands on {either}: how many "
            f"outcomes out of {f['total']} is that?",
            f"Redo step {k}: count the outcomes for {either} together. Put that number over {f['total']}.",
            f"Look at step {k}, where you work out {expr}. Is this one pick, or two picks?",
            category="Logical error / Wrong approach")
    if relation.name == "probability total":
        return Misconception(
            relation.name,
            f"In step {k}, the probability is worked out as {expr}, but {f['divisor']} is not the number "
            "of everything that could be picked. A probability compares the outcomes you want with all "
            "the possible outcomes.",
            f"In step {k}, the bottom number of a probability counts every possible outcome. Which "
            "counts in the problem did you leave out?",
            f"Redo step {k}: add up all the counts the problem gives to find how many there are in all. "
            f"Then put {f['part']} over that number.",
            f"Look at step {k}, where you divide by {f['divisor']}. Is {f['divisor']} the number of all "
            "the possible outcomes?",
            category="Logical error / Wrong approach")
    if relation.name == "wrong unit":
        now, was = _MEASURE_SAID[f["measure"]], _MEASURE_SAID[f["said_measure"]]
        unit = "dollars" if f["unit"] == "$" else f["unit"] or "that unit"
        where = "" if f["found_in"] == k else f" (worked out in step {f['found_in']})"
        return Misconception(
            relation.name,
            f"In step {k}, {expr}{where} gives {now}, but it is written in {unit}, {was}.",
            f"In step {k}, look at the units. Is the result of that multiplication {now}, or {was}?",
            f"Redo step {k}: the multiplication is right. Write its result with the unit of {now}.",
            f"Look at step {k}, where you write {f['value']} {unit}. What unit belongs with the result of "
            f"{expr}?")
    if relation.name == "area unit":
        unit = f["unit"]
        sym = _UNIT_SYMBOL.get(unit.lower(), unit)  # "centimeters": "cm" (short words read easily)
        square = {"in": "square inches", "ft": "square feet", "yd": "square yards"}.get(sym, f"{sym}²")
        one = {"in": "inch", "ft": "foot", "yd": "yard", "mi": "mile"}.get(sym, sym)
        return Misconception(
            relation.name,
            f"In step {k}, the area is written as {expr}, a length. An area is measured in square "
            f"units: {square}.",
            f"In step {k}, an area counts squares that are 1 {one} on each side. So which unit goes with "
            "an area?",
            f"Redo step {k}: keep the multiplication. Write the area in {square}, not {unit}.",
            f"Look at step {k}, where you write {expr}. What unit does an area use?")
    if relation.name == "percent rung":
        p, whole = f["percent"], f["whole"]
        return Misconception(
            relation.name,
            f"In step {k}, {p}% is written as {f['amount']}, but {f['amount']} is not {p}% of {whole}, the "
            "whole the problem gives.",
            f"In step {k}, {p}% means {p} out of every 100 parts of the whole. What is the whole in "
            "this problem?",
            f"Redo step {k}: 10% of a number is that number divided by 10, and 1% is it divided by 100. "
            f"Build {p}% of {whole} from those.",
            f"Look at step {k}, where you write {expr}. Which number is the whole?",
            category="Calculation error")
    if relation.name == "percent ladder":
        p1, a1, p2 = f["first_percent"], f["first_amount"], f["percent"]
        up = float(p2) > float(p1)  # 20% to 100%: times; 90% to 10%: a part
        ask = f"How many times {p1}% is {p2}%?" if up else f"What part of {p1}% is {p2}%?"
        return Misconception(
            relation.name,
            f"In step {k}, {expr} does not fit {p1}% = {a1}: parts of one whole grow the same way as "
            "their percents.",
            f"In step {k}, {ask[0].lower()}{ask[1:]} The amount for {p2}% is "
            f"{'that many times' if up else 'that part of'} {a1}.",
            f"Redo step {k}: find how many times {p1}% fits into {p2}%. Then multiply {a1} by that number."
            if up else f"Redo step {k}: find what part of {p1}% is {p2}%. Then take that part of {a1}.",
            f"Look at step {k}, where you write {expr}. {ask}",
            category="Logical error / Wrong approach")
    if relation.name == "volume unit":
        sym = _UNIT_SYMBOL.get(f["unit"].lower(), f["unit"])
        cubic = {"in": "cubic inches", "ft": "cubic feet", "yd": "cubic yards"}.get(sym, f"{sym}³")
        return Misconception(
            relation.name,
            f"In step {k}, the volume is written as {expr}. A volume is measured in cubic units: {cubic}.",
            f"In step {k}, a volume counts cubes that are 1 {sym} on each edge. So which unit goes with a volume?",
            f"Redo step {k}: keep the multiplication. Write the volume in {cubic}.",
            f"Look at step {k}, where you write {expr}. What unit does a volume use?")
    if relation.name == "changed kind":
        was, now = _MEASURE_SAID[f["measure"]], _MEASURE_SAID[f["as_measure"]]
        first = f"{f['value']} {f['unit']}" if f["unit"] != "$" else f"${f['value']}"
        return Misconception(
            relation.name,
            f"In step {k}, the {first} found in step {f['found_in']} is written as {expr}. But {first} is "
            f"{was}, not {now}: a step that changes it into {now} is missing.",
            f"In step {k}, {was} and {now} are different kinds of amount. What does the problem tell you "
            f"that links them?",
            f"Redo step {k}: find where the problem links {now} to {was}. Use it to change {first} into "
            "what the question asks for.",
            f"Look at step {k}, where you write {expr}. Is that the same kind of amount as {first}?",
            category="Missing step")
    sides = f"{f['length']} + {f['width']} + {f['length']} + {f['width']}"
    shape = f.get("shape", "rectangle")
    inside = "side × side" if shape == "square" else "length × width"
    if relation.name == "half perimeter":
        return Misconception(
            relation.name,
            f"In step {k}, the perimeter adds the length and the width once. A rectangle has two lengths "
            "and two widths, and the perimeter goes all the way around.",
            f"In step {k}, the perimeter is the distance all the way around the rectangle. Which sides "
            "did you add, and which sides are still missing?",
            f"Redo step {k}: add every side of the rectangle: {sides}.",
            f"Look at step {k}, where you work out {expr}. How many sides does a rectangle have?")
    if relation.name == "area for perimeter":
        return Misconception(
            relation.name,
            f"In step {k}, {inside} gives the area, not the perimeter. The perimeter is the "
            "distance all the way around: every side added.",
            f"In step {k}, the perimeter is the distance around the {shape}. To walk all the way "
            "around, which sides do you pass?",
            f"Redo step {k}: add every side of the {shape}: {sides}.",
            f"Look at step {k}, where you work out {expr}. Does that measure the distance around, or "
            "the space inside?")
    if relation.name != "perimeter for area":
        raise ValueError(f"no wording for the relation {relation.name!r}")
    return Misconception(
        relation.name,
        f"In step {k}, " + ("adding the sides" if shape == "rectangle" else f"{expr}") + " gives a distance "
        f"around, not the area. The area of a {shape} is {inside}.",
        f"In step {k}, the area counts the small squares that cover the {shape}. How many rows of them "
        "are there, and how many are in each row?",
        f"Redo step {k}: multiply the " + ("length by the width" if shape == "rectangle" else "side by itself")
        + f": {f['length']} × {f['width']}.",
        f"Look at step {k}, where you work out {expr}. Does that measure the space inside the {shape}?")


def _divisor_not_inverted(k: int, dividend: str, p: str, q: str | None, written: str) -> Misconception:
    """Dividing by ``p/q`` (or by the whole number ``p`` when ``q`` is ``None``) done as
    multiplying by it, in step ``k``; ``written`` is the step's right side."""
    q = q or None
    f = f"{_plain(p)}/{_plain(q)}" if q else _plain(p)
    inverse = f"{_plain(q)}/{_plain(p)}" if q else f"1/{_plain(p)}"
    wrote_times = re.search(r"[*×x]", written) is not None
    less_than_one = q is not None and float(p) < float(q)
    top = readable_equation(dividend.strip("()"))
    if wrote_times:
        where = f"Look at step {k}, where you divide by {f}. Is that the same as multiplying by {f}?"
    elif less_than_one:  # dividing by less than 1 makes more: a check that needs no rule
        where = (f"Look at step {k}, where you divide {top} by {f}. Should the result be bigger or smaller "
                 f"than {top}?")
    else:
        where = f"Look at step {k}, where you divide {top} by {f}. What does dividing by {f} mean?"
    return Misconception(
        "fraction divisor not inverted",
        f"In step {k}, dividing by {f} was done as multiplying by {f}. Dividing by a number means "
        f"multiplying by its reciprocal ({inverse}).",
        (f"In step {k}, you divide by {f}. How many times does {f} fit into 1? Dividing by {f} is the same "
         "as multiplying by which number?") if q else
        (f"In step {k}, you divide by {f}. Dividing by {f} shares into {f} equal parts. Does that make the "
         "amount bigger or smaller?"),
        f"Redo step {k}: " + (f"turn {f} upside down. Then multiply by the new fraction instead of dividing."
                              if q else f"dividing by {f} means taking 1/{f} of it. Multiply by 1/{f} instead."),
        where)


def _ratio_words(r) -> tuple[str, str, str, str]:
    """``(the ratio as the problem says it, a, c, how many times a fits into c)`` in words."""
    if r.a_said.startswith("$"):  # "$4.50 for 3 pens", "$15 for 2 hours"
        pair = f"{r.a_said} for {r.b_said}"
    elif r.b_said.startswith("$"):
        pair = f"{r.b_said} for {r.a_said}"
    else:
        pair = f"{r.a_said} go with {r.b_said}"
    # how many times the first amount fits: "how many times 2 cups fit into 8 cups", or, for a
    # smaller amount, "what part of 8 pencils 6 pencils is"
    times = (f"how many times {r.a_said} fit into {r.c_said}" if r.c > r.a
             else f"what part of {r.a_said} {r.c_said} is")
    return pair, _amount(r.a_said), _amount(r.c_said), times


def ratio_inverted(k: int, step_text: str, r) -> Misconception:
    """The misconception of a ratio used upside down (:func:`tutor.proportion.inverted_step`),
    about step ``k`` (1-based, text ``step_text``); never the answer."""
    pair, a, c, times = _ratio_words(r)
    computed = [e.text.split("=")[0] for e in check_step(step_text, k).equations if "=" in e.text]
    setup = linear_equations(step_text)  # a proportion set up with the unknown: "5/3 = x/40"
    work = (re.sub(r"\s*/\s*", " ÷ ", readable_equation(computed[0])) if computed
            else _plain(str(numbers_in(step_text)[-1])))
    where = (f"Look at step {k}, where you set up {readable_equation(setup[0].text)}. Which amount of the ratio "
             f"is the same kind as {r.c_said}?" if setup and not computed else
             f"Look at step {k}, where you work out {work}. Which amount of the ratio is the same kind as {r.c_said}?")
    return Misconception(
        "ratio inverted",
        f"In step {k}, the ratio is used upside down. The problem says {pair}, so {r.c_said} are compared "
        f"with {r.a_said}, the amount of the same kind.",
        f"In step {k}, look at the ratio: the problem says {pair}. {r.a_said.capitalize()} times what number "
        f"makes {r.c_said}? What must happen to {r.b_said} then?",
        f"Redo step {k}: divide {c} by {a} to find {times}. Then multiply {r.b_said} by that number.",
        where)


def ratio_per_one(k: int, step_text: str, r) -> Misconception:
    """The misconception of a ratio's second amount taken as going with one, not with the
    first amount (:func:`tutor.proportion.per_one_step`: "2 cm = 5 km", 12 cm worked as
    12 × 5), about step ``k`` (1-based, text ``step_text``); never the answer."""
    pair, a, c, times = _ratio_words(r)
    computed = [e.text.split("=")[0] for e in check_step(step_text, k).equations if "=" in e.text]
    work = readable_equation(computed[0]) if computed else _plain(str(numbers_in(step_text)[-1]))
    return Misconception(
        "ratio per one",
        f"In step {k}, {r.b_said} is used as if it went with 1, but the problem says {pair}.",
        f"In step {k}, look at the ratio: the problem says {pair}. How many times does {r.a_said} fit "
        f"into {r.c_said}?",
        f"Redo step {k}: divide {c} by {a} to find {times}. Then multiply {r.b_said} by that number.",
        f"Look at step {k}, where you work out {work}. What does {r.b_said} go with in the problem?")


def ratio_by_adding(k: int, step_text: str, route: AdditiveRoute) -> Misconception:
    """The misconception of a ratio worked by adding (see :mod:`tutor.proportion`), about step
    ``k`` (1-based, text ``step_text``) of ``route``; the wording names the problem's amounts,
    never the answer."""
    r = route.ratio
    pair, a, c, times = _ratio_words(r)
    # the step's own operation (a hint must not say the student added where they subtracted);
    # a step that only states the amount ("9 eggs") is pointed at by its number
    computed = [e.text.split("=")[0] for e in check_step(step_text, k).equations if "=" in e.text]
    work = readable_equation(computed[0]) if computed else ""
    verb = ("added" if "+" in (computed[0] if computed else "") else "subtracted" if computed else "")
    written = _plain(str(numbers_in(step_text)[-1])) if numbers_in(step_text) else ""
    if work:
        where = f"Look at step {k}, where you worked out {work}. Is that how the amounts of a ratio change?"
    else:
        where = f"Look at step {k}, where you wrote {written}. How did you get it from the problem's amounts?"
    did = f"In step {k}, you {verb}." if verb else f"Look again at step {k}."
    return Misconception(
        "ratio by adding",
        f"In step {k}, the ratio is worked by adding or subtracting. The problem says {pair}. "
        "In a ratio both amounts are multiplied by the same number; adding to them does not keep the ratio.",
        f"{did} The problem says {pair}. {r.a_said.capitalize()} times what number "
        f"makes {r.c_said}? What must happen to {r.b_said} then?",
        f"Redo step {k}: divide {c} by {a} to find {times}. Then multiply {r.b_said} by that number.",
        where)


def _hours_read_as_minutes(k: int, c) -> Misconception | None:
    """"2.5 hours = 2 hours 50 minutes": the decimals of the hours read as minutes (the
    misconception :mod:`tutor.relations` finds across two steps), in one step."""
    hours = c.left
    part = hours - int(hours)
    if c.left_unit.lower() not in ("hours", "hour", "hrs", "hr", "h") or c.right_unit.lower() not in (
            "minutes", "minute", "mins", "min") or not 0 < part < 1:
        return None
    minutes = c.right - int(hours) * 60
    if minutes != round(part * 100) or minutes == part * 60:
        return None
    said = f"{int(hours)} hours {_plain(str(float(minutes)))} minutes"
    return relation_misconception(k, Relation(k - 1, "minutes as hundredths", said, {
        "hours": _plain(str(float(hours))), "part": _plain(str(float(part))), "minutes": _plain(str(float(minutes)))}))


def _conversion_misconception(k: int, step_text: str, c) -> Misconception | None:
    """A unit conversion with a wrong factor ("5 feet = 50 inches") or done the wrong way round
    (72 inches multiplied by 12 for feet), about step ``k``; ``None`` for a conversion within one
    unit ("2 ft 3 in = 23 inches": a slip, not a factor)."""
    big, small = c.left_unit, c.right_unit
    true = factor(big, small)
    if true is None or true == 1 or _one(big) == _one(small) or mixed_as_decimal("", [step_text]) is not None:
        # ("3 pounds 4 ounces = 3.4 pounds" is named as the mixed units read as a decimal)
        return None
    left = _unit_amount(c.left, c.left_unit)
    used = c.right / c.left
    if true < 1:  # a small unit into a big one: ask about the big one ("inches in 1 foot")
        big, small = small, big
        per_big = 1 / true
    else:
        per_big = true
    one = _one(big)
    if used == 1 / true:  # the right factor the wrong way round
        return Misconception(
            "conversion direction",
            f"In step {k}, {left} was changed into {_unit_name(c.right_unit)} the wrong way round: "
            f"{'more' if true > 1 else 'fewer'} of the new unit are needed, not {'fewer' if true > 1 else 'more'}.",
            f"In step {k}, are {_unit_name(c.right_unit)} bigger or smaller than {_unit_name(c.left_unit)}? "
            f"So should there be more of them, or fewer?",
            f"Redo step {k}: {'multiply' if true > 1 else 'divide'} {_plain(str(float(c.left)))} by the number "
            f"of {_unit_name(small)} in 1 {one}.",
            f"Look at step {k}, where you change {left} into {_unit_name(c.right_unit)}. Should the number "
            "get bigger or smaller?",
            category="Wrong unit conversion")
    # the factor used, asked about only where the step writes it ("5 x 10")
    if not c.right or not c.left:  # "60 inches = 0 feet": no factor to ask about
        return None
    factor_used = c.right / c.left if true > 1 else c.left / c.right
    asked = (f" Is it {_plain(str(float(factor_used)))}?" if factor_used.denominator == 1
             and re.search(rf"(?<![\d.]){_plain(str(float(factor_used)))}(?![\d.])", step_text) else "")
    verb = "multiply" if true > 1 else "divide"
    return Misconception(
        "conversion factor",
        f"In step {k}, {left} is not {_unit_amount(c.right, c.right_unit)}: the step uses the wrong number "
        f"of {_unit_name(small)} in 1 {one}.",
        f"In step {k}, changing {_unit_name(c.left_unit)} into {_unit_name(c.right_unit)} needs the number of "
        f"{_unit_name(small)} in 1 {one}.{asked} Check it in a table of units.",
        f"Redo step {k}: find how many {_unit_name(small)} make 1 {one}"
        + ("." if c.left == 1 else f". Then {verb} {_plain(str(float(c.left)))} by that number."),
        f"Look at step {k}, where you change {left} into {_unit_name(c.right_unit)}. How many "
        f"{_unit_name(small)} are in 1 {one}?",
        category="Wrong unit conversion")


def units_unmatched(k: int, c: UnitConflict) -> Misconception:
    """The misconception of step ``k`` (1-based) that combines two amounts of one kind of measure
    in different units as they are (:func:`tutor.dimensions.unmatched_units`: 60 miles per hour x
    45 minutes), worded for a student; names no value the step should have given."""
    (a, b), (ua, ub) = c.operands, c.units
    units = [u.removeprefix("per ") for u in (ua, ub)]
    said = ["per " + _one(_units_said(u.removeprefix("per "))) if u.startswith("per ") else "in " + _units_said(u)
            for u in (ua, ub)]
    small, big = sorted(units, key=lambda u: (unit_size(u) or ("", 0))[1])
    # a rate stays as it is; the amount is changed into the unit the rate is per
    change = (f"change {a} into {_units_said(units[1])}" if ub.startswith("per ")
              else f"change {b} into {_units_said(units[0])}")
    return Misconception(
        "units not matched",
        f"In step {k}, {a} and {b} are used as they are, but {a} is {said[0]} and {b} is {said[1]}. "
        "Both must be in the same unit before they are put together.",
        f"In step {k}, {a} is {said[0]} and {b} is {said[1]}. How many {_units_said(small)} are in "
        f"1 {_one(_units_said(big))}?",
        f"Redo step {k}: first {change}, then work out the step again.",
        f"Look at step {k}, where you use {a} and {b}. Are they in the same unit?",
        category="Wrong unit conversion")


# unit words said in full, as a sentence says them of many ("l" and "L" are both "liters")
_SAID_UNIT = {"l": "liters", "ml": "milliliters", "$": "dollars", "m": "meters", "cm": "centimeters",
              "mm": "millimeters", "km": "kilometers", "g": "grams", "kg": "kilograms", "ft": "feet", "in": "inches",
              "yd": "yards", "mi": "miles", "lb": "pounds", "lbs": "pounds", "oz": "ounces", "mile": "miles",
              "hour": "hours", "minute": "minutes",
              "second": "seconds", "foot": "feet", "inch": "inches", "yard": "yards", "pound": "pounds",
              "ounce": "ounces", "cup": "cups", "pint": "pints", "quart": "quarts", "gallon": "gallons",
              "cent": "cents", "dollar": "dollars", "h": "hours", "hr": "hours", "hrs": "hours", "min": "minutes",
              "mins": "minutes", "sec": "seconds", "secs": "seconds", "s": "seconds"}


def _units_said(unit: str) -> str:
    """A unit word as a sentence says it of many ("hour" -> "hours", "l" -> "liters", "cm" ->
    "centimeters")."""
    u = unit.lower()
    return _SAID_UNIT.get(u, u)


def _unit_name(unit: str) -> str:
    """A unit as written, with a lone "l" as "L" (litres; "1 l" reads as "1 1")."""
    return {"l": "L", "$": "dollars"}.get(unit, unit)


def _unit_amount(value, unit: str) -> str:
    """An amount as said: "$2", "5 feet"."""
    number = _plain(str(float(value)))
    return f"${number}" if unit == "$" else f"{number} {unit}"


# a unit as one of it: "1 foot", "1 dollar"
_ONE = {"feet": "foot", "ft": "foot", "inches": "inch", "in": "inch", "$": "dollar", "cents": "cent", "l": "L",
        "hours": "hour", "minutes": "minute", "seconds": "second", "days": "day", "weeks": "week"}


def _one(unit: str) -> str:
    u = unit.lower()
    return _ONE.get(u, u[:-1] if len(u) > 3 and u.endswith("s") else u)


def _amount(said: str) -> str:
    """The number of an amount as said ("8 cups" -> "8", "$4.50" -> "4.50")."""
    return said.split()[0].lstrip("$")


# "3(x - 2)", "3*(x+2)": a number times brackets (as linear_equations writes them)
_TIMES_BRACKETS = re.compile(r"(?<![\w.)])(-?\d+(?:\.\d+)?)\*?\(([^()]+)\)")
# "-(x - 3)", "5-(x-3)", "-2(x+4)": a minus in front of brackets, a number after it or not (not an
# exponent's: "2^-(x+1)")
_MINUS_BRACKETS = re.compile(r"(?<![\^*/])-(\d+(?:\.\d+)?)?\*?\(([^()]+)\)")
#: The misconceptions of brackets taken away with the first term inside changed only.
BRACKET_NAMES = ("distributed to one term", "minus on first term only")


def _first_term_only(eq: Equation) -> tuple[str, str, str, str] | None:
    """``(name, factor, "(x - 2)", earlier equation)`` when the step's equation is the earlier
    one with brackets taken away by changing only the first term inside them: a number that
    multiplies only the first term ("3(x - 2) = 12" -> "3x - 2 = 12", name ``"distributed to one
    term"``, factor "3"), or a minus that changes the sign of only the first term while its
    number, if any, multiplies them all ("5 - (x - 3)" -> "5 - x - 3", "-2(x - 3)" -> "-2x - 6":
    ``"minus on first term only"``, factor "-" or "-2"). ``None`` when the step is neither (a
    right step never is: the wrong-rule result differs from the earlier equation)."""
    before = normalize_math(eq.follows).replace(" ", "")  # (also as a hint shows it: "3 × (x + 4) = 27")
    after = normalize_math(eq.text)
    for name, pattern in zip(BRACKET_NAMES, (_TIMES_BRACKETS, _MINUS_BRACKETS)):
        for m in pattern.finditer(before):
            factor, inner = m.group(1) or "1", m.group(2)
            terms = [t for t in re.split(r"(?=[-+])", inner) if t]
            if len(terms) < 2:
                continue
            first, rest = terms[0], "".join(terms[1:])
            if name == BRACKET_NAMES[0]:
                changed = f"({factor}*({first}){rest})"
            else:  # (a "+" before the bracket: "5(" would multiply)
                changed = f"+(-{factor}*({first})+{factor}*({rest}))"
            if equivalent_equations(f"{before[:m.start()]}{changed}{before[m.end():]}", after):
                said = factor if name == BRACKET_NAMES[0] else "-" + (m.group(1) or "")
                return name, said, f"({readable_equation(inner)})", readable_equation(before)
    return None


def _bracket_misconception(k: int, name: str, factor: str, inner: str, before: str) -> Misconception:
    """The misconception :func:`_first_term_only` found in step ``k``, worded for a student:
    ``factor`` ("3", "-", "-2") in front of the brackets ``inner`` of ``before``."""
    if name == BRACKET_NAMES[0]:
        return Misconception(
            name,
            f"In step {k}, the {factor} in front of the brackets multiplied only the first term of "
            f"{inner}. It must multiply every term inside the brackets.",
            f"In step {k}, look at {before}. When a number multiplies brackets, which terms inside "
            f"does it multiply? Does {factor} multiply all of {inner}?",
            f"Redo step {k}: start again from {before}. Multiply {factor} by each term of {inner}, "
            "then go on from there.",
            f"Look at step {k}, where you multiply out {before}. Does {factor} multiply every term inside "
            "the brackets?")
    how = ("Change the sign of each term" if factor == "-" else f"Multiply {factor} by each term")
    return Misconception(
        name,
        f"In step {k}, the minus in front of {factor[1:]}{inner} changed the sign of only the first term inside. "
        "A minus in front of brackets changes the sign of every term inside them.",
        f"In step {k}, look at {before}. When a minus stands in front of brackets, which terms inside does "
        f"it change? Does it change the sign of every term of {inner}?",
        f"Redo step {k}: start again from {before}. {how} of {inner} as you take the brackets away, "
        "then go on from there.",
        f"Look at step {k}, where you take away the brackets in {before}. Does the minus change the sign of "
        "every term inside?")


def _common_denominator(b: float, d: float) -> str:
    both_whole = b.is_integer() and d.is_integer()
    return _plain(str(float(math.lcm(int(b), int(d)) if both_whole else b * d)))


def _plain(number: str) -> str:
    return number[:-2] if number.endswith(".0") else number
