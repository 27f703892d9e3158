"""build_lstm(top_words, embedding_length, max_review_length, units=100): Embedding -> LSTM -> sigmoid."""

import pytest

from autograder.assignments.lstm_cnn_imdb import modelchecks as mc
from autograder.engine.modelchecks import assert_same_layer_classes, called, model_fixtures

FUNCTION = "build_lstm"
ARGS = mc.ARGS
CALL = called(FUNCTION, ARGS)

# Calibrated on the reference with modelchecks' settings: over seeds 1-6 it scores
# 0.740-0.784 on the checks' subset (0.775 with mc.SEED = 1), so 0.65 leaves a margin of 0.09; an untrained
# model scores about 0.5. An output layer without a sigmoid fails on predictions outside [0, 1].
ACCURACY_THRESHOLD = 0.65
REFERENCE_RANGE = "0.740-0.784"

model, reference_model = model_fixtures(FUNCTION, ARGS, mc.INPUTS)


@pytest.mark.points(1.5)
def test_layers(model, reference_model):
    """has the layers Embedding, LSTM, Dense, in that order"""
    assert_same_layer_classes(model, reference_model, CALL)


@pytest.mark.points(0.5)
def test_default_units(student):
    """gives the LSTM 100 units when `units` is not given"""
    mc.assert_lstm_units(student.describe_model(FUNCTION, ARGS[:3], []), 100)


test_embedding, test_lstm_units, test_sigmoid_output, test_compiled, test_parameter_count, test_accuracy = (
    mc.shared_checks(FUNCTION, ARGS, ACCURACY_THRESHOLD, REFERENCE_RANGE)
)
