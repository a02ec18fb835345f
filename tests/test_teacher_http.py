"""The teacher dashboard over real HTTP: refused without the password, students see nothing."""

from __future__ import annotations

import types

import httpx
import pytest

from tutor.store import Store
from tutor.store.demo import demo_item, seed_demo

PASSWORD = "s3cret-pw"
PAYLOAD = '<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">'


def placeholder_student_app():
    """Stands in for the lead's student app (the server must not depend on its content)."""
    import gradio as gr

    with gr.Blocks(title="student placeholder") as app:
        gr.Markdown("Student app placeholder")
    return app


def seeded_store(path) -> tuple[Store, int]:
    """A log with demo rows plus one whose problem, steps and student id carry a script."""
    import random

    store = Store(f"sqlite:///{path}")
    seed_demo(store, n=120, seed=3)
    sub, fb = demo_item(random.Random(0), PAYLOAD, "class-X", wrong=True, problem=0)
    sub.problem.text = "Evil problem " + PAYLOAD
    fb.steps[0].text = "Step " + PAYLOAD
    return store, store.save(sub, fb)


def start_dashboard(tmp_path, password: str = PASSWORD, store: Store | None = None):
    """Serve the student placeholder and the teacher app on a free 127.0.0.1 port.

    Returns ``(base_url, stop, store, payload_id)``."""
    from tutor.config import load_settings
    from tutor.ui.server import create_server, start_in_thread

    payload_id = None
    if store is None:
        store, payload_id = seeded_store(tmp_path / "log.sqlite3")
    settings = load_settings(database_url=store.url, teacher_password=password, use_model=False)
    tutor = types.SimpleNamespace(settings=settings, store=store)
    url, stop = start_in_thread(create_server(tutor, student_app=placeholder_student_app()))
    return url, stop, store, payload_id


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    url, stop, store, payload_id = start_dashboard(tmp_path_factory.mktemp("http"))
    yield url, store, payload_id
    stop()


def login(client: httpx.Client, url: str, user: str, password: str) -> httpx.Response:
    return client.post(f"{url}/teacher/login", data={"username": user, "password": password})


TEACHER_ROUTES = [("GET", "/teacher/config"), ("GET", "/teacher/gradio_api/info"),
                  ("POST", "/teacher/gradio_api/queue/join"),
                  ("GET", "/teacher/gradio_api/queue/data?session_hash=x"),
                  ("POST", "/teacher/gradio_api/upload"),
                  ("GET", "/teacher/gradio_api/file=/etc/hostname")]


def test_teacher_routes_refused_without_password(dashboard):
    url, _, _ = dashboard
    with httpx.Client(timeout=20) as c:
        for method, path in TEACHER_ROUTES:
            r = c.request(method, url + path, json={} if method == "POST" else None)
            assert r.status_code in (401, 403), (path, r.status_code)
            assert "student-" not in r.text
        page = c.get(f"{url}/teacher/")  # the log-in page only
        assert page.status_code == 200 and "student-" not in page.text and "class-" not in page.text
        assert login(c, url, "ms-lee", "wrong").status_code in (400, 401)
        assert c.get(f"{url}/teacher/config").status_code == 401
        assert login(c, url, "", PASSWORD).status_code in (400, 401, 422)  # a name is required
        assert c.get(f"{url}/teacher/config").status_code == 401


def test_teacher_gets_in_with_password(dashboard):
    url, _, _ = dashboard
    with httpx.Client(timeout=20) as c:
        assert login(c, url, "ms-lee", PASSWORD).status_code == 200
        config = c.get(f"{url}/teacher/config")
        assert config.status_code == 200 and "Teacher dashboard" in config.text
        # the review form judges the hints the student saw, in the teacher's words
        for words in ("The hints the student saw", "give away the answer",
                      "What the hint should have said"):
            assert words in config.text
        assert c.get(f"{url}/teacher/gradio_api/info").status_code == 200


def test_student_app_shows_no_teacher_data(dashboard):
    url, _, _ = dashboard
    with httpx.Client(timeout=20) as c:
        config = c.get(f"{url}/config")
        assert config.status_code == 200 and "Student app placeholder" in config.text
        for text in ("Teacher dashboard", "student-", "class-A", "Evil problem"):
            assert text not in config.text
        # the student app's API knows none of the teacher's functions
        assert "review" not in c.get(f"{url}/gradio_api/info").text.lower()


def test_empty_password_turns_the_dashboard_off(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    url, stop, _, _ = start_dashboard(tmp_path, password="", store=store)
    try:
        with httpx.Client(timeout=20) as c:
            r = c.get(f"{url}/teacher/config")
            assert r.status_code == 404 and "off" in r.text
            assert c.get(f"{url}/config").status_code == 200  # students still work
    finally:
        stop()


def test_password_check_needs_name_and_exact_password():
    from tutor.ui.server import password_check

    check = password_check("pässword")
    assert check("ms-lee", "pässword") and not check("ms-lee", "password")
    assert not check("", "pässword") and not check("ms-lee", "")


class _FakeTutor:
    """Just enough of :class:`tutor.service.Tutor` for the student app: canned feedback."""

    def __init__(self, store, settings):
        self.store, self.settings = store, settings

    @staticmethod
    def _feedback(sub=None):
        import random

        return demo_item(random.Random(0), "x", "y", wrong=True, problem=0)[1]

    def check(self, sub):
        return self._feedback()

    def hint(self, problem, feedback, level):
        yield self._feedback().hints[level - 1]

    def save(self, sub, feedback, parent_id=None):
        return self.store.save(sub, feedback, parent_id=parent_id)

    def log_hint_shown(self, submission_id, hint):
        self.store.log_hint_shown(submission_id, hint.level, hint.text)


def test_a_resubmission_is_the_same_student_class_and_problem():
    pytest.importorskip("gradio")
    from tutor.schema import Problem, Submission
    from tutor.ui.student import attempt_key

    def key(student, klass, text):
        return attempt_key(Submission(problem=Problem(text=text), solution_text="1 + 1 = 2",
                                      student_id=student, class_code=klass))

    first = key("kid-1", "C1", "Maya has 4 bags of 6 apples.")
    assert first == key(" Kid-1", "c1", "Maya has 4 bags  of 6 apples.")  # spacing, case
    assert first != key("kid-2", "C1", "Maya has 4 bags of 6 apples.")
    assert first != key("kid-1", "C2", "Maya has 4 bags of 6 apples.")
    assert first != key("kid-1", "C1", "Maya has 5 bags of 6 apples.")
    assert key(None, None, "2 + 2?") == key("", "", "2 + 2?")  # anonymous, same problem


def test_student_app_submissions_reach_the_teacher_log(tmp_path):
    """Through the real student app on the real server: submit, more help, resubmit."""
    pytest.importorskip("tutor.ui.student")
    from gradio_client import Client

    from tutor.config import load_settings
    from tutor.ui.server import create_server, start_in_thread

    store = Store(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    tutor = _FakeTutor(store, load_settings(teacher_password=PASSWORD, use_model=False))
    url, stop = start_in_thread(create_server(tutor))
    try:
        client = Client(url + "/", verbose=False)
        own = "✏️ Type my own problem"
        client.predict(own, "Maya has 4 bags of 6 apples.", "4 x 6 = 25", "kid-1", "C1", api_name="/submit")
        # "More help" with another student's id in the box: no hint, nothing logged for kid-1
        assert "student id or class code changed" in client.predict("kid-2", "C1", api_name="/more_help")
        client.predict("kid-1", "C1", api_name="/more_help")
        client.predict(own, "Maya has 4 bags of 6 apples.", "4 x 6 = 24", "kid-1", "C1", api_name="/submit")
        # the next student at the same computer (same browser session) starts afresh, and
        # when the first one takes the keyboard back, their try links to their own last one
        client.predict(own, "Maya has 4 bags of 6 apples.", "4 x 6 = 23", "kid-2", "C1", api_name="/submit")
        client.predict(own, "Maya has 4 bags of 6 apples.", "24 apples", "kid-1", "C1", api_name="/submit")
    finally:
        stop()
    third, other, newest, first = store.list_submissions().rows
    assert (first.student_id, first.class_code, first.hints_shown) == ("kid-1", "C1", 2)
    assert newest.parent_id == first.id  # the resubmission is linked to the first try
    assert (other.student_id, other.parent_id) == ("kid-2", None)
    assert (third.student_id, third.parent_id) == ("kid-1", newest.id)
    assert [h.level for h in store.get_submission(first.id).hints_shown] == [1, 2]


def test_student_app_logs_the_grade_of_the_problem(tmp_path):
    """A bank problem is logged with its own grade, a typed one with the grade picked."""
    pytest.importorskip("tutor.ui.student")
    from gradio_client import Client

    from tutor.bank import get_problem
    from tutor.config import load_settings
    from tutor.ui.server import create_server, start_in_thread

    store = Store(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    tutor = _FakeTutor(store, load_settings(teacher_password=PASSWORD, use_model=False))
    url, stop = start_in_thread(create_server(tutor))
    jacket = get_problem("g6-jacket-03")
    try:
        client = Client(url + "/", verbose=False)
        client.predict("Grade 6 · Jacket on sale", jacket.text, "80 - 28 = 52", "kid-1", "C1",
                       "—", api_name="/submit")
        client.predict("✏️ Type my own problem", "Maya has 4 bags of 6 apples.", "4 x 6 = 24",
                       "kid-2", "C1", "4", api_name="/submit")
    finally:
        stop()
    typed, bank = (store.get_submission(r.id) for r in store.list_submissions().rows)
    assert (bank.problem.id, bank.problem.grade) == ("g6-jacket-03", "6")
    assert (typed.problem.id, typed.problem.grade) == (None, "4")
