"""Tests for handbook.render: a block's code and output as HTML."""

from pathlib import Path

import markdown
import pytest
from markdown_exec import MarkdownConverter, code_block
from mkdocs.config import load_config

from handbook import render

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def md():
    """A Markdown instance configured as the site's pages are (mkdocs.yml's extensions)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    page_md = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    page_md.convert("```python\nx = 1\n```\n")  # as after a page's first fence
    return page_md


CASES = [
    ("python", "import numpy as np\nx = np.arange(3)  # a comment\nprint(x @ x)", None),
    ("text", '[0 1 2]\n5 < 6 & "quoted"', "Output · verified at build"),
    ("pycon", ">>> 1 + 1\n2", None),
]


@pytest.mark.parametrize(("language", "src", "title"), CASES, ids=[case[0] for case in CASES])
def test_highlight_gives_what_converting_the_fence_gives(md, language, src, title):
    """The direct highlighter's HTML is byte for byte the HTML of the fence converted by markdown-exec."""
    fence = code_block(language, src, **({"title": title} if title else {}))
    assert render.highlight(md, [(language, src, title)]) == [str(MarkdownConverter(md).convert(fence)).strip()]


def test_highlight_leaves_the_pages_code_block_count_alone(md):
    """Highlighting a block's outputs does not change the page's own numbering of its code blocks."""
    fences = md.preprocessors["fenced_code_block"]
    before = fences.highlight_ext.pygments_code_block
    render.highlight(md, [("python", "x = 1", None), ("text", "1", "Output")])
    assert fences.highlight_ext.pygments_code_block == before


@pytest.fixture(scope="module")
def site_config():
    return load_config(str(ROOT / "mkdocs.yml"))


def test_a_worker_highlights_as_the_page_does(md, site_config):
    """The Markdown a worker makes from the site's settings gives the page's HTML for every case."""
    settings = render.highlight_settings(site_config.markdown_extensions, site_config.mdx_configs)
    worker_md = render.highlighter(settings)
    assert render.highlight(worker_md, CASES) == render.highlight(md, CASES)


def test_highlight_settings_are_json_and_none_when_line_anchors_count_the_pages_blocks(site_config):
    """The settings travel to the workers as JSON; anchored line numbers depend on the page: no settings."""
    import json

    settings = render.highlight_settings(site_config.markdown_extensions, site_config.mdx_configs)
    assert json.loads(json.dumps(settings)) == settings
    numbered = {**site_config.mdx_configs, "pymdownx.highlight": {"anchor_linenums": True}}
    assert render.highlight_settings(site_config.markdown_extensions, numbered) is None
    assert render.highlight_settings(["pymdownx.highlight"], {}) is None


def test_a_block_rendered_from_its_workers_html_is_the_block_rendered_here(md, site_config):
    """render_block with the worker's HTML (prehighlight) gives byte for byte what highlighting it here gives."""
    from handbook.execute import Outcome

    worker_md = render.highlighter(render.highlight_settings(site_config.markdown_extensions, site_config.mdx_configs))
    src = "x = 2\nprint(x * 3)\n#> 6"
    outcome = Outcome(stdout="6\n", groups=[(3, 3, "6")])
    made = Outcome(
        stdout="6\n", groups=[(3, 3, "6")], highlighted=render.prehighlight(worker_md, src, "python", {}, outcome)
    )
    assert len(made.highlighted) == 2
    MarkdownConverter.counter = 0
    here = render.render_block(src, "python", {}, outcome, md, 1)
    MarkdownConverter.counter = 0
    assert render.render_block(src, "python", {}, made, md, 1) == here


def test_the_workers_html_is_what_the_block_shows(md):
    """The HTML a worker made is the one used (so a stale settings key must keep it out: Outcome.from_dict)."""
    from handbook.execute import Outcome

    fake = [["python", "x = 1", None, "<pre>from the worker</pre>"]]
    html = render.render_block("x = 1", "python", {}, Outcome(highlighted=fake), md, 1)
    assert "<pre>from the worker</pre>" in html


def test_html_highlighted_with_other_settings_is_not_used():
    """Outcome.from_dict keeps the worker's HTML only when its settings key is the build's."""
    from handbook.execute import Outcome

    data = Outcome(stdout="1\n").to_dict(1)
    data["highlighted"] = {"settings": "old", "blocks": [["text", "1", "Output", "<pre>1</pre>"]]}
    assert Outcome.from_dict(data, 1, "new").highlighted == []
    assert Outcome.from_dict(data, 1, None).highlighted == []
    assert Outcome.from_dict(data, 1, "old").highlighted == [["text", "1", "Output", "<pre>1</pre>"]]


QUIZ_TEXTS = [
    "Which is $\\sigma(0)$?",
    "`0.5`, as **exactly** half",
    "- a line that reads as a list",
    "1. and one as a numbered list",
    "Two paragraphs.\n\nThe second one.",
    "",
    "`0.5`, as **exactly** half",  # an option's text again, as the noscript answers repeat it
]


def test_a_quizs_texts_converted_together_are_each_as_converted_alone(md):
    """One conversion for all of a quiz's lines gives each line the HTML its own conversion gives."""
    alone = [render._unwrapped(str(MarkdownConverter(md).convert(text))) for text in QUIZ_TEXTS]
    inline = render._inline_all(QUIZ_TEXTS, md)
    assert [inline(text) for text in QUIZ_TEXTS] == alone


def test_a_quizs_texts_take_one_conversion_and_advance_the_id_counter_as_before(md, monkeypatch):
    """The lines share one Markdown conversion; the id counter moves by one per line, as one conversion each did."""
    conversions = []
    convert = MarkdownConverter.convert

    def counted(self, *args, **kwargs):
        conversions.append(1)
        return convert(self, *args, **kwargs)

    monkeypatch.setattr(MarkdownConverter, "convert", counted)
    before = MarkdownConverter.counter
    inline = render._inline_all(QUIZ_TEXTS, md)
    for text in QUIZ_TEXTS:
        inline(text)
    assert len(conversions) == 1
    assert MarkdownConverter.counter == before + len(QUIZ_TEXTS)
