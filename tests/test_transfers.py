"""Amounts received or given away (tutor.transfers): which way each amount moves for the one the
question asks about, the wrong way named at its step, and other questions and right work left
alone."""

import pytest

from tutor.schema import Problem
from tutor.steps import parse_solution
from tutor.transfers import change_for_spent, changes, transfer_slip
from tutor.verify import Verifier

OWEN = "Owen has $20. He buys 2 books that cost $6.75 each. Then his grandma gives him $5. How much money does he have now?"
AVA = "Ava has 48 marbles. She gives a quarter of them to Ben. Then Cara gives Ava 5 marbles. How many marbles does Ava have now?"
KAI = "Kai had 60 stamps. He gave 15 of them to his sister and then bought 22 more. How many stamps does Kai have now?"
OWEN_BACK = ("Owen had some money. He spent $18 on a video game and then got $25 from his grandpa. Now he has $52. "
             "How much money did Owen have at first?")
OMAR = ("Omar gave 14 marbles to his sister. Then he won 9 marbles in a game. Now he has 52 marbles. How many marbles "
        "did Omar have at the start?")


def test_which_way_each_amount_moves():
    assert changes(OWEN) == {5: 1}
    assert changes(AVA) == {5: 1}
    assert changes(KAI) == {15: -1}
    assert changes(OMAR) == {14: -1, 9: 1}
    # "he" is the person only where the story names no one else
    assert changes("Henry had 33 games, and he gave 5 of them to Neil. How many games does Neil have now?") == {}
    # a question about the start, about a difference, or about something else: nothing read
    assert changes("Randy had some money. Smith gave him another $200. Randy then gave Sally $1,200. "
                   "If Randy has $2000 left, how much money did Randy have at first?") == {}
    assert changes("Jake owed $100 but paid them $40. He works for $15 an hour. How many hours did he have to work?") == {}


@pytest.mark.parametrize("problem, solution, step, name", [
    (OWEN, "2 × 6.75 = 13.50\n20 − 13.50 = 6.50\n6.50 − 5 = 1.50", 3, "received taken away"),
    (AVA, "48 ÷ 4 = 12\n48 − 12 = 36\n36 − 5 = 31 marbles", 3, "received taken away"),
    (KAI, "60 + 15 = 75\n75 + 22 = 97", 1, "given away added"),
    # working back from the end
    (OWEN_BACK, "52 − 25 = 27\nBefore the game he had 27 − 18 = $9.", 2, "given away taken again"),
    (OMAR, "52 + 9 = 61\n61 + 14 = 75", 1, "received added back"),
])
def test_an_amount_moved_the_wrong_way_is_named_with_a_guarded_ladder(problem, solution, step, name, slip_verdict):
    assert slip_verdict(problem, solution, step, transfer_slip) == name


@pytest.mark.parametrize("problem, solution", [
    (OWEN, "2 × 6.75 = 13.50\n20 − 13.50 = 6.50\n6.50 + 5 = 11.50"),
    (AVA, "48 ÷ 4 = 12\n48 − 12 = 36\n36 + 5 = 41 marbles"),
    (KAI, "60 − 15 = 45\n45 + 22 = 67"),
    (OWEN_BACK, "52 − 25 = 27\n27 + 18 = 45"),
    (OMAR, "52 − 9 = 43\n43 + 14 = 57"),
    # a check that goes forward again after the right work back
    ("Marcus spent half of his money on a game. Then he spent $8 on lunch. Now he has $22 left. How much money "
     "did he have at the start?", "22 + 8 = 30\n30 × 2 = 60\nCheck: half of 60 is 30, and 30 − 8 = 22."),
    # amounts given away added up first, then taken away together
    ("Mary had 89 stickers. She used 3 stickers on the front page and 7 stickers on each of 6 other pages. "
     "How many stickers does Mary have now?", "7 × 6 = 42\n3 + 42 = 45\n89 − 45 = 44"),
])
def test_right_work_is_right(problem, solution):
    steps = parse_solution(solution)
    assert transfer_slip(problem, [s.text for s in steps]) is None
    assert Verifier(None).verify(Problem(text=problem), steps).label != "incorrect"


KIM = ("Kim has $20. She buys 2 sandwiches for $4.50 each and a bottle of juice for $1.75. How much money does she "
       "spend?")


def test_the_change_given_for_the_amount_spent_is_named(slip_verdict):
    solution = "2 × 4.50 = $9.00\n$9.00 + $1.75 = $10.75\n$20.00 − $10.75 = $9.25"
    assert slip_verdict(KIM, solution, 3, change_for_spent) == "change for spent"


@pytest.mark.parametrize("problem, solution", [
    (KIM, "2 × 4.50 = $9.00\n$9.00 + $1.75 = $10.75"),
    # the change asked; what is left after spending, given; a purchase of the money that is left
    ("Kim has $20. She buys a sandwich for $4.50. How much change does she get?", "20 − 4.50 = $15.50"),
    ("June has $500. She buys books for $340 and then music books. How much did she spend on music books?",
     "500 − 340 = $160"),
])
def test_right_work_on_spending_is_left_alone(problem, solution):
    assert change_for_spent(problem, solution.split("\n")) is None
