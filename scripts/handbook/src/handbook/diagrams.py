"""Diagrams drawn at build time: a ``dot`` fence becomes an inline SVG, drawn by Graphviz.

A page writes a diagram as Graphviz DOT in a fenced block with a description of it::

    ```dot alt="The training loop: parameters, forward, loss, backward, update"
    digraph { rankdir=LR  P -> F -> L -> B -> U -> P }
    ```

The build's Node process (handbook.node) draws it with @viz-js/viz (Graphviz compiled to
WebAssembly, from npm), so a page with a diagram loads no diagram library and the drawing
is the same on every machine. A block's output can be a diagram too: ``mathlib.autograd.
draw`` returns one whose Markdown is such a fence. The SVG is cleaned for the page: no ids
(two diagrams on a page would repeat Graphviz's), no tooltips naming internal nodes, black
drawn in the text colour (so it reads on the dark scheme), and ``role="img"`` named by the
``alt`` text. DOT that Graphviz rejects, or a fence without ``alt``, fails the build,
naming the page.
"""

from __future__ import annotations

import html
import re

from handbook.node import Node

__all__ = ["Graphviz", "fence"]

# Our defaults, set before the author's statements so that theirs win: a font whose widths
# Graphviz knows (it has none for a generic "sans-serif"), and no background.
_DEFAULTS = (
    "graph [bgcolor=transparent fontname=Helvetica fontsize=12] "
    'node [fontname=Helvetica fontsize=12 margin="0.14,0.06"] '
    "edge [fontname=Helvetica fontsize=11] "
)
_OPENING = re.compile(r"^\s*(?:strict\s+)?(?:di)?graph\b[^{]*\{", re.IGNORECASE)
_CLEAN = [
    (re.compile(r"^.*?(?=<svg\b)", re.DOTALL), ""),  # the XML prolog, doctype and comments
    (re.compile(r"<!--.*?-->\n?", re.DOTALL), ""),
    (re.compile(r"<title>.*?</title>\n?", re.DOTALL), ""),
    (re.compile(r' id="[^"]*"'), ""),
    (re.compile(r'"(?:black|#000000)"'), '"currentColor"'),
    (re.compile(r' xml:space="preserve"'), ""),
]


class Graphviz:
    """Draws DOT in the build's Node process, each distinct diagram once."""

    def __init__(self, node: Node) -> None:
        self.node = node
        self.known: dict[str, dict] = {}

    def render(self, dot: str) -> dict:
        """``{"html": svg}`` or ``{"error": message}`` for one DOT source."""
        if dot not in self.known:
            opening = _OPENING.match(dot)
            source = dot[: opening.end()] + _DEFAULTS + dot[opening.end() :] if opening else dot
            (self.known[dot],) = self.node.ask("graphviz", [source])
        return self.known[dot]


def to_inline_svg(svg: str, alt: str) -> str:
    """Graphviz's SVG document as an element for an HTML page, named by ``alt``."""
    for pattern, replacement in _CLEAN:
        svg = pattern.sub(replacement, svg)
    return svg.replace("<svg ", f'<svg role="img" aria-label="{html.escape(alt)}" ', 1).strip()


def fence(graphviz: Graphviz, report) -> dict:
    """The ``dot`` custom fence for pymdownx.superfences; ``report(message)`` fails the build."""

    def validator(language, inputs, options, attrs, md) -> bool:
        options.update(inputs)
        inputs.clear()
        return True

    def formatter(src, language, css_class, options, md, **kwargs) -> str:
        first = src.strip().splitlines()[0] if src.strip() else ""
        unknown = sorted(set(options) - {"alt"})
        if unknown or not options.get("alt", "").strip():
            problem = f"unknown option {unknown[0]}=" if unknown else 'no alt="…" describing it'
            report(f'the diagram `{first}` has {problem} (a `dot` fence takes alt="what it shows")')
            return f'<pre class="handbook-diagram-failure"><code>{html.escape(src)}</code></pre>'
        answer = graphviz.render(src)
        if "error" in answer:
            report(f"Graphviz cannot draw the diagram `{first}`: {answer['error']}")
            return f'<pre class="handbook-diagram-failure"><code>{html.escape(src)}</code></pre>'
        return f'<figure class="diagram">{to_inline_svg(answer["html"], options["alt"])}</figure>'

    return {"name": "dot", "class": "diagram", "validator": validator, "format": formatter}
