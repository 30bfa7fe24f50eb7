r"""Inverted dropout: zero each activation with probability p in training, scale the rest by 1/(1 - p).

Examples
--------
>>> from mathlib.nn import dropout
>>> print(dropout([[1.0, 2.0]], 0.5, rng=0, training=False))  # the identity at inference
[[1. 2.]]
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mathlib._validation import as_array, as_rng
from mathlib.nn._common import check_fraction

__all__ = ["dropout", "dropout_mask"]


def _check_shape(shape: Any, func: str) -> tuple[int, ...]:
    dims = (shape,) if isinstance(shape, (int, np.integer)) else shape
    integers = isinstance(dims, tuple) and all(
        isinstance(d, (int, np.integer)) and not isinstance(d, bool) for d in dims
    )
    if not integers:
        raise TypeError(f"{func}: shape must be an int or a tuple of ints; got {shape!r}")
    if any(d < 0 for d in dims):
        raise ValueError(f"{func}: shape must not have negative sizes; got {shape!r}")
    return tuple(int(d) for d in dims)


def dropout_mask(shape: Any, p: float, rng: Any) -> np.ndarray:
    r"""Draw an inverted-dropout mask: 0 with probability ``p``, else $1/(1-p)$.

    Parameters
    ----------
    shape : int or tuple of int
        Shape of the activations the mask multiplies.
    p : float
        Drop probability, in [0, 1).
    rng : numpy.random.Generator or int
        Source of the mask (an int is a seed); the same rng state gives the same mask.

    Returns
    -------
    numpy.ndarray
        The mask, entries in $\{0, 1/(1-p)\}$.

    Raises
    ------
    TypeError
        If ``shape`` is not an int or a tuple of ints, ``p`` not a number, or ``rng``
        neither a Generator nor an int.
    ValueError
        If ``p`` is outside [0, 1) or ``shape`` has a negative size.

    Notes
    -----
    $$ m_{ij} = \frac{\mathbb{1}[u_{ij} \ge p]}{1 - p}, \quad u_{ij} \sim \mathcal{U}[0, 1),
       \qquad \mathbb{E}[m_{ij}] = 1 $$

    Keeping a unit with probability $1 - p$ and scaling it by $1/(1-p)$ leaves every
    activation's expectation unchanged, so inference needs no rescaling ("inverted" dropout).

    Examples
    --------
    >>> sorted(set(dropout_mask((4, 50), 0.5, rng=0).ravel().tolist()))
    [0.0, 2.0]
    >>> print(dropout_mask(3, 0.0, rng=0))
    [1. 1. 1.]
    """
    shape = _check_shape(shape, "dropout_mask")
    p = check_fraction(p, func="dropout_mask", arg="p")
    rng = as_rng(rng, func="dropout_mask")
    return (rng.random(shape) >= p) / (1.0 - p)


def dropout(A: Any, p: float, rng: Any, *, training: bool = True) -> np.ndarray:
    r"""Inverted dropout: $A \odot m$ in training, ``A`` itself at inference.

    Parameters
    ----------
    A : array_like
        Activations.
    p : float
        Drop probability, in [0, 1).
    rng : numpy.random.Generator or int
        Source of the mask; not drawn from when ``training`` is false.
    training : bool, default True
        At inference (false) dropout is the identity.

    Returns
    -------
    numpy.ndarray
        $A \odot m$ with $m$ from ``dropout_mask``, or ``A`` unchanged.

    Raises
    ------
    TypeError, ValueError
        As ``dropout_mask``; also if ``A`` is not numeric, is empty or contains NaN.

    Notes
    -----
    $$ \tilde A = A \odot m \;\text{(training)}, \qquad \tilde A = A \;\text{(inference)},
       \qquad \mathbb{E}[\tilde A] = A $$

    Examples
    --------
    >>> print(dropout([[1.0, 2.0]], 0.5, rng=0, training=False))
    [[1. 2.]]
    >>> out = dropout(np.ones((10, 10)), 0.2, rng=0)
    >>> sorted(set(np.round(out, 12).ravel().tolist()))
    [0.0, 1.25]
    """
    A = as_array(A, func="dropout", arg="A")
    p = check_fraction(p, func="dropout", arg="p")
    rng = as_rng(rng, func="dropout")
    if not training or p == 0.0:
        return A
    return A * dropout_mask(A.shape, p, rng)
