"""The range, interquartile range, mean absolute deviation and median of a listed set, and the
slips that give another value.

"Find the IQR of 4, 6, 7, 9, 12, 13, 15" fixes the answer; "IQR = 13 + 6 = 19" is true
arithmetic on the wrong idea. The documented slips with measures of spread and centre (J.
Garfield and D. Ben-Zvi, "How students learn statistics revisited", *International Statistical
Review* 75(3), 2007; J. Mokros and S. J. Russell, "Children's concepts of average and
representativeness", *Journal for Research in Mathematics Education* 26(1), 1995) each give a
value of their own: the quartiles added, the whole range for the IQR, the deviations summed
and not averaged or averaged over n − 1, their signs kept (they then sum to 0), one middle
value of an even count, a range from the first listed value or with the minimum's minus sign
dropped. Quartiles are the medians of the lower and upper halves, the median itself left out
of both when the count is odd (the convention of grade 6 curricula, 6.SP.B.5).
Pure functions; no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from tutor.dimensions import question_of
from tutor.numwords import words_to_digits
from tutor.relations import Relation, listed_set, num
from tutor.slips import first_slip

_ASKED = (("iqr", re.compile(r"(?i)\binter\s*-?\s*quartile\s+range\b|\bIQR\b")),
          ("mad", re.compile(r"(?i)\bmean\s+absolute\s+deviation\b|\bMAD\b")),
          ("range", re.compile(r"(?i)\brange\b")),
          ("median", re.compile(r"(?i)\bmedian\b")))
# a list of values with counts ("3 students scored 1"), or a part of the list: not one plain set
_NOT_PLAIN = re.compile(r"(?i)\b(?:without|except|remov\w*|add\w*|new|another|more|frequenc\w*|tally|outliers?|"
                        r"stem|plot|quartiles?\s+(?:are|is))\b")


def _median(xs: list[Fraction]) -> Fraction:
    n = len(xs)
    return (xs[(n - 1) // 2] + xs[n // 2]) / 2


@dataclass(frozen=True)
class Spread:
    """A listed set (as written, in order) and the measure its question asks."""

    values: tuple[Fraction, ...]
    asked: str

    def slips(self) -> dict[str, Fraction]:
        """``name -> value`` of the right answer (``"right"``) and each documented slip's."""
        xs, n = sorted(self.values), len(self.values)
        lo, hi = xs[:n // 2], xs[(n + 1) // 2:]
        if self.asked == "iqr":
            q1, q3 = _median(lo), _median(hi)
            return {"right": q3 - q1, "quartiles added": q3 + q1, "range for IQR": xs[-1] - xs[0]}
        if self.asked == "mad":
            mean = sum(xs) / n
            dev = sum(abs(x - mean) for x in xs)
            out = {"right": dev / n, "deviations not averaged": dev, "signed deviations": Fraction(0)}
            if n > 1:
                out["divided by one less"] = dev / (n - 1)
            return out
        if self.asked == "range":
            out = {"right": xs[-1] - xs[0], "range from the first value": xs[-1] - self.values[0]}
            if xs[0] < 0:
                out["minus sign dropped"] = xs[-1] + xs[0]
            return out
        out = {"right": _median(xs)}
        if n % 2 == 0:
            out["one middle value"] = xs[n // 2 - 1]
            out["the other middle value"] = xs[n // 2]
        return out


def spread_problem(problem_text: str) -> Spread | None:
    """The one listed set of a problem and the measure of spread or centre its question asks
    (IQR, MAD, range, median), or ``None``."""
    text = words_to_digits(problem_text)
    question = question_of(text)
    asked = next((name for name, p in _ASKED if p.search(question)), None)
    values = listed_set(problem_text)
    if asked is None or values is None or _NOT_PLAIN.search(text) or len(values) < (4 if asked == "iqr" else 3):
        return None
    return Spread(values, asked)


def asked_spread(problem_text: str) -> Fraction | None:
    """The value :func:`spread_problem`'s question asks for, or ``None``."""
    s = spread_problem(problem_text)
    return None if s is None else s.slips()["right"]


def spread_slip(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """The first step on the way to a slip's value (:class:`Spread`,
    :func:`tutor.slips.first_slip`), where the work ends on it and never on the right value;
    ``None`` otherwise. (A median taken from the unsorted list is
    :mod:`tutor.relations`' finding.)"""
    s = spread_problem(problem_text)
    if s is None:
        return None
    # (a listed value is written in the sorted list before it is taken as the median)
    found = first_slip(step_texts, s.slips(), ("signed deviations", "one middle value", "the other middle value"))
    if found is None:
        return None
    k, name = found
    if name == "signed deviations":  # the step that adds them up to 0
        k = next((i for i, t in enumerate(step_texts) if re.search(r"=\s*0(?![\d.])", t)), k)
    facts = {"measure": s.asked, "count": str(len(s.values)), "lowest": num(min(s.values)),
             "highest": num(max(s.values)), "value": num(s.slips()[name])}
    if s.asked == "iqr":
        xs, n = sorted(s.values), len(s.values)
        facts.update(q1=num(_median(xs[:n // 2])), q3=num(_median(xs[(n + 1) // 2:])))
    return Relation(k, name, step_texts[k].strip(), facts)
