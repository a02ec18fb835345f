"""Settings of ``tutor distill export`` (TRL style: one dataclass, every field documented)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tutor.config import PROJECT_ROOT, default_cache_dir


@dataclass
class ExportConfig:
    """Configuration of the export stage.

    Attributes:
        adapter (str, default ``<cache>/distill/run/adapter``): the trained adapter folder.
        name (str, default ``"smollm2-135m-tutor"``): folder name under ``models/adapters/``.
        model (str, default ``"smollm2-135m"``): the student model the adapter is registered
            for in ``models/registry.json``.
        models_dir (str, default ``<project>/models``): where ``adapters/`` and
            ``registry.json`` live.
        data_dir (str, default ``<cache>/distill/data``): ``generate`` output (its
            ``manifest.json`` goes into the model card).
        run_dir (str, default ``<cache>/distill/run``): ``train`` output (``train_report.json``).
        eval_report (str, default ``<cache>/distill/eval.json``): ``eval`` output (before/after
            metrics for the model card; optional).
        register (bool, default True): make this adapter the default for ``model``.
        half (bool, default True): store the adapter weights in fp16 (half the size; loaded
            into an fp32 or bf16 model the same way).
        merged_dir (str, default ``""``): when set, also save base + adapter merged into full
            weights there (a cache folder, never git).
        nf4_check (bool, default False): load the base model 4-bit NF4 with the adapter
            (bitsandbytes) and report how far its step read-outs move from fp32.
    """

    adapter: str = field(default_factory=lambda: str(default_cache_dir() / "distill" / "run" / "adapter"))
    name: str = "smollm2-135m-tutor"
    model: str = "smollm2-135m"
    models_dir: str = str(PROJECT_ROOT / "models")
    data_dir: str = field(default_factory=lambda: str(default_cache_dir() / "distill" / "data"))
    run_dir: str = field(default_factory=lambda: str(default_cache_dir() / "distill" / "run"))
    eval_report: str = field(default_factory=lambda: str(default_cache_dir() / "distill" / "eval.json"))
    register: bool = True
    half: bool = True
    merged_dir: str = ""
    nf4_check: bool = False
