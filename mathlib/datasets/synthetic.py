r"""Seeded synthetic data sets: a Paytm-like churn population, delivery times, XOR, two moons.

Every generator takes ``rng``: a ``numpy.random.Generator`` or an int seed. The same
seed gives the same arrays; nothing reads a global or time-based seed, and nothing is
downloaded. The data are made up: they follow the stated generating process, not any
company's records.

Examples
--------
>>> from mathlib.datasets.synthetic import xor
>>> print(xor().y)
[0 1 1 0]
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np

from mathlib._validation import as_array, as_rng, as_scalar, check_positive, check_positive_int

__all__ = ["Sample", "paytm_churn", "paytm_churn_logit", "two_moons", "xor", "zomato_delivery_times"]


class Sample(NamedTuple):
    """A labelled data set: inputs ``X`` (n, d), labels ``y`` (n,) and the names of X's columns."""

    X: np.ndarray
    y: np.ndarray
    feature_names: tuple[str, ...]


# The true churn mechanism: feature, centre, scale, weight (on the standardised feature).
_CHURN_FEATURES = (
    ("age", 32.0, 9.0, -0.3),
    ("avg_spend_inr", 3000.0, 2000.0, -0.8),
    ("days_since_login", 6.0, 6.0, 1.2),
    ("upi_ratio", 0.7, 0.15, -0.7),
    ("cashback_inr", 100.0, 100.0, -0.4),
    ("tenure_months", 36.0, 24.0, -0.5),
)
_CHURN_B = -1.5


def paytm_churn_logit(X: Any) -> np.ndarray:
    r"""The true log-odds of churn that ``paytm_churn`` draws its labels from.

    Parameters
    ----------
    X : array_like, shape (n, 6)
        Users in the column order of ``paytm_churn(...).feature_names``.

    Returns
    -------
    ndarray, shape (n,)
        $z$; the churn probability is $\sigma(z)$.

    Raises
    ------
    TypeError
        If ``X`` is not numeric.
    ValueError
        If ``X`` is not 2-D with 6 columns, or contains NaN.

    Notes
    -----
    Each feature is standardised with a fixed centre $c_j$ and scale $s_j$:

    $$ z = b + \sum_{j=1}^{6} w_j \, \frac{x_j - c_j}{s_j}, \qquad b = -1.5 $$

    ==================  =======  ======  ======
    feature             $c_j$    $s_j$   $w_j$
    ==================  =======  ======  ======
    age (years)         32       9       -0.3
    avg_spend_inr (₹)   3000     2000    -0.8
    days_since_login    6        6       +1.2
    upi_ratio           0.7      0.15    -0.7
    cashback_inr (₹)    100      100     -0.4
    tenure_months       36       24      -0.5
    ==================  =======  ======  ======

    Days away raise the odds of churn; spending, UPI use, cashback and tenure lower them.

    Examples
    --------
    A user at every centre has $z = b$:

    >>> paytm_churn_logit([[32, 3000, 6, 0.7, 100, 36]]).tolist()
    [-1.5]
    """
    X = as_array(X, func="paytm_churn_logit", arg="X", ndim=2)
    if X.shape[1] != len(_CHURN_FEATURES):
        raise ValueError(
            f"paytm_churn_logit: X is {X.shape}; it must have {len(_CHURN_FEATURES)} columns "
            f"({', '.join(name for name, *_ in _CHURN_FEATURES)})"
        )
    centre, scale, w = (np.array([row[k] for row in _CHURN_FEATURES]) for k in (1, 2, 3))
    return _CHURN_B + ((X - centre) / scale) @ w


def paytm_churn(n: int, rng: Any) -> Sample:
    r"""A synthetic population of Paytm-like wallet users and whether each churns next month.

    The users are invented (no real data): six features drawn independently, and a
    churn label drawn from a logistic model with known coefficients, so a fitted model
    can be compared with the truth (``paytm_churn_logit``).

    Parameters
    ----------
    n : int
        Number of users, >= 1.
    rng : numpy.random.Generator or int
        The source of randomness, or a seed for one.

    Returns
    -------
    Sample
        ``X`` (n, 6) float in the columns ``age`` (years, 18 to 70), ``avg_spend_inr``
        (₹ per month, whole rupees), ``days_since_login`` (whole days, 0 to 90),
        ``upi_ratio`` (share of payments made by UPI, 0 to 1), ``cashback_inr`` (₹,
        whole rupees), ``tenure_months`` (1 to 96); ``y`` (n,) int, 1 = churns.

    Raises
    ------
    TypeError
        If ``n`` is not an integer or ``rng`` is neither a Generator nor an int.
    ValueError
        If ``n < 1`` or the seed is negative.

    Notes
    -----
    age = round(clip(N(32, 9²), 18, 70)); avg_spend ~ round(Gamma(2, 1500)), mean
    ₹3,000; days_since_login = min(floor(Exp(mean 6)), 90); upi_ratio ~ Beta(5, 2);
    cashback = round(avg_spend · Beta(2, 50)); tenure ~ Uniform{1, …, 96}. Then

    $$ y \sim \mathrm{Bernoulli}\big(\sigma(z)\big), \qquad \sigma(z) = \frac{1}{1 + e^{-z}} $$

    with $z$ from ``paytm_churn_logit``; the Bernoulli draw is the only label noise.

    Examples
    --------
    >>> data = paytm_churn(4, rng=7)
    >>> data.X.shape, data.feature_names[:2]
    ((4, 6), ('age', 'avg_spend_inr'))
    >>> bool(np.array_equal(data.X, paytm_churn(4, rng=7).X))
    True
    """
    n = check_positive_int(n, func="paytm_churn", arg="n")
    gen = as_rng(rng, func="paytm_churn")
    age = np.round(np.clip(gen.normal(32.0, 9.0, n), 18, 70))
    spend = np.round(gen.gamma(2.0, 1500.0, n))
    days = np.minimum(np.floor(gen.exponential(6.0, n)), 90)
    upi = gen.beta(5.0, 2.0, n)
    cashback = np.round(spend * gen.beta(2.0, 50.0, n))
    tenure = gen.integers(1, 97, n).astype(float)
    X = np.column_stack([age, spend, days, upi, cashback, tenure])
    p = 1.0 / (1.0 + np.exp(-paytm_churn_logit(X)))
    y = (gen.random(n) < p).astype(int)
    return Sample(X=X, y=y, feature_names=tuple(name for name, *_ in _CHURN_FEATURES))


def zomato_delivery_times(n: int, rng: Any, *, mu: float = 35.0, sigma: float = 8.0) -> np.ndarray:
    r"""Delivery times in minutes drawn from the Gaussian model of Zomato deliveries.

    The default ``mu`` and ``sigma`` are the source's (004, §4.3: mean 35 min, std
    8 min; see ``zomato_delivery``). The samples are synthetic.

    Parameters
    ----------
    n : int
        Number of deliveries, >= 1.
    rng : numpy.random.Generator or int
        The source of randomness, or a seed for one.
    mu : float, default 35.0
        Mean delivery time (minutes).
    sigma : float, default 8.0
        Standard deviation (minutes), > 0.

    Returns
    -------
    ndarray, shape (n,)
        Times in minutes. Not clipped: with the defaults a time below 0 has
        probability $\Phi(-35/8) \approx 6 \times 10^{-6}$.

    Raises
    ------
    TypeError
        If ``n``, ``mu`` or ``sigma`` has the wrong type, or ``rng`` is neither a
        Generator nor an int.
    ValueError
        If ``n < 1``, ``sigma <= 0``, ``mu`` or ``sigma`` is not finite, or the seed is
        negative.

    Notes
    -----
    $$ x_i \sim \mathcal{N}(\mu, \sigma^2), \qquad
       p(x) = \frac{1}{\sqrt{2\pi\sigma^2}} e^{-(x-\mu)^2/(2\sigma^2)} $$

    Examples
    --------
    With $\sigma$ tiny every sample sits at $\mu$:

    >>> zomato_delivery_times(3, rng=0, sigma=1e-12).round(6).tolist()
    [35.0, 35.0, 35.0]
    """
    n = check_positive_int(n, func="zomato_delivery_times", arg="n")
    mu = as_scalar(mu, func="zomato_delivery_times", arg="mu")
    sigma = as_scalar(sigma, func="zomato_delivery_times", arg="sigma")
    for name, value in (("mu", mu), ("sigma", sigma)):
        if not np.isfinite(value):
            raise ValueError(f"zomato_delivery_times: {name} must be finite; got {value!r}")
    check_positive(sigma, func="zomato_delivery_times", arg="sigma")
    return as_rng(rng, func="zomato_delivery_times").normal(mu, sigma, n)


def xor() -> Sample:
    r"""The four XOR points: the smallest data set no straight line can separate.

    Returns
    -------
    Sample
        ``X`` (4, 2) float, the corners of the unit square; ``y`` (4,) int,
        $y = x_1 \oplus x_2$; feature names ``('x1', 'x2')``.

    Notes
    -----
    $$ y = x_1 + x_2 - 2 x_1 x_2, \qquad x_1, x_2 \in \{0, 1\} $$

    Examples
    --------
    >>> data = xor()
    >>> print(data.X)
    [[0. 0.]
     [0. 1.]
     [1. 0.]
     [1. 1.]]
    >>> data.y.tolist()
    [0, 1, 1, 0]
    """
    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    return Sample(X=X, y=np.array([0, 1, 1, 0]), feature_names=("x1", "x2"))


def two_moons(n: int, rng: Any, noise: float = 0.1) -> Sample:
    r"""Two interleaved half circles in the plane: a toy set for curved decision boundaries.

    Parameters
    ----------
    n : int
        Number of points, >= 2: ``n // 2`` on the upper moon (label 0), the rest on
        the lower moon (label 1).
    rng : numpy.random.Generator or int
        The source of randomness, or a seed for one.
    noise : float, default 0.1
        Standard deviation of the Gaussian noise added to each coordinate, >= 0.

    Returns
    -------
    Sample
        ``X`` (n, 2) float, ``y`` (n,) int in {0, 1}, rows shuffled; feature names
        ``('x1', 'x2')``.

    Raises
    ------
    TypeError
        If ``n`` or ``noise`` has the wrong type, or ``rng`` is neither a Generator nor
        an int.
    ValueError
        If ``n < 2``, ``noise`` is negative or not finite, or the seed is negative.

    Notes
    -----
    With $t \sim \mathcal{U}(0, \pi)$ and $\varepsilon \sim \mathcal{N}(0, \text{noise}^2 I)$:

    $$ x^{(0)} = (\cos t,\ \sin t) + \varepsilon, \qquad
       x^{(1)} = (1 - \cos t,\ \tfrac{1}{2} - \sin t) + \varepsilon $$

    Examples
    --------
    Without noise the upper moon lies on the unit circle:

    >>> data = two_moons(50, rng=0, noise=0.0)
    >>> r = np.hypot(*data.X[data.y == 0].T)
    >>> bool(np.allclose(r, 1.0))
    True
    """
    n = check_positive_int(n, func="two_moons", arg="n")
    if n < 2:
        raise ValueError(f"two_moons: n must be >= 2 (one point per moon); got {n}")
    noise = as_scalar(noise, func="two_moons", arg="noise")
    if not (np.isfinite(noise) and noise >= 0):
        raise ValueError(f"two_moons: noise must be finite and >= 0; got {noise!r}")
    gen = as_rng(rng, func="two_moons")
    n_upper = n // 2
    t = gen.uniform(0.0, np.pi, n)
    upper = np.column_stack([np.cos(t[:n_upper]), np.sin(t[:n_upper])])
    lower = np.column_stack([1.0 - np.cos(t[n_upper:]), 0.5 - np.sin(t[n_upper:])])
    X = np.vstack([upper, lower]) + gen.normal(0.0, noise, (n, 2))
    y = np.repeat([0, 1], [n_upper, n - n_upper])
    order = gen.permutation(n)
    return Sample(X=X[order], y=y[order], feature_names=("x1", "x2"))
