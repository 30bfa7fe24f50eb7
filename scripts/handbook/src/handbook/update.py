"""Rewrite the expected outputs written in the pages with the real ones.

``make update-examples`` (``handbook update [PAGE ...]``) after a deliberate change, then
review the diff. ``#>`` groups are replaced with what the code now prints, and ``pycon``
sessions with the transcript of a real run; the pages run in worker processes like the
build's, never from the cache. A block that raises still stops the update, naming page and
line. Like pytest-examples' ``--update-examples``.
"""

from __future__ import annotations

from pathlib import Path

from handbook.engine import Engine, PagePlan, PageResult
from handbook.execute import Outcome

__all__ = ["rewrite", "update_pages"]


def _as_group(text: str, indent: str) -> list[str]:
    lines = text.rstrip("\n").split("\n") if text.strip() else []
    return [f"{indent}#> {line}".rstrip() if line else f"{indent}#>" for line in lines]


def rewrite(text: str, result: PageResult) -> str:
    """``text`` with each block's stated output replaced by the real output in ``result``."""
    lines = text.split("\n")
    edits: list[tuple[int, int, list[str]]] = []  # (first, last) 1-based page lines, replacement
    for block in result.plan.blocks:
        block_result = result.result_at(block.line)
        if block_result is None or block_result.outcome is None:
            continue
        outcome = Outcome.from_dict(block_result.outcome, block.line)
        if block.lang == "pycon" and outcome.transcript is not None:
            new = [block.indent + line if line else line for line in outcome.transcript.split("\n")]
            edits.append((block.line + 1, block.end_line - 1, new))
        for first, last, actual in outcome.groups:
            original = lines[first - 1]
            indent = original[: len(original) - len(original.lstrip())]
            edits.append((first, last, _as_group(actual, indent)))
    for first, last, new in sorted(edits, reverse=True):
        lines[first - 1 : last] = new
    return "\n".join(lines)


def update_pages(engine: Engine, paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Rewrite ``paths`` in place; return the pages that changed and the failures that stopped others."""
    plans: dict[Path, PagePlan] = {path: engine.plan(path) for path in paths}
    # Problems found before running (an unknown option) stop a page; round-off stated as a fact
    # is what an update may be about to fix, so those pages still run.
    for plan in plans.values():
        plan.problems = [problem for problem in plan.problems if not problem.roundoff]
    results = engine.run(list(plans.values()), check=False)
    changed, failures = [], []
    for path, plan in plans.items():
        result = results[plan.page]
        if result.failures:
            failures.extend(result.failures)
            continue
        text = path.read_text(encoding="utf-8")
        updated = rewrite(text, result)
        if updated != text:
            path.write_text(updated, encoding="utf-8")
            changed.append(path)
    return changed, failures
