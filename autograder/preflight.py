"""What the grader needs before it can grade anyone, checked once before the first submission.

Missing datasets, check data that cannot be built, a reference that does not import or a
required sandbox that does not work would fail every submission alike: the run stops
with the fix instead of filling a class with rows of grader errors. Each worker of a
cluster checks its own machine (its data folder, its cache, its bubblewrap).

The check data of an assignment is what the public functions without parameters of its
`checkdata` module return: each builds its input once into the cache, or loads it.
"""

import importlib
import importlib.util
import inspect
import traceback
from collections.abc import Callable

from autograder.course import Assignment
from autograder.sandbox.isolation import IsolationError, bubblewrap_problem, socket_path_problem
from autograder.sandbox.policy import Policy


class NotReady(Exception):
    """Something every grading needs is missing; str() says what and how to fix it."""


def check_data_builders(assignment: Assignment) -> list[Callable[[], object]]:
    """The functions of the assignment's checkdata module that build or load its check data."""
    name = f"autograder.assignments.{assignment.name}.checkdata"
    if importlib.util.find_spec(name) is None:
        return []
    module = importlib.import_module(name)
    return [
        value
        for key, value in vars(module).items()
        if not key.startswith("_")
        and callable(value)
        and not isinstance(value, type)
        and getattr(value, "__module__", None) == name
        and all(p.default is not p.empty for p in inspect.signature(value).parameters.values())
    ]


def unconfined_reason(policy: Policy) -> str | None:
    """Why submissions will run without bubblewrap under `policy` (None: in it, or `none` was chosen).

    Raises NotReady where they cannot be graded as asked: bubblewrap required but unable to
    run, or able to run but not with the kit's mount plan.
    """
    if policy.isolation == "none":
        return None
    try:
        problem = bubblewrap_problem()
    except IsolationError as error:  # bubblewrap runs here, the kit's mount plan does not
        raise NotReady(str(error)) from None
    if problem and policy.isolation == "bubblewrap":
        raise NotReady(
            f"the bubblewrap sandbox is required (as --sandbox bubblewrap, or for a class unless --sandbox none),"
            f" but {problem}"
        )
    return problem


def prepare(assignment: Assignment, policy: Policy) -> None:
    """Load the reference and the check data (building it into the cache if needed); raise NotReady if that fails."""
    unconfined_reason(policy)
    if problem := socket_path_problem():
        raise NotReady(problem)
    try:
        assignment.reference()
        for build in check_data_builders(assignment):
            build()
    except FileNotFoundError as error:  # kitdata.MissingDatasetError names the folder and how to get the data
        raise NotReady(f"the {assignment.name} checks need data that is not here.\n{error}") from None
    except Exception:
        raise NotReady(
            f"the grader could not load the {assignment.name} reference or build its check data:\n"
            + traceback.format_exc()
        ) from None
