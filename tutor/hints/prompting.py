"""Prompts for the student model, one template per hint kind (``prompts/hint_<kind>.txt``).

:func:`hint_prompt` is the stable, public way to build them: the distillation stage imports it
so that an adapter is trained on exactly the messages the tutor sends at run time.

Student text is *data*: it is cleaned (:func:`quote_student_text`) and placed inside
``<student>…</student>`` tags that the system message declares to be the student's work, not
instructions. Privileged values are kept out of the prompt where the hint must not state them:
the reference final answer never appears, the corrected value of the wrong step only at level 3
(and only when it differs from the final answer), and numbers equal to either are masked in
the student text shown to the model.
"""

from __future__ import annotations

import re

from tutor.hints.guards import PLACEHOLDERS, find_leaks, forbidden_values
from tutor.hints.numbers import numbers_in
from tutor.prompts import load_prompt
from tutor.schema import Problem, Step, Verdict

#: Longest student or problem text put into a prompt (characters); the tiny model needs focus.
MAX_QUOTE_CHARS = 300
MAX_PROBLEM_CHARS = 600


def ladder_kinds(verdict: Verdict) -> list[tuple[int, str]]:
    """The ``(level, kind)`` rungs of the ladder for a verdict: three error hints for
    ``incorrect``, confirm + extension for ``correct``, one explain for ``unsure``."""
    if verdict.label == "incorrect":
        return [(1, "where"), (2, "concept"), (3, "bottom_out")]
    if verdict.label == "correct":
        return [(1, "confirm"), (2, "extension")]
    return [(1, "explain")]


def kind_for(verdict: Verdict, level: int) -> str:
    """The hint kind of ``level`` for this verdict.

    Raises:
        ValueError: the verdict's ladder has no such level.
    """
    for lv, kind in ladder_kinds(verdict):
        if lv == level:
            return kind
    raise ValueError(f"a {verdict.label!r} verdict has no hint level {level}")


def quote_student_text(text: str, limit: int = MAX_QUOTE_CHARS) -> str:
    """Make student text safe to quote inside ``<student>`` tags: drop tag-like and control
    characters (so it cannot close the quote), collapse white space, cut to ``limit`` chars."""
    text = re.sub(r"[<>\x00-\x08\x0b-\x1f\x7f]", " ", text or "")
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def mask_values(text: str, forbidden: list[str]) -> str:
    """Replace numbers in ``text`` that state a forbidden value by ``?``."""
    if not forbidden:
        return text
    for n in sorted(numbers_in(text), key=lambda n: -len(n.text)):
        # Only whole written numbers: a computation such as "20 / 2" is the student's work.
        if n.text and "/" not in n.text and find_leaks(n.text, forbidden):
            text = text.replace(n.text, "?")
    return text


def _facts(problem: Problem, steps: list[Step], verdict: Verdict, level: int, kind: str) -> dict[str, str]:
    # Local import: fallback imports this module's siblings only; no cycle at import time.
    from tutor.hints.fallback import _redo_expression, safe_quantities, target_step

    k = target_step(steps, verdict)
    forbidden = forbidden_values(problem, verdict, level, steps)
    step_text = steps[k - 1].text if k and 1 <= k <= len(steps) else ""
    qs = safe_quantities(problem, steps, verdict, level, k)
    expected = verdict.expected_value or ""
    if not expected or find_leaks(expected, forbidden_values(problem, verdict, 3, steps)):
        expected = PLACEHOLDERS["expected"]
    relation = _redo_expression(problem, verdict, step_text) or PLACEHOLDERS["relation"]
    return {
        "problem": mask_values(quote_student_text(problem.text, MAX_PROBLEM_CHARS), forbidden),
        "step_number": str(k or 1),
        "step_text": mask_values(quote_student_text(step_text), forbidden),
        "category": verdict.error_category or "Other",
        "quantity": qs[0] if qs else PLACEHOLDERS["quantity"],
        "expected": expected,
        "relation": mask_values(relation, forbidden_values(problem, verdict, 3, steps)),
    }


def hint_prompt(problem: Problem, steps: list[Step], verdict: Verdict, level: int) -> list[dict[str, str]]:
    """Chat messages asking the student model for hint ``level`` (stable: the distillation
    stage trains on exactly these messages).

    Args:
        problem: the problem (its final answer is never put into the prompt).
        steps: the parsed student steps.
        verdict: the verifier's decision.
        level: 1–3 for ``incorrect``, 1–2 for ``correct``, 1 for ``unsure``.

    Returns:
        ``[{"role": "system"|"user"|"assistant", "content": str}, ...]`` from
        ``prompts/hint_<kind>.txt`` (a one-shot example, then the case).

    Raises:
        ValueError: the verdict's ladder has no such level.
        TutorConfigError: the template file is missing.
    """
    kind = kind_for(verdict, level)
    return load_prompt(f"hint_{kind}").render(**_facts(problem, steps, verdict, level, kind))


def prompt_version(kind: str) -> str:
    """The ``# version:`` of ``prompts/hint_<kind>.txt`` (logged with model-written hints)."""
    return load_prompt(f"hint_{kind}").version
