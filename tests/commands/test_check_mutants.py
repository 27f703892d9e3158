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
    mutants.write_text(mutants.read_text(encoding="utf-8") + f"\nMUTANTS.append({UNCATCHABLE!r})\n", encoding="utf-8")
    done = autograder("check-mutants", TINY.name, env={**os.environ, "KIT_ROOT": str(course)}, check=False)
    assert done.returncode == 1, done.stderr
    lines = [line for line in done.stdout.splitlines() if not line.startswith(("grading ", "  "))]
    missed = [line for line in lines if line.startswith("MISSED")]
    assert missed == ["MISSED   comment_only (make_lexicon, in mutants-3): kept all 4.5 points of make_lexicon"], (
        done.stdout
    )
    caught = [line for line in lines if line.startswith("caught")]
    accepted = [line for line in lines if line.startswith("accepted")]
    assert len(caught) == 13 and len(accepted) == 6, done.stdout
    assert "caught   no_sigmoid (create_rnn_model, in mutants-2): lost " in done.stdout
    assert lines[-1] == f"{TINY.name}: 13 of 14 mutants caught, 6 of 6 other correct answers at full marks"
