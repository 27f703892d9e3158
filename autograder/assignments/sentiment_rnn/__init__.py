"""Checks and check data of the sentiment_rnn assignment (IMDB reviews, GRU)."""
