"""Tests for mathlib.probability: analytic values, the site's figures, properties, errors."""

from __future__ import annotations

import math
import statistics
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathlib.probability import (
    bayes,
    bernoulli_log_likelihood,
    bernoulli_mle,
    bernoulli_pmf,
    gaussian_mle,
    gaussian_pdf,
)

binary_samples = st.lists(st.sampled_from([0, 1]), min_size=1, max_size=60)
open_probabilities = st.floats(0.001, 0.999)


def zomato_orders():
    """200 deliveries, 160 on time (1) and 40 late (0)."""
    return [1] * 160 + [0] * 40


# ---- Bernoulli ---------------------------------------------------------------------------


def test_bernoulli_pmf_phonepe():
    """PhonePe, p = 0.047: P(fraud) = 0.047 and P(not fraud) = 0.953."""
    assert bernoulli_pmf(1, 0.047) == 0.047
    assert math.isclose(bernoulli_pmf(0, 0.047), 0.953, rel_tol=1e-15)


def test_bernoulli_pmf_on_arrays():
    """An array of outcomes gives an array of probabilities, p^x (1 − p)^(1 − x) each."""
    assert bernoulli_pmf([1, 0, 1], 0.25).tolist() == [0.25, 0.75, 0.25]


def test_bernoulli_pmf_at_certain_p():
    """With p = 1, outcome 1 has probability 1 and outcome 0 probability 0."""
    assert (bernoulli_pmf(1, 1.0), bernoulli_pmf(0, 1.0)) == (1.0, 0.0)


def test_bernoulli_mle_phonepe():
    """47 frauds in 1000 transactions: p̂ = 47/1000 = 0.047."""
    assert bernoulli_mle([1] * 47 + [0] * 953) == 0.047


def test_bernoulli_mle_zomato():
    """160 of 200 orders on time: p̂ = 0.8."""
    assert bernoulli_mle(zomato_orders()) == 0.8


def test_bernoulli_log_likelihood_zomato():
    """Zomato at p̂ = 0.8: ℓ = 160 ln 0.8 + 40 ln 0.2 = −100.08 (the source's figure checks out)."""
    value = bernoulli_log_likelihood(zomato_orders(), 0.8)
    assert math.isclose(value, 160 * math.log(0.8) + 40 * math.log(0.2), rel_tol=1e-14)
    assert round(value, 2) == -100.08


def test_bernoulli_log_likelihood_phonepe():
    """PhonePe at p̂ = 0.047: ℓ = 47 ln 0.047 + 953 ln 0.953 = −189.59."""
    assert round(bernoulli_log_likelihood([1] * 47 + [0] * 953, 0.047), 2) == -189.59


@settings(max_examples=100, deadline=None)
@given(binary_samples, open_probabilities)
def test_bernoulli_log_likelihood_is_sum_of_log_pmf(x, p):
    """ℓ(p) = Σ log P(x_i) with P from bernoulli_pmf."""
    expected = sum(math.log(bernoulli_pmf(xi, p)) for xi in x)
    assert math.isclose(bernoulli_log_likelihood(x, p), expected, rel_tol=1e-12, abs_tol=1e-12)


@settings(max_examples=100, deadline=None)
@given(binary_samples, open_probabilities)
def test_bernoulli_mle_maximises_log_likelihood(x, p):
    """No p scores a higher log-likelihood than p̂ = bernoulli_mle(x)."""
    assert bernoulli_log_likelihood(x, bernoulli_mle(x)) >= bernoulli_log_likelihood(x, p) - 1e-9


def test_bernoulli_log_likelihood_at_certain_p():
    """At p = 1: ℓ = 0 when all x are 1, −inf (no warning) when any x is 0; likewise at p = 0."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert bernoulli_log_likelihood([1, 1], 1.0) == 0.0
        assert bernoulli_log_likelihood([1, 0], 1.0) == -math.inf
        assert bernoulli_log_likelihood([0, 0], 0.0) == 0.0
        assert bernoulli_log_likelihood([0, 1], 0.0) == -math.inf


# ---- Gaussian ----------------------------------------------------------------------------


def test_gaussian_pdf_peak():
    """The standard normal density at 0 is 1/√(2π)."""
    assert math.isclose(gaussian_pdf(0.0, 0.0, 1.0), 1 / math.sqrt(2 * math.pi), rel_tol=1e-15)


def test_gaussian_pdf_zomato_delivery_times():
    """μ = 35, σ = 8 at 25, 30, 35, 40, 50 min: 0.0228, 0.0410, 0.0499, 0.0410, 0.0086."""
    x = [25, 30, 35, 40, 50]
    density = gaussian_pdf(x, mu=35, sigma=8)
    by_hand = [math.exp(-((v - 35) ** 2) / 128) / math.sqrt(2 * math.pi * 64) for v in x]
    assert np.allclose(density, by_hand, rtol=1e-14, atol=0)
    assert np.round(density, 4).tolist() == [0.0228, 0.041, 0.0499, 0.041, 0.0086]


def test_gaussian_pdf_returns_float_for_scalar():
    """A scalar x gives a built-in float."""
    assert type(gaussian_pdf(1.0, 0.0, 2.0)) is float


@settings(max_examples=50, deadline=None)
@given(st.floats(-50, 50), st.floats(0.1, 20))
def test_gaussian_pdf_integrates_to_one(mu, sigma):
    """The trapezoid rule over μ ± 10σ gives ∫ p(x) dx ≈ 1."""
    x = np.linspace(mu - 10 * sigma, mu + 10 * sigma, 4001)
    y = gaussian_pdf(x, mu, sigma)
    trapezoid = float(np.sum((y[1:] + y[:-1]) / 2 * np.diff(x)))
    assert math.isclose(trapezoid, 1.0, rel_tol=1e-6)


@settings(max_examples=100, deadline=None)
@given(st.floats(-50, 50), st.floats(0.1, 20), st.floats(0, 30))
def test_gaussian_pdf_is_symmetric_about_mu(mu, sigma, d):
    """p(μ + d) = p(μ − d)."""
    assert math.isclose(gaussian_pdf(mu + d, mu, sigma), gaussian_pdf(mu - d, mu, sigma), rel_tol=1e-9)


def test_gaussian_mle_analytic():
    """For (1, 3): μ̂ = 2 and σ̂ = 1 (dividing by n)."""
    assert gaussian_mle([1.0, 3.0]) == (2.0, 1.0)


def test_gaussian_mle_of_scores():
    """(85, 92, 78, 95, 88): mean 87.6, population variance 34.64 and std 5.886 — not the 33.84/5.82 of the source."""
    mu, sigma = gaussian_mle([85, 92, 78, 95, 88])
    assert math.isclose(mu, 87.6, rel_tol=1e-15)
    assert math.isclose(sigma**2, 34.64, rel_tol=1e-12)
    assert round(sigma, 3) == 5.886


def test_gaussian_mle_divides_by_n_not_n_minus_1():
    """σ̂² is the population variance (÷n), below the unbiased sample variance (÷(n−1)) = 43.3."""
    data = [85, 92, 78, 95, 88]
    _, sigma = gaussian_mle(data)
    assert math.isclose(sigma**2 * 5 / 4, statistics.variance(data), rel_tol=1e-12)


def test_gaussian_mle_of_one_observation():
    """One observation: σ̂ = 0 (the degenerate MLE), not an error or NaN."""
    assert gaussian_mle([4.0]) == (4.0, 0.0)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=40))
def test_gaussian_mle_matches_closed_form(x):
    """(μ̂, σ̂) equal statistics.fmean and statistics.pstdev."""
    mu, sigma = gaussian_mle(x)
    assert math.isclose(mu, statistics.fmean(x), rel_tol=1e-9, abs_tol=1e-9)
    assert math.isclose(sigma, statistics.pstdev(x), rel_tol=1e-7, abs_tol=1e-7)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.floats(-100, 100), min_size=2, max_size=30).filter(lambda v: statistics.pstdev(v) > 0.1),
    st.floats(-1, 1),
    st.floats(0.5, 2),
)
def test_gaussian_mle_maximises_log_likelihood(x, shift, scale):
    """Moving μ̂ or scaling σ̂ never raises Σ log p(x_i | μ, σ)."""
    mu, sigma = gaussian_mle(x)

    def log_likelihood(m, s):
        return float(np.sum(np.log(gaussian_pdf(x, m, s))))

    best = log_likelihood(mu, sigma)
    assert best >= log_likelihood(mu + shift * sigma, sigma * scale) - 1e-9


# ---- Bayes -------------------------------------------------------------------------------


def test_bayes_analytic():
    """π = 0.5, L = 0.8, L̄ = 0.2: P(A|B) = 0.4/(0.4 + 0.1) = 0.8."""
    assert bayes(0.5, 0.8, 0.2) == 0.8


def test_bayes_rare_condition():
    """π = 0.01, L = 0.99, L̄ = 0.05: P(A|B) = 0.0099/0.0594 = 1/6 despite a 99% sensitive test."""
    assert math.isclose(bayes(0.01, 0.99, 0.05), 1 / 6, rel_tol=1e-12)


@settings(max_examples=100, deadline=None)
@given(open_probabilities, open_probabilities, open_probabilities)
def test_bayes_matches_counting(prior, likelihood, likelihood_given_not):
    """The posterior equals counting: of N cases, N·π·L are A-and-B, N·(1−π)·L̄ are not-A-and-B."""
    n = 1_000_000
    a_and_b = n * prior * likelihood
    not_a_and_b = n * (1 - prior) * likelihood_given_not
    expected = a_and_b / (a_and_b + not_a_and_b)
    assert math.isclose(bayes(prior, likelihood, likelihood_given_not), expected, rel_tol=1e-12)


# ---- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize("f", [bernoulli_pmf, bernoulli_log_likelihood])
def test_bernoulli_rejects_p_outside_unit_interval(f):
    """p outside [0, 1] raises ValueError."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: p must lie in \[0, 1\]; got 1.5"):
        f([1], 1.5)


@pytest.mark.parametrize("f", [bernoulli_pmf, bernoulli_log_likelihood])
def test_bernoulli_rejects_non_numeric_p(f):
    """A string p raises TypeError."""
    with pytest.raises(TypeError, match=rf"^{f.__name__}: p must be a real number"):
        f([1], "0.5")


@pytest.mark.parametrize("f", [bernoulli_pmf, bernoulli_mle, bernoulli_log_likelihood])
def test_bernoulli_rejects_non_binary_x(f):
    """x holding anything but 0 and 1 raises ValueError naming the value."""
    args = ([0, 2],) if f is bernoulli_mle else ([0, 2], 0.5)
    with pytest.raises(ValueError, match=rf"^{f.__name__}: x must hold only 0 and 1; got 2.0"):
        f(*args)


@pytest.mark.parametrize("f", [bernoulli_mle, gaussian_mle])
def test_estimators_reject_empty(f):
    """An empty sample has no estimate."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: x must not be empty"):
        f([])


@pytest.mark.parametrize("f", [bernoulli_mle, gaussian_mle])
def test_estimators_reject_2d(f):
    """The sample must be 1-D."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: x must be 1-D; got shape \(1, 2\)"):
        f([[1, 0]])


def test_gaussian_mle_rejects_infinity():
    """An infinite observation raises ValueError rather than returning NaN."""
    with pytest.raises(ValueError, match=r"^gaussian_mle: x must be finite"):
        gaussian_mle([1.0, math.inf])


@pytest.mark.parametrize("sigma", [0.0, -1.0])
def test_gaussian_pdf_rejects_non_positive_sigma(sigma):
    """sigma <= 0 raises ValueError."""
    with pytest.raises(ValueError, match=r"^gaussian_pdf: sigma must be > 0"):
        gaussian_pdf(0.0, 0.0, sigma)


@pytest.mark.parametrize("arg", ["mu", "sigma"])
def test_gaussian_pdf_rejects_infinite_parameters(arg):
    """An infinite mu or sigma raises ValueError."""
    kwargs = {"mu": 0.0, "sigma": 1.0, arg: math.inf}
    with pytest.raises(ValueError, match=rf"^gaussian_pdf: {arg} must be finite"):
        gaussian_pdf(0.0, **kwargs)


def test_gaussian_pdf_rejects_array_sigma():
    """sigma must be a scalar."""
    with pytest.raises(ValueError, match=r"^gaussian_pdf: sigma must be a scalar; got shape \(2,\)"):
        gaussian_pdf(0.0, 0.0, np.array([1.0, 2.0]))


def test_gaussian_pdf_rejects_nan_x():
    """NaN in x raises ValueError."""
    with pytest.raises(ValueError, match=r"^gaussian_pdf: x contains NaN"):
        gaussian_pdf([0.0, math.nan], 0.0, 1.0)


@pytest.mark.parametrize("arg", ["prior", "likelihood", "likelihood_given_not"])
def test_bayes_rejects_probabilities_outside_unit_interval(arg):
    """Each argument of bayes must lie in [0, 1]."""
    kwargs = {"prior": 0.5, "likelihood": 0.5, "likelihood_given_not": 0.5, arg: -0.1}
    with pytest.raises(ValueError, match=rf"^bayes: {arg} must lie in \[0, 1\]; got -0.1"):
        bayes(**kwargs)


def test_bayes_rejects_zero_evidence():
    """If B can never happen, P(A|B) is undefined: ValueError."""
    with pytest.raises(ValueError, match=r"^bayes: the evidence P\(B\) .* is 0"):
        bayes(0.3, 0.0, 0.0)


def test_bayes_rejects_non_numeric():
    """A non-numeric argument raises TypeError."""
    with pytest.raises(TypeError, match=r"^bayes: prior must be a real number"):
        bayes("0.5", 0.5, 0.5)


def test_gaussian_pdf_far_tail_is_zero_without_warning():
    """A point 1e200 standard deviations out has density 0.0, with no overflow warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert gaussian_pdf(1e200, 0.0, 1.0) == 0.0


def test_gaussian_mle_of_huge_data_does_not_overflow():
    """σ̂ of (−1e200, 1e200) is 1e200, although squaring 1e200 overflows."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert gaussian_mle([-1e200, 1e200]) == (0.0, 1e200)
