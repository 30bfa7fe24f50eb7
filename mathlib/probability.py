r"""Probability: the Bernoulli and Gaussian distributions, Bayes' rule, maximum likelihood.

Examples
--------
>>> from mathlib.probability import bernoulli_mle, gaussian_pdf
>>> bernoulli_mle([1] * 47 + [0] * 953)
0.047
>>> round(gaussian_pdf(35, mu=35, sigma=8), 4)
0.0499
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mathlib._validation import (
    as_array,
    as_scalar,
    check_finite,
    check_in_unit_interval,
    finite_scalar,
    positive_number,
)

__all__ = [
    "bayes",
    "bernoulli_log_likelihood",
    "bernoulli_mle",
    "bernoulli_pmf",
    "gaussian_mle",
    "gaussian_pdf",
]


def _binary(x: Any, func: str, *, ndim: int | None = None) -> np.ndarray:
    x = as_array(x, func=func, arg="x", ndim=ndim)
    bad = (x != 0) & (x != 1)
    if bad.any():
        raise ValueError(f"{func}: x must hold only 0 and 1; got {float(x[bad].flat[0])!r}")
    return x


def _probability(value: Any, func: str, arg: str) -> float:
    value = as_scalar(value, func=func, arg=arg)
    check_in_unit_interval(value, func=func, arg=arg)
    return value


def bernoulli_pmf(x: Any, p: float) -> float | np.ndarray:
    r"""Probability of outcome ``x`` (0 or 1) under a Bernoulli(``p``) distribution.

    Parameters
    ----------
    x : int or array_like
        Outcome(s), each 0 or 1.
    p : float
        $P(X = 1)$, in [0, 1].

    Returns
    -------
    float or numpy.ndarray
        $P(X = x)$, a float for a scalar ``x``.

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If ``x`` holds anything but 0 and 1, or ``p`` is outside [0, 1].

    Notes
    -----
    $$ P(X = x) = p^{x}(1 - p)^{1 - x}, \qquad x \in \{0, 1\} $$

    Examples
    --------
    >>> bernoulli_pmf(1, 0.25), bernoulli_pmf(0, 0.25)
    (0.25, 0.75)
    """
    x = _binary(x, "bernoulli_pmf")
    p = _probability(p, "bernoulli_pmf", "p")
    # Picking the factor avoids 0 ** 0 questions and is exact.
    values = np.where(x == 1, p, 1.0 - p)
    return float(values) if values.ndim == 0 else values


def gaussian_pdf(x: Any, mu: float = 0.0, sigma: float = 1.0) -> float | np.ndarray:
    r"""Density of the normal distribution $\mathcal N(\mu, \sigma^2)$ at ``x``.

    Parameters
    ----------
    x : float or array_like
        Point(s) at which to evaluate the density.
    mu : float, default 0.0
        Mean, finite.
    sigma : float, default 1.0
        Standard deviation, finite and > 0.

    Returns
    -------
    float or numpy.ndarray
        The density (not a probability: it can exceed 1 for small ``sigma``).

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If ``x`` is empty or NaN, ``mu`` is not finite, or ``sigma`` is not finite and > 0.

    Notes
    -----
    $$ p(x \mid \mu, \sigma) = \frac{1}{\sqrt{2\pi\sigma^2}}
       \exp\Bigl(-\frac{(x - \mu)^2}{2\sigma^2}\Bigr) $$

    Examples
    --------
    >>> import math
    >>> math.isclose(gaussian_pdf(0.0), 1 / math.sqrt(2 * math.pi))
    True
    """
    x = as_array(x, func="gaussian_pdf", arg="x")
    mu = finite_scalar(mu, func="gaussian_pdf", arg="mu")
    sigma = positive_number(sigma, func="gaussian_pdf", arg="sigma")
    # Far in the tails the square overflows to inf, and exp(-inf) = 0 is the right density.
    with np.errstate(over="ignore"):
        values = np.exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * np.sqrt(2.0 * np.pi))
    return float(values) if values.ndim == 0 else values


def bayes(prior: float, likelihood: float, likelihood_given_not: float) -> float:
    r"""Posterior $P(A \mid B)$ by Bayes' rule.

    Parameters
    ----------
    prior : float
        $\pi = P(A)$, in [0, 1].
    likelihood : float
        $L = P(B \mid A)$, in [0, 1].
    likelihood_given_not : float
        $\bar L = P(B \mid \neg A)$, in [0, 1].

    Returns
    -------
    float
        $P(A \mid B)$.

    Raises
    ------
    TypeError
        If an argument is not a real number.
    ValueError
        If an argument is outside [0, 1], or the evidence $P(B)$ is 0 (then
        $P(A \mid B)$ is undefined).

    Notes
    -----
    $$ P(A \mid B) = \frac{L\,\pi}{L\,\pi + \bar L\,(1 - \pi)} $$

    The denominator is the evidence $P(B)$, by the law of total probability.

    Examples
    --------
    >>> bayes(0.5, 0.8, 0.2)
    0.8
    """
    prior = _probability(prior, "bayes", "prior")
    likelihood = _probability(likelihood, "bayes", "likelihood")
    likelihood_given_not = _probability(likelihood_given_not, "bayes", "likelihood_given_not")
    evidence = likelihood * prior + likelihood_given_not * (1.0 - prior)
    if evidence == 0:
        raise ValueError("bayes: the evidence P(B) = likelihood*prior + likelihood_given_not*(1 - prior) is 0")
    return likelihood * prior / evidence


def bernoulli_mle(x: Any) -> float:
    r"""Maximum-likelihood estimate of a Bernoulli ``p``: the fraction of ones.

    Parameters
    ----------
    x : array_like
        1-D observations, each 0 or 1.

    Returns
    -------
    float
        $\hat p$.

    Raises
    ------
    TypeError
        If ``x`` is not numeric.
    ValueError
        If ``x`` is not 1-D, is empty, or holds anything but 0 and 1.

    Notes
    -----
    Setting $\frac{d}{dp}\bigl[k\log p + (n - k)\log(1 - p)\bigr] = 0$ with
    $k = \sum_i x_i$ gives

    $$ \hat p = \frac{1}{n}\sum_{i=1}^{n} x_i = \frac{k}{n} $$

    Examples
    --------
    >>> bernoulli_mle([1, 0, 1, 1])
    0.75
    """
    x = _binary(x, "bernoulli_mle", ndim=1)
    return float(np.mean(x))


def gaussian_mle(x: Any) -> tuple[float, float]:
    r"""Maximum-likelihood estimates $(\hat\mu, \hat\sigma)$ of a normal distribution.

    Parameters
    ----------
    x : array_like
        1-D observations, finite.

    Returns
    -------
    mu : float
        The sample mean.
    sigma : float
        The MLE standard deviation, dividing by $n$ (0.0 for one observation).

    Raises
    ------
    TypeError
        If ``x`` is not numeric.
    ValueError
        If ``x`` is not 1-D, is empty, or holds NaN or infinity.

    Notes
    -----
    $$ \hat\mu = \frac{1}{n}\sum_{i=1}^{n} x_i, \qquad
       \hat\sigma^2 = \frac{1}{n}\sum_{i=1}^{n} (x_i - \hat\mu)^2 $$

    The MLE variance divides by $n$ (NumPy's ``np.var`` default, ``ddof=0``). It
    is biased low: $E[\hat\sigma^2] = \frac{n-1}{n}\sigma^2$. The unbiased
    sample variance divides by $n - 1$ instead (``ddof=1``); for
    ``[85, 92, 78, 95, 88]`` the two give 34.64 and 43.3.

    Examples
    --------
    >>> gaussian_mle([1.0, 3.0])
    (2.0, 1.0)
    """
    x = as_array(x, func="gaussian_mle", arg="x", ndim=1)
    check_finite(x, func="gaussian_mle", arg="x")
    mu = float(np.mean(x))
    deviations = x - mu
    # Scaling by the largest deviation keeps the squares from overflowing for huge data.
    scale = float(np.max(np.abs(deviations)))
    if scale == 0:
        return mu, 0.0
    return mu, scale * float(np.sqrt(np.mean((deviations / scale) ** 2)))


def bernoulli_log_likelihood(x: Any, p: float) -> float:
    r"""Log-likelihood of 0/1 observations ``x`` under Bernoulli(``p``), in nats.

    Parameters
    ----------
    x : array_like
        1-D observations, each 0 or 1.
    p : float
        $P(X = 1)$, in [0, 1].

    Returns
    -------
    float
        $\ell(p)$, at most 0. At ``p`` = 0 or 1 it is 0.0 if every observation
        agrees with ``p`` and ``-inf`` if any contradicts it (the data are impossible).

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If ``x`` is not 1-D, is empty or holds anything but 0 and 1; if ``p`` is outside [0, 1].

    Notes
    -----
    With $k = \sum_i x_i$ ones among $n$ observations,

    $$ \ell(p) = \sum_{i=1}^{n}\bigl[x_i\log p + (1 - x_i)\log(1 - p)\bigr]
       = k\log p + (n - k)\log(1 - p) $$

    with the convention $0 \cdot \log 0 = 0$.

    Examples
    --------
    >>> import math
    >>> math.isclose(bernoulli_log_likelihood([1, 0], 0.5), 2 * math.log(0.5))
    True
    >>> round(bernoulli_log_likelihood([1] * 160 + [0] * 40, 0.8), 2)
    -100.08
    """
    x = _binary(x, "bernoulli_log_likelihood", ndim=1)
    p = _probability(p, "bernoulli_log_likelihood", "p")
    ones = float(x.sum())
    zeros = x.size - ones
    # A term with no observations contributes 0 even when its log is -inf (0 log 0 = 0).
    total = 0.0
    for count, prob in ((ones, p), (zeros, 1.0 - p)):
        if count:
            total += count * np.log(prob) if prob > 0 else -np.inf
    return float(total) + 0.0
