"""The feedback log: saving, filtering, drill-down, reviews, deletion, exports, migrations."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from sqlalchemy import create_engine, inspect, text

from tutor.errors import TutorInputError
from tutor.schema import Feedback, Hint, Problem, StandardMatch, Step, Submission, Verdict, to_dict
from tutor.store import ReviewConflict, Store, SubmissionFilter, make_engine, migrate
from tutor.store.feedback_log import csv_text

DAY = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.timezone.utc)


def make(student="ana", klass="7B", label="incorrect", first=2, category="Calculation error",
         code="7.RP.A.3", problem="A shirt costs $20 and is 15% off. What is the sale price?",
         steps=("15% of 20 = 3", "20 - 3 = 18", "The price is $18"), pid="bank-7"):
    """A hand-made submission with feedback (first wrong step ``first``)."""
    n = len(steps)
    marks = (["correct"] * (first - 1) + ["first_error"] + ["after_error"] * (n - first)
             if label == "incorrect" else ["correct"] * n)
    verdict = Verdict(label=label, first_error_step=first if label == "incorrect" else None,
                      marks=marks, step_error_probs=[0.1] * n,
                      error_category=category if label == "incorrect" else None,
                      explanation="20 - 3 is 17, not 18." if label == "incorrect" else None,
                      evidence={"mathcheck": {"ok": False}})
    fb = Feedback(verdict=verdict, steps=[Step(i + 1, s, s) for i, s in enumerate(steps)],
                  standards=[StandardMatch(code, "Solve percent problems.", "7", "7.RP", "7.RP.A", 0.9)],
                  prerequisites=[StandardMatch("6.RP.A.3", "Percent of a quantity.", "6", "6.RP",
                                               "6.RP.A", 0.4, "prerequisite")],
                  hints=[Hint(1, "where", "Look at step 2."), Hint(2, "concept", "Subtract again."),
                         Hint(3, "bottom_out", "20 minus 3 is not 18.")],
                  timings={"verify": 0.5, "total": 1.25})
    sub = Submission(Problem(problem, reference_solution=["15% of $20 is $3", "$20 - $3 = $17"],
                             final_answer="17", id=pid), "\n".join(steps), student, klass)
    return sub, fb


@pytest.fixture()
def store(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    yield s
    s.close()


def test_save_round_trips_everything(store):
    sub, fb = make()
    sid = store.save(sub, fb)
    store.log_hint_shown(sid, 1, "Look at step 2.")
    store.log_hint_shown(sid, 2, "Subtract again.")
    d = store.get_submission(sid)
    assert d.problem.text == sub.problem.text and d.problem.id == "bank-7"
    assert d.problem.reference_solution == ["15% of $20 is $3", "$20 - $3 = $17"]
    assert d.problem.final_answer == "17" and d.problem.grade is None  # none was given
    assert [s.text for s in d.steps] == ["15% of 20 = 3", "20 - 3 = 18", "The price is $18"]
    assert d.verdict == fb.verdict  # the whole verdict, evidence included
    assert (d.student_id, d.class_code) == ("ana", "7B")
    assert [m.code for m in d.standards] == ["7.RP.A.3"]
    assert [(m.code, m.role) for m in d.prerequisites] == [("6.RP.A.3", "prerequisite")]
    assert [h.level for h in d.hints] == [1, 2, 3]
    assert [(h.level, h.text) for h in d.hints_shown] == [(1, "Look at step 2."), (2, "Subtract again.")]
    assert d.timings == {"verify": 0.5, "total": 1.25}
    assert d.created_at.tzinfo is not None
    assert abs((dt.datetime.now(dt.timezone.utc) - d.created_at).total_seconds()) < 600


def test_resubmissions_form_a_chain(store):
    first = store.save(*make())
    second = store.save(*make(label="incorrect", first=3), parent_id=first)
    third = store.save(*make(label="correct"), parent_id=second)
    assert [r.id for r in store.get_submission(first).resubmissions] == [second, third]
    assert store.get_submission(third).parent_id == second
    # a parent that no longer exists is dropped, not an error
    assert store.get_submission(store.save(*make(), parent_id=9999)).parent_id is None


def test_filters_and_pagination(store):
    items = [
        (make("ana", "7B"), DAY),
        (make("ben", "7B", label="correct"), DAY + dt.timedelta(days=1)),
        (make("cy", "8A", code="8.EE.C.7", problem="Solve 3x + 5 = 20.", pid="bank-8",
              category="Logical error / Wrong approach"), DAY + dt.timedelta(days=2)),
        (make("ana", "7B", label="correct"), DAY + dt.timedelta(days=3)),
    ]
    ids = store.save_many([(s, f, None, t) for (s, f), t in items])
    ls = lambda **kw: [r.id for r in store.list_submissions(**kw).rows]  # noqa: E731
    assert ls() == ids[::-1]  # newest first
    assert ls(class_code="7B") == [ids[3], ids[1], ids[0]]
    assert ls(student_id="ana") == [ids[3], ids[0]]
    assert ls(verdict="correct") == [ids[3], ids[1]]
    assert ls(error_category="Logical error / Wrong approach") == [ids[2]]
    assert ls(standard="8.EE.C.7") == [ids[2]]
    assert ls(standard="7.RP") == [ids[3], ids[1], ids[0]]  # a domain prefix
    assert ls(problem="bank-8") == [ids[2]]
    assert ls(problem="SHIRT") == [ids[3], ids[1], ids[0]]  # words of the text, any case
    assert ls(problem="100%") == []  # % is a character, not a wildcard
    assert ls(date_from="2026-03-03", date_to="2026-03-04") == [ids[2], ids[1]]
    assert ls(date_to=DAY.date()) == [ids[0]]  # a bare date covers the whole day
    store.add_review(ids[0], "ms-lee", agree=True)
    assert ls(unreviewed_only=True) == [ids[3], ids[2], ids[1]]
    page = store.list_submissions(page=2, page_size=3)
    assert (page.total, page.pages, [r.id for r in page.rows]) == (4, 2, [ids[0]])
    row = store.list_submissions(student_id="ana").rows[1]
    assert (row.review, row.standards, row.verdict, row.first_error_step) == (
        "agree", ["7.RP.A.3"], "incorrect", 2)
    with pytest.raises(TutorInputError):
        store.list_submissions(date_from="yesterday")
    with pytest.raises(TutorInputError):
        store.list_submissions(verdict="maybe")
    with pytest.raises(TutorInputError):
        store.list_submissions(page=0)


def test_review_keeps_original_verdict(store):
    sid = store.save(*make())
    with pytest.raises(TutorInputError):
        store.add_review(sid, "ms-lee", agree=False, first_error_step=7)
    with pytest.raises(TutorInputError):
        store.add_review(sid, "ms-lee", agree=False, first_error_step=1, error_category="Typo")
    with pytest.raises(TutorInputError):
        store.add_review(sid, " ", agree=True)
    with pytest.raises(TutorInputError):
        store.add_review(4242, "ms-lee", agree=True)
    rid = store.add_review(sid, "ms-lee", agree=False, first_error_step=1,
                           error_category="Misunderstanding of the question", comment="15% of 20 is 3, fine; but")
    d = store.get_submission(sid)
    assert d.verdict.first_error_step == 2 and d.verdict.error_category == "Calculation error"
    (r,) = d.reviews
    assert (r.id, r.reviewer, r.agree, r.first_error_step, r.error_category) == (
        rid, "ms-lee", False, 1, "Misunderstanding of the question")
    assert r.created_at.tzinfo is not None
    # "agree" records the tutor's own label, whatever else is passed
    store.add_review(sid, "mr-o", agree=True, first_error_step=3, error_category="Other")
    r2 = store.get_submission(sid).latest_review
    assert (r2.agree, r2.first_error_step, r2.error_category) == (True, 2, "Calculation error")
    # "correct" correction drops the category
    store.add_review(sid, "mr-o", agree=False, first_error_step=None, error_category="Other")
    assert store.get_submission(sid).latest_review.error_category is None
    assert [r.reviewer for r in store.latest_reviews()] == ["mr-o"]


def test_delete_student_removes_all_their_data(store):
    a1 = store.save(*make("ana"))
    a2 = store.save(*make("ana", label="correct"), parent_id=a1)
    b = store.save(*make("ben"))
    store.log_hint_shown(a1, 1, "Look at step 2.")
    store.add_review(a1, "ms-lee", agree=True)
    assert store.delete_student("ana") == 2
    assert store.delete_student("ana") == 0
    assert [r.id for r in store.list_submissions().rows] == [b]
    for sid in (a1, a2):
        with pytest.raises(TutorInputError):
            store.get_submission(sid)
    with store.engine.connect() as c:  # no orphan hints, standards or reviews left behind
        for table in ("hints_shown", "reviews"):
            assert c.scalar(text(f"select count(*) from {table}")) == 0
        assert c.scalar(text("select count(*) from submission_standards")) == 2  # ben's two
    store.log_hint_shown(a1, 2, "late hint")  # the student's page is still open: not an error
    assert store.list_submissions().total == 1


def test_exports_csv_and_jsonl(store, tmp_path):
    evil = '=HYPERLINK("x")<script>alert(1)</script>'
    sid = store.save(*make("ana", steps=(evil, "20 - 3 = 18")))
    store.save(*make("ben", klass="8A"))
    store.add_review(sid, "ms-lee", agree=False, first_error_step=1, error_category="Calculation error",
                     comment="line 1")
    rows = list(csv.DictReader(io.StringIO(csv_text(store, SubmissionFilter(class_code="7B")))))
    assert len(rows) == 1
    assert rows[0]["student_id"] == "ana" and rows[0]["review"] == "disagree"
    assert rows[0]["reviewed_first_error_step"] == "1" and rows[0]["standards"] == "7.RP.A.3"
    assert rows[0]["solution"].startswith("'=HYPERLINK")  # no formula in a spreadsheet
    out = tmp_path / "x.jsonl"
    assert store.export_jsonl(out) == 2
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["student_id"] for x in lines] == ["ben", "ana"]
    assert lines[1]["steps"][0]["text"] == evil  # exact text in JSONL
    assert lines[1]["reviews"][0]["reviewer"] == "ms-lee"


def test_the_grade_used_is_logged_and_exported(store, tmp_path):
    """A bank problem keeps its own grade, a typed one the grade the student picked; the
    drill-down and both exports show it (older rows: empty)."""
    from tutor.bank import get_problem

    bank_sub, fb = make("ana")
    bank_sub.problem = get_problem("g6-jacket-03")
    bank = store.save(bank_sub, fb)
    typed_sub, fb = make("ben", pid=None)
    typed_sub.problem.grade = "4"  # picked in the student tab
    typed = store.save(typed_sub, fb)
    unknown = store.save(*make("cy", pid=None))
    assert [store.get_submission(i).problem.grade for i in (bank, typed, unknown)] == ["6", "4", None]
    # the review table's rows too (a browser trial missed it there)
    summaries = {r.id: r.grade for r in store.list_submissions().rows}
    assert [summaries[i] for i in (bank, typed, unknown)] == ["6", "4", None]
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(csv_text(store)))}
    assert (rows[bank]["problem_id"], rows[bank]["grade"]) == ("g6-jacket-03", "6")
    assert (rows[typed]["grade"], rows[unknown]["grade"]) == ("4", "")
    out = tmp_path / "x.jsonl"
    store.export_jsonl(out)
    lines = {x["id"]: x for x in map(json.loads, out.read_text().splitlines())}
    assert lines[bank]["problem"]["id"] == "g6-jacket-03" and lines[bank]["problem"]["grade"] == "6"
    assert (lines[typed]["problem"]["grade"], lines[unknown]["problem"]["grade"]) == ("4", None)


def test_class_analytics_uses_teacher_corrections(store):
    t = DAY
    items = [  # ana: wrong then right on 7.RP.A.3; ben: right; cy: wrong (a resubmission follows)
        (make("ana"), t), (make("ana", label="correct"), t + dt.timedelta(days=1)),
        (make("ben", label="correct"), t), (make("cy", category="Missing step"), t)]
    ids = store.save_many([(s, f, None, when) for (s, f), when in items])
    store.save(*make("cy", label="correct"), parent_id=ids[3], created_at=t + dt.timedelta(hours=1))
    # the teacher says ben's "correct" solution is wrong at step 1
    store.add_review(ids[2], "ms-lee", agree=False, first_error_step=1, error_category="Other")
    a = store.class_analytics(SubmissionFilter(class_code="7B"))
    assert a.total == 5
    (std,) = a.errors_by_standard
    assert (std["standard"], std["submissions"], std["incorrect"]) == ("7.RP.A.3", 5, 3)
    assert {r["error_category"]: r["count"] for r in a.errors_by_category} == {
        "Calculation error": 1, "Missing step": 1, "Other": 1}
    assert a.over_time == [{"day": "2026-03-02", "submissions": 4, "incorrect": 3},
                           {"day": "2026-03-03", "submissions": 1, "incorrect": 0}]
    mastery = {r["student_id"]: r for r in a.mastery}
    assert mastery["ana"]["first_attempts"] == 2 and mastery["ana"]["share_first_attempt_correct"] == 0.5
    assert mastery["cy"]["first_attempts"] == 1  # the resubmission is not a first attempt
    assert mastery["ben"]["share_first_attempt_correct"] == 0.0
    assert a.prerequisites[0]["standard"] == "6.RP.A.3" and a.prerequisites[0]["count"] == 3


def test_any_sqlalchemy_url_in_memory():
    s = Store("sqlite://")
    sid = s.save(*make())
    assert s.get_submission(sid).student_id == "ana"


def test_bad_url_is_a_config_error():
    from tutor.errors import TutorConfigError

    with pytest.raises(TutorConfigError):
        Store("not a url")
    with pytest.raises(TutorConfigError):
        Store("nosuchdb://x/y")


def test_migration_upgrade_keeps_old_logs(tmp_path):
    """A log written by the first release (revision 0001) survives the upgrade to head."""
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    migrate(engine, "0001")
    assert "reviews" not in inspect(engine).get_table_names()
    with engine.begin() as c:
        c.execute(text(
            "insert into submissions (id, created_at, student_id, class_code, problem_text, "
            "solution_text, steps, verdict_label, first_error_step, marks, step_error_probs, "
            "verdict, hints, timings, warnings) values (1, '2025-09-01 08:00:00', 'old-kid', "
            "'5A', 'What is 2 + 2?', '2 + 2 = 5', :steps, 'incorrect', 1, '[\"first_error\"]', "
            "'[0.9]', :verdict, '[]', '{}', '[]')"),
            {"steps": json.dumps([{"number": 1, "text": "2 + 2 = 5", "raw": "2 + 2 = 5"}]),
             "verdict": json.dumps(to_dict(Verdict("incorrect", 1, ["first_error"], [0.9])))})
    engine.dispose()
    store = Store(url)  # opening runs the migrations to head
    assert "reviews" in inspect(store.engine).get_table_names()
    d = store.get_submission(1)
    assert (d.student_id, d.steps[0].text, d.verdict.first_error_step) == ("old-kid", "2 + 2 = 5", 1)
    assert d.problem.grade is None  # logged before grades were kept
    assert "grade" in csv_text(store).splitlines()[0].split(",")
    store.add_review(1, "ms-lee", agree=True)
    assert store.list_submissions().rows[0].review == "agree"
    Store(url)  # opening an up-to-date log again changes nothing
    sub, fb = make()
    sub.problem.grade = "7"  # new rows in the upgraded log keep their grade
    assert store.get_submission(store.save(sub, fb)).problem.grade == "7"
    with create_engine(url).connect() as c:
        assert c.scalar(text("select version_num from alembic_version")) == "0004"


def test_ten_thousand_rows_page_correctly(tmp_path):
    from tutor.store.demo import seed_demo

    store = Store(f"sqlite:///{tmp_path / 'big.sqlite3'}")
    ids = seed_demo(store, n=10_000, seed=1)
    page = store.list_submissions(page=3, page_size=50)
    assert page.total == len(ids) and len(page.rows) == 50
    stamps = [r.created_at for r in page.rows]
    assert stamps == sorted(stamps, reverse=True)
    klass = store.list_submissions(class_code="class-A", verdict="incorrect", page_size=20)
    assert 0 < klass.total < len(ids)
    assert all(r.class_code == "class-A" and r.verdict == "incorrect" for r in klass.rows)


def test_backup_copies_what_is_still_in_the_wal_file(tmp_path, capsys, monkeypatch):
    import sqlite3

    from tutor.cli import main
    from tutor.errors import TutorConfigError, TutorInputError
    from tutor.store.feedback_log import backup_sqlite

    url = f"sqlite:///{tmp_path / 'log.sqlite3'}"
    store = Store(url)
    store.save(*make())
    assert (tmp_path / "log.sqlite3-wal").exists()  # the review is (also) in the write-ahead log
    dest = backup_sqlite(url, tmp_path / "backups" / "copy.sqlite3")
    con = sqlite3.connect(dest)
    assert con.execute("select count(*) from submissions").fetchone() == (1,)
    con.close()
    with pytest.raises(TutorInputError, match="already exists"):
        backup_sqlite(url, dest)
    with pytest.raises(TutorConfigError, match="not a SQLite file"):
        backup_sqlite("postgresql://u@h/tutor", tmp_path / "x.sqlite3")
    with pytest.raises(TutorConfigError, match="not a SQLAlchemy URL"):
        backup_sqlite("not a url", tmp_path / "z.sqlite3")
    (tmp_path / "junk.sqlite3").write_text("not a database")
    with pytest.raises(TutorInputError, match="could not read the feedback log"):
        backup_sqlite(f"sqlite:///{tmp_path / 'junk.sqlite3'}", tmp_path / "j.sqlite3")
    assert not (tmp_path / "j.sqlite3").exists()  # no half-written copy left behind
    with pytest.raises(TutorConfigError, match="no feedback log"):
        backup_sqlite(f"sqlite:///{tmp_path / 'none.sqlite3'}", tmp_path / "y.sqlite3")
    monkeypatch.setenv("TUTOR_DATABASE_URL", url)
    assert main(["backup", str(tmp_path / "cli.sqlite3")]) == 0
    assert "feedback log copied to" in capsys.readouterr().err


# ------------------------------------------------------------------ the hints the student saw
FIX = "Look at step 2: how did you get 18 there?"


def test_a_review_judges_the_hints_the_student_saw(store):
    sid = store.save(*make())
    store.log_hint_shown(sid, 1, "Look at step 2.")
    # the verdict is right while the hint was poor: "agree" with a hint flag and a better hint
    rid = store.add_review(sid, "ms-lee", agree=True, comment="ok", hint_flag="gives_away",
                           corrected_hint=f"  {FIX}\n ")
    r = store.get_submission(sid).latest_review
    assert (r.id, r.agree, r.first_error_step, r.error_category, r.comment) == (
        rid, True, 2, "Calculation error", "ok")
    assert (r.hint_flag, r.corrected_hint) == ("gives_away", FIX)  # cleaned as the comment is
    # a flag alone, and "fine" alone, are kept; no hint arguments = not judged
    store.add_review(sid, "mr-o", agree=False, first_error_step=1, error_category="Other",
                     hint_flag="wrong_step", corrected_hint="   ")
    store.add_review(sid, "mr-o", agree=True, hint_flag="ok")
    store.add_review(sid, "mr-o", agree=True)
    assert [(r.hint_flag, r.corrected_hint) for r in store.get_submission(sid).reviews] == [
        ("gives_away", FIX), ("wrong_step", None), ("ok", None), (None, None)]
    store.add_review(sid, "mr-o", agree=True, hint_flag="confusing", corrected_hint="x" * 600)
    assert len(store.get_submission(sid).latest_review.corrected_hint) == 600  # the limit itself


@pytest.mark.parametrize("flag, fix, message", [
    ("bad", None, "unknown hint flag 'bad'; use one of: ok (fine); gives_away (give away the "
                  "answer); wrong_step (point at the wrong step); confusing (confusing or wrong)"),
    (None, FIX, "you wrote what the hint should have said, so choose what was wrong with the hints"),
    ("ok", FIX, "you wrote what the hint should have said, so choose what was wrong with the hints"),
    ("confusing", "y" * 601, "the corrected hint is 601 characters long; keep it to 600 or fewer "
                             "(nothing was saved)"),
])
def test_a_hint_judgment_that_does_not_hold_together_is_refused(store, flag, fix, message):
    sid = store.save(*make())
    store.log_hint_shown(sid, 1, "Look at step 2.")
    with pytest.raises(TutorInputError) as exc:
        store.add_review(sid, "ms-lee", agree=True, hint_flag=flag, corrected_hint=fix)
    assert str(exc.value).startswith(message)
    assert store.get_submission(sid).reviews == []


def test_hints_cannot_be_judged_where_the_student_saw_none(store):
    sid = store.save(*make())
    with pytest.raises(TutorInputError) as exc:
        store.add_review(sid, "ms-lee", agree=True, hint_flag="ok")
    assert str(exc.value) == (f"the student saw no hints for submission {sid}, so there are none "
                              "to judge; leave the hints not judged (nothing was saved)")
    assert store.get_submission(sid).reviews == []
    store.add_review(sid, "ms-lee", agree=True)  # a review without a hint judgment is fine
    assert store.get_submission(sid).latest_review.hint_flag is None


def test_the_conflict_message_says_how_the_newer_review_judged_the_hints(store):
    sid = store.save(*make())
    store.log_hint_shown(sid, 1, "Look at step 2.")
    first = store.add_review(sid, "ms-lee", agree=True, hint_flag="gives_away", corrected_hint=FIX)
    with pytest.raises(ReviewConflict) as exc:
        store.add_review(sid, "mr-o", agree=True, seen_review_id=None, hint_flag="ok")
    assert exc.value.latest.id == first
    assert (f"after you opened it: agree; hints: give away the answer, should say: “{FIX}”. "
            "Yours was not saved") in str(exc.value)
    assert len(store.get_submission(sid).reviews) == 1


def test_exports_carry_the_hint_judgment(store, tmp_path):
    judged = store.save(*make("ana"))
    store.log_hint_shown(judged, 1, "Look at step 2.")
    plain = store.save(*make("ben"))
    store.add_review(judged, "ms-lee", agree=True, hint_flag="wrong_step",
                     corrected_hint="-3 is not the point: look at step 2.")
    store.add_review(plain, "ms-lee", agree=True)
    header = csv_text(store).splitlines()[0].split(",")
    assert header[header.index("review_comment") + 1:header.index("review_comment") + 3] == [
        "review_hints", "review_corrected_hint"]
    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(csv_text(store)))}
    # the teacher's words in the spreadsheet, and the formula guard on the teacher's text too
    assert (rows[judged]["review_hints"], rows[judged]["review_corrected_hint"]) == (
        "point at the wrong step", "'-3 is not the point: look at step 2.")
    assert (rows[plain]["review_hints"], rows[plain]["review_corrected_hint"]) == ("", "")
    out = tmp_path / "x.jsonl"
    store.export_jsonl(out)
    lines = {x["id"]: x for x in map(json.loads, out.read_text().splitlines())}
    (r,) = lines[judged]["reviews"]
    assert (r["hint_flag"], r["corrected_hint"]) == ("wrong_step", "-3 is not the point: look at step 2.")
    (r,) = lines[plain]["reviews"]
    assert (r["hint_flag"], r["corrected_hint"]) == (None, None)


def test_class_analytics_counts_the_hint_judgments_of_the_latest_reviews(store):
    ids = [store.save(*make(name)) for name in ("ana", "ben", "cy", "di", "ed")]
    for sid in ids:
        store.log_hint_shown(sid, 1, "Look at step 2.")
    store.add_review(ids[0], "ms-lee", agree=True, hint_flag="ok")
    store.add_review(ids[0], "ms-lee", agree=True, hint_flag="gives_away")  # the latest counts
    store.add_review(ids[1], "ms-lee", agree=True, hint_flag="gives_away", corrected_hint=FIX)
    store.add_review(ids[2], "ms-lee", agree=True, hint_flag="ok")
    store.add_review(ids[3], "ms-lee", agree=True)  # reviewed, hints not judged: left out
    assert store.class_analytics().hint_flags == [
        {"hint_flag": "gives_away", "flag": "give away the answer", "count": 2, "share": 0.667},
        {"hint_flag": "ok", "flag": "fine", "count": 1, "share": 0.333}]
    assert store.class_analytics(SubmissionFilter(student_id="ed")).hint_flags == []


def _columns(engine, table: str) -> list[str]:
    return [c["name"] for c in inspect(engine).get_columns(table)]


def test_a_0003_log_upgrades_in_place_and_keeps_its_reviews(tmp_path):
    """A log at revision 0003 (before hints could be judged) with a review: opening it adds the
    two nullable columns (no table copy), its rows stay, and the old review is "not judged"."""
    from alembic import command

    from tutor.store.feedback_log import alembic_config

    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    migrate(engine, "0003")
    assert _columns(engine, "reviews") == ["id", "submission_id", "reviewer", "agree",
                                           "first_error_step", "error_category", "comment",
                                           "created_at"]
    with engine.begin() as c:
        c.execute(text(
            "insert into submissions (id, created_at, student_id, class_code, problem_text, "
            "problem_grade, solution_text, steps, verdict_label, first_error_step, marks, "
            "step_error_probs, verdict, hints, timings, warnings) values (7, '2026-11-02 08:00:00', "
            "'old-kid', '5A', 'What is 2 + 2?', '2', '2 + 2 = 5', :steps, 'incorrect', 1, "
            "'[\"first_error\"]', '[0.9]', :verdict, '[]', '{}', '[]')"),
            {"steps": json.dumps([{"number": 1, "text": "2 + 2 = 5", "raw": "2 + 2 = 5"}]),
             "verdict": json.dumps(to_dict(Verdict("incorrect", 1, ["first_error"], [0.9])))})
        c.execute(text("insert into hints_shown (id, submission_id, level, text, shown_at) values "
                       "(3, 7, 1, 'Look at step 1.', '2026-11-02 08:01:00')"))
        c.execute(text("insert into reviews (id, submission_id, reviewer, agree, first_error_step, "
                       "error_category, comment, created_at) values (5, 7, 'ms-lee', 0, 1, "
                       "'Calculation error', 'two and two', '2026-11-02 09:00:00')"))
    engine.dispose()
    store = Store(url)  # opening runs 0004
    with create_engine(url).connect() as c:
        assert c.scalar(text("select version_num from alembic_version")) == "0004"
    assert _columns(store.engine, "reviews")[-2:] == ["hint_flag", "corrected_hint"]
    d = store.get_submission(7)
    assert [(h.level, h.text) for h in d.hints_shown] == [(1, "Look at step 1.")]
    (old,) = d.reviews
    assert (old.id, old.reviewer, old.agree, old.first_error_step, old.error_category,
            old.comment, old.hint_flag, old.corrected_hint) == (
        5, "ms-lee", False, 1, "Calculation error", "two and two", None, None)
    assert old.created_at == dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.timezone.utc)
    rows = list(csv.DictReader(io.StringIO(csv_text(store))))
    assert [(r["review"], r["review_hints"], r["review_corrected_hint"]) for r in rows] == [
        ("disagree", "", "")]
    # the upgraded log takes a judged review, on the old review's correction
    store.add_review(7, "ms-lee", agree=False, first_error_step=1, error_category="Calculation error",
                     seen_review_id=5, hint_flag="confusing", corrected_hint="What is 2 + 2 again?")
    assert [(r.id, r.hint_flag, r.corrected_hint) for r in store.get_submission(7).reviews] == [
        (5, None, None), (6, "confusing", "What is 2 + 2 again?")]
    store.close()
    # and 0004 goes back down: the columns leave, the reviews stay
    cfg = alembic_config(url)
    command.downgrade(cfg, "0003")
    engine = create_engine(url)
    assert "hint_flag" not in _columns(engine, "reviews")
    with engine.connect() as c:
        assert c.execute(text("select id, comment from reviews order by id")).all() == [
            (5, "two and two"), (6, "")]
    engine.dispose()
