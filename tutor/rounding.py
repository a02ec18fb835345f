"""Rounding a step states, against the place the problem asks for.

"Estimate 398 + 512 by rounding each number to the nearest hundred": a step "512 ≈ 600" is
true arithmetic nowhere and an ``=`` nowhere, so no computation check sees it; the rounding
itself is wrong (512 is nearer 500). Only a number the problem writes, rounded where the
problem names the place ("to the nearest ten", "nearest tenth", "nearest dollar"), is checked:
without a named place an estimate may round up on purpose or keep the front digit. Pure
functions, no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# the place a problem names, as a power of ten (the word as said: "ten", "tenth", "dollar")
_PLACES = {"ten": 10, "10": 10, "hundred": 100, "100": 100, "thousand": 1000, "1000": 1000, "1,000": 1000,
           "ten thousand": 10_000, "hundred thousand": 100_000, "million": 1_000_000,
           "whole number": 1, "whole": 1, "one": 1, "dollar": 1, "whole dollar": 1, "integer": 1,
           "tenth": Decimal("0.1"), "hundredth": Decimal("0.01"), "thousandth": Decimal("0.001"),
           "cent": Decimal("0.01"), "penny": Decimal("0.01")}
_ASKED = re.compile(r"(?i)\bnearest\s+(ten\s+thousand|hundred\s+thousand|whole\s+(?:number|dollar)|"
                    r"tenth|hundredth|thousandth|ten|hundred|thousand|million|whole|one|dollar|integer|cent|penny|"
                    r"1,000|1000|100|10)s?\b")
_NUMBER = r"\$?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# "512 ≈ 600", "512 rounds to 600", "512 → 600", "512 is about 600"
_ROUNDED = re.compile(rf"(?i)(?<![\d.,√/*×^\w]){_NUMBER}\s*(?:≈|≒|~|->|→|=>|\\approx|rounds?\s+(?:up\s+|down\s+)?to|"
                      rf"rounded\s+(?:up\s+|down\s+)?(?:is|to)|is\s+about|is\s+close\s+to|is\s+roughly)\s*{_NUMBER}(?![\d.,]*\d)")


@dataclass(frozen=True)
class RoundingSlip:
    """A number of the problem rounded wrong in a step.

    Attributes:
        step: 0-based index of the step.
        given: the number as the problem writes it (``"512"``).
        said: the rounded value the step writes (``"600"``).
        place: the place the problem names, as said (``"hundred"``).
        kind: ``"up"`` (rounded up where it goes down), ``"down"`` (the other way), ``"place"``
            (rounded right but to another place), or ``"other"``.
    """

    step: int
    given: str
    said: str
    place: str
    kind: str


def _at_place(said: Decimal, place: Decimal) -> bool:
    """Whether ``said`` is written to ``place`` exactly: 8.34 to the hundredth, 400 to the hundred."""
    if place < 1:
        return -said.as_tuple().exponent == -place.as_tuple().exponent
    return said % place == 0 and said != 0


def _round(value: Decimal, place: Decimal) -> Decimal:
    return (value / place).quantize(Decimal(1), rounding=ROUND_HALF_UP) * place


def asked_places(problem_text: str) -> dict[str, Decimal]:
    """The places the problem asks to round to, by word (``{"hundred": 100}``); empty when none."""
    out = {}
    for m in _ASKED.finditer(problem_text):
        word = re.sub(r"\s+", " ", m.group(1).lower())
        out[word] = Decimal(_PLACES[word])
    return out


def right_roundings(problem_text: str, step_texts: list[str]) -> set[int]:
    """The 0-based steps that round a number of the problem, every rounding in them right for
    a place the problem names ("4,672 ≈ 4,700" for "to the nearest hundred"); empty without a
    named place."""
    places = asked_places(problem_text)
    given = _given(problem_text)
    out = set()
    for i, text in enumerate(step_texts):
        found = [(Decimal(a.replace(",", "")), Decimal(b.replace(",", ""))) for a, b in
                 (m.groups() for m in _roundings(text))]
        if places and found and all(value in given and said in {_round(value, p) for p in places.values()}
                                    for value, said in found):
            out.add(i)
    return out


def _roundings(text: str):
    """The ``_ROUNDED`` matches of ``text`` that round a number, not the end of a computation
    ("4312 ÷ 3 ≈ 1437.3" rounds the quotient, not the 3)."""
    return (m for m in _ROUNDED.finditer(text) if not re.search(r"[-+−–*/×÷·^(]\s*\$?\s?$", text[:m.start()]))


def _given(problem_text: str) -> set[Decimal]:
    return {Decimal(n.replace(",", "")) for n in re.findall(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)",
                                                          problem_text)}


def rounding_slip(problem_text: str, step_texts: list[str]) -> RoundingSlip | None:
    """The first step that rounds a number of the problem to something other than that number
    rounded (half up) to a place the problem names, or ``None`` (no place named, no such step)."""
    places = asked_places(problem_text)
    if not places:
        return None
    given = _given(problem_text)
    for i, text in enumerate(step_texts):
        earlier = _given(" ".join(step_texts[:i]))  # worked out before ("25 ÷ 3 = 8.333")
        for m in _roundings(text):
            value, said = (Decimal(g.replace(",", "")) for g in m.groups())
            # a worked-out value is read only where the rounding is to the place named ("8.333 ≈
            # 8.34" for the nearest cent): on the way, a step may keep more digits on purpose
            at_place = [w for w, p in places.items() if _at_place(said, p)]
            if value == said or not (value in given or (value in earlier and at_place)):
                continue
            named = places if value in given else {w: places[w] for w in at_place}
            rounded = {w: _round(value, p) for w, p in named.items()}
            if said in rounded.values():
                continue
            word, right = next(iter(rounded.items()))
            place = named[word]
            if said == right + place or said == right - place:
                kind = "up" if said > right else "down"
            elif any(said == _round(value, Decimal(10) ** e) for e in range(-4, 10)):
                kind = "place"
            else:
                kind = "other"
            return RoundingSlip(i, m.group(1), m.group(2), word, kind)
    return None
