"""Rewrite the expected outputs written in the pages with the real ones.

Run after a deliberate change (``make update-examples``), then review the diff::

    python scripts/update_examples.py            # every page under docs/
    python scripts/update_examples.py docs/pillars/calculus.md

``#>`` groups are replaced with what the code now prints, and ``pycon`` sessions with the
transcript of a real run. Blocks that raise still stop the script, naming page and line.
Like pytest-examples' ``--update-examples``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from handbook.blocks import expand_snippets, find_blocks
from handbook.execute import BlockFailure, run_block

ROOT = Path(__file__).resolve().parent.parent


def _as_group(text: str, indent: str) -> list[str]:
    lines = text.rstrip("\n").split("\n") if text.strip() else []
    return [f"{indent}#> {line}".rstrip() if line else f"{indent}#>" for line in lines]


def update_page(path: Path) -> bool:
    """Rewrite one page in place; return True if it changed."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    page = path.resolve().relative_to(ROOT).as_posix() if path.resolve().is_relative_to(ROOT) else str(path)
    namespace: dict = {"__name__": "__main__"}
    edits: list[tuple[int, int, list[str]]] = []  # (first, last) 1-based page lines, replacement
    for block in find_blocks(text):
        if not block.executes:
            continue
        code = expand_snippets(block.code, ROOT)
        outcome = run_block(code, block.lang, namespace, page=page, line=block.line, options=block.options, check=False)
        if block.lang == "pycon" and outcome.transcript is not None:
            new = [block.indent + line if line else line for line in outcome.transcript.split("\n")]
            edits.append((block.line + 1, block.end_line - 1, new))
        for first, last, actual in outcome.groups:
            original = lines[first - 1]
            indent = original[: len(original) - len(original.lstrip())]
            edits.append((first, last, _as_group(actual, indent)))
    for first, last, new in sorted(edits, reverse=True):
        lines[first - 1 : last] = new
    updated = "\n".join(lines)
    if updated != text:
        path.write_text(updated, encoding="utf-8")
        return True
    return False


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((ROOT / "docs").rglob("*.md"))
    changed = 0
    for path in paths:
        try:
            if update_page(path):
                changed += 1
                print(f"updated {path}")
        except BlockFailure as failure:
            print(failure, file=sys.stderr)
            return 1
    print(f"{changed} page(s) updated, {len(paths) - changed} unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
