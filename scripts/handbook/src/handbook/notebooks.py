"""The site's notebooks (mkdocs-jupyter): cached per environment, offline, reported like pages.

mkdocs-jupyter executes a notebook when it is built (``allow_errors: false``). Its own cache
is keyed by the notebook's bytes only, so a folder per environment key (mathlib, the
dependencies, the profile) makes a change to any of them run it again. nbconvert's template
loads MathJax and Mermaid from CDNs: those scripts are stripped, the notebook's formulas are
typeset at build time like every page's (handbook.katex), and no page needs Mermaid.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

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
        self._started = 0.0
        self._entries: set[str] = set()
        self.executed = None  # the notebook nbconvert executed for the page being rendered, if it ran

    def _cached(self) -> set[str]:
        folder = self.cache
        return {p.name for p in folder.glob("*.json")} if folder and folder.is_dir() else set()

    def started(self) -> None:
        """mkdocs-jupyter is about to execute (or read from its cache) a notebook."""
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
