"""The pytest plugin that turns an assignment's check modules into graded checks.

A check is a plain pytest test in autograder/assignments/<name>/checks/test_<function>.py:
the file name says which student function it grades, `@pytest.mark.points(n)` what it is
worth, its docstring's first line what it checks. The plugin puts the notebook's examples
first in every module (engine/examples.py, marked `gate`), supplies the fixtures `student`,
`reference`, `expected`, `assignment` and `function`, and records one CheckResult per test.
"""

from pathlib import Path

import pytest

from autograder.course import Assignment
from autograder.engine.examples import test_notebook_examples
from autograder.engine.outcome import CheckResult
from autograder.sandbox.inprocess import InProcessStudent
from autograder.sandbox.student import Student, StudentError

MARKERS = (
    "points(n): how many points the check is worth",
    "gate: the check of a function's notebook examples; when it fails the function earns 0",
)
CHECK_PREFIX = "test_"


def function_of(path: Path) -> str:
    """The graded function a check module is about: checks/test_make_lexicon.py grades make_lexicon."""
    return path.stem.removeprefix(CHECK_PREFIX)


class CheckModule(pytest.Module):
    """A check module, with the check of the function's notebook examples first."""

    def __init__(self, *, examples: bool, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self._examples = examples

    def collect(self) -> list[pytest.Item | pytest.Collector]:
        checks = list(super().collect())
        if not self._examples:
            return checks
        gate = pytest.Function.from_parent(self, name=test_notebook_examples.__name__, callobj=test_notebook_examples)
        return [gate, *checks]


class GradingPlugin:
    def __init__(self, assignment: Assignment, student: Student) -> None:
        self._assignment = assignment
        self._student = student
        self.results: list[CheckResult] = []

    def pytest_configure(self, config: pytest.Config) -> None:
        for marker in MARKERS:
            config.addinivalue_line("markers", marker)

    @pytest.hookimpl(tryfirst=True)
    def pytest_pycollect_makemodule(self, module_path: Path, parent: pytest.Collector) -> CheckModule:
        function = function_of(module_path)
        if function not in self._assignment.functions:
            raise pytest.UsageError(
                f"{module_path} grades {function!r}, which has no solution cell in {self._assignment.source_notebook}"
            )
        examples = bool(self._assignment.examples(function).strip())
        return CheckModule.from_parent(parent, path=module_path, examples=examples)

    @pytest.fixture(scope="session")
    def student(self) -> Student:
        return self._student

    @pytest.fixture(scope="session")
    def assignment(self) -> Assignment:
        return self._assignment

    @pytest.fixture(scope="session")
    def reference(self) -> object:
        return self._assignment.reference()

    @pytest.fixture(scope="session")
    def expected(self, reference: object) -> InProcessStudent:
        """The reference behind the same wire format as the student, for like-for-like answers."""
        return InProcessStudent(vars(reference))

    @pytest.fixture(scope="module")
    def function(self, request: pytest.FixtureRequest) -> str:
        """The graded function of the check module being run."""
        return function_of(request.path)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
        report = yield
        if report.when == "call" or (report.when == "setup" and report.failed):
            self.results.append(self._result(item, call, report.passed))
        return report

    @staticmethod
    def _result(item: pytest.Item, call: pytest.CallInfo, passed: bool) -> CheckResult:
        points = item.get_closest_marker("points")
        if points is None:
            raise pytest.UsageError(f"{item.nodeid} needs a points marker")
        doc = (item.function.__doc__ or item.name).strip().splitlines()[0]
        if hasattr(item, "callspec"):  # parametrized: say which case, so every check has its own name
            doc += " (" + ", ".join(f"{k}={v!r}" for k, v in item.callspec.params.items()) + ")"
        output, grader_error = _message(call.excinfo) if call.excinfo else ("", "")
        return CheckResult(
            function=function_of(item.path),
            name=doc,
            points=float(points.args[0]),
            passed=passed,
            output=output,
            gate=item.get_closest_marker("gate") is not None,
            grader_error=grader_error,
        )


def _message(excinfo: pytest.ExceptionInfo) -> tuple[str, str]:
    """(what the student reads, what only the instructor reads): the check's own message, or why
    their code gave no answer; or, when the grader itself failed, that it did and, for the instructor, how."""
    error = excinfo.value
    if isinstance(error, (AssertionError, StudentError)):
        return str(error), ""
    return (
        "The grader could not finish this check; please tell your instructor.",
        f"The grader failed in this check: {type(error).__name__}: {error}",
    )
