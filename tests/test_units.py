"""Unit conversions a step states are checked with the real factor."""

import pytest

from tutor.mathcheck import check_step
from tutor.units import conversions, factor


def test_factors_within_one_system_only():
    assert factor("m", "cm") == 100
    assert factor("hours", "minutes") == 60
    assert factor("$", "cents") == 100
    assert factor("gallon", "cups") == 16
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
])
def test_stated_conversions_are_checked(text, ok, expected):
    check = check_step(text, 1)
    assert check.ok is ok
    assert [e.expected for e in check.equations] == [expected]


@pytest.mark.parametrize("text", [
    "Jeff runs for 1 hour x 5 days = 5 hours from Monday",   # the end of a product, not a conversion
    "8 weeks - 1 week = 7 weeks",
    "which equals 15 * 20 cents = $3.",
    "60 km/h = 1 km/min",                                     # rates and areas are other units
    "2 m² = 200 cm²",
    "1 mile = 1.6 km",
    "165 minutes = 2 hours 45 minutes",                      # a two-unit amount
    "1.75 hours is 1 hour 45 minutes",
    "She walks 30 minutes a day, so 4 days is 120 minutes",  # after a rate: a product
    "3 hours is 30 minutes more than 2.5 hours",             # a comparison
    "9" * 400 + " km = 1 m",                                  # no school amount
])
def test_what_is_not_a_stated_conversion(text):
    assert conversions(text) == []
    assert check_step(text, 1).ok is not False


def test_a_whole_number_conversion_must_be_exact():
    assert check_step("135 minutes is 2 hours", 1).ok is False
    assert check_step("135 minutes is 2.25 hours", 1).ok is True
    assert check_step("100 minutes = 1.67 hours", 1).ok is True   # rounded to the places written
