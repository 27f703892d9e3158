"""Checks and check data of the lstm_cnn_imdb assignment (IMDB word indices; LSTM, dropout, Conv1D)."""
