"""Two percent changes in a row and a change undone (tutor.percent_chain): the answer the words
fix, the slips named at the step that sets out on them, and right work left alone."""

from fractions import Fraction

import pytest

from tutor.percent_chain import asked_after_changes, chain_slip
from tutor.schema import Problem
from tutor.steps import parse_solution
from tutor.verify import Verifier

COAT = "An $80 coat is 20% off. Then the store takes another 10% off the sale price. What is the final price?"
SWEATER = "A $45 sweater is marked up 20%, and later the new price is discounted 20%. What is the final price?"
GAME = "After a 30% discount, a game costs $63. What was the original price?"


def test_the_answer_the_words_fix():
    assert asked_after_changes(COAT) == Fraction("57.6")
    assert asked_after_changes(SWEATER) == Fraction("43.2")
    assert asked_after_changes(GAME) == 90
    # a tax added after a discount goes up (the discount's "off" is its own clause's word)
    assert asked_after_changes("A shirt costs $30. It is 20% off, and then 5% sales tax is added. "
                               "What is the final cost?") == Fraction("25.2")
    # one change asked forward, or a question about the percent itself, is not this problem
    assert asked_after_changes("A $60 jacket is 25% off. What is the sale price?") is None
    assert asked_after_changes("A $80 coat is 20% off, then 10% off. What percent is taken off in all?") is None


@pytest.mark.parametrize("problem, solution, step, name", [
    (COAT, "20% + 10% = 30%\n30% of 80 = 24\n80 - 24 = 56\nThe final price is $56.", 1, "percents added"),
    (SWEATER, "20% of 45 = 9\n45 + 9 = 54\n54 − 9 = 45\nFinal price $45", 3, "back to the start"),
    (GAME, "30% of 63 = 18.90\n63 + 18.90 = 81.90\nThe original price was $81.90.", 1, "percent of the new amount"),
    # the first change made the other way: the discount added
    ("A shirt costs $30. It is 20% off, and then 5% sales tax is added to the sale price. What is the final cost?",
     "20% of 30 = 6\n30 + 6 = 36\n5% of 36 = 1.80\n36 + 1.80 = 37.80", 2, "change reversed"),
])
def test_a_percent_chain_slip_is_named_with_a_guarded_ladder(problem, solution, step, name, slip_verdict):
    assert slip_verdict(problem, solution, step, chain_slip) == name


@pytest.mark.parametrize("problem, solution", [
    (COAT, "20% of 80 = 16\n80 - 16 = 64\n10% of 64 = 6.40\n64 - 6.40 = 57.60\nThe final price is $57.60."),
    (SWEATER, "45 × 1.2 = 54\n54 × 0.8 = 43.20\nFinal price $43.20"),
    (GAME, "100% - 30% = 70%\n63 ÷ 0.7 = 90\nThe original price was $90."),
    ("A $60 jacket is 25% off. What is the sale price?", "25% of 60 = 15\n60 - 15 = 45\nThe sale price is $45."),
    ("A shirt costs $30. It is 20% off, and then 5% sales tax is added to the sale price. What is the final cost?",
     "20% of 30 = 6\n30 - 6 = 24\n5% of 24 = 1.20\n24 + 1.20 = 25.20"),
])
def test_right_work_is_right(problem, solution):
    steps = parse_solution(solution)
    assert chain_slip(problem, [s.text for s in steps]) is None
    assert Verifier(None).verify(Problem(text=problem), steps).label == "correct"


def test_the_second_percent_of_the_start_is_named_where_it_is_taken():
    problem = ("Carmen has 200 stamps. During the first week of summer her collection grows by 10%. During the "
               "second week it grows by 10% again. How many stamps does she have after the two weeks?")
    # the right first change, 20, is not the two percents added ("20%")
    r = chain_slip(problem, ["Week 1: 10% of 200 = 20, so 200 + 20 = 220",
                             "Week 2: 10% of 200 = 20, so 220 + 20 = 240", "Carmen has 240 stamps."])
    assert (r.step, r.name) == (1, "percents added")
    assert chain_slip(problem, ["Week 1: 10% of 200 = 20, so 200 + 20 = 220",
                                "Week 2: 10% of 220 = 22, so 220 + 22 = 242"]) is None
