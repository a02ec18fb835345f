"""The student tab: submit a worked solution, see per-step marks, standards and hints.

Everything a student typed is escaped before it is shown (rendered as text, never as HTML).
The first hint streams as the student model writes it; "More help" reveals the next level.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field
from typing import Any

from tutor.errors import TutorError, TutorInputError
from tutor.mathtext import readable_math
from tutor.schema import GRADES, Feedback, Hint, Problem, Submission, parse_grade
from tutor.service import NO_REFERENCE_NOTE

log = logging.getLogger(__name__)

MARK_LABEL = {
    "correct": ("✔", "correct", "Looks right"),
    "first_error": ("✘", "first-error", "First error"),
    "after_error": ("·", "after-error", "Not checked after the error"),
    "unsure": ("?", "unsure", "Not sure — check this step"),
    "not_checked": ("·", "after-error", "Not checked"),
}
#: An "unsure" step whose calculation checked out: the doubt is whether it fits the problem.
UNSURE_RIGHT_CALCULATION = ("?", "unsure", "Calculation right — does it fit the problem?")
#: The last step of work that is right so far but stops before the question is answered.
NOT_FINISHED = ("→", "unsure", "Right so far — keep going")
#: A step that sets up a computation and leaves its result out ("$50 - $41.40 = ?").
NOT_WORKED_OUT = ("→", "unsure", "Not worked out yet")
OWN_PROBLEM = "✏️ Type my own problem"
NO_GRADE = "—"

CSS = """
.tutor-steps {width:100%; border-collapse:collapse}
.tutor-steps td {padding:6px 8px; border-bottom:1px solid #ddd; vertical-align:top}
.tutor-steps tr.first-error td {background:#ffe4e1; font-weight:600}
.tutor-steps tr.after-error td {color:#777}
.tutor-steps tr.unsure td {background:#fff8dc}
.tutor-verdict {padding:10px 14px; border-radius:8px; font-size:1.1em}
.tutor-verdict.correct {background:#e6f7e6} .tutor-verdict.incorrect {background:#ffe4e1}
.tutor-verdict.unsure {background:#fff8dc} .tutor-verdict.error {background:#eee}
"""


@dataclass
class Session:
    """Per-browser-session state: the last checked submission and how far the ladder went."""

    submission: Submission | None = None
    feedback: Feedback | None = None
    level: int = 0
    submission_id: int | None = None
    hints: list[Hint] = field(default_factory=list)
    #: the latest submission id per :func:`attempt_key` (students taking turns at one computer)
    attempts: dict[tuple[str, str, str], int] = field(default_factory=dict)


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def attempt_key(sub: Submission) -> tuple[str, str, str]:
    """Who tried which problem: student, class and problem text, spacing and case ignored. A
    submission revises the session's latest one with the same key; a shared classroom
    computer keeps one browser session for many students, so the session alone does not say."""
    return _norm(sub.student_id), _norm(sub.class_code), _norm(sub.problem.text)


def same_student(sub: Submission | None, student_id: str | None, class_code: str | None) -> bool:
    """Whether the student id and class code boxes still name the one who sent ``sub`` (case and
    spacing ignored). On a shared computer the next student must not get, or use up, the
    previous student's hints."""
    return sub is not None and (_norm(sub.student_id), _norm(sub.class_code)) == (
        _norm(student_id), _norm(class_code))


#: Said when "More help" is pressed after the student id or class code changed.
OTHER_STUDENT = ("The student id or class code changed since this work was checked. Write your own "
                 "solution and press Check my work to get hints for it.")


def max_level(feedback: Feedback) -> int:
    """How many hint levels a verdict offers: 3 for an error, 2 when correct, 1 when unsure."""
    return {"incorrect": 3, "correct": 2}.get(feedback.verdict.label, 1)


def verdict_html(feedback: Feedback) -> str:
    """The verdict banner (only tutor-written text, still escaped)."""
    v = feedback.verdict
    if v.label == "correct" and NO_REFERENCE_NOTE in feedback.warnings:
        # without a worked solution only the calculations were checked: no "every step" claim
        msg = "✔ Your calculations check out."
    elif v.label == "correct":
        msg = "✔ Every step checks out. Nice work!"
    elif v.label == "incorrect":
        msg = f"✘ Step {v.first_error_step} has a mistake."
        if v.explanation:
            msg += " " + v.explanation
    elif v.explanation:  # unsure, and the verifier says why ("The problem gives 15, but ...")
        msg = "? " + v.explanation
    elif v.calculation_right(_unsure_step(v)):
        # (there is no box to explain in: say what to do instead)
        msg = (f"? Your calculations check out, but the tutor is not sure step {_unsure_step(v)} fits the "
               "problem. Read the question again: is that step what it asks for? If you change "
               "anything, submit again.")
    elif _unsure_step(v):
        msg = (f"? The tutor is not sure about step {_unsure_step(v)}. Check it again, and submit "
               "again if you change anything.")
    else:
        msg = "? The tutor is not sure about one of your steps. Check them again, and submit again if you change anything."
    if _stops_early(v):
        msg = f"→ Not finished yet: step {v.first_error_step} is right so far. {v.explanation or ''}".strip()
    elif v.evidence.get("unfinished"):  # "$50 - $41.40 = ?": set up, not worked out (right or not)
        msg = f"→ {v.explanation}"
    notes = "".join(f"<p><i>{html.escape(w)}</i></p>" for w in feedback.warnings)
    css = "unsure" if _stops_early(v) else v.label
    return f'<div class="tutor-verdict {css}">{html.escape(msg)}{notes}</div>'


def _unsure_step(v) -> int | None:
    return next((i for i, m in enumerate(v.marks, 1) if m == "unsure"), None)


def _stops_early(v) -> bool:
    """Work that is right so far but stops before the answer (the verifier's conclusion check)."""
    return (v.label == "incorrect" and v.error_category == "Missing step" and bool(v.evidence.get("answer_check"))
            and not v.evidence.get("unfinished") and not v.evidence.get("relation"))  # (a wrong answer, named)


def steps_html(feedback: Feedback) -> str:
    """A table of the student's steps with their marks (student text escaped)."""
    rows = []
    marks = feedback.verdict.marks or ["not_checked"] * len(feedback.steps)
    v = feedback.verdict
    for step, mark in zip(feedback.steps, marks):
        icon, css, label = MARK_LABEL.get(mark, MARK_LABEL["not_checked"])
        if mark == "unsure" and v.calculation_right(step.number):
            icon, css, label = UNSURE_RIGHT_CALCULATION
        elif mark == "first_error" and _stops_early(v):
            icon, css, label = NOT_FINISHED
        elif mark in ("first_error", "unsure") and step.number == v.first_error_step and v.evidence.get("unfinished"):
            icon, css, label = NOT_WORKED_OUT
        rows.append(f'<tr class="{css}"><td>{icon}</td><td>Step {step.number}</td>'
                    f"<td>{html.escape(readable_math(step.text))}</td><td>{html.escape(label)}</td></tr>")
    return '<table class="tutor-steps">' + "".join(rows) + "</table>"


def standards_html(feedback: Feedback) -> str:
    """Standards the problem addresses and, after an error, what to review."""
    def code(m) -> str:
        return f"<b>{html.escape(m.code)}</b> (grade {html.escape(m.grade or '?')})"

    def items(ms):
        # the plain heading first, once for standards of one cluster; the standards' own
        # wording (written for teachers) on request
        groups: dict[str, list] = {}
        for m in ms:
            groups.setdefault(m.summary or f"\0{m.code}", []).append(m)
        out = []
        for heading, group in groups.items():
            if not group[0].summary:
                out.append(f"<li>{code(group[0])}: {html.escape(group[0].description)}</li>")
                continue
            full = "".join(f"<p>{code(m)}: {html.escape(m.description)}</p>" for m in group)
            label = "Full standard" if len(group) == 1 else "Full standards"
            out.append(f"<li>{html.escape(heading)} <small>{', '.join(code(m) for m in group)}</small>"
                       f"<details><summary>{label}</summary>{full}</details></li>")
        return "".join(out)

    out = ""
    if feedback.standards:
        out += "<h4>Standards this problem practices</h4><ul>" + items(feedback.standards) + "</ul>"
    if feedback.prerequisites:
        out += "<h4>What to review</h4><ul>" + items(feedback.prerequisites) + "</ul>"
    return out


#: Shown under the last hint of a ladder of three, where "More help" greys out.
LAST_HINT_NOTE = "That was the last hint for this step. Fix it and press Check my work again."


def hints_md(hints: list[Hint], finished: bool = False) -> str:
    """The hint ladder so far, as escaped HTML paragraphs; ``finished`` adds
    :data:`LAST_HINT_NOTE` (the error ladder's last level has been shown)."""
    # labels that do not repeat how the hint texts begin ("Well done! …", "Try this: …")
    names = {"confirm": "What you did well", "extension": "Next challenge", "explain": "Tell me more"}
    out = "".join(
        f"<p><b>{names.get(h.kind, f'Hint {h.level}')}:</b> {html.escape(h.text)}</p>" for h in hints)
    return out + (f"<p><i>{html.escape(LAST_HINT_NOTE)}</i></p>" if finished else "")


def error_html(message: str) -> str:
    return f'<div class="tutor-verdict error">⚠ {html.escape(message)}</div>'


def build_student_app(tutor: Any) -> "gr.Blocks":
    """The student tab as a Gradio Blocks app.

    Args:
        tutor: a :class:`tutor.service.Tutor`.
    """
    import gradio as gr

    from tutor.bank import get_problem, titles

    try:
        choices = [OWN_PROBLEM] + [label for label, _ in titles()]
        ids = {label: pid for label, pid in titles()}
    except TutorError:
        choices, ids = [OWN_PROBLEM], {}

    class_grade = tutor.settings.grade or NO_GRADE

    def pick(label: str, grade: str):
        if label in ids:  # a bank problem shows its own grade
            p = get_problem(ids[label])
            return p.text, (parse_grade(p.grade) or grade)
        # a typed problem starts from the class's grade, not the bank problem's picked before
        return "", class_grade

    def forget(state: Session):
        """Another student id or class code: the previous student's results go, and so does
        their hint ladder (the session keeps only who tried what, for linking resubmissions)."""
        state = Session(attempts=state.attempts if state else {})
        return "", "", "", "", gr.update(interactive=False), state

    def submit(label, problem_text, solution, student_id, class_code, grade, state: Session):
        state = state or Session()
        outputs = lambda v, s, st, h, more: (v, s, st, h, gr.update(interactive=more), state)  # noqa: E731
        try:
            if label in ids and problem_text.strip() == get_problem(ids[label]).text:
                problem = get_problem(ids[label])
                problem = Problem(**{**problem.__dict__})  # a copy: the bank stays untouched
            else:
                problem = Problem(text=problem_text or "", grade=parse_grade(grade))
            sub = Submission(problem=problem, solution_text=solution or "",
                             student_id=(student_id or "").strip() or None,
                             class_code=(class_code or "").strip() or None)
            feedback = tutor.check(sub)
        except TutorInputError as exc:
            yield outputs(error_html(str(exc)), "", "", "", False)
            return
        except TutorError as exc:
            log.exception("review failed")
            yield outputs(error_html(f"The tutor could not check this: {exc}"), "", "", "", False)
            return
        parent = state.attempts.get(attempt_key(sub))
        state.submission, state.feedback, state.level, state.hints = sub, feedback, 0, []
        v, s, st = verdict_html(feedback), steps_html(feedback), standards_html(feedback)
        yield outputs(v, s, st, "<p><i>Thinking of a hint…</i></p>", False)
        hint = None
        for hint in tutor.hint(sub.problem, feedback, 1):
            yield outputs(v, s, st, hints_md([hint]), False)
        if hint is not None:
            feedback.hints = [hint]
            state.hints, state.level = [hint], 1
        state.submission_id = tutor.save(sub, feedback, parent_id=parent)
        if state.submission_id is not None:
            state.attempts[attempt_key(sub)] = state.submission_id
        if hint is not None:
            tutor.log_hint_shown(state.submission_id, hint)
        yield outputs(v, s, st, hints_md(state.hints), state.level < max_level(feedback))

    def more_help(state: Session, student_id: str | None = None, class_code: str | None = None):
        if state and state.feedback is not None and not same_student(state.submission, student_id,
                                                                       class_code):
            # never a hint for (or logged under) another student's submission
            yield error_html(OTHER_STUDENT), gr.update(interactive=False), state
            return
        if not state or state.feedback is None or state.level >= max_level(state.feedback):
            yield hints_md(state.hints if state else []), gr.update(interactive=False), state
            return
        level = state.level + 1
        hint = None
        for hint in tutor.hint(state.submission.problem, state.feedback, level):
            yield hints_md(state.hints + [hint]), gr.update(interactive=False), state
        if hint is not None:
            state.hints.append(hint)
            state.level = level
            tutor.log_hint_shown(state.submission_id, hint)
        more = state.level < max_level(state.feedback)
        finished = not more and state.feedback.verdict.label == "incorrect"
        yield hints_md(state.hints, finished), gr.update(interactive=more), state

    with gr.Blocks(title="Math tutor") as app:
        gr.Markdown("## Math tutor\nWrite your solution one step per line. The tutor checks each "
                    "step and gives hints — it will not give away the answer.")
        state = gr.State(Session())
        with gr.Row():
            with gr.Column(scale=1):
                with gr.Row():
                    picker = gr.Dropdown(choices, value=OWN_PROBLEM, label="Problem bank", scale=3)
                    grade = gr.Dropdown([NO_GRADE, *GRADES], value=class_grade,
                                        label="Grade (optional)", scale=1)
                problem = gr.Textbox(label="Problem", lines=4, max_length=5000,
                                     placeholder="Type or paste the word problem here")
                solution = gr.Textbox(label="Your solution (one step per line)", lines=8,
                                      placeholder="Step 1: ...\nStep 2: ...")
                with gr.Row():
                    student_id = gr.Textbox(label="Student id (optional)", max_lines=1,
                                            elem_id="student-id")
                    class_code = gr.Textbox(label="Class code (optional)", max_lines=1,
                                            elem_id="class-code")
                submit_btn = gr.Button("Check my work", variant="primary")
            with gr.Column(scale=1):
                verdict = gr.HTML(elem_id="verdict")
                steps = gr.HTML(elem_id="steps")
                hints = gr.HTML(elem_id="hints")
                more = gr.Button("More help", interactive=False, elem_id="more-help")
                standards = gr.HTML(elem_id="standards")
        picker.change(pick, [picker, grade], [problem, grade], api_name=False)
        submit_btn.click(submit, [picker, problem, solution, student_id, class_code, grade, state],
                         [verdict, steps, standards, hints, more, state], api_name="submit")
        more.click(more_help, [state, student_id, class_code], [hints, more, state], api_name="more_help")
        # a shared classroom computer: the next student types their id, and the previous
        # student's work, verdict and hints go (and "More help" with them)
        for box in (student_id, class_code):
            box.change(forget, state, [verdict, steps, standards, hints, more, state], api_name=False)
    app.css = CSS
    return app
