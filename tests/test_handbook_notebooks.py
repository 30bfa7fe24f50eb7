"""The code lab's kernel runs ahead, in a process beside the pages' workers (handbook.notebooks)."""

from types import SimpleNamespace

import nbformat
import pytest
from nbconvert.preprocessors import CellExecutionError, ExecutePreprocessor

from handbook.notebooks import Notebooks


class _Jupyter:
    """mkdocs-jupyter's plugin as Notebooks reads it: its configuration and what it includes."""

    def __init__(self, cache_dir, cache=True):
        self.config = {
            "execute": True,
            "execute_ignore": [],
            "cache": cache,
            "cache_dir": str(cache_dir),
            "kernel_name": "python3",
            "allow_errors": False,
            "theme": "",
            "show_input": True,
            "no_input": False,
            "no_prompt": False,
            "remove_tag_config": {},
            "highlight_extra_classes": "",
            "include_requirejs": False,
            "toc_depth": 6,
            "custom_mathjax_url": "",
            "include_source": True,
        }

    def should_include(self, file):
        return file.abs_src_path.endswith(".ipynb")


def _files(*paths, modified=True):
    """MkDocs' files, as run_ahead reads them."""
    return [SimpleNamespace(abs_src_path=path, is_modified=lambda: modified) for path in paths]


class _Config:
    def __init__(self, jupyter):
        self.plugins = {"mkdocs-jupyter": jupyter} if jupyter else {}


def _notebook(path, *sources):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, path)
    return str(path)


def _convert(notebooks, path):
    """What mkdocs-jupyter's conversion does with the executor: preprocess the notebook read from disk."""
    notebooks.started(path)
    try:
        preprocessor = ExecutePreprocessor(kernel_name="python3", allow_errors=False, store_widget_state=True)
        executed, _ = preprocessor.preprocess(nbformat.read(path, as_version=4), {"metadata": {"path": "."}})
    finally:
        notebooks._capture(False)
    return executed


def test_a_notebook_run_ahead_is_the_one_its_conversion_gets(tmp_path, monkeypatch):
    """The conversion takes the notebook the process executed, outputs and all, and does not run it again."""
    path = _notebook(tmp_path / "lab.ipynb", "print(6 * 7)")
    notebooks = Notebooks(_Config(_Jupyter(tmp_path / "cache")), None, "env")
    notebooks.run_ahead(_files(path))

    def again(*args, **kwargs):
        raise AssertionError("the notebook was executed again")

    monkeypatch.setattr(ExecutePreprocessor, "preprocess", again)
    executed = _convert(notebooks, path)
    assert executed is notebooks.executed
    assert executed.cells[0].outputs[0]["text"] == "42\n"
    assert notebooks._ahead == {}


def test_a_cell_that_raises_ahead_raises_in_the_conversion(tmp_path):
    """A failing cell fails the notebook's conversion with nbconvert's own error, as before."""
    path = _notebook(tmp_path / "lab.ipynb", "x = 1", "1 / 0")
    notebooks = Notebooks(_Config(_Jupyter(tmp_path / "cache")), None, "env")
    notebooks.run_ahead(_files(path))
    with pytest.raises(CellExecutionError, match="ZeroDivisionError"):
        _convert(notebooks, path)


def test_a_notebook_edited_since_it_ran_ahead_is_run_again(tmp_path):
    """Cells that differ from the ones run ahead are executed afresh: the page shows what is on disk."""
    path = _notebook(tmp_path / "lab.ipynb", "print(1)")
    notebooks = Notebooks(_Config(_Jupyter(tmp_path / "cache")), None, "env")
    notebooks.run_ahead(_files(path))
    _notebook(tmp_path / "lab.ipynb", "print(2)")
    assert _convert(notebooks, path).cells[0].outputs[0]["text"] == "2\n"


def test_a_notebook_in_mkdocs_jupyters_cache_is_not_run_ahead(tmp_path):
    """When mkdocs-jupyter's cache holds the notebook's HTML, no kernel is started for it."""
    from mkdocs_jupyter.plugin import _compute_cache_key, _get_cache_path

    path = _notebook(tmp_path / "lab.ipynb", "print(1)")
    jupyter = _Jupyter(tmp_path / "cache")
    entry = _get_cache_path(jupyter.config["cache_dir"], _compute_cache_key(path, jupyter.config, True))
    entry.parent.mkdir(parents=True)
    entry.write_text("{}", encoding="utf-8")
    notebooks = Notebooks(_Config(jupyter), None, "env")
    notebooks.run_ahead(_files(path))
    assert notebooks._ahead == {}


def test_a_build_that_stops_leaves_no_notebook_running(tmp_path):
    """wait() ends the processes still running ahead."""
    path = _notebook(tmp_path / "lab.ipynb", "import time; time.sleep(60)")
    notebooks = Notebooks(_Config(_Jupyter(tmp_path / "cache")), None, "env")
    notebooks.run_ahead(_files(path))
    (process, _, _) = notebooks._ahead[path]
    notebooks.wait()
    assert process.poll() is not None and notebooks._ahead == {}


def test_a_dirty_rebuild_runs_ahead_only_the_notebooks_whose_file_changed(tmp_path):
    """Under `mkdocs serve --dirty` a save that left the notebook alone starts no kernel; one that edited it does."""
    path = _notebook(tmp_path / "lab.ipynb", "print(1)")
    notebooks = Notebooks(_Config(_Jupyter(tmp_path / "cache", cache=False)), None, "env")
    notebooks.run_ahead(_files(path, modified=False), dirty=True)
    assert notebooks._ahead == {}
    notebooks.run_ahead(_files(path, modified=True), dirty=True)
    assert list(notebooks._ahead) == [path]
    notebooks.wait()
