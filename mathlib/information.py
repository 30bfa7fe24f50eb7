r"""Information theory: entropy, cross-entropy and KL divergence of discrete distributions.

Each argument ``p`` or ``q`` must be a distribution: 1-D, non-negative, summing to 1
within an absolute tolerance of 1e-6. It is then rescaled to sum to exactly 1, so that
the identity $H(p, q) = H(p) + D_{\mathrm{KL}}(p \,\|\, q)$ holds to rounding.
Results are in nats (natural log) unless ``base`` is given; ``base=2`` gives bits.

Examples
--------
>>> from mathlib.information import entropy
>>> entropy([0.5, 0.5], base=2)
1.0
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mathlib._validation import as_array, as_scalar, check_same_shape

__all__ = ["cross_entropy", "entropy", "kl_divergence"]

_ATOL = 1e-6  # how far from 1 the sum of a distribution may be


def _distribution(p: Any, func: str, arg: str) -> np.ndarray:
    p = as_array(p, func=func, arg=arg, ndim=1)
    if (p < 0).any():
        raise ValueError(f"{func}: {arg} must be non-negative; got {float(p[p < 0][0])!r}")
    total = float(p.sum())
    if not abs(total - 1.0) <= _ATOL:
        raise ValueError(f"{func}: {arg} must sum to 1 (within atol {_ATOL:g}); it sums to {total!r}")
    return p / total


def _pair(p: Any, q: Any, func: str) -> tuple[np.ndarray, np.ndarray]:
    p = _distribution(p, func, "p")
    q = _distribution(q, func, "q")
    check_same_shape(p, q, func=func, names=("p", "q"))
    return p, q


def _log_base(base: Any, func: str) -> float:
    if base is None:
        return 1.0
    value = as_scalar(base, func=func, arg="base")
    if not (np.isfinite(value) and value > 1):
        raise ValueError(f"{func}: base must be finite and > 1; got {value!r}")
    return float(np.log(value))


def _neg_sum_p_log(p: np.ndarray, q: np.ndarray) -> float:
    """Return $-\\sum_i p_i \\log q_i$ with 0 log q = 0 and p log 0 = inf for p > 0."""
    support = p > 0
    if (q[support] == 0).any():
        return float("inf")
    return float(-np.sum(p[support] * np.log(q[support])))


def entropy(p: Any, base: float | None = None) -> float:
    r"""Shannon entropy of a distribution ``p``: its average surprise.

    Parameters
    ----------
    p : array_like
        A distribution: 1-D, non-negative, summing to 1 within 1e-6.
    base : float, optional
        Logarithm base: ``None`` for nats, 2 for bits.

    Returns
    -------
    float
        $H(p) \ge 0$; 0 for a certain outcome, $\log k$ for uniform over k.

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If ``p`` is not a distribution (the message names the sum), or ``base`` is not
        finite and > 1.

    Notes
    -----
    $$ H(p) = -\sum_{i} p_i \log p_i, \qquad 0 \log 0 = 0 $$

    Examples
    --------
    >>> entropy([1.0, 0.0], base=2)
    0.0
    >>> round(entropy([0.9, 0.1], base=2), 3)
    0.469
    """
    scale = _log_base(base, "entropy")
    p = _distribution(p, "entropy", "p")
    return _neg_sum_p_log(p, p) / scale + 0.0


def cross_entropy(p: Any, q: Any, base: float | None = None) -> float:
    r"""Cross-entropy of ``q`` relative to ``p``: the average surprise when ``q`` is believed.

    Parameters
    ----------
    p : array_like
        The true distribution: 1-D, non-negative, summing to 1 within 1e-6.
    q : array_like
        The model distribution, same rules, same shape as ``p``.
    base : float, optional
        Logarithm base: ``None`` for nats, 2 for bits.

    Returns
    -------
    float
        $H(p, q) \ge H(p)$; ``inf`` if ``q`` is 0 where ``p`` is not (no warning).

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If ``p`` or ``q`` is not a distribution, their shapes differ, or ``base`` is not
        finite and > 1.

    Notes
    -----
    $$ H(p, q) = -\sum_{i} p_i \log q_i = H(p) + D_{\mathrm{KL}}(p \,\|\, q) $$

    Terms with $p_i = 0$ contribute 0, whatever $q_i$ is.

    Examples
    --------
    >>> cross_entropy([0.5, 0.5], [0.5, 0.5], base=2)
    1.0
    >>> cross_entropy([0.5, 0.5], [1.0, 0.0])
    inf
    """
    scale = _log_base(base, "cross_entropy")
    p, q = _pair(p, q, "cross_entropy")
    return _neg_sum_p_log(p, q) / scale + 0.0


def kl_divergence(p: Any, q: Any, base: float | None = None) -> float:
    r"""Kullback-Leibler divergence $D_{\mathrm{KL}}(p \,\|\, q)$: the extra cost of believing ``q``.

    Parameters
    ----------
    p : array_like
        The true distribution: 1-D, non-negative, summing to 1 within 1e-6.
    q : array_like
        The model distribution, same rules, same shape as ``p``.
    base : float, optional
        Logarithm base: ``None`` for nats, 2 for bits.

    Returns
    -------
    float
        $D_{\mathrm{KL}} \ge 0$, 0 exactly when ``p == q``; ``inf`` if ``q`` is 0
        where ``p`` is not (no warning). Not symmetric in ``p`` and ``q``.

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If ``p`` or ``q`` is not a distribution, their shapes differ, or ``base`` is not
        finite and > 1.

    Notes
    -----
    $$ D_{\mathrm{KL}}(p \,\|\, q) = \sum_{i} p_i \log\frac{p_i}{q_i} = H(p, q) - H(p) $$

    Examples
    --------
    >>> kl_divergence([0.5, 0.5], [0.5, 0.5])
    0.0
    >>> kl_divergence([1.0, 0.0], [0.5, 0.5], base=2)
    1.0
    """
    scale = _log_base(base, "kl_divergence")
    p, q = _pair(p, q, "kl_divergence")
    support = p > 0
    if (q[support] == 0).any():
        return float("inf")
    # log p - log q, not log(p / q): the ratio overflows when q is subnormal.
    divergence = float(np.sum(p[support] * (np.log(p[support]) - np.log(q[support]))))
    # Gibbs' inequality says D >= 0; rounding can leave a hair below, e.g. -1e-17.
    return max(0.0, divergence) / scale
