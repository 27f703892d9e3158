"""checklib/accuracy.py: how a learning check says how it trained."""

from autograder.checklib.accuracy import Training


def test_a_learning_check_names_its_training_and_the_call():
    training = Training(epochs=2, batch_size=64, seed=1, timeout=120)
    assert training.described("3000 train reviews", "build_lstm", [5000, 32]) == (
        "Trained for 2 epochs on 3000 train reviews, build_lstm(5000, 32)"
    )
