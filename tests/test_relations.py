"""Relations a problem's words fix (tutor.relations): the mean's count, a percent change's
base, a rectangle's perimeter and area; the verdict and hints built on them."""

import pytest

from tutor.hints.fallback import fallback_hint
from tutor.hints.guards import check_hint
from tutor.hints.prompting import ladder_kinds
from tutor.relations import broken_relation
from tutor.schema import Problem
from tutor.steps import parse_solution
from tutor.verify import Verifier

SCORES = "Maya's test scores are 82, 90, 75, 88, and 95. What is her mean score?"
GAME = "The price of a game dropped from $50 to $40. What is the percent decrease?"
GARDEN = "A rectangle is 8 cm long and 5 cm wide. Find its perimeter and its area."


@pytest.mark.parametrize("problem, steps, found", [
    (SCORES, ["82 + 90 + 75 + 88 + 95 = 430", "There are 4 tests so 430 ÷ 4 = 107.5"],
     (1, "mean count", "430 / 4", {"count": 5, "divisor": "4"})),
    (SCORES, ["(82 + 90 + 75 + 88 + 95) / 4 = 107.5"], (0, "mean count", "430 / 4", {"count": 5, "divisor": "4"})),
    (GAME, ["50 − 40 = 10", "10 ÷ 40 = 0.25", "The percent decrease is 25%"],
     (1, "percent change base", "10 / 40", {"change": "10", "start": "50", "divisor": "40"})),
    (GAME, ["(50 − 40) / 40 × 100 = 25%"],
     (0, "percent change base", "10 / 40", {"change": "10", "start": "50", "divisor": "40"})),
    (GARDEN, ["Perimeter = 8 + 5 = 13 cm", "Area = 8 × 5 = 40 cm²"],
     (0, "half perimeter", "8 + 5", {"length": "8", "width": "5"})),
    ("A rectangle is 8 cm long and 5 cm wide. What is its perimeter?", ["Perimeter = 8 × 5 = 40 cm"],
     (0, "area for perimeter", "8 × 5", {"length": "8", "width": "5"})),
    ("A rectangular rug is 12 feet by 7 feet. What is its area?", ["Area = 12 + 7 = 19 square feet"],
     (0, "perimeter for area", "12 + 7", {"length": "12", "width": "7"})),
])
def test_a_broken_relation_is_found_at_its_step(problem, steps, found):
    r = broken_relation(problem, steps)
    assert (r.step, r.name, r.expression, r.facts) == found


@pytest.mark.parametrize("problem, steps", [
    (SCORES, ["82 + 90 + 75 + 88 + 95 = 430", "430 ÷ 5 = 86"]),
    (GAME, ["50 − 40 = 10", "10 ÷ 50 = 0.2", "20%"]),
    (GARDEN, ["Perimeter = 2 × (8 + 5) = 26 cm", "Area = 8 × 5 = 40 cm²"]),
    (GARDEN, ["8 + 5 = 13 is half the perimeter", "Perimeter = 13 × 2 = 26 cm", "Area = 8 × 5 = 40"]),
    (GARDEN, ["Perimeter = 8 + 5 + 8 + 5 = 26 cm"]),
    # a mean of some of the list, or a score still to come: another count is right
    ("Her scores are 82, 90, 75, 88 and 95. After dropping the lowest, what is her mean?",
     ["90 + 82 + 88 + 95 = 355", "355 / 4 = 88.75"]),
    ("Her scores are 82, 90 and 75. What must she score next to average 85?", ["85 x 4 = 340", "340 - 247 = 93"]),
    # two changes: which one the question is about is not read
    ("A shirt went from $20 to $25 and a hat from $10 to $8. What is the percent increase of the shirt?",
     ["25 - 20 = 5", "5 / 25 = 0.2"]),
])
def test_right_or_unreadable_work_is_left_alone(problem, steps):
    assert broken_relation(problem, steps) is None


def test_the_verdict_and_ladder_of_a_mean_divided_by_the_wrong_count():
    problem = Problem(text=SCORES)
    steps = parse_solution("82 + 90 + 75 + 88 + 95 = 430\nThere are 4 tests so 430 ÷ 4 = 107.5")
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == (
        "incorrect", 2, "Extra or missing quantity")
    assert verdict.evidence["relation"] == {"step": 2, "name": "mean count", "expression": "430 / 4"}
    hints = [fallback_hint(problem, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert [h.text for h in hints] == [
        "Look at step 2, where you divide by 4. How many numbers does the problem list?",
        "In step 2, the mean shares the total equally among all the numbers in the sum. How many numbers are "
        "in the sum?",
        "Redo step 2: count the numbers in the problem's list. Then divide the sum by that count.",
    ]
    assert all(check_hint(h.text, h.level, h.kind, problem, steps, verdict) == [] for h in hints)


@pytest.mark.parametrize("problem, solution, ladder", [
    (GAME, "50 − 40 = 10\n10 ÷ 40 = 0.25\nThe percent decrease is 25%", [
        "Look at step 2, where you divide 10 by 40. Is 40 the amount at the start?",
        "In step 2, a percent change compares the change with the starting amount. Which number in the "
        "problem is the starting amount?",
        "Redo step 2: divide the change, 10, by the starting amount, 50. Then write the result as a percent."]),
    (GARDEN, "Perimeter = 8 + 5 = 13 cm\nArea = 8 × 5 = 40 cm²", [
        "Look at step 1, where you work out 8 + 5. How many sides does a rectangle have?",
        "In step 1, the perimeter is the distance all the way around the rectangle. Which sides did you add, "
        "and which sides are still missing?",
        "Redo step 1: add every side of the rectangle: 8 + 5 + 8 + 5."]),
])
def test_the_ladders_of_a_percent_change_base_and_a_half_perimeter(problem, solution, ladder):
    problem, steps = Problem(text=problem), parse_solution(solution)
    verdict = Verifier(None).verify(problem, steps)
    assert verdict.label == "incorrect"
    assert [fallback_hint(problem, steps, verdict, lv, kind).text for lv, kind in ladder_kinds(verdict)] == ladder


def test_a_decimal_of_hours_read_as_minutes_in_a_later_step():
    r = broken_relation("A cyclist rides at 12 km per hour. How long will it take to ride 30 km?",
                        ["30 ÷ 12 = 2.5 hours", "It will take 2 hours and 50 minutes"])
    assert (r.step, r.name, r.facts) == (1, "minutes as hundredths", {"hours": "2.5", "part": "0.5", "minutes": "50"})
    assert broken_relation("x", ["30 ÷ 12 = 2.5 hours", "It will take 2 hours and 30 minutes"]) is None
    assert broken_relation("x", ["7 / 4 = 1.75", "1 hour and 45 minutes"]) is None
    problem = Problem(text="A cyclist rides at 12 km per hour. How long will it take to ride 30 km?")
    steps = parse_solution("30 ÷ 12 = 2.5 hours\nIt will take 2 hours and 50 minutes")
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == ("incorrect", 2, "Wrong unit conversion")
    assert fallback_hint(problem, steps, verdict, 2, "concept").text == (
        "In step 2, how many minutes make one hour? So how many minutes are in 0.5 of an hour?")


def test_a_result_said_again_in_other_units_is_checked():
    problem = Problem(text="A movie is 135 minutes long. How many hours is that?")
    right = parse_solution("135 ÷ 60 = 2.25\nThe movie is 2.25 hours long, which is 2 hours 15 minutes")
    assert Verifier(None).verify(problem, right).label == "correct"
    wrong = parse_solution("135 ÷ 60 = 2.25\nThe movie is 2.25 hours long, which is 2 hours 25 minutes")
    assert Verifier(None).verify(problem, wrong).first_error_step == 2


@pytest.mark.parametrize("problem, steps", [
    # the new amount is the base on purpose
    ("A bike's price went from $200 to $250. What percent of the new price is the increase?",
     ["250 - 200 = 50", "50 ÷ 250 = 0.2 = 20%"]),
    ("A ticket was raised from $15 to $20. Later it was lowered back to its old price. By what percent was "
     "it lowered?", ["20 - 15 = 5", "5 ÷ 20 = 0.25 = 25%"]),
    # more numbers than listed: a game with no goals
    ("A team scored 2, 3, 1, and 4 goals in four games and 0 in the fifth. What was the mean per game?",
     ["2 + 3 + 1 + 4 = 10", "10 ÷ 5 = 2"]),
    # half the perimeter on purpose, the sum used again, a side of 2
    ("An ant walks along the edges of a rectangle 8 cm long and 5 cm wide to the opposite corner. How far?",
     ["It walks half the perimeter: 8 + 5 = 13 cm"]),
    ("A rectangular yard is 20 feet long and 15 feet wide. Fencing costs $4 per foot. What does the fence cost?",
     ["Perimeter part: 20 + 15 = 35 feet", "Cost = 35 × 2 × 4 = $280"]),
    ("A rectangle is 9 inches long and 2 inches wide. What is its perimeter?",
     ["Perimeter: the long sides make 2 × 9 = 18 inches", "The short sides make 2 × 2 = 4 inches", "18 + 4 = 22"]),
])
def test_other_bases_counts_and_sums_on_purpose_are_left_alone(problem, steps):
    assert broken_relation(problem, steps) is None


@pytest.mark.parametrize("problem, steps, facts", [
    # no "from ... to ...": an increase starts at the smaller amount, a decrease at the larger
    ("A shirt cost $40 last year. Now it costs $50. What is the percent increase?",
     ["50 - 40 = 10", "10 / 50 = 0.2 = 20%"], {"change": "10", "start": "40", "divisor": "50"}),
    ("Last year 300 students joined the club; this year 240 did. What is the percent decrease?",
     ["300 - 240 = 60", "60 / 240 = 0.25"], {"change": "60", "start": "300", "divisor": "240"}),
    ("A $60 jacket is on sale for $45. What percent discount is that?",
     ["60 - 45 = 15", "15 ÷ 45 = 1/3"], {"change": "15", "start": "60", "divisor": "45"}),
])
def test_a_change_said_without_from_to_is_read_by_its_direction(problem, steps, facts):
    r = broken_relation(problem, steps)
    assert (r.step, r.name, r.facts) == (1, "percent change base", facts)
    right = [steps[0], f"{facts['change']} / {facts['start']} = {int(facts['change']) / int(facts['start'])}"]
    assert broken_relation(problem, right) is None


@pytest.mark.parametrize("problem", [
    # no single direction asked, or more numbers than the two amounts
    "A shirt cost $40 last year. Now it costs $50. What is the percent change?",
    "A shirt cost $40 in 2023. Now it costs $50. What is the percent increase?",
    "A shirt cost $40 last year. Now it costs $50. Did the price increase or decrease, and by what percent?",
])
def test_a_change_without_from_to_is_left_alone_when_unsure(problem):
    assert broken_relation(problem, ["50 - 40 = 10", "10 / 50 = 0.2 = 20%"]) is None


def test_by_what_percent_and_thousands_are_read():
    r = broken_relation("Sales dropped from 1,500 to 1,200. By what percent did sales decrease?",
                        ["1,500 - 1,200 = 300", "300 ÷ 1,200 = 0.25 = 25%"])
    assert (r.step, r.name, r.facts["start"], r.facts["divisor"]) == (1, "percent change base", "1500", "1200")
    r = broken_relation("Leo's scores were 82, 90 and 76. What is his average?", ["82 + 90 + 76 = 248", "248 ÷ 2 = 124"])
    assert (r.name, r.facts) == ("mean count", {"count": 3, "divisor": "2"})


@pytest.mark.parametrize("problem, steps, name", [
    ("A rectangular garden is 12 feet by 7 feet. How much fencing is needed to go around it?",
     ["12 + 7 = 19 feet of fence"], "half perimeter"),
    ("A rectangular room is 12 feet by 10 feet. How many square feet of carpet are needed?",
     ["12 + 10 = 22 square feet"], "perimeter for area"),
])
def test_the_question_says_perimeter_or_area_in_everyday_words(problem, steps, name):
    assert broken_relation(problem, steps).name == name
    # doubled, or multiplied for the area: right
    assert broken_relation(problem, ["12 + 7 = 19", "19 x 2 = 38 feet"] if name == "half perimeter"
                           else ["12 x 10 = 120 square feet"]) is None


def test_a_field_long_and_wide_is_a_rectangle_and_laps_do_not_double_it():
    field = "A field is 90 m long and 60 m wide. How far does Mia run if she jogs around the field 3 times?"
    r = broken_relation(field, ["P = 90 + 60 = 150 m", "150 x 3 = 450 m"])
    assert (r.step, r.name, r.facts) == (0, "half perimeter", {"length": "90", "width": "60"})
    assert broken_relation(field, ["P = 90 + 60 + 90 + 60 = 300 m", "300 x 3 = 900 m"]) is None
    assert broken_relation(field, ["90 + 60 = 150", "150 x 2 = 300", "300 x 3 = 900 m"]) is None
    # with a height it is a box, not a rectangle
    assert broken_relation("A tank is 90 cm long and 60 cm wide and 40 cm tall. How much tape goes around "
                           "its top?", ["90 + 60 = 150 cm"]) is None


def test_a_square_given_with_hyphenated_sides():
    frame = "A square frame has 7-inch sides. What is its perimeter?"
    assert broken_relation(frame, ["P = 7 x 7 = 49 in"]).name == "area for perimeter"
    assert broken_relation(frame, ["P = 4 x 7 = 28 in"]) is None


def test_a_square_s_area_as_its_perimeter_and_back():
    tile = "A square tile has sides that are 9 inches long. What is the area of the tile?"
    r = broken_relation(tile, ["9 x 4 = 36", "Answer: 36 square inches"])
    assert (r.step, r.name, r.facts["shape"]) == (0, "perimeter for area", "square")
    assert broken_relation(tile, ["9 x 9 = 81 square inches"]) is None
    garden = "A square garden has sides of 6 meters. How much fence goes around it?"
    assert broken_relation(garden, ["6 x 6 = 36 meters"]).name == "area for perimeter"
    assert broken_relation(garden, ["6 x 4 = 24 meters"]) is None
    problem, steps = Problem(text=tile), parse_solution("9 x 4 = 36\nAnswer: 36 square inches")
    verdict = Verifier(None).verify(problem, steps)
    assert verdict.explanation == ("In step 1, 9 × 4 gives a distance around, not the area. The area of a square "
                                   "is side × side.")
    assert fallback_hint(problem, steps, verdict, 3, "bottom_out").text == "Redo step 1: multiply the side by itself: 9 × 9."


def test_a_clock_time_is_not_a_number_the_work_must_use():
    problem = Problem(text="At 6 am the temperature was -8°F. By noon it had gone up 15 degrees. What was the "
                           "temperature at noon?")
    assert Verifier(None).verify(problem, parse_solution("-8 + 15 = 7\nAnswer: 7°F")).label == "correct"


def test_a_square_beside_other_numbers_is_left_alone():
    # the 4 of "4 x 6" is the box's height, not four sides (a VtG right solution, read without its reference)
    box = ("Tara has a shoebox that is 4 inches tall and 6 inches wide. She puts a square block inside that "
           "is 4 inches per side. How many square inches of the box are left uncovered?")
    assert broken_relation(box, ["The area of the bottom is 4 x 6 = 24 square inches."]) is None


@pytest.mark.parametrize("problem, steps", [
    # a side of 4: "4 x 4" is four sides too
    ("A square sandbox has sides of 4 feet. What is its perimeter?", ["Perimeter = 4 × 4 = 16", "16 feet"]),
    # compared with the later amount on purpose
    ("Tim's score went from 60 to 75. His first score was what percent lower than his second?",
     ["75 - 60 = 15", "15 ÷ 75 = 0.2", "The first score was 20% lower than the second."]),
])
def test_a_side_of_4_and_a_comparison_base_are_left_alone(problem, steps):
    assert broken_relation(problem, steps) is None


FENCE = ("A rectangular garden is 12 m long and 8 m wide. Fencing costs $5 per meter. "
         "How much will it cost to fence the garden?")


def test_an_amount_found_as_one_kind_and_stated_as_another_is_a_missing_step():
    r = broken_relation(FENCE, ["Perimeter = 2 × (12 + 8) = 40 m", "The fence costs $40."])
    assert (r.step, r.name, r.expression, r.facts) == (1, "changed kind", "$40", {
        "value": "40", "unit": "m", "measure": "length", "as_measure": "money", "found_in": 1})
    problem = Problem(text=FENCE)
    steps = parse_solution("Perimeter = 2 × (12 + 8) = 40 m\nThe fence costs $40.")
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == ("incorrect", 2, "Missing step")
    hints = [fallback_hint(problem, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert [h.text for h in hints][0] == "Look at step 2, where you write $40. Is that the same kind of amount as 40 m?"
    assert all(check_hint(h.text, h.level, h.kind, problem, steps, verdict) == [] for h in hints)


@pytest.mark.parametrize("problem, steps", [
    (FENCE, ["Perimeter = 2 × (12 + 8) = 40 m", "40 × $5 = $200"]),
    # a value the problem gives, or worked out again in its new kind
    ("A rope is 40 m long and costs $40. How much does 1 m cost?", ["40 m costs $40", "$40 ÷ 40 = $1"]),
    ("Tape costs $1 per meter. A box is 10 m around. How much tape money?", ["4 + 6 = 10 m", "10 × $1 = $10"]),
    # "in all" is not inches
    ("Jen works 6 hours on Saturday and 4 on Sunday. How many hours in all?", ["6 + 4 = 10 hours", "10 in all"]),
])
def test_amounts_kept_in_their_kind_are_left_alone(problem, steps):
    assert broken_relation(problem, steps) is None


@pytest.mark.parametrize("problem, steps", [
    # an average of something else than the listed numbers: a speed, a share, per half
    ("A cyclist rode stages of 10, 12 and 14 km. The ride took 120 minutes. What was her average speed in km per hour?",
     ["10 + 12 + 14 = 36 km", "120 minutes = 2 hours", "36 / 2 = 18 km per hour"]),
    ("Sam and Ana bought snacks for $4, $6, $3 and $7. They split the cost evenly. What was the average each paid?",
     ["4 + 6 + 3 + 7 = 20", "20 / 2 = 10"]),
    # hours and minutes the problem gives, or a sum: not a decimal restated
    ("Ana read for 2 hours 50 minutes on Saturday and 150 minutes on Sunday. How many more minutes on Saturday?",
     ["150 / 60 = 2.5 hours on Sunday", "2 hours 50 minutes = 170 minutes", "170 - 150 = 20 minutes"]),
    ("Ana rides 25 km at 10 km per hour, then rests 20 minutes. How long is the trip in hours and minutes?",
     ["25 / 10 = 2.5 hours", "2.5 hours = 2 hours 30 minutes", "2 hours 30 minutes + 20 minutes = 2 hours 50 minutes"]),
    # another change besides the "from ... to ..." pair
    ("A stock rose from $80 to $100 on Monday. On Tuesday it lost $20. What was the percent decrease on Tuesday?",
     ["20 / 100 = 0.2", "0.2 = 20%"]),
    ("A price went from $40 to $50. What percent discount would bring the price down to $40?",
     ["50 - 40 = 10", "10 / 50 = 0.2"]),
    # some of a rectangle's sides only; a frame's glass is inside
    ("A rectangular garden is 8 feet long and 5 feet wide. A wall runs along two of its sides. How many feet of "
     "fencing are needed for the other two sides?", ["8 + 5 = 13 feet"]),
    ("A rectangular picture frame is 8 inches by 5 inches. How much glass does the frame need?",
     ["8 x 5 = 40 square inches"]),
    ("A square garden is 9 metres on each side, with a fence around it. How many square metres of grass are inside?",
     ["9 x 9 = 81 square metres"]),
])
def test_a_review_s_right_work_is_left_alone(problem, steps):
    assert broken_relation(problem, steps) is None


@pytest.mark.parametrize("problem, steps, name", [
    ("The prices were $1,200, $1,500 and $1,800. What is the average price?",
     ["1200 + 1500 + 1800 = 4500", "4500 / 2 = 2250"], "mean count"),
    ("Find the mean of these test scores: 4, 8, 6, 10, 7.", ["4 + 8 + 6 + 10 + 7 = 35", "35 ÷ 4 = 8.75"], "mean count"),
    ("The price rose from $40 to $50. What is the % increase?", ["50 - 40 = 10", "10 / 50 = 0.2 = 20%"],
     "percent change base"),
    ("A square is 9 cm on each side. What is its area?", ["4 x 9 = 36"], "perimeter for area"),
    ("A rectangle is 8 cm in length and 5 cm in width. What is its perimeter?", ["8 + 5 = 13 cm"], "half perimeter"),
    # the half then divided as if it were the whole way round
    ("A square has the same perimeter as a rectangle that is 14 cm long and 10 cm wide. What is the area of the "
     "square?", ["The perimeter of the rectangle is 14 + 10 = 24 cm.", "Each side is 24 ÷ 4 = 6 cm.",
                 "The area is 6 × 6 = 36 cm²."], "half perimeter"),
])
def test_a_review_s_missed_relations_are_found(problem, steps, name):
    assert broken_relation(problem, steps).name == name


@pytest.mark.parametrize("problem, steps, found", [
    ("Find the median of 3, 9, 4, 7, 12, 5.", ["The middle numbers are 4 and 7", "(4 + 7) ÷ 2 = 5.5"], (0, "4, 7")),
    ("What is the median of 7, 3, 9, 1, 5?", ["The middle number is 9"], (0, "9")),
])
def test_a_median_taken_from_the_list_as_written_is_found(problem, steps, found):
    r = broken_relation(problem, steps)
    assert (r.step, r.name, r.expression) == (found[0], "median unsorted", found[1])


@pytest.mark.parametrize("problem, steps", [
    ("Find the median of 3, 9, 4, 7, 12, 5.", ["In order: 3, 4, 5, 7, 9, 12", "(5 + 7) ÷ 2 = 6"]),
    ("What is the median of 12, 15, 18, and 21?", ["The two middle numbers are 15 and 18", "(15 + 18) ÷ 2 = 16.5"]),
    ("What is the median of 7, 3, 9, 1, 5?", ["1, 3, 5, 7, 9", "The median is 5"]),
    # from largest to smallest is in order too
    ("Find the median of 3, 9, 4, 7, 12, 5.", ["From largest to smallest: 12, 9, 7, 5, 4, 3", "(7 + 5) ÷ 2 = 6"]),
])
def test_a_median_of_the_list_in_order_is_left_alone(problem, steps):
    assert broken_relation(problem, steps) is None


ROPE = "A rope costs $2 per meter. Ben buys 20 meters. How much does he pay?"
RUG = "A rectangle is 5 m long and 8 m wide. What is its area?"


@pytest.mark.parametrize("problem, steps, found", [
    (FENCE, ["12 + 8 + 12 + 8 = 40 m", "40 × 5 = 200 m", "The fence costs 200 meters."],
     (1, "wrong unit", "40 m × $5 per meter", {"measure": "money", "said_measure": "length", "found_in": 2,
                                               "unit": "m", "value": "200"})),
    (ROPE, ["20 × 2 = 40", "He pays 40 meters."],
     (1, "wrong unit", "20 meters × $2 per meter", {"measure": "money", "said_measure": "length", "found_in": 1,
                                                    "unit": "meters", "value": "40"})),
    (RUG, ["5 × 8 = 40 m", "The area is 40 m."], (0, "area unit", "40 m", {"unit": "m"})),
    (RUG, ["5 × 8 = 40", "The area is 40 m."], (1, "area unit", "40 m", {"unit": "m"})),
])
def test_a_result_in_a_unit_its_computation_cannot_give(problem, steps, found):
    r = broken_relation(problem, steps)
    assert (r.step, r.name, r.expression, r.facts) == found


@pytest.mark.parametrize("problem, steps", [
    (FENCE, ["12 + 8 + 12 + 8 = 40 m", "40 × 5 = $200", "The fence costs $200."]),
    (ROPE, ["20 × 2 = 40", "He pays 40 dollars."]),
    (RUG, ["5 × 8 = 40 m²", "The area is 40 square meters."]),
    (RUG, ["Area = 5 × 8 = 40 cm^2"]),
    ("A car travels at 60 miles per hour for 3 hours. How far does it go?", ["60 × 3 = 180 miles"]),
    ("A car travels 180 miles in 3 hours. What is its speed?", ["180 ÷ 3 = 60 miles per hour"]),
    ("A car travels 180 km in 3 hours. What is its speed?", ["180 ÷ 3 = 60 km/h"]),
    ("On a map, 1 inch represents 50 miles. Two towns are 3 inches apart. How far apart are they?",
     ["3 × 50 = 150 miles"]),
    ("A square has sides of 6 cm. Find its area and its perimeter.",
     ["4 × 6 = 24 cm", "6 × 6 = 36", "Area: 36 square cm, perimeter 24 cm"]),
])
def test_results_in_the_unit_their_computation_gives_are_left_alone(problem, steps):
    assert broken_relation(problem, steps) is None


def test_the_verdict_and_ladder_of_a_cost_written_in_meters():
    problem = Problem(text=FENCE)
    steps = parse_solution("12 + 8 + 12 + 8 = 40 m\n40 × 5 = 200 m\nThe fence costs 200 meters.")
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 2)
    assert verdict.explanation == "In step 2, 40 m × $5 per meter gives an amount of money, but it is written in m, a length."
    hints = [fallback_hint(problem, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert [h.text for h in hints] == [
        "Look at step 2, where you write 200 m. What unit belongs with the result of 40 m × $5 per meter?",
        "In step 2, look at the units. Is the result of that multiplication an amount of money, or a length?",
        "Redo step 2: the multiplication is right. Write its result with the unit of an amount of money.",
    ]
    assert all(check_hint(h.text, h.level, h.kind, problem, steps, verdict) == [] for h in hints)
    area = Verifier(None).verify(Problem(text=RUG), parse_solution("5 × 8 = 40 m\nThe area is 40 m."))
    assert (area.label, area.first_error_step, area.explanation) == (
        "incorrect", 1, "In step 1, the area is written as 40 m, a length. An area is measured in square units: m².")


def test_the_mean_and_median_a_question_asks_for():
    from fractions import Fraction

    from tutor.relations import asked_mean, asked_median

    assert asked_mean(SCORES) == 86
    assert asked_median("Find the median of these numbers: 7, 3, 9, 12, 5, 8") == Fraction(15, 2)
    assert asked_median("Find the median of 3, 9, 4.") == 4
    assert asked_mean("The mean of 4, 6 and 8 after dropping the lowest?") is None  # not the whole list
    # a mean "per week" of one value for each of the weeks said; per another time it is not the list's
    assert asked_mean("Over 5 weeks a plant grew 3 cm, 5 cm, 4 cm, 0 cm and 8 cm. What was its average growth "
                      "per week?") == 4
    assert asked_mean("She read 20, 30 and 40 pages in 2 weeks. What is her average per day?") is None
    assert asked_median(SCORES) is None


@pytest.mark.parametrize("problem, steps", [
    # from a code review (v18): the area said as a product in words or other signs, a square's
    # four sides times a number equal to the price, a scale's lengths, "inch squares"
    (RUG, ["Area = 5 m times 8 m = 40 m²"]),
    (RUG, ["Area = 5 m X 8 m = 40 m²"]),
    (RUG, ["The area is 5 m (length) × 8 m = 40 m²"]),
    ("A square garden has sides of 5 feet. Fencing costs $4 per foot. How much does the fence cost?",
     ["5 × 4 = 20 feet", "20 × 4 = $80"]),
    ("On a scale drawing 1 cm represents 2 m. A room is 4 cm by 3 cm on the drawing. What is the real area of "
     "the room?", ["4 × 2 = 8 m", "3 × 2 = 6 m", "8 × 6 = 48 m²"]),
    ("A photo is 4 inches by 6 inches. What is its area?", ["4 × 6 = 24 inch squares"]),
])
def test_right_work_a_review_found_accused_is_left_alone(problem, steps):
    assert broken_relation(problem, steps) is None


TANK = "A fish tank is 50 cm long, 30 cm wide and 40 cm high. What is its volume?"


def test_a_volume_in_square_or_length_units():
    r = broken_relation(TANK, ["50 × 30 = 1500", "1500 × 40 = 60000", "The volume is 60000 cm²"])
    assert (r.step, r.name, r.expression, r.facts) == (2, "volume unit", "60000 cm²", {"unit": "cm"})
    assert broken_relation(TANK, ["50 × 30 × 40 = 60000", "The volume is 60000 cm³"]) is None
    assert broken_relation("A box is 2 ft by 3 ft by 4 ft. What is its volume?",
                           ["2 × 3 × 4 = 24", "The volume is 24 cubic feet."]) is None
    verdict = Verifier(None).verify(Problem(text=TANK), parse_solution("50 × 30 × 40 = 60000\nThe volume is 60000 cm²"))
    assert (verdict.label, verdict.first_error_step, verdict.explanation) == (
        "incorrect", 2, "In step 2, the volume is written as 60000 cm². A volume is measured in cubic units: cm³.")


@pytest.mark.parametrize("problem, steps, found", [
    ("15 is 20% of what number?", ["20% = 15", "so 100% = 15 × 4 = 60"],
     (1, "100% = 60", {"percent": "100", "amount": "60", "first_percent": "20", "first_amount": "15"})),
    ("Jo answered 45 questions correctly. That is 90% of the test. How many questions are on the test?",
     ["90% = 45", "10% = 4.5", "100% = 45"],
     (1, "10% = 4.5", {"percent": "10", "amount": "4.5", "first_percent": "90", "first_amount": "45"})),
])
def test_a_percent_ladder_that_does_not_grow_like_its_percents(problem, steps, found):
    r = broken_relation(problem, steps)
    assert (r.step, r.name, r.expression, r.facts) == (found[0], "percent ladder", found[1], found[2])


@pytest.mark.parametrize("problem, solution", [
    ("15 is 20% of what number?", "20% = 15\nso 100% = 15 × 5 = 75"),
    ("8 students is 10% of the school choir. How many students are in the choir?",
     "10% = 8\nso 100% = 80\nThere are 80 students in the choir"),  # was "nothing checked"
    ("A shirt costs $40 and is on sale for 15% off. What is the sale price?",
     "10% = 4\n5% = 2\n15% = 6\n40 - 6 = 34\nThe sale price is $34"),
])
def test_a_percent_ladder_that_fits_is_right(problem, solution):
    assert Verifier(None).verify(Problem(text=problem), parse_solution(solution)).label == "correct"
    # a factor's percent is no rung: "24 × 50% = 12" multiplies by it
    assert broken_relation("Half of 24 is what?", ["24 × 50% = 12", "12 × 20% = 2.4"]) is None


def test_a_sorted_list_then_its_median_is_work_an_answer_alone_is_not():
    problem = Problem(text="Find the median of 7, 2, 9, 4, 5.")
    assert Verifier(None).verify(problem, parse_solution("In order: 2, 4, 5, 7, 9\nThe middle number is 5.")).label == "correct"
    assert Verifier(None).verify(problem, parse_solution("5")).label == "unsure"


WALKERS = "There are 40 students in the class. 20% of them walk to school. How many walk?"


@pytest.mark.parametrize("problem, solution, label", [
    # each rung is a percent of the problem's whole: right, and the whole counts as used
    (WALKERS, "10% = 4\n20% = 8\n8 students walk", "correct"),
    (WALKERS, "10% = 4 students\n20% = 4 × 2 = 8 students\n8 students walk", "correct"),
    ("There are 100 students in the class. 20% of them walk to school. How many walk?",
     "20% = 20\n20 students walk", "correct"),  # not a wrong conversion of 20%
    ("There are 10 students in the group. 10% of them are absent. How many are absent?",
     "10% = 1 student\n1 student is absent", "correct"),
])
def test_a_percent_said_as_its_share_of_the_problems_whole(problem, solution, label):
    assert Verifier(None).verify(Problem(text=problem), parse_solution(solution)).label == label


def test_a_ladder_that_starts_from_the_wrong_share_of_the_whole():
    r = broken_relation(WALKERS, ["10% = 5", "20% = 10", "10 students walk"])
    assert (r.step, r.name, r.expression, r.facts) == (
        0, "percent rung", "10% = 5", {"percent": "10", "amount": "5", "whole": "40"})
    verdict = Verifier(None).verify(Problem(text=WALKERS), parse_solution("10% = 5\n20% = 10\n10 students walk"))
    assert (verdict.label, verdict.first_error_step, verdict.explanation) == (
        "incorrect", 1, "In step 1, 10% is written as 5, but 5 is not 10% of 40, the whole the problem gives.")
    # the problem's number is the part: "36 is 90%" makes 10% = 4
    assert broken_relation("Amy got 36 questions right, which is 90% of the test. How many questions were there?",
                           ["10% = 4", "100% = 40"]) is None
    # a whole after a discount or a comparison is not the one the rungs are of
    assert broken_relation("A store has an 8% discount. Shara paid $184. How much did she save?",
                           ["100% - 8% = 92%", "every 1% is $184/92 = $2", "$2 x 8 = $16"]) is None


def test_a_mean_divided_by_more_than_the_problem_says_it_lists():
    problem = "Maya scored 80, 90 and 70 on three tests. What is her mean score?"
    r = broken_relation(problem, ["80 + 90 + 70 = 240", "240 ÷ 4 = 60"])
    assert (r.step, r.name, r.facts) == (1, "mean count", {"count": 3, "divisor": "4"})
    assert broken_relation(problem, ["80 + 90 + 70 = 240", "240 ÷ 3 = 80"]) is None
    # without the count said, more may be right (a day with nothing read)
    assert broken_relation("Maya scored 80, 90 and 70. What is her mean score?",
                           ["80 + 90 + 70 = 240", "240 ÷ 4 = 60"]) is None


def test_a_percent_written_another_way_is_no_rung_and_a_rung_can_be_the_part():
    from tutor.relations import percent_amounts
    assert percent_amounts("75% = 3/4") == [] and percent_amounts("25% = 1/4 = 0.25") == []
    assert [(int(p), int(a)) for p, a in percent_amounts("75% = 3/4 × 40 = 30")] == [(75, 30)]
    assert Verifier(None).verify(Problem(text="What is 75% of 40?"),
                                 parse_solution("75% = 3/4\n3/4 × 40 = 30")).label == "correct"
    # the discount found by a ladder, then given as the sale price
    verdict = Verifier(None).verify(
        Problem(text="A shirt costs $40 and is on sale for 15% off. What is the sale price?"),
        parse_solution("10% = 4\n5% = 2\n15% = 6\nThe sale price is $6"))
    assert (verdict.label, verdict.first_error_step, verdict.evidence["relation"]["name"]) == (
        "incorrect", 4, "part for total")


@pytest.mark.parametrize("problem, steps, facts", [
    ("Three plants are 140 cm, 152 cm and 148 cm tall. What is their mean height?",
     ["140 + 152 + 148 = 440", "440 ÷ 4 = 110"], {"count": 3, "divisor": "4"}),  # a unit after each number
    ("The temperatures on five mornings were −2, 5, 3, −4 and 8 °C. What is the mean?",
     ["-2 + 5 + 3 + -4 + 8 = 10", "10 ÷ 4 = 2.5"], {"count": 5, "divisor": "4"}),  # typographic minus signs
])
def test_a_mean_of_a_list_written_with_units_or_minus_signs(problem, steps, facts):
    r = broken_relation(problem, steps)
    assert (r.step, r.name, r.facts) == (1, "mean count", facts)


def test_a_small_percent_multiplied_as_tenths():
    problem = ("Carlos puts $800 in a savings account that pays 3% simple interest per year. How much interest "
               "does he earn in 4 years?")
    verdict = Verifier(None).verify(Problem(text=problem), parse_solution("I = 800 × 0.3 × 4\nI = 960\nHe earns $960"))
    assert (verdict.label, verdict.first_error_step, verdict.explanation) == (
        "incorrect", 1, "In step 1, 3% was used as 0.3. 3% means 3 out of 100, so it is 3 hundredths, not tenths.")
    assert broken_relation(problem, ["I = 800 × 0.03 × 4", "I = 96"]) is None
    # a decimal the problem writes itself is no percent
    assert broken_relation("A 5% solution fills a 0.5 L bottle. How much is that in mL?", ["0.5 × 1000 = 500"]) is None


def test_all_four_sides_added_for_an_area_is_the_perimeter():
    r = broken_relation("A rectangular garden is 12 m long and 7 m wide. What is its area?",
                        ["12 + 7 + 12 + 7 = 38", "The area is 38 square meters."])
    assert (r.step, r.name, r.expression) == (0, "perimeter for area", "12 + 7 + 12 + 7")
    assert broken_relation("A rectangular garden is 12 m long and 7 m wide. What is its perimeter?",
                           ["12 + 7 + 12 + 7 = 38", "The perimeter is 38 m."]) is None


@pytest.mark.parametrize("problem, steps, found", [
    # a shape given "13 ft by 10 ft" is a rectangle; "2 x 9 + 2 x 14" goes all the way round
    ("A bedroom is 13 ft by 10 ft. How many square feet of carpet are needed to cover the floor?",
     ["13 + 10 + 13 + 10 = 46", "She needs 46 sq ft of carpet."], (0, "perimeter for area")),
    ("Square tiles 1 ft on a side cover a floor 9 ft by 14 ft. How many tiles are needed?",
     ["tiles = 2 x 9 + 2 x 14 = 46", "She needs 46 tiles."], (0, "perimeter for area")),
    # "P = …" labels the perimeter; inches said "5 in by 7 in"
    ("A picture is 5 in by 7 in. What is its perimeter?", ["P = 5 + 7 = 12 in"], (0, "half perimeter")),
    ("A field is 80 yd by 50 yd. Maria runs around it 3 times. How far does she run?",
     ["P = 80 x 50 = 4000 yd", "4000 x 3 = 12000 yd"], (0, "area for perimeter")),
])
def test_rectangles_given_by_their_sizes_and_labelled_steps(problem, steps, found):
    r = broken_relation(problem, steps)
    assert (r.step, r.name) == found


@pytest.mark.parametrize("problem, steps", [
    ("A bedroom is 13 ft by 10 ft. How many square feet of carpet are needed?", ["13 x 10 = 130"]),
    ("A picture is 5 in by 7 in. What is its perimeter?", ["P = 2 x 5 + 2 x 7 = 24 in"]),
    ("A field is 80 yd by 50 yd. Maria runs around it 3 times. How far does she run?",
     ["P = 80 + 50 + 80 + 50 = 260 yd", "260 x 3 = 780 yd"]),
    ("A box is 6 in by 4 in by 2 in. What is its volume?", ["6 x 4 x 2 = 48 cubic inches"]),
    ("There are 5 in each box and 3 boxes. How many in all?", ["5 x 3 = 15"]),
])
def test_right_rectangle_work_is_left_alone(problem, steps):
    assert broken_relation(problem, steps) is None


@pytest.mark.parametrize("problem, steps, found", [
    ("A square has sides of 6 inches. Find its area and perimeter.",
     ["Area = 6 x 4 = 24 sq in", "Perimeter = 6 x 6 = 36 in"], (0, "perimeter for area")),
    ("A square garden has sides of 7 in. What is its perimeter?", ["P = 7 x 7 = 49 in"], (0, "area for perimeter")),
])
def test_a_squares_steps_labelled_area_or_perimeter(problem, steps, found):
    r = broken_relation(problem, steps)
    assert (r.step, r.name) == found


def test_a_squares_labelled_steps_done_right_are_left_alone():
    assert broken_relation("A square has sides of 6 inches. Find its area and perimeter.",
                           ["Area = 6 x 6 = 36 sq in", "Perimeter = 6 x 4 = 24 in"]) is None


@pytest.mark.parametrize("problem, solution, step", [
    ("A school raised $1,200. 20% of the money went to books, and 1/3 of the rest went to sports. How much went "
     "to sports?", "Books: $1,200 ÷ 20 = $60\nRest: 1,200 − 60 = $1,140\nSports: 1,140 ÷ 3 = $380", 1),
])
def test_a_percent_used_as_a_divisor_is_named(problem, solution, step, slip_verdict):
    from tutor.relations import broken_relation

    assert slip_verdict(problem, solution, step, broken_relation) == "percent as divisor"


@pytest.mark.parametrize("problem, solution", [
    # 10% of a number is the number divided by 10
    ("Adam earns $40 a day. 10% is taken as tax. What does he keep?", "40 / 10 = 4\n40 - 4 = 36"),
    # a whole from its part, by 1%
    ("18 is 30% of what number?", "18 ÷ 30 = 0.6\n0.6 × 100 = 60"),
    ("A school raised $1,200. 20% of it went to books. How much went to books?", "0.2 × 1,200 = $240"),
])
def test_other_divisions_by_a_percents_number_are_left_alone(problem, solution):
    from tutor.relations import broken_relation

    assert broken_relation(problem, solution.split("\n")) is None


def test_an_answer_changed_out_of_the_asked_unit_is_named(slip_verdict):
    from tutor.relations import broken_relation

    problem = "A printer prints 45 pages per minute. How many minutes does it take to print 27 copies of a 10-page report?"
    solution = "27 × 10 = 270 pages\n270 ÷ 45 = 6 minutes\n6 × 60 = 360 seconds"
    assert slip_verdict(problem, solution, 3, broken_relation) == "converted past the answer"
    # the asked unit reached by the last conversion is the answer
    assert broken_relation("A movie is 2 hours long. How many minutes is that?", ["2 hours = 2 × 60 = 120 minutes"]) is None
    assert broken_relation(problem, ["27 × 10 = 270 pages", "270 ÷ 45 = 6 minutes"]) is None
    # a question that asks for both units
    assert broken_relation("A rug is 2 yards long. How many feet long is it? How many inches?",
                           ["2 × 3 = 6 feet", "6 × 12 = 72 inches", "The rug is 6 feet or 72 inches long."]) is None


TRAIN = ("A train leaves Clayton at 9:15 a.m. and arrives in Riverside at 12:00 noon. It travels at an average "
         "speed of 60 miles per hour. How far is it from Clayton to Riverside?")


def test_hours_and_minutes_written_as_decimal_hours_is_named():
    # (and pounds and ounces, feet and inches; metres and centimetres split in 100s are right)
    r = broken_relation("A puppy weighs 3 pounds 4 ounces. How much does it weigh in pounds?", ["That is 3.4 pounds."])
    assert (r.name, r.facts["per"]) == ("mixed units as a decimal", "16")
    # written as a conversion, it is named the same way, and the ladder may say 16
    puppy = Problem(text="Ella's puppy weighed 3 pounds 4 ounces at birth. It gains 2 pounds a month. How much "
                         "will it weigh after 3 months, in pounds?")
    steps = parse_solution("It weighs 3 pounds 4 ounces = 3.4 pounds\nIt gains 2 × 3 = 6 pounds\n3.4 + 6 = 9.4 pounds")
    verdict = Verifier(None).verify(puppy, steps)
    assert (verdict.label, verdict.first_error_step, verdict.explanation) == (
        "incorrect", 1, "In step 1, 3 pounds 4 ounces was written as 3.4 pounds, but one pound has 16 ounces, not 10 "
        "or 100.")
    hints = [fallback_hint(puppy, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert all(check_hint(h.text, h.level, h.kind, puppy, steps, verdict) == [] for h in hints)
    assert "16" in hints[1].text
    assert broken_relation("A board is 2 m 45 cm long. How long is it in metres?", ["2.45 m"]) is None
    steps = ["The trip takes 2 hours 45 minutes.", "That is 2.45 hours.", "60 x 2.45 = 147 miles"]
    r = broken_relation(TRAIN, steps)
    assert (r.step, r.name, r.facts["decimal"], r.facts["per"]) == (1, "mixed units as a decimal", "2.45", "60")
    verdict = Verifier(None).verify(Problem(text=TRAIN), parse_solution("\n".join(steps)))
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == (
        "incorrect", 2, "Wrong unit conversion")
    assert verdict.explanation == ("In step 2, 2 hours 45 minutes was written as 2.45 hours, but one hour has 60 "
                                   "minutes, not 10 or 100.")
    # right: 2.75 hours; and 2 hours 30 minutes as 2.5 hours
    assert broken_relation(TRAIN, ["The trip takes 2 hours 45 minutes.", "That is 2.75 hours."]) is None
    assert broken_relation(TRAIN, ["It takes 2 hours 30 minutes.", "That is 2.50 hours."]) is None


def test_decimal_hours_read_as_hours_and_minutes_is_named_where_the_minutes_are_written():
    # "1.25 hours is 1 hour 25 minutes": the decimal came first, so the slip is the step that
    # writes the minutes, not the earlier step that found 1.25 hours
    problem = "Two towns are 67.5 km apart. How many minutes does it take to drive between them at 54 km/h?"
    steps = ["Time = 67.5 ÷ 54 = 1.25 hours.", "1.25 hours is 1 hour 25 minutes = 85 minutes."]
    r = broken_relation(problem, steps)
    assert (r.step, r.name) == (1, "minutes as hundredths")
    verdict = Verifier(None).verify(Problem(text=problem), parse_solution("\n".join(steps)))
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 2)


LAPS = "Omar ran 12 laps in 36 minutes. At the same pace, how many laps could he run in 60 minutes?"


def test_a_rate_named_the_wrong_way_round_is_named():
    r = broken_relation(LAPS, ["36 ÷ 12 = 3 laps per minute", "60 × 3 = 180 laps"])
    assert (r.step, r.name, r.facts["said"], r.facts["right"]) == (0, "rate named backwards", "laps per minute",
                                                                    "minutes per lap")
    problem, steps = Problem(text=LAPS), parse_solution("36 ÷ 12 = 3 laps per minute\n60 × 3 = 180 laps\n"
                                                         "He could run 180 laps.")
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 1)
    hints = [fallback_hint(problem, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert all(check_hint(h.text, h.level, h.kind, problem, steps, verdict) == [] for h in hints)
    assert not any("20" in h.text for h in hints)
    # named the right way, or a rate of two amounts in other words: nothing to name
    assert broken_relation(LAPS, ["36 ÷ 12 = 3 minutes per lap", "60 ÷ 3 = 20 laps"]) is None
    assert broken_relation("A car goes 120 miles in 3 hours. How far does it go in 5 hours?",
                           ["120 / 3 = 40 miles per hour", "40 × 5 = 200 miles"]) is None


PANCAKES = ("A pancake recipe uses 3 cups of flour to make 12 pancakes. Leo wants to make 28 pancakes. How many cups "
            "of flour does he need?")


def test_a_rate_said_as_what_each_one_takes_is_read_the_same_way():
    r = broken_relation(PANCAKES, ["Each pancake takes 12 / 3 = 4 cups of flour.", "28 x 4 = 112 cups."])
    assert (r.step, r.name, r.facts["said"], r.facts["right"]) == (0, "rate named backwards", "cups per pancake",
                                                                    "pancakes per cup")
    assert r.expression == "12 / 3"
    # worked the right way round, each pancake takes a quarter cup
    assert broken_relation(PANCAKES, ["Each pancake takes 3 / 12 = 0.25 cups of flour.", "28 x 0.25 = 7 cups."]) is None


FEES = ("The town library charges a late fee of 25 cents per day for each overdue book. Leo returned 3 books that "
        "were each 6 days late. How many dollars does Leo owe?")


def test_a_total_of_cents_said_in_dollars_unchanged_is_named():
    r = broken_relation(FEES, ["3 books x 6 days = 18", "18 x 25 = 450", "Leo owes $450."])
    assert (r.step, r.name, r.facts) == (2, "cents as dollars", {"value": "450"})
    assert broken_relation(FEES, ["3 x 6 = 18", "18 x 25 = 450 cents", "450 ÷ 100 = $4.50"]) is None
    # a problem with prices in dollars too is not read
    assert broken_relation("Pens cost 25 cents and a pad costs $2. How much do 18 pens and a pad cost?",
                           ["18 x 25 = 450", "450 + 2 = $452"]) is None


def test_every_day_for_some_weeks_multiplied_by_the_weeks():
    text = ("A jar holds 150 marbles. Every day for 2 weeks, Tom takes 3 marbles out of the jar. How many marbles are "
            "in the jar now?")
    r = broken_relation(text, ["Tom takes out 3 × 2 = 6 marbles", "150 − 6 = 144"])
    assert (r.step, r.name, r.facts) == (0, "weeks as days", {"weeks": "2"})
    assert broken_relation(text, ["2 weeks = 14 days", "3 × 14 = 42", "150 − 42 = 108"]) is None
    assert broken_relation(text, ["3 × 7 = 21 a week", "21 × 2 = 42", "150 − 42 = 108"]) is None


def test_a_distance_around_called_square_meters_is_perimeter_for_area():
    # used again later (40 / 5), it is still the distance around, said as an area
    problem = ("A rectangular lawn is 12 meters long and 8 meters wide. A bag of fertilizer treats 5 square "
               "meters. How many bags are needed to cover the lawn?")
    steps = ["The lawn is 2 * (12 + 8) = 40 square meters.", "40 / 5 = 8 bags."]
    r = broken_relation(problem, steps)
    assert (r.step, r.name) == (0, "perimeter for area")
    assert broken_relation(problem, ["The lawn is 12 * 8 = 96 square meters.", "96 / 5 = 19.2, so 20 bags."]) is None


def _guarded_ladder(problem_text: str, steps: list[str], step: int) -> list:
    """The verdict flags ``step`` (1-based); every hint of its ladder passes the guards."""
    problem, parsed = Problem(problem_text), parse_solution("\n".join(steps))
    verdict = Verifier(None).verify(problem, parsed)
    assert (verdict.label, verdict.first_error_step) == ("incorrect", step)
    hints = [fallback_hint(problem, parsed, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert all(check_hint(h.text, h.level, h.kind, problem, parsed, verdict) == [] for h in hints)
    return hints


QUIZZES = "Nora got 75, 82 and 79 on three quizzes. What must she get on the fourth quiz to have an average of 80?"


def test_a_target_mean_counted_without_the_new_value_is_named():
    steps = ["75 + 82 + 79 = 236", "For an average of 80 she needs 80 x 3 = 240.", "240 - 236 = 4 on the fourth quiz."]
    r = broken_relation(QUIZZES, steps)
    assert (r.step, r.name, r.facts) == (1, "target mean count", {"mean": "80", "count": 3, "with": 4})
    hints = _guarded_ladder(QUIZZES, steps, 2)
    assert not any("84" in h.text for h in hints)


@pytest.mark.parametrize("problem,steps", [
    (QUIZZES, ["75 + 82 + 79 = 236", "80 x 4 = 320", "320 - 236 = 84"]),
    # the shortfall of the three added to the target: right work through 80 x 3
    (QUIZZES, ["80 x 3 = 240", "75 + 82 + 79 = 236", "She is 240 - 236 = 4 short.", "80 + 4 = 84"]),
    # two more quizzes: the rule does not say how the two share the rest
    (QUIZZES.replace("on the fourth quiz", "on each of the next two quizzes"),
     ["75 + 82 + 79 = 236", "80 x 3 = 240", "240 - 236 = 4"]),
])
def test_a_target_mean_worked_another_way_is_not_named(problem, steps):
    assert broken_relation(problem, steps) is None


LAKE = "Ines drives to the lake at 50 mph and drives back on the same road at 30 mph. What is her average speed for the trip?"


@pytest.mark.parametrize("steps,step", [
    (["(50 + 30) / 2 = 40 mph"], 0),
    (["50 + 30 = 80", "80 / 2 = 40", "Her average speed is 40 mph."], 1),
])
def test_two_speeds_averaged_as_numbers_is_named(steps, step):
    r = broken_relation(LAKE, steps)
    assert (r.step, r.name, r.facts) == (step, "speeds averaged", {"a": "50", "b": "30"})
    _guarded_ladder(LAKE, steps, step + 1)


@pytest.mark.parametrize("problem,steps", [
    (LAKE, ["Say the lake is 150 miles away: 150 / 50 = 3 hours there.", "150 / 30 = 5 hours back.",
            "300 / 8 = 37.5 mph"]),
    # the same time at each speed: the mean of the two is the average speed
    ("Ines drives 2 hours at 50 mph and 2 hours at 30 mph. What is her average speed?", ["(50 + 30) / 2 = 40 mph"]),
])
def test_speeds_averaged_where_that_is_right_or_not_done_is_not_named(problem, steps):
    assert broken_relation(problem, steps) is None


PAINTERS = ("Ana can paint a fence by herself in 6 hours. Her brother Leo can paint the same fence by himself in 3 "
         "hours. How many hours will it take them to paint the fence together?")


@pytest.mark.parametrize("steps,step,name", [
    (["The time together is the mean of the two: (6 + 3) / 2 = 4.5 hours."], 0, "work times averaged"),
    (["6 + 3 = 9", "9 / 2 = 4.5 hours together."], 1, "work times averaged"),
    (["Together they take 6 + 3 = 9 hours."], 0, "work times added"),
    # the sum said to be the time together, then used as a rate
    (["Ana paints 1/6 of it an hour.", "Together they would take 6 + 3 = 9 hours, so 1/9 of it an hour.",
      "1 ÷ 1/9 = 9 hours"], 1, "work times added"),
])
def test_two_workers_times_put_together_as_numbers_are_named(steps, step, name):
    r = broken_relation(PAINTERS, steps)
    assert (r.step, r.name, r.facts) == (step, name, {"a": "6", "b": "3"})
    hints = _guarded_ladder(PAINTERS, steps, step + 1)
    assert not any("2 hours" in h.text for h in hints)


def test_times_alone_said_as_what_each_can_do_and_three_workers_averaged():
    pipes = ("Pipe A can fill a tank in 4 hours and pipe B can fill it in 12 hours. If both pipes are opened "
             "together, how many hours will it take to fill the tank?")
    r = broken_relation(pipes, ["Pipe A fills 1/4 of the tank an hour.", "Together: 4 + 12 = 16 hours."])
    assert (r.step, r.name) == (1, "work times added")
    assert broken_relation(pipes, ["1/4 + 1/12 = 1/3 of the tank an hour", "So it takes 3 hours."]) is None
    printers = ("Printer A can finish a job alone in 2 hours, printer B in 3 hours and printer C in 6 hours. How "
                "long will the job take if all three work together?")
    r = broken_relation(printers, ["(2 + 3 + 6) ÷ 3 = 11/3 hours"])
    assert (r.step, r.name) == (0, "work times averaged")
    # asked how long one takes alone: not this relation
    assert broken_relation("Working together, Jen and Kim clean a house in 4 hours. Jen alone takes 6 hours. How "
                           "long would Kim take alone?", ["(4 + 6) / 2 = 5 hours"]) is None


KAI = ("Kai runs 3.5 km on each weekday (Monday to Friday) and 6 km on each day of the weekend. How many kilometers "
       "does he run in 4 weeks?")


def test_a_given_copied_with_two_digits_swapped_is_named():
    steps = ["On weekdays he runs 5.3 km a day, so 5.3 x 5 = 26.5 km.", "6 x 2 = 12 km on the weekend.",
             "26.5 + 12 = 38.5 km a week.", "38.5 x 4 = 154 km."]
    r = broken_relation(KAI, steps)
    assert (r.step, r.name, r.facts) == (0, "given misread", {"given": "3.5", "written": "5.3"})
    _guarded_ladder(KAI, steps, 1)
    # the given used too, or the swapped number worked out: no misreading
    assert broken_relation(KAI, ["3.5 x 5 = 17.5 km", "6 x 2 = 12 km", "17.5 + 12 = 29.5 km", "29.5 x 4 = 118 km"]) is None
    assert broken_relation("Sam has 12 red and 9 blue beads. He buys 12 more. How many beads does he have?",
                           ["12 + 9 = 21", "21 + 12 = 33"]) is None


@pytest.mark.parametrize("problem,steps", [
    (PAINTERS, ["Ana paints 1/6 of the fence an hour and Leo 1/3.", "1/6 + 1/3 = 1/2 of the fence an hour.",
             "So the fence takes 1 / (1/2) = 2 hours."]),
    # the sum of the times is a right part of product over sum
    (PAINTERS, ["6 + 3 = 9", "6 x 3 = 18", "18 / 9 = 2 hours"]),
    # one after the other, not together: the sum is right
    ("Ana can paint a fence by herself in 6 hours and Leo can paint a shed by himself in 3 hours. How many hours "
     "does it take to paint the fence and then the shed?", ["6 + 3 = 9 hours"]),
])
def test_work_times_put_together_the_right_way_or_not_asked_are_not_named(problem, steps):
    assert broken_relation(problem, steps) is None


SHIRTS = ("A store had 250 shirts. In the first week it sold 20% of them. In the second week it sold 30% of the "
          "shirts that were left. How many shirts does the store have now?")
WALLET = ("Leah earned $28. She spent a seventh of it on a milkshake and put half of the rest in her savings account. "
          "How many dollars are left in her wallet?")


@pytest.mark.parametrize("problem,steps,step,facts", [
    (SHIRTS, ["250 x 0.20 = 50 shirts sold.", "250 - 50 = 200 left.", "250 x 0.30 = 75 sold in week two.",
              "200 - 75 = 125 shirts."], 2, {"part": "30%", "whole": "250", "rest": "200"}),
    (WALLET, ["28 / 7 = $4 on the milkshake.", "28 - 4 = $24 left.", "Savings: 28 / 2 = $14.", "24 - 14 = $10."], 2,
     {"part": "half", "whole": "28", "rest": "24"}),
    # both shares taken of the whole, the rest never worked out: the problem's first share leaves it
    ("Maria had $120. She spent 1/3 of her money on a jacket and 1/4 of the rest on shoes. How much money does she "
     "have left?", ["Jacket: 120 ÷ 3 = 40 dollars.", "Shoes: 120 ÷ 4 = 30 dollars.", "120 − 40 − 30 = 50 dollars."],
     1, {"part": "1/4", "whole": "120", "rest": "80"}),
    # what is left said in words ("so 300 left"), and the latest such amount is the rest
    ("Lena had $360. She spent 1/6 of it on food, then 2/5 of the rest on a gift, and 1/4 of what remained on "
     "books. How much does she have now?", ["360/6 = 60, so 300 left.", "2/5 of 300 = 120, so 180 left.",
                                            "Books: 1/4 of 360 = 90.", "180 - 90 = 90"],
     2, {"part": "1/4", "whole": "360", "rest": "180"}),
])
def test_a_share_of_the_rest_taken_of_the_whole_is_named(problem, steps, step, facts):
    r = broken_relation(problem, steps)
    assert (r.step, r.name, r.facts) == (step, "share of the rest taken of the whole", facts)
    _guarded_ladder(problem, steps, step + 1)


def test_shares_of_different_wholes_added_are_named():
    problem = ("A bookstore sold 30% of its books on Friday and 50% of the remaining books on Saturday. It has 70 "
               "books left. How many books did it have before Friday?")
    steps = ["Sold in all: 30% + 50% = 80% of the books.", "So 20% are left: 70 ÷ 0.2 = 350 books."]
    r = broken_relation(problem, steps)
    assert (r.step, r.name, r.facts) == (0, "shares of different wholes added", {"first": "30%", "part": "50%"})
    _guarded_ladder(problem, steps, 1)
    assert broken_relation(problem, ["100% - 30% = 70% left after Friday.", "50% of 70% = 35% left.",
                                     "70 / 0.35 = 200 books"]) is None


@pytest.mark.parametrize("problem,steps", [
    # two shares of the same whole may be added
    ("A bookstore sold 30% of its books on Friday and 50% of its books on Saturday. It has 70 books left. How many "
     "books did it have?", ["30% + 50% = 80% sold", "20% is 70, so 70 / 0.2 = 350 books"]),
])
def test_shares_of_one_whole_added_are_not_named(problem, steps):
    assert broken_relation(problem, steps) is None


@pytest.mark.parametrize("problem,steps", [
    (SHIRTS, ["250 x 0.20 = 50", "250 - 50 = 200", "200 x 0.30 = 60", "200 - 60 = 140"]),
    (SHIRTS, ["250 x 0.8 = 200 left", "0.30 x 200 = 60", "200 - 60 = 140"]),
    (WALLET, ["28 / 7 = 4", "28 - 4 = 24", "24 / 2 = 12", "24 - 12 = 12"]),
    # working back from shares of 1: no amount is taken from
    ("Lucy lost one-third of her money. She then spent one-fourth of the remainder, and only had $15 left. How much "
     "money did Lucy have at the beginning?", ["1 - 1/4 = 3/4", "1/4 of it is 15 / 3 = 5", "5 x 4 = 20",
                                               "1 - 1/3 = 2/3", "20 / 2 = 10", "10 x 3 = 30"]),
    # half, then half of the rest: the first half of the whole is the first share, not a slip
    ("Omar earned $500. He spent half of it on a bike, then half of what was left on a phone. How much does he "
     "have now?", ["500 / 2 = 250 on the bike", "500 - 250 = 250 left", "250 / 2 = 125", "250 - 125 = 125"]),
    # "left" as went away, not what is left
    ("A hall held 500 people, 200 of them adults. One-fourth of the children and one-tenth of the adults left "
     "early. How many stayed?", ["500 - 200 = 300 children", "300 / 4 = 75", "200 / 10 = 20", "500 - 75 - 20 = 405"]),
    # what is left happens to equal a number the problem gives
    ("A shop packed 4 boxes of 9 plums. It sold a third of the plums, then 12 more. Half of the remaining plums "
     "went to a cafe. How many plums are left?", ["4 x 9 = 36", "36 / 3 = 12", "36 - 12 - 12 = 12", "12 / 2 = 6",
                                                   "12 - 6 = 6"]),
    # a sum that comes to the share by chance
    ("A choir has 30 singers. Half of them sing the first verse, and a third of the remaining singers join for the "
     "second. How many join for the last verse, when all sing?", ["30 / 2 = 15", "15 / 3 = 5", "30 - 15 - 5 = 10"]),
    # a share of the whole asked for: taking it of the whole is right
    (SHIRTS.replace("30% of the shirts that were left", "30% of all the shirts"),
     ["250 x 0.20 = 50", "250 - 50 = 200", "250 x 0.30 = 75", "200 - 75 = 125"]),
])
def test_a_share_of_the_rest_taken_rightly_is_not_named(problem, steps):
    assert broken_relation(problem, steps) is None


POOL = ("A pool holds 900 liters. A hose fills it at 40 liters per minute, but a crack leaks 10 liters per minute. "
        "How many minutes does it take to fill the pool?")
BIKES = "Two cyclists start 90 km apart and ride toward each other at 20 km/h and 25 km/h. In how many hours do they meet?"


@pytest.mark.parametrize("problem,steps,step,name", [
    (POOL, ["40 + 10 = 50 liters per minute", "900 / 50 = 18 minutes"], 0, "opposing rates added"),
    (BIKES, ["25 - 20 = 5 km/h", "90 / 5 = 18 hours"], 0, "closing speeds subtracted"),
])
def test_rates_against_each_other_put_together_the_wrong_way_are_named(problem, steps, step, name):
    r = broken_relation(problem, steps)
    assert (r.step, r.name) == (step, name)
    assert (r.facts["a"], r.facts["b"]) == tuple(steps[0].split(" = ")[0].replace("+", "-").split(" - "))
    _guarded_ladder(problem, steps, step + 1)


def test_a_drain_and_a_pipe_given_as_job_times_added_is_named():
    tank = ("An inlet pipe can fill an empty tank in 3 hours, and a drain can empty the full tank in 5 hours. If both "
            "are left open, how long will it take to fill the tank?")
    steps = ["The inlet fills 1/3 of the tank an hour.", "Together: 1/3 + 1/5 = 8/15 of the tank an hour.",
             "15/8 = 1.875 hours."]
    r = broken_relation(tank, steps)
    assert (r.step, r.name, r.facts) == (1, "opposing rates added", {"a": "1/3", "b": "1/5"})
    _guarded_ladder(tank, steps, 2)
    assert broken_relation(tank, ["1/3 - 1/5 = 2/15 of the tank an hour.", "15/2 = 7.5 hours."]) is None
    # two pipes filling ("an empty tank" is no drain): adding is right
    assert broken_relation("Pipe A can fill an empty tank in 4 hours and pipe B can fill it in 12 hours. How long do "
                           "both take together?", ["1/4 + 1/12 = 1/3", "So 3 hours."]) is None


@pytest.mark.parametrize("problem,steps", [
    (POOL, ["40 - 10 = 30 liters per minute", "900 / 30 = 30 minutes"]),
    (BIKES, ["20 + 25 = 45 km/h", "90 / 45 = 2 hours"]),
    # how they differ is what is asked: the difference is right
    (BIKES.replace("In how many hours do they meet?", "How much faster is the second cyclist?"), ["25 - 20 = 5 km/h"]),
    # two hoses, both filling: adding is right
    (POOL.replace("but a crack leaks 10", "and a second hose fills it at 10"), ["40 + 10 = 50", "900 / 50 = 18"]),
])
def test_rates_put_together_the_right_way_are_not_named(problem, steps):
    assert broken_relation(problem, steps) is None
