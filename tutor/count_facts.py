"""Counting facts a step states or works with: a dozen is 12, a nickel is 5 cents, a year has
52 weeks.

Some quantities are counted in units whose size is a fact the problem never states: "3 dozen
eggs", "9 nickels", "a one-year subscription". A step that takes a dozen as 10 or a nickel as
10 cents does true arithmetic on a false fact — the "Missing / Wrong factual knowledge" error of
the VtG categories (N. Daheim et al., "Stepwise verification and remediation of student
reasoning errors with large language model tutors", EMNLP 2024). Two forms are read:

* a statement of the fact: "a dozen, which is 10 eggs", "A year has 12 × 4 = 48 weeks",
  "an hour is 100 minutes";
* a computation that converts an amount the problem (or the step) counts in such a unit: "3
  dozen" worked as "3 × 10 = 30 eggs", "9 nickels" as "9 × 10 = 90 cents".

The amount must be written with its unit once, the factor must be a number the problem does
not write, and the result must be said in the unit the fact is about (any noun for a dozen).
Pure functions; no model.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from tutor.dimensions import SOME_DAYS, operands, singular
from tutor.mathcheck import numbers_in
from tutor.numwords import words_to_digits
from tutor.relations import Relation, computations, num
from tutor.units import factor, measure_of


@dataclass(frozen=True)
class _Fact:
    """One unit's size: ``per`` of ``unit`` in one ``word`` (``unit`` ``None``: any noun)."""

    word: str
    per: Fraction
    unit: str | None


# counted units outside the measurement table (tutor.units), with the units they are counted in
_COUNTED = {
    "dozen": (_Fact("dozen", Fraction(12), None),),
    "nickel": (_Fact("nickel", Fraction(5), "cents"),),
    "dime": (_Fact("dime", Fraction(10), "cents"),),
    "quarter": (_Fact("quarter", Fraction(25), "cents"),),
    "penny": (_Fact("penny", Fraction(1), "cents"),),
    "year": (_Fact("year", Fraction(12), "months"), _Fact("year", Fraction(52), "weeks"),
             _Fact("year", Fraction(365), "days")),
    "decade": (_Fact("decade", Fraction(10), "years"),),
    "century": (_Fact("century", Fraction(100), "years"),),
}
_SINGULAR = {"dozens": "dozen", "nickels": "nickel", "dimes": "dime", "quarters": "quarter", "pennies": "penny",
             "years": "year", "decades": "decade", "centuries": "century"}
_WORD = r"(?:dozens?|nickels?|dimes?|quarters?|penny|pennies|years?|decades?|century|centuries)"
# counted amounts a step converts: the counted units, and weeks (but days of one kind: SOME_DAYS)
_CONVERTED = rf"(?:{_WORD}|weeks?)"
_UNIT_WORD = r"(?:[a-z]+|¢)"
_NUM = r"\d+(?:\.\d+)?"
# "a dozen, which is 10 eggs", "A year has 12 × 4 = 48 weeks", "an hour is 100 minutes": a clause
# of its own (not "the time in one week is 70 × 60 = 4200 seconds")
_STATEMENT = re.compile(
    rf"(?i)(?:^|[.;:!?]\s*|,\s*(?:and\s+|so\s+)?|\b(?:since|because|as|and|so|but|there\s+are)\s+)"
    rf"(?:a|an|one|1|each|every)\s+(?P<word>{_WORD}|[a-z]+)\s*,?\s*(?:which\s+|that\s+)?"
    rf"(?:is|has|have|=|equals|contains|is\s+equal\s+to)\s+(?:(?:about|only|just)\s+)?"
    rf"(?:[\d.\s×x*+-]+=\s*)?(?P<n>{_NUM})\s+(?P<unit>{_UNIT_WORD})\b")
# "There are 100 minutes in an hour", "12 ounces make a pound": the size said the other way round
# (not the "000" of "1,000 meters in a kilometer": the whole number has its separator)
_IN_ONE = re.compile(rf"(?i)(?<![\d.,/])(?P<n>{_NUM})\s+(?P<unit>{_UNIT_WORD})\s+(?:in|make|makes|to)\s+"
                     rf"(?:a|an|one|1|each|every)\s+(?P<word>{_WORD}|[a-z]+)\b")
# "A dozen is 10, so ...": the count alone (a dozen counts any noun)
_DOZEN_IS = re.compile(rf"(?i)(?:^|[.;:!?]\s*|,\s*|\b(?:since|because|and|so)\s+)(?:a|one|1)\s+(?P<word>dozen)\s+"
                       rf"(?:is|=|equals|means|has)\s+(?P<n>{_NUM})(?!\s*[a-z%¢/.\d])")
# "holds a dozen, which is 10 eggs": a size said in passing
_APPOSITIVE = re.compile(rf"(?i)(?<!/)(?<!/ )\b(?:a|an|one|1)\s+(?P<word>{_WORD}|[a-z]+)\s*,\s*which\s+(?:is|means|equals)\s+"
                         rf"(?:[\d.\s×x*+-]+=\s*)?(?P<n>{_NUM})\s+(?P<unit>{_UNIT_WORD})\b")
# "3 dozen = 30 muffins", "9 nickels is 90 cents": an amount of the unit said in what it counts
_AMOUNT_SAID = re.compile(rf"(?i)(?<![\d.,/])(?P<amount>{_NUM})\s+(?P<word>{_WORD})\s*(?:of\s+[a-z]+\s*)?"
                          rf"(?:=|is|are|equals?|makes?|means)\s+(?P<n>{_NUM})\s+(?P<unit>{_UNIT_WORD})\b")
# sizes from the measurement table a statement may be checked against: a day or an hour has
# other meanings at work or school ("each day is 8 hours"), a minute and an hour do not
_STATED_TIME = {("minute", "second"), ("hour", "minute"), ("week", "day")}
# every day of the week counts ("every day, including weekends", "7 days a week")
_EVERY_DAY = re.compile(r"(?i)\bincluding\s+(?:the\s+)?week\s*ends?\b|\b(?:7|seven)\s+days\s+a\s+week\b|"
                        r"\bevery\s+single\s+day\b")
# money, where a quarter is a coin (not "a quarter of the cake")
_MONEY = re.compile(r"(?i)\b(?:coins?|cents?|dollars?|money|pocket|change)\b|[$¢]")


def _facts(word: str) -> tuple[_Fact, ...]:
    return _COUNTED.get(_SINGULAR.get(word.lower(), word.lower()), ())


def _size(word: str, unit: str) -> tuple[str, Fraction] | None:
    """``(one, size)``: how many ``unit`` one ``word`` is ("dozen", "eggs" -> 12; "hour",
    "minutes" -> 60), or ``None`` where no fact is known."""
    unit = unit.lower()
    for f in _facts(word):
        if f.unit is None or unit in (f.unit, f.unit.rstrip("s")) or (f.unit == "cents" and unit == "¢"):
            return f.word, f.per
    one = singular(word.lower())
    if measure_of(one) == "time" and (one.rstrip("s"), unit.rstrip("s")) not in _STATED_TIME:
        return None
    if measure_of(one) is not None and measure_of(unit) == measure_of(one):
        per = factor(one, unit)
        if per is not None and per > 1:
            return one, per
    return None


@dataclass(frozen=True)
class FactSlip:
    """A step that takes a counted unit's size wrong.

    Attributes:
        step: 0-based index of the step.
        word: the unit, singular ("dozen", "nickel", "year").
        unit: what it is counted in ("eggs", "cents", "weeks").
        said: the size the step uses (10 for a dozen).
        size: the true size (12).
        amount: how many of the unit the computation converts, or ``None`` for a statement.
    """

    step: int
    word: str
    unit: str
    said: Fraction
    size: Fraction
    amount: Fraction | None


def _guarded(word: str, unit: str, text: str) -> bool:
    """Whether the fact may not be the one meant: days of one kind in a week or a year, a
    quarter that is not a coin."""
    if unit.lower().startswith("day") and SOME_DAYS.search(text) and not _EVERY_DAY.search(text):
        return True
    return word.lower().startswith("quarter") and not _MONEY.search(text)


def _stated(i: int, text: str, problem: str, written: set[Fraction]) -> list[FactSlip]:
    """Sizes the step states wrong ("a dozen, which is 10 eggs")."""
    out = []
    for m in [*_STATEMENT.finditer(text), *_APPOSITIVE.finditer(text), *_IN_ONE.finditer(text),
              *_DOZEN_IS.finditer(text)]:
        unit = m.groupdict().get("unit") or "items"
        size = _size(m.group("word"), unit)
        said = Fraction(m.group("n"))
        if size is not None and said != size[1] and said not in written \
                and not _guarded(size[0], unit, problem + " " + text):
            out.append(FactSlip(i, size[0], unit, said, size[1], None))
    for m in _AMOUNT_SAID.finditer(text):
        size = _size(m.group("word"), m.group("unit"))
        amount, said = Fraction(m.group("amount")), Fraction(m.group("n"))
        # (a size the problem gives: "on Orbius-5 a year is 250 days")
        if size is not None and amount and said != amount * size[1] and not {said, said / amount} & written \
                and m.group("unit").lower() not in (size[0], size[0] + "s") \
                and not _guarded(size[0], m.group("unit"), problem + " " + text):
            out.append(FactSlip(i, size[0], m.group("unit"), said / amount, size[1], amount))
    return out


def _counts(problem: str) -> tuple[dict[Fraction, set[str]], dict[Fraction, int]]:
    """The problem's amounts counted in a unit of :data:`_CONVERTED` ("3 dozen" -> {"dozen"}), and
    how often each number is written."""
    counted: dict[Fraction, set[str]] = {}
    for m in re.finditer(rf"(?i)(?<![\d./])(?P<n>{_NUM})\s+(?P<word>{_CONVERTED})\b", problem):
        counted.setdefault(Fraction(m.group("n")), set()).add(m.group("word").lower())
    seen: dict[Fraction, int] = {}
    for m in re.finditer(rf"(?<![\d./])({_NUM})(?![\d/])", problem):
        seen[Fraction(m.group(1))] = seen.get(Fraction(m.group(1)), 0) + 1
    return counted, seen


def _converted(i: int, text: str, product: tuple[Fraction, Fraction], result: Fraction, problem: str,
               counts: tuple[dict, dict], known: set[Fraction]) -> FactSlip | None:
    """A product that converts a counted amount with a wrong size ("3 dozen" as 3 × 10 = 30
    eggs); ``known``: numbers the problem writes or a step works out, never a size."""
    counted, seen = counts
    for n, by in (product, product[::-1]):
        # the amount the step names ("2 dozen = 2 × 10"), else the problem's, written once
        here = re.search(rf"(?i)(?<![\d./]){re.escape(num(n))}\s+(?P<word>{_CONVERTED})\b", text)
        words = {here.group("word").lower()} if here else (counted.get(n, set()) if seen.get(n) == 1 else set())
        if len(words) != 1 or by in known:
            continue
        said = re.search(rf"(?i){re.escape(num(result))}\s*(?P<unit>{_UNIT_WORD})",
                         re.sub(r"(?<=\d),(?=\d{3})", "", text))
        size = _size(next(iter(words)), said.group("unit")) if said else None
        # (dozens counted as dozens are no conversion)
        if size is None or said.group("unit").lower() in (size[0], size[0] + "s") or size[1] == by \
                or result == n * size[1] or _guarded(size[0], said.group("unit"), problem + " " + text):
            continue
        return FactSlip(i, size[0], said.group("unit"), by, size[1], n)
    return None


def _weekdays(i: int, product: tuple[Fraction, Fraction], problem: str) -> FactSlip | None:
    """An amount the problem gives for each weekday multiplied by 7 for a week: a week has 5
    weekdays ("24 pages each weekday": 7 × 24)."""
    if 7 not in product or re.search(r"(?i)\b(?:every|each|a|per)\s+day\b(?!\s+of\s+the\s+week\s*end)|\b7\b",
                                     problem):
        return None
    other = product[1] if product[0] == 7 else product[0]
    if re.search(rf"(?i)(?<![\d./]){re.escape(num(other))}\s+(?:[a-z]+\s+){{0,3}}?(?:each|every|a|per|on\s+each)\s+"
                 r"week\s*day\b", problem):
        return FactSlip(i, "week", "weekdays", Fraction(7), Fraction(5), other)
    return None


def fact_slips(problem_text: str, step_texts: Sequence[str]) -> list[FactSlip]:
    """Every step that states a counted unit's size wrong or converts an amount with a wrong
    size (see the module docstring), in step order."""
    problem = words_to_digits(problem_text)
    written = {Fraction(str(v)) for v in numbers_in(problem)}
    # (the guards read the whole solution: "A week has 5 work days." then "4 × 5 = 20 days")
    context = problem + " " + words_to_digits(" ".join(step_texts))
    out = [f for i, raw in enumerate(step_texts) for f in _stated(i, words_to_digits(raw), context, written)]
    counts = _counts(problem)
    derived: set[Fraction] = set()
    for i, lhs, value in computations(step_texts):
        read = operands(lhs)
        result = Fraction(value).limit_denominator(1000)
        if read is not None and read[0] is ast.Mult:
            product = (read[1], read[2])
            found = (_converted(i, words_to_digits(step_texts[i]), product, result, context, counts, written | derived)
                     or _weekdays(i, product, problem))
            if found is not None:
                out.append(found)
        derived.add(result)
    return sorted(out, key=lambda s: s.step)


def fact_slip(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """The first :func:`fact_slips` as a :class:`~tutor.relations.Relation` named ``"wrong
    count fact"`` (``facts``: ``word``, ``unit``, ``said``, ``size``, ``amount``), or ``None``."""
    found = fact_slips(problem_text, step_texts)
    if not found:
        return None
    s = found[0]
    return Relation(s.step, "wrong count fact", step_texts[s.step].strip(),
                    {"word": s.word, "unit": s.unit, "said": num(s.said), "size": num(s.size),
                     "amount": None if s.amount is None else num(s.amount)})
