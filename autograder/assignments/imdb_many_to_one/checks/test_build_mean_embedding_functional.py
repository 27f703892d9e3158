"""build_mean_embedding_functional(top_words, embedding_length, max_review_length): part 2's network, Functional API."""

import pytest

from autograder.assignments.imdb_many_to_one import models
from autograder.assignments.imdb_many_to_one.learning import MEAN_FUNCTIONAL

ARGS, INPUTS = models.ARGS, models.INPUTS


@pytest.mark.points(1)
def test_functional_api(model, function):
    """is a Functional model: keras.Model(inputs=..., outputs=...)"""
    models.assert_api(model, "Functional", function)


class TestAsSequential(models.SameAsSequential):
    sequential = "build_mean_embedding_sequential"  # the reference's network of part 2


class TestAsEveryBuilder(models.EveryBuilder):
    pass


class TestAsMean(models.MeanOverTime):
    pass


@pytest.mark.points(2)
def test_accuracy(student, function):
    """learns: test accuracy on a fixed subset of IMDB after the lab's training (3 epochs, batches of 64)"""
    MEAN_FUNCTIONAL.assert_learns(student)
