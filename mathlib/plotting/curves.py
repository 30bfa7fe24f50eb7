"""Curves of calculus: a function, its tangent line, and a descent on it.

Each chart validates its input, describes itself in a default ``alt`` text computed from
its arguments, and returns an ``SVGFigure`` made through
``figure`` and ``to_svg``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from mathlib._validation import as_callable_result, as_scalar, check_callable
from mathlib.plotting._inputs import (
    alt_text,
    evaluate,
    evaluate_grid,
    finite,
    name_of,
    padded,
    sample_count,
    value_range,
)
from mathlib.plotting._svg import PALETTE, SVGFigure, _themed, figure, to_svg

__all__ = ["plot_descent_path", "plot_function", "plot_tangent"]


@_themed
def plot_function(
    f: Callable[[Any], Any],
    x_range: Sequence[float],
    *,
    points: int = 200,
    label: str | None = None,
    alt: str | None = None,
) -> SVGFigure:
    r"""Draw the graph of $y = f(x)$ over an interval.

    Parameters
    ----------
    f : callable
        A function of one number; called on an array of all ``x`` at once when it can,
        else point by point. Non-finite values leave gaps.
    x_range : (float, float)
        The interval (low, high), low < high.
    points : int, default 200
        The number of sample points, >= 2.
    label : str, optional
        The name on the y-axis, e.g. ``"σ(x)"``; defaults to ``f``'s name.
    alt : str, optional
        The text alternative; by default it names the function, the interval and the range.

    Returns
    -------
    SVGFigure

    Raises
    ------
    TypeError
        If ``f`` is not callable, ``x_range`` is not numeric or ``label`` is not a str.
    ValueError
        If ``x_range`` is not a finite pair with low < high, ``points`` < 2, or ``f``
        has no finite value on it.

    Examples
    --------
    >>> svg = plot_function(lambda x: x**2, (-1, 1)).svg
    >>> svg.startswith("<svg") and "currentColor" in svg
    True

    With 201 points the grid holds $x = 0$, where $x^2$ is smallest:

    >>> plot_function(lambda x: x**2, (-1, 1), points=201).alt
    'Graph of f(x) for x from -1 to 1; its values range from 0 to 1'
    """
    func = "plot_function"
    check_callable(f, func=func, arg="f")
    lo, hi = value_range(x_range, func=func, arg="x_range")
    x = np.linspace(lo, hi, sample_count(points, func=func, arg="points"))
    if label is not None and not isinstance(label, str):
        raise TypeError(f"{func}: label must be a str or None; got {type(label).__name__}")
    name = label or name_of(f, "f")
    y = evaluate(f, x, func=func, arg="f")
    ok = y[np.isfinite(y)]
    alt = alt_text(
        alt,
        f"Graph of {name} for x from {lo:g} to {hi:g}; its values range from {ok.min():.3g} to {ok.max():.3g}",
        func=func,
    )
    fig, ax = figure(alt)
    ax.plot(x, y)
    ax.set(xlim=(lo, hi), xlabel="x", ylabel=name)
    return to_svg(fig)


@_themed
def plot_tangent(
    f: Callable[[Any], Any],
    x0: float,
    x_range: Sequence[float],
    *,
    df: Callable[[Any], Any] | None = None,
    alt: str | None = None,
) -> SVGFigure:
    r"""Draw $f$ with its tangent line at $x_0$, the point of contact marked.

    Parameters
    ----------
    f : callable
        A function of one number.
    x0 : float
        The point of contact, inside ``x_range``.
    x_range : (float, float)
        The interval to draw, low < high.
    df : callable, optional
        The derivative $f'$; without it the slope is the central difference
        ``derivative``.
    alt : str, optional
        The text alternative; by default it states the point and the slope.

    Returns
    -------
    SVGFigure

    Raises
    ------
    TypeError
        If ``f`` or ``df`` is not callable or ``x0`` is not a real number.
    ValueError
        If ``x0`` lies outside ``x_range``, or $f(x_0)$ or the slope is not finite.

    Notes
    -----
    $$ y = f(x_0) + f'(x_0)\,(x - x_0) $$

    Examples
    --------
    $\frac{d}{dx} x^2 = 2x$, so the slope at $x_0 = 3$ is 6:

    >>> plot_tangent(lambda x: x**2, 3.0, (0, 5)).alt
    'Graph of f(x) with its tangent line at x = 3, where f(x) = 9 and the slope is 6'
    """
    func = "plot_tangent"
    check_callable(f, func=func, arg="f")
    x0 = as_scalar(x0, func=func, arg="x0")
    lo, hi = value_range(x_range, func=func, arg="x_range")
    if not lo <= x0 <= hi:
        raise ValueError(f"{func}: x0 = {x0!r} must lie in x_range ({lo!r}, {hi!r})")
    y0 = as_callable_result(f, x0, func=func, arg="f")
    if not np.isfinite(y0):
        raise ValueError(f"{func}: f(x0) must be finite; f({x0!r}) = {y0!r}")
    if df is None:
        from mathlib.calculus import derivative

        slope = derivative(f, x0)
    else:
        check_callable(df, func=func, arg="df")
        slope = as_callable_result(df, x0, func=func, arg="df")
    if not np.isfinite(slope):
        raise ValueError(f"{func}: the slope at x0 = {x0!r} must be finite; got {slope!r}")
    name = name_of(f, "f")
    x = np.linspace(lo, hi, 200)
    y = evaluate(f, x, func=func, arg="f")
    alt = alt_text(
        alt,
        f"Graph of {name} with its tangent line at x = {x0:g}, where {name} = {y0:.3g} and the slope is {slope:.3g}",
        func=func,
    )
    fig, ax = figure(alt)
    ax.plot(x, y, label=name)
    ax.plot(x, y0 + slope * (x - x0), "--", label=f"tangent at x = {x0:g} (slope {slope:.3g})")
    ax.plot([x0], [y0], "o", color=PALETTE[4], zorder=3)
    ax.set(xlim=(lo, hi), ylim=padded(y[np.isfinite(y)], margin=0.1), xlabel="x", ylabel=name)
    ax.legend()
    return to_svg(fig)


def _fading(color: str) -> Any:
    from matplotlib.colors import ListedColormap, to_rgb

    # Low levels strong, high levels faint: the valley stands out on any background.
    rgba = np.empty((256, 4))
    rgba[:, :3] = to_rgb(color)
    rgba[:, 3] = np.linspace(0.95, 0.25, 256)
    return ListedColormap(rgba)


def _contours(ax: Any, W0: np.ndarray, W1: np.ndarray, Z: np.ndarray) -> None:
    ok = Z[np.isfinite(Z)]
    # Levels at quantiles follow steep valleys (e.g. Rosenbrock) that even steps would miss.
    levels = np.unique(np.quantile(ok, np.linspace(0, 1, 16)))[1:-1] if ok.size else ok
    if levels.size:  # else f is constant: nothing to contour
        # Lines, not filled bands: bands cost four times the bytes for little more to see.
        ax.contour(W0, W1, np.ma.masked_invalid(Z), levels=levels, cmap=_fading(PALETTE[0]), linewidths=0.8)


@_themed
def plot_descent_path(
    f: Callable[[Any], Any],
    path: Any,
    *,
    x_range: Sequence[float] | None = None,
    y_range: Sequence[float] | None = None,
    alt: str | None = None,
) -> SVGFigure:
    r"""Draw the iterates of a descent on the function they minimise.

    Parameters
    ----------
    f : callable
        The function minimised: of one number for a 1-D path; of a point ``w`` of
        shape (2,) for a 2-D path (also called on a (2, n) stack of points at once,
        when that gives the same values).
    path : array_like, shape (k,) or (k, 2)
        The iterates $w_0, \dots, w_{k-1}$, e.g. ``gradient_descent(...).path``.
    x_range, y_range : (float, float), optional
        The window; by default the path's extent with a margin. For a 1-D path
        ``y_range`` sets the y-limits.
    alt : str, optional
        The text alternative; by default it gives the start, the end and $f$ at both.

    Returns
    -------
    SVGFigure
        A 1-D path: the curve of $f$ with the iterates on it. A 2-D path: the
        contour lines of $f$ with the path as connected markers.

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``path`` is not numeric.
    ValueError
        If ``path`` is empty, not finite, or not (k,) or (k, 2), or a range is bad.

    Notes
    -----
    For gradient descent the points follow $w_{k+1} = w_k - \alpha \nabla f(w_k)$.

    Examples
    --------
    On $f(w) = w^2$ with $\alpha = 0.25$, each step halves $w$:

    >>> plot_descent_path(lambda w: w**2, [4.0, 2.0, 1.0, 0.5]).alt
    'Descent on f(w): 4 iterates from w = 4 (f = 16) to w = 0.5 (f = 0.25)'
    """
    func = "plot_descent_path"
    check_callable(f, func=func, arg="f")
    path = finite(path, func=func, arg="path", ndim=(1, 2))
    if path.ndim == 2 and path.shape[1] != 2:
        raise ValueError(f"{func}: path must be (k,) for a 1-D descent or (k, 2) for a 2-D one; got shape {path.shape}")
    cols = [path] if path.ndim == 1 else [path[:, 0], path[:, 1]]
    xlim = padded(cols[0]) if x_range is None else value_range(x_range, func=func, arg="x_range")
    ylim = None if y_range is None else value_range(y_range, func=func, arg="y_range")
    name = name_of(f, "f", "w")
    k = len(path)
    if path.ndim == 1:
        f_path = evaluate(f, path, func=func, arg="f")
        start, end = f"w = {path[0]:.3g}", f"w = {path[-1]:.3g}"
        alt = alt_text(
            alt,
            f"Descent on {name}: {k} iterates from {start} (f = {f_path[0]:.3g}) to {end} (f = {f_path[-1]:.3g})",
            func=func,
        )
        fig, ax = figure(alt)
        x = np.linspace(*xlim, 200)
        ax.plot(x, evaluate(f, x, func=func, arg="f"), label=name)
        xs, ys, labels = path, f_path, ("w", name)
    else:
        ylim = padded(cols[1]) if ylim is None else ylim
        W0, W1 = np.meshgrid(np.linspace(*xlim, 80), np.linspace(*ylim, 80))
        Z = evaluate_grid(f, W0, W1, func=func, arg="f")
        f_ends = evaluate_grid(f, path[[0, -1], 0], path[[0, -1], 1], func=func, arg="f")
        start, end = (f"({p[0]:.3g}, {p[1]:.3g})" for p in (path[0], path[-1]))
        alt = alt_text(
            alt,
            f"Contours of {name} with a descent path of {k} points from {start} "
            f"(f = {f_ends[0]:.3g}) to {end} (f = {f_ends[1]:.3g})",
            func=func,
        )
        fig, ax = figure(alt)
        _contours(ax, W0, W1, Z)
        xs, ys, labels = cols[0], cols[1], ("w[0]", "w[1]")
    ax.plot(xs, ys, "o-", color=PALETTE[1], markersize=4, linewidth=1.2, label=f"iterates (k = {k})")
    ax.plot(xs[:1], ys[:1], "s", color=PALETTE[2], markersize=7, label="start")
    ax.plot(xs[-1:], ys[-1:], "*", color=PALETTE[4], markersize=11, label="end")
    ax.set(xlim=xlim, xlabel=labels[0], ylabel=labels[1])
    if ylim is not None:
        ax.set_ylim(ylim)
    ax.legend()
    return to_svg(fig)
