"""The area or volume of one named shape, from the sizes its problem states, and the slips
that give another value.

"A cone has a radius of 3 in and a height of 7 in. Find its volume" fixes the answer, π × 3² ×
7 ÷ 3; work that ends on π × 3² × 7 passes every arithmetic check. The documented slips with
area and volume formulas are few and each gives its own value (M. Battista, "The development of
geometric and spatial thinking", in *Second Handbook of Research on Mathematics Teaching and
Learning*, NCTM 2007; L. Tierney, C. Boyd and G. Davis, PME 14, 1990): the diameter used for the
radius, a third (or a half) left out, a slanted side taken for the height, a surface or a side
area for the volume, the radius not squared. :func:`shape_slip` names the slip when the work's
answer is one of those values and not the right one; :func:`asked_measure` gives the right
value, so right work is known to be right.

Shapes read (one per problem, sizes said as "radius of 3 in", "bases of 7 in and 13 in",
"slanted side is 5 m", "legs of 9 cm and 12 cm"): parallelogram, trapezoid and triangle areas;
cylinder, cone, sphere and hemisphere volumes. Pure functions; no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from tutor.dimensions import question_of
from tutor.mathcheck import expressions_in, numbers_in
from tutor.numwords import words_to_digits
from tutor.relations import Relation, num

_NUMBER = r"(\d+(?:\.\d+)?(?:\s*/\s*\d+)?)"
# a size named by its word: "a radius of 3 in", "height 9 in", "the slanted side is 5 m"
_SIZE = r"(?:\s+(?:of|is|=)\s*|\s+)(?:about\s+)?" + _NUMBER
_SIZES = {
    "radius": re.compile(r"(?i)\bradius" + _SIZE),
    "diameter": re.compile(r"(?i)\bdiameter" + _SIZE),
    "height": re.compile(r"(?i)\b(?:height|altitude)" + _SIZE),
    "base": re.compile(r"(?i)\bbase" + _SIZE),
    "slant": re.compile(r"(?i)\bslant(?:ed)?\s+(?:sides?|height|edges?)" + _SIZE),
    "hypotenuse": re.compile(r"(?i)\bhypotenuse" + _SIZE),
}
# two sizes: "bases of 7 in and 13 in", "parallel sides of 6 m and 10 m", "legs of 9 cm and 12 cm"
_TWO = r"(?:\s+(?:of|are)\s*|\s+)" + _NUMBER + r"\s*[A-Za-z]*\.?\s+and\s+" + _NUMBER
_PAIRS = {
    "bases": re.compile(r"(?i)\b(?:bases|parallel\s+sides)" + _TWO),
    "legs": re.compile(r"(?i)\blegs" + _TWO),
}
_SIDES3 = re.compile(r"(?i)\bsides\s+(?:of\s+|are\s+)?" + r"\s*[A-Za-z]*,?\s+".join([_NUMBER] * 2)
                     + r"\s*[A-Za-z]*,?\s+(?:and\s+)?" + _NUMBER)
_SHAPES = {
    "parallelogram": r"parallelograms?",
    "trapezoid": r"trapezoids?|trapezium",
    "triangle": r"triang\w*",
    "cylinder": r"cylind\w*",
    "cone": r"cones?|conical|cone-shaped",
    "hemisphere": r"hemispher\w*",
    "sphere": r"spher\w*|balls?|globes?|marbles?",
}
_ASKS = {"area": re.compile(r"(?i)\b(?:area|square\s+\w+|cover\w*|how\s+much\s+(?:cloth|fabric|paint|grass))\b"),
         "volume": re.compile(r"(?i)\b(?:volume|cubic|hold|holds|fill|capacity|how\s+much\s+\w+\s+(?:does|can|will))\b")}
# more than one shape, a part of one, or a change of size: which measure goes with which is a guess
_OTHER = re.compile(r"(?i)\b(?:two|both|each|twice|double|half|times|same|scale\w*|another|surface|lateral|"
                    r"rectang\w*|square|circle|prism|pyramid|cube|box|cup\w*|jug|remaining|left|cost\w*|price|"
                    r"per|rate|minutes?|hours?|seconds?)\b")


_ASIDE = re.compile(r"(?i)(?:\buse\s+[\d./\s]+\s*(?:for|as)\s*(?:π|pi)|\bround\s+(?:your\s+answer\s+)?to\b|"
                    r"\b(?:leave|give|write)\s+(?:your|the)\s+answer\s+in\s+terms)[^.?!]*[.?!]?")


@dataclass(frozen=True)
class Measure:
    """A named shape's asked measure.

    Attributes:
        shape: ``"parallelogram"``, ``"trapezoid"``, ``"triangle"``, ``"cylinder"``, ``"cone"``,
            ``"sphere"`` or ``"hemisphere"``.
        asked: ``"area"`` or ``"volume"``.
        sizes: what the problem states, by name (``radius``, ``height``, ``base``, ``bases``, …).
    """

    shape: str
    asked: str
    sizes: dict

    def value(self, pi: Fraction) -> Fraction:
        """The right measure, with ``pi`` for π."""
        return self.slips(pi)["right"]

    def slips(self, pi: Fraction) -> dict[str, Fraction]:
        """``name -> value`` of the right measure (``"right"``) and each slip's, with ``pi``."""
        s = self.sizes
        if self.asked == "volume":
            r = s["radius"] if "radius" in s else s["diameter"] / 2
            d = 2 * r
            if self.shape == "sphere":
                out = {"right": Fraction(4, 3) * pi * r ** 3, "surface area for volume": 4 * pi * r * r,
                       "a third for four thirds": pi * r ** 3 / 3}
                if "diameter" in s:
                    out["diameter as radius"] = Fraction(4, 3) * pi * d ** 3
                return out
            if self.shape == "hemisphere":
                return {"right": Fraction(2, 3) * pi * r ** 3, "whole sphere for half": Fraction(4, 3) * pi * r ** 3}
            h = s["height"]
            third = Fraction(1, 3) if self.shape == "cone" else Fraction(1)
            out = {"right": third * pi * r * r * h}
            if "diameter" in s:
                out["diameter as radius"] = third * pi * d * d * h
            if self.shape == "cone":
                out["cone without a third"] = pi * r * r * h
            else:
                out["radius not squared"] = pi * r * h
                out["side area for volume"] = 2 * pi * r * h
            return out
        if self.shape == "parallelogram":
            b, h = s["base"], s["height"]
            out = {"right": b * h, "triangle formula for parallelogram": b * h / 2}
            if "slant" in s:
                out["slanted side as height"] = b * s["slant"]
                out["perimeter for area"] = 2 * (b + s["slant"])
            return out
        if self.shape == "trapezoid":
            (a, b), h = s["bases"], s["height"]
            out = {"right": (a + b) * h / 2, "bases added, not halved": (a + b) * h,
                   "bases multiplied": a * b * h / 2}
            if "slant" in s:
                out["slanted side as height"] = (a + b) * s["slant"] / 2
            return out
        # a triangle: base and height, or a right triangle's legs
        if "legs" in s:
            a, b = s["legs"]
            out = {"right": a * b / 2}
            if "hypotenuse" in s:
                out["hypotenuse as height"] = max(a, b) * s["hypotenuse"] / 2
                out["perimeter for area"] = a + b + s["hypotenuse"]
            return out
        b, h = s["base"], s["height"]
        out = {"right": b * h / 2}
        if "slant" in s:
            out["slanted side as height"] = b * s["slant"] / 2
        return out


def _fraction(text: str) -> Fraction:
    return Fraction(re.sub(r"\s+", "", text))


def measure_problem(problem_text: str) -> Measure | None:
    """The one shape a problem names and the measure it asks (area or volume), with the sizes
    that measure needs, or ``None`` (no shape, two shapes, a size missing, or more numbers than
    the sizes)."""
    text = words_to_digits(problem_text)
    found = [name for name, words in _SHAPES.items() if re.search(rf"(?i)\b(?:{words})\b", text)]
    if "hemisphere" in found and "sphere" in found:
        found.remove("sphere")
    # (the question, not a closing "Use 3.14 for π." or "Round to the nearest tenth.")
    question = question_of(_ASIDE.sub(" ", text))
    asked = [a for a, p in _ASKS.items() if p.search(question)]
    if len(found) != 1 or len(asked) != 1 or _OTHER.search(text):
        return None
    shape, asked = found[0], asked[0]
    if (asked == "volume") != (shape in ("cylinder", "cone", "sphere", "hemisphere")):
        return None
    sizes: dict = {}
    for name, pattern in _SIZES.items():
        said = pattern.findall(text)
        if len(said) > 1:
            return None
        if said:
            sizes[name] = _fraction(said[0])
    for name, pattern in _PAIRS.items():
        said = pattern.findall(text)
        if len(said) == 1:
            sizes[name] = tuple(_fraction(x) for x in said[0])
    three = _SIDES3.findall(text)
    if shape == "triangle" and "legs" not in sizes and len(three) == 1 and "right" in text.lower():
        a, b, c = sorted(_fraction(x) for x in three[0])
        if a * a + b * b == c * c:  # a right triangle's sides: two legs and the long side
            sizes["legs"], sizes["hypotenuse"] = (a, b), c
    need = {"cylinder": ("height",), "cone": ("height",), "sphere": (), "hemisphere": (),
            "parallelogram": ("base", "height"), "trapezoid": ("bases", "height")}.get(shape)
    if need is None:  # a triangle
        need = ("legs",) if "legs" in sizes else ("base", "height")
    if asked == "volume" and ("radius" in sizes) == ("diameter" in sizes):
        return None
    if any(n not in sizes for n in need) or any(v == 0 for v in _flat(sizes)):
        return None
    # every number of the problem is a size (and a value of π it gives): nothing else to use
    told_pi = {Fraction(x) for m in re.findall(r"3\.14\d*|22\s*/\s*7", text) for x in re.findall(r"[\d.]+", m)}
    # (a unit's power, "cm³", reads as a number too)
    if any(Fraction(str(x)) not in set(_flat(sizes)) | told_pi | {Fraction(2), Fraction(3)}
           for x in numbers_in(text)):
        return None
    return Measure(shape, asked, sizes)


def _flat(sizes: dict) -> list[Fraction]:
    return [x for v in sizes.values() for x in (v if isinstance(v, tuple) else (v,))]


def asked_measure(problem_text: str) -> list[Fraction] | None:
    """The asked area or volume (:func:`measure_problem`) as a number, with the values of π a
    student may use (3.14, 22/7, π itself), or ``None``."""
    m = measure_problem(problem_text)
    if m is None:
        return None
    return [m.value(pi) for pi in _PIS]


_PIS = (Fraction("3.14"), Fraction(22, 7), Fraction("3.14159"))


def _close(value: float, target: Fraction) -> bool:
    # (as a student rounds: to the cent, or to about 0.1 % of a large volume)
    return abs(value - float(target)) <= max(0.01, 0.001 * abs(float(target)))


# a formula in letters, no numbers worked in it ("V = 4πr²", "A = 1/2 × b × h")
_FORMULA = re.compile(r"(?i)^\s*[A-Z]\s*=\s*(?:[\d/.]+\s*[×x*·]?\s*)?[πA-Za-z][πA-Za-z\s×x*·()+²³^/1-4.-]*$")


def shape_slip(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """The first step on the way to a slip's value (:class:`Measure`), where the work ends on
    that value and never on the right one; a formula in letters written just before it is that
    step (the formula is the slip). A whole sphere worked out on the way to a hemisphere is
    right: there the slip is the answer that does not halve it. ``None`` otherwise."""
    m = measure_problem(problem_text)
    if m is None:
        return None
    values = [[v for _, v in expressions_in(t)] for t in step_texts]
    numbered = [i for i, v in enumerate(values) if v]
    if not numbered:
        return None
    last = values[numbered[-1]][-1]
    for pi in _PIS:
        slips = m.slips(pi)
        if any(_close(v, slips["right"]) for vs in values for v in vs):
            return None
        name = next((n for n, v in slips.items() if n != "right" and _close(last, v)), None)
        if name is None:
            continue
        if name == "whole sphere for half":
            k = numbered[-1]
        else:
            k = next(i for i in numbered if any(_close(v, slips[name]) for v in values[i]))
            if k > 0 and _FORMULA.match(step_texts[k - 1]) and not numbers_in(re.sub(r"[²³]|\^\s*\d", "", step_texts[k - 1])):
                k -= 1
        facts = {"shape": m.shape, "asked": m.asked,
                 **{n: (" and ".join(num(x) for x in v) if isinstance(v, tuple) else num(v)) for n, v in m.sizes.items()}}
        return Relation(k, name, step_texts[k].strip(), facts)
    return None
