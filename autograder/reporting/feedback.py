"""One student's results.json as a self-contained HTML page they can read, print or save.

The page has no scripts and no external assets, so it opens the same from an
email attachment, an LMS upload or a printout. Every piece of text comes from
results.json and is escaped: a student's output can hold `<script>`, and it must
show as text, never run. A failed check shows what was checked and what the
student's function returned, never the value the check expected: the checks'
test cases stay hidden, so the page can be handed back as it is.

The helpers for grouping tests by graded function, formatting points and
wrapping a page are public because the class-wide reports use them too.
"""

from html import escape

from autograder.checklib.messages import without_expected

PAGE_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1a1a1a;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; }
h2 { font-size: 1.2rem; margin: 1.8rem 0 .4rem; border-bottom: 2px solid #ddd; padding-bottom: .2rem;
     display: flex; justify-content: space-between; gap: 1rem; }
.subtitle { color: #555; margin-top: 0; }
.total { font-size: 1.3rem; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #e5e5e5; }
th { background: #f4f4f4; }
td.num, th.num { text-align: right; white-space: nowrap; }
table.checks { table-layout: fixed; }
table.checks th:first-child { width: 6.5rem; }
table.checks th:last-child { width: 6rem; }
.status { font-weight: 600; white-space: nowrap; }
.passed { color: #1b6e2a; }
.failed { color: #b3261e; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #fbf3f2; border-left: 4px solid #b3261e;
      padding: .5rem .7rem; margin: .3rem 0 0; font-size: .9rem; }
pre.note { background: #f4f4f4; border-left-color: #888; }
.warning { background: #fff4e5; border-left: 4px solid #b35c00; padding: .5rem .7rem; }
.label { font-size: .8rem; font-weight: 600; color: #555; margin-top: .4rem; }
img { max-width: 100%; height: auto; display: block; margin: .5rem 0 1rem; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .3rem; }
pre.code { background: #f7f7f7; border-left-color: #3a6ea5; font-size: .8rem; }
mark { background: #ffd54f; color: inherit; }
table.side { table-layout: fixed; }
table.side td, table.side th { width: 50%; }
@media print {
  body { margin: 0; max-width: none; }
  section, tr, pre, img { break-inside: avoid; }
  .passed, .failed { color: #000; }
}
"""


def function_of(test: dict) -> str:
    """The graded function a test belongs to: its tag, else the `function: ` prefix of its name."""
    tags = test.get("tags") or [test.get("name", "").partition(": ")[0]]
    return tags[0]


def tests_by_function(results: dict) -> dict[str, list[dict]]:
    """A results dict's tests grouped by graded function, functions in the order they first appear."""
    groups: dict[str, list[dict]] = {}
    for test in results.get("tests", []):
        groups.setdefault(function_of(test), []).append(test)
    return groups


def score_and_max(results: dict) -> tuple[float, float]:
    """A student's total and the most they could get: results.json's own, else summed from its tests."""
    tests = results.get("tests", [])
    return (
        results.get("score", sum(t.get("score", 0) for t in tests)),
        results.get("max_score", sum(t.get("max_score", 0) for t in tests)),
    )


def format_points(value: float) -> str:
    """Points as people write them: 36 rather than 36.0, 0.5 rather than 0.5000000001."""
    value = round(float(value), 6)
    return str(int(value)) if value.is_integer() else repr(value)


def html_page(title: str, body: str) -> str:
    """A complete UTF-8 page with the kit's inline stylesheet; `body` must already be escaped."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{PAGE_CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def html_table(headers: list[str], rows: list[list[str]], numeric: set[int]) -> str:
    """An HTML table of already escaped cells; columns in `numeric` are right-aligned."""

    def cells(tag: str, values: list[str]) -> str:
        align = [' class="num"' if i in numeric else "" for i in range(len(values))]
        return "".join(f"<{tag}{a}>{v}</{tag}>" for a, v in zip(align, values))

    body = "\n".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    return f"<table><thead><tr>{cells('th', headers)}</tr></thead>\n<tbody>\n{body}\n</tbody></table>"


def _check_row(function: str, test: dict) -> str:
    """One table row per check; its message below it, so a failed check says what to fix."""
    passed = test.get("status") == "passed"
    status = "passed" if passed else "failed"
    description = test.get("name", "").removeprefix(f"{function}: ")
    output = test.get("output") or ""
    message = ""
    if not passed:
        text = without_expected(output) or "(the grader gave no message for this check)"
        message = f'<div class="label">What to fix</div><pre>{escape(text)}</pre>'
    elif output:
        message = f'<div class="label">Note</div><pre class="note">{escape(output)}</pre>'
    points = f"{format_points(test.get('score', 0))} / {format_points(test.get('max_score', 0))}"
    return (
        f'<tr><td class="status {status}">{"✔" if passed else "✘"} {status}</td>'
        f'<td>{escape(description)}{message}</td><td class="num">{points}</td></tr>'
    )


def _function_section(function: str, tests: list[dict]) -> str:
    score = sum(t.get("score", 0) for t in tests)
    points = sum(t.get("max_score", 0) for t in tests)
    failed = sum(t.get("status") != "passed" for t in tests)
    summary = f"{format_points(score)} / {format_points(points)}" + (f" · {failed} failed" if failed else "")
    rows = "\n".join(_check_row(function, t) for t in tests)
    return (
        f"<section>\n<h2><code>{escape(function)}</code><span>{summary}</span></h2>\n"
        '<table class="checks"><thead><tr><th>Result</th><th>Check</th><th class="num">Points</th></tr></thead>\n'
        f"<tbody>\n{rows}\n</tbody></table>\n</section>"
    )


def feedback_html(student: str, assignment: str, results: dict) -> str:
    """The feedback page for one student: total, then each graded function's checks."""
    groups = tests_by_function(results)
    score, max_score = score_and_max(results)
    body = "\n".join(
        [
            f"<h1>{escape(assignment)}: feedback</h1>",
            f'<p class="subtitle">Student: {escape(student)}</p>',
            f'<p class="total">Total: {format_points(score)} / {format_points(max_score)}</p>',
            '<p class="subtitle">The checks call your functions on test cases of their own. For each failed check,'
            " this page says what was checked and what your function returned, not the answer it expected.</p>",
            *([f'<pre class="note">{escape(results["output"])}</pre>'] if results.get("output") else []),
            *(_function_section(function, tests) for function, tests in groups.items()),
        ]
    )
    return html_page(f"{assignment}: feedback for {student}", body)
