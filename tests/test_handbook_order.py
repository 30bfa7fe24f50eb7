"""The order MkDocs converts pages in (handbook.order): what needs no worker first, the notebooks
after the pages without code, the errata page last; MkDocs' own order restored afterwards."""

from types import SimpleNamespace

from mkdocs.structure.files import File, Files

from handbook import errata
from handbook.order import render_order, restore


def _files(tmp_path, names):
    return Files([File(name, str(tmp_path), str(tmp_path / "site"), use_directory_urls=True) for name in names])


def _plan(run=(), text=""):
    return SimpleNamespace(run=list(run), text=text)


def test_pages_without_code_then_notebooks_then_pages_with_code_then_errata(tmp_path):
    """Plain pages convert while workers start; the notebook's kernel, run ahead, gets the time they take."""
    names = ["index.md", "lab.ipynb", "code.md", "errata.md", "plain.md"]
    files = _files(tmp_path, names)
    pages = [f for f in files if f.src_uri.endswith(".md")]
    plans = [_plan(), _plan(["block"]), _plan(text=errata.MARKER), _plan()]
    ordered, ordered_plans, original = render_order(files, pages, plans)
    assert [f.src_uri for f in files] == ["index.md", "plain.md", "lab.ipynb", "code.md", "errata.md"]
    assert [f.src_uri for f in ordered] == ["index.md", "plain.md", "code.md", "errata.md"]
    assert [p.run for p in ordered_plans] == [[], [], ["block"], []]
    restore(files, original)
    assert [f.src_uri for f in files] == names
