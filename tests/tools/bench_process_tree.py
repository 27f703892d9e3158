"""Benchmark (not a test): what one poll of a kernel's process tree costs the watchdog, two ways, side by side.

    python tests/tools/bench_process_tree.py [--polls 500] [--others 0]

The watchdog (autograder/sandbox/watchdog.py) reads the kernel's tree 20 times a second,
for every grading at once. psutil's children(recursive=True) reads the stat file of every
process on the machine; descendants() reads the tree's own /proc/<pid>/task/<tid>/children
files. A tree like a sandboxed kernel's (a parent, a child, two grandchildren) is timed
both ways, in CPU seconds of this process, beside --others idle processes that stand in
for the rest of a busy machine (the test suite runs about 95). Prints the process count.
"""

import argparse
import subprocess
import time

import psutil

from autograder.sandbox.watchdog import descendants

TREE = "sleep 600 & (sleep 600 & sleep 600 & wait) & wait"


def per_poll(read, polls: int) -> float:
    started = time.process_time()
    for _ in range(polls):
        read()
    return (time.process_time() - started) / polls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--polls", type=int, default=500)
    parser.add_argument("--others", type=int, default=0, help="idle processes started beside the tree")
    args = parser.parse_args()
    started = [subprocess.Popen(["sleep", "600"]) for _ in range(args.others)]
    root = subprocess.Popen(["bash", "-c", TREE])
    try:
        time.sleep(0.5)
        scanned = per_poll(lambda: psutil.Process(root.pid).children(recursive=True), args.polls)
        listed = per_poll(lambda: descendants(root.pid), args.polls)
        print(f"{len(psutil.pids())} processes on the machine, a tree of {len(descendants(root.pid)) + 1}")
        print(f"psutil children(recursive=True): {scanned * 1e3:.3f} ms of CPU a poll")
        print(f"/proc children files:            {listed * 1e3:.3f} ms of CPU a poll ({scanned / listed:.0f}x less)")
        print(f"at 20 polls a second: {scanned * 20 * 100:.1f}% and {listed * 20 * 100:.2f}% of a core per kernel")
    finally:
        for process in [*started, root, *psutil.Process(root.pid).children(recursive=True)]:
            process.kill()


if __name__ == "__main__":
    main()
