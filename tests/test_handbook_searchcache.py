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


def test_a_cross_reference_is_indexed_as_its_text_before_and_after_autorefs_resolves_it():
    """`<autoref>` (as the page is converted) and autorefs' `<a class="autorefs …">` (after on_env)
    give the same text, so the page's entries can be computed before on_env."""
    before = '<p>See <autoref identifier="mathlib.nn.Dense" optional><code>Dense</code></autoref>.</p>'
    after = (
        '<p>See <a class="autorefs autorefs-internal" title="mathlib.nn.Dense" href="../api/nn/#mathlib.nn.Dense">'
        "<code>Dense</code></a>.</p>"
    )
    assert searchable(before) == searchable(after) == "<p>See <code>Dense</code>.</p>"
    other = '<p><a href="https://example.org/">a link</a></p>'
    assert searchable(other) == other


class _Page:
    def __init__(self, content):
        self.url, self.title, self.meta, self.toc, self.content = "p/", "P", {}, [], content


class _Index:
    def __init__(self):
        self.config, self.entries, self.calls = {}, [], 0

    def add_entry_from_context(self, page):
        self.calls += 1
        self.entries.append({"location": page.url, "text": page.content})


def test_entries_computed_before_autorefs_are_used_after_it():
    """The page parsed while its code ran is not parsed again once its references are links."""

    from handbook.searchcache import cache_search_entries

    class Plugin:
        search_index = _Index()

    entries = cache_search_entries(Plugin, None)
    entries(_Page('<p><autoref identifier="x">X</autoref></p>'))
    Plugin.search_index.add_entry_from_context(
        _Page('<p><a class="autorefs autorefs-internal" title="x" href="#x">X</a></p>')
    )
    assert Plugin.search_index.calls == 1
    assert Plugin.search_index.entries == [{"location": "p/", "text": "<p>X</p>"}]


def _sections(html):
    """What Material's search parser makes of ``html``: each section's title and text."""
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(html)
    parser.close()
    return [("".join(s.title), "".join(s.text)) for s in parser.data]


CODE = (
    '<h2 id="code">Code</h2><p>Before <span class="x">it</span>:</p><div class="highlight"><pre><span></span><code>'
    '<span class="n">y_hat</span><span class="w"> </span><span class="o">=</span><span class="w">  </span>'
    '<span class="n">X</span><span class="w">\n</span><span class="w">    </span><span class="mi">1</span>'
    '<span class="o">&lt;</span><span class="mi">2</span>\n</code></pre></div><p>After.</p>'
)


def test_highlighting_spans_in_code_are_dropped_and_the_index_reads_the_same_text():
    """Inside <pre> the parser keeps all text, whitespace too: without the spans its sections are identical."""
    out = searchable(CODE)
    assert '<span class="n">' not in out and '<span class="x">it</span>' in out
    assert _sections(out) == _sections(CODE)
