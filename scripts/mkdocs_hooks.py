"""MkDocs hooks: execute every page's Python, verify its output, serve KaTeX locally.

Registered in ``mkdocs.yml`` under ``hooks:``. MkDocs puts this file's folder on
``sys.path`` while loading it, so the ``handbook`` package beside it imports.
"""

from __future__ import annotations

import importlib
import logging
import re
import sys
from pathlib import Path

from markdown_exec import MarkdownConverter, markdown_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from handbook import fences
from handbook.blocks import annotate_lines
from handbook.docstrings import documented_modules, run_doctests

log = logging.getLogger("mkdocs.plugins.handbook")

# KaTeX comes from npm (package.json) and is served by the site itself: no CDN.
HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# Front-end assets come from npm (package.json) and are served by the site itself: no CDN.
# Material loads Mermaid from a CDN unless a `mermaid` global already exists, so we ship it.
NPM_ASSETS = {
    "katex": ("katex/dist", ("katex.min.css", "katex.min.js", "contrib/auto-render.min.js"), "fonts/*.woff2"),
    "mermaid": ("mermaid/dist", ("mermaid.min.js",), None),
}
_state = {"serve": False}


def on_startup(command: str, dirty: bool) -> None:
    _state["serve"] = command == "serve"


def _keep_warnings_countable(config) -> None:
    """Let ``--strict`` see warnings even under ``-q``.

    ``-q`` raises the ``mkdocs`` logger to ERROR, so warnings never reach the handler that
    strict mode counts with, and ``mkdocs build --strict -q`` passes with broken links.
    In a strict build a warning is fatal, so it is shown and counted even when quiet.
    """
    logger = logging.getLogger("mkdocs")
    if config.strict and logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)


def on_config(config):
    _keep_warnings_countable(config)
    if "pymdownx.superfences" not in config.markdown_extensions:
        raise PluginError("handbook: the pymdownx.superfences Markdown extension is required")
    superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
    fences_list = superfences.setdefault("custom_fences", [])
    for name in ("python", "py", "pycon", "quiz"):
        fences_list.append({"name": name, "class": name, "validator": fences.validator, "format": fences.formatter})
    # markdown-exec renders the source and the output with the site's own extensions.
    markdown_config.save(config.markdown_extensions, config.mdx_configs)
    return config


def on_pre_build(config) -> None:
    MarkdownConverter.counter = 0  # ids restart, so two builds are byte-identical
    if _state["serve"]:
        # `mkdocs serve` rebuilds in the same process: forget the project's own modules
        # (mathlib, and any beside mkdocs.yml) so that pages import them as they are now on
        # disk, not as they were at the first build. The executor itself stays loaded.
        roots = {REPO / "mathlib", Path(config.config_file_path).resolve().parent}
        keep = {HERE, Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve()}  # executor, installed packages
        for name, module in list(sys.modules.items()):
            path = Path(getattr(module, "__file__", None) or "/").resolve()
            if any(path.is_relative_to(r) for r in roots) and not any(path.is_relative_to(k) for k in keep):
                del sys.modules[name]
        importlib.invalidate_caches()


def on_files(files, config):
    for name, (folder, wanted, pattern) in NPM_ASSETS.items():
        dist = REPO / "node_modules" / folder
        names = list(wanted)
        if pattern:
            names += [p.relative_to(dist).as_posix() for p in sorted(dist.glob(pattern))]
        for relative in names:
            if not (dist / relative).is_file():
                raise PluginError(f"handbook: {dist / relative} is missing; run `make setup` (npm ci)")
            files.append(File.generated(config, f"assets/{name}/{relative}", abs_src_path=str(dist / relative)))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    label = f"docs/{page.file.src_uri}"
    for module in documented_modules(markdown):
        # The examples mkdocstrings will show on this page are run now, like every block.
        tries, failures = run_doctests(module)
        log.debug("handbook: %s ran %d docstring examples of %s", label, tries, module)
        if failures:
            message = f"{label}: docstring examples of {module} do not reproduce\n" + "\n".join(failures)
            if not _state["serve"]:
                raise PluginError(message)
            log.warning("%s", message)
    fences.open_page(fences.PageRun(label=label, strict=not _state["serve"]))
    return annotate_lines(markdown)


# nbconvert's template loads MathJax and Mermaid from CDNs; the site typesets notebook math
# with its own KaTeX (the same auto-render as every page) and ships its own Mermaid.
_NOTEBOOK_CDN = (
    re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.DOTALL),
    re.compile(r"<script type=\"module\">(?:(?!</script>).)*?cdnjs\.cloudflare\.com.*?</script>", re.DOTALL),
)


def on_page_content(html: str, page, config, files) -> str:
    if page.file.src_uri.endswith(".ipynb"):
        for pattern in _NOTEBOOK_CDN:
            html = pattern.sub("", html)
    run = fences.close_page()
    if run is not None and run.blocks_run:
        log.debug("handbook: %s ran %d blocks", run.label, run.blocks_run)
    return html


def on_post_build(config) -> None:
    markdown_config.reset()
