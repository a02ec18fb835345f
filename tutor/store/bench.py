"""Teacher-page benchmark: how fast the dashboard's queries are on a big feedback log.

Run::

    python -m tutor.store.bench --rows 10000 --out reports/bench-teacher-page.json [--browser]

Seeds a fresh SQLite log (in a temporary folder, or ``--db URL``) with ``--rows`` made-up
submissions (:mod:`tutor.store.demo`), then times each teacher-page query ``--repeats`` times
and reports the median and max in seconds. ``--browser`` also times the real page in headless
Chromium (/usr/bin/chromium): log-in to first table, and "Next page" click to the new table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable


def _time(fn: Callable[[], Any], repeats: int) -> dict[str, float]:
    fn()  # warm caches once, as a teacher's second click would
    runs = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return {"median_s": round(statistics.median(runs), 4), "max_s": round(max(runs), 4)}


def store_timings(store, repeats: int) -> dict[str, dict[str, float]]:
    """Median/max seconds of each query the teacher page makes, incl. building the table."""
    from tutor.store import SubmissionFilter
    from tutor.ui.teacher import detail_frames, table_frame

    some_id = store.list_submissions(page_size=1).rows[0].id
    page = lambda **kw: table_frame(store.list_submissions(page_size=25, **kw))  # noqa: E731
    return {
        "page_1_no_filter": _time(lambda: page(), repeats),
        "page_200_no_filter": _time(lambda: page(page=200), repeats),
        "class_and_verdict": _time(lambda: page(class_code="class-A", verdict="incorrect"), repeats),
        "standard_prefix": _time(lambda: page(standard="5.NF"), repeats),
        "problem_words": _time(lambda: page(problem="ribbon"), repeats),
        "unreviewed_last_7_days": _time(lambda: page(
            unreviewed_only=True, date_from=dt.date.today() - dt.timedelta(days=7)), repeats),
        "drill_down": _time(lambda: detail_frames(store.get_submission(some_id)), repeats),
        "class_view_all_rows": _time(lambda: store.class_analytics(SubmissionFilter()), max(3, repeats // 5)),
        "export_csv_one_class": _time(lambda: store.export_csv(
            Path(tempfile.gettempdir()) / "bench.csv", SubmissionFilter(class_code="class-A")), 1),
    }


def browser_timings(store, repeats: int) -> dict[str, dict[str, float]]:
    """Seconds in headless Chromium: log-in to the first table; "Next" to the next page."""
    import types

    from playwright.sync_api import sync_playwright

    from tutor.config import load_settings
    from tutor.ui.server import create_server, start_in_thread
    import gradio as gr

    with gr.Blocks() as student:
        gr.Markdown("student")
    tutor = types.SimpleNamespace(settings=load_settings(teacher_password="bench", use_model=False),
                                  store=store)
    url, stop = start_in_thread(create_server(tutor, student_app=student))
    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"]
    out: dict[str, dict[str, float]] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=args)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            t = time.perf_counter()
            page.goto(f"{url}/teacher/")
            page.locator("input[type=text]").fill("bench")
            page.locator("input[type=password]").fill("bench")
            page.get_by_role("button", name="Login").click()
            page.wait_for_function("/Page 1 of/.test(document.querySelector('#page-info')?.innerText||'')")
            out["login_to_first_table"] = {"median_s": round(time.perf_counter() - t, 3),
                                           "max_s": round(time.perf_counter() - t, 3)}
            runs = []
            for i in range(2, repeats + 2):
                t = time.perf_counter()
                page.locator("#next").click()
                page.wait_for_function(f"/Page {i} of/.test(document.querySelector('#page-info')?.innerText||'')")
                runs.append(time.perf_counter() - t)
            out["next_page_click_to_table"] = {"median_s": round(statistics.median(runs), 3),
                                               "max_s": round(max(runs), 3)}
            browser.close()
    finally:
        stop()
    return out


def main(argv: list[str] | None = None) -> int:
    from tutor.store import Store
    from tutor.store.demo import seed_demo

    ap = argparse.ArgumentParser(prog="python -m tutor.store.bench", description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=10_000, help="made-up submissions to log first")
    ap.add_argument("--repeats", type=int, default=20, help="timed runs per query")
    ap.add_argument("--db", help="SQLAlchemy URL (default: a new SQLite file in a temp folder)")
    ap.add_argument("--browser", action="store_true", help="also time the page in headless Chromium")
    ap.add_argument("--out", default="reports/bench-teacher-page.json", help="JSON report path")
    args = ap.parse_args(argv)
    tmp = tempfile.mkdtemp(prefix="tutor-bench-")
    store = Store(args.db or f"sqlite:///{tmp}/bench.sqlite3")
    t = time.perf_counter()
    ids = seed_demo(store, n=args.rows, seed=0)
    seeded = time.perf_counter() - t
    report = {
        "command": "python -m tutor.store.bench " + " ".join(sys.argv[1:] if argv is None else argv),
        "date_utc": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {platform.system()}, Python {platform.python_version()}",
        "database": store.engine.url.get_backend_name(), "submissions": len(ids),
        "seed_seconds": round(seeded, 2), "queries": store_timings(store, args.repeats)}
    if args.browser:
        report["browser"] = browser_timings(store, min(args.repeats, 10))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
