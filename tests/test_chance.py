"""A probability divided by the wrong total (tutor.chance): the verdict and hints on it."""

from fractions import Fraction

import pytest

from tutor.chance import probability_total
from tutor.hints.fallback import fallback_hint
from tutor.hints.guards import check_hint
from tutor.hints.prompting import ladder_kinds
from tutor.schema import Problem
from tutor.steps import parse_solution
from tutor.verify import Verifier

BAG = "A bag has 3 red, 5 blue and 2 green marbles. What is the probability of picking a blue marble?"
CLASS = "A class has 12 boys and 18 girls. A student is chosen at random. What is the probability it is a boy?"


@pytest.mark.parametrize("problem, steps, found", [
    (BAG, ["Not blue: 3 + 2 = 5", "P(blue) = 5/5 = 1"], (1, "5/5", "5")),  # the part against the rest
    (BAG, ["P(blue) = 5/3"], (0, "5/3", "3")),  # against another part
    (CLASS, ["12/18 = 0.67"], (0, "12/18", "18")),
    (CLASS, ["12 ÷ 18 = 0.67"], (0, "12/18", "18")),
    ("A spinner has 3 red sections, 4 blue sections and 1 white section, all equal. What is the "
     "probability of blue?", ["3 + 4 = 7 colored sections", "P(blue) = 4/7"], (1, "4/7", "7")),
])
def test_a_probability_over_a_part_is_found(problem, steps, found):
    r = probability_total(problem, steps)
    assert (r.step, r.name, r.expression, r.facts["divisor"]) == (found[0], "probability total", found[1], found[2])


@pytest.mark.parametrize("problem, steps", [
    (BAG, ["3 + 5 + 2 = 10", "P(blue) = 5/10 = 1/2"]),
    (BAG, ["5 out of 10 marbles are blue", "1/2"]),
    ("A jar has 4 lemon, 6 cherry and 10 grape candies. What is the probability that a candy picked is not "
     "grape?", ["4 + 6 + 10 = 20", "4 + 6 = 10", "10/20 = 1/2"]),
    # another total is right: a second pick, counts that change, a total the problem gives
    ("A bag has 3 red and 5 blue marbles. Two marbles are picked without replacement. What is the "
     "probability both are blue?", ["5/8 × 4/7 = 20/56"]),
    ("A bag has 3 red and 5 blue marbles. Sam takes out 1 red marble. What is the probability of blue now?",
     ["5/7"]),
    ("A bag has 10 marbles. 3 are red. What is the probability of red?", ["3/10"]),
    ("A box has 5 pens and 3 pencils. If the item is not a pen, what is the probability it is a pencil?",
     ["3/3 = 1"]),
])
def test_right_work_or_another_total_is_left_alone(problem, steps):
    assert probability_total(problem, steps) is None


def test_the_verdict_and_ladder_of_a_probability_over_a_part():
    problem, steps = Problem(text=BAG), parse_solution("Not blue: 3 + 2 = 5\nP(blue) = 5/5 = 1\nThe probability is 1.")
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == (
        "incorrect", 2, "Logical error / Wrong approach")
    hints = [fallback_hint(problem, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert [h.text for h in hints] == [
        "Look at step 2, where you divide by 5. Is 5 the number of all the possible outcomes?",
        "In step 2, the bottom number of a probability counts every possible outcome. Which counts in the "
        "problem did you leave out?",
        "Redo step 2: add up all the counts the problem gives to find how many there are in all. Then put 5 "
        "over that number.",
    ]
    assert all(check_hint(h.text, h.level, h.kind, problem, steps, verdict) == [] for h in hints)
    right = parse_solution("Total: 3 + 5 + 2 = 10\nP(blue) = 5/10 = 1/2\nThe probability is 1/2.")
    assert Verifier(None).verify(problem, right).label == "correct"


@pytest.mark.parametrize("problem, value", [
    (BAG, Fraction(1, 2)),
    ("A bag has 3 red, 5 blue and 2 green marbles. What is the probability of not picking a blue marble?",
     Fraction(1, 2)),
    (CLASS, Fraction(2, 5)),  # "boys" named as "a boy"
    ("A box has 7 pens and 5 pencils. One is picked without looking. What is the probability it is a pencil?",
     Fraction(5, 12)),  # "pens" is not "pencil"
    ("A bag has 3 red, 5 blue and 2 green marbles. What is the probability of red or blue?", None),
    ("A deck of 52 cards has 13 hearts. What is the probability of drawing a heart?", None),
])
def test_the_probability_the_question_asks_for(problem, value):
    from tutor.chance import asked_probability

    assert asked_probability(problem) == value


@pytest.mark.parametrize("problem, solution", [
    # right work the step scores doubted: it ends on the probability the words fix
    ("A bag has 5 red, 3 green and 2 yellow marbles. One marble is picked at random. What is the probability "
     "that it is green?", "Total marbles = 5 + 3 + 2 = 10\nP(green) = 3/10\nThe probability is 3/10."),
    (BAG, "3 + 5 + 2 = 10\nP(blue) = 5/10 = 50%"),
    ("Find the median of these numbers: 7, 3, 9, 12, 5, 8", "In order: 3, 5, 7, 8, 9, 12\nThe middle two numbers "
     "are 7 and 8.\n(7 + 8) ÷ 2 = 7.5\nThe median is 7.5."),
])
def test_work_that_ends_on_the_answer_the_words_fix_is_right(problem, solution):
    verdict = Verifier(None).verify(Problem(text=problem), parse_solution(solution))
    assert verdict.label == "correct"


def test_a_probability_simplified_after_the_total_is_worked_out_is_not_read_as_a_part():
    problem = "A spinner has 4 red, 2 blue and 6 green sections. What is the probability of red?"
    assert probability_total(problem, ["4 + 2 + 6 = 12", "4 ÷ 4 = 1 and 12 ÷ 4 = 3", "1/3"]) is None


SPINNER = ("A spinner has 10 equal sections: 4 yellow, 3 green, 2 orange and 1 pink. What is the probability of "
           "landing on green or pink?")


def test_one_pick_of_either_kind_worked_out_by_multiplying():
    from tutor.chance import or_multiplied

    wrong = ["P(green) = 3/10", "P(pink) = 1/10", "P(green or pink) = 3/10 × 1/10 = 3/100"]
    r = or_multiplied(SPINNER, wrong)
    assert (r.step, r.name, r.expression, r.facts) == (2, "or multiplied", "3/10 × 1/10",
                                                       {"either": "green or pink", "total": "10"})
    assert or_multiplied(SPINNER, ["P(green or pink) = 3/10 + 1/10 = 4/10"]) is None
    problem, steps = Problem(text=SPINNER), parse_solution("\n".join(wrong))
    verdict = Verifier(None).verify(problem, steps)
    hints = [fallback_hint(problem, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert [h.text for h in hints] == [
        "Look at step 3, where you work out 3/10 × 1/10. Is this one pick, or two picks?",
        "In step 3, you multiply 3/10 by 1/10. One pick lands on green or pink: how many outcomes out of 10 is that?",
        "Redo step 3: count the outcomes for green or pink together. Put that number over 10.",
    ]
    assert all(check_hint(h.text, h.level, h.kind, problem, steps, verdict) == [] for h in hints)
    # a total the problem gives with its list: the list is read
    assert probability_total(SPINNER, ["P(green) = 3/7"]).facts["divisor"] == "7"
