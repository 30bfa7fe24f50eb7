"""Errata: every erratum box of the site, found in the pages and listed on one page.

An erratum box is an admonition of type ``erratum`` (``??? erratum "Title"`` collapsed,
``!!! erratum`` open). Each box gets an id, ``erratum-1``, ``erratum-2``… in page order,
while Markdown builds the page (so MkDocs' own link check knows the anchors),
and the page that holds the marker ``<!-- handbook:errata -->`` gets, in its place, a list
of every box of the site, with a link to each, grouped by page in navigation order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from handbook.blocks import fenced_lines
from handbook.inline import find_inline, substitute

__all__ = ["MARKER", "ErrataIds", "Erratum", "find_errata", "listing", "relative"]

MARKER = "<!-- handbook:errata -->"
_BOX = re.compile(r'^\s*(?:\?\?\?\+?|!!!)\s+erratum\b(?:\s+"(?P<title>[^"]*)")?')
_HEADING = re.compile(r"^(#{1,6})\s+(?P<text>.+?)\s*#*\s*$")


@dataclass(frozen=True)
class Erratum:
    line: int
    title: str
    section: str  # the heading the box sits under ("" before the first)
    anchor: str  # erratum-N


def find_errata(text: str, values: list[str | None] | None = None) -> list[Erratum]:
    """The erratum boxes of a Markdown page, outside fences, in order.

    ``values`` are the page's inline-expression values (:mod:`handbook.inline`), in order: a
    title that computes a figure (``"the entropy is `{py} H:.3f` nats"``) is listed with it.
    """
    if values is not None and len(values) == len(find_inline(text)):
        text = substitute(text, [value if value is not None else "…" for value in values])
    fenced = fenced_lines(text)
    found, section = [], ""
    for number, line in enumerate(text.split("\n"), start=1):
        if number in fenced:
            continue
        heading = _HEADING.match(line)
        if heading:
            section = re.sub(r"\s*\{[^}]*\}$", "", heading.group("text"))
            continue
        box = _BOX.match(line)
        if box:
            anchor = f"erratum-{len(found) + 1}"
            found.append(Erratum(number, box.group("title") or "Erratum", section, anchor))
    return found


class _BoxIds(Treeprocessor):
    def run(self, root) -> None:
        count = 0
        for element in root.iter():
            if element.tag in {"details", "div"} and "erratum" in (element.get("class") or "").split():
                count += 1
                element.set("id", f"erratum-{count}")


class ErrataIds(Extension):
    """A Markdown extension: the page's erratum boxes get their ids (``erratum-1``…), in order."""

    def extendMarkdown(self, md) -> None:
        # After the block processors built the boxes; before MkDocs collects anchors (priority 5).
        md.treeprocessors.register(_BoxIds(md), "handbook_errata_ids", 6)


def listing(pages: list[tuple[str, str, list[Erratum]]]) -> str:
    """Markdown for the errata page: ``pages`` is ``(link, page title, errata)`` in order."""
    blocks = []
    total = sum(len(errata) for _, _, errata in pages)
    holding = sum(1 for _, _, errata in pages if errata)
    blocks.append(f"{_count(total, 'erratum', 'errata')} on {_count(holding, 'page', 'pages')}.")
    for link, title, errata in pages:
        if not errata:
            continue
        items = [f"- [{e.title}]({link}#{e.anchor})" + (f" — {e.section}" if e.section else "") for e in errata]
        blocks.append(f"## {title}\n\n" + "\n".join(items))  # under the page's h1: no level skipped
    return "\n\n".join(blocks)


def relative(target: str, source: str) -> str:
    """A Markdown link from the page ``source`` to the page ``target`` (both docs-relative)."""
    import posixpath

    return posixpath.relpath(target, posixpath.dirname(source) or ".")


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
