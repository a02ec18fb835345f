"""The learned combiner: per-step evidence -> calibrated P(step wrong) -> first wrong step.

A discrete-time hazard model (the survival-analysis reading of "first wrong step"): logistic
regression gives ``h_k`` = P(step k is wrong | steps before k are right, evidence). Then

* P(first wrong step = k) = h_k * prod_{j<k} (1 - h_j)
* P(solution correct)     = prod_j (1 - h_j)

and the verdict is the most probable of these outcomes (with one learned offset on the
"correct" outcome, chosen by cross-validation). Training rows are the steps up to and including
the annotated first wrong step (label 1 there, 0 before) and every step of a correct solution.
Weights live as JSON in ``models/verifier/`` (a few KB).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tutor.config import PROJECT_ROOT
from tutor.errors import TutorConfigError, TutorInputError

#: Row key of a step that only restates an earlier value (set by :mod:`tutor.verify.features`).
RESTATEMENT = "restates_answer"

MODEL_DIR = PROJECT_ROOT / "models" / "verifier"

#: Inverse L2 strength the shipped combiners are fitted with (``tutor eval verify-train --c``).
FIT_C = 0.1


@dataclass
class Combiner:
    """Logistic hazard model over named features.

    Attributes:
        features: feature names, in weight order.
        mean, scale: standardisation of each feature.
        coef, intercept: logistic-regression weights (on standardised features).
        correct_offset: log-odds added to the "solution correct" outcome when deciding.
        solution_scale: ``(a, b)`` of the Platt scaling that turns the hazard model's
            P(solution wrong) into a calibrated one: ``sigmoid(a * logit(p) + b)``. The hazards
            are calibrated per step, but their product over a solution is not (steps of one
            solution are not independent); ``(1, 0)`` leaves it as is.
        meta: where the weights came from (data, CV numbers, date).
    """

    features: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    correct_offset: float = 0.0
    solution_scale: list[float] = field(default_factory=lambda: [1.0, 0.0])
    meta: dict = field(default_factory=dict)

    def hazards(self, rows: Sequence[dict[str, float]]) -> list[float]:
        """Per step, P(step wrong | earlier steps right) in [0, 1]; 0 for a step marked as a
        restatement of an earlier value (:data:`RESTATEMENT`)."""
        out = []
        for r in rows:
            if r.get(RESTATEMENT):
                out.append(0.0)
                continue
            z = self.intercept
            for name, m, s, w in zip(self.features, self.mean, self.scale, self.coef):
                z += w * ((r.get(name, 0.0) - m) / s)
            out.append(_sigmoid(z))
        return out

    def decide(self, hazards: Sequence[float]) -> tuple[int | None, float, list[float]]:
        """Pick the outcome.

        Returns:
            ``(first_wrong_index, p_correct, p_first)``: 0-based index of the first wrong step
            or ``None`` for "correct"; P(solution correct); per step P(first wrong step = k).
        """
        alive, p_first = 1.0, []
        for h in hazards:
            p_first.append(alive * h)
            alive *= 1.0 - h
        bonus = math.exp(self.correct_offset)
        best = max(range(len(p_first)), key=lambda k: p_first[k], default=None)
        if best is None or alive * bonus >= p_first[best]:
            return None, alive, p_first
        return best, alive, p_first

    def p_wrong(self, hazards: Sequence[float]) -> float:
        """Calibrated P(solution wrong) in [0, 1] from per-step hazards (see ``solution_scale``)."""
        a, b = self.solution_scale
        return _sigmoid(a * _logit(raw_p_wrong(hazards)) + b)

    def save(self, path: str | Path) -> None:
        """Write the weights as JSON."""
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "Combiner":
        """Read weights written by :meth:`save`.

        Raises:
            TutorConfigError: the file is missing or malformed.
        """
        try:
            return cls(**json.loads(Path(path).read_text(encoding="utf-8")))
        except (OSError, TypeError, ValueError) as exc:
            raise TutorConfigError(f"verifier combiner weights {path} unreadable: {exc}") from exc


def raw_p_wrong(hazards: Sequence[float]) -> float:
    """P(solution wrong) straight from per-step hazards: ``1 - prod(1 - h_k)`` (uncalibrated)."""
    alive = 1.0
    for h in hazards:
        alive *= 1.0 - h
    return 1.0 - alive


def _logit(p: float) -> float:
    # clipped so that a certain verdict stays finite
    p = min(max(p, 1e-6), 1.0 - 1e-6)
    return math.log(p / (1.0 - p))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def fit_solution_scale(hazards: Sequence[Sequence[float]], labels: Sequence[int]) -> list[float]:
    """Platt scaling (Platt 1999) of P(solution wrong): a 1-D logistic regression of "the
    solution is wrong" (label > 0) on ``logit(1 - prod(1 - h_k))``.

    Returns:
        ``[a, b]``; ``[1.0, 0.0]`` when only one class is present.
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    y = np.array([int(lab > 0) for lab in labels])
    if len(set(y.tolist())) < 2:
        return [1.0, 0.0]
    x = np.array([[_logit(raw_p_wrong(h))] for h in hazards])
    lr = LogisticRegression(C=100.0, max_iter=1000).fit(x, y)
    return [float(lr.coef_[0][0]), float(lr.intercept_[0])]


def training_rows(solutions: Sequence[tuple[list[dict[str, float]], int]]):
    """Hazard-model rows: ``(X rows, y)`` from ``(per-step features, label)`` pairs where
    label is the 1-based first wrong step or 0 for a correct solution (a step marked
    :data:`RESTATEMENT` gives no row)."""
    xs, ys = [], []
    for feats, label in solutions:
        stop = label if label else len(feats)
        for k, f in enumerate(feats[:stop], start=1):
            if f.get(RESTATEMENT):  # never a candidate (hazard 0), so not a training row
                continue
            xs.append(f)
            ys.append(int(k == label))
    return xs, ys


def fit_combiner(solutions: Sequence[tuple[list[dict[str, float]], int]], features: Sequence[str],
                 c: float = 1.0, tune_offset: bool = True, objective: str = "accuracy") -> Combiner:
    """Fit the hazard model (scikit-learn logistic regression, L2, ``C=c``).

    With ``tune_offset`` the "correct" offset is chosen on the training solutions to maximise
    ``objective``: ``"accuracy"`` (VtG micro-F1: accuracy of the predicted first wrong step,
    0 = correct) or ``"balanced"`` (ProcessBench F1: harmonic mean of the accuracies on wrong
    and on correct solutions).

    Raises:
        TutorInputError: no wrong solution, or no step that is not a first error.
    """
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rows, y = training_rows(solutions)
    if len(set(y)) < 2:
        raise TutorInputError("fitting the combiner needs steps of both kinds: at least one wrong "
                              "solution and one step before or without an error")
    x = np.array([[r.get(n, 0.0) for n in features] for r in rows], dtype=float)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=2000)
    lr.fit((x - mean) / scale, np.array(y))
    comb = Combiner(list(features), mean.tolist(), scale.tolist(), lr.coef_[0].tolist(),
                    float(lr.intercept_[0]))
    hz = [comb.hazards(f) for f, _ in solutions]
    comb.solution_scale = fit_solution_scale(hz, [lab for _, lab in solutions])
    if tune_offset:
        best = (-1.0, 0.0)
        labels = [lab for _, lab in solutions]
        for off in [x / 4 for x in range(-16, 17)]:
            comb.correct_offset = off
            score = _objective([_pred(comb, h) for h in hz], labels, objective)
            if score > best[0] + 1e-9:
                best = (score, off)
        comb.correct_offset = best[1]
    return comb


def _objective(preds: Sequence[int], labels: Sequence[int], objective: str) -> float:
    if objective == "balanced":
        err = [p == y for p, y in zip(preds, labels) if y]
        cor = [p == y for p, y in zip(preds, labels) if not y]
        a, b = (sum(err) / len(err) if err else 0.0), (sum(cor) / len(cor) if cor else 0.0)
        return 2 * a * b / (a + b) if a + b else 0.0
    return sum(p == y for p, y in zip(preds, labels)) / len(labels)


def _pred(comb: Combiner, hazards: Sequence[float]) -> int:
    k, _, _ = comb.decide(hazards)
    return 0 if k is None else k + 1


def fold_assignment(groups: Sequence[str], folds: int = 5, seed: int = 0) -> list[int]:
    """Fold (0 … ``folds``-1) of each solution, from its group: seed 0 takes the CRC-32 of the
    group, seed k > 0 that of the group followed by ``#k``. Every grouped CV of the verifier
    (the combiner's and the whole verifier's) uses it, so their folds agree."""
    import zlib

    salt = f"#{seed}" if seed else ""
    return [zlib.crc32((g + salt).encode()) % folds for g in groups]


def cross_validate(solutions: Sequence[tuple[list[dict[str, float]], int]], features: Sequence[str],
                   groups: Sequence[str], folds: int = 5, c: float = 1.0,
                   objective: str = "accuracy", seed: int = 0) -> dict[str, float]:
    """Grouped k-fold CV (a problem's incorrect and correct solution stay in one fold).

    ``seed`` picks the fold assignment (0: the CRC-32 of the group; k > 0: of the group
    followed by ``#k``), so that a difference between two feature sets can be checked on
    several assignments rather than one.

    Returns:
        ``micro_f1`` (accuracy of the first-wrong-step label, 0 = correct) and ``binary_f1``
        ("is the solution wrong"), over out-of-fold predictions; ``preds`` the predictions;
        ``hazards`` the out-of-fold per-step P(step wrong) and ``p_wrong`` the out-of-fold
        calibrated P(solution wrong), for calibration reports.

    Raises:
        TutorInputError: every group falls in one fold (nothing to train on), or a training
            part has no wrong solution.
    """
    fold_of = fold_assignment(groups, folds, seed)
    if len(set(fold_of)) < 2:
        raise TutorInputError(f"cross-validation needs problems in at least two of the {folds} folds; "
                              f"these {len(set(groups))} problem(s) all fall in one")
    preds = [0] * len(solutions)
    hazards: list[list[float]] = [[] for _ in solutions]
    p_wrong = [0.0] * len(solutions)
    for k in range(folds):
        train = [s for s, f in zip(solutions, fold_of) if f != k]
        comb = fit_combiner(train, features, c=c, objective=objective)
        for i, (s, f) in enumerate(zip(solutions, fold_of)):
            if f == k:
                hazards[i] = comb.hazards(s[0])
                p_wrong[i] = comb.p_wrong(hazards[i])
                preds[i] = _pred(comb, hazards[i])
    labels = [lab for _, lab in solutions]
    return {"micro_f1": sum(p == y for p, y in zip(preds, labels)) / len(labels),
            "binary_f1": binary_f1(preds, labels), "preds": preds, "hazards": hazards,
            "p_wrong": p_wrong}


def binary_f1(preds: Sequence[int], labels: Sequence[int]) -> float:
    """F1 of "the solution is wrong" (label > 0)."""
    tp = sum(p > 0 and y > 0 for p, y in zip(preds, labels))
    fp = sum(p > 0 and y == 0 for p, y in zip(preds, labels))
    fn = sum(p == 0 and y > 0 for p, y in zip(preds, labels))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
