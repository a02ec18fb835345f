"""Things set at equal gaps along a line, one at each end: one more thing than gaps.

"Posts every 4 m along a 60 m fence, with a post at each end" needs 60 ÷ 4 = 15 gaps and
15 + 1 = 16 posts. Counting the gaps as the posts is the fencepost (off-by-one) error, a
counting slip documented since Vitruvius and a standard item of number-sense and
discrete-mathematics teaching (e.g. R. L. Graham, D. E. Knuth and O. Patashnik, *Concrete
Mathematics*, 2nd ed., 1994, §3.3, on counting the integers of an interval; the interval
count n − m + 1, not n − m).

The problem must say the spacing ("every 4 meters"), a length in the same unit that the
spacing divides into whole gaps, and that the row has a thing at both ends ("at each end",
"at the start … and at the end", "including the first and last"); a closed path ("around a
circular track", "the perimeter") has as many things as gaps and is never read. A step is
judged only where the work divides the length by the spacing, never counts one more than that,
and the thing counted as the gaps is used on. Pure functions; no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction

from tutor.dimensions import question_of
from tutor.mathcheck import expression_chains, numbers_in
from tutor.relations import Relation, num
from tutor.slips import close, step_values
from tutor.units import amounts_in, factor

_SPACING = re.compile(r"(?i)\bevery\s+(\d+(?:\.\d+)?)\s*-?\s*([a-z]+)")
_BOTH_ENDS = re.compile(r"(?i)\b(?:each|both|either)\s+ends?\b|\bat\s+the\s+(?:very\s+)?(?:start|beginning)\b[^.?!]*"
                        r"\bend\b|\bfirst\s+and\s+(?:the\s+)?last\b|\bincluding\s+(?:one\s+)?at\s+(?:the\s+)?"
                        r"(?:very\s+)?(?:end|start|beginning)\b")
# a closed path has as many things as gaps
_CLOSED = re.compile(r"(?i)\b(?:around|round|circular|circle|loop|ring|perimeter|enclos\w*)\b")
# a step that names the quotient as the gaps counts them rightly
_GAPS = re.compile(r"(?i)\b(?:gaps?|spaces?|intervals?|spacings?|sections?|segments?|stretches|lengths?|parts?)\b")
# the question asks for the gaps themselves
_ASKS_GAPS = _GAPS


def _row(problem_text: str) -> tuple[Fraction, Fraction, str] | None:
    """``(length, spacing, unit)`` of a row with a thing at both ends, or ``None``."""
    if not _BOTH_ENDS.search(problem_text) or _CLOSED.search(problem_text):
        return None
    if _ASKS_GAPS.search(question_of(problem_text)):
        return None
    spacing = _SPACING.search(problem_text)
    if spacing is None:
        return None
    gap, unit = Fraction(spacing.group(1)), spacing.group(2)
    said = [a for a in amounts_in(problem_text) if a.parts == 1]
    if not any(a.value == gap and factor(a.unit, unit) == 1 for a in said):
        return None  # (the spacing's word is no unit: "every 3 days")
    lengths = {a.value for a in said if factor(a.unit, unit) == 1 and a.value > gap and (a.value / gap).denominator == 1}
    return (lengths.pop(), gap, unit) if len(lengths) == 1 else None


def fencepost_slip(problem_text: str, step_texts: Sequence[str]) -> Relation | None:
    """The step that takes the number of gaps along a row (length ÷ spacing) for the number of
    things set along it, where the problem puts one at each end (see the module docstring);
    ``None`` where the work counts one more than the gaps anywhere, or reads no such row.

    Returns:
        A :class:`tutor.relations.Relation` named ``"posts as gaps"``: ``step`` is the step that
        divides where it names no gaps (or the next step that writes the quotient), ``facts``
        hold ``length``, ``spacing``, ``unit`` and ``gaps`` as written.
    """
    row = _row(problem_text)
    if row is None:
        return None
    length, gap, unit = row
    gaps = length / gap
    values = step_values(step_texts)
    if any(close(v, gaps + 1) for vs in values for v in vs):
        return None
    divided = next((i for i, t in enumerate(step_texts) for chain in expression_chains(t)
                    if any(v is not None and close(v, gaps) for _, v in chain)
                    and any(re.fullmatch(rf"\(?{num(length)}\)?/\(?{num(gap)}\)?", e.replace(" ", "")) for e, _ in chain)),
                   None)
    if divided is None:
        return None
    later = [i for i in range(divided + 1, len(step_texts)) if any(close(v, gaps) for v in numbers_in(step_texts[i]))]
    # (the gaps named as such are counted rightly; the step that then uses them as the things is not)
    k = divided if not _GAPS.search(step_texts[divided]) else (later[0] if later else None)
    if k is None or (k == divided and not later and divided != len(step_texts) - 1):
        return None  # (a quotient the work leaves is no count it goes on with)
    return Relation(k, "posts as gaps", step_texts[k].strip(),
                    {"length": num(length), "spacing": num(gap), "unit": unit, "gaps": num(gaps)})
