"""One web server for both tabs: the student app at ``/``, the teacher app at ``/teacher``.

The teacher app sits behind Gradio's log-in (``auth=`` on ``gr.mount_gradio_app``): any user
name with the teacher password (``settings.teacher_password``) gets in, and the user name is
recorded as the reviewer of every correction. Without the log-in cookie every teacher route
(config, queue, files, API) answers 401/403. An empty password leaves the teacher app out.
The server binds ``settings.host`` (127.0.0.1 by default: reachable from this machine only).
"""

from __future__ import annotations

import hmac
import logging
from typing import Any

log = logging.getLogger(__name__)

TEACHER_PATH = "/teacher"


def password_check(password: str):
    """A Gradio ``auth`` callable: accepts any non-empty user name with ``password``
    (compared in constant time)."""
    expected = password.encode("utf-8")

    def check(username: str, given: str) -> bool:
        return bool((username or "").strip()) and hmac.compare_digest(
            (given or "").encode("utf-8"), expected)

    return check


def create_server(tutor: Any, student_app: Any = None, teacher_app: Any = None):
    """The FastAPI app serving the student and teacher apps.

    Args:
        tutor: a :class:`tutor.service.Tutor` (``.settings`` and ``.store`` are used).
        student_app: the student ``gradio.Blocks``; default
            ``tutor.ui.student.build_student_app(tutor)``.
        teacher_app: the teacher ``gradio.Blocks``; default
            :func:`tutor.ui.teacher.build_teacher_app` over ``tutor.store``.

    Returns:
        A ``fastapi.FastAPI`` app (run it with uvicorn, see :func:`serve`).
    """
    import gradio as gr
    from fastapi import FastAPI
    from fastapi.responses import PlainTextResponse

    settings = tutor.settings
    app = FastAPI(title="tutor", docs_url=None, redoc_url=None, openapi_url=None)
    password = settings.teacher_password
    if password and tutor.store is not None:
        if teacher_app is None:
            from tutor.ui.teacher import build_teacher_app

            teacher_app = build_teacher_app(tutor.store, settings)
        from fastapi.responses import RedirectResponse

        @app.get(TEACHER_PATH, include_in_schema=False)
        def teacher_slash() -> RedirectResponse:  # "/teacher" as typed in a browser
            return RedirectResponse(TEACHER_PATH + "/")

        # Mounted before "/": Starlette tries mounts in order, and "/" matches everything.
        gr.mount_gradio_app(app, teacher_app, path=TEACHER_PATH, auth=password_check(password),
                            auth_message="Teacher dashboard: type your name as the user name (it "
                                         "cannot be empty: it is saved with your reviews) and the "
                                         "teacher password.",
                            footer_links=[], run_history=False, show_error=True,
                            css=getattr(teacher_app, "css", None))
    else:
        why = "no feedback log" if tutor.store is None else "no teacher password is set"

        @app.get(TEACHER_PATH)
        @app.get(TEACHER_PATH + "/{rest:path}")
        def teacher_off(rest: str = "") -> PlainTextResponse:
            return PlainTextResponse(f"The teacher dashboard is off ({why}).", status_code=404)

    if student_app is None:
        from tutor.ui.student import build_student_app

        student_app = build_student_app(tutor)
    # Every mounted Gradio app serves any file in Gradio's process-wide upload/cache folder,
    # the teacher's CSV/JSONL exports included; the student app has no file components, so it
    # is blocked from that folder altogether.
    from gradio.utils import get_upload_folder

    gr.mount_gradio_app(app, student_app, path="", footer_links=[], run_history=False,
                        blocked_paths=[str(get_upload_folder())],
                        css=getattr(student_app, "css", None))
    return app


def serve(tutor: Any, host: str | None = None, port: int | None = None) -> None:
    """Run the server with uvicorn until interrupted.

    Args:
        tutor: the :class:`tutor.service.Tutor`.
        host: address to bind (default ``tutor.settings.host``, 127.0.0.1).
        port: TCP port (default ``tutor.settings.port``, 7860).
    """
    import uvicorn

    host = host or tutor.settings.host
    port = int(port or tutor.settings.port)
    log.info("tutor at http://%s:%d/ (teacher dashboard at %s)", host, port, TEACHER_PATH)
    try:
        uvicorn.run(create_server(tutor), host=host, port=port, log_level="warning")
    finally:
        # Ctrl+C or SIGTERM: fold the SQLite -wal file into the log, so feedback.sqlite3 alone
        # holds the day's work once the app has stopped
        if getattr(tutor, "store", None) is not None:
            tutor.store.close()


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on right now (for tests and demos)."""
    import socket

    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def start_in_thread(app: Any, host: str = "127.0.0.1", port: int | None = None,
                    timeout: float = 30.0):
    """Serve ``app`` with uvicorn in a daemon thread (tests, screenshots).

    Returns:
        ``(base_url, stop)``: the ``http://host:port`` address and a function that stops the
        server and waits for the thread.

    Raises:
        RuntimeError: the server did not start within ``timeout`` seconds.
    """
    import threading
    import time

    import uvicorn

    port = port or free_port(host)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True, name="tutor-server")
    thread.start()
    deadline = time.monotonic() + timeout
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError(f"the server did not start on {host}:{port}")
        time.sleep(0.05)

    def stop() -> None:
        server.should_exit = True
        thread.join(timeout)

    return f"http://{host}:{port}", stop
