"""The console script: every command is reachable, and naming one loads only that command's libraries."""

import subprocess
import sys
from pathlib import Path

import autograder.commands
from autograder.cli import COMMANDS, FOR_DEVELOPERS

HEAVY = ("dask", "distributed", "nbgrader", "pandas", "tensorflow", "keras", "nbformat", "autograder.assignments.")


def test_every_command_module_is_a_command():
    modules = {path.stem for path in Path(autograder.commands.__file__).parent.glob("*.py")} - {"__init__"}
    assert {name.replace("-", "_") for name in COMMANDS} == modules


def loaded_by(code: str) -> list[str]:
    """The heavy modules a fresh interpreter has loaded after running `code`."""
    done = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}\nprint('\\n'.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return [
        name for name in done.stdout.splitlines() if name.startswith(HEAVY) or name in {h.rstrip(".") for h in HEAVY}
    ]


def test_importing_the_cli_loads_no_command_library():
    assert loaded_by("import autograder.cli") == []


def test_help_loads_no_command_library_and_lists_every_command():
    """The commands that measure the kit are listed apart from an instructor's."""
    code = "from autograder.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    assert loaded_by(code) == []
    printed = subprocess.run([sys.executable, "-m", "autograder.cli", "--help"], capture_output=True, text=True)
    assert printed.returncode == 0 and all(name in printed.stdout for name in COMMANDS), printed.stdout
    instructors, developers = printed.stdout.split("for the kit's developers:")
    assert [line.split()[0] for line in developers.strip().splitlines()] == list(FOR_DEVELOPERS) == ["bench"]
    assert "bench" not in instructors.split()


def test_a_command_loads_its_own_module_only():
    code = "from autograder.cli import main\ntry:\n    main(['sync', '--help'])\nexcept SystemExit:\n    pass"
    done = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"], capture_output=True, text=True
    )
    commands = sorted(m for m in done.stdout.splitlines() if m.startswith("autograder.commands."))
    assert commands == ["autograder.commands.sync"], commands


def test_the_grade_command_loads_the_class_libraries_only_for_a_class():
    """One notebook (each Gradescope submission, each `autograder grade X.ipynb`) spares Dask's and nbgrader's 2 s."""
    code = "from autograder.cli import main\ntry:\n    main(['grade', '--help'])\nexcept SystemExit:\n    pass"
    loaded = loaded_by(f"{code}\nimport autograder.commands.grade")
    assert {"dask", "distributed", "nbgrader"}.isdisjoint(loaded), loaded


def test_a_class_run_loads_nbgrader_only_for_its_gradebook():
    """`autograder grade FOLDER` without --gradebook spares nbgrader's second (measured: 1.0 s of its start)."""
    assert "nbgrader" not in loaded_by("import autograder.commands.grade, autograder.batch.classrun")


def test_no_commands_help_imports_an_assignment():
    """--help lists the assignments by their folders: importing each (its checks' helpers, its data code) is for
    the one a command is asked about."""
    code = f"from autograder.cli import main\nfor name in {sorted(COMMANDS)!r}:\n"
    code += "    try:\n        main([name, '--help'])\n    except SystemExit:\n        pass"
    assert [name for name in loaded_by(code) if name.startswith("autograder.assignments.")] == []
