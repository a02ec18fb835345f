"""Teacher dashboard building blocks without a browser: form -> filter, tables, heat-map."""

from __future__ import annotations

import csv
import datetime as dt
import types

import pytest

from tutor.errors import TutorInputError
from tutor.store import Store
from tutor.store.analytics import Attempt, over_time
from tutor.ui.teacher import (AGREE, ANY, HINTS_NOT_JUDGED, NO_CATEGORY, TABLE_COLUMNS, build_teacher_app,
                              detail_frames, filters_from_form, mastery_html, table_frame)

from test_store import make


def test_form_to_filter():
    f = filters_from_form(" 7B ", "", "2026-03-01", "", "shirt", "7.RP", ANY, "incorrect", True)
    assert (f.class_code, f.student_id, f.problem, f.standard) == ("7B", None, "shirt", "7.RP")
    assert (f.error_category, f.verdict, f.unreviewed_only) == (None, "incorrect", True)
    assert f.start == dt.datetime(2026, 3, 1) and f.end is None
    with pytest.raises(TutorInputError):
        filters_from_form("", "", "March", "", "", "", ANY, ANY, False)


def test_table_and_drilldown_frames():
    store = Store("sqlite://")
    first = store.save(*make("ana"))
    store.log_hint_shown(first, 1, "Look at step 2.")
    second = store.save(*make("ana", label="correct"), parent_id=first)
    store.add_review(first, "ms-lee", agree=False, first_error_step=3, error_category="Missing step",
                     comment="step 3")
    table = table_frame(store.list_submissions())
    assert list(table.columns) == TABLE_COLUMNS
    assert table["ID"].tolist() == [second, first]
    # the review column says what the teacher corrected it to: step and category
    assert table.iloc[1]["Review"] == "disagree: step 3, Missing step" and table.iloc[1]["Hints"] == 1
    fr = detail_frames(store.get_submission(first))
    assert fr["steps"]["Tutor's mark"].tolist() == ["correct", "first error", "after error"]
    assert fr["explanation"] == "Step 2: 20 - 3 is 17, not 18."
    assert fr["hints"]["Hint the student saw"].tolist() == ["Look at step 2."]
    assert fr["resubmissions"]["ID"].tolist() == [second]
    assert fr["standards"]["Code"].tolist() == ["7.RP.A.3", "6.RP.A.3"]
    assert fr["reviews"].iloc[0]["Reviewer"] == "ms-lee"
    assert fr["reviews"].iloc[0]["First error step"] == 3
    store.add_review(first, "ms-lee", agree=False, first_error_step=None, comment="all fine")
    # a correction to "no error" says so, not an empty cell
    assert detail_frames(store.get_submission(first))["reviews"].iloc[-1]["First error step"] == "none (correct)"
    assert "Final answer: 17" in fr["reference"]
    facts = dict(fr["facts"].values.tolist())
    assert facts["Notes shown to the student"] == "(none)"
    assert facts["Grade"] == "(not recorded)"  # make() gives no grade


def test_the_drilldown_shows_the_grade_and_the_solution_line_by_line():
    store = Store("sqlite://")
    sub, fb = make("ana")
    sub.problem.grade = "6"
    sub.solution_text = "Step 1: 15% of 20 = 3\nStep 2: 20 - 3 = 18\n<b>The price is $18</b>"
    fr = detail_frames(store.get_submission(store.save(sub, fb)))
    assert dict(fr["facts"].values.tolist())["Grade"] == "6"
    # the student's line breaks and text exactly as typed: a text box shows it, no HTML
    assert fr["solution"] == sub.solution_text
    assert fr["solution"].splitlines()[1] == "Step 2: 20 - 3 = 18"


def test_mastery_heatmap_escapes_student_ids():
    rows = [{"student_id": "<script>alert(1)</script>", "standard": "5.NF.A.1", "first_attempts": 2,
             "first_attempt_correct": 1, "share_first_attempt_correct": 0.5, "p_known": 0.42}]
    out = mastery_html(rows)
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "0.42" in out and "1/2" in out
    assert "No first attempts" in mastery_html([])


def test_over_time_lists_empty_days():
    t = dt.datetime(2026, 3, 1, 9)
    attempts = [Attempt(t, "a", "incorrect", "Other", True), Attempt(t + dt.timedelta(days=2), "a", "correct", None, True)]
    assert over_time(attempts) == [{"day": "2026-03-01", "submissions": 1, "incorrect": 1},
                                   {"day": "2026-03-02", "submissions": 0, "incorrect": 0},
                                   {"day": "2026-03-03", "submissions": 1, "incorrect": 0}]


def test_app_builds(settings):
    app = build_teacher_app(Store("sqlite://"), settings)
    assert app.title == "Tutor — teacher"


def test_the_drilldown_shows_what_an_unsure_verdict_suspected():
    store = Store("sqlite://")
    sub, fb = make("ben", label="incorrect")
    fb.verdict.label, fb.verdict.marks = "unsure", ["correct", "unsure", "not_checked"]
    fb.verdict.explanation = None
    fb.verdict.evidence["suspected"] = "Step 2 arrives at 18, which does not follow from the problem."
    fr = detail_frames(store.get_submission(store.save(sub, fb)))
    assert fr["explanation"] == ("Step 2: (suspected, not shown to the student) Step 2 arrives at 18, "
                                 "which does not follow from the problem.")
    assert fr["steps"]["Tutor's mark"].tolist() == ["correct", "unsure", "not checked"]


def handler(app, name: str):
    """The dashboard's event function ``name`` (e.g. ``save_review``), to call without a browser."""
    return next(f.fn for f in app.fns.values() if f.name == name)


def component(app, elem_id: str):
    return next(b for b in app.blocks.values() if getattr(b, "elem_id", None) == elem_id)


RIVERA = types.SimpleNamespace(username="Ms Rivera")  # the gr.Request of a logged-in teacher
CHEN = types.SimpleNamespace(username="Mr Chen")


class Form:
    """The review form of one browser tab: open a submission, then save reviews from it (the
    form's state travels between calls as Gradio keeps it per tab)."""

    def __init__(self, app, request=RIVERA):
        self.open_fn, self.save_fn = handler(app, "open_submission"), handler(app, "save_review")
        self.request, self.state, self.sid = request, None, None
        self.hints = (HINTS_NOT_JUDGED, "")

    def open(self, sid):
        """(sub id, 10 drill-down views, agree, step, category, hint choice, corrected hint,
        comment, hint box, status, status beside the button, state)"""
        out = self.open_fn(sid)
        assert len(out) == 21  # one value per output component
        self.sid, self.state = sid, out[-1]
        # agree, step, category as the form shows them, and whether the boxes can be changed
        self.shown = (out[11], out[12]["value"], out[13]["value"])
        self.locked = (out[12]["interactive"] is False, out[13]["interactive"] is False)
        if "value" in out[14]:  # opened: the hint choice and corrected hint as shown, and locks
            self.hints = (out[14]["value"], out[15]["value"])
            self.hints_locked = (out[14]["interactive"] is False, out[15]["interactive"] is False)
        self.message = out[-3]
        return out

    def save(self, agree, step, category, comment="", hints=None, fix=None):
        """(reviews table, status, status beside the button, agree, step, category, hint choice,
        corrected hint, comment, hint box, state); ``hints``/``fix`` left out: as the form
        shows them (a teacher who does not touch them)."""
        hints = self.hints[0] if hints is None else hints
        fix = self.hints[1] if fix is None else fix
        out = self.save_fn(self.sid, agree, step, category, comment, hints, fix, self.state,
                           self.request)
        assert len(out) == 11
        if isinstance(out[-1], dict) and "sid" in out[-1]:
            self.state = out[-1]
        # what the hint boxes show now (a bare update leaves a box as it was)
        self.hints = tuple(u.get("value", was) for u, was in zip(out[6:8], self.hints))
        return out


def test_a_wrong_step_without_an_error_category_is_refused(settings, tmp_path):
    store = Store("sqlite://")
    sid = store.save(*make("ana"))
    form = Form(build_teacher_app(store, settings))
    form.open(sid)
    save = lambda _sid, *values: form.save(*values[:4])[:3]  # noqa: E731
    # the trial's case: "Disagree", step 1, the category left at "(none: no error)"
    _, msg, beside_button = save(sid, "Disagree", 1, NO_CATEGORY, "", RIVERA)
    # said beside the Save button too, not only in the status line far up the page
    assert beside_button == msg
    assert msg.startswith("**Not done:** step 1 is marked as the first wrong step, so choose its "
                          "error category")
    assert "or set the first wrong step to 0 if the solution is correct" in msg
    assert store.get_submission(sid).reviews == []
    # the rule is the store's, so a caller other than this form gets it too
    for empty in (None, "", "  "):
        with pytest.raises(TutorInputError, match="choose its error category"):
            store.add_review(sid, "ms-lee", agree=False, first_error_step=2, error_category=empty)
    assert store.get_submission(sid).reviews == []
    _, msg, beside_button = save(sid, "Disagree", 1, "Misunderstanding of the question", "", RIVERA)
    assert msg == beside_button == f"Review of submission {sid} saved by Ms Rivera."
    out = tmp_path / "x.csv"
    store.export_csv(out)
    (row,) = csv.DictReader(out.open(encoding="utf-8"))
    assert (row["reviewed_first_error_step"], row["reviewed_error_category"]) == (
        "1", "Misunderstanding of the question")


def test_a_category_with_step_0_is_dropped_and_the_teacher_is_told(settings):
    store = Store("sqlite://")
    sid = store.save(*make("ana"))
    form = Form(build_teacher_app(store, settings))
    form.open(sid)
    save = lambda _sid, *values: form.save(*values[:4])[:3]  # noqa: E731
    _, msg, _ = save(sid, "Disagree", 0, "Calculation error", "", RIVERA)
    # saved as "the solution is correct" (a correct solution has no error category), and said so
    assert msg.startswith(f"Review of submission {sid} saved by Ms Rivera. Step 0 means the solution "
                          "is correct, so the error category Calculation error was not saved")
    r = store.get_submission(sid).latest_review
    assert (r.agree, r.first_error_step, r.error_category) == (False, None, None)
    # nothing dropped, nothing to say: a correct solution
    assert save(sid, "Disagree", 0, NO_CATEGORY, "", RIVERA)[1] == (
        f"Review of submission {sid} saved by Ms Rivera.")
    # "Agree" with another category is refused, not dropped unseen (the boxes are locked too)
    refused = save(sid, AGREE, 0, "Other", "", RIVERA)[1]
    assert refused.startswith("**Not done:** “Agree with the tutor” keeps the tutor’s first wrong step")
    assert "choose Disagree" in refused
    # agreeing with the tutor's own label undoes the teacher's correction: asked twice
    assert "Press Save review again" in save(sid, AGREE, 2, "Calculation error", "", RIVERA)[1]
    assert save(sid, AGREE, 2, "Calculation error", "", RIVERA)[1] == (
        f"Review of submission {sid} saved by Ms Rivera.")
    r = store.get_submission(sid).latest_review
    assert (r.agree, r.first_error_step, r.error_category) == (True, 2, "Calculation error")


def test_long_text_tables_have_fixed_column_widths(settings):
    """Without widths Gradio sizes columns by content: a long hint or comment pushes the table
    past its box and squeezes short columns until headers break mid-word (the browser test
    measures that; this checks each table's widths match its columns)."""
    app = build_teacher_app(Store("sqlite://"), settings)
    for elem in ("review-table", "facts", "d-steps", "d-hints", "d-standards", "d-reviews", "prereq",
                 "hint-flags"):
        df = component(app, elem)
        headers = df.value["headers"]
        assert df.wrap and len(df.column_widths) == len(headers), elem
        assert sum(float(w.rstrip("%")) for w in df.column_widths) == 100, elem


def test_class_view_is_hidden_until_pressed_and_export_says_how_to_download(settings):
    app = build_teacher_app(Store("sqlite://"), settings)
    body = component(app, "class-body")
    assert body.visible is False  # no bare "Mastery" heading or "1 2 3" table before it has data
    assert any("Mastery" in (getattr(c, "value", "") or "") for c in body.children)
    assert {type(c).__name__ for c in body.children} >= {"BarPlot", "HTML", "Dataframe"}
    assert component(app, "class-status").value.startswith("Press **Show class view")
    out = handler(app, "class_view")("", "", "", "", "", "", ANY, ANY, False)
    assert out[0] == {"__type__": "update", "visible": True}
    assert out[-1] == "0 submissions in the class view."
    note = component(app, "export-note").value
    assert "appears to the right of these buttons" in note and "to download it" in note


def test_the_save_result_shows_right_below_the_save_button(settings):
    store = Store("sqlite://")
    sid = store.save(*make("ana"))
    app = build_teacher_app(store, settings)
    button = component(app, "save-review")
    siblings = [getattr(c, "elem_id", None) for c in button.parent.children]
    assert siblings[siblings.index("save-review") + 1] == "save-status"
    assert component(app, "save-status").value in (None, "")  # nothing before a save
    # opening a submission clears it: an earlier "saved" must not sit beside a fresh form
    out = handler(app, "open_submission")(sid)
    assert out[-3] == f"Submission {sid} opened." and out[-2] == ""


def test_correct_work_counts_no_hints_in_the_table_but_lists_what_was_shown():
    store = Store("sqlite://")
    wrong = store.save(*make("ana"))
    store.log_hint_shown(wrong, 1, "Look at step 2.")
    store.log_hint_shown(wrong, 2, "Subtract again.")
    right = store.save(*make("ben", label="correct"))
    # what a correct solution gets: praise (level 1) and a next challenge (level 2)
    store.log_hint_shown(right, 1, "Well done! Your steps follow from each other.")
    store.log_hint_shown(right, 2, "Try this: what would change in your work if 20 in the problem "
                                   "were twice as big?")
    table = table_frame(store.list_submissions()).set_index("ID")
    assert table.loc[wrong, "Hints"] == 2 and table.loc[right, "Hints"] == ""
    shown = detail_frames(store.get_submission(right))["hints"]["Hint the student saw"].tolist()
    assert shown[0].startswith("Well done!") and shown[1].startswith("Try this:")



def test_the_drilldown_shows_the_hint_judgment_beside_the_hints_and_in_the_reviews():
    from tutor.ui.teacher import REVIEW_COLUMNS, hint_review_text, review_label

    store = Store("sqlite://")
    unseen = store.save(*make("ben"))
    assert hint_review_text(store.get_submission(unseen)) == "The student saw no hints."
    sid = store.save(*make("ana"))
    store.log_hint_shown(sid, 1, "Look at step 2.")
    assert detail_frames(store.get_submission(sid))["hint_review"] == "Not reviewed yet."
    store.add_review(sid, "ms-lee", agree=True, hint_flag="gives_away",
                     corrected_hint="How did you get 18 in step 2?")
    d = store.get_submission(sid)
    when = d.latest_review.created_at.strftime("%Y-%m-%d %H:%M")
    fr = detail_frames(d)
    assert fr["hint_review"] == (f"Hints: give away the answer (ms-lee, {when} UTC)\n"
                                 "Should have said: How did you get 18 in step 2?")
    assert list(fr["reviews"].columns) == REVIEW_COLUMNS
    assert fr["reviews"].iloc[0][["Agree", "Hints", "Corrected hint"]].tolist() == [
        "yes", "give away the answer", "How did you get 18 in step 2?"]
    assert review_label(d.latest_review) == (
        f"ms-lee, {when} UTC: agree (step 2, Calculation error); hints: give away the answer, "
        "should say: “How did you get 18 in step 2?”")
    store.add_review(sid, "ms-lee", agree=True)  # a later review that does not judge them
    d = store.get_submission(sid)
    fr = detail_frames(d)
    assert fr["hint_review"] == "Not judged in the latest review."
    assert fr["reviews"].iloc[1][["Hints", "Corrected hint"]].tolist() == ["", ""]
    assert review_label(d.latest_review).endswith(" UTC: agree (step 2, Calculation error)")


def test_hint_flags_by_hand():
    from tutor.store.analytics import hint_flags

    t = dt.datetime(2026, 3, 1, 9)
    flags = ["confusing", "gives_away", None, "confusing", "gives_away", "ok", None]
    attempts = [Attempt(t, "a", "incorrect", "Other", True, hint_flag=f) for f in flags]
    # ties in the review form's order; the unjudged are not in the share
    assert hint_flags(attempts) == [
        {"hint_flag": "gives_away", "flag": "give away the answer", "count": 2, "share": 0.4},
        {"hint_flag": "confusing", "flag": "confusing or wrong", "count": 2, "share": 0.4},
        {"hint_flag": "ok", "flag": "fine", "count": 1, "share": 0.2}]
    assert hint_flags(attempts[2:3]) == []
