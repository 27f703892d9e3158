"""lstm_cnn_imdb's learning checks: each builder, with a 32-d embedding and 32 LSTM units so that the check stays
short, trained on the checks' subset of IMDB: 2 epochs, 3 for build_lstm.

Their thresholds and the ranges of correct models are in calibration.json (`autograder calibrate
lstm_cnn_imdb`). build_lstm trains one epoch more: after 2, its correct masked variant
(Embedding(mask_zero=True)) scored 0.605 with seed 1 and 0.72-0.77 with seeds 2-10, so wide a
spread that no threshold kept both error rates (an untrained model reaches 0.524).
"""

import dataclasses
from pathlib import Path

from autograder.assignments.lstm_cnn_imdb import checkdata
from autograder.checklib.accuracy import Training
from autograder.checklib.learning import LearningCheck

TRAINING = Training(epochs=2, batch_size=64, seed=1, timeout=120)
ARGS = [checkdata.TOP_WORDS, 32, checkdata.MAX_LEN, 32]


def _learning(function: str, training: Training = TRAINING) -> LearningCheck:
    return LearningCheck(
        function,
        Path(__file__).parent,
        checkdata.accuracy_data,
        lambda data: ARGS,
        training,
        f"train reviews of {checkdata.MAX_LEN} tokens",
    )


LSTM = _learning("build_lstm", dataclasses.replace(TRAINING, epochs=3))
LSTM_DROPOUT, CNN_LSTM = _learning("build_lstm_dropout"), _learning("build_cnn_lstm")
CHECKS = (LSTM, LSTM_DROPOUT, CNN_LSTM)
