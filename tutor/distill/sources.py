"""Where distillation data comes from, read in place, and the one record every stage passes.

Sources (none is copied into the repository; generated sets go to an output folder):

* GSM8K training problems (``gsm8k/train.jsonl``): reference solutions with explicit
  arithmetic, the raw material for correct and error-injected student solutions.
* the project's problem bank (``data/problems/bank.jsonl``, optional): problems with
  reference solutions, used the same way when their steps carry ``a op b = c`` arithmetic.
* teacher annotations exported from the app (``tutor export-annotations``): real student
  solutions with a teacher's first wrong step, category and description, and where the teacher
  wrote one, the hint the student should have seen (the level-1 hint target).
* Verify-then-Generate (``vtg/dev.json``), **train fold only**: real student solutions with
  the annotated first wrong step, and their rephrased correct counterparts. The fold of a
  record is fixed by its problem (:func:`vtg_folds`): ``"train"`` for about two thirds,
  ``"eval"`` for the rest; ``tutor distill eval`` scores the ``"eval"`` fold only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from tutor.errors import TutorInputError
from tutor.jsonl import parse_jsonl
from tutor.schema import Problem

#: Error categories of the VtG data mapped to the schema's categories.
VTG_CATEGORY = {
    "Calculation error easily solved by a calculator": "Calculation error",
    "Missing / Wrong factual knowledge": "Missing / Wrong factual knowledge",
    "Misunderstanding of a question": "Misunderstanding of the question",
    "Extra quantity or Missing quantity": "Misunderstanding of the question",
    "Reached correct solution but proceeded further": "Misunderstanding of the question",
    "Unit conversion error": "Wrong unit conversion",
    "None of the above": "Other",
}


def stable_fraction(key: str) -> float:
    """A number in [0, 1) fixed by ``key`` (SHA-256), for deterministic splits."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) / 2**32


def vtg_fold(record_id: str) -> str:
    """``"train"`` or ``"eval"``: the fold a record id draws (about 50/50); the fold a record
    is in is :func:`vtg_folds`, which keeps a problem's records together."""
    return "train" if stable_fraction("vtg-fold:" + record_id) < 0.5 else "eval"


def vtg_folds(records: Sequence[dict[str, Any]]) -> list[str]:
    """The fold of each VtG record: ``"train"`` when any record of the same problem draws
    ``"train"`` (:func:`vtg_fold` of its id), else ``"eval"``.

    VtG has the same student solution annotated by several teachers under different ids (104
    of the 301 records whose id draws "eval" in ``vtg/dev.json`` share their problem with a
    record that draws "train"); splitting by id alone put the same solution on both sides, so
    a model trained on the train fold had seen a third of the eval fold. Extending the train
    fold to whole problems keeps every earlier train record in it (an adapter trained on the
    id rule never saw an eval record of this rule) and leaves about a third of the records
    in "eval".

    Args:
        records: VtG records with ``id`` and ``problem``.

    Returns:
        one fold per record, in order.
    """
    train = {problem_key(r["problem"]) for r in records if vtg_fold(r["id"]) == "train"}
    return ["train" if problem_key(r["problem"]) in train else "eval" for r in records]


def in_vtg_fold(records: Sequence[dict[str, Any]], fold: str) -> list[dict[str, Any]]:
    """The records of one fold (see :func:`vtg_folds`), in order."""
    return [r for r, f in zip(records, vtg_folds(records)) if f == fold]


def problem_key(text: str) -> str:
    """A problem's text with case and spacing normalised: records with one key are one
    problem (for folds and grouped cross-validation)."""
    return " ".join(str(text).split()).lower()


@dataclass
class Sample:
    """One student solution with everything the teacher and the trainer need.

    Attributes:
        id: unique id (source, item, variant).
        source: ``"gsm8k"``, ``"bank"``, ``"annotation"`` or ``"vtg"``.
        kind: ``"correct"``, an injection kind (:data:`tutor.distill.inject.INJECTION_KINDS`)
            or ``"real"`` (a real student's solution).
        problem: the problem with its reference solution and final answer.
        steps: the student's steps as text (the last one usually states the answer).
        first_error_step: 1-based first wrong step, ``None`` for a correct solution.
        error_category: schema error category of the first wrong step, if any.
        error_description: one sentence for teachers on the first wrong step, if any.
        privileged: facts only the teacher sees (``found``, ``expected``, ``expression``,
            ``quantities`` of the wrong step; for a teacher annotation with a corrected hint,
            ``target_hints``: ``{"1": text}``, the hint rung a teacher wrote, in the shape of
            ``teacher["hints"]``).
        split: ``"train"`` or ``"heldout"`` (the fold used for stopping, by problem).
        teacher: the teacher's outputs, filled by :mod:`tutor.distill.teacher`.
    """

    id: str
    source: str
    kind: str
    problem: Problem
    steps: list[str]
    first_error_step: int | None = None
    error_category: str | None = None
    error_description: str | None = None
    privileged: dict[str, Any] = field(default_factory=dict)
    split: str = "train"
    teacher: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Sample":
        """Inverse of :meth:`to_dict`."""
        return cls(**{**d, "problem": Problem.from_dict(d["problem"])})


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Records of a JSON Lines file (whatever its suffix).

    Raises:
        TutorInputError: unreadable file or a line that is not JSON.
    """
    from tutor.eval.common import read_records

    if path.suffix == ".jsonl":
        return read_records(path)
    try:
        text = path.read_text(encoding="utf-8")
        return parse_jsonl(text)
    except (OSError, json.JSONDecodeError) as exc:
        raise TutorInputError(f"cannot read {path} as JSON lines: {exc}") from exc


def read_gsm8k(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """GSM8K records ``{"question", "answer"}`` (first ``limit``), each given an ``id``.

    Raises:
        TutorInputError: unreadable file or a line that is not JSON.
    """
    rows = _read_jsonl(Path(path))
    rows = rows[:limit] if limit else rows
    return [{**r, "id": f"gsm8k-{i:05d}"} for i, r in enumerate(rows)]


def read_annotations(path: str | Path) -> list[Sample]:
    """Teacher annotations written by ``tutor export-annotations`` as samples.

    Each line: ``{"id", "source": "teacher_annotation", "problem", "reference_solution":
    [str] | null, "final_answer": str | null, "steps": [str], "first_error_step": int | null
    (1-based), "error_category", "error_description", "hint_flag", "corrected_hint",
    "reviewer", "reviewed_at"}`` (``hint_flag``/``corrected_hint`` may be missing: files
    exported before hints were judged). A corrected hint becomes ``privileged["target_hints"]
    = {"1": text}``: what the teacher said the level-1 hint should have been.

    Raises:
        TutorInputError: unreadable file, a line that is not JSON, or a record without
            ``problem``/``steps`` or with a first wrong step outside the steps.
    """
    out = []
    for rec in _read_jsonl(Path(path)):
        if not rec.get("problem") or not rec.get("steps"):
            raise TutorInputError(f"annotation {rec.get('id')!r} has no problem or no steps")
        k = rec.get("first_error_step")
        if k is not None and not 1 <= int(k) <= len(rec["steps"]):
            raise TutorInputError(f"annotation {rec.get('id')!r}: first_error_step {k} is not a step")
        pid = f"annotation-{rec.get('id')}"
        hint = rec.get("corrected_hint")
        if hint is not None and not isinstance(hint, str):
            raise TutorInputError(f"annotation {rec.get('id')!r}: corrected_hint is not text")
        out.append(Sample(
            id=pid, source="annotation", kind="real" if k else "correct",
            problem=Problem(text=rec["problem"], reference_solution=rec.get("reference_solution"),
                            final_answer=rec.get("final_answer"), id=pid),
            steps=[str(s) for s in rec["steps"]], first_error_step=int(k) if k else None,
            error_category=rec.get("error_category"), error_description=rec.get("error_description"),
            privileged={"target_hints": {"1": hint.strip()}} if hint and hint.strip() else {},
        ))
    return out


def _split_reference(text: str) -> tuple[list[str], str | None]:
    lines = [ln.strip() for ln in text.strip().split("\n") if ln.strip()]
    answer = lines[-1] if lines and len(lines[-1].split()) <= 2 else None
    return lines, answer


def read_vtg(path: str | Path, fold: str = "train", limit: int | None = None) -> list[Sample]:
    """Real student solutions of one VtG fold: each incorrect solution, and its rephrased
    correct counterpart (split into sentences) as a correct sample.

    Args:
        path: ``vtg/dev.json``.
        fold: ``"train"`` or ``"eval"`` (see :func:`vtg_folds`).
        limit: at most this many records (before expanding to two samples each).

    Raises:
        TutorInputError: unreadable file or not a JSON list.
    """
    from tutor.steps import split_sentences

    try:
        rows = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise TutorInputError(f"cannot read VtG data {path}: {exc}") from exc
    rows = in_vtg_fold(rows, fold)
    rows = rows[:limit] if limit else rows
    out = []
    for r in rows:
        ref, answer = _split_reference(r["reference_solution"])
        problem = Problem(text=r["problem"], reference_solution=ref, final_answer=answer, id=r["id"])
        steps = [s.strip() for s in r["student_incorrect_solution"] if s.strip()]
        k = int(r["incorrect_index"]) + 1
        if not 1 <= k <= len(steps):
            continue
        out.append(Sample(
            id=f"{r['id']}-incorrect", source="vtg", kind="real", problem=problem, steps=steps,
            first_error_step=k, error_category=VTG_CATEGORY.get(r.get("error_category"), "Other"),
            error_description=r.get("error_description"),
        ))
        correct = [s for s in split_sentences(r.get("student_correct_response") or "") if s.strip()]
        if correct:
            out.append(Sample(id=f"{r['id']}-correct", source="vtg", kind="correct",
                              problem=problem, steps=correct))
    return out


def read_bank(path: str | Path) -> list[dict[str, Any]]:
    """Problem-bank records whose reference solution can be parsed into explicit arithmetic,
    as GSM8K-style records ``{"id", "question", "answer"}`` (``answer`` with ``<<a=b>>``
    annotations and ``#### final``). Missing file -> empty list.

    Raises:
        TutorConfigError: a line that is not JSON (from :func:`tutor.bank.load_bank`).
    """
    import re

    from tutor.bank import load_bank

    p = Path(path)
    if not p.exists():
        return []
    out = []
    calc = re.compile(r"(\d[\d.]*(?:\s*[-+*/x×÷]\s*\d[\d.]*)+)\s*=\s*\$?(\d[\d,.]*)")
    for prob in load_bank(str(p)):
        if not prob.reference_solution or not prob.final_answer:
            continue
        lines = []
        for step in prob.reference_solution:
            lines.append(calc.sub(lambda m: f"{m.group(1)} = <<{_plain(m.group(1))}={m.group(2).replace(',', '')}>>"
                                  f"{m.group(2)}", step))
        if not any("<<" in ln for ln in lines):
            continue
        out.append({"id": f"bank-{prob.id}", "question": prob.text,
                    "answer": "\n".join(lines + [f"#### {prob.final_answer}"])})
    return out


def _plain(expr: str) -> str:
    return expr.replace("x", "*").replace("×", "*").replace("÷", "/").replace(" ", "")
