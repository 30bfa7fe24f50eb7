"""Front-end files the site serves itself (no CDN): npm's KaTeX, and what runnable blocks need.

KaTeX's stylesheet and fonts are on every page (formulas are typeset, and diagrams drawn,
at build time by :mod:`handbook.katex` and :mod:`handbook.diagrams`, so neither needs a
script). Pyodide, the editor and the project's wheel are shipped only when some page has a
runnable block (:mod:`handbook.runnable`).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from handbook import purecheck, runnable

__all__ = ["NPM_ASSETS", "RunnableAssets", "npm_files"]

# name -> (folder in node_modules, files wanted, a glob of more files or None)
NPM_ASSETS = {
    "katex": ("katex/dist", ("katex.min.css",), "fonts/*.woff2"),
}


def npm_files(config, node_modules: Path) -> list[File]:
    """KaTeX's files, as generated files of the site under ``assets/``."""
    files = []
    for name, (folder, wanted, pattern) in NPM_ASSETS.items():
        dist = node_modules / folder
        names = list(wanted)
        if pattern:
            names += [p.relative_to(dist).as_posix() for p in sorted(dist.glob(pattern))]
        for relative in names:
            if not (dist / relative).is_file():
                raise PluginError(f"handbook: {dist / relative} is missing; run `make setup` (npm ci)")
            files.append(File.generated(config, f"assets/{name}/{relative}", abs_src_path=str(dist / relative)))
    return files


class RunnableAssets:
    """What runnable blocks need, made beside the pages: Pyodide's and the editor's files, the
    wheel of the project at ``wheel`` (relative to mkdocs.yml) and the NumPy-free check
    (:mod:`handbook.purecheck`), if any page of ``plans`` has a runnable block.

    The wheel and the check are subprocesses; two threads wait for them while MkDocs converts
    the pages, so the build's own process is never held up by them. The wheel is needed
    before MkDocs copies the site's files (:meth:`wheel_files`, from ``on_env``), the check's
    failures when the build ends (:meth:`failures`).
    """

    def __init__(self, config, node_modules: Path, plans, site, wheel: str | None, store, environment: str) -> None:
        self.files: list[File] = []
        self._wheel = self._failures = None
        if not runnable.has_runnable(plans):
            return
        if wheel is None:
            raise PluginError("handbook: a page has a runnable block, but the plugin's `wheel` option names no project")
        self.files = runnable.asset_files(config, node_modules)
        pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="handbook-runnable")
        self._wheel = pool.submit(runnable.build_wheel, site.root / wheel, site.sources, site.cache_dir)
        self._failures = pool.submit(purecheck.check_runnable, plans, site, store, environment)
        pool.shutdown(wait=False)

    def wheel_files(self, config) -> list[File]:
        """The wheel and the file naming it (waits for the wheel; raises if it failed)."""
        return runnable.wheel_files(config, self._wheel.result()) if self._wheel else []

    def failures(self) -> list[str]:
        """The runnable blocks that would not run in the reader's browser (waits for the check)."""
        return self._failures.result() if self._failures else []
