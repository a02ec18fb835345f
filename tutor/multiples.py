"""A least common multiple or greatest common factor the problem names, and the value a step
gives it.

"What is the least common multiple of 6 and 10?" answered "LCM = 6 x 10 = 60": the step's
arithmetic is right, and a step that writes "LCM of 6 and 10 = 60" is checked by
:func:`tutor.mathcheck.check_step`; written as "LCM = …" the numbers are the problem's, so the
claim is read against them here. Pure functions, no model.
"""

from __future__ import annotations

import re

from tutor.mathcheck import answer_value, common_claim
from tutor.schema import Equation

_NAME = (r"l\.?c\.?m\b\.?|g\.?c\.?[fd]\b\.?|h\.?c\.?f\b\.?|(?:least|lowest|smallest)\s+common\s+multiple|"
         r"(?:greatest|highest|biggest|largest)\s+common\s+(?:factor|divisor)")
# in the problem: "the least common multiple of 6 and 10", "Find the GCF of 45 and 60."
_ASKED = re.compile(rf"(?i)\b(?P<name>{_NAME})\s*(?:of|for)\s*\(?\s*(?P<nums>\d+(?:\s*(?:,\s*(?:and\s+)?|and|&)\s*\d+)+)")
# in a step: "LCM = 6 x 10 = 60", "GCF = 5", "so the GCF is 15"
_SAID = re.compile(rf"(?i)\b(?P<name>{_NAME})\s*(?:=|is|:)\s*(?P<rest>[^\n;]*)")


def asked_common(problem_text: str) -> tuple[str, list[int]] | None:
    """``(name as written, the numbers)`` of the one LCM or GCF the problem names, or ``None``."""
    found = list(_ASKED.finditer(problem_text))
    if len(found) != 1:
        return None
    return found[0].group("name"), [int(n) for n in re.findall(r"\d+", found[0].group("nums"))]


def common_claims(problem_text: str, step_texts: list[str]) -> list[tuple[int, Equation]]:
    """``(0-based step, the claim checked)`` for each step that gives the problem's named LCM or
    GCF a value ("GCF = 2 x 2 x 3 = 12": 12) without naming the numbers again; a claim of the
    other kind (a GCF where the problem asks an LCM) is left alone."""
    asked = asked_common(problem_text)
    if asked is None:
        return []
    name, nums = asked
    kind = name.lower().replace(".", "")[0] in "ls"
    out = []
    for i, text in enumerate(step_texts):
        m = _SAID.search(text)
        if m is None or (m.group("name").lower().replace(".", "")[0] in "ls") != kind:
            continue
        value = answer_value(m.group("rest"))
        if value is None or value != int(value):
            continue
        claim = common_claim(name, nums, int(value))
        if claim is not None:
            out.append((i, claim))
    return out
