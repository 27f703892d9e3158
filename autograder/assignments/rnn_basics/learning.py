"""rnn_basics' learning check: build_simple_rnn trained on the 900 Yelp train sentences, scored on the 100 others.

Its threshold and the range of correct models are in calibration.json (`autograder calibrate rnn_basics`).
Output layers without a sigmoid fail on predictions outside [0, 1]; a softmax over one unit always
says 1, which scores 0.50.
"""

from pathlib import Path

from autograder.assignments.rnn_basics import checkdata
from autograder.checklib.accuracy import Training
from autograder.checklib.learning import LearningCheck

EMBED, RNN_UNITS = 32, 16

SIMPLE_RNN = LearningCheck(
    "build_simple_rnn",
    Path(__file__).parent,
    checkdata.accuracy_data,
    lambda data: [checkdata.vocab_size(), EMBED, checkdata.MAX_LENGTH, RNN_UNITS],
    Training(epochs=5, batch_size=32, seed=1, timeout=120),
    "sentences",
    items="sentences",
)
CHECKS = (SIMPLE_RNN,)
