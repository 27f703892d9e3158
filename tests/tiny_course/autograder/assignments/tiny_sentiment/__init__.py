"""tiny_sentiment: the kit's own test assignment; sentiment_rnn's six functions on made-up reviews, graded in seconds."""

from autograder.course import Declaration

# No dataset: the notebook makes up its reviews, and the learning check's data is generated in checkdata.py.
DECLARATION = Declaration(models=("create_rnn_model",), datasets=())
