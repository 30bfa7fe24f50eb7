"""Shared fixtures: one strict build of the real site per test session, served on loopback."""

import functools
import http.server
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _build(site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(scope="session")
def build_site():
    """A function that runs `mkdocs build --strict` of the handbook into the folder given."""
    return _build


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The handbook built with `mkdocs build --strict` into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    result = _build(site)
    assert result.returncode == 0, f"the strict build failed:\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def site_url(built_site):
    """A loopback HTTP server for the built site; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass
