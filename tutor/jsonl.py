"""JSON Lines splitting shared by every reader of ``.jsonl`` files."""

from __future__ import annotations

import json
from typing import Any


def jsonl_lines(text: str) -> list[str]:
    """The lines of a JSON Lines text, split on ``"\\n"`` only (a trailing ``"\\r"`` dropped).

    ``str.splitlines`` also splits on Unicode separators (U+2028, U+0085, …) that
    ``json.dumps(..., ensure_ascii=False)`` leaves raw inside strings, which would cut a record
    in two. Blank lines are kept so callers can report line numbers.
    """
    return [line[:-1] if line.endswith("\r") else line for line in text.split("\n")]


def parse_jsonl(text: str) -> list[Any]:
    """The records of a JSON Lines text (blank lines skipped).

    Raises:
        json.JSONDecodeError: a line that is not JSON (callers turn it into their own error).
    """
    return [json.loads(line) for line in jsonl_lines(text) if line.strip()]
