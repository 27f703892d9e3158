"""imdb_many_to_one's learning checks: the four builders trained as the lab trains (3 epochs, batches of 64) on the
check reviews (checkdata.py), scored on its 2,000 test reviews.

Both mean models train on all 10,000 check train reviews; both LSTM models with 32 units (the
lab's 128 would take minutes) on the first 3,000. Their thresholds and the ranges of correct
models are in calibration.json (`autograder calibrate imdb_many_to_one`). An output layer
without a sigmoid fails on predictions outside [0, 1].
"""

from functools import cache
from pathlib import Path

from autograder.assignments.imdb_many_to_one import checkdata
from autograder.checklib.accuracy import AccuracyData, Training
from autograder.checklib.learning import LearningCheck

# The time limit is generous: the reference took up to 76 s with the load average at 17-20.
TRAINING = Training(epochs=3, batch_size=64, seed=1, timeout=240)
LAB_ARGS = [checkdata.TOP_WORDS, 32, checkdata.MAX_REVIEW_LENGTH]
LSTM_N_TRAIN, LSTM_TRAINING_UNITS = 3000, 32


@cache
def first(n_train: int) -> AccuracyData:
    """The first n_train check train reviews, and all the check test reviews."""
    data = checkdata.indexed_data()
    return AccuracyData(data.x_train[:n_train], data.y_train[:n_train], data.x_test, data.y_test)


def _learning(function: str, n_train: int, args: list) -> LearningCheck:
    return LearningCheck(
        function, Path(__file__).parent, lambda: first(n_train), lambda data: args, TRAINING, "train reviews"
    )


MEAN_SEQUENTIAL, MEAN_FUNCTIONAL = (
    _learning(function, checkdata.N_TRAIN, LAB_ARGS)
    for function in ("build_mean_embedding_sequential", "build_mean_embedding_functional")
)
LSTM_SEQUENTIAL, LSTM_FUNCTIONAL = (
    _learning(function, LSTM_N_TRAIN, [*LAB_ARGS, LSTM_TRAINING_UNITS])
    for function in ("build_lstm_sequential", "build_lstm_functional")
)
CHECKS = (MEAN_SEQUENTIAL, MEAN_FUNCTIONAL, LSTM_SEQUENTIAL, LSTM_FUNCTIONAL)
BY_FUNCTION = {check.function: check for check in CHECKS}
