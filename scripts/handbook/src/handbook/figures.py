"""Hand-typed restatements: figures in the prose that repeat what the page's code printed.

The handbook's rule is that a number the code produces is never typed: the prose writes it
as an inline expression (:mod:`handbook.inline`). This module holds pages to the rule. It
compares every figure of the prose and formulas (outside fences and inline expressions)
with the figures the page's blocks printed, and reports a prose figure that equals a
printed one, or rounds it: ``0.91`` or ``91 %`` restates a printed ``0.9107``.

Figures of one significant digit (``0.5``, ``2``) are not compared: too many are plain
counts or analytic constants. Inputs are not restatements: a figure written in the page's
own code (a seed, a size, a learning rate, a given weight) is exempt, and so is anything
listed, with a reason, in the site's allow-list (a figure quoted from a source as the
source's, say)::

    docs/chapter2/index.md:
      "2024": the year of the record, not a result
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, InvalidOperation
from pathlib import Path

from handbook.blocks import fenced_lines, find_blocks
from handbook.inline import find_inline

__all__ = ["Figure", "Restatement", "load_allowed", "printed_figures", "prose_figures", "restatements"]

_NUMBER = re.compile(
    r"(?<![\w.,^_])"
    r"(?P<num>\d{1,3}(?:,\d{2,3})*,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?(?:[eE][-+−]?\d+)?)"
    r"(?![\w])(?P<pct>\s?(?:%|\\%))?"
)
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_STRIP = [
    re.compile(r"<[^>\n]+>"),  # HTML tags and their attributes
    re.compile(r"\]\([^)\n]*\)"),  # link targets
    re.compile(r"^\s*\[[^\]]+\]:\s*\S+.*$"),  # reference definitions
    re.compile(r"\{[:#.][^}\n]*\}"),  # attribute lists
    re.compile(r"--8<--.*$"),  # snippet includes
    re.compile(r"^\s*(?:[-*]|\d+\.)\s", re.MULTILINE),  # list markers ("1. ")
]


@dataclass(frozen=True)
class Figure:
    """A number as written: its text, its value and its decimals; ``percent`` for ``91 %``."""

    text: str
    value: Decimal
    decimals: int
    percent: bool = False
    scientific: bool = False

    @property
    def digits(self) -> int:
        """Significant digits as written (leading zeros are not significant)."""
        mantissa = self.text.split("e")[0].split("E")[0]
        return len(mantissa.replace(",", "").replace(".", "").lstrip("0"))


@dataclass(frozen=True)
class Restatement:
    line: int
    figure: str
    output: str

    def message(self, page: str) -> str:
        return (
            f"{page}:{self.line}: the prose types {self.figure}, which restates the output {self.output} of the "
            "page's code; write it as an inline expression (`{py} name:.2f`), or, if it is an input, "
            "list it in the allow-list with the reason"
        )


def _figure(match: re.Match) -> Figure | None:
    text = match.group("num").replace("−", "-")
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
    mantissa = re.split("[eE]", text)[0]
    decimals = len(mantissa.split(".")[1]) if "." in mantissa else 0
    return Figure(match.group("num"), value, decimals, bool(match.group("pct")), "e" in text.lower())


def figures_in(text: str) -> list[Figure]:
    """Every number in ``text``."""
    return [f for f in (_figure(m) for m in _NUMBER.finditer(text)) if f is not None]


def prose_figures(text: str) -> list[tuple[int, Figure]]:
    """``(line, figure)`` for the figures of the prose and formulas of a Markdown page."""
    fenced = fenced_lines(text)
    spans = {}
    for item in find_inline(text):
        spans.setdefault(item.line, []).append(item)
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        if number in fenced:
            continue
        for item in sorted(spans.get(number, []), key=lambda i: -i.start):
            line = line[: item.start] + " " + line[item.end :]
        # A code span is code, unless all it holds is a number typed for the reader.
        line = _CODE_SPAN.sub(lambda m: m.group(2) if _NUMBER.fullmatch(m.group(2).strip()) else " ", line)
        for pattern in _STRIP:
            line = pattern.sub(" ", line)
        found += [(number, figure) for figure in figures_in(line)]
    return found


def printed_figures(outcomes: list[dict | None]) -> list[Figure]:
    """The figures the blocks printed (their text output, transcripts and Markdown output)."""
    found = []
    for outcome in outcomes:
        if not outcome:
            continue
        texts = [outcome.get("stdout") or "", outcome.get("transcript") or "", outcome.get("error") or ""]
        texts += outcome.get("markdown") or []
        for text in texts:
            found += figures_in(text)
    return found


def _rounded(value: Decimal, decimals: int) -> set[Decimal]:
    """What ``value`` rounds to at ``decimals``: both neighbours when it sits exactly halfway,
    since a printed 1.503350 may be a rounding of 1.50334971 (typed 1.5033) or of 1.5033502."""
    step = Decimal(1).scaleb(-decimals)
    try:
        down, up = value.quantize(step, ROUND_FLOOR), value.quantize(step, ROUND_CEILING)
    except InvalidOperation:  # more digits than Decimal's context holds: no figure rounds to it
        return set()
    if value - down == up - value:
        return {down, up}
    return {down if value - down < up - value else up}


def _restates(prose: Figure, printed: Figure) -> bool:
    as_percent = prose.percent and not printed.percent  # "91 %" against a printed 0.9107
    value = printed.value * 100 if as_percent else printed.value
    decimals = printed.decimals + (2 if as_percent else 0)
    if prose.scientific:
        digits = prose.digits - 1
        return printed.digits >= prose.digits and f"{value:.{digits}e}" == f"{prose.value:.{digits}e}"
    if prose.decimals == 0 and not prose.percent:  # a count: only the same count restates it
        return decimals == 0 and value == prose.value
    if decimals >= prose.decimals and prose.value in _rounded(value, prose.decimals):
        return abs(value) > 0 and (decimals > 0 or prose.decimals > 0)
    return False


def restatements(text: str, outcomes: list[dict | None], allowed: set[str] = frozenset()) -> list[Restatement]:
    """Prose figures of ``text`` that restate a figure the page printed, inputs and ``allowed`` aside."""
    printed = [f for f in printed_figures(outcomes) if f.digits >= 2]
    if not printed:
        return []
    inputs = {f.value for f in figures_in("\n".join(_code_lines(text)))}
    found = []
    for line, figure in prose_figures(text):
        shown = figure.text + ("%" if figure.percent else "")  # as the report writes it, and the allow-list
        if figure.digits < 2 or shown in allowed:
            continue
        if figure.value in inputs or (figure.percent and figure.value / 100 in inputs):
            continue
        match = next((p for p in printed if _restates(figure, p)), None)
        if match is not None:
            found.append(Restatement(line, shown, match.text))
    return found


def _code_lines(text: str) -> list[str]:
    """Every fenced line that is code, not output: where a page writes its inputs.

    Stated outputs (``#>`` lines, a ``pycon`` session's expected output) and comments are
    left out: a figure there is a result, not an input.
    """
    lines = text.split("\n")
    sessions = {n for b in find_blocks(text) if b.lang == "pycon" for n in range(b.line + 1, b.end_line)}
    code = []
    for number in sorted(fenced_lines(text)):
        line = lines[number - 1]
        stripped = line.strip()
        if stripped.startswith("#>") or (number in sessions and not stripped.startswith((">>>", "..."))):
            continue
        code.append(line.split("#", 1)[0] if "#" in line else line)
    return code


def load_allowed(path: Path | None, text: str | None = None) -> dict[str, dict[str, str]]:
    """The allow-list: ``{page: {figure: reason}}``; every entry must give its reason.
    ``text`` is the file's, when the caller has read it already."""
    if text is None:
        if path is None or not path.is_file():
            return {}
        text = path.read_text(encoding="utf-8")
    import yaml

    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: the allow-list must map pages to {{figure: reason}}")
    allowed: dict[str, dict[str, str]] = {}
    for page, entries in data.items():
        if not isinstance(entries, dict):
            raise ValueError(f"{path}: {page} must map each figure to the reason it is allowed")
        for figure, reason in entries.items():
            if not isinstance(reason, str) or not reason.strip():
                raise ValueError(f"{path}: {page}: figure {figure!r} needs a reason")
        allowed[str(page)] = {str(k): v for k, v in entries.items()}
    return allowed
