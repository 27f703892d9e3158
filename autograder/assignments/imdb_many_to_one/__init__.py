"""imdb_many_to_one: padding, a mean of embeddings and an LSTM, Sequential and Functional, and nearest words."""

from autograder.course import Benchmark, Declaration, Subset, Trained

DECLARATION = Declaration(
    models=(
        "build_mean_embedding_sequential",
        "build_mean_embedding_functional",
        "build_lstm_sequential",
        "build_lstm_functional",
    ),
    datasets=("imdb",),
    subset=Subset(env="IMDB_MANY_TO_ONE_N_REVIEWS", quick=300, full=25000),
    benchmark=Benchmark(
        models=(
            Trained(
                "mean of embeddings",
                "train_mean",
                "mean_test_accuracy",
                0.833,
                "the lab's published 83.32% (3 epochs, batches of 64)",
            ),
            Trained(
                "LSTM(128)",
                "train_lstm",
                "lstm_test_accuracy",
                0.846,
                "the lab's published 84.62% (3 epochs, batches of 64)",
            ),
        ),
    ),
)
