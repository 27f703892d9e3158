"""A class's results on one self-contained page: how scores spread, which checks fail, and why.

It is for the instructor after grading: a check most of the class fails may
point at the assignment's wording or at the check itself, and the most common
failure messages say where to look.
A class run adds the similar solutions (reporting/similarity_html.py).

Plots are PNGs drawn with matplotlib's Agg renderer and embedded as base64, so
the page is one file that opens offline and prints. The figures have a fixed
size, resolution and style (matplotlib's defaults, whatever the machine's
matplotlibrc says), so the same results give the same bytes.
"""

import base64
import io
import statistics
from collections import Counter
from html import escape

from matplotlib import colormaps, style
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from autograder.reporting.feedback import format_points, function_of, html_page, html_table, score_and_max
from autograder.reporting.results import GRADER_ERROR, sandbox_warning, status_of
from autograder.reporting.similarity_html import similarity_section
from autograder.similarity.compare import ClassSimilarity

DPI = 100
WIDTH = 10  # inches: 1000 px wide, fits a laptop screen and a printed page
TOP_FAILURES = 10
LABEL_CHARS = 70  # longer check descriptions are cut in the chart; the table below keeps them whole

Check = tuple[str, str, int]  # (function, test name, n): the n-th test of that name in a results dict


def _img(figure: Figure, alt: str) -> str:
    """The figure as an inline PNG <img>, drawn by Agg; the PNG holds no timestamp nor version, only pixels."""
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI, metadata={"Software": None})
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img alt="{escape(alt)}" src="data:image/png;base64,{data}">'


def pass_rates(rows: dict[str, dict]) -> dict[Check, float]:
    """Percent of students passing each check, of those whose results have it; grouped by function.

    Two checks can share a name (one check run on two inputs), so a check is known
    by its name and how many tests of that name came before it, not by name alone.
    """
    verdicts: dict[Check, list[bool]] = {}
    for student in sorted(rows):
        seen: Counter[str] = Counter()
        for test in rows[student].get("tests", []):
            name = test.get("name", "")
            seen[name] += 1
            verdicts.setdefault((function_of(test), name, seen[name]), []).append(test.get("status") == "passed")
    functions = list(dict.fromkeys(function for function, _, _ in verdicts))
    by_function = sorted(verdicts.items(), key=lambda item: functions.index(item[0][0]))
    return {check: 100 * sum(passed) / len(passed) for check, passed in by_function}


def _histogram(totals: list[float], max_score: float) -> str:
    with style.context("default"):
        figure = Figure(figsize=(WIDTH, 3.5), layout="constrained")
        axes = figure.add_subplot()
        axes.hist(totals, bins=20, range=(0, max_score or 1), color="#3a6ea5", edgecolor="white")
        axes.set_xlabel(f"total score (out of {format_points(max_score)})")
        axes.set_ylabel("students")
        axes.yaxis.get_major_locator().set_params(integer=True)
        return _img(figure, "Histogram of the students' total scores")


def _label(function: str, name: str, n: int) -> str:
    label = name.removeprefix(f"{function}: ") + (f" (#{n})" if n > 1 else "")
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def _pass_rate_chart(rates: dict[Check, float]) -> str:
    """One horizontal bar per check, coloured by function, top to bottom in the results' order."""
    functions = list(dict.fromkeys(function for function, _, _ in rates))
    colours = {f: colormaps["tab10"](i % 10) for i, f in enumerate(functions)}
    with style.context("default"):
        figure = Figure(figsize=(WIDTH, 1.5 + 0.24 * len(rates)), layout="constrained")
        axes = figure.add_subplot()
        positions = range(len(rates))
        bars = axes.barh(positions, list(rates.values()), color=[colours[f] for f, _, _ in rates])
        axes.bar_label(bars, fmt="%.0f%%", padding=2, fontsize=7)
        axes.set_yticks(positions, [_label(*check) for check in rates], fontsize=8)
        axes.margins(y=0.01)
        axes.invert_yaxis()
        axes.set_xlim(0, 110)
        axes.set_xticks(range(0, 101, 20))
        axes.set_xlabel("students who pass the check (%)")
        handles = [Patch(color=colours[f], label=f) for f in functions]
        figure.legend(handles=handles, loc="outside upper center", ncols=min(len(functions), 4) or 1, fontsize=8)
        return _img(figure, "Pass rate per check, grouped by graded function")


def _common_failures(rows: dict[str, dict]) -> list[tuple[tuple[str, str], int]]:
    """The (check name, first line of its message) pairs most students got, ties in student order.

    A student counts once per pair even when two checks of the same name failed alike.
    """
    counts: Counter[tuple[str, str]] = Counter()
    for student in sorted(rows):
        failed = [test for test in rows[student].get("tests", []) if test.get("status") != "passed"]
        pairs = dict.fromkeys((test.get("name", ""), _first_line(test.get("output"))) for test in failed)
        counts.update(list(pairs))  # a list of keys: Counter.update would add a dict's values
    return counts.most_common(TOP_FAILURES)


def _first_line(output: str | None) -> str:
    return next((line.strip() for line in (output or "").splitlines() if line.strip()), "(no message)")


def class_report_html(assignment: str, rows: dict[str, dict], similarity: ClassSimilarity | None = None) -> str:
    """The class report for `rows` (student id -> the instructor's results): summary numbers, two charts, top failures.

    A warning comes first if any submission ran without the sandbox. Submissions the grader failed on
    ("grader error") are listed by name, outside every figure: their points are not the students' scores.
    With `similarity` (of the same class's notebooks), a section of similar solutions follows.
    """
    warning = sandbox_warning(rows[student] for student in sorted(rows))
    errors = sorted(student for student, results in rows.items() if status_of(results) == GRADER_ERROR)
    rows = {student: results for student, results in rows.items() if student not in errors}
    scores = [score_and_max(rows[student]) for student in sorted(rows)]
    totals = [score for score, _ in scores]
    max_score = max((most for _, most in scores), default=0)
    summary = [["Students", str(len(totals))]]
    if totals:
        summary += [
            [name, format_points(round(value, 2))]
            for name, value in [
                ("Mean", statistics.mean(totals)),
                ("Median", statistics.median(totals)),
                ("Minimum", min(totals)),
                ("Maximum", max(totals)),
            ]
        ]
    summary.append(["Out of", format_points(max_score)])
    failures = [
        [str(count), escape(name), f"<code>{escape(message)}</code>"]
        for (name, message), count in _common_failures(rows)
    ]
    body = "\n".join(
        [
            f"<h1>{escape(assignment)}: class report</h1>",
            *([f'<p class="warning"><strong>Warning:</strong> {escape(warning)}</p>'] if warning else []),
            html_table([name for name, _ in summary], [[value for _, value in summary]], set(range(len(summary)))),
            *(
                [
                    f"<p><strong>Not in these figures: the grader failed on {len(errors)} submissions</strong>"
                    f" (not by their fault; see each one's grader-error.log, and run the grading again):"
                    f" {escape(', '.join(errors))}</p>"
                ]
                if errors
                else []
            ),
            "<section><h2>Total scores</h2>",
            _histogram(totals, max_score),
            "</section>",
            "<section><h2>Pass rate per check</h2>",
            _pass_rate_chart(pass_rates(rows)),
            "</section>",
            f"<section><h2>Most common failure messages (top {TOP_FAILURES})</h2>",
            html_table(["Students", "Check", "First line of the message"], failures, {0})
            if failures
            else "<p>No check failed.</p>",
            "</section>",
            *([similarity_section(similarity)] if similarity is not None else []),
        ]
    )
    return html_page(f"{assignment}: class report", body)
