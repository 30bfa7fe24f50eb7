"""Inline expressions: numbers in the prose that the page's code computes.

A code span whose text starts with ``{py}`` is an expression evaluated in the page's
namespace, at its place in the page (after the blocks above it have run), and replaced by
its value before Markdown reads the page::

    the posterior rises from `{py} prior:.0%` to `{py} posterior:.0%`

What follows ``{py}`` is what goes between the braces of an f-string, so a format spec
(``:.3f``, ``:,``, ``:.1%``) or a conversion (``!r``) works as it does there. The
substitution is textual, so an expression works in paragraphs, lists, admonitions, tables
and inside math (``$p = `{py} p:.3f`$``). Spans of two or more backticks are literal code
(````` `` `{py} x` `` ````` shows the syntax), and so is everything inside a fence.

Like Quarto's inline code (`` `{python} x` ``), MyST-NB's ``eval`` role and R Markdown's
inline chunks, but checked as a block is: an expression that raises, or names something
undefined, fails the build naming page and line, and its value is cached with its page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handbook.blocks import fenced_lines

__all__ = ["Inline", "evaluate", "find_inline", "substitute"]

_TICKS = re.compile(r"`+")
_MARK = "{py}"


@dataclass(frozen=True)
class Inline:
    """One inline expression: where it is and what it says."""

    line: int  # 1-based
    start: int  # the span's first backtick, as a column of its line
    end: int  # one past its last backtick
    expression: str


def _spans(line: str):
    """Yield ``(start, end, ticks, content)`` for every code span of one line (CommonMark's
    rule: a run of N backticks opens a span that the next run of exactly N closes)."""
    runs = list(_TICKS.finditer(line))
    i = 0
    while i < len(runs):
        opening = runs[i]
        width = len(opening.group())
        close = next((j for j in range(i + 1, len(runs)) if len(runs[j].group()) == width), None)
        if close is None:
            i += 1
            continue
        yield opening.start(), runs[close].end(), width, line[opening.end() : runs[close].start()]
        i = close + 1


def find_inline(text: str) -> list[Inline]:
    """Every inline expression of ``text`` outside fences, in page order."""
    fenced = fenced_lines(text)
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if number in fenced or _MARK not in line:
            continue
        for start, end, width, content in _spans(line):
            if width == 1 and content.startswith(_MARK) and content.strip() != _MARK:  # `{py}` alone is a mention
                found.append(Inline(number, start, end, content[len(_MARK) :].strip()))
    return found


def evaluate(expression: str, namespace: dict, filename: str = "<inline>") -> str:
    """The text of ``expression`` as an f-string field: ``evaluate("p:.1%", {"p": 0.25})``.

    Raises what the expression raises (``NameError`` for an undefined name); a
    ``SyntaxError`` names the expression.
    """
    if not expression:
        raise SyntaxError("an inline expression `{py} ...` needs an expression after {py}")
    if "'''" in expression or "\\" in expression:
        raise SyntaxError(f"an inline expression cannot contain ''' or a backslash: {expression!r}")
    code = compile(f"f'''{{{expression}}}'''", filename, "eval")
    return eval(code, namespace)  # the page's own code, run as its blocks are


def substitute(text: str, values: list[str]) -> str:
    """``text`` with its inline expressions replaced, in order, by ``values``."""
    found = find_inline(text)
    if len(found) != len(values):
        raise ValueError(f"substitute: {len(found)} inline expressions in the text but {len(values)} values")
    lines = text.split("\n")
    for item, value in sorted(zip(found, values, strict=True), key=lambda pair: (-pair[0].line, -pair[0].start)):
        line = lines[item.line - 1]
        lines[item.line - 1] = line[: item.start] + value + line[item.end :]
    return "\n".join(lines)
