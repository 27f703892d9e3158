"""Where the grader keeps data it derives once and reuses (preprocessed check inputs)."""

import os
from pathlib import Path


def cache_dir() -> Path:
    base = os.environ.get("KIT_CACHE_DIR") or Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "rnn-sentiment-kit"
    path = Path(base)
    path.mkdir(parents=True, exist_ok=True)
    return path
