"""Tests for handbook.pytest_plugin: every block of a page is a pytest item (pytest-markdown-docs)."""

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.build

GOOD = "# Good\n\n```python\nx = 6 * 7\n```\n\n```pycon\n>>> x\n42\n```\n\n```python\nprint(x)\n#> 42\n```\n"


def run_pytest(site, *args: str) -> subprocess.CompletedProcess:
    (site / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider --markdown-docs\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-v", *args],
        cwd=site,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_each_block_of_a_page_is_an_item_named_by_its_line(make_site, tmp_path):
    """python and pycon blocks are items of the page, named by the line of their fence, and pass."""
    result = run_pytest(make_site(tmp_path, {"index.md": GOOD}), "docs/index.md")
    assert result.returncode == 0, result.stdout
    for number, line in enumerate((3, 7, 12), start=1):
        assert f"docs/index.md::[CodeFence#{number}][line:{line}] PASSED" in result.stdout
    assert "3 passed" in result.stdout


def test_a_failing_block_fails_its_own_item_naming_page_and_line(make_site, tmp_path):
    """A wrong #> line fails the item of its block, with the build's message; the other items pass."""
    page = GOOD.replace("#> 42", "#> 43")
    result = run_pytest(make_site(tmp_path, {"index.md": page}), "docs/index.md")
    assert result.returncode == 1
    assert "[line:12] FAILED" in result.stdout and "[line:3] PASSED" in result.stdout
    assert "docs/index.md:14: the output does not match the #> lines" in result.stdout


def test_quiz_blocks_are_items_too(make_site, tmp_path):
    """A quiz whose check is false fails its item (pytest-markdown-docs alone collects only Python fences)."""
    quiz = "```quiz\nquestion: Q?\ncheck: 1 == 2\noptions:\n  - text: a\n    correct: true\n    why: y\n"
    quiz += "  - text: b\n    why: n\n```\n"
    result = run_pytest(make_site(tmp_path, {"index.md": "# Q\n\n" + quiz}), "docs/index.md")
    assert result.returncode == 1
    assert "docs/index.md:3: the quiz check '1 == 2' is not true" in result.stdout


def test_roundoff_stated_output_fails_under_the_second_profile_only(make_site, tmp_path):
    """A stated BLAS sum at full precision fails its item, naming page, line and the second profile."""
    code = (
        "import numpy as np\nrng = np.random.default_rng(0)\n"
        "A, B = rng.standard_normal((37, 53)), rng.standard_normal((53, 29))\n"
        "print(repr(float((A @ B).sum())))\n"
    )
    from handbook.profiles import environment

    stated = subprocess.run(
        [sys.executable, "-c", code], env=environment("default"), capture_output=True, text=True, check=True
    ).stdout.strip()
    page = f"# BLAS\n\n```python\n{code}#> {stated}\n```\n"
    result = run_pytest(make_site(tmp_path, {"index.md": page}), "docs/index.md")
    assert result.returncode == 1
    assert "under the numerical profile second (OPENBLAS_CORETYPE=" in result.stdout
    assert "only (it passes under default)" in result.stdout
    assert "docs/index.md:8: the output does not match the #> lines" in result.stdout
