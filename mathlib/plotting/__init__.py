"""Theme-aware, accessible SVG figures for the handbook.

Every chart returns an ``SVGFigure``; a page block that ends with one shows the
picture inline. Text, axes and legend take the page's text colour (``currentColor``),
so one SVG reads in the light and the dark scheme; the data use a fixed palette that
reads on both. The same figure always gives the same bytes.

``import mathlib.plotting`` does not import matplotlib; the functions do.

Examples
--------
>>> from mathlib.plotting import plot_function
>>> fig = plot_function(lambda x: x**2, (-1, 1))
>>> fig.svg.startswith("<svg") and "currentColor" in fig.svg
True
"""

from mathlib.plotting._svg import PALETTE, SVGFigure, figure, to_svg
from mathlib.plotting.charts import plot_bars, plot_decision_boundary, plot_histogram_pdf, plot_loss_curves
from mathlib.plotting.curves import plot_descent_path, plot_function, plot_tangent

__all__ = [
    "PALETTE",
    "SVGFigure",
    "figure",
    "plot_bars",
    "plot_decision_boundary",
    "plot_descent_path",
    "plot_function",
    "plot_histogram_pdf",
    "plot_loss_curves",
    "plot_tangent",
    "to_svg",
]
