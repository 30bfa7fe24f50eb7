r"""Uncertainty about estimates: normal probabilities and confidence intervals for a rate.

The Gaussian's cumulative distribution answers "what share falls below $t$?", and its
inverse answers "below what value does a given share fall?". A rate estimated from $k$
events in $n$ trials, $\hat p = k / n$, comes with an interval of plausible true rates.

Examples
--------
>>> round(gaussian_cdf(1.96), 4)
0.975
>>> [round(b, 4) for b in wilson_interval(47, 1000)]
[0.0355, 0.0619]
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Any

import numpy as np

from mathlib._validation import as_array, check_positive_int, finite_scalar, positive_number

__all__ = ["gaussian_cdf", "gaussian_quantile", "wald_interval", "wilson_interval"]

_erf = np.vectorize(math.erf, otypes=[float])


def gaussian_cdf(x: Any, mu: float = 0.0, sigma: float = 1.0) -> float | np.ndarray:
    r"""The probability that a normal variable is at most ``x``.

    Parameters
    ----------
    x : float or array_like
        Point(s) at which to evaluate.
    mu : float, default 0.0
        Mean, finite.
    sigma : float, default 1.0
        Standard deviation, finite and > 0.

    Returns
    -------
    float or numpy.ndarray
        $\Phi\bigl((x - \mu)/\sigma\bigr)$, in [0, 1].

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If ``x`` is empty or NaN, or ``sigma`` is not > 0.

    Notes
    -----
    $$ P(X \le x) = \Phi\Bigl(\frac{x - \mu}{\sigma}\Bigr)
       = \frac{1}{2}\Bigl[1 + \operatorname{erf}\Bigl(\frac{x - \mu}{\sigma\sqrt 2}\Bigr)\Bigr] $$

    Examples
    --------
    >>> gaussian_cdf(35.0, mu=35.0, sigma=8.0)
    0.5
    >>> round(gaussian_cdf(1.0) - gaussian_cdf(-1.0), 4)  # the 68 of 68-95-99.7
    0.6827
    """
    x = as_array(x, func="gaussian_cdf", arg="x")
    mu = finite_scalar(mu, func="gaussian_cdf", arg="mu")
    sigma = positive_number(sigma, func="gaussian_cdf", arg="sigma")
    values = 0.5 * (1.0 + _erf((x - mu) / (sigma * math.sqrt(2.0))))
    return float(values) if values.ndim == 0 else values


def gaussian_quantile(q: float, mu: float = 0.0, sigma: float = 1.0) -> float:
    r"""The value below which a share ``q`` of a normal distribution falls.

    Parameters
    ----------
    q : float
        A probability strictly between 0 and 1.
    mu : float, default 0.0
        Mean, finite.
    sigma : float, default 1.0
        Standard deviation, finite and > 0.

    Returns
    -------
    float
        $x$ with $P(X \le x) = q$.

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If ``q`` is not in (0, 1), or ``sigma`` is not > 0.

    Notes
    -----
    $$ x_q = \mu + \sigma\, \Phi^{-1}(q) $$

    Examples
    --------
    >>> round(gaussian_quantile(0.975), 4)
    1.96
    """
    q = finite_scalar(q, func="gaussian_quantile", arg="q")
    if not 0.0 < q < 1.0:
        raise ValueError(f"gaussian_quantile: q must lie in (0, 1); got {q!r}")
    mu = finite_scalar(mu, func="gaussian_quantile", arg="mu")
    sigma = positive_number(sigma, func="gaussian_quantile", arg="sigma")
    return float(NormalDist(mu, sigma).inv_cdf(q))


def _counts(k: Any, n: Any, confidence: Any, func: str) -> tuple[int, int, float]:
    n = check_positive_int(n, func=func, arg="n")
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise TypeError(f"{func}: k must be an integer count; got {type(k).__name__}")
    if not 0 <= k <= n:
        raise ValueError(f"{func}: k must lie in 0..n = 0..{n}; got {k}")
    confidence = finite_scalar(confidence, func=func, arg="confidence")
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"{func}: confidence must lie in (0, 1); got {confidence!r}")
    return int(k), n, confidence


def wald_interval(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    r"""The textbook (Wald) confidence interval for a rate, from ``k`` events in ``n`` trials.

    Parameters
    ----------
    k : int
        Number of events, 0 <= k <= n.
    n : int
        Number of trials, >= 1.
    confidence : float, default 0.95
        The confidence level, in (0, 1).

    Returns
    -------
    tuple of float
        ``(low, high)``; not clipped, so for a rate near 0 or 1 it can leave [0, 1] — one of
        the recipe's known flaws, shown rather than hidden.

    Raises
    ------
    TypeError
        If ``k`` or ``n`` is not an integer.
    ValueError
        If ``k`` is outside 0..n, ``n`` < 1, or ``confidence`` is outside (0, 1).

    Notes
    -----
    The normal approximation around $\hat p = k/n$; it collapses to a point at $k = 0$ and
    covers too rarely for small rates, where the Wilson interval is better.

    $$ \hat p \pm z\,\sqrt{\frac{\hat p\,(1 - \hat p)}{n}}, \qquad z = \Phi^{-1}\Bigl(\frac{1 + c}{2}\Bigr) $$

    Examples
    --------
    >>> [round(b, 4) for b in wald_interval(47, 1000)]
    [0.0339, 0.0601]
    """
    k, n, confidence = _counts(k, n, confidence, "wald_interval")
    z = NormalDist().inv_cdf((1.0 + confidence) / 2.0)
    p_hat = k / n
    half = z * math.sqrt(p_hat * (1.0 - p_hat) / n)
    return p_hat - half, p_hat + half


def wilson_interval(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    r"""The Wilson score confidence interval for a rate, from ``k`` events in ``n`` trials.

    Parameters
    ----------
    k : int
        Number of events, 0 <= k <= n.
    n : int
        Number of trials, >= 1.
    confidence : float, default 0.95
        The confidence level, in (0, 1).

    Returns
    -------
    tuple of float
        ``(low, high)``, always inside [0, 1].

    Raises
    ------
    TypeError
        If ``k`` or ``n`` is not an integer.
    ValueError
        If ``k`` is outside 0..n, ``n`` < 1, or ``confidence`` is outside (0, 1).

    Notes
    -----
    The set of rates $p$ for which $|\hat p - p| \le z\sqrt{p(1-p)/n}$; solving that
    quadratic in $p$ gives

    $$ \frac{\hat p + \frac{z^2}{2n} \pm z\sqrt{\frac{\hat p(1-\hat p)}{n} + \frac{z^2}{4n^2}}}{1 + \frac{z^2}{n}} $$

    Examples
    --------
    >>> [round(b, 4) for b in wilson_interval(0, 100)]  # no events still gives a real interval
    [0.0, 0.037]
    """
    k, n, confidence = _counts(k, n, confidence, "wilson_interval")
    z = NormalDist().inv_cdf((1.0 + confidence) / 2.0)
    p_hat = k / n
    centre = p_hat + z**2 / (2 * n)
    half = z * math.sqrt(p_hat * (1.0 - p_hat) / n + z**2 / (4 * n**2))
    scale = 1.0 + z**2 / n
    # At k = 0 (k = n) the lower (upper) end is exactly 0 (1); rounding would leave 1e-17.
    low = 0.0 if k == 0 else (centre - half) / scale
    high = 1.0 if k == n else (centre + half) / scale
    return low, high
