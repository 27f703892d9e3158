"""sentiment_ratings: predict an IMDB review's star rating, a regression, with a bag-of-words MLP and a GRU."""

from autograder.course import Benchmark, Declaration, Subset, Trained

DECLARATION = Declaration(
    models=("create_mlp_model", "create_rnn_regressor"),
    datasets=("imdb",),
    subset=Subset(env="SENTIMENT_RATINGS_N_REVIEWS", quick=100, full=25000),
    benchmark=Benchmark(
        models=(
            Trained(
                "GRU",
                "train_rnn",
                "rnn_r2",
                0.65,
                "the course's original GRU reported 0.6225 on the same 25,000 test reviews",
                metric="test R²",
            ),
            Trained(
                "MLP",
                "train_mlp",
                "mlp_r2",
                0.60,
                "a bag-of-words baseline, reported beside the GRU",
                metric="test R²",
            ),
        ),
    ),
)
