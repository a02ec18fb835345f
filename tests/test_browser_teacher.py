"""The teacher dashboard in a real browser (Debian's headless Chromium driven by Playwright):
log-in, filter, drill-down, correction, export, class view, and a <script> payload that must
show as text and never run. Screenshots go to test-artifacts/."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import httpx
import pytest

from test_store import make
from test_teacher_http import PASSWORD, PAYLOAD, start_dashboard
from tutor.store import Store
from tutor.ui.teacher import NO_CATEGORY

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed at "
                       "/usr/bin/chromium (apt-get install chromium)"),
]


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def new_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page


@pytest.fixture(scope="module")
def browser_page(browser, tmp_path_factory):
    url, stop, store, payload_id = start_dashboard(tmp_path_factory.mktemp("browser"))
    ARTIFACTS.mkdir(exist_ok=True)
    page = new_page(browser)
    yield page, url, store, payload_id
    page.context.close()
    stop()


def log_in(page, url: str) -> None:
    page.goto(f"{url}/teacher/")
    assert page.locator("#review-table").count() == 0
    page.locator("input[type=text]").fill("ms-lee")
    page.locator("input[type=password]").fill(PASSWORD)
    page.get_by_role("button", name="Login").click()
    page.wait_for_selector("#review-table .virtual-body [role=row]")


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"teacher-{name}.png"), full_page=True)


def table_rows(page, elem: str = "#review-table") -> list[str]:
    """Rendered body rows of a Gradio Dataframe (a virtual table: only rows in view)."""
    return [t for t in page.locator(f"{elem} .virtual-body [role=row]").all_inner_texts() if t.strip()]


def wait_status(page, pattern: str, elem: str = "#status") -> str:
    page.wait_for_function(
        "([sel, pat]) => new RegExp(pat).test(document.querySelector(sel)?.innerText || '')",
        arg=[elem, pattern])
    return page.locator(elem).inner_text()


def test_teacher_workflow_in_browser(browser_page, tmp_path):
    page, url, store, payload_id = browser_page

    # --- log-in: the dashboard is behind the password
    log_in(page, url)
    wait_status(page, rf"of \d+ · {store.list_submissions().total} submissions", "#page-info")
    shot(page, "1-table")

    # --- the <script> payload (newest row) shows literally and never runs
    assert "<script>window.__xss = 1</script>" in table_rows(page)[0]
    assert page.evaluate("window.__xss") is None

    # --- filter: class + verdict
    page.locator("#f-class input, #f-class textarea").first.fill("class-A")
    page.locator("#f-verdict input").click()
    page.get_by_role("option", name="incorrect").click()
    page.locator("#apply").click()
    info = wait_status(page, r"· \d+ submissions", "#page-info")
    wanted = store.list_submissions(class_code="class-A", verdict="incorrect")
    wait_status(page, rf"· {wanted.total} submissions", "#page-info")
    rows = table_rows(page)
    assert rows and all("class-A" in r and "incorrect" in r for r in rows), info
    shot(page, "2-filtered")

    # --- drill-down by clicking a row: a submission with hints shown
    first_id = wanted.rows[0].id
    page.locator("#review-table .virtual-body [role=row]").first.locator("[role=gridcell]").nth(1).click()
    wait_status(page, rf"Submission {first_id} opened")
    detail = store.get_submission(first_id)
    steps = table_rows(page, "#d-steps")
    assert len(steps) == len(detail.steps) and "first error" in " ".join(steps)
    assert page.locator("#d-problem textarea").input_value() == detail.problem.text
    # the solution keeps the student's line breaks, one step per line
    assert "\n" in detail.solution_text
    assert page.locator("#d-solution textarea").input_value() == detail.solution_text
    shot(page, "3-drilldown")

    # --- drill-down of the payload submission by id: text fields show it as text
    page.locator("#sub-id input").fill(str(payload_id))
    page.locator("#open").click()
    wait_status(page, rf"Submission {payload_id} opened")
    assert PAYLOAD in page.locator("#d-problem textarea").input_value()
    assert PAYLOAD in table_rows(page, "#d-steps")[0]
    assert page.evaluate("window.__xss") is None

    # --- correction: the form starts from the tutor's category ("none" for a correct verdict)
    tutor_category = store.get_submission(payload_id).verdict.error_category or NO_CATEGORY
    assert page.locator("#r-category input").input_value() == tutor_category
    # disagree, step 2, another category, comment
    page.get_by_label("Disagree").check()
    page.locator("#r-step input").fill("2")
    # a wrong step with "no error" as its category is refused, saying what to choose
    page.locator("#r-category input").click()
    page.get_by_role("option", name=NO_CATEGORY).click()
    page.locator("#save-review").click()
    refused = wait_status(page, "Not done")
    assert "step 2 is marked as the first wrong step, so choose its error category" in refused
    # and right below the button, where the teacher is looking (the status line is far above)
    assert wait_status(page, "Not done", "#save-status") == refused
    button, said = (page.locator(e).bounding_box() for e in ("#save-review", "#save-status"))
    assert 0 <= said["y"] - (button["y"] + button["height"]) < 60
    assert store.get_submission(payload_id).reviews == []
    page.locator("#r-category input").click()
    page.get_by_role("option", name="Missing step").click()
    page.locator("#r-comment textarea").fill("Step 1 is fine; step 2 skips the subtraction.")
    page.locator("#save-review").click()
    wait_status(page, rf"Review of submission {payload_id} saved by ms-lee")
    wait_status(page, rf"Review of submission {payload_id} saved by ms-lee", "#save-status")
    review = store.get_submission(payload_id).latest_review
    assert (review.reviewer, review.agree, review.first_error_step, review.error_category) == (
        "ms-lee", False, 2, "Missing step")
    assert store.get_submission(payload_id).verdict.first_error_step == 1  # the original stays
    assert "ms-lee" in " ".join(table_rows(page, "#d-reviews"))
    shot(page, "4-review")
    # opening it again (or reloading) shows the latest review, not "Agree" with the tutor's
    # label, so a later note does not quietly undo the correction (trial 11); the comment starts
    # empty (it is in the Reviews table)
    page.reload()
    page.wait_for_selector("#review-table .virtual-body [role=row]")
    page.locator("#sub-id input").fill(str(payload_id))
    page.locator("#open").click()
    wait_status(page, rf"Submission {payload_id} opened. The review form shows the latest review \(ms-lee")
    assert page.locator("#r-comment textarea").input_value() == ""
    assert page.get_by_label("Disagree").is_checked()
    assert page.locator("#r-step input").input_value() == "2"
    assert page.locator("#r-category input").input_value() == "Missing step"
    assert page.locator("#r-step input").is_enabled()
    # "Agree" locks the step and category on the tutor's own (no change silently dropped)
    page.get_by_label("Agree with the tutor").check()
    page.wait_for_function("document.querySelector('#r-step input').disabled")
    assert page.locator("#r-category input").is_disabled()
    tutor_step = store.get_submission(payload_id).verdict.first_error_step
    page.wait_for_function(f"document.querySelector('#r-step input').value === '{tutor_step}'")
    page.get_by_label("Disagree").check()
    page.wait_for_function("!document.querySelector('#r-step input').disabled")
    # a note only keeps the correction
    page.locator("#r-step input").fill("2")
    page.locator("#r-category input").click()
    page.get_by_role("option", name="Missing step").click()
    page.locator("#r-comment textarea").fill("Talked with the student on Monday.")
    page.locator("#save-review").click()
    wait_status(page, rf"Review of submission {payload_id} saved by ms-lee", "#save-status")
    review = store.get_submission(payload_id).latest_review
    assert (review.agree, review.first_error_step, review.error_category, review.comment) == (
        False, 2, "Missing step", "Talked with the student on Monday.")

    # the filters again (the reload cleared them)
    page.locator("#f-class input, #f-class textarea").first.fill("class-A")
    page.locator("#f-verdict input").click()
    page.get_by_role("option", name="incorrect").click()
    page.locator("#apply").click()
    wait_status(page, rf"· {wanted.total} submissions", "#page-info")

    # --- export the filtered table as CSV (a link to click, as the note beside the buttons says)
    assert "click its size" in page.locator("#export-note").inner_text()
    page.locator("#export-csv").click()
    wait_status(page, rf"Exported {wanted.total} submissions as CSV")
    link = page.locator("#export-file a").first
    link.wait_for()
    with page.expect_download() as dl:
        link.click()
    rows = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text(encoding="utf-8"))))
    assert len(rows) == wanted.total and {r["class_code"] for r in rows} == {"class-A"}
    # the exported file is refused without the teacher's log-in, and by the student app
    href = link.get_attribute("href")
    file_path = re.sub(r"^.*?/gradio_api/file=", "", href)
    with httpx.Client(timeout=20) as c:
        assert c.get(f"{url}/teacher/gradio_api/file={file_path}").status_code in (401, 403)
        assert c.get(f"{url}/gradio_api/file={file_path}").status_code in (403, 404)
    shot(page, "5-export")

    # --- class view: plots and the mastery heat-map for the filtered class
    page.get_by_role("tab", name="Class view").click()
    # before it is pressed: a note, and no bare "Mastery" heading or placeholder table
    page.locator("#class-status").get_by_text("Press Show class view").wait_for()
    mastery_heading = page.get_by_text("Mastery: student × standard")
    assert page.locator("#class-body").is_hidden() and mastery_heading.is_hidden()
    page.locator("#class-view").click()
    wait_status(page, rf"{wanted.total} submissions in the class view", "#class-status")
    assert page.locator("#class-body").is_visible() and mastery_heading.is_visible()
    page.wait_for_selector("#mastery table.mastery")
    assert page.locator("#mastery tr").count() > 1
    page.wait_for_selector("#plot-standard canvas, #plot-standard svg")
    shot(page, "6-class-view")
    assert page.evaluate("window.__xss") is None


# Per table: headers broken inside a word (more lines than words), body cells whose text is
# cut off, and the table's width against its box (wider = cut off at the right edge).
MEASURE = r"""(sel) => {
  const root = document.querySelector(sel);
  const lines = (el) => { const r = document.createRange(); r.selectNodeContents(el);
    return new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top))).size; };
  const words = (t) => t.trim().split(/\s+/).length;
  const box = root.querySelector('.virtual-table-viewport').getBoundingClientRect();
  const out = {broken_headers: [], cut_cells: [], overflow: 0};
  root.querySelectorAll('th span.header').forEach(h => {
    if (lines(h) > words(h.innerText)) out.broken_headers.push(h.innerText.trim());
  });
  root.querySelectorAll('.virtual-body [role=gridcell] span.text').forEach(c => {
    const r = c.getBoundingClientRect();
    if (c.innerText.trim() && (c.scrollWidth > c.clientWidth + 1 || r.right > box.right + 1))
      out.cut_cells.push(c.innerText.trim().slice(0, 30));
  });
  out.overflow = Math.round(root.querySelector('table.header-table').getBoundingClientRect().width - box.width);
  return out;
}"""

LONG_HINT = ("Look again at step 2: what is 20 take away 3? Count back from 20 three times and "
             "compare with what you wrote in that step before going on.")
LONG_COMMENT = ("The student subtracted wrongly in step 2; 20 - 3 is 17 and not 18, and then carried "
                "the wrong number into the final answer sentence as well, which the tutor found.")


def test_long_text_columns_wrap_and_headers_stay_whole(browser, tmp_path):
    """The trial's cut-off hint and description, and the Reviews header one letter a line."""
    store = Store(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    sub, fb = make("ana")
    fb.standards[0].description = (
        "Use proportional relationships to solve multistep ratio and percent problems. Examples: "
        "simple interest, tax, markups and markdowns, gratuities and commissions, fees, percent "
        "increase and decrease, percent error.")
    fb.prerequisites[0].description = (
        "Use ratio and rate reasoning to solve real-world and mathematical problems, e.g., by "
        "reasoning about tables of equivalent ratios, tape diagrams, double number line diagrams.")
    sid = store.save(sub, fb)
    store.log_hint_shown(sid, 1, LONG_HINT)
    store.add_review(sid, "ms-rivera", agree=False, first_error_step=1,
                     error_category="Misunderstanding of the question", comment=LONG_COMMENT)
    url, stop, _, _ = start_dashboard(tmp_path, store=store)
    page = new_page(browser)
    try:
        log_in(page, url)
        page.locator("#sub-id input").fill(str(sid))
        page.locator("#open").click()
        wait_status(page, rf"Submission {sid} opened")
        page.wait_for_selector("#d-reviews .virtual-body [role=row]")
        assert LONG_HINT in " ".join(table_rows(page, "#d-hints"))
        shot(page, "7-long-text")
        clean = {"broken_headers": [], "cut_cells": [], "overflow": 0}
        found = {t: page.evaluate(MEASURE, t) for t in ("#review-table", "#facts", "#d-steps",
                                                        "#d-hints", "#d-standards", "#d-reviews")}
        # the class view's prerequisites table (its "Wrong steps" was one letter a line)
        page.get_by_role("tab", name="Class view").click()
        page.locator("#class-view").click()
        page.wait_for_selector("#prereq .virtual-body [role=row]")
        found["#prereq"] = page.evaluate(MEASURE, "#prereq")
        shot(page, "8-long-text-class-view")
        assert {t: f for t, f in found.items() if f != clean} == {}
    finally:
        page.context.close()
        stop()


def test_log_out_and_the_heat_map_scrolls_sideways(browser, tmp_path):
    """Trial 11: no way to log out on a shared computer, and the heat-map cut off at ~17 of its
    60 standard columns (no scrollbar)."""
    store = Store(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    for i in range(60):
        store.save(*make("ana", code=f"7.NS.A.{i + 1}", label="correct" if i % 2 else "incorrect"))
    url, stop, _, _ = start_dashboard(tmp_path, store=store)
    page = new_page(browser)
    try:
        log_in(page, url)
        page.get_by_role("tab", name="Class view").click()
        page.locator("#class-view").click()
        wait_status(page, r"60 submissions in the class view", "#class-status")
        box = page.locator("#mastery .mastery-scroll")
        box.wait_for()
        sizes = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
        assert sizes[0] > sizes[1] + 500, sizes  # wider than the page, in a box that scrolls
        last = page.locator("#mastery table.mastery tr").first.locator("th").last
        assert last.inner_text() == "7.NS.A.9"  # codes sort as text: 7.NS.A.9 is the last
        box.evaluate("b => { b.scrollLeft = b.scrollWidth; }")
        edge = box.bounding_box()
        cell = last.bounding_box()
        assert edge["x"] <= cell["x"] and cell["x"] + cell["width"] <= edge["x"] + edge["width"] + 1
        # the student's name stays in view while scrolling
        name = page.locator("#mastery table.mastery tr").nth(1).locator("th").first.bounding_box()
        assert abs(name["x"] - edge["x"]) < 3
        shot(page, "9-heat-map-scrolled")
        # log out: back to the log-in page, and the dashboard needs the password again
        page.get_by_role("tab", name="Review").click()
        page.locator("#logout").click()
        page.wait_for_selector("input[type=password]")
        assert page.locator("#review-table").count() == 0
        page.goto(f"{url}/teacher/")
        page.wait_for_selector("input[type=password]")
        assert page.locator("#review-table").count() == 0
    finally:
        page.context.close()
        stop()


def test_shared_computer_the_next_student_sees_a_clean_page(browser, tmp_path):
    """Trial 11: after chloe's check, dev typed his id and pressed More help: he saw chloe's work
    and the hint was logged under her submission. Also: a typed problem after a bank one kept the
    bank problem's grade."""
    from test_teacher_http import _FakeTutor
    from tutor.config import load_settings
    from tutor.ui.server import create_server, start_in_thread

    store = Store(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    tutor = _FakeTutor(store, load_settings(teacher_password=PASSWORD, use_model=False))
    url, stop = start_in_thread(create_server(tutor))
    page = new_page(browser)
    try:
        page.goto(url + "/")
        page.get_by_label("Problem", exact=True).fill("Map scale: 1 cm is 5 km. How far is 6.4 cm?")
        page.get_by_label("Your solution (one step per line)").fill("6.4 + 25 = 31.4 km")
        page.locator("#student-id input, #student-id textarea").first.fill("chloe")
        page.locator("#class-code input, #class-code textarea").first.fill("7A")
        page.get_by_role("button", name="Check my work").click()
        page.wait_for_selector("#verdict .tutor-verdict")
        page.wait_for_function("!document.querySelector('#more-help').disabled")
        # the next student types his id: chloe's results go, and More help greys out
        page.locator("#student-id input, #student-id textarea").first.fill("dev")
        page.wait_for_function("!document.querySelector('#verdict .tutor-verdict')")
        page.wait_for_function("document.querySelector('#more-help').disabled")
        assert page.locator("#hints").inner_text().strip() == ""
        shot(page, "10-student-next-student")
        (chloe,) = store.list_submissions().rows
        assert [h.level for h in store.get_submission(chloe.id).hints_shown] == [1]
        # a bank problem fills in its grade; "Type my own problem" puts the class default back
        grade = page.locator("input[aria-label='Grade (optional)'], label:has-text('Grade') input").first
        page.get_by_label("Problem bank").click()
        page.get_by_role("option", name="Grade 6 · Jacket on sale").click()
        page.wait_for_function("(g) => g.value === '6'", arg=grade.element_handle())
        page.get_by_label("Problem bank").click()
        page.get_by_role("option", name="✏️ Type my own problem").click()
        page.wait_for_function("(g) => g.value === '—'", arg=grade.element_handle())
    finally:
        page.context.close()
        stop()
