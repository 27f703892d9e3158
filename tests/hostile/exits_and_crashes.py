"""Five ways to leave a function early: KeyboardInterrupt, sys.exit, os._exit, a segfault, SIGKILL."""
# replaces: text_to_tokens, tokens_to_idxs, idx_seqs_to_bows, pad_idx_seqs, create_rnn_model
import ctypes
import os
import signal
import sys


def text_to_tokens(text_seqs):
    raise KeyboardInterrupt


def tokens_to_idxs(token_seqs, lexicon):
    sys.exit(3)


def idx_seqs_to_bows(idx_seqs, matrix_length):
    os._exit(1)


def pad_idx_seqs(idx_seqs):
    return ctypes.string_at(0)  # reads address 0: a segmentation fault


def create_rnn_model(n_input_nodes, n_embedding_nodes, n_hidden_nodes):
    os.kill(os.getpid(), signal.SIGKILL)
