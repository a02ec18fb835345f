"""Plain data passed between the tutor's parts (layer 1: no logic beyond validation).

Conventions used everywhere:

* Step numbers shown to people and stored in the log are **1-based** (``Step.number``);
  ``first_error_step`` is the 1-based number of the first wrong step, ``None`` when no step is
  wrong (the VtG convention, where 0 means "correct", maps ``None`` to 0).
* Probabilities are floats in [0, 1]; times are seconds (floats).
* Every dataclass converts to JSON-ready dicts with :func:`to_dict` and back with
  ``Cls.from_dict``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

from tutor.errors import TutorInputError

# Per-step marks shown to the student.
StepMark = Literal["correct", "first_error", "after_error", "unsure", "not_checked"]
# Overall decision of the verifier.
VerdictLabel = Literal["correct", "incorrect", "unsure"]

#: Error categories of the Verify-then-Generate data (Daheim et al., EMNLP 2024), plus the
#: project's own "calculation error" used by the symbolic checker.
ERROR_CATEGORIES = (
    "Calculation error",
    "Missing / Wrong factual knowledge",
    "Misunderstanding of the question",
    "Logical error / Wrong approach",
    "Missing step",
    "Extra or missing quantity",
    "Went past the answer",
    "Wrong unit conversion",
    "Other",
)

#: Grade levels of the Common Core, in order (high school is one level).
GRADES = ("K", "1", "2", "3", "4", "5", "6", "7", "8", "HS")
_GRADE_WORDS = {"0": "K", "KG": "K", "KINDERGARTEN": "K", "HIGH SCHOOL": "HS",
                **{str(g): "HS" for g in range(9, 13)}}


def parse_grade(value: Any) -> str | None:
    """A grade as typed by a person -> one of :data:`GRADES`, or ``None`` when empty.

    Accepts ``"K"``/``"0"``/``"kindergarten"``, ``"1"`` … ``"8"`` (also ``"Grade 5"``,
    ``"5th"``), ``"HS"``/``"high school"``/``"9"`` … ``"12"``, in any case.

    Raises:
        TutorInputError: any other value (the message lists the accepted ones).
    """
    text = "" if value is None else str(value).strip().upper()
    if text in ("", "—", "-", "NONE"):
        return None
    text = text.removeprefix("GRADE").strip()
    text = text[:-2] if text[-2:] in ("ST", "ND", "RD", "TH") and text[:-2].isdigit() else text
    text = _GRADE_WORDS.get(text, text)
    if text not in GRADES:
        raise TutorInputError(f"Grade must be one of {', '.join(GRADES)} (or empty), not {value!r}.")
    return text


HINT_KINDS = ("where", "concept", "bottom_out", "confirm", "extension", "explain")


def to_dict(obj: Any) -> dict[str, Any]:
    """Return a JSON-ready dict of a schema dataclass (recursively)."""
    return dataclasses.asdict(obj)


class _Record:
    """Mixin: ``Cls.from_dict(d)`` builds the dataclass from a dict, ignoring unknown keys."""

    @classmethod
    def from_dict(cls, d: dict[str, Any]):
        return cls(**{k: d[k] for k in d if k in _fields(cls)})


@dataclass
class Problem(_Record):
    """A math problem, optionally with a reference solution.

    Attributes:
        text: the problem statement as the student sees it.
        reference_solution: the reference solution as a list of step strings, or ``None``
            when the problem was typed in without one.
        final_answer: the reference final answer as text (e.g. ``"72"``), or ``None``.
        id: problem-bank id, when the problem comes from the bank.
        grade: grade level as text (``"K"``, ``"3"``, ``"HS"``), when known.
        standards: standard codes the problem bank already assigns (may be empty).
    """

    text: str
    reference_solution: list[str] | None = None
    final_answer: str | None = None
    id: str | None = None
    grade: str | None = None
    standards: list[str] = field(default_factory=list)


@dataclass
class Step(_Record):
    """One step of a solution.

    Attributes:
        number: 1-based position in the solution.
        text: the step as written (whitespace trimmed, numbering like "Step 2:" removed).
        raw: the line(s) as typed, before cleaning.
    """

    number: int
    text: str
    raw: str = ""


@dataclass
class Equation:
    """One equation or computation found in a step and its symbolic check.

    Attributes:
        text: the equation as found in the step (normalised).
        lhs_value: value of the left-hand side, when it evaluates to a number.
        rhs_value: value the student wrote on the right-hand side, when numeric.
        ok: ``True`` if the sides agree (within rounding), ``False`` if not, ``None`` if it
            could not be evaluated.
        expected: the correct value of the left side, when ``ok`` is ``False``.
        follows: for an algebra step, the earlier equation this one should be equivalent to
            (``ok`` says whether both have the same solution; the values are the two
            solutions, old as ``lhs_value``); empty for a computation.
    """

    text: str
    lhs_value: float | None = None
    rhs_value: float | None = None
    ok: bool | None = None
    expected: float | None = None
    follows: str = ""


@dataclass
class StepCheck:
    """Symbolic (sympy) evidence about one step.

    Attributes:
        step_number: 1-based step number.
        equations: every equation/computation found and checked.
        values: numbers the step states (results and operands), in order of appearance.
        ok: ``False`` if any equation is wrong, ``True`` if all found are right, ``None`` if
            nothing could be checked.
    """

    step_number: int
    equations: list[Equation] = field(default_factory=list)
    values: list[float] = field(default_factory=list)
    ok: bool | None = None


@dataclass
class Verdict(_Record):
    """The verifier's decision about a whole solution.

    Attributes:
        label: ``"correct"``, ``"incorrect"`` or ``"unsure"``.
        first_error_step: 1-based number of the first wrong step, ``None`` if none is.
        marks: one :data:`StepMark` per step, same order as the steps.
        step_error_probs: per step, calibrated probability in [0, 1] that the step is wrong.
        error_category: one of :data:`ERROR_CATEGORIES` for the first wrong step, or ``None``.
        explanation: one plain sentence on what is wrong in the first wrong step.
        expected_value: the value the first wrong step should have produced, when known
            (privileged: never shown to the student below the bottom-out hint).
        found_value: the value the student wrote in the first wrong step, when known; for a
            wrong algebra step, the equation the student wrote ("2x = 9").
        quantities: quantities (numbers as text, or names) involved in the first wrong step.
        unused_given: a number the problem gives that no step uses, as text (``"15"``), when
            that is what makes an ``unsure`` verdict (checked without a reference only).
        evidence: free-form evidence by source (``"mathcheck"``, ``"reference"``, ``"model"``)
            for teachers and debugging.
    """

    label: VerdictLabel
    first_error_step: int | None = None
    marks: list[str] = field(default_factory=list)
    step_error_probs: list[float] = field(default_factory=list)
    error_category: str | None = None
    explanation: str | None = None
    expected_value: str | None = None
    found_value: str | None = None
    quantities: list[str] = field(default_factory=list)
    unused_given: str | None = None
    evidence: dict[str, Any] = field(default_factory=dict)

    def calculation_right(self, step_number: int | None) -> bool:
        """Whether the verifier checked a calculation in step ``step_number`` (1-based) and
        found it right (read from ``evidence["mathcheck"]``)."""
        checks = self.evidence.get("mathcheck")
        return isinstance(checks, list) and any(
            isinstance(c, dict) and c.get("step") == step_number and c.get("ok") is True for c in checks)


@dataclass
class StandardMatch(_Record):
    """A curriculum standard matched to a problem or an error.

    Attributes:
        code: standard code, e.g. ``"5.NF.A.1"``.
        description: the catalogue's description.
        grade: ``"K"``, ``"1"`` … ``"8"`` or ``"HS"``.
        domain: domain code, e.g. ``"5.NF"``.
        cluster: cluster code, e.g. ``"5.NF.A"``.
        score: retrieval score (higher is better; not a probability).
        role: ``"problem"`` (the problem addresses it) or ``"prerequisite"`` (review it).
        summary: the standard's cluster heading, a short plain line for students ("Solve
            problems with whole numbers using the four operations."); ``""`` when the
            catalogue has none.
    """

    code: str
    description: str
    grade: str = ""
    domain: str = ""
    cluster: str = ""
    score: float = 0.0
    role: Literal["problem", "prerequisite"] = "problem"
    summary: str = ""


@dataclass
class Hint(_Record):
    """One rung of the hint ladder.

    Attributes:
        level: 1 (where to look), 2 (concept), 3 (bottom-out for the wrong step); 1 also for
            the single confirmation / invitation message of a correct or unsure verdict.
        kind: one of :data:`HINT_KINDS`.
        text: what the student reads (≤ 60 words).
        source: ``"model"`` when the student model wrote it and it passed the guards,
            ``"fallback"`` when deterministic wording was used.
    """

    level: int
    kind: str
    text: str
    source: Literal["model", "fallback"] = "fallback"


@dataclass
class Submission:
    """What a student sends.

    Attributes:
        problem: the problem (from the bank, or typed in).
        solution_text: the worked solution as typed (one step per line, numbered or not).
        student_id: optional student id or name.
        class_code: optional class code.
    """

    problem: Problem
    solution_text: str
    student_id: str | None = None
    class_code: str | None = None


@dataclass
class Feedback:
    """What the tutor answers.

    Attributes:
        verdict: the verifier's decision.
        steps: the parsed steps the verdict refers to.
        standards: standards the problem addresses (role ``"problem"``), best first.
        prerequisites: standards to review for the first wrong step (role ``"prerequisite"``).
        hints: the hint ladder (three levels for an incorrect solution, one message otherwise).
        timings: seconds per stage (``"parse"``, ``"verify"``, ``"standards"``, ``"hints"``,
            ``"total"``).
        submission_id: row id in the feedback log once saved, else ``None``.
        warnings: plain-words notes for the student (e.g. "a step could not be read").
    """

    verdict: Verdict
    steps: list[Step] = field(default_factory=list)
    standards: list[StandardMatch] = field(default_factory=list)
    prerequisites: list[StandardMatch] = field(default_factory=list)
    hints: list[Hint] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    submission_id: int | None = None
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Feedback":
        return cls(
            verdict=Verdict.from_dict(d["verdict"]),
            steps=[Step.from_dict(s) for s in d.get("steps", [])],
            standards=[StandardMatch.from_dict(s) for s in d.get("standards", [])],
            prerequisites=[StandardMatch.from_dict(s) for s in d.get("prerequisites", [])],
            hints=[Hint.from_dict(h) for h in d.get("hints", [])],
            timings=dict(d.get("timings", {})),
            submission_id=d.get("submission_id"),
            warnings=list(d.get("warnings", [])),
        )


def _fields(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)}
