"""A class's similar solutions, compared and written beside its grades: a class run and `autograder similarity` do."""

from pathlib import Path

from autograder.course import get
from autograder.reporting.similarity_csv import write_similarity_csvs
from autograder.roster import Submission
from autograder.similarity.compare import ClassSimilarity, compare_class


def class_similarity(submissions: list[Submission], assignment: str, out: Path) -> ClassSimilarity:
    """Compare the class's solution cells and write similarity.csv and similarity_groups.csv into `out`."""
    chosen = get(assignment)
    similarity = compare_class(submissions, chosen.functions, chosen.release_notebook)
    write_similarity_csvs(similarity, out)
    return similarity
