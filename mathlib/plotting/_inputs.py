"""Input checks and function sampling shared by the charts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from mathlib._validation import as_array, as_callable_result, check_positive_int
from mathlib.plotting._svg import _check_alt

__all__: list[str] = []  # private module


def alt_text(alt: Any, default: str, *, func: str) -> str:
    """The ``alt`` the caller gave (checked), else the chart's computed description."""
    return default if alt is None else _check_alt(alt, func=func)


def sample_count(n: Any, *, func: str, arg: str) -> int:
    """An int >= 2: the fewest points that make a line or a grid."""
    n = check_positive_int(n, func=func, arg=arg)
    if n < 2:
        raise ValueError(f"{func}: {arg} must be >= 2; got {n}")
    return n


def finite(x: Any, *, func: str, arg: str, ndim: int | tuple[int, ...] | None = None) -> np.ndarray:
    """``as_array`` that also rejects inf: a picture cannot place it."""
    arr = as_array(x, func=func, arg=arg, ndim=ndim)
    if not np.isfinite(arr).all():
        raise ValueError(f"{func}: {arg} must be finite; it contains inf")
    return arr


def value_range(r: Any, *, func: str, arg: str) -> tuple[float, float]:
    """A finite pair ``(low, high)`` with ``low < high``."""
    arr = finite(r, func=func, arg=arg, ndim=1)
    if arr.shape != (2,):
        raise ValueError(f"{func}: {arg} must be a pair (low, high); got shape {arr.shape}")
    lo, hi = float(arr[0]), float(arr[1])
    if not lo < hi:
        raise ValueError(f"{func}: {arg} must have low < high; got ({lo!r}, {hi!r})")
    return lo, hi


def padded(values: np.ndarray, margin: float = 0.15) -> tuple[float, float]:
    """The extent of ``values`` widened by ``margin`` of its span (by 1 if it has none)."""
    lo, hi = float(np.min(values)), float(np.max(values))
    pad = margin * (hi - lo) if hi > lo else 1.0
    return lo - pad, hi + pad


def name_of(f: Callable[..., Any], default: str, var: str = "x") -> str:
    """``"sigmoid(x)"`` for a named function, ``"f(x)"`` for a lambda."""
    name = getattr(f, "__name__", "")
    return f"{name if name.isidentifier() else default}({var})"


def evaluate(f: Callable[[Any], Any], x: np.ndarray, *, func: str, arg: str) -> np.ndarray:
    """``f`` at every entry of ``x``: at once if ``f`` takes arrays, else point by point.

    Non-finite values are kept (they leave gaps in a line); no finite value at all is
    an error.
    """
    # A plot over a domain edge (log at 0, 1/x) is normal: gaps, not RuntimeWarnings.
    with np.errstate(all="ignore"):
        try:
            y = np.asarray(f(x), dtype=float)
        except (TypeError, ValueError):  # math.sin, or `if x > 0`, given an array
            y = None
        if y is None or y.shape != x.shape:
            y = np.array([as_callable_result(f, xi, func=func, arg=arg) for xi in x])
    if not np.isfinite(y).any():
        raise ValueError(f"{func}: {arg} has no finite value on the points drawn")
    return y


def evaluate_grid(f: Callable[[np.ndarray], Any], W0: np.ndarray, W1: np.ndarray, *, func: str, arg: str) -> np.ndarray:
    """``f(w)`` for the points ``w = (W0[i], W1[i])``, shaped like ``W0``.

    ``f`` is first called once on the (2, m) stack of all points; that result is used
    only if it has shape (m,) and agrees with point-by-point calls at three points.
    """
    P = np.stack([W0.ravel(), W1.ravel()])
    m = P.shape[1]
    with np.errstate(all="ignore"):
        try:
            Z = np.asarray(f(P), dtype=float)
        except (TypeError, ValueError, IndexError):
            Z = None
        probe = sorted({0, m // 2, m - 1})
        one_by_one = [as_callable_result(f, P[:, i].copy(), func=func, arg=arg) for i in probe]
        if Z is None or Z.shape != (m,) or not np.allclose(Z[probe], one_by_one, equal_nan=True):
            Z = np.array([as_callable_result(f, P[:, i].copy(), func=func, arg=arg) for i in range(m)])
    return Z.reshape(W0.shape)
