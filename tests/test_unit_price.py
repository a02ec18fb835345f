"""A price of one taken for the cost of all (tutor.unit_price)."""

import pytest

from tutor.schema import Problem
from tutor.steps import parse_solution
from tutor.unit_price import price_for_total
from tutor.verify import Verifier

SHOP = ("Leo buys 4 folders at $1.75 each and a backpack for $22. He pays with two $20 bills. How much change "
        "does he get?")


def test_the_price_of_one_said_as_the_cost_of_all_is_named_where_it_is_said():
    steps = ["The folders cost $1.75.", "Total: 1.75 + 22 = $23.75", "Change: 40 − 23.75 = $16.25"]
    found = price_for_total(SHOP, steps)
    assert (found.step, found.name) == (0, "price for the total")
    assert found.facts == {"count": "4", "price": "1.75", "thing": "folders"}
    v = Verifier(None).verify(Problem(SHOP), parse_solution("\n".join(steps)))
    assert (v.label, v.first_error_step) == ("incorrect", 1)
    assert "price of one" in v.explanation


@pytest.mark.parametrize("steps", [
    ["4 × 1.75 = $7", "7 + 22 = $29", "40 − 29 = $11"],                      # right
    ["4 × 1.75 + 22 = 29 dollars", "Change: 40 − 29 = 11"],                  # right, in one line
    ["The folders cost $1.75 each, so 1.75 × 4 = $7.", "7 + 22 = 29", "40 − 29 = 11"],
    # a price used in a computation of another kind is not said as a total
    ["1.75 + 22 = 23.75 for one folder and the backpack", "3 × 1.75 = 5.25", "23.75 + 5.25 = 29", "40 − 29 = 11"],
])
def test_work_that_multiplies_the_price_or_uses_it_in_a_computation_is_left_alone(steps):
    assert price_for_total(SHOP, steps) is None


def test_a_price_without_a_count_each_is_not_read():
    assert price_for_total("A backpack costs $22 and a folder costs $1.75. How much do they cost?",
                           ["The folder costs $1.75.", "22 + 1.75 = 23.75"]) is None
