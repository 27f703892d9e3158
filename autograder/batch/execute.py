"""Grade many submissions at once on a Dask cluster: local worker processes or an existing one.

- Streaming: a task carries its notebook's bytes (workers on other machines need no shared
  folder, only the kit installed), and tasks are submitted as workers free up, one per
  worker thread, so the coordinator and the scheduler hold a few notebooks at a time,
  whatever the size of the class.
- Faults: a task whose worker dies is run once more elsewhere (the scheduler's
  allowed-failures = 1); if that worker dies too, the submission is the cause, and its row
  says so ("not graded", final). Before the first submission every worker checks what
  grading needs (preflight.py). A task cut short by the coordinator (Ctrl-C, or the
  coordinator gone) ends its student's processes at once.
- Every finished submission is handed to `on_result` at once (which writes its results.json
  last, after the instructor's copy), so an interrupted run resumes where it stopped; a
  "grader error" row is graded again.
"""

import json
import logging
import signal
import sys
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import dask
from distributed import Client, Future, KilledWorker, LocalCluster, WorkerPlugin, as_completed, get_worker
from distributed.worker import thread_state
from tqdm import tqdm

from autograder.course import get
from autograder.grading import Cancelled, Graded, grade_content, grader_error, not_graded
from autograder.notebook.reading import NotebookError, read_bytes
from autograder.preflight import NotReady, prepare
from autograder.quiet_tensorflow import quiet
from autograder.reporting.results import DEFAULT_HIDDEN_VISIBILITY, GRADER_ERROR, instructor_path, status_of
from autograder.roster import Submission
from autograder.sandbox.kernel import ONE_CORE_ENV
from autograder.sandbox.policy import DEFAULT_POLICY, Policy
from autograder.scratch import Scratch

RESULTS_FILE = "results.json"
NANNY_LOG = logging.getLogger("distributed.nanny")
INSTRUCTOR_FILE = instructor_path(Path(RESULTS_FILE)).name
STOP_SECONDS = 30.0
"""After Ctrl-C, how long the cancelled gradings get to end their student's processes and remove their files."""
ALLOWED_FAILURES = 1
"""Worker deaths a task may cause and still be run again: after the second, the submission is the cause."""
KILLED_TWICE = (
    "grading this submission ended the grading process twice, on two workers, so it is not graded again;"
    " please tell your instructor"
)

# Local workers do without two Dask defaults that cost a grading time and buy it nothing:
# MALLOC_TRIM_THRESHOLD_=65536, which hands freed memory back to the OS at once, so that
# every TensorFlow and NumPy allocation faults its pages in again, and the statistical
# profiler, which samples the grading thread 100 times a second. With both gone, 2 workers
# graded 6 sentiment_rnn references in 94-108 s instead of 117-123 s (docs/benchmarks.md).
LOCAL_WORKER_CONFIG = {
    "distributed.nanny.pre-spawn-environ": {"OMP_NUM_THREADS": 1, "MKL_NUM_THREADS": 1, "OPENBLAS_NUM_THREADS": 1},
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.allowed-failures": ALLOWED_FAILURES,
}


def _task_cancelled() -> Callable[[], bool] | None:
    """In a Dask task: a test of whether the task is no longer wanted (cancelled, or its client is gone)."""
    try:
        worker = get_worker()
    except ValueError:  # not in a worker
        return None
    key = thread_state.key

    def cancelled() -> bool:
        task = worker.state.tasks.get(key)
        return task is None or task.state in ("cancelled", "released", "forgotten")

    return cancelled


def grade_task(content: bytes, file_name: str, assignment: str, policy: Policy) -> Graded | None:
    """The task a worker runs: grade one notebook given as bytes (None once nobody wants the result).

    The tasks return what went wrong rather than raise it: a task that raised would have its worker log a traceback.
    """
    quiet()  # the logger level is per process, and a cluster the kit did not start lacks the environment too
    try:
        return grade_content(content, file_name, get(assignment), policy, _task_cancelled())
    except Cancelled:
        return None


def not_graded_task(assignment: str, reason: str, told: str = "") -> Graded:
    """A "not graded" row, built on a worker: running the checks loads the reference, which the coordinator never does.

    `told`: what only the instructor is told (NotebookError.detail)."""
    return not_graded(get(assignment), reason, told=told)


def prepare_task(assignment: str, policy: Policy) -> str | None:
    """The preflight on a worker: what is missing there (NotReady's message), or None."""
    try:
        prepare(get(assignment), policy)
    except NotReady as error:
        return str(error)
    return None


def _allowed_failures(dask_scheduler: object) -> int:
    return dask_scheduler.allowed_failures


class IgnoreCtrlC(WorkerPlugin):
    """Local workers share the terminal's process group: Ctrl-C is for the coordinator, which stops them in order."""

    def setup(self, worker: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def dask_client(workers: int, scheduler: str | None) -> Iterator[Client]:
    """A client of the given scheduler, or of a local cluster of `workers` single-threaded processes.

    Each local worker's own TensorFlow (the reference's side of the checks) uses one core,
    as the student's kernel does, so that N workers keep N cores busy and no more.
    An existing scheduler keeps its own allowed-failures: start it with
    DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES=1 for the rule above.
    """
    if scheduler:
        with Client(scheduler) as client:
            failures = client.run_on_scheduler(_allowed_failures)
            if failures != ALLOWED_FAILURES:
                print(
                    f"note: this scheduler runs a task again after up to {failures} worker deaths, not"
                    f" {ALLOWED_FAILURES}; start it with DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES={ALLOWED_FAILURES}",
                    file=sys.stderr,
                )
            yield client
        return
    nanny_level = NANNY_LOG.level
    try:
        with (
            Scratch("kit-dask-") as scratch,  # the cluster's files (Dask's scratch space), gone with it
            dask.config.set({**LOCAL_WORKER_CONFIG, "temporary-directory": str(scratch.path)}),
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
            client.register_plugin(IgnoreCtrlC(), name="kit-ignore-ctrl-c")
            yield client
            # Closing: a worker that loaded TensorFlow takes seconds to exit, often more than the 4 s its
            # nanny waits before it ends the process with a warning. Expected here, so not printed.
            NANNY_LOG.setLevel(logging.ERROR)
    finally:
        NANNY_LOG.setLevel(nanny_level)


def already_graded(out: Path, student: str) -> dict | None:
    """The instructor's copy of a student's results from an earlier run, if both files are there,
    unless the grader failed on them (those are graded again)."""
    folder = out / student
    if not (folder / RESULTS_FILE).exists() or not (folder / INSTRUCTOR_FILE).exists():
        return None
    results = json.loads((folder / INSTRUCTOR_FILE).read_text(encoding="utf-8"))
    return None if status_of(results) == GRADER_ERROR else results


def prepare_workers(client: Client, assignment: str, policy: Policy) -> None:
    """Run the preflight on every worker, in its task thread; raise NotReady with the first worker's reason.

    Each worker's task may run on another worker if its own dies first: pinned to a dead worker, it
    would wait for it forever (the run hung when a worker was killed during the preflight).
    """
    client.wait_for_workers(1)
    workers = list(client.scheduler_info(n_workers=-1)["workers"])
    futures = [
        client.submit(prepare_task, assignment, policy, workers=[w], allow_other_workers=True, pure=False)
        for w in workers
    ]
    for future in as_completed(futures):
        try:
            problem = future.result()
        except Exception as error:
            problem = f"a worker could not get ready to grade: {type(error).__name__}: {error}"
        if problem:
            raise NotReady(problem)


def _running(keys: set[str], dask_worker: object) -> int:
    """On a worker: how many of these tasks still run in its threads (a cancelled task runs until it returns)."""
    return sum(task.key in keys for task in dask_worker.state.all_running_tasks)


def _wait_until_stopped(client: Client, keys: list[str]) -> None:
    """Wait until no worker runs these cancelled tasks: their student processes have ended, their folders are gone."""
    deadline = time.monotonic() + STOP_SECONDS
    while time.monotonic() < deadline:
        try:
            if not any(client.run(_running, set(keys)).values()):
                return
        except Exception:  # a worker that went away runs nothing
            return
        time.sleep(0.2)


def _slots(client: Client) -> int:
    """How many tasks to keep submitted: one per worker thread, so none waits on a worker that may die."""
    return max(1, sum(client.nthreads().values()))


def grade_class(
    submissions: list[Submission],
    assignment: str,
    out: Path,
    on_result: Callable[[str, Graded], None],
    *,
    workers: int,
    policy: Policy = DEFAULT_POLICY,
    scheduler: str | None = None,
    client: Client | None = None,
    force: bool = False,
    progress: bool = True,
    hidden_visibility: str = DEFAULT_HIDDEN_VISIBILITY,
) -> dict[str, dict]:
    """The instructor's copy of the results, per student; `on_result(student, graded)` runs as each one finishes
    (it writes the student's files).

    The work goes to `client` if given (a benchmark times grading without cluster start-up),
    else to the `scheduler`, else to a local cluster of `workers` processes. Raises NotReady
    before the first submission if the grader cannot grade (preflight.py).
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
        # A task carries its notebook by design (a few at a time): Dask's warning about large graphs does not apply.
        dask.config.set({"distributed.admin.large-graph-warning-threshold": "4GiB"}),
        nullcontext(client) if client else dask_client(workers, scheduler) as cluster_client,
        tqdm(total=len(todo), unit="submission", desc="grading", disable=not progress) as bar,
    ):
        if client is None:
            prepare_workers(cluster_client, assignment, policy)
        waiting = iter(todo)
        running: dict[Future, Submission] = {}
        done = as_completed()

        def submit(function: Callable, submission: Submission, *args: object) -> None:
            future = cluster_client.submit(function, *args, pure=False, retries=1)
            running[future] = submission
            done.add(future)

        def submit_next() -> bool:
            submission = next(waiting, None)
            if submission is None:
                return False
            try:
                content = read_bytes(submission.notebook, below=submission.root)
            except NotebookError as error:
                submit(not_graded_task, submission, assignment, str(error), error.detail)
            else:
                submit(grade_task, submission, content, submission.notebook.name, assignment, policy)
            return True

        try:
            while len(running) < _slots(cluster_client) and submit_next():
                pass
            for future in done:
                submission = running.pop(future)
                try:
                    graded = future.result() or grader_error("a worker stopped this grading, which was still wanted")
                except KilledWorker:
                    submit(not_graded_task, submission, assignment, KILLED_TWICE)
                    continue
                except Exception as error:  # the grader's own failure, or the cluster's: graded again on a rerun
                    graded = grader_error("".join(traceback.format_exception(error)))
                finally:
                    future.release()
                on_result(submission.student, graded)
                rows[submission.student] = graded.instructor_results(hidden_visibility)
                bar.update()
                while len(running) < _slots(cluster_client) and submit_next():
                    pass
        except KeyboardInterrupt:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C would cut the stop short
            logging.getLogger("distributed").setLevel(logging.CRITICAL)  # the stop's warnings are expected
            keys = [future.key for future in running]
            cluster_client.cancel(list(running))
            _wait_until_stopped(cluster_client, keys)
            raise
    return rows
