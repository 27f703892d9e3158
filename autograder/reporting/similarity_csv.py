"""A class's similar solutions as two CSV files beside grades.csv.

similarity.csv holds the flagged pairs only, most similar first (`function`,
`student_a`, `student_b`, `score`, `others`: how many other students share most of
the pair's rare code); similarity_groups.csv the common forms (`function`,
`students`: how many wrote it, `names`: who, separated by `;`).
"""

from pathlib import Path

from autograder.atomic import write_csv
from autograder.similarity.compare import ClassSimilarity

PAIRS_FILE, GROUPS_FILE = "similarity.csv", "similarity_groups.csv"


def write_similarity_csvs(similarity: ClassSimilarity, out: Path) -> None:
    """Write both files into `out`, each atomically."""
    pairs = [["function", "student_a", "student_b", "score", "others"]]
    pairs += [
        [function, pair.student_a, pair.student_b, f"{pair.score:.3f}", str(pair.others)]
        for function, pair in similarity.ranked_pairs()
    ]
    groups = [["function", "students", "names"]]
    groups += [
        [result.function, str(len(group.students)), ";".join(group.students)]
        for result in similarity.functions
        for group in result.groups
    ]
    write_csv(pairs, out / PAIRS_FILE)
    write_csv(groups, out / GROUPS_FILE)
