"""Answers whose formula the problem's words fix, and work that uses another with true
arithmetic.

Without a reference solution "Area = 10 × 12 = 120" passes every arithmetic check. These
problems name the formula their answer needs, and the errors against it are well documented:

* ``"triangle without half"``: a triangle's area is half of base × height; the product alone
  is the area of the rectangle around it;
* ``"diameter as radius"``, ``"circumference for area"``, ``"area for circumference"``,
  ``"radius as diameter"``: a circle's area is π r², its circumference π d = 2π r; the
  diameter used for the radius and the two formulas swapped are the common errors (both
  families: Woodward and Byrd 1983, see :mod:`tutor.relations`; L. Tierney, C. Boyd and G.
  Davis, "Prospective primary teachers' conceptions of area", PME 14, 1990);
* ``"remainder rounded down"``, ``"remainder rounded up"``: a division with a remainder
  answered the wrong way for what is asked: "how many buses are needed" rounds up, "how many
  boxes can she fill" rounds down (E. Silver, L. Shapiro and A. Deutsch, "Sense making and the
  solution of division problems involving remainders", Journal for Research in Mathematics
  Education 24(2), 1993);
* ``"part for total"``, ``"total for part"``, ``"part the wrong way"``: a percent problem
  asks for the part (the tip, the discount, what is saved) or for the amount after it (the
  sale price, the total with tax); the work ends on the other one, or takes the part the
  wrong way (a tip taken off the bill); ``"percent as amount"``: the percent's number added to
  or taken from the amount as if it were an amount ("grew by 4%": 8,000 + 4), also where the
  problem writes other amounts ("a 5% raise" on $16 an hour: $16 + $5);
* ``"price for count"``: a question that asks how many of something answered with what they
  cost (the work goes on past the answer);
* ``"self counted in"``: a share "among her 4 cousins" worked out for 4 + 1 people;
* ``"subset counted again"``: a part of a group the problem counts ("7 of the kids") added to
  the group as if it were more of them;
* ``"self left out"``: "herself and 3 friends" (or "Mia and 2 friends") counted as 3 (or
  2) people, the one named left out of the group;
* ``"rest for asked"``: a question about what is used, spent, sold or filled, answered with
  what is left after it (the work goes on past the answer);
* ``"rest for part"``, ``"part for rest"``: a fraction of a whole ("2/5 of them ride the
  bus") where the question asks for that part and the work ends on the rest, or the reverse;
* ``"volume by adding"``: a box's volume worked as the sum of its edges;
* ``"tax on the original price"``: a discount, then a tax the problem puts on the sale price,
  worked out on the price before the discount;
* ``"share by multiplying"``, ``"share divided the wrong way"``: one of N equal shares of a
  whole worked out as whole × N, or as N ÷ whole (a share bigger than the whole it comes from);
* ``"triangle without half"`` also for a triangle that is part of a shape ("a rectangle with a
  triangle on top", "a triangular prism"), in the step that names it;
* ``"angle total"``: angles that make a known total (supplementary 180°, complementary 90°, a
  triangle's 180°, a straight line's 180°, a full turn's 360°) worked from another one;
* ``"square side from area"``: a square's side found as a quarter of its area (a quarter of
  the perimeter is a side), not as the number that times itself makes the area;
* ``"interest for total"``, ``"total for interest"``: simple interest (principal × rate ×
  time) where the question asks for the amount with it, or only for it;
* ``"legs added"``, ``"square root left out"``, ``"square as doubling"``: the long side of a
  right triangle (a diagonal, a ladder, a straight-line distance) from its two legs is the
  square root of the sum of their squares; adding the legs, stopping at the sum of squares and
  doubling for squaring are the common slips;
* ``"order of operations"``: an expression the problem asks to evaluate, worked step by step
  in an order the rules do not allow (left to right over a product, brackets ignored); a
  whole line worked at once ("3 × 4 + 5 = 17" for 3 × (4 + 5)) is not read.

Each finding needs the problem's words to say what is asked, and the work's numbers (the
step's computation, or the value the work ends on) to show the other formula; anything less
certain is left alone. Pure functions; no model.
"""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Sequence
from fractions import Fraction

from tutor.dimensions import given_quantities, operands, question_of, singular
from tutor.mathcheck import (answer_value, evaluate, expressions_in, linear_equations, normalize_math, numbers_in,
                             pi_written, step_result, superscripts)
from tutor.mathtext import squares_said
from tutor.numwords import words_to_digits
from tutor.relations import (SQUARE_SHAPE, Relation, answer_computation, asks_shape, computation_reaching,
                              computations, num, percent_amounts, written)
from tutor.units import LENGTH_UNITS

_LENGTH_UNIT = "(?:%s|units?)" % "|".join(sorted(map(re.escape, LENGTH_UNITS), key=len, reverse=True))
_LENGTH = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)\s*-?\s*{_LENGTH_UNIT}\b", re.I)
# π as the problem tells the student to take it
_PI_GIVEN = re.compile(r"(?i)\(\s*(?:π|pi)\s*(?:=|≈|is\s+about)\s*(?:3\.14\d*|22\s*/\s*7)\s*\)|"
                       r"(?:\b(?:use|using|take|let)\s+(?:π|pi)\s*(?:=|as|≈)?\s*(3\.14\d*|22\s*/\s*7)|"
                       r"\b(?:use|using|take)\s+(3\.14\d*|22\s*/\s*7)\s+(?:for|as)\s+(?:π|pi)\b)\s*\.?")


def _lengths(text: str) -> list[Fraction]:
    """The lengths the problem gives with a unit ("10 feet", "8 m"), in order."""
    return [Fraction(m.group(1)) for m in _LENGTH.finditer(text)]


def _halved(step_texts: Sequence[str], product: Fraction) -> bool:
    """Whether the work halves (in symbols or words) or writes half of ``product``."""
    work = " ".join(step_texts)
    said = re.search(r"(?i)½|\b1\s*/\s*2\b|[÷/:]\s*(?:2|two)\b|\b0?\.5\b|50\s*%|\bhal(?:f|ves?|ving)\b|"
                     r"\bdivid\w*\s+(?:\w+\s+){0,2}by\s+(?:2|two)\b|\b(?:in|into)\s+(?:2|two)\b", work)
    return said is not None or any(Fraction(str(x)) == product / 2 for x in numbers_in(work))


def _last(step_texts: Sequence[str]):
    """``(step, left side, value)`` of the answer's computation: the last one written."""
    comps = list(computations(step_texts))
    return comps[-1] if comps else None


def _triangle(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A triangle's area worked as base × height, never halved."""
    if len(re.findall(r"(?i)\btriang\w*", text)) != 1 or SQUARE_SHAPE.search(text) or re.search(
            r"(?i)\btriangles\b|\b(?:rectang|parallelogram|trapez|pyramid|prism|two|pair|both|cop(?:y|ies)|"
            r"twice|double|kite|join|identical|sheet|paper|cut\s+from|drawn\s+on)\w*", text) or not re.search(
            r"(?i)\b(?:base|height|legs?|tall|high)\b", text):
        return None
    asks_around, asks_inside = asks_shape(text)
    sides = _lengths(text)
    if not asks_inside or asks_around or len(sides) != 2:
        return None
    last = _last(step_texts)
    if last is None:
        return None
    i, lhs, value = last
    operands = sorted(Fraction(str(x)) for x in numbers_in(lhs))
    product = sides[0] * sides[1]
    if operands == sorted(sides) and "*" in lhs and "+" not in lhs and value == product \
            and not _halved(step_texts, product):
        return Relation(i, "triangle without half", written(lhs),
                        {"base": num(sides[0]), "height": num(sides[1])})
    return None


# "a base of 12 cm and a height of 4 cm", "base 8 ft and height 3 ft"
_BASE = re.compile(r"(?i)\bbase\s+(?:of\s+|is\s+)?(\d+(?:\.\d+)?)")
_HEIGHT = re.compile(r"(?i)\bheight\s+(?:of\s+|is\s+)?(\d+(?:\.\d+)?)")


def _triangle_part(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A triangle that is one part of a shape or a prism's base ("a rectangle with a triangle
    on top, base 12 cm and height 4 cm"), worked in a step that names it as base × height."""
    # the base and height of the triangle's own words: the last shape named before them
    said = " ".join(t for t in re.split(r"(?<=[.?!])\s+", text)
                    if re.search(r"(?i)\b(?:triang|rectang|square|parallelogram|trapez)\w*(?=(?:(?!\b(?:triang|rectang|"
                                 r"square|parallelogram|trapez))[^.?!])*\bbase\b)", t)
                    and re.findall(r"(?i)\b(triang|rectang|square|parallelogram|trapez)\w*(?=(?:(?!\b(?:triang|rectang|"
                                   r"square|parallelogram|trapez))[^.?!])*\bbase\b)", t)[-1].lower() == "triang")
    base, height = _BASE.findall(said), _HEIGHT.findall(said)
    if len(base) != 1 or len(height) != 1 or len(_BASE.findall(text)) != 1 or len(_HEIGHT.findall(text)) != 1 or \
            re.search(r"(?i)\btriangles\b|\bright\s+triangle|\bhypotenuse|\bpyramid", text) or \
            re.search(r"(?i)\b(?:rectang|square|parallelogram)", question_of(text)):
        return None
    b, h = Fraction(base[0]), Fraction(height[0])
    for i, lhs, value in computations(step_texts):
        names = re.search(r"(?i)\btriang|\bbase\s+area|\barea\s+of\s+(?:the\s+)?base", step_texts[i])
        operands = sorted(Fraction(str(x)) for x in numbers_in(lhs))
        if names and operands == sorted((b, h)) and "*" in lhs and "+" not in lhs and value == b * h \
                and not _halved(step_texts, b * h):
            return Relation(i, "triangle without half", written(lhs), {"base": num(b), "height": num(h)})
    return None


# "an area of 144 square feet", "area is 81 cm²", "area of 49 m^2"
_AREA_GIVEN = re.compile(r"(?i)\barea\s+(?:of|is)\s+(\d+(?:\.\d+)?)")


def _square_side(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A square's side found from its area by dividing by 4 (a quarter of a perimeter), not
    as the number that times itself makes the area."""
    area = _AREA_GIVEN.findall(text)
    if not SQUARE_SHAPE.search(text) or len(area) != 1 or re.search(r"(?i)\b(?:perimeter|squares)\s+(?:of|is)\s+\d", text):
        return None
    a = Fraction(area[0])
    if math.isqrt(int(a)) ** 2 == a and a == 16:
        return None  # 16 ÷ 4 = 4 = √16: the work cannot tell
    for i, lhs, value in computations(step_texts):
        if re.fullmatch(r"\(?" + re.escape(area[0]) + r"\)?/\(?4\)?", lhs.replace(" ", "")):
            return Relation(i, "square side from area", written(lhs), {"area": num(a)})
    return None


# the angles a problem says make a known total, and the total
_ANGLE_TOTALS = ((re.compile(r"(?i)\bsupplement\w*"), 180, "supplementary angles"),
                 (re.compile(r"(?i)\bcomplement\w*"), 90, "complementary angles"),
                 (re.compile(r"(?i)\bstraight\s+(?:line|angle)\b"), 180, "angles on a straight line"),
                 (re.compile(r"(?i)\b(?:around|about)\s+a\s+point\b|\bfull\s+turn\b"), 360, "angles around a point"),
                 (re.compile(r"(?i)\b(?:angles?\s+(?:of|in)\s+a\s+triangle|triangle\b[^.?!]*\bangles?\b|"
                             r"third\s+angle)"), 180, "the angles of a triangle"))


_RIGHT_TRIANGLE_ACUTE = re.compile(r"(?i)\bright(?:\s+|-)triangle\b[^?]*\bacute\b|\bacute\b[^?]*\bright(?:\s+|-)triangle\b")


def _angle_total(text: str, step_texts: Sequence[str]) -> Relation | None:
    """Angles the problem says make a known total, worked from another total ("supplementary":
    "90 - 64"; a triangle's third angle as "360 - 115")."""
    found = [(total, name) for pat, total, name in _ANGLE_TOTALS if pat.search(text)]
    if _RIGHT_TRIANGLE_ACUTE.search(text):  # the two acute angles of a right triangle make 90°
        found = [(90, "the acute angles of a right triangle")]
    elif re.search(r"(?i)\bright(?:\s+|-)(?:angle|triangle)|\bacute\b|\b90\s*°", text):
        return None
    if len(found) != 1 or re.search(r"(?i)\b(?:exterior|polygon|quadrilateral|pentagon|hexagon|heptagon|octagon|"
                                    r"nonagon|decagon|sides|isosceles|parallel|vertical|reflex|perpendicular|corner)\b|⊥",
                                    text):
        return None
    total, name = found[0]
    given = {Fraction(str(x)) for x in numbers_in(text)}
    # the computations, and expressions written without their value ("complement = 180 − 35")
    worked = sorted({(i, lhs) for i, lhs, _ in computations(step_texts)}
                    | {(i, e) for i, t in enumerate(step_texts) for e, _ in expressions_in(t)})
    for n, (i, lhs) in enumerate(worked):
        m = re.match(r"\(?(90|180|360)\)?-", lhs.replace(" ", ""))
        if m and int(m.group(1)) != total and Fraction(m.group(1)) not in given:
            return Relation(i, "angle total", written(lhs), {"total": str(total), "used": m.group(1), "angles": name})
        if any(re.match(r"\(?(90|180|360)\)?-", c.replace(" ", "")) for j, c in worked[:n] if j < i):
            break
    # an equation set up with another total: "x + 2x = 180" for complementary angles
    for i, t in enumerate(step_texts):
        m = re.search(r"[A-Za-z)°]\s*=\s*(90|180|360)\s*°?\s*$", t.strip())
        if m and re.search(r"\b[a-z]\b|\d[a-z]\b", t) and int(m.group(1)) != total \
                and Fraction(m.group(1)) not in given:
            return Relation(i, "angle total", t.strip().split("=")[0].strip(),
                            {"total": str(total), "used": m.group(1), "angles": name, "equation": "yes"})
        if linear_equations(t):
            break  # (the first equation is the set-up)
    return None


# "$800 ... 3% simple interest per year ... for 4 years"
_INTEREST = re.compile(r"(?i)\bsimple\s+interest\b")
_YEARS = re.compile(r"(?i)(?<![\d.])(\d+(?:\.\d+)?)\s*(years?|months?)\b")
_ASKS_TOTAL = re.compile(r"(?i)\b(?:in\s+total|total|altogether|pay\s+back|paid\s+back|repay\w*|owe|in\s+(?:the|his|her|"
                         r"their)\s+(?:account|bank)|have\s+(?:in|after|at)|be\s+worth|balance|(?:final|whole)\s+amount)\b")


_WITH_INTEREST = re.compile(r"(?i)\b(?:including|with|plus)\s+(?:the\s+)?interest\b|\binterest\s+included\b")


def _interest(text: str, step_texts: Sequence[str]) -> Relation | None:
    """Simple interest (principal × rate × time) given as the amount with it, or the reverse."""
    if not _INTEREST.search(text):
        return None
    money = re.findall(r"\$\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?", text)
    rates = re.findall(r"(\d+(?:\.\d+)?)\s*%", text)
    times = _YEARS.findall(text)
    question = question_of(text)
    times = sorted({(Fraction(n), u.lower().rstrip("s")) for n, u in times})  # "for 5 years ... after 5 years"
    if len(money) != 1 or len(rates) != 1 or len(times) != 1:
        return None
    principal, rate = Fraction(money[0].replace(",", "")), Fraction(rates[0]) / 100
    t = times[0][0] / (12 if times[0][1] == "month" else 1)
    interest = principal * rate * t
    # a question that names the interest asks for it ("How much interest will he owe?", "the
    # total interest"), unless it asks for the amount with it ("repay, including interest")
    # (both named, or "how much more": not read)
    with_it = _WITH_INTEREST.search(question) is not None
    names = re.search(r"(?i)\binterest\b", question) is not None
    totals = _ASKS_TOTAL.search(question) is not None
    if re.search(r"(?i)\bmore\b|\bthan\b|\band\s+the\b", question) or (names and totals and not with_it):
        return None
    asks_interest, asks_total = names and not with_it, with_it or (totals and not names)
    ends = [k for k, st in enumerate(step_texts) if numbers_in(st)]
    said = answer_value(step_texts[ends[-1]]) if ends else None
    if said is None or asks_total == asks_interest:
        return None
    said = Fraction(str(said)).limit_denominator(10**6)
    facts = {"principal": "$" + (f"{int(principal):,}" if principal.denominator == 1 else num(principal)),
             "interest": num(interest)}
    if asks_total and said == interest:
        return Relation(ends[-1], "interest for total", num(interest), facts)
    if asks_interest and said == principal + interest:
        step = next((i for i, _, v in computations(step_texts) if Fraction(v).limit_denominator(10**6) == said), ends[-1])
        return Relation(step, "total for interest", num(said), facts)
    return None


_AROUND_CIRCLE = re.compile(r"(?i)\b(?:circumference|perimeter|around|fenc\w*|border|edge|trim|ribbon|rim|"
                            r"outline|how\s+far|roll\w*|turn|lap|distance)\b")
_INSIDE_CIRCLE = re.compile(r"(?i)\b(?:area|cover\w*|square|paint\w*|carpet\w*|tiles?|grass|ground|space|land|"
                            r"floor|seed\w*|water\w*)\b")


def _circle(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A circle's area or circumference worked with the other formula, or with the diameter
    for the radius (or the reverse)."""
    if not re.search(r"(?i)\b(?:circle|circular|round|pizza|wheel|disk|disc)\b", text) or re.search(
            r"(?i)\b(?:semi\w*|half|quarter|circles|rings?|between|sector|arc|ball|sphere|globe|surface|dome|"
            r"cylinder\w*|cans?|twice|double|times\s+as|as\s+wide|scale\w*)\b", text):
        return None
    has_d, has_r = (re.search(rf"(?i)\b{w}\b", text) is not None for w in ("diameter", "radius"))
    plain = _PI_GIVEN.sub(" ", text)
    sizes = _lengths(plain)
    if has_d == has_r or len(sizes) != 1 or len(numbers_in(plain)) != 1:
        return None
    # (the question, not a closing "Use 3.14 for pi.")
    question = question_of(plain)
    asks_around, asks_inside = (p.search(question) is not None for p in (_AROUND_CIRCLE, _INSIDE_CIRCLE))
    if asks_around == asks_inside:
        return None
    comps = list(computations(step_texts))
    with_pi = [(n, c) for n, c in enumerate(comps) if pi_written(c[1]) is not None]
    if not with_pi:
        return None
    n, (i, lhs, value) = with_pi[-1]
    # its result used again ("314 ÷ 4"): a step on the way, not the answer
    if any(abs(x - value) < 1e-9 for _, later, _ in comps[n + 1:] for x in numbers_in(later)):
        return None
    pi_used = pi_written(lhs)
    size = sizes[0]
    r = size / 2 if has_d else size
    right = pi_used * r * r if asks_inside else 2 * pi_used * r
    # what each slip gives, by what is asked and what the problem names
    slips = ({"diameter as radius": pi_used * size * size, "circumference for area": pi_used * size}
             if asks_inside and has_d else
             {"circumference for area": 2 * pi_used * r} if asks_inside else
             {"radius as diameter": pi_used * r, "area for circumference": pi_used * r * r} if has_r else
             {"diameter as radius": 2 * pi_used * size, "area for circumference": pi_used * r * r})
    if _close(value, right):
        return None
    name = next((n for n, v in slips.items() if _close(value, v)), None)
    if name is None:
        return None
    return Relation(i, name, written(lhs), {"radius": num(r), "diameter": num(2 * r),
                                             "given": "diameter" if has_d else "radius",
                                             "asked": "area" if asks_inside else "circumference"})


def _close(value: float | Fraction, target: Fraction) -> bool:
    """Equal, or equal after the student rounded to what they wrote (two decimals at most)."""
    return abs(float(value) - float(target)) <= max(0.005, 1e-6 * abs(float(target)))


# "how many buses are needed", "how many boxes must he buy": room for all, so the count
# rounds up; "how many tickets can she buy", "how many full boxes": whole groups, so it rounds
# down. Only these forms of the question's own verb are read.
_ROUND_UP = re.compile(r"(?i)\bhow\s+many\s+(?:\w+\s+){1,3}?(?:(?:are|is|will\s+be|would\s+be)\s+)?(?:needed|required)\b|"
                       r"\bnumber\s+of\s+\w+\s+(?:needed|required)\b|\b(?:fewest|least|minimum)\b|"
                       r"\bhow\s+many\s+(?:more\s+)?\w+\s+(?:will|would|does|did)\s+it\s+take\b|"
                       r"\bhow\s+many\s+(?:more\s+)?\w+\s+(?:must|will|does|do|should)\s+\w+\s+\w+\s+(?:before|until)\b|"
                       r"\bhow\s+many\s+(?:\w+\s+){1,3}?(?:do|does|did|will|would|must|should)\s+(?:\w+\s+){1,2}?"
                       r"(?:need|have\s+to)\b(?!\s+(?:for|each|a|per)\b)|"
                       r"\bhow\s+many\s+(?:\w+\s+){1,3}?must\s+(?:\w+\s+)?(?:buy|rent|order|use|get|bring)\b")
_ROUND_DOWN = re.compile(r"(?i)\bhow\s+many\s+(?:full|whole|complete)\b|\b(?:completely|full)\b|"
                         r"\bhow\s+many\s+(?:\w+\s+){1,3}?can\s+(?:\w+\s+)?(?:buy|make|fill|get|cut|fit|afford|give|"
                         r"pack|be\s+(?:made|cut|filled|bought|packed))\b")


def _groups_tried(comps: list, given: set[Fraction]) -> tuple[int, str, Fraction, Fraction] | None:
    """``(step, division, quotient, last result)`` where the work fits whole groups and takes
    them away ("4 × 36 = 144", then "158 − 144 = 14" with 14 less than 36): the division 158 ÷ 36
    done by hand, its remainder left."""
    for n, (j, lhs, rest) in enumerate(comps):
        read = operands(lhs)
        worked = {Fraction(str(v)) for _, _, v in comps[:n]}
        if read is None or read[0] is not ast.Sub or read[1] not in given | worked or not 0 < rest:
            continue
        whole, taken = read[1], read[2]
        for _, product, value in comps[:n]:
            factors = operands(product)
            if factors is None or factors[0] is not ast.Mult or Fraction(str(value)) != taken:
                continue
            for k, size in ((factors[1], factors[2]), (factors[2], factors[1])):
                if size in given and k not in given and k.denominator == 1 and 0 < rest < size \
                        and whole // size == k:
                    return j, f"{num(whole)} ÷ {num(size)}", whole / size, Fraction(str(comps[-1][2]))
    return None


def _concluded(text: str, k: int, i: int, comps: list, last: Fraction | None) -> Fraction | None:
    """The count step ``k`` concludes after the division of step ``i``: one whole number ("They
    need 7 buses."), not "3 and a half", not "4 buses because 3 buses is not enough"; where the
    division was done by hand (``last`` given), one more counted ("7 + 1 = 8 shelves") or the
    number that ends the sentence ("…, so the school needs 4 buses.")."""
    said = words_to_digits(text)
    if re.search(r"(?i)\bhalf\b|\bquarter|\bthird|\d\s*/\s*\d|\d\.\d", said):
        return None
    ending = re.search(r"(\d+)\s+[A-Za-z]+\s*[.!]?\s*$", said)
    if len(numbers_in(said)) == 1:
        return Fraction(str(numbers_in(said)[0]))
    if last is not None and comps[-1][0] == k and k > i:
        return Fraction(str(comps[-1][2]))
    if last is not None and ending and not re.search(r"(?i)\bbecause\b", said):
        return Fraction(ending.group(1))
    return None


def _remainder(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A division with a remainder answered rounded the wrong way for what is asked."""
    question = question_of(text)
    # ("how many more days will it take her to finish" still asks for room for all of it)
    if re.search(r"(?i)\b(?:left|over|remain\w*|extra)\b", question) or (
            re.search(r"(?i)\bmore\b", question) and not re.search(r"(?i)\bit\s+take\b|\b(?:before|until)\b", question)):
        return None
    up, down = _ROUND_UP.search(question) is not None, _ROUND_DOWN.search(question) is not None
    if up == down:
        return None
    comps = list(computations(step_texts))
    given = {Fraction(str(x)) for x in numbers_in(text)}
    if not comps:
        return None
    # the last computation: a division of two of the problem's numbers (not a rate worked out
    # on the way: "9 ÷ 2 = 4.5", then "18 ÷ 4.5 = 4"); or groups tried and the rest taken away
    # ("4 × 36 = 144", "158 − 144 = 14"), then a count that answers
    i, lhs, q = comps[-1]
    last: Fraction | None = None
    # (the amount divided may be one the work found: "350 - 110 = 240", then "240 ÷ 35")
    worked = {Fraction(str(v)) for _, _, v in comps[:-1]}
    read = operands(lhs)
    if "/" not in lhs or float(q).is_integer() or q <= 1 or read is None or read[0] is not ast.Div \
            or read[1] not in given | worked or read[2] not in given:
        tried = _groups_tried(comps, given)
        if tried is None:
            return None
        i, lhs, q, last = tried
    stated = [k for k, t in enumerate(step_texts) if k > i and numbers_in(words_to_digits(t))]
    if not stated:
        return None
    wrong = math.floor(q) if up else math.ceil(q)
    if _concluded(step_texts[stated[-1]], stated[-1], i, comps, last) != wrong:
        return None
    # the step that first says so ("…, so the school needs 4 buses.", then "So the answer is 4.")
    k = next(j for j in stated if _concluded(step_texts[j], j, i, comps, last) == wrong)
    name = "remainder rounded down" if up else "remainder rounded up"
    return Relation(k, name, written(lhs), {"quotient": f"{float(q):.2f}".rstrip("0").rstrip("."),
                                             "stated": num(wrong), "division": written(lhs)})


# "each bus holds 40 people", "a recipe makes 12 muffins": a group's size, to be filled by all
_CAPACITY = re.compile(r"(?i)\b(?:each|every|one|a|an)\s+(?:[a-z]+\s+){0,1}?(?P<group>[a-z]+)\s+(?:can\s+)?(?:holds?|"
                       r"carr(?:y|ies)|seats?|fits?|makes?|serves?|covers?)\s+(?:up\s+to\s+)?(?P<size>\d+(?:\.\d+)?)\s+[a-z]+")


# "pencils come in boxes of 10", "sold in packs of 6"
_PACKED = re.compile(r"(?i)\b(?:come|comes|sold|packed|packaged)\s+in\s+(?P<group>[a-z]+)\s+of\s+(?P<size>\d+(?:\.\d+)?)\b")


def _groups_dropped(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A count of groups that does not come out even, carried on rounded down: "152 ÷ 40 =
    3.8" buses of 40, then "3 × $275" for the buses' cost. The problem gives each group's size
    ("each bus holds 40"), the question asks for something else (how much, how many sticks of
    butter) or how many are needed, and no later step counts the last, part-filled group."""
    question = question_of(text)
    if _ROUND_DOWN.search(question) or re.search(
            r"(?i)\b(?:left|over|remain\w*|extra|whole|full)\b", question):
        return None
    groups = {Fraction(m.group("size")): m.group("group").lower() for m in (*_CAPACITY.finditer(text),
                                                                          *_PACKED.finditer(text))}
    if not groups:
        return None
    comps = list(computations(step_texts))
    given = {Fraction(str(x)) for x in numbers_in(text)} | {Fraction(str(v)) for _, _, v in comps}
    for i, lhs, q in comps:
        read = operands(lhs)
        if read is None or read[0] is not ast.Div or read[2] not in groups or read[1] not in given:
            continue
        group = groups[read[2]]
        q = Fraction(str(q)).limit_denominator(10**6)
        if q.denominator == 1 or q < 1:
            continue
        low, high = math.floor(q), math.ceil(q)
        # what follows the division: a closing clause of its own step ("36 ÷ 10 = 3 R 6, so 3
        # boxes"), then the later steps
        tail = re.split(r"(?i),\s*so\b", step_texts[i])
        after = [(i, tail[-1])] * (len(tail) > 1) + [(j, t) for j, t in enumerate(step_texts) if j > i]
        said = [(j, t, numbers_in(words_to_digits(t))) for j, t in after]
        if any(math.isclose(v, high) for _, _, vs in said for v in vs):
            return None
        # the count carried on: said as that many of the group ("They need 3 buses"), alone ("She
        # makes 3 batches.") or multiplied ("3 × 2 sticks"); not "3 hours 45 minutes"
        counted = re.compile(rf"(?i)(?<![\d.]){low}\s+(?:[a-z]+\s+)?{re.escape(group[:3])}")
        multiplied = {j for j, lhs2, _ in comps if j > i and (r := operands(lhs2)) is not None
                      and r[0] is ast.Mult and low in (r[1], r[2])}
        j = next((j for j, t, vs in said if any(math.isclose(v, low) for v in vs)
                  and (counted.search(words_to_digits(t)) or j in multiplied or ("=" not in t and len(vs) == 1))), None)
        if j is None:
            return None
        return Relation(j, "remainder rounded down", written(lhs),
                        {"quotient": f"{float(q):.2f}".rstrip("0").rstrip("."), "stated": num(Fraction(low)),
                         "division": written(lhs), "used": True})
    return None


_PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|percent\b)", re.I)
# what a percent problem's question asks: the part (the tip, the tax, what is saved) or the
# amount after it (the sale price, the total with tax); a question that names both ("total
# tax", "discount price", "pay in tax") is not read
_TOTAL_SAID = re.compile(r"(?i)\b(?:with|including|plus|after)\s+(?:the\s+|a\s+|an\s+)?(?:\d+(?:\.\d+)?\s*(?:%|percent)\s+)?"
                         r"(?:sales\s+)?(?:tax|tip|discount|markup|"
                         r"increase|decrease|interest)\b|\b(?:tax|tip)[- ]included\b")
_PART_SAID = re.compile(r"(?i)\b(?:price|cost|bill|amount)\s+(?:go|goes|went|gone)\s+(?:up|down)\b|"
                        r"\b(?:price|cost|bill|amount)\s+(?:rise|rose|increase|drop|fall|fell|change)\w*\b")
_PART_WORD = re.compile(r"(?i)\b(?:tip|tax|discount|sav(?:e|es|ed|ing|ings)|interest|commission|markup|increase|"
                        r"decrease|off)\b|\b(?:go|goes|went)\s+(?:up|down)\b")
_TOTAL_WORD = re.compile(r"(?i)\b(?:total|price|balance|pay|paid|spend|spent|cost|costs|altogether|in\s+all|"
                         r"after|left|end\s+up|worth|new|now)\b")
# which way the part goes: a tip, a tax, a markup is added; a discount is taken away
# (a tax alone goes either way: added to a price, taken from a pay)
_ADDS = re.compile(r"(?i)\b(?:tip|sales\s+tax|markup|mark(?:s|ed)?\s+(?:it\s+|them\s+)?up|interest|increase\w*|rais\w*|"
                   r"went\s+up|goes\s+up|grows?|grew|gains?|gained|appreciat\w*)\b")
_TAKES = re.compile(r"(?i)\b(?:discount\w*|off|on\s+sale|sale\s+price|decrease\w*|reduc\w*|went\s+down|goes\s+down|markdown|"
                    r"mark(?:s|ed)?\s+(?:it\s+|them\s+)?down|take[- ]home|deduct\w*|withh\w*|los(?:es|e|t)|depreciat\w*)\b")
# other amounts said in words ("twice", "one-third of the rest"): the problem's numbers are not all written
_MULTIPLIER = re.compile(r"(?i)\b(?:twice|double|triple|half|halves|times)\b")


def _asks(question: str) -> tuple[bool, bool]:
    """``(asks for the part, asks for the amount after it)`` of a percent question."""
    if _TOTAL_SAID.search(question):
        return False, True
    if _PART_SAID.search(question):
        return True, False
    part, total = _PART_WORD.search(question) is not None, _TOTAL_WORD.search(question) is not None
    return part and not total, total and not part


_PRICE_EACH = re.compile(r"\$\s?\d[\d,]*(?:\.\d+)?\s+each\b")


def _percent_problem(text: str, one_amount: bool = True) -> tuple[Fraction | None, Fraction, bool, bool, bool] | None:
    """``(base, percent, asks for the part, adds, takes)`` of a problem whose one percent
    changes its one amount (a tip, a tax, a discount; not a share, "a battery at 60%") and
    whose question asks for either the part or the amount after it; else ``None``. Without
    ``one_amount`` the problem may write other numbers too (two prices on sale together, "over
    five years"): the base is then ``None`` where it writes more than one, for the work to say
    which amount the percent is of."""
    percents = _PERCENT.findall(text)
    others = numbers_in(_PERCENT.sub(" ", text))
    asked = " ".join(t for t in re.split(r"(?<=[.?!])\s+", text) if t.rstrip().endswith("?"))
    # ("$36 each" is the one amount's unit price, not a count of things)
    if len(percents) != 1 or not others or (one_amount and len(others) != 1) or \
            len(re.findall(r"(?i)\b(?:how|what|find)\b", asked)) > 1 or \
            _MULTIPLIER.search(text) or re.search(r"(?i)\b(?:each|every|per)\b", _PRICE_EACH.sub(" ", text)):
        return None
    adds, takes = _ADDS.search(text) is not None, _TAKES.search(text) is not None
    if not (adds or takes or re.search(r"(?i)\btax\b", text)):
        return None
    asks_part, asks_total = _asks(question_of(text))
    if asks_part == asks_total:
        return None
    return (Fraction(str(others[0])) if len(others) == 1 else None), Fraction(percents[0]), asks_part, adds, takes


def _percent_added(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A problem's one percent (a raise, a tax, a tip) whose number is added to or taken from
    one of the problem's amounts, or one the work found, as if it were an amount ("a 5% raise" on
    $16 an hour: "$16 + $5"; "20% off" the $92 of two prices: "92 - 20"), in a problem that
    writes that number only as the percent. The step named is the first that says the percent's
    number as an amount ("Tax is 10%, so that's $10"), else the computation."""
    percents = _PERCENT.findall(text)
    if len(percents) != 1:
        return None
    p = Fraction(percents[0])
    amounts = {Fraction(str(x)) for x in numbers_in(_PERCENT.sub(" ", text))}
    if p in amounts or p == 100 or not amounts:
        return None
    comps = list(computations(step_texts))
    # (a result the work finds may be the percent's number: "300 - 225 = 75" for 75% covered)
    if any(Fraction(str(v)).limit_denominator(10**6) == p for _, _, v in comps):
        return None
    # (or an amount the work found, "80 + 12 = 92", "92 - 20", where the percent is a change: an
    # average of 85 against one of 82% is a difference of scores)
    changes = any(pat.search(text) for pat in (_ADDS, _TAKES, re.compile(r"(?i)\btax\b")))
    worked: set[Fraction] = set()
    for i, lhs, v in comps:
        said = [Fraction(str(x)) for x in numbers_in(lhs)]
        value = Fraction(str(v)).limit_denominator(10**6)
        # (p% of 100 is p itself)
        base = next((b for b in said if b != p and (b in amounts or b in worked) and b != 100), None)
        if changes:
            worked.add(value)
        if re.search(r"[*/]", lhs) or len(said) != 2 or p not in said or base is None or value not in (base + p, base - p):
            continue
        k = next(j for j in range(i + 1) if p in {Fraction(str(x)) for x in numbers_in(_PERCENT.sub(" ", step_texts[j]))})
        return Relation(k, "percent as amount", f"{num(base)} and {num(p)}", {"percent": num(p), "base": num(base)})
    return None


# money paid out: "He spent $19 on lemons", "The supplies cost $12", "paid $40 for"
_EXPENSE = re.compile(r"(?i)\b(?:spent|spends|spend|paid|pays|pay|costs?)\s+(?:him\s+|her\s+|them\s+|a\s+total\s+of\s+)?"
                      r"\$\s?(\d+(?:\.\d+)?)(?!\s*(?:each|a|an|per|for\s+each)\b)")
_ASKS_PROFIT = re.compile(r"(?i)\bhow\s+much\s+(?:\w+\s+)?profit\b|\bwhat\s+(?:is|was|will\s+be)\s+(?:\w+\s+){0,2}?profit\b")


def _cost_added(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A profit worked out by adding what was spent: "He spent $19 on lemons and sugar. How much
    profit did he make?" answered with "126 + 19 = $145". Only where the question asks for the
    profit, and only the computation the answer comes from, adding one expense to an amount that
    is no expense (expenses added to each other are a total cost)."""
    if not _ASKS_PROFIT.search(question_of(text)):
        return None
    spent = {Fraction(e) for e in _EXPENSE.findall(text.replace(question_of(text), " "))}
    last = answer_computation(step_texts) if spent else None
    if last is None:
        return None
    i, lhs, _ = last
    flat = lhs.replace(" ", "").replace("$", "")
    if not re.fullmatch(r"[\d.]+(?:\+[\d.]+)+", flat):
        return None
    terms = [Fraction(t) for t in flat.split("+")]
    added = [t for t in terms if t in spent]
    if len(added) != 1 or len(terms) - len(added) < 1:
        return None
    return Relation(i, "cost added for profit", written(lhs), {"cost": num(added[0])})


# an age moved by years: "7 years ago" goes back, "in 5 years" / "5 years from now" ahead
_YEARS_AGO = re.compile(r"(?i)\b(\d+)\s+years?\s+ago\b")
_YEARS_AHEAD = re.compile(r"(?i)\b(?:in|after)\s+(\d+)\s+(?:more\s+)?years?\b|\b(\d+)\s+years?\s+(?:from\s+now|later|hence)\b")
_ASKS_AGE = re.compile(r"(?i)\bhow\s+old\b|\bages?\b")


def _years_the_wrong_way(text: str, step_texts: Sequence[str]) -> Relation | None:
    """An age asked for N years ago worked out by adding N, or one N years ahead by taking N
    away: "How old was Grandpa 7 years ago?" answered with "52 + 7 = 59". Only where the
    question names one such time and the rest of the problem moves no age itself ("5 years ago
    she was 20"), and only the computation the answer comes from, of two terms, N the second."""
    question = question_of(text)
    if not _ASKS_AGE.search(question):
        return None
    ago = {Fraction(x) for x in _YEARS_AGO.findall(question)}
    ahead = {Fraction(a or b) for a, b in _YEARS_AHEAD.findall(question)}
    rest = text.replace(question, " ")
    if len(ago) + len(ahead) != 1 or _YEARS_AGO.search(rest) or _YEARS_AHEAD.search(rest):
        return None
    last = answer_computation(step_texts)
    if last is None:
        return None
    i, lhs, _ = last
    m = re.fullmatch(r"\$?([\d.]+)([+-])\$?([\d.]+)", lhs.replace(" ", ""))
    years = next(iter(ago or ahead))
    if m is None or Fraction(m.group(3)) != years or m.group(2) != ("+" if ago else "-"):
        return None
    return Relation(i, "years the wrong way", written(lhs), {"years": num(years), "ago": bool(ago)})


# a question about what flows (used, spent, sold, filled, the average), never about what stays
_ASKS_FLOW = re.compile(r"(?i)\b(?:use|used|uses|spend|spent|spends|cost|costs|earn|earned|earns|sell|sold|sells|give|"
                        r"gave|given|eat|ate|eaten|fill|filled|average|collect|collected|pay|paid|bought|buy)\b")
_ASKS_REST = re.compile(r"(?i)\b(?:left|remain\w*|still|rest|more|change|sav\w*|keep|kept|empty|need\w*|now|after|"
                        r"end|have|has|had|fewer|less|differ\w*|than)\b")
# a step that finds what stays or is still missing ("Left: 1,250 − 900", "Empty seats", "She will have
# $5.80 left", "Still needed: 60 − 52")
_SAYS_REST = re.compile(r"(?i)\b(?:left|remain\w*|still|empty|leftover)\b")


def _rest_for_asked(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A solution that goes on past a question about what is used, spent, sold or filled (or an
    average) to what is left: the last result a subtraction whose step or conclusion says
    "left", "remaining", "still" or "empty", in a problem that tells of no rest itself. The
    step named is the subtraction's."""
    question = question_of(text)
    # (a problem that tells of a rest anywhere, "kept some", "the rest were", may ask about it)
    if not _ASKS_FLOW.search(question) or _ASKS_REST.search(question) or _SAYS_REST.search(text) or re.search(
            r"(?i)\b(?:rest|kept|keeps?|not|yet|remain\w*)\b|n't\b", text):
        return None
    said = [k for k, t in enumerate(step_texts) if numbers_in(t)]
    if not said:
        return None
    last = computation_reaching(step_texts, answer_value(step_texts[said[-1]]))
    if last is None:
        return None
    i, lhs, _ = last
    read = operands(lhs)
    if read is None or read[0] is not ast.Sub or not (_SAYS_REST.search(step_texts[i])
                                                      or _SAYS_REST.search(step_texts[said[-1]])):
        return None
    return Relation(i, "rest for asked", written(lhs), {})


_HOW_MANY_NOUN = re.compile(r"(?i)\bhow\s+many\s+(?:(?:more|fewer|full|whole)\s+)?([a-z]+)\b")


def _price_past_count(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A question that asks how many of something ("How many bundles of chairs does he need to
    rent?") answered with what they cost: the work finds the count ("24 ÷ 6 = 4" bundles), then
    multiplies it by a price and ends on dollars. The step named is that multiplication."""
    asked = _HOW_MANY_NOUN.search(question_of(text))
    if asked is None or re.match(r"(?i)(?:dollars?|cents?|pounds|euros?|money)$", asked.group(1)):
        return None
    said = [k for k, t in enumerate(step_texts) if numbers_in(t)]
    if not said or not re.search(r"\$\s*\d|(?i:\bdollars?\b)", step_texts[said[-1]]):
        return None
    prices = {Fraction(p) for p in re.findall(r"\$\s*(\d+(?:\.\d+)?)", text)}
    comps = list(computations(step_texts))
    found = {Fraction(str(v)).limit_denominator(10**6): k for k, _, v in comps}
    stem = asked.group(1).lower().rstrip("s")[:5]
    final = step_result(step_texts[said[-1]])
    # (the last computation, which the work ends on)
    for i, lhs, v in comps[-1:]:
        read = operands(lhs)
        if read is None or read[0] is not ast.Mult or final is None or abs(v - final) > 1e-6:
            continue
        count = next((x for x, y in ((read[1], read[2]), (read[2], read[1])) if y in prices and x in found), None)
        # the count found before, and named for what the question asks ("4 quarts", "Bundles: … = 4")
        if count is not None and found[count] < i and stem in step_texts[found[count]].lower():
            return Relation(i, "price for count", written(lhs), {"noun": asked.group(1).lower()})
    return None


_PEOPLE = r"(?:friends?|cousins?|classmates?|brothers?|sisters?|siblings?|kids?|children|teammates?|neighbou?rs?|coworkers?)"
# "among herself and 3 friends", "Mia and 2 friends each buy", "Leo and his 4 cousins share"
# (a count said in a word where the number reader leaves it: "two of his friends")
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_SELF_AND = re.compile(rf"(?:\b(?:herself|himself|themselves|myself)|\b[A-Z][a-z]+)\s+and\s+(?:(?:her|his|their|my)\s+)?"
                       rf"(\d+|{'|'.join(_SMALL)})\s+(?:of\s+(?:her|his|their|my)\s+)?(?:[a-z]+\s+)?{_PEOPLE}\b")
_SHARED = re.compile(r"(?i)\b(?:each|share[sd]?|sharing|split[s]?|equally|evenly|every\s+one)\b")
_SPLIT = re.compile(r"(?i)\b(?:share[sd]?|sharing|split[s]?|equally|evenly)\b")


def _self_left_out(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A group of "herself and 3 friends" (or "Mia and 2 friends") counted as 3 (or 2): the
    person named is left out where the work divides by the count, multiplies by it or says it
    as the number of people or things. ``None`` where a step writes the group's true size."""
    found = [m for m in _SELF_AND.finditer(text) if _SHARED.search(text[m.start():])]
    if len(found) != 1:
        return None
    m = found[0]
    n = Fraction(_SMALL.get(m.group(1)) or m.group(1))
    said = [{Fraction(str(x)) for x in numbers_in(words_to_digits(t))} for t in step_texts]
    # (the count written nowhere else: once as digits, or only as its word)
    if any(n + 1 in s for s in said) or numbers_in(text).count(float(n)) != (m.group(1) not in _SMALL):
        return None
    # a count said in a word ("Johann and two friends") is read only where a total is shared
    # out by it: multiplied, it is as often the others' part ("his friends each deliver 41")
    ops = (ast.Div,) if m.group(1) in _SMALL else (ast.Div, ast.Mult)
    if m.group(1) in _SMALL and not _SPLIT.search(text):
        return None
    for i, lhs, _ in computations(step_texts):
        read = operands(lhs)
        if read is not None and read[0] in ops and n in (read[2], read[1] if read[0] is ast.Mult else None):
            # the first step that takes the count for the group: said bare ("buy 2 tickets"), or here
            k = next((j for j in range(i) if "=" not in step_texts[j] and n in {
                Fraction(str(x)) for x in numbers_in(words_to_digits(_SELF_AND.sub(" ", step_texts[j])))}), i)
            return Relation(k, "self left out", written(lhs), {"count": num(n), "group": m.group(0)})
    return None


# "Four of the afternoon bags", "12 of them", "7 of the kids are teenagers"
_SUBSET = re.compile(r"(?<![\d.$])(?P<n>\d+)\s+of\s+(?:(?P<them>them|those|these)\b|the\s+(?P<what>(?:[a-z]+\s+){0,2}?[a-z]+s)\b)")


def _subset_added(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A part of a group the problem counts ("23 kids, and 7 of the kids are teenagers") added
    to that group as if it were more of them ("23 + 7"): the part is already counted in it.
    The group's amount is the number written before its noun ("23 kids"), or, for "of them",
    the amount just before in the same sentence; the part's number is written once."""
    found = []
    for m in _SUBSET.finditer(text):
        n = Fraction(m.group("n"))
        if numbers_in(text).count(float(n)) != 1:
            continue
        if m.group("them"):
            before = text[text.rfind(".", 0, m.start()) + 1:m.start()]
            # (a count of things, not "20 more" nor another part, "27 of them")
            groups = re.findall(r"(?<![\d.$])(\d[\d,]*)\s+(?!more\b|less\b|fewer\b|times\b|of\b|percent\b)[a-z]+", before)[-1:]
        else:
            noun = m.group("what").split()[-1]
            groups = re.findall(rf"(?<![\d.$])(\d[\d,]*)\s+(?:[a-z]+\s+){{0,1}}{re.escape(noun)}\b", text[:m.start()])
        # (the nearest group first: "14 bags in the morning and 9 bags in the afternoon. Four of the
        # afternoon bags")
        found += [(n, g, m.group(0)) for g in (Fraction(x.replace(",", "")) for x in reversed(groups)) if g > n]
    if not found:
        return None
    for i, lhs, _ in computations(step_texts):
        flat = lhs.replace(" ", "")
        if not re.fullmatch(r"[\d.]+(?:\+[\d.]+)+", flat):
            continue
        terms = [Fraction(t) for t in flat.split("+")]
        for n, g, said in found:
            if n in terms and g in terms:
                return Relation(i, "subset counted again", written(lhs), {"part": num(n), "group": num(g),
                                                                          "said": said})
    return None


# "shares the rest among her 4 cousins": the cousins only
_AMONG_OTHERS = re.compile(rf"(?i)\b(?:among|between|to)\s+(?:her|his|their|my)\s+(\d+)\s+(?:[a-z]+\s+)?{_PEOPLE}\b")


def _self_counted_in(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A share "among her 4 cousins" worked out for 4 + 1 people: the one sharing is counted in,
    though the problem names only the others (she is not "among herself and" them)."""
    if _SELF_AND.search(text) or re.search(r"(?i)\b(?:herself|himself|themselves|myself|including|with\s+(?:her|him))\b",
                                           text[:text.find("?") if "?" in text else len(text)].split(".")[-1]):
        return None
    found = list(_AMONG_OTHERS.finditer(text))
    if len(found) != 1 or numbers_in(text).count(float(found[0].group(1))) != 1:
        return None
    n = Fraction(found[0].group(1))
    for i, lhs, _ in computations(step_texts):
        if lhs.replace(" ", "") in (f"{num(n)}+1", f"1+{num(n)}"):
            return Relation(i, "self counted in", written(lhs), {"count": num(n), "group": found[0].group(0)})
    return None


def asked_percent(problem_text: str) -> Fraction | None:
    """The answer a one-percent problem's words fix (:func:`_percent_problem`): the part, or
    the amount after adding it (a tip, a tax) or taking it off (a discount); ``None`` where
    the problem is not one or says both ways."""
    found = _percent_problem(words_to_digits(problem_text))
    if found is None:
        return None
    base, p, asks_part, adds, takes = found
    part = base * p / 100
    if asks_part:
        return part
    return base + part if adds and not takes else base - part if takes and not adds else None


# "25% off", "a 20% discount", "discounted by 10%"; "8% sales tax", "a tax of 6%"
_DISCOUNT = re.compile(r"(?i)(\d+(?:\.\d+)?)\s*(?:%|percent\b)\s*(?:off\b|discount\b)|"
                       r"\bdiscount(?:ed)?\s+(?:of|by)\s+(\d+(?:\.\d+)?)\s*(?:%|percent\b)")
_TAX = re.compile(r"(?i)(\d+(?:\.\d+)?)\s*(?:%|percent\b)\s*(?:sales\s+)?tax\b|"
                  r"\btax\s+(?:of|is|rate\s+is)\s+(\d+(?:\.\d+)?)\s*(?:%|percent\b)")
# the tax is said to be on the price after the discount
_ON_SALE_PRICE = re.compile(r"(?i)\b(?:to|on|of)\s+the\s+(?:sale|discounted|reduced|new)\s+price\b|"
                            r"\bafter\s+the\s+discount\b")


def _discount_then_tax(text: str) -> tuple[Fraction, Fraction, Fraction] | None:
    """``(price, discount %, tax %)`` of a problem with one price, a discount, then a tax the
    problem says is on the price after the discount, asking for the final price; else ``None``."""
    d, t = _DISCOUNT.findall(text), _TAX.findall(text)
    others = numbers_in(_PERCENT.sub(" ", text))
    if (len(d) != 1 or len(t) != 1 or len(_PERCENT.findall(text)) != 2 or len(others) != 1
            or not _ON_SALE_PRICE.search(text) or not re.search(r"(?i)\b(?:final|total|pay|cost)\b", question_of(text))):
        return None
    return Fraction(str(others[0])), Fraction(d[0][0] or d[0][1]), Fraction(t[0][0] or t[0][1])


def asked_after_discount_and_tax(problem_text: str) -> Fraction | None:
    """The final price of a discount-then-tax problem (:func:`_discount_then_tax`): price ×
    (1 − discount) × (1 + tax), or ``None``."""
    found = _discount_then_tax(words_to_digits(problem_text))
    if found is None:
        return None
    price, d, t = found
    return price * (100 - d) / 100 * (100 + t) / 100


# "marked down 15%", "15% off"; then "a coupon for 10% off the sale price": a second discount
_MARKED_DOWN = re.compile(r"(?i)\b(?:marked\s+down|reduced|discounted)\s+(?:by\s+)?(\d+(?:\.\d+)?)\s*(?:%|percent\b)|"
                          r"(\d+(?:\.\d+)?)\s*(?:%|percent\b)\s*off\b(?!\s+(?:the|its|that)\s+(?:sale|discounted|"
                          r"reduced|new)\s+price)")
_OFF_SALE_PRICE = re.compile(r"(?i)(\d+(?:\.\d+)?)\s*(?:%|percent\b)\s*off\s+(?:the|its|that)\s+(?:sale|discounted|"
                             r"reduced|new)\s+price\b")


def _second_discount_on_original(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A second discount the problem takes off the sale price ("a coupon for 10% off the sale
    price"), worked out on the price before the first discount ("10% of $240")."""
    first, second = _MARKED_DOWN.findall(text), _OFF_SALE_PRICE.findall(text)
    others = numbers_in(_PERCENT.sub(" ", text))
    if len(first) != 1 or len(second) != 1 or len(_PERCENT.findall(text)) != 2 or len(others) != 1 \
            or not re.search(r"(?i)\b(?:final|total|pay|cost|price)\b", question_of(text)):
        return None
    price, d, d2 = Fraction(str(others[0])), Fraction(first[0][0] or first[0][1]), Fraction(second[0])
    taken = _percent_taken(price, d2, step_texts)
    return None if taken is None else Relation(taken[0], "second discount on the original price", written(taken[1]),
                                               {"price": num(price), "second": num(d2), "discount": num(d)})


def _percent_taken(price: Fraction, rate: Fraction, step_texts: Sequence[str]) -> tuple[int, str] | None:
    """``(step, left side)`` of the first computation that takes ``rate`` percent of ``price``
    ("0.05 × 60", "10% of $240", "240 × 10 / 100"), or ``None``."""
    for i, lhs, value in computations(step_texts):
        said = sorted(Fraction(str(x)) for x in numbers_in(lhs))
        if Fraction(str(value)) == price * rate / 100 and said in (sorted([price, rate / 100]), sorted([price, rate]),
                                                                   sorted([price, rate, 100])):
            return i, lhs
    return None


def _tax_on_original(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A tax the problem puts on the sale price, worked out on the price before the discount
    ("0.05 × 60" where the sale price is 48)."""
    found = _discount_then_tax(text)
    if found is None:
        return None
    price, d, t = found
    taken = _percent_taken(price, t, step_texts)
    for i, lhs, value in computations(step_texts):
        if taken == (i, lhs):
            return Relation(i, "tax on the original price", written(lhs),
                            {"price": num(price), "tax": num(t), "discount": num(d)})
        said = sorted(Fraction(str(x)) for x in numbers_in(lhs))
        if Fraction(str(value)) == price * (100 + t) / 100 and said == sorted([price, (100 + t) / 100]):
            return Relation(i, "tax on the original price", written(lhs),
                            {"price": num(price), "tax": num(t), "discount": num(d)})
    return None


def _percent_part(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A percent problem that asks for the part and ends on the amount after it, the reverse,
    or the part taken the wrong way (a tip taken off the bill)."""
    found = _percent_problem(text, one_amount=False)
    if found is None:
        return None
    base, p, asks_part, adds, takes = found
    asks_total = not asks_part
    comps = [(i, lhs, Fraction(v).limit_denominator(10**6)) for i, lhs, v in computations(step_texts)]
    if base is None:
        # the amount the work takes the percent of ("25% of $104 = $26", the two prices added)
        base = next((b for _, lhs, v in comps for b in {Fraction(str(x)) for x in numbers_in(lhs)}
                     if b not in (p, p / 100) and b * p / 100 == v
                     and {Fraction(str(x)) for x in numbers_in(lhs)} <= {b, p, p / 100, Fraction(100)}), None)
        if base is None:
            return None
    part = base * p / 100
    # the part worked out from the base ("0.25 × 80"), not a value that happens to equal it
    # (or named by its percent: "10% = 4", "15% = 6")
    finds_part = next((i for i, lhs, v in comps if v == part and base in {Fraction(str(x)) for x in numbers_in(lhs)}),
                      next((i for i, t in enumerate(step_texts) if (p, part) in percent_amounts(t)), None))
    if finds_part is None:  # the part added or taken in one go: "20000 × 1.12", "80 × 0.75"
        finds_part = next((i for i, lhs, v in comps if "*" in lhs and v in (base + part, base - part)
                           and base in {Fraction(str(x)) for x in numbers_in(lhs)}), None)
    ends = [k for k, t in enumerate(step_texts) if numbers_in(t)]
    facts = {"percent": num(p), "base": num(base)}
    if finds_part is None:  # "grew by 4%": 8,000 + 4, the percent's number used as the amount
        as_amount = next((i for i, lhs, v in comps if v in (base + p, base - p) and not re.search(r"[*/]", lhs)
                          and {base, p} <= {Fraction(str(x)) for x in numbers_in(lhs)}), None)
        if as_amount is not None:
            return Relation(as_amount, "percent as amount", f"{num(base)} and {num(p)}", facts)
    if finds_part is None or not ends:
        return None
    k = ends[-1]
    said = answer_value(step_texts[k])
    if said is None:
        return None
    conclusion = Fraction(str(said)).limit_denominator(10**6)
    right_way = base + part if adds and not takes else base - part if takes and not adds else None
    # (a conclusion that also states the part answers the question, then says more)
    states_part = any(Fraction(str(x)) == part for x in numbers_in(step_texts[k]))
    if asks_part and conclusion in (base + part, base - part) and not states_part:
        step = next((i for i, _, v in comps if v in (base + part, base - part) and i >= finds_part), k)
        return Relation(step, "total for part", f"{num(base)} and {num(part)}", facts)
    # (the part worked out as the last line, with no answer said: the work is not finished yet)
    # (at 50% the part and the amount after taking it off are one number: the part's own step
    # is not the amount after it)
    if asks_total and conclusion == part and k > finds_part and not any(v in (base + part, base - part)
                                                                         for i, _, v in comps if i != finds_part):
        return Relation(k, "part for total", f"{num(p)}% of {num(base)}", facts)
    if asks_total and right_way is not None and conclusion == 2 * base - right_way != right_way:
        step = next((i for i, _, v in comps if v == conclusion and i >= finds_part), k)
        return Relation(step, "part the wrong way", f"{num(base)} and {num(part)}",
                        {**facts, "right_way": "added to" if adds else "taken away from"})
    return None


_FRACTION_OF = re.compile(r"\(?(\d+)\s*/\s*(\d+)\)?\s+of\s+(?:them|those|these|the\s+\w+|it|her\s+\w+|his\s+\w+)"
                          r"\s+((?:(?!\band\b)[^.?!,;])*)")
_REST = re.compile(r"(?i)\b(?:not|n't|rest|remaining|remain|left|others?)\b")
_STOP = {"the", "a", "an", "of", "them", "do", "does", "did", "are", "is", "how", "many", "much", "what", "to", "in",
         "and", "their", "his", "her", "its", "there", "were", "was", "will", "would", "not", "students", "people"}


def _fractions_of(text: str) -> tuple[list[tuple[str, str, str]], list[Fraction]]:
    """The problem's fractions of a whole ("2/5 of them ride the bus": numerator, denominator,
    the clause after) and its other whole numbers (the wholes they may be of)."""
    wholes = [Fraction(v.replace(",", "")) for v in re.findall(r"(?<![\d/])\d{1,3}(?:,\d{3})+(?![\d/])|(?<![\d/(])\d+(?![\d/)])",
                                                              _FRACTION_OF.sub(" ", text))]
    return _FRACTION_OF.findall(text), wholes


def _fraction_part(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A fraction of a whole ("2/5 of them ride the bus") where the question asks for that
    part and the work ends on the rest, or asks for the rest and the work ends on the part."""
    found, wholes = _fractions_of(text)
    if len(found) != 1 or len(wholes) != 1:
        return None
    # the other group named too ("the rest were cash sales"): which one is asked is not read
    # from shared words
    if _REST.search(text.replace(question_of(text), " ")):
        return None
    a, b, clause = found[0]
    if int(b) == 0:
        return None
    whole, share = wholes[0], Fraction(int(a), int(b))
    part = whole * share
    # (a half: the part and the rest are the same number)
    if not 0 < share < 1 or share == Fraction(1, 2) or part.denominator != 1:
        return None
    question = question_of(text)
    # the question names the group by the clause's own first word ("ride", "absent"): "were
    # absent" and "were present" share "last Monday" but not the group
    said = [w for w in re.findall(r"[a-z]+", clause.lower()) if w not in _STOP]
    if not said or said[0] not in re.findall(r"[a-z]+", question.lower()) or \
            re.search(r"(?i)\b(?:total|in\s+all|altogether|both|each)\b", question) or _MULTIPLIER.search(text):
        return None
    asks_rest = _REST.search(question) is not None
    comps = [(i, Fraction(v).limit_denominator(10**6), lhs) for i, lhs, v in computations(step_texts)]
    ends = [k for k, t in enumerate(step_texts) if numbers_in(t)]
    if not ends or not any(v == part for _, v, _ in comps):
        return None
    k = ends[-1]
    conclusion = answer_value(step_texts[k])
    if conclusion is None:
        return None
    conclusion = Fraction(str(conclusion)).limit_denominator(10**6)
    facts = {"fraction": f"{a}/{b}", "whole": num(whole)}
    # the rest worked out: by taking the part away (28 ÷ 4 = 7 is a quarter, not the rest)
    rest = [i for i, v, lhs in comps if v == whole - part and "-" in lhs]
    if not asks_rest and conclusion == whole - part and rest:
        return Relation(rest[0], "rest for part", f"{num(whole)} − {num(part)}", facts)
    if asks_rest and conclusion == part and not rest and k > max(i for i, v, _ in comps if v == part):
        return Relation(k, "part for rest", f"{a}/{b} of {num(whole)}", facts)
    return None


# a step that says it finds what is left ("he keeps", "left", "the rest", "remaining")
_KEEPS = re.compile(r"(?i)\b(?:keeps?|kept|left|rest|remaining|remains?)\b")
# ... and a share taken from the whole in the problem ("gives 1/4 of them", "spent 3/5 of her money")
_TAKEN_AWAY = re.compile(r"(?i)\b(?:gives?|gave|spends?|spent|sells?|sold|eats?|ate|uses?|used|loses?|lost|donates?|donated|"
                    r"takes?|took|pays?|paid)\b")


def _part_named_rest(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A share the problem takes away from a whole ("gives 1/4 of them to his sister") worked
    out in a step that says it finds what is left ("so he keeps 240 ÷ 4 = 60"): the part
    taken, named as the rest (the rest is the whole less that part)."""
    found, wholes = _fractions_of(text)
    if len(found) != 1 or not wholes:
        return None
    a, b, _ = found[0]
    at = text.find(f"{a}/{b}")
    # the share is one the problem takes away, said in its own sentence
    sentence = re.split(r"(?<=[.!?])\s+", text[:at])[-1] if at >= 0 else ""
    if int(b) == 0 or not _TAKEN_AWAY.search(sentence):
        return None
    share = Fraction(int(a), int(b))
    if not 0 < share < 1 or share == Fraction(1, 2):
        return None
    for whole in wholes:
        part = whole * share
        if part.denominator != 1:
            continue
        for i, lhs, v in computations(step_texts):
            step = step_texts[i]
            said_at = step.find(lhs.strip()[:3])
            if (Fraction(v).limit_denominator(10**6) == part and "-" not in lhs and "−" not in step
                    and _KEEPS.search(step[:said_at] if said_at > 0 else "")
                    and not any(c == whole - part for _, _, c in computations([step]))):
                return Relation(i, "part named as rest", f"{a}/{b} of {num(whole)}",
                                {"fraction": f"{a}/{b}", "whole": num(whole)})
    return None


_BOX = re.compile(r"(?i)\b(?:box|prism|cube|tank|cuboid|container|crate|aquarium|room|brick)\b")
_ASKS_VOLUME = re.compile(r"(?i)\b(?:volume|cubic|hold|holds|fill|fills|capacity)\b")


def _box(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A box's volume worked as the sum of its three edges ("4 + 5 + 3 = 12 cm³")."""
    sizes = _lengths(text)
    question = question_of(text)
    if not _BOX.search(text) or len(sizes) != 3 or len(numbers_in(text)) != 3 or not _ASKS_VOLUME.search(question) \
            or re.search(r"(?i)\b(?:surface|wrap|paint|cover|edges?|ribbon|tape|around)\b", text):
        return None
    last = _last(step_texts)
    if last is None:
        return None
    i, lhs, value = last
    if re.fullmatch(r"[\d.\s()]+(?:\+[\d.\s()]+){2}", lhs) and sorted(
            Fraction(str(x)) for x in numbers_in(lhs)) == sorted(sizes):
        return Relation(i, "volume by adding", written(lhs),
                        {"length": num(sizes[0]), "width": num(sizes[1]), "height": num(sizes[2])})
    return None


# "cut into 6 equal pieces", "shared equally among 4 friends", "split between 3 boxes"
_SHARED_INTO = re.compile(r"(?i)\b(?:cut|divided?|split|shared?|separated?|packed|poured)\b[^.?!]{0,40}?"
                          r"\b(?:into|among|between|in)\s+(\d+)\s+(?:equal(?:ly)?\s+)?([A-Za-z]+)")
# "5 children share 2 sandwiches equally": the sharers first, then the whole
_SHARERS = re.compile(r"(?i)(?<![\d.,/])(\d+)\s+([A-Za-z]+)\s+(?:share|split|divide)\s+(\d+(?:\.\d+)?(?:/\d+)?)\s+[A-Za-z]")


def _share_setup(text: str) -> tuple[Fraction, Fraction] | None:
    """``(whole, number of equal shares)`` of a problem that shares one whole equally and asks
    for one share ("each piece", "each child"), giving those two numbers only; else ``None``."""
    question = question_of(text)
    cut, sharers = _SHARED_INTO.search(text), _SHARERS.search(text)
    if cut is not None:  # "A 4.8 m ribbon is cut into 6 equal pieces": the whole said before it is cut
        parts, noun, before = Fraction(cut.group(1)), cut.group(2), numbers_in(text[:cut.start()])
        whole = Fraction(str(before[0])) if len(before) == 1 else None
    elif sharers is not None:
        parts, noun, whole = Fraction(sharers.group(1)), sharers.group(2), Fraction(sharers.group(3))
    else:
        return None
    noun = singular(noun)  # "bags": "bag"; "children": "child"
    if not re.search(rf"(?i)\b(?:each|one|1|per)\s+{re.escape(noun)}", question):
        return None
    if any(Fraction(str(x)) not in (1, parts) for x in numbers_in(question)):
        return None
    # (a fraction is one number: "share 2/3 pound")
    given = [Fraction(x) for x in re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?:/\d+)?", text.replace(question, " "))]
    if whole is None or len(given) != 2 or parts not in given or parts < 2 or whole == parts:
        return None
    return whole, parts


def _equal_share(text: str, step_texts: Sequence[str]) -> Relation | None:
    """One equal share bigger than the whole it comes from: "A 4.8 m ribbon is cut into 6
    equal pieces. How long is each piece?" answered with 4.8 × 6, or "5 children share 2
    sandwiches equally" with 5 ÷ 2 (the sharers divided by the whole). Read only where the
    problem gives two numbers, the whole and the count of shares (:func:`_share_setup`), and the
    answer's computation works with exactly those two."""
    setup = _share_setup(text)
    comps = list(computations(step_texts))
    if setup is None or not comps:
        return None
    whole, parts = setup
    # the answer's computation, or the first that works with the two numbers (a fraction whole,
    # "4 ÷ 2/3 = 4 × 3/2 = 6", goes on after it)
    for i, lhs, value in [comps[-1]] + comps[:-1]:
        m = re.fullmatch(r"\s*\(?([\d.]+(?:/[\d.]+)?)\)?\s*([*/])\s*\(?([\d.]+(?:/[\d.]+)?)\)?\s*", lhs)
        if m is None or sorted([Fraction(m.group(1)), Fraction(m.group(3))]) != sorted([whole, parts]) or value <= whole:
            continue
        name = "share by multiplying" if m.group(2) == "*" else "share divided the wrong way"
        return Relation(i, name, written(lhs), {"whole": num(whole), "parts": num(parts)})
    return None


# an expression to evaluate: numbers, operators and brackets, two operations at least (a
# leading minus belongs to it: "−3 + 4 × 2")
_EXPRESSION = re.compile(r"(?:(?<=^)|(?<=[\s(:]))(?:[-−]\s*)?\(?\d+(?:\.\d+)?(?:\s*(?:[-+*/×÷·−^²³]|\*\*|x(?=\s*\(?\d))"
                         r"\s*\(?\s*\d*(?:\.\d+)?\s*\)?)+")
_ASKS_EVALUATE = re.compile(r"(?i)\b(?:evaluate|simplify|compute|calculate|solve|find\s+the\s+value|what\s+is|"
                            r"work\s+out)\b")


def _expression_of(text: str) -> tuple[str, Fraction] | None:
    """The numeric expression a problem asks to evaluate and its value, or ``None``."""
    if not _ASKS_EVALUATE.search(text) or "=" in text or re.search(
            r"(?i)\b(?:right|correct|mistake|error|true|false|explain|wrote|says?|claims?)\b", text) or \
            re.search(r"\d\s+\d+\s*/\s*\d", text):  # (a mixed number: "2 1/2")
        return None
    # the expression right after the asking words ("Evaluate 3 + 4 × 2", "What is 18 ÷ 3 × 2?"),
    # not a measurement elsewhere in a word problem ("a box 12 × 9 × 6 inches")
    text = superscripts(text)
    found = [m.group(0).strip() for m in _EXPRESSION.finditer(text)
             if re.search(r"(?i)(?:evaluate|simplify|compute|calculate|solve|value\s+of|is|work\s+out|expression)"
                          r"\s*:?\s*(?:the\s+expression\s*)?$", text[:m.start()])]
    found = [e for e in found if len(re.findall(r"(?:[-+*/×÷·−^x]|\*\*)", e.lstrip("-−"))) >= 2]
    if len(found) != 1:
        return None
    expr = normalize_math(found[0])
    value = evaluate(expr)
    return (expr, value) if value is not None else None


def _order_of_operations(text: str, step_texts: Sequence[str]) -> Relation | None:
    """An expression the problem asks to evaluate, whose work combines two numbers the rules
    do not combine (3 + 4 × 2 worked as 3 + 4 = 7; 18 ÷ 3 × 2 as 3 × 2 = 6)."""
    found = _expression_of(text)
    if found is None:
        return None
    expr, value = found
    ends = [answer_value(t) for t in step_texts if numbers_in(t)]
    comps = list(computations(step_texts))
    # the answer reached, or the expression's value worked out on the way (the question asks
    # more after it: "then doubled", "in hours"): the order was right
    if not ends or ends[-1] is None or _close(ends[-1], value) or any(_close(v, value) for _, _, v in comps):
        return None
    groups = _operand_groups(expr)
    if groups is None:
        return None
    for i, lhs, v in comps:
        # a power inside a step ("3 + 2^2") is one operand, worth its value
        powered = re.sub(r"(\d+(?:\.\d+)?)\^\(?(\d{1,2})\)?", lambda m: num(Fraction(m.group(1)) ** int(m.group(2))), lhs)
        operands = [abs(Fraction(str(x))) for x in numbers_in(powered)]
        if lhs != powered and len(operands) == 1:
            continue  # a power worked out alone ("2^4 = 16")
        if len(operands) != 2:
            return None  # a longer computation: its grouping is not read
        if not any(_combines(operands, Fraction(v).limit_denominator(10**6), g) for g in groups):
            return Relation(i, "order of operations", written(lhs), {"expression": written(expr)})
    return None


def _operand_groups(expr: str) -> list[tuple[str, list[Fraction]]] | None:
    """For every operation of ``expr`` (a sum, a product, a power), its kind and the values of
    its operands: a right order of work only ever combines operands of one operation. A
    difference is a sum with a negative term, a quotient a product with a reciprocal."""
    import sympy
    from sympy.parsing.sympy_parser import parse_expr

    try:
        tree = parse_expr(expr.replace("^", "**"), evaluate=False)
    except Exception:  # (sympy raises many kinds on odd input)
        return None
    groups: list[tuple[str, list[Fraction]]] = []

    def value(node) -> Fraction:
        return Fraction(str(sympy.nsimplify(node.doit())))

    def walk(node) -> None:
        if node.is_Number:
            return
        kind = "+" if isinstance(node, sympy.Add) else "*" if isinstance(node, sympy.Mul) else \
            "^" if isinstance(node, sympy.Pow) else None
        if kind is None:
            raise ValueError(node)
        groups.append((kind, [value(a) for a in node.args]))
        for a in node.args:
            walk(a)

    try:
        walk(tree)
    except (ValueError, TypeError, ZeroDivisionError):
        return None
    return groups


def _combines(operands: list[Fraction], result: Fraction, group: tuple[str, list[Fraction]]) -> bool:
    """Whether a step "a op b = result" combines parts of one operation of the expression: two
    disjoint sets of its operands, worth a and b (as written: a term's size, a divisor's
    reciprocal), whose combination is the result (or its reciprocal: 48 ÷ (4 × 2))."""
    import itertools

    kind, values = group
    if kind == "^":
        return len(values) == 2 and values[1].denominator == 1 and result == values[0] ** int(values[1])
    combine = sum if kind == "+" else math.prod
    n = len(values)
    if n > 8:
        return True  # (too many parts to pair up: not judged)
    subsets = [(set(c), combine(values[j] for j in c)) for k in range(1, n) for c in itertools.combinations(range(n), k)]

    def fits(x: Fraction, target: Fraction) -> bool:
        return abs(x) == abs(target) or (kind == "*" and x != 0 and abs(1 / x) == abs(target))

    a, b = operands
    for sa, va in subsets:
        if not fits(va, a):
            continue
        for sb, vb in subsets:
            if sa & sb or not fits(vb, b):
                continue
            total = combine([va, vb])
            if fits(total, result) or fits(result, total):
                return True
    return False


# a question about the long side of a right triangle: a diagonal, a hypotenuse, a ladder's length,
# the straight-line distance back to the start
_ASKS_LONG_SIDE = re.compile(r"(?i)\b(?:diagonal|hypotenuse|straight[- ]line|as\s+the\s+crow\s+flies|"
                             r"how\s+long\s+is\s+the\s+(?:ladder|ramp|wire|rope|slide)|"
                             r"how\s+far\s+(?:is\s+\w+\s+|away\s+)?(?:from|back\s+to)\s+(?:where|the\s+start))")


# the long side of a right triangle, said in the problem: "a 10-foot ladder", "a 25 m wire", "a
# hypotenuse of 13", "a kite string is 26 m long"
_LONG_SIDE_GIVEN = re.compile(
    r"(?i)(?<![\d.])(\d+(?:\.\d+)?)[- ]?(?:[A-Za-z]+[- ])?(?:long\s+)?(?:ladder|wire|rope|cable|string|slide|ramp|pole\s+brace)\b|"
    r"\b(?:ladder|wire|rope|cable|string|slide|ramp|hypotenuse|diagonal)\s+(?:is|of|measures|that\s+is)\s+(\d+(?:\.\d+)?)")
_ASKS_LEG = re.compile(r"(?i)\bhow\s+(?:high|tall|far)\b|\bother\s+leg\b|\bfind\s+the\s+(?:missing\s+)?leg\b|\bheight\b")


def _legs(text: str) -> list[Fraction]:
    """The problem's two sizes: two lengths (or two counts of blocks: "9 blocks north and 12
    blocks east"), else its only two numbers ("legs of 9 and 12")."""
    given = [(v, q.unit) for v, q in given_quantities(text).items() if len(q.unit) == 1 and 1 in dict(q.unit).values()]
    if len(given) == 2 and (given[0][1] == given[1][1] or all(next(iter(dict(u))).startswith("#") for _, u in given)):
        return sorted(v for v, _ in given)
    written = [Fraction(str(x)) for x in numbers_in(text)]
    return sorted(written) if len(written) == 2 else []


def _right_triangle(text: str, step_texts: Sequence[str]) -> Relation | None:
    """The long side of a right triangle from its two legs (a diagonal, a hypotenuse, a ladder
    from its foot and its height, a straight-line distance after two moves at right angles)
    worked as the legs added, as the sum of their squares with no square root, or with a leg
    "squared" by doubling it (Pythagoras: a² + b² = c²); or a leg from the long side and the
    other leg worked with the squares added or the lengths subtracted."""
    question = question_of(text)
    long_side = _LONG_SIDE_GIVEN.search(text)
    if long_side and _ASKS_LEG.search(question or text):
        return _leg(text, step_texts, Fraction(long_side.group(1) or long_side.group(2)))
    if not _ASKS_LONG_SIDE.search(question or text):
        return None
    legs = _legs(text)
    if len(legs) != 2:
        return None
    a, b = legs
    comps = [(i, lhs, Fraction(v).limit_denominator(10**6)) for i, lhs, v in computations(step_texts)]
    rooted = _rooted(step_texts)
    facts = {"a": num(a), "b": num(b), "squares": num(a * a + b * b)}
    for i, lhs, v in comps:
        operands = sorted(Fraction(str(x)) for x in numbers_in(lhs))
        if operands == [a, b] and "+" in lhs and v == a + b:
            return Relation(i, "legs added", squares_said(written(lhs)), facts)
        if rooted and "*" in lhs and v in (2 * a, 2 * b) and operands in ([2, a], [2, b], [a, 2], [b, 2]) and a != 2 != b:
            return Relation(i, "square as doubling", written(lhs), {**facts, "leg": num(v / 2)})
    return _root_slip(step_texts, comps, a * a + b * b, facts)


def _root_slip(step_texts: Sequence[str], comps: list, square: Fraction, facts: dict) -> Relation | None:
    """A side's square (``square``: a² + b², or c² − a² for a leg) given as its length with no
    square root anywhere, or halved for its square root."""
    for i, lhs, v in comps:
        if re.fullmatch(r"[\d.\s]+/\s*2", lhs) and Fraction(str(numbers_in(lhs)[0])) == square:
            return Relation(i, "square root as halving", written(lhs), {**facts, "squares": num(square)})
    said = answer_value(step_texts[-1]) if step_texts else None
    if not _rooted(step_texts) and said is not None and Fraction(str(said)).limit_denominator(10**6) == square:
        # (the step that gives the square as the side, not the one that works it out rightly)
        return Relation(len(step_texts) - 1, "square root left out", num(square), {**facts, "squares": num(square)})
    return None


def _rooted(step_texts: Sequence[str]) -> bool:
    """Whether the work takes a square root anywhere."""
    return any(re.search(r"√|sqrt|root", t, re.I) for t in step_texts)


def _leg(text: str, step_texts: Sequence[str], c: Fraction) -> Relation | None:
    """A leg of a right triangle whose long side ``c`` the problem gives (a ladder's length),
    found from the squares added ("6² + 10²": a leg longer than the ladder) or from the lengths
    subtracted ("26 − 10")."""
    others = [Fraction(str(x)) for x in numbers_in(text) if Fraction(str(x)) != c]
    if len(others) != 1 or others[0] >= c:
        return None
    a = others[0]
    facts = {"long": num(c), "leg": num(a), "squares": num(c * c - a * a)}
    comps = [(i, lhs, Fraction(v).limit_denominator(10**6)) for i, lhs, v in computations(step_texts)]
    for i, lhs, v in comps:
        operands = sorted(Fraction(str(x)) for x in numbers_in(lhs))
        if v == a * a + c * c and "+" in lhs and "-" not in lhs:
            return Relation(i, "long side squared and added", squares_said(written(lhs)), facts)
        if operands == [a, c] and re.fullmatch(r"[\d.\s]+-[\d.\s]+", lhs) and v == c - a:
            return Relation(i, "lengths subtracted", written(lhs), facts)
    return _root_slip(step_texts, comps, c * c - a * a, facts)


def _limiting_count(text: str, step_texts: Sequence[str]) -> Relation | None:
    """Whole sets made from two supplies ("132 roses and 75 lilies, 6 roses and 3 lilies a
    bouquet"): each supply divided by what one set needs, then the larger count answered, where
    the supply that runs out first, the smaller count, limits how many sets are made."""
    question = question_of(text)
    if not _ROUND_DOWN.search(question) or _ROUND_UP.search(question):
        return None
    given = {Fraction(str(x)) for x in numbers_in(text)}
    counts: list[tuple[int, str, Fraction]] = []
    for i, lhs, v in computations(step_texts):
        read = operands(lhs)
        if read is not None and read[0] is ast.Div and read[1] in given and read[2] in given and read[2] > 1:
            counts.append((i, written(lhs), Fraction(math.floor(Fraction(v).limit_denominator(10**6)))))
    ends = [k for k, t in enumerate(step_texts) if numbers_in(t)]
    if len(counts) != 2 or not ends or counts[0][2] == counts[1][2]:
        return None
    said = answer_value(step_texts[ends[-1]])
    small, large = sorted(counts, key=lambda c: c[2])
    if said is None or Fraction(str(said)) != large[2] or ends[-1] <= max(small[0], large[0]):
        return None
    return Relation(ends[-1], "larger count of two supplies", f"{small[1]} and {large[1]}",
                    {"small": num(small[2]), "large": num(large[2]), "small_division": small[1],
                     "large_division": large[1]})


# "the ratio of boys to girls is 3 : 5", "the ratio of red to blue marbles is 2 to 7"
_RATIO_OF = re.compile(r"(?i)\bratio\s+of\s+(?:the\s+)?(?:number\s+of\s+)?(?P<x>[a-z]+)(?:\s+[a-z]+)?\s+to\s+"
                       r"(?:the\s+)?(?:number\s+of\s+)?(?P<y>[a-z]+)[^.?!:\d]*?(?<![\d.])(?P<a>\d+)\s*(?::|\bto\b)\s*"
                       r"(?P<b>\d+)(?!\.?\d)(?!:\d)(?!\s*[ap]\.?m\b)")


def _ratio_part(text: str, step_texts: Sequence[str]) -> Relation | None:
    """A part-to-part ratio taken as a fraction of the whole: boys to girls 3 : 5 in a choir of
    40, and the work takes 3/5 of 40 (or 5/3 of it) for one group, where the whole is 3 + 5
    parts (the part-part / part-whole confusion of ratio learning; Lamon 2007)."""
    m = _RATIO_OF.search(text)
    if m is None:
        return None
    x, y = singular(m.group("x").lower()), singular(m.group("y").lower())
    a, b = Fraction(m.group("a")), Fraction(m.group("b"))
    if x == y or not a or not b or a == b:
        return None
    rest = text[:m.start("a")] + " " + text[m.end("b"):]
    # the whole: the one other number, counting neither group ("40 students", not "40 girls")
    wholes = [(Fraction(v.replace(",", "")), w) for v, w in
              re.findall(r"(?<![\d.,/])(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,/])\s*([a-z]*)", rest, flags=re.I)]
    if len(wholes) != 1 or singular(wholes[0][1].lower()) in (x, y):
        return None
    whole = wholes[0][0]
    wrong = {whole * a / b, whole * b / a}
    right = {whole * a / (a + b), whole * b / (a + b)}
    for i, lhs, v in computations(step_texts):
        used = {Fraction(str(n)) for n in numbers_in(lhs)}
        value = Fraction(v).limit_denominator(10**6)
        if {a, b, whole} <= used and value in wrong and value not in right:
            return Relation(i, "ratio part taken as a fraction of the whole", written(lhs),
                            {"ratio": f"{num(a)} : {num(b)}", "first": m.group("x").lower(),
                             "second": m.group("y").lower(), "whole": num(whole), "parts": num(a + b)})
    return None


def formula_relation(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """The first step that answers with a formula the problem's words rule out (see the module
    docstring), or ``None``."""
    text = words_to_digits(problem_text)
    found = [r for r in (_triangle(text, step_texts), _circle(text, step_texts), _remainder(text, step_texts),
                         _groups_dropped(text, step_texts), _percent_added(text, step_texts),
                         _rest_for_asked(text, step_texts), _self_left_out(text, step_texts),
                         _subset_added(text, step_texts), _self_counted_in(text, step_texts),
                         _price_past_count(text, step_texts), _cost_added(text, step_texts),
                         _years_the_wrong_way(text, step_texts),
                         _percent_part(text, step_texts), _fraction_part(text, step_texts), _box(text, step_texts),
                         _part_named_rest(text, step_texts),
                         _order_of_operations(text, step_texts), _equal_share(text, step_texts),
                         _tax_on_original(text, step_texts), _second_discount_on_original(text, step_texts),
                         _triangle_part(text, step_texts),
                         _angle_total(text, step_texts), _interest(text, step_texts),
                         _square_side(text, step_texts), _right_triangle(text, step_texts),
                         _ratio_part(text, step_texts), _limiting_count(text, step_texts)) if r is not None]
    return min(found, key=lambda r: r.step) if found else None
