"""Computations stated in words (``tutor.verbal``) and their check in ``mathcheck.check_step``."""

import pytest

from tutor.mathcheck import check_step
from tutor.verbal import verbal_computations


@pytest.mark.parametrize("text, expected", [
    ("I multiplied 3 by 2 to get 6 glasses.", ["3 * 2 = 6"]),
    ("I divided 120 minutes by 60 minutes per hour to get the final answer of 2 hours.",
     ["120 / 60 = 2"]),
    ("I added the pencils Mia has (30) to the pencils Leo has (24), which equals 54 pencils.",
     ["30 + 24 = 54"]),
    ("Adding the fern ($15.00), the ivy ($16.00), and the roses ($14.00) gives a total of $45.00.",
     ["$15.00 + $16.00 + $14.00 = $45.00"]),
    ("I subtracted the $5.00 discount from the $50.00 total to get the price, which is $45.00.",
     ["$50.00 - $5.00 = $45.00"]),
    # the words reversed ("subtract 600 from 120"): the computation meant is 600 - 120
    ("I subtracted the head start (600 ft) from the range (120 ft), which equals 480 ft.",
     ["600 - 120 = 480"]),
    ("She took 3 away from 10 and got 7.", ["10 - 3 = 7"]),
    ("I doubled 36 to get 72.", ["36 * 2 = 72"]),
    ("The sum of 1,200 and 300 is 1,500.", ["1,200 + 300 = 1,500"]),
    ("We divide 25 by 1/3, which gives us 75 decorations.", ["25 / (1/3) = 75"]),
    ("I added up all the texts (25 + 5 + 3) to find the total, which is 33 texts.", ["25 + 5 + 3 = 33"]),
    ("I divided 28 by 2 to find out that Kyle caught 14 fish.", ["28 / 2 = 14"]),
    ("I added 5 and 3 for a total of 8 apples.", ["5 + 3 = 8"]),
])
def test_reads_computations_in_words(text, expected):
    assert verbal_computations(text) == expected


@pytest.mark.parametrize("text", [
    "Then I added 3 to Joey's vote total, which equals 11 votes.",          # no number for one operand
    "It took 3 hours from 2 pm, which is 5 pm.",                            # "took ... from" is not a subtraction
    "I added 5 to 3 since the price is 4.",                                 # a bare "is" after a verb is no result
    "I divided 31 by 3 to find out how many chapters are divisible by 3.",  # no result stated
    "By dividing 150 tons by 0.3 (which is 30% in decimal form), we find 500 tons.",  # an aside, not a result
    "I subtracted 100 from 120 and then divided that by the weeks (40) to get 0.5.",  # a chain of operations
    "So 3 x 4 = 12 and I added 2 to get 14.",                              # written math: mathcheck reads it
    "The students were divided among 10 schools, I divided the balloons by 10, which equals 859.",
    "I subtracted the readers (40 + 84 + 100) from the class (240) to get 16.",
    "",
])
def test_leaves_unclear_sentences_alone(text):
    assert verbal_computations(text) == []


def test_check_step_checks_computations_in_words():
    right = check_step("I divided 120 minutes by 60 minutes per hour to get 2 hours.", 3)
    assert right.ok is True and [e.text for e in right.equations] == ["120/60=2"]
    wrong = check_step("Then I multiplied the 3 dozen donuts by $68 to get $2448.", 2)
    assert wrong.ok is False
    assert wrong.equations[0].expected == pytest.approx(204.0)
    # a percent operand and the remainder rule of written division carry over
    assert check_step("I multiplied 20% by $50 to get $10.", 1).ok is True
    assert check_step("I divided 50 by 3 to get 16 with 2 left over.", 1).ok is True


def test_a_wrong_computation_in_words_is_explained_in_the_students_terms():
    from tutor.schema import Problem, Step
    from tutor.verify import Verifier

    problem = Problem(text="Donuts cost $68 a dozen. Ayisha buys 3 dozen. How much does she pay?")
    steps = [Step(1, "I multiplied 3 dozen by $68 to get $2448."), Step(2, "So she pays $2448.")]
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 1)
    assert verdict.explanation == "In step 1, the calculation 3 × 68 does not equal 2448."
    assert verdict.expected_value == "204"


@pytest.mark.parametrize("text, found", [
    ("Hana + Ivy = 214 beads (128 + 96)", ["128 + 96 = 214"]),
    ("She has 20 apples (5 x 4).", ["5 x 4 = 20"]),
    # a computation before the result, or no unit between: not this form ("2 (3 + 4)" multiplies)
    ("5 x 4 = 20 apples (5 x 4)", []),
    ("Area is 2 (3 + 4)", []),
])
def test_a_result_written_before_its_bracketed_work(text, found):
    assert verbal_computations(text) == found


@pytest.mark.parametrize("text, ok", [
    ("so the sale price is 60 (80 - 20)", True),
    ("tax is 4.20 (8% of 60)", False),          # 8% of 60 is 4.80
    ("the discount is 20 dollars (25% of 80)", True),
    ("she pays 64.80 (60 + 4.80)", True),
])
def test_a_result_then_its_work_in_brackets_is_checked(text, ok):
    assert check_step(text, 1).ok is ok


@pytest.mark.parametrize("text", [
    "the perimeter is 2 (3 + 4).",   # may be a product: the work is far from the number
    "He ran 5 km (3.1 miles)",       # a restatement, no work
])
def test_a_number_then_brackets_that_are_not_its_work_is_not_checked(text):
    assert check_step(text, 1).ok is None


@pytest.mark.parametrize("text, ok", [
    ("9:45 + 2 h 50 min → 12:35 PM", True),
    ("9:45 + 2 h 50 min → 12:25 PM", False),
    ("12 × 3 -> 35", False),
    ("half of 24 → 13", False),
])
def test_an_arrow_in_a_step_without_an_equals_sign_gives_the_result(text, ok):
    assert check_step(text, 1).ok is ok
    # (with an = sign the arrow joins equations: "x + 3 = 5 → x = 2" is no chain of equalities)
    assert check_step("x + 3 = 5 → x = 2", 1).ok is not False


def test_an_arrow_from_a_bare_number_pairs_values():
    # each score against the mean: 90 → +5 is no computation that 90 comes to 5
    assert check_step("Compare each score to 85: 82 → −3, 90 → +5, 75 → −10, 88 → +3.", 1).ok is None
