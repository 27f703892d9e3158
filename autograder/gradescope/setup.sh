#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image (docs/gradescope.md).
# It installs Python 3.11, bubblewrap where the image has it, and the kit from the zip's wheel
# with its pinned versions into a venv, then grades the reference once: that builds the check
# data (so that grading a submission does not) and proves the install gives full marks.
#
#   AUTOGRADER_ROOT  Gradescope's folder (default /autograder); the zip is unpacked in its source/
#   KIT_VENV         where the kit's venv goes (default /opt/rnn-sentiment-kit/venv)
#   KIT_PYTHON       a Python 3.11 to build the venv with (default: python3.11 on PATH, else installed)
#   KIT_KERNEL_USER  the unprivileged user the student's kernel runs as where bubblewrap cannot run
#                    (default kit-student, created here)
set -euo pipefail

ROOT="${AUTOGRADER_ROOT:-/autograder}"
SOURCE="$ROOT/source"
VENV="${KIT_VENV:-/opt/rnn-sentiment-kit/venv}"
# shellcheck source=/dev/null
source "$SOURCE/kit.env"

# Python 3.11. Gradescope's Ubuntu images ship another version (22.04: 3.10, 24.04: 3.12);
# deadsnakes' PPA has 3.11 for both. This step was not tried on Gradescope (docs/gradescope.md).
PYTHON="${KIT_PYTHON:-$(command -v python3.11 || true)}"
if [ -z "$PYTHON" ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends software-properties-common gpg-agent
    add-apt-repository -y ppa:deadsnakes/ppa
    apt-get update
    apt-get install -y --no-install-recommends python3.11 python3.11-venv
    PYTHON=python3.11
fi

# bubblewrap, the student's sandbox. Gradescope's containers may not let it run: the grader
# then falls back (run_autograder; the results say which sandbox was used).
if ! command -v bwrap >/dev/null; then
    apt-get install -y --no-install-recommends bubblewrap || echo "setup.sh: bubblewrap could not be installed"
fi

"$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$SOURCE"/wheel/*.whl

# The grader's files are root's alone: the course (reference, checks), the data, the check data,
# and the installed kit (its checks). The kernel's user reads the venv's Python and libraries only.
chmod 0700 "$SOURCE"
chmod -R go-rwx "$("$VENV/bin/python" -c 'import autograder, os; print(os.path.dirname(autograder.__file__))')"
USER_NAME="${KIT_KERNEL_USER:-kit-student}"
if ! id "$USER_NAME" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$USER_NAME"
fi

export KIT_ROOT="$SOURCE/course" KIT_DATA_DIR="$SOURCE/data" KIT_CACHE_DIR="$SOURCE/cache"
unset PYTHONPATH
REFERENCE="$KIT_ROOT/source/$ASSIGNMENT/$ASSIGNMENT.ipynb"
cd "$SOURCE"
"$VENV/bin/python" -m autograder.cli grade "$REFERENCE" --assignment "$ASSIGNMENT" --results "$SOURCE/reference.json"
"$VENV/bin/python" - "$SOURCE/reference.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))
if results["score"] != results["max_score"]:
    sys.exit(f"setup.sh: the reference earned {results['score']} of {results['max_score']}: the install is broken")
print(f"setup.sh: the reference earns {results['score']:g} / {results['max_score']:g}; check data built")
PY
