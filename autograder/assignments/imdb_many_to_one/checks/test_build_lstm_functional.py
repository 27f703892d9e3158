"""build_lstm_functional(top_words, embedding_length, max_review_length, units=128): part 5's network, Functional API."""

from autograder.assignments.imdb_many_to_one import models
from autograder.assignments.imdb_many_to_one.models import ARGS, INPUTS, UNITS
from autograder.engine.modelchecks import description_fixture

FUNCTION = "build_lstm_functional"

model = description_fixture(FUNCTION, [*ARGS, UNITS], INPUTS)
# The reference's Sequential network of part 5: the Functional one must match it layer by layer.
sequential_model = description_fixture("build_lstm_sequential", [*ARGS, UNITS], INPUTS, "expected")
test_functional_api = models.api_check(FUNCTION, "Functional", 1)
test_same_layers_as_sequential = models.same_layers_check(FUNCTION)
test_embedding_sizes, test_sigmoid_output, test_compiled, test_keras3_api = models.common_checks(FUNCTION)
test_units, test_default_units = models.units_checks(FUNCTION)
test_accuracy = models.lstm_accuracy_check(FUNCTION)
