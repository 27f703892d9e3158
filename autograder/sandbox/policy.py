"""What a submission may use while it is graded: time, memory, output, and how it is isolated.

One frozen value, built once from the command line, travels with every submission
(also to Dask workers on other machines), so all of them are graded under the same
rules. The defaults suit the assignments: the notebook's given cells take seconds,
the heaviest check trains for well under a minute.
"""

from dataclasses import dataclass

GIB = 1024**3
MIB = 1024**2
ISOLATION_MODES = ("auto", "bubblewrap", "none")


@dataclass(frozen=True)
class Policy:
    cell_seconds: float = 120.0
    """Each of the notebook's cells, run before the checks."""
    call_seconds: float = 60.0
    """Each call of a student's function by a check (a check that trains a model sets its own)."""
    submission_seconds: float = 900.0
    """The whole submission: its cells, every check, any restart of its process."""
    memory_bytes: int = 4 * GIB
    """Memory of the student's processes together, with what they write to the sandbox's tmpfs folders (cgroups.py)."""
    processes: int = 512
    """Processes and threads of the student's kernel together (TensorFlow's own threads count: a kernel that has
    trained an LSTM runs 17 threads, 19 tasks in its groups)."""
    cpus: float = 1.0
    """CPU time per second that the student's processes may burn together: the kernel runs one training thread,
    so a background process can slow down its own submission only, not its neighbours' time-limited checks."""
    output_bytes: int = 1 * MIB
    """What the grader keeps of the student's printed output; the rest is dropped."""
    isolation: str = "auto"
    """'bubblewrap' (required), 'none', or 'auto': bubblewrap where it works, else none."""
    restarts: int = 8
    """Fresh processes after the student's process dies in a check, so later checks still run."""
    reuse_trainings: bool = True
    """A training whose model is the reference's, to the byte, gets the reference's result (reuse/trainings.py)."""

    def __post_init__(self) -> None:
        if self.isolation not in ISOLATION_MODES:
            raise ValueError(f"isolation must be one of {ISOLATION_MODES}, not {self.isolation!r}")


DEFAULT_POLICY = Policy()
