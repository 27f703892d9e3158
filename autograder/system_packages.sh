#!/bin/sh
# The Debian packages the kit needs outside its Python environment, installed if missing:
#   bubblewrap       bwrap, the student's sandbox
#   chromium         the headless browser of the browser tests and the report screenshots
#   python3.11-venv  `python3.11 -m venv` (Debian's Python 3.11 comes without ensurepip)
# As root it runs apt-get itself, otherwise through sudo. When everything is there it prints
# one line and runs no apt command at all, so the README's two commands and .ci/run call it
# every time. `--dry-run` prints the commands instead of running them.
# `autograder doctor` reports the same packages (autograder/commands/doctor.py).
set -eu

dry_run=""
case "${1:-}" in
--dry-run) dry_run=1 ;;
"") ;;
*)
    echo "usage: sh $0 [--dry-run]" >&2
    exit 2
    ;;
esac

missing=""
command -v bwrap >/dev/null 2>&1 || missing="$missing bubblewrap"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
python3.11 -c "import ensurepip" >/dev/null 2>&1 || missing="$missing python3.11-venv"
missing="${missing# }"

if [ -z "$missing" ]; then
    echo "system packages: bubblewrap, chromium and python3.11-venv are installed"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: $missing missing, and this is not Debian (no apt-get): install them with this system's package manager" >&2
    exit 1
fi
if [ "$(id -u)" = 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "error: installing $missing needs root: run this script as root, or install sudo" >&2
    exit 1
fi

run() {
    if [ -n "$dry_run" ]; then echo "$*"; else "$@"; fi
}
echo "system packages: installing $missing"
# shellcheck disable=SC2086 # $as_root is empty or one word; $missing is a list of package names
run $as_root apt-get update -q
# shellcheck disable=SC2086
run $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing
