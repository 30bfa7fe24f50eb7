"""Sybil parser: every executable block of a page becomes a pytest item.

It finds blocks with :func:`handbook.blocks.find_blocks` and runs them with
:func:`handbook.execute.run_block`, exactly as the build does; the blocks of one page share
Sybil's per-document namespace, in order.
"""

from __future__ import annotations

from pathlib import Path

from sybil import Document, Example, Region

from handbook.blocks import Block, expand_snippets, find_blocks
from handbook.execute import BlockFailure, run_block

__all__ = ["HandbookParser"]


class HandbookParser:
    """Yield a Sybil region for each python/pycon block that executes."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __call__(self, document: Document):
        offsets = [0]
        for line in document.text.split("\n"):
            offsets.append(offsets[-1] + len(line) + 1)
        page = Path(document.path).resolve().relative_to(self.root).as_posix()
        for block in find_blocks(document.text):
            if block.executes:
                start, end = offsets[block.line - 1], offsets[block.end_line] - 1
                yield Region(start, end, (page, block), self.evaluate)

    def evaluate(self, example: Example) -> str | None:
        page, block = example.parsed
        assert isinstance(block, Block)
        code = expand_snippets(block.code, self.root)
        try:
            run_block(code, block.lang, example.namespace, page=page, line=block.line, options=block.options)
        except BlockFailure as failure:
            return str(failure)  # Sybil reports the message itself, as the build does
        return None
