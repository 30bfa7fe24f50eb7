"""Superfences handlers that execute ``python`` and ``pycon`` blocks while a page builds.

The hook (``scripts/mkdocs_hooks.py``) opens a :class:`PageRun` before each page is
converted and closes it after; blocks written in that page's source (the hook marks them
with their line number) run in the page's own namespace, in order. Fences without a line
mark (code rendered inside a docstring, or the source echo of a block) only highlight.

markdown-exec does the Markdown plumbing (``MarkdownConverter``, ``code_block``);
:mod:`handbook.execute` runs and verifies the code.
"""

from __future__ import annotations

import html
import logging
import uuid
from dataclasses import dataclass, field
from typing import Any

from markdown_exec import MarkdownConverter, code_block
from mkdocs.exceptions import PluginError
from pymdownx.superfences import SuperFencesException

from handbook.execute import BlockFailure, Outcome, run_block, strip_expectations
from handbook.quiz import render_question

__all__ = ["PageRun", "formatter", "validator"]

log = logging.getLogger("mkdocs.plugins.handbook")


@dataclass
class PageRun:
    """The execution state of one page during one build: a fresh namespace, in page order."""

    label: str  # the page as named in messages, e.g. docs/pillars/calculus.md
    strict: bool  # True: a failing block aborts the build; False (serve): it is shown on the page
    namespace: dict[str, Any] = field(default_factory=lambda: {"__name__": "__main__"})
    blocks_run: int = 0


_current: PageRun | None = None


class BlockError(SuperFencesException, PluginError):
    """Aborts the build: superfences lets it through, MkDocs reports it without a Python traceback."""


def open_page(run: PageRun) -> None:
    global _current
    _current = run


def close_page() -> PageRun | None:
    global _current
    run, _current = _current, None
    return run


def validator(language: str, inputs: dict, options: dict, attrs: dict, md: Any) -> bool:
    """Accept a fence for execution when it comes from the current page's own source."""
    line = inputs.pop("line", None)
    if _current is None or line is None:
        return False
    block_options = dict(inputs)
    inputs.clear()
    options["line"] = int(line)
    options["block_options"] = block_options
    return True


def formatter(
    src: str, language: str, css_class: str, options: dict, md: Any, classes=None, id_value="", attrs=None, **kwargs
) -> str:
    """Run the block and return its source, its real output and its figures as HTML."""
    run = _current
    assert run is not None  # the validator only accepts blocks while a page is open
    block_options = options["block_options"]
    converter = MarkdownConverter(md)
    if block_options.get("exec", "on").lower() in {"off", "no", "false", "0"}:
        # Shown, never run (a shell session, library source included by a snippet).
        title = {"title": block_options["title"]} if "title" in block_options else {}
        return converter.convert(code_block(language, src, **title))
    try:
        outcome = run_block(src, language, run.namespace, page=run.label, line=options["line"], options=block_options)
    except BlockFailure as failure:
        if run.strict:
            raise BlockError(str(failure)) from failure
        log.warning("%s", failure)
        # `mkdocs serve` keeps going and shows the failure where the block is.
        return converter.convert('!!! failure "This block failed"\n\n' + _indent(code_block("text", str(failure))))
    finally:
        run.blocks_run += 1
    return _render(src, language, block_options, outcome, converter, options["line"])


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else line for line in text.split("\n"))


def _inline(text: str, converter: MarkdownConverter) -> str:
    """Markdown for one line of a quiz, as HTML without the wrapping paragraph."""
    html_out = str(converter.convert(text)).strip()
    if html_out.startswith("<p>") and html_out.endswith("</p>") and html_out.count("<p>") == 1:
        html_out = html_out[3:-4]
    return html_out


def _render(
    src: str, language: str, block_options: dict, outcome: Outcome, converter: MarkdownConverter, line: int
) -> str:
    title = {"title": block_options["title"]} if "title" in block_options else {}
    if language == "quiz":
        return render_question(outcome.question, f"quiz-{line}", lambda text: _inline(text, converter))
    if language == "pycon":
        html_out = converter.convert(code_block("pycon", outcome.transcript or "", **title))
        return f'<div class="handbook-exec">{html_out}</div>'
    # show="output": the code runs but only its output is shown (a gallery card whose code
    # is on the story's own page).
    parts = [] if block_options.get("show") == "output" else [code_block("python", strip_expectations(src), **title)]
    if outcome.stdout:
        label = "Output · verified at build" if outcome.groups else "Output"
        parts.append(code_block("text", outcome.stdout.rstrip("\n"), title=label))
    stash = {}
    if outcome.error:
        placeholder = f'<div class="{uuid.uuid5(uuid.NAMESPACE_URL, src)}-error"></div>'
        stash[placeholder] = (
            '<div class="handbook-error" role="note"><span class="handbook-error__label">Raises</span>'
            f"<pre><code>{html.escape(outcome.error)}</code></pre></div>"
        )
        parts.append(placeholder)
    parts.extend(outcome.markdown)
    for index, figure in enumerate(outcome.html):
        placeholder = f'<div class="{uuid.uuid5(uuid.NAMESPACE_URL, src)}-{index}"></div>'
        stash[placeholder] = f'<div class="handbook-display">{figure}</div>'
        parts.append(placeholder)
    html_out = converter.convert("\n\n".join(parts), stash=stash, id_prefix=f"exec{converter.counter}-")
    return f'<div class="handbook-exec">{html_out}</div>'
