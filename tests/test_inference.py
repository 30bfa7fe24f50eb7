"""Tests for mathlib.inference: normal probabilities and confidence intervals for a rate."""

import math
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathlib.inference import gaussian_cdf, gaussian_quantile, wald_interval, wilson_interval
from mathlib.probability import gaussian_pdf

FAST = settings(deadline=None, max_examples=60)


def test_cdf_is_one_half_at_the_mean():
    """Half of a normal distribution lies below its mean."""
    assert gaussian_cdf(35.0, 35.0, 8.0) == 0.5


def test_cdf_gives_the_68_95_997_rule():
    """Within 1, 2, 3 standard deviations lie 68.27 %, 95.45 %, 99.73 % of the mass."""
    shares = [gaussian_cdf(k) - gaussian_cdf(-k) for k in (1, 2, 3)]
    assert np.round(shares, 4).tolist() == [0.6827, 0.9545, 0.9973]


@FAST
@given(st.floats(-6, 6), st.floats(-5, 5), st.floats(0.1, 10))
def test_cdf_matches_the_standard_library(x, mu, sigma):
    """gaussian_cdf agrees with statistics.NormalDist, an independent implementation."""
    assert math.isclose(gaussian_cdf(x, mu, sigma), NormalDist(mu, sigma).cdf(x), abs_tol=1e-12)


def test_cdf_slope_is_the_density():
    """d/dx of the CDF is the pdf (central difference)."""
    h = 1e-5
    slope = (gaussian_cdf(40.0 + h, 35, 8) - gaussian_cdf(40.0 - h, 35, 8)) / (2 * h)
    assert math.isclose(slope, gaussian_pdf(40.0, 35, 8), rel_tol=1e-7)


def test_cdf_takes_arrays():
    """An array of points gives an array of probabilities of the same shape."""
    assert gaussian_cdf(np.zeros((2, 3))).shape == (2, 3)


@FAST
@given(st.floats(0.001, 0.999))
def test_quantile_inverts_the_cdf(q):
    """gaussian_cdf(gaussian_quantile(q)) == q."""
    assert math.isclose(gaussian_cdf(gaussian_quantile(q, 35, 8), 35, 8), q, abs_tol=1e-12)


def test_wald_interval_formula():
    """The Wald interval is p_hat ± 1.96 sqrt(p_hat (1 - p_hat) / n) at 95 %."""
    z = NormalDist().inv_cdf(0.975)
    half = z * math.sqrt(0.047 * 0.953 / 1000)
    assert wald_interval(47, 1000) == pytest.approx((0.047 - half, 0.047 + half))


def test_wilson_endpoints_solve_the_score_equation():
    """Each Wilson endpoint p satisfies |p_hat - p| = z sqrt(p (1 - p) / n)."""
    z = NormalDist().inv_cdf(0.975)
    for p in wilson_interval(47, 1000):
        assert math.isclose(abs(0.047 - p), z * math.sqrt(p * (1 - p) / 1000), rel_tol=1e-9)


@FAST
@given(st.integers(1, 500).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_intervals_contain_the_estimate_and_wilson_stays_in_range(kn):
    """Both intervals contain k/n; Wilson's always stays inside [0, 1]."""
    k, n = kn
    low, high = wald_interval(k, n)
    assert low <= k / n <= high
    low, high = wilson_interval(k, n)
    assert 0.0 <= low <= k / n <= high <= 1.0


def test_wald_can_leave_the_unit_interval():
    """One event in a thousand: the Wald interval dips below 0, a flaw it really has."""
    assert wald_interval(1, 1000)[0] < 0


def test_wilson_is_not_a_point_at_zero_events():
    """With no events the Wald interval collapses to 0; the Wilson interval does not."""
    assert wald_interval(0, 100) == (0.0, 0.0)
    assert wilson_interval(0, 100)[1] > 0.03


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: gaussian_cdf(1.0, sigma=0.0), ValueError, "gaussian_cdf: sigma must be > 0"),
        (lambda: gaussian_quantile(1.0), ValueError, r"gaussian_quantile: q must lie in \(0, 1\)"),
        (lambda: wilson_interval(5, 3), ValueError, "wilson_interval: k must lie in 0..n = 0..3; got 5"),
        (lambda: wald_interval(1.5, 3), TypeError, "wald_interval: k must be an integer count"),
        (lambda: wilson_interval(1, 10, confidence=1.0), ValueError, r"confidence must lie in \(0, 1\)"),
    ],
)
def test_bad_input_is_named(call, error, message):
    """Each guard names the function, the argument and the rule."""
    with pytest.raises(error, match=message):
        call()
