"""Comparisons stated in words (tutor.comparatives): which side's amount the problem gives, the
misreadings named at the step that makes them, and right work and unclear wording left alone."""

from fractions import Fraction

import pytest

from tutor.comparatives import comparison_slip, comparisons, difference_summed
from tutor.schema import Problem
from tutor.steps import parse_solution
from tutor.verify import Verifier

STICKERS = "Ana has 12 stickers. Ben has 3 times as many stickers as Ana. How many stickers do they have together?"
BACKWARD = "Ben has 36 stickers, which is 3 times as many as Ana. How many stickers does Ana have?"
POINTS = "Maya scored 45 points, 8 more than Leo. How many points did they score in all?"
AGE = "Sam is 9 years old. His father is 4 times as old as Sam. How old is his father?"
PAGES = "Tina read 20 pages. Rob read half as many pages as Tina. How many pages did they read in all?"
FEWER = "Tina read 20 pages. Rob read 6 fewer pages than Tina. How many pages did they read in all?"
TOGETHER = "Emma read 3 times as many books as Noah. Together they read 48 books. How many books did Emma read?"
LIBRARY = ("A library has 240 fiction books. It has half as many science books as fiction books, and 35 more "
           "history books than science books. How many books does it have in all?")


def test_the_known_side_and_the_other_sides_amount():
    (c,) = comparisons(STICKERS)
    assert (c.subject, c.base, c.kind, c.amount, c.known, c.value) == ("Ben", "Ana", "times", 3, "base", 12)
    assert c.expected() == 36
    (c,) = comparisons(BACKWARD)
    assert (c.known, c.value, c.expected()) == ("subject", 36, 12)
    (c,) = comparisons(POINTS)
    assert (c.subject, c.base, c.kind, c.known, c.expected()) == ("Maya", "Leo", "more", "subject", 37)
    (c,) = comparisons(AGE)
    assert (c.subject, c.base, c.expected()) == ("father", "Sam", 36)
    assert comparisons(PAGES)[0].amount == Fraction(1, 2)
    assert comparisons(FEWER)[0].expected() == 14
    # only the two sides' sum given: the base is one part of 3 + 1
    (c,) = comparisons(TOGETHER)
    assert (c.known, c.value, c.expected()) == ("total", 48, 12)
    # a sum asked for, not given
    assert comparisons("Nikki's movie is 3 times as long as Mia's. If Nikki's movie is 30 minutes long, find "
                       "their total time together.")[0].known == "subject"
    # two kinds of one thing, each amount as "240 fiction books"; the second's base is worked out
    c, chained = comparisons(LIBRARY)
    assert (c.subject, c.base, c.amount, c.value, c.expected()) == ("science books", "fiction books",
                                                                    Fraction(1, 2), 240, 120)
    assert (chained.subject, chained.base, chained.known) == ("history books", "science books", "chain")


@pytest.mark.parametrize("problem", [
    # the amounts change before they are compared
    "Ana has 12 stickers. She gives 2 to Ben. Now Ben has 3 times as many stickers as Ana. How many does Ben have?",
    # a comparison inside another one
    "Leo collected 4 more than twice as many shells as Maya. Maya collected 18 shells. How many did Leo collect?",
    # the number given is the two sides' sum, not one side's amount
    "The sum of the ages of a father and his son is 50 years. The father is 26 years older than the son. How "
    "old is the son?",
    # the comparison's number is also another amount
    "Ana has 12 stickers and 3 pens. Ben has 3 times as many stickers as Ana. How many stickers does Ben have?",
    # both sides given, or neither
    "Ana has 12 stickers and Ben has 36. Ben has 3 times as many stickers as Ana. What is the total?",
    "Ben has 3 times as many stickers as Ana. How many more stickers does Ben have than Ana?",
    # a thing and its owner or place
    "Jar A has 28 marbles. Jar B has 12 more marbles than jar A. How many marbles are there?",
    # "times" as a count, not a comparison
    "Ana swims 3 times a week for 40 minutes. How many minutes does she swim?",
])
def test_unclear_or_other_wording_is_not_read(problem):
    # (a comparison with neither side given is kept only as a link of a chain: below)
    assert [c for c in comparisons(problem) if c.known != "chain"] == []


@pytest.mark.parametrize("problem, solution, step, name", [
    (STICKERS, "Ben has 12 + 3 = 15 stickers.\nTogether they have 12 + 15 = 27 stickers.", 1, "times as added"),
    (STICKERS, "Ben has 12 / 3 = 4 stickers.\nTogether they have 12 + 4 = 16 stickers.", 1, "comparison reversed"),
    (BACKWARD, "Ana has 36 x 3 = 108 stickers.", 1, "comparison reversed"),
    (POINTS, "Leo: 45 + 8 = 53\n45 + 53 = 98", 1, "comparison reversed"),
    (AGE, "9 + 4 = 13\nHis father is 13.", 1, "times as added"),
    (PAGES, "Rob read 20 x 2 = 40 pages\n20 + 40 = 60", 1, "comparison reversed"),
    (FEWER, "Rob read 20 + 6 = 26 pages\n20 + 26 = 46", 1, "comparison reversed"),
    (TOGETHER, "Noah read 48 ÷ 3 = 16 books.\nEmma read 48 − 16 = 32 books.", 1, "parts miscounted"),
    (LIBRARY, "240 × 2 = 480 science books\n480 + 35 = 515 history books\n240 + 480 + 515 = 1235", 1,
     "comparison reversed"),
    # a chain: the base is the value the work found for it
    (LIBRARY, "240 ÷ 2 = 120 science books\n120 - 35 = 85 history books\n240 + 120 + 85 = 445", 2,
     "comparison reversed"),
    ("A store has 14 red balls. It has 6 more blue balls than red balls, and 3 times as many green balls as "
     "blue balls. How many balls does it have?", "Blue: 14 + 6 = 20\nGreen: 20 + 3 = 23\n14 + 20 + 23 = 57", 2,
     "times as added"),
])
def test_a_misread_comparison_is_named_with_a_guarded_ladder(problem, solution, step, name, slip_verdict):
    assert slip_verdict(problem, solution, step, comparison_slip) == name


@pytest.mark.parametrize("problem, solution", [
    (STICKERS, "Ben has 12 x 3 = 36 stickers.\nTogether they have 12 + 36 = 48 stickers."),
    (BACKWARD, "Ana has 36 / 3 = 12 stickers."),
    (POINTS, "Leo: 45 - 8 = 37\n45 + 37 = 82"),
    (PAGES, "Rob read 20 ÷ 2 = 10 pages\n20 + 10 = 30"),
    (FEWER, "Rob read 20 - 6 = 14 pages\n20 + 14 = 34"),
    (TOGETHER, "3 + 1 = 4 parts\n48 ÷ 4 = 12 books for Noah\nEmma read 12 × 3 = 36 books."),
    (LIBRARY, "240 ÷ 2 = 120 science books\n120 + 35 = 155 history books\n240 + 120 + 155 = 515 books"),
    ("The sum of the ages of a mother and her daughter is 60 years. The mother is 28 years older than the "
     "daughter. How old is the daughter?", "Let d be her age. d + d + 28 = 60, so 2d = 60 - 28 = 32.\n"
                                          "d = 32 ÷ 2 = 16.\nCheck: 16 + 28 = 44 and 44 + 16 = 60."),
])
def test_right_work_is_right(problem, solution):
    steps = parse_solution(solution)
    assert comparison_slip(problem, [s.text for s in steps]) is None
    assert Verifier(None).verify(Problem(text=problem), steps).label == "correct"


TRIP = ("Ben walks 3 km to the park at 5 km/h. His sister rides her bike the same 3 km at 15 km/h. How many "
        "minutes longer does Ben's trip take than his sister's?")
PRACTICE = ("Zoe practices violin for 150 minutes a week. Eli practices 315 minutes a week. Over 2 weeks, how many "
            "more minutes does Eli practice than Zoe?")


@pytest.mark.parametrize("problem, solution, step", [
    (TRIP, "Ben: 3 ÷ 5 = 0.6 h = 36 minutes\nSister: 3 ÷ 15 = 0.2 h = 12 minutes\nTogether 36 + 12 = 48 minutes.\n"
           "So Ben takes 48 minutes longer.", 3),
    (PRACTICE, "Zoe: 2 × 150 = 300 minutes\nEli: 2 × 315 = 630 minutes\n300 + 630 = 930", 3),
])
def test_a_difference_question_answered_with_a_sum(problem, solution, step, slip_verdict):
    assert slip_verdict(problem, solution, step, difference_summed) == "difference asked, sum given"


@pytest.mark.parametrize("problem, solution", [
    (TRIP, "Ben: 3 ÷ 5 = 0.6 h = 36 minutes\nSister: 3 ÷ 15 = 0.2 h = 12 minutes\n36 − 12 = 24 minutes longer."),
    # a sum of differences the work found answers "how many more … than both"
    ("Rayden has 40 ducks and 50 geese. Lily has 10 ducks and 30 geese. How many more ducks and geese does "
     "Rayden have than Lily?", "40 - 10 = 30 more ducks\n50 - 30 = 20 more geese\n30 + 20 = 50 more"),
    # the question asks about amounts together
    ("Pedro has 100 squares. Jesus has 60 and Linden has 75. How many more squares does Pedro have than both "
     "combined?", "60 + 75 = 135\n135 - 100 = 35"),
])
def test_differences_found_are_not_this_slip(problem, solution):
    assert difference_summed(problem, [s.text for s in parse_solution(solution)]) is None


def test_a_difference_with_a_negative_written_as_a_sum_is_a_difference():
    problem = ("The top of a hill is 2,350 m above sea level. The valley floor is 86 m below sea level. How much "
               "higher is the hilltop than the valley floor?")
    steps = ["hilltop = 2,350", "valley = −86", "2,350 − (−86) = 2,350 + 86 = 2,436", "The hilltop is 2,436 m higher."]
    assert difference_summed(problem, steps) is None


CHOIR = ("The school choir has 16 members. The school band has 3 times as many members as the choir. How many "
         "students are in the choir and the band together?")
GAME = ("In the football game, the Jets scored 46 points. The Sharks scored 9 fewer points than the Jets. How many "
        "points did the two teams score altogether?")


def test_groups_named_with_the_are_sides_of_a_comparison():
    (c,) = comparisons(CHOIR)
    assert (c.subject, c.base, c.kind, c.amount, c.known, c.value) == ("school band", "choir", "times", 3, "base", 16)
    (c,) = comparisons(GAME)
    assert (c.subject, c.base, c.kind, c.amount, c.known, c.value) == ("Sharks", "Jets", "fewer", 9, "base", 46)
    r = comparison_slip(CHOIR, ["The band has 19 members because 16 + 3 = 19.", "Adding the choir, 19 + 16 = 35."])
    assert (r.step, r.name) == (0, "times as added")
    r = comparison_slip(GAME, ["Sharks: 46 + 9 = 55 points", "Both teams: 55 + 46 = 101"])
    assert (r.step, r.name) == (0, "comparison reversed")
    assert comparison_slip(GAME, ["Sharks: 46 - 9 = 37 points", "Both teams: 37 + 46 = 83"]) is None


def test_a_thing_after_the_is_not_compared_with_a_person_nor_an_ordinal():
    # "half as many cutlery as the plates" belongs to Angela's things, not to a person compared
    text = ("Angela's kitchen has 20 pots, and half as many cutlery as the plates. Sharon wants to buy half as many "
            "pots as Angela. How many pots does Sharon want?")
    assert all(c.base != "plates" for c in comparisons(text))
    text = ("The first side has 4000 soldiers. The second side has 500 soldiers fewer than the first. How many "
            "soldiers are there?")
    assert comparisons(text) == []


@pytest.mark.parametrize("text, steps, sides, name", [
    # two days compared
    ("A dog groomer washed 12 dogs on Friday. On Saturday she washed 5 more dogs than on Friday. How many dogs did "
     "she wash on the two days?", ["Saturday: 12 × 5 = 60 dogs", "12 + 60 = 72"], ("Saturday", "Friday"),
     "more as times"),
    # two kinds named by one word each
    ("At Mia's party there were 14 boys and 6 fewer girls than boys. How many children were at the party?",
     ["Girls: 14 + 6 = 20", "14 + 20 = 34"], ("girls", "boys"), "comparison reversed"),
])
def test_days_and_one_word_kinds_are_sides_of_a_comparison(text, steps, sides, name):
    (c,) = comparisons(text)
    assert (c.subject, c.base) == sides
    r = comparison_slip(text, steps)
    assert (r.step, r.name) == (0, name)


def test_a_verb_after_as_is_no_kind_and_how_much_more_reads_past_titles():
    cows = "Aaron has four times as many cows as does Matthews. If Matthews has 60 cows, how many cows does Aaron have?"
    assert all(c.base != "does" for c in comparisons(cows))
    text = ("Ms. Garcia's class sold 52 plants for $4 each. Mr. Patel's class sold 38 plants for $5 each. How much "
            "more money did Ms. Garcia's class raise than Mr. Patel's class?")
    r = difference_summed(text, ["52 × 4 = 208", "38 × 5 = 190", "208 + 190 = 398", "They raised $398 more."])
    assert (r.step, r.name) == (2, "difference asked, sum given")


def test_how_much_more_is_needed_answered_with_a_sum():
    text = ("Grace is saving for a keyboard that costs $65. She saved $14 in March and $19 in April. How much more "
            "money does she need to buy the keyboard?")
    r = difference_summed(text, ["14 + 19 = 33", "65 + 33 = 98", "She needs $98 more."])
    assert (r.step, r.name) == (1, "difference asked, sum given")
    assert difference_summed(text, ["14 + 19 = 33", "65 - 33 = 32", "She needs $32 more."]) is None
    # the closing step's own result is what it arrives at, not a number named after it
    boxes = ("Nida has 50 chocolates: some in 3 filled boxes and 5 not in a box. Her friend brought 25 more. How many "
             "more boxes do they need?")
    assert difference_summed(boxes, ["50 - 5 = 45", "45/3 = 15", "5 + 25 = 30",
                                     "They need 30/15 = 2 boxes for the 30 chocolates."]) is None


def test_how_many_more_than_reads_a_long_question():
    text = ("She makes 3 batches of vanilla with 1.5 cups of sugar each and 4 batches of chocolate with 2 cups each. How "
            "many more cups of sugar does she use for the chocolate cupcakes than for the vanilla cupcakes?")
    r = difference_summed(text, ["3 x 1.5 = 4.5 cups", "4 x 2 = 8 cups", "8 + 4.5 = 12.5"])
    assert (r.step, r.name) == (2, "difference asked, sum given")


def test_an_amount_of_another_kind_is_no_side_of_the_comparison():
    # Jay's 6 are shots, not points: his points are worked out, not given
    game = ("In a basketball game, Jay made 6 two-point shots, 3 three-point shots and 5 free throws worth 1 point "
            "each. His teammate Ray scored half as many points as Jay. How many points did they score together?")
    assert all(c.known != "base" for c in comparisons(game))
    assert comparison_slip(game, ["Jay's two-point shots give 12 points, since 6 times 2 is 12.",
                                  "Jay has 12 + 9 + 5 = 26 points.", "Ray scored 26 / 2 = 13 points."]) is None
    # the same kind, said with a describing word, or no noun at all: read as before
    assert [c.value for c in comparisons("Ana has 12 red marbles. Ben has half as many marbles as Ana. How many "
                                         "marbles does Ben have?")] == [12]
    assert [c.value for c in comparisons("Ana scored 12. Ben scored half as many points as Ana. How many?")] == [12]


def test_a_comparison_said_of_he_or_she_is_about_the_person_named_before():
    stamps = ("Jun has 45 stamps. He has 13 fewer stamps than his sister Mei. Their friend Ravi has half as many "
              "stamps as Mei. How many stamps does Ravi have?")
    r = comparison_slip(stamps, ["Mei has 45 - 13 = 32 stamps.", "Ravi has half of Mei's, which is 32 / 2 = 16."])
    assert (r.step, r.name, r.facts["subject"], r.facts["value"]) == (0, "comparison reversed", "Jun", "45")
    assert comparison_slip(stamps, ["Mei has 45 + 13 = 58 stamps.", "Ravi has 58 / 2 = 29 stamps."]) is None
    # a sentence that opens with no name leaves "She" unread
    assert all(c.subject != "The" for c in comparisons("The store sold 40 apples. She has 3 more than Tom."))


def test_counting_up_from_one_amount_to_the_other_is_a_difference():
    problem = "Ella is 3 feet 10 inches tall. Her mom is 5 feet 4 inches tall. How many inches taller than Ella is her mom?"
    steps = ["From 3 ft 10 in up to 4 ft is 2 inches.", "From 4 ft up to 5 ft 4 in is 12 + 4 = 16 inches.",
             "2 + 16 = 18 inches taller."]
    assert difference_summed(problem, steps) is None
    assert difference_summed(problem, ["3 x 12 + 10 = 46", "5 x 12 + 4 = 64", "46 + 64 = 110"]).name == \
        "difference asked, sum given"
