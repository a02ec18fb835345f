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


@pytest.mark.parametrize("text, ok", [
    ("3½ = 7/2", True), ("3 ½ = 7/2", True), ("3 1/2 = 7⁄2", True),   # mixed numbers, fraction slash
    ("2⅜ + 1⅞ = 4¼", True), ("2⅜ + 1⅞ = 4½", False),
    ("75 ÷ 8 = 9 R3", True), ("75 ÷ 8 = 9 R4", False), ("75 / 8 = 9 remainder 3", True),
    ("Two thirds is four times two which is six.", False),       # "is" after a word opens a clause too
    ("the minimum value of (a + 3)^2 is 0", None), ("the remainder of 2004 divided by 12 is 0", None),
])
def test_unicode_fractions_remainders_and_results_after_is(text, ok):
    assert check_step(text, 1).ok is ok


@pytest.mark.parametrize("text, value", [
    ("4 1/4", 4.25), ("-54", -54.0), ("3.8 × 10^13", 3.8e13), ("5/8", 0.625), ("$1,200", 1200.0),
    ("x = 4", 4.0), ("48 + 24 = 72 clips", 72.0), ("25%", 25.0), ("4¼", 4.25), ("no number", None),
])
def test_answer_value_reads_the_answer_as_math(text, value):
    from tutor.mathcheck import answer_value

    assert answer_value(text) == (pytest.approx(value) if value is not None else None)


def test_a_hint_showing_a_unicode_mixed_number_states_it():
    assert states_value("She ran 4¼ miles.", Fraction(17, 4))
    assert states_value("She ran 4 ¼ miles.", Fraction(17, 4))


@pytest.mark.parametrize("text,digits", [
    ("It costs a dollar twenty-five.", "It costs $1.25."),
    ("five dollars and fifty cents", "$5.50"),
    ("She paid two dollars seventy-five for lunch.", "She paid $2.75 for lunch."),
    ("$3 and 50 cents", "$3.50"),
    ("three dollars", "3 dollars"),
    ("5 dollars 20 apples", "5 dollars 20 apples"),          # cents must end the phrase
    ("He has 3 dollars and 4 friends", "He has 3 dollars and 4 friends"),
    ("He paid 4 dollars 3 times", "He paid 4 dollars 3 times"),
    ("I have 5 dollars and 10 is what she has", "I have 5 dollars and 10 is what she has"),
    ("So she has 1,250 dollars and 40 cents left.", "So she has $1250.40 left."),
    ("Half a dollar", "Half a dollar"),
    ("The pencil costs 50 cents and the pen $2.", "The pencil costs $0.50 and the pen $2."),
    ("50 cents each", "50 cents each"),                      # no dollars: cents stay cents
    ("He gets 10 cents a can. He made $15.", "He gets 10 cents a can. He made $15."),  # per sentence
    # a conversion keeps its two sides: the answer asked for in cents stays 25
    ("Since $1 equals 100 cents, $0.25 equals 25 cents.", "Since $1 equals 100 cents, $0.25 equals 25 cents."),
])
def test_money_in_words_is_one_amount(text, digits):
    assert words_to_digits(text) == digits


@pytest.mark.parametrize("text", ["fifty cents plus a dollar is a dollar fifty",
                                  "A dollar minus 25 cents is 75 cents.",
                                  "Two dollars and fifty cents times 4 is ten dollars."])
def test_steps_mixing_dollars_and_cents_are_checked_right(text):
    assert check_step(text, 1).ok is True


def test_money_said_in_words_is_found_by_the_hint_guard():
    from tutor.hints.guards import find_leaks
    from tutor.numwords import money_amounts

    assert [a.value for a in money_amounts("Four pens are four dollars and twenty cents.")] == [Fraction(21, 5)]
    assert find_leaks("So the pens cost four dollars and twenty cents in all.", ["4.20"]) == ["4.20"]
    assert find_leaks("It is a dollar twenty-five each.", ["$1.25"]) == ["$1.25"]
    assert find_leaks("Look at the twenty cents.", ["4.20"]) == []


def test_a_spoken_amount_in_a_product_is_one_amount():
    assert words_to_digits("a dollar twenty-five times two is two dollars fifty") == "$1.25 times 2 is $2.50"
    assert check_step("a dollar twenty-five times two is two dollars fifty", 1).ok is True


def test_two_numbers_said_back_to_back_are_not_read_half():
    # "three fifty" is one spoken amount ($3.50 or 350): reading "fifty times four is
    # fourteen" as 50 x 4 = 14 would accuse right work
    assert words_to_digits("three fifty times four is fourteen dollars") == "three fifty times 4 is 14 dollars"
    from tutor.mathcheck import check_step

    assert check_step("three fifty times four is fourteen dollars", 1).equations == []
    assert words_to_digits("twenty five plus one is twenty six") == "25 plus 1 is 26"  # one number each


def test_a_number_joined_to_a_word_by_a_hyphen_is_read_after_another_number():
    # "three twenty-dollar bills": 3 bills of $20 (a code review), not one spoken amount
    assert words_to_digits("three twenty-dollar bills and two five-dollar bills") == \
        "three 20-dollar bills and two 5-dollar bills"
    assert words_to_digits("twelve ten-packs") == "12 10-packs"
