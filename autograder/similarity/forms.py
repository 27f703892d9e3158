"""How few students make code rare, and the common forms: one solution written the same way by many.

A short function has few correct forms, and many students write the reference's
one-liner. Code counts as rare when at most `rare_limit` students wrote it; a whole
solution written identically (after normalization) by more students is a common form,
shown as one group rather than as all the pairs it would make.
"""

from dataclasses import dataclass

FEWEST_RARE = 3  # students
RARE_SHARE = 0.05  # of those who wrote the function


def rare_limit(students: int) -> int:
    """The most students that may share code for it to be rare: 3, or 5% of them if that is more."""
    return max(FEWEST_RARE, int(students * RARE_SHARE))


@dataclass(frozen=True)
class Group:
    students: tuple[str, ...]
    """Sorted by id; the first one's cell stands for the form."""


def common_forms(forms: dict[str, tuple[str, ...]], limit: int) -> tuple[Group, ...]:
    """Students (id -> normalized tokens of their own code) grouped by identical code, for forms of more than `limit`.

    The largest group first; groups of one size in the order of their first student.
    """
    by_form: dict[tuple[str, ...], list[str]] = {}
    for student in sorted(forms):
        by_form.setdefault(forms[student], []).append(student)
    groups = [Group(tuple(students)) for students in by_form.values() if len(students) > limit]
    return tuple(sorted(groups, key=lambda group: (-len(group.students), group.students[0])))
