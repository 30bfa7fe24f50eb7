"""Shared fixtures: one strict build of the real site per test session, served on loopback."""

import functools
import http.server
import json
import os
import subprocess
import sys
import textwrap
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


def build_fixture_site(site: Path, *flags: str, **env_vars: str) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a fixture site (see make_site), with extra flags and environment."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *flags],
        cwd=site,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env_vars},
        capture_output=True,
        text=True,
        timeout=300,
    )


def make_site(tmp_path: Path, pages: dict[str, str], **handbook: object) -> Path:
    """Write a fixture site that inherits the handbook's configuration (plugin options may be overridden).

    Its workers preload nothing, so a fixture build starts in a fraction of a second.
    """
    (tmp_path / "docs").mkdir()
    for name, text in pages.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    nav = "\n".join(f"  - {name}" for name in pages)
    options = {"node_modules": str(ROOT / "node_modules"), "preload": [], "sources": [], **handbook}
    plugin = "".join(f"    {key}: {json.dumps(value)}\n" for key, value in options.items())
    (tmp_path / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        "site_name: fixture\n"
        "docs_dir: docs\n"
        "watch: []\n"
        f"plugins:\n  handbook:\n{plugin}"
        f"nav:\n{nav}\n",
        encoding="utf-8",
    )
    return tmp_path


def load_script(name: str):
    """A benchmark script of scripts/ as a module, loaded from its file (scripts/ is not a package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def script():
    """load_script, for tests of the benchmark scripts."""
    return load_script


@pytest.fixture(name="build", scope="session")
def build_fixture():
    """The function that builds a fixture site (see build_fixture_site)."""
    return build_fixture_site


@pytest.fixture(name="make_site", scope="session")
def make_site_fixture():
    """The function that writes a fixture site (see make_site)."""
    return make_site


@pytest.fixture(scope="session")
def build_site():
    """A function that runs `mkdocs build --strict` of the handbook into the folder given."""
    return _build


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the marks
def pytest_collection_modifyitems(config, items):
    """Groups for `make test`'s two pytest-xdist workers (``--dist loadgroup``): a file's tests
    run in one worker, so its module fixtures run once; every test that reads the session's
    tour of the site in Chromium (``toured``) runs in one worker, so the tour runs once."""
    for item in items:
        group = "tour" if "toured" in getattr(item, "fixturenames", ()) else item.path.relative_to(ROOT).as_posix()
        item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The handbook built with `mkdocs build --strict` into a temporary folder.

    This is the session's one build of the real site: it runs every page (or takes it from
    the cache in .cache/handbook), and the tests read its HTML and its report. Under
    pytest-xdist the workers share it: the first to ask builds it, the others wait for it.
    """
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the folder that holds every worker's temporary folder
    site, done = shared / "build" / "site", shared / "build" / "built"
    with FileLock(shared / "build.lock"):
        if not done.is_file():
            result = _build(site)
            assert result.returncode == 0, f"the strict build failed:\n{result.stderr}"
            done.touch()
    return site


@pytest.fixture(scope="session")
def build_report(built_site) -> dict:
    """The machine-readable report of that build (site-report.json beside the site)."""
    return json.loads((built_site.parent / "site-report.json").read_text(encoding="utf-8"))


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


@pytest.fixture(scope="session")
def axe() -> Path:
    """axe-core's script (npm, a dev dependency), which the browser tests inject into pages."""
    path = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    if not path.is_file():
        pytest.fail(f"{path} is missing: run `make setup` (npm ci)")
    return path


@pytest.fixture(scope="session")
def toured(built_site, axe) -> dict:
    """The session's one tour of the built site in Chromium (handbook.tour): every page in both
    schemes, weighed on its first visit and audited by axe-core: {(path, scheme): what it found}.

    ``HANDBOOK_SCREENSHOTS=/tmp/shots make test`` also saves a screenshot of every visit there.
    """
    from handbook.chromium import CHROMIUM
    from handbook.tour import tour

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `make test` as root or apt-get install chromium")
    shots = Path(os.environ["HANDBOOK_SCREENSHOTS"]) if os.environ.get("HANDBOOK_SCREENSHOTS") else None
    return tour(built_site, axe=axe, shots=shots)


@pytest.fixture(scope="module")
def node():
    """One build-time Node process (handbook.node: KaTeX and Graphviz) for a test module."""
    from handbook.node import Node

    process = Node(ROOT / "node_modules")
    yield process
    process.close()
