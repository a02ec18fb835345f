"""Stage 3, ``tutor distill eval``: the student before vs after distillation, on data it was
not trained on.

* **Step scoring** — AUROC of the verifier's step read-out
  (:func:`tutor.verify.scorer.step_correct_probs`) for "this step is wrong", on (a) the VtG
  ``"eval"`` fold (real student solutions; each incorrect solution scored up to and including
  its annotated first wrong step, and its correct counterpart, all steps correct) and (b) the
  held-out generated problems (``heldout`` split of ``generate``). Steps after the first wrong
  one are left out (ProcessBench convention: their correctness is ill-defined).
* **Hints** — the hint harness of ``tutor eval hints`` (its ``review_case``/``score_ladder``)
  with the annotated first wrong step as the verdict (``--verifier gold``), on VtG eval-fold
  incorrect solutions: ``grounded_rate``, ``leak_rate``, ``model_hint_rate`` (share of hints
  worded by the model that passed every guard, rather than the fallback wording) and
  ``model_grounded_rate`` (grounded level-1 hints written by the model). The harness's
  ``grounded_rate`` also counts fallback hints, which are grounded by construction, so it
  is ~1.0 for any model; the two model-only rates show what distillation changed.
"""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path
from typing import Any

from tutor.distill.eval_config import EvalConfig
from tutor.distill.sources import Sample, in_vtg_fold, read_vtg
from tutor.jsonl import jsonl_lines

log = logging.getLogger(__name__)


def heldout_samples(data_dir: str | Path, limit: int) -> list[Sample]:
    """Samples of the held-out split written by ``generate`` (first ``limit``; none if absent)."""
    path = Path(data_dir) / "samples.jsonl"
    if not path.exists() or limit <= 0:
        return []
    out = []
    for line in jsonl_lines(path.read_text(encoding="utf-8")):
        if line.strip():
            s = Sample.from_dict(json.loads(line))
            if s.split == "heldout":
                out.append(s)
    return out[:limit]


def step_auroc(model, samples: list[Sample], with_reference: bool = True) -> dict[str, Any]:
    """AUROC of ``1 - P(step correct)`` against "step is wrong" over the samples' steps up to
    the first wrong one.

    Returns:
        ``{"auroc": float | None, "n_steps", "n_wrong", "n_solutions"}`` (``auroc`` is
        ``None`` when only one class is present).
    """
    from sklearn.metrics import roc_auc_score
    from tqdm import tqdm

    from tutor.verify.scorer import step_correct_probs

    wrong, scores = [], []
    for s in tqdm(samples, desc="step scoring", dynamic_ncols=True, mininterval=1.0):
        ref = s.problem.reference_solution if with_reference else None
        probs = step_correct_probs(model, s.problem, s.steps, ref)
        last = s.first_error_step or len(s.steps)
        for i in range(last):
            wrong.append(int(s.first_error_step is not None and i + 1 == s.first_error_step))
            scores.append(1.0 - probs[i])
    auroc = roc_auc_score(wrong, scores) if 0 < sum(wrong) < len(wrong) else None
    return {"auroc": round(auroc, 4) if auroc is not None else None, "n_steps": len(wrong),
            "n_wrong": sum(wrong), "n_solutions": len(samples)}


def hint_metrics(model, vtg_path: str | Path, limit: int, max_new_tokens: int = 72) -> dict[str, Any]:
    """The hint harness's rates on the first ``limit`` incorrect VtG eval-fold solutions, with
    the annotated first wrong step as the verdict.

    Returns:
        ``{"grounded_rate", "leak_rate", "targeted_rate", "model_hint_rate",
        "model_grounded_rate", "n", "examples"}``; ``model_grounded_rate`` counts only ladders
        whose level-1 hint the model wrote (passing every guard) and that is grounded.
    """
    from tqdm import tqdm

    from tutor.errors import TutorInputError
    from tutor.eval.common import read_records
    from tutor.eval.hints import Tally, load_cases, review_case, score_ladder
    from tutor.hints import HintLadder

    records = in_vtg_fold(read_records(vtg_path), "eval")
    cases = [c for c in load_cases(records, "vtg") if c.wrong][:limit]
    shell = type("Shell", (), {})()
    shell.hints = HintLadder(model, max_new_tokens)
    t, t_model = Tally(), Tally()
    for case in tqdm(cases, desc="hint ladders", dynamic_ncols=True, mininterval=1.0):
        try:
            steps, verdict, hints, _ = review_case(shell, case, "gold")
        except TutorInputError:
            t.errors += 1
            continue
        score_ladder(t, case, steps, verdict, hints)
        if hints and hints[0].source == "model":  # the same tally, model-worded ladders only
            score_ladder(t_model, case, steps, verdict, hints)
    total = sum(t.sources.values())

    def rate(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    return {"grounded_rate": rate(t.grounded, t.flagged), "leak_rate": rate(t.leaks, t.ladders),
            "targeted_rate": rate(t.targeted, t.incorrect),
            "model_hint_rate": rate(t.sources.get("model", 0), total),
            "model_grounded_rate": rate(t_model.grounded, t.flagged), "n": t.incorrect,
            "examples": t.examples[:2]}


def evaluate_model(model, config: EvalConfig, vtg_eval: list[Sample], held: list[Sample]) -> dict[str, Any]:
    """All metrics for one model (see the module docstring)."""
    out: dict[str, Any] = {}
    t0 = time.monotonic()
    if vtg_eval:
        out["step_scoring_vtg_eval"] = step_auroc(model, vtg_eval, config.with_reference)
    if held:
        out["step_scoring_heldout"] = step_auroc(model, held, config.with_reference)
    if config.hint_limit > 0 and Path(config.vtg).exists():
        out["hints_vtg_eval"] = hint_metrics(model, config.vtg, config.hint_limit)
    out["seconds"] = round(time.monotonic() - t0, 1)
    return out


def _delta(before: dict[str, Any], after: dict[str, Any]) -> dict[str, float]:
    d = {}
    for group, metrics in after.items():
        if not isinstance(metrics, dict):
            continue
        for key, value in metrics.items():
            old = before.get(group, {}).get(key)
            if key.endswith(("auroc", "_rate")) and isinstance(value, float) and isinstance(old, float):
                d[f"{group}.{key}"] = round(value - old, 4)
    return d


_SAME_DATA = ("model", "vtg", "data_dir", "score_limit", "heldout_limit", "hint_limit", "with_reference")


def _reusable_base(config: EvalConfig) -> dict[str, Any] | None:
    """The ``base`` metrics of ``config.base_from`` when that report used the same data
    settings, else ``None``."""
    if not config.base_from or not Path(config.base_from).exists():
        return None
    old = json.loads(Path(config.base_from).read_text(encoding="utf-8"))
    same = all(old.get("config", {}).get(k) == getattr(config, k) for k in _SAME_DATA)
    if not same or "base" not in old:
        log.warning("not reusing %s: its data settings differ", config.base_from)
        return None
    return old["base"]


def run_eval(config: EvalConfig) -> dict[str, Any]:
    """Evaluate the base student and the student with the adapter; write ``config.out``.

    Returns:
        ``{"base": metrics, "distilled": metrics, "delta": {metric: after - before}, ...}``.

    Raises:
        TutorConfigError: the model or adapter cannot be loaded.
        TutorInputError: the VtG file is unreadable.
    """
    from tutor.config import load_settings
    from tutor.errors import TutorConfigError
    from tutor.eval.common import write_report
    from tutor.llm import HFModel, resolve_model_path

    if "distilled" in config.models and not (Path(config.adapter) / "adapter_config.json").exists():
        raise TutorConfigError(f"no adapter at {config.adapter}: run `tutor distill train` first")
    vtg_eval = read_vtg(config.vtg, fold="eval", limit=config.score_limit) if Path(config.vtg).exists() else []
    held = heldout_samples(config.data_dir, config.heldout_limit)
    path = resolve_model_path(config.model, load_settings().cache_path)
    results = {}
    reused = _reusable_base(config)
    if reused is not None:
        results["base"] = reused
    for name, adapter in (("base", None), ("distilled", config.adapter)):
        if name in config.models and name not in results:
            model = HFModel(path, device="cpu", adapter=adapter, name=name)
            results[name] = evaluate_model(model, config, vtg_eval, held)
            del model
    report = {"stage": "eval", "model": config.model, "adapter": config.adapter,
              "vtg_fold": "eval", **results, "config": vars(config)}
    if "base" in results and "distilled" in results:
        report["delta"] = _delta(results["base"], results["distilled"])
    return write_report(config.out, report)
