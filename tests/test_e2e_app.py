"""One review end to end through the running web app, driven with gradio_client.

The real embedded models are used (student model for hints, MiniLM for standards); the
submission lands in the feedback log, with the hint levels the student saw.
"""

from __future__ import annotations

import json

import pytest

from tutor.bank import load_bank, titles
from tutor.config import load_settings
from tutor.eval.bench import with_slip
from tutor.service import Tutor

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def running(tmp_path_factory):
    from tutor.ui.server import create_server, start_in_thread

    db = tmp_path_factory.mktemp("e2e") / "log.sqlite3"
    tutor = Tutor.from_settings(load_settings(database_url=f"sqlite:///{db}"))
    url, stop = start_in_thread(create_server(tutor))
    from gradio_client import Client

    yield tutor, Client(url + "/", verbose=False)
    stop()


def submit(client, label, problem, solution, student="s1", klass="7B", grade="—"):
    return client.predict(label, problem, solution, student, klass, grade, api_name="/submit")


def test_bank_problem_with_a_slip(running):
    tutor, client = running
    prob = next(p for p in load_bank() if with_slip(p.reference_solution))
    steps, k = with_slip(prob.reference_solution)
    label = next(lbl for lbl, pid in titles() if pid == prob.id)
    verdict, steps_html, standards_html, hints = submit(client, label, prob.text, "\n".join(steps))
    assert f"Step {k} has a mistake" in verdict
    assert "first-error" in steps_html
    assert "Hint 1:" in hints and prob.final_answer not in hints.split("Hint 1:")[1]
    assert "<h4>Standards this problem practices</h4>" in standards_html
    assert prob.standards[0] in standards_html  # the bank's own tag is shown first
    hints2 = client.predict("s1", "7B", api_name="/more_help")  # the same student's boxes
    assert "Hint 2:" in hints2
    # Logged for the teacher: the submission, its verdict and the two levels the student saw.
    page = tutor.store.list_submissions(student_id="s1")
    assert page.total >= 1
    detail = tutor.store.get_submission(page.rows[0].id)
    assert detail.verdict.first_error_step == k
    assert [h.level for h in detail.hints_shown] == [1, 2]


def test_student_text_is_escaped_and_bad_input_is_a_message(running):
    _, client = running
    verdict, *_ = submit(client, "✏️ Type my own problem", "What is 2 + 2?", "")
    assert "⚠" in verdict and "Traceback" not in verdict
    _, steps_html, *_ = submit(client, "✏️ Type my own problem", "What is 2 + 2?",
                               "<script>alert(1)</script> 2 + 2 = 4")
    assert "<script>" not in steps_html and "&lt;script&gt;" in steps_html


def test_grade_choice_steers_the_standards(running):
    _, client = running
    problem = "Mia has 3/4 of a pizza and eats 1/3 of it. How much pizza does she eat?"

    def shown(grade):
        *_, standards_html, _ = submit(client, "✏️ Type my own problem", problem, "3/4 x 1/3 = 1/4",
                                       grade=grade)
        return standards_html.split("What to review")[0]

    assert shown("—").count("(grade 3)") <= 1
    for grade in ("3", "5"):  # a prior, not a filter: most of the three shown, not all
        assert shown(grade).count(f"(grade {grade})") >= 2


def test_real_vtg_solution_without_reference(running, shared_data):
    _, client = running
    rec = json.loads((shared_data / "vtg" / "dev.json").read_text())[0]
    verdict, steps_html, *_ = submit(client, "✏️ Type my own problem", rec["problem"],
                                     "\n".join(rec["student_incorrect_solution"]))
    assert "tutor-verdict" in verdict and "⚠" not in verdict
    assert steps_html.count("<tr") == len([s for s in rec["student_incorrect_solution"] if s.strip()])


def test_teacher_address_without_slash_redirects(running):
    import urllib.request

    tutor, client = running
    base = client.src.rstrip("/")
    with urllib.request.urlopen(base + "/teacher") as resp:  # follows the redirect
        assert resp.status == 200 and resp.url.endswith("/teacher/")


def test_the_last_hint_says_it_is_the_last():
    from tutor.schema import Hint
    from tutor.ui.student import LAST_HINT_NOTE, hints_md

    hint = Hint(level=3, kind="bottom_out", text="Redo only step 1.", source="fallback")
    assert LAST_HINT_NOTE in hints_md([hint], finished=True)
    assert LAST_HINT_NOTE not in hints_md([hint])
