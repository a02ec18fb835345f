"""The hint ladder: verify first, then let the student model word the hint, then guard it.

Source of the scaffold: the "verify, then generate" idea of Daheim et al. (EMNLP 2024) — the
hint is written from verified facts (the first wrong step, its quantities, the error category),
not from the raw solution — and the levels follow the usual tutoring ladder (point, then name
the concept, then bottom out on one step).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator

from tutor.hints.fallback import fallback_hint, named_misconception
from tutor.hints.guards import (
    MAX_WORDS,
    check_hint,
    find_false_accusations,
    find_leaks,
    forbidden_values,
    reword_step_pointers,
    slip_misdirections,
)
from tutor.hints.numbers import NUMBER_WORDS
from tutor.hints.prompting import hint_prompt, kind_for, ladder_kinds
from tutor.llm import LanguageModel
from tutor.schema import Hint, Problem, Step, Verdict

log = logging.getLogger(__name__)

#: Where a hint ends: the model starts a new turn or a blank line.
STOP = ("\n\n", "<|im_end|>", "<|im_start|>", "### ", "Problem:", "Student step")
_PREFIX = re.compile(r"^\s*(?:hint|question|answer|praise|tutor|assistant)\s*(?:\d+)?\s*:\s*", re.I)


def clean_model_text(text: str) -> str:
    """Model output -> hint text: first paragraph, no "Hint:" label, one line, at most three
    sentences (the guards then check the rest)."""
    text = text.split("\n\n")[0]
    for s in STOP:
        text = text.split(s)[0]
    text = _PREFIX.sub("", text)
    text = re.sub(r"\s+", " ", text).strip().strip('"').strip()
    sentences = re.split(r"(?<=[.!?])\s+", text)
    return " ".join(sentences[:3]).strip()


def safe_prefix(text: str) -> str:
    """The part of a partial generation that may already be shown: complete words only, and
    never a trailing number (digits or number words) that the next token could continue —
    so the streaming leak check always sees whole numbers."""
    words = text.split(" ")
    if not text.endswith((" ", "\n")):
        words = words[:-1]  # the last word may still be growing
    while words and (not words[-1].strip() or re.search(r"\d", words[-1])
                     or re.sub(r"[^a-z]", "", words[-1].lower().split("-")[-1]) in NUMBER_WORDS):
        words.pop()
    return " ".join(words).strip()


class HintLadder:
    """Builds and streams the hint ladder for a verified solution.

    Args:
        model: the student model, or ``None`` for deterministic wording only.
        max_new_tokens: generation budget per hint (tokens).

    Attributes:
        last_first_token_s: seconds from the start of the latest :meth:`stream` call to its
            first yielded hint (for latency benchmarks).
        stats: counts of hints by source (``"model"``, ``"fallback"``) and of guard failures.
    """

    def __init__(self, model: LanguageModel | None, max_new_tokens: int = 72) -> None:
        self.model = model
        self.max_new_tokens = max_new_tokens
        self.last_first_token_s: float | None = None
        self.stats: dict[str, int] = {"model": 0, "fallback": 0, "guard_failed": 0, "stopped_early": 0}

    def build(self, problem: Problem, steps: list[Step], verdict: Verdict) -> list[Hint]:
        """The whole ladder: three hints (where, concept, bottom_out) for ``incorrect``;
        confirm + extension for ``correct``; one explain for ``unsure``. Every hint passed the
        guards (or is the deterministic fallback)."""
        out = []
        for level, _ in ladder_kinds(verdict):
            hint = None
            for hint in self.stream(problem, steps, verdict, level):
                pass
            out.append(hint)
        return out

    def stream(self, problem: Problem, steps: list[Step], verdict: Verdict, level: int) -> Iterator[Hint]:
        """Yield hint ``level`` as it is written: partial ``Hint`` objects whose text grows, then
        the final guarded hint as the LAST item (model wording that passed every guard,
        ``source="model"``, or the fallback, ``source="fallback"``).

        Partial text is shown only in whole words and whole numbers, and generation stops as
        soon as the shown text states a forbidden value, accuses a correct step, sends a
        calculation slip to another operation or to a number's meaning, or runs past the word
        limit — so nothing a guard forbids is ever streamed.

        Raises:
            ValueError: the verdict's ladder has no such level.
        """
        t0 = time.perf_counter()
        self.last_first_token_s = None
        kind = kind_for(verdict, level)
        # a named misconception has its own hints: the missed idea, asked as a question, then how
        # to redo the step with it (and where to look, when the step's numbers do not show it)
        named = named_misconception(problem, steps, verdict) if kind in ("where", "concept", "bottom_out") else None
        own_wording = named is not None and (kind != "where" or bool(named.where))
        # a given number left out: the question about it is known; a model would ask another
        if (self.model is None or not steps or own_wording or (kind == "explain" and verdict.unused_given)
                or verdict.evidence.get("unfinished")  # a step set up, not worked out: say so
                or verdict.evidence.get("units")  # a question about units the model never saw
                # praise must name what was really done: the small model's praise read as noise in
                # a browser trial ("use a good amount of space. Step 1 is needed, so add one")
                or kind in ("confirm", "extension")
                # an algebra step that changed the equation: the wording that says what to check
                # (both sides, which equation it came from) is known; the adapter never saw one
                or (verdict.label == "incorrect" and verdict.evidence.get("derivation"))):
            self.last_first_token_s = time.perf_counter() - t0
            self.stats["fallback"] += 1
            yield fallback_hint(problem, steps, verdict, level, kind)
            return
        forbidden = forbidden_values(problem, verdict, level, steps)
        raw, shown = "", ""
        try:
            pieces = self.model.stream(hint_prompt(problem, steps, verdict, level),
                                       max_new_tokens=self.max_new_tokens, stop=STOP)
            for piece in pieces:
                raw += piece
                prefix = reword_step_pointers(clean_model_text(safe_prefix(raw)), forbidden)
                if prefix == shown:
                    continue
                if (find_leaks(prefix, forbidden) or find_false_accusations(prefix, verdict)
                        or slip_misdirections(prefix, verdict) or len(prefix.split()) > MAX_WORDS):
                    self.stats["stopped_early"] += 1
                    getattr(pieces, "close", lambda: None)()  # let the model thread finish
                    break
                shown = prefix
                if self.last_first_token_s is None:
                    self.last_first_token_s = time.perf_counter() - t0
                yield Hint(level=level, kind=kind, text=shown, source="model")
        except Exception:  # a failing model must never take the feedback down with it
            log.exception("hint generation failed; using the fallback wording")
            raw = ""
        text = reword_step_pointers(clean_model_text(raw), forbidden)
        problems = check_hint(text, level, kind, problem, steps, verdict)
        if self.last_first_token_s is None:
            self.last_first_token_s = time.perf_counter() - t0
        if problems:
            log.info("model hint (level %d) failed guards %s: %r", level, problems, text)
            self.stats["guard_failed"] += 1
            self.stats["fallback"] += 1
            yield fallback_hint(problem, steps, verdict, level, kind)
        else:
            self.stats["model"] += 1
            yield Hint(level=level, kind=kind, text=text, source="model")
