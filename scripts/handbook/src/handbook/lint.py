"""Stated outputs that would depend on floating-point round-off.

A stated output is a fact the page promises on every machine. The gap between two ways of
computing the same thing is round-off: another CPU, or another BLAS kernel on the same CPU,
prints other noise (``2.8e-17`` on one machine is ``0.0e+00`` on the next). Running the
pages under a second numerical profile catches much of this, but not all of it on one
machine, so the rule is also checked on the text itself:

* a stated number smaller than ``1e-9`` in magnitude (and not zero), or
* a zero written in scientific notation (``0.0e+00``),

is an error unless it is stated as a bound, i.e. preceded by ``<``, ``<=`` or ``≤``
(``gap < 1e-12``), or it is an input the code itself writes (``for h in [1e-8, 1e-12]``
printing ``h = 1e-12``): a literal of the block's code is not a computed result. The rule
is documented for authors in ``docs/contributing.md``.
"""

from __future__ import annotations

import doctest
import re

from handbook.blocks import Block
from handbook.execute import expected_groups

__all__ = ["SMALLEST", "roundoff_problems", "stated_lines"]

SMALLEST = 1e-9
_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![\w.])")
_BOUND = re.compile(r"(?:<=?|≤)\s*$")


def stated_lines(block: Block) -> list[tuple[int, str]]:
    """``(page_line, text)`` for every line of output the block states in the source."""
    lines = block.code.split("\n")
    if block.lang == "python":
        stated = []
        for first, last, _text in expected_groups(block.code):
            for number in range(first, last + 1):
                text = lines[number - 1].split("#>", 1)[1]
                stated.append((block.line + number, text.strip()))
        return stated
    if block.lang == "pycon":
        stated = []
        for example in doctest.DocTestParser().get_examples(block.code):
            first = example.lineno + example.source.count("\n")  # 0-based line of the first output line
            for offset, text in enumerate((example.want or example.exc_msg or "").split("\n")):
                if text.strip():
                    stated.append((block.line + 1 + first + offset, text))
        return stated
    return []


def _literals(block: Block, stated: list[tuple[int, str]]) -> set[float]:
    """The numbers the block's code writes itself (its inputs), from every line that is not output."""
    output_lines = {line for line, _ in stated}
    values = set()
    for offset, text in enumerate(block.code.split("\n"), start=1):
        if block.line + offset not in output_lines:
            values.update(float(match.group()) for match in _NUMBER.finditer(text.split("#>", 1)[0]))
    return values


def roundoff_problems(block: Block) -> list[tuple[int, str]]:
    """``(page_line, message)`` for each stated number that is round-off rather than a fact."""
    found = []
    stated = stated_lines(block)
    inputs = _literals(block, stated)
    for line, text in stated:
        for match in _NUMBER.finditer(text):
            written = match.group()
            value = float(written)
            scientific = "e" in written.lower()
            tiny = value != 0 and abs(value) < SMALLEST
            if not (tiny or (value == 0 and scientific)) or _BOUND.search(text[: match.start()]) or value in inputs:
                continue
            what = "a zero in scientific notation" if value == 0 else f"smaller than {SMALLEST:g}"
            found.append(
                (
                    line,
                    f"the stated output {written!r} is {what}: that is round-off, which differs between "
                    f"machines; state it as a bound (e.g. 'gap < 1e-12'). See docs/contributing.md.",
                )
            )
    return found
