"""Hostile and broken submissions, graded in one class run beside an honest one.

Each case names the functions that must lose their points and what their failed
checks must say; every other function of the case keeps full marks, and the
honest submission keeps full marks. They are graded with the tiny course's class run
(tests/tiny_course), whose functions have sentiment_rnn's names. The fixtures are in
tests/hostile/, named by what they do. docs/security.md points here.
"""

import json
from pathlib import Path

import nbformat
import pytest
from support.cases import HOSTILE, hostile
from support.kit import TINY, grade

from autograder.authoring.mutants import by_function

NOT_A_NOTEBOOK = {f: "Not graded" for f in TINY.functions}
GATED = "the examples in the notebook's test cell for make_lexicon fail"
"""What a check says whose points the failed examples took (runner/outcome.py's gates)."""
ONLY_UNK = ("({'<UNK>': 1})", "returned: ['<UNK>']", "returned: {'<UNK>': 1}", GATED)
"""What make_lexicon's failed checks show of a function that returns {'<UNK>': 1}: the example's, the keys, the dict."""
EXPECTED = {  # case: {function that scores 0: text (or one of the texts) each of its failed checks shows}
    "honest": {},
    "infinite_loop": {"make_lexicon": "time limit", "pad_idx_seqs": "time limit"},
    "exits_and_crashes": {
        "text_to_tokens": "KeyboardInterrupt",
        "tokens_to_idxs": "SystemExit: 3",
        "idx_seqs_to_bows": "process died",
        "pad_idx_seqs": "process died",
        "create_rnn_model": "process died",
    },
    "memory_hog": {"idx_seqs_to_bows": ("memory limit", "time limit")},  # which comes first depends on the machine
    "print_flood": {},
    "monkeypatching": {"make_lexicon": "'score'"},  # the forged answer's dict, graded as what make_lexicon returned
    "return_value_tricks": {
        "make_lexicon": "returned a __main__.AlwaysEqualDict",
        "tokens_to_idxs": "returned a __main__.AlwaysEqualList",
        "idx_seqs_to_bows": "returned a __main__.AlwaysEqualArray",
        "pad_idx_seqs": "returned a __main__.LooksLikeAnArray",
    },
    "reading_the_reference": {"make_lexicon": "the reference solution is nowhere to be found"},
    "forging_results": {"make_lexicon": ONLY_UNK},
    "phoning_home": {"make_lexicon": "Network is unreachable"},
    "child_processes": {},
    "empty": NOT_A_NOTEBOOK,
    "binary_garbage": NOT_A_NOTEBOOK,
    "not_a_notebook": NOT_A_NOTEBOOK,
    "solution_cell_raises": {"make_lexicon": "cell 'make_lexicon' raised ModuleNotFoundError"},
    "test_cells_deleted": {},
    "test_cells_edited": {"make_lexicon": ONLY_UNK},
    "duplicate_cell_ids": {},
    "another_assignments_notebook": {f: "is not defined" for f in TINY.functions},
    "display_updated_by_id": {},  # honest code: a progress display updated by a later cell
    "link_to_the_reference": {f: "is a symbolic link, not a notebook file" for f in TINY.functions},
    "folder_link_to_the_source": {f: f"reached through a symbolic link ({TINY.name})" for f in TINY.functions},
    "fifo_named_as_a_notebook": {f: "is a FIFO, not a notebook file" for f in TINY.functions},
    "replacing_the_kernel_files": {"pad_idx_seqs": "process died"},  # and the next kernels start: the rest is graded
    "cell_roles_changed": {},  # each cell graded in the assignment's role
}
NOTES = {  # case: text the top-level output of the instructor's copy must hold (and results.json, but the sandbox's)
    "honest": "Sandbox: bubblewrap",
    "print_flood": "printed more than 1024 KiB; the rest was not kept",
    "exits_and_crashes": "started again after",
    "test_cells_deleted": "Test cells deleted: test_text_to_tokens",
    "test_cells_edited": "Test cells edited: test_make_lexicon",
    "duplicate_cell_ids": f"Repaired: {len(TINY.source().cells) - 1} cells had the id of another cell",
    "another_assignments_notebook": f"none of the answer cells of {TINY.name}",
    "cell_roles_changed": "Cell roles restored from the assignment: make_lexicon, test_make_lexicon",
}


def test_what_a_link_or_a_fifo_was_is_told_to_the_instructor_only(class_run):
    """The reference's path, which a link pointed to, is in the instructor's copy and nowhere in the student's."""
    told = {
        "link_to_the_reference": str(TINY.source_notebook),
        "folder_link_to_the_source": str(TINY.source_notebook.parent),
        "fifo_named_as_a_notebook": "is a FIFO",
    }
    for case, detail in told.items():
        assert detail in class_run.instructor[case]["output"], (case, class_run.instructor[case]["output"])
        assert str(TINY.root) not in json.dumps(class_run.results[case]), case


def test_the_grader_writes_through_no_link_the_student_made(class_run):
    """replacing_the_kernel_files linked each kernel.json it found to this file, before its process died and the grader
    started the next (the grader once wrote the next kernel's spec there: out of the sandbox, as the grader)."""
    assert "started again after" in class_run.instructor["replacing_the_kernel_files"]["output"]
    assert not Path("/tmp/kit-hostile-written-through-a-link").exists()


def test_every_fixture_has_an_expected_result():
    fixtures = {path.stem for path in HOSTILE.iterdir()}
    assert fixtures <= set(EXPECTED), f"fixtures without an expected result: {fixtures - set(EXPECTED)}"


@pytest.mark.parametrize("case", EXPECTED)
def test_case_loses_exactly_the_points_it_should(case, class_run):
    results = class_run.results[case]
    scores = by_function(results)
    zero = EXPECTED[case]
    assert {f: scores[f][0] for f in zero} == dict.fromkeys(zero, 0.0), scores
    assert {f: s for f, (s, p) in scores.items() if f not in zero} == {
        f: p for f, (s, p) in scores.items() if f not in zero
    }
    for test in results["tests"]:
        (function,) = test["tags"]
        if function in zero and test["status"] == "failed":
            texts = (zero[function],) if isinstance(zero[function], str) else zero[function]
            assert any(text in test["output"] for text in texts), f"{test['name']} says: {test['output']}"


@pytest.mark.parametrize("case", NOTES)
def test_results_say_how_the_submission_ran(case, class_run):
    """The instructor reads every note; the student all but the sandbox's, a note about the grader's machine."""
    note, student = NOTES[case], class_run.results[case].get("output", "")
    assert note in class_run.instructor[case].get("output", ""), class_run.instructor[case].get("output")
    assert (note in student) == (not note.startswith("Sandbox")), student


def test_forged_results_files_change_nothing(class_run):
    """forging_results wrote full-score files wherever it could; every result in the class is the grader's own."""
    out = class_run.out
    for student, document in class_run.results.items():
        assert document.get("output") != "forged" and document["tests"], student
        assert json.loads((out / student / "results.json").read_text(encoding="utf-8")) == document
    assert "forged" not in (out / "grades.csv").read_text(encoding="utf-8")


@pytest.mark.parametrize("way", ["import_reference", "walk_for_reference"])
def test_reading_the_reference_works_outside_the_sandbox(way, monkeypatch):
    """Unconfined, from the kit's folder, both ways of the fixture find the reference: the sandbox is what stops them."""
    monkeypatch.chdir(TINY.root / "source")
    scope: dict = {}
    exec((HOSTILE / "reading_the_reference.py").read_text(encoding="utf-8"), scope)
    assert scope[way]().make_lexicon([["a", "a", "b"]], 1) == {"a": 2, "<UNK>": 1}


@pytest.mark.kernel
def test_the_memory_limit_ends_a_process_that_allocates_past_it(tmp_path):
    """memory_hog alone, with a limit of 1.5 GiB (its kernel peaks at 0.63 GiB) and the default 60 s per call.

    Not 1 GiB: the control groups count the page cache a kernel reads as its memory, and the fresh kernel started
    after the hog's end reads TensorFlow's libraries again where the hog's group had them evicted; under 1 GiB that
    kernel was itself ended for memory once, in a loaded CI run (pad_idx_seqs lost its points).
    In the class run the hog may meet its 15 s call limit first: on a virtual machine a page touched for the first
    time can cost a fault in the host (filling 2 GiB of fresh pages took 14 s on the quiet CI machine, 0.1 s once
    used), and a loaded machine is slower still. Here it has four times as long to allocate a third as much.
    """
    path = tmp_path / "memory_hog.ipynb"
    nbformat.write(hostile(TINY.source(), "memory_hog"), path)
    results = grade(path, tmp_path / "results.json", "--memory-limit", "1.5")
    scores = by_function(results)
    assert {f: s for f, (s, p) in scores.items() if s != p} == {"idx_seqs_to_bows": 0.0}, scores
    hog = [t for t in results["tests"] if t["tags"] == ["idx_seqs_to_bows"] and t["status"] == "failed"]
    assert hog and all("memory limit" in t["output"] for t in hog), [t["output"] for t in hog]


def test_no_process_outlives_its_grading(class_run):
    """child_processes started three sleeps (one a double-forked daemon) and every case had a kernel: all of them
    ran during the class run, and none was still running the moment it ended."""
    seen = class_run.processes.seen
    assert {"sleep 613.1", "sleep 613.2", "sleep 613.3"} <= seen, sorted(seen)
    assert any("ipykernel_launcher" in line for line in seen), sorted(seen)
    assert class_run.processes.left == []
