"""lstm_cnn_imdb: an LSTM, an LSTM with dropout, and a Conv1D + max-pooling front end, on IMDB word indices."""

from autograder.course import Benchmark, Declaration, Subset, Trained

DECLARATION = Declaration(
    models=("build_lstm", "build_lstm_dropout", "build_cnn_lstm"),
    datasets=("imdb",),
    subset=Subset(env="LSTM_CNN_IMDB_N_REVIEWS", quick=100, full=25000),
    benchmark=Benchmark(
        models=(
            Trained("LSTM", "train_lstm", "lstm_accuracy", 0.87, "the tutorial's LSTM reaches about 87% in 2-3 epochs"),
            Trained(
                "LSTM with dropout",
                "train_dropout",
                "dropout_accuracy",
                0.87,
                "about 87% in the tutorial, as without dropout",
            ),
            Trained(
                "Conv1D + LSTM",
                "train_cnn",
                "cnn_accuracy",
                0.88,
                "about 88% in the tutorial; Maas et al. (2011) report 88.89% on the same split",
            ),
        ),
    ),
)
