"""Guards of the hint ladder: answer leaks, false accusations, readability, grounding."""

from __future__ import annotations

from fractions import Fraction

import pytest

from tutor.hints import (
    concludes,
    check_hint,
    find_false_accusations,
    find_leaks,
    flesch_kincaid_grade,
    forbidden_values,
    grounding_problems,
    readability_problems,
    reference_answer,
    step_mentions,
)
from tutor.hints.numbers import numbers_in, states_value, value_of
from tutor.schema import Problem, Step, Verdict

from test_hints import PROBLEM, STEPS

# The bicycle problem and a solution whose step 1 is wrong (shared with the ladder tests).
WRONG = Verdict(label="incorrect", first_error_step=1,
                marks=["first_error", "after_error", "after_error", "after_error", "after_error"],
                error_category="Missing / Wrong factual knowledge", expected_value="24",
                found_value="12", quantities=["3", "4", "12"])


# ----------------------------------------------------------------------------- numbers
@pytest.mark.parametrize("text,value", [
    ("72", 72), ("72.0", 72), ("$72", 72), ("72 dollars", 72), ("1,200", 1200),
    ("seventy-two", 72), ("Seventy two", 72), ("one hundred and five", 105),
    ("3/4", Fraction(3, 4)), ("0.75", Fraction(3, 4)), ("three quarters", Fraction(3, 4)),
    ("two and a half", Fraction(5, 2)), ("a dozen", 12), ("1.5 million", 1_500_000),
    ("twelve point five", Fraction(25, 2)), ("25%", Fraction(1, 4)), ("½", Fraction(1, 2)),
])
def test_states_value_reads_every_number_format(text, value):
    assert states_value(f"Maybe it is {text} in all.", Fraction(value))


def test_states_value_does_not_confuse_other_numbers():
    assert not states_value("Look at 7 and 2 and 720.", Fraction(72))
    assert not states_value("He had 33 marbles.", Fraction(67, 2))  # 33 does not state 33.5
    assert states_value("Each gets 33.33 dollars.", Fraction(100, 3))  # rounded display does


def test_step_pointers_are_not_quantities():
    assert [n.value for n in numbers_in("Look at step 4 and steps 1 and 2.")] == []
    assert not find_leaks("Look at step 10 again.", ["10"])


def test_value_of_answers():
    assert value_of("$1,200") == 1200
    assert value_of("x = 4") == 4
    assert value_of(" 10") == 10
    assert value_of("Tuesday") is None
    # a fraction or mixed-number answer is its whole value, not its last part
    assert value_of("3/4") == Fraction(3, 4)
    assert value_of("2 3/4") == Fraction(11, 4)
    assert value_of("1 5/12 cups") == Fraction(17, 12)


# ----------------------------------------------------------------------------- (a) leaks
def test_reference_answer_from_last_reference_line():
    assert reference_answer(PROBLEM) == "10"
    assert reference_answer(Problem(text="p", final_answer="$72")) == "$72"
    assert reference_answer(Problem(text="p")) is None
    # a reference typed as sentences concludes with its last number (a trial leaked "it should
    # be 72, not 62" when only bare last lines counted)
    assert reference_answer(Problem(text="p", reference_solution=["In May she sold 48 / 2 = 24 clips.",
                                                                  "Altogether she sold 48 + 24 = 72 clips."])) == "72"
    assert reference_answer(Problem(text="p", reference_solution=["So she has 3 apples left over now"])) == "3"
    assert reference_answer(Problem(text="p", reference_solution=["Add them up."])) is None


def test_forbidden_values_by_level():
    assert forbidden_values(PROBLEM, WRONG, 1) == ["10", "24"]
    assert forbidden_values(PROBLEM, WRONG, 2) == ["10", "24"]
    assert forbidden_values(PROBLEM, WRONG, 3) == ["10"]  # level 3 may give the step's value


@pytest.mark.parametrize("hint", [
    "The answer is 10.", "The friend has ten bicycles.", "It should be 10.0 bikes.",
    "You need $10 here.", "That makes 10 bicycles, right?", "It is 20/2 = 10.",
])
def test_leak_of_final_answer_found(hint):
    assert find_leaks(hint, ["10"]) == ["10"]


def test_the_corrected_value_of_the_concluding_step_is_the_answer():
    # no reference answer known: the slip is in the step that reaches the result, so its
    # corrected value is the answer and level 3 may not state it either
    problem = Problem(text="Natalia sold 48 clips in April and half as many in May. How many in all?")
    steps = [Step(1, "48 / 2 = 24"), Step(2, "48 + 24 = 62"), Step(3, "Answer: 62")]
    slip = Verdict(label="incorrect", first_error_step=2, expected_value="72", found_value="62",
                   error_category="Calculation error")
    assert concludes(steps, slip)
    assert forbidden_values(problem, slip, 3, steps) == ["72"]
    assert any("72" in p for p in check_hint("Step 2 has a slip: it should be 72, not 62.", 3, "bottom_out",
                                             problem, steps, slip))
    early = Verdict(label="incorrect", first_error_step=1, expected_value="24", found_value="26")
    early_steps = [Step(1, "48 / 2 = 26"), Step(2, "48 + 26 = 74")]
    assert not concludes(early_steps, early)
    # without a reference answer, whether 24 is the answer cannot be told: level 3 keeps it too
    # ("6 ÷ ¾ = 6 × ¾" is wrong, and 6 ÷ ¾ is what the problem asks)
    assert forbidden_values(problem, early, 3, early_steps) == ["24"]
    # with one, an earlier step's corrected value may be said at level 3
    known = Problem(text=problem.text, reference_solution=["48 / 2 = 24", "48 + 24 = 72"], final_answer="72")
    assert forbidden_values(known, early, 3, early_steps) == ["72"]


def test_leak_of_expected_value_below_level_3_only():
    text = "Look at step 1. The friend should have twenty-four tires."
    assert any("24" in p for p in check_hint(text, 1, "where", PROBLEM, STEPS, WRONG))
    assert not find_leaks(text, forbidden_values(PROBLEM, WRONG, 3))


def test_quantity_equal_to_answer_is_blocked_too():
    # The documented rule: the answer's value is blocked even as a given quantity.
    p = Problem(text="Sam has 4 pens and buys 0 more. How many pens?", final_answer="4")
    assert find_leaks("Sam has 4 pens.", forbidden_values(p, Verdict(label="correct"), 1)) == ["4"]


def test_non_numeric_answer_matches_whole_word():
    assert find_leaks("It lands on tuesday.", ["Tuesday"]) == ["Tuesday"]
    assert not find_leaks("Tuesdays are busy.", ["Tuesday"])


# ----------------------------------------------------------------------------- (b) accusations
def test_step_mentions():
    assert step_mentions("Look at step 2 and steps 3 and 4, then the first step.") == [2, 3, 4, 1]
    # a list follows "steps" only: "step 1, 3 m" names step 1 and a length
    assert step_mentions("In step 1, 3 m is in meters and 40 cm is in centimeters.") == [1]
    assert step_mentions("Compare steps 1, 3 and 4.") == [1, 3, 4]
    assert step_mentions("Step two is fine.") == [2]


def test_calling_a_correct_step_wrong_is_caught():
    v = Verdict(label="incorrect", first_error_step=2,
                marks=["correct", "first_error", "after_error"])
    assert find_false_accusations("Step 1 is wrong.", v) == [1]
    assert find_false_accusations("There is a mistake in the first step.", v) == [1]
    assert find_false_accusations("Step 2 has a mistake.", v) == []
    assert find_false_accusations("Step 1 is fine, but step 2 has a mistake.", v) == []
    # after_error steps were not checked: pointing out a later problem is no false accusation
    assert find_false_accusations("Step 3 is wrong too.", v) == []


def test_no_error_wording_for_correct_or_unsure_verdicts():
    ok = Verdict(label="correct", marks=["correct", "correct"])
    assert find_false_accusations("Your answer is wrong.", ok) == [0]
    assert find_false_accusations("Step 2 has an error.", ok) == [2]
    assert find_false_accusations("Well done! Step 2 is clear.", ok) == []
    unsure = Verdict(label="unsure", marks=["correct", "unsure"])
    assert find_false_accusations("You made a mistake.", unsure) == [0]
    assert find_false_accusations("Can you explain step 2?", unsure) == []


# ----------------------------------------------------------------------------- (c) readability
def test_readability_limits():
    assert readability_problems("Look at step 2. How did you get 12?") == []
    long = " ".join(["Look at the step again."] * 13)  # 65 words
    assert "65 words (max 60)" in readability_problems(long)
    hard = ("Reconsider the multiplicative relationship characterizing proportional "
            "quantities, particularly regarding consecutive computational operations.")
    assert any(p.startswith("reading grade") for p in readability_problems(hard))
    assert "too short" in readability_problems("Hmm.")
    assert "markup or code" in readability_problems("Look at step 2. ```python print(1)```")


def test_flesch_kincaid_orders_texts():
    assert flesch_kincaid_grade("Look at it. Is it big?") < 2
    assert flesch_kincaid_grade("Consider the multiplicative relationship between quantities.") > 12


# ----------------------------------------------------------------------------- grounding
def test_grounding_requires_the_flagged_step_and_a_quantity():
    assert grounding_problems("Look at step 1. How did you get 12?", 1, "where", STEPS, WRONG) == []
    assert grounding_problems("Look at step 1 again.", 1, "where", STEPS, WRONG) == \
        ["names no quantity of step 1"]
    assert grounding_problems("Look at step 2. How did you get 4?", 1, "where", STEPS, WRONG) == \
        ["does not point at step 1", "points at another step"]
    # concept/bottom-out hints must point at the step; naming a quantity is level 1's job
    assert grounding_problems("In step 1, think about tires.", 2, "concept", STEPS, WRONG) == []
    # non-error kinds are not checked for grounding
    assert grounding_problems("Well done!", 1, "confirm", STEPS, Verdict(label="correct")) == []


def test_check_hint_collects_every_problem():
    problems = check_hint("Step 2 is wrong, the answer is 10.", 1, "where", PROBLEM, STEPS,
                          Verdict(label="incorrect", first_error_step=1,
                                  marks=["first_error", "correct"], expected_value="24"))
    assert "states '10'" in problems
    assert "calls correct step 2 wrong" in problems
    assert "does not point at step 1" in problems


# ----------------------------------------------------------------------------- form
def test_form_problems():
    from tutor.hints.guards import form_problems

    assert form_problems("Look at step 1. How did you get 12?", "where", PROBLEM, STEPS) == []
    assert form_problems("Look at step 1 and the 12 there.", "where", PROBLEM, STEPS) == ["asks no question"]
    copied = "Look at step 1. His friend has three times as many tires as Ignatius's bikes?"
    assert form_problems(copied, "where", PROBLEM, STEPS) == ["copies 8+ words from the problem or the steps"]
    assert form_problems("In step 1, 4 + 12 = 15 tires.", "concept", PROBLEM, STEPS) == \
        ["false arithmetic '4 + 12 = 15'"]
    assert form_problems("In step 1, 3 x 8 = 24 tires.", "bottom_out", PROBLEM, STEPS) == []
    assert form_problems("Check step 1. Check step 1.", "concept", PROBLEM, STEPS) == ["repeats itself"]
    assert form_problems("In step 2, 5 x 4 is 20. So, 20 is the answer.", "concept", PROBLEM, STEPS) == \
        ["announces an answer"]
    assert form_problems("Try this: can you check your answer another way?", "extension", PROBLEM, STEPS) == []
    assert form_problems("In step 1, you had 2448, not 2448.", "concept", PROBLEM, STEPS) == \
        ["contrasts a value with itself"]
    assert form_problems("In step 1, you had $2,448, not 2448.", "concept", PROBLEM, STEPS) == \
        ["contrasts a value with itself"]
    assert form_problems("In step 1, you need to divide 12, not divide 12.", "concept", PROBLEM, STEPS) == \
        ["contrasts a value with itself", "says the student did 'divide', step does not"]
    assert form_problems("Equal groups are multiplied, not added. Is 12 right?", "concept", PROBLEM, STEPS) == []
    assert form_problems("In step 1, you used 12, not 8. Which one fits?", "concept", PROBLEM, STEPS) == []
    # the prompt's "no fact here" placeholder copied into a hint
    assert form_problems("In step 1, what does (none) stand for?", "where", PROBLEM, STEPS) == \
        ["repeats the placeholder '(none)'"]
    assert form_problems("The ratio of 5:3 is not right. The ratio of 5:3 is odd.", "concept", PROBLEM,
                         STEPS) == ["repeats itself"]
    # the hint must not misdescribe what the student did: step 1 multiplies, it does not add
    assert form_problems("Look at step 1. Why did you add 3 and 4?", "where", PROBLEM, STEPS) == \
        ["says the student did 'add', step does not"]
    assert form_problems("Look at step 1. Why did you multiply 3 by 4?", "where", PROBLEM, STEPS) == []
    # ... nor by contrast: "do X, not Y" says the student did Y (step 1 multiplies)
    assert form_problems("In step 1, you need to multiply, not add.", "concept", PROBLEM, STEPS) == \
        ["says the student did 'add', step does not"]
    halving = [Step(1, "48 / 2 = 26 clips in May.")]
    assert form_problems("In step 1, you need to divide 48 by 2, not multiply it.", "concept", PROBLEM,
                         halving) == ["says the student did 'multiply', step does not"]
    assert form_problems("In step 1, divide 48 by 2 instead of taking away 2.", "concept", PROBLEM,
                         halving) == ["says the student did 'subtract', step does not"]
    assert form_problems("In step 1, you need to add, not divide. What does 48 mean?", "concept", PROBLEM,
                         halving) == []  # the step does divide
    # a rule stated with participles is not a claim about the student
    assert form_problems("Equal groups are multiplied, not added. Is 48 right?", "concept", PROBLEM,
                         halving) == []
    assert form_problems("In step 1, six bags of \\(4\\) is \\(6 \\times 4\\).", "concept", PROBLEM,
                         [Step(1, "6 \\times 4 = 25")]) == []


def test_a_confirmation_praises_and_answers_no_question():
    from tutor.hints.guards import form_problems

    ok = "Well done! In step 1 you saw equal groups, so you multiplied 3 by 8."
    assert form_problems(ok, "confirm", PROBLEM, STEPS) == []
    assert form_problems("That is a good question. In step 1 you used 8.", "confirm", PROBLEM, STEPS) == \
        ["answers a question instead of praising the work"]
    assert form_problems("Why did step 1 use 8?", "confirm", PROBLEM, STEPS) == \
        ["answers a question instead of praising the work"]
    assert form_problems("Step 1 has 8 tires.", "confirm", PROBLEM, STEPS) == ["praises nothing"]
    assert form_problems("One thing you did well was step 1. You need to think about it.", "confirm", PROBLEM,
                         STEPS) == ["asks for a change in a correct solution"]
    assert form_problems("Great job! You should be proud of step 1 and the 8 there.", "confirm", PROBLEM,
                         STEPS) == []


def test_invented_numbers():
    from tutor.hints.guards import invented_numbers

    assert invented_numbers("Look at step 1. How did you get 12 from 3 and 4?", PROBLEM, STEPS, WRONG, 1) == []
    assert invented_numbers("Look at step 1. Is it 36 tires?", PROBLEM, STEPS, WRONG, 1) == ["36"]
    # level 3 may use the reference solution's numbers and the corrected value
    assert invented_numbers("Redo step 1: work out 3 x 8 = 24.", PROBLEM, STEPS, WRONG, 3) == []
    assert invented_numbers("Redo step 1: work out 3 x 8 = 24.", PROBLEM, STEPS, WRONG, 2) == ["24"]


def test_wrong_value_is_not_confirmed():
    from tutor.hints.guards import asserts_wrong_value

    assert asserts_wrong_value("In step 1, Ignatius has 12 bicycles.", WRONG)
    assert asserts_wrong_value("The total is $12.", WRONG)
    assert not asserts_wrong_value("Look at step 1. How did you get 12?", WRONG)
    assert not asserts_wrong_value("Its value should be 24, not 12.", WRONG)
    assert "states the student's wrong value as a fact" in check_hint(
        "In step 1, Ignatius has 12 tires.", 2, "concept", PROBLEM, STEPS, WRONG)


def test_thin_bottom_out_hint_is_rejected():
    from tutor.hints.guards import form_problems
    from tutor.schema import Problem, Step

    prob = Problem(text="Lena has 125 stickers and buys 27 more. How many now?")
    steps = [Step(1, "125 + 27 = 142")]
    assert any("too thin" in p for p in form_problems("Step 1 needs another look.", "bottom_out", prob, steps))
    assert not any("too thin" in p for p in form_problems(
        "Redo step 1 like this: work out 125 + 27 carefully, one column at a time.", "bottom_out", prob, steps))


def test_prescribed_values_must_be_the_corrected_value():
    from tutor.hints.guards import prescribed_values

    # WRONG: step 1 should give 24 (found 12)
    assert prescribed_values("The number of rows is not what the question asks. It should be 6, not 7.",
                             WRONG) == ["6"]
    assert prescribed_values("The number is not needed. Change it to 2.", WRONG) == ["2"]
    assert prescribed_values("Redo only step 1. Its value should be 24, not 12.", WRONG) == []
    assert prescribed_values("Redo step 1 like this: work out 2 x 4 x 3. You should get 24.", WRONG) == []
    assert prescribed_values("The right number is 3.", WRONG) == ["3"]
    assert prescribed_values("Look at step 1. What should the 3 be multiplied by?", WRONG) == []
    no_value = Verdict(label="incorrect", first_error_step=1, marks=WRONG.marks)
    assert prescribed_values("It should be 24.", no_value) == ["24"]  # no corrected value known
    assert "prescribes '6', not the corrected value" in check_hint(
        "Look at step 1. It should be 6, not 12. What do 3 and 4 stand for?", 2, "concept", PROBLEM, STEPS, WRONG)


def test_a_bottom_out_hint_names_a_quantity_not_only_the_step():
    from tutor.hints.guards import form_problems

    thin = "Step 1 has the first mistake. Compare it with the problem, then redo it and the steps after it."
    assert form_problems(thin, "bottom_out", PROBLEM, STEPS) == ["bottom-out hint too thin to redo the step"]
    assert form_problems("Redo step 1 like this: work out 2 x 4 first, then use it in the steps after it.",
                         "bottom_out", PROBLEM, STEPS) == []


def test_a_calculation_slip_gets_no_call_for_another_operation():
    slip = Verdict(label="incorrect", first_error_step=2, marks=["correct", "first_error"],
                   error_category="Calculation error", expected_value="72", found_value="70",
                   quantities=["48", "24"])
    problem = Problem(text="Natalia sold 48 clips in April and half as many in May. How many in all?",
                      final_answer="72")
    steps = [Step(1, "48 / 2 = 24"), Step(2, "48 + 24 = 70")]
    assert "asks for another operation in a calculation slip" in check_hint(
        "In step 2, you need to subtract 24, not add. What is 48 and 24 together?", 2, "concept",
        problem, steps, slip)
    ok = "In step 2, add 48 and 24 again slowly. What do the ones make?"
    assert "asks for another operation in a calculation slip" not in check_hint(ok, 2, "concept", problem,
                                                                                steps, slip)


def test_a_mixed_number_answer_is_not_stated_as_a_decimal():
    problem = Problem(text="A board is 11 feet long. It is cut into 4 equal pieces. How long is each piece?",
                      final_answer="2 3/4")
    steps = [Step(1, "11/4 = 2 1/4")]
    slip = Verdict(label="incorrect", first_error_step=1, marks=["first_error"],
                   error_category="Calculation error", expected_value="2 3/4", found_value="2 1/4")
    assert "states '2 3/4'" in check_hint("Redo step 1: work out 11/4. You should get 2.75.", 3,
                                         "bottom_out", problem, steps, slip)
    assert find_leaks("Each piece is 11/4 feet.", ["2 3/4"]) == ["2 3/4"]


def test_a_hint_may_not_say_the_problem_gives_a_number_it_does_not():
    from tutor.hints.guards import misquoted_problem
    from tutor.schema import Problem

    bikes = Problem(text="Ignatius owns 4 bicycles. A friend owns cycles with three times as many tires. "
                         "He has one unicycle, a tricycle, and the rest are bikes. How many bicycles?",
                    reference_solution=["2 x 4 = 8 tires", "3 x 8 = 24", "24 - 1 - 3 = 20", "20 / 2 = 10"])
    # 2 tires per bike is derived (a reference value), not written in the problem
    assert misquoted_problem("In step 1, the problem gives 2, not 3. Use 2 and redo the steps after it.",
                             bikes) == ["2"]
    assert misquoted_problem("The problem says 4 bicycles. What does three times tell you?", bikes) == []
    assert misquoted_problem("The question tells you 3 times as many tires.", bikes) == []  # "three"
    assert misquoted_problem("Each bike has 2 tires. Use that in step 1.", bikes) == []  # no claim about the text
    verdict = Verdict(label="incorrect", first_error_step=1, marks=["first_error", "after_error"])
    steps = [Step(1, "3 x 4 = 12 tires"), Step(2, "12 - 4 = 8")]
    assert "says the problem gives '2', which it does not" in check_hint(
        "In step 1, the problem gives 2, not 3. Use 2 and redo the steps after it.", 3, "bottom_out",
        bikes, steps, verdict)


def test_step_quantities_are_named_as_written_and_in_order():
    from tutor.hints.guards import step_quantities

    step = Step(2, "Four pens are four dollars and twenty cents.")
    assert step_quantities(step, Verdict(label="unsure")) == ["Four", "four dollars and twenty cents"]
    assert step_quantities(Step(1, "3 x 4 = 12 pens"), Verdict(label="correct")) == ["3", "4", "12", "the number of pens"]
    assert step_quantities(Step(1, "14 + 4 = 18"), Verdict(label="correct")) == ["14", "4", "18"]  # not "4" of 14


def test_a_decimal_comma_is_a_value_for_the_guards_too():
    from tutor.hints.guards import find_leaks, step_quantities

    assert step_quantities(Step(1, "Paso 1: 4 × 1,25 = 4,50"), Verdict(label="unsure")) == ["4", "1,25", "4,50"]
    assert find_leaks("So it costs 5,00 in all.", ["5"]) == ["5"]
    assert find_leaks("Look at paso 5 again.", ["5"]) == []  # a step pointer, in Spanish too


def test_an_extension_for_a_correct_solution_corrects_nothing():
    from tutor.hints.guards import form_problems, quantity_names

    assert form_problems("In this problem, you need to find 12. What does 12 stand for?", "extension",
                         PROBLEM, STEPS) == ["asks for a change in a correct solution"]
    assert form_problems("Try this: what if 3 bikes were 6 bikes?", "extension", PROBLEM, STEPS) == []
    assert quantity_names("The cost of the pens is the cost of pencils.") == ["the cost", "the cost of pencils"]


def test_the_article_a_is_not_a_quantity():
    from tutor.hints.guards import quantity_names

    assert quantity_names("One pen is a dollar and a quarter.") == []
    assert quantity_names("a + 3 = 10") == ["a"]
    assert quantity_names("Let x be the price of a pen.") == ["x", "the price"]


def test_a_negative_result_is_named_with_its_sign():
    from tutor.hints.guards import step_quantities
    from tutor.schema import Step

    assert step_quantities(Step(1, "5 - 12 = -7", "5 - 12 = -7"), Verdict(label="correct")) == ["5", "12", "-7"]
    assert step_quantities(Step(1, "12 - 7 = 5", "12 - 7 = 5"), Verdict(label="correct")) == ["12", "7", "5"]


def test_a_calculation_slip_is_not_sent_to_the_operation_or_a_meaning():
    from tutor.hints import slip_misdirections

    slip = Verdict(label="incorrect", first_error_step=1, marks=["first_error"],
                   error_category="Calculation error", expected_value="5.25", found_value="5.15")
    choose = ("Redo only step 1. Decide which amounts it needs and whether to add, subtract, multiply "
              "or divide them. Then use your new number in the steps after it.")
    assert slip_misdirections(choose, slip) == ["asks to choose the operation in a calculation slip"]
    assert slip_misdirections("What does 5.15 stand for in step 1?", slip) == [
        "asks what a number means in a calculation slip"]
    assert slip_misdirections("Look at step 1. Work out 3.75 + 1.50 again. What do you get?", slip) == []
    # for a wrong approach, choosing the operation is the point
    assert slip_misdirections(choose, Verdict(label="incorrect", first_error_step=1,
                                              error_category="Logical error / Wrong approach")) == []


def test_the_parts_of_a_written_decimal_are_not_invented():
    from tutor.hints.guards import invented_numbers

    problem = Problem(text="Tom buys a book for $3.75 and a pen for $1.50. How much does he spend?")
    steps = [Step(1, "3.75 + 1.5 = 5.15")]
    slip = Verdict(label="incorrect", first_error_step=1, marks=["first_error"], error_category="Calculation error")
    assert invented_numbers("Add the cents first: 75 + 50. Then the dollars: 3 + 1.", problem, steps, slip, 3) == []
    assert invented_numbers("Add 80 cents.", problem, steps, slip, 3) == ["80"]
