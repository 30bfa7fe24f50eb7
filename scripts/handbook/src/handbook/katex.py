"""Formulas typeset at build time, so pages need KaTeX's stylesheet and fonts, not its script.

pymdownx.arithmatex (``generic: true``) marks each formula of a page as
``<span class="arithmatex">\\(…\\)</span>`` or ``<div class="arithmatex">\\[…\\]</div>``. A
Markdown postprocessor here hands a page's formulas, all at once, to the build's Node process
(handbook.node, running the KaTeX that npm installed) and puts KaTeX's HTML (with its
MathML, for screen readers) inside the same element. The formulas of a notebook's Markdown
cells (``$…$`` and ``$$…$$``, which nbconvert leaves as text) are typeset the same way.
A formula KaTeX cannot parse is reported, naming the page and the formula, and left as
text. The result is part of the page's HTML, so it is cached with it (handbook.pagecache).
"""

from __future__ import annotations

import html
import re

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

from handbook.node import Node

__all__ = ["Katex", "KatexMath", "typeset_notebook"]

_MARKED = re.compile(
    r'<(?P<tag>span|div) class="arithmatex">(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])</(?P=tag)>',
    re.DOTALL,
)
# In a notebook's rendered Markdown: $$…$$, and $…$ (not a price such as "$5", nor an escaped \$).
# Pandoc's rule for $…$: no space inside either dollar, no digit after the closing one.
_DOLLARS = re.compile(
    r"\$\$(?P<display>[^$]+?)\$\$|(?<![\\$\w])\$(?=\S)(?P<inline>[^$<\n]+?)(?<=\S)\$(?![\d$])", re.DOTALL
)
# A step MkDocs adds to a page's own Markdown only. Not "relpath": mkdocstrings copies that
# one into the Markdown it converts each docstring with.
_PAGE_STEP = "mkdocs_extract_title"
_MARKDOWN_CELL = re.compile(r'(<div class="[^"]*jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>)', re.DOTALL)


class Katex:
    """Typesets formulas in the build's Node process, each distinct formula once."""

    def __init__(self, node: Node) -> None:
        self.node = node
        self.known: dict[tuple[str, bool], dict] = {}  # a formula used again (x, \hat y) is typeset once

    def render(self, formulas: list[tuple[str, bool]]) -> list[dict]:
        """KaTeX's ``{"html": …}`` or ``{"error": …}`` for each ``(tex, display)``."""
        new = list(dict.fromkeys(f for f in formulas if f not in self.known))
        if new:
            self.known.update(zip(new, self.node.ask("katex", new), strict=True))
        return [self.known[f] for f in formulas]


def _typeset(text: str, pattern: re.Pattern, katex: Katex, report, wrap) -> str:
    found = list(pattern.finditer(text))
    formulas = [
        (html.unescape(m["display"] if m["display"] is not None else m["inline"]), m["display"] is not None)
        for m in found
    ]
    answers = katex.render(formulas)
    pieces, end = [], 0
    for match, (tex, display), answer in zip(found, formulas, answers, strict=True):
        pieces.append(text[end : match.start()])
        if "error" in answer:
            report(f"KaTeX cannot typeset `{tex.strip()}`: {answer['error']}")
            pieces.append(match.group(0))
        else:
            pieces.append(wrap(match, display, answer["html"]))
        end = match.end()
    pieces.append(text[end:])
    return "".join(pieces)


class _Typeset(Postprocessor):
    def __init__(self, md, extension: KatexMath) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        if "arithmatex" not in text:
            return text
        if self.extension.defer_nested and _PAGE_STEP not in self.md.treeprocessors:
            # A conversion nested in a page's (a docstring, a block's output): its HTML goes
            # into the page's, whose own pass typesets it with the rest of the page at once.
            # One request to Node per page instead of one per docstring: on a busy machine
            # each request waits for Node to be scheduled.
            return text

        def wrap(match, display, rendered):
            return f'<{match["tag"]} class="arithmatex">{rendered}</{match["tag"]}>'

        return _typeset(text, _MARKED, self.extension.katex, self.extension.report, wrap)


class KatexMath(Extension):
    """The Markdown extension; ``report(message)`` is called for a formula KaTeX rejects."""

    def __init__(self, katex: Katex, report) -> None:
        super().__init__()
        self.katex, self.report = katex, report
        # Set by the plugin while MkDocs converts a page (whose Markdown has MkDocs'
        # _PAGE_STEP): formulas of nested conversions are then left to the page's pass.
        self.defer_nested = False

    def extendMarkdown(self, md) -> None:
        # After the raw-HTML postprocessor (30), which puts arithmatex's output in place.
        md.postprocessors.register(_Typeset(md, self), "handbook_katex", 10)


def typeset_notebook(page_html: str, katex: Katex, report) -> str:
    """Typeset the ``$…$`` and ``$$…$$`` formulas of a notebook's Markdown cells."""

    def wrap(match, display, rendered):
        tag = "div" if display else "span"
        return f'<{tag} class="arithmatex">{rendered}</{tag}>'

    def cell(match: re.Match) -> str:
        return match[1] + _typeset(match[2], _DOLLARS, katex, report, wrap) + match[3]

    return _MARKDOWN_CELL.sub(cell, page_html)
