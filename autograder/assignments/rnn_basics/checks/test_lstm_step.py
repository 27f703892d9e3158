"""lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias) -> (h, c), as keras.layers.LSTMCell computes it."""

import pytest

from autograder.assignments.rnn_basics.steps import CellStep

STEP = CellStep("LSTMCell", ("h", "c"))


@pytest.mark.points(1)
def test_returns_states(student, function):
    """returns the pair (h, c), each of shape (batch, units)"""
    STEP.check_form(student, function)


@pytest.mark.points(1.5)
def test_from_zero_state(student, function):
    """matches keras.layers.LSTMCell from zero previous states, with random weights and inputs"""
    STEP.check_steps(student, function, seed=11, zero_state=True)


@pytest.mark.points(1.5)
def test_from_random_state(student, function):
    """matches keras.layers.LSTMCell from random previous states (the forget gate acts on c_prev)"""
    STEP.check_steps(student, function, seed=12)


@pytest.mark.points(1)
def test_over_a_sequence(student, function):
    """matches keras.layers.LSTMCell over 6 steps, each fed the (h, c) of the step before"""
    STEP.check_steps(student, function, seed=13, steps=6, zero_state=True)
