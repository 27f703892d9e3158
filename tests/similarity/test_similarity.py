"""Similar solutions across a class: a synthetic class built from sentiment_rnn's instructor notebook.

Its make_lexicon cells hold a renamed and reformatted copy of one unusual implementation
(two students), the reference's solution written by many students with their own names
and layout, and independent correct implementations for the rest. The other functions
keep the reference's solution. Nothing is graded, except in the one end-to-end test.
"""

import copy
import csv
import os
import subprocess
from collections import Counter

import nbformat
import numpy as np
import pandas as pd
import pytest
from support.cases import class_of_cases, solution_cell
from support.kit import AUTOGRADER, TINY, grade_class

from autograder.batch.discover import find_submissions
from autograder.cli import main
from autograder.course import Assignment, get
from autograder.notebook.cells import BEGIN_SOLUTION
from autograder.reporting.class_report import class_report_html
from autograder.reporting.similarity_html import similarity_page
from autograder.roster import Submission
from autograder.similarity.compare import EMPTY, MISSING, STUB, compare_class, compare_function
from autograder.similarity.forms import rare_limit
from autograder.similarity.own_code import own_tokens
from autograder.similarity.solutions import StudentCells, solution_sources, starter_sources
from autograder.similarity.tokens import normalize

ASSIGNMENT = get("sentiment_rnn")  # the class of the issue: make_lexicon bodies of sentiment_rnn's students

FUNCTION = "make_lexicon"

UNUSUAL = """\
    seen = {}
    for sequence in token_seqs:
        for word in sequence:
            seen[word] = seen.get(word, 0) + 1
    kept = sorted(w for w in seen if seen[w] > min_freq)
    result = dict(zip(kept, range(2, len(kept) + 2)))
    result.update({"<UNK>": 1})
    return result
"""
COPY = """\
    tally = {}
    for s in token_seqs:
        for t in s: tally[t] = tally.get(t, 0) + 1
    # keep the frequent ones
    keep = sorted(
        t for t in tally
        if tally[t] > min_freq
    )
    lex = dict(zip(keep, range(2, len(keep) + 2),))
    lex.update({'<UNK>': 1})
    return lex
"""
COMMON = [  # the reference's solution, each with other names and layout
    """\
    counts = Counter(token for seq in token_seqs for token in seq)
    frequent = [word for word, count in counts.items() if count > min_freq]
    lexicon = {word: idx for idx, word in enumerate(frequent, start=2)}
    lexicon["<UNK>"] = 1
    return lexicon
""",
    """\
    c = Counter(t for s in token_seqs for t in s)
    keep = [w for w, n in c.items() if n > min_freq]
    lex = {w: i for i, w in enumerate(keep, start=2)}
    lex['<UNK>'] = 1
    return lex
""",
    '''\
    # count all the words
    word_counts = Counter(tok for sentence in token_seqs for tok in sentence)
    frequent_words = [
        w for w, cnt in word_counts.items() if cnt > min_freq
    ]
    vocab = {
        w: index
        for index, w in enumerate(frequent_words, start=2)
    }
    """Unknown words."""
    vocab["<UNK>"] = 1
    return vocab
''',
]
INDEPENDENT = [
    """\
    from collections import defaultdict
    counts = defaultdict(int)
    for seq in token_seqs:
        for tok in seq:
            counts[tok] += 1
    lexicon = {"<UNK>": 1}
    for tok, n in counts.items():
        if n > min_freq:
            lexicon[tok] = len(lexicon) + 1
    return lexicon
""",
    """\
    counter = Counter()
    for seq in token_seqs:
        counter.update(seq)
    lexicon = {"<UNK>": 1}
    next_idx = 2
    for word, freq in counter.most_common():
        if freq > min_freq:
            lexicon[word] = next_idx
            next_idx += 1
    return lexicon
""",
    """\
    import itertools
    all_tokens = list(itertools.chain.from_iterable(token_seqs))
    counts = Counter(all_tokens)
    words = sorted(w for w, c in counts.items() if c > min_freq)
    return {"<UNK>": 1, **{w: i + 2 for i, w in enumerate(words)}}
""",
    """\
    freq = pd.Series([t for seq in token_seqs for t in seq], dtype=object).value_counts()
    keep = freq[freq > min_freq].index
    mapping = {word: position + 2 for position, word in enumerate(keep)}
    mapping["<UNK>"] = 1
    return mapping
""",
    """\
    flat = []
    for seq in token_seqs:
        flat.extend(seq)
    counts = Counter(flat)
    vocab = [w for w in counts if counts[w] > min_freq]
    lexicon = dict()
    lexicon['<UNK>'] = 1
    for i in range(len(vocab)):
        lexicon[vocab[i]] = i + 2
    return lexicon
""",
    """\
    import itertools
    flat = [t for seq in token_seqs for t in seq]
    words, counts = np.unique(np.array(flat, dtype=str), return_counts=True)
    frequent = words[counts > min_freq].tolist()
    lexicon = dict(zip(frequent, itertools.count(2)))
    lexicon["<UNK>"] = 1
    return lexicon
""",
]
COPIERS = ("unusual_a", "unusual_b")
COMMON_STUDENTS = tuple(f"common_{n}" for n in range(1, 9))
INDEPENDENT_STUDENTS = tuple(f"independent_{n}" for n in range(1, len(INDEPENDENT) + 1))
BODIES = {
    COPIERS[0]: UNUSUAL,
    COPIERS[1]: COPY,
    **{student: COMMON[n % len(COMMON)] for n, student in enumerate(COMMON_STUDENTS)},
    **dict(zip(INDEPENDENT_STUDENTS, INDEPENDENT)),
}


@pytest.fixture(scope="module")
def source() -> nbformat.NotebookNode:
    return nbformat.read(ASSIGNMENT.source_notebook, as_version=4)


def header(function: str = FUNCTION) -> str:
    """The function's `def` line and docstring, as the instructor's solution cell has them."""
    instructor = nbformat.read(ASSIGNMENT.source_notebook, as_version=4)
    return solution_cell(instructor, function).source.split(f"    {BEGIN_SOLUTION}", 1)[0]


def with_body(notebook: nbformat.NotebookNode, body: str, function: str = FUNCTION) -> nbformat.NotebookNode:
    """The notebook with one function's solution cell holding its `def` line, its docstring and `body`."""
    notebook = copy.deepcopy(notebook)
    solution_cell(notebook, function).source = header(function) + body
    return notebook


def write_class(
    folder, notebooks: dict[str, nbformat.NotebookNode | bytes], assignment: Assignment = ASSIGNMENT
) -> list[Submission]:
    """The notebooks in nbgrader's layout, found as `grade` finds them."""
    for student, notebook in notebooks.items():
        path = folder / student / assignment.name / f"{assignment.name}.ipynb"
        path.parent.mkdir(parents=True)
        path.write_bytes(notebook) if isinstance(notebook, bytes) else nbformat.write(notebook, path)
    return find_submissions(folder, assignment.name)


def compare(submissions: list[Submission]):
    return compare_class(submissions, ASSIGNMENT.functions, ASSIGNMENT.release_notebook)


def read_csv(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def synthetic_class(source, tmp_path_factory) -> list[Submission]:
    folder = tmp_path_factory.mktemp("similarity") / "submitted"
    return write_class(folder, {student: with_body(source, body) for student, body in BODIES.items()})


@pytest.fixture(scope="module")
def cli_runs(synthetic_class, tmp_path_factory) -> list:
    """`autograder similarity` on the synthetic class, twice, under two hash seeds."""
    submitted = synthetic_class[0].notebook.parents[2]
    outs = []
    for seed in ("1", "2"):
        out = tmp_path_factory.mktemp(f"similarity-out-{seed}")
        done = subprocess.run(
            [*AUTOGRADER, "similarity", str(submitted), "--assignment", ASSIGNMENT.name, "--out", str(out)],
            capture_output=True,
            text=True,
            timeout=600,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        assert done.returncode == 0, f"autograder similarity failed:\n{done.stdout}\n{done.stderr}"
        outs.append(out)
    return outs


# --- the class of the issue ---------------------------------------------------------------------------------


def test_every_implementation_of_the_class_is_correct():
    """The synthetic class's cells pass the visible asserts of make_lexicon's test cell (run here, not graded)."""
    for student, body in BODIES.items():
        namespace = {"Counter": Counter, "np": np, "pd": pd}
        exec(header() + body, namespace)
        exec(ASSIGNMENT.examples(FUNCTION), namespace)  # raises AssertionError if wrong
        assert namespace[FUNCTION]([["a", "b", "a", "c", "c", "c"]], 1).keys() == {"<UNK>", "a", "c"}, student


def test_the_copied_pair_ranks_first_the_common_solution_is_one_group_and_nothing_else_is_flagged(cli_runs):
    out = cli_runs[0]
    pairs = read_csv(out / "similarity.csv")
    assert list(pairs[0]) == ["function", "student_a", "student_b", "score", "others"]
    flagged = [row for row in pairs if row["function"] == FUNCTION]
    assert [(row["student_a"], row["student_b"]) for row in flagged] == [COPIERS]
    assert float(flagged[0]["score"]) > 0.9 and flagged[0]["others"] == "0"
    assert pairs == flagged  # the other functions: everyone wrote the reference's solution
    groups = read_csv(out / "similarity_groups.csv")
    assert [row for row in groups if row["function"] == FUNCTION] == [
        {"function": FUNCTION, "students": "8", "names": ";".join(COMMON_STUDENTS)}
    ]
    everyone = ";".join(sorted(BODIES))
    assert [(row["function"], row["names"]) for row in groups if row["function"] != FUNCTION] == [
        (function, everyone) for function in ASSIGNMENT.functions if function != FUNCTION
    ]


def test_the_files_are_the_same_whatever_the_hash_seed_and_the_order_of_submissions(cli_runs, synthetic_class):
    first, second = cli_runs
    for name in ("similarity.csv", "similarity_groups.csv", "similarity.html"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    page = similarity_page(ASSIGNMENT.name, compare(list(reversed(synthetic_class))))
    assert page == (first / "similarity.html").read_text(encoding="utf-8")


def test_the_copy_is_seen_whatever_the_names_layout_comments_docstrings_and_order_of_imports(source):
    starter = normalize(
        starter_sources(nbformat.read(ASSIGNMENT.release_notebook, as_version=4), (FUNCTION,))[FUNCTION]
    )

    def own(cell: str) -> list[str]:
        return [token.text for token in own_tokens(normalize(cell), starter)]

    original = header() + "    import numpy\n    import collections\n" + UNUSUAL
    disguised = (
        'def make_lexicon(token_seqs, min_freq=1):\n    """My own docstring."""\n'
        "    import collections  # counting\n    import numpy\n" + COPY
    )
    assert own(original) == own(disguised)
    assert own(original)[:4] == ["import", "collections", "import", "numpy"]  # imports first, sorted
    assert "def" not in own(original) and "Give every frequent word" not in " ".join(own(original))
    assert own(solution_cell(nbformat.read(ASSIGNMENT.release_notebook, as_version=4), FUNCTION).source) == []


def test_names_the_cell_only_uses_keep_their_text_so_different_libraries_stay_different():
    def texts(cell: str) -> str:
        return " ".join(token.text for line in normalize(cell).lines for token in line)

    assert texts("counts = np.bincount(seq, minlength=n)\n") == "V = np . bincount ( seq , minlength = n )"
    assert texts("def f(seq, n):\n    return np.bincount(seq, minlength=n)\n") == (
        "def V ( V , V ) : return np . bincount ( V , minlength = V )"
    )


def test_a_passage_copied_into_the_common_solution_is_flagged_for_itself():
    """Two students add the same unusual check to the reference's solution: the common code does not dilute it."""
    check = (
        "    if not all(isinstance(seq, list) for seq in token_seqs):\n"
        "        raise TypeError(f'token_seqs holds a {type(token_seqs[0]).__name__}')\n"
    )
    release = starter_sources(nbformat.read(ASSIGNMENT.release_notebook, as_version=4), (FUNCTION,))[FUNCTION]
    bodies = [check + COMMON[0], check + COMMON[1]] + COMMON * 4
    cells = [StudentCells(f"s{n:02}", {FUNCTION: header() + body}) for n, body in enumerate(bodies)]
    result = compare_function(FUNCTION, cells, release)
    assert [(p.student_a, p.student_b, p.score) for p in result.pairs] == [("s00", "s01", 1.0)]
    assert [g.students for g in result.groups] == [tuple(f"s{n:02}" for n in range(2, 14))]


def test_rare_means_at_most_three_students_or_five_percent_of_the_class():
    assert [rare_limit(n) for n in (1, 16, 79, 80, 100, 500)] == [3, 3, 3, 4, 5, 25]


@pytest.mark.parametrize("sharing", [3, 4])
def test_an_identical_solution_of_three_is_flagged_and_of_four_is_one_group(source, sharing):
    """In a class of 16 a form of 3 students is rare (each pair flagged, with 1 other), one of 4 is common."""
    release = starter_sources(nbformat.read(ASSIGNMENT.release_notebook, as_version=4), (FUNCTION,))[FUNCTION]
    bodies = [UNUSUAL] * sharing + INDEPENDENT + COMMON * 3
    cells = [StudentCells(f"s{n:02}", {FUNCTION: header() + b}) for n, b in enumerate(bodies[:16])]
    result = compare_function(FUNCTION, cells, release)
    sharers = tuple(f"s{n:02}" for n in range(sharing))
    if sharing == 3:
        assert [(p.student_a, p.student_b, p.score, p.others) for p in result.pairs] == [
            (a, b, 1.0, 1) for a, b in [sharers[:2], sharers[::2], sharers[1:]]
        ]
    else:
        assert result.pairs == () and sharers in [g.students for g in result.groups]


# --- bad input ----------------------------------------------------------------------------------------------


def test_bad_input_is_reported_never_flagged(source, tmp_path):
    blank = nbformat.read(ASSIGNMENT.release_notebook, as_version=4)
    no_cell = copy.deepcopy(source)
    no_cell.cells.remove(solution_cell(no_cell, FUNCTION))
    empty = copy.deepcopy(source)
    solution_cell(empty, FUNCTION).source = "# I will do this later\n"
    broken = with_body(source, "    return {w: i for i, w in enumerate(\n")  # not valid Python
    odd_metadata = copy.deepcopy(blank)  # nbformat lets a cell's metadata hold anything
    setup, load_data = [cell for cell in odd_metadata.cells if cell.cell_type == "code"][:2]
    setup.metadata["nbgrader"], load_data.metadata["nbgrader"] = "a text", {"solution": True, "grade_id": ["a"]}
    notebooks = {
        "a_copy": with_body(blank, UNUSUAL),  # everything else is the stub, so nobody wrote pad_idx_seqs ...
        "b_copy": with_body(blank, COPY),
        "blank": blank,
        "broken": broken,
        "empty": empty,
        "garbage": b"\x00\x01 not a notebook",
        "nested": b"[" * 100_000 + b"]" * 100_000,  # a RecursionError in the reader once ended the similarity step
        "no_cell": no_cell,
        "odd_metadata": odd_metadata,
    }
    for student in ("broken", "empty", "no_cell"):  # ... once these three, copies of the instructor's, have its stub
        solution_cell(notebooks[student], "pad_idx_seqs").source = solution_cell(blank, "pad_idx_seqs").source
    result = compare(write_class(tmp_path, notebooks))
    assert result.unreadable == {
        "garbage": "sentiment_rnn.ipynb is not a notebook (not JSON text)",
        "nested": "sentiment_rnn.ipynb is not a notebook (JSON nested too deeply to read)",
    }
    lexicon, pad = (next(r for r in result.functions if r.function == f) for f in (FUNCTION, "pad_idx_seqs"))
    assert lexicon.skipped == {STUB: ("blank", "odd_metadata"), EMPTY: ("empty",), MISSING: ("no_cell",)}
    assert lexicon.compared == ("a_copy", "b_copy", "broken") and lexicon.unparsed == ("broken",)
    assert [(p.student_a, p.student_b) for p in lexicon.pairs] == [("a_copy", "b_copy")]
    assert pad.compared == () and pad.pairs == () and pad.groups == () and "Nobody wrote" in pad.note
    assert pad.skipped == {STUB: ("a_copy", "b_copy", "blank", "broken", "empty", "no_cell", "odd_metadata")}
    page = similarity_page(ASSIGNMENT.name, result)
    for reason in (STUB, EMPTY, MISSING, "not valid Python", "not a notebook (not JSON text)", "Nobody wrote"):
        assert reason in page


@pytest.mark.parametrize(
    "cell",
    [
        "\x00x = 1",
        "\tif x:\n        y\n\tz",  # a dedent tokenize refuses
        "(" * 5000 + ")" * 5000,  # too deep for the parser
        "x = '''unclosed",
        "%%time\nx = 1\n!ls\n",
        "1" * 10_000,  # too long for int()
        "x = 1if y else 2",  # a SyntaxWarning
        "é = 1; print(é, 'ü')\r\n",
    ],
)
def test_any_text_in_a_cell_is_normalized_without_a_crash_or_a_warning(cell, recwarn):
    for line in normalize(cell).lines:
        assert all(0 <= token.start < token.end <= len(cell) for token in line)
    assert not recwarn.list


def test_a_class_of_one_is_compared_with_no_one(source, tmp_path):
    result = compare(write_class(tmp_path, {"alone": source}))
    assert all(r.pairs == () and r.groups == () for r in result.functions)
    assert {r.note for r in result.functions} == {"Only alone wrote this function: there is no one to compare with."}


def test_every_case_of_the_kits_class_run_is_compared_without_a_crash(source, tmp_path):
    """The mutants, other correct answers and hostile fixtures that `grade` meets in the tests' class run."""
    cases = {**class_of_cases(ASSIGNMENT, source, hostile_too=True), "blank": ASSIGNMENT.release_notebook.read_bytes()}
    result = compare(write_class(tmp_path, cases))
    assert set(result.unreadable) == {"binary_garbage", "empty", "not_a_notebook"}
    compared = {student for r in result.functions for student in r.compared}
    skipped = {student for r in result.functions for students in r.skipped.values() for student in students}
    assert compared | skipped | set(result.unreadable) == set(cases)


def test_the_command_says_what_is_wrong_when_there_is_nothing_to_compare(tmp_path):
    with pytest.raises(SystemExit, match=f"error: no notebooks in {tmp_path}"):
        main(["similarity", str(tmp_path), "--assignment", ASSIGNMENT.name, "--out", str(tmp_path / "out")])
    assert not (tmp_path / "out").exists()


# --- the report ---------------------------------------------------------------------------------------------


def test_the_report_escapes_student_code_and_marks_the_shared_part(source, tmp_path):
    hostile = UNUSUAL.replace(
        "    return result\n", '    print("</pre><script>alert(1)</script>")\n    return result\n'
    )
    copied = COPY.replace("    return lex\n", '    print("</pre><script>alert(1)</script>")\n    return lex\n')
    result = compare(write_class(tmp_path, {"x": with_body(source, hostile), "y": with_body(source, copied)}))
    page = class_report_html(ASSIGNMENT.name, {}, result)
    assert "<script" not in page and "&lt;/pre&gt;&lt;script&gt;" in page
    assert "Similarity is a reason to look, not a proof." in page
    assert "<mark>seen = {}\n    for sequence in token_seqs:" in page  # whitespace between matches is one mark
    assert page == class_report_html(
        ASSIGNMENT.name,
        {},
        compare(write_class(tmp_path / "again", {"x": with_body(source, hostile), "y": with_body(source, copied)})),
    )


def test_the_report_renders_in_headless_chromium(synthetic_class, tmp_path, page):
    html = tmp_path / "report.html"
    html.write_text(class_report_html(ASSIGNMENT.name, {}, compare(synthetic_class)), encoding="utf-8")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(html.as_uri())
    section = page.locator("#similarity")
    assert section.is_visible()
    assert page.get_by_text("Similarity is a reason to look, not a proof.").is_visible()
    left, right = (page.locator("table.side").first.locator("td").nth(i).bounding_box() for i in (0, 1))
    assert left["width"] > 250 and right["width"] > 250, (left, right)
    assert left["x"] + left["width"] <= right["x"] + 1 and abs(left["y"] - right["y"]) < 1, (left, right)
    marks = page.locator("table.side").first.locator("mark")
    assert marks.count() >= 2 and marks.first.is_visible()
    colour = marks.first.evaluate("mark => getComputedStyle(mark).backgroundColor")
    assert colour == "rgb(255, 213, 79)", colour
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# --- a class run --------------------------------------------------------------------------------------------


@pytest.mark.kernel
@pytest.mark.class_run
def test_a_class_run_of_grade_writes_the_similarity_files(tmp_path):
    """Two blank stubs of the tiny course (the quickest to grade) whose make_lexicon is the copied pair: flagged."""
    blank = nbformat.read(TINY.release_notebook, as_version=4)
    write_class(tmp_path / "submitted", {"ann": with_body(blank, UNUSUAL), "bob": with_body(blank, COPY)}, TINY)
    grade_class(tmp_path / "submitted", tmp_path / "out", "--workers", "1")
    assert [(r["function"], r["student_a"], r["student_b"]) for r in read_csv(tmp_path / "out" / "similarity.csv")] == [
        (FUNCTION, "ann", "bob")
    ]
    assert read_csv(tmp_path / "out" / "similarity_groups.csv") == []
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert '<section id="similarity">' in report and "#1: ann and bob" in report


def test_the_code_compared_is_the_definition_the_grader_graded():
    """An earlier definition in the answer cell, shadowed by a later one, is a decoy: left out, the helpers kept.
    A student's later cell that defines the function again holds the definition called: that cell is compared."""
    notebook = copy.deepcopy(TINY.source())
    answer = solution_cell(notebook, FUNCTION)
    graded = answer.source
    decoy = "@staticmethod\ndef make_lexicon(token_seqs, min_freq=1):\n    return {'decoy': 0}\n\n\n"
    helper = "def helper():\n    return 1\n\n\n"
    answer.source = decoy + helper + graded
    assert solution_sources(notebook, (FUNCTION,)) == {FUNCTION: "\n\n" + helper + graded}  # the blank lines stay
    later = "def make_lexicon(token_seqs, min_freq=1):\n    return {'<UNK>': 1}\n"
    notebook.cells.append(nbformat.v4.new_code_cell(later))
    assert solution_sources(notebook, (FUNCTION,)) == {FUNCTION: later}
