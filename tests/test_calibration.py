"""Calibration measures (``tutor.eval.calibration``), the verdict split and the combiner's
calibrated P(solution wrong)."""

import math

import pytest

from tutor.eval.calibration import calibration_report, hazard_calibration
from tutor.eval.verify import verdict_outcomes
from tutor.verify.combiner import Combiner, fit_solution_scale


def test_calibration_report_by_hand():
    rep = calibration_report([0.1, 0.1, 0.9, 0.9], [0, 1, 1, 1], bins=2)
    # bin [0, .5): mean p 0.1, rate 0.5; bin [.5, 1]: mean p 0.9, rate 1.0
    assert rep["bins"] == [{"lo": 0.0, "hi": 0.5, "n": 2, "mean_p": 0.1, "rate": 0.5},
                           {"lo": 0.5, "hi": 1.0, "n": 2, "mean_p": 0.9, "rate": 1.0}]
    assert rep["ece"] == pytest.approx(0.5 * 0.4 + 0.5 * 0.1)
    assert rep["brier"] == pytest.approx((0.01 + 0.81 + 0.01 + 0.01) / 4)
    assert calibration_report([1.0], [1])["bins"][0]["lo"] == 0.9  # 1.0 falls in the last bin
    assert calibration_report([], [])["ece"] is None


@pytest.mark.parametrize("probs, outcomes", [([0.5], [1, 0]), ([1.5], [1]), ([0.5], [2])])
def test_calibration_report_rejects_bad_input(probs, outcomes):
    with pytest.raises(ValueError):
        calibration_report(probs, outcomes)


def test_hazard_calibration_rows():
    # a wrong solution (first wrong step 2) and a correct one
    rep = hazard_calibration([[0.2, 0.5, 0.9], [0.1, 0.1]], [2, 0])
    assert rep["step"]["n"] == 4          # steps 1-2 of the wrong one, both of the correct one
    assert rep["step"]["rate"] == 0.25    # one of the four is the first wrong step
    assert rep["solution"]["n"] == 2
    assert rep["solution"]["mean_p"] == pytest.approx(((1 - 0.8 * 0.5 * 0.1) + (1 - 0.81)) / 2, abs=1e-4)
    assert hazard_calibration([[0.2]], [1], p_wrong=[0.7])["solution"]["mean_p"] == 0.7
    # a solution without steps has no probability: left out of the solution report
    assert hazard_calibration([[0.2], []], [1, 0], p_wrong=[0.7, None])["solution"]["n"] == 1


def test_verdict_outcomes():
    out = verdict_outcomes(["incorrect", "unsure", "correct", "incorrect", "unsure"], [2, 1, 0, 0, 0])
    assert out["verdicts"] == {"wrong": {"incorrect": 1, "unsure": 1},
                               "correct": {"correct": 1, "incorrect": 1, "unsure": 1}}
    assert out["accused_correct_rate"] == pytest.approx(0.3333, abs=1e-4)
    assert out["unsure_correct_rate"] == pytest.approx(0.3333, abs=1e-4)
    assert out["unsure_wrong_rate"] == 0.5
    assert out["passed_wrong_rate"] == 0.0


def test_solution_scale_recalibrates_p_wrong():
    comb = Combiner(features=[], mean=[], scale=[], coef=[], intercept=0.0)
    raw = 1 - 0.8 * 0.5
    assert comb.p_wrong([0.2, 0.5]) == pytest.approx(raw)  # (1, 0): unchanged
    comb.solution_scale = [2.0, -1.0]
    z = 2.0 * math.log(raw / (1 - raw)) - 1.0
    assert comb.p_wrong([0.2, 0.5]) == pytest.approx(1 / (1 + math.exp(-z)))
    # over-confident raw probabilities (0.9 where half are wrong) are pulled toward the rate
    hz = [[0.9]] * 10 + [[0.1]] * 10
    labels = [1] * 5 + [0] * 5 + [0] * 10
    a, b = fit_solution_scale(hz, labels)
    comb.solution_scale = [a, b]
    assert comb.p_wrong([0.9]) == pytest.approx(0.5, abs=0.02)
    assert comb.p_wrong([0.1]) < 0.05
    assert fit_solution_scale([[0.3]], [0]) == [1.0, 0.0]
