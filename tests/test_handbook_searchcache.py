"""The search index reads formulas as their TeX and figures as their alt text (handbook.searchcache)."""

from handbook.searchcache import searchable

INLINE = (
    '<span class="arithmatex"><span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>x</mi>'
    '</mrow><annotation encoding="application/x-tex">x_1 = 0.05</annotation></semantics></math></span>'
    '<span class="katex-html" aria-hidden="true"><span class="base"><span class="mord">x</span></span></span>'
    "</span></span>"
)
DISPLAY = (
    '<div class="arithmatex"><span class="katex-display"><span class="katex"><span class="katex-mathml"><math>'
    '<annotation encoding="application/x-tex">\\sigma(z)</annotation></math></span>'
    '<span class="katex-html" aria-hidden="true"><span>σ</span></span></span></span></div>'
)


def test_an_inline_formula_is_indexed_as_its_tex_once():
    """KaTeX's three copies of a formula become its TeX; the text after the formula is kept."""
    assert searchable(f"<p>Inputs {INLINE} and more.</p>") == (
        '<p>Inputs <span class="arithmatex">x_1 = 0.05</span> and more.</p>'
    )


def test_a_display_formula_is_indexed_as_its_tex():
    """A display formula's div holds only its TeX."""
    assert searchable(f"<p>a</p>{DISPLAY}<p>b</p>") == '<p>a</p><div class="arithmatex">\\sigma(z)</div><p>b</p>'


def test_two_formulas_in_a_row_each_keep_their_own_tex():
    """Counting nested spans ends each formula at its own closing tag, not the next one's."""
    out = searchable(INLINE + ", " + INLINE.replace("x_1 = 0.05", "x_2"))
    assert out == '<span class="arithmatex">x_1 = 0.05</span>, <span class="arithmatex">x_2</span>'


def test_an_inline_svg_is_indexed_as_its_alt_text_and_one_without_as_nothing():
    """A plot's hundreds of tags become the words of its aria-label."""
    svg = '<svg role="img" aria-label="loss against step" viewBox="0 0 1 1"><g><path d="M0 0"/></g></svg>'
    assert searchable(f"<figure>{svg}</figure><p>{svg.replace(' aria-label', ' data-x')}</p>") == (
        "<figure>loss against step</figure><p></p>"
    )


def test_html_without_formulas_or_figures_is_unchanged():
    """Prose and code reach the index as they are."""
    html = "<p>The <code>Value</code> class.</p><pre><code>x = Value(2.0)</code></pre>"
    assert searchable(html) == html
