"""Which option is the better buy (tutor.comparison): the conclusion against the unit prices
worked out, and the verdict and hints for the worse option chosen."""

import pytest

from tutor.comparison import wrong_choice
from tutor.hints.fallback import fallback_hint
from tutor.hints.guards import check_hint
from tutor.schema import Problem, Submission
from tutor.service import read_submission
from tutor.verify import Verifier

OUNCES = "Which is the better buy: 12 oz for $3.60 or 20 oz for $5.40?"
STORES = "Store A sells 4 cans for $5.00. Store B sells 6 cans for $7.20. Which store has the better deal?"
APPLES = "Store A sells 6 apples for $2.70. Store B sells 8 apples for $3.36. Which store has the better buy?"


@pytest.mark.parametrize("problem, steps, found", [
    (OUNCES, ["3.60 ÷ 12 = 0.30", "5.40 ÷ 20 = 0.27", "The 12 oz is the better buy"], ("0.30", "0.27", True, "12 oz")),
    (STORES, ["A: 5.00 ÷ 4 = 1.25", "B: 7.20 ÷ 6 = 1.20", "Store A is the better deal"], ("1.25", "1.20", True, "Store A")),
    # the option named by the problem's clause that gives its amounts
    (APPLES, ["2.70 ÷ 6 = 0.45", "3.36 ÷ 8 = 0.42", "Store A is the better buy."], ("0.45", "0.42", True, "Store A")),
    # the reasons first, then the choice
    ("A pack of 4 markers costs $3.20 and a pack of 10 markers costs $7.50. Which pack is the better buy?",
     ["3.20 ÷ 4 = 0.80", "7.50 ÷ 10 = 0.75", "0.80 > 0.75 so the 4-pack is the better buy"],
     ("0.80", "0.75", True, "4-pack")),
    # amount per dollar: higher is better
    (OUNCES, ["12 ÷ 3.60 = 3.33 oz per dollar", "20 ÷ 5.40 = 3.70 oz per dollar", "The 12 oz is the better buy"],
     ("3.33", "3.70", False, "12 oz")),
])
def test_the_worse_option_chosen_is_found(problem, steps, found):
    c = wrong_choice(problem, steps)
    assert (c.step, c.chosen, c.other, c.lower_better, c.named) == (2, *found)


@pytest.mark.parametrize("problem, steps", [
    (OUNCES, ["3.60 ÷ 12 = 0.30", "5.40 ÷ 20 = 0.27", "The 20 oz is the better buy"]),
    (STORES, ["A: 5.00 ÷ 4 = 1.25", "B: 7.20 ÷ 6 = 1.20", "Store B is the better deal"]),
    (APPLES, ["2.70 ÷ 6 = 0.45", "3.36 ÷ 8 = 0.42", "Store B is the better buy."]),
    # both options named: which one is chosen is not read
    (OUNCES, ["3.60 ÷ 12 = 0.30", "5.40 ÷ 20 = 0.27", "0.27 < 0.30 so the 20 oz is the better buy"]),
    # no better-buy question
    ("Tea costs $3.60 for 12 bags. Coffee costs $5.40 for 20 pods. How much is one bag of tea?",
     ["3.60 ÷ 12 = 0.30", "5.40 ÷ 20 = 0.27", "The 12 bags"]),
])
def test_right_choices_and_other_conclusions_are_left_alone(problem, steps):
    assert wrong_choice(problem, steps) is None


def test_the_worse_option_is_the_first_error_with_a_ladder_that_passes_the_guards():
    problem = Problem(text=STORES)
    steps = read_submission(Submission(problem=problem, solution_text="A: 5.00 ÷ 4 = 1.25\nB: 7.20 ÷ 6 = 1.20\n"
                                                                      "Store A is the better deal"))
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == (
        "incorrect", 3, "Logical error / Wrong approach")
    assert verdict.explanation == ("In step 3, the option chosen costs 1.25 for one can, more than the other's 1.20. "
                                   "The better buy costs less for each can.")
    for level, kind in ((1, "where"), (2, "concept"), (3, "bottom_out")):
        hint = fallback_hint(problem, steps, verdict, level, kind).text
        assert check_hint(hint, level, kind, problem, steps, verdict) == []
    assert fallback_hint(problem, steps, verdict, 1, "where").text == (
        "Look at step 3, where you choose Store A. Is its price for one can lower than the other option's?")
