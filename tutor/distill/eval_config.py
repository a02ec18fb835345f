"""Settings of ``tutor distill eval`` (TRL style: one dataclass, every field documented)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tutor.config import SHARED_DATA, default_cache_dir


@dataclass
class EvalConfig:
    """Configuration of the before/after evaluation.

    Attributes:
        adapter (str, default ``<cache>/distill/run/adapter``): the trained adapter folder.
        model (str, default ``"smollm2-135m"``): the student model the adapter belongs to.
        vtg (str, default ``../shared/data/vtg/dev.json``): VtG records; only the ``"eval"``
            fold (:func:`tutor.distill.sources.vtg_folds`) is used — never trained on.
        data_dir (str, default ``<cache>/distill/data``): ``generate`` output; its
            ``heldout.jsonl`` (problems never trained on) gives a second scoring set.
        score_limit (int, default 60): VtG eval-fold records scored (incorrect solution +
            its correct counterpart each).
        heldout_limit (int, default 60): held-out generated solutions scored (0 skips).
        hint_limit (int, default 6): VtG eval-fold incorrect solutions whose hint ladder is
            generated (three generations each; the slow part on CPU; 0 skips hints).
        with_reference (bool, default True): score with the reference solution in the prompt
            (as the verifier does when the problem has one).
        models (list[str], default ``["base", "distilled"]``): which students to evaluate.
        base_from (str, default ``""``): an earlier report of this command whose ``base``
            metrics are reused (the base model does not change between runs) when its data
            settings match; empty = evaluate the base model again.
        out (str, default ``<cache>/distill/eval.json``): JSON report path.
    """

    adapter: str = field(default_factory=lambda: str(default_cache_dir() / "distill" / "run" / "adapter"))
    model: str = "smollm2-135m"
    vtg: str = str(SHARED_DATA / "vtg" / "dev.json")
    data_dir: str = field(default_factory=lambda: str(default_cache_dir() / "distill" / "data"))
    score_limit: int = 60
    heldout_limit: int = 60
    hint_limit: int = 6
    with_reference: bool = True
    models: list[str] = field(default_factory=lambda: ["base", "distilled"])
    base_from: str = ""
    out: str = field(default_factory=lambda: str(default_cache_dir() / "distill" / "eval.json"))
