"""The pytest plugin that turns an assignment's tests into graded checks.

A check is a plain pytest test. `@pytest.mark.points(n)` gives its worth; the module's
`pytestmark = pytest.mark.function("name")` names the student function it grades;
`@pytest.mark.gate` marks the check that runs the notebook's own examples. The plugin
supplies the `student`, `reference` and `expected` fixtures and records one CheckResult per test.

A check that fails by an assertion, or because the student's code gave no usable answer,
is the student's verdict. Any other exception is the grader's own failure (a bug in a
check, missing data): the CheckResult carries its traceback as `fault`, and a check
module that cannot be collected is recorded in `faults`, so that neither is ever
reported as the student's failure.
"""

import pytest

from autograder.engine.outcome import CheckResult
from autograder.sandbox.inprocess import InProcessStudent
from autograder.sandbox.student import Student, StudentError

FAULT_MESSAGE = "The grader failed in this check, not your code: this check will be graded again."
MARKERS = (
    "points(n): how many points the check is worth",
    "function(name): the student function the check grades",
    "gate: the check of a function's notebook examples; when it fails the function earns 0",
)


class GradingPlugin:
    def __init__(self, student: Student, reference: object) -> None:
        self._student = student
        self._reference = reference
        self.results: list[CheckResult] = []
        self.faults: list[str] = []
        """What kept checks from running at all: a module that failed to import, pytest's internal errors."""
        self.interrupted = False

    def pytest_configure(self, config: pytest.Config) -> None:
        for marker in MARKERS:
            config.addinivalue_line("markers", marker)

    @pytest.fixture(scope="session")
    def student(self) -> Student:
        return self._student

    @pytest.fixture(scope="session")
    def reference(self) -> object:
        return self._reference

    @pytest.fixture(scope="session")
    def expected(self) -> InProcessStudent:
        """The reference behind the same wire format as the student, for like-for-like answers."""
        return InProcessStudent(vars(self._reference))

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
        points, function = item.get_closest_marker("points"), item.get_closest_marker("function")
        if points is None or function is None:
            raise pytest.UsageError(f"{item.nodeid} needs both a points and a function marker")
        doc = (item.function.__doc__ or item.name).strip().splitlines()[0]
        if hasattr(item, "callspec"):  # parametrized: say which case, so every check has its own name
            doc += " (" + ", ".join(f"{k}={v!r}" for k, v in item.callspec.params.items()) + ")"
        return CheckResult(
            function=function.args[0],
            name=doc,
            points=float(points.args[0]),
            passed=passed,
            output=_message(call.excinfo) if call.excinfo else "",
            gate=item.get_closest_marker("gate") is not None,
            fault="" if call.excinfo is None or _is_verdict(call.excinfo) else str(call.excinfo.getrepr(style="short")),
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
