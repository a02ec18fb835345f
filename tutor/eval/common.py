"""Pieces every benchmark shares: reading the shared data formats and writing reports."""

from __future__ import annotations

import json
import platform
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tutor.errors import TutorInputError
from tutor.jsonl import parse_jsonl


def read_records(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Read a ``.json`` list or a ``.jsonl`` file of records (first ``limit`` when given).

    Raises:
        TutorInputError: missing file or not JSON.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise TutorInputError(f"cannot read {p}: {exc}") from exc
    try:
        if p.suffix == ".jsonl":
            rows = parse_jsonl(text)
        else:
            rows = json.loads(text)
    except json.JSONDecodeError as exc:
        raise TutorInputError(f"{p} is not valid JSON: {exc}") from exc
    if not isinstance(rows, list):
        raise TutorInputError(f"{p} must hold a list of records")
    return rows[:limit] if limit else rows


def machine_info() -> dict[str, Any]:
    """Where a report was measured: CPU count, platform, date (UTC, ISO 8601)."""
    import os

    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


def write_report(path: str | Path | None, report: dict[str, Any]) -> dict[str, Any]:
    """Add ``machine`` info, write ``report`` as indented JSON to ``path`` (if given), return it."""
    report = {**report, "machine": machine_info()}
    if path:
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return report


def progress(items, desc: str, total: int | None = None) -> Iterator:
    """A tqdm progress bar on stderr (deterministic output is unaffected)."""
    from tqdm import tqdm

    return tqdm(items, desc=desc, total=total, dynamic_ncols=True, mininterval=1.0)
