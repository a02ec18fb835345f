"""Training examples in exactly the formats the tutor uses at run time.

The student model has two jobs, and each is trained on the prompts the app sends:

* **step scoring** (process reward): P(step k correct | problem, reference, steps <= k), read
  by the verifier (:mod:`tutor.verify.scorer`) as the next token " Yes"/" No" after a marker
  following each step, all steps in one text; the target at each marker is the teacher's label.
* **hints**: ``tutor.hints.prompting.hint_prompt(problem, steps, verdict, level)`` answered
  with the teacher's guard-checked hint for that rung.

A hint example is ``{"task": "hint", "sample_id", "source", "prompt": [chat messages], "completion"}``
(rendered with the student's chat template, loss on the completion); a scoring example is
``{"task": "score", "sample_id", "source", "text", "marker_ends", "step_labels"}`` (plain text, loss
on the " Yes"/" No" read-out at each marker). :mod:`tutor.distill.train` tokenizes both.
"""

from __future__ import annotations

from typing import Any

from tutor.distill.sources import Sample
from tutor.distill.teacher import HINT_KIND_OF_LEVEL, guard_problems, sample_steps, sample_verdict

HINT_KIND_OF_LEVEL_KEYS = {str(level) for level in HINT_KIND_OF_LEVEL}


def step_example(sample: Sample, with_reference: bool = True) -> dict[str, Any] | None:
    """The step-scoring example of one sample, in the verifier's format.

    The text is :func:`tutor.verify.scorer.step_scoring_prompt` of the problem, the student's
    steps and (when ``with_reference``) the reference solution; ``step_labels`` holds, per
    step, ``True`` (correct: target :data:`~tutor.verify.scorer.YES`), ``False`` (the first
    wrong step: target :data:`~tutor.verify.scorer.NO`) or ``None`` (after the first wrong
    step: left out of the loss, as the scorer's docstring recommends).

    Returns:
        ``{"task": "score", "sample_id", "source", "text", "marker_ends", "step_labels"}``, or ``None``
        when the teacher gave no step targets.
    """
    from tutor.verify.scorer import step_scoring_prompt

    targets = sample.teacher.get("step_targets") or []
    if not targets:
        return None
    labels: list[bool | None] = [t >= 0.5 for t in targets]
    labels += [None] * (len(sample.steps) - len(labels))
    reference = sample.problem.reference_solution if with_reference else None
    ex = step_scoring_prompt(sample.problem, sample.steps, reference)
    return {"task": "score", "sample_id": sample.id, "source": sample.source, "text": ex.text,
            "marker_ends": ex.marker_ends, "step_labels": labels}


def hint_examples(sample: Sample) -> list[dict[str, Any]]:
    """One example per hint rung the teacher wrote for this sample (erroneous solutions); a
    hint a human teacher corrected in review (``privileged["target_hints"]``) replaces the
    teacher model's rung of that level where it passes the hint guards (one that gives the
    answer away never becomes a training target). Examples of corrected rungs carry
    ``"corrected": True``."""
    from tutor.hints.prompting import hint_prompt

    if sample.first_error_step is None:
        return []
    steps = sample_steps(sample)
    verdict = sample_verdict(sample)
    hints = dict(sample.teacher.get("hints") or {})
    corrected = {lv for lv, text in (sample.privileged.get("target_hints") or {}).items()
                 if text and lv in HINT_KIND_OF_LEVEL_KEYS and not guard_problems(text, int(lv), sample)}
    hints.update({lv: sample.privileged["target_hints"][lv] for lv in corrected})
    out = []
    for level_s, text in sorted(hints.items()):
        level = int(level_s)
        out.append({"task": "hint", "sample_id": sample.id, "source": sample.source, "level": level,
                    "kind": HINT_KIND_OF_LEVEL[level],
                    "prompt": hint_prompt(sample.problem, steps, verdict, level),
                    "completion": text, **({"corrected": True} if level_s in corrected else {})})
    return out
