"""Settings of ``tutor distill generate`` (TRL style: one dataclass, every field documented)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tutor.config import PROJECT_ROOT, SHARED_DATA, default_cache_dir


@dataclass
class GenerateConfig:
    """Configuration of the data-generation stage.

    Attributes:
        out_dir (str, default ``<cache>/distill/data``): where ``samples.jsonl``,
            ``train.jsonl``, ``heldout.jsonl`` and ``manifest.json`` are written (never git).
        gsm8k (str, default ``../shared/data/gsm8k/train.jsonl``): GSM8K training problems;
            ``""`` skips them.
        bank (str, default ``data/problems/bank.jsonl``): the project's problem bank; used when
            the file exists.
        annotations (list[str], default empty): JSONL files from ``tutor export-annotations``.
        vtg (str, default ``../shared/data/vtg/dev.json``): Verify-then-Generate records; only
            the ``"train"`` fold (:func:`tutor.distill.sources.vtg_folds`) is used; ``""`` skips.
        n_problems (int, default 400): GSM8K problems drawn (seeded, uniformly over the file).
        samples_per_problem (int, default 3): student solutions per problem: one correct
            (paraphrased) and ``samples_per_problem - 1`` erroneous ones of different error
            kinds (diversity against teacher hacking, Tiapkin et al. 2025).
        kinds (list[str], default all): injection kinds to draw from
            (:data:`tutor.distill.inject.INJECTION_KINDS`).
        paraphrase (bool, default True): lightly paraphrase problems and solutions (operator
            glyphs, connectives, answer sentence, a few synonyms).
        max_vtg (int | None, default None): at most this many VtG train-fold records.
        heldout_fraction (float, default 0.1): fraction of problems (by id hash) kept out of
            training, used by ``train`` for evaluation/stopping.
        hints_per_sample (int, default 3): hint rungs (of the three) turned into training
            examples per erroneous solution, chosen at random (fewer = a cheaper CPU run).
        reference_fraction (float, default 0.75): fraction of step-scoring examples laid out
            with the reference solution (the rest without, so both verifier modes are trained).
        teacher (str, default ``"program"``): ``"program"``, ``"hf:<model>"`` or
            ``"openai:<url>#<model>"`` (see :func:`tutor.distill.teacher.make_teacher`).
        seed (int, default 0): random seed (problem draw, injections, wording).
        resume (bool, default True): keep samples already in ``samples.jsonl`` and continue.
    """

    out_dir: str = field(default_factory=lambda: str(default_cache_dir() / "distill" / "data"))
    gsm8k: str = str(SHARED_DATA / "gsm8k" / "train.jsonl")
    bank: str = str(PROJECT_ROOT / "data" / "problems" / "bank.jsonl")
    annotations: list[str] = field(default_factory=list)
    vtg: str = str(SHARED_DATA / "vtg" / "dev.json")
    n_problems: int = 400
    samples_per_problem: int = 3
    kinds: list[str] = field(default_factory=lambda: [
        "calculation_slip", "wrong_operation", "misread_quantity", "missing_quantity",
        "unit_conversion", "stop_early", "go_past"])
    paraphrase: bool = True
    max_vtg: int | None = None
    heldout_fraction: float = 0.1
    hints_per_sample: int = 3
    reference_fraction: float = 0.75
    teacher: str = "program"
    seed: int = 0
    resume: bool = True
