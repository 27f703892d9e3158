"""tiny_sentiment's learning check: create_rnn_model trained for one epoch on 640 made-up reviews (checkdata.py).

Its threshold and the range of correct models are in calibration.json, as `autograder calibrate
tiny_sentiment` writes it. A constant answer scores about 0.5, as do the mutants
frozen_zero_embedding (every review looks the same) and no_sigmoid (a linear output does not learn).
"""

from pathlib import Path

from autograder.assignments.tiny_sentiment import checkdata
from autograder.checklib.learning import LearningCheck

RNN_MODEL = LearningCheck(
    "create_rnn_model",
    Path(__file__).parent,
    checkdata.accuracy_data,
    lambda data: [data.vocab_size, checkdata.EMBEDDING_NODES, checkdata.HIDDEN_NODES],
    checkdata.TRAINING,
    "made-up reviews",
)
CHECKS = (RNN_MODEL,)
