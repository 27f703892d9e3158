"""build_lstm(top_words, embedding_length, max_review_length, units=100): Embedding -> LSTM -> sigmoid."""

import pytest

from autograder.assignments.lstm_cnn_imdb import modelchecks as mc
from autograder.checklib.models import assert_same_layer_classes, called

ARGS, INPUTS = mc.ARGS, mc.INPUTS
CALL = called("build_lstm", ARGS)

# Calibrated on the reference with modelchecks' settings: over seeds 1-6 it scores 0.740-0.784 on
# the checks' subset (0.775 with the training seed 1). The same network with Embedding(mask_zero=True),
# a correct answer too, scores 0.605-0.773 (0.605 with seed 1: two epochs are few), so 0.58 leaves it a
# margin of 0.025; an untrained model scores 0.5 +- 0.016 on the 1,000 test reviews. An output layer
# without a sigmoid fails on predictions outside [0, 1].
ACCURACY_THRESHOLD = 0.58
REFERENCE_RANGE = "0.740-0.784"


@pytest.mark.points(1.5)
def test_layers(model, reference_model):
    """has the layers Embedding, LSTM, Dense, in that order"""
    assert_same_layer_classes(model, reference_model, CALL)


@pytest.mark.points(0.5)
def test_default_units(student, function):
    """gives the LSTM 100 units when `units` is not given"""
    mc.assert_lstm_units(student.describe_model(function, ARGS[:3], []), 100)


class TestAsEveryBuilder(mc.EveryBuilder):
    args, accuracy_threshold, reference_range = ARGS, ACCURACY_THRESHOLD, REFERENCE_RANGE
