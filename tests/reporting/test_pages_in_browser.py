"""What a person sees, in a real chromium: a student's feedback.html, the class's report.html, nbgrader's formgrader.

The pages are those of a real class run (`autograder grade --gradebook`, rnn_basics: the
quickest to grade, shared with the other tests of that class), opened as a person opens
them: the two HTML files from disk, the formgrader from a Jupyter server on loopback.
"""

import io
import shutil
from collections.abc import Callable

import pytest
from PIL import Image
from playwright.sync_api import Page, expect
from support.browser import jupyter_server
from support.fixtures import ClassRun

from autograder.course import Assignment, course_root, get
from autograder.reporting import feedback

BROWSER_ASSIGNMENT = get("rnn_basics")
pytestmark = pytest.mark.xdist_group(BROWSER_ASSIGNMENT.name)  # its class run


@pytest.fixture(scope="module")
def graded(class_runs: Callable[[Assignment], ClassRun]) -> ClassRun:
    return class_runs(BROWSER_ASSIGNMENT)


def rendered_colours(png: bytes) -> int:
    """How many colours a screenshot holds: a blank or broken element has one or two."""
    with Image.open(io.BytesIO(png)) as image:
        return len(image.convert("RGB").getcolors(1 << 24))


def student_with_passes_and_failures(graded: ClassRun) -> str:
    """A student who kept some points and lost others (a mutant bundle)."""
    return next(s for s, r in sorted(graded.results.items()) if 0 < r["score"] < r["max_score"])


def test_feedback_page_shows_the_total_then_each_function_with_what_to_fix(page: Page, graded: ClassRun):
    student = student_with_passes_and_failures(graded)
    results = graded.results[student]
    page.goto((graded.out / student / "feedback.html").as_uri())
    score, most = feedback.score_and_max(results)
    expect(page.locator(".total")).to_have_text(
        f"Total: {feedback.format_points(score)} / {feedback.format_points(most)}"
    )
    groups = feedback.tests_by_function(results)
    sections = page.locator("section")
    expect(sections).to_have_count(len(groups))
    for section, (function, tests) in zip(sections.all(), groups.items()):
        expect(section.locator("h2 code")).to_have_text(function)
        expect(section.locator("tbody tr")).to_have_count(len(tests))
        failed = [t for t in tests if t["status"] != "passed"]
        fixes = section.locator("pre:not(.note)")
        expect(fixes).to_have_count(len(failed))
        for fix in fixes.all():
            expect(fix).to_be_visible()
            assert fix.bounding_box()["height"] > 10
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"


def test_class_report_shows_its_numbers_and_draws_both_charts(page: Page, graded: ClassRun):
    page.goto((graded.out / "report.html").as_uri())
    expect(page.locator("h1")).to_have_text(f"{BROWSER_ASSIGNMENT.name}: class report")
    expect(page.locator("h2")).to_have_text(
        ["Total scores", "Pass rate per check", "Most common failure messages (top 10)", "Similar solutions"]
    )
    expect(page.locator("#similarity")).to_contain_text("Similarity is a reason to look, not a proof.")
    expect(page.locator("table").first.locator("tbody td").first).to_have_text(str(len(graded.results)))
    charts = page.locator("section img")
    expect(charts).to_have_count(2)
    for chart in charts.all():
        expect(chart).to_be_visible()
        assert chart.evaluate("img => img.complete && img.naturalWidth") == 1000, "the browser did not decode the chart"
        box = chart.bounding_box()
        assert box["width"] > 600 and box["height"] > 200, f"the chart is drawn at {box}"
        assert rendered_colours(chart.screenshot()) > 10, "the chart is drawn blank"
    failures = page.locator("section").nth(2).locator("tbody tr")
    assert failures.count() > 0, "the class has failed checks, but the report lists none"


def test_formgrader_shows_the_scores_the_kit_recorded(page: Page, graded: ClassRun, tmp_path):
    course = tmp_path / "course"
    course.mkdir()
    shutil.copy(course_root() / "nbgrader_config.py", course)  # this folder is the course, its gradebook.db the kit's
    shutil.copy(graded.out / "gradebook.db", course / "gradebook.db")
    with jupyter_server(course, tmp_path / "jupyter") as server:
        page.goto(server.address("formgrader/manage_students"))
        rows = page.locator("#main-table tr", has=page.locator("td.id"))
        expect(rows).to_have_count(len(graded.results), timeout=60_000)
        shown = {row.locator("td.id").inner_text(): row.locator("td.score").inner_text() for row in rows.all()}
    wanted = {
        student: f"{feedback.format_points(round(score, 2))} / {feedback.format_points(round(most, 2))}"
        for student, (score, most) in ((s, feedback.score_and_max(r)) for s, r in graded.results.items())
    }
    assert shown == wanted
