"""Units a computation carries (tutor.dimensions) and the verifier's unit question."""

from fractions import Fraction

import pytest

from tutor.dimensions import asked_rate, given_quantities, unit_conflicts
from tutor.schema import Problem, Step
from tutor.verify import Verifier

CAR = "A car goes 180 miles in 3 hours. How fast is it going in miles per hour?"
RECIPE = "A recipe uses 3/4 cup of sugar for one cake. How much sugar for 2 cakes?"
JUICE = "A pack of 6 juice boxes costs $4.20. What is the price of one juice box?"
COMICS = "Ben has $10. He buys 2 comics for $3.25 each. How much money does he have left?"


def _units(problem):
    return {float(v): dict(q.unit) for v, q in given_quantities(problem).items()}


def test_what_the_problems_numbers_measure():
    assert _units(CAR) == {180.0: {"length": 1}, 3.0: {"time": 1}}
    # a unit joined to its number by a hyphen
    assert _units("A square frame has 7-inch sides and a 20-minute glue time.") == {7.0: {"length": 1},
                                                                                   20.0: {"time": 1}}
    assert _units(RECIPE) == {0.75: {"volume": 1, "#cake": -1}, 2.0: {"#cake": 1}}
    assert _units(JUICE) == {6.0: {"#box": 1}, 4.2: {"money": 1}}
    # "$3.25 each": each of the things counted before it
    assert _units(COMICS) == {10.0: {"money": 1}, 2.0: {"#comic": 1}, 3.25: {"money": 1, "#comic": -1}}
    assert _units("Belinda throws a ball at 20 feet/second for 8 seconds.")[20.0] == {"length": 1, "time": -1}
    # a ratio of one kind ("40 hours a week", "60 minutes in an hour") is a number, not an amount
    assert _units("She reads 40 hours a week.")[40.0] == {}
    # a number said twice, once without a unit, or a percent: not known for sure
    assert 30.0 not in _units("After 20 minutes, 30 more racers joined. 30 minutes later …")
    assert 40.0 not in _units("The store has 40 percent off on 40 shoes.")


def test_the_rate_a_question_asks_for():
    assert asked_rate(CAR) == ("length", "time", "miles per hour")
    assert asked_rate(JUICE) == ("money", "#box", "price of one juice box")
    assert asked_rate("A plane flies 1,200 km in 2 h. What is its speed in km/h?")[:2] == ("length", "time")
    # a condition is not the question
    assert asked_rate("If the cost of a piece is $134, how much money will she get back?") is None
    assert asked_rate(COMICS) is None
    # however the question asks it, the price is said one way
    assert asked_rate("5 pens cost $7.50. How much does each pen cost?")[2] == "price of one pen"
    # "in a day" is a total over a day, not a rate
    assert asked_rate("How many dollars does she earn in a day if she works 8 hours?") is None
    assert _units("A factory makes 50 toys per hour.")[50.0] == {"#toy": 1, "time": -1}
    assert _units("Ann reads 30 pages a day.")[30.0] == {"#page": 1, "time": -1}
    assert _units("Kim saves $4 each day.")[4.0] == {"money": 1, "time": -1}


@pytest.mark.parametrize("problem, steps, kind, step", [
    (CAR, ["180 x 3 = 540, so the speed is 540 mph"], "rate", 0),
    (JUICE, ["4.20 x 6 = 25.20", "One juice box costs $25.20"], "rate", 0),
    (RECIPE, ["3/4 + 2 = 2 3/4", "2 3/4 cups of sugar"], "sum", 0),
    ("Tom walks 3 miles in 2 hours. How many miles does he walk per hour?", ["2 / 3 = 0.67"], "rate", 0),
    ("5 pens cost $7.50. How much does each pen cost?", ["7.50 x 5 = 37.50"], "rate", 0),
    # the answer's computation squares a time, money or a count (a browser trial; a false-flag hunt)
    ("A biker rides at 12 miles per hour for 3 hours. How far does she ride?", ["12 / 3 = 4", "She rides 4 miles"],
     "unit", 0),
    ("Ben earns $9 an hour. He works 5 hours. How much does he earn?", ["9 / 5 = 1.80"], "unit", 0),
    ("Mia types 40 words per minute. How many minutes will it take to type 200 words?", ["200 x 40 = 8000"],
     "unit", 0),
    ("Sam earns $12 an hour. How many hours must he work to earn $96?", ["96 x 12 = 1152"], "unit", 0),
    ("What does one pen cost if 5 pens cost $7.50?", ["7.50 x 5 = 37.50"], "rate", 0),
])
def test_a_computation_that_does_not_fit_its_units_is_found(problem, steps, kind, step):
    found = unit_conflicts(problem, steps)
    assert [(c.kind, c.step) for c in found] == [(kind, step)]


@pytest.mark.parametrize("problem, steps", [
    ("A train travels at 65 miles per hour. How far does it go in 3 hours?", ["65 x 3 = 195 miles"]),
    ("Gas costs $3.25 a gallon. How much do 8 gallons cost?", ["3.25 x 8 = 26.00", "8 gallons cost $26"]),
    ("Tickets cost $4 each. How many tickets can she buy with $20?", ["20 / 4 = 5"]),
    ("Mia types 40 words per minute. How many minutes will it take to type 200 words?", ["200 / 40 = 5"]),
    ("For Daphne 1 inch equals 50 pages. Her books are 25 inches tall. How many pages are there?", ["25 x 50 = 1,250"]),
    ("Adrian can buy 99 contacts for $33. How many contacts will it take to equal $1 worth?", ["99/33 = 3"]),
    # from a false-flag hunt (a helper): unit rates asked "in 1 hour", rates said in other words,
    # rates between units of one kind, a time said in words
    ("Sara walks 12 miles in 3 hours. How far does she walk in 1 hour?", ["12 / 3 = 4"]),
    ("Sam earned $48 in 6 hours. How much does he earn in 1 hour?", ["48 / 6 = 8"]),
    ("It takes 1 hour to drive 60 miles. How far can you drive in 3 hours?", ["60 x 3 = 180"]),
    ("One pound of cheese costs $4. How much do 3 pounds of cheese cost?", ["4 x 3 = 12"]),
    ("He works 6 hours a day for 5 days. How many hours does he work in all?", ["6 x 5 = 30"]),
    ("There are 12 inches in a foot. A board is 36 inches long. How many feet long is it?", ["36 / 12 = 3"]),
    ("A floor is 10 feet by 12 feet. Each tile covers 1 square foot. How many tiles are needed?", ["10 x 12 = 120"]),
    ("A bus travels 30 miles in half an hour. The whole trip lasts 2 hours. What is the bus's speed in miles "
     "per hour?", ["30 x 2 = 60", "60 miles per hour"]),
    ("It takes 1 hour to drive 60 miles. What is the speed in miles per hour?", ["60 x 1 = 60"]),
    ("Belinda rides at 15 miles per hour for 2 hours and 30 minutes. How far does she ride?",
     ["15 x 2 = 30", "15 / 2 = 7.5", "30 + 7.5 = 37.5"]),
    ("A trip takes 3 hours. There are 60 minutes in an hour. How many minutes does the trip take?", ["3 x 60 = 180"]),
    ("Ben earns $9 an hour. He works 5 hours. How much does he earn?", ["9 x 5 = 45"]),
])
def test_right_work_on_rates_said_many_ways_is_not_flagged(problem, steps):
    assert unit_conflicts(problem, steps) == []


@pytest.mark.parametrize("problem, steps", [
    (CAR, ["180 / 3 = 60, so the speed is 60 mph"]),
    (JUICE, ["4.20 / 6 = 0.70"]),
    (RECIPE, ["3/4 x 2 = 1 1/2", "1 1/2 cups"]),
    (COMICS, ["2 x 3.25 = 6.50", "10 - 6.50 = 3.50"]),
    # a wrong operation of one kind of amount is not a unit error (the verifier cannot see it)
    (COMICS, ["2 x 3.25 = 6.50", "10 + 6.50 = 16.50"]),
    ("There are 12 boys and 18 girls. How many children?", ["12 + 18 = 30"]),
    ("Tom worked 2 hours and 30 minutes. How long in minutes?", ["2 x 60 = 120", "120 + 30 = 150"]),
    ("The white rabbit hops 15 meters in one minute. The brown rabbit hops 12 meters per minute. "
     "How far do they hop together in 5 minutes?", ["15 + 12 = 27", "27 x 5 = 135"]),
    # on the way to miles per hour, minutes per mile is a fair step
    ("Marcos crosses a 5 mile lake in 10 minutes. How fast does he go in miles per hour?",
     ["10 / 5 = 2 minutes per mile", "60 / 2 = 30 miles per hour"]),
    # a number worked out before is not the problem's number of the same value
    ("Amy has $100. She buys 3 dolls for $1 each. How much money is left?", ["3 x 1 = 3", "100 - 3 = 97"]),
    # the step says what its numbers are
    ("Zoe buys pizza for her 5 family members. Each slice costs $1. How many people eat?",
     ["5 people + 1 person = 6 people"]),
    ("Jenna reads 30 days. She cannot read 4 weekdays. How many days does she read?", ["30 - 4 = 26"]),
    # a rate times a time is a total, also where a total per week is asked (a code review)
    ("Ann reads 30 pages a day. She reads for 7 days. How many pages does she read per week?", ["30 x 7 = 210"]),
    ("A factory makes 50 toys per hour. It runs 8 hours a day. How many toys does it make per day?", ["50 x 8 = 400"]),
    ("John runs 3 miles each day, 5 days a week. How many miles does he run in a week?", ["3 x 5 = 15"]),
    ("Kim saves $4 each day for 7 days. How many dollars does she save a week?", ["4 x 7 = 28"]),
    ("Maria earns $15 each hour. How many dollars does she earn in a day if she works 8 hours?", ["15 x 8 = 120"]),
    ("A snail moves 2 feet every minute. How many feet does it move in an hour? An hour is 60 minutes.",
     ["2 x 60 = 120"]),
    # two times in the problem: the 2 of "15 x 2" need not be the rest of 2 hours
    ("A cyclist rides 15 miles in 30 minutes, then rests for 2 hours. What was her speed in miles per hour?",
     ["15 x 2 = 30"]),
])
def test_right_work_is_not_flagged(problem, steps):
    assert unit_conflicts(problem, steps) == []


def test_the_verifier_asks_about_units_instead_of_praising_a_wrong_operation():
    v = Verifier(None)
    verdict = v.verify(Problem(text=CAR), [Step(1, "180 x 3 = 540, so the speed is 540 mph")])
    assert verdict.label == "unsure" and verdict.marks == ["unsure"]
    assert verdict.explanation == ("Step 1 multiplies 180 miles by 3 hours. What unit does that give? "
                                   "The question asks for miles per hour.")
    assert verdict.evidence["units"]["kind"] == "rate"
    verdict = v.verify(Problem(text=RECIPE), [Step(1, "3/4 + 2 = 2 3/4"), Step(2, "2 3/4 cups of sugar")])
    assert verdict.label == "unsure" and verdict.marks == ["unsure", "not_checked"]
    assert verdict.explanation.startswith("Step 1 adds 3/4 cup per cake and 2 cakes.")
    # right work stays right; with a reference the reference decides
    assert v.verify(Problem(text=CAR), [Step(1, "180 / 3 = 60, so the speed is 60 mph")]).label == "correct"
    ref = Problem(text=CAR, reference_solution=["180 / 3 = 60"])
    assert "units" not in v.verify(ref, [Step(1, "180 x 3 = 540")]).evidence


def test_the_hint_asks_the_units_question_and_gives_nothing_away():
    from tutor.config import load_settings
    from tutor.schema import Submission
    from tutor.service import Tutor

    t = Tutor(load_settings(use_model=False), model=None)
    fb = t.review(Submission(problem=Problem(text=JUICE), solution_text="4.20 x 6 = 25.20\nOne juice box costs $25.20"),
                  save=False)
    assert fb.verdict.label == "unsure"
    assert [h.text for h in fb.hints] == [
        "In step 1 you multiply $4.20 by 6 juice boxes. What unit does that give? "
        "The question asks for the price of one juice box."]
    fb = t.review(Submission(problem=Problem(text=RECIPE), solution_text="3/4 + 2 = 2 3/4"), save=False)
    assert [h.text for h in fb.hints] == [
        "In step 1 you add 3/4 cup per cake and 2 cakes. Are they the same kind of thing? What does each number stand for?"]


def test_the_units_question_replaces_a_general_doubt_about_the_same_step():
    """With the student model the combiner may already doubt the step; the units question says
    more (a browser trial saw "Can you check how you used 5?" instead)."""
    from tutor.verify.verifier import _units_check
    from tutor.schema import Verdict

    problem = Problem(text=RECIPE)
    steps = [Step(1, "3/4 + 2 = 2 3/4")]
    verdict = Verdict(label="unsure", marks=["unsure"], step_error_probs=[0.5])
    _units_check(verdict, problem, steps)
    assert verdict.evidence["units"]["kind"] == "sum" and verdict.explanation.startswith("Step 1 adds")
    earlier = Verdict(label="unsure", marks=["unsure", "not_checked"], step_error_probs=[0.5, 0.1])
    _units_check(earlier, Problem(text=RECIPE), [Step(1, "2 + 2 = 4"), Step(2, "3/4 + 2 = 2 3/4")])
    assert "units" not in earlier.evidence  # an earlier doubt stays


TRAIN = "A train travels at 60 miles per hour. How long will it take to travel 180 miles?"


@pytest.mark.parametrize("problem, steps, expression", [
    # a speed asked without its unit
    ("A car travels 180 miles in 3 hours. How fast is it going?", ["180 x 3 = 540"], "180*3"),
    # how long from a rate and an amount: only the amount divided by the rate gives a time
    (TRAIN, ["180 x 60 = 10800"], "180*60"),
    (TRAIN, ["60 / 180 = 0.33"], "60/180"),
])
def test_speed_and_time_asked_without_a_unit(problem, steps, expression):
    (conflict,) = unit_conflicts(problem, steps)
    assert (conflict.step, conflict.expression) == (0, expression)


@pytest.mark.parametrize("problem, steps", [
    ("A car travels 180 miles in 3 hours. How fast is it going?", ["180 / 3 = 60 miles per hour"]),
    (TRAIN, ["180 / 60 = 3 hours"]),
    # a typing speed is words per minute, not a distance: not read
    ("Maria types 240 words in 4 minutes. How fast does she type?", ["240 x 4 = 960"]),
    # two rates: which one the time comes from is not known
    ("A train travels at 60 miles per hour and a car at 40 miles per hour. How long will it take the "
     "train to travel 180 miles?", ["180 x 60 = 10800"]),
])
def test_right_or_unreadable_speed_and_time_work_is_left_alone(problem, steps):
    assert unit_conflicts(problem, steps) == []


def test_the_time_question_is_asked_as_one():
    verdict = Verifier(None).verify(Problem(text=TRAIN), [Step(1, "180 x 60 = 10800", "180 x 60 = 10800")])
    assert verdict.label == "unsure"
    assert verdict.explanation == ("Step 1 multiplies 180 miles by 60 miles per hour. What unit does that give? "
                                   "The question asks how long.")


def test_how_long_from_a_rate_the_work_found_and_named():
    bike = "Zoe bikes 18 miles in 2 hours. At the same speed, how long will it take her to bike 45 miles?"
    (conflict,) = unit_conflicts(bike, ["18 ÷ 2 = 9 miles per hour", "45 x 9 = 405", "it will take 405 hours"])
    assert (conflict.step, conflict.operands, conflict.asked) == (1, ("45 miles", "9 miles per hour"), "how long")
    assert unit_conflicts(bike, ["18 ÷ 2 = 9 miles per hour", "45 ÷ 9 = 5", "it will take 5 hours"]) == []
    assert unit_conflicts(bike, ["18 ÷ 2 = 9", "45 x 9 = 405"]) == []  # the 9 not named: not read


def test_a_number_times_a_fraction_is_read_as_its_two_operands():
    import ast

    from tutor.dimensions import operands

    assert operands("6*3/4") == (ast.Mult, Fraction(6), Fraction(3, 4))
    assert operands("40*5/2") is None  # not a fraction: (40 × 5) ÷ 2 as written
    assert operands("180*3") == (ast.Mult, Fraction(180), Fraction(3))


def test_a_quantity_multiplied_by_its_own_serving_size_is_doubted():
    problem = "Ana has 6 cups of rice. One serving is 3/4 cup. How many servings can she make?"
    # "= 18/4 = 4.5" only simplifies the first link: the computation is 6 × 3/4
    found = unit_conflicts(problem, ["6 × 3/4 = 18/4 = 4.5", "There are 4.5 servings."])
    assert [(c.kind, c.step, c.operands) for c in found] == [("unit", 0, ("6 cups", "3/4 cup per serving"))]
    assert unit_conflicts(problem, ["6 ÷ 3/4 = 6 × 4/3 = 8", "She can make 8 servings."]) == []


def test_a_speed_in_mph_is_length_per_time():
    from tutor.dimensions import given_quantities, unit_conflicts

    problem = "A car drives at 65 mph. How many hours does it take to drive 390 miles?"
    assert dict(given_quantities(problem)[65].unit) == {"length": 1, "time": -1}
    assert [c.kind for c in unit_conflicts(problem, ["65 × 390 = 25,350", "It takes 25,350 hours"])] == ["unit"]
    assert unit_conflicts(problem, ["390 ÷ 65 = 6", "It takes 6 hours"]) == []
    # a result said in words is worked out, not the problem's "$16"
    assert unit_conflicts("The fine is $16 for each mile per hour over the limit of 50 mph. Jed was fined $256. "
                          "How fast was he going?",
                          ["$256 fine / $16 for each mile per hour over = 16 miles per hour over",
                           "50 + 16 = 66 mph"]) == []


def test_a_bare_each_is_per_the_things_the_clause_is_about():
    from tutor.dimensions import given_quantities, unit_conflicts

    problem = "Tickets cost $8 each. Ari spent $96 on tickets. How many tickets did he buy?"
    assert dict(given_quantities(problem)[8].unit) == {"money": 1, "#ticket": -1}
    assert [c.operands for c in unit_conflicts(problem, ["96 × 8 = 768", "He bought 768 tickets"])] == [
        ("$96", "$8 per ticket")]
    assert unit_conflicts(problem, ["96 ÷ 8 = 12", "He bought 12 tickets"]) == []
    assert dict(given_quantities("It costs $8 each. How much for 3?")[8].unit) == {"money": 1}


def _verdict(problem, solution):
    from tutor.schema import Submission
    from tutor.service import read_submission

    sub = Submission(problem=Problem(text=problem), solution_text=solution)
    steps = read_submission(sub)
    return Verifier(None).verify(sub.problem, steps), steps


@pytest.mark.parametrize("problem, solution, units", [
    ("A car travels at 60 mph for 45 minutes. How far does it go?", "60 × 45 = 2700\nIt goes 2700 miles",
     ("per hour", "minutes")),
    ("A garden bed is 3 m long and 40 cm wide. What is its area in square meters?",
     "3 × 40 = 120\nThe area is 120 m²", ("m", "cm")),
    ("1.5 L of juice is poured into 300 mL cups. How many cups can be filled?", "1.5 ÷ 300 = 0.005\n0.005 cups",
     ("l", "ml")),
    ("A movie is 2 hours long and the ads take 15 minutes. How long is the show in all?",
     "2 + 15 = 17\nThe show is 17 minutes", ("hours", "minutes")),
])
def test_amounts_of_one_kind_in_different_units_are_a_wrong_conversion(problem, solution, units):
    verdict, steps = _verdict(problem, solution)
    assert unit_conflicts(problem, [s.text for s in steps])[0].units == units
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == ("incorrect", 1, "Wrong unit conversion")
    assert "Both must be in the same unit" in verdict.explanation


@pytest.mark.parametrize("problem, solution", [
    # a scale is a rate in other words: 5 km for each cm
    ("A map scale is 1 cm : 5 km. Two towns are 7.5 cm apart on the map. What is the real distance?",
     "7.5 × 5 = 37.5\nThe real distance is 37.5 km."),
    ("A scale drawing uses 1 cm to show 4 m. A room is 6 cm long in the drawing. How long is the real room?",
     "6 × 4 = 24 m\nThe room is 24 meters long."),
    ("On a map, 1 inch represents 15 miles. Two towns are 3.5 inches apart on the map. How far apart are they?",
     "3.5 × 15 = 52.5\nThe towns are 52.5 miles apart."),
    # two times multiplied or divided: one is a rate in other words (hours per day)
    ("Esteban exercised for 10 minutes on each of 9 days. How many minutes did he exercise?", "10 × 9 = 90 minutes"),
    ("Tom reads 10 hours over 5 days. How many hours does he read each day?", "10 / 5 = 2 hours a day"),
    # days and weeks: "per day" over weeks may mean weekdays
    ("Damien jogs 5 miles per day on weekdays only. How many miles does he run over 3 weeks?",
     "3 × 5 = 15 days\n15 × 5 = 75 miles"),
    # the factor between the units, where the problem also gives an amount of that size; a
    # multiplier said in words ("twice") where a "2-hour" movie is given too
    ("Amy bought a 15-foot spool of string to cut into 12-inch wicks. How many wicks can she cut?",
     "15 x 12 = 180 inches\n180 / 12 = 15 wicks"),
    ("Her last movie was 2 hours long and cost $50 per minute. The new one costs twice as much per minute. "
     "What does the new one cost per minute?", "50 x 2 = $100 per minute"),
])
def test_scales_and_hidden_rates_are_not_unmatched_units(problem, solution):
    verdict, steps = _verdict(problem, solution)
    assert [c for c in unit_conflicts(problem, [s.text for s in steps]) if c.kind == "scale"] == []
    assert verdict.label != "incorrect"


@pytest.mark.parametrize("problem, solution, named", [
    ("Pia ran 2.5 km. How many meters did she run?", "2.5 × 100 = 250\nShe ran 250 m", "conversion factor"),
    ("How many seconds are in 2 hours?", "2 × 60 = 120\nThere are 120 seconds in 2 hours", "conversion factor"),
    ("A jug holds 3 quarts. How many cups is that?", "3 × 2 = 6 cups", "conversion factor"),
    ("A board is 96 inches long. How many feet is it?", "96 × 12 = 1152 feet", "conversion direction"),
    # a factor of another kind (12 ounces in a pound), and an amount worked out and said with its unit
    ("A box of apples weighs 3 pounds. How many ounces does it weigh?", "3 x 12 = 36 ounces", "conversion factor"),
])
def test_a_conversion_by_a_bare_number_is_checked(problem, solution, named):
    from tutor.dimensions import implied_conversion

    verdict, steps = _verdict(problem, solution)
    assert implied_conversion(problem, [s.text for s in steps])[0] == 0
    _named_conversion_slip(problem, verdict, steps, named)


def _named_conversion_slip(problem, verdict, steps, named):
    from tutor.hints.fallback import named_misconception

    assert (verdict.label, verdict.first_error_step, verdict.error_category) == ("incorrect", 1, "Wrong unit conversion")
    assert named_misconception(Problem(text=problem), steps, verdict).name == named


def test_a_conversion_said_with_is_and_worked_in_the_middle_is_checked():
    # an amount the step names itself, where the problem's number is also another amount: the
    # statement "6 feet is ... = 60 inches" is read for its two ends
    problem = "A ribbon is 6 feet long. She cuts pieces 6 inches long. How many pieces?"
    verdict, steps = _verdict(problem, "6 feet is 6 × 10 = 60 inches\n60 ÷ 6 = 10 pieces")
    _named_conversion_slip(problem, verdict, steps, "conversion factor")


@pytest.mark.parametrize("problem, solution", [
    ("Pia ran 2.5 km. How many meters did she run?", "2.5 × 1000 = 2500\nShe ran 2500 m"),
    ("A jug holds 3 quarts. How many cups is that?", "3 × 4 = 12 cups"),
    ("A track is 400 m around. Jo runs 5 laps. How many kilometers does she run?", "5 x 400 = 2000 m\n2000 ÷ 1000 = 2 km"),
    # a result said as a rate, and a factor said with a unit, are no conversion
    ("Two workers each work 6 hours a day for 7 days. How many hours do they work?",
     "6 * 2 = 12 hours per day\n7 * 12 = 84 hours"),
    ("A show has 90 episodes of 20 minutes. Tom watches two hours a day. How many days does it take?",
     "90 x 20 = 1800 minutes\n1800 / 60 = 30 hours\n30 hours / 2 hours per day = 15 days"),
    # a number the problem gives, or one worked out, is a rate or a count, not a unit factor
    ("Ben works 8-hour shifts. How many hours does he work in 10 days?", "8 × 10 = 80 hours"),
    ("A dryer costs a quarter for every 10 minutes. Sam dries for 40 minutes and also pays $4 to wash. "
     "How many cents does the dryer cost?", "40 / 10 = 4\n25 x 4 = 100 cents"),
    # days of one kind counted, not weeks converted
    ("A bus makes 14 trips each weekday and 9 trips each weekend day. How many trips in 4 weeks?",
     "Weekdays: 4 × 5 = 20 days, and 20 × 14 = 280 trips.\nWeekend days: 4 × 2 = 8 days, and 8 × 9 = 72 trips.\n"
     "280 + 72 = 352 trips"),
])
def test_right_conversions_and_other_products_are_not_flagged(problem, solution):
    from tutor.dimensions import implied_conversion

    verdict, steps = _verdict(problem, solution)
    assert implied_conversion(problem, [s.text for s in steps]) is None
    assert verdict.label != "incorrect"


def test_an_amount_worked_out_and_said_with_its_unit_is_converted_with_the_right_factor():
    from tutor.dimensions import implied_conversion

    found = implied_conversion("A track is 400 m around. Jo runs 5 laps. How many kilometers does she run?",
                               ["5 x 400 = 2000 m", "2000 ÷ 100 = 20 km"])
    assert found[0] == 1 and (found[1].left, found[1].left_unit, found[1].right, found[1].right_unit) == (2000, "m", 20, "km")
    # with thousands written with a comma, and as an amount per day
    found = implied_conversion("A pool holds 12,000 gallons. A hose fills 8 gallons a minute. How many hours?",
                               ["12,000 ÷ 8 = 1,500 minutes", "1,500 × 60 = 90,000 hours"])
    assert found[0] == 1 and (found[1].left, found[1].right_unit, found[1].expected) == (1500, "hours", 25)
    found = implied_conversion("A tap drips 15 mL a minute. How many liters a day?",
                               ["15 × 60 = 900 mL an hour", "900 × 24 = 21,600 mL a day", "21,600 ÷ 100 = 216 liters"])
    assert found[0] == 2 and (found[1].left, found[1].left_unit, found[1].right) == (21600, "mL", 216)


def test_a_worked_value_said_with_its_unit_added_to_another_kind_is_found():
    problem = "A cyclist rides 36 km in 2 hours. At that speed, how far does she ride in 3 hours?"
    conflicts = unit_conflicts(problem, ["36 / 2 = 18 km/h", "18 + 3 = 21", "She rides 21 km."])
    assert [(c.step, c.kind, tuple(c.operands)) for c in conflicts] == [(1, "sum", ("18 km/h", "3 hours"))]
    # times, not plus: no conflict; and a worked value added to one of its own kind is fine
    assert unit_conflicts(problem, ["36 / 2 = 18 km/h", "18 x 3 = 54", "She rides 54 km."]) == []
    assert unit_conflicts("She rode 36 km on Monday and 2 hours on Tuesday at 9 km/h. How far in all?",
                          ["2 x 9 = 18 km", "36 + 18 = 54 km"]) == []
    # a value said with a unit only in a later step ("10 + 5 = 15 minutes") is the problem's
    # number where the earlier step uses it
    pipes = "One pipe fills 25 liters per minute and another 15 liters per minute. How long do they take to fill 600 liters?"
    assert unit_conflicts(pipes, ["25 + 15 = 40 L a minute.", "400 / 40 = 10 minutes", "200 / 40 = 5 minutes",
                                  "10 + 5 = 15 minutes"]) == []
