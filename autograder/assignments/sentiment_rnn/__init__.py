"""sentiment_rnn: a spaCy tokenizer, a lexicon, indices, bags of words, padding and a GRU classifier for IMDB reviews."""

from autograder.course import Benchmark, Declaration, Subset, Timed, Trained

DECLARATION = Declaration(
    models=("create_rnn_model",),
    datasets=("imdb",),
    subset=Subset(env="SENTIMENT_RNN_N_REVIEWS", quick=100, full=25000),
    benchmark=Benchmark(
        models=(
            Trained("GRU", "train_model", "test_accuracy", 0.88, "Maas et al. (2011) report 88.89% on the same split"),
        ),
        timed=(
            # A fresh tokenizer: the notebook's own one has cached every word it has seen and would look too fast.
            Timed(
                "tokenization",
                "tokenize_data",
                "spaCy alone",
                "a fresh spacy.blank('en').tokenizer.pipe over the same reviews",
                setup='import spacy\ntokenizer = spacy.blank("en").tokenizer',
                work='for texts in (train["review"], test["review"]):\n    for doc in tokenizer.pipe(texts):\n        pass',
            ),
        ),
    ),
)
