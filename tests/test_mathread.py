"""What a problem's written math practises, in words (tutor.standards.mathread)."""

import pytest

from tutor.standards import mathread as M
from tutor.standards.index import problem_query
from tutor.standards.mathread import MAX_TOPICS, describe_math, is_exercise, math_topics


@pytest.mark.parametrize("text, topic", [
    ("3/4 + 1/6 = 11/12", "adding fractions with unlike (different) denominators"),
    ("5/8 - 3/8 = 2/8", "subtracting fractions with like (equal) denominators"),
    ("3 1/2 + 1 1/4 = 4 3/4", "adding fractions and mixed numbers with unlike (different) denominators"),
    ("3/4 of 24 = 18", "multiplying a fraction by a whole number (a fraction of a quantity)"),
    (r"\frac{3}{4} \times 24 = 18", "multiplying a fraction by a whole number (a fraction of a quantity)"),
    ("2/3 x 1/4 = 2/12", "multiplying fractions (products of fractions)"),
    ("1/2 ÷ 4 = 1/8", "dividing fractions by whole numbers and whole numbers by fractions"),
    ("12/18 = 2/3", "equivalent fractions (simplifying a fraction)"),
    ("Simplify 12/18.", None),  # a fraction alone is not a computation
    ("2.5 × 4 = 10", "multiplying decimals to hundredths (products of decimals)"),
    ("$3.75 + $1.50 = $5.25", "adding decimals to hundredths (sums of decimals)"),
    ("12.75 x 3.4 = 43.35", "multiplying decimals to hundredths (products of decimals)"),
    ("145.6 ÷ 1.2 = 121.33", "dividing multi-digit decimals with the standard algorithm"),
    ("25% of 80 = 20", "finding a percent of a quantity"),
    ("-7 + 12 = 5", "adding positive and negative rational numbers (integers)"),
    ("4² = 16", "whole-number exponents and powers"),
    ("9 + 6 = 15", "adding and subtracting within 20"),
    ("48 + 24 = 72", "adding and subtracting two-digit numbers within 100"),
    ("1,250 - 475 = 775", "adding and subtracting multi-digit whole numbers"),
    ("6 × 8 = 48", "multiplying one-digit numbers within 100"),
    ("37 × 24 = 888", "multiplying multi-digit whole numbers"),
    ("28 ÷ 4 = 7", "dividing within 100"),
    ("1,512 ÷ 36 = 42", "dividing multi-digit whole numbers by two-digit divisors"),
    ("180 miles ÷ 3 hours = 60 miles per hour", "dividing multi-digit whole numbers by one-digit divisors"),
    ("Solve 2x + 5 = 13.", "solving two-step linear equations in one variable such as px + q = r"),
    ("x + 7 = 10", "solving one-step equations such as x + p = q or px = q"),
    ("3(x - 2) = 12", "solving linear equations in one variable using the distributive property"),
    ("5x - 3 = 2x + 9", "solving linear equations in one variable with the variable on both sides"),
    # from a code review
    ("3 x -4 = -12", "multiplying positive and negative rational numbers (integers)"),
    ("(-3) x (-4) = 12", "multiplying positive and negative rational numbers (integers)"),
    ("12 - 15 = -3", "subtracting positive and negative rational numbers (integers)"),
    (r"Solve $\frac{x}{3} + 2 = 5$", "solving two-step linear equations in one variable such as px + q = r"),
    ("What is 25% of 80?", "finding a percent of a quantity"),
    ("On 3/4/2020 Ann had 12 pens.", None),
])
def test_each_kind_of_computation_is_named(text, topic):
    assert math_topics(text) == ([topic] if topic else [])


@pytest.mark.parametrize("text", [
    "Simplify x^2+2x-3 over 2x^2+2x-12.",  # algebra glued to letters, not adding within 20
    "For grades 6-8, pages 12-14.",          # ranges
    "x = 4",                                 # a solved equation practises nothing new
    "Natalia sold 48 clips in April.",
    "",
])
def test_text_without_a_computation_has_no_topics(text):
    assert math_topics(text) == [] and describe_math(text) == ""


def test_topics_are_in_reading_order_without_repeats_and_capped():
    assert math_topics("6 x 8 = 48\n7 x 9 = 63\n3/4 + 1/6 = 11/12") == [
        "multiplying one-digit numbers within 100", "adding fractions with unlike (different) denominators"]
    many = "\n".join(["1/2 + 1/3 = 5/6", "2.5 x 4 = 10", "25% of 80 = 20", "-3 + 5 = 2", "2^3 = 8",
                      "37 x 24 = 888", "9 + 6 = 15", "x + 7 = 10"])
    assert len(math_topics(many)) == MAX_TOPICS
    assert describe_math("3/4 + 1/6 = 11/12") == \
        "Math practised: adding fractions with unlike (different) denominators."
    assert math_topics(None) == []


def test_a_bare_exercise_is_told_from_a_word_problem():
    assert is_exercise("Simplify 12/18.") and is_exercise("Solve for x: 3(x - 2) = 12")
    assert not is_exercise("Natalia sold 48 clips in April and half as many in May. How many?")
    assert not is_exercise("Natalia sold 48 clips.")  # short, but it writes no math


def test_the_query_names_the_math_of_the_problem_not_a_word_problems_arithmetic():
    # a bare exercise: its solution's math says what it practises
    assert problem_query("Simplify 12/18.", ["12/18 = 2/3"]) == \
        "Simplify 12/18.\n12/18 = 2/3\nMath practised: equivalent fractions (simplifying a fraction)."
    # a word problem: its area or ratio matters more than the 7 x 4 of its solution
    assert problem_query("Find the area of a rectangle 7 cm long and 4 cm wide.", ["7 x 4 = 28"]) == \
        "Find the area of a rectangle 7 cm long and 4 cm wide.\n7 x 4 = 28"
    # ... unless the problem writes the math itself
    assert problem_query("A recipe needs 3/4 cup of milk and 1/6 cup of cream. Altogether: 3/4 + 1/6 = ?",
                         ["9/12 + 2/12 = 11/12"]).endswith(
        "Math practised: adding fractions with unlike (different) denominators.")


def test_times_written_as_a_letter_x_is_math():
    assert is_exercise("What is 2.5 x 4?")
    assert problem_query("What is 2.5 x 4?", ["2.5 x 4 = 10"]).endswith(
        "Math practised: multiplying decimals to hundredths (products of decimals).")


# ---------------------------------------------------------------- whole expressions (typed exercises)
@pytest.mark.parametrize("text, topics", [
    # operations of two levels: the order of operations, not its steps' fluency topics
    ("Evaluate 8 + 4 × 3 − 6 ÷ 2.", [M.ORDER_OF_OPERATIONS]),
    ("4 x 5 + 3 = 23", [M.ORDER_OF_OPERATIONS]),
    # brackets around an operation (square brackets and braces too)
    ("What is 3 × (4 + 5) − 2?", [M.GROUPED_EXPRESSION]),
    ("Simplify 20 − [3 × (2 + 4)].", [M.GROUPED_EXPRESSION]),
    ("{2 + [3 x (4 - 1)]} x 2", [M.GROUPED_EXPRESSION]),
    ("3 x (4 + 5) = 3 x 9 = 27", [M.GROUPED_EXPRESSION]),  # evaluating the bracket first
    # powers among other operations; powers of one base combined: the exponent rules
    ("Evaluate 2^3 + 5.", [M.EXPONENT_EXPRESSION, "whole-number exponents and powers"]),
    ("3^2 × 3^4 = 3^6", [M.EXPONENT_RULES, "whole-number exponents and powers"]),
    ("(2^3)^2 = 64", [M.EXPONENT_RULES, "whole-number exponents and powers"]),
    # a kind beyond whole numbers is still named next to the expression
    ("2.5 x 4 + 1.2 = 11.2",
     [M.ORDER_OF_OPERATIONS, "multiplying decimals to hundredths (products of decimals)"]),
    # not an expression topic: one level, a bracket around everything, one operation
    ("8 + 12 - 3 = 17", ["adding and subtracting within 20"]),
    ("2 x 3 x 4 = 24", ["multiplying one-digit numbers within 100"]),
    ("(5 + 5 + 5 + 5) = 20", ["adding and subtracting within 20"]),
    ("(-3) x (-4) = 12", ["multiplying positive and negative rational numbers (integers)"]),
])
def test_an_expression_is_named_as_a_whole(text, topics):
    assert math_topics(text) == topics


def test_the_steps_of_an_expression_are_not_its_topic():
    # a bare exercise and its worked steps: 4 x 3, 6 / 2 and 8 + 12 - 3 are how it is evaluated
    query = problem_query("Evaluate 8 + 4 × 3 − 6 ÷ 2.", ["4 x 3 = 12", "6 / 2 = 3", "8 + 12 - 3 = 17"])
    assert query.endswith(f"\nMath practised: {M.ORDER_OF_OPERATIONS}.")
    # lines without an expression keep their topics
    assert math_topics("6 x 8 = 48\n7 x 9 = 63") == ["multiplying one-digit numbers within 100"]


@pytest.mark.parametrize("text", [
    "6 × (10 + 4) = 6 × 10 + 6 × 4 = 60 + 24 = 84",   # distributing, products written
    "7 x (20 + 3) = 140 + 21 = 161",                   # distributing, products worked out
    "6 × 7 = 6 × (5 + 2)",                             # a factor broken apart
    "6 * 7 = (6 * 5) + (6 * 2)",
    "6 x 10 + 6 x 4 = 6 x (10 + 4)",                   # factoring back
    "2 × (3 × 4) = (2 × 3) × 4",                       # associative
    "3 + 5 = 5 + 3",                                   # commutative
])
def test_an_expression_rewritten_by_a_property_of_operations(text):
    assert math_topics(text) == [M.PROPERTIES]


def test_a_value_given_to_a_letter_is_substitution():
    assert math_topics("Find the value of 4a + 3 when a = 5.") == [M.SUBSTITUTION]
    assert math_topics("If x = 3, what is 2x² - 1?") == [M.SUBSTITUTION]
    assert math_topics("Evaluate 3(n + 2) for n = 4") == [M.SUBSTITUTION]
    # the substituted arithmetic is the evaluation's steps
    assert math_topics("Find the value of 4a + 3 when a = 5.\n4 x 5 + 3 = 23") == \
        [M.SUBSTITUTION, M.ORDER_OF_OPERATIONS]
    # an article, an equation to solve, a letter that is no variable of an expression
    for text in ("For a = 4 a boy runs.", "Is it a square when a = 4?", "Solve 2x + 5 = 13"):
        assert M.SUBSTITUTION not in math_topics(text), text


@pytest.mark.parametrize("text, topic", [
    ("935 / 4 = 233 R 3", M.REMAINDER),
    ("935 ÷ 4 = 233 remainder 3", M.REMAINDER),  # not "adding fractions and whole numbers"
    ("3 ÷ 8 = 0.375", M.DECIMAL_QUOTIENT),
    ("3 ÷ 4 = 3/4", M.FRACTION_QUOTIENT),
    ("7 / 2 = 3 1/2", M.FRACTION_QUOTIENT),
    ("3/8 = 0.375", M.DECIMAL_QUOTIENT),
    ("0.47 = 47/100", M.TENTHS_HUNDREDTHS),
    ("1,512 ÷ 36 = 42", "dividing multi-digit whole numbers by two-digit divisors"),  # even: size
    ("3/4 = 0.5", None),  # not equal: no conversion
])
def test_a_division_says_what_its_quotient_is(text, topic):
    assert math_topics(text) == ([topic] if topic else [])


# ---------------------------------------------------------------- situations a word problem names
@pytest.mark.parametrize("text, solution, topic", [
    # equal groups of counted things: the product or quotient by its size, as the standards say
    ("A bakery puts 168 cookies into boxes of 12. How many boxes does it fill?", "168 / 12 = 14",
     "dividing multi-digit whole numbers by two-digit divisors"),
    ("There are 8 rows of chairs with 235 chairs in each row. How many chairs are there?",
     "235 x 8 = 1880", "multiplying multi-digit whole numbers"),
    ("A box of crayons holds 64 crayons. How many crayons are in 27 boxes?", "64 x 27 = 1728",
     "multiplying multi-digit whole numbers"),
    ("Maria packs 96 muffins into boxes that hold 8 muffins each. How many boxes?", "96 / 8 = 12",
     "dividing within 100"),
    ("Sara saves $15 each week. After how many weeks will she have $180?", "180 / 15 = 12",
     "dividing multi-digit whole numbers by two-digit divisors"),  # dollars are counted
])
def test_equal_groups_are_named_by_the_size_of_their_numbers(text, solution, topic):
    assert M.situation_topics(text, solution) == [topic]
    assert problem_query(text, [solution]).endswith(f"\nMath practised: {topic}.")


@pytest.mark.parametrize("text, solution", [
    ("A bakery puts 168 cookies into boxes of 12. How many boxes does it fill?", ""),  # no solution
    ("Find the area of a rectangle 7 cm long and 4 cm wide.", "7 x 4 = 28"),      # no groups
    ("Each lap is 400 meters. How far are 6 laps?", "400 x 6 = 2400"),           # measured
    ("A car goes 240 miles in 4 hours. How far does it go each hour?", "240 / 4 = 60"),
    ("Apples cost $6 for every 4 pounds. How much for 12 pounds?", "12 / 4 = 3\n3 x 6 = 18"),
    ("List all the factor pairs of 36.", "1 x 36, 2 x 18, 3 x 12"),             # factors
    ("There are 3 boys for every 2 girls. With 30 students, how many boys?", "30 / 5 = 6"),  # ratio
    ("Each of 5 friends eats 3/4 of a pizza. How much in all?", "5 x 3/4 = 15/4"),  # not whole numbers
])
def test_what_is_not_equal_groups_of_counted_things(text, solution):
    assert not any(t.startswith(("multiplying", "dividing")) for t in M.situation_topics(text, solution))


@pytest.mark.parametrize("text", [
    "On a map, 1 inch represents 25 miles. Two towns are 3.5 inches apart. How far apart are they?",
    "A scale drawing of a room uses a scale of 1 cm to 2 m. The room is 6 cm long in the drawing.",
    "A model car is built at a scale of 1:24. The real car is 4.8 meters long.",
    "The blueprint of a house has a scale of 1/4 inch = 1 foot. A wall is 5 inches long on it.",
])
def test_a_scale_drawing_or_map_is_named(text):
    assert M.situation_topics(text) == [M.SCALE_DRAWING]


@pytest.mark.parametrize("text", [
    "Rate the movie on a scale of 1 to 10.",
    "The bathroom scale shows 45 kg at 10:00.",
    "Two maps are drawn. Point 2AX = 3XD.",
    "Spin the spinner and roll a number cube; add the two numbers.",  # a game, not chance
    "It is likely to rain, so take 2 umbrellas.",
])
def test_words_of_other_situations_name_no_scale_nor_chance(text):
    assert M.situation_topics(text) == []


@pytest.mark.parametrize("text, topic", [
    ("A bag has 4 red, 3 blue and 5 green marbles. What is the probability of picking a blue marble?",
     M.SIMPLE_PROBABILITY),
    ("A coin is tossed twice. What is the probability of getting heads both times?", M.COMPOUND_PROBABILITY),
    ("You roll two dice. What is the probability that the sum is 7?", M.COMPOUND_PROBABILITY),
    ("A spinner has 8 equal sections, 3 of them yellow; the probability of yellow is 3/8. "
     "If you spin it 80 times, about how many times will it land on yellow?", M.TRIALS_PROBABILITY),
])
def test_a_chance_process_is_named_by_its_kind(text, topic):
    assert topic in M.situation_topics(text)


@pytest.mark.parametrize("text, topic", [
    ("What is the value of the digit 7 in 3,742,516?", M.PLACE_VALUE_MULTI_DIGIT),
    ("What is the value of the 5 in 4.258?", M.PLACE_VALUE_DECIMAL),
    ("The 3 in 352 is in the hundreds place. What is it worth?", M.PLACE_VALUE_THREE_DIGIT),
    ("Write 47 in expanded form.", M.PLACE_VALUE_TWO_DIGIT),
])
def test_place_value_is_named_by_the_size_of_the_numbers(text, topic):
    assert M.situation_topics(text) == [topic]


def test_a_lesson_text_names_no_situation():
    # one problem statement is read; a long lesson text mentions situations in passing
    problem = "A bag has 4 red and 3 blue marbles. What is the probability of picking a blue marble?"
    assert M.situation_topics(problem) == [M.SIMPLE_PROBABILITY]
    lesson = problem + " " + " ".join(["Talk with your partner about what you notice."] * 8)
    assert len(lesson.split()) > M.SITUATION_WORDS and M.situation_topics(lesson) == []
