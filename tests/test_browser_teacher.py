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

from test_teacher_http import PASSWORD, PAYLOAD, start_dashboard

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
def browser_page(tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    url, stop, store, payload_id = start_dashboard(tmp_path_factory.mktemp("browser"))
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(20_000)
        yield page, url, store, payload_id
        browser.close()
    stop()


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
    page.goto(f"{url}/teacher/")
    assert page.locator("#review-table").count() == 0
    page.locator("input[type=text]").fill("ms-lee")
    page.locator("input[type=password]").fill(PASSWORD)
    page.get_by_role("button", name="Login").click()
    page.wait_for_selector("#review-table .virtual-body [role=row]")
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
    from tutor.ui.teacher import NO_CATEGORY

    tutor_category = store.get_submission(payload_id).verdict.error_category or NO_CATEGORY
    assert page.locator("#r-category input").input_value() == tutor_category
    # disagree, step 2, another category, comment
    page.get_by_label("Disagree").check()
    page.locator("#r-step input").fill("2")
    page.locator("#r-category input").click()
    page.get_by_role("option", name="Missing step").click()
    page.locator("#r-comment textarea").fill("Step 1 is fine; step 2 skips the subtraction.")
    page.locator("#save-review").click()
    wait_status(page, rf"Review of submission {payload_id} saved by ms-lee")
    review = store.get_submission(payload_id).latest_review
    assert (review.reviewer, review.agree, review.first_error_step, review.error_category) == (
        "ms-lee", False, 2, "Missing step")
    assert store.get_submission(payload_id).verdict.first_error_step == 1  # the original stays
    assert "ms-lee" in " ".join(table_rows(page, "#d-reviews"))
    shot(page, "4-review")
    # opening a submission again gives a fresh form: no comment or "Disagree" carried over
    page.locator("#open").click()
    wait_status(page, rf"Submission {payload_id} opened")
    assert page.locator("#r-comment textarea").input_value() == ""
    assert page.get_by_label("Agree with the tutor").is_checked()

    # --- export the filtered table as CSV
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
    page.locator("#class-view").click()
    page.wait_for_selector("#mastery table.mastery")
    assert page.locator("#mastery tr").count() > 1
    page.wait_for_selector("#plot-standard canvas, #plot-standard svg")
    shot(page, "6-class-view")
    assert page.evaluate("window.__xss") is None
