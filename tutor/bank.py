"""The sample problem bank shipped in ``data/problems/bank.jsonl`` (written by the project)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from tutor.config import PROJECT_ROOT
from tutor.errors import TutorConfigError, TutorInputError
from tutor.jsonl import jsonl_lines
from tutor.schema import Problem

BANK_PATH = PROJECT_ROOT / "data" / "problems" / "bank.jsonl"


@functools.lru_cache(maxsize=4)
def load_bank(path: str | None = None) -> tuple[Problem, ...]:
    """All problems of the bank, in file order.

    Each line: ``{"id", "grade", "title", "text", "reference_solution": [str], "final_answer",
    "standards": [str]}``.

    Raises:
        TutorConfigError: the file is missing or a line is not valid JSON.
    """
    p = Path(path) if path else BANK_PATH
    try:
        lines = jsonl_lines(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TutorConfigError(f"problem bank {p} is missing") from exc
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise TutorConfigError(f"{p}:{n} is not valid JSON: {exc}") from exc
        out.append(Problem(text=row["text"], reference_solution=row.get("reference_solution"),
                           final_answer=row.get("final_answer"), id=row["id"],
                           grade=str(row.get("grade") or "") or None,
                           standards=list(row.get("standards", []))))
    return tuple(out)


def get_problem(problem_id: str, path: str | None = None) -> Problem:
    """The bank problem with this id.

    Raises:
        TutorInputError: no problem has that id.
    """
    for p in load_bank(path):
        if p.id == problem_id:
            return p
    raise TutorInputError(f"There is no problem with id {problem_id!r} in the problem bank.")


def titles(path: str | None = None) -> list[tuple[str, str]]:
    """``(label, id)`` pairs for a picker: "Grade 5 · <title>"."""
    p = Path(path) if path else BANK_PATH
    out = []
    for line in jsonl_lines(p.read_text(encoding="utf-8")):
        if line.strip():
            row = json.loads(line)
            out.append((f"Grade {row.get('grade', '?')} · {row.get('title') or row['id']}", row["id"]))
    return out
