"""Where the grader keeps data it derives once and reuses (preprocessed check inputs).

The rule is kitdata's (kitdata caches too and must not import the grader): one copy.
"""

from kitdata.paths import cache_dir

__all__ = ["cache_dir"]
