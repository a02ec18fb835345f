"""Relations a problem's words fix, and steps that break them with true arithmetic.

Without a reference solution a step such as "Perimeter = 8 + 5 = 13 cm" passes every
arithmetic check. Some word problems fix the computation a step must do by their words alone,
whatever the rest of the solution; the errors against them are well documented:

* ``"mean count"``: the mean of a list the problem gives is its sum divided by how many
  numbers it lists; dividing that sum by fewer is wrong, and by more where the problem says
  how many it lists ("on three tests");
* ``"median unsorted"``: the median is the middle of the list put in order; the middle of the
  list as the problem writes it is the common error;
* ``"percent change base"``: a percent increase or decrease "from A to B" compares the change
  with A, the starting amount; dividing the change by B is the common error (M. Parker and G.
  Leinhardt, "Percent: a privileged proportion", Review of Educational Research 65(4), 1995);
* ``"weeks as days"``: something done every day for some weeks multiplied by the number of
  weeks, as if it were days;
* ``"cents as dollars"``: a total of prices in cents said in dollars unchanged (18 × 25¢ =
  450, "$450");
* ``"rate named backwards"``: a rate worked out right and named the wrong way round ("12
  laps in 36 minutes": 36 ÷ 12 = 3 "laps per minute"), the inverted-rate reading of a
  quotient;
* ``"minutes as hundredths"``: a number of hours worked out as a decimal, then said in hours
  and minutes with its decimals read as minutes (2.5 hours as 2 hours 50 minutes): the base-10
  reading of a base-60 unit; ``"mixed units as a decimal"``: the same the other way round (2
  hours 45 minutes as 2.45 hours, 3 pounds 4 ounces as 3.4 pounds);
* ``"half perimeter"``, ``"area for perimeter"``, ``"perimeter for area"``: a rectangle's
  perimeter adds all four sides, its area multiplies length by width; a step that says
  "perimeter" and adds the two sides once, or multiplies them, and the reverse for "area", is
  the area/perimeter confusion (W. Woodward and K. Byrd, "Area: included topic, neglected
  concept", School Science and Mathematics 83(4), 1983);
* ``"percent ladder"``, ``"percent rung"``: percents of one whole named as amounts ("10% = 4",
  "20% = 8") must grow like their percents, and the first one must be its share of the whole
  the problem gives;
* ``"percent as tenths"``: a percent below 10 multiplied as tenths (3% as 0.3);
* ``"converted past the answer"``: the answer worked out in the unit the question asks for, then
  changed into another unit of the same kind (6 minutes, then "6 × 60 = 360 seconds");
* ``"percent as divisor"``: p% of an amount worked as the amount divided by p (20% of 1,200 as
  1,200 ÷ 20, which is 5%);
* units: an answer in the unit of one factor, an area in a length unit, a volume in square
  units, and an answer stated as another kind of amount (``"wrong unit"``, ``"area unit"``,
  ``"volume unit"``, ``"changed kind"``).

Each finding rests on the problem's words and the step's own computation; anything less
certain is left alone (a list's mean "after dropping the lowest", a second "from … to …"). Pure
functions; no model.
"""

from __future__ import annotations

import ast
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from fractions import Fraction

from tutor.dimensions import given_quantities, operands, question_of, singular
from tutor.mathcheck import answer_value, check_step, evaluate, normalize_math, number_count, numbers_in, step_result
from tutor.numwords import spelled_numbers, words_to_digits
from tutor.schema import StepCheck
from tutor.steps import same_label
from tutor.units import amounts_in, factor, measure_of, written_unit

_N = r"\d+(?:\.\d+)?"
# a number as written, thousands separated or not ("1,200", "82", "2.5")
_AMOUNT = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_LISTED = _AMOUNT
# a list of three or more numbers: "82, 90, 75, 88, and 95"
_LIST = re.compile(rf"(?<![\d.,/$])-?\$?(?:{_LISTED})(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)-?\$?(?:{_LISTED})){{2,}}(?![\d/])")
_ASKS_MEAN = re.compile(r"(?i)\b(?:mean|average)\b(?!\s+absolute)")
# an average per something else than the listed numbers: a speed, a share, per half
_SHARED = re.compile(r"(?i)\b(?:split|share\w*|evenly)\b")
_PER_OTHER = re.compile(r"(?i)\b(?:speed|rate|pace|each\s+(?:of\s+)?(?:them|us|person|friend)|"
                        r"(?:per|each|every|a|an)\s+(?:hour|minute|second|day|week|month|year|half|quarter))\b|"
                        r"/\s*[a-z]")
# a mean of some of them, or a score still to come: another count is right there
_NOT_THE_WHOLE_LIST = re.compile(r"(?i)\b(?:drop\w*|without|except|other|remaining|lowest|highest|new|another|"
                                 r"next|needs?|must|more|each\s+week)\b")
_ASKS_CHANGE = re.compile(r"(?i)(?:\bpercent(?:age)?|%)\s+(?:of\s+)?(?:increase|decrease|change|drop|rise|discount|markdown)\b|"
                          r"\bwhat\s+percent(?:age)?\b[^?.]{0,40}\b(?:increase|decrease|rise|drop|fall|grow|"
                          r"shrink|change|lower|raise)\w*")
# the change is measured from the new amount on purpose: back to the original, a second change,
# a comparison with the other amount ("what percent lower than his second")
_OTHER_BASE = re.compile(r"(?i)\b(?:back|original|return\w*|again|sale\s+price|new\s+price)\b|"
                         r"\b(?:lower|less|higher|more|greater|smaller|bigger)\s+than\b|"
                         r"\bpercent(?:age)?\s+of\s+(?:the|its|his|her|their|this|that)\b")
_FROM_TO = re.compile(rf"(?i)\bfrom\s+\$?({_AMOUNT})(?:\s*°\s*[FC]?)?(?:\s+[A-Za-z]+){{0,2}}\s+to\s+\$?({_AMOUNT})(?![\d/])")
_RECTANGLE = re.compile(r"(?i)\brectang\w*")
# "a room 13 ft by 10 ft", "a 9 ft by 14 ft floor": two sizes of a flat shape (a third, "by 3 ft",
# is a box, not a rectangle)
_BY = re.compile(r"(?i)(?<![\d.])(\d+(?:\.\d+)?)\s*[A-Za-z]*\.?\s+by\s+(\d+(?:\.\d+)?)(?!\s*[A-Za-z]*\.?\s+by\b)")
_BOX_BY = re.compile(r"(?i)\bby\s+\d+(?:\.\d+)?\s*[A-Za-z]*\.?\s+by\b")
# a step labelled "P = …" or "A = …": the perimeter, the area
# a step that calls its value an area: "area", "40 square meters", "40 sq ft", "40 m²"
_SAYS_AREA = re.compile(r"(?i)\barea\b|\d\s*(?:sq\.?|square)\s+[a-z]|\d\s*[a-z]{1,2}\s*(?:²|\^\s*2)")
_P_LABEL = re.compile(r"^\s*P\s*=")
_A_LABEL = re.compile(r"^\s*A\s*=")


# "a field 90 m long and 60 m wide" (with a height or a depth it is a box)
_LONG_AND_WIDE = re.compile(r"(?i)\d\s*[A-Za-z]*\.?\s+(?:long|wide)\s+and\s+\d+(?:\.\d+)?\s*[A-Za-z]*\.?\s+(?:wide|long)\b")
_SOLID = re.compile(r"(?i)\b(?:tall|high|deep|height|depth|box|prism|cube|tank|pool)\b")


def _a_rectangle(text: str) -> bool:
    """Whether the problem is about a rectangle: it says so, or gives two sizes "13 ft by 10 ft"
    or "90 m long and 60 m wide"."""
    return bool(_RECTANGLE.search(text) or (_BY.search(text) and not _BOX_BY.search(text))
                or (_LONG_AND_WIDE.search(text) and not _SOLID.search(text)))
_CHANGED_SIZE = re.compile(r"(?i)\b(?:half|semi\w*|longer|shorter|wider|narrower|taller|extend\w*|increase\w*|"
                           r"decrease\w*|new|border|path|corner|only|top|bottom|front|back|along|other\s+two|"
                           r"(?:one|two|three)\s+(?:of\s+(?:its|the)\s+)?(?:\w+\s+)?sides?)\b")


@dataclass(frozen=True)
class Relation:
    """A step that breaks a relation the problem's words fix.

    Attributes:
        step: 0-based index of the step.
        name: the relation's name (the module docstring lists them).
        expression: the step's computation as the student wrote its numbers ("430 / 4").
        facts: what the wording names, by key: ``count`` and ``divisor`` (mean); ``change``,
            ``start`` and ``divisor`` (percent change); ``hours``, ``part`` and ``minutes``
            (minutes as hundredths); ``length`` and ``width`` (rectangle).
    """

    step: int
    name: str
    expression: str
    facts: dict


def written(lhs: str) -> str:
    """A computation's left side as a student reads it: "8*5" -> "8 × 5", "12/3" -> "12 ÷ 3";
    a fraction in brackets stays a fraction ("4/(2/3)" -> "4 ÷ 2/3")."""
    fractions: list[str] = []

    def keep(m: re.Match) -> str:
        fractions.append(f"{m.group(1)}/{m.group(2)}")
        return f"§{len(fractions) - 1}§"
    lhs = re.sub(r"\(\s*(\d+)\s*/\s*(\d+)\s*\)", keep, lhs)
    out = re.sub(r"\s*([+*/^-])\s*", lambda m: {"*": " × ", "/": " ÷ ", "+": " + ", "-": " − ",
                                                "^": "^"}[m.group(1)], lhs).strip()
    return re.sub(r"§(\d+)§", lambda m: fractions[int(m.group(1))], out)


def num(x: float | Fraction) -> str:
    """A number as a student writes it: 8, 7.5, or 2/3 where its decimals would not end."""
    f = float(x)
    if f.is_integer():
        return str(int(f))
    if isinstance(x, Fraction) and x.denominator < 1000:
        d = x.denominator
        for p in (2, 5):
            while d % p == 0:
                d //= p
        if d != 1:  # (2/3 is 0.666…: said as a fraction)
            return f"{x.numerator}/{x.denominator}"
    return f"{f:g}"


def step_checks(step_texts: Sequence[str]) -> list[StepCheck]:
    """:func:`tutor.mathcheck.check_step` of each step (1-based numbers), where a step that sets
    a name equal again ("Step 2: A = 3.14 × 10²", "Step 3: A = 314") is checked as the chain it
    continues: steps the student numbered apart, one computation (the parser joins such lines
    only where no step labels say otherwise). That step keeps its own ``values``."""
    return _chained(step_texts)[0]


def _chained(step_texts: Sequence[str]) -> tuple[list[StepCheck], list[int]]:
    """:func:`step_checks` and the steps (0-based) that only set the name of the step before
    equal again."""
    checks, continued = _chained_once(tuple(step_texts))
    return list(checks), list(continued)


@functools.lru_cache(maxsize=64)
def _chained_once(step_texts: tuple[str, ...]) -> tuple[tuple[StepCheck, ...], tuple[int, ...]]:
    # every relation reads the same steps' checks: worked out once per solution (nothing
    # mutates a StepCheck; changes are made with dataclasses.replace)
    checks = [check_step(t, i + 1) for i, t in enumerate(step_texts)]
    continued = [i for i in range(1, len(checks))
                 if not checks[i].equations and same_label(step_texts[i - 1], step_texts[i]) is not None]
    for i in continued:
        chain = check_step(f"{step_texts[i - 1].rstrip(' .,;')} = {same_label(step_texts[i - 1], step_texts[i])}", i + 1)
        checks[i] = replace(checks[i], equations=chain.equations, ok=chain.ok)
    return tuple(checks), tuple(continued)


def computations(step_texts: Sequence[str]):
    """``(step, left side, value)`` of every computation the steps write, in order; a chain
    continued in the next step (:func:`step_checks`) is the computation of the step that
    writes it ("Step 2: A = 3.14 × 10²" uses the diameter, whatever step 3 says it is)."""
    checks, continued = _chained(step_texts)
    for i, check in enumerate(checks):
        for eq in check.equations:
            if eq.lhs_value is not None and "=" in eq.text and not eq.follows:
                yield i - (i in continued), eq.text.split("=")[0], eq.lhs_value


def answer_computation(step_texts: Sequence[str]) -> tuple[int, str, float] | None:
    """The computation (:func:`computations`) the solution's answer comes from: the last one
    whose result is what the last step that writes a number arrives at, or ``None``."""
    said = [k for k, t in enumerate(step_texts) if numbers_in(t)]
    return computation_reaching(step_texts, step_result(step_texts[said[-1]])) if said else None


def computation_reaching(step_texts: Sequence[str], value: float | None) -> tuple[int, str, float] | None:
    """The last computation (:func:`computations`) whose result is ``value``, or ``None``: the
    one a solution's closing value comes from."""
    return next(((i, lhs, v) for i, lhs, v in reversed(list(computations(step_texts)))
                 if value is not None and abs(v - value) < 1e-6), None)


def _division(lhs: str) -> tuple[Fraction, Fraction] | None:
    """``(dividend, divisor)`` of a computation "S / d" or "(a + b + c) / d" (a percent's
    "* 100" after it allowed)."""
    m = re.fullmatch(r"\s*(.+?)\s*/\s*\(?(\d+(?:\.\d+)?)\)?\s*(?:\*\s*100)?\s*", lhs)
    if not m:
        return None
    top = evaluate(m.group(1))
    if top is None:
        return None
    return Fraction(top), Fraction(m.group(2))


# a unit written after each number of a list ("140 cm, 152 cm and 148 cm")
_LISTED_UNIT = re.compile(r"(?<=\d)\s*(?:cm|mm|km|m|kg|g|lb|oz|in|ft|°\s*[CF]?|degrees)(?![A-Za-z])")


def _as_list(text: str) -> str:
    """``text`` with its lists written as numbers only: a typographic minus as "-", a unit
    after each number left out."""
    return _LISTED_UNIT.sub("", text.replace("−", "-"))


def _mean_list(text: str) -> tuple[str, list[Fraction]] | None:
    """The one list of numbers whose mean the question asks for, as written (in
    :func:`_as_list` form) and as values; or ``None`` (no list, two lists, a mean of some of
    them, an average of something else)."""
    text = _as_list(text)
    question = question_of(text)
    if not _ASKS_MEAN.search(question) or _NOT_THE_WHOLE_LIST.search(text) or _SHARED.search(text):
        return None
    lists = _LIST.findall(text)
    if len(lists) != 1:
        return None
    values = [Fraction(v.replace(",", "")) for v in re.findall(rf"-?(?:{_LISTED})", lists[0])]
    per = _PER_OTHER.search(question)
    if per is not None:
        # "average growth per week" of one value a week for "5 weeks": the list's mean (per
        # another time, or a speed, it is not)
        unit = re.search(r"(?:hour|minute|second|day|week|month|year)$", per.group(0).lower())
        if unit is None or not re.search(rf"(?i)(?<![\d.]){len(values)}\s+{unit.group(0)}s\b", text):
            return None
    return lists[0], values


def asked_mean(problem_text: str) -> Fraction | None:
    """The mean the question asks for, where the problem lists the numbers (see
    :func:`_mean_list`), or ``None``."""
    found = _mean_list(words_to_digits(problem_text))
    return None if found is None else sum(found[1]) / len(found[1])


# "0 in the fifth", "the 6th day": the list may not be all there is
_ORDINAL = re.compile(r"(?i)\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b")


def _mean_count(text: str, step_texts: Sequence[str]) -> Relation | None:
    found = _mean_list(text)
    if found is None:
        return None
    text = _as_list(text)
    listed, values = found
    total, count = sum(values), len(values)
    # the counts the problem says outside its list ("in 4 games"); a divisor the work itself
    # derives ("120 minutes = 2 hours") is a count of something else too
    outside = text.replace(listed, " ")
    given = {Fraction(v.replace(",", "")) for v in re.findall(_LISTED, outside)}
    derived = {Fraction(str(x)) for t in step_texts for x in re.findall(r"=\s*(\d+(?:\.\d+)?)", t)}
    # more than listed may be right (a game with no goals, a day without reading, a total
    # shared among friends), unless the problem says how many the list holds ("on 3 tests")
    stated = given | {Fraction(n.value) for n in spelled_numbers(outside)}
    most = None if stated == {count} and not _ORDINAL.search(outside) else count
    for i, lhs, _ in computations(step_texts):
        div = _division(lhs)
        if (div and div[0] == total and div[1].denominator == 1 and 1 < div[1] != count
                and (most is None or div[1] < most)
                and div[1] not in given and div[1] not in derived):
            return Relation(i, "mean count", f"{num(div[0])} / {num(div[1])}",
                            {"count": count, "divisor": num(div[1])})
    return None


# "what must she score in the next game to average 20": the mean wanted, and one more value
_TARGET_MEAN = re.compile(r"(?i)\b(?:average|mean)\s+(?:score\s+|grade\s+)?(?:of\s+)?(?:exactly\s+|at\s+least\s+)?"
                          r"\$?(\d+(?:\.\d+)?)")
_ONE_MORE = re.compile(r"(?i)\b(?:must|needs?|should|has\s+to|have\s+to)\b.*\b(?:next|last|final|another|one\s+more|"
                       r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b")
_MORE_THAN_ONE = re.compile(r"(?i)\b(?:next|last|final)\s+(?:2|3|4|5|two|three|four|five)\b|\b(?:2|3|4|5|two|three|four|"
                            r"five)\s+more\b")


def _target_mean(text: str, step_texts: Sequence[str]) -> Relation | None:
    """The value one more item needs for the list's mean to be a target ("14, 22 and 17 points in
    three games: what must she score in the fourth game to average 20?") worked out as if the
    mean still had as many values as the list: 20 × 3 − 53 = 7, where the new value counts too
    (20 × 4 − 53 = 27). Only where the answer is that value: 20 × 3 − 53 on the way to 20 + 7
    (the shortfall added to the target) is right work."""
    listed = _as_list(text)
    question = question_of(listed)
    lists = _LIST.findall(listed)
    target = _TARGET_MEAN.search(question)
    if len(lists) != 1 or target is None or not _ONE_MORE.search(question) or _MORE_THAN_ONE.search(question):
        return None
    values = [Fraction(v.replace(",", "")) for v in re.findall(rf"-?(?:{_LISTED})", lists[0])]
    mean, k = Fraction(target.group(1)), len(values)
    short = mean * k - sum(values)
    said = [i for i, t in enumerate(step_texts) if numbers_in(t)]
    answer = answer_value(step_texts[said[-1]]) if said else None
    if mean == 0 or answer is None or abs(answer - short) > 1e-9:
        return None
    # the step that counts the target k times ("20 * 3 = 60"), else the one giving the answer
    at = next((i for i, lhs, v in computations(step_texts) if abs(v - mean * k) < 1e-9
               and sorted(Fraction(str(x)) for x in numbers_in(lhs)) == sorted([mean, Fraction(k)])), said[-1])
    return Relation(at, "target mean count", f"{num(mean)} × {k}", {"mean": num(mean), "count": k, "with": k + 1})


_ASKS_AVERAGE_SPEED = re.compile(r"(?i)\baverage\s+(?:speed|rate\s+of\s+speed|pace)\b")
_SPEED = frozenset({("length", 1), ("time", -1)})
_BACK = re.compile(r"(?i)\b(?:back|return\w*|round\s+trip|there\s+and\s+back|same\s+(?:road|route|way|distance))\b")


def _speeds_averaged(text: str, step_texts: Sequence[str]) -> Relation | None:
    """An average speed worked out as the mean of two speeds ("(60 + 40) / 2 = 50 mph" for a trip
    there at 60 and back at 40), where the legs take different times: the mean counts each speed
    once, but more of the time goes at the slower one (average speed is the whole distance over
    the whole time). Only where the problem says the times differ: two different times, or no
    times and the same way there and back (equal times would make the mean right)."""
    if not _ASKS_AVERAGE_SPEED.search(question_of(text)):
        return None
    given = given_quantities(text)
    times = [v for v, q in given.items() if q.unit == frozenset({("time", 1)})]
    if not ((len(times) == 2 and times[0] != times[1]) or (not times and _BACK.search(text))):
        return None
    speeds = {v for v, q in given.items() if q.unit == _SPEED}
    # (and the speeds the work finds and names, up to each step: "30 / 2 = 15 km/h")
    named = [{v for v, q in given_quantities(t).items() if q.unit == _SPEED} for t in step_texts]

    def fits(terms: list[str], i: int) -> bool:
        values = {Fraction(t) for t in terms}
        return len(terms) == 2 and len(values) == 2 and values <= speeds.union(*named[:i + 1])

    mean, _ = _mean_worked(step_texts, fits)
    return None if mean is None else Relation(mean[0], "speeds averaged", written(mean[1]),
                                              {"a": mean[2][0], "b": mean[2][1]})


def _mean_worked(step_texts: Sequence[str], fits) -> tuple[tuple[int, str, list[str]] | None,
                                                          dict[float, tuple[int, list[str], str]]]:
    """Where the work takes the mean of numbers as numbers: ``(step, left side, terms)`` of the
    first computation that divides a sum of terms ``fits(terms, step)`` accepts by their count,
    in one ("(60 + 40) / 2") or after it ("60 + 40 = 100", "100 / 2"), or ``None``; with the sums
    of such terms written up to there, by value: ``{value: (step, terms, left side)}``."""
    sums: dict[float, tuple[int, list[str], str]] = {}
    for i, lhs, value in computations(step_texts):
        flat = lhs.replace(" ", "")
        m = re.fullmatch(r"\(?([\d.]+(?:\+[\d.]+)+)\)?(?:/(\d+))?", flat)
        terms = m.group(1).split("+") if m else []
        if m and fits(terms, i):
            if m.group(2) and int(m.group(2)) == len(terms):
                return (i, lhs, terms), sums
            if not m.group(2):
                sums[round(value, 9)] = (i, terms, lhs)
        half = re.fullmatch(r"([\d.]+)/(\d+)", flat)
        if half and round(float(half.group(1)), 9) in sums:
            _, terms, _ = sums[round(float(half.group(1)), 9)]
            if int(half.group(2)) == len(terms):
                return (i, lhs, terms), sums
    return None, sums


# each worker's time for the whole job on their own ("alone", "Pipe A can fill the pool in 4
# hours"), and a question about working together
_ALONE = re.compile(r"(?i)\b(?:alone|by\s+(?:him|her|them|it|my|your)sel(?:f|ves)|on\s+(?:his|her|their|its|my)\s+own)\b|"
                    r"\bcan\s+[a-z]+(?:\s+[a-z']+){0,5}\s+in\s+\d")
_ASKS_TOGETHER = re.compile(r"(?i)\b(?:together|both|all\s+(?:two|three|\d)|at\s+the\s+same\s+time|work(?:ing)?\s+with)\b")
_ASKS_HOW_LONG = re.compile(r"(?i)\bhow\s+(?:long|many\s+(?:hours|minutes|days|seconds|weeks))\b")
_SAYS_TOGETHER = re.compile(r"(?i)\b(?:together|combined|both)\b")


def _work_times_averaged(text: str, step_texts: Sequence[str]) -> Relation | None:
    """Workers' times for one job put together as numbers: Ana paints the fence alone in 6
    hours and Leo in 3; together they take 6 × 3 / (6 + 3) = 2 hours (their rates, 1/6 and 1/3
    of the fence an hour, add), not the mean of the times, (6 + 3) / 2 = 4.5, nor their sum,
    9 — both longer than the faster worker alone. The mean is named wherever it is worked;
    the sum where the answer is it or its step says it is the time together (it is a right part
    of 6 × 3 / (6 + 3))."""
    asked = re.split(r"(?<=[.!?])\s+", text.strip())[-1]
    if not (_ALONE.search(text) and _ASKS_TOGETHER.search(asked) and _ASKS_HOW_LONG.search(asked)
            and not re.search(r"(?i)\balone\b", asked)):
        return None
    times = {v for v, q in given_quantities(text).items() if q.unit == frozenset({("time", 1)})}
    if len(times) < 2:
        return None
    mean, sums = _mean_worked(step_texts, lambda terms, i: len(terms) == len(times)
                              and {Fraction(t) for t in terms} == times)
    # a sum its step says is the time together is named there, unless the mean comes first
    said = sorted((s for s in sums.values() if _SAYS_TOGETHER.search(step_texts[s[0]])), key=lambda s: s[0])
    if said and (mean is None or said[0][0] < mean[0]):
        i, terms, lhs = said[0]
        return Relation(i, "work times added", written(lhs), {"a": terms[0], "b": terms[1]})
    if mean is not None:
        return Relation(mean[0], "work times averaged", written(mean[1]), {"a": mean[2][0], "b": mean[2][1]})
    last = answer_computation(step_texts)
    if last is not None and round(last[2], 9) in sums and sums[round(last[2], 9)][0] == last[0]:
        i, terms, _ = sums[round(last[2], 9)]
        return Relation(i, "work times added", written(last[1]), {"a": terms[0], "b": terms[1]})
    return None


_PART_WORDS = {"half": Fraction(1, 2), "third": Fraction(1, 3), "quarter": Fraction(1, 4), "fourth": Fraction(1, 4),
               "fifth": Fraction(1, 5), "sixth": Fraction(1, 6), "seventh": Fraction(1, 7), "eighth": Fraction(1, 8),
               "ninth": Fraction(1, 9), "tenth": Fraction(1, 10)}
# "30% of the shirts that were left", "1/4 of the remaining students", "half of the rest"
_OF_THE_REST = re.compile(
    r"(?i)(?P<part>\(?\d+\s*/\s*\d+\)?|\d+(?:\.\d+)?\s*(?:%|percent)|half|(?:a|one)\s+(?:third|quarter|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth))\s+of\s+(?:the\s+|her\s+|his\s+|their\s+|its\s+)?(?:remaining|remainder|rest|"
    r"what\s+(?:was|is|remained|remains)(?:\s+left)?|[a-z]+\s+(?:that|which)\s+(?:was|were|is|are)\s+left|"
    r"[a-z]+\s+(?:that|which)\s+remain(?:ed|s)?|"
    # "of the eggs left", not "of the girls left early" (left: went away)
    r"[a-z]+\s+left(?=\s*(?:[,.;?]|$|over\b|in\b|on\b|at\b|to\b|for\b|were\b|was\b|are\b|is\b)))")
# "so 300 left", "$180 remains": the amount a step says is left
_LEFT_AMOUNT = re.compile(r"(?i)(?<![\d.,/])\$?(\d[\d,]*(?:\.\d+)?)(?![\d/])\s*(?:[a-z]+\s+){0,2}?(?:left|remain(?:s|ed|ing)?)\b")


def _part(said: str) -> Fraction | None:
    """The share a phrase names: "30%" -> 3/10, "(2/5)" -> 2/5, "a third" -> 1/3."""
    said = said.strip("() ").lower()
    if m := re.fullmatch(r"(\d+)\s*/\s*(\d+)", said):
        return Fraction(int(m.group(1)), int(m.group(2))) if int(m.group(2)) else None
    if m := re.fullmatch(r"(\d+(?:\.\d+)?)\s*(?:%|percent)", said):
        return Fraction(m.group(1)) / 100
    return _PART_WORDS.get(said.split()[-1])


# a number as the problem writes it (not a part of a fraction: "3" in "3/4")
_WRITTEN_NUMBER = re.compile(r"(?<![\d.,/])\d[\d,]*(?:\.\d+)?(?![\d/])")
_SHARE_OF = re.compile(r"(?i)(?P<part>\(?\d+\s*/\s*\d+\)?|\d+(?:\.\d+)?\s*(?:%|percent)|half|(?:a|one)\s+(?:third|quarter|"
                       r"fourth|fifth|sixth|seventh|eighth|ninth|tenth))\s+of\b")


def _rest_taken_of_whole(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A share of what is left taken of the whole instead: "it sold 30% of the shirts that were
    left" after 250 - 50 = 200 is 30% of 200, not 250 × 0.30. Named where a step's computation
    comes to the share of a number the work already took from (250, the first number of an
    earlier subtraction, or a given the work says is down to less), or of a number the problem
    gives before the share while the work has taken nothing from it yet ("1/3 of her $120 on a
    jacket and 1/4 of the rest": 120 ÷ 4)."""
    parts = [(p, m.group("part"), m.start()) for m in _OF_THE_REST.finditer(text) if (p := _part(m.group("part")))]
    if not parts:
        return None
    taken: list[tuple[int, Fraction, Fraction]] = []  # (step, the number taken from, what was left)
    # ("360/6 = 60, so 300 left": what a step says is left, of any larger number the problem gives)
    givens = [Fraction(str(g)) for g in numbers_in(text)]
    for k, t in enumerate(step_texts):
        for m in _LEFT_AMOUNT.finditer(t):
            v = Fraction(m.group(1).replace(",", ""))
            taken += [(k, g, v) for g in givens if 0 < v < g]
    worked = list(computations(step_texts))
    for i, lhs, value in worked:
        flat = lhs.replace(" ", "")
        written_here = numbers_in(lhs)
        for part, said, at in parts:
            for j, whole, rest in sorted(taken, key=lambda t: -t[0]):  # (what is left by then)
                if (j < i and abs(value - float(part * whole)) < 1e-6 and part * whole != part * rest
                        and any(abs(v - float(whole)) < 1e-9 for v in written_here)):
                    return Relation(i, "share of the rest taken of the whole", written(lhs),
                                    {"part": said.strip("() "), "whole": num(whole), "rest": num(rest)})
            # nothing taken from the whole yet: the rest is what the problem's one earlier share
            # leaves. Only a product or quotient (not "30 - 15 - 5" coming to a third of 30), not
            # the earlier share's own value (half, then half of the rest: 600 ÷ 2 is the first),
            # and not of a number the work found as what is left ("24 - 12 - 4 = 8", then 8 ÷ 2)
            shares = list(_SHARE_OF.finditer(text[:at]))
            earlier = [_part(m.group("part")) for m in shares]
            if len(earlier) != 1 or earlier[0] is None or not 0 < earlier[0] < 1:
                continue
            terms = [evaluate(t) for t in re.split(r"\+", flat.replace("(", "").replace(")", ""))]
            if len(terms) == 2 and None not in terms and sorted(terms) == sorted([earlier[0], part]):
                # "30% + 50% = 80% sold": the second share is of what the first leaves, not of the whole
                return Relation(i, "shares of different wholes added", written(lhs),
                                {"first": shares[0].group("part").strip("() "), "part": said.strip("() ")})
            if not re.search(r"[*/]", flat):
                continue
            found = {round(v, 9) for k, _, v in worked if k < i}
            for whole in {Fraction(w.replace(",", "")) for w in _WRITTEN_NUMBER.findall(text[:at])}:
                if (whole > 1 and abs(value - float(part * whole)) < 1e-6 and part != earlier[0]
                        and round(float(whole), 9) not in found
                        and not any(t[1] == whole and t[0] < i for t in taken)
                        and any(abs(v - float(whole)) < 1e-9 for v in written_here)):
                    return Relation(i, "share of the rest taken of the whole", written(lhs),
                                    {"part": said.strip("() "), "whole": num(whole),
                                     "rest": num(whole * (1 - earlier[0]))})
        m = re.match(r"\(?(\d+(?:\.\d+)?)-", flat)
        # (not "1 - 1/4 = 3/4": a share worked out, not an amount taken from)
        if m and 0 < value < float(m.group(1)) and float(m.group(1)) > 1:
            taken.append((i, Fraction(m.group(1)), Fraction(str(round(value, 9)))))
    return None


def _digits_swapped(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with two neighbouring digits swapped ("3.5" as "5.3", "45" as "54")."""
    da, db = a.replace(".", ""), b.replace(".", "")
    if len(a) != len(b) or a.find(".") != b.find(".") or da == db or sorted(da) != sorted(db):
        return False
    diff = [k for k in range(len(da)) if da[k] != db[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1


def _given_misread(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A number the problem gives, copied with two digits swapped (3.5 km as "5.3 km"): a step
    computes with a number nothing gives or works out, that is a given with two neighbouring
    digits swapped, and no step uses that given."""
    givens = {g.replace(",", "") for g in _WRITTEN_NUMBER.findall(text)}
    said = {w.replace(",", "") for t in step_texts for w in _WRITTEN_NUMBER.findall(t)}
    known = {Fraction(g) for g in givens}
    for i, lhs, value in computations(step_texts):
        for w in _WRITTEN_NUMBER.findall(lhs):
            w = w.replace(",", "")
            if Fraction(w) in known:
                continue
            misread = [g for g in givens if g not in said and _digits_swapped(g, w)]
            if misread:
                return Relation(i, "given misread", written(lhs), {"given": misread[0], "written": w})
        known |= {Fraction(str(round(value, 9)))} | {Fraction(v.replace(",", "")) for v in
                                                     _WRITTEN_NUMBER.findall(step_texts[i])}
    return None


# a rate that takes away from what another adds ("a leak drains 8 gallons per minute")
_DRAINS = re.compile(r"(?i)\b(?:leak\w*|drain\w*|empt(?:y|ies|ying)|pumps?\s+out|lets?\s+out|evaporat\w*)\b")
_TOWARD = re.compile(r"(?i)\b(?:toward|towards)\s+each\s+other\b|\bapproach\w*\s+each\s+other\b")
# a question about how the two rates differ, where their difference is the point
_ASKS_DIFFERENCE = re.compile(r"(?i)\b(?:farther|further|more|less|faster|slower|difference|ahead|behind|apart)\b")


def _rates_against(text: str, step_texts: Sequence[str]) -> Relation | None:
    """Two rates of one unit that work against each other put together the wrong way: a tank
    filled at 20 gallons a minute while a leak drains 8 fills at 20 − 8, not 20 + 8 ("opposing
    rates added"); two cars driving toward each other at 55 and 45 mph close the gap at 55 + 45,
    not 55 − 45 ("closing speeds subtracted"). Only the problem's two rates, written as a sum or
    difference of the two, and not where the question asks how they differ."""
    if _ASKS_DIFFERENCE.search(question_of(text)):
        return None
    rates = [(v, q) for v, q in given_quantities(text).items() if ("time", -1) in q.unit]
    if not rates:
        return _job_rates_against(text, step_texts)
    if len(rates) != 2 or rates[0][1].unit != rates[1][1].unit:
        return None
    (a, _), (b, _) = rates
    if _TOWARD.search(text):
        wrong, name = "-", "closing speeds subtracted"
    else:
        clauses = re.split(r"[,.;?]|\b(?:but|while|and)\b", text)
        drains = [v for v in (a, b) for c in clauses
                  if v in {Fraction(str(x)) for x in numbers_in(c)} and _DRAINS.search(c)]
        if len(drains) != 1:
            return None
        wrong, name = "+", "opposing rates added"
    for i, lhs, _ in computations(step_texts):
        m = re.fullmatch(r"\(?([\d.]+)([+-])([\d.]+)\)?", lhs.replace(" ", ""))
        if m and m.group(2) == wrong and {Fraction(m.group(1)), Fraction(m.group(3))} == {a, b}:
            # (in the order the step writes them)
            return Relation(i, name, written(lhs), {"a": m.group(1), "b": m.group(3)})
    return None


# (not "an empty tank": emptying is what a drain does)
_EMPTIES = re.compile(r"(?i)\b(?:leak\w*|drain\w*|empties|emptying|(?:can|to|will|would)\s+empty|pumps?\s+out|"
                      r"lets?\s+out)\b")


def _job_rates_against(text: str, step_texts: Sequence[str]) -> Relation | None:
    """The same for a job's times: a pipe fills the tank in 3 hours and a drain empties it in 5;
    together the tank fills by 1/3 − 1/5 of itself an hour, not 1/3 + 1/5."""
    if not _ALONE.search(text):
        return None
    times = [v for v, q in given_quantities(text).items() if q.unit == frozenset({("time", 1)})]
    clauses = re.split(r"[,.;?]|\b(?:but|while|and)\b", text)
    drains = [t for t in times for c in clauses
              if t in {Fraction(str(x)) for x in numbers_in(c)} and _EMPTIES.search(c)]
    if len(times) != 2 or len(drains) != 1:
        return None
    for i, lhs, _ in computations(step_texts):
        m = re.fullmatch(r"\(?1/([\d.]+)\)?\+\(?1/([\d.]+)\)?", lhs.replace(" ", ""))
        if m and {Fraction(m.group(1)), Fraction(m.group(2))} == set(times):
            return Relation(i, "opposing rates added", written(lhs), {"a": f"1/{m.group(1)}", "b": f"1/{m.group(2)}"})
    return None


_UP = re.compile(r"(?i)\b(?:increase\w*|rise|rose|grow\w*|grew|rais\w*|gain\w*|markup|mark\s+up)\b")
_DOWN = re.compile(r"(?i)\b(?:decrease\w*|drop\w*|fall|fell|shr[iu]nk\w*|discount\w*|markdown|mark\s+down|"
                   r"lower\w*|reduc\w*|off)\b")


def _two_amounts(text: str, question: str) -> tuple[Fraction, Fraction] | None:
    """``(start, end)`` of a change said without "from … to …" ("was $40 last year and is $50
    now"): the problem's only two numbers, ordered by the direction the question asks (an
    increase starts at the smaller, a decrease at the larger); ``None`` when there are more
    numbers or the question names no single direction."""
    up, down = _UP.search(question) is not None, _DOWN.search(question) is not None
    amounts = {Fraction(str(x)) for x in numbers_in(text)}
    if up == down or len(amounts) != 2 or number_count(text) != 2:
        return None
    low, high = sorted(amounts)
    return (low, high) if up else (high, low)


_ASKS_MEDIAN = re.compile(r"(?i)\bmedian\b")


def listed_set(problem_text: str) -> tuple[Fraction, ...] | None:
    """The values of the one list of three or more numbers the problem writes ("82, 90, 75,
    88, and 95"; units after each and a typographic minus allowed), in the order written, or
    ``None`` (no list, or two)."""
    lists = _LIST.findall(_as_list(words_to_digits(problem_text)))
    if len(lists) != 1:
        return None
    return tuple(Fraction(v.replace(",", "")) for v in re.findall(rf"-?(?:{_LISTED})", lists[0]))


def asked_median(problem_text: str) -> Fraction | None:
    """The median the question asks for, where the problem lists one set of numbers, or
    ``None``."""
    text = words_to_digits(problem_text)
    listed = listed_set(problem_text) if _ASKS_MEDIAN.search(question_of(text)) else None
    if listed is None:
        return None
    ordered = sorted(listed)
    middle = ordered[(len(ordered) - 1) // 2:len(ordered) // 2 + 1]
    return sum(middle) / len(middle)


def _median_unsorted(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A median taken from the middle of the list as the problem writes it, not put in order
    ("3, 9, 4, 7, 12, 5": the middle two as written are 4 and 7; in order, 5 and 7)."""
    if not _ASKS_MEDIAN.search(question_of(text)):
        return None
    lists = _LIST.findall(text)
    if len(lists) != 1:
        return None
    values = [Fraction(v.replace(",", "")) for v in re.findall(rf"-?(?:{_LISTED})", lists[0])]
    n = len(values)
    ordered = sorted(values)
    mid = slice((n - 1) // 2, n // 2 + 1)
    as_written, right = values[mid], ordered[mid]
    if sorted(as_written) == sorted(right) or sum(as_written) == sum(right):
        return None
    unsorted_median = sum(as_written) / len(as_written)
    for i, step in enumerate(step_texts):
        # a step that sorts the list (either way round) is right whatever it says next
        said = [Fraction(str(x)) for x in numbers_in(step)]
        if len(said) >= n and said[:n] in (ordered, ordered[::-1]):
            return None
        pair = [x for x in said if x in as_written]
        results = [Fraction(str(eq.rhs_value)).limit_denominator(1000) for eq in check_step(step, i + 1).equations
                   if eq.rhs_value is not None]
        names_middle = re.search(r"(?i)\b(?:middle|median)\b", step) is not None
        if (len(as_written) == 2 and sorted(pair[:2]) == sorted(as_written)) or unsorted_median in results or (
                len(as_written) == 1 and names_middle and said[-1:] == as_written):
            return Relation(i, "median unsorted", ", ".join(num(v) for v in as_written),
                            {"list": ", ".join(num(v) for v in values)})
    return None


def _percent_change_base(text: str, step_texts: Sequence[str]) -> Relation | None:
    question = question_of(text)
    if not _ASKS_CHANGE.search(question) or _OTHER_BASE.search(text) or question.count("?") > 1:
        return None
    pairs = _FROM_TO.findall(text)
    # another amount besides the pair ("on Tuesday it lost $20", "down to $40"): which change
    # the question means is not read
    if number_count(text) != 2:
        return None
    if len(pairs) == 1:
        start, end = (Fraction(v.replace(",", "")) for v in pairs[0])
    elif pairs or (start_end := _two_amounts(text, question)) is None:
        return None
    else:
        start, end = start_end
    change = abs(end - start)
    if not change or not end:
        return None
    for i, lhs, _ in computations(step_texts):
        div = _division(lhs)
        if div and div[0] == change:  # only the first division of the change is the answer's
            if div[1] != end:
                return None
            return Relation(i, "percent change base", f"{num(change)} / {num(end)}",
                            {"change": num(change), "start": num(start), "divisor": num(end)})
    return None


_ASKS_AROUND = re.compile(r"\b(?:perimeter|around|fenc\w*|border|trim|edg\w*)\b")
_ASKS_INSIDE = re.compile(r"\b(?:area|cover\w*|carpet\w*|tiles?|paint\w*|glass|grass|square\s+(?:feet|foot|"
                          r"inch\w*|yards?|units?|cm|m|ft|in|km|miles?|met(?:er|re)s?|centimet\w*|millimet\w*|"
                          r"kilomet\w*))\b")


def asks_shape(text: str, extra_around: str | None = None) -> tuple[bool, bool]:
    """Whether the question asks the way round ("fence around", "border"; also the words of
    the regex ``extra_around``) and whether it asks the space inside ("carpet", "square
    feet"), in everyday words."""
    question = question_of(text).lower()
    around = _ASKS_AROUND.search(question) is not None or (
        extra_around is not None and re.search(rf"\b(?:{extra_around})\b", question) is not None)
    return around, _ASKS_INSIDE.search(question) is not None


def _rectangle(text: str, step_texts: Sequence[str]) -> Relation | None:
    if not _a_rectangle(text):
        return None
    lengths = [v for v, q in given_quantities(text).items() if dict(q.unit) == {"length": 1}]
    by = _BY.findall(text)
    if len(by) == 1 and not _BOX_BY.search(text):  # "a floor 9 ft by 14 ft" (beside "tiles 1 ft on a side")
        lengths = [Fraction(x) for x in by[0]]
    if len(lengths) != 2 or lengths[0] == lengths[1]:
        return None
    sides = set(lengths)
    comps = list(computations(step_texts))
    if _CHANGED_SIZE.search(text):  # "half its perimeter", "5 feet longer": other sums are right
        return None
    asks_around, asks_inside = asks_shape(text)
    others = {Fraction(str(x)) for x in numbers_in(text)} - sides
    for n, (i, lhs, value) in enumerate(comps):
        operands = numbers_in(lhs)
        if Fraction(str(value)).limit_denominator(10**6) in others:
            continue  # the value the problem gives ("fencing 40 feet": 4 x 10 = 40 may be worked out)
        # "12 + 7 + 12 + 7", "2 x 9 + 2 x 14": all the way round
        a, b = sorted(sides, reverse=True)
        around = (sorted(Fraction(str(x)) for x in operands) == sorted([*sides, *sides])
                  and re.fullmatch(r"[\d.\s()+]+", lhs) is not None) or (
            abs(value - 2 * (a + b)) < 1e-9 and set(Fraction(str(x)) for x in operands) == {2, a, b}
            and re.fullmatch(r"[\d.\s()+*]+", lhs) is not None)
        # (used again later it may be a part of the work, unless the step calls it an area:
        # "2 * (14 + 6) = 40 square meters")
        if around and asks_inside and not asks_around and "perimeter" not in step_texts[i].lower() \
                and (_SAYS_AREA.search(step_texts[i]) or
                     not any(abs(x - value) < 1e-9 for _, later, _ in comps[n + 1:] for x in numbers_in(later))):
            a, b = sorted(sides, reverse=True)
            return Relation(i, "perimeter for area", written(lhs), {"length": num(a), "width": num(b)})
        if len(operands) != 2 or {Fraction(str(x)) for x in operands} != sides:
            continue
        words = step_texts[i].lower()
        perimeter = "perimeter" in words or _P_LABEL.match(step_texts[i]) is not None
        area = re.search(r"\barea\b", words) is not None or _A_LABEL.match(step_texts[i]) is not None
        if not (perimeter or area) and n == len(comps) - 1 and asks_around != asks_inside:
            perimeter, area = asks_around, asks_inside
        adds = re.fullmatch(r"[\d.\s()]+\+[\d.\s()]+", lhs) is not None
        multiplies = re.fullmatch(r"[\d.\s()]+\*[\d.\s()]+", lhs) is not None
        # the result used again ("8 + 5 = 13", then "13 x 2 = 26", "13 ÷ 2", "35 x 2 x 4"), or
        # doubled in words: a part of the way round, on purpose
        used = any(abs(x - value) < 1e-9 for _, later, _ in comps[n + 1:] for x in numbers_in(later))
        # (used again only as a count of laps, "150 x 3" for 3 times round, it is not doubled)
        # (divided, "24 ÷ 4 = 6" for a square's side, it is taken as the whole way round)
        completed = any(sum(abs(x - value) < 1e-9 for x in numbers_in(later)) > 1 or (
            any(abs(x - value) < 1e-9 for x in numbers_in(later)) and not re.fullmatch(r"[\d.\s()]+\*[\d.\s()]+", later)
            and not re.fullmatch(r"\s*\(?[\d.]+\)?\s*/\s*\(?[\d.]+\)?\s*", later)
            or 2 in numbers_in(later)) for _, later, _ in comps[n + 1:]
            if any(abs(x - value) < 1e-9 for x in numbers_in(later)))
        # (an area then counted a few times round, "4000 x 3", is still no perimeter)
        halved_or_doubled = any(abs(x - value) < 1e-9 and 2 in numbers_in(later) for _, later, _ in comps[n + 1:]
                                for x in numbers_in(later))
        doubled = completed or re.search(r"(?i)\b(?:twice|double\w*|two\s+times|half)\b",
                                    " ".join(step_texts[i:])) is not None
        name = None
        if perimeter and not area and adds and not doubled:
            name = "half perimeter"
        elif perimeter and not area and multiplies and 2 not in sides and not (
                halved_or_doubled or re.search(r"(?i)\b(?:twice|double\w*|two\s+times|half)\b", " ".join(step_texts[i:]))):
            name = "area for perimeter"  # (a side of 2: "2 x 9" may double the 9)
        elif area and not perimeter and adds and not used:
            name = "perimeter for area"
        if name:
            a, b = sorted(sides, reverse=True)
            return Relation(i, name, written(lhs),
                            {"length": num(a), "width": num(b)})
    return None


# a square shape, not a square unit ("square feet") or a square root
SQUARE_SHAPE = re.compile(r"(?i)\bsquare\b(?!\s+(?:feet|foot|inch\w*|meters?|metres?|yards?|units?|cm|m|km|miles?|ft|in|"
                     r"root|number)\b)")


def _square(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A square's area worked as 4 × side (its perimeter), or its perimeter as side × side,
    where the step says which it works out ("Area = …", "P = …") or, in the answer's
    computation, the question does."""
    if not SQUARE_SHAPE.search(text) or _RECTANGLE.search(text) or _CHANGED_SIZE.search(text):
        return None
    lengths = [v for v, q in given_quantities(text).items() if dict(q.unit) == {"length": 1}]
    comps = list(computations(step_texts))
    if len(lengths) != 1 or not comps:
        return None
    side = lengths[0]
    # the side is the problem's only number: a 4 of its own ("4 inches tall") is not "4 sides"
    if any(Fraction(str(x)) != side for x in numbers_in(text)):
        return None
    if side in (2, 4):  # "4 x 4" or "2 x 4": four sides, or side times side?
        return None
    asked = asks_shape(text)
    for n, (i, lhs, value) in enumerate(comps):
        # what the step says it works out ("Area = …", "P = …"), else, for the answer's
        # computation, what the question asks
        words = step_texts[i].lower()
        label = ("perimeter" in words or _P_LABEL.match(step_texts[i]) is not None,
                 re.search(r"\barea\b", words) is not None or _A_LABEL.match(step_texts[i]) is not None)
        asks_around, asks_inside = label if any(label) else asked if n == len(comps) - 1 else (False, False)
        operands = [Fraction(str(x)) for x in numbers_in(lhs)]
        if asks_inside and not asks_around and sorted(operands) in ([4, side], [side] * 4) \
                and abs(value - 4 * side) < 1e-9:
            name = "perimeter for area"
        elif asks_around and not asks_inside and operands == [side, side] \
                and abs(value - side * side) < 1e-9 and "+" not in lhs:
            name = "area for perimeter"
        else:
            continue
        return Relation(i, name, written(lhs), {"length": num(side), "width": num(side), "shape": "square"})
    return None


_HOURS_MINUTES = re.compile(r"(?i)(\d+)\s*(?:hours?|hrs?|h)\s*(?:and\s+)?(\d+)\s*(?:minutes?|mins?)\b")


def _minutes_as_hundredths(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A decimal number of hours worked out, then said in hours and minutes with its decimals
    read as minutes ("30 ÷ 12 = 2.5 hours", then "2.5 hours = 2 hours and 50 minutes"). The
    hours and minutes must restate that decimal: in the same step, or as the whole of the
    next one; not an amount the problem gives, nor a sum."""
    previous: float | None = None
    for i, step in enumerate(step_texts):
        for m in _HOURS_MINUTES.finditer(step):
            hours, minutes = int(m.group(1)), int(m.group(2))
            if re.search(rf"(?i)\b{hours}\s*(?:hours?|hrs?|h)\s*(?:and\s+)?{minutes}\s*(?:minutes?|mins?)", text) \
                    or re.search(r"[-+−]|\bplus\b|\btotal\b", step):
                continue
            decimals = [float(x) for x in re.findall(r"(?<![\d.])\d+\.\d+(?![\d.])", step[:m.start()])]
            for r in decimals + ([previous] if previous is not None and not decimals else []):
                part = r - int(r)
                if (int(r) == hours and 0 < part < 1 and round(part * 100) == minutes
                        and abs(part * 60 - minutes) > 1e-6 and abs(part * 100 - minutes) < 1e-6):
                    return Relation(i, "minutes as hundredths", m.group(0),
                                    {"hours": num(r), "part": num(round(part, 4)), "minutes": str(minutes)})
        results = [eq.rhs_value for eq in check_step(step, i + 1).equations if eq.rhs_value is not None]
        previous = results[-1] if results else None
    return None


# units written as a whole number of one and some of a smaller one: (big, small, how many small
# make one big, the small unit's words)
_MIXED_UNITS = (("hours?|hrs?|h", "minutes?|mins?", 60, "hour", "minutes"),
                ("minutes?|mins?", "seconds?|secs?", 60, "minute", "seconds"),
                ("pounds?|lbs?", "ounces?|oz", 16, "pound", "ounces"),
                ("feet|foot|ft", "inch(?:es)?|in", 12, "foot", "inches"),
                ("yards?|yd", "feet|foot|ft", 3, "yard", "feet"),
                ("gallons?|gal", "quarts?|qt", 4, "gallon", "quarts"))


def mixed_as_decimal(text: str, step_texts: Sequence[str]) -> Relation | None:
    """An amount in two units (in the problem or a step) said as a decimal of the bigger unit
    whose decimals are the smaller unit's number ("2 hours 45 minutes", then "2.45 hours"; "3
    pounds 4 ounces" as "3.4 pounds"): the base-10 reading of a unit that is not split in 10s
    or 100s."""
    for big, small, per, one, smalls in _MIXED_UNITS:
        mixed = re.compile(rf"(?i)(?<![\d.])(\d+)\s*(?:{big})\.?\s*(?:and\s+)?(\d+)\s*(?:{small})\b")
        # said before the decimal: a mixed amount first written after it ("1.25 hours is 1 hour
        # 25 minutes") is the decimal misread, the other way round ("minutes as hundredths")
        said = {(int(m.group(1)), m.group(2)) for m in mixed.finditer(text)}
        decimal = re.compile(rf"(?i)(?<![\d.])(\d+)\.(\d+)\s*(?:{big})\b")
        for i, step in enumerate(step_texts):
            for m in decimal.finditer(step):
                whole, digits = int(m.group(1)), m.group(2)
                part = int(digits)
                here = {(int(x.group(1)), x.group(2)) for x in mixed.finditer(step[:m.start()])}
                if ((whole, digits) in said | here and 0 < part < per
                        and part * 10 ** -len(digits) != part / per):
                    return Relation(i, "mixed units as a decimal", m.group(0),
                                    {"whole": str(whole), "part": str(part), "decimal": f"{whole}.{digits}",
                                     "big": m.group(0).split()[-1] if " " in m.group(0) else one,
                                     "one": one, "smalls": smalls, "per": str(per)})
            said |= {(int(x.group(1)), x.group(2)) for x in mixed.finditer(step)}
    return None


def _rate_backwards(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A rate worked out right but named the wrong way round: "12 laps in 36 minutes", then
    "36 ÷ 12 = 3 laps per minute" (36 minutes shared among 12 laps gives minutes per lap).
    Read only for two of the problem's counts, each written once with its noun."""
    nouns: dict[Fraction, str] = {}
    said: dict[Fraction, str] = {}
    for m in re.finditer(r"(?<![\d.,$])(\d+(?:\.\d+)?)\s+([a-z]+)\b", text):
        v = Fraction(m.group(1))
        nouns[v] = "" if v in nouns else singular(m.group(2))
        said[v] = m.group(2)
    for i, step in enumerate(step_texts):
        # "36 ÷ 12 = 3 laps per minute", or "each pancake takes 12 ÷ 3 = 4 cups"
        found = [(m.group(1), m.group(2), m.group(3), m.group(4), m.group(0)) for m in re.finditer(
            r"(\d+(?:\.\d+)?)\s*(?:÷|/)\s*(\d+(?:\.\d+)?)\s*=\s*\$?\d+(?:\.\d+)?\s+([a-z]+)\s+(?:per|an?|each)\s+"
            r"([a-z]+)\b", step)]
        found += [(m.group(2), m.group(3), m.group(4), m.group(1), m.group(0)) for m in re.finditer(
            r"(?i)\b(?:each|every|one|per)\s+([a-z]+)\s+(?:takes|needs|uses|gets|holds|costs|makes)\s+"
            r"(\d+(?:\.\d+)?)\s*(?:÷|/)\s*(\d+(?:\.\d+)?)\s*=\s*\$?\d+(?:\.\d+)?\s+([a-z]+)\b", step)]
        for top_n, bottom_n, top_said, bottom_said, written in found:
            a, b = nouns.get(Fraction(top_n)), nouns.get(Fraction(bottom_n))
            top, bottom = singular(top_said.lower()), singular(bottom_said.lower())
            if a and b and a != b and (top, bottom) == (b, a):
                expr = re.search(r"\d+(?:\.\d+)?\s*(?:÷|/)\s*\d+(?:\.\d+)?", written).group(0)
                return Relation(i, "rate named backwards", expr,
                                {"top": top_n, "bottom": bottom_n, "said": f"{top_said} per {bottom_said}",
                                 "right": f"{said[Fraction(top_n)]} per {b}"})
    return None


def _changed_kind(text: str, step_texts: Sequence[str]) -> Relation | None:
    """The answer stated as another kind of amount than the work's last result ("= 40 m",
    then "The fence costs $40."): the step that turns it into what the question asks was
    left out. Only a concluding step that computes nothing is read, and only the result of
    the last computation before it: elsewhere the same number of two kinds is common."""
    comps = list(computations(step_texts))
    stated = [k for k, t in enumerate(step_texts) if numbers_in(t)]
    if not comps or not stated:
        return None
    k = stated[-1]
    i, _, value = comps[-1]
    if i >= k or any(c[0] == k for c in comps):
        return None
    value = Fraction(str(value))
    given = {Fraction(str(x)) for x in numbers_in(text)}
    if 1 in given:  # a rate of 1 ("$1 per foot"): the same number of two kinds is right
        return None
    before = [a for a in amounts_in(step_texts[i]) if a.value == value and a.parts == 1]
    after = [a for a in amounts_in(step_texts[k]) if a.parts == 1]
    if value in given or len(before) != 1 or len(after) != 1 or after[0].value != value:
        return None
    was, now = measure_of(before[0].unit), measure_of(after[0].unit)
    if was is None or now is None or was == now:
        return None
    said = f"${num(value)}" if after[0].unit == "$" else f"{num(value)} {after[0].unit}"
    return Relation(k, "changed kind", said, {"value": num(value), "unit": before[0].unit, "measure": was,
                                                "as_measure": now, "found_in": i + 1})


_CENTS = re.compile(r"(?i)(?<![\d.$])(\d+(?:\.\d+)?)\s*(?:cents?\b|¢)")


def _cents_as_dollars(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A total worked out from prices in cents ("25 cents per day": 18 × 25 = 450) said in
    dollars without changing the unit ("Leo owes $450"), in a problem that writes no amount
    in dollars. The step named is the one that writes the dollar sign."""
    cents = {Fraction(c) for c in _CENTS.findall(text)}
    if not cents or "$" in text or re.search(r"(?i)\bdollars?\b", _CENTS.sub(" ", text).replace(question_of(text), "")):
        return None
    comps = list(computations(step_texts))
    if any(re.search(r"[/÷]\s*100\b|\*\s*0?\.01\b", lhs) for _, lhs, _ in comps) or \
            any(re.search(r"(?i)\bcents?\b|¢", t) for t in step_texts):
        return None
    results = {Fraction(str(v)).limit_denominator(10**6) for _, _, v in comps}
    if not any(c in {Fraction(str(x)) for x in numbers_in(lhs)} for _, lhs, _ in comps for c in cents):
        return None
    for k, t in enumerate(step_texts):
        for m in re.finditer(r"\$\s*(\d+(?:,\d{3})*(?:\.\d+)?)", t):
            value = Fraction(m.group(1).replace(",", ""))
            if value in results and value not in cents and value >= 100:
                return Relation(k, "cents as dollars", f"${m.group(1)}", {"value": m.group(1)})
    return None


_DAILY_FOR_WEEKS = re.compile(r"(?i)\b(?:every|each|a|per)\s+day\s+for\s+(\d+)\s+weeks?\b|"
                              r"\bfor\s+(\d+)\s+weeks?,?\s+(?:[a-z]+\s+){0,5}?(?:every|each|a|per)\s+day\b")


def _weeks_as_days(text: str, step_texts: Sequence[str]) -> Relation | None:
    """Something done every day for some weeks ("Every day for 2 weeks, Tom takes 3 marbles")
    multiplied by the number of weeks as if it were days ("3 × 2"), where no step counts the
    days (writes 7 or the weeks times 7)."""
    m = _DAILY_FOR_WEEKS.search(text)
    if m is None:
        return None
    weeks = Fraction(m.group(1) or m.group(2))
    if numbers_in(text).count(float(weeks)) != 1:
        return None
    said = {Fraction(str(v)) for t in step_texts for v in numbers_in(words_to_digits(t))}
    if 7 in said or 7 * weeks in said:
        return None
    for i, lhs, _ in computations(step_texts):
        read = operands(lhs)
        if read is not None and read[0] is ast.Mult and weeks in (read[1], read[2]):
            return Relation(i, "weeks as days", written(lhs), {"weeks": num(weeks)})
    return None


_MEASURES = {"length", "money", "time", "mass", "volume"}
# the rest of a clause after an amount: a number in it makes the amount a factor, not the
# result ("Area = 8 m times 5 m = 40 m²", "4 in (width) × 11 in")
_CLAUSE_REST = re.compile(r"[^.;,!?\n]*")
_PER = re.compile(r"(?i)\bper\b|\b(?:to|in)\s+an?\s+(?:foot|yard|meter|metre|mile|inch)\b|/\s*[a-z]")
_AROUND = re.compile(r"(?i)\b(?:perimeter|around|fenc\w*|border|edge|circumference)\b")
# an area (a volume) said to be an amount: "The area is 40 m", "Area = 40 cm", "the area of the rug is 40 ft"
_SAID_AS = (r"(?i)\b{}\b(?:\s+of\s+[^=.;:!?\d]{{0,30}}?)?\s*(?:is|=|:|equals|was|will\s+be|comes\s+to)"
            r"\s*(?:about\s+|exactly\s+)?(?<![\d.,])(\d+(?:,\d{{3}})*(?:\.\d+)?)(?![\d.,]*\d)")
_AREA_SAID = re.compile(_SAID_AS.format("area"))
_VOLUME_SAID = re.compile(_SAID_AS.format("volume"))


def _unit_word(step: str, value: Fraction) -> str:
    """The unit word written right after ``value`` in ``step`` ("m", "meters"), or "$"."""
    for m in re.finditer(r"(\$\s?)?(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s?(?:π|pi\b))?\s?([A-Za-z]+)?", step):
        if Fraction(m.group(2).replace(",", "")) == value:
            return "$" if m.group(1) else (m.group(3) or "")
    return ""


def _said_amount(step: str, value: Fraction) -> str:
    """``value`` as the step writes it with its unit: "40 m", "9π m"."""
    pi = re.search(rf"(?<![\d.]){re.escape(num(value))}\s?(?:π|pi\b)", step) is not None
    return f"{num(value)}{'π' if pi else ''} {_unit_word(step, value)}"


def _area_unit(text: str, step_texts: Sequence[str]) -> Relation | None:
    """An area written in a unit of length ("5 × 8 = 40 m", "The area is 40 m.") where the
    question asks for an area: an area is in square units. Read where the step says the area
    is a number (not a factor of a product: "the area is 4 in × 11 in = 44 square inches"), or
    where the answer's computation (the last one) multiplies two lengths the problem gives."""
    if not re.search(r"(?i)\barea\b", question_of(text)):
        return None
    lengths = {a.value for a in amounts_in(text) if a.parts == 1 and measure_of(a.unit) == "length"}
    comps = list(computations(step_texts))
    # the perimeter asked too, the last product may be it ("4 × 4"); a scale's lengths ("1 cm
    # represents 2 m") are no sides to multiply
    around = asks_shape(text)[0] or re.search(r"(?i)\bscale\b|\brepresents?\b|\bstands?\s+for\b|\d\s*:\s*\d", text)
    for i, step in enumerate(step_texts):
        values = [Fraction(m.group(1).replace(",", "")) for m in _AREA_SAID.finditer(step)
                  if not re.search(r"\d", _CLAUSE_REST.match(step, m.end()).group())]
        if _A_LABEL.match(step) and numbers_in(step):  # "A = π × 3² = 9π m": A names the area
            values.append(Fraction(str(numbers_in(step)[-1])))
        if comps and comps[-1][0] == i and not around and not _PER.search(step) and not _AROUND.search(step):
            read = operands(comps[-1][1])
            if read and read[0] is ast.Mult and read[1] in lengths and read[2] in lengths:
                values.append(Fraction(str(comps[-1][2])))
        for value in values:
            if written_unit(step, value) == ("length", 1):
                return Relation(i, "area unit", _said_amount(step, value), {"unit": _unit_word(step, value)})
    return None


def _volume_unit(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A volume said in a unit of length or area ("The volume is 60000 cm²") where the question
    asks for a volume: a volume is in cubic units."""
    if not re.search(r"(?i)\bvolume\b", question_of(text)):
        return None
    for i, step in enumerate(step_texts):
        for m in _VOLUME_SAID.finditer(step):
            value = Fraction(m.group(1).replace(",", ""))
            said = written_unit(step, value)
            if not re.search(r"\d", _CLAUSE_REST.match(step, m.end()).group()) and said in (("length", 1), ("length", 2)):
                word = _unit_word(step, value)
                return Relation(i, "volume unit", f"{num(value)} {word}{'²' if said[1] == 2 and len(word) <= 2 else ''}",
                                {"unit": word})
    return None


def _wrong_unit(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A result written in the unit of one factor when the product is another kind of amount:
    a length times a price per length is money, so "40 m × $5 per meter = 200 m", or "He pays
    40 meters" for it, carries the meters over. Only a product of two amounts whose units the
    problem (or an earlier step's written unit) says is read, one of them a rate whose unit
    cancels to one kind of measure, and only where the result is written in the very unit of
    the other factor (a result in another unit of the same kind, "0.5 hours × 60 = 30 minutes",
    is a conversion); a restatement is read only in a concluding step that computes nothing,
    of the last computation's result (elsewhere the same number may be another amount)."""
    known = {v: (dict(q.unit), q.said) for v, q in given_quantities(text).items()}
    comps = list(computations(step_texts))
    for i, step in enumerate(step_texts):
        for eq in check_step(step, i + 1).equations:
            if eq.follows or eq.rhs_value is None or "=" not in eq.text:
                continue
            read = operands(eq.text.split("=")[0])
            if read is None or read[0] is not ast.Mult or 1 in read[1:] or not all(v in known for v in read[1:]):
                continue
            (ua, sa), (ub, sb) = known[read[1]], known[read[2]]
            out = dict(ua)
            for k, v in ub.items():
                out[k] = out.get(k, 0) + v
            out = {k: v for k, v in out.items() if v}
            rates = [u for u in (ua, ub) if any(v < 0 for v in u.values())]
            if len(rates) != 1 or len(out) != 1 or next(iter(out.values())) != 1 or next(iter(out)).startswith("#"):
                continue
            measure, value = next(iter(out)), Fraction(str(eq.rhs_value))
            amount = sa if rates[0] is ub else sb  # the factor that is not the rate: "40 m"
            rate_value = read[2] if rates[0] is ub else read[1]
            if _used_again(rate_value, measure, step_texts[i + 1:]):
                continue  # "5 × 4 = 20 feet" (4 sides), then "20 × 4 = $80": the rate is used later
            later = [k for k in range(i + 1, len(step_texts)) if numbers_in(step_texts[k])]
            for k in [i] + ([later[-1]] if later and comps[-1][0] == i else []):
                said, word = written_unit(step_texts[k], value), _unit_word(step_texts[k], value)
                if (said is not None and said[0] != measure and said[0] in _MEASURES
                        and factor(word, _unit_word(amount, _lead(amount))) == 1):
                    return Relation(k, "wrong unit", f"{sa} × {sb}",
                                    {"measure": measure, "said_measure": said[0], "found_in": i + 1,
                                     "unit": word, "value": num(value)})
            known.setdefault(value, (out, num(value)))
        for a in amounts_in(step):  # "= 40 m": what the student says a worked-out value is
            if a.parts == 1 and a.value not in known and measure_of(a.unit):
                known[a.value] = ({measure_of(a.unit): 1}, f"{num(a.value)} {a.unit}"
                                  if a.unit != "$" else f"${num(a.value)}")
    return None


def _converted_past(text: str, step_texts: Sequence[str]) -> Relation | None:
    """The answer worked out in the unit the question asks for, then changed into another unit
    of the same kind by the last computation ("How many minutes …": "270 ÷ 45 = 6 minutes", then
    "6 × 60 = 360 seconds")."""
    asked = re.search(rf"(?i)\bhow\s+many\s+([a-z]+)\b", question_of(text))
    comps = list(computations(step_texts))
    if asked is None or measure_of(asked.group(1)) is None or len(comps) < 2:
        return None
    unit = asked.group(1)
    (j, _, before), (i, lhs, value) = comps[-2], comps[-1]
    read = operands(lhs)
    if read is None or read[0] not in (ast.Mult, ast.Div) or Fraction(str(before)) not in read[1:] or i == j:
        return None
    said_before = [a for a in amounts_in(step_texts[j]) if a.value == Fraction(str(before))]
    said_after = [a for a in amounts_in(step_texts[i]) if a.value == Fraction(str(value)).limit_denominator(1000)]
    if not said_before or not said_after or factor(said_before[0].unit, unit) != 1:
        return None
    to = said_after[0].unit
    # (a question that asks for both units: "How many feet long is it? How many inches?")
    if any(factor(w, to) == 1 for w in re.findall(r"[A-Za-z]+", question_of(text))):
        return None
    f = factor(said_before[0].unit, to)
    if f is None or f == 1 or measure_of(to) != measure_of(unit) or Fraction(str(before)) * f != said_after[0].value:
        return None
    by = read[2] if read[1] == Fraction(str(before)) else read[1]
    return Relation(i, "converted past the answer", written(lhs), {"asked": unit, "unit": to, "by": num(by)})


def _used_again(value: Fraction, measure: str, later: Sequence[str]) -> bool:
    """Whether a later step multiplies by ``value`` and writes the product as ``measure``: then
    an earlier product by the same number used it as another number (4 sides, not $4 a foot)."""
    for k, step in enumerate(later):
        for eq in check_step(step, k + 1).equations:
            read = operands(eq.text.split("=")[0]) if eq.rhs_value is not None and "=" in eq.text else None
            said = written_unit(step, Fraction(str(eq.rhs_value))) if read else None
            if read and read[0] is ast.Mult and value in read[1:] and said and said[0] == measure:
                return True
    return False


def _lead(said: str) -> Fraction:
    """The first number of an amount as said ("40 m", "$5 per meter")."""
    return Fraction(re.search(r"\d+(?:\.\d+)?", said).group())


# "10% = 8", "so 100% = 15 × 4 = 60", "25% is $12": a percent named as the amount it is
# (not a factor: "24*50% = 12" multiplies by the percent)
_PERCENT_NAMED = re.compile(r"(?<![\d.])(?<![*×x/÷·+−-]\s)(?<![*×x/÷·+−-])(\d+(?:\.\d+)?)\s*%\s*(?:=|\bis\b)\s*([^,;]*)")


def percent_amounts(step: str) -> list[tuple[Fraction, Fraction]]:
    """``(percent, amount)`` for each percent a step names as an amount: the last value of the
    chain after it ("100% = 15 × 4 = 60": 60), not a conversion ("25% = 0.25") or a percent sum."""
    out = []
    for m in _PERCENT_NAMED.finditer(step):
        rest = m.group(2)
        if "%" in rest or not numbers_in(rest):
            continue
        written_as = evaluate(normalize_math(rest.split("=")[0]))
        if written_as is not None and Fraction(written_as).limit_denominator(10**6) == Fraction(m.group(1)) / 100:
            continue  # "75% = 3/4 × 40": the percent written another way first
        results = re.findall(r"=\s*\$?\s*(\d+(?:,\d{3})*(?:\.\d+)?)", rest)
        amount = Fraction(results[-1].replace(",", "")) if results else Fraction(str(numbers_in(rest)[0]))
        p = Fraction(m.group(1))
        if amount > 1 and amount != p / 100:
            out.append((p, amount))
    return out


def _percent_ladder(text: str, step_texts: Sequence[str]) -> Relation | None:
    """Percents of one whole named as amounts ("20% = 15", then "100% = 15 × 4 = 60"): each
    amount must be its percent's share of the first one's (100% is 5 times 20%, so 5 times
    15). Read where the problem gives one percent only (one whole)."""
    if len(re.findall(r"\d\s*%|\bpercent\b", text)) != 1:
        return None
    first = None
    for i, step in enumerate(step_texts):
        for p, amount in percent_amounts(step):
            if first is None:
                first = (p, amount)
                continue
            p1, a1 = first
            expected = a1 * p / p1
            if p != p1 and abs(amount - expected) > max(Fraction(1, 100), expected / 200):
                return Relation(i, "percent ladder", f"{num(p)}% = {num(amount)}",
                                {"percent": num(p), "amount": num(amount), "first_percent": num(p1),
                                 "first_amount": num(a1)})
    return None


# the problem's number may be a whole after a change, a rest or a comparison ("$184 after an 8%
# discount", "180 inches, 50% taller than"): percents of it are not what the ladder names
_NOT_ONE_WHOLE = re.compile(r"(?i)\b(?:not|left|more|less|remaining|rest|other|difference|change|increase\w*|"
                            r"decrease\w*|off|tip|tax|discount\w*|than|after|before|original\w*|grew|grow\w*|"
                            r"rose|rise[sn]?|extra|now|gain\w*|bonus|fell|drop\w*|shr[iu]nk\w*|raise\w*)\b")


def _one_percent_one_number(text: str) -> tuple[Fraction, Fraction] | None:
    """``(percent, number)`` of a problem that gives one percent and one other number, else
    ``None``."""
    percents = re.findall(r"(\d+(?:\.\d+)?)\s*%", text)
    others = numbers_in(re.sub(r"\d+(?:\.\d+)?\s*%", " ", text))
    if len(percents) != 1 or len(others) != 1:
        return None
    return Fraction(percents[0]), Fraction(str(others[0]))


def _percent_rung(text: str, step_texts: Sequence[str]) -> Relation | None:
    """The first percent a ladder names as an amount ("10% = 5") where that is not its share
    of the problem's one whole ("40 students, 20% of them": 10% of 40 is 4). Read where the
    problem gives one percent and one other number, and only when that number cannot be the
    part its percent names (then the whole is unknown: "36 is 90%" makes "10% = 4" right)."""
    found = _one_percent_one_number(text)
    if found is None or _NOT_ONE_WHOLE.search(text):
        return None
    p0, whole = found
    rungs = [r for step in step_texts for r in percent_amounts(step)]
    if any(a == whole for _, a in rungs):
        return None  # a rung names the problem's number ("110% = 5500"): it is not the whole
    # "20% of them", "20% of 40": the number is the whole, not the rest ("40% boys, 18 girls")
    of_it = re.search(rf"%\s*of\s+(?:them|these|those|it|\$?{re.escape(num(whole))})\b", text) is not None
    for i, step in enumerate(step_texts):
        for p, amount in percent_amounts(step):
            rest = not of_it and amount * (100 - p0) == whole * p
            if amount * p0 == whole * p or rest or p > 100 or amount >= whole:
                # the problem's number is the part, or the rest ("40% boys, 18 girls"), or
                # the rung is of another whole
                return None
            if abs(amount - whole * p / 100) > max(Fraction(1, 100), whole * p / 20000):
                return Relation(i, "percent rung", f"{num(p)}% = {num(amount)}",
                                {"percent": num(p), "amount": num(amount), "whole": num(whole)})
            return None  # the first rung is right; the ladder check reads the others
    return None


def _percent_tenths(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A percent below 10 multiplied as tenths ("3% interest": "800 × 0.3 × 4"), where the
    problem writes no such decimal and the work never writes the hundredths."""
    percents = re.findall(r"(?<![\d.])(\d(?:\.\d+)?)\s*%", text)
    if len(percents) != 1 or len(re.findall(r"\d\s*%", text)) != 1:
        return None
    p = Fraction(percents[0])
    tenths, hundredths = num(p / 10), num(p / 100)
    if Fraction(tenths) in {Fraction(str(x)) for x in numbers_in(text)} or any(
            re.search(rf"(?<![\d.]){re.escape(hundredths)}(?!\d)|{re.escape(percents[0])}\s*/\s*100", t) for t in step_texts):
        return None
    factor = rf"(?<![\d.]){re.escape(tenths)}(?![\d.])"
    for i, lhs, _ in computations(step_texts):
        if re.search(rf"{factor}\s*\*|\*\s*\(?{factor}", lhs):
            return Relation(i, "percent as tenths", written(lhs), {"percent": num(p), "tenths": tenths})
    return None


# the part is given and the whole asked ("18 is 30% of what number?"): dividing by the percent's
# number, then multiplying by 100, is a right way there
_PART_GIVEN = re.compile(r"(?i)\b(?:is|are|was|were)\s+\d+(?:\.\d+)?\s*(?:%|percent)\s+of\b|%\s+of\s+(?:what|a\s+number)\b")


def _percent_divisor(text: str, step_texts: Sequence[str]) -> Relation | None:
    """An amount the problem gives divided by a percent's number ("20% of $1,200": 1200 ÷ 20),
    where the problem uses that number for nothing else and the work does not go on to multiply
    by 100 (the 1% route of a whole from its part)."""
    percent = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:%|percent\b)")
    given = {Fraction(str(x)) for x in numbers_in(percent.sub(" ", text))}
    # (10% of a number is that number divided by 10: right)
    percents = {Fraction(p) for p in percent.findall(text)} - {Fraction(100), Fraction(10)} - given
    if not percents or _PART_GIVEN.search(text):
        return None
    comps = list(computations(step_texts))
    for n, (i, lhs, value) in enumerate(comps):
        division = _division(lhs)
        if division is None or division[1] not in percents or division[0] not in given or division[0] == 100:
            continue
        if any(re.search(r"(?<![\d.])100(?![\d.])", later) for _, later, _ in comps[n + 1:]):
            return None
        return Relation(i, "percent as divisor", written(lhs), {"base": num(division[0]), "percent": num(division[1])})
    return None


def ladder_whole(problem_text: str, step_texts: Sequence[str]) -> Fraction | None:
    """The whole a student's percent ladder proves from the problem's own pair ("8 students is
    10% of the choir": "10% = 8", "so 100% = 80" gives 80), where the question asks for that
    whole (not a rest, a difference or a change); ``None`` otherwise."""
    text = words_to_digits(problem_text)
    given = _one_percent_one_number(text)
    if given is None or _percent_ladder(text, step_texts) is not None or _NOT_ONE_WHOLE.search(text):
        return None
    rungs = [r for step in step_texts for r in percent_amounts(step)]
    if not rungs or rungs[0] != given:
        return None
    return next((a for p, a in rungs if p == 100), None)


def broken_relation(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """The first step that breaks a relation the problem's words fix (see the module
    docstring), or ``None``."""
    text = words_to_digits(problem_text)
    found = [r for r in (_mean_count(text, step_texts), _target_mean(text, step_texts),
                         _speeds_averaged(text, step_texts), _rates_against(text, step_texts),
                         _work_times_averaged(text, step_texts), _rest_taken_of_whole(text, step_texts),
                         _given_misread(text, step_texts),
                         _median_unsorted(text, step_texts),
                         _percent_change_base(text, step_texts),
                         _rectangle(text, step_texts), _square(text, step_texts),
                         _minutes_as_hundredths(text, step_texts), mixed_as_decimal(text, step_texts),
                         _rate_backwards(text, step_texts), _cents_as_dollars(text, step_texts),
                         _weeks_as_days(text, step_texts),
                         _changed_kind(text, step_texts),
                         _wrong_unit(text, step_texts), _area_unit(text, step_texts),
                         _volume_unit(text, step_texts), _percent_ladder(text, step_texts),
                         _percent_rung(text, step_texts), _percent_tenths(text, step_texts),
                         _percent_divisor(text, step_texts), _converted_past(text, step_texts)) if r is not None]
    return min(found, key=lambda r: r.step) if found else None
