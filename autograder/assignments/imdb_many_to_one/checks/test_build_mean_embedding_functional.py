"""build_mean_embedding_functional(top_words, embedding_length, max_review_length): part 2's network, Functional API."""

from autograder.assignments.imdb_many_to_one import models
from autograder.assignments.imdb_many_to_one.models import ARGS, INPUTS, LAB_ARGS
from autograder.engine.modelchecks import description_fixture

FUNCTION = "build_mean_embedding_functional"

model = description_fixture(FUNCTION, ARGS, INPUTS)
# The reference's Sequential network of part 2: the Functional one must match it layer by layer.
sequential_model = description_fixture("build_mean_embedding_sequential", ARGS, INPUTS, "expected")
test_functional_api = models.api_check(FUNCTION, "Functional", 1)
test_same_layers_as_sequential = models.same_layers_check(FUNCTION)
test_embedding_sizes, test_sigmoid_output, test_compiled, test_keras3_api = models.common_checks(FUNCTION)
test_averages_word_vectors, test_padding_counted = models.mean_checks()
test_accuracy = models.accuracy_check(
    FUNCTION,
    LAB_ARGS,
    models.MEAN_N_TRAIN,
    models.MEAN_ACCURACY_THRESHOLD,
    models.MEAN_REFERENCE_RANGE,
    models.MEAN_ACCURACY_DOC,
)
