"""Front-end files the site serves itself (no CDN): npm's KaTeX, and what runnable blocks need.

KaTeX's stylesheet and fonts are on every page (formulas are typeset, and diagrams drawn,
at build time by :mod:`handbook.katex` and :mod:`handbook.diagrams`, so neither needs a
script). Pyodide, the editor and the project's wheel are shipped only when some page has a
runnable block (:mod:`handbook.runnable`).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from handbook import runnable

__all__ = ["NPM_ASSETS", "npm_files", "runnable_files"]

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


def runnable_files(config, node_modules: Path, plans, site, wheel: str | None) -> list[File]:
    """Pyodide, the editor and the wheel of the project at ``wheel`` (relative to mkdocs.yml),
    if any page of ``plans`` has a runnable block; nothing otherwise."""
    if not runnable.has_runnable(plans):
        return []
    if wheel is None:
        raise PluginError("handbook: a page has a runnable block, but the plugin's `wheel` option names no project")
    built = runnable.build_wheel(site.root / wheel, site.sources, site.cache_dir)
    return runnable.asset_files(config, node_modules) + runnable.wheel_files(config, built)
