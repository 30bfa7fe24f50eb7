"""Formulas are typeset at build time by KaTeX (handbook.katex), in pages and notebooks."""

import pytest

from handbook.katex import Katex, typeset_notebook


@pytest.fixture(scope="module")
def katex(node):
    return Katex(node)


def test_renders_inline_and_display_formulas_with_mathml(katex):
    """KaTeX's HTML for each formula, with the MathML a screen reader reads."""
    inline, display = katex.render([("x^2", False), (r"\frac{a}{b}", True)])
    assert inline["html"].startswith('<span class="katex">') and "<math" in inline["html"]
    assert display["html"].startswith('<span class="katex-display">')


def test_a_formula_katex_cannot_parse_gives_its_error(katex):
    r"""An unbalanced \frac is KaTeX's parse error, not an exception of the build's machinery."""
    (answer,) = katex.render([(r"\frac{1", False)])
    assert answer["error"].startswith("KaTeX parse error")


def test_notebook_markdown_cells_are_typeset_and_other_dollars_left_alone(katex):
    """$…$ and $$…$$ in a notebook's Markdown cells become KaTeX; a price, and code cells, stay text."""
    page = (
        '<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown"><p>$x^2$ costs $5 and $10.</p>'
        "<p>$$\\sum_i a_i$$</p></div>"
        '<div class="jp-RenderedText"><pre>$y$</pre></div>'
    )
    problems = []
    out = typeset_notebook(page, katex, problems.append)
    assert out.count('class="arithmatex"') == 2 and "costs $5 and $10." in out
    assert '<div class="arithmatex"><span class="katex-display">' in out
    assert "<pre>$y$</pre>" in out and problems == []


def test_page_formulas_are_typeset_in_the_built_html(make_site, tmp_path, build):
    """A page's $…$ and $$…$$ reach the site as KaTeX's HTML inside arithmatex's element."""
    site = make_site(tmp_path, {"index.md": "# Home\n\nThe square $x^2$.\n\n$$\n\\frac{a}{b}\n$$\n"})
    result = build(site)
    assert result.returncode == 0, result.stderr
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert '<span class="arithmatex"><span class="katex">' in html
    assert '<div class="arithmatex"><span class="katex-display">' in html
    assert "\\(" not in html and "katex.min.js" not in html


def test_a_formula_katex_rejects_fails_the_build_naming_page_and_formula(make_site, tmp_path, build):
    r"""`$\frac{1$` fails the strict build with the page, the formula and KaTeX's message."""
    site = make_site(tmp_path, {"index.md": "# Home\n\nBroken: $\\frac{1$.\n"})
    result = build(site)
    assert result.returncode != 0
    assert "docs/index.md: KaTeX cannot typeset `\\frac{1`: KaTeX parse error" in result.stderr


def test_a_formula_used_again_is_typeset_once(katex):
    """The second x^2 of a build is KaTeX's first answer, not another trip to Node."""
    first = katex.render([("y^3", False)])
    process, katex.node.process = katex.node.process, None  # a trip to Node now would start a new process
    try:
        assert katex.render([("y^3", False), ("y^3", False)]) == first * 2
        assert katex.node.process is None
    finally:
        katex.node.process = process


def test_formulas_of_nested_conversions_are_typeset_with_the_page(make_site, tmp_path, build):
    """A quiz option's formula (converted in a Markdown of its own) reaches the page typeset,
    and the option's accessible name is its TeX, said once."""
    quiz = (
        "```quiz\nquestion: Which is the square?\ncheck: 2 + 2 == 4\noptions:\n"
        '  - text: "$x^2$"\n    correct: true\n    why: It is.\n'
        '  - text: "$x^3$"\n    why: A cube.\n```\n'
    )
    site = make_site(tmp_path, {"index.md": "# Home\n\n" + quiz})
    result = build(site)
    assert result.returncode == 0, result.stderr
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert '<label for="quiz-3-0"><span class="arithmatex"><span class="katex">' in html
    assert 'aria-label="x^2">' in html and "\\(" not in html


def test_a_nested_conversion_leaves_its_formulas_to_the_page_while_a_page_converts(katex):
    """While the plugin converts a page, a Markdown without the step MkDocs adds to a page's own
    (a docstring's, even with the relpath step mkdocstrings copies into it; an output's) leaves
    arithmatex's markup for the page's own pass; the page's Markdown typesets."""
    import markdown

    from handbook.katex import KatexMath

    math = KatexMath(katex, lambda message: None)
    math.defer_nested = True
    nested = markdown.Markdown(
        extensions=["pymdownx.arithmatex", math], extension_configs={"pymdownx.arithmatex": {"generic": True}}
    )
    assert nested.convert("$x^2$") == '<p><span class="arithmatex">\\(x^2\\)</span></p>'
    nested.treeprocessors.register(markdown.treeprocessors.Treeprocessor(nested), "relpath", 0)  # as mkdocstrings does
    assert nested.reset().convert("$x^2$") == '<p><span class="arithmatex">\\(x^2\\)</span></p>'
    nested.treeprocessors.deregister("relpath")
    page = markdown.Markdown(
        extensions=["pymdownx.arithmatex", math], extension_configs={"pymdownx.arithmatex": {"generic": True}}
    )
    page.treeprocessors.register(markdown.treeprocessors.Treeprocessor(page), "mkdocs_extract_title", 1)
    assert '<span class="arithmatex"><span class="katex">' in page.convert("$x^2$")
    math.defer_nested = False
    assert '<span class="katex">' in nested.reset().convert("$x^2$")
