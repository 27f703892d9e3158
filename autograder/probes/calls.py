"""Calling the student's code inside the student's process, and telling its failures as the student can act on them.

What every probe shares, whatever the library: a student's function by name, called with
plain-data arguments (the `call` probe), and any exception it raises turned into a ProbeError
whose message and lines name the student's code, not the kernel's or the kit's.
"""

import os
import re
import site
import sys
import traceback
from collections.abc import Callable
from typing import Any

from . import wire
from .requests import Call


class ProbeError(Exception):
    """The student's code could not give an answer; `kind` says why in one word."""

    def __init__(self, kind: str, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.detail = detail


def student_function(namespace: dict, name: str) -> Callable:
    function = namespace.get(name)
    if function is None:
        raise ProbeError("missing", f"{name} is not defined: the cell that defines it did not run")
    if not callable(function):
        raise ProbeError("missing", f"{name} is a {wire.describe_type(function)}, not a function")
    return function


def _student_call(name: str, function: Callable, *args: Any, **kwargs: Any) -> Any:
    """Call student code, turning any exception into a ProbeError that names it."""
    try:
        return function(*args, **kwargs)
    except NotImplementedError:
        raise ProbeError("not_implemented", f"{name} is not implemented yet (it raised NotImplementedError)") from None
    except BaseException as error:  # SystemExit and KeyboardInterrupt count as the student's failure too
        raise ProbeError("raised", f"{name} raised {describe_error(error)}", where(error)) from None


# Not the student's code: Python, its packages, and these probes.
LIBRARY_DIRS = tuple(
    os.path.join(os.path.realpath(path), "")
    for path in {sys.prefix, sys.base_prefix, sys.exec_prefix, *site.getsitepackages(), os.path.dirname(__file__)}
)
FRAME_LINE = re.compile(r'^\s*File ".*", line \d+, in ')  # a traceback's frame, as an error's own text may hold them
TF_NODE_LINE = re.compile(r"\s*\[\[\{\{node ")  # TensorFlow's name of the failing op
TF_OP_ID = re.compile(r"\s*\[Op:[^\]]*\]")


def describe_error(error: BaseException) -> str:
    """The error's type and message, without what some libraries put in it that the student cannot act on:
    TensorFlow's `defined at` stack (every frame of the kernel, by the paths of the grader's Python), its
    `[[{{node ...}}]]` lines and its op's id."""
    text = "".join(traceback.format_exception_only(type(error), error)).strip()
    lines = [line.removesuffix(" defined at (most recent call last):") for line in text.splitlines()]
    kept = [
        line
        for line in lines
        if not FRAME_LINE.match(line) and not TF_NODE_LINE.match(line) and line != "Traceback (most recent call last):"
    ]
    return TF_OP_ID.sub("", re.sub(r"\n{3,}", "\n\n", "\n".join(kept)))


def _is_students(frame: traceback.FrameSummary) -> bool:
    name = frame.filename
    return (
        not name.startswith("<frozen ")
        and "__kit_probes__" not in name
        and not os.path.realpath(name).startswith(LIBRARY_DIRS)
    )


def where(error: BaseException, frames: int = 3) -> str:
    """The last lines of student code the error passed through, without file paths (they vary per run)."""
    stack = [frame for frame in traceback.extract_tb(error.__traceback__) if _is_students(frame)][-frames:]
    return "\n".join(f"  in {frame.name}, line {frame.lineno}: {frame.line}" for frame in stack if frame.line)


def call(namespace: dict, request: Call) -> Any:
    """Call one student function with the given arguments and return its result."""
    function = student_function(namespace, request.function)
    return _student_call(request.function, function, *request.args, **request.kwargs)
