"""The pytest plugin that turns an assignment's tests into graded checks.

A check is a plain pytest test. `@pytest.mark.points(n)` gives its worth; the module's
`pytestmark = pytest.mark.function("name")` names the student function it grades;
`@pytest.mark.gate` marks the check that runs the notebook's own examples. The plugin
supplies the `student`, `reference` and `expected` fixtures and records one CheckResult per test.
"""

import pytest

from autograder.engine.outcome import CheckResult
from autograder.sandbox.inprocess import InProcessStudent
from autograder.sandbox.student import Student, StudentError

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
        return report

    @staticmethod
    def _result(item: pytest.Item, call: pytest.CallInfo, passed: bool) -> CheckResult:
        points, function = item.get_closest_marker("points"), item.get_closest_marker("function")
        if points is None or function is None:
            raise pytest.UsageError(f"{item.nodeid} needs both a points and a function marker")
        doc = (item.function.__doc__ or item.name).strip().splitlines()[0]
        if hasattr(item, "callspec"):  # parametrized: say which case, so every check has its own name
            doc += " (" + ", ".join(f"{k}={v!r}" for k, v in item.callspec.params.items()) + ")"
        output, grader_error = _message(call.excinfo) if call.excinfo else ("", "")
        return CheckResult(
            function=function.args[0],
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
