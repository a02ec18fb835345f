"""Parts of a whole taken one after another (tutor.parts_left): the whole and its two parts read
from the words, the second part taken of the wrong amount or the two fractions added named at
their step, and right work and other wordings left alone."""

from fractions import Fraction

import pytest

from tutor.parts_left import parts_problem, parts_slip
from tutor.schema import Problem
from tutor.steps import parse_solution
from tutor.verify import Verifier

CLASS = ("A class has 30 students. 2/5 of them walk to school, and 1/3 of the rest ride bikes. The others take "
         "the bus. How many students take the bus?")
CARDS = "Liam had 48 cards. He gave 1/4 of them to his sister and 1/3 of them to his cousin. How many are left?"
PENCILS = ("Mr. Diaz had 96 pencils. He gave 3/8 of them to class A. Then he gave half of what was left to class B. "
           "How many pencils does he have now?")
SCARF = ("Rita had $96. She spent half of it on a jacket. Then she spent one third of the money she had left on a "
         "scarf. How much did the scarf cost?")


STUDY = ("Jamal has a 3-hour study session. He spends 2/5 of the session on math and 1/4 of the session on "
         "reading. He spends the rest on science. How many minutes does he spend on science?")


def test_the_whole_and_its_parts():
    p = parts_problem(CLASS)
    assert (p.whole, p.first, p.second, p.of_rest, p.second_part()) == (30, Fraction(2, 5), Fraction(1, 3), True, 6)
    p = parts_problem(CARDS)
    assert (p.of_rest, p.second_part()) == (False, 16)
    assert parts_problem(SCARF).first == Fraction(1, 2)
    # a part of a group the problem names is not a part of the whole, nor of the rest
    assert parts_problem("A lot has 24 cars and bikes. A third of them are bikes, and a quarter of the cars "
                         "have a spare tire. How many tires?") is None
    assert parts_problem(STUDY).of_rest is False
    # a part of the group the first part names ("the kids going to soccer camp") is neither
    assert parts_problem("There are 2,000 kids in camp. If half of the kids are going to soccer camp, and 1/4 of "
                         "the kids going to soccer camp go in the morning, how many go in the afternoon?") is None
    # two wholes, or one part only
    assert parts_problem("Ann has 30 pens and 20 pencils. She gives 1/5 of them away and 1/2 of the rest to Bo.") is None
    assert parts_problem("A class has 30 students. 2/5 of them walk. How many walk?") is None


@pytest.mark.parametrize("problem, solution, step, name", [
    (CLASS, "2/5 of 30 = 12 walk\n1/3 of 30 = 10 ride bikes\n30 − 12 − 10 = 8 take the bus", 2,
     "part of the whole for the rest"),
    (CARDS, "Sister: 48 ÷ 4 = 12\nLeft: 48 − 12 = 36\nCousin: 36 ÷ 3 = 12\nLeft: 36 − 12 = 24", 3,
     "part of the rest for the whole"),
    (PENCILS, "3/8 + 1/2 = 7/8 given away\n1 − 7/8 = 1/8\n1/8 of 96 = 12 pencils", 1, "parts of two wholes added"),
    # (32 is also what the right work has left at the end: the step's own form names the slip)
    (SCARF, "96 ÷ 2 = 48 dollars left\n96 ÷ 3 = 32 dollars for the scarf", 2, "part of the whole for the rest"),
    # the whole named again in the second part's own words, and worked in minutes
    (STUDY, "3 hours is 180 minutes.\nMath takes 2/5 × 180 = 72 minutes, leaving 180 − 72 = 108 minutes.\n"
            "Reading takes 1/4 of the remaining 108 minutes = 27 minutes.\nScience: 108 − 27 = 81 minutes.", 3,
     "part of the rest for the whole"),
])
def test_a_part_of_the_wrong_amount_is_named_with_a_guarded_ladder(problem, solution, step, name, slip_verdict):
    assert slip_verdict(problem, solution, step, parts_slip) == name


@pytest.mark.parametrize("problem, solution", [
    (CARDS, "Sister: 48 ÷ 4 = 12\nCousin: 48 ÷ 3 = 16\n12 + 16 = 28\n48 − 28 = 20 cards"),
    (PENCILS, "3/8 of 96 = 36\n96 − 36 = 60\n60 ÷ 2 = 30\nHe has 30 pencils."),
    (SCARF, "96 ÷ 2 = 48 dollars left\n48 ÷ 3 = 16 dollars for the scarf"),
    # half, then half of what was left: the first part's own form
    ("Susan earned $600. She spent half of it on clothes. Then she spent half of what was left on books. "
     "How much money did she have left?", "600 ÷ 2 = 300\n600 − 300 = 300\n300 ÷ 2 = 150\nShe has $150 left."),
])
def test_right_work_is_right(problem, solution):
    steps = parse_solution(solution)
    assert parts_slip(problem, [s.text for s in steps]) is None



def test_a_percent_of_the_land_that_is_left_is_of_the_rest():
    text = ("A farmer has 80 acres of land. He plants 40% of it with corn. He plants 25% of the land that is left "
            "with wheat. How many acres does he plant with wheat?")
    p = parts_problem(text)
    assert (p.whole, p.first, p.second, p.of_rest) == (80, Fraction(2, 5), Fraction(1, 4), True)
    r = parts_slip(text, ["Corn: 40% of 80 = 32 acres", "Wheat: 25% of 80 = 20 acres", "Answer: 20 acres"])
    assert (r.step, r.name) == (1, "part of the whole for the rest")
    assert parts_slip(text, ["Corn: 40% of 80 = 32 acres", "Left: 80 - 32 = 48", "Wheat: 25% of 48 = 12 acres"]) is None


def test_a_part_of_a_named_group_is_not_a_part_of_the_whole_again():
    # "half of its guppies": of the guppies (the rest), not of all 32 fish ("it" is no "its")
    text = ("A pet store has 32 fish. Three eighths of them are goldfish and the rest are guppies. On Saturday the "
            "store sells half of its guppies. How many fish does the store have left?")
    assert parts_problem(text) is None
    assert parts_problem(text.replace("half of its guppies", "half of them")).of_rest is False
