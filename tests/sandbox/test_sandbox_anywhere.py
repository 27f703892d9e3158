"""The sandbox wherever the kit's venv lives, and never a silent fallback.

The hostile submissions themselves are graded with the venv under /tmp (tests/support/fixtures.py,
class_runs; tests/sandbox/test_hostile.py checks what they could do). Here: what the sandbox sees
with that venv, that a broken mount plan is an error rather than a reason to grade
unconfined, and that grading where bubblewrap cannot run warns the instructor and tells
the student nothing about the grader's machine.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support.cases import SPECIAL_FILES
from support.kit import TINY, autograder, read_json

from autograder.reporting.results import instructor_path
from autograder.sandbox import isolation
from autograder.sandbox.isolation import IsolationError, bubblewrap_problem, visible_parts

LOOK_AROUND = """
import json, os, sys
from autograder.sandbox.isolation import Box, bubblewrap_argv, bubblewrap_problem
assert bubblewrap_problem() is None
box = Box.create()
control = box.control.path
code = f"import json, os, ipykernel; print(json.dumps([sorted(os.listdir('/tmp')), os.listdir({str(control)!r})]))"
print(os.popen(" ".join([*bubblewrap_argv(box), sys.executable, "-c", repr(code)])).read(), end="")
print(json.dumps([os.path.basename(box.root), control.name]))
box.remove()
"""


def test_with_the_venv_under_tmp_the_sandbox_sees_python_and_its_own_folder_in_tmp(venv_under_tmp):
    """The interpreter, its standard library and packages are found; /tmp holds the venv, the box and, of the
    grader's control folder, the exchange (a kernel also sees its own connection file and sockets there)."""
    done = subprocess.run([str(venv_under_tmp), "-c", LOOK_AROUND], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    (seen, in_control), (box, control) = map(json.loads, done.stdout.splitlines())
    venv = venv_under_tmp.parents[1]
    assert venv.parent == Path("/tmp") and seen == sorted([venv.name, box, control]) and in_control == ["exchange"]


def test_a_python_folder_around_the_kit_is_mounted_without_the_kit(tmp_path):
    """pip install -e git+... checks the kit out inside the venv (venv/src/kit): the venv is seen, the kit is not."""
    venv = tmp_path / "venv"
    for folder in ("bin", "lib/python3.11/site-packages", "src/kit/solutions", "src/other"):
        (venv / folder).mkdir(parents=True)
    (venv / "pyvenv.cfg").touch()
    assert visible_parts(str(venv), [str(venv / "src" / "kit")]) == [
        str(venv / name) for name in ("bin", "lib", "pyvenv.cfg", "src/other")
    ]
    assert visible_parts(str(venv), [str(tmp_path / "elsewhere")]) == [str(venv)]
    assert visible_parts(str(venv), [str(venv)]) == []


@pytest.fixture
def fresh_probe():
    bubblewrap_problem.cache_clear()
    yield
    bubblewrap_problem.cache_clear()


def test_a_mount_plan_that_hides_python_is_an_error_not_a_fallback(monkeypatch, fresh_probe):
    """bubblewrap works here; a plan that leaves the venv out must fail loudly, not send students unconfined."""
    assert not sys.prefix.startswith(tuple(d + "/" for d in isolation.SYSTEM_DIRS)), "the tests run in a venv"
    assert bubblewrap_problem() is None
    bubblewrap_problem.cache_clear()
    monkeypatch.setattr(isolation, "_python_dirs", lambda: [])
    with pytest.raises(IsolationError, match="bug of the kit's mount plan"):
        bubblewrap_problem()


def without_bwrap(tmp_path: Path) -> dict:
    """The environment of a machine without bubblewrap: a PATH with nothing on it."""
    (tmp_path / "empty-path").mkdir()
    return {**os.environ, "PATH": str(tmp_path / "empty-path")}


def grader_words(text: str, *paths: str) -> list[str]:
    """Words about the grader's machine found in `text`: the sandbox's, the venv's path, and `paths`."""
    return [word for word in ("Sandbox", "bwrap", "bubblewrap", sys.prefix, *paths) if word in text]


@pytest.mark.kernel
@pytest.mark.class_run
def test_grading_where_bubblewrap_cannot_run_warns_the_instructor_and_tells_the_student_nothing(tmp_path):
    """The tiny course's blank stub, where bwrap is missing: alone with --results, and as a class of one, which the
    instructor must ask to grade without the sandbox."""
    env = without_bwrap(tmp_path)
    options = {"env": env, "assignment": TINY}
    notebook = str(TINY.release_notebook)
    alone = autograder("grade", notebook, "--assignment", TINY.name, "--results", str(tmp_path / "r.json"), **options)
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / f"solo_{TINY.name}.ipynb").write_bytes(TINY.release_notebook.read_bytes())
    out = tmp_path / "out"
    in_class = ["grade", str(tmp_path / "class"), "--assignment", TINY.name, "--out", str(out)]
    refused = autograder(*in_class, check=False, **options)
    assert refused.returncode != 0 and not out.exists(), refused
    assert "bubblewrap cannot run here (the bwrap command is not installed" in refused.stderr
    assert "grade with --sandbox none to accept that" in refused.stderr
    in_class = autograder(*in_class, "--sandbox", "none", **options)
    assert "warning: bubblewrap cannot run here (the bwrap command is not installed" in alone.stderr
    for done in (alone, in_class):
        assert "warning: 1 of 1 submissions ran without the bubblewrap sandbox" in done.stderr
    why = {
        tmp_path / "r.json": "Sandbox: none (the bwrap command is not installed",
        out / "solo" / "results.json": "Sandbox: none (isolation 'none' was chosen)",
    }
    for student, note in why.items():
        assert grader_words(student.read_text(encoding="utf-8")) == []
        instructor = read_json(instructor_path(student))
        assert note in instructor["output"], instructor["output"]
        assert instructor["extra_data"]["sandbox"]["isolation"] == "none"
    assert grader_words((out / "solo" / "feedback.html").read_text(encoding="utf-8")) == []
    report = (out / "report.html").read_text(encoding="utf-8")
    assert (
        '<p class="warning"><strong>Warning:</strong> 1 of 1 submissions ran without the bubblewrap sandbox' in report
    )


def test_hostile_cases_ran_sandboxed_with_the_venv_under_tmp(class_run):
    """The class run of the hostile cases: its grader's venv lay under /tmp, and every submission ran in bubblewrap."""
    assert class_run.python.startswith("/tmp/") and class_run.python != sys.executable
    sandboxes = {s: d.get("extra_data", {}).get("sandbox") for s, d in class_run.instructor.items()}
    ran = {s: sandbox for s, sandbox in sandboxes.items() if sandbox is not None}
    not_notebooks = {"empty", "binary_garbage", "not_a_notebook", *SPECIAL_FILES}
    assert set(sandboxes) - set(ran) == not_notebooks  # no process to confine
    assert set(map(json.dumps, ran.values())) == {json.dumps({"isolation": "bubblewrap"})}
    assert (
        "without the bubblewrap sandbox" not in class_run.printed.stderr and "warning" not in class_run.printed.stderr
    )


def test_students_read_nothing_about_the_graders_machine(class_run):
    """Neither results.json nor feedback.html names the sandbox or the grader's paths; the instructor's copy does."""
    grader_paths = (str(Path(class_run.python).parents[1]), str(TINY.solutions_file.parents[1]))
    for student, results in class_run.results.items():
        page = (class_run.out / student / "feedback.html").read_text(encoding="utf-8")
        assert grader_words(json.dumps(results, ensure_ascii=False) + page, *grader_paths) == [], student
    assert "Sandbox: bubblewrap" in class_run.instructor["honest"]["output"]
