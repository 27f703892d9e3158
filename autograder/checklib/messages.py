"""Short, exact descriptions of values for check messages.

A message is read by a student, who may never have met NumPy's reprs: values are
shown as Python literals (`0.5`, not `np.float64(0.5)`), and the special floats in
words (`not-a-number`, `infinity`), with a line on where such values come from.
"""

import math
from typing import Any

import numpy as np

LIMIT = 240
EXPECTED, RETURNED = "  expected: ", "  returned: "
NOT_A_NUMBER, INFINITY = "not-a-number", "infinity"
NON_FINITE_HINT = (
    "  (not-a-number comes from 0 / 0, infinity - infinity or the log of a negative number;"
    " infinity from a division by zero or an overflow)"
)


def _float(value: float) -> str:
    if math.isnan(value):
        return NOT_A_NUMBER
    if math.isinf(value):
        return INFINITY if value > 0 else f"-{INFINITY}"
    return repr(value)


def _element(value: np.floating) -> str:
    return np.format_float_positional(value, precision=8, trim="-") if np.isfinite(value) else _float(float(value))


def _text(value: Any) -> str:
    """Like repr(), but NumPy scalars as the Python values they stand for, and arrays by shape and dtype first."""
    kind = type(value)
    if kind is np.ndarray:
        # NumPy's own layout, but with the special floats in words (then unpadded: NumPy would pad
        # every number to the width of "not-a-number").
        words = {"float_kind": _element} if has_non_finite(value) else None
        numbers = np.array2string(value, threshold=20, formatter=words)
        return f"array of shape {value.shape}, dtype {value.dtype}: {numbers}"
    if isinstance(value, np.floating):
        return _float(float(value)) if not np.isfinite(value) else str(value)  # str: float32's shortest digits
    if isinstance(value, np.generic):
        return _text(value.item())
    if kind is float:
        return _float(value)
    if kind is list:
        return "[" + ", ".join(map(_text, value)) + "]"
    if kind is tuple:
        return "(" + ", ".join(map(_text, value)) + ("," if len(value) == 1 else "") + ")"
    if kind is dict:
        return "{" + ", ".join(f"{_text(k)}: {_text(v)}" for k, v in value.items()) + "}"
    if kind in (set, frozenset):
        items = sorted(map(_text, value))  # sorted: a set's order changes with the hash seed of the process
        return "{" + ", ".join(items) + "}" if items else f"{kind.__name__}()"
    return repr(value)


def shown(value: Any, limit: int = LIMIT) -> str:
    """The value as a student reads it, cut to `limit` characters."""
    text = _text(value)
    return text if len(text) <= limit else text[: limit - 4] + " ..."


def has_non_finite(value: Any) -> bool:
    """Whether a float anywhere in the value (arrays and containers included) is not-a-number or infinite."""
    if type(value) is np.ndarray:
        return value.dtype.kind in "fc" and not np.isfinite(value).all()
    if isinstance(value, (float, np.floating)):
        return not math.isfinite(value)
    if type(value) in (list, tuple, set, frozenset):
        return any(map(has_non_finite, value))
    if type(value) is dict:
        return any(map(has_non_finite, value.values()))
    return False


def mismatch(what: str, expected: Any, got: Any) -> str:
    """What was checked, the value expected (hidden from students, see without_expected) and the value returned."""
    hint = f"\n{NON_FINITE_HINT}" if has_non_finite(got) else ""
    return f"{what}\n{EXPECTED}{shown(expected)}\n{RETURNED}{shown(got)}{hint}"


def without_expected(message: str) -> str:
    """A check's message minus the value it expected: what a student may see of a hidden test."""
    kept, hiding = [], False
    for line in message.splitlines():
        if line.startswith(EXPECTED):
            hiding = True
        elif line.startswith(RETURNED):
            hiding = False
        if not hiding:
            kept.append(line)
    return "\n".join(kept)
