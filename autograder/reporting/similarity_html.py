"""The similar solutions of a class as HTML: a section of report.html, or a page of its own (`autograder similarity`).

Per graded function, a ranked table of the flagged pairs, then the top pairs' two
cells side by side with the code they share marked, the common forms, and who was left
out and why. The page says plainly that similarity is a reason to look, not a proof.
Every piece of a student's code is escaped; the page has no scripts.
"""

from html import escape

from autograder.reporting.feedback import html_page, html_table
from autograder.similarity.compare import ClassSimilarity, FunctionSimilarity
from autograder.similarity.forms import FEWEST_RARE, RARE_SHARE
from autograder.similarity.pairs import Pair, Span

SHOWN = 20  # pairs per function on the page; similarity.csv has them all

CAVEAT = (
    "<p><strong>Similarity is a reason to look, not a proof.</strong> Two students can write the same code on"
    " their own, above all in a short function, and a shared idea from a lecture or a forum looks like a copy."
    " Read the two cells, and talk with the students, before drawing any conclusion.</p>"
)


def _how() -> str:
    share = f"{RARE_SHARE:.0%}"
    return (
        "<p>Each graded function's solution cells are compared pair by pair. The starter code of the released"
        " notebook, docstrings and comments are left out, and neither variable names nor layout count. A pair is"
        f" listed when the two share code that few others wrote: at most {FEWEST_RARE} students, or {share} of"
        " those who wrote the function, whichever is more. Its score is the share of the two cells' uncommon code"
        " (what more students wrote is left out) that the two have in common: 1 is a whole copy. <em>Others</em>"
        " counts the other students who have most of that code too. A form of the whole solution that more students wrote is shown once, as a common form,"
        " and none of its pairs is listed.</p>"
    )


def marked(source: str, spans: tuple[Span, ...]) -> str:
    """The source, escaped, with each span in <mark>; spans apart by whitespace alone become one mark."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and not source[merged[-1][1] : start].strip():
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    parts, position = [], 0
    for start, end in merged:
        parts += [escape(source[position:start]), f"<mark>{escape(source[start:end])}</mark>"]
        position = end
    return "".join([*parts, escape(source[position:])])


def _side_by_side(rank: int, result: FunctionSimilarity, pair: Pair) -> str:
    a, b = pair.student_a, pair.student_b
    cells = [
        f'<td><pre class="code">{marked(result.sources[student], spans)}</pre></td>'
        for student, spans in ((a, pair.matched_a), (b, pair.matched_b))
    ]
    return (
        f'<div class="label">#{rank}: {escape(a)} and {escape(b)}, score {pair.score:.2f},'
        f" {pair.others} others</div>\n"
        f'<table class="side"><thead><tr><th>{escape(a)}</th><th>{escape(b)}</th></tr></thead>\n'
        f"<tbody><tr>{''.join(cells)}</tr></tbody></table>"
    )


def _function_part(result: FunctionSimilarity) -> str:
    heading = f"<h3><code>{escape(result.function)}</code>: {len(result.compared)} students compared</h3>"
    parts = [heading]
    if result.note:
        parts.append(f"<p>{escape(result.note)}</p>")
    elif result.pairs:
        shown = result.pairs[:SHOWN]
        rows = [
            [str(rank), escape(pair.student_a), escape(pair.student_b), f"{pair.score:.2f}", str(pair.others)]
            for rank, pair in enumerate(shown, 1)
        ]
        parts.append(html_table(["#", "Student", "Student", "Score", "Others"], rows, {0, 3, 4}))
        if len(result.pairs) > SHOWN:
            parts.append(f"<p>{len(result.pairs) - SHOWN} more pairs are in similarity.csv.</p>")
        parts += [_side_by_side(rank, result, pair) for rank, pair in enumerate(shown, 1)]
    else:
        parts.append(f"<p>No pair shares code that at most {result.rare_limit} students wrote.</p>")
    for group in result.groups:
        first = group.students[0]
        parts += [
            f'<div class="label">A common form, written by {len(group.students)} students:'
            f" {escape(', '.join(group.students))}. The cell of {escape(first)}:</div>",
            f'<pre class="code">{escape(result.sources[first])}</pre>',
        ]
    left_out = [[escape(reason), escape(", ".join(students))] for reason, students in result.skipped.items()]
    if result.unparsed:
        reason = "not valid Python: compared with every name read as a variable but attributes, keyword arguments and builtins"
        left_out.append([escape(reason), escape(", ".join(result.unparsed))])
    if left_out:
        parts += ["<p>Not compared, or compared differently:</p>", html_table(["Why", "Students"], left_out, set())]
    return "\n".join(parts)


def similarity_section(similarity: ClassSimilarity) -> str:
    parts = ['<section id="similarity"><h2>Similar solutions</h2>', CAVEAT, _how()]
    if similarity.unreadable:
        rows = [[escape(student), escape(reason)] for student, reason in similarity.unreadable.items()]
        parts += [
            "<p>Notebooks that could not be read, compared in no function:</p>",
            html_table(["Student", "Why"], rows, set()),
        ]
    parts += [_function_part(result) for result in similarity.functions]
    return "\n".join([*parts, "</section>"])


def similarity_page(assignment: str, similarity: ClassSimilarity) -> str:
    """The section alone, as the page `autograder similarity` writes."""
    body = f"<h1>{escape(assignment)}: similar solutions</h1>\n{similarity_section(similarity)}"
    return html_page(f"{assignment}: similar solutions", body)
