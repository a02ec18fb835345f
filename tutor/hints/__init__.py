"""Scaffolded hints that teach without telling (issue 5).

Public names (others code against them; keep them stable):

* :class:`HintLadder` — ``build(problem, steps, verdict) -> list[Hint]`` and
  ``stream(problem, steps, verdict, level) -> Iterator[Hint]``.
* :func:`hint_prompt` — the exact chat messages sent to the student model for a level (the
  distillation stage trains on these).
* Guards: :func:`find_leaks`, :func:`forbidden_values`, :func:`find_false_accusations`,
  :func:`readability_problems`, :func:`grounding_problems`, :func:`form_problems`,
  :func:`invented_numbers`, :func:`asserts_wrong_value`, :func:`slip_misdirections`, and
  :func:`check_hint` (all of them).
* :func:`fallback_hint` — deterministic wording from the verdict.
"""

from tutor.hints.fallback import fallback_hint, target_step
from tutor.hints.guards import (
    MAX_WORDS,
    asserts_wrong_value,
    check_hint,
    concludes,
    find_false_accusations,
    find_leaks,
    flesch_kincaid_grade,
    forbidden_values,
    form_problems,
    grounding_problems,
    invented_numbers,
    names_quantity,
    points_at,
    quantity_names,
    readability_problems,
    reference_answer,
    reword_step_pointers,
    slip_misdirections,
    step_mentions,
    step_quantities,
)
from tutor.hints.ladder import HintLadder, clean_model_text, safe_prefix
from tutor.hints.prompting import hint_prompt, kind_for, ladder_kinds, prompt_version, quote_student_text

__all__ = [
    "HintLadder", "hint_prompt", "ladder_kinds", "kind_for", "prompt_version", "quote_student_text",
    "fallback_hint", "target_step", "check_hint", "concludes", "find_leaks", "forbidden_values",
    "find_false_accusations", "readability_problems", "flesch_kincaid_grade", "grounding_problems",
    "names_quantity", "points_at", "reference_answer", "step_mentions", "step_quantities",
    "MAX_WORDS", "clean_model_text", "safe_prefix", "form_problems", "invented_numbers",
    "asserts_wrong_value", "reword_step_pointers", "quantity_names", "slip_misdirections",
]
