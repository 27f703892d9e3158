"""sentiment_rnn's learning check: create_rnn_model trained briefly on a fixed subset of IMDB.

Its threshold and the range of correct models are in calibration.json (`autograder calibrate
sentiment_rnn`). Output layers without a sigmoid reach similar accuracies, but not with
probabilities: they fail on predictions outside [0, 1].
"""

from pathlib import Path

from autograder.assignments.sentiment_rnn import checkdata
from autograder.checklib.accuracy import Training
from autograder.checklib.learning import LearningCheck

RNN_MODEL = LearningCheck(
    "create_rnn_model",
    Path(__file__).parent,
    checkdata.accuracy_data,
    lambda data: [data.vocab_size, 32, 32],
    Training(epochs=3, batch_size=64, seed=1, timeout=120),
    "train reviews",
)
CHECKS = (RNN_MODEL,)
