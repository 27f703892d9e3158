"""The README is the front door: its test command is the one CI runs, and it stays short (the rest is in docs/)."""

import re

from autograder.course import course_root

README_LIMIT = 10_000  # characters; measured figures and how things work go to docs/


def test_the_readme_test_command_is_what_ci_runs():
    """The last command of .ci/run (after its system set-up) is one of the README's sh blocks, character for character."""
    root = course_root()
    ci_command = (root / ".ci" / "run").read_text(encoding="utf-8").rstrip("\n").splitlines()[-1]
    blocks = re.findall(
        r"^```sh\n(.*?)^```$", (root / "README.md").read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL
    )
    assert f"{ci_command}\n" in blocks, f".ci/run runs {ci_command!r}, which is no command block of README.md"


def test_the_readme_is_short():
    text = (course_root() / "README.md").read_text(encoding="utf-8")
    assert len(text) < README_LIMIT, f"README.md has {len(text)} characters; move details to docs/"
