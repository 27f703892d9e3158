"""The pytest plugin that turns an assignment's check modules into graded checks.

A check is a plain pytest test in autograder/assignments/<name>/checks/test_<function>.py:
the file name says which student function it grades, `@pytest.mark.points(n)` what it is
worth, its docstring's first line what it checks. The plugin puts the notebook's examples
first in every module (runner/examples.py, marked `gate`), supplies the fixtures `student`,
`reference`, `expected`, `assignment` and `function`, and records one CheckResult per test.

A check that fails by an assertion, or because the student's code gave no usable answer,
is the student's verdict. Any other exception is recorded as a fault: the CheckResult
carries its traceback as `fault`, and run.py decides whose it is (the grader's only if the
reference's answers meet it too). A check module that cannot be collected is recorded in
`faults`, so that it is never reported as the student's failure.
"""

from pathlib import Path

import pytest

from autograder.course import Assignment
from autograder.runner.examples import test_notebook_examples
from autograder.runner.outcome import CheckResult
from autograder.sandbox.inprocess import InProcessStudent
from autograder.sandbox.student import Student, StudentError

FAULT_MESSAGE = "The grader failed in this check, not your code: this check will be graded again."
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
        self.faults: list[str] = []
        """What kept checks from running at all: a module that failed to import, pytest's internal errors."""
        self.interrupted = False

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
        if self._student.stopped:
            item.session.shouldstop = "the grading was called off"
        return report

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.faults.append(f"{report.nodeid}: {report.longreprtext}")

    def pytest_internalerror(self, excrepr: object, excinfo: pytest.ExceptionInfo) -> None:
        self.faults.append(str(excrepr))

    def pytest_keyboard_interrupt(self, excinfo: pytest.ExceptionInfo) -> None:
        self.interrupted = not isinstance(excinfo.value, pytest.Session.Interrupted)  # that one is shouldstop's

    @staticmethod
    def _result(item: pytest.Item, call: pytest.CallInfo, passed: bool) -> CheckResult:
        points = item.get_closest_marker("points")
        if points is None:
            raise pytest.UsageError(f"{item.nodeid} needs a points marker")
        doc = (item.function.__doc__ or item.name).strip().splitlines()[0]
        if hasattr(item, "callspec"):  # parametrized: say which case, so every check has its own name
            doc += " (" + ", ".join(f"{k}={v!r}" for k, v in item.callspec.params.items()) + ")"
        return CheckResult(
            function=function_of(item.path),
            name=doc,
            points=float(points.args[0]),
            passed=passed,
            output=_message(call.excinfo) if call.excinfo else "",
            gate=item.get_closest_marker("gate") is not None,
            fault="" if call.excinfo is None or _is_verdict(call.excinfo) else str(call.excinfo.getrepr(style="short")),
            raised="" if call.excinfo is None else call.excinfo.typename,
        )


def _is_verdict(excinfo: pytest.ExceptionInfo) -> bool:
    """Whether the exception is a verdict on the student's code (a failed assertion, no usable answer)."""
    return isinstance(excinfo.value, (AssertionError, StudentError))


def _message(excinfo: pytest.ExceptionInfo) -> str:
    """What the student reads: the check's own message, why their code gave no answer, or that the grader failed.

    The grader's own exception stays out of it (its text can name the grader's files); it goes to the log.
    """
    if _is_verdict(excinfo):
        return str(excinfo.value)
    return FAULT_MESSAGE
