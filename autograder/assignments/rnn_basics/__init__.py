"""Checks and check data of the rnn_basics assignment (Yelp sentences, LSTM and GRU steps, SimpleRNN)."""
