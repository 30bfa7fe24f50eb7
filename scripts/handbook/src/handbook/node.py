"""One Node process per build that renders with packages from npm (``node.js`` beside this file).

Formulas (handbook.katex) and diagrams (handbook.diagrams) are drawn at build time, so a
page carries their HTML and SVG and needs neither KaTeX's nor a diagram library's
JavaScript. The process starts on first use and stays up across ``mkdocs serve`` rebuilds.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

__all__ = ["Node"]


class Node:
    """The process; :meth:`ask` sends one request, :meth:`close` ends it."""

    def __init__(self, node_modules: Path) -> None:
        self.node_modules = node_modules
        self.process: subprocess.Popen | None = None

    def ask(self, kind: str, items: list) -> list[dict]:
        """``{"html": …}`` or ``{"error": …}`` for each item; ``kind`` is ``katex`` or ``graphviz``."""
        if self.process is None or self.process.poll() is not None:
            node = shutil.which("node")
            if node is None:
                raise RuntimeError("handbook: formulas and diagrams are drawn at build time, which needs Node (`node`)")
            self.process = subprocess.Popen(
                [node, str(Path(__file__).with_name("node.js")), str(self.node_modules.resolve())],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
        self.process.stdin.write(json.dumps({kind: items}) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        if not answer:
            raise RuntimeError(f"handbook: Node stopped; are KaTeX and @viz-js/viz installed in {self.node_modules}?")
        return json.loads(answer)

    def close(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            process.stdin.close()
            process.wait(timeout=10)
            process.stdout.close()
