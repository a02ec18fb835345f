"""Standards for short typed exercises, through the service's path (``Tutor.check``: the problem,
the student's steps, the math in words, the known grade) with the shipped built-in index.

A whole expression is matched by what it practises, not by the fluency of its steps
(``tutor.standards.mathread``; docs/benchmarks.md, Standards, "Whole expressions ...").
"""

from __future__ import annotations

import pytest

from tutor.config import load_settings
from tutor.schema import Problem, Submission
from tutor.service import Tutor

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def tutor():
    from tutor.standards import StandardsIndex
    from tutor.standards.catalog import BUILTIN_PATH

    if not BUILTIN_PATH.exists():
        pytest.skip("built-in catalogue not written yet")
    settings = load_settings(use_model=False, catalog="builtin")
    return Tutor(settings, model=None, standards=StandardsIndex.from_settings(settings))


def shown(tutor, text, steps, grade=None):
    """The standards the student tab shows for a typed problem and its steps."""
    fb = tutor.check(Submission(problem=Problem(text=text, grade=grade), solution_text=steps))
    return [m.code for m in fb.standards]


def test_order_of_operations_is_not_its_steps_fluency(tutor):
    # before: 2.NBT.B.6, 3.NBT.A.3, 3.OA.C.7 (grade unknown); 5.NF.A.1, 5.NF.B.7, 5.NF.B.3 (grade 5)
    steps = "4 x 3 = 12\n6 / 2 = 3\n8 + 12 - 3 = 17"
    for grade in (None, "5", "6"):
        got = shown(tutor, "Evaluate 8 + 4 × 3 − 6 ÷ 2.", steps, grade)
        assert got[0] == "5.OA.A.1", (grade, got)
        assert not any(c.startswith(("1.", "2.", "3.")) for c in got), (grade, got)
    got = shown(tutor, "Compute 30 − 2 × (5 + 4).", "5 + 4 = 9\n2 x 9 = 18\n30 - 18 = 12")
    assert got[0] == "5.OA.A.1", got


def test_a_value_given_to_a_variable_is_evaluating_an_expression(tutor):
    # before: 3.NBT.A.3, 4.NBT.A.1, 4.NBT.B.5
    got = shown(tutor, "Find the value of 3n − 4 when n = 6.", "3 x 6 - 4 = 14")
    assert "6.EE.A.2" in got and all(c.split(".")[1] in ("EE", "OA") for c in got), got


def test_the_distributive_property_written_out(tutor):
    # before: 3.NBT.A.3 first
    got = shown(tutor, "Use the distributive property to find 7 × 23.",
                "7 x (20 + 3) = 7 x 20 + 7 x 3 = 140 + 21 = 161")
    assert got[0] == "3.OA.B.5", got


def test_a_quotient_with_a_remainder_or_as_a_decimal(tutor):
    # before: 6.NS.B.2 (long division, grade 6) first
    assert shown(tutor, "What is 857 ÷ 6?", "857 / 6 = 142 R 5")[0] == "4.NBT.B.6"
    # before: 7.NS.A.2, 4.NF.C.6 (tenths and hundredths), 6.NS.A.1
    got = shown(tutor, "Write 5/8 as a decimal.", "5 ÷ 8 = 0.625", "7")
    assert got[0] == "7.NS.A.2" and "4.NF.C.6" not in got, got
