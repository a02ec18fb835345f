"""What the student tab says about a verdict: banner and step marks (found by a browser trial)."""

from tutor.hints import HintLadder
from tutor.schema import Feedback, Problem
from tutor.steps import parse_solution
from tutor.ui.student import steps_html, verdict_html
from tutor.verify import Verifier


def _feedback(problem, text):
    steps = parse_solution(text)
    return Feedback(verdict=Verifier(None).verify(problem, steps), steps=steps)


def test_work_that_stops_early_is_right_so_far_not_a_mistake():
    jacket = Problem("A jacket costs $80. It is 35% off. What is the sale price?",
                     reference_solution=["35% of 80 = 28", "80 - 28 = 52"])
    f = _feedback(jacket, "35% of $80 = $28")
    assert f.verdict.label == "incorrect" and f.verdict.error_category == "Missing step"
    banner = verdict_html(f)
    assert "Not finished yet: step 1 is right so far" in banner and "mistake" not in banner
    assert "Right so far — keep going" in steps_html(f) and "✘" not in steps_html(f)
    # a real mistake keeps its cross
    wrong = _feedback(jacket, "35% of $80 = $28\n80 - 28 = 62")
    assert "✘ Step 2 has a mistake" in verdict_html(wrong)


def test_an_unsure_verdict_says_why_and_credits_a_right_calculation():
    marbles = Problem("Sam has 4 bags of 12 marbles. He gives away 15. How many are left?")
    f = _feedback(marbles, "4 x 12 = 48")
    assert "The problem gives 15, but no step uses it yet" in verdict_html(f)
    assert "Calculation right — does it fit the problem?" in steps_html(f)


def test_the_explain_hint_credits_a_right_calculation():
    v = Verifier(None)
    problem = Problem("A shop sells pens in packs. How much do 3 packs cost?")
    steps = parse_solution("3 x 4 = 12")
    verdict = v.verify(problem, steps)
    verdict.label, verdict.marks, verdict.unused_given = "unsure", ["unsure"], None
    (hint,) = HintLadder(None).build(problem, steps, verdict)
    assert hint.text.startswith("Your calculation in step 1 is right.")


def test_a_step_set_up_but_not_worked_out():
    for ref, label in ((["50 - 41.40 = 8.60"], "incorrect"), (None, "unsure")):
        p = Problem("Mia buys a bag for $41.40. She pays with a $50 bill. How much change does she get?",
                    reference_solution=ref)
        f = _feedback(p, "$50 - $41.40 = ?")
        assert (f.verdict.label, f.verdict.first_error_step) == (label, 1)
        assert "sets up $50 - $41.40 but does not work it out yet" in verdict_html(f)
        assert "right so far" not in verdict_html(f) and "Not worked out yet" in steps_html(f)
        ladder = HintLadder(None).build(p, f.steps, f.verdict)
        assert "$50 - $41.40" in ladder[0].text and "8.6" not in " ".join(h.text for h in ladder)


def test_an_unfinished_step_needs_a_computation():
    p = Problem("Mia buys a bag for $41.40. How much extra does she pay?", reference_solution=["50 - 41.40 = 8.60"])
    f = _feedback(p, "She pays $50 extra = ?")
    assert not f.verdict.evidence.get("unfinished")


def test_an_unsure_step_without_a_right_calculation_is_named_in_the_banner():
    from tutor.schema import Verdict

    v = Verdict(label="unsure", first_error_step=2, marks=["correct", "unsure", "not_checked"])
    steps = parse_solution("Sam has 3 packs.\nHe gives some away.\nSo 10 are left.")
    assert verdict_html(Feedback(verdict=v, steps=steps)) == (
        '<div class="tutor-verdict unsure">? The tutor is not sure about step 2. Check it again, and submit '
        'again if you change anything.</div>')
