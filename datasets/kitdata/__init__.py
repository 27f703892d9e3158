"""kitdata: the kit's datasets (aclImdb reviews, UCI labelled sentences).

Download and check them with `autograder data fetch` / `autograder data verify`, then load
them with load_imdb() and load_uci(), or IMDB as word indices, like keras.datasets.imdb,
with load_imdb_indexed() and get_imdb_word_index(). The data folder is --data-dir, else $KIT_DATA_DIR,
else a per-user default (see resolve_data_dir).
"""

from .indexed import get_imdb_word_index, load_imdb_indexed, tokenize_review
from .load import load_imdb, load_uci
from .paths import MissingDatasetError, imdb_csv_path, resolve_data_dir, uci_dir

__all__ = [
    "MissingDatasetError",
    "get_imdb_word_index",
    "imdb_csv_path",
    "load_imdb",
    "load_imdb_indexed",
    "load_uci",
    "resolve_data_dir",
    "tokenize_review",
    "uci_dir",
]
