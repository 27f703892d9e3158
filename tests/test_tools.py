"""The scripts of tests/tools/: each answers --help, and the profiler still overrides what it means to time.

They are not run by the suite (each grades for minutes); what breaks them silently is a
renamed option or a changed signature of the kit's methods they override, and that is checked here.
"""

import inspect
import subprocess
import sys

import pytest
from support import REPO

TOOLS = sorted((REPO / "tests" / "tools").glob("*.py"))


@pytest.mark.parametrize("tool", TOOLS, ids=[tool.stem for tool in TOOLS])
def test_each_tool_answers_help(tool):
    done = subprocess.run([sys.executable, str(tool), "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("usage:"), done.stdout + done.stderr


def test_the_profilers_timed_student_overrides_the_kernel_students_own_methods():
    """A changed signature made every request of the profiled grading fail (0 points, times of failures)."""
    sys.path.insert(0, str(REPO / "tests" / "tools"))
    try:
        import profile_grading
    finally:
        sys.path.remove(str(REPO / "tests" / "tools"))
    timed, kernel = profile_grading.TimedKernelStudent, profile_grading.KernelStudent
    overridden = [name for name in vars(timed) if callable(vars(timed)[name]) and not name.startswith("__")]
    assert overridden, "the profiler overrides nothing"
    for name in overridden:
        assert parameters(getattr(timed, name)) == parameters(getattr(kernel, name)), name


def parameters(method) -> list[tuple[str, object]]:
    """Names and kinds, not annotations: the override may spell a type more loosely."""
    return [(parameter.name, parameter.kind) for parameter in inspect.signature(method).parameters.values()]
