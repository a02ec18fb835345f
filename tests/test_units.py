"""Unit conversions a step states are checked with the real factor."""

import pytest

from tutor.mathcheck import check_step
from tutor.units import clock_statements, conversions, factor, unit_sums


def test_factors_within_one_system_only():
    assert factor("m", "cm") == 100
    assert factor("hours", "minutes") == 60
    assert factor("$", "cents") == 100
    assert factor("gallon", "cups") == 16
    assert (factor("cup", "tablespoons"), factor("tablespoon", "teaspoons"), factor("quart", "cups")) == (16, 3, 4)
    assert factor("mile", "km") is None      # across systems: a rounded rule of thumb
    assert factor("kg", "hours") is None
    assert factor("furlong", "m") is None


@pytest.mark.parametrize("text,ok,expected", [
    ("2 meters = 2000 centimeters", False, 200.0),
    ("2 m = 200 cm", True, None),
    ("500 cents = $50", False, 5.0),
    ("$1 = 100 cents", True, None),
    ("5 dollars = 500 cents", True, None),
    ("2.5 hours = 250 minutes.", False, 150.0),
    ("5 kg = 500 g", False, 5000.0),
    ("4 feet = 48 inches", True, None),
    ("1,000 m = 1 km", True, None),
    # an amount in two or three units is one quantity
    ("165 minutes = 2 hours 45 minutes", True, None),
    ("1.75 hours is 1 hour 45 minutes", True, None),
    ("1 hour and 45 minutes = 105 minutes", True, None),
    ("2 kg 350 g = 2350 g", True, None),
    ("5 ft 3 in = 63 in", True, None),
    ("3 hours 20 minutes = 3 1/3 hours", True, None),
    ("1 hour 20 minutes = 1.33 hours", True, None),
    ("1 hour 20 minutes = 120 minutes", False, 80.0),
    ("8 oz = ½ lb", True, None),   # a fraction of a unit (read by the chain with the factor 16)
    ("1 1/2 hours = 90 minutes", True, None),   # a mixed number is one amount, not "1/2 hours"
    # kitchen measures
    ("1 cup = 12 tablespoons", False, 16.0),
    ("2 tablespoons = 6 teaspoons", True, None),
])
def test_stated_conversions_are_checked(text, ok, expected):
    check = check_step(text, 1)
    assert check.ok is ok
    assert [e.expected for e in check.equations] == [expected]
    assert all(e.text.strip() for e in check.equations)


@pytest.mark.parametrize("text", [
    "Jeff runs for 1 hour x 5 days = 5 hours from Monday",   # the end of a product, not a conversion
    "8 weeks - 1 week = 7 weeks",
    "which equals 15 * 20 cents = $3.",
    "60 km/h = 1 km/min",                                     # rates are other units
    "1 mile = 1.6 km",
    "She walks 30 minutes a day, so 4 days is 120 minutes",  # after a rate: a product
    "3 hours is 30 minutes more than 2.5 hours",             # a comparison
    "9" * 400 + " km = 1 m",                                  # no school amount
    "Plus 15 minutes = 1 hour 15 minutes",                   # added to the result before it
    "then add 20 cents = $1.45",
])
def test_what_is_not_a_stated_conversion(text):
    assert conversions(text) == []
    assert check_step(text, 1).ok is not False


def test_a_whole_number_conversion_must_be_exact():
    assert check_step("135 minutes is 2 hours", 1).ok is False
    assert check_step("135 minutes is 2.25 hours", 1).ok is True
    assert check_step("100 minutes = 1.67 hours", 1).ok is True   # rounded to the places written


@pytest.mark.parametrize("text,ok,expected", [
    # amounts in mixed units are summed as quantities, not as bare numbers
    ("He ran 1 hour - 20 minutes = 40 minutes.", True, None),
    ("2 hours + 30 minutes = 150 minutes", True, None),
    ("$2 + 50 cents = $2.50", True, None),
    ("3 feet + 6 inches = 42 inches", True, None),
    ("1 kg + 200 g = 1200 g", True, None),
    ("2 hours + 15 minutes = 2.25 hours", True, None),
    ("2 hours + 20 minutes = 2.33 hours", True, None),       # rounded to the places written
    ("30 minutes + 1 hour = 1.5 hours per day", True, None),  # the result may be a rate
    ("2 hours + 30 minutes = 32 minutes", False, 150.0),
    ("She spends 2 hours + 30 minutes = 2.30 hours", False, 2.5),  # minutes are not hundredths
    ("1 hour − 20 minutes = 40 minutes", True, None),          # a Unicode minus
    ("2 L − 750 mL = 1.25 L", True, None),
    ("2 hours plus 30 minutes is 150 minutes", True, None),    # operations in words
    ("5 dollars minus 85 cents is 4.15 dollars", True, None),
    ("$7.50 minus 3 dollars is $4.50", True, None),
    ("1 h 20 min + 50 min = 130 min", True, None),             # a two-unit term
    ("1 hour 20 minutes + 50 minutes = 2 hours 10 minutes", True, None),
    ("2 hours + 30 minutes = 2 1/2 hours", True, None),
    ("$7.50 minus 3 dollars is $5.50", False, 4.5),
])
def test_sums_in_mixed_units_are_checked(text, ok, expected):
    check = check_step(text, 1)
    assert check.ok is ok
    assert [e.expected for e in check.equations] == [expected]


@pytest.mark.parametrize("text", [
    "3 hours + 4 hours = 7 hours",                                 # one unit: plain arithmetic
    "5 hours x 60 minutes + 40 minutes + 70 minutes = 410 minutes",  # part of a longer computation
    "1 hour + 20 minutes = 80 minutes x 3",
    "1 mile + 1 km = 2 km",                                        # across systems
    "60 km/h + 5 km = 3 km",
    "He ran 2 miles, 3 miles and 4 miles = 9 miles",             # a list, not one amount
])
def test_what_is_not_a_sum_in_mixed_units(text):
    assert unit_sums(text) == []


def test_a_mixed_unit_sum_does_not_hide_a_wrong_plain_step():
    # the unit reading replaces only the equation it explains
    check = check_step("1 hour - 20 minutes = 40 minutes, and 3 + 4 = 8", 1)
    assert check.ok is False
    assert [e.ok for e in check.equations] == [False, True]


def test_a_chain_of_conversions_is_checked_link_by_link():
    check = check_step("2 m = 200 cm = 20 mm", 1)
    assert [e.ok for e in check.equations] == [True, False]
    assert check_step("Since 1 foot = 12 inches, 8 feet = 96 inches.", 1).ok is True


@pytest.mark.parametrize("text", ["2\u00a01/2 hours = 150 minutes", "Day 3\n1/2 hour = 30 minutes",
                                  "1/0 hours = 5 minutes"])
def test_odd_spacing_and_zero_denominators_do_not_crash(text):
    check_step(text, 1)  # reads or skips, never raises


@pytest.mark.parametrize("text,ok", [
    # a second statement joined by "and" is its own statement, not part of an amount
    ("1 hour = 60 minutes and 3 hours = 170 minutes", False),
    ("1 yard = 3 feet and 4 yards = 13 feet", False),
    # a right unit statement does not hide a wrong one in the same step
    ("1 hour = 100 minutes, just like $1 = 100 cents", False),
    # "about" allows a rounded conversion, not any
    ("2 hours 10 minutes is about 2 hours", True),
    ("2.75 hours ≈ 2 hours 40 minutes", True),
    ("2 hours 10 minutes is about 3 hours", False),
    # a conversion worked out in the middle, joined by "is"
    ("2 hours 35 minutes is 120 + 35 = 155 minutes.", True),
    ("2 hours 35 minutes is 200 + 35 = 235 minutes.", False),
    # (a sum said of an amount is no conversion of it)
    ("The hours worked in the first 2 days is 10 + 8 = 18 hours.", True),
    # "that" after a one-unit fact is the amount worked out before, not the fact's side
    ("Since 1 L = 1000 mL, that is 21.6 L.", True),
    ("Since 1 L = 100 mL, that is 21.6 L.", False),
    ("135 minutes = 2.25 hours, which is 2 hours 15 minutes", True),
    ("135 minutes = 2.25 hours, which is 2 hours 25 minutes", False),
])
def test_statements_next_to_each_other(text, ok):
    assert check_step(text, 1).ok is ok


@pytest.mark.parametrize("text", [
    # an amount in two units is one number when a computation uses it
    "1 hour 45 minutes = 60 + 45 = 105 minutes",
    "3 ft 4 in = 36 in + 4 in",
    "2 hours 30 minutes x 2 = 5 hours",
])
def test_two_unit_amounts_in_computations(text):
    assert check_step(text, 1).ok is True
    assert check_step(text.replace("45 = ", "45 = 1").replace("+ 4 in", "+ 5 in").replace("= 5 hours", "= 6 hours"),
                      1).ok is False


@pytest.mark.parametrize("text,ok", [
    ("2:45 + 50 minutes = 3:35", True),
    ("3:00 pm + 1 hour 15 minutes is 4:15 pm", True),
    ("11:30 am + 45 minutes = 12:15 pm", True),
    ("11:30 am + 45 minutes = 12:15", True),          # am/pm on one side only: a 12-hour clock
    ("3:00 + 75 minutes = 4:15 pm", True),
    ("1:15 - 11:45 = 90 minutes", True),
    ("3:35 - 2:45 = 50 minutes", True),
    ("2:45 + 50 minutes = 3:45", False),
    ("3:35 - 2:45 = 1 hour 10 minutes", False),
    ("The ratio is 3:4 and 6:8 = 3:4", None),   # ratios are not clock times
])
def test_clock_times_moved_by_a_duration(text, ok):
    assert check_step(text, 1).ok is ok


def test_a_wrong_clock_time_is_named_as_a_time():
    from tutor.schema import Problem
    from tutor.steps import parse_solution
    from tutor.verify import Verifier

    p = Problem("A movie starts at 2:45 and lasts 50 minutes. When does it end?")
    v = Verifier(None).verify(p, parse_solution("2:45 + 50 minutes = 3:45"))
    assert (v.label, v.found_value, v.expected_value) == ("incorrect", "3:45", "3:35")
    v = Verifier(None).verify(p, parse_solution("10:30 am + 2 hours = 12:30 am"))
    assert (v.found_value, v.expected_value) == ("12:30 am", "12:30 pm")
    v = Verifier(None).verify(p, parse_solution("9:40 - 8:15 = 1 hour 35 minutes"))
    assert (v.found_value, v.expected_value) == ("1 hour 35 minutes", "85 minutes")


def test_a_chain_of_clock_times_is_checked_link_by_link():
    assert [e.ok for e in check_step("2:45 + 50 minutes = 3:35 + 20 minutes = 4:15", 1).equations] == [True, False]


@pytest.mark.parametrize("text,ok", [
    ("1 hour 20 minutes x 3 = 4 hours", True),
    ("3 x 2 ft 6 in = 7 ft 6 in", True),
    ("2 lb 8 oz x 4 = 10 lb", True),
    ("1 hour 20 minutes x 3 = 3 hours 20 minutes", False),
    ("2 hours x 60 = 120 minutes", True),     # the number is the unit factor: a conversion
    ("$3 x 100 = 300 cents", True),
    ("$3 x 100 = 400 cents", False),
])
def test_an_amount_times_a_number(text, ok):
    check = check_step(text, 1)
    assert check.ok is ok
    if ok is False and "hours 20" in text:  # named as written, not as minutes
        assert [e.text for e in check.equations if e.ok is False] == [text]


def test_a_comparison_or_a_choice_is_not_a_conversion():
    from tutor.units import conversions
    assert conversions("Compare 3 feet, or 40 inches.") == []
    assert conversions("The puppy weighs 3 pounds, which is 8 ounces heavier than the kitten.") == []
    assert [(c.expected, c.right) for c in conversions("2.25 hours, or 2 hours 15 minutes")] == [(135, 135)]


def test_in_all_is_not_inches():
    from tutor.units import amounts_in
    assert amounts_in("She earns 10 in all.") == []
    assert [(a.value, a.unit) for a in amounts_in("The board is 10 in long")] == [(10, "in")]


@pytest.mark.parametrize("text, value, unit", [
    ("5 × 8 = 40 m", 40, ("length", 1)),
    ("5 × 8 = 40 m²", 40, ("length", 2)),
    ("The area is 40 square meters.", 40, ("length", 2)),
    ("A = 40 cm^2", 40, ("length", 2)),
    ("= 40 cubic feet", 40, ("length", 3)),
    ("It costs $200", 200, ("money", 1)),
    ("He pays 40 dollars.", 40, ("money", 1)),
    ("60 km/h", 60, None),  # a rate, not an amount
    ("$3 an hour", 3, None),
    ("40 in all", 40, None),  # "in" the word, not inches
    ("x = 40", 40, None),
    ("5 × 8 = 40 m", 8, None),
])
def test_the_unit_a_value_is_written_in(text, value, unit):
    from fractions import Fraction

    from tutor.units import written_unit

    assert written_unit(text, Fraction(value)) == unit


@pytest.mark.parametrize("text, result, expected, said", [
    ("From 3:15 to 4:15 is 1 hour.", 60, 60, "4:15 - 3:15 = 1 hour"),
    ("12:50 to 1:20 is 70 minutes", 70, 30, "1:20 - 12:50 = 70 minutes"),
    ("from 9:45 am to 11:10 am is 1 hour 25 minutes", 85, 85, "11:10 am - 9:45 am = 1 hour 25 minutes"),
    ("4:50 - 3:15 = 1:45", 105, 95, "4:50 - 3:15 = 1:45"),       # a duration written as h:mm
    ("5:10 + 1:25 = 6:35", 395, 395, "5:10 + 1:25 = 6:35"),
])
def test_clock_spans_in_words_and_durations_written_as_clock_readings(text, result, expected, said):
    (found,) = clock_statements(text)
    assert (found.result, found.expected, found.text) == (result, expected, said)


def test_minutes_past_59_in_a_duration_are_a_slip():
    (found,) = clock_statements("4:15 - 2:40 = 1:75")
    assert (found.result, found.expected) == (135, 95)


def test_an_area_is_not_a_length_conversion_but_an_area_conversion():
    from tutor.units import area_conversions

    assert conversions("2 m² = 200 cm²") == []
    (c,) = area_conversions("2 m² = 200 cm²")
    assert (c.left, c.right, c.expected) == (2, 200, 20000)
    assert check_step("2 m² = 200 cm²", 1).ok is False


def test_a_clock_span_worked_out_in_hours_and_minutes_apart():
    # minutes subtracted the wrong way round (45 - 20): 6:45 to 9:20 is 2 hours 35 minutes
    c = check_step("The movie goes from 6:45 to 9:20, which is 9 - 6 = 3 hours and 45 - 20 = 25 minutes.", 1)
    assert c.ok is False
    assert [(e.text, e.expected) for e in c.equations if e.ok is False] == [
        ("9:20 - 6:45 = 3 hours and 25 minutes", 155.0)]
    assert check_step("From 2:10 to 5:40 is 5 - 2 = 3 hours and 40 - 10 = 30 minutes.", 1).ok is True
    # a computation that gives the hours of a two-unit amount is not the whole amount
    c = check_step("The movie goes from 6:45 to 9:20, which is 9 - 7 = 2 hours and 35 minutes.", 1)
    assert c.ok is True and "9-7=2" in [e.text for e in c.equations]


def test_a_product_whose_number_carries_another_unit_is_not_checked_as_one():
    from tutor.units import unit_products
    # "5 days × 8 = 40 hours": 8 hours a day, left unsaid
    assert unit_products("Weekdays are 5 days × 8 = 40 hours") == []
    assert [u.expected for u in unit_products("1 hour 20 minutes x 3 = 4 hours")] == [4]


def test_the_way_from_one_amount_up_to_another_is_no_conversion():
    assert conversions("From 4 ft 9 in up to 5 ft is 3 inches.") == []
    assert len(conversions("Convert to inches: 5 ft = 60 in")) == 1


def test_a_rate_is_no_amount_of_its_first_unit_when_asked_so():
    from tutor.units import amounts_in
    assert amounts_in("The speed is 8 miles per hour.", rates=False) == []
    assert [a.unit for a in amounts_in("He rides 24 miles at 8 mph, $3 each", rates=False)] == ["miles"]
    assert len(amounts_in("The speed is 8 miles per hour.")) == 1
