"""gru_step(x_t, h_prev, kernel, recurrent_kernel, bias) -> h, as keras.layers.GRUCell (reset_after=True) computes it."""

from autograder.assignments.rnn_basics.stepcheck import GRU, step_checks

test_returns_states, test_from_zero_state, test_from_random_state, test_over_a_sequence = step_checks(GRU)
