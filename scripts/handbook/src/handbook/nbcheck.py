"""A downloaded notebook runs as it is and gives the page's outputs: checked with nbclient.

:func:`check` executes one exported notebook (:mod:`handbook.downloads`) in a fresh
``python3`` kernel, as a reader would, and compares every code cell's new outputs with the
ones the build wrote into it (the page's): the text it printed, by the engine's own
normalisation (trailing spaces and blank lines aside, as ``#>`` lines are compared); its
figures, diagrams and formulas; its error. A cell tagged ``raises-exception`` may raise
(nbclient honours the tag); any other error stops the run. Each difference names the page,
the cell and the page's line. :func:`check_all` runs several notebooks at once, one kernel
each.
"""

from __future__ import annotations

import difflib
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path

import nbformat

from handbook.execute import _display_math, _normalise

__all__ = ["check", "check_all", "outputs"]

_RICH = ("text/html", "text/markdown", "text/latex", "image/svg+xml")


def outputs(cell) -> dict:
    """What a code cell showed, in comparable form: text, rich displays, error."""
    text, rich, error = [], [], None
    for output in cell.get("outputs", []):
        kind = output["output_type"]
        if kind == "stream":
            text.append(("" if output["name"] == "stdout" else "[stderr] ") + output["text"])
        elif kind in {"execute_result", "display_data"}:
            data = output["data"]
            shown = [(mime, data[mime]) for mime in _RICH if mime in data]
            if shown:
                mime, value = shown[0]
                rich.append((mime, _display_math(value) if mime == "text/latex" else value))
            elif "text/plain" in data:  # a bare expression's repr: the engine prints it
                text.append(data["text/plain"] + "\n")
        elif kind == "error":
            error = f"{output['ename']}: {output['evalue']}"
    return {"text": _normalise("".join(text)), "rich": rich, "error": error}


def _where(page: str, index: int, cell) -> str:
    line = cell.metadata.get("handbook", {}).get("line")
    return f"{page}: cell {index}" + (f" (the block at line {line})" if line else "") + f" [id {cell.get('id')}]"


def check(path: Path, root: Path, timeout: float = 120) -> list[str]:
    """Run the notebook at ``path`` (working directory ``root``); each difference, named."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    stored = nbformat.read(path, as_version=4)
    page = stored.metadata.get("handbook", {}).get("page") or str(path)
    fresh = nbformat.from_dict(stored)
    for cell in fresh.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    client = NotebookClient(fresh, timeout=timeout, kernel_name="python3", resources={"metadata": {"path": str(root)}})
    problems = []
    try:
        client.execute()
    except CellExecutionError as error:
        tagged = lambda c: "raises-exception" in c.metadata.get("tags", [])  # noqa: E731
        failed = next(i for i, c in enumerate(fresh.cells) if outputs(c)["error"] and not tagged(c))
        message = f"{error.ename}: {error.evalue}"
        return [f"{_where(page, failed, fresh.cells[failed])}: the notebook stopped: {message}"]
    for index, (old, new) in enumerate(zip(stored.cells, fresh.cells, strict=True)):
        if old.cell_type != "code":
            continue
        want, got = outputs(old), outputs(new)
        for what in ("text", "rich", "error"):
            if want[what] != got[what]:
                diff = "\n".join(
                    difflib.unified_diff(
                        str(want[what]).split("\n"), str(got[what]).split("\n"), "the page", "the notebook", lineterm=""
                    )
                )
                problems.append(f"{_where(page, index, old)}: its {what} differs from the page's\n{diff}")
    return problems


def check_all(paths: list[Path], root: Path, workers: int = 2) -> dict[Path, list[str]]:
    """:func:`check` of every notebook, ``workers`` at a time, each worker a fresh process
    driving one kernel at a time (spawned: the caller's threads and event loops stay its own)."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return dict(zip(paths, pool.map(partial(check, root=root), paths), strict=True))
