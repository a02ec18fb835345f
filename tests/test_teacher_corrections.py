"""Teacher corrections are kept (trial 11): the review form opens on the latest review, a save
that undoes a correction or races another tab warns, "Agree" cannot drop a changed category,
and the filters, table and exports follow the teacher's label. Also the Privacy tab, the feedback
log's files (WAL checkpoint, mode 600) and the smaller wording fixes of that trial."""

from __future__ import annotations

import csv
import datetime as dt
import html
import json
import os
import sqlite3
import stat

import pytest

from test_store import make
from test_teacher import CHEN, RIVERA, Form, component, handler
from tutor.errors import TutorInputError
from tutor.export import annotation_records
from tutor.store import Store
from tutor.store.records import MAX_COMMENT_CHARS, ReviewConflict
from tutor.ui.teacher import (AGREE, ANY, DISAGREE, HINTS_NOT_JUDGED, NO_CATEGORY, NO_WRONG,
                              build_teacher_app, detail_frames, export_name, mastery_html,
                              table_frame, CSS)

MISREAD = "Misunderstanding of the question"


def text(markdown: str) -> str:
    """A status line as the teacher reads it (the app escapes it for HTML)."""
    return html.unescape(markdown)


@pytest.fixture()
def app_store(settings):
    store = Store("sqlite://")
    return build_teacher_app(store, settings), store


# ------------------------------------------------------------------ 1. the review form
def test_the_form_opens_on_the_latest_review_and_a_note_keeps_the_correction(app_store, tmp_path):
    app, store = app_store
    sid = store.save(*make("chloe"))  # the tutor: step 2, Calculation error
    form = Form(app)
    form.open(sid)
    # nothing reviewed yet: "Agree" with the tutor's label, the boxes locked
    assert form.shown == (AGREE, 2, "Calculation error") and form.locked == (True, True)
    form.save(DISAGREE, 1, MISREAD, "She read 'radius' as 'diameter'.")
    # later, the same teacher (or a colleague) opens it again: the form shows the correction
    later = Form(app)
    later.open(sid)
    assert later.shown == (DISAGREE, 1, MISREAD) and later.locked == (False, False)
    assert "The review form shows the latest review (Ms Rivera" in text(later.message)
    assert "disagree: step 1, Misunderstanding of the question" in text(later.message)
    # a note only: the verdict fields are the ones shown, so the correction stays
    out = later.save(*later.shown, "Talked with Chloe on Monday.")
    assert text(out[1]) == f"Review of submission {sid} saved by Ms Rivera."
    r = store.get_submission(sid).latest_review
    assert (r.agree, r.first_error_step, r.error_category, r.comment) == (
        False, 1, MISREAD, "Talked with Chloe on Monday.")
    # everywhere the latest review counts, the correction is still there
    assert table_frame(store.list_submissions())["Review"].tolist() == [f"disagree: step 1, {MISREAD}"]
    path = tmp_path / "x.csv"
    store.export_csv(path)
    (row,) = csv.DictReader(path.open(encoding="utf-8"))
    assert (row["review"], row["reviewed_first_error_step"], row["reviewed_error_category"]) == (
        "disagree", "1", MISREAD)
    (ann,) = annotation_records(store)
    assert (ann["first_error_step"], ann["error_category"]) == (1, MISREAD)
    assert store.class_analytics().errors_by_category == [{"error_category": MISREAD, "count": 1}]
    # and the saved form keeps its values (comment emptied: it is in the Reviews table now)
    assert (out[3], out[4]["value"], out[5]["value"], out[8]) == (DISAGREE, 1, MISREAD, "")


def test_a_save_that_undoes_a_correction_asks_for_a_second_click(app_store):
    app, store = app_store
    sid = store.save(*make("dev"))
    Form(app).open(sid)
    first = Form(app)
    first.open(sid)
    first.save(DISAGREE, 1, MISREAD)
    form = Form(app, CHEN)
    form.open(sid)
    out = form.save(AGREE, 2, "Calculation error", "looks fine to me")
    said = text(out[1])
    assert said.startswith("**Not done:** This changes an earlier correction (Ms Rivera, ")
    assert "to agree with the tutor: step 2, Calculation error. Press Save review again" in said
    assert out[2] == out[1]  # beside the button too
    assert len(store.get_submission(sid).reviews) == 1
    # the second click saves it
    assert text(form.save(AGREE, 2, "Calculation error", "looks fine to me")[1]) == (
        f"Review of submission {sid} saved by Mr Chen.")
    assert store.get_submission(sid).latest_review.agree is True


def test_two_tabs_the_second_save_is_told_and_shown_the_first(app_store):
    app, store = app_store
    sid = store.save(*make("ben"))
    tab_a, tab_b = Form(app, RIVERA), Form(app, CHEN)
    tab_a.open(sid)
    tab_b.open(sid)
    tab_a.save(DISAGREE, 1, "Logical error / Wrong approach", "wrong plan")
    # tab B still shows "Agree": its save is refused, and the form now shows A's review
    out = tab_b.save(AGREE, 2, "Calculation error", "a comment from Chen")
    said = text(out[1])
    assert said.startswith("**Not done:** Ms Rivera saved a review of submission")
    assert "after you opened it: disagree: step 1, Logical error / Wrong approach (wrong plan)" in said
    assert "another review was saved since you opened this submission" in said
    assert (out[3], out[4]["value"], out[5]["value"]) == (DISAGREE, 1, "Logical error / Wrong approach")
    assert out[8] == {"__type__": "update"}  # Chen's comment stays in the box
    assert "Ms Rivera" in " ".join(out[0]["Reviewer"])
    assert [r.reviewer for r in store.get_submission(sid).reviews] == ["Ms Rivera"]
    # having seen it, Chen adds a note on the same correction
    assert text(tab_b.save(DISAGREE, 1, "Logical error / Wrong approach", "a comment from Chen")[1]) == (
        f"Review of submission {sid} saved by Mr Chen.")
    # the store keeps the rule for any caller
    with pytest.raises(ReviewConflict) as exc:
        store.add_review(sid, "api", agree=True, seen_review_id=None)
    assert exc.value.latest.reviewer == "Mr Chen"


def test_agree_locks_the_step_and_category_and_refuses_a_changed_one(app_store):
    app, store = app_store
    sid = store.save(*make("dev"))
    form = Form(app)
    form.open(sid)
    choose = handler(app, "choose_verdict")
    step, category = choose(DISAGREE, form.state)
    assert step == category == {"__type__": "update", "interactive": True}
    step, category = choose(AGREE, form.state)  # back to Agree: the tutor's values, locked
    assert (step["value"], step["interactive"], category["value"], category["interactive"]) == (
        2, False, "Calculation error", False)
    out = form.save(AGREE, 2, "Missing / Wrong factual knowledge", "she forgot the rule")
    said = text(out[1])
    assert said.startswith("**Not done:** “Agree with the tutor” keeps the tutor’s first wrong step")
    assert "To change the step or the category, choose Disagree" in said
    assert store.get_submission(sid).reviews == []
    # Disagree with the same step takes the category
    form.save(DISAGREE, 2, "Missing / Wrong factual knowledge", "she forgot the rule")
    r = store.get_submission(sid).latest_review
    assert (r.agree, r.first_error_step, r.error_category) == (False, 2, "Missing / Wrong factual knowledge")


def test_save_without_an_open_submission_says_open_one_first(app_store):
    app, store = app_store
    sid = store.save(*make())
    save = handler(app, "save_review")
    for nothing in (None, 0, ""):
        out = save(nothing, AGREE, 0, NO_CATEGORY, "", HINTS_NOT_JUDGED, "", None, RIVERA)
        assert text(out[1]).startswith("**Not done:** Open a submission first: click a row")
    # an id typed in the box but not opened: the form is another submission's
    form = Form(app)
    form.open(sid)
    other = store.save(*make("ben"))
    out = save(other, AGREE, 2, "Calculation error", "", HINTS_NOT_JUDGED, "", form.state, RIVERA)
    assert f"Press Open to load submission {other}" in text(out[1])
    assert store.get_submission(other).reviews == []


def test_a_comment_has_a_length_limit(app_store):
    app, store = app_store
    sid = store.save(*make())
    form = Form(app)
    form.open(sid)
    out = form.save(AGREE, 2, "Calculation error", "x" * 300_000)
    assert text(out[1]) == ("**Not done:** the comment is 300,000 characters long; keep it to 5,000 "
                            "or fewer (nothing was saved)")
    assert store.get_submission(sid).reviews == []
    store.add_review(sid, "ms-lee", agree=True, comment="y" * MAX_COMMENT_CHARS)  # the limit itself is fine
    assert component(app, "r-comment").max_length == MAX_COMMENT_CHARS


# ------------------------------------------------------------------ filters and the table
def test_filters_use_the_teachers_label_where_reviewed(app_store):
    _, store = app_store
    fixed = store.save(*make("ana", label="unsure"))      # the teacher: it is correct
    missed = store.save(*make("ben", label="correct"))    # the teacher: step 1, Logical error
    agreed = store.save(*make("cy"))                      # the teacher agrees: step 2, Calculation
    plain = store.save(*make("di"))                       # never reviewed
    store.add_review(fixed, "ms-lee", agree=False, first_error_step=None)
    store.add_review(missed, "ms-lee", agree=False, first_error_step=1,
                     error_category="Logical error / Wrong approach")
    store.add_review(agreed, "ms-lee", agree=True)

    def ids(**f):
        return sorted(r.id for r in store.list_submissions(**f).rows)

    assert ids(verdict="correct") == [fixed]
    assert ids(verdict="unsure") == []
    assert ids(verdict="incorrect") == sorted([missed, agreed, plain])
    assert ids(error_category="Logical error / Wrong approach") == [missed]
    assert ids(error_category="Calculation error") == sorted([agreed, plain])
    # the class view counts the same way
    a = store.class_analytics()
    assert {r["error_category"]: r["count"] for r in a.errors_by_category} == {
        "Logical error / Wrong approach": 1, "Calculation error": 2}
    reviews = table_frame(store.list_submissions()).set_index("ID")["Review"]
    assert reviews[missed] == "disagree: step 1, Logical error / Wrong approach"
    assert reviews[fixed] == "disagree: no error" and reviews[agreed] == "agree" and reviews[plain] == ""


def test_class_codes_and_student_ids_match_without_regard_to_case(app_store):
    _, store = app_store
    store.save(*make("ana", klass="7A"))
    store.save(*make("Ana ", klass="7a"))
    store.save(*make("ben", klass="7B"))
    assert store.list_submissions(class_code="7a").total == 2
    assert store.list_submissions(class_code=" 7A ").total == 2
    assert store.list_submissions(student_id="ANA").total == 2
    # one student in the heat-map, shown as first typed
    assert {r["student_id"] for r in store.class_analytics().mastery} == {"ana", "ben"}


# ------------------------------------------------------------------ 3. the Privacy tab
def test_privacy_asks_again_for_each_student_and_says_when_none_matched(app_store):
    app, store = app_store
    store.save(*make("zed"))
    store.save(*make("zed"))
    store.save(*make("hugo"))
    delete = handler(app, "delete_student")
    msg, box = delete("Zed", True)  # case ignored, as the filters
    assert text(msg) == ("Deleted 2 submissions of 'Zed'. To delete another student's data, type the "
                         "id and tick the box again.")
    assert box is False  # the tick is cleared: the next student needs a new confirmation
    msg, box = delete("hugo", box)
    assert text(msg) == "**Not done:** Tick the box to confirm the deletion." and box is False
    assert store.list_submissions(student_id="hugo").total == 1
    msg, box = delete("Zed", True)
    assert text(msg) == ("**Not done:** No submissions found for 'Zed' (ids are matched without "
                         "regard to case); nothing was deleted.")
    assert box is False


# ------------------------------------------------------------------ 4. the log's files
def test_the_log_is_private_and_folded_in_at_close_and_after_a_deletion(tmp_path):
    path = tmp_path / "school" / "feedback.sqlite3"
    store = Store(f"sqlite:///{path}")
    secret = "They are 150 km apart"
    sid = store.save(*make("zed", steps=(f"{secret} = 150", "20 - 3 = 18")))
    store.save(*make("ana"))
    store.add_review(sid, "ms-lee", agree=True)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE((tmp_path / "school" / "feedback.sqlite3-wal").stat().st_mode) == 0o600
    assert store.delete_student("zed") == 1
    # the deleted text is in neither file: overwritten in the log, and the -wal file emptied
    for f in path.parent.iterdir():
        assert secret.encode() not in f.read_bytes(), f.name
    store.save(*make("ben"))
    store.close()
    # after a clean stop the log file alone holds everything (a plain copy is complete)
    wal = tmp_path / "school" / "feedback.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(path.read_bytes())
    con = sqlite3.connect(copy)
    assert con.execute("select student_id from submissions order by id").fetchall() == [("ana",), ("ben",)]
    con.close()


def test_backup_into_an_existing_folder_makes_a_dated_file(tmp_path):
    from tutor.store.feedback_log import backup_sqlite

    url = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    Store(url).save(*make())
    folder = tmp_path / "backups"
    folder.mkdir()
    dest = backup_sqlite(url, folder)
    assert dest.parent == folder and dest.name.startswith("feedback-") and dest.suffix == ".sqlite3"
    if os.name == "posix":
        assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    con = sqlite3.connect(dest)
    assert con.execute("select count(*) from submissions").fetchone() == (1,)
    con.close()


# ------------------------------------------------------------------ 7, 13, 14: views and exports
def test_the_heat_map_scrolls_sideways():
    rows = [{"student_id": "ana", "standard": f"7.NS.A.{i}", "first_attempts": 1,
             "first_attempt_correct": 1, "share_first_attempt_correct": 1.0, "p_known": 0.5}
            for i in range(60)]
    out = mastery_html(rows)
    assert out.startswith('<div class="mastery-scroll"><table class="mastery">')
    assert ".mastery-scroll {display:block; width:100%; max-width:100%; overflow-x:auto" in CSS


def test_export_csv_has_hint_texts_and_no_levels_for_correct_work(app_store, tmp_path):
    _, store = app_store
    wrong = store.save(*make("ana"))
    store.log_hint_shown(wrong, 1, "Look at step 2.")
    store.log_hint_shown(wrong, 2, "Subtract again.")
    sub, fb = make("ben", label="correct", steps=("-45 + 18 = -27",))
    fb.warnings = ["A line that talks to the tutor was left out."]
    right = store.save(sub, fb)
    store.log_hint_shown(right, 1, "Well done!")
    path = tmp_path / "x.csv"
    store.export_csv(path)
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    rows = {int(r["id"]): r for r in csv.DictReader(path.open(encoding="utf-8"))}
    assert rows[wrong]["hint_levels_shown"] == "1 2"
    assert rows[wrong]["hint_texts_shown"] == "1: Look at step 2.\n2: Subtract again."
    assert rows[right]["hint_levels_shown"] == "" and rows[right]["hint_texts_shown"] == "1: Well done!"
    assert rows[right]["notes_shown"] == "A line that talks to the tutor was left out."
    assert rows[right]["solution"] == "'-45 + 18 = -27"  # the formula guard the README explains


def test_export_file_names_say_class_and_date():
    day = dt.date(2026, 3, 2)
    assert export_name("csv", "7A", None, day) == "submissions-7A-2026-03-02.csv"
    assert export_name("jsonl", None, None, day) == "submissions-all-2026-03-02.jsonl"
    assert export_name("csv", "7 B/../x", "ana", day) == "submissions-7_B_.._x-ana-2026-03-02.csv"


def test_export_from_the_dashboard_is_named_by_the_filters(app_store):
    app, store = app_store
    store.save(*make("ana", klass="7A"))
    button = component(app, "export-csv")
    csv_fn = next(f for f in app.fns.values() if any(t[0] == button._id for t in f.targets))
    file_update, msg = csv_fn.fn("7a", "", "", "", "", "", ANY, ANY, False)
    assert text(msg) == "Exported 1 submissions as CSV."
    name = os.path.basename(file_update["value"])
    assert name.startswith("submissions-7a-") and name.endswith(".csv")


def test_the_explanation_names_the_step_once():
    store = Store("sqlite://")
    sub, fb = make("ana")
    fb.verdict.explanation = "Step 2 gives 314, but the question asks for the fence around it."
    fr = detail_frames(store.get_submission(store.save(sub, fb)))
    assert fr["explanation"] == "Step 2 gives 314, but the question asks for the fence around it."
    sub, fb = make("ana")
    assert detail_frames(store.get_submission(store.save(sub, fb)))["explanation"] == (
        "Step 2: 20 - 3 is 17, not 18.")


def test_class_view_without_wrong_answers_says_so(app_store):
    app, store = app_store
    store.save(*make("ana", label="correct"))
    out = handler(app, "class_view")("", "", "", "", "", "", ANY, ANY, False)
    std, cat, note = out[1], out[2], out[6]
    assert std["visible"] is False and cat["visible"] is False
    assert note == {"__type__": "update", "value": NO_WRONG, "visible": True}
    store.save(*make("ben"))
    out = handler(app, "class_view")("", "", "", "", "", "", ANY, ANY, False)
    assert out[1]["visible"] is True and out[6]["visible"] is False


def test_the_dashboard_has_a_log_out_button(app_store):
    app, _ = app_store
    button = component(app, "logout")
    assert button.value == "Log out" and button.link == "logout"


def test_review_batch_says_a_blank_line_is_empty(tmp_path, capsys):
    from tutor.cli import main

    problem = "Sam has 4 bags of 12 marbles. How many marbles?"
    rows = [json.dumps({"id": "a", "problem": problem, "solution": "4 x 12 = 48"}), "   ",
            json.dumps({"id": "c", "problem": problem, "solution": "4 x 12 = 46"})]
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    inp.write_text("\n".join(rows) + "\n")
    assert main(["review-batch", str(inp), str(out), "--no-model", "--no-save"]) == 0
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["a", 2, "c"] and lines[1] == {"id": 2, "error": "line 2 is empty"}
    assert "2 reviewed, 0 not reviewed (see their 'error'), 1 empty line skipped" in capsys.readouterr().err


def test_python_dash_m_tutor_runs_the_command():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "tutor", "--help"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0 and "usage: tutor" in done.stdout


def test_the_login_page_says_the_name_cannot_be_empty(tmp_path):
    from test_teacher_http import start_dashboard
    import httpx

    url, stop, _, _ = start_dashboard(tmp_path, store=Store(f"sqlite:///{tmp_path / 'log.sqlite3'}"))
    try:
        config = httpx.get(f"{url}/teacher/config", timeout=20)
        assert config.status_code == 401
        assert "type your name as the user name (it cannot be empty" in config.json()["detail"]["auth_message"]
    finally:
        stop()


def test_store_refuses_a_too_long_comment():
    store = Store("sqlite://")
    sid = store.save(*make())
    with pytest.raises(TutorInputError, match="keep it to 5,000 or fewer"):
        store.add_review(sid, "ms-lee", agree=True, comment="z" * (MAX_COMMENT_CHARS + 1))


def test_serve_folds_the_log_in_when_the_app_stops(monkeypatch, tmp_path):
    """Ctrl+C / SIGTERM end uvicorn.run; the store is then closed (checkpointed), so the log file
    alone holds the day's work (trial 11 found it an empty 4 KB shell beside a 3.7 MB -wal)."""
    import types

    import uvicorn

    from tutor.ui import server

    path = tmp_path / "feedback.sqlite3"
    store = Store(f"sqlite:///{path}")
    store.save(*make("ana"))
    assert (tmp_path / "feedback.sqlite3-wal").stat().st_size > 0
    monkeypatch.setattr(server, "create_server", lambda tutor: object())
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: None)
    settings = types.SimpleNamespace(host="127.0.0.1", port=7999)
    server.serve(types.SimpleNamespace(settings=settings, store=store))
    wal = tmp_path / "feedback.sqlite3-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    assert con.execute("select count(*) from submissions").fetchone() == (1,)
    con.close()


def test_opening_nothing_or_a_missing_submission_fills_every_output(app_store):
    app, _ = app_store
    open_fn = handler(app, "open_submission")
    for sid in (None, 0, 4242):
        out = open_fn(sid)
        assert len(out) == 21 and text(out[-3]).startswith("**Not done:**")


# ------------------------------------------------------------------ the hints the student saw
GIVES_AWAY, CONFUSING = "give away the answer", "confusing or wrong"
FIX = "How did you get 18 in step 2?"


def hinted(store, name="chloe"):
    """A submission (the tutor: step 2, Calculation error) whose student saw hint level 1."""
    sid = store.save(*make(name))
    store.log_hint_shown(sid, 1, "Look at step 2.")
    return sid


def test_agree_with_a_hint_flag_and_a_corrected_hint_is_saved_and_carried(app_store):
    app, store = app_store
    sid = hinted(store)
    form = Form(app)
    out = form.open(sid)
    # the step and category are locked on "Agree"; the hint boxes are open whatever the verdict
    assert form.locked == (True, True) and form.hints_locked == (False, False)
    assert form.hints == (HINTS_NOT_JUDGED, "") and out[17] == "Not reviewed yet."
    # "Agree" still keeps the tutor's step: a changed one is refused, hint judgment or not
    refused = text(form.save(AGREE, 1, "Calculation error", "", GIVES_AWAY, FIX)[1])
    assert refused.startswith("**Not done:** “Agree with the tutor” keeps the tutor’s first wrong step")
    assert store.get_submission(sid).reviews == []
    out = form.save(AGREE, 2, "Calculation error", "", GIVES_AWAY, f"  {FIX}  ")
    assert text(out[1]) == f"Review of submission {sid} saved by Ms Rivera."
    r = store.get_submission(sid).latest_review
    assert (r.agree, r.first_error_step, r.error_category, r.hint_flag, r.corrected_hint) == (
        True, 2, "Calculation error", "gives_away", FIX)
    when = r.created_at.strftime("%Y-%m-%d %H:%M")
    # the form stays on what was saved, the box beside the hints says it, the Reviews table too
    assert (out[6]["value"], out[7]["value"], out[8]) == (GIVES_AWAY, FIX, "")
    assert out[9] == f"Hints: give away the answer (Ms Rivera, {when} UTC)\nShould have said: {FIX}"
    assert out[0]["Hints"].tolist() == [GIVES_AWAY] and out[0]["Corrected hint"].tolist() == [FIX]
    # opened again: the judgment is in the form, so a note keeps it (no second click)
    later = Form(app, CHEN)
    later.open(sid)
    assert later.hints == (GIVES_AWAY, FIX)
    assert f"; hints: give away the answer, should say: “{FIX}”)." in text(later.message)
    assert text(later.save(*later.shown, "Talked with Chloe.")[1]) == (
        f"Review of submission {sid} saved by Mr Chen.")
    r = store.get_submission(sid).latest_review
    assert (r.reviewer, r.comment, r.hint_flag, r.corrected_hint) == (
        "Mr Chen", "Talked with Chloe.", "gives_away", FIX)


def test_changing_an_earlier_hint_judgment_asks_for_a_second_click(app_store):
    app, store = app_store
    sid = hinted(store)
    store.add_review(sid, "Ms Rivera", agree=True, hint_flag="gives_away", corrected_hint=FIX)
    form = Form(app, CHEN)
    form.open(sid)
    out = form.save(AGREE, 2, "Calculation error", "", "fine", "")
    assert text(out[1]) == (f"**Not done:** This changes the earlier judgment of the hints (Ms Rivera: "
                            f"hints: give away the answer, should say: “{FIX}”) to hints: fine. Press "
                            "Save review again to save it, or change the form back; nothing was "
                            "saved yet.")
    assert out[6:10] == [{"__type__": "update"}] * 4  # the form keeps what was typed
    assert len(store.get_submission(sid).reviews) == 1
    assert text(form.save(AGREE, 2, "Calculation error", "", "fine", "")[1]) == (
        f"Review of submission {sid} saved by Mr Chen.")
    r = store.get_submission(sid).latest_review
    assert (r.reviewer, r.hint_flag, r.corrected_hint) == ("Mr Chen", "ok", None)


def test_two_tabs_judging_the_hints_the_second_is_told_and_keeps_its_text(app_store):
    app, store = app_store
    sid = hinted(store)
    tab_a, tab_b = Form(app, RIVERA), Form(app, CHEN)
    tab_a.open(sid)
    tab_b.open(sid)
    tab_a.save(AGREE, 2, "Calculation error", "", GIVES_AWAY, FIX)
    out = tab_b.save(AGREE, 2, "Calculation error", "mine", CONFUSING, "Start again at step 2.")
    said = text(out[1])
    assert said.startswith("**Not done:** Ms Rivera saved a review of submission")
    assert (f"after you opened it: agree; hints: give away the answer, should say: “{FIX}”. Yours was "
            "not saved") in said
    # the form shows A's flag; B's corrected hint and comment stay in their boxes
    assert (out[6]["value"], out[7], out[8]) == (GIVES_AWAY, {"__type__": "update"},
                                                 {"__type__": "update"})
    assert out[9].startswith("Hints: give away the answer (Ms Rivera, ")
    assert [r.reviewer for r in store.get_submission(sid).reviews] == ["Ms Rivera"]
    # having seen A's, B's different judgment still asks once more, then is saved
    assert "Press Save review again" in text(
        tab_b.save(AGREE, 2, "Calculation error", "mine", CONFUSING, "Start again at step 2.")[1])
    tab_b.save(AGREE, 2, "Calculation error", "mine", CONFUSING, "Start again at step 2.")
    r = store.get_submission(sid).latest_review
    assert (r.reviewer, r.hint_flag, r.corrected_hint) == ("Mr Chen", "confusing", "Start again at step 2.")


def test_the_form_refuses_a_hint_judgment_that_does_not_hold_together(app_store):
    app, store = app_store
    sid = hinted(store)
    form = Form(app)
    form.open(sid)
    for choice, fix, said in [
            (HINTS_NOT_JUDGED, FIX, "you wrote what the hint should have said, so choose what was "
                                    "wrong with the hints the student saw (e.g. give away the "
                                    "answer), or clear the corrected hint; nothing was saved"),
            ("fine", FIX, "you wrote what the hint should have said"),
            (CONFUSING, "z" * 700, "the corrected hint is 700 characters long; keep it to 600 or "
                                   "fewer (nothing was saved)"),
            ("no such words", "", "unknown choice for the hints: 'no such words'; nothing was saved.")]:
        out = form.save(AGREE, 2, "Calculation error", "a comment", choice, fix)
        assert text(out[1]).startswith(f"**Not done:** {said}") and out[2] == out[1]
        assert out[3:] == [{"__type__": "update"}] * 8  # what was typed stays
    assert store.get_submission(sid).reviews == []
    assert component(app, "r-hint-fix").max_length == 600


def test_no_hints_shown_no_hint_boxes(app_store):
    app, store = app_store
    sid = store.save(*make())
    form = Form(app)
    out = form.open(sid)
    assert form.hints_locked == (True, True) and out[17] == "The student saw no hints."
    # a caller that sends a judgment anyway gets the store's rule
    said = text(form.save(AGREE, 2, "Calculation error", "", GIVES_AWAY, "")[1])
    assert said == (f"**Not done:** the student saw no hints for submission {sid}, so there are none "
                    "to judge; leave the hints not judged (nothing was saved)")
    assert store.get_submission(sid).reviews == []


def test_the_class_view_counts_the_hint_judgments(app_store):
    app, store = app_store
    view = handler(app, "class_view")
    out = view("", "", "", "", "", "", ANY, ANY, False)
    assert len(out) == 9 and out[7]["visible"] is False  # nothing judged: no empty table
    a, b = hinted(store, "ana"), hinted(store, "ben")
    store.add_review(a, "ms-lee", agree=True, hint_flag="gives_away", corrected_hint=FIX)
    store.add_review(b, "ms-lee", agree=True, hint_flag="ok")
    out = view("", "", "", "", "", "", ANY, ANY, False)
    assert out[7]["visible"] is True
    # a tie: in the review form's order
    assert out[7]["value"].values.tolist() == [["fine", 1, "50%"], [GIVES_AWAY, 1, "50%"]]
    assert out[-1] == "2 submissions in the class view."
