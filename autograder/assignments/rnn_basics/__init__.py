"""rnn_basics: a vocabulary, encoding, post-padding, LSTM and GRU steps in NumPy, a SimpleRNN on UCI Yelp sentences."""

from autograder.course import Benchmark, Declaration, Trained

# 1,000 short sentences: a full "Run all" takes seconds, so the notebook needs no subset.
DECLARATION = Declaration(
    models=("build_simple_rnn",),
    datasets=("uci",),
    benchmark=Benchmark(
        models=(
            Trained(
                "SimpleRNN",
                "train_model",
                "test_accuracy",
                0.62,
                "over training seeds 1-8 the reference scores 0.64-0.77 on the 100 test sentences, half of them positive",
            ),
        ),
    ),
)
