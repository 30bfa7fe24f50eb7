r"""The NumPy side of a formula: the 0 log 0 convention and the reductions.

Nothing here imports SymPy; the compiled element function arrives as a plain callable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

__all__: list[str] = []  # private module


def xlogy(x: Any, y: Any) -> np.ndarray:
    """Return ``x * log(y)``, and 0 wherever ``x`` is 0 (so 0 log 0 = 0, as in entropy)."""
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(x == 0, 0.0, x * np.log(y))


def reduce(
    func: str,
    reduction: str | None,
    element: Callable[..., Any],
    arrays: list[np.ndarray],
    shape: tuple[int, ...],
    normalized: Callable[[], np.ndarray] | None = None,
) -> float | np.ndarray:
    """Apply ``element`` to the inputs and reduce the values as ``reduction`` says.

    ``normalized`` gives the values of the parent formula (for ``"grad_normalize"``).
    """
    if reduction in ("normalize", "grad_normalize") and len(shape) != 1:
        raise ValueError(f"{func}: the input must be a vector (1-D); got shape {shape}")
    # Overflow and 0 * inf are judged by the result below, not by warnings on the way.
    with np.errstate(all="ignore"):
        values = np.broadcast_to(np.asarray(element(*arrays), dtype=float), shape)
        if reduction == "sum":
            result = values.sum()
        elif reduction == "mean":
            result = values.mean()
        elif reduction == "grad_mean":
            result = values / values.size
        elif reduction == "normalize":
            # values are log-weights; shifting by the maximum keeps every exponent <= 0.
            weights = np.exp(values - values.max())
            result = weights / weights.sum()
        elif reduction == "grad_normalize":
            s = normalized()
            result = (np.diag(s) - np.outer(s, s)) * values[np.newaxis, :]
        else:
            result = values.copy()
    if np.isnan(result).any():
        raise ValueError(
            f"{func}: the result is NaN; an input lies outside the formula's domain, "
            "or its symbolic form overflows there (mathlib's numeric functions are stable)"
        )
    return float(result) if np.ndim(result) == 0 else result
