"""Numbers written in words (tutor.numwords) and the step reader that uses them."""

from fractions import Fraction

import pytest

from tutor.hints.numbers import states_value
from tutor.mathcheck import check_step, numbers_in
from tutor.numwords import spelled_numbers, words_to_digits


@pytest.mark.parametrize("text, values", [
    ("forty-eight", [48]), ("Seventy two", [72]), ("one hundred and five", [105]),
    ("a hundred and twenty", [120]), ("twelve hundred", [1200]), ("two thousand and ten", [2010]),
    ("one million two hundred thousand", [1200000]),
    ("two and three", [2, 3]),           # "and" joins a number only after hundred/thousand
    ("five twenty-dollar bills", [5, 20]),  # a unit never follows a unit
    ("two thirds", [Fraction(2, 3)]), ("one half", [Fraction(1, 2)]), ("three quarters", [Fraction(3, 4)]),
    ("two and a half", [Fraction(5, 2)]), ("twelve point five", [Fraction(25, 2)]),
    ("the third day", []), ("hundreds of birds", []), ("a dozen", []),
])
def test_spelled_numbers_values(text, values):
    assert [n.value for n in spelled_numbers(text)] == values


@pytest.mark.parametrize("text, digits", [
    ("forty-eight plus twelve is sixty", "48 plus 12 is 60"),
    ("four sixths of it", "(4/6) of it"),          # as written, not reduced
    ("two and a half hours", "(2+1/2) hours"),
    # small lone counts name things; next to arithmetic they are numbers
    ("the two watermelons, rounded to two decimal places", "the two watermelons, rounded to two decimal places"),
    ("one of them", "one of them"), ("one plus two is three", "1 plus 2 is 3"),
    ("He read four books", "He read 4 books"),
])
def test_words_to_digits(text, digits):
    assert words_to_digits(text) == digits


@pytest.mark.parametrize("text, ok, expected", [
    ("forty-eight plus twelve is sixty", True, None),
    ("forty-eight plus twelve is sixty-one", False, 60.0),
    ("48 + 12 is 61", False, 60.0),                      # a bare "is" after a computation
    ("48 clips + 24 clips is 73 clips", False, 72.0),
    ("Twelve times three is thirty-five", False, 36.0),
    ("I added forty-eight and twelve to get sixty-one", False, 60.0),
    ("two thirds of 12 is 8", True, None), ("1/3 of 12 = 5", False, 4.0), ("half of 48 is 25", False, 24.0),
    ("The price is 5 and he buys 3", None, None),       # "is" with no computation before it
])
def test_steps_in_words_are_checked(text, ok, expected):
    check = check_step(text, 1)
    assert check.ok is ok
    if expected is not None:
        assert [e.expected for e in check.equations if e.ok is False][0] == pytest.approx(expected)


def test_numbers_in_reads_words_and_the_hint_guard_finds_spelled_values():
    assert numbers_in("so seventy-two clips in all") == [72.0]
    assert states_value("That makes seventy-two.", Fraction(72))
    assert not states_value("two and three more", Fraction(5))
    assert states_value("about two and a half", Fraction(5, 2))
