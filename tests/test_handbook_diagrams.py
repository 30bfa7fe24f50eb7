"""Diagrams are drawn at build time by Graphviz (handbook.diagrams) into labelled inline SVG."""

import pytest

from handbook.diagrams import Graphviz, fence, to_inline_svg


@pytest.fixture(scope="module")
def graphviz(node):
    return Graphviz(node)


def _format(graphviz, src, **options):
    problems = []
    entry = fence(graphviz, problems.append)
    accepted = {}
    assert entry["validator"]("dot", dict(options), accepted, {}, None)
    return entry["format"](src, "dot", "diagram", accepted, None), problems


def test_graphviz_draws_dot_as_svg(graphviz):
    """A two-node digraph comes back as an SVG document with both labels."""
    answer = graphviz.render('digraph { a [label="x = 2"]; a -> b }')
    assert "<svg" in answer["html"] and "x = 2" in answer["html"]


def test_graphviz_reports_a_syntax_error(graphviz):
    """DOT with a dangling edge is Graphviz's syntax error, not an exception."""
    assert "syntax error" in graphviz.render("digraph { a -> }")["error"]


def test_inline_svg_has_no_ids_titles_or_prolog_and_draws_in_the_text_colour(graphviz):
    """Two diagrams on one page repeat no id; black becomes currentColor; the svg is named by alt."""
    svg = to_inline_svg(graphviz.render("digraph { a -> b }")["html"], 'a "to" b')
    assert svg.startswith('<svg role="img" aria-label="a &quot;to&quot; b" ')
    assert " id=" not in svg and "<title>" not in svg and "<!--" not in svg
    assert '"black"' not in svg and 'stroke="currentColor"' in svg


def test_a_dot_fence_becomes_a_figure_with_a_labelled_svg(graphviz):
    """The fence's HTML is a figure.diagram holding the named SVG, and nothing is reported."""
    html, problems = _format(graphviz, "digraph { a -> b }", alt="a to b")
    assert html.startswith('<figure class="diagram"><svg role="img" aria-label="a to b"') and problems == []


def test_a_dot_fence_without_alt_is_reported(graphviz):
    """A diagram with no description fails: readers who cannot see it would get nothing."""
    _, problems = _format(graphviz, "digraph { a -> b }")
    assert problems == [
        'the diagram `digraph { a -> b }` has no alt="…" describing it (a `dot` fence takes alt="what it shows")'
    ]


def test_a_dot_fence_with_an_unknown_option_is_reported(graphviz):
    """A misspelt option (`atl=`) is named, not ignored."""
    _, problems = _format(graphviz, "digraph { a -> b }", atl="a to b")
    assert problems and "unknown option atl=" in problems[0]


def test_our_defaults_yield_to_the_author_s_attributes(graphviz):
    """The injected font comes first, so a graph that sets its own fontname keeps it."""
    svg = graphviz.render("digraph { node [fontname=Courier]; a }")["html"]
    assert 'font-family="Courier' in svg and "Helvetica" not in svg


def test_a_page_diagram_reaches_the_site_as_inline_svg(make_site, tmp_path, build):
    """A page's ```dot fence is an inline SVG in the built HTML; the site ships no diagram script."""
    page = '# Home\n\n```dot alt="a to b"\ndigraph { a -> b }\n```\n'
    site = make_site(tmp_path, {"index.md": page})
    result = build(site)
    assert result.returncode == 0, result.stderr
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert '<figure class="diagram"><svg role="img" aria-label="a to b"' in html
    assert "mermaid" not in html.lower()


def test_a_block_that_returns_a_diagram_shows_it_drawn(make_site, tmp_path, build):
    """mathlib.autograd.draw as a block's last expression is drawn under the block, with its alt text."""
    page = "# Home\n\n```python\nfrom mathlib.autograd import Value, draw\n\ndraw(Value(2.0, label='x') * 3)\n```\n"
    site = make_site(tmp_path, {"index.md": page})
    result = build(site)
    assert result.returncode == 0, result.stderr
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="The computation graph of the output: 3 values and 1 operation."' in html


def test_dot_graphviz_rejects_fails_the_build_naming_the_page(make_site, tmp_path, build):
    """A planted syntax error in a diagram fails the strict build with the page and Graphviz's message."""
    page = '# Home\n\n```dot alt="broken"\ndigraph { a -> }\n```\n'
    site = make_site(tmp_path, {"index.md": page})
    result = build(site)
    assert result.returncode != 0
    assert "docs/index.md: Graphviz cannot draw the diagram `digraph { a -> }`: syntax error" in result.stderr
