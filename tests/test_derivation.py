"""Algebra steps across a solution: each equation must keep the solution of the one before."""

from fractions import Fraction

import pytest

from tutor.derivation import algebra_slip, derivation_checks
from tutor.hints import HintLadder
from tutor.mathcheck import check_step, linear_equations
from tutor.schema import Problem
from tutor.steps import parse_solution
from tutor.verify import Verifier


@pytest.mark.parametrize("text, read", [
    ("2x + 5 = 13, so 2x = 8 and x = 4", [("2x+5=13", 4, False), ("2x=8", 4, False), ("x=4", 4, True)]),
    ("We get: 3(x - 2) = 12", [("3(x-2)=12", 6, False)]),
    (r"\(2x + 5 = 13\)", [("2x+5=13", 4, False)]),
    ("x = (-16 + 32)/6", [("x=(-16+32)/6", Fraction(8, 3), True)]),
    ("2:1:3 = x:50:y", []),                         # a ratio
    ("x1 = -3, y1 = 7, x2 = 2", []),                # names, not x times 1
    (r"\(t_2 = t_0 + t_1 = 0 + 1 = 1\)", []),       # subscripted names
    (r"3k+1=4\ell+1", []),                          # a LaTeX name cut the equation
    (r"\[ a - 1 + 2c = 0 \]", []),                  # "a" is an unknown there, not a word
    ("g(12) = 2x", []),                             # a function's value
    ("2 m = 200 cm", []),                           # a unit
])
def test_linear_equations_read_whole_equations_only(text, read):
    assert [(e.text, e.value, e.solved) for e in linear_equations(text)] == read


def test_a_changed_solution_is_an_algebra_slip_and_the_chain_goes_on_from_it():
    checks = derivation_checks("Solve 2x + 5 = 13.", ["2x + 5 = 13", "2x = 9", "x = 4.5"])
    assert [[(e.text, e.follows, e.ok) for e in step] for step in checks] == [
        [("2x+5=13", "2x+5=13", True)],
        [("2x=9", "2x+5=13", False)],
        [("x=4.5", "2x=9", True)],    # right from the wrong line: one error, not two
    ]
    slip = checks[1][0]
    assert (slip.lhs_value, slip.rhs_value, slip.expected) == (4.0, 4.5, None)


def test_distributing_to_one_term_only_changes_the_solution():
    checks = derivation_checks("Solve 3(x - 2) = 12.", ["3x - 2 = 12", "3x = 14"])
    assert [e.ok for e in checks[0]] == [False]
    assert [e.ok for e in checks[1]] == [True]


@pytest.mark.parametrize("problem, steps", [
    ("Find x.", ["Let x be the number of cards.", "x + 35 = 105", "x = 70"]),
    ("Solve 3x = 190.", ["3x = 190", "x = 63.33"]),                        # rounded as written
    ("Find x.", ["x^2 = 49", "x = 7 or x = -7"]),                            # two values: cases
    ("Find x.", ["x + 1 = 5", "x = 4", "If x = 10, then 2x = 20."]),         # a trial value
    ("Find x.", ["x = 4", "x = 0"]),                                         # two values, two points
    ("Find x.", ["x + 3 = 7", "x = 4", "Let x be the number of apples.", "2x = 10"]),  # renamed
    ("Find x.", ["Case 1: x + 3 = 7", "x = 4", "Case 2: x + 3 = -7", "x = -10"]),
    ("Solve 3(x + 1) = 10.", ["x + 1 = 3.33", "x = 2.33"]),                 # rounded on the way
    ("Solve 3(2x + 1) = 23.", ["2x + 1 = 7.67", "2x = 6.67", "x = 3.33"]),
    ("Solve (x + 1)^2 = 9.", ["x + 1 = 3", "x + 1 = -3", "x = 2", "x = -4"]),   # two branches
    ("Solve 2x + 1 = 7 and 3x - 4 = 11.", ["2x + 1 = 7", "3x - 4 = 11", "2x = 6", "3x = 15", "x = 3", "x = 5"]),
    ("A number plus 5 is 12. Another number times 3 is 24.", ["x + 5 = 12", "x = 7", "3x = 24", "x = 8"]),
    ("Solve 2x + 5 = 13.", ["2x + 5 = 13   (-5)", "2x = 8   (÷2)", "x = 4"]),   # notes of the move made
])
def test_no_slip_where_nothing_was_derived_wrongly(problem, steps):
    assert not any(e.ok is False for step in derivation_checks(problem, steps) for e in step)


@pytest.mark.parametrize("problem, steps, step", [
    ("Solve 3(x + 1) = 10.", ["x + 1 = 3.43", "x = 2.43"], 1),      # rounding does not cover it
    ("Solve 2x + 5 = 13.", ["2x = 8.5", "x = 4.25"], 1),             # 4 needs no rounding
    ("Solve 2x + 5 = 13.", ["2x + 5 = 13 → 2x = 18 → x = 9"], 1),    # one line, arrows
    ("Jo has j stickers; Maria has 3 times as many. Together 48.", ["j + 3j = 48", "3j = 48"], 2),
    ("Solve (x + 1)^2 = 9.", ["x + 1 = 3", "x = 3"], 2),             # a value must match a branch
])
def test_slips_are_found_at_their_step(problem, steps, step):
    checks = derivation_checks(problem, steps)
    assert next(k for k, found in enumerate(checks, 1) if any(e.ok is False for e in found)) == step


@pytest.fixture(scope="module")
def verifier():
    return Verifier(None)


def test_the_verifier_names_the_algebra_step_without_the_solution(verifier):
    problem = Problem("Solve 2x + 5 = 13.")
    steps = parse_solution("2x + 5 = 13\n2x = 9\nx = 4.5")
    v = verifier.verify(problem, steps)
    assert (v.label, v.first_error_step, v.marks) == ("incorrect", 2, ["correct", "first_error", "after_error"])
    assert v.error_category == "Calculation error"
    assert v.explanation == ("Step 2 changes the equation: 2x = 9 does not have the same solution as "
                             "2x + 5 = 13. Whatever you do to one side, do to the other side too.")
    assert v.expected_value is None and v.found_value == "2x = 9"
    assert v.evidence["derivation"] == {"from": "2x + 5 = 13", "to": "2x = 9"}
    hints = HintLadder(None).build(problem, steps, v)
    assert hints[0].text == ("Look at step 2. How did you get from 2x + 5 = 13 to 2x = 9? "
                             "Did you do the same thing to both sides?")
    assert not any("4" in h.text.replace("4.5", "") for h in hints)   # the answer, x = 4


def test_a_right_derivation_from_the_problem_equation_is_correct(verifier):
    v = verifier.verify(Problem("Solve 2x + 5 = 13."), parse_solution("2x + 5 = 13\n2x = 8\nx = 4"))
    assert v.label == "correct" and v.first_error_step is None


def test_a_slip_inside_one_step_is_found(verifier):
    problem = Problem("A stand sold 46 melons. 17 customers bought one melon, 3 customers bought three "
                      "melons, and the rest bought two melons. How many customers bought two melons?")
    steps = parse_solution("Let x be the number of customers who bought two.\n17 + 9 + 2x = 46\n"
                           "26 + 2x = 46, which gives x = 20.\nSo 20 customers bought two.")
    v = verifier.verify(problem, steps)
    assert (v.label, v.first_error_step) == ("incorrect", 3)
    alone = check_step(steps[2].text, 3)
    assert alone.ok is None and not algebra_slip(alone)  # the step alone has nothing to fault ...
    assert v.explanation == ("In step 3, x = 20 does not make 26 + 2x = 46 true. "  # ... its derivation does
                             "Put 20 in for x to check.")


@pytest.mark.parametrize("problem, solution, step", [
    ("Solve 3(x - 2) = 12.", "3(x - 2) = 12\n3x - 2 = 12\n3x = 14", 2),
    ("Solve 3(x + 4) = 27.", "3 * (x + 4) = 27\n3x + 4 = 27", 2),
    ("Solve 3(x - 2) = 12.", "3x - 2 = 12", 1),
])
def test_brackets_multiplied_out_for_the_first_term_only_are_named(verifier, problem, solution, step):
    problem, steps = Problem(problem), parse_solution(solution)
    v = verifier.verify(problem, steps)
    assert (v.label, v.first_error_step) == ("incorrect", step)
    assert v.explanation.startswith(f"In step {step}, the 3 in front of the brackets multiplied only the first term")
    hints = HintLadder(None).build(problem, steps, v)
    assert hints[1].text.endswith("Does 3 multiply all of (x - 2)?" if "x - 2" in solution or "3x - 2" in solution
                                  else "Does 3 multiply all of (x + 4)?")
    assert hints[2].text.startswith(f"Redo step {step}: start again from 3")


def test_a_slip_that_is_no_named_misconception_keeps_the_plain_algebra_hints(verifier):
    problem, steps = Problem("Solve 2x + 5 = 13."), parse_solution("2x + 5 = 13\n2x = 18\nx = 9")
    v = verifier.verify(problem, steps)
    assert v.explanation.startswith("Step 2 changes the equation")
    hints = HintLadder(None).build(problem, steps, v)
    assert hints[2].text == ("Redo step 2: start again from 2x + 5 = 13. Do one move at a time, the same on "
                             "both sides. Then use your new equation in the steps after it.")


def test_numbers_of_the_problem_equation_are_used_by_a_step_derived_from_it(verifier):
    # no step writes 5 or 13, but "2x = 8" follows from 2x + 5 = 13: nothing is left out
    v = verifier.verify(Problem("Solve 2x + 5 = 13."), parse_solution("2x = 8\nx = 4"))
    assert v.label == "correct" and v.unused_given is None
    # a wrong derivation does not count as using them
    v = verifier.verify(Problem("Solve 2x + 5 = 13."), parse_solution("2x = 9\nx = 4.5"))
    assert (v.label, v.first_error_step) == ("incorrect", 1)


def test_a_negative_factor_before_brackets_is_named_too(verifier):
    v = verifier.verify(Problem("Solve -3(x - 2) = 12."), parse_solution("-3x - 2 = 12"))
    assert v.explanation.startswith("In step 1, the -3 in front of the brackets multiplied only the first term")


def test_a_slip_in_working_out_a_value_is_named_as_one(verifier):
    problem, steps = Problem("Solve 3x = 21."), parse_solution("x = 21/3\nx = 6")
    v = verifier.verify(problem, steps)
    assert (v.first_error_step, v.explanation) == (2, "In step 2, x = 6 is not what 21/3 comes to. Work it out again.")
    hints = HintLadder(None).build(problem, steps, v)
    assert [h.text for h in hints][:1] == ["Look at step 2. Work out 21/3 again. Is it really 6?"]
    assert all(h.source == "fallback" for h in hints)


def test_the_plain_algebra_wording_passes_the_guards_with_constants_in_the_equation(verifier):
    # "2x + 5 - 5 = 13 + 5" holds "5 - 5 = 13 + 5", which is no false sum: it belongs to an equation
    problem, steps = Problem("Solve 2x + 5 = 13."), parse_solution("2x + 5 - 5 = 13 + 5\n2x = 18\nx = 9")
    hints = HintLadder(None).build(problem, steps, verifier.verify(problem, steps))
    assert hints[0].text == ("Look at step 1. How did you get from 2x + 5 = 13 to 2x + 5 - 5 = 13 + 5? "
                             "Did you do the same thing to both sides?")


def test_equations_are_shown_as_written_math():
    from tutor.mathtext import readable_equation

    assert readable_equation("((x)/(2))=7") == "x/2 = 7"
    assert readable_equation("3/4x=9") == "(3/4)x = 9"
    assert readable_equation("-3(x-2)=12") == "-3(x - 2) = 12"
    assert readable_equation("(20/100)x=3") == "20% of x = 3"


def test_steps_that_only_restate_an_equation_do_not_make_a_word_problem_wrong(verifier):
    # the setup cannot be checked without a reference, but 2x + 4 = 30 ... x = 13 follow from it
    v = verifier.verify(Problem("Tom is 4 years older than Ann. Their ages add up to 30. How old is Ann?"),
                        parse_solution("Let x be Ann's age\nx + x + 4 = 30\n2x + 4 = 30\n2x = 26\nx = 13"))
    assert v.label != "incorrect"
    assert v.step_error_probs[2:] == [0.02, 0.02, 0.02]


@pytest.mark.parametrize("text, false_sum", [
    ("How did you get from x/4 - 2 = 3 to x/4 = 1?", False),
    ("Look at 2x + 12 - 5 = 79 again.", False),
    ("Is 2 + 2 = 3x right?", False),
    ("Check 4 + 2 = 5 again.", True),
    ("So a 3 + 4 = 8 claim fails.", True),
    ("Is 3 x 4 = 13 a good start?", True),          # a word after the claim, not an unknown
    ("She earns 12 + 5 = 18 a day.", True),
])
def test_the_false_sum_guard_reads_numbers_of_an_equation_as_part_of_it(text, false_sum):
    from tutor.hints.guards import form_problems

    found = [p for p in form_problems(text, "where", Problem("p"), []) if p.startswith("false arithmetic")]
    assert bool(found) is false_sum


@pytest.mark.parametrize("text, values", [
    ("x + 3 = 7 => x = 4", [4.0]),
    (r"2x + 5 = 13 \Rightarrow 2x = 8", [4.0]),
    (r"\therefore x + 3 = 7", [4.0]),
    ("x(1 + 0.15) = 1150", [1000.0]),
    ("x + 5 = 9cm", [4.0]),
    (r"\[3x = 12\]", [4.0]),
    ("[x + 2 = 9]", [7.0]),
])
def test_solved_unknowns_read_equations_between_arrows_brackets_and_units(text, values):
    from tutor.mathcheck import solved_unknowns

    assert [v for v, _ in solved_unknowns(text)] == values


def test_a_letter_named_anew_or_tried_after_latex_names_is_not_a_slip():
    assert derivation_checks("", ["x + 3 = 7, so he had 4 apples.", "Let the number of pears be x.", "2x = 14"]) \
        == [[], [], []]
    assert derivation_checks("Solve 2x + 1 = 7.", [r"With \theta and \phi, if 2x = 10 it fails"]) == [[]]


def test_algebra_hints_do_without_the_equation_when_it_holds_the_answer(verifier):
    problem = Problem("Solve 4(x + 1) = 20.", final_answer="4")
    steps = parse_solution("4x + 1 = 20\nx = 19/4")
    hints = HintLadder(None).build(problem, steps, verifier.verify(problem, steps))
    assert [h.text for h in hints] == [
        "Look at step 1. How did you get 1 there from the equation before it? Did you do the same thing to both sides?",
        "An equation stays true only when both sides change in the same way. Check each move you made in step 1.",
        "Redo step 1: start again from the equation before it. Add, subtract, multiply or divide both sides by the "
        "same amount, one move at a time. Then use your new equation in the steps after it."]


class _Chatty:
    """A stand-in student model that always says ``text``."""

    name = "fake"

    def __init__(self, text: str):
        self.text = text

    def stream(self, prompt, max_new_tokens=60, stop=()):
        yield self.text


def test_a_model_does_not_replace_the_named_misconception_hints(verifier):
    problem, steps = Problem("Solve 3(x - 2) = 12."), parse_solution("3(x - 2) = 12\n3x - 2 = 12\n3x = 14")
    hints = HintLadder(_Chatty("Look at step 2 and think about the 12 again.")).build(
        problem, steps, verifier.verify(problem, steps))
    assert hints[1].source == "fallback" and hints[1].text.endswith("Does 3 multiply all of (x - 2)?")


def test_a_function_value_is_no_equation_in_its_name():
    assert linear_equations("f(-3) = -1") == [] and linear_equations("g(12) = 5") == []


def test_a_model_does_not_word_the_algebra_hints(verifier):
    problem, steps = Problem("Solve 2x + 5 = 13."), parse_solution("2x + 5 = 13\n2x = 9\nx = 4.5")
    hints = HintLadder(_Chatty("In step 2, where does 2x come from? Check that part again.")).build(
        problem, steps, verifier.verify(problem, steps))
    assert [h.source for h in hints] == ["fallback"] * 3
    assert "both sides" in hints[0].text


def test_a_wrong_value_is_checked_by_putting_it_in(verifier):
    problem, steps = Problem("Solve 2x + 5 = 13."), parse_solution("2x = 8\nx = 6")
    v = verifier.verify(problem, steps)
    assert (v.label, v.first_error_step) == ("incorrect", 2)
    assert v.explanation == "In step 2, x = 6 does not make 2x = 8 true. Put 6 in for x to check."
    hints = HintLadder(None).build(problem, steps, v)
    assert hints[0].text == "Look at step 2. Put 6 in for x in 2x = 8. Do both sides come out the same?"
    assert not any("4" in h.text for h in hints)


def test_work_that_has_not_found_the_unknown_yet_is_not_finished(verifier):
    problem, steps = Problem("Solve 6x - 4 = 20."), parse_solution("6x - 4 = 20\n6x = 24")
    v = verifier.verify(problem, steps)
    assert (v.label, v.evidence["not_solved"]) == ("unsure", "x")
    assert v.explanation == "You have not found x yet. Keep going until you get x = a number."
    (hint,) = HintLadder(None).build(problem, steps, v)
    assert hint.text == ("Your steps so far check out, up to 24 in step 2. What is x on its own? "
                         "Keep going until you get x = a number.")


def test_steps_that_say_their_move_in_words_are_proven_from_the_problem(verifier):
    problem = Problem("Solve 2x + 5 = 13.")
    steps = parse_solution("Step 1: subtract 5 from both sides: 2x = 8\nStep 2: divide by 2: x = 4")
    v = verifier.verify(problem, steps)
    assert (v.label, v.step_error_probs, v.evidence["solved_from_problem"]) == ("correct", [0.02, 0.02], ["x"])


@pytest.mark.parametrize("problem, solution", [
    ("Solve 9 = 3 + 2x.", "6 = 2x\n3 = x"),                               # the value written on the left
    ("Solve x + 2 1/2 = 6.", "x = 6 - 2 1/2\nx = 3 1/2"),                  # a mixed number
    ("The formula is C = 5n + 20. If C = 65, find n.", "65 = 5n + 20\n45 = 5n\nn = 9"),   # C is given
    ("If 2x + 3 = 11, what is the value of 4x + 6?", "4x + 6 = 2(2x + 3)\n= 2 × 11\n= 22"),  # x not asked
    ("Solve 2x + 5 = 13.", "2X + 5 = 13\n2X = 8\nX = 4"),                 # the x typed in capitals
])
def test_a_solved_problem_is_not_called_unfinished(verifier, problem, solution):
    v = verifier.verify(Problem(problem), parse_solution(solution))
    assert "not_solved" not in v.evidence and v.label != "incorrect"


@pytest.mark.parametrize("problem, solution, step", [
    ("Solve 4x + 1 = 3.2.", "4x = 2.4\nx = 0.6", 1),                         # 0.55 is no rounding of 0.6
    ("Solve 2x + 5 = 13.", "Step one: 2x + 5 - 5 = 13 - 5\nSecond step: 2x = 9\nThird step: x = 4.5", 2),
    ("Solve 3x + 2 = 20 (area in cm²).", "3x + 2 - 2 = 20 - 2\n3x = 19\nx = 19/3", 2),   # cm² is no power of x
    ("Solve 2x = 7.", "x = 4", 1),                                           # 3.5 is not rounded to 4
])
def test_slips_near_the_rounding_and_branch_rules_are_found(verifier, problem, solution, step):
    v = verifier.verify(Problem(problem), parse_solution(solution))
    assert (v.label, v.first_error_step) == ("incorrect", step)


@pytest.mark.parametrize("problem, solution", [
    ("Solve 2x + 5 = 13.", "2x = 8\nx = 4, so x is the solution."),
    ("Solve 2x + 5 = 13.", "2x = 8\nx = 4 (divide both sides by 2)"),
    ("Solve 3x = 10.", "x = 3.333..."),
    ("Solve 2x = 8.", "**x = 4**"),
    ("Solve 2x = 8.", "2𝑥 = 8\n𝑥 = 4"),
    ("Solve: if 3x + 2 = 11, what is 6x?", "6x + 4 = 22\n6x = 18"),
    ("Solve 2x = 8.", "x = 4. I divided both sides by 2."),
    ("Solve 3x = 190.", "x = 190/3\nx ≈ 63"),                                # said to be rounded
])
def test_finished_solutions_are_correct(verifier, problem, solution):
    assert verifier.verify(Problem(problem), parse_solution(solution)).label == "correct"


def test_the_value_is_read_on_either_side(verifier):
    v = verifier.verify(Problem("Solve 2x + 5 = 13."), parse_solution("2x = 8\n5 = x"))
    assert v.explanation == "In step 2, 5 = x does not make 2x = 8 true. Put 5 in for x to check."
    v = verifier.verify(Problem("Solve 3x = 190."), parse_solution("190/3 = x\n6.33 = x"))
    assert v.explanation == "In step 2, 6.33 = x is not what 190/3 comes to. Work it out again."


def test_work_out_hints_do_without_the_expression_when_it_is_the_answer(verifier):
    problem = Problem("Solve 2x + 5 = 13.", final_answer="4")
    steps = parse_solution("2x = 8\nx = 8/2\nx = 3")
    hints = HintLadder(None).build(problem, steps, verifier.verify(problem, steps))
    assert hints[0].text == "Look at step 3. Work out the value from the step before again. Is it really 3?"
    assert not any("both sides" in h.text or "8/2" in h.text for h in hints)


def test_without_a_reference_a_proven_slip_is_named_over_an_unsure_doubt():
    import copy

    v = Verifier(None)
    comb = copy.deepcopy(v.combiners["free"])
    comb.hazards = lambda rows: [0.35] * len(rows)
    v.combiners["free"] = comb
    verdict = v.verify(Problem("Find x."), parse_solution("Let x be the pens.\nx + 3 = 10\n2x = 9\nx = 4.5"))
    assert (verdict.label, verdict.first_error_step) == ("incorrect", 3)


def test_cut_off_decimals_and_a_second_number_are_not_slips(verifier):
    assert verifier.verify(Problem("Solve 3x = 2."), parse_solution("x = 0.6666")).label == "correct"
    v = verifier.verify(Problem("A number plus 5 is 12. Another number times 3 is 24. Find both numbers."),
                        parse_solution("First number: x + 5 = 12\nSecond number: 3x = 24\nx = 7\nx = 8"))
    assert v.label != "incorrect"


def test_a_side_that_goes_on_after_its_unit_word_is_not_read_cut():
    # "6W / 6 = 30 feet / 6": the right side is 30 feet / 6, not 30
    checks = derivation_checks("A rectangle has area 30 square feet and length 6 feet. Find its width W.",
                               ["6W = 30", "Divide both sides by 6: 6W / 6 = 30 feet / 6, so W = 5 feet."])
    assert all(e.ok for step in checks for e in step)


def test_an_expression_rewritten_is_no_algebra_step_but_the_expression_check_reads_it():
    # "Simplify ...": "4x + 3 = 7x" is a wrong rewriting, not an equation whose solution x = 1 is
    # carried on; tutor.expressions checks it (and an equation to solve stays one)
    from tutor.expressions import expression_checks

    steps = ["4x + 3 = 7x", "7x + 2x = 9x"]
    assert derivation_checks("Simplify 4x + 3 + 2x.", steps) == [[], []]
    work = expression_checks("Simplify 4x + 3 + 2x.", steps)
    assert (work.first_wrong, work.wrong.before, work.wrong.after, work.wrong.ok) == (0, "4x+3", "7x", False)
    assert expression_checks("Solve 3(x + 4) = 27.", ["3x + 4 = 27"]) is None
    checks = derivation_checks("Solve 3(x + 4) = 27.", ["3x + 4 = 27"])
    assert [(e.text, e.ok, e.follows) for e in checks[0]] == [("3x+4=27", False, "3(x+4)=27")]


@pytest.mark.parametrize("solution, verdict", [
    ("a² + b² = c²\n8² + 15² = c²\n64 + 225 = c²\n289 = c²\nc = 17 m", ("correct", None)),
    ("8² + 15² = c²\n64 + 225 = c²\n289 = c²\nc = 19 m", ("incorrect", 4)),
])
def test_a_square_of_the_unknown_alone_is_solved_for_a_length(solution, verdict):
    from tutor.schema import Problem, Submission
    from tutor.service import read_submission
    from tutor.verify import Verifier

    problem = Problem(text="A rectangle is 8 m long and 15 m wide. How long is its diagonal?")
    steps = read_submission(Submission(problem=problem, solution_text=solution))
    found = Verifier(None).verify(problem, steps)
    assert (found.label, found.first_error_step) == verdict


def test_the_other_root_of_a_square_is_right():
    assert [e.ok for step in derivation_checks("Solve.", ["1 - x^2 = 0", "x = -1"]) for e in step] == [True]
    assert [e.ok for step in derivation_checks("Solve.", ["c^2 = 289", "c = 19"]) for e in step] == [False]
