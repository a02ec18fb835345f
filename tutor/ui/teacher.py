"""The teacher dashboard (Gradio): review the tutor's feedback, correct it, see the class.

Mounted at ``/teacher`` behind the teacher password by :mod:`tutor.ui.server`. Every read and
write goes through :class:`tutor.store.Store`. Text that came from students (problems, steps,
ids) is shown only in text components (Textbox, Dataframe with ``str`` cells) or escaped
HTML, never rendered as HTML or Markdown.
"""


import atexit
import datetime as dt
import html
import logging
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from tutor.errors import TutorError
from tutor.mathtext import readable_math
from tutor.schema import ERROR_CATEGORIES
from tutor.store.records import (HINT_FLAGS, MAX_COMMENT_CHARS, MAX_CORRECTED_HINT_CHARS,
                                 ReviewConflict, hint_judgment, hint_text)

log = logging.getLogger(__name__)

PAGE_SIZE = 25
#: Bars in the "wrong solutions by standard" chart: more make its labels unreadable.
MAX_PLOTTED_STANDARDS = 15
ANY = "(any)"
#: The correction form's category for a solution with no error (a correct one).
NO_CATEGORY = "(none: no error)"
#: The review form's "the tutor was right" choice.
AGREE = "Agree with the tutor"
DISAGREE = "Disagree"
#: Why the step and category boxes are locked while "Agree" is chosen (and why a save that
#: changes them anyway, e.g. through the API, is refused).
AGREE_KEEPS = ("“Agree with the tutor” keeps the tutor’s first wrong step and error category. To "
               "change the step or the category, choose Disagree and give the right step (the same "
               "step is fine) and category")
#: The review form's hint choice for "not judged" (stored as no flag); the other choices are
#: the words of :data:`tutor.store.records.HINT_FLAGS`.
HINTS_NOT_JUDGED = "(not judged)"
HINT_CHOICES = [HINTS_NOT_JUDGED, *HINT_FLAGS.values()]
_HINT_CODE = {words: code for code, words in HINT_FLAGS.items()}
#: Said where the class view has no wrong answers to chart.
NO_WRONG = "No wrong answers yet in these submissions: nothing to chart by standard or category."
TABLE_COLUMNS = ["ID", "Time (UTC)", "Student", "Class", "Grade", "Problem", "Verdict", "1st error",
                 "Error category", "Standards", "Hints", "Review"]
# Column widths (share of the table's width) for the tables with a long text column: without
# them Gradio sizes columns by their content, so a long hint, description or comment pushes the
# table past its box (cut off) and squeezes the short columns until headers break mid-word.
# Each short column is wide enough at the 1280-1400 px page width for its header and values
# ("Grade", "disagree:", "Misunderstanding", "prerequisite", "6.RP.A.3c") to stay whole.
TABLE_WIDTHS = ["4%", "9%", "8%", "6%", "5%", "17%", "8%", "5%", "12%", "8%", "5%", "13%"]
STEP_COLUMNS = ["Step", "Student's step", "Tutor's mark", "P(error)"]
STEP_WIDTHS = ["10%", "52%", "20%", "18%"]
HINT_COLUMNS = ["Level", "Hint the student saw", "Shown at (UTC)"]
HINT_WIDTHS = ["12%", "60%", "28%"]
RESUB_COLUMNS = ["ID", "Time (UTC)", "Verdict", "First error step"]
STANDARD_COLUMNS = ["Role", "Code", "Grade", "Description"]
STANDARD_WIDTHS = ["20%", "17%", "11%", "52%"]
REVIEW_COLUMNS = ["Reviewer", "Agree", "First error step", "Error category", "Hints",
                  "Corrected hint", "Comment", "When (UTC)"]
REVIEW_WIDTHS = ["10%", "6%", "9%", "13%", "10%", "20%", "21%", "11%"]
HINT_FLAG_COLUMNS = ["Hints the student saw", "Submissions", "Share of those judged"]
HINT_FLAG_WIDTHS = ["50%", "20%", "30%"]
FACT_COLUMNS = ["Field", "Value"]
FACT_WIDTHS = ["40%", "60%"]
PREREQ_COLUMNS = ["Prerequisite standard", "Wrong steps", "Description"]
PREREQ_WIDTHS = ["20%", "12%", "68%"]


def _time(t) -> str:
    return t.strftime("%Y-%m-%d %H:%M")


def _frame(rows: list[list[Any]], columns: list[str]):
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


def filters_from_form(class_code: str, student: str, date_from: str, date_to: str, problem: str,
                      standard: str, category: str, verdict: str, unreviewed: bool):
    """The filter form's values as a :class:`tutor.store.SubmissionFilter` ("(any)" = no filter).

    Raises:
        TutorInputError: a date that cannot be read.
    """
    from tutor.store import SubmissionFilter

    return SubmissionFilter(
        class_code=class_code, student_id=student, date_from=date_from or None,
        date_to=date_to or None, problem=problem, standard=standard,
        error_category=None if category in (None, "", ANY) else category,
        verdict=None if verdict in (None, "", ANY) else verdict, unreviewed_only=bool(unreviewed))


def table_frame(page) -> Any:
    """A :class:`tutor.store.SubmissionPage` as the review table (a pandas DataFrame).

    "Hints" is the highest hint level the student saw, left empty for a correct solution: its
    praise and "Next challenge" are not help the student needed (the drill-down lists them).
    "Review" is the latest teacher review with the step and category it corrects to."""
    return _frame([[r.id, _time(r.created_at), r.student_id or "", r.class_code or "", r.grade or "", r.problem,
                    r.verdict, r.first_error_step or "", r.error_category or "",
                    " ".join(r.standards), "" if r.verdict == "correct" else r.hints_shown or "",
                    r.review] for r in page.rows],
                  TABLE_COLUMNS)


def detail_frames(d) -> dict[str, Any]:
    """The drill-down of a :class:`tutor.store.SubmissionDetail` as DataFrames and strings."""
    v = d.verdict
    probs = list(v.step_error_probs) + [None] * len(d.steps)
    marks = list(v.marks) + [""] * len(d.steps)
    facts = [["Submission", d.id], ["Time (UTC)", _time(d.created_at)],
             ["Student", d.student_id or "(none)"], ["Class", d.class_code or "(none)"],
             ["Problem bank id", d.problem.id or "(typed in)"],
             ["Grade", d.problem.grade or "(not recorded)"], ["Verdict", v.label],
             ["First wrong step", v.first_error_step or "none"],
             ["Error category", v.error_category or ""],
             ["Revises submission", d.parent_id or ""],
             # what the student was told besides the verdict (e.g. a line asking for the
             # answer was left out)
             ["Notes shown to the student", " / ".join(d.warnings) or "(none)"]]
    return {
        "facts": _frame(facts, FACT_COLUMNS),
        "problem": d.problem.text,
        # left-out lines included; its own text box, as table cells run the lines together
        "solution": d.solution_text or "",
        "reference": "\n".join(d.problem.reference_solution or []) +
                     (f"\nFinal answer: {d.problem.final_answer}" if d.problem.final_answer else ""),
        "steps": _frame([[s.number, readable_math(s.text), marks[i].replace("_", " "),
                          "" if probs[i] is None else round(float(probs[i]), 2)]
                         for i, s in enumerate(d.steps)], STEP_COLUMNS),
        # (no "Step 2: Step 2 gives …": the prefix only where the text does not name the step)
        "explanation": (f"Step {v.first_error_step}: " if v.first_error_step and not re.match(
                            rf"\s*step {v.first_error_step}\b", v.explanation or "", re.I) else "") +
                       (v.explanation or ("No error found." if v.label == "correct" else "")
                        # an "unsure" keeps its suspicion for the teacher only
                        or (f"(suspected, not shown to the student) {v.evidence['suspected']}"
                            if (v.evidence or {}).get("suspected") else "")),
        "hints": _frame([[h.level, h.text, _time(h.shown_at)] for h in d.hints_shown], HINT_COLUMNS),
        "resubmissions": _frame([[r.id, _time(r.created_at), r.verdict, r.first_error_step or ""]
                                 for r in d.resubmissions], RESUB_COLUMNS),
        "standards": _frame([[m.role, m.code, m.grade, m.description]
                             for m in d.standards + d.prerequisites], STANDARD_COLUMNS),
        "reviews": _frame([[r.reviewer, "yes" if r.agree else "no", r.first_error_step or "none (correct)",
                            r.error_category or "", HINT_FLAGS.get(r.hint_flag, r.hint_flag or ""),
                            r.corrected_hint or "", r.comment, _time(r.created_at)]
                           for r in d.reviews], REVIEW_COLUMNS),
        "hint_review": hint_review_text(d),
    }


def hint_review_text(d) -> str:
    """What the latest review says about the hints the student saw (the drill-down's box beside
    them): ``"Hints: give away the answer (Ms Rivera, 2026-03-02 10:00 UTC)\nShould have said:
    …"``, ``"Not judged in the latest review."``, ``"Not reviewed yet."`` or ``"The student saw
    no hints."``."""
    if not d.hints_shown:
        return "The student saw no hints."
    r = d.latest_review
    if r is None:
        return "Not reviewed yet."
    if r.hint_flag is None:
        return "Not judged in the latest review."
    said = f"Hints: {HINT_FLAGS.get(r.hint_flag, r.hint_flag)} ({r.reviewer}, {_time(r.created_at)} UTC)"
    return said + (f"\nShould have said: {r.corrected_hint}" if r.corrected_hint else "")


def hint_flag_frame(rows: list[dict[str, Any]]):
    """The class view's hint judgments (:attr:`ClassAnalytics.hint_flags`) as a table, the share
    in whole percent."""
    return _frame([[r["flag"], r["count"], f"{r['share']:.0%}"] for r in rows], HINT_FLAG_COLUMNS)


def _heat_color(p: float) -> str:
    """Red (0) -> yellow (0.5) -> green (1), as an RGB CSS colour."""
    p = min(max(p, 0.0), 1.0)
    r = 230 if p < 0.5 else int(230 - (p - 0.5) * 2 * 130)
    g = int(90 + p * 2 * 110) if p < 0.5 else 200
    return f"rgb({r},{g},110)"


def mastery_html(mastery: list[dict[str, Any]], max_students: int = 60) -> str:
    """Heat-map table, students × standards, of the BKT P(known); each cell also shows the
    share of first attempts right. Every id is escaped (ids are typed by students)."""
    if not mastery:
        return "<p>No first attempts with a student id yet.</p>"
    students = sorted({r["student_id"] for r in mastery})[:max_students]
    standards = sorted({r["standard"] for r in mastery})
    cells = {(r["student_id"], r["standard"]): r for r in mastery}
    head = "".join(f"<th>{html.escape(s)}</th>" for s in standards)
    body = []
    for st in students:
        tds = []
        for code in standards:
            r = cells.get((st, code))
            if r is None:
                tds.append("<td></td>")
                continue
            tip = (f"{r['first_attempt_correct']}/{r['first_attempts']} first attempts right; "
                   f"P(known) {r['p_known']:.2f}")
            tds.append(f'<td style="background:{_heat_color(r["p_known"])}" title="{html.escape(tip)}">'
                       f"{r['p_known']:.2f}<br><small>{r['first_attempt_correct']}/"
                       f"{r['first_attempts']}</small></td>")
        body.append(f"<tr><th>{html.escape(st)}</th>{''.join(tds)}</tr>")
    # its own scrolling box: 60 standards are far wider than the page (Gradio's HTML box
    # hides what sticks out)
    return ('<div class="mastery-scroll"><table class="mastery"><tr><th>Student</th>' + head + "</tr>"
            + "".join(body) + "</table></div><p><small>Cell: Bayesian Knowledge Tracing P(known) after the student's first "
            "attempts (fixed parameters: P(L0)=0.3, P(T)=0.1, P(G)=0.2, P(S)=0.1), and first "
            "attempts right / first attempts.</small></p>")


CSS = """
.mastery-scroll {display:block; width:100%; max-width:100%; overflow-x:auto; padding-bottom:4px}
.mastery {border-collapse:collapse; font-size:0.9em}
.mastery th, .mastery td {border:1px solid #ccc; padding:4px 6px; text-align:center}
.mastery tr > th:first-child {position:sticky; left:0; background:var(--background-fill-primary, #fff);
  z-index:1}
"""


def export_name(kind: str, class_code: str | None, student: str | None,
                day: dt.date | None = None) -> str:
    """The download's file name: ``submissions-<class>-<student>-<YYYY-MM-DD>.<kind>`` (the
    filters that are set, made safe for a file name; today, UTC)."""
    day = day or dt.datetime.now(dt.timezone.utc).date()
    parts = ["submissions"]
    for value in (class_code, student):
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", (value or "").strip()).strip("._")[:40]
        if safe:
            parts.append(safe)
    if len(parts) == 1:
        parts.append("all")
    return "-".join(parts + [day.isoformat()]) + f".{kind}"


def review_label(r) -> str:
    """A saved review in words: who, when, the label it stands behind and, where it judged them,
    the hints (``Ms Rivera, 2026-03-02 10:00 UTC: agree (step 2, Calculation error); hints: give
    away the answer, should say: “…”``)."""
    from tutor.store.feedback_log import review_text

    said = review_text(r.agree, r.first_error_step, r.error_category)
    if r.agree:
        said += f" (step {r.first_error_step}, {r.error_category})" if r.first_error_step else " (no error)"
    if r.hint_flag:
        said += "; " + hint_text(r.hint_flag, r.corrected_hint, 80)
    return f"{r.reviewer}, {_time(r.created_at)} UTC: {said}"


def _new_exports_dir() -> Path:
    """A private folder for this app's exports, removed when the process exits."""
    path = Path(tempfile.mkdtemp(prefix="tutor-export-"))
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def build_teacher_app(store, settings) -> "gradio.Blocks":  # noqa: F821
    """The teacher dashboard as a Gradio Blocks app.

    Args:
        store: the :class:`tutor.store.Store` to read and write.
        settings: :class:`tutor.config.Settings` (kept for future options; the password is
            enforced by the server that mounts this app).

    Returns:
        A ``gradio.Blocks`` with three tabs: Review (table, drill-down, correction, export),
        Class view (plots, mastery heat-map), Privacy (delete a student's data).
    """
    import gradio as gr

    export_dir = _new_exports_dir()

    def status(msg: str, ok: bool = True) -> str:
        return html.escape(msg) if ok else "**Not done:** " + html.escape(msg)

    def load_page(page: int, *form):
        try:
            f = filters_from_form(*form)
            result = store.list_submissions(f, page=max(1, int(page)), page_size=PAGE_SIZE)
            if result.page > result.pages:
                result = store.list_submissions(f, page=result.pages, page_size=PAGE_SIZE)
        except TutorError as exc:
            return gr.update(), page, status(str(exc), False)
        info = f"Page {result.page} of {result.pages} · {result.total} submissions"
        return table_frame(result), result.page, info

    def form_values(d) -> tuple[str, int, str, str, str]:
        """The review form for submission ``d``: its latest review where there is one (so a later
        note does not quietly undo a correction or a hint judgment), else "Agree" with the
        tutor's label and the hints not judged. (agree, step, category, hint choice, corrected
        hint)"""
        r = d.latest_review
        if r is None:
            return (AGREE, d.verdict.first_error_step or 0, d.verdict.error_category or NO_CATEGORY,
                    HINTS_NOT_JUDGED, "")
        return (AGREE if r.agree else DISAGREE, r.first_error_step or 0,
                r.error_category or NO_CATEGORY, HINT_FLAGS.get(r.hint_flag, HINTS_NOT_JUDGED),
                r.corrected_hint or "")

    def form_updates(d, values=None) -> list[Any]:
        """agree, step, category, hint choice, corrected hint: step and category are locked while
        "Agree" is chosen; the hint boxes are open whatever the verdict, where hints were shown."""
        choice, step, category, flag, fix = values or form_values(d)
        locked, hints = choice == AGREE, bool(d.hints_shown)
        return [choice, gr.update(value=step, interactive=not locked),
                gr.update(value=category, interactive=not locked),
                gr.update(value=flag, interactive=hints), gr.update(value=fix, interactive=hints)]

    def form_state(d, seen: int | None) -> dict[str, Any]:
        """What the form was opened on: the submission, the latest review then (another one saved
        since is a conflict) and the tutor's own label (what "Agree" keeps)."""
        return {"sid": int(d.id), "seen": seen, "confirm": None,
                "tutor": [d.verdict.first_error_step or 0, d.verdict.error_category or NO_CATEGORY]}

    def open_submission(sid):
        empty = [gr.update()] * 18  # the outputs before the status line
        if sid is None or sid == "" or sid == 0:
            return [*empty, status("Pick a row or type a submission id.", False), gr.update(), gr.update()]
        try:
            d = store.get_submission(int(sid))
        except (TutorError, ValueError) as exc:
            return [*empty, status(str(exc), False), gr.update(), gr.update()]
        fr = detail_frames(d)
        r = d.latest_review
        opened = f"Submission {d.id} opened."
        if r is not None:
            opened += f" The review form shows the latest review ({review_label(r)})."
        return [int(d.id), fr["facts"], fr["problem"], fr["solution"], fr["reference"],
                fr["steps"], fr["explanation"], fr["hints"], fr["resubmissions"], fr["standards"],
                fr["reviews"], *form_updates(d),
                # the comment starts empty: earlier comments are in the Reviews table
                "", fr["hint_review"], status(opened), "", form_state(d, r.id if r else None)]

    def pick_row(evt: gr.SelectData):
        row = evt.row_value or []
        return open_submission(row[0] if row else None)

    def choose_verdict(choice, state):
        """Agree locks the step and category on the tutor's own (Disagree unlocks them)."""
        if choice == AGREE and state:
            step, category = state["tutor"]
            return gr.update(value=step, interactive=False), gr.update(value=category, interactive=False)
        return gr.update(interactive=True), gr.update(interactive=True)

    def earlier_changed(r, agree, label, flag, fix) -> list[str]:
        """What a save would change of the latest review ``r`` a teacher made: its correction
        (when it disagreed) and its judgment of the hints (the distillation's hint target)."""
        changed = []
        if not r.agree and label != [r.first_error_step or 0, r.error_category or NO_CATEGORY]:
            changed.append(f"an earlier correction ({review_label(r)}) to "
                           f"{'agree with the tutor' if agree == AGREE else 'disagree'}: "
                           f"step {label[0] or 'none (correct)'}, {label[1]}")
        if r.hint_flag is not None and (flag, fix) != (r.hint_flag, r.corrected_hint):
            changed.append(f"the earlier judgment of the hints ({r.reviewer}: "
                           f"{hint_text(r.hint_flag, r.corrected_hint, 80)}) to "
                           f"{hint_text(flag, fix, 80) or 'not judged'}")
        return changed

    def save_review(sid, agree, step, category, comment, hint_choice, fix, state,
                    request: gr.Request):
        reviewer = getattr(request, "username", None) or "teacher"
        # agree, step, category, hint choice, corrected hint, comment, hint box, state: as they are
        keep = [gr.update()] * 8

        def refused(msg: str, *form):
            text = status(msg, False)
            return [gr.update(), text, text, *(form or keep)]

        if sid in (None, "", 0) or not state:
            return refused("Open a submission first: click a row in the table, or type its id and "
                           "press Open.")
        try:
            sid = int(sid)
            if state.get("sid") != sid:
                return refused(f"Press Open to load submission {sid} before reviewing it (the form "
                               f"below is for submission {state.get('sid')}); nothing was saved.")
            step = int(step or 0)
            category = None if category in (None, "", NO_CATEGORY) else category
            if hint_choice not in (None, "", *HINT_CHOICES):
                return refused(f"unknown choice for the hints: {hint_choice!r}; nothing was saved.")
            # the store's rules (a corrected hint needs a flag saying what was wrong), said before
            # any second-click question
            flag, fix = hint_judgment(_HINT_CODE.get(hint_choice), fix)
            if agree == AGREE and [step, category or NO_CATEGORY] != list(state["tutor"]):
                t_step, t_cat = state["tutor"]
                return refused(f"{AGREE_KEEPS} (the tutor’s: step {t_step or 'none'}, "
                               f"{t_cat}); nothing was saved.")
            d = store.get_submission(sid)
            r = d.latest_review
            label = (list(state["tutor"]) if agree == AGREE else [step, category or NO_CATEGORY])
            mine = [agree == AGREE, *label, flag, fix]
            changed = earlier_changed(r, agree, label, flag, fix) if r is not None else []
            if (changed and r.id == state.get("seen")
                    and state.get("confirm") != [sid, r.id, *mine]):
                # a teacher's correction or hint judgment is about to be replaced: say so, and
                # save on a second click
                warn = (f"This changes {' and '.join(changed)}. Press Save review again to save it, "
                        "or change the form back; nothing was saved yet.")
                return refused(warn, *[gr.update()] * 7, {**state, "confirm": [sid, r.id, *mine]})
            # the store checks the step and category (a wrong step needs a category), and that no
            # review was saved since this one was opened, so an API caller gets the same rules
            rid = store.add_review(sid, reviewer, agree == AGREE, first_error_step=step or None,
                                   error_category=category, comment=comment or "",
                                   seen_review_id=state.get("seen"), hint_flag=flag,
                                   corrected_hint=fix)
            d = store.get_submission(sid)
        except ReviewConflict as exc:
            # show the newer review in the form; the teacher checks it and saves again (what they
            # typed, the comment and the corrected hint, stays in its box)
            d = store.get_submission(int(sid))
            newer = exc.latest
            msg = (f"{exc}: another review was saved since you opened this submission. The form "
                   "now shows it; check it, then press Save review again to save yours.")
            text = status(msg, False)
            fr = detail_frames(d)
            return [fr["reviews"], text, text, *form_updates(d)[:4], gr.update(), gr.update(),
                    fr["hint_review"], {**form_state(d, newer.id)}]
        except (TutorError, ValueError) as exc:
            return refused(str(exc))
        done = f"Review of submission {sid} saved by {reviewer}."
        if agree != AGREE and not step and category:
            # the store drops it: say so, as "Disagree" with step 0 and a category is often a
            # forgotten step number (the latest review is the one that counts)
            done += (f" Step 0 means the solution is correct, so the error category {category} "
                     "was not saved; if a step is wrong, enter its number and save again.")
        # the form stays on what was saved; the comment is in the Reviews table now
        fr = detail_frames(d)
        return [fr["reviews"], status(done), status(done), *form_updates(d), "", fr["hint_review"],
                form_state(d, rid)]

    def export(kind: str, *form):
        try:
            f = filters_from_form(*form)
            # a folder per export: two exports with one name must not overwrite each other
            path = Path(tempfile.mkdtemp(dir=export_dir)) / export_name(kind, f.class_code, f.student_id)
            n = store.export_csv(path, f) if kind == "csv" else store.export_jsonl(path, f)
        except TutorError as exc:
            return gr.update(value=None, visible=False), status(str(exc), False)
        return (gr.update(value=str(path), visible=True),
                status(f"Exported {n} submissions as {kind.upper()}."))

    def class_view(*form):
        try:
            a = store.class_analytics(filters_from_form(*form))
        except TutorError as exc:
            return [gr.update()] * 8 + [status(str(exc), False)]
        # the standards with the most wrong solutions (rows come most errors first): 60 bars
        # make unreadable labels; the full list is in the exports
        by_std = _frame([[r["standard"], r["incorrect"], r["submissions"]]
                         for r in a.errors_by_standard if r["incorrect"]][:MAX_PLOTTED_STANDARDS],
                        ["standard", "incorrect", "submissions"])
        by_cat = _frame([[r["error_category"], r["count"]] for r in a.errors_by_category],
                        ["error category", "count"])
        # stacked bars (wrong + the rest = all submissions): one day of data still shows
        times = _frame([[r["day"], r["incorrect"], r["submissions"] - r["incorrect"]] for r in a.over_time],
                       ["day", "wrong", "correct or unsure"])
        long = times.melt(id_vars="day", var_name="series", value_name="count")
        prereq = _frame([[r["standard"], r["count"], r["description"]] for r in a.prerequisites],
                        PREREQ_COLUMNS)
        wrong = bool(len(by_std) or len(by_cat))  # bare axes say nothing: a sentence instead
        return [gr.update(visible=True), gr.update(value=by_std, visible=wrong),
                gr.update(value=by_cat, visible=wrong), long, mastery_html(a.mastery), prereq,
                gr.update(value=NO_WRONG, visible=not wrong),
                # hidden until a review judged some hints: empty, it shows a "1 2 3" table
                gr.update(value=hint_flag_frame(a.hint_flags), visible=bool(a.hint_flags)),
                status(f"{a.total} submissions in the class view.")]

    def delete_student(student, confirm):
        # the box is cleared after every try: each student's deletion is confirmed on its own
        if not confirm:
            return status("Tick the box to confirm the deletion.", False), False
        who = (student or "").strip()
        try:
            n = store.delete_student(who)
        except TutorError as exc:
            return status(str(exc), False), False
        if n == 0:
            return status(f"No submissions found for '{who}' (ids are matched without regard to "
                          "case); nothing was deleted.", False), False
        return status(f"Deleted {n} submission{'s' if n != 1 else ''} of '{who}'. To delete another "
                      "student's data, type the id and tick the box again."), False

    with gr.Blocks(title="Tutor — teacher", delete_cache=(3600, 3600)) as app:
        with gr.Row():
            gr.Markdown("## Teacher dashboard\nReview what the tutor said, correct it, and see where "
                        "the class struggles. Times are UTC.")
            # "logout" under /teacher/: Gradio's log-out route ends the session and goes back to the
            # log-in page (on a shared computer the next person must not find the dashboard open)
            gr.Button("Log out", link="logout", size="sm", scale=0, min_width=100, elem_id="logout")
        page = gr.State(1)
        with gr.Row():
            class_code = gr.Textbox(label="Class code", max_lines=1, elem_id="f-class")
            student = gr.Textbox(label="Student", max_lines=1, elem_id="f-student")
            date_from = gr.Textbox(label="From (YYYY-MM-DD)", max_lines=1, elem_id="f-from")
            date_to = gr.Textbox(label="To (YYYY-MM-DD)", max_lines=1, elem_id="f-to")
            problem = gr.Textbox(label="Problem (id or words)", max_lines=1, elem_id="f-problem")
        with gr.Row():
            standard = gr.Textbox(label="Standard (e.g. 5.NF)", max_lines=1, elem_id="f-standard")
            # a teacher's correction wins over the tutor's label here, as in the class view
            category = gr.Dropdown([ANY, *ERROR_CATEGORIES], value=ANY,
                                   label="Error category (yours where reviewed)", elem_id="f-category")
            verdict = gr.Dropdown([ANY, "correct", "incorrect", "unsure"], value=ANY,
                                  label="Verdict (yours where reviewed)", elem_id="f-verdict")
            unreviewed = gr.Checkbox(label="Unreviewed only", elem_id="f-unreviewed")
            apply_btn = gr.Button("Apply filters", variant="primary", elem_id="apply")
        form = [class_code, student, date_from, date_to, problem, standard, category, verdict, unreviewed]
        with gr.Tabs():
            with gr.Tab("Review", id="review"):
                table = gr.Dataframe(headers=TABLE_COLUMNS, datatype="str", interactive=False,
                                     wrap=True, column_widths=TABLE_WIDTHS,
                                     label="Submissions (newest first; click a row)",
                                     elem_id="review-table")
                with gr.Row():
                    prev_btn = gr.Button("◀ Previous", size="sm", elem_id="prev")
                    page_info = gr.Markdown(elem_id="page-info")
                    next_btn = gr.Button("Next ▶", size="sm", elem_id="next")
                with gr.Row():
                    csv_btn = gr.Button("Export CSV", size="sm", elem_id="export-csv")
                    jsonl_btn = gr.Button("Export JSONL", size="sm", elem_id="export-jsonl")
                    export_file = gr.File(label="Export", interactive=False, height=90, visible=False,
                                          elem_id="export-file")
                # the file is offered as a link, not downloaded at once
                gr.Markdown("<small>The exported file appears to the right of these buttons; click its "
                            "size (e.g. “26.2 KB ↓”) to download it.</small>", elem_id="export-note")
                gr.Markdown("### Submission")
                with gr.Row():
                    sub_id = gr.Number(label="Submission id", precision=0, elem_id="sub-id")
                    open_btn = gr.Button("Open", elem_id="open")
                    msg = gr.Markdown(elem_id="status")
                with gr.Row():
                    with gr.Column():
                        facts = gr.Dataframe(headers=FACT_COLUMNS, datatype="str", interactive=False,
                                             wrap=True, column_widths=FACT_WIDTHS,
                                             label="Summary", elem_id="facts")
                        problem_box = gr.Textbox(label="Problem", interactive=False, lines=3,
                                                 elem_id="d-problem")
                        solution_box = gr.Textbox(label="Solution as typed", interactive=False,
                                                  lines=4, elem_id="d-solution")
                        reference_box = gr.Textbox(label="Reference solution", interactive=False,
                                                   lines=2, elem_id="d-reference")
                        standards_tbl = gr.Dataframe(headers=STANDARD_COLUMNS, datatype="str",
                                                     interactive=False, wrap=True,
                                                     column_widths=STANDARD_WIDTHS,
                                                     label="Standards (problem, prerequisites)",
                                                     elem_id="d-standards")
                    with gr.Column():
                        steps_tbl = gr.Dataframe(headers=STEP_COLUMNS, datatype="str",
                                                 interactive=False, wrap=True,
                                                 column_widths=STEP_WIDTHS,
                                                 label="Student's steps with the tutor's marks",
                                                 elem_id="d-steps")
                        explanation = gr.Textbox(label="First wrong step: the tutor's explanation",
                                                 interactive=False, elem_id="d-explanation")
                        hints_tbl = gr.Dataframe(headers=HINT_COLUMNS, datatype="str",
                                                 interactive=False, wrap=True,
                                                 column_widths=HINT_WIDTHS,
                                                 label="Hints the student saw", elem_id="d-hints")
                        hint_note = gr.Textbox(label="These hints, as the latest review judged them",
                                               interactive=False, lines=2, elem_id="d-hint-review")
                        resub_tbl = gr.Dataframe(headers=RESUB_COLUMNS, datatype="str",
                                                 interactive=False, label="Resubmissions that followed")
                gr.Markdown("### Your review (the tutor's verdict is kept as it was)")
                with gr.Row():
                    agree = gr.Radio([AGREE, DISAGREE], value=AGREE, label="Verdict", elem_id="r-agree",
                                     info="Agree keeps the tutor's step and category; to change "
                                          "either, choose Disagree (the same step is fine).")
                    step_in = gr.Number(label="Right first wrong step (0 = solution is correct)",
                                        precision=0, minimum=0, interactive=False, elem_id="r-step")
                    cat_in = gr.Dropdown([NO_CATEGORY, *ERROR_CATEGORIES], value=NO_CATEGORY,
                                         label="Error category", interactive=False,
                                         elem_id="r-category")
                with gr.Row():
                    hint_flag = gr.Radio(HINT_CHOICES, value=HINTS_NOT_JUDGED,
                                         label="The hints the student saw", interactive=False,
                                         elem_id="r-hint-flag",
                                         info="Judge them whatever the verdict: the verdict can be "
                                              "right while a hint was poor.")
                    hint_fix = gr.Textbox(label="What the hint should have said (optional, up to "
                                                f"{MAX_CORRECTED_HINT_CHARS} characters)", lines=2,
                                          max_length=MAX_CORRECTED_HINT_CHARS, interactive=False,
                                          elem_id="r-hint-fix")
                comment = gr.Textbox(label=f"Comment (up to {MAX_COMMENT_CHARS:,} characters)", lines=2,
                                     max_length=MAX_COMMENT_CHARS, elem_id="r-comment")
                review_state = gr.State(None)
                save_btn = gr.Button("Save review", variant="primary", elem_id="save-review")
                # the result again beside the button: the status line is far up the page, so a
                # refused save looked like nothing happened
                save_msg = gr.Markdown(elem_id="save-status")
                reviews_tbl = gr.Dataframe(headers=REVIEW_COLUMNS, datatype="str", interactive=False,
                                           wrap=True, column_widths=REVIEW_WIDTHS,
                                           label="Reviews", elem_id="d-reviews")
            with gr.Tab("Class view", id="class"):
                class_btn = gr.Button("Show class view for the filters above", elem_id="class-view")
                # replaced by the count once pressed
                class_msg = gr.Markdown("Press **Show class view for the filters above** to see the "
                                        "charts and the mastery heat-map.", elem_id="class-status")
                # hidden until there is data: empty, it shows a bare heading and a "1 2 3" table
                with gr.Column(visible=False, elem_id="class-body") as class_body:
                    no_wrong = gr.Markdown(NO_WRONG, visible=False, elem_id="no-wrong")
                    with gr.Row():
                        std_plot = gr.BarPlot(
                            x="standard", y="incorrect", sort="-y", y_lim=[0, None],
                            title=f"Wrong solutions by standard (top {MAX_PLOTTED_STANDARDS})",
                            x_label_angle=-30, elem_id="plot-standard")
                        cat_plot = gr.BarPlot(x="error category", y="count",
                                              title="First errors by category", x_label_angle=-30,
                                              y_lim=[0, None], elem_id="plot-category")
                    time_plot = gr.BarPlot(x="day", y="count", color="series", x_label_angle=-45,
                                           color_map={"wrong": "#e4572e", "correct or unsure": "#4c9f70"},
                                           title="Submissions per day (wrong ones and the rest)")
                    gr.Markdown("#### Mastery: student × standard")
                    heat = gr.HTML(elem_id="mastery")
                    prereq_tbl = gr.Dataframe(headers=PREREQ_COLUMNS, datatype="str", interactive=False,
                                              wrap=True, column_widths=PREREQ_WIDTHS,
                                              label="Prerequisite standards most often implicated",
                                              elem_id="prereq")
                    hint_flag_tbl = gr.Dataframe(
                        headers=HINT_FLAG_COLUMNS, datatype="str", interactive=False, wrap=True,
                        column_widths=HINT_FLAG_WIDTHS, visible=False, elem_id="hint-flags",
                        label="Hints as teachers judged them (latest review; of the submissions "
                              "whose hints were judged)")
            with gr.Tab("Privacy", id="privacy"):
                gr.Markdown("Delete everything logged for one student (submissions, hints, reviews). "
                            "Ids are matched without regard to case. This cannot be undone; tick "
                            "the box again for each student.")
                del_student = gr.Textbox(label="Student id", max_lines=1, elem_id="del-student")
                del_confirm = gr.Checkbox(label="Yes, delete this student's data", elem_id="del-confirm")
                del_btn = gr.Button("Delete student data", variant="stop", elem_id="del-btn")
                del_msg = gr.Markdown(elem_id="del-status")

        page_out = [table, page, page_info]
        one = gr.State(1)
        apply_btn.click(load_page, [one, *form], page_out, api_name=False)
        prev_btn.click(lambda p, *f: load_page(p - 1, *f), [page, *form], page_out, api_name=False)
        next_btn.click(lambda p, *f: load_page(p + 1, *f), [page, *form], page_out, api_name=False)
        app.load(load_page, [one, *form], page_out, api_name=False)
        detail_out = [sub_id, facts, problem_box, solution_box, reference_box, steps_tbl, explanation,
                      hints_tbl, resub_tbl, standards_tbl, reviews_tbl, agree, step_in, cat_in,
                      hint_flag, hint_fix, comment, hint_note, msg, save_msg, review_state]
        open_btn.click(open_submission, sub_id, detail_out, api_name=False)
        table.select(pick_row, None, detail_out, api_name=False)
        agree.input(choose_verdict, [agree, review_state], [step_in, cat_in], api_name=False)
        save_btn.click(save_review, [sub_id, agree, step_in, cat_in, comment, hint_flag, hint_fix,
                                     review_state],
                       [reviews_tbl, msg, save_msg, agree, step_in, cat_in, hint_flag, hint_fix,
                        comment, hint_note, review_state],
                       api_name=False).then(load_page, [page, *form], page_out, api_name=False)
        csv_btn.click(lambda *f: export("csv", *f), form, [export_file, msg], api_name=False)
        jsonl_btn.click(lambda *f: export("jsonl", *f), form, [export_file, msg], api_name=False)
        class_btn.click(class_view, form,
                        [class_body, std_plot, cat_plot, time_plot, heat, prereq_tbl, no_wrong,
                         hint_flag_tbl, class_msg],
                        api_name=False)
        del_btn.click(delete_student, [del_student, del_confirm], [del_msg, del_confirm],
                      api_name=False).then(
            load_page, [page, *form], page_out, api_name=False)
    app.css = CSS
    return app
