"""Tests for mathlib.plotting: theme-aware, accessible, reproducible SVG figures."""

from __future__ import annotations

import dataclasses
import hashlib
import math
import os
import re
import subprocess
import sys
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathlib.plotting import (
    PALETTE,
    SVGFigure,
    figure,
    plot_bars,
    plot_decision_boundary,
    plot_descent_path,
    plot_function,
    plot_histogram_pdf,
    plot_loss_curves,
    plot_tangent,
    to_svg,
)

ROOT = Path(__file__).resolve().parents[1]
SVG_NS = "{http://www.w3.org/2000/svg}"


def bowl(w):
    return w[0] ** 2 + 10 * w[1] ** 2


# One small instance of every chart; each is rendered once per test that uses it.
CHARTS = {
    "function": lambda: plot_function(np.tanh, (-3, 3), points=50),
    "tangent": lambda: plot_tangent(lambda x: x**3 - 2 * x, 1.0, (-2, 2), df=lambda x: 3 * x**2 - 2),
    "descent_1d": lambda: plot_descent_path(lambda w: w**2, [4.0, 2.0, 1.0, 0.5]),
    "descent_2d": lambda: plot_descent_path(bowl, [[4.0, 1.0], [3.2, -0.6], [2.6, 0.4], [2.0, -0.2]]),
    "histogram": lambda: plot_histogram_pdf([0.1, 0.2, 0.2, 0.6, 0.9], lambda x: 1.0 + 0 * x, bins=4),
    "bars": lambda: plot_bars(["cat", "dog", "bird"], {"P": [0.7, 0.2, 0.1], "Q": [0.5, 0.3, 0.2]}),
    "loss": lambda: plot_loss_curves({"SGD": [0.7, 0.5, 0.3], "momentum": [0.7, 0.3, 0.1]}, log_y=True),
    "labels": lambda: plot_decision_boundary(
        lambda P: (P[:, 0] + P[:, 1] > 0).astype(int), [[-1, -1], [1, 1], [-1, 0.5]], [0, 1, 0], resolution=30
    ),
    "scores": lambda: plot_decision_boundary(
        lambda P: 1 / (1 + np.exp(-P[:, 0])), [[-1, 0], [1, 0], [2, 1]], [0, 1, 1], resolution=30
    ),
}


@pytest.fixture(scope="module", params=sorted(CHARTS))
def chart(request) -> SVGFigure:
    return CHARTS[request.param]()


def _root_tag(svg: str) -> str:
    return svg[: svg.index(">") + 1]


def _run(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env, check=True)
    return done.stdout.strip()


# --- the SVG: theme, size, accessibility ---------------------------------------------


def test_every_chart_is_an_svg_that_uses_current_color(chart):
    """Each chart returns an SVGFigure whose markup starts with <svg and uses currentColor."""
    assert isinstance(chart, SVGFigure)
    assert chart.svg.startswith("<svg")
    assert "currentColor" in chart.svg


def test_no_black_and_no_sentinel_is_left(chart):
    """No stroke or fill is black or the drawing sentinel #010101: those became currentColor."""
    styles = " ".join(re.findall(r'style="([^"]*)"', chart.svg)).lower()
    for colour in ("#000000", "black", "#010101"):
        assert colour not in styles


def test_every_colour_is_current_color_or_from_the_palette(chart):
    """Only currentColor and the fixed data palette appear, so the picture reads on both schemes."""
    colours = set(re.findall(r"#[0-9a-fA-F]{6}\b", chart.svg))
    assert colours <= set(PALETTE)


def test_all_text_follows_the_text_colour(chart):
    """Every <text> element (ticks, labels, legend) is filled with currentColor."""
    texts = re.findall(r"<text [^>]*>", chart.svg)
    assert texts
    assert all("fill: currentColor" in text for text in texts)


def test_text_is_text_in_a_generic_font(chart):
    """Text stays text (svg.fonttype none) and names only the generic sans-serif family."""
    assert "<text" in chart.svg
    assert set(re.findall(r"font-family: ([^;\"]*)", chart.svg)) == {"sans-serif"}


def test_svg_is_well_formed_xml(chart):
    """The markup parses as XML with an <svg> root."""
    assert ET.fromstring(chart.svg).tag == f"{SVG_NS}svg"


def test_root_scales_to_the_column(chart):
    """The root keeps its viewBox, has no fixed pt size, and is width 100% with height auto."""
    root = _root_tag(chart.svg)
    assert re.search(r'viewBox="0 0 [\d.]+ [\d.]+"', root)
    assert not re.search(r'(width|height)="[\d.]+pt"', root)
    assert "height=" not in root
    assert 'width="100%"' in root
    assert 'style="max-width:100%;height:auto"' in root


def test_root_is_an_image_with_its_alt_text(chart):
    """The root has role="img", aria-label equal to alt, and a <title> child with alt."""
    root = ET.fromstring(chart.svg)
    assert root.get("role") == "img"
    assert root.get("aria-label") == chart.alt
    assert root[0].tag == f"{SVG_NS}title"
    assert root[0].text == chart.alt


def test_no_page_wide_style_rule(chart):
    """No <style> element: matplotlib's `*{...}` rule would apply to the whole page."""
    assert "<style" not in chart.svg


def test_every_reference_has_its_id_and_ids_are_unique(chart):
    """Every href/url(#id) names an id in the figure, and no id repeats."""
    ids = re.findall(r' id="([^"]*)"', chart.svg)
    refs = set(re.findall(r'(?:href="#|url\(#)([^")]+)', chart.svg))
    assert len(ids) == len(set(ids))
    assert refs == set(ids)


def test_two_different_figures_share_no_id():
    """Ids are prefixed by a digest of the picture, so two inline figures never clash."""
    a = plot_function(np.sin, (0, 1), points=20).svg
    b = plot_function(np.cos, (0, 1), points=20).svg
    assert not set(re.findall(r' id="([^"]*)"', a)) & set(re.findall(r' id="([^"]*)"', b))


def test_alt_is_escaped_in_aria_label_and_title():
    """An alt with markup characters is escaped in both places and reads back unchanged."""
    alt = 'x < 1 & "y" > 2'
    svg = plot_function(np.sin, (0, 1), points=10, alt=alt).svg
    assert 'aria-label="x &lt; 1 &amp; &quot;y&quot; &gt; 2"' in svg
    assert "<title>x &lt; 1 &amp; &quot;y&quot; &gt; 2</title>" in svg
    assert ET.fromstring(svg).get("aria-label") == alt


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40))
def test_any_alt_reads_back_from_the_svg(alt):
    """For any printable alt text, aria-label and <title> parse back to the (stripped) alt."""
    if not alt.strip():
        return
    fig, _ = figure(alt, width=1, height=1)
    root = ET.fromstring(to_svg(fig).svg)
    assert root.get("aria-label") == alt.strip()
    assert root[0].text == alt.strip()


def test_black_drawn_by_the_user_becomes_current_color():
    """Pure black (a reference line, an annotation) follows the text colour too."""
    fig, ax = figure("A black reference line")
    ax.axhline(0.5, color="black")
    ax.annotate("note", (0.5, 0.5), color="k")
    svg = to_svg(fig).svg
    assert "#000000" not in svg
    assert "stroke: currentColor; stroke-width: 1.5" in svg


def test_legend_made_after_figure_is_themed():
    """A legend the user adds later has a currentColor frame and a transparent face."""
    fig, ax = figure("One labelled line")
    ax.plot([0, 1], [0, 1], label="line")
    ax.legend()
    svg = to_svg(fig).svg
    assert re.search(r'<path d="M [^"]*z" style="fill: none; opacity: [\d.]+; stroke: currentColor', svg)
    assert set(re.findall(r"#[0-9a-fA-F]{6}\b", svg)) <= set(PALETTE)


def test_a_bare_matplotlib_figure_is_themed_too():
    """A Figure made without figure() still gets currentColor text and axes, and no black."""
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    ax.plot([0, 1], [1, 0], color=PALETTE[2])
    ax.set_title("plain")
    svg = to_svg(fig, "A plain falling line").svg
    assert "#000000" not in svg
    assert all("fill: currentColor" in text for text in re.findall(r"<text [^>]*>", svg))


def test_words_of_a_label_are_never_rewritten():
    """Only markup is restyled: a title that says '#000000 id="a"' keeps its words."""
    fig, ax = figure("A title about colour codes")
    ax.set_title('#000000 id="a"')
    assert '#000000 id="a"</text>' in to_svg(fig).svg


def test_figure_and_axes_are_transparent():
    """The figure and axes backgrounds are not painted: only fill none, no white patch."""
    svg = plot_function(np.sin, (0, 1), points=10).svg
    assert "#ffffff" not in svg.lower()
    assert 'style="fill: none"' in svg


def test_repr_html_wraps_the_svg_in_a_figure():
    """_repr_html_ is the svg inside <figure class="mathlib-figure">, with no caption."""
    fig = plot_function(np.sin, (0, 1), points=10)
    assert fig._repr_html_() == f'<figure class="mathlib-figure">{fig.svg}</figure>'


def test_caption_is_escaped_in_figcaption():
    """with_caption adds an escaped <figcaption> after the svg and leaves the original alone."""
    fig = plot_function(np.sin, (0, 1), points=10)
    html = fig.with_caption("Figure <1>")._repr_html_()
    assert html.endswith("<figcaption>Figure &lt;1&gt;</figcaption></figure>")
    assert fig.caption is None


def test_str_is_the_svg_and_save_writes_it(tmp_path):
    """str() gives the svg and save() writes exactly those bytes."""
    fig = plot_function(np.sin, (0, 1), points=10)
    assert str(fig) == fig.svg
    path = fig.save(tmp_path / "sin.svg")
    assert path.read_text(encoding="utf-8") == fig.svg


def test_repr_is_short():
    """repr names the alt and the size instead of dumping the markup."""
    fig = plot_function(np.sin, (0, 1), points=10, alt="A sine")
    assert re.fullmatch(r"SVGFigure\(alt='A sine', \d+\.\d KB\)", repr(fig))


def test_svg_figure_is_frozen():
    """An SVGFigure cannot be changed after it is made."""
    fig = plot_function(np.sin, (0, 1), points=10)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fig.alt = "changed"


def test_svg_figure_rejects_bad_fields():
    """SVGFigure checks its svg, alt and caption."""
    with pytest.raises(ValueError, match="SVGFigure: svg must be a str that starts with '<svg'"):
        SVGFigure("<html/>", alt="x")
    with pytest.raises(ValueError, match="SVGFigure: alt must be a non-empty"):
        SVGFigure("<svg/>", alt=" ")
    with pytest.raises(TypeError, match="SVGFigure: caption must be a str or None; got int"):
        SVGFigure("<svg/>", alt="x", caption=1)


# --- figure() and to_svg() -------------------------------------------------------------


def test_to_svg_uses_the_alt_given_to_figure():
    """Without an alt, to_svg takes the one given to figure()."""
    fig, _ = figure("An empty grid")
    assert to_svg(fig).alt == "An empty grid"


def test_figure_rejects_bad_alt():
    """figure() needs a non-empty str alt."""
    with pytest.raises(TypeError, match="figure: alt must be a str describing the figure; got int"):
        figure(3)
    with pytest.raises(ValueError, match="figure: alt must be a non-empty description of the figure"):
        figure("   ")


def test_figure_rejects_bad_size():
    """figure() needs positive numeric width and height."""
    with pytest.raises(ValueError, match=r"figure: width must be > 0; got 0\.0"):
        figure("x", width=0)
    with pytest.raises(TypeError, match="figure: height must be a real number; got str"):
        figure("x", height="3")


def test_to_svg_rejects_a_non_figure():
    """to_svg needs a matplotlib Figure."""
    with pytest.raises(TypeError, match="to_svg: fig must be a matplotlib Figure; got str"):
        to_svg("<svg/>", "x")


def test_to_svg_needs_an_alt_for_a_bare_figure():
    """A Figure not made by figure() has no alt, so to_svg asks for one."""
    from matplotlib.figure import Figure

    with pytest.raises(ValueError, match=r"to_svg: alt is required \(the figure was not made by figure\(alt\)\)"):
        to_svg(Figure())
    with pytest.raises(ValueError, match="to_svg: alt must be a non-empty"):
        to_svg(Figure(), "")


# --- reproducibility and isolation -----------------------------------------------------


def test_same_figure_gives_the_same_bytes():
    """Drawing the same chart twice in one process gives byte-identical SVG."""
    first = CHARTS["descent_2d"]().svg
    assert CHARTS["descent_2d"]().svg == first


def test_same_bytes_in_a_fresh_process():
    """A fresh interpreter draws byte-identical SVG: no process-dependent ids or dates."""
    code = (
        "import hashlib, numpy as np; from mathlib.plotting import plot_function, plot_bars;"
        "a = plot_function(np.tanh, (-3, 3), points=50).svg;"
        "b = plot_bars(['cat', 'dog', 'bird'], {'P': [0.7, 0.2, 0.1], 'Q': [0.5, 0.3, 0.2]}).svg;"
        "print(hashlib.sha256((a + b).encode()).hexdigest())"
    )
    here = CHARTS["function"]().svg + CHARTS["bars"]().svg
    assert _run(code) == hashlib.sha256(here.encode()).hexdigest()


def test_global_rc_settings_do_not_change_the_picture():
    """Styles set elsewhere in the process (rcParams) do not leak into a chart."""
    import matplotlib as mpl

    plain = CHARTS["loss"]().svg
    with mpl.rc_context({"axes.grid": False, "text.color": "red", "lines.linewidth": 7, "font.size": 20}):
        assert CHARTS["loss"]().svg == plain


def test_rendering_leaves_rc_params_alone():
    """Making and saving a chart leaves matplotlib's global rcParams as they were."""
    import matplotlib as mpl

    before = dict(mpl.rcParams)
    CHARTS["labels"]()
    assert dict(mpl.rcParams) == before


def test_import_does_not_load_matplotlib_and_charts_never_load_pyplot():
    """import mathlib.plotting loads no matplotlib; drawing a chart loads no pyplot."""
    code = (
        "import sys, mathlib.plotting as p; print('matplotlib' in sys.modules);"
        "p.plot_function(abs, (-1, 1), points=5); print('matplotlib.pyplot' in sys.modules)"
    )
    assert _run(code).split() == ["False", "False"]


def test_charts_emit_no_warnings():
    """No chart emits a warning, even over a domain edge where f is not finite."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for make in CHARTS.values():
            make()
        plot_function(np.log, (-1, 1), points=11)


# --- the charts --------------------------------------------------------------------------


def test_plot_function_alt_states_the_analytic_range():
    """x^2 on [-1, 1] sampled with 0 on the grid ranges from 0 to 1."""
    fig = plot_function(lambda x: x**2, (-1, 1), points=201)
    assert fig.alt == "Graph of f(x) for x from -1 to 1; its values range from 0 to 1"


def test_plot_function_takes_scalar_only_functions():
    """A function of one float (math.sin) gives the same picture as its vectorised twin."""
    assert plot_function(math.sin, (0, 3), points=30, label="sin(x)").svg == (
        plot_function(np.sin, (0, 3), points=30, label="sin(x)").svg
    )


def test_plot_function_names_a_named_function():
    """A named function appears by name in the y label and the alt."""
    assert plot_function(np.tanh, (0, 1), points=5).alt.startswith("Graph of tanh(x)")


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"f": 3}, TypeError, "plot_function: f must be callable; got int"),
        ({"x_range": (1, 0)}, ValueError, r"plot_function: x_range must have low < high; got \(1.0, 0.0\)"),
        ({"x_range": (0, 1, 2)}, ValueError, r"plot_function: x_range must be a pair \(low, high\); got shape \(3,\)"),
        ({"x_range": (0, np.inf)}, ValueError, "plot_function: x_range must be finite; it contains inf"),
        ({"x_range": "ab"}, TypeError, "plot_function: x_range must be numeric"),
        ({"points": 1}, ValueError, "plot_function: points must be >= 2; got 1"),
        ({"points": 2.5}, TypeError, "plot_function: points must be an integer; got float"),
        ({"label": 1}, TypeError, "plot_function: label must be a str or None; got int"),
        ({"f": lambda x: np.nan * x}, ValueError, "plot_function: f has no finite value on the points drawn"),
        ({"alt": ""}, ValueError, "plot_function: alt must be a non-empty description"),
        ({"alt": 1}, TypeError, "plot_function: alt must be a str describing the figure; got int"),
    ],
)
def test_plot_function_rejects_bad_input(kwargs, error, message):
    """plot_function names itself and the argument in every input error."""
    args = {"f": np.sin, "x_range": (0, 1), **kwargs}
    with pytest.raises(error, match=message):
        plot_function(args.pop("f"), args.pop("x_range"), **args)


def test_plot_tangent_slope_of_x_squared_at_3_is_6():
    """d/dx x^2 at 3 is 6, whether from df or from the central difference."""
    given = plot_tangent(lambda x: x**2, 3.0, (0, 5), df=lambda x: 2 * x)
    numeric = plot_tangent(lambda x: x**2, 3.0, (0, 5))
    assert given.alt == numeric.alt == "Graph of f(x) with its tangent line at x = 3, where f(x) = 9 and the slope is 6"


def test_plot_tangent_draws_the_tangent_through_the_point():
    """The legend states the slope and the contact point is marked in the palette's red."""
    svg = plot_tangent(lambda x: x**2, 1.0, (0, 2), df=lambda x: 2 * x).svg
    assert "tangent at x = 1 (slope 2)" in svg
    assert f"fill: {PALETTE[4]}" in svg


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"f": None}, TypeError, "plot_tangent: f must be callable; got NoneType"),
        ({"x0": "1"}, TypeError, "plot_tangent: x0 must be a real number; got str"),
        ({"x0": 7.0}, ValueError, r"plot_tangent: x0 = 7.0 must lie in x_range \(0.0, 5.0\)"),
        ({"df": 2}, TypeError, "plot_tangent: df must be callable; got int"),
        ({"f": lambda x: math.inf}, ValueError, r"plot_tangent: f\(x0\) must be finite; f\(1.0\) = inf"),
        ({"df": lambda x: math.inf}, ValueError, "plot_tangent: the slope at x0 = 1.0 must be finite; got inf"),
        ({"alt": " "}, ValueError, "plot_tangent: alt must be a non-empty description"),
    ],
)
def test_plot_tangent_rejects_bad_input(kwargs, error, message):
    """plot_tangent names itself and the argument in every input error."""
    args = {"f": lambda x: x**2, "x0": 1.0, "x_range": (0, 5), **kwargs}
    with pytest.raises(error, match=message):
        plot_tangent(args.pop("f"), args.pop("x0"), args.pop("x_range"), **args)


def test_plot_descent_path_1d_alt_follows_the_halving_iterates():
    """On f(w) = w^2 the iterates 4, 2, 1, 0.5 go from f = 16 to f = 0.25."""
    fig = plot_descent_path(lambda w: w**2, [4.0, 2.0, 1.0, 0.5])
    assert fig.alt == "Descent on f(w): 4 iterates from w = 4 (f = 16) to w = 0.5 (f = 0.25)"


def test_plot_descent_path_2d_alt_states_f_at_both_ends():
    """On w0^2 + 10 w1^2, (4, 1) has f = 26 and (2, -0.2) has f = 4.4."""
    fig = CHARTS["descent_2d"]()
    assert fig.alt == "Contours of bowl(w) with a descent path of 4 points from (4, 1) (f = 26) to (2, -0.2) (f = 4.4)"
    assert "<use" in fig.svg  # the path's markers


def test_plot_descent_path_accepts_a_gradient_descent_result():
    """The path of mathlib.calculus.gradient_descent plots as it is."""
    from mathlib.calculus import gradient_descent

    result = gradient_descent(lambda w: np.array([2 * w[0], 20 * w[1]]), [4.0, 1.0], lr=0.05, steps=10)
    assert plot_descent_path(bowl, result.path).alt.startswith("Contours of bowl(w) with a descent path of 11")


def test_plot_descent_path_2d_vectorised_and_pointwise_f_agree():
    """The same f written point-by-point only (np.dot) or array-friendly gives identical SVG."""
    path = [[1.0, 1.0], [0.5, -0.2]]
    A = np.diag([1.0, 10.0])
    pointwise = plot_descent_path(lambda w: float(np.dot(w, A @ w)), path, alt="bowl")
    assert plot_descent_path(bowl, path, alt="bowl").svg == pointwise.svg


def test_plot_descent_path_2d_does_not_trust_a_wrong_vectorised_result():
    """An f that returns the right shape but wrong values on a stack is evaluated point by point."""
    path = [[1.0, 1.0], [0.5, -0.2]]
    # On a (2, m) stack np.sum(w) adds every point, not one point's coordinates.
    tricky = plot_descent_path(lambda w: w[0] ** 2 + np.sum(w), path, alt="f")
    honest = plot_descent_path(lambda w: float(w[0] ** 2 + w[0] + w[1]), path, alt="f")
    assert tricky.svg == honest.svg


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"f": 1}, TypeError, "plot_descent_path: f must be callable; got int"),
        ({"path": np.zeros((3, 3))}, ValueError, r"must be \(k,\) for a 1-D descent or \(k, 2\) for a 2-D one; got"),
        ({"path": np.zeros((2, 2, 2))}, ValueError, r"plot_descent_path: path must be 1-D or 2-D; got shape"),
        ({"path": [1.0, np.inf]}, ValueError, "plot_descent_path: path must be finite; it contains inf"),
        ({"path": []}, ValueError, "plot_descent_path: path must not be empty"),
        ({"x_range": (2, 1)}, ValueError, "plot_descent_path: x_range must have low < high"),
        ({"y_range": (0, 0)}, ValueError, "plot_descent_path: y_range must have low < high"),
    ],
)
def test_plot_descent_path_rejects_bad_input(kwargs, error, message):
    """plot_descent_path names itself and the argument in every input error."""
    args = {"f": lambda w: w**2, "path": [1.0, 0.5], **kwargs}
    with pytest.raises(error, match=message):
        plot_descent_path(args.pop("f"), args.pop("path"), **args)


def test_plot_histogram_pdf_alt_gives_mean_and_spread():
    """Samples 1, 3, 1, 3 have mean 2 and standard deviation 1."""
    fig = plot_histogram_pdf([1.0, 3.0, 1.0, 3.0], lambda x: 0.5 + 0 * x, bins=2)
    assert fig.alt.endswith("mean 2, standard deviation 1")


def test_plot_histogram_pdf_draws_one_bar_per_bin():
    """With bins=4 there are four filled bars in the histogram colour."""
    svg = plot_histogram_pdf([0.1, 0.2, 0.2, 0.6, 0.9], lambda x: 1.0 + 0 * x, bins=4).svg
    assert len(re.findall(rf'<path d="M [^"]*z" clip-path="[^"]*" style="fill: {PALETTE[0]}', svg)) == 4


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"samples": [[1.0, 2.0]]}, ValueError, r"plot_histogram_pdf: samples must be 1-D; got shape \(1, 2\)"),
        ({"samples": []}, ValueError, "plot_histogram_pdf: samples must not be empty"),
        ({"samples": [1.0, -np.inf]}, ValueError, "plot_histogram_pdf: samples must be finite"),
        ({"pdf": "normal"}, TypeError, "plot_histogram_pdf: pdf must be callable; got str"),
        ({"bins": 0}, ValueError, "plot_histogram_pdf: bins must be >= 1; got 0"),
        ({"pdf": lambda x: x - 1.5}, ValueError, r"plot_histogram_pdf: pdf must be >= 0; pdf\(0.9\) = -0.6"),
    ],
)
def test_plot_histogram_pdf_rejects_bad_input(kwargs, error, message):
    """plot_histogram_pdf names itself and the argument in every input error."""
    args = {"samples": [1.0, 2.0], "pdf": lambda x: 0 * x + 1.0, **kwargs}
    with pytest.raises(error, match=message):
        plot_histogram_pdf(args.pop("samples"), args.pop("pdf"), **args)


def test_plot_bars_draws_one_bar_per_category_and_series():
    """Three categories and two series give three bars in each series' colour."""
    svg = CHARTS["bars"]().svg
    for colour in PALETTE[:2]:
        assert len(re.findall(rf'<path d="M [^"]*z" clip-path="[^"]*" style="fill: {colour}', svg)) == 3
    assert ">cat</text>" in svg and ">P</text>" in svg


def test_plot_bars_alt_lists_the_values():
    """The default alt lists every value by series and category."""
    assert CHARTS["bars"]().alt == (
        "Grouped bar chart over cat, dog, bird. P: cat 0.7, dog 0.2, bird 0.1. Q: cat 0.5, dog 0.3, bird 0.2"
    )


@pytest.mark.parametrize(
    ("categories", "series", "error", "message"),
    [
        ("abc", {"P": [1, 2, 3]}, TypeError, "plot_bars: categories must be a list of names; got str"),
        ([], {"P": []}, ValueError, "plot_bars: categories must not be empty"),
        (["a"], [[1]], TypeError, "plot_bars: series must be a dict mapping a name to values; got list"),
        (["a"], {}, ValueError, "plot_bars: series must hold 1 to 5 entries; got 0"),
        (["a"], {str(i): [1] for i in range(6)}, ValueError, "plot_bars: series must hold 1 to 5 entries; got 6"),
        (["a"], {1: [1]}, TypeError, "plot_bars: the names in series must be str; got int"),
        (["a"], {"P": ["x"]}, TypeError, r"plot_bars: series\['P'\] must be numeric"),
        (
            ["a", "b"],
            {"P": [1, 2, 3]},
            ValueError,
            r"plot_bars: series\['P'\] has 3 values and categories has 2; each series needs one value per category",
        ),
    ],
)
def test_plot_bars_rejects_bad_input(categories, series, error, message):
    """plot_bars names itself and the argument in every input error."""
    with pytest.raises(error, match=message):
        plot_bars(categories, series)


def test_plot_loss_curves_alt_describes_each_run():
    """Each run's trend, first and last loss appear in the alt, and the log scale is named."""
    assert CHARTS["loss"]().alt == (
        "Loss curves (log scale): SGD falls from 0.7 to 0.3 in 3 steps; momentum falls from 0.7 to 0.1 in 3 steps"
    )
    assert plot_loss_curves({"a": [1, 2]}).alt == "Loss curves: a rises from 1 to 2 in 2 steps"


def test_plot_loss_curves_log_axis_has_power_of_ten_ticks():
    """With log_y the loss axis is labelled 10^-1 and 10^-2, exponents as small raised text."""
    svg = plot_loss_curves({"a": [1.0, 0.1, 0.01]}, log_y=True).svg
    exponents = re.findall(r"font-size: 7px[^>]*>−</tspan>\n<tspan [^>]*font-size: 7px[^>]*>(\d)</tspan>", svg)
    assert {"1", "2"} <= set(exponents)
    assert "<tspan" not in plot_loss_curves({"a": [1.0, 0.1, 0.01]}).svg


@pytest.mark.parametrize(
    ("histories", "kwargs", "error", "message"),
    [
        ({}, {}, ValueError, "plot_loss_curves: histories must hold 1 to 5 entries; got 0"),
        ([[1, 2]], {}, TypeError, "plot_loss_curves: histories must be a dict mapping a name to values; got list"),
        ({"a": []}, {}, ValueError, r"plot_loss_curves: histories\['a'\] must not be empty"),
        ({"a": [1, np.inf]}, {}, ValueError, r"plot_loss_curves: histories\['a'\] must be finite"),
        ({"a": [1, 0.0]}, {"log_y": True}, ValueError, r"log_y needs every loss > 0; histories\['a'\]\[1\] = 0"),
        ({"a": [1, 0.5]}, {"log_y": 1}, TypeError, "plot_loss_curves: log_y must be a bool; got int"),
    ],
)
def test_plot_loss_curves_rejects_bad_input(histories, kwargs, error, message):
    """plot_loss_curves names itself and the argument in every input error."""
    with pytest.raises(error, match=message):
        plot_loss_curves(histories, **kwargs)


def test_plot_decision_boundary_counts_points_in_their_own_region():
    """The rule x0 > 0 holds every point of a separable set in its own region: 100%; flipped: 0%."""
    X = [[-1, 0], [1, 0], [-2, 1], [2, -1]]
    rule = lambda P: (P[:, 0] > 0).astype(int)  # noqa: E731
    assert plot_decision_boundary(rule, X, [0, 1, 0, 1], resolution=10).alt.endswith(
        "100% of the points lie in the region of their class"
    )
    assert plot_decision_boundary(rule, X, [1, 0, 1, 0], resolution=10).alt.endswith(
        "0% of the points lie in the region of their class"
    )


def test_plot_decision_boundary_colours_points_and_regions_by_class():
    """Each class's points and its region use the same palette colour."""
    svg = CHARTS["labels"]().svg
    for colour in PALETTE[:2]:
        assert f"fill: {colour}; fill-opacity: 0.25" in svg  # the region
        assert re.search(rf'<use [^>]*style="fill: {colour}; stroke: currentColor', svg)  # the points


def test_plot_decision_boundary_scores_draw_the_half_level():
    """Scores in [0, 1] get regions split at 0.5 and a boundary line; the alt gives no share."""
    fig = CHARTS["scores"]()
    assert fig.alt == "Decision regions of a classifier over 3 points in 2 classes (0, 1)"
    assert "fill-opacity: 0.2" in fig.svg


def test_plot_decision_boundary_accepts_a_column_of_predictions():
    """predict may return shape (m, 1) instead of (m,)."""
    column = plot_decision_boundary(lambda P: (P[:, :1] > 0) * 1, [[-1, 0], [1, 0]], [0, 1], resolution=10)
    flat = plot_decision_boundary(lambda P: (P[:, 0] > 0) * 1, [[-1, 0], [1, 0]], [0, 1], resolution=10)
    assert column.svg == flat.svg


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"predict": 0}, TypeError, "plot_decision_boundary: predict must be callable; got int"),
        ({"X": [[0, 0, 0]]}, ValueError, r"plot_decision_boundary: X must be \(n, 2\), one row per point; got shape"),
        ({"y": [0, 1, 1]}, ValueError, r"X is \(2, 2\) and y is \(3,\); y needs one label per row of X"),
        ({"X": [[0, np.inf], [1, 1]]}, ValueError, "plot_decision_boundary: X must be finite"),
        ({"y": [0, np.nan]}, ValueError, "plot_decision_boundary: y contains NaN"),
        ({"resolution": 1}, ValueError, "plot_decision_boundary: resolution must be >= 2; got 1"),
        ({"predict": lambda P: P}, ValueError, r"predict must return one value per row; for \(100, 2\) points"),
        ({"predict": lambda P: P[:, 0] * np.nan}, ValueError, "predict returned a value that is not finite"),
    ],
)
def test_plot_decision_boundary_rejects_bad_input(kwargs, error, message):
    """plot_decision_boundary names itself and the argument in every input error."""
    args = {"predict": lambda P: (P[:, 0] > 0) * 1, "X": [[-1, 0], [1, 0]], "y": [0, 1], "resolution": 10, **kwargs}
    with pytest.raises(error, match=message):
        plot_decision_boundary(args.pop("predict"), args.pop("X"), args.pop("y"), **args)


def test_plot_decision_boundary_rejects_too_many_classes():
    """More classes than palette colours is an error, not a repeated colour."""
    X = [[i, i] for i in range(6)]
    with pytest.raises(ValueError, match="plot_decision_boundary: y must have at most 5 classes; got 6"):
        plot_decision_boundary(lambda P: P[:, 0], X, list(range(6)))


def test_loss_curves_take_axis_titles():
    """x_label and y_label name the axes (e.g. epochs and an error), and the alt text follows."""
    from mathlib.plotting import plot_loss_curves

    fig = plot_loss_curves({"run": [1.0, 0.5]}, x_label="epoch", y_label="error E")
    assert ">epoch<" in fig.svg and ">error E<" in fig.svg
    assert "in 2 epochs" in fig.alt


def test_histogram_takes_an_axis_title():
    """plot_histogram_pdf names its horizontal axis when asked."""
    import numpy as np

    from mathlib.plotting import plot_histogram_pdf
    from mathlib.probability import gaussian_pdf

    samples = np.random.default_rng(0).normal(size=50)
    assert ">minutes<" in plot_histogram_pdf(samples, gaussian_pdf, x_label="minutes").svg


def test_axis_title_must_be_text():
    """A non-string axis title is a TypeError naming the argument."""
    import pytest

    from mathlib.plotting import plot_loss_curves

    with pytest.raises(TypeError, match="plot_loss_curves: x_label must be a str"):
        plot_loss_curves({"run": [1.0, 0.5]}, x_label=3)
