"""The site's notebooks (mkdocs-jupyter): cached per environment, offline, reported like pages.

mkdocs-jupyter executes a notebook when it is built (``allow_errors: false``). Its own cache
is keyed by the notebook's bytes only, so a folder per environment key (mathlib, the
dependencies, the profile) makes a change to any of them run it again. nbconvert's template
loads MathJax and Mermaid from CDNs: those scripts are stripped, the notebook's formulas are
typeset at build time like every page's (handbook.katex), and no page needs Mermaid.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat

from handbook.katex import Katex, typeset_notebook

__all__ = ["Notebooks"]

_CDN = (
    re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.DOTALL),
    re.compile(r"<script type=\"module\">(?:(?!</script>).)*?cdnjs\.cloudflare\.com.*?</script>", re.DOTALL),
)


class Notebooks:
    """One build's notebooks: where mkdocs-jupyter caches them, and how long each took."""

    def __init__(self, config, cache_dir: Path | None, environment: str) -> None:
        jupyter = config.plugins.get("mkdocs-jupyter")
        self.cache: Path | None = None
        if jupyter is not None and cache_dir is not None:
            self.cache = cache_dir / "notebooks" / environment[:16]
            jupyter.config["cache"] = True
            jupyter.config["cache_dir"] = str(self.cache)
        self._jupyter = jupyter
        self._started = 0.0
        self._entries: set[str] = set()
        self.executed = None  # the notebook nbconvert executed for the page being rendered, if it ran
        self._page = ""  # the notebook being rendered
        self._ahead: dict[str, tuple] = {}  # notebooks executing since on_files: path -> (process, cells, options)

    def run_ahead(self, files, dirty: bool = False) -> None:
        """Start executing, each in a process of its own, the notebooks of ``files`` (MkDocs')
        that mkdocs-jupyter will execute; in a ``dirty`` rebuild (``mkdocs serve --dirty``)
        only those MkDocs converts again, the ones whose file changed.

        mkdocs-jupyter executes a notebook when MkDocs converts it, and the main process waits
        for the kernel (seconds, for the code lab) while it could convert other pages. Started
        at on_files, the kernel runs beside the pages' workers; the notebook's conversion takes
        its result (:meth:`_capture`). A notebook whose HTML mkdocs-jupyter's cache holds is not
        run, nor any when that cannot be told (its cache key is computed by a private function).
        A process, not a thread: Python 3.11's compiler is not safe to run in two threads at once.
        """
        jupyter = self._jupyter
        if jupyter is None or not jupyter.config["execute"] or jupyter.config["execute_ignore"]:
            return
        from mkdocs_jupyter import plugin as mkdocs_jupyter

        key, where = (getattr(mkdocs_jupyter, name, None) for name in ("_compute_cache_key", "_get_cache_path"))
        included = [file for file in files if jupyter.should_include(file)]
        paths = [file.abs_src_path for file in included if not dirty or file.is_modified()]
        options = (jupyter.config["kernel_name"], jupyter.config["allow_errors"])
        can_tell = key is not None and where is not None
        for path in paths:
            if jupyter.config["cache"] and (
                not can_tell or where(jupyter.config["cache_dir"], key(path, jupyter.config, True)).exists()
            ):
                continue
            cells = [cell.source for cell in nbformat.read(path, as_version=4).cells]
            command = [sys.executable, "-m", "handbook.notebooks", path, options[0], str(options[1])]
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            self._ahead[path] = (process, cells, options)

    def wait(self) -> None:
        """Stop the notebooks still running ahead (an aborted build leaves no kernel behind)."""
        for process, _, _ in self._ahead.values():
            process.kill()
            process.communicate()
        self._ahead = {}

    def _cached(self) -> set[str]:
        folder = self.cache
        return {p.name for p in folder.glob("*.json")} if folder and folder.is_dir() else set()

    def started(self, path: str) -> None:
        """mkdocs-jupyter is about to execute (or read from its cache) the notebook at ``path``."""
        self._page = path
        self._started = time.perf_counter()
        self._entries = self._cached()
        self.executed = None
        self._capture(True)

    def _capture(self, on: bool) -> None:
        """While a notebook renders, keep the notebook nbconvert executed: its download carries
        the outputs (handbook.downloads). The class's method is restored when the page is done."""
        from nbconvert.preprocessors import ExecutePreprocessor

        current = ExecutePreprocessor.preprocess
        original = ExecutePreprocessor.preprocess = getattr(current, "handbook_original", current)
        if not on:
            return

        def preprocess(preprocessor, nb, resources=None, km=None):
            ahead = self._ahead.pop(self._page, None)
            if ahead is not None:
                process, cells, options = ahead
                out, _ = process.communicate()
                same = cells == [cell.source for cell in nb.cells] and options == (
                    preprocessor.kernel_name,
                    preprocessor.allow_errors,
                )
                if process.returncode == 0 and same and km is None:
                    self.executed = nbformat.reads(out, as_version=4)
                    return self.executed, resources
                # Edited since, or a cell raised: run here, so nbconvert raises its own error.
            nb, resources = original(preprocessor, nb, resources, km)
            self.executed = nb
            return nb, resources

        preprocess.handbook_original = original  # a page that failed mid-render left it: unwrapped first
        ExecutePreprocessor.preprocess = preprocess

    def finished(self, html: str, katex: Katex, report) -> tuple[str, float, str]:
        """The notebook's HTML made offline and typeset; its seconds and its cache state."""
        self._capture(False)
        for pattern in _CDN:
            html = pattern.sub("", html)
        html = typeset_notebook(html, katex, report)
        hit = self._cached() == self._entries and bool(self._entries)
        cache = "off" if self.cache is None else ("hit" if hit else "miss")
        return html, time.perf_counter() - self._started, cache


def _execute(path: str, kernel_name: str, allow_errors: bool) -> str:
    """The notebook at ``path`` executed as mkdocs-jupyter's nbconvert executes it, as JSON."""
    from nbconvert.preprocessors import ExecutePreprocessor

    notebook = nbformat.read(path, as_version=4)
    preprocessor = ExecutePreprocessor(kernel_name=kernel_name, allow_errors=allow_errors, store_widget_state=True)
    executed, _ = preprocessor.preprocess(notebook, {"metadata": {"path": str(Path(path).parent)}})
    return nbformat.writes(executed)


if __name__ == "__main__":  # python -m handbook.notebooks PATH KERNEL ALLOW_ERRORS: run_ahead's process
    sys.stdout.write(_execute(sys.argv[1], sys.argv[2], sys.argv[3] == "True"))
