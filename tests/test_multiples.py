"""The LCM or GCF a problem names, and the value a step gives it (tutor.multiples)."""

import pytest

from tutor.hints.fallback import fallback_hint
from tutor.hints.guards import check_hint
from tutor.multiples import asked_common, common_claims
from tutor.schema import Problem, Submission
from tutor.service import read_submission
from tutor.verify import Verifier


def test_the_named_lcm_or_gcf():
    assert asked_common("What is the least common multiple of 6 and 10?") == ("least common multiple", [6, 10])
    assert asked_common("Find the GCF of 45, 60 and 75.") == ("GCF", [45, 60, 75])
    assert asked_common("Buses leave every 12 and every 15 minutes. When do they next leave together?") is None


@pytest.mark.parametrize("problem, steps, claims", [
    ("What is the least common multiple of 6 and 10?", ["LCM = 6 x 10 = 60"], [(0, "LCM(6, 10)=60", False)]),
    ("Find the GCF of 45 and 60.", ["45 = 3 x 3 x 5", "60 = 2 x 2 x 3 x 5", "GCF = 3 x 5 = 15"],
     [(2, "GCF(45, 60)=15", True)]),
    ("Find the GCF of 45 and 60.", ["GCF = 5"], [(0, "GCF(45, 60)=5", False)]),
    # a claim of the other kind is not this problem's
    ("Find the GCF of 45 and 60.", ["LCM = 180"], []),
    # a word problem: the numbers it gives that the work writes too
    ("Hot dogs come in packs of 10 and buns come in packs of 8. What is the smallest number of hot dogs to buy?",
     ["LCM = 10 x 8 = 80", "She needs 80 hot dogs."], [(0, "LCM(10, 8)=80", False)]),
    ("Two buses leave at 8:00 am. One returns every 12 minutes and the other every 18 minutes. When are they "
     "next together?", ["12 = 2 x 2 x 3", "18 = 2 x 3 x 3", "LCM = 2 x 2 x 3 x 3 = 36"],
     [(2, "LCM(12, 18)=36", True)]),
    # numbers the work does not write are not read as the claim's
    ("Two buses leave at 8:00 am. One returns every 12 minutes and the other every 18 minutes. When are they "
     "next together?", ["LCM = 36", "8:00 + 36 minutes = 8:36 am"], []),
    ("A coach has 42 boys and 56 girls. What is the greatest number of equal teams?",
     ["42 = 2 x 3 x 7", "56 = 2 x 2 x 2 x 7", "GCF = 7", "7 teams"], [(2, "GCF(42, 56)=7", False)]),
])
def test_a_steps_value_for_the_named_lcm_or_gcf(problem, steps, claims):
    assert [(i, c.text, c.ok) for i, c in common_claims(problem, steps)] == claims


@pytest.mark.parametrize("problem, solution, verdict", [
    ("What is the least common multiple of 6 and 10?", "LCM = 6 x 10 = 60", ("incorrect", 1)),
    ("Find the GCF of 45 and 60.", "45 = 3 x 3 x 5\n60 = 2 x 2 x 3 x 5\nGCF = 5", ("incorrect", 3)),
    # right claims, with the multiples listed, are right work (not "nothing to check")
    ("Find the LCM of 4 and 6.", "Multiples of 4: 4, 8, 12\nMultiples of 6: 6, 12\nLCM = 12", ("correct", None)),
    ("What is the least common multiple of 6 and 10?", "LCM = 30", ("correct", None)),
])
def test_verdicts_and_ladders(problem, solution, verdict):
    p = Problem(text=problem)
    steps = read_submission(Submission(problem=p, solution_text=solution))
    found = Verifier(None).verify(p, steps)
    assert (found.label, found.first_error_step) == verdict
    if found.label == "incorrect":
        for level, kind in ((1, "where"), (2, "concept"), (3, "bottom_out")):
            hint = fallback_hint(p, steps, found, level, kind).text
            assert check_hint(hint, level, kind, p, steps, found) == []


@pytest.mark.parametrize("problem, steps", [
    # the value is worked out after the claim: "is 2 × 29 = 58" claims 58, and a sentence that
    # names the LCM in words claims nothing
    ("Simplify 116/174.", ["The GCD of 116 and 174 is 2 × 29 = 58."]),
    ("Find lcm/gcd of 26 and 5.", ["lcm(26, 5) = 26 × 5 / gcd(26, 5) = 130 / 1 = 130"]),
    ("The least common multiple of two integers is 240, and the greatest common divisor is 24. One of them is "
     "48. What is the other?", ["Given that the LCM is 240 and the GCD is 24, we can write: LCM = 240, GCD = 24."]),
])
def test_claims_read_only_where_a_value_follows(problem, steps):
    assert all(c.ok for _, c in common_claims(problem, steps))
    from tutor.mathcheck import check_step
    assert all(e.ok is not False for s in steps for e in check_step(s, 1).equations)
