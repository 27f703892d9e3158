"""Processes seen while a command runs: proof that something started, beside the proof that it ended."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import psutil


def matching(marks: tuple[str, ...]) -> list[str]:
    """The command lines of live processes (zombies aside) that hold one of `marks`."""
    found = []
    for process in psutil.process_iter(["cmdline", "status"]):
        try:
            line = " ".join(process.info["cmdline"] or [])
            if process.info["status"] != psutil.STATUS_ZOMBIE and any(mark in line for mark in marks):
                found.append(line)
        except psutil.Error:
            pass
    return found


@dataclass
class Sightings:
    marks: tuple[str, ...]
    seen: set[str] = field(default_factory=set)
    """Every matching command line seen while the command ran."""
    left: list[str] = field(default_factory=list)
    """Those still running the moment the command had ended."""


@contextmanager
def watching(*marks: str, every: float = 0.1) -> Iterator[Sightings]:
    """Look for processes whose command line holds one of `marks` until the block ends, then once more; none without marks."""
    sightings = Sightings(marks)
    if not marks:
        yield sightings
        return
    done = threading.Event()

    def look() -> None:
        while not done.wait(every):
            sightings.seen.update(matching(marks))

    thread = threading.Thread(target=look, daemon=True)
    thread.start()
    try:
        yield sightings
    finally:
        done.set()
        thread.join()
        sightings.left = matching(marks)
