"""Calibration of predicted probabilities: reliability bins, expected calibration error, Brier.

Used for the verifier's P(step wrong) and P(solution wrong). Expected calibration error (ECE)
as in Guo et al., "On Calibration of Modern Neural Networks" (ICML 2017): equal-width bins over
[0, 1], ``ECE = sum_b n_b / n * |mean predicted p in b - observed rate in b|``. The Brier score
is the mean squared difference between the probability and the 0/1 outcome.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tutor.verify.combiner import raw_p_wrong


def calibration_report(probs: Sequence[float], outcomes: Sequence[int], bins: int = 10) -> dict[str, Any]:
    """Reliability of probabilities against observed 0/1 outcomes.

    Args:
        probs: predicted probabilities of the event, each in [0, 1].
        outcomes: 1 where the event happened, 0 where not; same length as ``probs``.
        bins: number of equal-width bins over [0, 1] (the last one includes 1.0).

    Returns:
        ``{"n", "ece", "brier", "mean_p", "rate", "bins"}``; ``bins`` lists the non-empty bins
        as ``{"lo", "hi", "n", "mean_p", "rate"}``. All numbers rounded to 4 places;
        ``ece``/``brier`` are ``None`` when there is nothing to score.

    Raises:
        ValueError: lengths differ, a probability is outside [0, 1], an outcome is not 0/1,
            or ``bins`` < 1.
    """
    if len(probs) != len(outcomes):
        raise ValueError(f"{len(probs)} probabilities but {len(outcomes)} outcomes")
    if bins < 1:
        raise ValueError("bins must be at least 1")
    if any(not 0.0 <= p <= 1.0 for p in probs):
        raise ValueError("probabilities must lie in [0, 1]")
    if any(y not in (0, 1) for y in outcomes):
        raise ValueError("outcomes must be 0 or 1")
    n = len(probs)
    if n == 0:
        return {"n": 0, "ece": None, "brier": None, "mean_p": None, "rate": None, "bins": []}
    members: list[list[int]] = [[] for _ in range(bins)]
    for i, p in enumerate(probs):
        members[min(int(p * bins), bins - 1)].append(i)
    ece, table = 0.0, []
    for b, idx in enumerate(members):
        if not idx:
            continue
        mean_p = sum(probs[i] for i in idx) / len(idx)
        rate = sum(outcomes[i] for i in idx) / len(idx)
        ece += len(idx) / n * abs(mean_p - rate)
        table.append({"lo": round(b / bins, 4), "hi": round((b + 1) / bins, 4), "n": len(idx),
                      "mean_p": round(mean_p, 4), "rate": round(rate, 4)})
    brier = sum((p - y) ** 2 for p, y in zip(probs, outcomes)) / n
    return {"n": n, "ece": round(ece, 4), "brier": round(brier, 4),
            "mean_p": round(sum(probs) / n, 4), "rate": round(sum(outcomes) / n, 4), "bins": table}


def hazard_calibration(hazards: Sequence[Sequence[float]], labels: Sequence[int],
                       p_wrong: Sequence[float] | None = None) -> dict[str, Any]:
    """Calibration of a first-wrong-step model, at the step and at the solution level.

    Args:
        hazards: per solution, per step P(step wrong | earlier steps right).
        labels: per solution, the 1-based first wrong step, 0 for a correct solution.
        p_wrong: per solution, the model's P(solution wrong), ``None`` where it gave none
            (that solution is left out of the solution-level report); default
            ``1 - prod(1 - h_k)``.

    Returns:
        ``{"step": ..., "solution": ...}``, each a :func:`calibration_report`. Step rows are
        the steps up to and including the first wrong one (the event the hazard predicts:
        "this step is the first wrong one, given the ones before are right"); the solution
        probability is scored against "the solution is wrong".
    """
    step_p, step_y, sol_p, sol_y = [], [], [], []
    for i, (hz, label) in enumerate(zip(hazards, labels)):
        stop = label if label else len(hz)
        for k, h in enumerate(hz[:stop], start=1):
            step_p.append(h)
            step_y.append(int(k == label))
        if p_wrong is None:
            sol_p.append(min(max(raw_p_wrong(hz), 0.0), 1.0))
        elif p_wrong[i] is None:
            continue
        else:
            sol_p.append(p_wrong[i])
        sol_y.append(int(label > 0))
    return {"step": calibration_report(step_p, step_y), "solution": calibration_report(sol_p, sol_y)}
