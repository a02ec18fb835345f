"""What the student tab says about a verdict: banner and step marks (found by a browser trial)."""

import html

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


# --------------------------------------------------------------- a shared classroom computer
def _student_app(tmp_path, grade=""):
    import pytest

    pytest.importorskip("gradio")
    from test_teacher_http import _FakeTutor
    from tutor.config import load_settings
    from tutor.store import Store
    from tutor.ui.student import build_student_app

    store = Store(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    app = build_student_app(_FakeTutor(store, load_settings(use_model=False, grade=grade)))
    fns = {f.name: f.fn for f in app.fns.values()}
    return app, store, fns


def _last(gen):
    out = None
    for out in gen:
        pass
    return out


def test_the_next_student_at_the_computer_sees_nothing_and_cannot_use_the_hints(tmp_path):
    from tutor.ui.student import OTHER_STUDENT, OWN_PROBLEM, Session

    _, store, fns = _student_app(tmp_path)
    state = Session()
    out = _last(fns["submit"](OWN_PROBLEM, "Map scale: 1 cm is 5 km. How far is 6.4 cm?", "6.4 + 25 = 31.4",
                              "chloe", "7A", "—", state))
    state = out[-1]
    assert "tutor-verdict" in out[0] and out[4]["interactive"] is True  # More help on
    (chloe,) = store.list_submissions().rows
    # dev types his id: chloe's work, verdict and hints go, and More help greys out
    cleared = fns["forget"](state)
    assert cleared[:4] == ("", "", "", "") and cleared[4] == {"__type__": "update", "interactive": False}
    assert cleared[5].feedback is None and cleared[5].attempts == state.attempts
    # a "More help" from the old page (the state was not cleared yet) with dev in the box: refused
    hints, more, _ = _last(fns["more_help"](state, "dev", "7A"))
    assert html.unescape(OTHER_STUDENT) in html.unescape(hints) and more["interactive"] is False
    assert [h.level for h in store.get_submission(chloe.id).hints_shown] == [1]  # nothing logged for chloe
    # the same student (case and spaces aside) still gets the next level
    hints, more, _ = _last(fns["more_help"](state, " Chloe", "7a"))
    assert "Hint 2" in hints or "Check each operation" in hints
    assert [h.level for h in store.get_submission(chloe.id).hints_shown] == [1, 2]


def test_typing_my_own_problem_after_a_bank_one_resets_the_grade(tmp_path):
    from tutor.bank import titles
    from tutor.ui.student import NO_GRADE, OWN_PROBLEM

    label = next(lbl for lbl, pid in titles() if lbl.startswith("Grade 6"))
    for class_grade, expected in (("", NO_GRADE), ("7", "7")):
        _, _, fns = _student_app(tmp_path / class_grade, grade=class_grade)
        text, grade = fns["pick"](label, expected)
        assert text and grade == "6"
        assert fns["pick"](OWN_PROBLEM, grade) == ("", expected)


def test_the_student_boxes_clear_the_results_when_they_change(tmp_path):
    app, _, _ = _student_app(tmp_path)
    by_id = {getattr(b, "elem_id", None): b for b in app.blocks.values()}
    boxes = {by_id["student-id"]._id, by_id["class-code"]._id}
    forget = [f for f in app.fns.values() if f.name == "forget"]
    assert {t[0] for f in forget for t in f.targets if t[1] == "change"} == boxes
    more = next(f for f in app.fns.values() if f.name == "more_help")
    assert [b.elem_id for b in more.inputs[1:]] == ["student-id", "class-code"]


def test_a_part_stated_as_the_answer_is_a_mistake_not_unfinished():
    jacket = Problem("A jacket costs $80. It is 35% off. What is the sale price?",
                     reference_solution=["35% of 80 = 28", "80 - 28 = 52"])
    f = _feedback(jacket, "0.35 × 80 = 28\nThe sale price is $28.")
    assert f.verdict.evidence["relation"]["name"] == "part for total"
    assert "✘ Step 2 has a mistake" in verdict_html(f) and "Not finished yet" not in verdict_html(f)
