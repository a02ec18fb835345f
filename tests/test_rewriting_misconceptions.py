"""Rewriting misconceptions (tutor.misconceptions.rewriting_misconception): an expression
rewritten into one that is not equal to it by a wrong rule (a minus in front of brackets
changing the first term only, a lone letter not counted, like terms multiplied, different
powers or different letters put into one term) is named in the verdict and the hint ladder,
and no hint states the step's right result. Typed solutions go through the app's own reading
(tutor.service.read_submission)."""

import re

import pytest

from tutor.hints import HintLadder
from tutor.hints.guards import check_hint
from tutor.misconceptions import CATEGORY, rewriting_misconception
from tutor.schema import Problem, Submission
from tutor.service import read_submission
from tutor.verify import Verifier


@pytest.fixture(scope="module")
def verifier():
    return Verifier(None)


def _review(verifier, problem_text: str, solution: str):
    """``(problem, steps, verdict, hints)`` for a typed solution, as the app reads it."""
    submission = Submission(Problem(text=problem_text), solution)
    steps = read_submission(submission)
    verdict = verifier.verify(submission.problem, steps)
    return submission.problem, steps, verdict, HintLadder(None).build(submission.problem, steps, verdict)


def _states(text: str, value: str) -> bool:
    """Whether ``text`` writes the expression ``value`` (spaces ignored, not inside a longer
    term: "5x" is not in "5x^2")."""
    spaced = r"\s*".join(re.escape(c) for c in value.replace(" ", ""))
    return re.search(rf"(?<![\w^.]){spaced}(?![\w^]|\.\d)", text.replace("−", "-")) is not None


# (problem, solution, first wrong step, name, explanation, [where, concept, bottom-out], the step's
# right results, which no hint may state)
CASES = [
    ("Simplify 5 − (x − 3).", "5 − (x − 3) = 5 − x − 3\n= 2 − x", 1, "minus on first term only",
     "In step 1, the minus in front of (x - 3) changed the sign of only the first term inside. A minus in front "
     "of brackets changes the sign of every term inside them.",
     ["Look at step 1, where you take away the brackets in 5 - (x - 3). Does the minus change the sign of every "
      "term inside?",
      "In step 1, look at 5 - (x - 3). When a minus stands in front of brackets, which terms inside does it "
      "change? Does it change the sign of every term of (x - 3)?",
      "Redo step 1: start again from 5 - (x - 3). Change the sign of each term of (x - 3) as you take the "
      "brackets away, then go on from there."],
     ["5 - x + 3", "8 - x", "-x + 8"]),
    ("Simplify −(2x + 4) + 7x.", "−(2x + 4) + 7x = −2x + 4 + 7x\n= 5x + 4", 1, "minus on first term only",
     "In step 1, the minus in front of (2x + 4) changed the sign of only the first term inside. A minus in front "
     "of brackets changes the sign of every term inside them.",
     ["Look at step 1, where you take away the brackets in -(2x + 4) + 7x. Does the minus change the sign of "
      "every term inside?",
      "In step 1, look at -(2x + 4) + 7x. When a minus stands in front of brackets, which terms inside does it "
      "change? Does it change the sign of every term of (2x + 4)?",
      "Redo step 1: start again from -(2x + 4) + 7x. Change the sign of each term of (2x + 4) as you take the "
      "brackets away, then go on from there."],
     ["-2x - 4", "5x - 4"]),
    ("Simplify 10 − 2(x − 3).", "10 − 2(x − 3) = 10 − 2x − 6\n= 4 − 2x", 1, "minus on first term only",
     "In step 1, the minus in front of 2(x - 3) changed the sign of only the first term inside. A minus in front "
     "of brackets changes the sign of every term inside them.",
     ["Look at step 1, where you take away the brackets in 10 - 2(x - 3). Does the minus change the sign of "
      "every term inside?",
      "In step 1, look at 10 - 2(x - 3). When a minus stands in front of brackets, which terms inside does it "
      "change? Does it change the sign of every term of (x - 3)?",
      "Redo step 1: start again from 10 - 2(x - 3). Multiply -2 by each term of (x - 3) as you take the "
      "brackets away, then go on from there."],
     ["10 - 2x + 6", "16 - 2x", "-2x + 6"]),
    ("Simplify 3y − y.", "3y − y = 3", 1, "lone letter not counted",
     "In step 1, 3y - y is written as 3: the letter y was dropped along with the y on its own. A letter on its "
     "own stands for one of it, and like terms keep their letter when they are combined.",
     ["Look at step 1, where 3y - y becomes 3. What number is in front of the y on its own?",
      "In step 1, what number is in front of a y standing on its own? When like terms are combined, does their "
      "letter go away?",
      "Redo step 1: write each y on its own in 3y - y as 1y. Then combine the numbers in front of the y-terms "
      "and keep the letter y."],
     ["2y"]),
    ("Simplify 3y − y + 4.", "Step 1: 3y − y + 4 = 3y + 4", 1, "lone letter not counted",
     "In step 1, 3y - y + 4 is written as 3y + 4: the y on its own was counted as nothing. A letter on its own "
     "stands for one of it, and like terms keep their letter when they are combined.",
     ["Look at step 1, where 3y - y + 4 becomes 3y + 4. What number is in front of the y on its own?",
      "In step 1, what number is in front of a y standing on its own? When like terms are combined, does their "
      "letter go away?",
      "Redo step 1: write each y on its own in 3y - y + 4 as 1y. Then combine the numbers in front of the "
      "y-terms and keep the letter y."],
     ["2y + 4", "2y"]),
    ("Simplify x + x.", "x + x = x²", 1, "like terms multiplied",
     "In step 1, x + x is written as x^2: adding the like terms x and x changed their letter part x. Adding like "
     "terms changes only the number in front; the letter part stays the same.",
     ["Look at step 1, where x + x becomes x^2. Should adding like terms change the letter part x?",
      "In step 1, x and x are like terms. When like terms are added, does the letter part x change, or only the "
      "number in front of it?",
      "Redo step 1: add only the numbers in front of the x-terms of x + x (a lone x counts as 1x). Keep the "
      "letter part x as it is."],
     ["2x"]),
    ("Simplify 2x + 3x.", "2x + 3x = 5x²", 1, "like terms multiplied",
     "In step 1, 2x + 3x is written as 5x^2: adding the like terms 2x and 3x changed their letter part x. Adding "
     "like terms changes only the number in front; the letter part stays the same.",
     ["Look at step 1, where 2x + 3x becomes 5x^2. Should adding like terms change the letter part x?",
      "In step 1, 2x and 3x are like terms. When like terms are added, does the letter part x change, or only "
      "the number in front of it?",
      "Redo step 1: add only the numbers in front of the x-terms of 2x + 3x. Keep the letter part x as it is."],
     ["5x"]),
    ("Simplify x² + x.", "x² + x = x³", 1, "unlike powers combined",
     "In step 1, x^2 + x is written as x^3: terms with different powers of x were put into one term. x^2 and x "
     "are not like terms, so they cannot be added into one term.",
     ["Look at step 1, where x^2 + x becomes x^3. Which powers of x did you put together?",
      "In step 1, are x^2 and x like terms? Can terms with different powers of x be added into one term?",
      "Redo step 1: in x^2 + x, put together only terms with the same power of x. A term whose power matches no "
      "other term stays as it is."],
     []),
    ("Simplify 2x + 3x².", "2x + 3x² = 5x³", 1, "unlike powers combined",
     "In step 1, 2x + 3x^2 is written as 5x^3: terms with different powers of x were put into one term. x and "
     "x^2 are not like terms, so they cannot be added into one term.",
     ["Look at step 1, where 2x + 3x^2 becomes 5x^3. Which powers of x did you put together?",
      "In step 1, are x and x^2 like terms? Can terms with different powers of x be added into one term?",
      "Redo step 1: in 2x + 3x^2, put together only terms with the same power of x. A term whose power matches "
      "no other term stays as it is."],
     []),
    ("Simplify 3a + 2b.", "3a + 2b = 5ab", 1, "different letters combined",
     "In step 1, 3a + 2b is written as 5ab: terms with different letters were put into one term. The a-terms "
     "and the b-terms are not like terms, so they cannot be added into one term.",
     ["Look at step 1, where 3a + 2b becomes 5ab. Which terms did you put together? Do they have the same "
      "letter?",
      "In step 1, which terms of 3a + 2b have the same letter? Can terms with different letters be added into "
      "one term?",
      "Redo step 1: in 3a + 2b, put together only terms with the same letter. Terms with different letters "
      "stay apart."],
     []),
    # the like terms rightly combined in the same step: 5a - a is 4a, then 4a and 2b joined
    ("Simplify 5a + 2b − a.", "5a + 2b − a = 6ab", 1, "different letters combined",
     "In step 1, 5a + 2b - a is written as 6ab: terms with different letters were put into one term. The "
     "a-terms and the b-terms are not like terms, so they cannot be added into one term.",
     ["Look at step 1, where 5a + 2b - a becomes 6ab. Which terms did you put together? Do they have the same "
      "letter?",
      "In step 1, which terms of 5a + 2b - a have the same letter? Can terms with different letters be added "
      "into one term?",
      "Redo step 1: in 5a + 2b - a, put together only terms with the same letter. Terms with different letters "
      "stay apart."],
     ["4a + 2b", "4a"]),
    ("Simplify 5a + 2b − a.", "5a − a = 4a\n4a + 2b = 6ab", 2, "different letters combined",
     "In step 2, 4a + 2b is written as 6ab: terms with different letters were put into one term. The a-terms "
     "and the b-terms are not like terms, so they cannot be added into one term.",
     ["Look at step 2, where 4a + 2b becomes 6ab. Which terms did you put together? Do they have the same "
      "letter?",
      "In step 2, which terms of 4a + 2b have the same letter? Can terms with different letters be added into "
      "one term?",
      "Redo step 2: in 4a + 2b, put together only terms with the same letter. Terms with different letters "
      "stay apart."],
     []),
]


@pytest.mark.parametrize("problem_text, solution, step, name, explanation, hints, right",
                         CASES, ids=[c[1].split("\n")[0] for c in CASES])
def test_a_wrong_rule_rewriting_is_named_in_the_verdict_and_the_hints(verifier, problem_text, solution, step,
                                                                      name, explanation, hints, right):
    problem, steps, verdict, ladder = _review(verifier, problem_text, solution)
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == ("incorrect", step, CATEGORY)
    assert verdict.marks[step - 1] == "first_error"
    assert verdict.explanation == explanation
    assert verdict.expected_value is None  # the right expression is never put in the verdict
    assert [h.text for h in ladder] == hints
    assert [h.kind for h in ladder] == ["where", "concept", "bottom_out"]
    evidence = verdict.evidence["expression"]
    named = rewriting_misconception(step, steps[step - 1].text, problem.text, evidence["from"], evidence["to"])
    assert named.name == name
    for h in ladder:
        assert check_hint(h.text, h.level, h.kind, problem, steps, verdict) == []
        assert not [r for r in right if _states(h.text, r)], h.text
    assert not [r for r in right if _states(verdict.explanation, r)]


def test_a_minus_before_brackets_in_an_equation_is_named_too(verifier):
    problem, steps, verdict, ladder = _review(verifier, "Solve 5 − (x − 3) = 1.",
                                              "5 − x − 3 = 1\n2 − x = 1\nx = 1")
    assert (verdict.label, verdict.first_error_step, verdict.error_category) == ("incorrect", 1, CATEGORY)
    assert verdict.explanation == ("In step 1, the minus in front of (x - 3) changed the sign of only the first "
                                   "term inside. A minus in front of brackets changes the sign of every term "
                                   "inside them.")
    assert [h.text for h in ladder[1:]] == [
        "In step 1, look at 5 - (x - 3) = 1. When a minus stands in front of brackets, which terms inside does it "
        "change? Does it change the sign of every term of (x - 3)?",
        "Redo step 1: start again from 5 - (x - 3) = 1. Change the sign of each term of (x - 3) as you take the "
        "brackets away, then go on from there."]
    assert not any(_states(h.text, "8 - x") or _states(h.text, "x = 7") for h in ladder)


@pytest.mark.parametrize("before, after", [
    ("5 - (x - 3)", "5 - x + 3"), ("5 - (x - 3)", "8 - x"), ("-(2x + 4) + 7x", "5x - 4"),
    ("10 - 2(x - 3)", "16 - 2x"), ("3y - y", "2y"), ("3y - y + 4", "2y + 4"), ("x + x", "2x"),
    ("2x + 3x", "5x"), ("x^2 + x", "x(x + 1)"), ("2x + 3x^2", "3x^2 + 2x"), ("3a + 2b", "2b + 3a"),
    ("5a + 2b - a", "4a + 2b"), ("x * x", "x^2"), ("2x * 3x", "6x^2"), ("a + a + b", "2a + b"),
])
def test_a_right_rewriting_is_never_named(before, after):
    assert rewriting_misconception(1, f"{before} = {after}", f"Simplify {before}.", before, after) is None


@pytest.mark.parametrize("before, after", [
    ("3y - y", "4y"),  # the numbers in front added: a slip, no rule that drops a lone letter
    ("x + x", "3x"),
    ("2x + 3x", "6x"),
    ("x^2 + 2x + 3x", "x^2 + 6x"),
    ("3a + 2b", "7ab"),
    ("5 - (x - 3)", "5 - x - 4"),
    ("2(x - 5) - (x - 3)", "2x - 10 - x + 4"),
])
def test_a_wrong_rewriting_no_rule_explains_is_not_named(before, after):
    assert rewriting_misconception(1, f"{before} = {after}", f"Simplify {before}.", before, after) is None


@pytest.mark.parametrize("before, after, name", [
    ("5y + y", "5y", "lone letter not counted"),
    ("-y + 3y", "3y", "lone letter not counted"),
    ("x + x + x", "x^3", "like terms multiplied"),
    ("2x + 3x", "6x^2", "like terms multiplied"),
    ("3x^2 + 2x", "5x^2", "unlike powers combined"),
    ("x^2 + 2x + 3x", "6x", "unlike powers combined"),
    ("3a + 2b", "6ab", "different letters combined"),
    ("3a + 2b + 4", "9ab", "different letters combined"),
    ("2(x - 5) - (x - 3)", "2x - 10 - x - 3", "minus on first term only"),
    ("3(x + 4) + 2x", "3x + 4 + 2x", "distributed to one term"),
    ("3x + 12 + 2x", "17x", "unlike terms combined"),
])
def test_each_wrong_rule_is_named_by_what_it_builds(before, after, name):
    found = rewriting_misconception(1, f"{before} = {after}", f"Simplify {before}.", before, after)
    assert found is not None and found.name == name
    assert found.category == CATEGORY and found.hint.endswith("?") and found.where.endswith("?")
