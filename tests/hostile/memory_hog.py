"""A function that allocates memory until something stops it (16 GiB, in touched 256 MiB blocks)."""
# replaces: idx_seqs_to_bows
import numpy as np


def idx_seqs_to_bows(idx_seqs, matrix_length):
    blocks = [np.ones(2**25) for _ in range(64)]
    return blocks
