"""Running nbgrader's command line from the kit's own Python environment.

nbgrader upgrades its gradebook by running the `alembic` executable from PATH, which
is only there when the environment is activated: put its bin folder first.
"""

import os
import subprocess
import sys
from pathlib import Path


def run_nbgrader(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ if env is None else env)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
