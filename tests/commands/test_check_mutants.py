"""`autograder check-mutants NAME`: an instructor's proof that the checks catch every mutant and accept every other
correct answer, and the name of the one they do not catch."""

import os
import shutil

import pytest
from support import TINY_COURSE
from support.kit import TINY, autograder

UNCATCHABLE = ("comment_only", "make_lexicon", 'lexicon["<UNK>"] = 1', 'lexicon["<UNK>"] = 1  # the unknown word')
"""A "mutant" no check can catch: it changes a comment."""


@pytest.mark.kernel
def test_the_command_names_what_its_checks_catch_and_the_mutant_they_miss(tmp_path):
    course = tmp_path / "course"
    shutil.copytree(TINY_COURSE, course)
    mutants = course / "autograder" / "assignments" / TINY.name / "mutants.py"
    kept = (  # one mutant the checks catch, the uncatchable one, one other correct answer: two notebooks to grade
        'MUTANTS = [m for m in MUTANTS if m[0] == "post_padding"]',
        f"MUTANTS.append({UNCATCHABLE!r})",
        'VALID_VARIANTS = [v for v in VALID_VARIANTS if v[0] == "numpy_padding"]',
        "MUST_FAIL = {}",
    )
    mutants.write_text(mutants.read_text(encoding="utf-8") + "\n" + "\n".join(kept) + "\n", encoding="utf-8")
    done = autograder("check-mutants", TINY.name, env={**os.environ, "KIT_ROOT": str(course)}, check=False)
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stdout.splitlines() if not line.startswith(("grading ", "  "))]
    assert lines == [
        "caught   post_padding (pad_idx_seqs, in mutants-1): lost 3 of 3 points of pad_idx_seqs (pad_idx_seqs: passes the"
        " examples in the notebook's test cell; pad_idx_seqs: puts the zeros before each sequence, up to the longest"
        " one's length; pad_idx_seqs: leaves sequences of equal length as they are; pad_idx_seqs: holds integers)",
        "MISSED   comment_only (make_lexicon, in mutants-1): kept all 4.5 points of make_lexicon",
        "accepted numpy_padding (pad_idx_seqs, in variants-1): full marks, 26.5 / 26.5",
        f"{TINY.name}: 1 of 2 mutants caught, 1 of 1 other correct answers at full marks",
    ], done.stdout
