"""gru_step(x_t, h_prev, kernel, recurrent_kernel, bias) -> h, as keras.layers.GRUCell (reset_after=True) computes it."""

import pytest

from autograder.assignments.rnn_basics.steps import CellStep

STEP = CellStep("GRUCell", ("h",))


@pytest.mark.points(1)
def test_returns_states(student, function):
    """returns h, of shape (batch, units)"""
    STEP.check_form(student, function)


@pytest.mark.points(1.5)
def test_from_zero_state(student, function):
    """matches keras.layers.GRUCell from zero previous states, with random weights and inputs"""
    STEP.check_steps(student, function, seed=11, zero_state=True)


@pytest.mark.points(1.5)
def test_from_random_state(student, function):
    """matches keras.layers.GRUCell from random previous states (the update gate mixes h_prev with the candidate)"""
    STEP.check_steps(student, function, seed=12)


@pytest.mark.points(1)
def test_over_a_sequence(student, function):
    """matches keras.layers.GRUCell over 6 steps, each fed the (h) of the step before"""
    STEP.check_steps(student, function, seed=13, steps=6, zero_state=True)
