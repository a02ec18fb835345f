"""Process-reward style step scorer on the student model.

For every step ``k`` the model gives P(step k is correct | problem, reference solution when
present, steps < k, step k). All steps are scored in **one forward pass** over one text, read
out at a marker placed after each step, as in Math-Shepherd (Wang et al., ACL 2024): the text
carries ``Correct?`` after each step and the probability is the model's next-token choice
between :data:`YES` and :data:`NO` at that point. Because attention is causal, the read-out
after step ``k`` sees only the problem, the reference and steps ``1..k``.

The format is public because distillation (``tutor/distill``) trains the student model on
exactly these texts: build them with :func:`step_scoring_prompt`, put the loss on the token
after each ``marker_ends`` offset (target :data:`YES` for a correct step, :data:`NO` for the
first wrong one; steps after the first wrong one are usually left out of the loss), and measure
the effect with :func:`step_correct_probs` (e.g. AUROC of ``1 - p`` against "step is wrong").
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tutor.llm import LanguageModel
from tutor.schema import Problem, Step

log = logging.getLogger(__name__)

#: Continuations compared at each marker (leading space: one token each in SmolLM2's BPE).
YES, NO = " Yes", " No"
#: Marker written after every step; the read-out is the next token.
MARKER = "\nCorrect?"
#: Longest problem / reference / step text kept in the prompt (characters), to bound latency.
MAX_PROBLEM_CHARS, MAX_REFERENCE_CHARS, MAX_STEP_CHARS = 1200, 1200, 600


@dataclass
class ScoringExample:
    """One solution laid out for step scoring.

    Attributes:
        text: the whole text (plain, no chat template): header, then per step
            ``"Step k: <text>" + MARKER + "\\n"``.
        marker_ends: per step, the character offset in ``text`` just after its marker; the
            model's next-token distribution there is the step's read-out.
        labels: optional per-step targets for training (``True`` = correct), same length as
            ``marker_ends``; ``None`` at inference.
    """

    text: str
    marker_ends: list[int]
    labels: list[bool] | None = None
    meta: dict = field(default_factory=dict)


def step_scoring_prompt(problem: Problem | str, steps: Sequence[Step | str],
                        reference: Sequence[str] | None = None,
                        labels: Sequence[bool] | None = None) -> ScoringExample:
    """Lay out a solution for the step scorer (the exact training/inference format).

    Args:
        problem: the problem (or its text).
        steps: the student's steps, in order (``Step`` objects or strings).
        reference: reference solution steps, or ``None`` for reference-free scoring (when
            ``None`` and ``problem`` is a :class:`Problem`, its ``reference_solution`` is NOT
            used implicitly: pass it explicitly).
        labels: optional per-step correctness targets, copied into the example.

    Returns:
        A :class:`ScoringExample` whose ``text`` looks like::

            Problem: <problem>
            Reference solution: <ref step 1> <ref step 2> ...      (only with a reference)
            Check each step of the student's solution.
            Step 1: <step 1>
            Correct?
            Step 2: <step 2>
            Correct?
    """
    ptext = problem.text if isinstance(problem, Problem) else str(problem)
    parts = [f"Problem: {ptext.strip()[:MAX_PROBLEM_CHARS]}\n"]
    if reference:
        ref = " ".join(r.strip() for r in reference if r.strip())[:MAX_REFERENCE_CHARS]
        parts.append(f"Reference solution: {ref}\n")
    parts.append("Check each step of the student's solution.\n")
    text = "".join(parts)
    ends: list[int] = []
    for k, s in enumerate(steps, start=1):
        body = (s.text if isinstance(s, Step) else str(s)).strip()[:MAX_STEP_CHARS]
        text += f"Step {k}: {body}{MARKER}"
        ends.append(len(text))
        text += "\n"
    return ScoringExample(text=text, marker_ends=ends,
                          labels=list(labels) if labels is not None else None)


def _single_pass(model, example: ScoringExample) -> list[float] | None:
    """Read all markers from one forward pass (HF models with a fast tokenizer)."""
    tok, net = getattr(model, "tokenizer", None), getattr(model, "model", None)
    if tok is None or net is None or not getattr(tok, "is_fast", False):
        return None
    import torch

    enc = tok(example.text, return_offsets_mapping=True, add_special_tokens=False)
    offsets = enc["offset_mapping"]
    positions = []
    for end in example.marker_ends:
        # last token that ends at or before the marker's end
        idx = max((i for i, (_, e) in enumerate(offsets) if e <= end), default=None)
        if idx is None:
            return None
        positions.append(idx)
    yes_id = tok(YES, add_special_tokens=False)["input_ids"][0]
    no_id = tok(NO, add_special_tokens=False)["input_ids"][0]
    ids = torch.tensor([enc["input_ids"]], device=net.device)
    lock = getattr(model, "_lock", None)
    with torch.inference_mode():
        if lock is not None:
            with lock:
                logits = net(input_ids=ids).logits[0]
        else:
            logits = net(input_ids=ids).logits[0]
    pair = logits[positions][:, [yes_id, no_id]].float()
    return torch.softmax(pair, dim=-1)[:, 0].tolist()


def step_correct_probs(model: LanguageModel, problem: Problem | str, steps: Sequence[Step | str],
                       reference: Sequence[str] | None = None) -> list[float]:
    """Per-step P(step correct) from ``model`` (raw, uncalibrated), one value per step.

    Uses one forward pass over :func:`step_scoring_prompt`'s text when the model exposes a
    transformers ``model`` and fast ``tokenizer`` (``tutor.llm.HFModel``); otherwise falls
    back to ``model.score`` at each marker (one call per step).

    Args:
        model: any :class:`~tutor.llm.LanguageModel`.
        problem, steps, reference: as for :func:`step_scoring_prompt`.

    Returns:
        Floats in [0, 1], ``len(steps)`` of them (empty for no steps).
    """
    if not steps:
        return []
    example = step_scoring_prompt(problem, steps, reference)
    probs = _single_pass(model, example)
    if probs is not None:
        return probs
    out = []
    for end in example.marker_ends:
        yes, no = model.score(example.text[:end], [YES, NO])
        out.append(1.0 / (1.0 + math.exp(no - yes)))
    return out


def scorer_identity(model: LanguageModel) -> str:
    """Which step scorer a score comes from: ``"<model name>+<adapter hash>"``.

    A combiner fitted on one scorer's probabilities is miscalibrated for another's (another
    adapter, or none), so combiners that read the score record this and the verifier uses them
    only with the same scorer. The hash is the first 16 hex digits of SHA-256 of the adapter's
    ``adapter_model.safetensors`` (``"none"`` without an adapter).
    """
    adapter = getattr(model, "adapter", None)
    digest = "none"
    if adapter:
        weights = Path(adapter) / "adapter_model.safetensors"
        digest = hashlib.sha256(weights.read_bytes()).hexdigest()[:16] if weights.exists() else Path(adapter).name
    return f"{getattr(model, 'name', type(model).__name__)}+{digest}"


class StepScoreCache:
    """Step scores of one scorer, kept on disk so that refitting the combiners does not run
    the model again (scoring the VtG dev file takes ~25 min on a 2-core CPU; reading it, ms).

    The file is JSON ``{"scorer": <scorer_identity>, "scores": {<key>: [p, ...]}}`` where the
    key is the first 20 hex digits of SHA-256 of the :func:`step_scoring_prompt` text, so a
    changed problem, reference, step or prompt layout is a miss, never a stale hit. A file
    written by another scorer (another adapter) is ignored.
    """

    def __init__(self, path: str | Path, model: LanguageModel) -> None:
        self.path, self.model, self.scorer = Path(path), model, scorer_identity(model)
        self.scores: dict[str, list[float]] = {}
        self.hits = self.misses = 0
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                log.warning("step score cache %s unreadable, starting empty: %s", self.path, exc)
                data = {}
            if data.get("scorer") == self.scorer:
                self.scores = data.get("scores", {})

    @staticmethod
    def key(problem: Problem | str, steps: Sequence[Step | str], reference: Sequence[str] | None = None) -> str:
        """The cache key of a solution (see the class doc)."""
        return hashlib.sha256(step_scoring_prompt(problem, steps, reference).text.encode()).hexdigest()[:20]

    def probs(self, problem: Problem | str, steps: Sequence[Step | str],
              reference: Sequence[str] | None = None) -> list[float]:
        """:func:`step_correct_probs` of the cache's model, from the cache when present."""
        key = self.key(problem, steps, reference)
        if key in self.scores and len(self.scores[key]) == len(steps):
            self.hits += 1
            return list(self.scores[key])
        self.misses += 1
        self.scores[key] = p = step_correct_probs(self.model, problem, steps, reference)
        if self.misses % 100 == 0:  # a long run that is stopped keeps most of its work
            self.save()
        return p

    def save(self) -> None:
        """Write the cache (creates the folder)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"scorer": self.scorer, "scores": self.scores}), encoding="utf-8")
        tmp.replace(self.path)
