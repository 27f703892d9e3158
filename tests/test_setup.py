"""The set-up the README's two commands do (autograder/system_packages.sh) and `autograder doctor`.

The script is run for real with a PATH that holds only the commands a test wants it to
find (links to the real ones), so it meets a machine where a package is there or missing
without any package being removed; where it would install, --dry-run prints the commands.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.kit import AUTOGRADER, require_data_dir

from autograder.commands.doctor import SYSTEM_PACKAGES_SCRIPT

KIT = SYSTEM_PACKAGES_SCRIPT.parents[1]
SUDO = "" if os.geteuid() == 0 else "sudo "


@pytest.fixture
def bin_dir() -> Iterator[Path]:
    """An empty folder for PATH, readable by every user (pytest's tmp_path is its owner's only)."""
    folder = Path(tempfile.mkdtemp(prefix="kit-path-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def provide(folder: Path, *commands: str) -> None:
    """Put these real commands in `folder` (python3.11 is this environment's Python)."""
    for command in commands:
        target = sys.executable if command == "python3.11" else shutil.which(command)
        assert target, f"{command} is not on this machine's PATH"
        (folder / command).symlink_to(target)


def script(path: Path, *args: str, user: list[str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*(user or []), "/bin/sh", str(SYSTEM_PACKAGES_SCRIPT), *args],
        env={"PATH": str(path)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_script_does_nothing_when_every_package_is_there(bin_dir):
    provide(bin_dir, "bwrap", "chromium", "python3.11")  # and no apt-get or sudo: an install attempt would fail
    done = script(bin_dir)
    assert (done.returncode, done.stdout, done.stderr) == (
        0,
        "system packages: bubblewrap, chromium and python3.11-venv are installed\n",
        "",
    )


def test_script_installs_each_missing_package_with_apt(bin_dir):
    provide(bin_dir, "apt-get", "id", "bwrap")  # chromium and a Python 3.11 with ensurepip are missing
    done = script(bin_dir, "--dry-run")
    if SUDO:  # not root, and no sudo on this PATH
        assert done.returncode == 1 and "needs root" in done.stderr, done.stderr
        return
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        "system packages: installing chromium python3.11-venv",
        "apt-get update -q",
        "env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium python3.11-venv",
    ]


@pytest.mark.skipif(os.geteuid() != 0, reason="taking another user's identity needs root (CI runs as root)")
def test_script_as_another_user_goes_through_sudo_or_says_it_needs_root(bin_dir):
    provide(bin_dir, "apt-get", "id")
    nobody = [shutil.which("setpriv"), "--reuid=65534", "--regid=65534", "--clear-groups"]
    done = script(bin_dir, "--dry-run", user=nobody)
    assert done.returncode == 1
    assert done.stderr == (
        "error: installing bubblewrap chromium python3.11-venv needs root: run this script as root, or install sudo\n"
    )


def test_script_says_so_where_there_is_no_apt(bin_dir):
    done = script(bin_dir)
    assert done.returncode == 1 and "not Debian (no apt-get)" in done.stderr


def doctor(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*AUTOGRADER, "doctor"], cwd=KIT, env=env, capture_output=True, text=True, timeout=600, check=False
    )


def findings(stdout: str) -> dict[str, str]:
    """need -> 'ok' or 'MISSING', from doctor's lines."""
    return {
        line[9:].split("  ")[0].strip(): line.split()[0]
        for line in stdout.splitlines()
        if line.startswith(("ok ", "MISSING "))
    }


@pytest.mark.kernel
def test_doctor_finds_everything_on_a_machine_set_up_by_the_readme():
    done = doctor({**os.environ, "KIT_DATA_DIR": str(require_data_dir())})
    assert done.returncode == 0, done.stdout + done.stderr
    assert findings(done.stdout) == dict.fromkeys(
        ["bubblewrap", "chromium", "datasets", "kernel", "notebook kernel"], "ok"
    )
    assert done.stdout.endswith("Everything the kit needs is here.\n") and done.stderr == ""


@pytest.mark.kernel
def test_doctor_names_what_is_missing_and_the_command_that_installs_it(bin_dir, tmp_path):
    # A Debian machine without bubblewrap or chromium, no data, and a `python3` kernel of another Python.
    provide(bin_dir, "apt-get")
    data, jupyter = tmp_path / "data", tmp_path / "jupyter"
    spec = jupyter / "kernels" / "python3" / "kernel.json"
    spec.parent.mkdir(parents=True)
    spec.write_text(json.dumps({"argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"]}))
    env = {"PATH": str(bin_dir), "KIT_DATA_DIR": str(data), "HOME": str(tmp_path), "JUPYTER_PATH": str(jupyter)}
    done = doctor(env)
    assert done.returncode == 1, done.stdout + done.stderr
    assert findings(done.stdout) == {
        "bubblewrap": "MISSING",
        "chromium": "MISSING",
        "datasets": "MISSING",
        "kernel": "ok",  # unconfined, as `autograder grade --sandbox auto` falls back
        "notebook kernel": "MISSING",
    }
    fixes = [line.split("fix: ", 1)[1] for line in done.stdout.splitlines() if "fix: " in line]
    assert fixes == [
        f"{SUDO}apt-get update && {SUDO}apt-get install -y bubblewrap",
        f"{SUDO}apt-get update && {SUDO}apt-get install -y chromium",
        f"autograder data fetch --data-dir {data}",
        f"{sys.executable} -m ipykernel install --sys-prefix",
    ]
    assert f"kernel 'python3' ({spec.parent}) runs /usr/bin/python3, not this environment's Python" in done.stdout
    assert done.stdout.endswith(
        "4 of 5 missing.\nEvery missing system package at once: sh autograder/system_packages.sh\n"
    )


def test_the_script_installs_every_package_doctor_asks_for(bin_dir):
    provide(bin_dir, "apt-get", "id")
    if SUDO:
        pytest.skip("the dry run prints the install command only where it may run it: as root")
    install = script(bin_dir, "--dry-run").stdout.splitlines()[-1]
    assert {"bubblewrap", "chromium"} <= set(install.split()), install
