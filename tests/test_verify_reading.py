"""How the verifier reads what a solution arrives at: answers said again in brackets or in other
units, clock times, a closing check of the work, divisions with a remainder, a fraction written
alone, "x" as a times sign, calendar units, part-to-part ratios and remainders that must round up."""

import pytest

from tutor.formulas import formula_relation
from tutor.mathcheck import answer_value, check_step, remainders_in
from tutor.schema import Problem
from tutor.steps import parse_solution
from tutor.units import clock_at_end
from tutor.verify import Verifier
from tutor.verify.align import Derivation, reference_graph, step_graph
from tutor.verify.features import solution_evidence


@pytest.fixture(scope="module")
def verifier():
    return Verifier(None)


def _lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


@pytest.mark.parametrize("text, value", [
    ("She needs 2.5 more hours (2 h 30 min).", 2.5),
    ("It costs $1.25 (125 cents)", 1.25),
    ("She has 12 (12 apples)", 12.0),
    ("Total: (3 + 4) = 7", 7.0),          # a bracket of work is not a restatement
    ("The game started at 11:35 AM.", 695.0),  # a clock time: minutes after 12 on the dial
    ("6:40 + 1:40 = 8:20", 500.0),
    ("2 h 30 min", 150.0),                # one amount in two units: its whole, in minutes
])
def test_answer_value_reads_the_answer_not_its_restatement(text, value):
    assert answer_value(text) == pytest.approx(value)


def test_clock_times_are_read_on_a_twelve_hour_dial():
    assert clock_at_end("The bus leaves at 8:20 AM.") == clock_at_end("8:20") == 500
    assert clock_at_end("2:45 PM") == 165
    assert clock_at_end("the ratio is 3:4") is None
    # a step ending on a clock time arrives at it
    assert step_graph("12:00 − 25 min = 11:35 AM").last == 695


def test_a_division_with_a_remainder_derives_its_whole_quotient():
    assert remainders_in("240 ÷ 35 = 6 R 30") == [(240.0, 35.0, 6.0, 30.0)]
    assert remainders_in("75 / 8 = 9 remainder 3") == [(75.0, 8.0, 9.0, 3.0)]
    g = step_graph("240 ÷ 35 = 6 R 30")
    assert Derivation(6.0, [240.0, 35.0], whole_part=True) in g.derived
    # "6 R 30" is how the result is written, not a computation on 6 and 30
    assert 6.0 not in g.operands and 30.0 not in g.operands
    # a reference that only writes the exact value (9.375) does not contradict a whole quotient 9
    ref = reference_graph(["75 / 8 = 9.375, so 9 weeks is not enough."])
    assert not any(ref.contradicts(d) for d in step_graph("75 / 8 = 9 remainder 3").derived)
    assert ref.contradicts(Derivation(9.5, [75.0, 8.0]))


def test_a_fraction_written_alone_is_a_number_not_a_division():
    g = step_graph("Jethro has 1/3 of Patricia's money, which is 1/3 x 60 = $20.")
    assert [d.value for d in g.derived] == [20.0]
    # a fraction in a chain is still worked out
    assert [d.value for d in step_graph("10/16 = 5/8").derived] == [0.625, 0.625]


def test_x_as_a_times_sign_is_not_an_unknown():
    problem = Problem("Ella reads 35 pages a day. How many pages does she read in 6 days?")
    for text, unknown in (("6 x 35 = 210 pages", 0.0), ("6 X 35 = 210", 0.0), ("Let x be the pages.\n6x = 210", 1.0),
                          ("x + 35 = 105", 1.0)):
        feats = solution_evidence(problem, parse_solution(text), use_reference=False).features
        assert max(f["has_unknown"] for f in feats) == unknown, text


DRIVE = "Jess is driving 315 km at a steady 70 km/h. She has already driven for 2 hours. How much longer will the drive take?"
DRIVE_REF = ["In 2 hours she drove 70 × 2 = 140 km.", "She has 315 − 140 = 175 km left.",
             "That will take 175 ÷ 70 = 2.5 hours.", "2.5"]
UNCLE = "Ben is 10 years old and his uncle is 34. In how many years will his uncle be exactly twice as old as Ben?"
UNCLE_REF = ["The uncle is 34 - 10 = 24 years older than Ben.", "Then Ben will be 24.",
             "That happens in 24 - 10 = 14 years.", "14"]
BARS = ("Store A sells 6 granola bars for $4.50. Store B sells 8 of the same bars for $5.60. Which store is the "
        "better buy, and how much less does one bar cost there?")
BARS_REF = ["Store A: $4.50 ÷ 6 = $0.75 per bar.", "Store B: $5.60 ÷ 8 = $0.70 per bar.",
            "Store B is cheaper by $0.75 − $0.70 = $0.05 per bar.", "Store B, $0.05"]
GAME = "Owen's soccer game ended at 1:10 PM. The game lasted 1 hour 35 minutes. What time did the game start?"
GAME_REF = ["Going back 1 hour from 1:10 PM gives 12:10 PM.", "Going back 35 more minutes gives 11:35 AM.", "11:35 AM"]


@pytest.mark.parametrize("problem, reference, solution", [
    # a total time found first, then the part driven taken away; the answer said again in brackets
    (DRIVE, DRIVE_REF, "The whole drive takes 315 / 70 = 4.5 hours.\nShe has driven 2 hours already.\n"
                       "4.5 - 2 = 2.5 hours left\nShe needs 2.5 more hours (2 h 30 min)."),
    # a check of the answer after it, then the answer again
    (UNCLE, UNCLE_REF, "The difference in ages is 34 − 10 = 24 years.\nSo Ben will be 24.\n24 − 10 = 14 years from now.\n"
                       "Check: Ben 24, uncle 48, and 2 × 24 = 48.\nAnswer: 14 years"),
    # worked in cents where the reference works in dollars
    (BARS, BARS_REF, "At Store A one bar is 450¢ ÷ 6 = 75¢.\nAt Store B one bar is 560¢ ÷ 8 = 70¢.\n75 − 70 = 5\n"
                     "Store B is the better buy, by 5¢ a bar."),
    # a clock time answer
    (GAME, GAME_REF, "1 hr 35 min = 95 min\n1:10 PM is 70 minutes after noon\n95 − 70 = 25, so 25 minutes before noon\n"
                     "12:00 − 25 min = 11:35 AM\nThe game started at 11:35 AM."),
])
def test_right_work_that_reaches_the_reference_answer_another_way_is_correct(verifier, problem, reference, solution):
    v = verifier.verify(Problem(problem, reference_solution=reference), parse_solution(solution))
    assert (v.label, v.first_error_step) == ("correct", None)


def test_a_wrong_clock_time_with_the_right_minutes_is_not_the_answer(verifier):
    v = verifier.verify(Problem(GAME, reference_solution=GAME_REF),
                        parse_solution("1:10 PM + 1 hour = 2:10 PM\n2:10 PM + 25 minutes = 2:35 PM\n"
                                       "The game started at 2:35 PM."))
    assert v.label == "incorrect"


def test_months_and_years_convert_by_twelve_but_not_to_days():
    assert check_step("18 months = 1.8 years", 1).ok is False
    assert check_step("18 months = 1.5 years", 1).ok is True
    assert check_step("2 years = 24 months", 1).ok is True
    # a month is not a fixed number of days: no conversion is checked
    assert check_step("2 months = 60 days", 1).ok is None


def test_a_wrong_months_to_years_conversion_is_named(verifier):
    problem = Problem("Ben puts $1,200 in an account that earns 4% simple interest per year. "
                      "How much interest will he earn in 18 months?")
    v = verifier.verify(problem, parse_solution("One year: 1,200 × 4% = $48\n18 months = 1.8 years\n"
                                                "Total interest: 48 × 1.8 = $86.40"))
    assert (v.label, v.first_error_step, v.error_category) == ("incorrect", 2, "Wrong unit conversion")


CHOIR = "In the school choir the ratio of boys to girls is 3 : 5. There are 40 students in the choir. How many girls are there?"


@pytest.mark.parametrize("steps, step", [
    (["Boys: 3/5 of 40 = 24", "Girls: 40 − 24 = 16"], 0),
    (["Girls: 40 × 5 ÷ 3 = 66.67"], 0),
    (["3 + 5 = 8 parts", "40 ÷ 8 = 5 in each part", "Girls: 5 × 5 = 25"], None),
])
def test_a_part_to_part_ratio_taken_of_the_whole(steps, step):
    r = formula_relation(CHOIR, steps)
    assert (r.step if r else None) == step
    if r:
        assert r.name == "ratio part taken as a fraction of the whole"
        assert r.facts["parts"] == "8"


def test_a_ratio_of_one_group_to_another_given_in_one_group_is_not_this_slip():
    # 40 girls: 3/5 of 40 boys is right
    assert formula_relation("The ratio of boys to girls is 3:5. There are 40 girls. How many boys are there?",
                            ["40 × 3/5 = 24 boys"]) is None


def test_the_ratio_hint_ladder_names_the_parts_never_the_answer(verifier):
    from tutor.hints.fallback import named_misconception

    problem = Problem(CHOIR)
    steps = parse_solution("Boys: 3/5 of 40 = 24\nGirls: 40 − 24 = 16\nThere are 16 girls.")
    v = verifier.verify(problem, steps)
    assert (v.label, v.first_error_step) == ("incorrect", 1)
    m = named_misconception(problem, steps, v)
    assert "3 + 5 = 8" in m.redo and "25" not in m.where + m.hint + m.redo


@pytest.mark.parametrize("question", ["how many more days will it take her to finish the book?",
                                      "how many days must she read before she finishes the book?"])
def test_days_to_finish_round_up_even_from_a_worked_amount(question):
    problem = f"Ella's book has 350 pages. She has read 110 pages. If she reads 35 pages a day, {question}"
    r = formula_relation(problem, ["Pages left = 350 − 110 = 240", "240 ÷ 35 = 6 R 30", "She needs 6 more days."])
    assert r is not None and (r.step, r.name) == (2, "remainder rounded down")
    assert formula_relation(problem, ["Pages left = 350 − 110 = 240", "240 ÷ 35 = 6 R 30",
                                      "She needs 6 + 1 = 7 more days."]) is None


def test_an_amount_in_thousands_is_not_a_year(verifier):
    problem = Problem("Mr. Patel earns $400 a week plus a 5% commission on his sales above $2,000. "
                      "This week he sold $6,200 worth of appliances. How much did he earn this week?")
    v = verifier.verify(problem, parse_solution("Commission: 5% of $6,200 = $310\nTotal pay: $400 + $310 = $710"))
    assert v.label == "unsure"
    assert str(v.unused_given) == "2000" and "2000" in v.explanation


def test_two_amounts_joined_by_and_are_not_one_compound_amount():
    from tutor.units import amount

    assert amount("4 yd and 15 ft") is None  # 15 ft is more than a yard: two amounts
    assert amount("2 hours and 45 minutes").value == 165
    assert amount("3 h 80 min").value == 260  # not yet carried, written as one
    assert check_step("12 ft = 12 / 3 = 4 yd and 15 ft = 15 / 3 = 5 yd", 1).ok is True


def test_a_bare_reference_answer_takes_its_unit_from_the_reference_work(verifier):
    problem = Problem("Store A sells 5 notebooks for $6.00. Store B sells 8 for $9.20. How much per notebook does "
                      "Jay save at the cheaper store?",
                      reference_solution=["Store A: 6.00 / 5 = $1.20.", "Store B: 9.20 / 8 = $1.15.",
                                          "Store B is cheaper by 1.20 - 1.15 = $0.05.", "0.05"])
    v = verifier.verify(problem, parse_solution("$6.00 ÷ 5 = $1.20\n$9.20 ÷ 8 = $1.15\n$1.20 − $1.15 = $0.05\n"
                                                "He saves 5 cents per notebook."))
    assert v.label == "correct"
    v = verifier.verify(problem, parse_solution("$6.00 ÷ 5 = $1.20\n$9.20 ÷ 8 = $1.15\nHe saves 5 dollars per notebook."))
    assert v.label == "incorrect"


def test_a_reference_computation_grouped_another_way_is_not_off_the_reference():
    problem = Problem("A stall had 150 apples. It sold 64 in the morning and 37 after lunch. How many are left?",
                      reference_solution=["Sold: 64 + 37 = 101.", "Left: 150 - 101 = 49.", "49"])
    ev = solution_evidence(problem, parse_solution("150 - 64 = 86 after the morning.\n86 - 37 = 49 left."))
    assert ev.unmatched == [[], []]
    # a value the next step does not take on to the reference's value stays off it
    ev = solution_evidence(problem, parse_solution("150 - 64 = 86 after the morning.\n86 - 27 = 59 left."))
    assert ev.unmatched[0] == [86.0]


def test_the_reference_value_reached_another_way_is_on_the_reference(verifier):
    problem = Problem("Ella earns $12 an hour. Each week she works 3 hours on each of 3 days and 5 hours on "
                      "Saturday. How much does she earn in 4 weeks?",
                      reference_solution=["Hours: 3 * 3 + 5 = 14.", "Pay a week: 14 * 12 = 168.", "4 * 168 = 672."],
                      final_answer="672")
    steps = parse_solution("3 days × 3 h × $12 = $108 on weekdays.\n5 × 12 = $60 on Saturday, so a week brings "
                           "108 + 60 = $168.\nIn 4 weeks: 4 × 168 = $662.")
    # 108 is taken on to the reference's 168, and 168 is the reference's value
    assert solution_evidence(problem, steps).unmatched[:2] == [[], []]
    assert verifier.verify(problem, steps).first_error_step == 3
    # a small value met by chance is not: 12 - 4 = 8 where the reference's 8 is another count
    bikes = Problem("Ignatius owns 4 bicycles. His friend's cycles have three times as many tires. The friend has "
                    "a unicycle, a tricycle and bikes. How many bikes?",
                    reference_solution=["2 x 4 = 8", "3 x 8 = 24", "24 - 1 - 3 = 20", "20 / 2 = 10"],
                    final_answer="10")
    ev = solution_evidence(bikes, parse_solution("3 x 4 = 12 tires\n1 + 3 = 4\n12 - 4 = 8\n8 / 2 = 4"))
    assert ev.unmatched[0] == [12.0]


def test_the_reference_answer_reached_another_way_is_not_off_the_reference(verifier):
    # a way through the solution's own results, ending on the reference's answer
    plan = Problem("A floor plan is drawn at a scale of 1 : 50. A room measures 9 cm by 7 cm on the plan. What "
                   "is the actual floor area in square meters?",
                   reference_solution=["9 × 50 = 450 cm = 4.5 m.", "7 × 50 = 350 cm = 3.5 m.", "4.5 × 3.5 = 15.75 m²."],
                   final_answer="15.75")
    steps = parse_solution("Area on the plan: 9 × 7 = 63 cm².\nThe real area is 63 × 2500 = 157,500 cm².\n"
                           "That is 157,500 ÷ 10,000 = 15.75 m².")
    unmatched = solution_evidence(plan, steps).unmatched
    assert unmatched[0] == [] and 157500.0 not in unmatched[1]
    assert verifier.verify(plan, steps).label == "correct"
    # the answer found by another division, then said again in minutes
    fence = Problem("Ana can paint a fence in 6 hours and Ben in 3 hours. How long will it take them together?",
                    reference_solution=["1/6 + 1/3 = 1/2 fence per hour.", "1 ÷ 1/2 = 2 hours."], final_answer="2")
    steps = parse_solution("In 6 hours Ana paints 1 fence and Ben paints 2 fences.\nSo together they paint 3 "
                           "fences in 6 hours.\nThat is 1 fence every 6/3 = 2 hours, i.e. 120 minutes.")
    assert solution_evidence(fence, steps).unmatched[2] == []
    assert verifier.verify(fence, steps).label != "incorrect"
    # the same numbers combined another way, vindicated by where they lead, contradict nothing
    town = Problem("A town's population fell from 12,500 to 10,750. What was the percent decrease?",
                   reference_solution=["12,500 − 10,750 = 1,750.", "1,750/12,500 = 0.14 = 14%."], final_answer="14")
    steps = parse_solution("10750/12500 = 0.86 of the old population remains.\n"
                           "The decrease is 1 − 0.86 = 0.14, i.e. 14%.")
    assert verifier.verify(town, steps).label == "correct"


def test_an_answer_said_again_scaled_and_a_given_said_in_another_unit(verifier):
    steps_walked = Problem("Omar walked 8.2, 11.5, 6.9, 9.4, 12.1 and 7.3 thousand steps. What is the median number "
                           "of steps (in thousands)?",
                           reference_solution=["Sorted: 6.9, 7.3, 8.2, 9.4, 11.5, 12.1.", "(8.2 + 9.4) ÷ 2 = 8.8."],
                           final_answer="8.8")
    steps = parse_solution("From largest to smallest: 12.1, 11.5, 9.4, 8.2, 7.3, 6.9.\n"
                           "Halfway between 9.4 and 8.2 is 8.2 + (9.4 − 8.2)/2 = 8.2 + 0.6 = 8.8.\n"
                           "So the median is 8.8 thousand, i.e. 8,800 steps.")
    assert verifier.verify(steps_walked, steps).label == "correct"
    printer = Problem("A printer prints 45 pages in 3 minutes. How many seconds does it take to print 210 pages?",
                      reference_solution=["45 ÷ 3 = 15 pages per minute.", "210 ÷ 15 = 14 minutes.", "14 × 60 = 840"],
                      final_answer="840")
    ev = solution_evidence(printer, parse_solution("3 minutes = 180 seconds.\n45 ÷ 180 = 0.25 pages per second."))
    assert ev.unmatched[0] == []


def test_an_answer_said_again_in_the_asked_unit_is_the_answer(verifier):
    problem = Problem("Shop A sells 4 pens for $3.60. Shop B sells 5 pens for $4.25. How many cents cheaper per "
                      "pen is Shop B?",
                      reference_solution=["Shop A: 3.60 / 4 = 0.90 dollars.", "Shop B: 4.25 / 5 = 0.85 dollars.",
                                          "0.90 - 0.85 = 0.05 dollars = 5 cents.", "5 cents"])
    right = "A pen at Shop A costs $3.60 / 4 = $0.90.\nAt Shop B it costs $4.25 / 5 = $0.85.\n" \
            "Shop B saves $0.90 - $0.85 = $0.05 per pen, which is 5 cents."
    assert verifier.verify(problem, parse_solution(right)).label == "correct"
    wrong = right.replace("which is 5 cents", "which is 50 cents")
    assert verifier.verify(problem, parse_solution(wrong)).label == "incorrect"


def test_a_running_total_on_the_way_to_the_references_sum_is_not_off_the_reference():
    problem = Problem("Dan scored 78, 85, 92 and 81 on four tests. What score does he need on the fifth test to "
                      "average 85 on all five?",
                      reference_solution=["78 + 85 + 92 + 81 = 336.", "85 * 5 = 425.", "425 - 336 = 89.", "89"])
    steps = parse_solution("78 + 85 = 163.\n163 + 92 = 255.\n255 + 81 = 336 so far.\n"
                           "He needs 4 x 85 = 340 points.\nSo 340 - 336 = 4.")
    ev = solution_evidence(problem, steps)
    assert ev.unmatched[:3] == [[], [], []] and ev.unmatched[3] == [340.0]
    # a partial sum that stops short of the reference's sum stays off it ("78 + 85 = 163", then on)
    short = solution_evidence(problem, parse_solution("78 + 85 = 163.\n163 * 2 = 326."))
    assert short.unmatched[0] == [163.0]
    # a running total the next step adds another given to is on its way, even where that next
    # term is the wrong one (the slip is there, not in the total before it)
    going_on = solution_evidence(problem, parse_solution("78 + 85 = 163.\n163 + 85 = 248."))
    assert going_on.unmatched[0] == []
    # with amounts taken away, a running total starts from the first amount ("50 - 3 - 21": 47 or
    # 29 on the way, not 3 + 21 = 24)
    ref = reference_graph(["50 - 3 - 21 = 26", "26"])
    assert ref.running_sums == [47.0, 29.0] and 24.0 in ref.partial_sums


@pytest.mark.parametrize("question, label", [("How long will all the peeling take?", "correct"),
                                             ("How many minutes will all the peeling take?", "incorrect")])
def test_an_answer_in_other_units_is_right_unless_the_question_names_the_unit(verifier, question, label):
    problem = Problem(f"Billy peels 60 potatoes. Each takes him a minute and a half. {question}",
                      reference_solution=["60 * 1.5 = 90 minutes.", "90"])
    v = verifier.verify(problem, parse_solution("1.5 minutes is 90 seconds.\n60 x 90 = 5400 seconds."))
    assert v.label == label


@pytest.mark.parametrize("text, ok", [
    ("1 yd = 3 ft, so 12 sq yd = 12 × 3 = 36 sq ft", False),  # a square yard is 3 × 3 square feet
    ("12 sq yd = 108 sq ft", True),
    ("12 square yards is 36 square feet", False),
    ("2 m² = 20,000 cm²", True),
    ("5 ft^2 = 720 in^2", True),
])
def test_areas_convert_by_the_square_of_the_length_factor(text, ok):
    assert check_step(text, 1).ok is ok


@pytest.mark.parametrize("text, givens, value", [
    ("Eli has 65 cards after 5 weeks.", [45, 6, 2, 5], 65.0),
    ("So he needs 7 boxes for the 3 classes.", [3], 7.0),
    ("Eli has 65 cards after 5 weeks.", [], 5.0),          # no problem known: the last number, as before
    ("He ran 3 miles in 45 minutes.", [3], 45.0),          # 45 is no given: it is the answer
    ("It takes 3 hours in all.", [3], 3.0),
])
def test_a_closing_sentence_may_end_on_a_given_that_places_it(text, givens, value):
    assert answer_value(text, givens) == pytest.approx(value)


CARDS = ("Eli has 45 baseball cards. Every week he buys 6 new cards and gives 2 cards to his little sister. How many "
         "cards does Eli have after 5 weeks?")
CARDS_REF = ["Each week Eli gains 6 - 2 = 4 cards.", "In 5 weeks he gains 5 * 4 = 20 cards.", "He has 45 + 20 = 65 cards.",
             "65"]
FIELD = "150 students and 14 adults are going on a field trip. Each bus can carry 40 people. How many buses are needed?"
FIELD_REF = ["There are 150 + 14 = 164 people going.", "164 / 40 = 4.1, so 4 buses are not enough.",
             "The school needs 5 buses.", "5"]


@pytest.mark.parametrize("problem, reference, solution", [
    # another route; the answer sentence ends on a given ("after 5 weeks")
    (CARDS, CARDS_REF, "He buys 6 × 5 = 30 cards in 5 weeks.\nHe gives away 2 × 5 = 10 cards.\n45 + 30 − 10 = 65\n"
                       "Eli has 65 cards after 5 weeks."),
    # a closing check of the answer, with numbers of its own, is not the conclusion
    ("Tom is 4 times as old as his son. In 20 years, Tom will be twice as old as his son. How old is Tom now?",
     ["Let s be the son's age; Tom is 4s.", "4s + 20 = 2(s + 20)", "2s = 20, so s = 10.", "Tom is 4 × 10 = 40.",
      "40"],
     "Let x be the son's age now, so Tom is 4x.\n4x + 20 = 2(x + 20)\n4x + 20 = 2x + 40\n2x = 20, so x = 10.\n"
     "Tom is 4 × 10 = 40 years old.\nCheck: in 20 years Tom is 60 and his son is 30, and 60 is twice 30."),
    # the answer found by letting the unknown be the larger age, then checked with numbers of its own
    ("A mother is 3 times as old as her son. In 10 years she will be twice as old as he will be then. How old is "
     "the mother now?",
     ["Let s be the son's age; the mother is 3s.", "3s + 10 = 2(s + 10)", "s = 10", "Mother: 3 × 10 = 30",
      "Answer: 30"],
     "Let M be the mother's age now, so the son is M/3.\nThen M + 10 = 2(M/3 + 10) = 2M/3 + 20.\n"
     "Taking 2M/3 and 10 from both sides: M/3 = 10, so M = 30.\n"
     "Check: in 10 years she is 40 and he is 20, and 40 = 2 × 20 ✓"),
    # the closing sentence leans on a one-unit fact before it says the answer
    ("Ada swims 4 lengths of a 250-meter pool every day for 6 days. How many kilometers does she swim?",
     ["Per day: 4 × 250 = 1000 m", "In 6 days: 1000 × 6 = 6000 m", "In km: 6000 ÷ 1000 = 6 km", "Answer: 6"],
     "She swims 4 × 6 = 24 lengths.\n24 lengths × 250 m = 6000 m.\nSince 1 km = 1000 m, that's 6 km."),
    # buses tried; the sentence closes on its conclusion after the computation
    (FIELD, FIELD_REF, "150 + 14 = 164 people\n4 buses hold 4 * 40 = 160 people, which is not enough for 164.\n"
                       "5 buses hold 5 * 40 = 200 people, so they need 5 buses."),
])
def test_right_work_whose_closing_sentence_says_more_is_correct(verifier, problem, reference, solution):
    v = verifier.verify(Problem(problem, reference_solution=reference), parse_solution(solution))
    assert (v.label, v.first_error_step) == ("correct", None)


def test_a_division_with_a_remainder_matches_the_references_exact_quotient():
    ref = reference_graph(["There are 143 + 9 = 152 people.", "152 / 40 = 3.8, so they need 4 buses.",
                           "The buses cost 4 * 275 = $1100.", "1100"])
    assert ref.explains(Derivation(3.0, [152.0, 40.0], whole_part=True))
    assert not ref.explains(Derivation(3.0, [152.0, 50.0], whole_part=True))
    problem = Problem("A school is taking 143 students and 9 teachers on a field trip. Each bus holds 40 people, and "
                      "each bus costs $275 to rent. How much will the buses cost?",
                      reference_solution=["There are 143 + 9 = 152 people.", "152 / 40 = 3.8, so they need 4 buses.",
                                          "The buses cost 4 * 275 = $1100.", "1100"])
    ev = solution_evidence(problem, parse_solution("People: 143 + 9 = 152\n152 ÷ 40 = 3 R 32\nThey need 3 buses."),
                           use_reference=True)
    assert ev.unmatched[1] == []


def test_a_small_count_each_later_amount_is_multiplied_by_must_be_used(verifier):
    donuts = Problem("Carlos buys a box of donuts for $9 and 3 coffees for $2 each. How much does he pay?")
    v = verifier.verify(donuts, parse_solution("Donuts and coffee: $9 + $2 = $11\nHe pays $11."))
    assert (v.label, v.unused_given) == ("unsure", "3")
    # "$1 + $1" for "2 sodas for $1 each" uses the 2
    sodas = Problem("They got 2 sodas for $1.00 each and a salad for $4. How much did they spend?")
    assert verifier.verify(sodas, parse_solution("$1 + $1 + $4 = $6")).label == "correct"
    problem = Problem("Marcus is in a walkathon. Each of his 4 neighbors pledged $3 for every lap he walks, and his "
                      "aunt pledged a flat $25. Marcus walked 14 laps. How much money did he raise in all?")
    v = verifier.verify(problem, parse_solution("3 × 14 = 42 dollars from the laps\n42 + 25 = 67\nMarcus raised $67."))
    assert (v.label, v.unused_given) == ("unsure", "4")
    v = verifier.verify(problem, parse_solution("One neighbor gives 3 x 14 = $42.\n4 neighbors give 4 x 42 = $168.\n"
                                                "168 + 25 = $193 total"))
    assert v.label == "correct"
    # a count the problem adds in ("and 12 teachers", "for 2 more hours") is no implicit constant
    trip = Problem("A club trip has 150 students and 12 teachers. Each bus holds 40 people and costs $300. How much "
                   "do the buses cost?")
    v = verifier.verify(trip, parse_solution("150 ÷ 40 = 3.75, so 4 buses\n4 × 300 = $1,200"))
    assert (v.label, v.unused_given) == ("unsure", "12")
    v = verifier.verify(trip, parse_solution("150 + 12 = 162 people\n162 ÷ 40 = 4.05, so 5 buses\n5 × 300 = $1,500"))
    assert v.label == "correct"
    drive = Problem("A van drives at 60 miles per hour for 4 hours and then at 50 miles per hour for 2 more hours. "
                    "How far does it go?")
    v = verifier.verify(drive, parse_solution("60 × 4 = 240 miles\n50 × 4 = 200 miles\n240 + 200 = 440 miles"))
    assert (v.label, v.unused_given) == ("unsure", "2")


def test_a_closing_clause_with_more_numbers_than_its_result_is_not_read_as_the_answer(verifier):
    problem = Problem("A machine can fill a barrel of soda in 3 minutes. With a leak it takes 5 minutes to fill one "
                      "barrel. How much longer will it take to fill 12 barrels with the leak than on a normal day?",
                      reference_solution=["On a regular day it takes 3*12=36 minutes", "With the leak it takes 5*12=60 minutes",
                                          "It takes 60-36=24 more minutes", "24"])
    v = verifier.verify(problem, parse_solution(
        "On a normal day it takes 3*12=36 minutes.\nWith the leak it takes 5*12=60 minutes.\n"
        "The difference is 60-36=24 minutes, so it would take 24 more minutes to fill 12 barrels with the leak."))
    assert (v.label, v.first_error_step) == ("correct", None)


CANS = ("Yesterday Sara collected 50 cans and Lara collected 30 more cans than Sara. Today they collected 110 cans "
        "in all. How many fewer cans did they collect today than yesterday?")
CANS_REF = ["Yesterday Lara collected 50 + 30 = 80 cans.", "Yesterday they collected 50 + 80 = 130 cans.",
            "They collected 130 - 110 = 20 fewer cans today than yesterday.", "20"]
DANCE = ("Ana learns three dance steps. The first takes her 30 minutes, the second half as long, and the third as "
         "long as the other two together. How many minutes does she spend on the three steps?")
DANCE_REF = ["The second step takes 30 / 2 = 15 minutes.", "She took 30 + 15 = 45 minutes to learn the third step.",
             "In all she spent 30 + 15 + 45 = 90 minutes.", "90"]


@pytest.mark.parametrize("problem, reference, solution, step", [
    # a number of the problem worked out again for what the reference finds to be 20
    (CANS, CANS_REF, "Lara collected 50 + 30 = 80 cans yesterday.\nThey collected 110 - 80 = 30 fewer cans today "
                     "than yesterday.\nSo yesterday they collected 30 more cans than today.\n30", 2),
    # 90 is a value the reference has, but not for the third step
    (DANCE, DANCE_REF, "She spent 30 / 2 = 15 minutes on the second step.\nThe first two took 30 + 15 = 45 minutes.\n"
                       "So she spent 45 x 2 = 90 minutes to learn the third step.\nIn all 45 + 90 = 135 minutes.\n135", 3),
])
def test_a_value_given_for_what_the_reference_finds_otherwise_is_the_first_error(verifier, problem, reference,
                                                                                 solution, step):
    v = verifier.verify(Problem(problem, reference_solution=reference), parse_solution(solution))
    assert (v.label, v.first_error_step) == ("incorrect", step)
    assert v.evidence["described_otherwise"]["step"] == step
    # the explanation names the step's value, never the reference's amount or answer
    assert not any(n in v.explanation for n in ("20", "130", "45 minutes", "90 minutes"))


def test_described_otherwise_leaves_restated_facts_parts_and_unknowns_alone():
    from tutor.verify.align import described_otherwise

    ref = ["Each s'more takes 1 marshmallow, so 48 / 2 = 24 s'mores need 24 marshmallows.",
           "She makes 3 eggs for her husband + 2 for herself + 8 for her children = 13 eggs."]
    smores = "Each s'more takes two graham crackers and one marshmallow. Jacob has 48 graham crackers."
    # the problem's own sentence said again
    assert described_otherwise("Jacob needs 2 graham crackers and 1 marshmallow per s'more.", ref, smores) is None
    # a part of the reference step's amount
    assert described_otherwise("She makes 3 + 2 = 5 eggs for her husband and herself.", ref, "eggs") is None
    # an unknown's expression is no value
    assert described_otherwise("So John is (x + 12) years old.", ["So John is 74 / 2 = 37 years old."], "") is None
    assert described_otherwise("They collected 110 - 80 = 30 fewer cans today than yesterday.", CANS_REF,
                               CANS) == (30.0, 20.0)
    # (the reference step uses 12 on the way to 20: no finding, though 12 students bring lunch)
    assert described_otherwise("So 12 students buy lunch at school.",
                               ["3 x 4 = 12 students bring lunch.", "So 32 - 12 = 20 students buy lunch."], "") is None


def test_a_wrong_kitchen_measure_is_named(verifier):
    problem = Problem("A lemonade recipe needs 6 tablespoons of sugar for each pitcher. Mia makes 8 pitchers. She "
                      "has 1 cup of sugar. How many more cups of sugar does she need?")
    v = verifier.verify(problem, parse_solution("Mia needs 6 * 8 = 48 tablespoons.\nA cup is 12 tablespoons, so "
                                                "48 / 12 = 4 cups.\nShe buys 4 - 1 = 3 cups."))
    assert (v.label, v.first_error_step) == ("incorrect", 2)
    assert "16 tablespoons" in v.explanation
    right = verifier.verify(problem, parse_solution("Mia needs 6 * 8 = 48 tablespoons.\nA cup is 16 tablespoons, "
                                                    "so 48 / 16 = 3 cups.\nShe buys 3 - 1 = 2 cups."))
    assert right.label != "incorrect"


def test_values_a_later_slip_takes_on_rejoin_the_reference_as_the_slip_comes_to():
    # partial products of 24 × 24: right, and 480 + 96 is the reference's 576 but for the slip
    problem = Problem("A square patio has a perimeter of 48 feet. A new patio has sides twice as long. What is the "
                      "area of the new patio in square feet?",
                      reference_solution=["Old side: 48 ÷ 4 = 12", "New side: 2 × 12 = 24", "New area: 24 × 24 = 576",
                                          "Answer: 576"])
    steps = parse_solution("Side = 48 ÷ 4 = 12 ft\nNew side = 2 × 12 = 24 ft\n"
                           "Area = 24 × 24: 24 × 20 = 480 and 24 × 4 = 96\n480 + 96 = 566 square feet")
    ev = solution_evidence(problem, steps, use_reference=True)
    assert 480.0 not in ev.unmatched[2] and 96.0 not in ev.unmatched[2]
    v = Verifier(None).verify(problem, steps)
    assert (v.label, v.first_error_step) == ("incorrect", 4)
    # (a slip that lands elsewhere than the reference's value vindicates nothing)
    ev = solution_evidence(problem, parse_solution("Side = 48 ÷ 4 = 12 ft\nNew side = 2 × 12 = 24 ft\n"
                                                   "24 × 20 = 480 and 24 × 5 = 120\n480 + 120 = 610 square feet"),
                           use_reference=True)
    assert 480.0 in ev.unmatched[2]
