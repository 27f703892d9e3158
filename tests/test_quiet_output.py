"""`autograder grade` prints the kit's own lines: none of TensorFlow's start-up notices or tracing warnings.

Before autograder/quiet_tensorflow.py, grading one notebook printed absl's and oneDNN's
notices twice on stderr (from the grading process, which loads the reference), and a
class run printed them twice per Dask worker, plus "triggered tf.function retracing"
from the workers that had described enough reference models.
"""

import ast
import os
import re
import subprocess
import sys
from collections.abc import Callable

import pytest
from support.fixtures import ClassRun
from support.kit import autograder

from autograder.course import Assignment, get

NOT_THE_KITS = re.compile(
    r"oneDNN|absl::InitializeLog|cpu_feature_guard|tf\.function retracing|WARNING:tensorflow"
    r"|^[IWEF]\d{4} [\d:.]+ +\d+ \w+\.cc:\d+\]"  # absl's and TensorFlow's C++ log prefix
    r"|Port \d+ is already in use",  # Dask's warning when its default HTTP port is taken
    re.M,
)


@pytest.mark.kernel
def test_grading_one_notebook_prints_only_the_kits_lines():
    assignment = get("rnn_basics")  # the quickest to grade; its reference side loads TensorFlow in this process
    done = autograder("grade", assignment.source_notebook, "--assignment", assignment.name, timeout=600)
    assert done.stderr == ""
    assert not NOT_THE_KITS.findall(done.stdout), done.stdout
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["function", "score", "failed", "checks"] and lines[-1].startswith("Sandbox: ")
    assert [line.split()[0] for line in lines[1:-2]] == list(assignment.functions)


@pytest.mark.xdist_group("imdb_many_to_one")  # its class run
def test_a_class_run_on_dask_workers_prints_only_the_kits_lines(class_runs: Callable[[Assignment], ClassRun]):
    # imdb_many_to_one's checks describe the most reference models: its workers retraced before.
    printed = class_runs(get("imdb_many_to_one")).printed
    assert not NOT_THE_KITS.findall(printed.stdout + printed.stderr), printed.stderr
    assert printed.stdout.startswith("graded ") and "grading: 100%" in printed.stderr


def quiet_then(env: dict[str, str]) -> tuple[str | None, str | None]:
    """In a fresh process with `env`: TF_ENABLE_ONEDNN_OPTS after quiet(), and in notebook_env() after it."""
    code = (
        "import os; from autograder.quiet_tensorflow import notebook_env, quiet; quiet(); "
        "print(repr((os.environ.get('TF_ENABLE_ONEDNN_OPTS'), notebook_env(os.environ).get('TF_ENABLE_ONEDNN_OPTS'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return ast.literal_eval(done.stdout)


def test_notebooks_run_by_the_kit_keep_tensorflows_defaults():
    """The kit's processes go without oneDNN; nbgrader's and benchmark-reference's kernels keep what the user has."""
    env = {name: value for name, value in os.environ.items() if name != "TF_ENABLE_ONEDNN_OPTS"}
    assert quiet_then(env) == ("0", None)
    assert quiet_then({**env, "TF_ENABLE_ONEDNN_OPTS": "1"}) == ("1", "1")
