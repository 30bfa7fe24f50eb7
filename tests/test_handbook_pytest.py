"""Tests for handbook.pytest_plugin: every block of a page is a pytest item (pytest-markdown-docs).

One pytest run, in a subprocess, over a fixture site whose pages cover each case.
"""

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.build

GOOD = "# Good\n\n```python\nx = 6 * 7\n```\n\n```pycon\n>>> x\n42\n```\n\n```python\nprint(x)\n#> 42\n```\n"
QUIZ = (
    "# Q\n\n```quiz\nquestion: Q?\ncheck: 1 == 2\noptions:\n  - text: a\n    correct: true\n    why: y\n"
    "  - text: b\n    why: n\n```\n"
)
BLAS_SUM = (
    "import numpy as np\nrng = np.random.default_rng(0)\n"
    "A, B = rng.standard_normal((37, 53)), rng.standard_normal((53, 29))\n"
    "print(repr(float((A @ B).sum())))\n"
)


def _default_profile_sum() -> str:
    from handbook.profiles import environment

    command = [sys.executable, "-c", BLAS_SUM]
    return subprocess.run(command, env=environment("default"), capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def run(make_site, tmp_path_factory) -> subprocess.CompletedProcess:
    """`pytest -v docs` in a fixture site: a good page, a wrong #> line, a false quiz, a BLAS sum stated in full."""
    pages = {
        "good.md": GOOD,
        "wrong.md": GOOD.replace("#> 42", "#> 43"),
        "quiz.md": QUIZ,
        "blas.md": f"# BLAS\n\n```python\n{BLAS_SUM}#> {_default_profile_sum().strip()}\n```\n",
        "prose.md": "# Prose\n\n```python\nprint(f'{2 / 3:.4f}')\n```\n\nIt prints 0.6667.\n",
    }
    site = make_site(tmp_path_factory.mktemp("pytest-site"), pages, restatements="fail")
    (site / "pytest.ini").write_text("[pytest]\naddopts = -p no:cacheprovider --markdown-docs\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-v", "docs"],
        cwd=site,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_each_block_of_a_page_is_an_item_named_by_its_line(run):
    """python and pycon blocks are items of their page, named by the line of their fence, and pass."""
    for number, line in enumerate((3, 7, 12), start=1):
        assert f"docs/good.md::[CodeFence#{number}][line:{line}] PASSED" in run.stdout


def test_a_failing_block_fails_its_own_item_naming_page_and_line(run):
    """A wrong #> line fails the item of its block, with the build's message; the page's other items pass."""
    assert "docs/wrong.md::[CodeFence#3][line:12] FAILED" in run.stdout
    assert "docs/wrong.md::[CodeFence#1][line:3] PASSED" in run.stdout
    assert "docs/wrong.md:14: the output does not match the #> lines" in run.stdout


def test_quiz_blocks_are_items_too(run):
    """A quiz whose check is false fails its item (pytest-markdown-docs alone collects only Python fences)."""
    assert "docs/quiz.md:3: the quiz check '1 == 2' is not true" in run.stdout


def test_roundoff_stated_output_fails_under_the_second_profile_only(run):
    """A stated BLAS sum at full precision fails its item, naming page, line and the second profile."""
    assert "docs/blas.md::[CodeFence#1][line:3] FAILED" in run.stdout
    assert "under the numerical profile second (OPENBLAS_CORETYPE=" in run.stdout
    assert "only (it passes under default)" in run.stdout
    assert "docs/blas.md:8: the output does not match the #> lines" in run.stdout


def test_the_run_fails_with_exactly_the_failing_items(run):
    """pytest exits 1, with four failures (wrong, quiz, blas, the prose of prose.md) and the rest passed."""
    assert run.returncode == 1
    assert "4 failed, 10 passed" in run.stdout


def test_the_prose_of_a_page_is_an_item_that_fails_on_a_typed_restatement(run):
    """Each page's prose is one more item, at line 0; a typed copy of an output fails it."""
    assert "docs/prose.md::[CodeFence#2][line:0] FAILED" in run.stdout
    assert "docs/prose.md:7: the prose types 0.6667, which restates the output 0.6667" in run.stdout
    assert "docs/good.md::[CodeFence#4][line:0] PASSED" in run.stdout
