r"""Probability tables of the worked India examples: labels, predictions, distributions, counts.

Every figure is copied from source 004 (*Chapter 2: Mathematical Toolkit for Deep
Learning*); the section is named in each docstring. Nothing the source *computes* is
stored: losses, entropies and estimates are computed from the inputs, so the library,
not a hand-typed number, is the authority. Each call returns new arrays.

Examples
--------
>>> from mathlib.datasets.probability_tables import phonepe_fraud
>>> phonepe_fraud().p_hat
0.047
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = [
    "FlipkartReturns",
    "FlipkartSearch",
    "PhonepeFraud",
    "SwiggyCategories",
    "ZomatoDelivery",
    "flipkart_returns",
    "flipkart_search",
    "phonepe_fraud",
    "swiggy_categories",
    "zomato_delivery",
]


@dataclass(frozen=True)
class FlipkartReturns:
    """Three Flipkart customers: true labels ``y`` (1 = returns the product) and predictions ``y_hat``."""

    y: np.ndarray
    y_hat: np.ndarray


def flipkart_returns() -> FlipkartReturns:
    r"""Three Flipkart customers: whether each returned the product, and a model's predictions.

    Source: 004, "Worked Examples: Hand Calculations", Example 2 (cross-entropy loss).

    Returns
    -------
    FlipkartReturns
        ``y`` (3,) in {0, 1}; ``y_hat`` (3,) predicted probabilities of a return.

    Notes
    -----
    $$ \mathrm{BCE} = -\frac{1}{n}\sum_i \left[ y_i \ln \hat{y}_i + (1 - y_i)\ln(1 - \hat{y}_i) \right]
       = \frac{-\ln 0.8 - \ln 0.7 - \ln 0.6}{3} = -\frac{\ln 0.336}{3} $$

    Examples
    --------
    >>> t = flipkart_returns()
    >>> bce = -np.mean(t.y * np.log(t.y_hat) + (1 - t.y) * np.log(1 - t.y_hat))
    >>> round(float(bce), 4), round(float(-np.log(0.336) / 3), 4)
    (0.3635, 0.3635)
    """
    return FlipkartReturns(y=np.array([1.0, 0.0, 1.0]), y_hat=np.array([0.8, 0.3, 0.6]))


@dataclass(frozen=True)
class FlipkartSearch:
    """Bayes' theorem for the query "i phone": the prior and the two likelihoods (assumed)."""

    prior: float
    likelihood: float
    likelihood_given_not: float


def flipkart_search() -> FlipkartSearch:
    r"""Illustrative numbers for Flipkart's "i phone" query correction (assumed, not from the source).

    Source: 004, section 2.3, "Bayes' Theorem" (Flipkart search). The source only argues in
    words that the likelihood and the prior are high; it gives no figures. These round
    numbers are the handbook's own assumptions, kept in one place so that every page that
    tells the story uses the same ones: 2 searches in 100 are for an iPhone (prior), 5 % of
    iPhone-seekers type "i phone", and 0.01 % of everyone else does.

    Returns
    -------
    FlipkartSearch
        ``prior`` $P(A)$, ``likelihood`` $P(B \mid A)$, ``likelihood_given_not`` $P(B \mid \neg A)$,
        where $A$ = "wants an iPhone" and $B$ = "typed 'i phone'".

    Notes
    -----
    $$ P(A \mid B) = \frac{P(B \mid A)\,P(A)}{P(B \mid A)\,P(A) + P(B \mid \neg A)\,(1 - P(A))}
       = \frac{0.05 \cdot 0.02}{0.05 \cdot 0.02 + 0.0001 \cdot 0.98} $$

    Examples
    --------
    >>> s = flipkart_search()
    >>> round(s.likelihood * s.prior / (s.likelihood * s.prior + s.likelihood_given_not * (1 - s.prior)), 4)
    0.9107
    """
    return FlipkartSearch(prior=0.02, likelihood=0.05, likelihood_given_not=0.0001)


@dataclass(frozen=True)
class SwiggyCategories:
    """Bangalore food-category shares ``p`` and two models' guesses ``q_a`` and ``q_b``."""

    categories: tuple[str, ...]
    p: np.ndarray
    q_a: np.ndarray
    q_b: np.ndarray


def swiggy_categories() -> SwiggyCategories:
    r"""Swiggy's Bangalore food-category distribution and two model distributions.

    Source: 004, "Worked Examples: Hand Calculations", Example 3 (entropy and KL).

    Returns
    -------
    SwiggyCategories
        ``categories`` (Biryani, Pizza, Dosa, Other); ``p`` the true shares; ``q_a`` a
        close model; ``q_b`` a model that puts 70 % on "Other". Each sums to 1.

    Notes
    -----
    $$ H(p) = -\sum_i p_i \ln p_i \approx 1.280 \text{ nats}, \qquad
       D_{\mathrm{KL}}(p \,\|\, q) = \sum_i p_i \ln \frac{p_i}{q_i} $$

    The source rounds $D_{\mathrm{KL}}(p\|q_A) = 0.00878$ to 0.009 and so calls model A
    "92× better" ($0.828 / 0.009$); unrounded, the ratio is about 94.3.

    Examples
    --------
    >>> t = swiggy_categories()
    >>> round(float(-np.sum(t.p * np.log(t.p))), 3)
    1.28
    >>> kl_a = float(np.sum(t.p * np.log(t.p / t.q_a)))
    >>> kl_b = float(np.sum(t.p * np.log(t.p / t.q_b)))
    >>> round(kl_a, 4), round(kl_b, 3), round(kl_b / kl_a, 1)
    (0.0088, 0.828, 94.3)
    """
    return SwiggyCategories(
        categories=("Biryani", "Pizza", "Dosa", "Other"),
        p=np.array([0.4, 0.3, 0.2, 0.1]),
        q_a=np.array([0.35, 0.30, 0.25, 0.10]),
        q_b=np.array([0.10, 0.10, 0.10, 0.70]),
    )


@dataclass(frozen=True)
class ZomatoDelivery:
    """Zomato delivery times: the Gaussian model (``mu``, ``sigma`` in minutes) and on-time counts."""

    mu: float
    sigma: float
    n_orders: int
    n_on_time: int
    x_min: np.ndarray

    @property
    def p_hat(self) -> float:
        """The MLE of the on-time probability, on-time orders over all orders."""
        return self.n_on_time / self.n_orders


def zomato_delivery() -> ZomatoDelivery:
    r"""Zomato delivery times: a Gaussian model and 200 orders of which 160 were on time.

    Source: 004, §4.3 code lab (Gaussian: mean 35 min, std 8 min, evaluated at 25, 30,
    35, 40 and 50 min) and Exercise B5 (MLE: 160 of 200 orders on time).

    Returns
    -------
    ZomatoDelivery
        ``mu`` = 35.0 and ``sigma`` = 8.0 (minutes); ``x_min`` the times (minutes) at
        which the code lab evaluates the density; ``n_orders``, ``n_on_time`` and the
        property ``p_hat``.

    Notes
    -----
    $$ p(x) = \frac{1}{\sqrt{2\pi\sigma^2}} e^{-(x-\mu)^2 / (2\sigma^2)}, \qquad
       \hat{p} = \frac{160}{200}, \quad \ell(\hat{p}) = 160 \ln 0.8 + 40 \ln 0.2 $$

    Examples
    --------
    >>> t = zomato_delivery()
    >>> t.p_hat
    0.8
    >>> import math
    >>> k = t.n_on_time
    >>> round(k * math.log(t.p_hat) + (t.n_orders - k) * math.log(1 - t.p_hat), 2)
    -100.08
    """
    return ZomatoDelivery(mu=35.0, sigma=8.0, n_orders=200, n_on_time=160, x_min=np.array([25.0, 30, 35, 40, 50]))


@dataclass(frozen=True)
class PhonepeFraud:
    """PhonePe UPI transactions: ``n`` observed, ``n_fraud`` of them fraudulent."""

    n: int
    n_fraud: int

    @property
    def p_hat(self) -> float:
        """The MLE of the fraud probability, frauds over transactions."""
        return self.n_fraud / self.n

    def labels(self) -> np.ndarray:
        """The ``n`` labels as an array: ``n_fraud`` ones first, then zeros (order does not change the MLE)."""
        y = np.zeros(self.n)
        y[: self.n_fraud] = 1.0
        return y


def phonepe_fraud() -> PhonepeFraud:
    r"""PhonePe fraud: 47 fraudulent transactions among 1,000 UPI transactions.

    Source: 004, §2.3.5 "Worked Example: MLE for PhonePe Fraud Probability".

    Returns
    -------
    PhonepeFraud
        ``n`` = 1000, ``n_fraud`` = 47, the property ``p_hat`` and ``labels()``.

    Notes
    -----
    $$ \ell(p) = 47 \ln p + 953 \ln(1 - p), \qquad
       \frac{d\ell}{dp} = \frac{47}{p} - \frac{953}{1-p} = 0 \iff \hat{p} = \frac{47}{1000} $$

    Examples
    --------
    >>> t = phonepe_fraud()
    >>> t.p_hat, float(t.labels().mean())
    (0.047, 0.047)
    """
    return PhonepeFraud(n=1000, n_fraud=47)
