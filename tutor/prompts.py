"""Prompt templates, kept as versioned files in ``prompts/`` (one file per task).

File format (``prompts/<name>.txt``)::

    # version: 3
    # any other comment lines
    ### system
    You are ...
    ### user
    Problem: {problem}
    ...

Sections start with ``### system``, ``### user`` or ``### assistant``; placeholders use
``{name}`` (LangChain's f-string template syntax, so literal braces are written ``{{ }}``).
Rendering goes through LangChain's :class:`~langchain_core.prompts.ChatPromptTemplate`, so the
same files serve any LangChain chat model as well as the tutor's own :mod:`tutor.llm` seam.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from tutor.config import PROJECT_ROOT
from tutor.errors import TutorConfigError

PROMPTS_DIR = PROJECT_ROOT / "prompts"
_SECTION = re.compile(r"^###\s*(system|user|assistant)\s*$", re.M)


@dataclass(frozen=True)
class PromptTemplate:
    """A chat prompt loaded from ``prompts/``.

    Attributes:
        name: file stem, e.g. ``"hint_level1"``.
        version: the ``# version:`` header (``"0"`` when absent).
        messages: ``(role, template)`` pairs in order.
    """

    name: str
    version: str
    messages: tuple[tuple[str, str], ...]

    @functools.cached_property
    def _lc(self):
        from langchain_core.prompts import ChatPromptTemplate

        role = {"system": "system", "user": "human", "assistant": "ai"}
        return ChatPromptTemplate.from_messages([(role[r], t) for r, t in self.messages])

    @property
    def variables(self) -> list[str]:
        """Names of the placeholders the template needs."""
        return sorted(self._lc.input_variables)

    def render(self, **values: object) -> list[dict[str, str]]:
        """Fill the placeholders; return ``[{"role", "content"}]`` chat messages.

        Raises:
            TutorConfigError: a placeholder has no value.
        """
        missing = set(self.variables) - set(values)
        if missing:
            raise TutorConfigError(f"prompt {self.name} needs values for {sorted(missing)}")
        out = []
        back = {"system": "system", "human": "user", "ai": "assistant"}
        for msg in self._lc.format_messages(**{k: str(v) for k, v in values.items()}):
            out.append({"role": back[msg.type], "content": msg.content})
        return out


@functools.lru_cache(maxsize=None)
def load_prompt(name: str, directory: str | None = None) -> PromptTemplate:
    """Load ``prompts/<name>.txt``.

    Raises:
        TutorConfigError: no such file, or it has no ``### <role>`` section.
    """
    path = Path(directory or PROMPTS_DIR) / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TutorConfigError(f"prompt template {path} is missing") from exc
    version = "0"
    m = re.search(r"^#\s*version:\s*(\S+)", text, re.M)
    if m:
        version = m.group(1)
    parts = _SECTION.split(text)
    if len(parts) < 3:
        raise TutorConfigError(f"prompt template {path} has no '### system|user' section")
    messages = tuple((parts[i], parts[i + 1].strip("\n")) for i in range(1, len(parts), 2))
    return PromptTemplate(name=name, version=version, messages=messages)
