"""Input checks shared by every mathlib module.

Each check raises ``TypeError`` or ``ValueError`` with a message that names the public
function, the argument and, for shapes, both shapes and the rule that was broken, e.g.
``matmul: A is (2, 3) and B is (2, 3); A's columns (3) must equal B's rows (2)``.
User input is never checked with ``assert``.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable
from typing import Any

import numpy as np

from mathlib._scalars import as_scalar, check_positive  # re-exported: the checks that need no NumPy

__all__: list[str] = []  # private module


def as_array(
    x: Any,
    *,
    func: str,
    arg: str,
    ndim: int | tuple[int, ...] | None = None,
    allow_empty: bool = False,
) -> np.ndarray:
    """Convert ``x`` to a float array, or raise a helpful error.

    ``TypeError`` for non-numeric input (strings, objects, None); ``ValueError`` for an
    empty array (unless ``allow_empty``), the wrong number of dimensions, or NaN.
    """
    if isinstance(x, (str, bytes)) or x is None:
        raise TypeError(f"{func}: {arg} must be numeric (a number or an array of numbers); got {type(x).__name__}")
    try:
        arr = np.asarray(x, dtype=float)
    except (TypeError, ValueError) as error:
        raise TypeError(
            f"{func}: {arg} must be numeric (a number or an array of numbers); got {type(x).__name__}"
        ) from error
    if arr.dtype == object:  # pragma: no cover - np.asarray(dtype=float) never returns object
        raise TypeError(f"{func}: {arg} must be numeric; got an object array")
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else ndim
        if arr.ndim not in allowed:
            want = " or ".join(f"{d}-D" for d in allowed)
            raise ValueError(f"{func}: {arg} must be {want}; got shape {arr.shape} ({arr.ndim}-D)")
    if not allow_empty and arr.size == 0:
        raise ValueError(f"{func}: {arg} must not be empty; got shape {arr.shape}")
    if np.isnan(arr).any():
        raise ValueError(f"{func}: {arg} contains NaN")
    return arr


def check_same_shape(a: np.ndarray, b: np.ndarray, *, func: str, names: tuple[str, str]) -> None:
    """Raise ``ValueError`` unless ``a`` and ``b`` have the same shape."""
    if a.shape != b.shape:
        raise ValueError(f"{func}: {names[0]} is {a.shape} and {names[1]} is {b.shape}; they must have the same shape")


def check_callable(f: Any, *, func: str, arg: str) -> None:
    """Raise ``TypeError`` unless ``f`` is callable."""
    if not callable(f):
        raise TypeError(f"{func}: {arg} must be callable; got {type(f).__name__}")


def check_in_unit_interval(p: np.ndarray | float, *, func: str, arg: str, open_interval: bool = False) -> None:
    """Raise ``ValueError`` unless every entry of ``p`` lies in [0, 1] (or (0, 1))."""
    arr = np.asarray(p, dtype=float)
    bad = (arr <= 0) | (arr >= 1) if open_interval else (arr < 0) | (arr > 1)
    if bad.any():
        interval = "(0, 1)" if open_interval else "[0, 1]"
        first = float(arr[bad].flat[0]) if arr.ndim else float(arr)
        raise ValueError(f"{func}: {arg} must lie in {interval}; got {first!r}")


def check_positive_int(n: Any, *, func: str, arg: str) -> int:
    """Return ``n`` as int, or raise ``TypeError``/``ValueError`` unless it is an int >= 1."""
    if isinstance(n, bool) or not isinstance(n, (numbers.Integral, np.integer)):
        raise TypeError(f"{func}: {arg} must be an integer; got {type(n).__name__}")
    if n < 1:
        raise ValueError(f"{func}: {arg} must be >= 1; got {n}")
    return int(n)


def as_callable_result(f: Callable[..., Any], x: Any, *, func: str, arg: str) -> float:
    """Call ``f(x)`` and return the result as a float, naming ``arg`` if it is not scalar."""
    value = np.asarray(f(x), dtype=float)
    if value.ndim != 0:
        raise ValueError(f"{func}: {arg} must return a scalar; it returned shape {value.shape}")
    return float(value)


def check_finite(x: Any, *, func: str, arg: str) -> None:
    """Raise ``ValueError`` unless every entry of ``x`` is finite (no ``inf``, no NaN)."""
    arr = np.asarray(x, dtype=float)
    bad = ~np.isfinite(arr)
    if bad.any():
        first = arr[bad].flat[0] if arr.ndim else float(arr)
        raise ValueError(f"{func}: {arg} must be finite; got {float(first)!r}")


def finite_array(x: Any, *, func: str, arg: str, ndim: int | tuple[int, ...] | None = None) -> np.ndarray:
    """``as_array`` that also rejects ``inf``: the input of a numerical method."""
    arr = as_array(x, func=func, arg=arg, ndim=ndim)
    check_finite(arr, func=func, arg=arg)
    return arr


def finite_scalar(x: Any, *, func: str, arg: str) -> float:
    """``as_scalar`` that also rejects ``inf``."""
    value = as_scalar(x, func=func, arg=arg)
    check_finite(value, func=func, arg=arg)
    return value


def positive_number(x: Any, *, func: str, arg: str) -> float:
    """A finite real number > 0 (a step size, a learning rate, a standard deviation)."""
    value = finite_scalar(x, func=func, arg=arg)
    check_positive(value, func=func, arg=arg)
    return value


def as_input(x: np.ndarray) -> float | np.ndarray:
    """The point handed to a user's function: a float for a 0-d array, so math-module functions work."""
    return float(x) if x.ndim == 0 else x


def as_rng(rng: Any, *, func: str) -> np.random.Generator:
    """Return ``rng`` as a ``numpy.random.Generator``; a non-negative int is a seed.

    A Generator passed in is used as it is (not copied), so every draw advances it. There
    is no default: randomness in mathlib is always seeded by the caller.
    """
    if isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, (numbers.Integral, np.integer)) and not isinstance(rng, (bool, np.bool_)):
        if rng < 0:
            raise ValueError(f"{func}: rng as a seed must be >= 0; got {int(rng)}")
        return np.random.default_rng(int(rng))
    raise TypeError(f"{func}: rng must be a numpy.random.Generator or an int seed; got {type(rng).__name__}")
