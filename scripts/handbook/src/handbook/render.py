"""Results to HTML: a block's source, its real output, its figures, its error.

:mod:`handbook.plugin` calls :func:`render_block` from the superfences formatter of each
block, with the block's result from the engine (run now or read from the cache), so a page
renders the same either way. markdown-exec does the Markdown plumbing
(``MarkdownConverter``, ``code_block``).
"""

from __future__ import annotations

import html
import uuid

from markdown_exec import MarkdownConverter, code_block

from handbook import runnable
from handbook.execute import Outcome, strip_expectations
from handbook.quiz import render_question

__all__ = ["render_block", "render_failure", "render_source"]


def render_source(src: str, language: str, block_options: dict, converter: MarkdownConverter) -> str:
    """A block shown, never run (``exec="off"``: a shell session, library source by snippet)."""
    title = {"title": block_options["title"]} if "title" in block_options else {}
    return converter.convert(code_block(language, src, **title))


def render_failure(message: str, converter: MarkdownConverter) -> str:
    """Under ``mkdocs serve`` a failing block is shown where it is, and writing goes on."""
    return converter.convert('!!! failure "This block failed"\n\n' + _indent(code_block("text", message)))


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else line for line in text.split("\n"))


def _inline(text: str, converter: MarkdownConverter) -> str:
    """Markdown for one line of a quiz, as HTML without the wrapping paragraph."""
    html_out = str(converter.convert(text)).strip()
    if html_out.startswith("<p>") and html_out.endswith("</p>") and html_out.count("<p>") == 1:
        html_out = html_out[3:-4]
    return html_out


def render_block(
    src: str, language: str, block_options: dict, outcome: Outcome, converter: MarkdownConverter, line: int
) -> str:
    """A block that ran: its source (``#>`` lines dropped), its output, figures and error."""
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
    prefix = f"exec{converter.counter}-"
    if runnable.is_runnable(block_options):  # the code and its output apart: run.js edits one, rewrites the other
        code_html = converter.convert(parts[0], id_prefix=prefix)
        output_html = converter.convert("\n\n".join(parts[1:]), stash=stash, id_prefix=prefix) if parts[1:] else ""
        return f'<div class="handbook-exec">{runnable.wrap(code_html, output_html, line)}</div>'
    html_out = converter.convert("\n\n".join(parts), stash=stash, id_prefix=prefix)
    return f'<div class="handbook-exec">{html_out}</div>'
