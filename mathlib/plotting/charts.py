"""Charts of data: histograms against a density, grouped bars, loss curves, decision regions.

Each chart validates its input, describes itself in a default ``alt`` text computed from
its arguments, and returns an ``SVGFigure`` made through
``figure`` and ``to_svg``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from mathlib._validation import as_array, check_callable, check_positive_int
from mathlib.plotting._inputs import alt_text, evaluate, finite, name_of, padded, sample_count
from mathlib.plotting._svg import _INK, PALETTE, SVGFigure, _themed, figure, to_svg

__all__ = ["plot_bars", "plot_decision_boundary", "plot_histogram_pdf", "plot_loss_curves"]


@_themed
def plot_histogram_pdf(
    samples: Any,
    pdf: Callable[[Any], Any],
    *,
    bins: int = 30,
    x_label: str = "x",
    alt: str | None = None,
) -> SVGFigure:
    r"""Draw a density histogram of samples with a probability density over it.

    Parameters
    ----------
    samples : array_like, shape (n,)
        The samples.
    pdf : callable
        The density $p(x)$, of one number; it should integrate to 1 to match the bars.
    bins : int, default 30
        The number of bars.
    x_label : str, default "x"
        The horizontal axis title, e.g. ``"delivery time (min)"``.
    alt : str, optional
        The text alternative; by default it gives n, the bins, the mean and the spread.

    Returns
    -------
    SVGFigure

    Raises
    ------
    TypeError
        If ``samples`` is not numeric, ``pdf`` is not callable or ``bins`` is not an int.
    ValueError
        If ``samples`` is empty, not 1-D or not finite, ``bins`` < 1, or ``pdf`` is
        negative somewhere.

    Notes
    -----
    A bar over a bin of width $\Delta$ holding $n_i$ of $n$ samples has height

    $$
    \frac{n_i}{n \, \Delta} \approx p(x)
    $$

    Examples
    --------
    Samples 1, 3, 1, 3 have mean 2 and standard deviation 1:

    >>> plot_histogram_pdf([1.0, 3.0, 1.0, 3.0], lambda x: 0.5 + 0 * x, bins=2).alt
    'Density histogram of 4 samples in 2 bins with the curve of p(x) over it; mean 2, standard deviation 1'
    """
    func = "plot_histogram_pdf"
    samples = finite(samples, func=func, arg="samples", ndim=1)
    check_callable(pdf, func=func, arg="pdf")
    bins = check_positive_int(bins, func=func, arg="bins")
    name = name_of(pdf, "p")
    x = np.linspace(*padded(samples, margin=0.1), 200)
    p = evaluate(pdf, x, func=func, arg="pdf")
    if (p < 0).any():
        where = int(np.argmax(p < 0))
        raise ValueError(f"{func}: pdf must be >= 0; pdf({x[where]:g}) = {p[where]:g}")
    alt = alt_text(
        alt,
        f"Density histogram of {samples.size} samples in {bins} bins with the curve of {name} "
        f"over it; mean {samples.mean():.3g}, standard deviation {samples.std():.3g}",
        func=func,
    )
    fig, ax = figure(alt)
    ax.hist(samples, bins=bins, density=True, color=PALETTE[0], alpha=0.45, label=f"samples (n = {samples.size})")
    ax.plot(x, p, color=PALETTE[1], label=name)
    ax.set(xlabel=_label(x_label, "plot_histogram_pdf", "x_label"), ylabel="density")
    ax.legend()
    return to_svg(fig)


def _named_series(series: Any, *, func: str, arg: str) -> dict[str, np.ndarray]:
    if not isinstance(series, Mapping):
        raise TypeError(f"{func}: {arg} must be a dict mapping a name to values; got {type(series).__name__}")
    if not 1 <= len(series) <= len(PALETTE):
        raise ValueError(f"{func}: {arg} must hold 1 to {len(PALETTE)} entries; got {len(series)}")
    out = {}
    for name, values in series.items():
        if not isinstance(name, str):
            raise TypeError(f"{func}: the names in {arg} must be str; got {type(name).__name__}")
        out[name] = finite(values, func=func, arg=f"{arg}[{name!r}]", ndim=1)
    return out


@_themed
def plot_bars(categories: Sequence[Any], series: Mapping[str, Any], *, alt: str | None = None) -> SVGFigure:
    r"""Draw grouped bars: one group per category, one bar per series.

    Parameters
    ----------
    categories : sequence
        The category names (shown with ``str``).
    series : dict of str to array_like
        Up to five named series, each with one value per category, e.g. two
        distributions side by side.
    alt : str, optional
        The text alternative; by default it lists the values (up to 40 of them).

    Returns
    -------
    SVGFigure

    Raises
    ------
    TypeError
        If ``categories`` is a str or not a sequence, or ``series`` is not a dict with
        str names and numeric values.
    ValueError
        If there are no categories, no series or more than five, or a series does not
        have one finite value per category.

    Examples
    --------
    >>> plot_bars(["cat", "dog"], {"P": [0.7, 0.3], "Q": [0.5, 0.5]}).alt
    'Grouped bar chart over cat, dog. P: cat 0.7, dog 0.3. Q: cat 0.5, dog 0.5'
    """
    func = "plot_bars"
    if isinstance(categories, (str, bytes)) or not isinstance(categories, Sequence | np.ndarray):
        raise TypeError(f"{func}: categories must be a list of names; got {type(categories).__name__}")
    labels = [str(c) for c in categories]
    if not labels:
        raise ValueError(f"{func}: categories must not be empty")
    series = _named_series(series, func=func, arg="series")
    for name, values in series.items():
        if values.size != len(labels):
            raise ValueError(
                f"{func}: series[{name!r}] has {values.size} values and categories has "
                f"{len(labels)}; each series needs one value per category"
            )
    default = f"Grouped bar chart over {', '.join(labels)}"
    if len(labels) * len(series) <= 40:
        for name, values in series.items():
            default += f". {name}: " + ", ".join(f"{c} {v:.3g}" for c, v in zip(labels, values, strict=True))
    fig, ax = figure(alt_text(alt, default, func=func))
    x = np.arange(len(labels))
    width = 0.8 / len(series)
    for i, (name, values) in enumerate(series.items()):
        ax.bar(x + (i - (len(series) - 1) / 2) * width, values, width, color=PALETTE[i], alpha=0.85, label=name)
    ax.set_xticks(x, labels)
    ax.xaxis.grid(False)
    ax.legend()
    return to_svg(fig)


@_themed
def plot_loss_curves(
    histories: Mapping[str, Any],
    *,
    log_y: bool = False,
    x_label: str = "step",
    y_label: str = "loss",
    alt: str | None = None,
) -> SVGFigure:
    r"""Draw training-loss histories, one line per run.

    Parameters
    ----------
    histories : dict of str to array_like
        Up to five named runs; entry ``k`` of a history is the loss after step ``k``.
    log_y : bool, default False
        A logarithmic loss axis, for losses that fall over orders of magnitude.
    x_label, y_label : str, default "step", "loss"
        Axis titles, e.g. ``"epoch"`` or ``"error E"``.
    alt : str, optional
        The text alternative; by default it gives each run's first and last loss.

    Returns
    -------
    SVGFigure

    Raises
    ------
    TypeError
        If ``histories`` is not a dict of str to numeric arrays or ``log_y`` not a bool.
    ValueError
        If it is empty or holds more than five runs, a history is empty, not 1-D or not
        finite, or ``log_y`` is set and a loss is <= 0.

    Examples
    --------
    >>> plot_loss_curves({"SGD": [0.69, 0.4, 0.2]}).alt
    'Loss curves: SGD falls from 0.69 to 0.2 in 3 steps'
    """
    func = "plot_loss_curves"
    runs = _named_series(histories, func=func, arg="histories")
    if not isinstance(log_y, bool):
        raise TypeError(f"{func}: log_y must be a bool; got {type(log_y).__name__}")
    parts = []
    for name, losses in runs.items():
        if log_y and (losses <= 0).any():
            k = int(np.argmax(losses <= 0))
            raise ValueError(f"{func}: log_y needs every loss > 0; histories[{name!r}][{k}] = {losses[k]:g}")
        trend = "falls" if losses[-1] < losses[0] else "rises" if losses[-1] > losses[0] else "stays"
        parts.append(f"{name} {trend} from {losses[0]:.3g} to {losses[-1]:.3g} in {losses.size} {x_label}s")
    scale = " (log scale)" if log_y else ""
    fig, ax = figure(alt_text(alt, f"Loss curves{scale}: " + "; ".join(parts), func=func))
    for i, (name, losses) in enumerate(runs.items()):
        ax.plot(np.arange(losses.size), losses, color=PALETTE[i], marker="o" if losses.size == 1 else None, label=name)
    if log_y:
        ax.set_yscale("log")
    ax.set(xlabel=_label(x_label, func, "x_label"), ylabel=_label(y_label, func, "y_label"))
    ax.legend()
    return to_svg(fig)


def _label(text: Any, func: str, arg: str) -> str:
    if not isinstance(text, str):
        raise TypeError(f"{func}: {arg} must be a str; got {type(text).__name__}")
    return text


@_themed
def plot_decision_boundary(
    predict: Callable[[np.ndarray], Any], X: Any, y: Any, *, resolution: int = 200, alt: str | None = None
) -> SVGFigure:
    r"""Draw a classifier's decision regions with the labelled points over them.

    Parameters
    ----------
    predict : callable
        Takes an (m, 2) array of points and returns m class labels (filled regions per
        class) or m scores (shaded, with the boundary at 0.5 for scores in [0, 1], else 0).
    X : array_like, shape (n, 2)
        The points.
    y : array_like, shape (n,)
        Their class labels; at most five classes.
    resolution : int, default 200
        Grid points per axis, >= 2.
    alt : str, optional
        The text alternative; by default it gives the classes and, for labels, the
        share of points inside their own class's region.

    Returns
    -------
    SVGFigure

    Raises
    ------
    TypeError
        If ``predict`` is not callable or ``X``/``y`` are not numeric.
    ValueError
        If ``X`` is not (n, 2), ``y`` is not (n,), there are more than five classes,
        ``resolution`` < 2, or ``predict`` does not return one finite value per point.

    Examples
    --------
    The rule $x_1 > 0$ puts both points in their own region:

    >>> rule = lambda P: (P[:, 0] > 0) * 1
    >>> print(plot_decision_boundary(rule, [[-1, 0], [1, 0]], [0, 1], resolution=20).alt)
    Decision regions of a classifier over 2 points in 2 classes (0, 1);
    100% of the points lie in the region of their class
    """
    func = "plot_decision_boundary"
    check_callable(predict, func=func, arg="predict")
    X = finite(X, func=func, arg="X", ndim=2)
    if X.shape[1] != 2:
        raise ValueError(f"{func}: X must be (n, 2), one row per point; got shape {X.shape}")
    y = as_array(y, func=func, arg="y", ndim=1)
    if y.shape != (X.shape[0],):
        raise ValueError(f"{func}: X is {X.shape} and y is {y.shape}; y needs one label per row of X")
    classes = np.unique(y)
    if classes.size > len(PALETTE):
        raise ValueError(f"{func}: y must have at most {len(PALETTE)} classes; got {classes.size}")
    n = sample_count(resolution, func=func, arg="resolution")
    G0, G1 = np.meshgrid(np.linspace(*padded(X[:, 0]), n), np.linspace(*padded(X[:, 1]), n))
    Z = _predictions(predict, np.column_stack([G0.ravel(), G1.ravel()]), func=func).reshape(G0.shape)
    names = ", ".join(f"{c:g}" for c in classes)
    default = f"Decision regions of a classifier over {len(y)} points in {classes.size} classes ({names})"
    labels = np.isin(Z, classes).all()
    if labels:
        own = np.mean(_predictions(predict, X, func=func) == y)
        default += f"; {own:.0%} of the points lie in the region of their class"
    fig, ax = figure(alt_text(alt, default, func=func))
    if labels:
        levels = np.concatenate([[classes[0] - 1], (classes[:-1] + classes[1:]) / 2, [classes[-1] + 1]])
        ax.contourf(G0, G1, Z, levels=levels, colors=PALETTE[: classes.size], alpha=0.25)
        boundary = levels[1:-1]
    else:
        # Scores: the two sides of the boundary filled, other levels as thin lines
        # (a filled band per level would cost several times the bytes).
        cut = 0.5 if Z.min() >= 0 and Z.max() <= 1 else 0.0
        boundary = np.array([cut])
        if Z.min() < cut < Z.max():
            ax.contourf(G0, G1, Z, levels=[Z.min(), cut, Z.max()], colors=PALETTE[:2], alpha=0.2)
        if Z.max() > Z.min():
            levels = np.linspace(Z.min(), Z.max(), 11)[1:-1]
            ax.contour(G0, G1, Z, levels=levels[levels != cut], colors=_INK, linewidths=0.5, alpha=0.3)
    boundary = boundary[(boundary > Z.min()) & (boundary < Z.max())]
    if boundary.size:
        ax.contour(G0, G1, Z, levels=boundary, colors=_INK, linewidths=1.0, alpha=0.6)
    for i, c in enumerate(classes):
        ax.scatter(*X[y == c].T, s=25, color=PALETTE[i], edgecolors=_INK, linewidths=0.5, label=f"class {c:g}")
    ax.set(xlabel="X[:, 0]", ylabel="X[:, 1]")
    ax.legend()
    return to_svg(fig)


def _predictions(predict: Callable[[np.ndarray], Any], P: np.ndarray, *, func: str) -> np.ndarray:
    Z = np.asarray(predict(P), dtype=float)
    if Z.shape == (len(P), 1):
        Z = Z[:, 0]
    if Z.shape != (len(P),):
        raise ValueError(
            f"{func}: predict must return one value per row; for {P.shape} points it returned shape {Z.shape}"
        )
    if not np.isfinite(Z).all():
        raise ValueError(f"{func}: predict returned a value that is not finite")
    return Z
