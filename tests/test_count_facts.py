"""Counting facts (tutor.count_facts): a unit's size stated wrong or used wrong in a conversion is
named at its step; right sizes, days of one kind and other meanings of the words are left alone."""

import pytest

from tutor.count_facts import fact_slip, fact_slips
from tutor.schema import Problem
from tutor.steps import parse_solution
from tutor.verify import Verifier

EGGS = "Olivia has 3 dozen eggs. She uses 7 eggs. How many eggs are left?"
COINS = "Leah has 7 quarters, 5 dimes and 9 nickels in her pocket. How much money does she have, in cents?"
CARTONS = "A farm collects 180 eggs. Cartons hold one dozen eggs each. How many cartons can be filled?"
MAGAZINE = "A magazine comes out every week and costs $3. How much do the issues of one year cost?"


@pytest.mark.parametrize("problem, solution, step, said, size", [
    (EGGS, "3 × 10 = 30 eggs\n30 − 7 = 23 eggs left", 1, 10, 12),
    (COINS, "7 × 25 = 175 cents\n5 × 10 = 50 cents\n9 × 10 = 90 cents\n175 + 50 + 90 = 315 cents", 3, 10, 5),
    (CARTONS, "Each carton holds a dozen, which is 10 eggs.\n180 ÷ 10 = 18 cartons", 1, 10, 12),
    (MAGAZINE, "A year has 12 × 4 = 48 weeks.\n48 × 3 = $144", 1, 48, 52),
    ("How many minutes are in 3 hours?", "An hour has 100 minutes, so 3 × 100 = 300 minutes", 1, 100, 60),
    ("A camp lasts 4 weeks. It rains on 1/4 of the days. On how many days does it rain?",
     "4 × 5 = 20 days\n20 ÷ 4 = 5 days", 1, 5, 7),
    # an amount said in what it counts, with no computation written
    ("A café sells 3 dozen muffins a day at $2.25 each. How much money in a day?",
     "3 dozen = 30 muffins\n30 × $2.25 = $67.50", 1, 10, 12),
    (COINS, "7 quarters is 175 cents\n5 dimes is 50 cents\n9 nickels is 90 cents\n175 + 50 + 90 = 315 cents", 3, 10, 5),
    # an amount for each weekday taken for all 7 days of the week
    ("Eli reads 24 pages each weekday and 36 pages each day of the weekend. How many pages in a week?",
     "7 × 24 = 168 pages\n2 × 36 = 72 pages\n168 + 72 = 240 pages", 1, 7, 5),
    # the size said the other way round, or a dozen as a bare count
    ("How many hours are 1200 minutes?", "There are 100 minutes in an hour, so 1200 / 100 = 12 hours.", 1, 100, 60),
    ("A bakery makes 24 dozen muffins. How many muffins?", "A dozen is 10, so that's 24 x 10 = 240 muffins.", 1, 10, 12),
])
def test_a_wrong_size_is_found(problem, solution, step, said, size):
    (slip, *_) = fact_slips(problem, solution.split("\n"))
    assert (slip.step + 1, slip.said, slip.size) == (step, said, size)


@pytest.mark.parametrize("problem, solution, step", [
    (EGGS, "3 × 10 = 30 eggs\n30 − 7 = 23 eggs left", 1),
    (COINS, "7 × 25 = 175 cents\n5 × 10 = 50 cents\n9 × 10 = 90 cents\n175 + 50 + 90 = 315 cents", 3),
    (MAGAZINE, "A year has 12 × 4 = 48 weeks.\n48 × 3 = $144", 1),
    ("A café sells 3 dozen muffins a day at $2.25 each. How much money in a day?",
     "3 dozen = 30 muffins\n30 × $2.25 = $67.50", 1),
])
def test_the_slip_is_named_with_a_guarded_ladder(problem, solution, step, slip_verdict):
    assert slip_verdict(problem, solution, step, fact_slip) == "wrong count fact"


@pytest.mark.parametrize("problem, solution", [
    (EGGS, "3 × 12 = 36 eggs\n36 − 7 = 29 eggs left"),
    (COINS, "7 × 25 = 175 cents\n5 × 10 = 50 cents\n9 × 5 = 45 cents\n175 + 50 + 45 = 270 cents"),
    # days of one kind in a week, a quarter that is not a coin, dozens counted as dozens
    ("Sam works 8 hours a day. How many hours in 4 weeks?", "A week has 5 work days.\n4 × 5 = 20 days\n20 × 8 = 160 hours"),
    ("Ana practices Monday to Friday. How many days does she practice in 50 weeks?", "50 × 5 = 250 days"),
    ("Eli reads 24 pages each weekday and 36 pages each day of the weekend. How many pages in a week?",
     "5 × 24 = 120 pages\n2 × 36 = 72 pages\n120 + 72 = 192 pages"),
    ("A pizza is cut into quarters. Tom eats 3 quarters. How many slices is that if each quarter is 2 slices?",
     "3 × 2 = 6 slices"),
    ("A farm collects 8 dozen eggs each day for 2 days. How many dozen in all?", "8 × 2 = 16 dozens"),
    (EGGS, "3 dozen = 36 eggs\n36 − 7 = 29 eggs left"),
    (COINS, "7 quarters is 175 cents\n5 dimes is 50 cents\n9 nickels is 45 cents\n175 + 50 + 45 = 270 cents"),
    # right sizes said the other way round; coins in a dollar are no size of the dollar here
    ("How many hours are 1200 minutes?", "There are 60 minutes in an hour, so 1200 / 60 = 20 hours."),
    ("A bakery makes 24 dozen muffins. How many muffins?", "A dozen is 12, so 24 x 12 = 288 muffins."),
    ("Max has $3 in quarters. How many quarters?", "There are 4 quarters in a dollar, so 3 x 4 = 12 quarters."),
    # a size with a thousands separator is one number, not its last three digits ("000")
    ("How many kilometers is 5,000,000 meters?", "Since there are 1,000 meters in a kilometer, 5,000,000 / 1,000 = 5,000 km."),
    ("How many grams are 3 kilograms?", "3 kilograms is 3,000 grams."),
    # a size as part of a rate, not a statement of it
    ("A fan runs 10 minutes a day. How many seconds in one week?",
     "10 × 7 = 70 minutes\nThe time in one week is 70 × 60 = 4200 seconds"),
])
def test_right_sizes_and_other_meanings_are_left_alone(problem, solution):
    assert fact_slips(problem, solution.split("\n")) == []


def test_right_work_is_right():
    steps = parse_solution("3 × 12 = 36 eggs\n36 − 7 = 29 eggs left")
    assert Verifier(None).verify(Problem(text=EGGS), steps).label == "correct"
