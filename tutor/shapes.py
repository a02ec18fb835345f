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
from tutor.mathcheck import numbers_in
from tutor.numwords import words_to_digits
from tutor.relations import Relation, num
from tutor.slips import close, first_slip, step_values
from tutor.units import scale_pairs, unit_size

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
         "volume": re.compile(r"(?i)\b(?:volume|cubic|hold|holds|fill|capacity|"
                             r"how\s+much\s+\w+\s+(?:does|can|will))\b")}
# more than one shape, a part of one, or a change of size: which measure goes with which is a guess
_OTHER = re.compile(r"(?i)\b(?:two|both|each|twice|double|half|times|same|scale\w*|another|surface|lateral|"
                    r"rectang\w*|square|circle|prism|pyramid|cube|box|remaining|left|cost\w*|price|"
                    r"per|rate|minutes?|hours?|seconds?)\b")


_ASIDE = re.compile(r"(?i)(?:\buse\s+[\d./\s]+\s*(?:for|as)\s*(?:π|pi)|\bround\s+(?:your\s+answer\s+)?to\b|"
                    r"\b(?:leave|give|write)\s+(?:your|the)\s+answer\s+in\s+terms)[^.?!]*[.?!]?")


_HALF_SPHERE = re.compile(r"(?i)\bhalf\s+(?:of\s+)?a\s+(?:sphere|ball)\b|\bhalf-sphere\b")
# slips in the formula itself: a formula in letters written just before the step is where it went wrong
_FORMULA_SLIPS = {"surface area for volume", "side area for volume", "a third for four thirds", "cone without a third",
                  "triangle without half", "triangle formula for parallelogram", "bases added, not halved"}


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
                       "a third for four thirds": pi * r ** 3 / 3,
                       "radius squared for cubed": Fraction(4, 3) * pi * r * r}
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
                   "bases multiplied": a * b * h / 2, "halved twice": (a + b) * h / 4}
            if "slant" in s:
                out["slanted side as height"] = (a + b) * s["slant"] / 2
            return out
        # a triangle: base and height, or a right triangle's legs
        if "legs" in s:
            a, b = s["legs"]
            out = {"right": a * b / 2, "triangle without half": a * b}
            if "hypotenuse" in s:
                out["hypotenuse as height"] = max(a, b) * s["hypotenuse"] / 2
                out["perimeter for area"] = a + b + s["hypotenuse"]
            return out
        b, h = s["base"], s["height"]
        out = {"right": b * h / 2, "triangle without half": b * h}
        if "slant" in s:
            out["slanted side as height"] = b * s["slant"] / 2
        return out


def _fraction(text: str) -> Fraction:
    return Fraction(re.sub(r"\s+", "", text))


def measure_problem(problem_text: str) -> Measure | None:
    """The one shape a problem names and the measure it asks (area or volume), with the sizes
    that measure needs, or ``None`` (no shape, two shapes, a size missing, or more numbers than
    the sizes)."""
    text = _HALF_SPHERE.sub("hemisphere", words_to_digits(problem_text))
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
    student may use (3.14, 22/7, π itself), or an area on a scale drawing or its real area
    (:func:`scaled_area`); ``None`` otherwise."""
    m = measure_problem(problem_text)
    if m is None:
        scaled = scaled_area(problem_text)
        return None if scaled is None else [scaled[0]["right"]]
    return [m.value(pi) for pi in _PIS]


# an area given with its unit: "15 cm²", "20 square meters", "200 m^2"
_AREA_GIVEN = re.compile(r"(?i)(?<![\d.])(\d+(?:\.\d+)?)\s*(?:square\s+([A-Za-z]+)|([A-Za-z]+)\s*(?:²|\^\s*2))")
_SIDES_GIVEN = re.compile(r"(?i)(?<![\d.])(\d+(?:\.\d+)?)\s*([A-Za-z]+)\.?\s+by\s+(\d+(?:\.\d+)?)\s*([A-Za-z]+)")


def scaled_area(problem_text: str) -> tuple[dict[str, Fraction], dict[str, str]] | None:
    """An area asked through a scale with units ("1 cm : 3 m"; :func:`tutor.units.scale_pairs`)
    from one area the problem gives ("15 cm²", or a rectangle "6 cm by 4 cm") on the drawing or in
    real life: ``({"right": the other area, "area scaled by the length factor": the area scaled
    by the length factor once}, facts)`` — an area grows by the factor's square — or ``None``."""
    text = words_to_digits(problem_text)
    pairs = scale_pairs(text)
    question = question_of(_ASIDE.sub(" ", text))
    if len(pairs) != 1 or not re.search(r"(?i)\barea\b|\bsquare\b|²|how\s+much\s+(?:space|floor|ground)", question):
        return None
    left, right = pairs[0]
    found = [(Fraction(m.group(1)), m.group(2) or m.group(3)) for m in _AREA_GIVEN.finditer(text)]
    found += [(Fraction(m.group(1)) * Fraction(m.group(3)), m.group(4)) for m in _SIDES_GIVEN.finditer(text)
              if unit_size(m.group(2)) == unit_size(m.group(4))]
    if len(found) != 1 or unit_size(found[0][1]) is None:
        return None
    area, unit = found[0]
    k = right.value / left.value
    if unit_size(unit) == unit_size(left.unit):
        slips = {"right": area * k * k, "area scaled by the length factor": area * k}
        way = "multiplied"
    elif unit_size(unit) == unit_size(right.unit):
        slips = {"right": area / (k * k), "area scaled by the length factor": area / k}
        way = "divided"
    else:
        return None
    return slips, {"factor": num(k), "way": way, "area": num(area)}


_PIS = (Fraction("3.14"), Fraction(22, 7), Fraction("3.14159"))


# a formula in letters, no numbers worked in it ("V = 4πr²", "A = 1/2 × b × h")
_FORMULA = re.compile(r"(?i)^\s*[A-Z]\s*=\s*(?:[\d/.]+\s*[×x*·]?\s*)?[πA-Za-z][πA-Za-z\s×x*·()+²³^/1-4.-]*$")


def shape_slip(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """The first step on the way to a slip's value (:class:`Measure`, :func:`polygon_problem`;
    :func:`tutor.slips.first_slip`); a formula in letters written just before it is that step
    (the formula is the slip). A whole sphere worked out on the way to a hemisphere is right:
    there the slip is the answer that does not halve it. ``None`` otherwise."""
    m = measure_problem(problem_text)
    polygon = polygon_problem(problem_text) if m is None else None
    if m is None and polygon is None:
        scaled = scaled_area(problem_text)
        found = None if scaled is None else first_slip(step_texts, scaled[0])
        return None if found is None else Relation(found[0], found[1], step_texts[found[0]].strip(), scaled[1])
    if polygon is not None and polygon.n:  # "A hexagon has 8 sides"
        for i, t in enumerate(step_texts):
            said = re.search(rf"(?i)\b{polygon.name}s?\s+(?:has|have)\s+(\d+)\s+sides\b", t)
            if said and int(said.group(1)) != polygon.n:
                return Relation(i, "wrong number of sides", t.strip(), {**polygon.facts(), "said": said.group(1)})
    for slips in ([m.slips(pi) for pi in _PIS] if m else [polygon.slips()]):
        found = first_slip(step_texts, slips, ("whole sphere for half", "sides without the 2"), ("halved twice",))
        if found is None:
            if any(close(v, slips["right"]) for vs in step_values(step_texts) for v in vs):
                return None
            continue
        k, name = found
        values = step_values(step_texts)
        if name == "each angle 180" and any(close(v, 180 * polygon.n) for vs in values for v in vs):
            # (n × 180 first, then ÷ n: the sum was the slip)
            name = "n times 180"
            k = next(i for i, vs in enumerate(values) if any(close(v, 180 * polygon.n) for v in vs))
        elif name == "interior for exterior" and any(close(v, 180 * (polygon.n - 2)) for vs in values for v in vs):
            # (the interior angles' sum first: that is the slip)
            k = next(i for i, vs in enumerate(values) if any(close(v, 180 * (polygon.n - 2)) for v in vs))
        elif (name in _FORMULA_SLIPS and k > 0 and _FORMULA.match(step_texts[k - 1])
              and not numbers_in(re.sub(r"[²³]|\^\s*\d", "", step_texts[k - 1]))):
            k -= 1
        facts = polygon.facts() if polygon else {
            "shape": m.shape, "asked": m.asked,
            **{n: (" and ".join(num(x) for x in v) if isinstance(v, tuple) else num(v)) for n, v in m.sizes.items()}}
        return Relation(k, name, step_texts[k].strip(), facts)
    return None


_SIDES = {"triangle": 3, "quadrilateral": 4, "pentagon": 5, "hexagon": 6, "heptagon": 7, "octagon": 8, "nonagon": 9,
          "decagon": 10, "dodecagon": 12}
_POLYGON = re.compile(r"(?i)\b(" + "|".join(_SIDES) + r")s?\b|\b(\d+)-sided\s+polygon\b|"
                      r"\bpolygon\s+(?:has|with)\s+(\d+)\s+sides\b")
_SUM_ASKED = re.compile(r"(?i)\bsum\s+of\s+(?:the\s+|its\s+)?(?:interior\s+)?angles\b|"
                        r"\b(?:interior\s+)?angles\s+add\s+up\s+to\s+(?:what|how)")
_EACH_ASKED = re.compile(r"(?i)\b(?:each|one)\s+(interior|exterior)?\s*angle\b")
_EACH_GIVEN = re.compile(r"(?i)\beach\s+(?:interior\s+)?angle\s+(?:of\s+(?:a|the)\s+regular\s+\w+\s+)?"
                         r"(?:measures|is)\s+(\d+)")
_VERTEX_GIVEN = re.compile(r"(?i)\b(?:vertex|top)\s+angle\s+(?:of\s+[^.?!]*?\s+)?(?:is|measures|=)\s+(\d+)")
_BASE_ANGLE_GIVEN = re.compile(r"(?i)\b(?:each\s+|one\s+)?base\s+angle\s+(?:of\s+[^.?!]*?\s+)?"
                               r"(?:is|measures|=)\s+(\d+)")
_TWO_ANGLES = re.compile(r"(?i)\bangles\s+(?:are|measure|of)\s+(\d+)\s*°?\s*and\s+(\d+)\s*°?")
_SUM_GIVEN = re.compile(r"(?i)\bangles\s+(?:of\s+(?:a|an|the|this|that)\s+\w+\s+)?(?:add\s+up\s+to|sum\s+to|"
                        r"have\s+a\s+sum\s+of|total)\s+(\d+)")


@dataclass(frozen=True)
class Polygon:
    """A polygon's angle question: ``asked`` is ``"sum"`` (of the interior angles), ``"each"``
    (interior angle of a regular one), ``"exterior"`` (each exterior angle of a regular one) or
    ``"sides"`` (from the sum ``total``); ``n`` its number of sides (``None`` for ``"sides"``)."""

    asked: str
    n: int | None = None
    total: Fraction | None = None
    name: str = "polygon"

    def slips(self) -> dict[str, Fraction]:
        """``name -> value`` of the right answer (``"right"``) and each documented slip's."""
        if self.asked == "sides":
            return {"right": self.total / 180 + 2, "sides without the 2": self.total / 180}
        n = self.n
        if self.asked == "sum":
            return {"right": Fraction((n - 2) * 180), "n times 180": Fraction(n * 180)}
        if self.asked == "exterior":
            return {"right": Fraction(360, n), "interior for exterior": Fraction((n - 2) * 180, n)}
        if self.asked == "sides from angle":
            return {"right": 360 / (180 - self.total), "180 for 360": 180 / (180 - self.total)}
        if self.asked == "triangle exterior":
            return {"right": self.total, "third angle for exterior": 180 - self.total}
        if self.asked == "isosceles base":
            return {"right": (180 - self.total) / 2, "base angles not halved": 180 - self.total}
        if self.asked == "isosceles vertex":
            return {"right": 180 - 2 * self.total, "one base angle only": 180 - self.total}
        return {"right": Fraction((n - 2) * 180, n), "each angle 180": Fraction(180),
                "sum for each angle": Fraction((n - 2) * 180), "exterior for interior": Fraction(360, n)}

    def facts(self) -> dict[str, str]:
        return {"shape": self.name, "asked": self.asked, "sides": str(self.n or ""), "total": num(self.total or 0)}


def polygon_problem(problem_text: str) -> Polygon | None:
    """A question about the angles of one named polygon (a hexagon's angle sum, each angle of
    a regular octagon, the sides of a polygon whose angles add up to 1260°), or ``None``."""
    text = words_to_digits(problem_text)
    question = question_of(_ASIDE.sub(" ", text))
    given = _SUM_GIVEN.search(text)
    if given and re.search(r"(?i)\bhow\s+many\s+sides\b", question):
        return Polygon("sides", total=Fraction(given.group(1)))
    each = _EACH_GIVEN.search(text)
    if each and re.search(r"(?i)\bregular\b", text) and re.search(r"(?i)\bhow\s+many\s+sides\b", question) \
            and 60 <= int(each.group(1)) < 180:
        return Polygon("sides from angle", total=Fraction(each.group(1)))
    if re.search(r"(?i)\bisosceles\b", text) and len(numbers_in(text)) == 1:
        vertex, base = _VERTEX_GIVEN.search(text), _BASE_ANGLE_GIVEN.search(text)
        if vertex and re.search(r"(?i)\bbase\s+angles?\b", question):
            return Polygon("isosceles base", 3, Fraction(vertex.group(1)), "isosceles triangle")
        if base and re.search(r"(?i)\b(?:vertex|top|third)\s+angle\b", question):
            return Polygon("isosceles vertex", 3, Fraction(base.group(1)), "isosceles triangle")
    two = _TWO_ANGLES.search(text)
    if two and re.search(r"(?i)\bexterior\s+angle\b", question) and re.search(r"(?i)\btriangle\b", text) \
            and len(numbers_in(text)) == 2:
        return Polygon("triangle exterior", 3, Fraction(two.group(1)) + Fraction(two.group(2)), "triangle")
    found = _POLYGON.findall(text)
    if len(found) != 1 or numbers_in(_POLYGON.sub(" ", text)):
        return None
    word, sided, has = found[0]
    n = _SIDES.get(word.lower()) if word else int(sided or has)
    if n is None or n < 3:
        return None
    each = _EACH_ASKED.search(question)
    if each and re.search(r"(?i)\bregular\b", text):
        return Polygon("exterior" if (each.group(1) or "").lower() == "exterior" else "each", n, name=word or "polygon")
    if _SUM_ASKED.search(question) and n > 3:
        return Polygon("sum", n, name=word or "polygon")
    return None
