"""Short, exact descriptions of values for check messages."""

from typing import Any

import numpy as np

LIMIT = 240
EXPECTED, RETURNED = "  expected: ", "  returned: "


def shown(value: Any, limit: int = LIMIT) -> str:
    """repr() cut to `limit` characters, with arrays shown by shape and dtype first."""
    if isinstance(value, np.ndarray):
        text = f"array of shape {value.shape}, dtype {value.dtype}: {np.array2string(value, threshold=20)}"
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 5] + " ...]"


def mismatch(what: str, expected: Any, got: Any) -> str:
    return f"{what}\n{EXPECTED}{shown(expected)}\n{RETURNED}{shown(got)}"


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
