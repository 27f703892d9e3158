"""sentiment_ratings' learning checks: each regressor trained on a fixed subset of IMDB with its star ratings
(checkdata.py), scored by the R² of its predictions (r2.py).

Their thresholds and the ranges of correct models are in calibration.json (`autograder calibrate
sentiment_ratings`). A sigmoid output (every prediction below 1) scores about -1.7.
"""

from pathlib import Path

from autograder.assignments.sentiment_ratings import checkdata
from autograder.assignments.sentiment_ratings.r2 import R2
from autograder.checklib.learning import LearningCheck

FOLDER = Path(__file__).parent

MLP = LearningCheck(
    "create_mlp_model",
    FOLDER,
    checkdata.bows,
    lambda data: [data.x_train.shape[1], checkdata.MLP_HIDDEN_NODES],
    checkdata.MLP_TRAINING,
    "bags of words",
    metric=R2,
    items="bags of words",
)
RNN = LearningCheck(
    "create_rnn_regressor",
    FOLDER,
    checkdata.sequences,
    lambda data: [checkdata.SEQUENCE_WORDS, checkdata.RNN_EMBEDDING_NODES, checkdata.RNN_HIDDEN_NODES],
    checkdata.RNN_TRAINING,
    f"reviews of {checkdata.MAX_LEN} words",
    metric=R2,
    items=f"reviews of {checkdata.MAX_LEN} words",
)
CHECKS = (MLP, RNN)
