"""Tests for mathlib.information: analytic values, the site's figures, identities, errors."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathlib.information import cross_entropy, entropy, kl_divergence

SWIGGY_TRUE = [0.4, 0.3, 0.2, 0.1]
SWIGGY_A = [0.35, 0.30, 0.25, 0.10]
SWIGGY_B = [0.10, 0.10, 0.10, 0.70]


def normalised(weights: list[float]) -> np.ndarray:
    w = np.array(weights)
    return w / w.sum()


def same_length_pair(min_weight: float):
    """Two distributions of the same length with every entry >= min_weight before normalising."""
    weights = st.floats(min_weight, 1.0)
    return st.integers(2, 8).flatmap(
        lambda k: st.tuples(
            *[st.lists(weights, min_size=k, max_size=k).filter(lambda w: sum(w) > 0.1).map(normalised)] * 2
        )
    )


distributions = st.lists(st.floats(0.0, 1.0), min_size=1, max_size=8).filter(lambda w: sum(w) > 0.1).map(normalised)


# ---- analytic values and the site's figures ------------------------------------------------


def test_coin_entropies_in_bits():
    """Fair, p = 0.9 and certain coins have entropies 1.0, 0.469 (≈ 0.47) and 0.0 bits."""
    assert entropy([0.5, 0.5], base=2) == 1.0
    assert round(entropy([0.9, 0.1], base=2), 3) == 0.469
    assert entropy([1.0, 0.0], base=2) == 0.0


def test_entropy_of_biased_coin_by_hand():
    """H(0.9, 0.1) = −(0.9 log₂ 0.9 + 0.1 log₂ 0.1)."""
    expected = -(0.9 * math.log2(0.9) + 0.1 * math.log2(0.1))
    assert math.isclose(entropy([0.9, 0.1], base=2), expected, rel_tol=1e-14)


def test_entropy_of_certain_outcome_is_positive_zero():
    """0 log 0 = 0, and the result is 0.0 rather than −0.0."""
    assert math.copysign(1.0, entropy([0.0, 1.0, 0.0])) == 1.0


@pytest.mark.parametrize("k", [1, 2, 5, 10])
def test_uniform_entropy_is_log_k(k):
    """The uniform distribution over k outcomes has H = ln k nats."""
    assert math.isclose(entropy([1 / k] * k), math.log(k), rel_tol=1e-14, abs_tol=1e-15)


def test_swiggy_entropy_and_kl():
    """Swiggy: H(p) = 1.280 nats, KL(p‖A) = 0.0088, KL(p‖B) = 0.828 nats."""
    assert round(entropy(SWIGGY_TRUE), 3) == 1.280
    assert round(kl_divergence(SWIGGY_TRUE, SWIGGY_A), 4) == 0.0088
    assert round(kl_divergence(SWIGGY_TRUE, SWIGGY_B), 3) == 0.828


def test_swiggy_model_a_is_94_times_closer_not_92():
    """KL(p‖B)/KL(p‖A) = 94.3: the source's "92×" divides figures rounded to 0.009 and 0.828."""
    ratio = kl_divergence(SWIGGY_TRUE, SWIGGY_B) / kl_divergence(SWIGGY_TRUE, SWIGGY_A)
    assert round(ratio, 1) == 94.3


def test_kl_by_hand():
    """KL(p‖q) = Σ p log(p/q) written term by term."""
    expected = sum(p * math.log(p / q) for p, q in zip(SWIGGY_TRUE, SWIGGY_B, strict=True))
    assert math.isclose(kl_divergence(SWIGGY_TRUE, SWIGGY_B), expected, rel_tol=1e-14)


def test_kl_is_not_symmetric():
    """KL(p‖q) ≠ KL(q‖p) in general."""
    assert not math.isclose(kl_divergence(SWIGGY_TRUE, SWIGGY_B), kl_divergence(SWIGGY_B, SWIGGY_TRUE))


def test_cross_entropy_by_hand():
    """H(p, q) = −Σ p log q written term by term."""
    expected = -sum(p * math.log(q) for p, q in zip(SWIGGY_TRUE, SWIGGY_A, strict=True))
    assert math.isclose(cross_entropy(SWIGGY_TRUE, SWIGGY_A), expected, rel_tol=1e-14)


def test_bits_are_nats_over_ln_two():
    """Changing the base divides by ln(base): bits = nats / ln 2."""
    for f, args in (
        (entropy, (SWIGGY_TRUE,)),
        (kl_divergence, (SWIGGY_TRUE, SWIGGY_A)),
        (cross_entropy, (SWIGGY_TRUE, SWIGGY_A)),
    ):
        assert math.isclose(f(*args, base=2), f(*args) / math.log(2), rel_tol=1e-14)


def test_zero_q_where_p_positive_gives_inf_without_warning():
    """q = 0 where p > 0 makes cross-entropy and KL infinite, silently."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
        assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf


def test_zero_p_ignores_q():
    """Where p = 0 the term is 0 even if q = 0 there too."""
    assert kl_divergence([1.0, 0.0], [1.0, 0.0]) == 0.0
    assert cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0


def test_sum_within_tolerance_is_accepted():
    """A sum off by 5e-7 (inside atol 1e-6) is accepted and rescaled."""
    assert math.isclose(entropy([0.5, 0.5 + 5e-7], base=2), 1.0, abs_tol=1e-6)


# ---- properties --------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(same_length_pair(0.0).filter(lambda pq: pq[1].min() > 0))
def test_kl_is_non_negative(pq):
    """Gibbs' inequality: KL(p‖q) >= 0."""
    assert kl_divergence(*pq) >= 0.0


@settings(max_examples=100, deadline=None)
@given(distributions)
def test_kl_of_p_with_itself_is_zero(p):
    """KL(p‖p) = 0."""
    assert kl_divergence(p, p) == 0.0


@settings(max_examples=100, deadline=None)
@given(same_length_pair(0.01).filter(lambda pq: np.abs(pq[0] - pq[1]).max() > 1e-3))
def test_kl_is_positive_when_p_differs_from_q(pq):
    """KL(p‖q) > 0 whenever p ≠ q."""
    assert kl_divergence(*pq) > 0.0


@settings(max_examples=100, deadline=None)
@given(same_length_pair(0.0).filter(lambda pq: pq[1].min() > 0))
def test_cross_entropy_is_entropy_plus_kl(pq):
    """H(p, q) = H(p) + KL(p‖q)."""
    p, q = pq
    assert math.isclose(cross_entropy(p, q), entropy(p) + kl_divergence(p, q), rel_tol=1e-9, abs_tol=1e-12)


@settings(max_examples=100, deadline=None)
@given(distributions)
def test_entropy_is_between_zero_and_log_k(p):
    """0 <= H(p) <= ln k."""
    assert 0.0 <= entropy(p) <= math.log(len(p)) + 1e-12


# ---- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize("f", [entropy, cross_entropy, kl_divergence])
def test_p_not_summing_to_one_raises_with_the_sum(f):
    """A p that does not sum to 1 raises ValueError naming p, the tolerance and the sum."""
    args = ([0.5, 0.6],) if f is entropy else ([0.5, 0.6], [0.5, 0.5])
    with pytest.raises(ValueError, match=rf"^{f.__name__}: p must sum to 1 \(within atol 1e-06\); it sums to 1.1"):
        f(*args)


@pytest.mark.parametrize("f", [cross_entropy, kl_divergence])
def test_q_not_summing_to_one_raises_with_the_sum(f):
    """A q that does not sum to 1 raises ValueError naming q and the sum."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: q must sum to 1 .*; it sums to 0.5"):
        f([0.5, 0.5], [0.25, 0.25])


def test_sum_just_outside_tolerance_raises():
    """A sum off by 2e-6 is rejected."""
    with pytest.raises(ValueError, match=r"^entropy: p must sum to 1"):
        entropy([0.5, 0.5 + 2e-6])


@pytest.mark.parametrize("f", [entropy, cross_entropy, kl_divergence])
def test_negative_entry_raises(f):
    """A negative entry raises ValueError naming it."""
    args = ([1.5, -0.5],) if f is entropy else ([1.5, -0.5], [0.5, 0.5])
    with pytest.raises(ValueError, match=rf"^{f.__name__}: p must be non-negative; got -0.5"):
        f(*args)


@pytest.mark.parametrize("f", [entropy, cross_entropy, kl_divergence])
def test_2d_input_raises(f):
    """A distribution must be 1-D."""
    args = ([[0.5, 0.5]],) if f is entropy else ([[0.5, 0.5]], [0.5, 0.5])
    with pytest.raises(ValueError, match=rf"^{f.__name__}: p must be 1-D; got shape \(1, 2\)"):
        f(*args)


@pytest.mark.parametrize("f", [cross_entropy, kl_divergence])
def test_shape_mismatch_raises(f):
    """p and q of different lengths raise ValueError naming both shapes."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: p is \(2,\) and q is \(3,\); they must have the same shape"):
        f([0.5, 0.5], [0.2, 0.3, 0.5])


@pytest.mark.parametrize("base", [1, 0.5, 0, -2, math.inf])
@pytest.mark.parametrize("f", [entropy, cross_entropy, kl_divergence])
def test_bad_base_raises(f, base):
    """base must be finite and > 1."""
    args = ([0.5, 0.5],) if f is entropy else ([0.5, 0.5], [0.5, 0.5])
    with pytest.raises(ValueError, match=rf"^{f.__name__}: base must be finite and > 1"):
        f(*args, base=base)


@pytest.mark.parametrize("f", [entropy, cross_entropy, kl_divergence])
def test_non_numeric_raises_type_error(f):
    """A string distribution raises TypeError."""
    args = ("ab",) if f is entropy else ("ab", [0.5, 0.5])
    with pytest.raises(TypeError, match=rf"^{f.__name__}: p must be numeric"):
        f(*args)
