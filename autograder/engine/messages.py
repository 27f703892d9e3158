"""Short, exact descriptions of values for check messages."""

from typing import Any

import numpy as np

LIMIT = 240


def shown(value: Any, limit: int = LIMIT) -> str:
    """repr() cut to `limit` characters, with arrays shown by shape and dtype first."""
    if isinstance(value, np.ndarray):
        text = f"array of shape {value.shape}, dtype {value.dtype}: {np.array2string(value, threshold=20)}"
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 5] + " ...]"


def mismatch(what: str, expected: Any, got: Any) -> str:
    return f"{what}\n  expected: {shown(expected)}\n  returned: {shown(got)}"
