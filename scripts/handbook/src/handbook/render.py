"""Results to HTML: a block's source, its real output, its figures, its error.

:mod:`handbook.plugin` calls :func:`render_block` from the superfences formatter of each
block, with the block's result from the engine (run now or read from the cache), so a page
renders the same either way. A block's code and text output are highlighted by the page's own
superfences preprocessor, with the page's settings, which is what converting them as fences
would do; markdown-exec's ``MarkdownConverter`` converts what only Markdown can render (a
diagram, display math, a quiz's text), in a fresh Markdown instance that leaves the page's alone.
"""

from __future__ import annotations

import html
import uuid

from markdown_exec import MarkdownConverter, code_block

from handbook import runnable
from handbook.execute import Outcome, strip_expectations
from handbook.quiz import render_question

__all__ = ["highlight", "render_block", "render_failure", "render_source"]


def highlight(md, blocks: list[tuple[str, str, str | None]]) -> list[str]:
    """HTML of each code block ``(language, source, title)``, as the fences
    ``code_block(language, source, title=title)`` converted together would give it.

    Converting a fence costs a fresh Markdown instance and a whole pipeline (markdown-exec's
    way); this calls superfences' own highlighter, as that pipeline would, for a quarter of the
    time. The highlight extension numbers code blocks (for line anchors) from 1 in each
    conversion, so the page's count is kept aside and restored.
    """
    fences = md.preprocessors["fenced_code_block"]
    fences.get_hl_settings()
    count = fences.highlight_ext.pygments_code_block
    out = []
    try:
        for index, (language, src, title) in enumerate(blocks):
            fences.highlight_ext.pygments_code_block = index
            options = {"title": title} if title else {}
            out.append(
                fences.highlight(src=src, language=language, options=options, md=md, classes=[], id_value="", attrs={})
            )
    finally:
        fences.highlight_ext.pygments_code_block = count
    return out


def _convert(md, parts: list, stash: dict, prefix: str | None = None) -> str:
    """``parts`` (code blocks as ``(language, source, title)``, stash placeholders, Markdown) as HTML.

    Code and placeholders alone are highlighted directly; anything else goes through one
    Markdown conversion, as all of it did before. Either way MarkdownConverter's id counter
    advances by the one conversion, so the ids of later outputs do not depend on the route.
    """
    if all(isinstance(part, tuple) or part in stash for part in parts):
        MarkdownConverter.counter += 1
        code = iter(highlight(md, [part for part in parts if isinstance(part, tuple)]))
        return "\n".join(next(code) if isinstance(part, tuple) else stash[part] for part in parts)
    text = "\n\n".join(
        code_block(part[0], part[1], **({"title": part[2]} if part[2] else {})) if isinstance(part, tuple) else part
        for part in parts
    )
    return str(MarkdownConverter(md).convert(text, stash=stash, id_prefix=prefix))


def render_source(src: str, language: str, block_options: dict, md) -> str:
    """A block shown, never run (``exec="off"``: a shell session, library source by snippet)."""
    return _convert(md, [(language, src, block_options.get("title"))], {})


def render_failure(message: str, md) -> str:
    """Under ``mkdocs serve`` a failing block is shown where it is, and writing goes on."""
    return MarkdownConverter(md).convert('!!! failure "This block failed"\n\n' + _indent(code_block("text", message)))


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else line for line in text.split("\n"))


def _inline(text: str, md) -> str:
    """Markdown for one line of a quiz, as HTML without the wrapping paragraph."""
    html_out = str(MarkdownConverter(md).convert(text)).strip()
    if html_out.startswith("<p>") and html_out.endswith("</p>") and html_out.count("<p>") == 1:
        html_out = html_out[3:-4]
    return html_out


def render_block(src: str, language: str, block_options: dict, outcome: Outcome, md, line: int) -> str:
    """A block that ran: its source (``#>`` lines dropped), its output, figures and error."""
    title = block_options.get("title")
    if language == "quiz":
        return render_question(outcome.question, f"quiz-{line}", lambda text: _inline(text, md))
    if language == "pycon":
        html_out = _convert(md, [("pycon", outcome.transcript or "", title)], {})
        return f'<div class="handbook-exec">{html_out}</div>'
    # show="output": the code runs but only its output is shown (a gallery card whose code
    # is on the story's own page).
    parts: list = [] if block_options.get("show") == "output" else [("python", strip_expectations(src), title)]
    if outcome.stdout:
        label = "Output · verified at build" if outcome.groups else "Output"
        parts.append(("text", outcome.stdout.rstrip("\n"), label))
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
    prefix = f"exec{MarkdownConverter.counter}-"
    if runnable.is_runnable(block_options):  # the code and its output apart: run.js edits one, rewrites the other
        code_html = _convert(md, parts[:1], stash, prefix)
        output_html = _convert(md, parts[1:], stash, prefix) if parts[1:] else ""
        return f'<div class="handbook-exec">{runnable.wrap(code_html, output_html, line)}</div>'
    html_out = _convert(md, parts, stash, prefix)
    return f'<div class="handbook-exec">{html_out}</div>'
