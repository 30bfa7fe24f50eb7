"""The one theming path: a themed Figure in, a theme-aware inline SVG out.

Everything that should follow the page's text colour (text, spines, ticks, grid, legend)
is drawn in a sentinel colour that no data colour uses, and the sentinel (and pure black,
which matplotlib uses for defaults) becomes ``currentColor`` in the SVG text, so one
picture reads on the light and the dark scheme. matplotlib is imported inside the
functions: ``import mathlib.plotting`` does not load it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import html
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from mathlib._validation import as_scalar, check_positive
from mathlib.plotting._markup import INK as _INK
from mathlib.plotting._markup import finish_svg

__all__ = ["PALETTE", "SVGFigure", "figure", "to_svg"]

#: Data colours that read on white and on near-black backgrounds.
PALETTE = ("#3b82f6", "#f97316", "#22c55e", "#a855f7", "#ef4444")
"""The data colours, in order: blue, orange, green, purple, red; each reads on light and dark backgrounds."""

_P = ParamSpec("_P")
_R = TypeVar("_R")

_GRID_ALPHA = 0.15


def _check_alt(alt: Any, *, func: str) -> str:
    if not isinstance(alt, str):
        raise TypeError(f"{func}: alt must be a str describing the figure; got {type(alt).__name__}")
    if not alt.strip():
        raise ValueError(f"{func}: alt must be a non-empty description of the figure; got {alt!r}")
    return alt.strip()


@dataclasses.dataclass(frozen=True, repr=False)
class SVGFigure:
    """A rendered figure: SVG markup plus the text that describes it.

    A page block that ends with an ``SVGFigure`` shows the picture inline, through
    ``_repr_html_``, as in Jupyter.

    Attributes
    ----------
    svg : str
        The ``<svg>`` element, sized to its container and coloured with ``currentColor``.
    alt : str
        The text alternative, also stored in the SVG as ``aria-label`` and ``<title>``.
    caption : str or None
        A visible caption, shown as ``<figcaption>`` when given.

    Examples
    --------
    >>> fig = SVGFigure('<svg xmlns="http://www.w3.org/2000/svg"/>', alt="An empty picture")
    >>> fig._repr_html_()
    '<figure class="mathlib-figure"><svg xmlns="http://www.w3.org/2000/svg"/></figure>'
    >>> print(fig.with_caption("Figure 1 & 2")._repr_html_())
    <figure class="mathlib-figure"><svg xmlns="http://www.w3.org/2000/svg"/><figcaption>Figure 1 &amp;
    2</figcaption></figure>
    """

    svg: str
    alt: str
    caption: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.svg, str) or not self.svg.startswith("<svg"):
            raise ValueError("SVGFigure: svg must be a str that starts with '<svg'")
        object.__setattr__(self, "alt", _check_alt(self.alt, func="SVGFigure"))
        if self.caption is not None and not isinstance(self.caption, str):
            raise TypeError(f"SVGFigure: caption must be a str or None; got {type(self.caption).__name__}")

    def _repr_html_(self) -> str:
        caption = "" if self.caption is None else f"<figcaption>{html.escape(self.caption)}</figcaption>"
        return f'<figure class="mathlib-figure">{self.svg}{caption}</figure>'

    def __str__(self) -> str:
        return self.svg

    def __repr__(self) -> str:
        return f"SVGFigure(alt={self.alt!r}, {len(self.svg.encode()) / 1024:.1f} KB)"

    def with_caption(self, caption: str) -> SVGFigure:
        """Return a copy of this figure with a visible caption."""
        return dataclasses.replace(self, caption=caption)

    def save(self, path: str | Path) -> Path:
        """Write the SVG to ``path`` (UTF-8) and return the path."""
        path = Path(path)
        path.write_text(self.svg, encoding="utf-8")
        return path


def _theme_rc() -> dict[str, Any]:
    import matplotlib as mpl

    rc = {
        key: _INK
        for key, value in mpl.rcParamsDefault.items()
        if key.endswith("color") and isinstance(value, str) and value.lower() in ("black", "k", "#000000")
    }
    rc.update(
        {
            "text.color": _INK,
            "axes.edgecolor": _INK,
            "axes.labelcolor": _INK,
            "axes.titlecolor": _INK,
            "xtick.color": _INK,
            "ytick.color": _INK,
            "xtick.labelcolor": _INK,
            "ytick.labelcolor": _INK,
            "grid.color": _INK,
            "grid.alpha": _GRID_ALPHA,
            "axes.grid": True,
            "axes.axisbelow": True,
            "legend.edgecolor": _INK,
            "legend.facecolor": "none",
            "legend.labelcolor": _INK,
            "legend.framealpha": None,
            "patch.edgecolor": _INK,
            "figure.facecolor": "none",
            "axes.facecolor": "none",
            "savefig.facecolor": "none",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.prop_cycle": mpl.cycler(color=PALETTE),
            "font.family": "sans-serif",
        }
    )
    return rc


@contextlib.contextmanager
def _theme() -> Iterator[None]:
    import matplotlib as mpl
    import matplotlib.style

    # Start from matplotlib's defaults, so styles set elsewhere in the process never leak in.
    with mpl.style.context(["default", _theme_rc()]):
        yield


def _themed(chart: Callable[_P, _R]) -> Callable[_P, _R]:
    """Run a chart under the theme, so what it draws ignores the process's rcParams."""

    @functools.wraps(chart)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with _theme():
            return chart(*args, **kwargs)

    return run


def figure(alt: str, *, width: float = 6.4, height: float = 3.6) -> tuple[Any, Any]:
    """Create a themed matplotlib Figure and Axes for a custom plot.

    Draw on ``ax`` as usual, then pass ``fig`` to ``to_svg``. No pyplot state is
    touched, so figures never leak into each other.

    Parameters
    ----------
    alt : str
        What the figure shows, for readers who cannot see it; ``to_svg`` uses it
        when it is not given another.
    width, height : float, default 6.4 and 3.6
        The size in inches; it sets the aspect ratio and the text size relative to the
        plot (the SVG itself scales to the column).

    Returns
    -------
    fig : matplotlib.figure.Figure
    ax : matplotlib.axes.Axes

    Raises
    ------
    TypeError
        If ``alt`` is not a str or a size is not a number.
    ValueError
        If ``alt`` is blank or a size is not > 0.

    Examples
    --------
    >>> fig, ax = figure("A straight line through the origin with slope 2")
    >>> _ = ax.plot([0, 1], [0, 2])
    >>> to_svg(fig).svg.count("currentColor") > 0
    True
    """
    from matplotlib.figure import Figure

    alt = _check_alt(alt, func="figure")
    size = []
    for name, value in (("width", width), ("height", height)):
        value = as_scalar(value, func="figure", arg=name)
        check_positive(value, func="figure", arg=name)
        size.append(value)
    with _theme():
        fig = Figure(figsize=tuple(size), layout="constrained")
        fig.set_label(alt)
        ax = fig.add_subplot()
        # Ticks are created lazily, after this rc context is gone; tick_params and grid
        # store the colours on the axis, where later ticks find them.
        ax.tick_params(which="both", colors=_INK)
        ax.grid(True, color=_INK, alpha=_GRID_ALPHA, linewidth=0.8)
    return fig, ax


def _theme_late_artists(fig: Any) -> None:
    # Legends and text made after figure() returned took matplotlib's default colours.
    from matplotlib.colors import same_color
    from matplotlib.legend import Legend
    from matplotlib.text import Text

    for legend in fig.findobj(Legend):
        legend.get_frame().set_edgecolor(_INK)
        legend.get_frame().set_facecolor("none")
    for text in fig.findobj(Text):
        if same_color(text.get_color(), "black"):
            text.set_color(_INK)


def to_svg(fig: Any, alt: str | None = None, *, caption: str | None = None) -> SVGFigure:
    """Render a matplotlib Figure as a theme-aware, accessible, reproducible SVG.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        Best made by ``figure``, so that every part is themed.
    alt : str, optional
        What the figure shows; defaults to the ``alt`` given to ``figure``.
    caption : str, optional
        A visible caption.

    Returns
    -------
    SVGFigure

    Raises
    ------
    TypeError
        If ``fig`` is not a matplotlib Figure or ``alt`` is not a str.
    ValueError
        If no non-empty ``alt`` is available.

    Notes
    -----
    The same figure gives byte-identical SVG in any process: ids are hashed with a
    fixed salt, the date is left out and text is kept as text (``svg.fonttype`` none)
    in a generic ``sans-serif``. Text, spines, ticks, grid, legend and anything drawn
    in pure black use ``currentColor``; legends and black text of ``fig`` are
    recoloured in place.

    Examples
    --------
    >>> fig, ax = figure("Nothing yet")
    >>> svg = to_svg(fig, "Empty axes").svg
    >>> svg.startswith("<svg") and 'aria-label="Empty axes"' in svg
    True
    """
    import matplotlib as mpl
    import matplotlib.style
    from matplotlib.figure import Figure

    if not isinstance(fig, Figure):
        raise TypeError(f"to_svg: fig must be a matplotlib Figure; got {type(fig).__name__}")
    if alt is None:
        alt = fig.get_label() or None
        if alt is None:
            raise ValueError("to_svg: alt is required (the figure was not made by figure(alt))")
    alt = _check_alt(alt, func="to_svg")
    _theme_late_artists(fig)
    buffer = io.StringIO()
    save_rc = {"svg.fonttype": "none", "svg.hashsalt": "mathlib", "font.family": "sans-serif"}
    # The theme also covers what matplotlib creates while drawing (e.g. extra ticks).
    with mpl.style.context(["default", _theme_rc(), save_rc]):
        fig.savefig(buffer, format="svg", transparent=True, metadata={"Date": None, "Creator": None})
    return SVGFigure(finish_svg(buffer.getvalue(), alt), alt, caption)
