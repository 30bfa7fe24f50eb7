"""Tests for handbook.docstrings: which modules a page documents, and running their examples."""

from handbook.docstrings import documented_modules, run_doctests


def test_documented_modules_reads_mkdocstrings_directives():
    """Every `::: module` line of a page names a module whose examples must run."""
    page = "# API\n\n::: mathlib.linalg\n    options:\n      x: 1\n\nText ::: not this\n::: mathlib.nn\n"
    assert documented_modules(page) == ["mathlib.linalg", "mathlib.nn"]


def test_run_doctests_runs_a_package_and_its_submodules():
    """A package's examples include those of its private submodules (re-exported names)."""
    tries, failures = run_doctests("mathlib.autograd")
    assert failures == []
    assert tries >= 10
