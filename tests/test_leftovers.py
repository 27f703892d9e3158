"""What a killed process leaves behind is removed by the next one: temporary folders, and writes cut short."""

import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from support import REPO

from autograder.atomic import atomic_path, remove_unfinished
from autograder.scratch import Scratch

HOLDER = "from autograder.scratch import Scratch; print(Scratch('kit-test-').path, flush=True); input()"


def holder(tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    """A process that made a scratch folder and keeps it."""
    env = {"TMPDIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    return process, Path(process.stdout.readline().strip())


def test_a_killed_processs_scratch_folder_goes_with_the_next_one_and_a_live_ones_stays(tmp_path, monkeypatch):
    (alive, kept), (killed, left) = holder(tmp_path), holder(tmp_path)
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    assert kept.parent == left.parent == tmp_path and kept.is_dir() and left.is_dir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with Scratch("kit-test-") as mine:
        assert kept.is_dir() and not left.exists() and mine.path.is_dir()
    assert not mine.path.exists()
    alive.communicate("\n", timeout=30)


def test_the_next_run_removes_the_temporary_files_of_a_write_cut_short(tmp_path):
    out = tmp_path / "out"
    with atomic_path(out / "alice" / "results.json") as tmp:
        tmp.write_text("{}", encoding="utf-8")
    cut_short = out / "bob" / ".results.json.x1y2z3.tmp.json"  # what atomic_path leaves when killed mid-write
    cut_short.parent.mkdir()
    cut_short.write_text('{"score": ', encoding="utf-8")
    remove_unfinished(out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == ["alice/results.json"]
