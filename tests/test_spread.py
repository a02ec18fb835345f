"""Range, IQR, MAD and median of a listed set (tutor.spread): the value a problem asks, the
slips that give another, the verdict and a ladder that passes the guards."""

from fractions import Fraction

import pytest

from tutor.schema import Problem
from tutor.spread import asked_spread, spread_problem, spread_slip
from tutor.steps import parse_solution
from tutor.verify import Verifier


def test_the_measure_a_problem_asks():
    assert asked_spread("Find the interquartile range of 4, 6, 7, 9, 12, 13, 15.") == 7  # 13 − 6
    assert asked_spread("Find the IQR of 2, 5, 7, 8, 10, 12, 15, 18.") == Fraction(15, 2)  # 13.5 − 6
    assert asked_spread("Find the mean absolute deviation of 3, 5, 7, 9.") == 2
    assert asked_spread("The temperatures were -4°F, 2°F, 7°F, and -1°F. What is the range?") == 11
    assert spread_problem("Find the mean of 3, 5, 7, 9.") is None
    # a list with counts is not one plain set
    assert spread_problem("The frequency table shows 1, 2, 2, 3. What is the range?") is None


@pytest.mark.parametrize("problem, solution, step, name", [
    ("Find the interquartile range of 4, 6, 7, 9, 12, 13, 15.", "median = 9\nQ1 = 6\nQ3 = 13\nIQR = 13 + 6 = 19", 4,
     "quartiles added"),
    ("Test scores: 2, 5, 7, 8, 10, 12, 15, 20. Find the interquartile range.",
     "lowest = 2, highest = 20\nIQR = 20 - 2 = 18", 2, "range for IQR"),
    ("Find the mean absolute deviation of 3, 5, 7, 9.",
     "3 + 5 + 7 + 9 = 24\n24 ÷ 4 = 6\n3 - 6 = -3, 5 - 6 = -1, 7 - 6 = 1, 9 - 6 = 3\n-3 + -1 + 1 + 3 = 0\nMAD = 0 ÷ 4 = 0",
     4, "signed deviations"),
    ("Find the mean absolute deviation of 2, 4, 6, 8, 10.",
     "mean = 30 ÷ 5 = 6\ndistances: 4, 2, 0, 2, 4\n4 + 2 + 0 + 2 + 4 = 12\nMAD = 12 ÷ 4 = 3", 4, "divided by one less"),
    ("Find the mean absolute deviation of 5, 7, 9, 11, 13.",
     "mean = 45 ÷ 5 = 9\n|5 - 9| = 4, |7 - 9| = 2, |9 - 9| = 0, |11 - 9| = 2, |13 - 9| = 4\nMAD = 4 + 2 + 0 + 2 + 4 = 12",
     3, "deviations not averaged"),
    ("The daily rainfall amounts were 12, 7, 25, 3, and 18 mm. What is the range?", "25 - 12 = 13\nThe range is 13 mm",
     1, "range from the first value"),
    ("The temperatures at midnight were -4°F, 2°F, 7°F, and -1°F. What is the range?", "7 - 4 = 3\nThe range is 3°F",
     1, "minus sign dropped"),
    ("Find the median of 3, 5, 8, 10, 12, 15.", "sorted: 3, 5, 8, 10, 12, 15\nmedian = 8", 2, "one middle value"),
])
def test_a_spread_slip_is_named_with_a_guarded_ladder(problem, solution, step, name, slip_verdict):
    assert slip_verdict(problem, solution, step, spread_slip) == name


@pytest.mark.parametrize("problem, solution", [
    ("Find the IQR of the data: 3, 4, 6, 7, 9, 10, 12.",
     "Median = 7\nLower half: 3, 4, 6 so Q1 = 4\nUpper half: 9, 10, 12 so Q3 = 10\nIQR = 10 - 4 = 6"),
    ("Find the mean absolute deviation of the data set 4, 6, 8, 10, 12.",
     "mean = 40 ÷ 5 = 8\ndistances from 8: 4, 2, 0, 2, 4\n4 + 2 + 0 + 2 + 4 = 12\nMAD = 12 ÷ 5 = 2.4"),
    # a range uses only the highest and lowest values; two measures asked
    ("The high temperatures one week were 48, 62, 55, 71, and 39 degrees. What is the range?",
     "highest = 71, lowest = 39\n71 - 39 = 32\nThe range is 32 degrees."),
    ("The low temperatures on five winter days were -3°C, 5°C, 2°C, -1°C and 4°C. Find the median and the range.",
     "order: -3, -1, 2, 4, 5\nmedian = 2°C\nrange = 5 - (-3) = 8\nThe range is 8°C."),
])
def test_right_work_is_right(problem, solution):
    steps = parse_solution(solution)
    assert spread_slip(problem, [s.text for s in steps]) is None
    assert Verifier(None).verify(Problem(text=problem), steps).label == "correct"
