"""lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias) -> (h, c), as keras.layers.LSTMCell computes it."""

from autograder.assignments.rnn_basics.stepcheck import LSTM, step_checks

test_returns_states, test_from_zero_state, test_from_random_state, test_over_a_sequence = step_checks(LSTM)
