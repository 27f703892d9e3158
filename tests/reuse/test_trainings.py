"""Training reuse (reuse/trainings.py): the reference's result only where the student's own training would repeat it.

- The fingerprint (probes/fingerprint.py) tells apart everything a training depends on, and
  refuses a model whose training other code could change.
- Graded through real kernels, reuse changes no byte of results.json, and the student's
  kernel is not asked to train when its model is the reference's.
- A hostile notebook that forges the grader's requests cannot change another submission's
  results, and forging gets it nothing with reuse that it does not get without.
"""

import copy
import json
from collections import defaultdict

import nbformat
import pytest
from support.kit import TINY, require_data_dir

from autograder.authoring.mutants import mutated
from autograder.grading import grade_content
from autograder.probes.requests import Request
from autograder.reuse import trainings as reuse
from autograder.reuse.kept_answers import KeptAnswers
from autograder.sandbox.inprocess import InProcessStudent
from autograder.sandbox.kernel import KernelStudent
from autograder.sandbox.policy import Policy

BUILDERS = """
import keras
import numpy as np
from keras import layers


def gru(units=8, optimizer="adam", loss="binary_crossentropy"):
    model = keras.Sequential(
        [keras.Input(shape=(None,), dtype="int32"), layers.Embedding(50, 4, mask_zero=True), layers.GRU(units),
         layers.Dense(1, activation="sigmoid")]
    )
    model.compile(loss=loss, optimizer=optimizer, metrics=["accuracy"])
    return model


def gru_then_a_draw():
    model = gru()
    np.random.rand()  # the shuffling of the training draws after it
    return model


def gru_faster_adam():
    return gru(optimizer=keras.optimizers.Adam(0.01))


def compiled(model):
    model.compile(loss="mse", optimizer="adam")
    return model


def with_lambda():
    return compiled(keras.Sequential([keras.Input(shape=(3,)), layers.Lambda(lambda x: 2 * x), layers.Dense(1)]))


class Doubled(layers.Layer):
    def call(self, x):
        return 2 * x


def with_own_layer():
    return compiled(keras.Sequential([keras.Input(shape=(3,)), Doubled(), layers.Dense(1)]))


def with_own_loss():
    return gru(loss=lambda y, p: keras.ops.mean((y - p) ** 2))


def uncompiled():
    return keras.Sequential([keras.Input(shape=(3,)), layers.Dense(1)])


def with_fit_replaced():
    model = gru()
    model.fit = lambda *args, **kwargs: None
    return model
"""


@pytest.fixture(scope="module")
def builders() -> InProcessStudent:
    namespace: dict = {"__name__": "__main__"}
    exec(compile(BUILDERS, "<builders>", "exec"), namespace)
    return InProcessStudent(namespace)


def fingerprint(student: InProcessStudent, function: str, args: list | None = None, seed: int = 1) -> str | None:
    return student.training_fingerprint(function, args or [], seed=seed, timeout=60)


def test_the_same_build_has_the_same_fingerprint_and_any_difference_another(builders):
    plain = fingerprint(builders, "gru")
    assert plain is not None and len(plain) == 64
    assert fingerprint(builders, "gru") == plain
    others = {
        "another seed": fingerprint(builders, "gru", seed=2),
        "another layer size": fingerprint(builders, "gru", [9]),
        "a draw from a random generator after the build": fingerprint(builders, "gru_then_a_draw"),
        "another learning rate": fingerprint(builders, "gru_faster_adam"),
    }
    assert None not in others.values() and plain not in others.values() and len(set(others.values())) == len(others)


@pytest.mark.parametrize(
    "function", ["uncompiled", "with_lambda", "with_own_layer", "with_own_loss", "with_fit_replaced"]
)
def test_no_fingerprint_where_other_code_could_change_the_training(builders, function):
    assert fingerprint(builders, function) is None


def test_no_fingerprint_once_a_keras_method_is_replaced(builders, monkeypatch):
    import keras

    assert fingerprint(builders, "gru") is not None
    monkeypatch.setattr(keras.Model, "train_step", lambda self, data: {})
    assert fingerprint(builders, "gru") is None


# --- through real kernels ---------------------------------------------------------------------

ASSIGNMENT = TINY  # the quickest to grade; its learning check trains create_rnn_model
FUNCTION = "create_rnn_model"
WRONG_MODEL = ("no_sigmoid", FUNCTION, 'layers.Dense(1, activation="sigmoid")', "layers.Dense(1)")
# The wrong model's notebook with the reference's build kept under another name, and the grader's
# requests about the graded function answered with that one: the fingerprint only, or every request.
FORGER = """

_right_ = {right!r}
exec(_right_.replace("def {function}", "def _right_build"))
_kit_answer_ = __kit_answer__


def __kit_answer__(namespace, request_dir, response_dir):
    with open(f"{{request_dir}}/value.json") as request:
        probe = json.load(request)["probe"]
    if probe in {forged!r}:
        namespace = {{**namespace, "{function}": _right_build}}
    _kit_answer_(namespace, request_dir, response_dir)
"""

# The reference's build, but a wrong model (WRONG_MODEL's) whenever the builder is not called to take a fingerprint.
CALLER_DEPENDENT = """

_wrong_ = {wrong!r}
exec(_wrong_.replace("def {function}", "def _wrong_build"))
_right_build = {function}


def {function}(*args, **kwargs):
    frame, fingerprinting = sys._getframe(), False
    while frame is not None and not fingerprinting:
        fingerprinting, frame = frame.f_code.co_name == "training_fingerprint", frame.f_back
    return (_right_build if fingerprinting else _wrong_build)(*args, **kwargs)
"""


def _cell(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    return next(c for c in notebook.cells if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == FUNCTION)


def notebook(*changes: tuple, forged: tuple[str, ...] = ()) -> bytes:
    source = ASSIGNMENT.source()
    graded = mutated(source, *changes)
    if forged:
        cell = _cell(graded)
        cell.source = (
            "import json\n" + cell.source + FORGER.format(right=_cell(source).source, forged=forged, function=FUNCTION)
        )
    return nbformat.writes(graded).encode("utf-8")


def caller_dependent() -> bytes:
    source = copy.deepcopy(ASSIGNMENT.source())
    wrong = _cell(mutated(source, WRONG_MODEL)).source
    _cell(source).source = (
        "import sys\n" + _cell(source).source + CALLER_DEPENDENT.format(wrong=wrong, function=FUNCTION)
    )
    return nbformat.writes(source).encode("utf-8")


class Requests:
    """The probes each kernel was asked for, in the order the kernels started (a grading's student's first)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.by_kernel: dict[KernelStudent, list[str]] = defaultdict(list)  # keeps each kernel's object, and its id
        real = KernelStudent._request

        def recorded(student: KernelStudent, request: Request, timeout: float | None) -> object:
            self.by_kernel[student].append(request.probe)
            return real(student, request, timeout)

        monkeypatch.setattr(KernelStudent, "_request", recorded)


def graded(content: bytes, reuse_trainings: bool) -> str:
    return json.dumps(
        grade_content(
            content, f"{ASSIGNMENT.name}.ipynb", ASSIGNMENT, Policy(reuse_trainings=reuse_trainings)
        ).results()
    )


@pytest.fixture
def fresh_memo(monkeypatch, tmp_path) -> KeptAnswers:
    """Each test starts with nothing reused yet, as a grading process on a new machine does; returns its kept answers."""
    monkeypatch.setattr(reuse, "_fingerprints", {})
    monkeypatch.setattr(reuse, "_results", {})
    kept = KeptAnswers(tmp_path / "kept")
    monkeypatch.setattr(reuse, "kept_answers", lambda: kept)
    return kept


@pytest.mark.kernel
def test_reuse_changes_no_result_and_spares_the_students_training(monkeypatch, fresh_memo):
    """And what one grading process learnt from the reference's kernel serves the next, without that kernel."""
    require_data_dir()
    requests = Requests(monkeypatch)
    reference = ASSIGNMENT.source_notebook.read_bytes()
    results = {}
    for content, trains_itself in ((reference, False), (notebook(WRONG_MODEL), True)):
        requests.by_kernel.clear()
        results[content] = graded(content, reuse_trainings=True)
        student = next(iter(requests.by_kernel.values()))
        assert "training_fingerprint" in student
        assert ("train_and_predict" in student) == trains_itself  # else the reference's training served it
        assert graded(content, reuse_trainings=False) == results[content]
    assert len(reuse._results) == 1  # the reference trained once, for both gradings
    assert any(fresh_memo.folder.iterdir())
    monkeypatch.setattr(reuse, "_fingerprints", {})  # the next process: a new memo, the same cache
    monkeypatch.setattr(reuse, "_results", {})
    requests.by_kernel.clear()
    assert graded(reference, reuse_trainings=True) == results[reference]
    (student,) = requests.by_kernel.values()  # no kernel of the reference's
    assert "training_fingerprint" in student and "train_and_predict" not in student


@pytest.mark.kernel
def test_a_forged_fingerprint_changes_no_other_submission(monkeypatch, fresh_memo):
    require_data_dir()
    reference = ASSIGNMENT.source_notebook.read_bytes()
    alone = graded(reference, reuse_trainings=False)
    graded(notebook(WRONG_MODEL, forged=("training_fingerprint",)), reuse_trainings=True)
    assert len(reuse._results) == 1  # the forged fingerprint was taken: the reference trained for it
    assert graded(reference, reuse_trainings=True) == alone


@pytest.mark.kernel
def test_a_builder_that_looks_at_its_caller_gets_the_same_verdict_with_reuse_and_without(fresh_memo):
    """It kept its learning points with reuse and lost them without, when the training built its model again: now
    every training fits the very model whose fingerprint was taken, with reuse or without."""
    require_data_dir()
    builder = caller_dependent()
    assert graded(builder, reuse_trainings=True) == graded(builder, reuse_trainings=False)


@pytest.mark.kernel
def test_forging_gets_nothing_with_reuse_that_it_does_not_get_without(fresh_memo):
    """A notebook that answers every request about the graded function with the reference's model scores the same."""
    require_data_dir()
    forger = notebook(WRONG_MODEL, forged=("training_fingerprint", "train_and_predict", "describe_model"))
    assert graded(forger, reuse_trainings=True) == graded(forger, reuse_trainings=False)
