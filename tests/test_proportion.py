"""Ratios worked by adding (tutor.proportion): the problem's ratio, the route, the verdict and
the hint ladder built on it."""

from fractions import Fraction

import pytest

from tutor.hints.fallback import fallback_hint
from tutor.hints.guards import check_hint
from tutor.hints.prompting import ladder_kinds
from tutor.misconceptions import find as find_misconception
from tutor.proportion import additive_route, ratio_problem
from tutor.schema import Problem, Step
from tutor.steps import parse_solution
from tutor.verify import Verifier

EGGS = "A recipe uses 2 cups of flour for every 3 eggs. How many eggs are needed for 8 cups of flour?"
PENS = "3 pens cost $4.50. How much do 7 pens cost?"
CLASS = "The ratio of boys to girls is 3:2. If there are 12 boys, how many girls are there?"
GIRLS = "For every 3 boys there are 5 girls. There are 15 boys. How many girls are there?"


def _steps(*texts):
    return [Step(i, t, t) for i, t in enumerate(texts, 1)]


def test_the_ratio_a_problem_states():
    r = ratio_problem(EGGS)
    assert (r.a, r.b, r.c) == (2, 3, 8) and (r.a_said, r.b_said, r.c_said) == ("2 cups", "3 eggs", "8 cups")
    assert (r.proportional, r.additive) == (12, 9)
    r = ratio_problem(PENS)
    assert (r.a, r.b, r.c, r.b_said) == (3, Fraction(9, 2), 7, "$4.50")
    r = ratio_problem(CLASS)
    assert (r.a, r.b, r.c, r.a_said, r.b_said) == (3, 2, 12, "3 boys", "2 girls")
    assert (ratio_problem(GIRLS).a, ratio_problem(GIRLS).b, ratio_problem(GIRLS).c) == (3, 5, 15)
    # the other amount of the second kind: the ratio is read the other way round
    r = ratio_problem("A recipe uses 2 cups of flour for every 3 eggs. How many cups of flour for 12 eggs?")
    assert (r.a, r.b, r.c, r.b_said) == (3, 2, 12, "2 cups")


def test_ratios_said_in_other_ways():
    for problem, expected in [
        ("Sam earns $15 for every 2 hours he works. How much does he earn in 6 hours?", (2, 15, 6)),
        ("For every 2 hours, Sam earns $15. How much does he earn in 6 hours?", (2, 15, 6)),
        ("For each 2 cups of flour, a recipe uses 3 eggs. How many eggs for 8 cups of flour?", (2, 3, 8)),
        ("It costs $4.50 for 3 pens. How much do 5 pens cost?", (3, Fraction(9, 2), 5)),
        ("Pens are 3 for $4.50. How much do 5 pens cost?", (3, Fraction(9, 2), 5)),
        ("There are 3 boys to every 2 girls in a club. There are 12 boys. How many girls are there?", (3, 2, 12)),
        ("The ratio of cats to dogs at a shelter is 5:3. There are 15 dogs. How many cats are there?", (3, 5, 15)),
    ]:
        r = ratio_problem(problem)
        assert (r.a, r.b, r.c) == expected, problem
    assert ratio_problem("Pens are 3 for $4.50. How much do 5 pens cost?").a_said == "3 pens"


def test_no_ratio_read_where_the_problem_does_not_give_one():
    # "each for $3" is the price of one doughnut, not of 25
    assert ratio_problem("If she made 25 doughnuts and sells each for $3, how much was her profit?") is None
    # two prices: which one the question is about is a guess
    assert ratio_problem("Janice bought 5 juices for $10 in total and 2 sandwiches for $6 in total. "
                         "How much would she pay for 1 sandwich and 1 juice?") is None
    # the other amount in another unit ($5 and 20 cents)
    assert ratio_problem("Samantha bought a crate of 30 eggs for $5. She sells each egg for 20 cents. "
                         "How many eggs will she have left when she gets her $5 back?") is None
    # red beads and blue beads are both beads: no two kinds to relate
    assert ratio_problem("Betty has 3 red beads for every 2 blue beads. How many blue beads does she "
                         "have if she has 30 red beads?") is None
    # not in proportion (a deal), or the question asks for an amount more
    assert ratio_problem("Notebooks are on sale: buy 2, get 1 free. 2 notebooks cost $4. How much do 6 "
                         "notebooks cost?") is None
    assert ratio_problem("A recipe uses 2 cups of flour for every 3 eggs. Jen has 3 eggs and 8 cups of "
                         "flour. How many more eggs does she need?") is None
    # the question asks for something else
    assert ratio_problem("A recipe uses 2 cups of flour for every 3 eggs. She has 8 cups of flour. "
                         "How long does baking take?") is None


def test_the_route_of_a_ratio_worked_by_adding():
    assert additive_route(EGGS, ["8 - 2 = 6", "3 + 6 = 9 eggs"]).steps == (0, 1)
    assert additive_route(CLASS, ["The difference is 3 - 2 = 1", "So 12 - 1 = 11 girls"]).steps == (0, 1)
    assert additive_route(GIRLS, ["15 + 2 = 17 girls"]).steps == (0,)
    # the answer said without a computation counts too
    assert additive_route(PENS, ["7 - 3 = 4 more pens", "So they cost $8.50"]).steps == (0, 1)
    # right work, also built up by adding groups, reaches the proportional amount: no route
    assert additive_route(EGGS, ["8 / 2 = 4", "4 x 3 = 12 eggs"]) is None
    assert additive_route(EGGS, ["8 - 2 = 6 more cups", "6 / 2 = 3 groups", "3 x 3 = 9 more eggs",
                                 "3 + 9 = 12 eggs"]) is None
    assert additive_route(EGGS, ["8 + 3 = 11"]) is None  # wrong, but not the additive strategy
    # a ratio table passing through the additive amount on its way to the answer
    assert additive_route(EGGS, ["2 cups -> 3 eggs", "4 cups -> 6 eggs", "6 cups -> 9 eggs",
                                 "8 cups -> 12 eggs"]) is None
    # a right answer rounded or cut to whole things is never the additive one (within 1)
    muffins = "A recipe uses 3 cups of flour for every 5 muffins. How many muffins can 4 cups of flour make?"
    assert additive_route(muffins, ["4 x 5 = 20", "20 / 3 = 6.67", "So 6 whole muffins."]) is None
    pens = "7 pens cost $5. How much do 9 pens cost?"
    assert additive_route(pens, ["5 / 7 = 0.71", "0.71 x 9 = 6.39", "About $7"]) is None
    # another slip that ends on the same value: multiplied, not added
    assert additive_route("3 pens cost $4.50. How much do 6 pens cost?",
                          ["4.50 / 3 = 1.50", "1.50 x 5 = 7.50"]) is None
    # the proportional amount worked out, then a wrong restatement: not this misconception
    assert additive_route(CLASS.replace("12 boys", "15 boys"),
                          ["15 / 3 = 5", "5 x 2 = 10", "no: 14 girls"]) is None


def test_the_verifier_names_the_misconception_without_a_reference():
    verifier = Verifier(None)
    verdict = verifier.verify(Problem(text=EGGS), _steps("8 - 2 = 6", "3 + 6 = 9 eggs"))
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 1)
    assert verdict.error_category == "Missing / Wrong factual knowledge"
    assert verdict.marks == ["first_error", "after_error"]
    assert verdict.step_error_probs[0] >= 0.9
    assert "2 cups go with 3 eggs" in verdict.explanation and "multiplied by the same number" in verdict.explanation
    assert verdict.evidence["ratio"] == {"steps": [1, 2], "ratio": ["2 cups", "3 eggs"], "other": "8 cups"}
    right = verifier.verify(Problem(text=EGGS), _steps("8 / 2 = 4", "4 x 3 = 12 eggs"))
    assert right.label != "incorrect" and "ratio" not in right.evidence


def test_with_a_reference_the_flagged_step_is_named_as_the_misconception():
    problem = Problem(text=EGGS, reference_solution=["8 / 2 = 4", "4 x 3 = 12"], final_answer="12")
    verdict = Verifier(None).verify(problem, _steps("8 - 2 = 6", "3 + 6 = 9 eggs"))
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 1)
    assert verdict.explanation.startswith("In step 1, the ratio is worked by adding or subtracting.")
    # a step off the route is not named so
    assert find_misconception(1, "8 + 3 = 11", EGGS, solution=["8 + 3 = 11"]) is None


def test_the_hint_ladder_for_a_ratio_worked_by_adding():
    problem, steps = Problem(text=EGGS), _steps("8 - 2 = 6", "3 + 6 = 9 eggs")
    verdict = Verifier(None).verify(problem, steps)
    hints = [fallback_hint(problem, steps, verdict, level, kind) for level, kind in ladder_kinds(verdict)]
    assert [h.text for h in hints] == [
        "Look at step 1, where you worked out 8 - 2. Is that how the amounts of a ratio change?",
        "In step 1, you subtracted. The problem says 2 cups go with 3 eggs. 2 cups times what number makes "
        "8 cups? What must happen to 3 eggs then?",
        "Redo step 1: divide 8 by 2 to find how many times 2 cups fit into 8 cups. Then multiply 3 eggs by "
        "that number.",
    ]
    for h in hints:
        assert check_hint(h.text, h.level, h.kind, problem, steps, verdict) == []
        assert "12" not in h.text
    # a step that only states the amount is pointed at by its number; a smaller amount is a part
    problem, steps = Problem(text=EGGS), _steps("9 eggs")
    verdict = Verifier(None).verify(problem, steps)
    assert fallback_hint(problem, steps, verdict, 1, "where").text == (
        "Look at step 1, where you wrote 9. How did you get it from the problem's amounts?")
    fewer = "8 pencils cost $4. How much do 6 pencils cost?"
    problem, steps = Problem(text=fewer), _steps("8 - 6 = 2", "$4 - $2 = $2")
    verdict = Verifier(None).verify(problem, steps)
    assert fallback_hint(problem, steps, verdict, 3, "bottom_out").text == (
        "Redo step 1: divide 6 by 8 to find what part of 8 pencils 6 pencils is. Then multiply $4 by that number.")
    # a step that adds is said to add; a price is said as one
    problem, steps = Problem(text=PENS), _steps("4.50 + 4 = 8.50")
    verdict = Verifier(None).verify(problem, steps)
    concept = fallback_hint(problem, steps, verdict, 2, "concept").text
    assert concept.startswith("In step 1, you added. The problem says $4.50 for 3 pens.")


def test_the_gsm8k_harness_counts_ratio_findings(tmp_path):
    import json

    from tutor.cli import main

    rows = [{"question": EGGS, "answer": "8 / 2 = <<8/2=4>>4\n4 x 3 = <<4*3=12>>12 eggs\n#### 12"},
            {"question": EGGS, "answer": "8 - 2 = 6\n3 + 6 = 9 eggs\n#### 9"}]
    data, out = tmp_path / "gsm8k.jsonl", tmp_path / "report.json"
    data.write_text("\n".join(json.dumps(r) for r in rows))
    assert main(["eval", "verify", "--data", str(data), "--format", "gsm8k", "--model", "none",
                 "--out", str(out)]) == 0
    report = json.loads(out.read_text())
    assert (report["n"], report["ratio_flagged"], report["verdicts"]["correct"]["incorrect"]) == (2, 1, 1)


def test_the_last_step_may_say_more_after_its_result():
    assert additive_route(EGGS, ["8 − 2 = 6", "3 + 6 = 9, so add 6 more eggs"]).steps == (0, 1)


def test_a_scale_factor_added_instead_of_multiplied():
    cookies = ("A cookie recipe uses 3 cups of flour to make 12 cookies. How many cups of flour are needed "
               "to make 36 cookies?")
    r = ratio_problem(cookies)
    assert (r.a, r.b, r.c, r.factor_added, r.proportional) == (12, 3, 36, 6, 9)
    assert additive_route(cookies, ["36 ÷ 12 = 3", "3 + 3 = 6", "so you need 6 cups of flour"]).steps == (1,)
    assert additive_route(cookies, ["36 ÷ 12 = 3", "3 x 3 = 9", "so you need 9 cups of flour"]) is None


def test_a_second_amount_equal_to_the_ratio_s_is_not_lost():
    # "saves 2 cups" has the value of the ratio's 2 cups: which amount the ratio applies to is a guess
    problem = ("Mia has 8 cups of flour. She saves 2 cups for bread and uses the rest for pancakes. Pancakes need "
               "3 eggs for every 2 cups of flour. How many eggs does she need?")
    assert ratio_problem(problem) is None
    assert additive_route(problem, ["8 - 2 = 6 cups", "3 + 3 + 3 = 9 eggs"]) is None


PENCILS = "4 pencils cost $3. How much do 10 pencils cost?"


def test_a_ratio_used_upside_down_is_found_and_named():
    from tutor.proportion import inverted_step
    from tutor.steps import parse_solution
    k, r = inverted_step(PENCILS, ["10 ÷ 3 = 3.33", "3.33 × 4 = 13.33", "$13.33"])
    assert (k, r.a, r.b, r.c) == (0, 4, 3, 10)
    assert inverted_step(PENCILS, ["10 ÷ 4 = 2.5", "2.5 × 3 = 7.5", "$7.50"]) is None
    problem, steps = Problem(text=PENCILS), parse_solution("10 ÷ 3 = 3.33\n3.33 × 4 = 13.33\nThey cost $13.33")
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 1)
    hints = [fallback_hint(problem, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert hints[0].text == ("Look at step 1, where you work out 10 ÷ 3. Which amount of the ratio is the same "
                             "kind as 10 pencils?")
    assert all(check_hint(h.text, h.level, h.kind, problem, steps, verdict) == [] for h in hints)


@pytest.mark.parametrize("problem, solution, flagged", [
    # a proportion set up with the unknown, upside down, then solved
    ("The ratio of red to blue marbles is 3:5. There are 40 blue marbles. How many red marbles are there?",
     "5/3 = x/40\n3x = 200\nx = 66.67\nAbout 67 red marbles.", 1),
    ("A recipe uses 2 cups of flour for every 3 eggs. How many cups of flour are needed for 12 eggs?",
     "3/2 = x/12\n2x = 36\nx = 18\n18 cups of flour", 1),
    # the answer rounded to a whole number: "About 7 dogs" for 6.86
    ("The ratio of cats to dogs at a shelter is 4:7. There are 12 cats. How many dogs are there?",
     "12 ÷ 7 = 1.71\n4 × 1.71 = 6.86\nAbout 7 dogs.", 1),
    # right set-ups, either way round, are right
    ("The ratio of red to blue marbles is 3:5. There are 40 blue marbles. How many red marbles are there?",
     "3/5 = x/40\n5x = 120\nx = 24\n24 red marbles.", None),
    (PENCILS, "4/3 = 10/x\n4x = 30\nx = 7.5\n10 pencils cost $7.50", None),
    (PENCILS, "3/4 = x/10\n4x = 30\nx = 7.5\n10 pencils cost $7.50", None),
])
def test_a_proportion_set_up_upside_down_with_the_unknown(problem, solution, flagged):
    verdict = Verifier(None).verify(Problem(text=problem), parse_solution(solution))
    if flagged is None:
        assert verdict.label == "correct"
    else:
        assert (verdict.label, verdict.first_error_step, verdict.evidence["ratio"]["steps"]) == (
            "incorrect", flagged, [flagged])


FLOUR = ("A recipe uses 4 cups of flour for every 3 cups of sugar. How many cups of sugar are needed with 10 cups "
         "of flour?")


def test_a_ratio_of_two_things_in_one_unit_is_read():
    r = ratio_problem(FLOUR)
    assert (r.a, r.b, r.c, r.a_said, r.b_said, r.c_said) == (4, 3, 10, "4 cups of flour", "3 cups of sugar",
                                                             "10 cups of flour")
    assert r.proportional == Fraction(15, 2)
    # the other amount of the second thing: the ratio read the other way
    r = ratio_problem("Paint is mixed with 3 liters of blue for every 2 liters of white. How much blue for 10 "
                      "liters of white?")
    assert (r.a, r.b, r.c, r.proportional) == (2, 3, 10, 15)
    assert ratio_problem("A recipe uses 2 cups of flour and 3 cups of milk. How much flour in all?") is None


@pytest.mark.parametrize("solution, label, step, proven", [
    ("4/3 = x/10\n3x = 40\nx = 13.3\n13.3 cups of sugar are needed.", "incorrect", 1, False),  # upside down
    # the step scores doubted the set-up; the answer is the amount the ratio fixes
    ("3/4 = x/10\n4x = 30\nx = 7.5\n7.5 cups of sugar are needed.", "correct", None, True),
    ("10 ÷ 4 = 2.5\n2.5 × 3 = 7.5 cups", "correct", None, False),  # not doubted at all
])
def test_work_that_ends_on_the_amount_the_ratio_fixes_is_right(solution, label, step, proven):
    verdict = Verifier(None).verify(Problem(text=FLOUR), parse_solution(solution))
    assert (verdict.label, verdict.first_error_step) == (label, step)
    assert verdict.evidence.get("fixed_answer") == ({"kind": "proportional", "ratio": ["4 cups of flour", "3 cups of sugar"],
                                                     "other": "10 cups of flour"} if proven else None)


def test_a_rate_said_with_on_is_a_ratio():
    problem = "A car travels 150 miles on 5 gallons of gas. How many gallons of gas does it need to travel 240 miles?"
    r = ratio_problem(problem)
    assert (r.a, r.b, r.c, r.proportional) == (150, 5, 240, 8)
    wrong = Verifier(None).verify(Problem(text=problem), parse_solution("150/5 = x/240\n5x = 36000\nx = 7200"))
    assert (wrong.label, wrong.first_error_step) == ("incorrect", 1)


MAP = "A map scale says 2 cm = 5 km. A river is 12 cm long on the map. How long is the real river?"
DRAWING = "On a scale drawing 1/4 inch = 1 foot. A fence is 20 feet long. How long is the fence in the drawing?"


def test_a_map_scale_is_a_ratio():
    r = ratio_problem(MAP)
    assert (r.a, r.b, r.c, r.a_said, r.b_said, r.c_said) == (2, 5, 12, "2 cm", "5 km", "12 cm")
    # a real amount given: the drawing's amount is asked, the scale read the other way
    r = ratio_problem(DRAWING)
    assert (r.a, r.b, r.c, r.proportional) == (1, Fraction(1, 4), 20, 5)


@pytest.mark.parametrize("problem, solution, flagged, name", [
    (MAP, "12 × 5 = 60\nThe river is 60 km long.", 1, "ratio per one"),
    (DRAWING, "20 ÷ 1/4 = 80\nThe fence is 80 inches long in the drawing.", 1, "ratio inverted"),
    ("A map scale is 1 in : 20 mi. Two lakes are 4.5 inches apart on the map. How far apart are the real lakes?",
     "4.5 ÷ 20 = 0.225\nThe lakes are 0.225 miles apart.", 1, "ratio inverted"),
    ("3 cups of flour make 12 cookies. How many cookies do 9 cups of flour make?", "9 × 12 = 108 cookies", 1,
     "ratio per one"),
    # right, in one step or two, either order
    (MAP, "12 ÷ 2 = 6\n6 × 5 = 30\nThe river is 30 km long.", None, None),
    (MAP, "12 × 5 = 60\n60 ÷ 2 = 30\nThe river is 30 km long.", None, None),
    (DRAWING, "20 × 1/4 = 5\nThe fence is 5 inches long in the drawing.", None, None),
    ("On a map, 3 cm represents 45 km. How many kilometers does 8 cm represent?",
     "45 ÷ 3 = 15, so 1 cm = 15 km\n8 × 15 = 120\n8 cm represents 120 km", None, None),
    # the scale's units spelled otherwise in the work; a scale said as "drawn as"
    ("On a road map, 1 inch represents 20 miles. Two towns are 3.5 inches apart on the map. How far apart are the "
     "towns?", "1 in = 20 mi\n3.5 × 20 = 70\nThe towns are 70 miles apart.", None, None),
    ("On a floor plan, an 18 ft wall is drawn as 3 inches. Another wall on the same plan is 5 inches. How long is "
     "the other wall?", "18 ÷ 3 = 6, so 1 in = 6 ft\n5 × 6 = 30\nThe other wall is 30 ft.", None, None),
])
def test_a_scale_or_ratio_used_wrong_is_named_with_a_guarded_ladder(problem, solution, flagged, name):
    problem, steps = Problem(text=problem), parse_solution(solution)
    verdict = Verifier(None).verify(problem, steps)
    if flagged is None:
        assert verdict.label == "correct"
        return
    assert (verdict.label, verdict.first_error_step) == ("incorrect", flagged)
    texts = [s.text for s in steps]
    assert find_misconception(flagged, texts[flagged - 1], problem.text, solution=texts).name == name
    hints = [fallback_hint(problem, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert len(hints) == 3 and all(check_hint(h.text, h.level, h.kind, problem, steps, verdict) == [] for h in hints)


def test_a_step_that_breaks_the_problem_s_scale_is_named():
    problem = Problem(text="On a map, 3 cm represents 45 km. How many kilometers does 8 cm represent?")
    steps = parse_solution("45 ÷ 3 = 15, so 1 cm = 12 km\n8 × 12 = 96\n8 cm represents 96 km")
    verdict = Verifier(None).verify(problem, steps)
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 1)
    assert verdict.explanation == "In step 1, 1 cm = 12 km does not keep the scale of the problem: 3 cm stands for 45 km."
    hints = [fallback_hint(problem, steps, verdict, lv, kind) for lv, kind in ladder_kinds(verdict)]
    assert all(check_hint(h.text, h.level, h.kind, problem, steps, verdict) == [] for h in hints)
