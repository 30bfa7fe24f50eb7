"""The build's guards, proven on small fixture sites: each planted fault fails the build."""

import contextlib
import os
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.build


def make_site(tmp_path: Path, pages: dict[str, str]) -> Path:
    """Write a fixture site that inherits the handbook's configuration."""
    (tmp_path / "docs").mkdir()
    for name, text in pages.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    nav = "\n".join(f"  - {name}" for name in pages)
    (tmp_path / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        "site_name: fixture\n"
        "docs_dir: docs\n"
        "watch: []\n"
        f"hooks:\n  - {ROOT / 'scripts' / 'mkdocs_hooks.py'}\n"
        f"nav:\n{nav}\n",
        encoding="utf-8",
    )
    return tmp_path


def build(site: Path, *flags: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *flags],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


GOOD = """\
    # Good

    ```python
    print(6 * 7)
    #> 42
    ```
    """


def test_a_clean_fixture_builds(tmp_path):
    """Control: a page whose block runs and whose output matches builds without error."""
    result = build(make_site(tmp_path, {"index.md": GOOD}))
    assert result.returncode == 0, result.stderr
    assert "42" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_block_that_raises_fails_the_build_naming_page_line_and_traceback(tmp_path):
    """(1) A block that raises aborts the build with the page, the Markdown line and the traceback."""
    page = """\
        # Raises

        Some prose.

        ```python
        x = 1
        y = x / 0
        ```
        """
    result = build(make_site(tmp_path, {"index.md": GOOD, "raises.md": page}))
    assert result.returncode != 0
    assert "docs/raises.md:5: the block raised" in result.stderr
    assert 'File "docs/raises.md", line 7' in result.stderr
    assert "ZeroDivisionError: division by zero" in result.stderr


def test_wrong_expected_output_fails_the_build_naming_page_and_line(tmp_path):
    """(2) A #> line that is not the real output aborts the build, naming page and line."""
    page = """\
        # Wrong

        ```python
        print(0.1 + 0.2)
        #> 0.3
        ```
        """
    result = build(make_site(tmp_path, {"index.md": GOOD, "wrong.md": page}))
    assert result.returncode != 0
    assert "docs/wrong.md:5: the output does not match the #> lines" in result.stderr
    assert "+0.30000000000000004" in result.stderr


def test_broken_internal_link_fails_the_build_naming_the_page(tmp_path):
    """(3) A link to a page that does not exist fails the strict build, naming the page."""
    page = "# Links\n\nSee [the missing page](missing.md).\n"
    result = build(make_site(tmp_path, {"index.md": GOOD, "links.md": page}))
    assert result.returncode != 0
    assert "Doc file 'links.md' contains a link 'missing.md'" in result.stderr


def test_missing_snippet_file_fails_the_build_naming_the_page(tmp_path):
    """(4) Including a snippet file that does not exist fails the build, naming the page."""
    page = '# Snippet\n\n```python exec="off"\n--8<-- "snippets/nowhere.py"\n```\n'
    result = build(make_site(tmp_path, {"index.md": GOOD, "snippet.md": page}))
    assert result.returncode != 0
    assert "Error reading page 'snippet.md'" in result.stderr
    assert "nowhere.py" in result.stderr


def test_quiet_strict_build_still_fails_on_warnings(tmp_path):
    """`mkdocs build --strict -q` fails on a broken link (MkDocs alone lets it pass)."""
    page = "# Links\n\nSee [the missing page](missing.md).\n"
    result = build(make_site(tmp_path, {"index.md": GOOD, "links.md": page}), "-q")
    assert result.returncode != 0
    assert "links.md" in result.stderr


def test_runaway_block_fails_the_build(tmp_path):
    """A block that runs past its time limit is stopped and fails the build."""
    page = '# Loop\n\n```python timeout="1"\nwhile True:\n    pass\n```\n'
    result = build(make_site(tmp_path, {"index.md": GOOD, "loop.md": page}))
    assert result.returncode != 0
    assert "docs/loop.md:3: the block ran longer than its 1 s limit" in result.stderr


def test_mistake_block_that_does_not_raise_fails_the_build(tmp_path):
    """Code shown as a mistake (raises=) must raise, or the build fails."""
    page = '# Mistake\n\n```python raises="ValueError"\nx = int("12")\n```\n'
    result = build(make_site(tmp_path, {"index.md": GOOD, "mistake.md": page}))
    assert result.returncode != 0
    assert "docs/mistake.md:3: the block was expected to raise ValueError" in result.stderr


def test_notebook_cell_that_raises_fails_the_build_naming_the_notebook(tmp_path):
    """The code lab runs at build; a cell that raises (errors are not allowed) aborts the build."""
    import nbformat

    site = make_site(tmp_path, {"index.md": GOOD})
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("1 / 0")]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, site / "docs" / "lab.ipynb")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "  - lab.ipynb\n", encoding="utf-8")
    result = build(site)
    assert result.returncode != 0
    assert "Error reading page 'lab.ipynb'" in result.stderr
    assert "ZeroDivisionError" in result.stderr


def test_quiz_whose_marked_answer_is_not_computed_fails_the_build(tmp_path):
    """A quiz's check runs in the page namespace; if it is false the build fails, naming page and line."""
    page = (
        "# Quiz\n\n```python\nanswer = 6 * 7\n```\n\n```quiz\nquestion: What is 6 x 7?\n"
        "check: answer == 43\noptions:\n  - text: '43'\n    correct: true\n    why: No.\n"
        "  - text: '42'\n    why: Yes.\n```\n"
    )
    result = build(make_site(tmp_path, {"index.md": GOOD, "quiz.md": page}))
    assert result.returncode != 0
    assert "docs/quiz.md:7: the quiz check 'answer == 43' is not true" in result.stderr


def test_pages_do_not_share_state(tmp_path):
    """A name defined on one page is not defined on the next."""
    first = "# One\n\n```python\nsecret = 1\n```\n"
    second = "# Two\n\n```python\nprint(secret)\n```\n"
    result = build(make_site(tmp_path, {"index.md": first, "two.md": second}))
    assert result.returncode != 0
    assert "NameError: name 'secret' is not defined" in result.stderr


def test_each_rebuild_starts_every_page_from_a_clean_namespace(tmp_path, monkeypatch):
    """Building twice in one process (as `mkdocs serve` does) gives each page a fresh namespace."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    page = "# Once\n\n```python\nassert 'seen' not in globals()\nseen = True\n```\n"
    site = make_site(tmp_path, {"index.md": page})
    monkeypatch.chdir(site)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    for _ in range(2):
        mkdocs_build(load_config(str(site / "mkdocs.yml"), strict=True))


@contextlib.contextmanager
def serving(site: Path):
    """Run `mkdocs serve` for a fixture site on a free loopback port; yield a page waiter."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=site,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def wait_for(text: str) -> str | None:
        """The home page's HTML once it contains ``text`` (within a minute), else None."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    html = response.read().decode("utf-8")
                    if text in html:
                        return html
            except OSError:
                pass
            time.sleep(0.3)
        return None

    try:
        yield wait_for
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_shows_a_failing_block_on_the_page_and_keeps_serving(tmp_path):
    """Under `mkdocs serve` a failing block is shown where it is, with its traceback, and serving goes on."""
    page = "# Oops\n\n```python\nprint(undefined_name)\n```\n"
    with serving(make_site(tmp_path, {"index.md": page})) as wait_for:
        html = wait_for("This block failed")
        assert html is not None, "mkdocs serve did not show the failure"
        assert "NameError" in html and "undefined_name" in html


def test_serve_rebuild_uses_the_library_as_it_is_now_on_disk(tmp_path):
    """After a module of the project changes, `mkdocs serve` rebuilds with the new code, not the cached import."""
    (tmp_path / "fixture_lib.py").write_text("VALUE = 'first'\n", encoding="utf-8")
    page = "# Value\n\n```python\nimport fixture_lib\nprint(f'value is {fixture_lib.VALUE}')\n```\n"
    site = make_site(tmp_path, {"index.md": page})
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("watch: []", "watch: [fixture_lib.py]"))
    with serving(site) as wait_for:
        assert wait_for("value is first")
        (tmp_path / "fixture_lib.py").write_text("VALUE = 'second'\n", encoding="utf-8")
        assert wait_for("value is second"), "the rebuild kept the old module"


def test_wrong_docstring_example_on_an_api_page_fails_the_build(tmp_path):
    """The examples an API page shows (from `::: module`) are run at build; a wrong one fails it."""
    (tmp_path / "fixture_module.py").write_text(
        '"""A module.\n\nExamples\n--------\n>>> 1 + 1\n3\n"""\n', encoding="utf-8"
    )
    page = "# API\n\n::: fixture_module\n"
    result = build(make_site(tmp_path, {"index.md": GOOD, "api.md": page}))
    assert result.returncode != 0
    assert "docs/api.md: docstring examples of fixture_module do not reproduce" in result.stderr
    assert "Expected:\n    3\nGot:\n    2" in result.stderr
