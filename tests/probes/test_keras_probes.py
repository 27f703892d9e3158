"""The Keras probes (probes/keras_probes.py), in this process: a training fits the very model its fingerprint built."""

import numpy as np

from autograder.sandbox.inprocess import InProcessStudent

BUILDER = """
import sys

import keras

calls = []


def build():
    frame, callers = sys._getframe(), []
    while frame is not None:
        callers.append(frame.f_code.co_name)
        frame = frame.f_back
    calls.append(callers)
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(loss="binary_crossentropy", optimizer="adam")
    return model
"""


def test_a_training_builds_its_model_once_for_the_fingerprint_and_fits_that_one():
    namespace: dict = {"__name__": "__main__"}
    exec(compile(BUILDER, "<builder>", "exec"), namespace)
    x, y = np.array([[0.0, 1.0], [1.0, 0.0]]), np.array([0.0, 1.0])
    predictions = InProcessStudent(namespace).train_and_predict(
        "build", [], x, y, x, epochs=1, batch_size=2, seed=1, timeout=60
    )
    assert predictions.shape == (2, 1)
    (callers,) = namespace["calls"]
    assert "training_fingerprint" in callers
