"""Results on disk, keyed by everything that can change them.

A page's key is a SHA-256 of

* the page's path and its blocks: language, options and code, with the snippet files they
  include already expanded (so editing a snippet file re-runs the pages that include it);
* the *environment*: every file of the project's own sources (``mathlib/``, by the plugin's
  ``sources`` option), the engine's own source, the installed distributions and their
  versions, the Python version, the modules the workers preload, and the numerical profile
  (its BLAS settings and the CPU).

Prose is not in the key, except its inline expressions (they run with the page's blocks),
and neither are line numbers (outcomes store lines relative to their fence), so a prose
edit re-runs nothing and a code edit, or an edit of an inline expression, re-runs that
page only. Only
pages that passed are stored. Like Quarto's ``freeze`` and sphinx-gallery's checksums, but
keyed by the library and the environment too, which neither does.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import sys
from importlib import metadata
from pathlib import Path

__all__ = ["Store", "environment_key", "page_key", "tree_digest"]

_SKIP_DIRS = {"__pycache__", ".pytest_cache", ".hypothesis", ".ruff_cache"}


def tree_digest(paths: list[Path]) -> str:
    """A digest of every file under ``paths`` (files or folders), names and contents."""
    digest = hashlib.sha256()
    for base in paths:
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for path in files:
            if _SKIP_DIRS.intersection(path.parts) or path.suffix in {".pyc", ".pyo"}:
                continue
            name = path.relative_to(base.parent).as_posix()  # the same in every clone
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith(("model name", "Model", "cpu model")):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def environment_key(sources: list[Path], numeric: dict[str, str], profile: str, preload: list[str]) -> str:
    """The part of every page's key that does not depend on the page."""
    engine = Path(__file__).resolve().parent
    # A set: the same distribution is found once per sys.path entry that holds it.
    distributions = sorted({f"{d.metadata['Name']}=={d.version}".lower() for d in metadata.distributions()})
    parts = {
        "sources": tree_digest(sources),
        "engine": tree_digest([engine]),
        "distributions": distributions,
        "python": sys.version,
        "machine": [platform.machine(), _cpu()],
        "profile": [profile, numeric],
        "preload": preload,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def page_key(page: str, blocks: list[dict], environment: str) -> str:
    """The key of one page: its path, its blocks (without line numbers) and the environment."""
    material = [page, environment, [[b["lang"], b["code"], sorted(b["options"].items())] for b in blocks]]
    return hashlib.sha256(json.dumps(material).encode()).hexdigest()


class Store:
    """One JSON file per key under ``folder/kind`` (``.cache/handbook/pages`` by default; ignored by git)."""

    def __init__(self, folder: Path, kind: str = "pages") -> None:
        self.folder = folder / kind

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, entry: dict) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(entry), encoding="utf-8")
        os.replace(temporary, path)  # atomic: a reader never sees half an entry
