"""Ratios worked by adding: the additive strategy in a proportion problem.

"A recipe uses 2 cups of flour for every 3 eggs. How many eggs for 8 cups?" answered with
"8 - 2 = 6, 3 + 6 = 9" keeps the *difference* between the amounts instead of their *ratio*:
the best-documented error of proportional reasoning, made by a large share of 12-14 year olds
(K. Hart, *Ratio: Children's Strategies and Errors*, NFER-Nelson, 1984; S. Lamon, "Ratio and
proportion: connecting content and children's thinking", Journal for Research in Mathematics
Education 24(1), 1993). Every step of such work is true arithmetic, so nothing else in the
verifier sees it.

:func:`ratio_problem` reads a problem that states one ratio between two kinds of amount (a X
for every b Y, the ratio of X to Y is a:b, a X cost $b) and gives one more amount c of one of
the two kinds; :func:`additive_route` finds the steps of a solution that reach the additive
value (b + c - a; or b + c / a, the scale factor added) and never the proportional one
(b * c / a). Where they differ by 1 or more, a solution that ends on the additive one cannot be
right, whatever its wording.
Pure functions; no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from tutor.dimensions import given_quantities, kind_of, noun_words, question_of
from tutor.mathcheck import check_step, linear_equations, number_count, numbers_in
from tutor.numwords import words_to_digits
from tutor.units import amounts_in, scale_pairs, unit_size

# an amount on its own: not part of a fraction, a decimal or a longer number ("2/3 of")
_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_LONE = r"(?<![\w.,$/]){}(?![\d/]|\.\d)"
_A = _LONE.format(rf"(?P<ma>\$\s?)?(?P<a>{_NUMBER})")
_B = _LONE.format(rf"(?P<mb>\$\s?)?(?P<b>{_NUMBER})")
_X = r"(?P<x>[A-Za-z][A-Za-z'-]*(?:\s+(?:of\s+)?[A-Za-z][A-Za-z'-]*){0,3}?)"
# the words after the ratio's second amount, read up to a stop word by noun_words
_Y = r"(?P<y>[A-Za-z][A-Za-z'-]*(?:\s+[A-Za-z][A-Za-z'-]*){0,3})"
_EVERY = r"(?:for|to)\s+(?:every|each)"
_STATEMENTS = (
    # "2 cups of flour for every 3 eggs", "3 boys to every 2 girls", "$15 for every 2 hours",
    # "3 cups of flour to make 12 cookies", "150 miles on 5 gallons of gas"
    re.compile(rf"(?i){_A}(?:\s+{_X})?\s+(?:{_EVERY}|to\s+make|makes?|on|using)\s+{_B}\s+{_Y}"),
    # "for every 3 boys, there are 5 girls", "for every 2 hours, Sam earns $15", "for each 2
    # cups, a recipe uses 3 eggs"
    re.compile(rf"(?i)\b{_EVERY}\s+{_A}\s+{_X},?\s+(?:there\s+(?:are|is|were|was)\s+|"
               rf"(?:[A-Za-z]+\s+){{1,2}}[a-z]+s?\s+)?{_B}(?:\s+{_Y})?"),
    # "3 pens cost $4.50", "4 tickets for $18", "3 pens are $4.50" (not "$3 each")
    re.compile(rf"(?i){_A}\s+{_X}\s+(?:costs?|cost\s+a\s+total\s+of|for|are|is)\s+"
               rf"(?P<mb>\$)\s?(?P<b>{_NUMBER})(?!\d|\.\d|\s*(?:each|apiece|a\s+piece|per|an?\b))"),
    # "pens are 3 for $4.50"
    re.compile(rf"(?i)\b(?P<x>[A-Za-z]+)\s+(?:are|is|cost|sell)\s+(?P<a>\d+)\s+for\s+(?P<mb>\$)\s?(?P<b>{_NUMBER})"
               rf"(?!\d|\.\d)"),
    # "it costs $4.50 for 3 pens", "he paid $20 for 4 tickets"
    re.compile(rf"(?i)(?P<ma>\$)\s?(?P<a>{_NUMBER})\s+for\s+{_B}\s+{_Y}"),
)
# "the ratio of boys to girls (in the class) is 3:2" / "3 to 2"; "the boys-to-girls ratio is 3:2"
_RATIO_OF = (
    re.compile(r"(?i)\bratio\s+of\s+(?:the\s+)?(?P<x>[A-Za-z]+(?:\s+[A-Za-z]+)?)\s+to\s+(?:the\s+)?"
               r"(?P<y>[A-Za-z]+(?:\s+[A-Za-z]+)?)(?:\s+[A-Za-z]+){0,4}?\s+(?:is|was|are|were)\s+(?P<a>\d+)\s*(?::|to)\s*(?P<b>\d+)\b"),
    re.compile(r"(?i)\b(?P<x>[A-Za-z]+)-to-(?P<y>[A-Za-z]+)\s+ratio(?:\s+[A-Za-z]+){0,4}?\s+(?:is|was)\s+"
               r"(?P<a>\d+)\s*(?::|to)\s*(?P<b>\d+)\b"),
)
# prices and amounts that do not grow in proportion: a fee, a deal, a first unit priced apart
_NOT_IN_PROPORTION = re.compile(r"(?i)\b(?:free|discount\w*|sale|off|fees?|deal|coupon|first|additional|"
                                r"extra|base|flat)\b")
# a question about what is added, left or different, not about the matching amount
_ASKS_DIFFERENCE = re.compile(r"(?i)\b(?:more|left|remain\w*|else|fewer|less|difference|change|extra)\b")
_PRICE_ASKED = re.compile(r"(?i)\b(?:how\s+much|cost|price|pay|spend|\$)")


@dataclass(frozen=True)
class Ratio:
    """A proportion problem: ``a`` of one kind go with ``b`` of another; ``c`` is the problem's
    other amount of ``a``'s kind, and the question asks for the matching amount of ``b``'s kind.

    Attributes:
        a, b, c: the amounts (exact).
        a_said, b_said, c_said: as the problem says them ("2 cups", "3 eggs", "8 cups").
    """

    a: Fraction
    b: Fraction
    c: Fraction
    a_said: str
    b_said: str
    c_said: str

    @property
    def proportional(self) -> Fraction:
        """The amount that goes with ``c``: b * c / a."""
        return self.b * self.c / self.a

    @property
    def additive(self) -> Fraction:
        """The additive strategy's amount: b + (c - a)."""
        return self.b + self.c - self.a

    @property
    def factor_added(self) -> Fraction:
        """The scale factor added instead of multiplied: b + c / a ("36 ÷ 12 = 3", "3 + 3")."""
        return self.b + self.c / self.a


@dataclass(frozen=True)
class AdditiveRoute:
    """Where a solution works a ratio by adding.

    Attributes:
        steps: 0-based indices of the steps on the way (a difference of the ratio's amounts, if
            the solution writes one, then the step that reaches the additive value), ascending.
        ratio: the problem's ratio.
    """

    steps: tuple[int, ...]
    ratio: Ratio


def _value(text: str) -> Fraction | None:
    try:
        return Fraction(text.replace(",", ""))
    except (ValueError, ZeroDivisionError):
        return None


def _said(value: Fraction, money: bool, noun: str) -> str:
    number = f"{float(value):g}" if value.denominator != 1 else str(value.numerator)
    if money:
        return f"${float(value):.2f}" if value.denominator != 1 else f"${number}"
    return f"{number} {noun.lower()}"


def _kind(nouns: str) -> str | None:
    """What the words after an amount measure: a unit named first ("cups of flour": volume),
    else the counted thing ("juice boxes": #box)."""
    words = nouns.split()
    first = kind_of(words[0]) if words else None
    return first if first and not first.startswith("#") else kind_of(nouns)


def _statements(text: str) -> list[tuple[Fraction, str, str, Fraction, str, str]]:
    """The ratios the text states: ``(a, kind of a, a as said, b, kind of b, b as said)`` each."""
    out = []
    for pattern in _STATEMENTS:
        for m in pattern.finditer(text):
            found = m.groupdict()
            nouns_a, nouns_b = found.get("x") or "", found.get("y") or ""
            money_a, money_b = bool(found.get("ma")), bool(found.get("mb"))
            if pattern is _STATEMENTS[2] and len(noun_words(nouns_a)) != len(nouns_a.split()):
                continue  # "25 doughnuts and sells each for $3" is no price of 25 doughnuts
            a, b = _value(found["a"]), _value(found["b"])
            kind_a = "money" if money_a else _kind(nouns_a) if nouns_a else None
            kind_b = "money" if money_b else _kind(nouns_b) if nouns_b else None
            if a and b and kind_a and kind_b and kind_a != kind_b:
                out.append((a, kind_a, _said(a, money_a, " ".join(noun_words(nouns_a))),
                            b, kind_b, _said(b, money_b, " ".join(noun_words(nouns_b)))))
    for pattern in _RATIO_OF:
        for m in pattern.finditer(text):
            # "red beads to blue beads" are both beads: no two kinds (read as such, not by colour)
            x, y = (" ".join(noun_words(m.group(g))) for g in ("x", "y"))
            kind_a, kind_b = (_kind(x), _kind(y)) if x and y else (None, None)
            a, b = _value(m.group("a")), _value(m.group("b"))
            if a and b and kind_a and kind_b and kind_a != kind_b:
                out.append((a, kind_a, _said(a, False, x), b, kind_b, _said(b, False, y)))
    return out


def _unit_word(said: str) -> str:
    """The unit an amount is said in: "$" for money, else its last word, singular ("cups": "cup")."""
    return "$" if said.startswith("$") else re.sub(r"(?<=[^s])s$", "", said.split()[-1].lower())


def _asks_for(question: str, kind: str, said: str) -> bool:
    """Whether the question asks for an amount of ``kind`` (said like ``said``): a price, "how
    many eggs", or the unit named ("how many cups")."""
    if kind == "money":
        return bool(_PRICE_ASKED.search(question))
    noun = re.escape(_unit_word(said))
    if kind.startswith("#"):
        return bool(re.search(rf"(?i)\bhow\s+many\s+(?:[A-Za-z]+\s+){{0,2}}{noun}", question))
    return bool(re.search(rf"(?i)\b{noun}", question))


# "4 cups of flour for every 3 cups of sugar": one unit, two things measured in it
_MIXTURE = re.compile(r"(?i)(?<![\w.,/$])(?P<a>\d+(?:\.\d+)?)\s+(?P<u>[A-Za-z]+)\s+of\s+(?P<x>[A-Za-z]+)\s+"
                      r"(?:for\s+every|for\s+each|to\s+every|to|for|with)\s+(?P<b>\d+(?:\.\d+)?)\s+(?P<v>[A-Za-z]+)"
                      r"\s+of\s+(?P<y>[A-Za-z]+)")


def _mixture(text: str) -> Ratio | None:
    """A ratio of two things measured in one unit ("4 cups of flour for every 3 cups of
    sugar") with one more amount of one of them ("10 cups of flour"), the question asking for
    the other: :func:`ratio_problem` reads kinds of measure, which cannot tell these apart."""
    found = list(_MIXTURE.finditer(text))
    if len(found) != 1 or number_count(text) != 3:
        return None
    m = found[0]
    unit, x, y = m.group("u").lower(), m.group("x").lower(), m.group("y").lower()
    if kind_of(unit) is None or kind_of(unit) != kind_of(m.group("v").lower()) or x == y:
        return None
    rest = text[:m.start()] + " " + text[m.end():]
    other = re.search(rf"(?i)(?<![\w.,/$])(\d+(?:\.\d+)?)\s+{re.escape(m.group('u'))}\s+of\s+({x}|{y})\b", rest)
    if other is None:
        return None
    question = question_of(text).lower()
    c, of = _value(other.group(1)), other.group(2).lower()
    a, b = _value(m.group("a")), _value(m.group("b"))
    said_x = f"{m.group('a')} {m.group('u')} of {x}"
    said_y = f"{m.group('b')} {m.group('v')} of {y}"
    if of == y:  # the other amount is of the ratio's second thing: read the ratio the other way
        a, b, said_x, said_y, x, y = b, a, said_y, said_x, y, x
    if c is None or c == a or not re.search(rf"\b{y}\b", question):
        return None
    return Ratio(a, b, c, said_x, said_y, other.group(0))


def _scale(text: str) -> Ratio | None:
    """A map or drawing scale ("1 in : 20 mi", "1/4 inch = 1 foot", :func:`tutor.units.scale_pairs`)
    and one more amount in one of its two units: that amount's match in the other unit is
    asked (a scale's question may not name the unit: "How far apart are the real lakes?")."""
    pairs = scale_pairs(text)
    # (a fraction is one number here: "1/4 inch = 1 foot"; an area on a scale drawing grows by
    # the scale's square, not by this ratio)
    if re.search(r"(?i)\barea\b|\bsquare\s+\w+|²", text) or len(pairs) != 1 or len(re.findall(r"\d+(?:[.,]\d+)*(?:/\d+)?", text)) != 3:
        return None
    left, right = pairs[0]
    others = [x for x in amounts_in(text) if x.parts == 1 and x not in (left, right)]
    if len(others) != 1:
        return None
    c = others[0]
    said = lambda x: f"{_plain_number(x.value)} {x.unit}"  # noqa: E731
    if unit_size(c.unit) == unit_size(right.unit):  # a real amount: the drawing's is asked
        left, right = right, left
    elif unit_size(c.unit) != unit_size(left.unit):
        return None
    return Ratio(left.value, right.value, c.value, said(left), said(right), said(c))


def _plain_number(x: Fraction) -> str:
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}" if x < 1 else str(float(x))


def ratio_problem(problem_text: str) -> Ratio | None:
    """The problem's ratio and its one other amount (see :class:`Ratio`), or ``None`` when the
    problem states no ratio between two kinds of amount, gives more or fewer than one other
    amount of those kinds, or its question does not ask for the other kind."""
    text = words_to_digits(problem_text)
    if _NOT_IN_PROPORTION.search(text) or _ASKS_DIFFERENCE.search(question_of(text)):
        return None
    stated = _statements(text)
    if not stated:
        return _mixture(text) or _scale(text)
    if len(stated) != 1:  # two prices or two ratios: which one goes with the question is a guess
        return None
    # the ratio's two numbers and one other: any more ("saves 2 cups", "has 3 eggs") and which
    # amount the ratio applies to is a guess (given_quantities keeps one amount per value)
    if number_count(text) != 3:
        return None
    a, kind_a, a_said, b, kind_b, b_said = stated[0]
    others = [(v, q) for v, q in given_quantities(text).items()
              if dict(q.unit) in ({kind_a: 1}, {kind_b: 1}) and v not in (a, b)]
    if len(others) != 1:
        return None
    c, q = others[0]
    if dict(q.unit) == {kind_b: 1}:  # "... How many cups for 12 eggs?": read the ratio the other way
        a, kind_a, a_said, b, kind_b, b_said = b, kind_b, b_said, a, kind_a, a_said
    # in the same unit (not "$5" and "20 cents"), and the question asks for the other kind
    if c == a or _unit_word(q.said) != _unit_word(a_said) or not _asks_for(question_of(text), kind_b, b_said):
        return None
    return Ratio(a, b, c, a_said, b_said, q.said)


def _exact(x: float) -> Fraction:
    return Fraction(str(x)).limit_denominator(10_000)


def _operation(lhs: str) -> str:
    """``"additive"`` for a computation of + and - only, ``"multiplicative"`` for one with
    * or /, ``""`` for a bare number."""
    body = re.sub(r"^\s*-", "", lhs)
    terms = re.split(r"\s*\+\s*", body.strip())
    if re.search(r"[*/]", body) or (len(terms) > 2 and len(set(terms)) == 1):  # "3 + 3 + 3": groups
        return "multiplicative"
    return "additive" if re.search(r"[-+]", body) else ""


def additive_route(problem_text: str, step_texts: Sequence[str]) -> AdditiveRoute | None:
    """The steps that work the problem's ratio by adding (see the module docstring), or
    ``None``.

    The solution must end on an amount adding reaches (b + c - a, or the scale factor added:
    b + c / a), as the last number it writes or a result its last step works out, reached by
    adding or subtracting, or stated; that amount must be at least 1 from the proportional one,
    so a rounded or truncated right answer ("8 / 3 = 2.67", "6 whole muffins") is never taken
    for it. The route starts at a
    subtraction of two of the problem's amounts that gives their difference ("8 - 2 = 6"),
    when the work writes one before, else at the step that reaches the additive amount."""
    ratio = ratio_problem(problem_text)
    if ratio is None:
        return None
    # the amounts adding reaches: the difference kept, or the scale factor added
    wrong = [v for v in (ratio.additive, ratio.factor_added) if v > 0 and abs(v - ratio.proportional) >= 1]
    numbered = [i for i, text in enumerate(step_texts) if numbers_in(text)]
    if not wrong or not numbered:
        return None
    last = numbered[-1]
    # what the last step arrives at: its last number, or a result it works out ("3 + 6 = 9, so
    # add 6 more eggs")
    ends = {_exact(numbers_in(step_texts[last])[-1])} | {
        _exact(eq.rhs_value) for eq in check_step(step_texts[last], last + 1).equations if eq.rhs_value is not None}
    add = next((v for v in wrong if v in ends), None)
    if add is None:
        return None
    given = {ratio.a, ratio.b, ratio.c}
    gaps = {abs(ratio.c - ratio.a), abs(ratio.b - ratio.a), abs(ratio.c - ratio.b)} if add == ratio.additive else set()
    start = end = None
    for i, text in enumerate(step_texts[:last + 1]):
        results = set()
        for eq in check_step(text, i + 1).equations:
            if eq.rhs_value is None:
                continue
            lhs, value = eq.text.split("=")[0], _exact(eq.rhs_value)
            results.add(value)
            op = _operation(lhs)
            if op == "multiplicative" and value == ratio.proportional:
                return None  # the proportional amount worked out, whatever the work ends on
            if value == add and end is None:
                if op == "multiplicative":  # "1.50 x 5 = 7.50": another error ends on the same value
                    return None
                end = i
            operands = [_exact(n) for n in numbers_in(lhs)]
            if (start is None and op == "additive" and "-" in lhs and value in gaps
                    and len(operands) == 2 and set(operands) <= given):
                start = i  # "8 - 2 = 6": the difference the additive strategy keeps
        if end is None and add in {_exact(v) for v in numbers_in(text)} - results:
            end = i  # "So she needs 9 eggs.": stated, not computed
    if end is None:
        return None
    start = end if start is None or start > end else start
    return AdditiveRoute(tuple(sorted({start, end})), ratio)


def near(x: float, target: Fraction) -> bool:
    """Whether a written value is ``target`` as a student writes it, rounded on the way
    ("3.33 × 4 = 13.32" for 13 1/3): within 1 % (or a hundredth)."""
    return abs(Fraction(str(x)) - target) <= max(Fraction(1, 100), abs(target) / 100)


def inverted_step(problem_text: str, step_texts: Sequence[str]) -> tuple[int, Ratio] | None:
    """The first step of a solution that uses the problem's ratio upside down: it ends on
    a × c / b instead of b × c / a ("2 cups of flour for every 3 cups of milk; milk for 8 cups
    of flour": 8 ÷ 3 × 2), as the last number it writes; ``(0-based step, ratio)`` or ``None``.
    The step is the first that divides by b or works out a × c / b; a solution that works out
    the proportional amount anywhere is never taken for it."""
    return _ends_on(problem_text, step_texts, lambda r: r.a * r.c / r.b,
                    lambda r, lhs, operands: "/" in lhs and operands[-1:] == [r.b] and r.c in operands)


def per_one_step(problem_text: str, step_texts: Sequence[str]) -> tuple[int, Ratio] | None:
    """The first step of a solution that takes the ratio's b as going with one of a's kind, not
    with a: it ends on b × c instead of b × c / a ("2 cm = 5 km; 12 cm on the map": 12 × 5),
    as the last number it writes; ``(0-based step, ratio)`` or ``None``, as :func:`inverted_step`."""
    return _ends_on(problem_text, step_texts, lambda r: r.b * r.c,
                    lambda r, lhs, operands: "*" in lhs and sorted(operands) == sorted([r.b, r.c]))


def _ends_on(problem_text: str, step_texts: Sequence[str], wrong_value, wrong_operands) -> tuple[int, Ratio] | None:
    """The first step on the way to ``wrong_value(ratio)`` where the work ends on it and never
    reaches the proportional amount (the step that works it out, or whose computation
    ``wrong_operands(ratio, left side, operands)`` says is that route)."""
    ratio = ratio_problem(problem_text)
    numbered = [i for i, text in enumerate(step_texts) if numbers_in(text)]
    if ratio is None or not numbered:
        return None
    wrong = wrong_value(ratio)
    if abs(wrong - ratio.proportional) < 1:
        return None

    last = numbers_in(step_texts[numbered[-1]])[-1]
    # (or rounded to a whole number: "About 7 dogs" for 6.86)
    if not near(last, wrong) and not (float(last).is_integer() and round(wrong) == last):
        return None
    first = None
    for i, text in enumerate(step_texts):
        for setup in linear_equations(text):  # a proportion set up with the unknown: "5/3 = x/40"
            if near(float(setup.value), ratio.proportional):
                return None
            if first is None and near(float(setup.value), wrong):
                first = i
        for eq in check_step(text, i + 1).equations:
            if eq.rhs_value is None or "=" not in eq.text:
                continue
            if near(eq.rhs_value, ratio.proportional):
                return None
            lhs = eq.text.split("=")[0]
            operands = [_exact(n) for n in numbers_in(lhs)]
            if first is None and (near(eq.rhs_value, wrong) or wrong_operands(ratio, lhs, operands)):
                first = i
    return (first, ratio) if first is not None else None
