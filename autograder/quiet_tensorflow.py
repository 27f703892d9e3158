"""TensorFlow's start-up notices and tracing warnings kept off the kit's terminal output.

Where each comes from, in TensorFlow 2.21:
- "oneDNN custom operations are on ..." (tensorflow/core/util/port.cc), once from each of
  TensorFlow's two native libraries as `import tensorflow` loads them, through absl's C++
  logging before it is initialised (hence absl's "WARNING: All log messages before
  absl::InitializeLog() is called are written to STDERR"). TF_CPP_MIN_LOG_LEVEL does not
  reach it; TF_ENABLE_ONEDNN_OPTS=0 turns the oneDNN operations, and so the notice, off.
- "This TensorFlow binary is optimized to use available CPU instructions ..."
  (cpu_feature_guard.cc) and TensorFlow's other C++ notices: TF_CPP_MIN_LOG_LEVEL=3.
- "N out of the last N calls to <function ...> triggered tf.function retracing": Python's
  "tensorflow" logger at WARNING, in a process that builds and runs many Keras models (the
  reference side of the model checks does, in the grading process and in each Dask worker).

The environment must be set before TensorFlow is imported, so the CLI calls quiet() first
thing and the Dask workers it starts inherit it; a worker calls it again before it grades,
for the logger (its level is per process) and for clusters the kit did not start.

Only the kit's own processes go without oneDNN: they run little TensorFlow (model
descriptions, not training). Processes that run notebooks as a student would (nbgrader's
kernels, benchmark-reference's) get notebook_env() and keep TensorFlow's defaults, like the
student's kernel, whose environment is built apart (sandbox/kernel.py): their numbers stay
those the accuracy thresholds and benchmarks were measured with.
"""

import logging
import os
from collections.abc import Mapping

QUIET_ENV = {"TF_CPP_MIN_LOG_LEVEL": "3", "TF_ENABLE_ONEDNN_OPTS": "0"}
_added: set[str] = set()  # what quiet() set in this process (a setting of the user's is kept as it is)


def quiet() -> None:
    """Keep TensorFlow's notices out of this process and of the kit's processes it starts."""
    for name, value in QUIET_ENV.items():
        if name not in os.environ:
            os.environ[name] = value
            _added.add(name)
    logging.getLogger("tensorflow").setLevel(logging.ERROR)


def notebook_env(env: Mapping[str, str]) -> dict[str, str]:
    """`env` for a process that runs notebooks: without the oneDNN setting quiet() added."""
    return {name: value for name, value in env.items() if not (name == "TF_ENABLE_ONEDNN_OPTS" and name in _added)}
