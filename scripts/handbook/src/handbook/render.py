"""Results to HTML: a block's source, its real output, its figures, its error.

:mod:`handbook.plugin` calls :func:`render_block` from the superfences formatter of each
block, with the block's result from the engine (run now or read from the cache), so a page
renders the same either way. A block's code and text output are highlighted by the page's own
superfences preprocessor, with the page's settings, which is what converting them as fences
would do; markdown-exec's ``MarkdownConverter`` converts what only Markdown can render (a
diagram, display math, a quiz's text), in a fresh Markdown instance that leaves the page's alone.
"""

from __future__ import annotations

import hashlib
import html
import json
import uuid

from markdown_exec import MarkdownConverter, code_block

from handbook import runnable
from handbook.execute import Outcome, strip_expectations
from handbook.quiz import render_question

__all__ = [
    "highlight",
    "highlight_job",
    "highlight_settings",
    "highlighter",
    "prehighlight",
    "ready_from",
    "render_block",
    "render_failure",
    "render_source",
]


def highlight(md, blocks: list[tuple[str, str, str | None]], ready: dict | None = None) -> list[str]:
    """HTML of each code block ``(language, source, title)``, as the fences
    ``code_block(language, source, title=title)`` converted together would give it.

    Converting a fence costs a fresh Markdown instance and a whole pipeline (markdown-exec's
    way); this calls superfences' own highlighter, as that pipeline would, for a quarter of the
    time. The highlight extension numbers code blocks (for line anchors) from 1 in each
    conversion, so the page's count is kept aside and restored. ``ready`` maps a block to
    the HTML the worker that ran it made already (:func:`prehighlight`).
    """
    ready = ready or {}
    if all(block in ready for block in blocks):
        return [ready[block] for block in blocks]
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


# What a block's code and output are highlighted with. Line anchors and spans are numbered by
# the block's place in the page, which a worker does not know: with those on, main highlights.
_NUMBERED = ("anchor_linenums", "line_spans", "line_anchors", "linenums")


def highlight_settings(markdown_extensions: list, mdx_configs: dict) -> dict | None:
    """The settings :func:`highlighter` needs to highlight as the site's pages do, JSON-ready;
    None when a worker cannot (no superfences, or line numbers that count the page's blocks)."""
    names = [e for e in markdown_extensions if isinstance(e, str)]
    if "pymdownx.superfences" not in names or "pymdownx.highlight" not in names:
        return None
    configs = {name: dict(mdx_configs.get(name, {})) for name in ("pymdownx.highlight", "pymdownx.superfences")}
    configs["pymdownx.superfences"].pop("custom_fences", None)  # functions; highlighting does not use them
    if any(configs["pymdownx.highlight"].get(option) for option in _NUMBERED):
        return None
    extensions = [name for name in ("attr_list", "pymdownx.highlight", "pymdownx.superfences") if name in names]
    return {"extensions": extensions, "configs": configs}


def highlight_job(markdown_extensions: list, mdx_configs: dict) -> dict | None:
    """What the workers are sent to highlight what they ran: the settings, and a key of them
    and of the versions of Pygments and pymdown-extensions; the build uses the workers' HTML
    only when made under its own key (:meth:`handbook.execute.Outcome.from_dict`)."""
    from importlib import metadata

    settings = highlight_settings(markdown_extensions, mdx_configs)
    if settings is None:
        return None
    versions = [metadata.version(name) for name in ("pygments", "pymdown-extensions")]
    key = hashlib.sha256(json.dumps([settings, versions], sort_keys=True).encode()).hexdigest()
    return {"settings": settings, "key": key}


def highlighter(settings: dict):
    """A Markdown that highlights as the site's pages do (``settings`` from :func:`highlight_settings`)."""
    import markdown

    return markdown.Markdown(extensions=settings["extensions"], extension_configs=settings["configs"])


def prehighlight(md, src: str, language: str, block_options: dict, outcome: Outcome) -> list[list]:
    """In the worker that ran a block, the HTML of the code blocks :func:`render_block` will
    highlight for it, as ``[language, source, title, html]``: Pygments' share of rendering a
    page then runs in parallel, beside the other pages, instead of in MkDocs' one process."""
    blocks = [part for part in _parts(src, language, block_options, outcome)[0] if isinstance(part, tuple)]
    return [[*block, html_out] for block, html_out in zip(blocks, highlight(md, blocks), strict=True)]


def ready_from(outcome: Outcome) -> dict:
    """:func:`prehighlight`'s list as :func:`highlight`'s ``ready``."""
    return {(language, src, title): html_out for language, src, title, html_out in outcome.highlighted}


def _convert(md, parts: list, stash: dict, prefix: str | None = None, ready: dict | None = None) -> str:
    """``parts`` (code blocks as ``(language, source, title)``, stash placeholders, Markdown) as HTML.

    Code and placeholders alone are highlighted directly; anything else goes through one
    Markdown conversion, as all of it did before. Either way MarkdownConverter's id counter
    advances by the one conversion, so the ids of later outputs do not depend on the route.
    """
    if all(isinstance(part, tuple) or part in stash for part in parts):
        MarkdownConverter.counter += 1
        code = iter(highlight(md, [part for part in parts if isinstance(part, tuple)], ready))
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


def _unwrapped(html_out: str) -> str:
    html_out = html_out.strip()
    if html_out.startswith("<p>") and html_out.endswith("</p>") and html_out.count("<p>") == 1:
        html_out = html_out[3:-4]
    return html_out


# Between a quiz's texts in their one conversion: a raw HTML block, which ends any paragraph or list.
_SPLIT = f'<div class="handbook-split-{uuid.uuid5(uuid.NAMESPACE_URL, "handbook.render")}"></div>'


def _inline_all(texts: list[str], md):
    """``inline(text)``: Markdown for a line of a quiz, as HTML without the wrapping paragraph.

    Each conversion makes a Markdown of its own, which costs more than a quiz's lines, so
    ``texts`` are converted together, apart as paragraphs between split marks; ``inline``
    advances MarkdownConverter's id counter as a conversion of its own text would have.
    """
    distinct = list(dict.fromkeys(texts))
    counter = MarkdownConverter.counter
    pieces = str(MarkdownConverter(md).convert(f"\n\n{_SPLIT}\n\n".join(distinct))).split(_SPLIT)
    MarkdownConverter.counter = counter
    if len(pieces) != len(distinct):  # a text that holds the mark itself: each on its own
        pieces = [str(MarkdownConverter(md).convert(text)) for text in distinct]
        MarkdownConverter.counter = counter
    done = {text: _unwrapped(piece) for text, piece in zip(distinct, pieces, strict=True)}

    def inline(text: str) -> str:
        if text not in done:
            return _unwrapped(str(MarkdownConverter(md).convert(text)))
        MarkdownConverter.counter += 1
        return done[text]

    return inline


def _parts(src: str, language: str, block_options: dict, outcome: Outcome) -> tuple[list, dict]:
    """What a python or pycon block that ran shows, in order: code blocks as ``(language,
    source, title)``, Markdown, and placeholders for the HTML in the returned stash."""
    title = block_options.get("title")
    if language == "pycon":
        return [("pycon", outcome.transcript or "", title)], {}
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
    return parts, stash


def render_block(src: str, language: str, block_options: dict, outcome: Outcome, md, line: int) -> str:
    """A block that ran: its source (``#>`` lines dropped), its output, figures and error."""
    if language == "quiz":
        question = outcome.question
        texts = [question.prompt, *(o.text for o in question.options), *(o.why for o in question.options)]
        return render_question(question, f"quiz-{line}", _inline_all(texts, md))
    ready = ready_from(outcome)
    parts, stash = _parts(src, language, block_options, outcome)
    if language == "pycon":
        return f'<div class="handbook-exec">{_convert(md, parts, stash, ready=ready)}</div>'
    prefix = f"exec{MarkdownConverter.counter}-"
    if runnable.is_runnable(block_options):  # the code and its output apart: run.js edits one, rewrites the other
        code_html = _convert(md, parts[:1], stash, prefix, ready)
        output_html = _convert(md, parts[1:], stash, prefix, ready) if parts[1:] else ""
        return f'<div class="handbook-exec">{runnable.wrap(code_html, output_html, line)}</div>'
    html_out = _convert(md, parts, stash, prefix, ready)
    return f'<div class="handbook-exec">{html_out}</div>'
