"""Named misconceptions: detected in a flagged step, explained, and turned into the concept hint."""

import pytest

from tutor.misconceptions import CATEGORY, find
from tutor.schema import Problem
from tutor.steps import parse_solution
from tutor.verify import Verifier

PROBLEM = "Jo used 3/4 cup of flour and 2/3 cup of sugar. How many cups did she use?"


@pytest.mark.parametrize("step,name", [
    ("3/4 + 2/3 = 5/7", "fractions added across"),
    ("3/4 - 2/3 = 1/1", "fractions added across"),
    ("3/4 + 2/3 = 5/12", "common denominator only"),
])
def test_fraction_misconceptions(step, name):
    m = find(1, step, PROBLEM)
    assert m is not None and m.name == name
    assert "step 1" in m.explanation and "?" in m.hint


@pytest.mark.parametrize("step", ["3/4 + 2/3 = 17/12", "3/4 + 2/3 = 1 5/12",   # right
                                  "3/4 + 1/4 = 4/8",                             # same denominators
                                  "3/4 + 2/3 = 6/7"])                            # a slip, not a pattern
def test_no_misconception_where_there_is_none(step):
    assert find(1, step, PROBLEM) is None


def test_percent_taken_as_a_divisor():
    jacket = "A jacket costs $80. It is on sale for 25% off. What is the sale price?"
    m = find(1, "80 ÷ 25 = 3.2", jacket)
    assert m is not None and m.name == "percent as divisor"
    assert "25% means 25 out of every 100" in m.explanation
    assert find(1, "100 / 25 = 4", "It is charged to 25%. How long to reach 100%?") is None  # 100% is the whole
    assert find(1, "80 ÷ 4 = 20", jacket) is None
    # the divisor is also a plain number of the problem: dividing by it is ordinary
    assert find(2, "80 / 20 = 4", "There are 80 students in teams of 20. 20% of them play chess.") is None


def test_minutes_taken_as_hundredths_of_an_hour():
    ride = "Ann rode for 2 hours and then 30 minutes more. How long did she ride in hours?"
    m = find(1, "2 hours + 30 minutes = 2.30 hours", ride)
    assert m is not None and m.name == "minutes as hundredths"
    assert "60 minutes" in m.explanation and "30 minutes" in m.hint
    assert "2.5" not in m.hint                                             # no corrected value
    assert find(1, "150 minutes = 2.30 hours", ride).name == "minutes as hundredths"
    assert find(1, "2 hours + 30 minutes = 2.5 hours", ride) is None        # right
    assert find(1, "2 hours + 30 minutes = 2.40 hours", ride) is None       # a slip, not the pattern
    assert find(1, "2 hours + 30 minutes = 32 minutes", ride) is None


def test_the_verdict_and_the_concept_hint_name_the_misconception():
    from tutor.hints.fallback import fallback_hint

    problem, steps = Problem(PROBLEM), parse_solution("3/4 + 2/3 = 5/7")
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.first_error_step, verdict.error_category) == (1, CATEGORY)
    assert "added separately" in verdict.explanation
    hint = fallback_hint(problem, steps, verdict, 2, "concept")
    assert hint.text == find(1, "3/4 + 2/3 = 5/7", PROBLEM).hint


def test_the_ladder_asks_about_the_misconception_even_with_a_model():
    from tutor.hints import HintLadder

    class Talkative:  # a model whose wording would pass the guards
        name = "fake"

        def stream(self, prompt, max_new_tokens=60, stop=()):
            yield "In step 1, which operation fits: add, subtract, multiply or divide?"

    problem, steps = Problem(PROBLEM), parse_solution("3/4 + 2/3 = 5/7")
    verdict = Verifier(None).verify(problem, steps)
    hints = list(HintLadder(Talkative()).stream(problem, steps, verdict, 2))
    assert hints[-1].text == find(1, "3/4 + 2/3 = 5/7", PROBLEM).hint


@pytest.mark.parametrize("problem,solution,redo", [
    (PROBLEM, "3/4 + 2/3 = 5/7", "Redo step 1: write 3/4 and 2/3 with the same bottom number 12, then add only the top numbers."),
    (PROBLEM, "3/4 + 2/3 = 5/12", "Redo step 1: change each top number the same way you changed its bottom number."),
    ("Ann rode for 2 hours and then 30 minutes more. How long did she ride in hours?",
     "2 hours + 30 minutes = 2.30 hours", "Redo step 1: 30 minutes is 30/60 of an hour."),
])
def test_the_last_hint_redoes_the_step_with_the_missed_idea(problem, solution, redo):
    from tutor.hints import HintLadder

    p, steps = Problem(problem), parse_solution(solution)
    ladder = HintLadder(None).build(p, steps, Verifier(None).verify(p, steps))
    assert ladder[2].text.startswith(redo)
    assert "17/12" not in ladder[2].text and "2.5" not in ladder[2].text   # the step's result is left to do


def test_the_student_value_is_quoted_as_written():
    p = Problem("Ann rode for 2 hours and then 30 minutes more. How long did she ride in hours?")
    v = Verifier(None).verify(p, parse_solution("2 hours + 30 minutes = 2.30 hours"))
    assert v.found_value == "2.30"


@pytest.mark.parametrize("step, name", [
    ("6 ÷ ¾ = 6 × ¾", "fraction divisor not inverted"),
    ("2/3 ÷ 1/4 = 2/3 × 1/4 = 2/12", "fraction divisor not inverted"),
    ("12 ÷ 2/3 = 12 × 2/3 = 8", "fraction divisor not inverted"),
    ("15 - (-8) = 15 - 8", "minus a negative"),
    ("-3 - (-5) = -8", "minus a negative"),
    ("7 − (−2) = 5", "minus a negative"),
    ("5 - -9 = -4", "minus a negative"),
    ("10 - (-2) - 5 = 10 - 2 - 5 = 3", "minus a negative"),
    ("1/2 ÷ 4 = 1/2 × 4 = 2", "fraction divisor not inverted"),
    ("6 ÷ 3/4 = 18/4 = 4.5", "fraction divisor not inverted"),
])
def test_division_by_a_fraction_and_subtracting_a_negative(step, name):
    m = find(1, step, "Work it out.")
    assert m is not None and m.name == name


@pytest.mark.parametrize("step", ["6 ÷ ¾ = 8", "6 ÷ ¾ = 7",            # right; a slip, not the pattern
                                  "15 - (-8) = 23", "15 - (-8) = 20"])
def test_no_sign_or_inverse_misconception_without_the_pattern(step):
    assert find(1, step, "Work it out.") is None


def test_the_ladder_of_a_fraction_divisor_not_inverted():
    from tutor.hints.fallback import fallback_hint
    from tutor.hints.prompting import ladder_kinds

    problem = Problem(text="How many ¾-cup servings are in 6 cups of rice?")
    steps = parse_solution("6 ÷ ¾ = 6 × ¾\n6 × ¾ = 18/4 = 4½")
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == ("incorrect", 1, CATEGORY)
    assert [fallback_hint(problem, steps, verdict, lv, kind).text for lv, kind in ladder_kinds(verdict)] == [
        "Look at step 1, where you divide by 3/4. Is that the same as multiplying by 3/4?",
        "In step 1, you divide by 3/4. How many times does 3/4 fit into 1? Dividing by 3/4 is the same as "
        "multiplying by which number?",
        "Redo step 1: turn 3/4 upside down. Then multiply by the new fraction instead of dividing.",
    ]


def test_a_wrong_conversion_factor_is_named_with_its_category():
    from tutor.hints.fallback import fallback_hint
    from tutor.hints.prompting import ladder_kinds

    problem = Problem(text="Sam is 5 feet 4 inches tall. How many inches tall is Sam?")
    steps = parse_solution("5 feet = 5 × 10 = 50 inches\n50 + 4 = 54\nSam is 54 inches tall")
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 1)
    assert verdict.error_category == "Wrong unit conversion"
    assert verdict.explanation == ("In step 1, 5 feet is not 50 inches: the step uses the wrong number of "
                                   "inches in 1 foot.")
    assert [fallback_hint(problem, steps, verdict, lv, kind).text for lv, kind in ladder_kinds(verdict)] == [
        "Look at step 1, where you change 5 feet into inches. How many inches are in 1 foot?",
        "In step 1, changing feet into inches needs the number of inches in 1 foot. Is it 10? Check it in "
        "a table of units.",
        "Redo step 1: find how many inches make 1 foot. Then multiply 5 by that number.",
    ]
    # the right factor, worked out in the middle of the chain, passes
    right = parse_solution("5 feet = 5 × 12 = 60 inches\n60 + 4 = 64\nSam is 64 inches tall")
    assert Verifier(None).verify(problem, right).label == "correct"


@pytest.mark.parametrize("solution, name, concept", [
    # the right factor the wrong way round
    ("72 inches = 72 × 12 = 864 feet", "conversion direction",
     "In step 1, are feet bigger or smaller than inches? So should there be more of them, or fewer?"),
    # a small unit into a big one: asked about the big one; the factor only when written
    ("250 cm = 25 m", "conversion factor",
     "In step 1, changing cm into m needs the number of cm in 1 m. Check it in a table of units."),
    ("1.5 L = 150 mL", "conversion factor",
     "In step 1, changing L into mL needs the number of mL in 1 L. Check it in a table of units."),
])
def test_conversions_the_wrong_way_or_with_the_wrong_factor(solution, name, concept):
    from tutor.hints.fallback import fallback_hint, named_misconception

    problem, steps = Problem(text="Change the unit."), parse_solution(solution)
    verdict = Verifier(None).verify(problem, steps)
    assert named_misconception(problem, steps, verdict).name == name
    assert fallback_hint(problem, steps, verdict, 2, "concept").text == concept


def test_a_slip_inside_a_mixed_unit_is_no_conversion_factor():
    assert find(1, "2 ft 3 in = 2 × 10 + 3 = 23 inches", "How many inches?") is None


@pytest.mark.parametrize("step, name, where", [
    ("7% of 240 = 0.7 × 240 = 168", "percent as tenths",
     "Look at step 1, where you write the percent as 0.7. Out of how many is a percent?"),
    ("2.5 hours = 2 hours 50 minutes", "minutes as hundredths",
     "Look at step 1, where you wrote 2 hours 50 minutes. How did you change 2.5 hours into hours and minutes?"),
])
def test_a_percent_as_tenths_and_hours_read_as_minutes_in_one_step(step, name, where):
    m = find(1, step, "Work it out.")
    assert (m.name, m.where) == (name, where)
    assert find(1, "7% of 240 = 0.07 × 240 = 16.8", "x") is None and find(1, "2.5 hours = 150 minutes", "x") is None


def test_a_conversion_to_zero_names_no_factor_and_does_not_fail():
    from tutor.schema import Problem
    from tutor.steps import parse_solution
    from tutor.verify import Verifier
    verdict = Verifier(None).verify(Problem(text="A board is 60 inches long. How many feet long is it?"),
                                    parse_solution("60 inches = 0 feet\n60 / 12 = 5 feet"))
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 1)


@pytest.mark.parametrize("problem, solution, before, after", [
    ("Simplify 3(x + 4) + 2x.", "3x + 12 + 2x\n= 17x", "3x + 12 + 2x", "17x"),
    ("Simplify 5x + 3 - 2x.", "5x + 3 - 2x = 6x", "5x + 3 - 2x", "6x"),
    ("Simplify 4a + 7 + 2a.", "4a + 2a + 7 = 13a", "4a + 2a + 7", "13a"),
])
def test_unlike_terms_combined_are_named_with_their_ladder(problem, solution, before, after):
    from tutor.hints.fallback import fallback_hint
    from tutor.hints.guards import check_hint
    from tutor.hints.prompting import ladder_kinds

    problem, steps = Problem(text=problem), parse_solution(solution)
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == ("incorrect", 1, CATEGORY)
    assert verdict.explanation.startswith(f"In step 1, {before} is written as {after}: terms that are not like terms")
    hints = [fallback_hint(problem, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    x = after[-1]
    assert [h.text for h in hints] == [
        f"Look at step 1, where {before} becomes {after}. Which terms did you add together?",
        f"In step 1, which terms of {before} have an {x}, and which are numbers on their own? Can a number be "
        f"added to an {x}-term?",
        f"Redo step 1: add only the {x}-terms of {before}. Keep the number as its own term.",
    ]
    assert all(check_hint(h.text, h.level, h.kind, problem, steps, verdict) == [] for h in hints)


@pytest.mark.parametrize("problem, solution", [
    ("Simplify 3(x + 4) + 2x.", "3x + 12 + 2x = 5x + 12"),  # right
    ("Simplify 2x + 3x.", "2x + 3x = 5x^2"),  # wrong, but like terms: not this misconception
])
def test_other_rewritings_are_not_unlike_terms(problem, solution):
    verdict = Verifier(None).verify(Problem(text=problem), parse_solution(solution))
    assert "unlike" not in (verdict.explanation or "")


@pytest.mark.parametrize("problem, solution, name, explanation", [
    ("Simplify 10^4 × 10^5.", "10^4 × 10^5 = 10^20", "exponent rule",
     "In step 1, when powers of the same base are multiplied, their exponents are added, not multiplied."),
    ("Simplify 2³ × 2².", "2³ × 2² = 2⁶\n2⁶ = 64", "exponent rule",  # superscripts read as exponents
     "In step 1, when powers of the same base are multiplied, their exponents are added, not multiplied."),
    ("Simplify 10^8 ÷ 10^5.", "10^8 ÷ 10^5 = 10^13", "exponent rule",
     "In step 1, when powers of the same base are divided, their exponents are subtracted, not added."),
    ("Evaluate 3^4.", "3^4 = 12", "power as product",
     "In step 1, 3^4 was worked out as 3 × 4. The exponent 4 says how many times 3 is used as a factor."),
    ("Evaluate (-6)(-4).", "(-6)(-4) = -24", "sign of a product", None),
    ("Divide -12 by 3.", "-12 ÷ 3 = 4", "sign of a product", None),
    ("It was −8°F. It rose 15 degrees. What is the temperature now?", "−8 + 15 = −7\nIt is −7°F",
     "sign of a sum", None),
])
def test_powers_and_signs_named_with_hints_that_pass_the_guards(problem, solution, name, explanation):
    from tutor.hints.fallback import fallback_hint
    from tutor.hints.guards import check_hint
    from tutor.hints.prompting import ladder_kinds

    p, steps = Problem(text=problem), parse_solution(solution)
    verdict = Verifier(None).verify(p, steps)
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 1)
    assert find(1, steps[0].text, problem).name == name
    if explanation:
        assert verdict.explanation == explanation
    if verdict.error_category != "Calculation error":  # (slips get the slip ladder: tests/test_hints.py)
        hints = [fallback_hint(p, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
        assert all(check_hint(h.text, h.level, h.kind, p, steps, verdict) == [] for h in hints)


@pytest.mark.parametrize("step", ["10^4 × 10^5 = 10^9", "3^4 = 81", "(-6)(-4) = 24", "-3 - 5 = -2", "2^2 = 4"])
def test_right_powers_and_other_slips_name_no_power_or_sign_rule(step):
    m = find(1, step, "Work it out.")
    assert m is None or m.name not in ("exponent rule", "power as product", "sign of a product", "sign of a sum")


@pytest.mark.parametrize("step, name, explanation", [
    ("LCM of 12 and 15 = 30", "not a common multiple",
     "In step 1, 30 is not the least common multiple of 12 and 15: 30 is not a multiple of both 12 and 15."),
    ("LCM of 10 and 8 = 80", "product as LCM",
     "In step 1, 80 is not the least common multiple of 10 and 8: 80 is a common multiple of 10 and 8, found by "
     "multiplying them, but there is a smaller one."),
    ("GCF of 12 and 18 = 3", "common factor, not the greatest",
     "In step 1, 3 is not the greatest common factor of 12 and 18: 3 divides both 12 and 18, but a bigger number "
     "does too."),
    ("GCF of 12 and 18 = 4", "not a common factor",
     "In step 1, 4 is not the greatest common factor of 12 and 18: 4 does not divide both 12 and 18 evenly."),
])
def test_common_multiples_and_factors_are_named(step, name, explanation):
    found = find(1, step, "Find it.")
    assert (found.name, found.explanation) == (name, explanation)
    assert "60" not in found.hint + found.redo + found.where and "40" not in found.hint + found.redo + found.where
