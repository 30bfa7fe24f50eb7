"""The order MkDocs converts pages in (handbook.order): what needs no worker first, the API
reference first of the pages with code, the notebooks (run ahead) after them, the errata page
last; MkDocs' own order restored afterwards."""

from types import SimpleNamespace

from mkdocs.structure.files import File, Files

from handbook import errata
from handbook.order import render_order, restore


def _files(tmp_path, names):
    return Files([File(name, str(tmp_path), str(tmp_path / "site"), use_directory_urls=True) for name in names])


def _plan(run=(), text=""):
    return SimpleNamespace(run=list(run), text=text)


def test_plain_pages_then_api_pages_then_pages_with_code_then_notebooks_then_errata(tmp_path):
    """Plain pages convert while workers start; the API pages' quick doctests come first, so their
    anchors are known early; the notebook's kernel, run ahead, has the whole build to finish."""
    names = ["index.md", "lab.ipynb", "code.md", "errata.md", "api.md", "plain.md"]
    files = _files(tmp_path, names)
    pages = [f for f in files if f.src_uri.endswith(".md")]
    doctest = {"lang": "doctest", "code": "mathlib"}
    plans = [_plan(), _plan([{"lang": "python", "code": "x"}]), _plan(text=errata.MARKER), _plan([doctest]), _plan()]
    ordered, ordered_plans, original = render_order(files, pages, plans)
    assert [f.src_uri for f in files] == ["index.md", "plain.md", "api.md", "code.md", "lab.ipynb", "errata.md"]
    assert [f.src_uri for f in ordered] == ["index.md", "plain.md", "api.md", "code.md", "errata.md"]
    assert [p.run for p in ordered_plans] == [[], [], [doctest], [{"lang": "python", "code": "x"}], []]
    restore(files, original)
    assert [f.src_uri for f in files] == names


def test_of_the_pages_with_code_the_longest_code_runs_first(tmp_path):
    """The workers start the long pages first and end on short ones, so they finish together."""
    files = _files(tmp_path, ["short.md", "long.md", "middle.md"])
    pages = list(files)
    plans = [_plan([{"lang": "python", "code": "x" * n}]) for n in (10, 1000, 100)]
    ordered, _, _ = render_order(files, pages, plans)
    assert [f.src_uri for f in ordered] == ["long.md", "middle.md", "short.md"]
