"""Where work goes a documented slip's way, in a problem whose words fix its answer.

A problem such as "the volume of a cone of radius 3 and height 7" or "the interquartile range
of 4, 6, 7, 9, 12, 13, 15" has one right answer, and each well-known slip gives a value of its
own (the cone without its third, the quartiles added). :func:`first_slip` finds the slip the
work ends on and the step that first reaches it; work that reaches the right value anywhere is
never taken for a slip. Pure functions; no model.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from tutor.mathcheck import expressions_in


def close(value: float, target: Fraction) -> bool:
    """Equal as a student writes it: to the cent, or within 0.1 % of a large value."""
    return abs(value - float(target)) <= max(0.01, 0.001 * abs(float(target)))


def step_values(step_texts: Sequence[str]) -> list[list[float]]:
    """Per step, the values of the expressions it writes ("π × 10² × 4", "400π", "= 19")."""
    # (an expression in letters, "(b x h)/2", has no value)
    return [[v for _, v in expressions_in(t) if v is not None] for t in step_texts]


def first_slip(step_texts: Sequence[str], slips: dict[str, Fraction],
               answer_slips: tuple[str, ...] = (), past_slips: tuple[str, ...] = ()) -> tuple[int, str] | None:
    """``(0-based step, slip name)`` where the work's last value is the value of a slip in
    ``slips`` (``"right"`` is the right answer, never a slip) and no step reaches the right
    value — save a slip in ``past_slips``, which goes on from the right value (a trapezoid's
    area halved again); the step is the first that reaches the slip's value, or for a slip in
    ``answer_slips`` (the answer itself is the slip: a whole sphere said for a hemisphere) the
    step of the last value. ``None`` otherwise."""
    values = step_values(step_texts)
    numbered = [i for i, v in enumerate(values) if v]
    if not numbered:
        return None
    last = values[numbered[-1]][-1]
    name = next((n for n, v in slips.items() if n != "right" and close(last, v)), None)
    right = [i for i in numbered if any(close(v, slips["right"]) for v in values[i])]
    if name is None or (right and name not in past_slips):
        return None
    if right:
        return next((i for i in numbered if i > right[0] and any(close(v, slips[name]) for v in values[i])),
                    numbered[-1]), name
    if name in answer_slips:
        return numbered[-1], name
    return next(i for i in numbered if any(close(v, slips[name]) for v in values[i])), name
