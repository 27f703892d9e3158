"""authoring/mutants.py: the bundles built from an assignment's mutants, and the rule their results are judged by."""

import nbformat
import pytest
from support.kit import TINY

from autograder.authoring.mutants import Change, Mutants, StaleChange, judge, mutants_of, mutated, solution_cell

LEXICON = Change("stricter_lexicon", "make_lexicon", "count > min_freq", "count > min_freq + 5")
PADDING = Change("post_padding", "pad_idx_seqs", "a", "b")
OTHER_PADDING = Change("float_padding", "pad_idx_seqs", "c", "d")
VARIANT = Change("lexicon_by_counter", "make_lexicon", "e", "f")
LISTED = Mutants((LEXICON, PADDING, OTHER_PADDING), (VARIANT,), {"post_padding": "pad_idx_seqs: pads"})


def check(function: str, name: str, score: float, points: float, output: str = "") -> dict:
    status = "passed" if score == points else "failed"
    return {"name": f"{function}: {name}", "tags": [function], "score": score, "max_score": points, "status": status,
            "output": output}  # fmt: skip


def results(*tests: dict) -> dict:
    return {
        "tests": list(tests),
        "score": sum(t["score"] for t in tests),
        "max_score": sum(t["max_score"] for t in tests),
    }


def test_the_kth_change_of_every_function_goes_to_the_kth_bundle():
    assert LISTED.bundles() == {
        "mutants-1": (LEXICON, PADDING),
        "mutants-2": (OTHER_PADDING,),
        "variants-1": (VARIANT,),
    }
    assert LISTED.bundle_of("float_padding") == ("mutants-2", (OTHER_PADDING,))


def test_a_mutant_is_caught_when_it_loses_its_own_points_only_and_fails_what_must_catch_it():
    graded = {
        "mutants-1": results(
            check("make_lexicon", "counts", 0, 2, "expected 3 words, got 1"),
            check("pad_idx_seqs", "fills in front", 0, 1, "padded at the end"),
            check("tokens", "lowercases", 1, 1),
        ),
        "mutants-2": results(check("pad_idx_seqs", "pads in front", 1, 1), check("tokens", "lowercases", 0, 1, "x")),
        "variants-1": results(check("make_lexicon", "counts", 2, 2)),
    }
    verdicts = {v.name: v for v in judge(LISTED, graded)}
    assert verdicts["stricter_lexicon"].holds, verdicts["stricter_lexicon"].why
    assert verdicts["stricter_lexicon"].why == "lost 2 of 2 points of make_lexicon (make_lexicon: counts)"
    assert not verdicts["post_padding"].holds
    assert "no check is named 'pad_idx_seqs: pads'" in verdicts["post_padding"].why
    assert not verdicts["float_padding"].holds
    assert verdicts["float_padding"].why == (
        "kept all 1 points of pad_idx_seqs; lost points of correct functions: tokens (0 / 1)"
    )
    assert verdicts["lexicon_by_counter"].holds and verdicts["lexicon_by_counter"].kind == "variant"


def test_a_silent_failure_a_passed_must_fail_and_a_variant_short_of_full_marks_do_not_hold():
    """A failed check that says nothing counts against every mutant of its bundle: it shows in the same notebook."""
    graded = {
        "mutants-1": results(check("make_lexicon", "counts", 0, 2), check("pad_idx_seqs", "pads", 1, 1)),
        "mutants-2": results(check("pad_idx_seqs", "pads", 0, 1, "why")),
        "variants-1": results(check("make_lexicon", "counts", 1, 2, "why")),
    }
    verdicts = {v.name: v for v in judge(LISTED, graded)}
    assert verdicts["stricter_lexicon"].why == "failed checks that say nothing: make_lexicon: counts"
    assert verdicts["post_padding"].why == (
        "kept all 1 points of pad_idx_seqs; failed checks that say nothing: make_lexicon: counts;"
        " passed pad_idx_seqs: pads, which MUST_FAIL says must catch it"
    )
    assert verdicts["float_padding"].holds
    assert not verdicts["lexicon_by_counter"].holds
    assert verdicts["lexicon_by_counter"].why == "1 / 2; did not pass: make_lexicon: counts"


def test_a_change_whose_text_left_the_solution_is_named():
    source = TINY.source()
    stale = Change("gone", "make_lexicon", "text that is not there", "x")
    with pytest.raises(StaleChange, match="gone no longer applies to the solution of make_lexicon"):
        mutated(source, stale)


def test_the_tiny_courses_mutants_apply_to_their_functions_only():
    source = TINY.source()
    listed = mutants_of(TINY)
    assert listed.mutants and listed.variants
    for change in (*listed.mutants, *listed.variants):
        changed = mutated(source, change)
        differ = [a.source != b.source for a, b in zip(source.cells, changed.cells, strict=True)]
        assert differ.count(True) == 1, change.name
        assert solution_cell(changed, change.function).source != solution_cell(source, change.function).source
    assert isinstance(changed, nbformat.NotebookNode)
