"""build_lstm_functional(top_words, embedding_length, max_review_length, units=128): part 5's network, Functional API."""

import pytest

from autograder.assignments.imdb_many_to_one import models

ARGS, INPUTS = [*models.ARGS, models.UNITS], models.INPUTS


@pytest.mark.points(1)
def test_functional_api(model, function):
    """is a Functional model: keras.Model(inputs=..., outputs=...)"""
    models.assert_api(model, "Functional", function)


class TestAsSequential(models.SameAsSequential):
    sequential = "build_lstm_sequential"  # the reference's network of part 5


class TestAsEveryBuilder(models.EveryBuilder):
    pass


class TestAsLstm(models.LstmUnitsAndLearning):
    pass
