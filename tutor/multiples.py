"""A least common multiple or greatest common factor the problem names, and the value a step
gives it.

"What is the least common multiple of 6 and 10?" answered "LCM = 6 x 10 = 60": the step's
arithmetic is right, and a step that writes "LCM of 6 and 10 = 60" is checked by
:func:`tutor.mathcheck.check_step`; written as "LCM = …" the numbers are the problem's, so the
claim is read against them here. Pure functions, no model.
"""

from __future__ import annotations

import re

from tutor.mathcheck import COMMON_NAME, answer_value, common_claim, names_multiple
from tutor.schema import Equation

# in the problem: "the least common multiple of 6 and 10", "Find the GCF of 45 and 60."
_ASKED = re.compile(rf"(?i)\b(?P<name>{COMMON_NAME})\s*(?:of|for)\s*\(?\s*(?P<nums>\d+(?:\s*(?:,\s*(?:and\s+)?|and|&)\s*\d+)+)")
# in a step: "LCM = 6 x 10 = 60", "GCF = 5", "so the GCF is 15"
# (the value right after it, worked out or not: "= 2 x 2 x 3 = 12", "is 24"; not a sentence)
_SAID = re.compile(rf"(?i)\b(?P<name>{COMMON_NAME})\s*(?:=|is)\s*(?P<rest>\d(?:[\d\s.×x*·^()+=-]|,(?=\d{{3}}\b))*)")


def asked_common(problem_text: str) -> tuple[str, list[int]] | None:
    """``(name as written, the numbers)`` of the one LCM or GCF the problem names, or ``None``."""
    found = list(_ASKED.finditer(problem_text))
    if len(found) != 1:
        return None
    return found[0].group("name"), [int(n) for n in re.findall(r"\d+", found[0].group("nums"))]


def _used_numbers(problem_text: str, step_texts: list[str]) -> list[int]:
    """The whole numbers a word problem gives (not clock times) that the work writes too: "packs
    of 10 and packs of 8" worked as "LCM = 10 x 8": [10, 8]."""
    text = re.sub(r"\b\d{1,2}:\d{2}\b", " ", problem_text)
    written = {n for t in step_texts for n in re.findall(r"(?<![\d.])\d+(?![\d.])", t)}
    return [int(n) for n in dict.fromkeys(re.findall(r"(?<![\d.,:])\d+(?![\d.,:]\d)", text)) if n in written and int(n) > 1]


def common_claims(problem_text: str, step_texts: list[str]) -> list[tuple[int, Equation]]:
    """``(0-based step, the claim checked)`` for each step that gives an LCM or GCF a value
    without naming its numbers ("GCF = 2 x 2 x 3 = 12": 12): the numbers the problem names
    with it, or else, in a word problem, the two or three numbers the problem gives that the
    work writes too ("packs of 10 and 8", "LCM = 10 x 8 = 80"). Where the problem names one,
    a claim of the other kind is left alone."""
    asked = asked_common(problem_text)
    named_nums = asked[1] if asked else None
    out = []
    for i, text in enumerate(step_texts):
        m = _SAID.search(text)
        if m is None:
            continue
        name = m.group("name")
        if asked is not None:
            if names_multiple(name) != names_multiple(asked[0]):
                continue
            nums = named_nums
        else:
            nums = _used_numbers(problem_text, step_texts)
            if not 2 <= len(nums) <= 3:
                continue
        value = answer_value(m.group("rest"))
        if value is None or value != int(value):
            continue
        claim = common_claim(name, nums, int(value))
        if claim is not None:
            out.append((i, claim))
    return out
