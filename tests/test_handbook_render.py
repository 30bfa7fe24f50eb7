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
