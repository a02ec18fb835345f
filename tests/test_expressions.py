"""Expressions rewritten across a solution (tutor.expressions): what a problem asks to rewrite,
when two expressions are equal, and which step first writes one that is not."""

from fractions import Fraction

import pytest

from tutor.expressions import equivalent, expression_checks, expression_task, readable


@pytest.mark.parametrize("problem, expression, letters", [
    ("Simplify 3(x + 4) + 2x.", "3(x+4)+2x", {"x"}),
    ("Simplify 5(2y + 3) − 4y.", "5(2y+3)-4y", {"y"}),
    ("Expand 7(2a − 1).", "7(2a-1)", {"a"}),
    ("Combine like terms: 3y + 2 + 5y − 7.", "3y+2+5y-7", {"y"}),
    ("Write an expression equivalent to 4(x + 2) − x.", "4(x+2)-x", {"x"}),
    ("Factor 6x + 9.", "6x+9", {"x"}),
    ("Simplify 5a + 2b − a.", "5a+2b-a", {"a", "b"}),
    ("Simplify x² + 2·x × 3.", "x^2+2*x*3", {"x"}),
    ("Simplify this expression: $$\\left(2x+\\frac{3}{2} (4x-6)\\right)-4x$$", "(2x+((3)/(2))(4x-6))-4x", {"x"}),
])
def test_the_expression_a_problem_asks_to_rewrite(problem, expression, letters):
    task = expression_task(problem)
    assert task is not None
    assert (task.expression, set(task.letters), task.values, task.evaluate) == (expression, letters, (), False)


def test_an_expression_to_evaluate_gets_the_values_the_problem_gives():
    task = expression_task("Evaluate 2a + b for a = 3 and b = 5.")
    assert (task.expression, task.values, task.evaluate) == ("2a+b", (("a", Fraction(3)), ("b", Fraction(5))), True)
    task = expression_task("What is the value of 3x + 2 when x = 1/2?")
    assert (task.expression, task.values, task.evaluate) == ("3x+2", (("x", Fraction(1, 2)),), True)


@pytest.mark.parametrize("problem", [
    "Solve 3(x + 4) = 27.",  # an equation to solve
    "Let x be the number of apples. Twice x plus 3 is 17. Simplify and find x.",  # a word problem's unknown
    "Evaluate 3 + 4 × 2.",  # numbers only
    "Find the greatest common factor of 180 and 168.",  # "factor" as a noun
    "Given that x + y = 7 and 3x + y = 45, evaluate x^2 - y^2.",  # an equation to use
    "Evaluate 3x + 2.",  # a value asked for, no value given
    "Simplify (9 - 4i)(2 + i).",  # i is the imaginary unit
    "Simplify the expression $\\sqrt{7!}$, where $n!$ stands for $n(n-1)(n-2)$.",  # math before the letters
    "Sam has 3 bags of 4 apples. How many apples does he have?",
])
def test_other_problems_are_no_expression_task(problem):
    assert expression_task(problem) is None
    assert expression_checks(problem, ["3 x 4 = 12"]) is None


@pytest.mark.parametrize("a, b, same", [
    ("3(x+4)", "3x+12", True),
    ("3(x+4)", "3x+4", False),
    ("30abc", "(5ac)*(6ab)", False),
    ("(5ac)*(6ab)", "30a^2bc", True),
    ("(x+3)(x+2)", "x^2+5x+6", True),
    ("((40r^9)/(8r^4))", "5r^5", True),
    ("4a+2b", "6ab", False),
    ("x", "x+", None),  # unreadable: undecided
])
def test_equivalent(a, b, same):
    assert equivalent(a, b) is same


def test_equivalent_with_values_and_rounding():
    x4 = (("x", Fraction(4)),)
    assert equivalent("3x+2", "3(4)+2", x4) is True
    assert equivalent("3x+2", "3(5)+2", x4) is False
    assert equivalent("x/3", "0.33", (("x", Fraction(1)),)) is True  # written to its decimals
    assert equivalent("x/3", "0.4", (("x", Fraction(1)),)) is False


def _links(work):
    return [[(a.before, a.after, a.ok) for a in step] for step in work.links]


def test_a_wrong_link_in_a_chain_is_the_first_wrong_step():
    work = expression_checks("Simplify 3(x + 4) + 2x.", ["3(x + 4) + 2x = 3x + 4 + 2x = 5x + 4"])
    assert (work.first_wrong, work.wrong.before, work.wrong.after) == (0, "3(x+4)+2x", "3x+4+2x")
    assert not work.complete and not work.proven


def test_side_calculations_are_checked_on_their_own_and_the_last_expression_is_the_answer():
    work = expression_checks("Simplify 3(x + 4) + 2x.", ["3(x + 4) = 3x + 12", "3x + 12 + 2x = 5x + 12"])
    assert _links(work) == [[("3(x+4)", "3x+12", True)], [("3x+12+2x", "5x+12", True)]]
    assert (work.first_wrong, work.final, work.final_step, work.complete, work.proven) == (None, "5x+12", 1, True, True)
    # a side calculation that is wrong on its own
    work = expression_checks("Simplify 3(x + 4) + 2x.", ["3(x + 4) = 3x + 4", "3x + 4 + 2x = 5x + 4"])
    assert (work.first_wrong, work.wrong.before, work.wrong.after) == (0, "3(x+4)", "3x+4")


def test_a_line_that_is_only_an_expression_rewrites_the_one_before():
    work = expression_checks("Simplify 6(m + 2) + 3(m − 1).", ["6m + 2 + 3m − 3", "9m − 1"])
    assert (work.first_wrong, work.wrong.before, work.wrong.after) == (0, "6(m+2)+3(m-1)", "6m+2+3m-3")
    work = expression_checks("Simplify 6(m + 2) + 3(m − 1).", ["6m + 12 + 3m − 3", "= 9m + 9"])
    assert _links(work) == [[("6(m+2)+3(m-1)", "6m+12+3m-3", True)], [("6m+12+3m-3", "9m+9", True)]]
    assert work.proven
    # said in words: "The answer is ..." is the whole expression; "the x terms make 6x" is not
    work = expression_checks("Simplify 5a + 2b − a.", ["5a − a = 4a", "The answer is 4a + 2b."])
    assert work.proven and _links(work)[1] == [("5a+2b-a", "4a+2b", True)]
    work = expression_checks("Simplify 4x + 3 + 2x.", ["Combine 4x and 2x.", "So the answer is 6x."])
    assert (work.first_wrong, work.wrong.after) == (1, "6x")


def test_a_chain_that_starts_from_the_whole_rewritten_is_compared_with_it():
    # "2x - 10 - x - 3" is no part of 2(x - 5) - (x - 3): it is the whole, rewritten wrongly
    work = expression_checks("Simplify 2(x − 5) − (x − 3).", ["2x − 10 − x − 3 = x − 13"])
    assert (work.first_wrong, work.wrong.before, work.wrong.after) == (0, "2(x-5)-(x-3)", "2x-10-x-3")
    # parts worked out one at a time are side calculations
    work = expression_checks("Simplify 2(x − 5) − (x − 3).", ["2(x − 5) = 2x − 10", "−(x − 3) = −x + 3",
                                                              "2x − 10 − x + 3 = x − 7"])
    assert work.proven


def test_work_that_stops_at_a_side_calculation_is_not_complete():
    work = expression_checks("Simplify 4x + 3 + 2x.", ["4x + 2x = 6x"])
    assert (work.first_wrong, work.final, work.complete) == (None, "6x", False)


def test_evaluating_puts_the_values_in():
    work = expression_checks("Evaluate 3x + 2 when x = 4.", ["3x + 2 = 3(4) + 2 = 12 + 2 = 14"])
    assert work.proven and work.final == "14"
    work = expression_checks("Evaluate 3x + 2 when x = 4.", ["3x + 2 = 3(5) + 2 = 17"])
    assert (work.first_wrong, work.wrong.before, work.wrong.after) == (0, "3x+2", "3(5)+2")


def test_latex_arrays_unicode_and_foreign_letters():
    steps = ["\\begin{align*} x^2 + x^3 + 2x^2 - 3x^2 &= x^3 + (x^2 - 3x^2 + 2x^2) \\\\ &= x^3 - 3x^2 \\end{align*}"]
    work = expression_checks("Simplify x^2 + x^3 + 2x^2 - 3x^2.", steps)
    assert (work.first_wrong, work.wrong.before, work.wrong.after) == (0, "x^3+(x^2-3x^2+2x^2)", "x^3-3x^2")
    work = expression_checks("Expand (x + 3)(x + 2).", ["x·x + 2·x + 3·x + 3 × 2 = x² + 5x + 6"])
    assert work.proven
    # a formula in other letters ("(a + b)^2 = a^2 + 2ab + b^2") is not the problem's expression
    work = expression_checks("Expand (x + 5)^2.", ["Use (a + b)^2 = a^2 + 2ab + b^2 with a = x and b = 5.",
                                                    "The answer is x^2 + 10x + 25."])
    assert work.proven and work.unread == [True, False]


def test_an_equation_in_a_simplify_problem_is_not_a_rewriting():
    work = expression_checks("Simplify 4x + 3 + 2x.", ["6x + 3 = 0 when x = -1/2"])
    assert work.first_wrong is None


def test_readable():
    assert readable("3(x+4)+2x") == "3(x + 4) + 2x"
    assert readable("3(5)+2") == "3(5) + 2"
    assert readable("7*2a") == "7 × 2a"
    assert readable("((x)/(2))-4") == "(x/2) - 4"


def test_a_part_worked_out_in_words_and_a_word_problem_are_not_the_whole():
    from tutor.schema import Problem
    from tutor.steps import parse_solution
    from tutor.verify import Verifier
    work = "Step 1: Multiply 3 by each term in the brackets. We get 3x + 12.\nStep 2: 3x + 12 + 2x = 5x + 12"
    verdict = Verifier(None).verify(Problem(text="Simplify 3(x + 4) + 2x."), parse_solution(work))
    assert verdict.label == "correct"
    assert expression_task("Simplify the expression for the perimeter of a rectangle with length 2x + 3 "
                           "and width x.") is None


def test_like_terms_written_as_a_bare_number_are_a_wrong_rewriting():
    # a trial: "3y - y = 3" was read as an equation and passed
    work = expression_checks("Simplify 2x + 3y + 4x - y.", ["2x + 4x = 6x", "3y - y = 3", "6x + 3"])
    assert (work.first_wrong, work.wrong.before, work.wrong.after) == (1, "3y-y", "3")
    assert expression_checks("Simplify 2x + 3y + 4x - y.", ["2x + 4x = 6x", "3y - y = 2y", "6x + 2y"]).first_wrong is None
