"""Record every test case's results.json, and compare two recordings: the proof that a refactor keeps behaviour.

    python tests/tools/snapshot.py record DIR [--assignment NAME ...] [--grade-option OPTION ...]
                                          grade every case into DIR/<assignment>/<case>.json
    python tests/tools/snapshot.py compare BEFORE AFTER [--mask-unstable | --verdicts]
                                          exit 1, naming each case that differs

--verdicts compares what each check gave (its name, score, points and status) and each
file's score and status, not the messages: the proof that a change of wording moved no verdict.

The cases are those of the test suite's class runs (tests/support/cases.py): each assignment's
reference, its blank stub, its mutant bundles and other correct answers, and, for the tiny
course's tiny_sentiment, the hostile submissions. They are graded as one class per assignment
with the options the tests grade them with (support.cases.class_run). Run it with the README's environment
(KIT_DATA_DIR set; bubblewrap installed for the hostile cases).
"""

import argparse
import difflib
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the support package

from support.cases import class_run
from support.kit import TINY, course_env
from support.runs import add_grade_option

from autograder.course import Assignment, discover


def recordable() -> dict[str, Assignment]:
    """The course's assignments and the tiny course's, whose class run holds the hostile cases."""
    return {**discover(), TINY.name: TINY}


def record(out: Path, names: list[str], options: list[str]) -> None:
    for assignment in (recordable()[name] for name in names):
        with tempfile.TemporaryDirectory(prefix="kit-snapshot-") as scratch:
            submitted, graded = Path(scratch, "submitted"), Path(scratch, "graded")
            students, class_options = class_run(assignment, submitted)
            command = [sys.executable, "-m", "autograder.cli", "grade", str(submitted), "--assignment", assignment.name]
            env = course_env(assignment)
            subprocess.run([*command, "--out", str(graded), *class_options, *options], check=True, env=env)
            target = out / assignment.name
            target.mkdir(parents=True, exist_ok=True)
            for student in students:
                shutil.copy(graded / student / "results.json", target / f"{student}.json")
        print(f"recorded {len(students)} cases of {assignment.name} into {target}")


# What differed between two gradings of the same submission before the kit fixed it, so that a
# recording made then can still be compared (--mask-unstable): memory addresses in the repr of the
# examples' stand-in layers, the kernel's temporary folder and the probe's line numbers in a
# TensorFlow traceback, and the outputs of untrained models whose weights no seed fixed (the
# notebook's setup cell that seeded them failed under the grader).
UNSTABLE = [
    (re.compile(r"0x[0-9a-f]{6,}"), "0x..."),
    (re.compile(r"/tmp/kit-submission-[^/]+/"), "/tmp/kit-submission-.../"),
    (re.compile(r"ipykernel_\d+/\d+\.py"), "ipykernel_.../....py"),
    (re.compile(r'probes\.py", line \d+'), 'probes.py", line ...'),
    (re.compile(r"probes\.py, line \d+|(in <listcomp>|in describe_model|in answer), line \d+"), "line ..."),
    (
        re.compile(r"(before the sigmoid|in reverse order)(.*?)(\n  expected: .*\n  returned: .*)", re.S),
        r"\1\2 (values masked)",
    ),
]


def _masked(value: object) -> object:
    """Every text in a results document with UNSTABLE's parts replaced."""
    if isinstance(value, str):
        for pattern, replacement in UNSTABLE:
            value = pattern.sub(replacement, value)
        return value
    if isinstance(value, list):
        return [_masked(item) for item in value]
    if isinstance(value, dict):
        return {key: _masked(item) for key, item in value.items()}
    return value


def verdicts(document: dict) -> dict:
    """What a results.json decides, without what it says: the file's score and status, each check's verdict."""
    checks = [
        {key: test.get(key) for key in ("name", "tags", "score", "max_score", "status")} for test in document["tests"]
    ]
    return {"score": document.get("score"), "status": document.get("status"), "tests": checks}


def compare(before: Path, after: Path, mask: bool = False, only_verdicts: bool = False) -> int:
    old = {path.relative_to(before) for path in before.rglob("*.json")}
    new = {path.relative_to(after) for path in after.rglob("*.json")}
    problems = [f"only in {before}: {path}" for path in sorted(old - new)]
    problems += [f"only in {after}: {path}" for path in sorted(new - old)]
    for path in sorted(old & new):
        a, b = (before / path).read_bytes(), (after / path).read_bytes()
        if mask:
            a, b = (json.dumps(_masked(json.loads(x))).encode("utf-8") for x in (a, b))
        if only_verdicts:
            a, b = (json.dumps(verdicts(json.loads(x))).encode("utf-8") for x in (a, b))
        if a != b:
            lines = difflib.unified_diff(
                json.dumps(json.loads(a), indent=1).splitlines(),
                json.dumps(json.loads(b), indent=1).splitlines(),
                lineterm="",
            )
            problems.append(f"{path} differs:\n" + "\n".join(list(lines)[2:40]))
    same = "verdict for verdict" if only_verdicts else "after masking what was unstable" if mask else "byte for byte"
    print("\n".join(problems) or f"identical: {len(old)} results.json files, {same}")
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = parser.add_subparsers(dest="action", required=True)
    recording = actions.add_parser("record")
    recording.add_argument("out", type=Path)
    recording.add_argument("--assignment", action="append", help="only these (default: all)")
    add_grade_option(recording)
    comparing = actions.add_parser("compare")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    how = comparing.add_mutually_exclusive_group()
    how.add_argument(
        "--mask-unstable", action="store_true", help="mask what differed between runs before the kit fixed it"
    )
    how.add_argument("--verdicts", action="store_true", help="compare scores and statuses per check, not the messages")
    args = parser.parse_args()
    if args.action == "record":
        record(args.out, args.assignment or sorted(recordable()), args.grade_option)
        return 0
    return compare(args.before, args.after, args.mask_unstable, args.verdicts)


if __name__ == "__main__":
    sys.exit(main())
