"""Grade many submissions at once on a Dask cluster: local worker processes or an existing one.

Each task carries the notebook's bytes, so workers on other machines need no shared
folder, only the kit installed. A task whose worker dies is run once more elsewhere
(allowed-failures = 1); if that worker dies too, the submission gets a result row
saying so. Every finished submission is written at once (its results.json and the
instructor's copy beside it), so an interrupted run resumes where it stopped.
"""

import json
import logging
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import dask
from distributed import Client, LocalCluster, as_completed
from tqdm import tqdm

from autograder.batch.discover import Submission
from autograder.course import get
from autograder.grading import Graded, grade_notebook, grader_failed
from autograder.quiet_tensorflow import quiet
from autograder.reporting.results import DEFAULT_HIDDEN_VISIBILITY, instructor_path, write_json
from autograder.sandbox.kernel import ONE_CORE_ENV
from autograder.sandbox.policy import DEFAULT_POLICY, Policy

RESULTS_FILE = "results.json"
NANNY_LOG = logging.getLogger("distributed.nanny")
INSTRUCTOR_FILE = instructor_path(Path(RESULTS_FILE)).name

# Local workers do without two Dask defaults that cost a grading time and buy it nothing:
# MALLOC_TRIM_THRESHOLD_=65536, which hands freed memory back to the OS at once, so that
# every TensorFlow and NumPy allocation faults its pages in again, and the statistical
# profiler, which samples the grading thread 100 times a second. With both gone, 2 workers
# graded 6 sentiment_rnn references in 94-108 s instead of 117-123 s (docs/benchmarks.md).
LOCAL_WORKER_CONFIG = {
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
    "distributed.worker.profile.enabled": False,
}


def grade_bytes(content: bytes, file_name: str, assignment: str, policy: Policy) -> Graded:
    """The task a worker runs: grade one notebook given as bytes."""
    quiet()  # the logger level is per process, and a cluster the kit did not start lacks the environment too
    with tempfile.TemporaryDirectory(prefix="kit-task-") as folder:
        notebook = Path(folder, Path(file_name).name)
        notebook.write_bytes(content)
        return grade_notebook(notebook, get(assignment), policy)


@contextmanager
def dask_client(workers: int, scheduler: str | None) -> Iterator[Client]:
    """A client of the given scheduler, or of a local cluster of `workers` single-threaded processes.

    Each local worker's own TensorFlow (the reference's side of the checks) uses one core,
    as the student's kernel does, so that N workers keep N cores busy and no more.
    """
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        if scheduler:
            with Client(scheduler) as client:
                yield client
            return
        nanny_level = NANNY_LOG.level
        try:
            with (
                dask.config.set(LOCAL_WORKER_CONFIG),
                LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    # Dask's HTTP server (health checks) on a free loopback port: its default, 8787, is often
                    # taken by another cluster, and taking another port prints a warning among the kit's lines.
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                    memory_limit=0,
                    env=ONE_CORE_ENV,
                ) as cluster,
                Client(cluster) as client,
            ):
                yield client
                # Closing: a worker that loaded TensorFlow takes seconds to exit, often more than the 4 s its
                # nanny waits before it ends the process with a warning. Expected here, so not printed.
                NANNY_LOG.setLevel(logging.ERROR)
        finally:
            NANNY_LOG.setLevel(nanny_level)


def already_graded(out: Path, student: str) -> dict | None:
    """The instructor's copy of a student's results from an earlier run, if both files are there."""
    folder = out / student
    if not (folder / RESULTS_FILE).exists() or not (folder / INSTRUCTOR_FILE).exists():
        return None
    return json.loads((folder / INSTRUCTOR_FILE).read_text(encoding="utf-8"))


def grade_class(
    submissions: list[Submission],
    assignment: str,
    out: Path,
    on_result: Callable[[str, dict], None],
    *,
    workers: int,
    policy: Policy = DEFAULT_POLICY,
    scheduler: str | None = None,
    client: Client | None = None,
    force: bool = False,
    progress: bool = True,
    hidden_visibility: str = DEFAULT_HIDDEN_VISIBILITY,
) -> dict[str, dict]:
    """The instructor's copy of the results, per student.

    As each student finishes, the instructor's copy is written into out/<student>/, then
    `on_result(student, results)` runs with the student's results.json (for more files of
    theirs), and results.json is written last. The work goes to `client` if given (a
    benchmark times grading without cluster start-up), else to the `scheduler`, else to
    a local cluster of `workers` processes.
    """
    rows: dict[str, dict] = {}
    todo = []
    for submission in submissions:
        previous = None if force else already_graded(out, submission.student)
        if previous is None:
            todo.append(submission)
        else:
            rows[submission.student] = previous
    if not todo:
        return rows
    with (
        nullcontext(client) if client else dask_client(workers, scheduler) as cluster_client,
        tqdm(total=len(todo), unit="submission", desc="grading", disable=not progress) as bar,
    ):
        futures = {
            cluster_client.submit(
                grade_bytes, s.notebook.read_bytes(), s.notebook.name, assignment, policy, pure=False, retries=1
            ): s
            for s in todo
        }
        for future in as_completed(futures):
            student = futures[future].student
            try:
                graded = future.result()
            except Exception as error:  # KilledWorker after the retry, or a grader bug: reported, never lost
                graded = grader_failed(get(assignment), "the grading worker failed twice", error)
            results = graded.results(hidden_visibility)
            rows[student] = graded.instructor_results(hidden_visibility)
            write_json(rows[student], out / student / INSTRUCTOR_FILE)
            on_result(student, results)
            write_json(results, out / student / RESULTS_FILE)  # last: a student is graded once all files are there
            bar.update()
    return rows
