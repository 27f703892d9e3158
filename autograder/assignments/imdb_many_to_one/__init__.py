"""Checks and check data of the imdb_many_to_one assignment (IMDB as word indices; mean of embeddings and LSTM)."""
