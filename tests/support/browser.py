"""Pages checked in a real browser: Debian's chromium driven by Playwright, and a Jupyter server to point it at.

A pytest plugin (tests/conftest.py loads it) for every browser test:
- the `page` fixture: a tab of /usr/bin/chromium started through Playwright's
  `executable_path` (Playwright never downloads a browser here), headless, with a fresh
  profile in the test's tmp_path;
- when a test that uses `page` fails, a screenshot of the page in the test's tmp_path,
  named in the failure message;
- `jupyter_server(...)`: a Jupyter server (JupyterLab, nbgrader's formgrader, any
  extension of the Python it runs with) on a free loopback port with a token of its own.
"""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
# With headless=True Playwright adds --headless; these keep the browser from reaching out
# (no network here but loopback) and from doing first-run work.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = "failure-screenshot.png"


@pytest.fixture
def page(tmp_path: Path) -> Iterator[Page]:
    """A page in a fresh headless chromium; the screenshot hook below photographs it if the test fails."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (sh autograder/system_packages.sh)")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path / "chromium-profile",
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1280, "height": 1000},
        )
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
    """A failed browser test leaves a screenshot of its page in its tmp_path, and says where."""
    report = yield
    browser_page = getattr(item, "funcargs", {}).get("page")
    if report.failed and report.when == "call" and isinstance(browser_page, Page) and not browser_page.is_closed():
        path = item.funcargs["tmp_path"] / SCREENSHOT
        try:
            browser_page.screenshot(path=path, full_page=True)
            note = f"screenshot of the page at the failure: {path}"
        except Exception as error:  # the page may be what broke
            note = f"no screenshot of the page could be taken ({type(error).__name__}: {error})"
        if hasattr(report.longrepr, "addsection"):
            report.longrepr.addsection("browser", note)
        else:
            report.longrepr = f"{report.longrepr}\n{note}"
    return report


@dataclass(frozen=True)
class JupyterServer:
    url: str
    """http://127.0.0.1:PORT/ (with a trailing slash)"""
    token: str
    log: Path

    def address(self, path: str) -> str:
        """The address of `path` on the server, logged in by the token."""
        separator = "&" if "?" in path else "?"
        return f"{self.url}{path.lstrip('/')}{separator}token={self.token}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def jupyter_server(
    root: Path,
    scratch: Path,
    *,
    python: str = sys.executable,
    env: Mapping[str, str] | None = None,
    timeout: float = 180,
) -> Iterator[JupyterServer]:
    """A `jupyter server` serving `root` (also its working folder, where nbgrader looks for its config).

    It listens on loopback only, with a random token, and keeps its Jupyter config, data and
    runtime folders in `scratch`, so that nothing of the user's Jupyter set-up changes what it
    shows; the extensions enabled in `python`'s environment are loaded, and its bin folder is first
    on PATH, as in an activated environment. Its log is scratch/jupyter.log.
    """
    token, port = secrets.token_hex(16), free_port()
    jupyter_dirs = {
        name: scratch / name.lower() for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR")
    }
    for folder in jupyter_dirs.values():
        folder.mkdir(parents=True, exist_ok=True)
    command = [
        python,
        "-m",
        "jupyter_server",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        "--ServerApp.open_browser=False",
        f"--ServerApp.root_dir={root}",
        *(["--ServerApp.allow_root=True"] if os.geteuid() == 0 else []),  # CI runs as root
    ]
    env = {**(os.environ if env is None else env), **{name: str(folder) for name, folder in jupyter_dirs.items()}}
    # As if the environment were activated: nbgrader runs `alembic` from PATH.
    env["PATH"] = os.pathsep.join([str(Path(python).parent), env.get("PATH", "")])
    log = scratch / "jupyter.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            command,
            cwd=root,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    server = JupyterServer(f"http://127.0.0.1:{port}/", token, log)
    try:
        _wait_until_up(server, process, timeout)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_up(server: JupyterServer, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"jupyter server exited with code {process.returncode}:\n{server.log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(server.address("api/status"), timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    pytest.fail(f"jupyter server did not answer within {timeout:g} s:\n{server.log.read_text()[-3000:]}")
