"""Front-end files from npm (package.json) that the site serves itself: no CDN, ever."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

__all__ = ["NPM_ASSETS", "add_npm_assets"]

# name: (folder in node_modules, files, glob of more files). Formulas and diagrams are drawn
# at build time (handbook.katex, handbook.diagrams), so pages need KaTeX's CSS and fonts only.
NPM_ASSETS = {
    "katex": ("katex/dist", ("katex.min.css",), "fonts/*.woff2"),
}


def add_npm_assets(files, config, node_modules: Path) -> None:
    """Add each asset to the site's files as ``assets/<name>/<path>``; a missing one fails the build."""
    for name, (folder, wanted, pattern) in NPM_ASSETS.items():
        dist = node_modules / folder
        names = list(wanted)
        if pattern:
            names += [p.relative_to(dist).as_posix() for p in sorted(dist.glob(pattern))]
        for relative in names:
            if not (dist / relative).is_file():
                raise PluginError(f"handbook: {dist / relative} is missing; run `make setup` (npm ci)")
            files.append(File.generated(config, f"assets/{name}/{relative}", abs_src_path=str(dist / relative)))
