"""Running nbgrader from the kit's own Python environment, activated or not.

nbgrader runs the `alembic` executable from PATH to upgrade a gradebook and to stamp
a new one, and that executable is only on PATH when the environment is activated:
put this environment's bin folder first, for nbgrader's command line and its API.
"""

import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from autograder.quiet_tensorflow import notebook_env


def with_environment_bin(env: Mapping[str, str]) -> dict[str, str]:
    env = dict(env)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


@contextmanager
def alembic_on_path() -> Iterator[None]:
    """For nbgrader's Python API in this process (a new Gradebook calls `alembic`)."""
    saved = os.environ.get("PATH", "")
    os.environ["PATH"] = with_environment_bin(os.environ)["PATH"]
    try:
        yield
    finally:
        os.environ["PATH"] = saved


def run_nbgrader(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float | None = None
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=cwd,
        env=with_environment_bin(notebook_env(os.environ if env is None else env)),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
