"""What the kit's tests share: paths, the CLI in a child process, class runs, clusters, browsers, copies.

A package (tests/ is on sys.path through pytest's `pythonpath`), imported as `support.<module>`
by the tests and by the scripts in tests/tools/. The fixtures are in support.fixtures and
support.browser, which tests/conftest.py loads as plugins.
"""

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
"""The checkout under test: its course is the one the tests grade unless they say otherwise."""
HOSTILE = TESTS / "hostile"
"""Hostile submissions: code that replaces solutions by function name, and files that are not notebooks."""
FIXTURES = TESTS / "fixtures"
TINY_COURSE = TESTS / "tiny_course"
"""The small synthetic course of the tests of the kit's machinery (tests/tiny_course/README.md)."""
