"""Answers whose formula the problem's words fix (tutor.formulas): a triangle's half, a
circle's radius and formulas, a remainder's rounding, a percent's part or total, the order of
operations; the verdict and hints built on them."""

import re
from fractions import Fraction

import pytest

from tutor.formulas import formula_relation
from tutor.hints.fallback import fallback_hint
from tutor.hints.guards import check_hint
from tutor.hints.prompting import ladder_kinds
from tutor.schema import Problem
from tutor.steps import parse_solution
from tutor.verify import Verifier

SAIL = "A triangular sail has a base of 10 feet and a height of 12 feet. What is the area of the sail?"
RUG = "A circular rug has a diameter of 10 feet. What is the area of the rug? Use 3.14 for pi."
POND = "A round pond has a radius of 7 m. How much fencing goes around it? Use 3.14 for pi."
BUSES = "130 students go on a trip. Each bus holds 18 students. How many buses are needed?"
BOWS = "A ribbon is 44 inches long. Each bow needs 6 inches. How many bows can be made?"
TIP = "Jake's bill is $45. He leaves a 20% tip. How much is the tip?"
JACKET = "A jacket costs $80. It is on sale for 25% off. What is the sale price?"
EXPRESSION = "Evaluate 20 − 12 ÷ 4."


@pytest.mark.parametrize("problem, steps, found", [
    (SAIL, ["Area = 10 × 12 = 120", "The area is 120 square feet."],
     (0, "triangle without half", "10 × 12", {"base": "10", "height": "12"})),
    (RUG, ["A = 3.14 × 10 × 10 = 314", "The area is 314 square feet."],
     (0, "diameter as radius", "3.14 × 10 × 10", {"radius": "5", "diameter": "10", "given": "diameter",
                                                   "asked": "area"})),
    (POND, ["3.14 × 7 × 7 = 153.86", "153.86 m of fence"],
     (0, "area for circumference", "3.14 × 7 × 7", {"radius": "7", "diameter": "14", "given": "radius",
                                                     "asked": "circumference"})),
    ("A circle has a radius of 5 cm. What is its area? Use 3.14 for pi.", ["2 × 3.14 × 5 = 31.4"],
     (0, "circumference for area", "2 × 3.14 × 5", {"radius": "5", "diameter": "10", "given": "radius",
                                                     "asked": "area"})),
    (BUSES, ["130 ÷ 18 = 7.2", "They need 7 buses."],
     (1, "remainder rounded down", "130 ÷ 18", {"quotient": "7.22", "stated": "7", "division": "130 ÷ 18"})),
    (BOWS, ["44 ÷ 6 = 7.33", "Round up: 8 bows."],
     (1, "remainder rounded up", "44 ÷ 6", {"quotient": "7.33", "stated": "8", "division": "44 ÷ 6"})),
    # the division done by fitting whole groups and taking them away
    (BUSES, ["7 × 18 = 126 students fit in 7 buses.", "130 − 126 = 4 students are left over.",
             "The 4 extra students are just a remainder, so they need 7 buses."],
     (2, "remainder rounded down", "130 ÷ 18", {"quotient": "7.22", "stated": "7", "division": "130 ÷ 18"})),
    ("A library gets 9 boxes of 28 books. Shelves hold 35 books each. How many shelves can she fill completely?",
     ["9 × 28 = 252 books", "35 × 7 = 245 books", "252 − 245 = 7 more books",
      "Those 7 books need another shelf, so 7 + 1 = 8 shelves."],
     (3, "remainder rounded up", "252 ÷ 35", {"quotient": "7.2", "stated": "8", "division": "252 ÷ 35"})),
    (TIP, ["20% of 45 = 0.2 × 45 = 9", "45 + 9 = 54", "The tip is $54."],
     (1, "total for part", "45 and 9", {"percent": "20", "base": "45"})),
    (JACKET, ["25% of 80 = 0.25 × 80 = 20", "The sale price is $20."],
     (1, "part for total", "25% of 80", {"percent": "25", "base": "80"})),
    # (the part worked out last with no answer said is unfinished work, not this finding: below)
    ("Dinner costs $32. They leave a 15% tip. How much do they pay in all, including the tip?",
     ["15% of 32 = 0.15 × 32 = 4.80", "32 - 4.80 = 27.20", "They pay $27.20."],
     (1, "part the wrong way", "32 and 4.8", {"percent": "15", "base": "32", "right_way": "added to"})),
    # the direction said by a verb: a markup, a loss; the part taken in one go ("× 1.12")
    ("A store buys a lamp for $30 and marks it up 40%. What is the selling price?",
     ["30 x 40% = 12", "30 - 12 = 18", "Selling price $18"],
     (1, "part the wrong way", "30 and 12", {"percent": "40", "base": "30", "right_way": "added to"})),
    ("A car worth $20,000 loses 12% of its value. What is it worth now?",
     ["20000 × 0.12 = 2400", "20000 + 2400 = 22400", "It is worth $22,400"],
     (1, "part the wrong way", "20000 and 2400", {"percent": "12", "base": "20000", "right_way": "taken away from"})),
    ("A car worth $20,000 loses 12% of its value. What is it worth now?", ["20000 × 1.12 = 22400", "It is worth $22,400"],
     (0, "part the wrong way", "20000 and 2400", {"percent": "12", "base": "20000", "right_way": "taken away from"})),
    # Pythagoras: the long side of a right triangle from its legs
    ("A ladder leans against a wall. Its foot is 6 ft from the wall and its top reaches 8 ft up the wall. "
     "How long is the ladder?", ["6 + 8 = 14", "The ladder is 14 ft long."],
     (0, "legs added", "6 + 8", {"a": "6", "b": "8", "squares": "100"})),
    ("Kai walks 9 blocks north and then 12 blocks east. How far is he from where he started, in a straight line?",
     ["9^2 + 12^2 = 81 + 144 = 225", "He is 225 blocks away."],
     (1, "square root left out", "225", {"a": "9", "b": "12", "squares": "225"})),
    ("A right triangle has legs of 5 cm and 12 cm. How long is the hypotenuse?",
     ["5^2 + 12^2 = 25 + 144 = 169", "169 ÷ 2 = 84.5 cm"],
     (1, "square root as halving", "169 ÷ 2", {"a": "5", "b": "12", "squares": "169"})),
    ("A 20 m wire goes from the top of a pole to the ground 12 m from the pole. How tall is the pole?",
     ["20² - 12² = 400 - 144 = 256", "The pole is 256 m tall."],
     (1, "square root left out", "256", {"long": "20", "leg": "12", "squares": "256"})),
    ("A TV screen is 24 inches wide and 18 inches tall. How long is its diagonal?",
     ["24 x 2 = 48", "18 x 2 = 36", "48 + 36 = 84", "√84 ≈ 9.2"],
     (0, "square as doubling", "24 × 2", {"a": "18", "b": "24", "squares": "900", "leg": "24"})),
    ("A right triangle has legs of 9 and 12. How long is the hypotenuse?", ["c = 9 + 12 = 21"],
     (0, "legs added", "9 + 12", {"a": "9", "b": "12", "squares": "225"})),
    # the long side given: a leg from the squares added, or from the lengths subtracted
    ("A 10-foot ladder leans against a wall with its base 6 feet from the wall. How high up the wall does it reach?",
     ["6² + 10² = h²", "36 + 100 = 136", "h = √136 ≈ 11.7 ft"],
     (1, "long side squared and added", "36 + 100", {"long": "10", "leg": "6", "squares": "64"})),
    ("A right triangle has a hypotenuse of 13 and one leg of 12. Find the other leg.",
     ["12² + 13² = 144 + 169 = 313", "b = √313 ≈ 17.7"],
     (0, "long side squared and added", "12² + 13²", {"long": "13", "leg": "12", "squares": "25"})),
    ("A kite string is 26 m long and the kite is directly above a point 10 m away from Ana. How high is the kite?",
     ["26 - 10 = 16", "The kite is 16 m high"],
     (0, "lengths subtracted", "26 − 10", {"long": "26", "leg": "10", "squares": "576"})),
    ("A school has 1,250 students. 2/5 of them ride the bus. How many students ride the bus?",
     ["1,250 ÷ 5 = 250", "250 × 2 = 500", "1,250 - 500 = 750 students ride the bus"],
     (2, "rest for part", "1250 − 500", {"fraction": "2/5", "whole": "1250"})),
    ("There are 28 students in a class. Three fourths of them ride the bus. How many students do not ride the bus?",
     ["28 ÷ 4 = 7", "3 × 7 = 21", "21 students do not ride the bus."],
     (2, "part for rest", "3/4 of 28", {"fraction": "3/4", "whole": "28"})),
    ("A box is a rectangular prism 4 cm long, 5 cm wide and 3 cm tall. What is its volume?", ["4 + 5 + 3 = 12 cm³"],
     (0, "volume by adding", "4 + 5 + 3", {"length": "4", "width": "5", "height": "3"})),
    (EXPRESSION, ["20 − 12 = 8", "8 ÷ 4 = 2", "The answer is 2."],
     (0, "order of operations", "20 − 12", {"expression": "20 − 12 ÷ 4"})),
    ("What is 18 ÷ 3 × 2?", ["3 × 2 = 6", "18 ÷ 6 = 3"],
     (0, "order of operations", "3 × 2", {"expression": "18 ÷ 3 × 2"})),
])
def test_a_formula_the_words_rule_out_is_found_at_its_step(problem, steps, found):
    r = formula_relation(problem, steps)
    assert (r.step, r.name, r.expression, r.facts) == found


@pytest.mark.parametrize("problem, steps", [
    (SAIL, ["Area = 1/2 × 10 × 12 = 60", "The area is 60 square feet."]),
    ("A car worth $20,000 loses 12% of its value. What is it worth now?", ["20000 × 0.88 = 17600", "$17,600"]),
    ("Kai walks 9 blocks north and then 12 blocks east. How far is he from where he started, in a straight line?",
     ["9^2 + 12^2 = 81 + 144 = 225", "√225 = 15", "He is 15 blocks away."]),
    ("A 10-foot ladder leans against a wall with its base 6 feet from the wall. How high up the wall does it reach?",
     ["10² - 6² = 100 - 36 = 64", "h = √64 = 8 ft"]),
    ("A kite string is 26 m long and the kite is directly above a point 10 m away from Ana. How high is the kite?",
     ["26² - 10² = 676 - 100 = 576", "√576 = 24"]),
    ("A TV screen is 24 inches wide and 18 inches tall. How long is its diagonal?",
     ["24 x 24 = 576", "18 x 18 = 324", "576 + 324 = 900", "√900 = 30"]),
    ("A store buys a lamp for $30 and marks it up 40%. What is the selling price?", ["30 x 40% = 12", "30 + 12 = 42"]),
    (SAIL, ["10 × 12 = 120", "120 ÷ 2 = 60"]),
    ("Two triangles each have a base of 10 cm and a height of 12 cm. What is their total area?", ["10 × 12 = 120"]),
    (RUG, ["r = 10 ÷ 2 = 5", "A = 3.14 × 5 × 5 = 78.5"]),
    (RUG, ["3.14 × 10 × 10 = 314", "314 ÷ 4 = 78.5"]),
    (POND, ["2 × 3.14 × 7 = 43.96"]),
    ("A wheel has a diameter of 26 inches. How far does it roll in one turn? Use 3.14 for pi.", ["3.14 × 26 = 81.64"]),
    (BUSES, ["130 ÷ 18 = 7 R 4", "7 + 1 = 8 buses"]),
    (BUSES, ["7 × 18 = 126", "130 − 126 = 4 students left over", "They need one more bus, so they need 8 buses."]),
    (BOWS, ["44 ÷ 6 = 7 R 2", "7 bows can be made."]),
    ("7 pizzas are shared by 2 friends. How many pizzas does each friend get?", ["7 ÷ 2 = 3.5", "3.5 pizzas each"]),
    ("130 students ride buses that hold 18 each. How many students are left over after 7 full buses?",
     ["18 × 7 = 126", "130 − 126 = 4"]),
    (TIP, ["0.2 × 45 = 9", "The tip is $9."]),
    # the part taken away, then what is left
    ("Omar has 240 stamps. He gives 1/4 of them to his sister. How many does he keep?",
     ["He gives 240 ÷ 4 = 60 stamps, so he keeps 240 - 60 = 180."]),
    ("Omar has 240 stamps. He gives 1/4 of them to his sister. How many does he keep?",
     ["He keeps 3/4 of them: 3/4 × 240 = 180 stamps."]),
    (JACKET, ["0.25 × 80 = 20", "80 − 20 = 60", "The sale price is $60."]),
    (JACKET, ["25% of 80 = 0.25 × 80 = 20"]),
    ("Jake's bill is $45. He leaves a 20% tip. How much is the tip, and what does he pay in all?",
     ["0.2 × 45 = 9", "45 + 9 = 54"]),
    (EXPRESSION, ["12 ÷ 4 = 3", "20 − 3 = 17"]),
    ("Evaluate 2 + 3 + 4 × 5.", ["4 × 5 = 20", "3 + 20 = 23", "2 + 23 = 25"]),
    ("Evaluate 48 ÷ 4 ÷ 2.", ["4 × 2 = 8", "48 ÷ 8 = 6"]),
    ("Evaluate 3 × (4 + 5).", ["3 × 4 = 12", "3 × 5 = 15", "12 + 15 = 27"]),
    # halving said in words; a shape that is not the triangle; a circle question that names
    # both the way round and the inside; a sphere
    (SAIL, ["10 × 12 = 120", "Divide by two: 60 square feet."]),
    ("A triangular pennant is cut from felt 10 in long and 12 in wide. What is the area of the felt?",
     ["10 × 12 = 120 square inches"]),
    ("A sprinkler waters a circle with a radius of 5 m. How much ground does it water in a full turn? "
     "Use 3.14 for pi.", ["3.14 × 5 × 5 = 78.5 square meters"]),
    ("A ball has a diameter of 6 in. What is its surface area? Use 3.14 for pi.", ["4 × 3.14 × 3 × 3 = 113.04"]),
    # the rounding a question's own verb does not fix, or an answer that is not a whole count
    ("A bottle has 100 pills. He takes 3 a day. How many days should the bottle last?",
     ["100 ÷ 3 = 33.33", "33 full days"]),
    ("7 cups of flour are split between 2 cakes. How many cups does each cake need?",
     ["7 ÷ 2 = 3.5", "3 and a half cups"]),
    (BUSES, ["130 ÷ 18 = 7.2", "8 buses, because 7 buses is not enough."]),
    # a percent question that asks two things, or names both the part and the total
    ("A meal costs $40. He leaves a 15% tip. What is the total and how much is the tip?",
     ["Tip: 40 × 0.15 = $6", "Total: 40 + 6 = $46"]),
    ("A store charges 5% sales tax. What is the total tax on an $80 game?", ["80 × 0.05 = 4", "The tax is $4."]),
    ("A $60 jacket has a 25% discount. What is the discount price?", ["60 × 0.25 = 15", "60 − 15 = 45"]),
    ("A town of 8,000 people grew by 4%. What is the new population?", ["4% of 8,000 = 320", "8,000 + 320 = 8,320"]),
    ("A shop buys hats for $36 each and marks them up 50%. What is the selling price?",
     ["50% of 36 = 18", "36 + 18 = 54", "Price = $54"]),
    ("One acute angle of a right triangle measures 27°. What is the other acute angle?", ["90 - 27 = 63"]),
    ("Four friends share 2/3 pound of grapes equally. How much does each friend get?",
     ["2/3 ÷ 4 = 2/3 × 1/4", "= 2/12 = 1/6"]),
    ("Two angles are complementary. One is twice the other. Find the smaller angle.",
     ["x + 2x = 90", "3x = 90", "x = 30"]),
    ("The angles of a triangle are x°, (x + 20)°, and 2x°. Find x.", ["x + x + 20 + 2x = 180", "4x = 160", "x = 40"]),
    # a percent that is a share, not a change
    ("A phone battery is at 60%. The full battery lasts 20 hours. How many hours are left?",
     ["60% of 20 = 0.6 × 20 = 12", "12 hours are left."]),
    # a leading minus; the expression's value reached, then more the question asks
    ("Evaluate −3 + 4 × 2.", ["4 × 2 = 8", "−3 + 8 = 5"]),
    ("What is 2 × 3 + 4, then doubled?", ["2 × 3 = 6", "6 + 4 = 10", "10 × 2 = 20"]),
    # the other group asked in its own words; the rest worked out; a quarter is not the rest
    ("A school has 1,250 students. 2/5 of them ride the bus. How many students walk?",
     ["1,250 ÷ 5 = 250", "250 × 2 = 500", "1,250 - 500 = 750 students walk"]),
    ("There are 28 students in a class. Three fourths of them ride the bus. How many do not ride the bus?",
     ["28 ÷ 4 = 7", "3 × 7 = 21", "28 - 21 = 7"]),
    ("A box is 4 cm long, 5 cm wide and 3 cm tall. What is its volume?", ["4 × 5 × 3 = 60 cm³"]),
    ("A box is 4 cm long, 5 cm wide and 3 cm tall. How much ribbon goes around its edges?", ["4 + 5 + 3 = 12"]),
    # a claim to judge, not an expression to work out
    ("Tom says 3 + 4 × 2 is 14. Is he right?", ["3 + 4 = 7", "7 × 2 = 14", "Yes, 14"]),
])
def test_right_or_unreadable_work_is_left_alone(problem, steps):
    assert formula_relation(problem, steps) is None


def _ladder(problem_text: str, solution: str):
    problem, steps = Problem(text=problem_text), parse_solution(solution)
    verdict = Verifier(None).verify(problem, steps)
    hints = [fallback_hint(problem, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert all(check_hint(h.text, h.level, h.kind, problem, steps, verdict) == [] for h in hints)
    return verdict, [h.text for h in hints]


def test_the_verdict_and_ladder_of_a_circle_worked_with_its_diameter():
    verdict, hints = _ladder(RUG, "A = 3.14 × 10 × 10 = 314\nThe area is 314 square feet.")
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == (
        "incorrect", 1, "Missing / Wrong factual knowledge")
    assert verdict.explanation == ("In step 1, the diameter, 10, is used as the radius. The radius is half the "
                                   "diameter. The area of a circle is π × radius × radius.")
    assert hints == [
        "Look at step 1, where you work out 3.14 × 10 × 10. Is 10 the radius or the diameter of the circle?",
        "In step 1, the area of a circle is π × radius × radius. Is 10 the radius or the diameter of the circle?",
        "Redo step 1: the diameter is 10, and the radius is half of that. Work out π × radius × radius with the "
        "right number.",
    ]


def test_the_verdict_and_ladder_of_a_remainder_rounded_down():
    verdict, hints = _ladder(BUSES, "130 ÷ 18 = 7.2\nThey need 7 buses.")
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == (
        "incorrect", 2, "Misunderstanding of the question")
    assert verdict.evidence["relation"] == {"step": 2, "name": "remainder rounded down", "expression": "130 ÷ 18"}
    assert hints[0] == "Look at step 2, where you answer 7 after 130 ÷ 18. Is there room for everything in 7?"
    assert not any(re.search(r"\b8\b", h) for h in hints)  # the answer is never said


@pytest.mark.parametrize("problem, solution, step, category", [
    (SAIL, "Area = 10 × 12 = 120\nThe area is 120 square feet.", 1, "Missing / Wrong factual knowledge"),
    (TIP, "20% of 45 = 0.2 × 45 = 9\n45 + 9 = 54\nThe tip is $54.", 2, "Went past the answer"),
    (JACKET, "25% of 80 = 0.25 × 80 = 20\nThe sale price is $20.", 2, "Missing step"),
    (EXPRESSION, "20 − 12 = 8\n8 ÷ 4 = 2\nThe answer is 2.", 1, "Missing / Wrong factual knowledge"),
    ("Dinner costs $32. They leave a 15% tip. How much do they pay in all, including the tip?",
     "0.15 × 32 = 4.80\n32 - 4.80 = 27.20\nThey pay $27.20.", 2, "Logical error / Wrong approach"),
    (BUSES, "130 ÷ 18 = 7.2\nThey need 7 buses.", 2, "Misunderstanding of the question"),
    ("A school has 1,250 students. 2/5 of them ride the bus. How many students ride the bus?",
     "1,250 ÷ 5 = 250\n250 × 2 = 500\n1,250 - 500 = 750 students ride the bus", 3, "Went past the answer"),
    ("There are 28 students. Three fourths of them ride the bus. How many students do not ride the bus?",
     "28 ÷ 4 = 7\n3 × 7 = 21\n21 students do not ride the bus.", 3, "Missing step"),
    ("A box is 4 cm long, 5 cm wide and 3 cm tall. What is its volume?", "4 + 5 + 3 = 12 cm³", 1,
     "Missing / Wrong factual knowledge"),
    (BOWS, "44 ÷ 6 = 7.33\nRound up: 8 bows.", 2, "Misunderstanding of the question"),
    (POND, "3.14 × 7 × 7 = 153.86\n153.86 m of fence", 1, "Missing / Wrong factual knowledge"),
    # a fraction shared: the sharers divided by it
    ("Four friends share 2/3 pound of grapes equally. How much does each friend get?",
     "4 ÷ 2/3 = 4 × 3/2\n= 12/2\n= 6\nEach friend gets 6 pounds.", 1, "Logical error / Wrong approach"),
    # angle totals: a right triangle's acute angles, an equation set up with another total
    ("One acute angle of a right triangle measures 27°. What is the other acute angle?",
     "180 - 27 = 153\nThe other acute angle is 153°.", 1, "Missing / Wrong factual knowledge"),
    ("Two angles are complementary. One is twice the other. Find the smaller angle.",
     "x + 2x = 180\n3x = 180\nx = 60\nThe smaller angle is 60°.", 1, "Missing / Wrong factual knowledge"),
    ("Find the complement of a 35° angle.", "complement = 180 − 35\ncomplement = 145°", 1,
     "Missing / Wrong factual knowledge"),
    ("The angles of a triangle are x°, (x + 20)°, and 2x°. Find x.",
     "x + x + 20 + 2x = 360\n4x + 20 = 360\n4x = 340\nx = 85", 1, "Missing / Wrong factual knowledge"),
    # the percent's number used as the amount; a markup at 50% never added ("$36 each" is a price)
    ("A town of 8,000 people grew by 4%. What is the new population?", "8,000 + 4 = 8,004", 1,
     "Missing / Wrong factual knowledge"),
    ("A $60 jacket is 25% off. What is the sale price?", "60 - 25 = 35\nThe sale price is $35", 1,
     "Missing / Wrong factual knowledge"),
    ("A shop buys hats for $36 each and marks them up 50%. What is the selling price?",
     "50% of 36 = 18\nPrice = $18", 2, "Missing step"),
    # the part taken away named as what is left
    ("Omar has 240 stamps. He gives 1/4 of them to his sister, then buys 35 more. He puts all his stamps "
     "equally into 5 albums. How many stamps go in each album?",
     "He gives away a quarter, so he keeps 240 ÷ 4 = 60 stamps.\n60 + 35 = 95\n95 ÷ 5 = 19", 1,
     "Misunderstanding of the question"),
])
def test_each_finding_is_a_verdict_with_guarded_hints(problem, solution, step, category):
    verdict, hints = _ladder(problem, solution)
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == ("incorrect", step, category)
    assert len(hints) == 3


@pytest.mark.parametrize("problem, solution", [
    # a second code review's right work (v17)
    ("A meal costs $40. How much is the meal with a 20% tip?", "0.2 × 40 = 8\n40 + 8 = 48\nThe meal is $48 with the tip."),
    ("A jacket costs $80. How much is the jacket with a 25% discount?", "0.25 × 80 = 20\n80 - 20 = 60"),
    ("Sara spends 30% of her $200 paycheck on rent. How much does she spend on rent?",
     "0.30 × 200 = 60\nShe spends $60 on rent."),
    ("An agent is paid a 6% commission on the sale of a $250,000 house. How much is the agent paid?",
     "0.06 × 250,000 = 15,000\nThe agent is paid $15,000."),
    ("Her salary is $3,000. She gets a 5% bonus on top of it. How much is she paid in total?",
     "0.05 × 3,000 = 150\n3,000 + 150 = 3,150"),
    ("A box measures 12 × 9 × 6 inches. What is its volume in cubic feet?",
     "12 ÷ 12 = 1 foot\n9 ÷ 12 = 0.75 foot\n6 ÷ 12 = 0.5 foot\n1 × 0.75 × 0.5 = 0.375 cubic feet"),
    ("There are 30 students. 1/2 of them ride the bus. How many students do not ride the bus?",
     "30 ÷ 2 = 15\n15 students do not ride the bus."),
    ("A printer prints 9 pages in 2 minutes. How many minutes are needed to print 18 pages?",
     "9 ÷ 2 = 4.5\n18 ÷ 4.5 = 4\nSo 4 minutes are needed."),
    ("A garden is 4 feet by 10 feet. Fencing costs $1 per foot. How much does fencing 40 feet cost?",
     "4 × 10 = 40 feet\nThe fence costs $40."),
])
def test_a_second_review_s_right_work_is_not_accused(problem, solution):
    verdict = Verifier(None).verify(Problem(text=problem), parse_solution(solution))
    assert verdict.label != "incorrect"


def test_a_zero_denominator_in_the_problem_does_not_fail():
    assert formula_relation("There are 30 students. 2/0 of them ride the bus. How many ride?", ["30 ÷ 2 = 15"]) is None


RIBBON = "A 4.8 m ribbon is cut into 6 equal pieces. How long is each piece?"


@pytest.mark.parametrize("problem, steps, found", [
    (RIBBON, ["4.8 × 6 = 28.8", "Each piece is 28.8 m long."], (0, "4.8 × 6", {"whole": "4.8", "parts": "6"})),
    ("24 cookies are shared equally among 4 friends. How many does each friend get?", ["24 × 4 = 96"],
     (0, "24 × 4", {"whole": "24", "parts": "4"})),
])
def test_one_equal_share_worked_out_by_multiplying(problem, steps, found):
    r = formula_relation(problem, steps)
    assert (r.step, r.name, r.expression, r.facts) == (found[0], "share by multiplying", found[1], found[2])


@pytest.mark.parametrize("problem, steps", [
    (RIBBON, ["4.8 ÷ 6 = 0.8", "Each piece is 0.8 m long."]),
    # the whole is asked, not a share; more numbers than the whole and the count
    ("A pizza is cut into 8 slices. Each slice costs $2. How much is the pizza?", ["8 × 2 = 16"]),
    ("A cake is cut into 8 pieces. Each piece has 3 cherries. How many cherries are on one cake?", ["8 × 3 = 24"]),
])
def test_shares_worked_out_right_or_other_questions_are_left_alone(problem, steps):
    assert formula_relation(problem, steps) is None


def test_the_ladder_of_one_share_by_multiplying():
    problem, steps = Problem(text=RIBBON), parse_solution("4.8 × 6 = 28.8\nEach piece is 28.8 m long.")
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == (
        "incorrect", 1, "Logical error / Wrong approach")
    hints = [fallback_hint(problem, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert [h.text for h in hints] == [
        "Look at step 1, where you work out 4.8 × 6. Can one of 6 equal parts be bigger than 4.8?",
        "In step 1, when 4.8 is split into 6 equal parts, is each part bigger or smaller than 4.8? Which "
        "operation splits it?",
        "Redo step 1: divide 4.8 by 6 to find the size of one part.",
    ]
    assert all(check_hint(h.text, h.level, h.kind, problem, steps, verdict) == [] for h in hints)


@pytest.mark.parametrize("problem, value", [
    ("A meal costs $40. Dad leaves a 15% tip. What is the total cost of the meal with the tip?", 46),
    ("A jacket costs $80. It is 35% off. What is the sale price?", 52),
    ("A jacket costs $80. It is 35% off. How much do you save?", 28),
    ("A jacket costs $80 and a hat costs $20. Both are 35% off. What is the sale price of the jacket?", None),
])
def test_the_answer_a_one_percent_problem_fixes(problem, value):
    from tutor.formulas import asked_percent

    assert asked_percent(problem) == value


def test_right_percent_work_the_step_scores_doubted_is_right():
    # a trial: "10% of $40 is $4 and 5% is $2" was "?" ("the problem gives 15, but no step uses it")
    problem = Problem(text="A meal costs $40. Dad leaves a 15% tip. What is the total cost of the meal with the tip?")
    verdict = Verifier(None).verify(problem, parse_solution("40 × 1.15 = 46\nTotal cost: $46.00"))
    assert verdict.label == "correct"


GAME = ("A video game costs $60. It is on sale for 20% off, and then 5% sales tax is added to the sale price. "
        "What is the final price?")


@pytest.mark.parametrize("solution, found", [
    ("Discount: 0.20 × 60 = 12\nSale price: 60 − 12 = 48\nTax: 0.05 × 60 = 3\nFinal price: 48 + 3 = 51", (2, "0.05 × 60")),
    ("60 × 0.8 = 48\n60 × 1.05 = 63\n48 + 3 = 51", (1, "60 × 1.05")),
])
def test_a_tax_on_the_price_before_the_discount(solution, found):
    r = formula_relation(GAME, solution.split("\n"))
    assert (r.step, r.name, r.expression, r.facts) == (found[0], "tax on the original price", found[1],
                                                       {"price": "60", "tax": "5", "discount": "20"})


def test_discount_then_tax_worked_right_is_right_and_its_ladder():
    from tutor.formulas import asked_after_discount_and_tax

    assert asked_after_discount_and_tax(GAME) == Fraction(252, 5)  # 60 × 0.8 × 1.05 = 50.40
    for right in ("0.20 × 60 = 12\n60 − 12 = 48\n0.05 × 48 = 2.40\n48 + 2.40 = 50.40", "60 × 0.8 × 1.05 = 50.40"):
        assert Verifier(None).verify(Problem(text=GAME), parse_solution(right)).label == "correct"
    problem = Problem(text=GAME)
    steps = parse_solution("Discount: 0.20 × 60 = 12\nSale price: 60 − 12 = 48\nTax: 0.05 × 60 = 3\nFinal: 48 + 3 = 51")
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == (
        "incorrect", 3, "Misunderstanding of the question")
    hints = [fallback_hint(problem, steps, verdict, lv, kind).text for lv, kind in ladder_kinds(verdict)]
    assert hints == [
        "Look at step 3, where you work out 0.05 × 60. Which price does the problem put the tax on?",
        "In step 3, the tax is a percent of the sale price. Which number is the price after the 20% discount?",
        "Redo step 3: find the sale price first. Then take 5% of the sale price, not of 60.",
    ]


def test_a_share_named_by_a_short_plural_is_read():
    r = formula_relation("24 apples are packed into 6 bags. How many apples are in each bag?", ["24 × 6 = 144"])
    assert (r.name, r.facts) == ("share by multiplying", {"whole": "24", "parts": "6"})


@pytest.mark.parametrize("problem, solution, verdict", [
    ("5 children share 2 sandwiches equally. How much sandwich does each child get?",
     "5 ÷ 2 = 2 1/2\nEach child gets 2 1/2 sandwiches", ("incorrect", 1)),
    ("12 friends share 3 pizzas equally. How much pizza does each friend get?", "12 ÷ 3 = 4\nEach friend gets 4",
     ("incorrect", 1)),
    ("5 children share 2 sandwiches equally. How much sandwich does each child get?",
     "2 ÷ 5 = 2/5\nEach child gets 2/5 of a sandwich", ("correct", None)),
    ("4 friends share 20 stickers equally. How many stickers does each friend get?", "20 ÷ 4 = 5", ("correct", None)),
])
def test_a_share_divided_the_wrong_way(problem, solution, verdict):
    v = Verifier(None).verify(Problem(text=problem), parse_solution(solution))
    assert (v.label, v.first_error_step) == verdict
    if v.label == "incorrect":
        assert v.evidence["relation"]["name"] == "share divided the wrong way"
        hints = [fallback_hint(Problem(text=problem), parse_solution(solution), v, lv, kind)
                 for lv, kind in ladder_kinds(v)]
        assert hints[2].text.startswith("Redo step 1: divide ")
        assert all(check_hint(h.text, h.level, h.kind, Problem(text=problem), parse_solution(solution), v) == []
                   for h in hints)


def test_the_ladder_of_swapped_circle_formulas_names_the_right_measure():
    # a trial: "Work it out with the radius, 7" for a circumference, and π shown as 3.14159
    problem = Problem(text="A circle has a radius of 7 cm. What is its circumference? Leave your answer in terms of π.")
    steps = parse_solution("C = π × 7²\nC = 49π cm")
    verdict = Verifier(None).verify(problem, steps)
    hints = [fallback_hint(problem, steps, verdict, lv, kind).text for lv, kind in ladder_kinds(verdict)]
    assert hints == [
        "Look at step 1, where you work out π × 7². Does that measure the distance around the circle, or the "
        "space inside it?",
        "In step 1, look at π × 7². Which one gives the circumference: π × diameter, or π × radius × radius?",
        "Redo step 1: the circumference of a circle is π × diameter. Work it out with the diameter: it is twice "
        "the radius, 7.",
    ]


@pytest.mark.parametrize("problem, solution, verdict", [
    # answers in terms of π with a unit after π (trial 14): checked, and a closing "Give your
    # answer in terms of pi." is not the question
    ("Find the area of a circle with a radius of 6 m. Give your answer in terms of pi.",
     "A = πr^2\nA = π × 6 × 2\nA = 12π m^2", ("incorrect", 1)),
    ("Find the area of a circle with a radius of 6 m. Give your answer in terms of pi.",
     "A = πr^2\nA = π × 6²\nA = 36π m^2", ("correct", None)),
    ("A circle has a radius of 3 m. Find its area. Give your answer in terms of π.", "A = π × 3²\nA = 9π m",
     ("incorrect", 1)),
    ("A circle has a radius of 3 m. Find its area. Give your answer in terms of π.", "A = π × 3²\nA = 9π m²",
     ("correct", None)),
])
def test_circle_answers_in_terms_of_pi_with_a_unit(problem, solution, verdict):
    v = Verifier(None).verify(Problem(text=problem), parse_solution(solution))
    assert (v.label, v.first_error_step) == verdict


@pytest.mark.parametrize("problem, solution, name, step", [
    ("Two angles are supplementary. One angle measures 64°. What is the other angle?",
     "90 - 64 = 26\nThe other angle is 26°", "angle total", 1),
    ("Two angles of a triangle measure 47° and 68°. Find the third angle.",
     "47 + 68 = 115\n360 - 115 = 245\nthird angle = 245°", "angle total", 2),
    ("Two angles are complementary. One measures 35°. Find the other.", "180 − 35 = 145\nIt is 145°", "angle total", 1),
    ("A shape is a rectangle 12 cm long and 5 cm wide with a triangle on top. The triangle has a base of 12 cm "
     "and a height of 4 cm. Find the total area.",
     "rectangle: 12 × 5 = 60 cm²\ntriangle: 12 × 4 = 48 cm²\ntotal = 60 + 48 = 108 cm²", "triangle without half", 2),
    ("A triangular prism has a triangular base with a base of 6 m and a height of 4 m. The prism is 10 m long. "
     "Find its volume.", "base area = 6 × 4 = 24 m²\nV = 24 × 10 = 240 m³", "triangle without half", 1),
    ("Ana borrows $1,200 at 5% simple interest per year for 2 years. How much does she pay back in total?",
     "interest = 1200 × 0.05 × 2 = 120\nShe pays back $120 in total", "interest for total", 2),
    ("How much simple interest does $400 earn at 5% per year for 2 years?",
     "400 × 0.05 × 2 = 40\n400 + 40 = 440\nThe interest is $440", "total for interest", 2),
])
def test_angle_totals_triangles_in_shapes_and_simple_interest(problem, solution, name, step):
    verdict = Verifier(None).verify(Problem(text=problem), parse_solution(solution))
    assert (verdict.label, verdict.first_error_step, verdict.evidence["relation"]["name"]) == (
        "incorrect", step, name)


@pytest.mark.parametrize("problem, solution", [
    ("Two angles are supplementary. One angle measures 64°. What is the other angle?", "180 - 64 = 116\nIt is 116°"),
    ("A right triangle has one acute angle of 34°. Find the other acute angle.", "90 − 34 = 56\nIt is 56°."),
    ("Two angles of a triangle measure 47° and 68°. Find the third angle.", "47 + 68 = 115\n180 - 115 = 65"),
    ("A shape is a rectangle 12 cm long and 5 cm wide with a triangle on top. The triangle has a base of 12 cm "
     "and a height of 4 cm. Find the total area.", "rectangle: 12 × 5 = 60\ntriangle: 12 × 4 = 48\n48 ÷ 2 = 24\n"
                                                   "60 + 24 = 84 cm²"),
    ("Jon deposits $5,000 at 2% simple interest per year. How much does he have after 3 years?",
     "5000 × 0.02 × 3 = 300\n5000 + 300 = 5300\nHe has $5,300"),
    ("How much simple interest does $400 earn at 5% per year for 2 years?", "400 × 0.05 × 2 = 40\nThe interest is $40"),
])
def test_right_angle_triangle_and_interest_work_is_left_alone(problem, solution):
    from tutor.formulas import formula_relation
    assert formula_relation(problem, [s.text for s in parse_solution(solution)]) is None


def test_a_square_side_from_its_area_and_powers_in_the_order_of_operations():
    p = "A square has an area of 81 cm². What is its perimeter?"
    verdict = Verifier(None).verify(Problem(text=p), parse_solution("side = 81 ÷ 4 = 20.25\nperimeter = 4 × 20.25 = 81 cm"))
    assert (verdict.label, verdict.first_error_step, verdict.evidence["relation"]["name"]) == (
        "incorrect", 1, "square side from area")
    assert formula_relation(p, ["side = √81 = 9", "perimeter = 4 × 9 = 36 cm"]) is None
    # a power is one operand: adding before multiplying is caught, a power worked alone is not
    r = formula_relation("Evaluate 3 + 2² × 5.", ["3 + 2² = 7", "7 × 5 = 35"])
    assert (r.step, r.name, r.expression) == (0, "order of operations", "3 + 2^2")
    assert formula_relation("Evaluate 3 + 2² × 5.", ["2² = 4", "4 × 5 = 20", "3 + 20 = 23"]) is None
    assert formula_relation("Evaluate 4³ ÷ 2⁴.", ["4^3 = 64", "2^4 = 16", "64 ÷ 16 = 4"]) is None


def test_an_angle_total_ladder_may_name_the_total_it_teaches():
    p = Problem(text="Two angles are supplementary. One angle measures 64°. What is the other angle?")
    steps = parse_solution("90 - 64 = 26\nThe other angle is 26°")
    verdict = Verifier(None).verify(p, steps)
    hints = [fallback_hint(p, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert hints[2].text == ("Redo step 1: supplementary angles add up to 180°. Start from 180° and take away the "
                             "angles you know.")
    assert all(check_hint(h.text, h.level, h.kind, p, steps, verdict) == [] for h in hints)


BIKE = "A bike costs $240. It is marked down 15%. Rita also has a coupon for 10% off the sale price. How much does Rita pay?"


def test_a_second_discount_on_the_price_before_the_first(slip_verdict):
    wrong = "15% of $240 = $36\n$240 − $36 = $204\nCoupon: 10% of $240 = $24\n$204 − $24 = $180"
    assert slip_verdict(BIKE, wrong, 3, formula_relation) == "second discount on the original price"
    r = formula_relation(BIKE, wrong.split("\n"))
    assert r.facts == {"price": "240", "second": "10", "discount": "15"}
    right = "15% of $240 = $36\n$240 − $36 = $204\nCoupon: 10% of $204 = $20.40\n$204 − $20.40 = $183.60"
    assert formula_relation(BIKE, right.split("\n")) is None
    # both discounts off the first price, as the problem says: no slip
    both = "A bike costs $240. It is marked down 15% and then another 10% off. How much does Rita pay?"
    assert formula_relation(both, ["10% of $240 = $24"]) is None


NORA = ("A jacket costs $80 and a scarf costs $24. Both are on sale for 25% off. How much money does Nora save if "
        "she buys both on sale?")
TOWN = "The town of Maple Creek had 4,500 people. Over five years the population grew by 12%. How many live there now?"


@pytest.mark.parametrize("problem, solution, step, name", [
    # two prices: the percent is of the amount the work takes it of
    (NORA, "$80 + $24 = $104\n25% of $104 = $26\n$104 − $26 = $78\nNora saves $78.", 3, "total for part"),
    # another number ("five years") beside the one amount
    (TOWN, "12% of 4,500 = 0.12 × 4,500 = 540\nMaple Creek now has 540 people.", 2, "part for total"),
])
def test_a_percent_problem_with_other_numbers_answered_the_other_way(problem, solution, step, name):
    r = formula_relation(problem, solution.split("\n"))
    assert (r.step + 1, r.name) == (step, name)


@pytest.mark.parametrize("problem, solution", [
    (NORA, "$80 + $24 = $104\n25% of $104 = $26\nNora saves $26."),
    (TOWN, "12% of 4,500 = 540\n4,500 + 540 = 5,040 people"),
])
def test_a_percent_problem_with_other_numbers_answered_right(problem, solution):
    assert formula_relation(problem, solution.split("\n")) is None


FLOWERS = "A florist has 132 roses and 75 lilies. Each bouquet needs 6 roses and 3 lilies. How many complete bouquets can she make?"


def test_the_larger_count_of_two_supplies(slip_verdict):
    assert slip_verdict(FLOWERS, "132 ÷ 6 = 22\n75 ÷ 3 = 25\nShe can make 25 bouquets.", 3,
                        formula_relation) == "larger count of two supplies"
    assert formula_relation(FLOWERS, ["132 ÷ 6 = 22", "75 ÷ 3 = 25", "The roses run out first: 22 bouquets."]) is None


TRIP = ("A school is taking 143 students and 9 teachers on a field trip. Each bus holds 40 people, and each bus "
         "costs $275 to rent. How much will the buses cost?")


def test_a_group_count_carried_on_rounded_down_is_named_where_it_is_used():
    verdict, hints = _ladder(TRIP, "People: 143 + 9 = 152\n152 ÷ 40 = 3 R 32\nThey need 3 buses.\n"
                                    "Cost: 3 × $275 = $825\nThe buses will cost $825.")
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 3)
    assert verdict.explanation == ("In step 3, 152 ÷ 40 does not come out even, so 3 would leave some without room. "
                                   "Every one of them needs a place, so the count must cover what is left over.")
    assert not any(re.search(r"\b(?:4|1,?100)\b", h) for h in hints)
    # counted up, the count is right; a division that comes out even has nothing left over
    assert formula_relation(TRIP, ["143 + 9 = 152", "152 ÷ 40 = 3.8", "So 4 buses.", "4 × $275 = $1100"]) is None
    assert formula_relation(TRIP.replace("143", "151"), ["151 + 9 = 160", "160 ÷ 40 = 4",
                                                          "4 × $275 = $1100"]) is None
    # where the question asks how many whole groups can be made, rounding down is right
    eggs = "Each batch of muffins uses 12 eggs. Carla has 40 eggs. How many full batches can she make?"
    assert formula_relation(eggs, ["40 ÷ 12 = 3 R 4", "She can make 3 batches."]) is None
    # groups a thing comes in, the count said in the division's own step
    bags = ("Lila is making 18 goodie bags. Each bag gets 2 pencils. Pencils come in boxes of 10. How many boxes "
            "of pencils does she need?")
    r = formula_relation(bags, ["18 × 2 = 36 pencils", "36 ÷ 10 = 3 R 6, so 3 boxes"])
    assert (r.step, r.name) == (1, "remainder rounded down")
    assert formula_relation(bags, ["18 × 2 = 36 pencils", "36 ÷ 10 = 3 R 6, so 4 boxes"]) is None
    # a rate, not groups to fill: the whole part said in hours and minutes is no count of groups
    rolls = "A baker makes 48 rolls an hour. How long does it take to make 180 rolls?"
    assert formula_relation(rolls, ["180 ÷ 48 = 3.75 hours", "0.75 × 60 = 45", "It takes 3 hours 45 minutes."]) is None


TOM = "Tom earns $16 an hour and works 30 hours a week. He just got a 5% raise. How much does he earn per week now?"
GIFT = ("Five coworkers buy a birthday gift for their boss. The gift costs $80, and there is a 10% sales tax. They "
        "split the total cost equally. How much does each coworker pay?")


@pytest.mark.parametrize("problem, solution, step", [
    (TOM, "New rate: $16 + $5 = $21 an hour\nWeekly pay: 30 × $21 = $630", 1),
    # said as an amount first, then added: the step that says it is named
    (GIFT, "Tax is 10% so that's $10\n$80 + $10 = $90\n$90 ÷ 5 = $18", 1),
    (GIFT, "The gift is $80\n$80 + $10 = $90\n$90 ÷ 5 = $18", 2),
])
def test_a_percents_number_used_as_an_amount_among_other_amounts(problem, solution, step):
    verdict, hints = _ladder(problem, solution)
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == (
        "incorrect", step, "Missing / Wrong factual knowledge")
    assert "% means" in verdict.explanation


@pytest.mark.parametrize("problem, solution", [
    (TOM, "Raise: 5% of $16 = $0.80\nNew rate: $16 + $0.80 = $16.80\nWeekly pay: 30 × $16.80 = $504"),
    (GIFT, "Tax: 10% of $80 = $8\n$80 + $8 = $88\n$88 ÷ 5 = $17.60"),
    # the percent's number is also an amount of the problem: not read
    ("A shirt costs $10 and is 10% off. A cap costs $5. How much do both cost?", "10 - 1 = 9\n9 + 5 = 14"),
])
def test_a_percent_worked_out_of_its_amount_is_not_that_slip(problem, solution):
    assert formula_relation(problem, [ln for ln in solution.split("\n")]) is None


FLOUR = ("Jamal has a bag with 12 cups of flour. A pizza dough recipe needs 3 cups of flour for 2 pizzas. How many "
         "cups of flour will he use to make 7 pizzas?")
SEATS = ("The gym has 450 seats for the spring concert. Each of the 3 grades sold 95 tickets ahead of time, and 97 "
         "more tickets were sold at the door. Every ticket holder got a seat. How many seats were filled?")


@pytest.mark.parametrize("problem, solution, step", [
    (FLOUR, "Flour for one pizza: 3 ÷ 2 = 1.5 cups\nFor 7 pizzas: 7 × 1.5 = 10.5 cups\n"
            "Flour left in the bag: 12 - 10.5 = 1.5 cups\nThe answer is 1.5 cups.", 3),
    (SEATS, "Tickets sold ahead: 3 × 95 = 285\nTotal tickets: 285 + 97 = 382\nEmpty seats: 450 - 382 = 68\n68 seats.", 3),
])
def test_what_is_left_given_for_what_is_used_is_going_past_the_answer(problem, solution, step):
    verdict, hints = _ladder(problem, solution)
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == (
        "incorrect", step, "Went past the answer")
    assert not any(re.search(r"\b(?:10\.5|382)\b", h) for h in hints)


@pytest.mark.parametrize("problem, solution", [
    (FLOUR, "Flour for one pizza: 3 ÷ 2 = 1.5 cups\nFor 7 pizzas: 7 × 1.5 = 10.5 cups\nHe will use 10.5 cups."),
    # the problem tells of a rest: the question may be about it
    ("Kevin sells 50 crates of fruit a week. Last week he sold 13 crates of grapes, 20 crates of mangoes, and the rest "
     "were passion fruits. How many passion fruit crates did he sell?",
     "13 + 20 = 33 crates\nThe remaining crates are passion fruits: 50 - 33 = 17"),
    ("Susan bought 3 candies on Tuesday and 5 on Thursday. She has only 4 of them left. How many did she eat?",
     "3 + 5 = 8\nShe has 4 left, so she ate 8 - 4 = 4"),
])
def test_a_rest_that_answers_the_question_is_not_going_past_it(problem, solution):
    assert formula_relation(problem, solution.split("\n")) is None


STICKERS = ("Maya has 36 stickers and her brother gives her 12 more. She shares all of her stickers equally among "
            "herself and 3 friends. How many stickers does each person get?")
CONCERT = ("A concert ticket costs $60, and a 15% service fee is added to each ticket. Mia and 2 friends each buy one "
           "ticket. How much do they pay in all?")


@pytest.mark.parametrize("problem, solution, step", [
    (STICKERS, "36 + 12 = 48\n48 ÷ 3 = 16 stickers each\nSo each person gets 16 stickers.", 2),
    # said as the count first, then multiplied: the step that says it
    (CONCERT, "Fee: 15% of $60 = 0.15 × 60 = $9\nOne ticket with fee: $60 + $9 = $69\nMia and 2 friends buy 2 tickets.\n"
              "2 × $69 = $138\nThey pay $138 in all.", 3),
    # "two of his friends": the count in a word, the friends "of his"
    ("Omar and two of his cousins share a $36 cab ride and a $9 tip equally. How much does each pay?",
     "36 + 9 = 45\n45 / 2 = 22.50\nEach pays $22.50.", 2),
])
def test_the_one_named_left_out_of_herself_and_her_friends(problem, solution, step):
    verdict, hints = _ladder(problem, solution)
    assert (verdict.label, verdict.first_error_step) == ("incorrect", step)
    assert verdict.explanation.startswith(f"In step {step}, \"")
    assert not any(re.search(r"\b(?:4|12|3 people|207)\b", h) for h in hints[:2])


@pytest.mark.parametrize("problem, solution", [
    (STICKERS, "36 + 12 = 48\nMaya and 3 friends is 4 people\n48 ÷ 4 = 12"),
    (CONCERT, "$60 + $9 = $69 a ticket\n3 × $69 = $207"),
    ("Omar and two of his cousins share a $36 cab ride and a $9 tip equally. How much does each pay?",
     "36 + 9 = 45\n45 / 3 = 15"),
    # a count in a word, multiplied: the others' part ("his friends each carry 12")
    ("Lena and two friends carry 60 chairs. Her friends each carry 12 chairs. How many does Lena carry?",
     "12 x 2 = 24\n60 - 24 = 36"),
    # her cousins only: she keeps her own share apart
    ("Jada has 85 beads. She keeps 25 beads for herself and shares the rest equally among her 4 cousins. How many "
     "beads does each cousin get?", "85 - 25 = 60\n60 / 4 = 15"),
])
def test_a_group_counted_with_the_one_named_is_not_that_slip(problem, solution):
    assert formula_relation(problem, solution.split("\n")) is None


@pytest.mark.parametrize("problem, solution, step, group", [
    ("At a family picnic there are 18 adults and 23 kids, and 7 of the kids are teenagers. Each adult eats 2 burgers "
     "and each kid eats 1 burger. How many burgers are eaten?", "Adults: 18 × 2 = 36\nKids: 23 + 7 = 30\n36 + 30 = 66", 2,
     "23"),
    ("A bakery packs 6 rolls in a bag. It sold 14 bags in the morning and 9 bags in the afternoon. Four of the "
     "afternoon bags were bought by one customer. How many rolls did the bakery sell in all?",
     "14 + 9 + 4 = 27 bags\n27 x 6 = 162", 1, "9"),
    ("The club washed 37 cars that day, 12 of them before noon. They charged $8 per car. How much did they make?",
     "37 + 12 = 49 cars\n49 × 8 = 392", 1, "37"),
])
def test_a_part_of_a_group_added_to_the_group_again(problem, solution, step, group):
    verdict, hints = _ladder(problem, solution)
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == (
        "incorrect", step, "Extra or missing quantity")
    assert f" to {group}," in verdict.explanation


@pytest.mark.parametrize("problem, solution", [
    ("The flowers grew into 20 more but 10 of them died. Then 5 more grew. How many flowers are there?",
     "10 + 20 = 30\n30 - 10 = 20\n20 + 5 = 25"),
    ("Half of the marbles are blue, a quarter of them are red, 27 of them are green, and 14 of them are yellow. How "
     "many marbles are in the jar?", "27 + 14 = 41\n4 × 41 = 164"),
])
def test_parts_that_are_no_part_of_an_amount_added_are_not_that_slip(problem, solution):
    assert formula_relation(problem, solution.split("\n")) is None


def test_the_one_sharing_counted_in_a_share_among_the_others():
    text = ("Jada has 85 beads. She keeps 25 beads for herself and shares the rest equally among her 4 cousins. How "
            "many beads does each cousin get?")
    verdict, hints = _ladder(text, "85 − 25 = 60 beads to share\nJada and her 4 cousins: 4 + 1 = 5 people\n60 ÷ 5 = 12")
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 2)
    assert not any(re.search(r"\b15\b", h) for h in hints)
    assert formula_relation(text, ["85 - 25 = 60", "60 / 4 = 15"]) is None
    # "among herself and her 4 cousins" counts her in
    assert formula_relation("Jada shares 60 beads equally among herself and her 4 cousins. How many does each get?",
                            ["4 + 1 = 5", "60 / 5 = 12"]) is None


CHAIRS = ("Mr. Kim is setting up 15 tables for a family reunion, with 8 chairs at each table. The hall already has 96 "
          "chairs. Extra chairs are rented in bundles of 6 for $9 a bundle. How many bundles of chairs does he need "
          "to rent?")


def test_a_count_asked_answered_with_its_price_goes_past_the_answer():
    verdict, hints = _ladder(CHAIRS, "Chairs needed: 15 × 8 = 120\nMissing chairs: 120 − 96 = 24\nBundles: 24 ÷ 6 = 4\n"
                                     "Cost: 4 × $9 = $36\n$36")
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == ("incorrect", 4, "Went past the answer")
    assert not any(re.search(r"\b4 bundles\b", h) for h in hints)
    assert formula_relation(CHAIRS, ["15 × 8 = 120", "120 − 96 = 24", "24 ÷ 6 = 4", "He rents 4 bundles."]) is None
    # a count worked out from money, the question asking for the count
    leaves = ("They charge $4 for each bag of leaves. On Monday they raked 5 bags and on Tuesday 3 bags. They earned "
              "$68 in all. How many bags did they rake on Wednesday?")
    assert formula_relation(leaves, ["5 + 3 = 8 bags", "8 * $4 = $32", "$68 - $32 = $36", "$36 / $4 = 9 bags"]) is None


LEMONADE = ("Lucas sells lemonade for $3 a cup. On Friday he sold 14 cups, and on Saturday he sold twice as many "
            "cups as on Friday. He spent $19 on lemons and sugar. How much profit did he make?")


def test_a_cost_added_to_a_profit_is_named():
    r = formula_relation(LEMONADE, ["14 x 2 = 28 cups on Saturday.", "14 + 28 = 42 cups.", "42 x 3 = $126.",
                                    "Then add the $19 for lemons: 126 + 19 = $145."])
    assert (r.step, r.name, r.facts) == (3, "cost added for profit", {"cost": "19"})
    problem = Problem(LEMONADE)
    steps = parse_solution("14 x 2 = 28 cups on Saturday.\n14 + 28 = 42 cups.\n42 x 3 = $126.\n"
                           "Then add the $19 for lemons: 126 + 19 = $145.")
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 4)
    hints = [fallback_hint(problem, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert all(check_hint(h.text, h.level, h.kind, problem, steps, verdict) == [] for h in hints)
    assert not any("107" in h.text for h in hints)
    # taken away, or costs added to each other as a total cost, or no profit asked: nothing named
    assert formula_relation(LEMONADE, ["42 x 3 = $126.", "126 - 19 = $107."]) is None
    two_costs = LEMONADE.replace("He spent $19 on lemons and sugar.", "He spent $19 on lemons and $5 on cups.")
    assert formula_relation(two_costs, ["42 x 3 = $126.", "19 + 5 = $24 in costs.", "126 - 24 = $102."]) is None
    assert formula_relation(LEMONADE.replace("How much profit did he make?", "How much did he take in and spend "
                                             "in all?"), ["42 x 3 = $126.", "126 + 19 = $145."]) is None


SHOES = ("Rosa buys a coat for $70 and gloves for $18. The shop takes 25% off everything she buys. How much "
         "does she pay?")


def test_a_percent_taken_as_dollars_from_a_worked_total_is_named():
    # the base is no amount the problem gives but the total the work found
    r = formula_relation(SHOES, ["70 + 18 = 88", "25% off, so 88 - 25 = 63", "She pays $63."])
    assert (r.step, r.name, r.facts) == (1, "percent as amount", {"percent": "25", "base": "88"})
    assert formula_relation(SHOES, ["70 + 18 = 88", "25% of 88 = 22", "88 - 22 = 66", "She pays $66."]) is None
    assert formula_relation(SHOES, ["100 - 25 = 75", "70 + 18 = 88", "88 x 0.75 = 66"]) is None
    # a percent that is a score, not a change: a worked average against it is a difference
    scores = "Leo scored 70 and 90 on two quizzes. His best friend averaged 76 percent. How much higher is Leo's average?"
    assert formula_relation(scores, ["70 + 90 = 160", "160 / 2 = 80", "80 - 76 = 4"]) is None


UNCLE = "Omar is 8. His uncle is 4 times as old as Omar. How old was his uncle 6 years ago?"


@pytest.mark.parametrize("problem,steps,step", [
    (UNCLE, ["4 x 8 = 32", "6 years ago he was 32 + 6 = 38."], 1),
    (UNCLE.replace("was his uncle 6 years ago", "will his uncle be in 6 years"),
     ["4 x 8 = 32", "In 6 years he will be 32 - 6 = 26."], 1),
])
def test_an_age_moved_the_wrong_way_is_named(problem, steps, step):
    r = formula_relation(problem, steps)
    assert (r.step, r.name, r.facts["years"]) == (step, "years the wrong way", "6")
    prob = Problem(problem)
    parsed = parse_solution("\n".join(steps))
    verdict = Verifier(None).verify(prob, parsed)
    assert (verdict.label, verdict.first_error_step) == ("incorrect", step + 1)
    hints = [fallback_hint(prob, parsed, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert all(check_hint(h.text, h.level, h.kind, prob, parsed, verdict) == [] for h in hints)


def test_an_age_moved_the_right_way_or_given_moved_is_not_named():
    assert formula_relation(UNCLE, ["4 x 8 = 32", "32 - 6 = 26"]) is None
    # the problem moves an age itself: which way the answer goes is not the question's alone
    moved = "In 3 years Kim will be 20. How old was Kim 4 years ago?"
    assert formula_relation(moved, ["20 - 3 = 17", "17 + 4 = 21"]) is None
    # not an age
    assert formula_relation("A tree grows 2 feet a year. It is 30 feet tall now. How tall was it 5 years ago?",
                            ["5 x 2 = 10", "30 + 10 = 40"]) is None
