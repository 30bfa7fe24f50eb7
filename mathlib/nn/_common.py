"""Helpers shared by the modules of ``mathlib.nn``: the rng rule and the divergence error."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

__all__ = ["DivergenceError"]


class DivergenceError(ValueError):
    """Training produced a non-finite loss, output or gradient (the optimiser diverged).

    A subclass of ``ValueError``, so ``except ValueError`` catches it too. Raised by
    ``Dense.forward``, ``MLP.loss_and_grads`` and ``train``; ``train`` names the
    optimiser's learning rate in the message, as it is the usual culprit.
    """


def check_fraction(p: Any, *, func: str, arg: str) -> float:
    """Return ``p`` as a float in [0, 1), or raise ``TypeError``/``ValueError``."""
    if isinstance(p, bool) or not isinstance(p, (numbers.Real, np.floating, np.integer)):
        raise TypeError(f"{func}: {arg} must be a real number; got {type(p).__name__}")
    value = float(p)
    if not 0.0 <= value < 1.0:
        raise ValueError(f"{func}: {arg} must lie in [0, 1); got {value!r}")
    return value


def check_nonnegative(x: Any, *, func: str, arg: str) -> float:
    """Return ``x`` as a finite float >= 0, or raise ``TypeError``/``ValueError``."""
    if isinstance(x, bool) or not isinstance(x, (numbers.Real, np.floating, np.integer)):
        raise TypeError(f"{func}: {arg} must be a real number; got {type(x).__name__}")
    value = float(x)
    if not (np.isfinite(value) and value >= 0.0):
        raise ValueError(f"{func}: {arg} must be finite and >= 0; got {value!r}")
    return value
