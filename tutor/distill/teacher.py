"""Teachers: what writes the targets the student model learns from.

A teacher sees privileged context the student never does: the reference solution, the
injected error (which step, what was written, what it should have been) and the symbolic
checks. From it, it writes, per sample:

* ``step_targets`` — P(step k is correct) for steps 1 … first wrong step (all steps of a
  correct solution), the process-reward targets of the step-scoring job;
* ``description`` — one sentence for teachers on the first wrong step;
* ``hints`` — the three-rung ladder (where / concept / bottom-out) for an erroneous solution,
  each checked by the hint guards (:func:`tutor.hints.guards.check_hint`): never the final
  answer, never the step's corrected value below level 3, pointing at the wrong step only.

Two implementations:

* :class:`ProgramTeacher` (default on CPU) — the privileged context turned into targets by
  rules. Step labels are exact by construction; hints are templated from the injected facts.
  On a 2-core CPU this is the strongest teacher available: the models that run here
  (SmolLM2-135M, gemma-3-270m) are the student's size, cannot verify arithmetic reliably and
  write ~15 tokens/s, so they would be slower *and* less accurate than the facts they are given.
* :class:`LMTeacher` — any :class:`~tutor.llm.LanguageModel` (an HF causal LM or an
  OpenAI-compatible endpoint serving a 7B+ model) rewrites descriptions and hints from the same
  privileged context; each output is kept only when it passes the hint guards, otherwise the
  program teacher's wording is kept. Step targets stay the constructed labels (a bigger
  teacher's P(correct) can replace them via ``score_steps=True``).

Teacher hacking (Tiapkin et al. 2025) — a student over-fitting one fixed offline teacher — is
countered by the generator (several samples per problem, paraphrases) and here by several
wordings per hint kind, chosen per sample.
"""

from __future__ import annotations

import logging
import random
from typing import Protocol

from tutor.distill.sources import Sample
from tutor.hints.fallback import PLAIN_BOTTOM_OUT
from tutor.schema import Step, Verdict

log = logging.getLogger(__name__)

HINT_KIND_OF_LEVEL = {1: "where", 2: "concept", 3: "bottom_out"}

# Several wordings per rung; {k} step number, {q} a quantity of the step, {found}/{expected}
# privileged facts. Every wording is checked by the guards before it is used.
_WHERE = (
    "Look at step {k}. How did you get {q} there?",
    "Go back to step {k}. Can you check how you used {q}?",
    "In step {k}, where does {q} come from? Check that part again.",
    "Something in step {k} needs another look. What does {q} stand for?",
)
_CONCEPT = {
    "calculation_slip": ("In step {k}, do the math again by hand. Then check it a second way, like working backwards.",
                         "Redo the arithmetic in step {k} slowly. Does your result fit the numbers you started with?"),
    "wrong_operation": ("In step {k}, think about what the story does with the numbers. Does it join, take away, make groups, or share?",
                        "Read the problem again. Which operation fits step {k}: add, subtract, multiply, or divide?"),
    "misread_quantity": ("Read the problem again and find each number you used in step {k}. Does each one match?",
                         "Compare the numbers in step {k} with the numbers written in the problem."),
    "missing_quantity": ("In step {k}, list every amount the problem gives for this part. Did you use all of them?",
                         "Step {k} should use every amount that belongs to it. Check the problem for one you skipped."),
    "unit_conversion": ("In step {k}, think about the units. How many of the small unit make one big unit?",
                        "Step {k} changes units. Check the number you used to change them."),
    "stop_early": ("Read the question at the end of the problem again. Does step {k} answer exactly that?",
                   "Step {k} gives an answer. Is it the amount the question asks for, or only part of it?"),
    "go_past": ("Read the question again. Did you already have what it asks for before step {k}?",
                "Ask yourself if step {k} is needed. What does the question ask for?"),
    "real": ("Read step {k} again next to the problem. Does it match what the problem says?",
             "In step {k}, say in your own words what you are finding. Does that fit the problem?"),
}
_BOTTOM = {
    "calculation_slip": ("In step {k}, {expression} is {expected}, not {found}. Use {expected} in the steps after it.",
                         "Step {k} has a math slip: it should be {expected}, not {found}. Then redo the later steps."),
    "wrong_operation": ("In step {k}, you need to {expected}, not {found}. Change that step and redo the steps after it.",),
    "misread_quantity": ("In step {k}, the problem gives {expected}, not {found}. Use {expected} and redo the steps after it.",),
    "missing_quantity": ("In step {k}, you left out {q}. Add it in, then redo the steps after it.",),
    "unit_conversion": ("In step {k}, use {expected}, not {found}, to change the units. Then redo the steps after it.",),
    "stop_early": ("Step {k} gives {found}, but that is only part of the way. Keep going to answer the question.",),
    "go_past": ("You had the answer before step {k}. Step {k} is not needed, so stop before it.",),
    "real": ("Step {k} has the first mistake. Compare it with the problem, then redo it and the steps after it.",),
}
# Used when every templated wording of a rung fails the guards (e.g. a value equals the answer).
_SAFE = {1: "Look at step {k} again. What did you do with {q}?",
         2: "Read step {k} again next to the problem. Does it match what the problem says?",
         3: PLAIN_BOTTOM_OUT}
# a slip's operation was right: redo it, never choose one (the guards refuse that wording)
_SAFE_SLIP = ("Redo step {k}: work out {expression} again by hand, one small part at a time. "
              "Then use your new number in the steps after it.")


def sample_steps(sample: Sample) -> list[Step]:
    """The sample's steps as schema steps (1-based)."""
    return [Step(number=i, text=t, raw=t) for i, t in enumerate(sample.steps, 1)]


def sample_verdict(sample: Sample) -> Verdict:
    """The verdict a perfect verifier would give for the sample (what the hint job is
    conditioned on at run time)."""
    k = sample.first_error_step
    n = len(sample.steps)
    if k is None:
        return Verdict(label="correct", marks=["correct"] * n, step_error_probs=[0.0] * n)
    marks = ["correct"] * (k - 1) + ["first_error"] + ["after_error"] * (n - k)
    priv = sample.privileged
    found = str(priv.get("found", ""))
    return Verdict(
        label="incorrect", first_error_step=k, marks=marks,
        step_error_probs=[0.0] * (k - 1) + [1.0] * (n - k + 1),
        error_category=sample.error_category,
        explanation=sample.teacher.get("description") or sample.error_description,
        expected_value=priv.get("expected_value"),
        # an operation name ("subtract") is not a value of the step
        found_value=found if found.replace(".", "", 1).isdigit() else None,
        quantities=list(priv.get("quantities", [])),
    )


def guard_problems(text: str, level: int, sample: Sample) -> list[str]:
    """Problems the hint guards find in ``text`` as rung ``level`` of ``sample`` (empty = ok)."""
    from tutor.hints.guards import check_hint

    return check_hint(text, level, HINT_KIND_OF_LEVEL[level], sample.problem,
                      sample_steps(sample), sample_verdict(sample))


def _quantity(sample: Sample) -> str | None:
    """The quantity of the wrong step a level-1 hint may name: the same one the hint prompt
    shows the student model (``Quantity:``), so the student learns to ground its hint in it."""
    from tutor.hints.fallback import safe_quantities

    qs = safe_quantities(sample.problem, sample_steps(sample), sample_verdict(sample), 1,
                         sample.first_error_step)
    return qs[0] if qs else None


class Teacher(Protocol):
    """Writes the teacher outputs of a sample into ``sample.teacher``."""

    name: str

    def annotate(self, sample: Sample, rng: random.Random) -> Sample:
        """Fill ``sample.teacher`` (``name``, ``step_targets``, ``description``, ``hints``)."""
        ...


class ProgramTeacher:
    """The privileged-context teacher: exact labels, templated guard-checked hints."""

    name = "program"

    def annotate(self, sample: Sample, rng: random.Random) -> Sample:
        """See :class:`Teacher`. Hints: ``{"1": text, "2": text, "3": text}`` (a rung is
        missing when no wording passes the guards)."""
        k = sample.first_error_step
        n = len(sample.steps)
        targets = [1.0] * n if k is None else [1.0] * (k - 1) + [0.0]
        sample.teacher = {"name": self.name, "step_targets": targets,
                          "description": sample.error_description, "hints": {}}
        if k is None:
            return sample
        kind = sample.kind if sample.kind in _CONCEPT else "real"
        priv = sample.privileged
        q = _quantity(sample)
        values = {"k": k, "q": q or "", "found": priv.get("found", ""),
                  "expected": priv.get("expected", ""),
                  "expression": (priv.get("expression") or "").split(" = ")[0]}
        for level, table in ((1, {kind: _WHERE}), (2, _CONCEPT), (3, _BOTTOM)):
            options = list(table[kind])
            rng.shuffle(options)
            if level == 1 and not q:
                continue
            safe = _SAFE_SLIP if (level, kind) == (3, "calculation_slip") else _SAFE[level]
            for template in options + [safe]:
                text = template.format(**values)
                if not guard_problems(text, level, sample):
                    sample.teacher["hints"][str(level)] = text
                    break
        return sample


class LMTeacher:
    """A language-model teacher given the privileged context (any :class:`LanguageModel`).

    Args:
        model: the teacher model (HF in-process or an OpenAI-compatible server).
        fallback: teacher whose outputs are kept when the model's fail the guards.
        max_new_tokens: generation budget per output (tokens).
    """

    def __init__(self, model, fallback: ProgramTeacher | None = None, max_new_tokens: int = 80) -> None:
        self.model = model
        self.fallback = fallback or ProgramTeacher()
        self.max_new_tokens = max_new_tokens
        self.name = f"lm:{getattr(model, 'name', 'model')}"

    def _privileged_prompt(self, sample: Sample, level: int) -> list[dict[str, str]]:
        priv = sample.privileged
        steps = "\n".join(f"Step {i}: {s}" for i, s in enumerate(sample.steps, 1))
        ref = "\n".join(sample.problem.reference_solution or [])
        facts = (f"The first wrong step is step {sample.first_error_step}. "
                 f"{sample.teacher.get('description') or ''} "
                 f"Student wrote: {priv.get('found', '?')}. Correct: {priv.get('expected', '?')}.")
        rung = {1: "Say only WHERE to look (step number and one quantity of that step).",
                2: "Name the idea to rethink, without giving any corrected number.",
                3: "Give the correct value of that step only, never the final answer."}[level]
        return [
            {"role": "system", "content": "You are an expert math teacher writing hints for a "
                                          "grade-school student. Answer with the hint only, under 40 words."},
            {"role": "user", "content": f"Problem: {sample.problem.text}\nReference solution:\n{ref}\n"
                                        f"Student's steps:\n{steps}\nPrivileged facts: {facts}\n"
                                        f"Write hint level {level}. {rung}"},
        ]

    def annotate(self, sample: Sample, rng: random.Random) -> Sample:
        """See :class:`Teacher`; each model hint replaces the program's only if it passes the
        guards."""
        sample = self.fallback.annotate(sample, rng)
        sample.teacher["name"] = self.name
        if sample.first_error_step is None:
            return sample
        for level in (1, 2, 3):
            try:
                text = self.model.generate(self._privileged_prompt(sample, level),
                                           max_new_tokens=self.max_new_tokens,
                                           temperature=0.7).strip().split("\n")[0]
            except Exception as exc:  # a teacher failure must not stop the whole job
                log.warning("teacher model failed on %s: %s", sample.id, exc)
                continue
            if text and not guard_problems(text, level, sample):
                sample.teacher["hints"][str(level)] = text
        return sample


def make_teacher(spec: str) -> Teacher:
    """Build a teacher from a spec: ``"program"``; ``"hf:<folder or model name>"`` (loaded
    with :class:`tutor.llm.HFModel`); ``"openai:<base url>#<model>"``.

    Raises:
        TutorConfigError: unknown spec, or the model cannot be loaded.
    """
    from tutor.errors import TutorConfigError

    if spec == "program":
        return ProgramTeacher()
    if spec.startswith("hf:"):
        from tutor.config import load_settings
        from tutor.llm import HFModel, resolve_model_path

        path = resolve_model_path(spec[3:], load_settings().cache_path)
        return LMTeacher(HFModel(path, name=spec[3:]))
    if spec.startswith("openai:") and "#" in spec:
        from tutor.llm import OpenAIModel

        url, model = spec[len("openai:"):].split("#", 1)
        return LMTeacher(OpenAIModel(url, model))
    raise TutorConfigError(f"unknown teacher {spec!r}: use program, hf:<model>, or openai:<url>#<model>")
