"""lstm_cnn_imdb's learning checks: each builder, with a 32-d embedding and 32 LSTM units so that the check stays
short, trained for 2 epochs on the checks' subset of IMDB.

Their thresholds and the ranges of correct models are in calibration.json (`autograder calibrate
lstm_cnn_imdb`). An output layer without a sigmoid fails on predictions outside [0, 1].
"""

from pathlib import Path

from autograder.assignments.lstm_cnn_imdb import checkdata
from autograder.checklib.accuracy import Training
from autograder.checklib.learning import LearningCheck

TRAINING = Training(epochs=2, batch_size=64, seed=1, timeout=120)
ARGS = [checkdata.TOP_WORDS, 32, checkdata.MAX_LEN, 32]


def _learning(function: str) -> LearningCheck:
    return LearningCheck(
        function,
        Path(__file__).parent,
        checkdata.accuracy_data,
        lambda data: ARGS,
        TRAINING,
        f"train reviews of {checkdata.MAX_LEN} tokens",
    )


LSTM, LSTM_DROPOUT, CNN_LSTM = CHECKS = tuple(map(_learning, ("build_lstm", "build_lstm_dropout", "build_cnn_lstm")))
