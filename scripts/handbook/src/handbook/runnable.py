"""Blocks a reader can edit and run in the browser: ```` ```python runnable ````.

A runnable block runs at build and is verified like any other; the page then shows it with
a Run button and an output area that holds the build's verified output. Without JavaScript
it reads like any block. ``docs/javascripts/run.js`` turns its code into an editor
(prism-code-editor, from npm, fetched only by a page that has a runnable block) and, at the
reader's first Run, loads Pyodide (npm's ``pyodide``, the interpreter alone) and the
project's own wheel, both served by the site, so nothing leaves it.

What the site ships for them, only when some page has a runnable block:

* Pyodide's files that boot it offline (:data:`PYODIDE_FILES`);
* the editor's ES modules: the closure of :data:`EDITOR_ENTRIES` under their relative
  imports, so a new version's renamed chunks are followed, not listed by hand;
* the project's wheel (``mathlib``), built by setuptools' PEP 517 backend from
  ``pyproject.toml`` and the plugin's ``sources``, with fixed timestamps (two builds give
  the same bytes), and cached by a digest of what goes into it.

Why not markdown-exec's ``pyodide`` fence: it loads Pyodide (and micropip) when the page
loads, from a CDN, makes Run a ``<span>``, and never runs the code at build.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from handbook.cache import tree_digest

__all__ = [
    "EDITOR_ENTRIES",
    "PYODIDE_FILES",
    "asset_files",
    "build_wheel",
    "has_runnable",
    "is_runnable",
    "wheel_files",
    "wrap",
]

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
EDITOR_ENTRIES = (
    "index.js",  # createEditor
    "prism/languages/python.js",  # the grammar that colours Python
    "languages/python.js",  # comment toggling, indentation after a colon
    "extensions/commands/index.js",  # Tab indents, undo history, Escape leaves
    "layout.css",
)
_IMPORT = re.compile(r"""(?:\bfrom|\bimport)\s*\(?\s*["'](\.{1,2}/[^"']+)["']""")
# Zip's earliest date: the wheel's files carry it, whatever the build's SOURCE_DATE_EPOCH.
_WHEEL_EPOCH = "315532800"


def is_runnable(block_options: dict) -> bool:
    """``runnable`` (or ``runnable="on"``) on a python block; superfences gives a bare
    option its own name as its value, the engine's parser gives it ``"on"``."""
    return block_options.get("runnable", "off").lower() in {"on", "yes", "true", "1", "runnable"}


def has_runnable(plans) -> bool:
    """Whether any block of these page plans is runnable (the site then ships the assets)."""
    return any(is_runnable(block.options) for plan in plans for block in plan.blocks)


def wrap(code_html: str, output_html: str, line: int) -> str:
    """A runnable block's HTML: its code, a Run button (shown by run.js) and a Stop button
    (shown while the block runs), and its output.

    The output area starts with the build's verified output and is a polite live region,
    so a screen reader announces what a Run writes there.
    """
    hint = f"run-hint-{line}"
    return (
        f'<div class="handbook-runnable" data-line="{line}">'
        f'<div class="handbook-runnable__code">{code_html}</div>'
        '<div class="handbook-runnable__bar" hidden>'
        f'<button type="button" class="md-button handbook-runnable__run" aria-describedby="{hint}">Run</button>'
        '<button type="button" class="md-button handbook-runnable__stop" hidden>Stop</button>'
        f'<span class="handbook-runnable__hint" id="{hint}">Edit the code, then run it in your browser '
        "(Python via Pyodide; the first run loads it). Escape leaves the editor; Stop ends a run.</span>"
        '<span class="handbook-runnable__status" role="status"></span>'
        "</div>"
        f'<div class="handbook-runnable__output" aria-live="polite">{output_html}</div>'
        "</div>"
    )


def editor_files(dist: Path) -> list[str]:
    """The editor's entry files and every module they import, relative to ``dist``."""
    found: set[str] = set()
    todo = list(EDITOR_ENTRIES)
    while todo:
        name = todo.pop()
        if name in found:
            continue
        path = dist / name
        if not path.is_file():
            raise PluginError(f"handbook: {path} is missing; run `make setup` (npm ci)")
        found.add(name)
        if name.endswith(".js"):
            for target in _IMPORT.findall(path.read_text(encoding="utf-8")):
                todo.append((path.parent / target).resolve().relative_to(dist.resolve()).as_posix())
    return sorted(found)


def asset_files(config, node_modules: Path) -> list[File]:
    """Pyodide's and the editor's files, as generated files of the site under ``assets/``."""
    files = []
    pyodide = node_modules / "pyodide"
    for name in PYODIDE_FILES:
        if not (pyodide / name).is_file():
            raise PluginError(f"handbook: {pyodide / name} is missing; run `make setup` (npm ci)")
        files.append(File.generated(config, f"assets/pyodide/{name}", abs_src_path=str(pyodide / name)))
    editor = node_modules / "prism-code-editor" / "dist"
    for name in editor_files(editor):
        files.append(File.generated(config, f"assets/editor/{name}", abs_src_path=str(editor / name)))
    return files


def build_wheel(project: Path, sources: list[Path], cache_dir: Path | None) -> Path:
    """The project's wheel, built once per content of ``pyproject.toml``, README and sources.

    The build runs in a copy of exactly those files, so nothing stale (a ``build/`` folder,
    a deleted module) reaches the wheel, and the project's tree is not written to.
    """
    pyproject = project / "pyproject.toml"
    if not pyproject.is_file():
        raise PluginError(f"handbook: wheel: {pyproject} does not exist (the option names the project's folder)")
    inputs = [pyproject, *[p for p in [project / "README.md"] if p.is_file()], *sources]
    key = tree_digest(inputs) + "-" + metadata.version("setuptools")  # the backend makes the wheel too
    folder = (cache_dir / "wheel" / key[:16]) if cache_dir is not None else Path(tempfile.mkdtemp(prefix="wheel-"))
    built = sorted(folder.glob("*.whl")) if folder.is_dir() else []
    if built:
        return built[0]
    with tempfile.TemporaryDirectory(prefix="handbook-wheel-") as temporary:
        copy = Path(temporary) / "project"
        copy.mkdir()
        for path in inputs:
            target = copy / path.relative_to(project)
            if path.is_dir():
                shutil.copytree(path, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            else:
                shutil.copy2(path, target)
        out = Path(temporary) / "out"
        script = "import sys; from setuptools import build_meta; build_meta.build_wheel(sys.argv[1])"
        env = {"SOURCE_DATE_EPOCH": _WHEEL_EPOCH, "PYTHONDONTWRITEBYTECODE": "1", "PATH": "/usr/bin:/bin"}
        result = subprocess.run(
            [sys.executable, "-c", script, str(out)], cwd=copy, env=env, capture_output=True, text=True, timeout=300
        )
        wheels = sorted(out.glob("*.whl"))
        if result.returncode != 0 or not wheels:
            raise PluginError(f"handbook: building the wheel of {project} failed:\n{result.stderr[-2000:]}")
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f"{wheels[0].name}.{os.getpid()}.tmp"  # two builds at once do not collide
        shutil.copyfile(wheels[0], partial)
        return partial.rename(folder / wheels[0].name)


def wheel_files(config, wheel: Path) -> list[File]:
    """The wheel as a file of the site, and ``assets/python/wheel.txt`` naming it for run.js."""
    return [
        File.generated(config, f"assets/python/{wheel.name}", abs_src_path=str(wheel)),
        File.generated(config, "assets/python/wheel.txt", content=wheel.name + "\n"),
    ]
