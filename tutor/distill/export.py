"""Stage 4, ``tutor distill export``: ship the adapter in ``models/`` and make it the default.

Writes ``models/adapters/<name>/`` (``adapter_config.json``, ``adapter_model.safetensors`` in
fp16, ``README.md`` model card with base model, teacher, data, hyper-parameters, metrics
before/after and date), and registers it in ``models/registry.json`` so that
``Settings.adapter = "default"`` (:func:`tutor.llm.registered_adapter`) loads it. Optionally
saves merged full weights to a cache folder and checks the adapter under NF4 quantization.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from pathlib import Path
from typing import Any

from tutor.distill.export_config import ExportConfig
from tutor.errors import TutorConfigError

log = logging.getLogger(__name__)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {}


def copy_adapter(src: Path, dst: Path, model: str, half: bool) -> None:
    """Copy a PEFT adapter folder, weights cast to fp16 when ``half``; the config's base model
    is set to the tutor's model name (no local paths in git).

    Raises:
        TutorConfigError: ``src`` is not a PEFT adapter folder.
    """
    from safetensors.torch import load_file, save_file

    if not (src / "adapter_config.json").exists() or not (src / "adapter_model.safetensors").exists():
        raise TutorConfigError(f"{src} is not an adapter folder: run `tutor distill train` first")
    dst.mkdir(parents=True, exist_ok=True)
    cfg = _read_json(src / "adapter_config.json")
    cfg["base_model_name_or_path"] = model
    (dst / "adapter_config.json").write_text(json.dumps(cfg, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    tensors = load_file(str(src / "adapter_model.safetensors"))
    if half:
        import torch

        tensors = {k: v.to(torch.float16) for k, v in tensors.items()}
    save_file(tensors, str(dst / "adapter_model.safetensors"), metadata={"format": "pt"})


def register_adapter(models_dir: Path, model: str, folder: str) -> None:
    """Set ``default_adapters[model] = folder`` in ``models_dir/registry.json`` (other entries
    are kept)."""
    path = models_dir / "registry.json"
    reg = _read_json(path)
    reg.setdefault("default_adapters", {})[model] = folder
    path.write_text(json.dumps(reg, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _fmt(v: Any) -> str:
    return "—" if v is None else (f"{v:.4f}" if isinstance(v, float) else str(v))


def model_card(config: ExportConfig, manifest: dict[str, Any], train: dict[str, Any],
               evaluation: dict[str, Any], size_bytes: int) -> str:
    """The adapter's model card (Markdown) from the three stage reports."""
    tc = train.get("config", {})
    gc = manifest.get("config", {})
    rows = []
    base, dist = evaluation.get("base", {}), evaluation.get("distilled", {})
    for group, key in (("step_scoring_vtg_eval", "auroc"), ("step_scoring_heldout", "auroc"),
                       ("hints_vtg_eval", "grounded_rate"), ("hints_vtg_eval", "model_hint_rate"),
                       ("hints_vtg_eval", "model_grounded_rate"), ("hints_vtg_eval", "leak_rate")):
        if group in dist:
            rows.append(f"| {group}.{key} | {_fmt(base.get(group, {}).get(key))} | "
                        f"{_fmt(dist.get(group, {}).get(key))} | n = {dist[group].get('n_solutions', dist[group].get('n'))} |")
    counts = manifest.get("counts", {})
    data_lines = "\n".join(f"| {k} | {v} |" for k, v in counts.items())
    return f"""---
library_name: peft
base_model: {config.model}
tags: [lora, distillation, math-tutoring, process-reward]
---
# {config.name}

LoRA adapter for the tutor's student model (`{config.model}`, SmolLM2-135M-Instruct) distilled
offline from a teacher with `tutor distill generate | train | eval | export`. It teaches the
student the tutor's two model jobs, in exactly the run-time formats:

* **step scoring** — the verifier's process-reward read-out (`tutor/verify/scorer.py`):
  " Yes"/" No" after each step's `Correct?` marker;
* **hints** — the hint ladder's prompts (`tutor/hints/prompting.py: hint_prompt`), answered
  with guard-checked hints (where / concept / bottom-out).

Exported {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. Size: {size_bytes / 1e6:.1f} MB (fp16).

## Teacher
`{manifest.get('teacher', '?')}` — the privileged-context program teacher: it knows each
solution's first wrong step by construction (controlled error injection into GSM8K reference
solutions, or a human annotation for real solutions), the injected error, and the reference
solution; it writes exact step-correctness targets and templated hints checked by the hint
guards. Chosen because the models that run on the 2-core CPU are the student's size and would
be slower and less accurate than these facts; a 7B+ teacher plugs in as `--teacher
hf:<model>` or `--teacher openai:<url>#<model>`.

## Data
GSM8K train problems ({gc.get('n_problems')} drawn, seed {gc.get('seed')}), {gc.get('samples_per_problem')}
solutions each (one correct, paraphrased; the rest with injected errors of different kinds),
the VtG **train fold** (real student solutions; fold by id hash, the eval fold is never
trained on), the project's problem bank and teacher annotations when present.
{gc.get('heldout_fraction')} of problems held out for stopping.

| samples / examples | count |
|---|---|
{data_lines}

## Training
TRL `SFTTrainer`, PEFT LoRA r={tc.get('lora_r')}, alpha={tc.get('lora_alpha')}, dropout={tc.get('lora_dropout')},
modules {', '.join(tc.get('target_modules', []))} of {f"the top {tc['lora_layers']}" if tc.get('lora_layers') else 'all'}
transformer blocks; lr {tc.get('learning_rate')}, batch
{tc.get('per_device_batch_size')} x {tc.get('gradient_accumulation_steps')} accumulation, max length
{tc.get('max_length')}, {train.get('steps')} optimizer steps in {train.get('seconds')} s on
{train.get('device')} ({train.get('precision')}). Held-out loss {_fmt(train.get('heldout_loss_before'))} →
{_fmt(train.get('heldout_loss_after'))}.

## Metrics (before → after, data never trained on)
| metric | base | distilled | n |
|---|---|---|---|
{chr(10).join(rows) if rows else '| (not evaluated) | | | |'}

Measured with `tutor distill eval` (see `docs/benchmarks.md`, section Distillation).

## Use
The tutor loads it by default (`models/registry.json`); `TUTOR_ADAPTER=none` turns it off.
"""


def nf4_check(config: ExportConfig, adapter_dir: Path, n: int = 8) -> dict[str, Any]:
    """Mean absolute difference of the step read-outs between fp32 and NF4 (bitsandbytes)
    with the adapter, on ``n`` held-out samples. ``{"error": ...}`` when NF4 cannot load."""
    from tutor.config import load_settings
    from tutor.distill.eval import heldout_samples
    from tutor.llm import HFModel, resolve_model_path
    from tutor.verify.scorer import step_correct_probs

    path = resolve_model_path(config.model, load_settings().cache_path)
    samples = heldout_samples(config.data_dir, n)
    try:
        q = HFModel(path, quantization="nf4", adapter=adapter_dir)
    except Exception as exc:  # bitsandbytes support varies by platform: report, don't fail
        return {"error": str(exc)[:300]}
    f = HFModel(path, adapter=adapter_dir)
    diffs = []
    for s in samples:
        a = step_correct_probs(f, s.problem, s.steps, s.problem.reference_solution)
        b = step_correct_probs(q, s.problem, s.steps, s.problem.reference_solution)
        diffs += [abs(x - y) for x, y in zip(a, b)]
    return {"mean_abs_diff": round(sum(diffs) / len(diffs), 4) if diffs else None, "n_steps": len(diffs)}


def run_export(config: ExportConfig) -> dict[str, Any]:
    """Export, write the model card, register; return a summary.

    Raises:
        TutorConfigError: no trained adapter.
    """
    src = Path(config.adapter)
    models = Path(config.models_dir)
    dst = models / "adapters" / config.name
    copy_adapter(src, dst, config.model, config.half)
    size = sum(p.stat().st_size for p in dst.glob("*.safetensors"))
    manifest = _read_json(Path(config.data_dir) / "manifest.json")
    train = _read_json(Path(config.run_dir) / "train_report.json")
    evaluation = _read_json(Path(config.eval_report))
    (dst / "README.md").write_text(model_card(config, manifest, train, evaluation, size), encoding="utf-8")
    if config.register:
        register_adapter(models, config.model, f"adapters/{config.name}")
    summary: dict[str, Any] = {"adapter": str(dst), "bytes": size, "registered": config.register}
    if config.merged_dir:
        from peft import PeftModel
        from transformers import AutoModelForCausalLM, AutoTokenizer

        from tutor.config import load_settings
        from tutor.llm import resolve_model_path

        path = resolve_model_path(config.model, load_settings().cache_path)
        merged = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(str(path)), str(dst)).merge_and_unload()
        merged.save_pretrained(config.merged_dir, safe_serialization=True)
        AutoTokenizer.from_pretrained(str(path)).save_pretrained(config.merged_dir)
        summary["merged"] = config.merged_dir
    if config.nf4_check:
        summary["nf4_check"] = nf4_check(config, dst)
    return summary
