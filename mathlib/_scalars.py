"""Scalar input checks that need no NumPy, for the modules that run without it.

``mathlib.autograd`` and ``mathlib.datasets.inr`` are pure Python, so that they also run in
the reader's browser (Pyodide, where the handbook ships no NumPy). Their checks live here
and accept NumPy's scalars and 0-d arrays all the same: NumPy is looked up in
``sys.modules`` rather than imported, since where it was never imported no caller can hold
one of its objects. ``mathlib._validation`` re-exports these for the array modules.
"""

from __future__ import annotations

import math
import numbers
import sys
from typing import Any

__all__: list[str] = []  # private module


def _numpy():
    """NumPy if something imported it already, else None (never imports it)."""
    return sys.modules.get("numpy")


def is_numpy_bool(x: Any) -> bool:
    """True for a ``numpy.bool_`` (which is not a ``numbers.Number``)."""
    np = _numpy()
    return np is not None and isinstance(x, np.bool_)


def as_scalar(x: Any, *, func: str, arg: str) -> float:
    """Return ``x`` as a Python float, or raise ``TypeError``/``ValueError``.

    A real number (``int``, ``float``, ``fractions.Fraction``, a NumPy scalar) or a 0-d
    NumPy array; ``bool`` and NaN are refused.
    """
    np = _numpy()
    array_like = np is not None and isinstance(x, (np.ndarray, np.generic))
    if isinstance(x, bool) or not (isinstance(x, numbers.Real) or array_like):
        raise TypeError(f"{func}: {arg} must be a real number; got {type(x).__name__}")
    if array_like:
        arr = np.asarray(x, dtype=float)
        if arr.ndim != 0:
            raise ValueError(f"{func}: {arg} must be a scalar; got shape {arr.shape}")
        x = arr
    value = float(x)
    if math.isnan(value):
        raise ValueError(f"{func}: {arg} is NaN")
    return value


def check_positive(x: float, *, func: str, arg: str) -> None:
    """Raise ``ValueError`` unless ``x > 0``."""
    if not x > 0:
        raise ValueError(f"{func}: {arg} must be > 0; got {x!r}")
