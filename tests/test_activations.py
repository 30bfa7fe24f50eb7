"""Tests for mathlib.activations: analytic values, finite differences, stability, errors."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mathlib.activations import (
    leaky_relu,
    leaky_relu_grad,
    relu,
    relu_grad,
    sigmoid,
    sigmoid_grad,
    softmax,
    tanh,
    tanh_grad,
)

ELEMENTWISE = [sigmoid, sigmoid_grad, tanh, tanh_grad, relu, relu_grad, leaky_relu, leaky_relu_grad]
H = 1e-5  # central-difference step: error O(h^2) ~ 1e-10, rounding O(eps/h) ~ 1e-11

moderate = st.floats(-30, 30, allow_nan=False)
huge = st.floats(-1e4, 1e4, allow_nan=False)
score_vectors = arrays(np.float64, st.integers(1, 12), elements=huge)


def central_difference(f, z: float) -> float:
    return (f(z + H) - f(z - H)) / (2 * H)


# ---- analytic values ---------------------------------------------------------------------


def test_sigmoid_at_zero_is_one_half():
    """σ(0) = 1/2."""
    assert sigmoid(0) == 0.5


def test_sigmoid_matches_math_formula():
    """σ(z) agrees with 1/(1 + e^-z) computed with the math module for moderate z."""
    for z in (-5.0, -1.0, 0.3, 2.0, 7.5):
        assert math.isclose(sigmoid(z), 1 / (1 + math.exp(-z)), rel_tol=1e-14)


def test_sigmoid_grad_peaks_at_one_quarter_at_zero():
    """σ′(0) = 0.25 and no point of a fine grid exceeds it."""
    grid = np.linspace(-10, 10, 2001)
    assert sigmoid_grad(0) == 0.25
    assert sigmoid_grad(grid).max() == 0.25


def test_tanh_and_tanh_grad_at_zero():
    """tanh(0) = 0 and tanh′(0) = 1."""
    assert (tanh(0), tanh_grad(0)) == (0.0, 1.0)


def test_tanh_matches_math_module():
    """tanh agrees with math.tanh."""
    for z in (-3.0, -0.5, 0.25, 4.0):
        assert math.isclose(tanh(z), math.tanh(z), rel_tol=1e-14)


def test_relu_values():
    """relu keeps positives and zeroes the rest, without a negative zero."""
    assert relu([-2.0, -0.0, 0.0, 3.5]).tolist() == [0.0, 0.0, 0.0, 3.5]
    assert math.copysign(1.0, relu(-0.0)) == 1.0


def test_relu_grad_is_zero_at_zero():
    """relu′ is 1 for z > 0 and, by our documented choice, 0 at z = 0 and below."""
    assert relu_grad([-1.0, 0.0, 1e-300, 2.0]).tolist() == [0.0, 0.0, 1.0, 1.0]


def test_leaky_relu_values():
    """leaky_relu keeps positives and scales the rest by alpha (default 0.01)."""
    assert leaky_relu([-100.0, 0.0, 4.0]).tolist() == [-1.0, 0.0, 4.0]
    assert leaky_relu(-5.0, alpha=0.2) == -1.0


def test_leaky_relu_grad_values():
    """leaky_relu′ is 1 for z > 0 and alpha at z <= 0."""
    assert leaky_relu_grad([-3.0, 0.0, 3.0], alpha=0.1).tolist() == [0.1, 0.1, 1.0]


def test_leaky_relu_with_alpha_zero_is_relu():
    """With alpha = 0 leaky ReLU and its derivative are ReLU and its derivative."""
    z = np.linspace(-3, 3, 13)
    assert np.array_equal(leaky_relu(z, alpha=0.0), relu(z))
    assert np.array_equal(leaky_relu_grad(z, alpha=0.0), relu_grad(z))


def test_softmax_of_site_example():
    """softmax(2, 1, 0.1) ≈ (0.659, 0.242, 0.099), the figure used on the site."""
    assert np.round(softmax([2.0, 1.0, 0.1]), 3).tolist() == [0.659, 0.242, 0.099]


def test_softmax_matches_direct_formula():
    """softmax equals e^z_i / Σ e^z_j computed term by term with math.exp."""
    z = [0.5, -1.0, 2.0, 0.0]
    denominator = sum(math.exp(v) for v in z)
    assert np.allclose(softmax(z), [math.exp(v) / denominator for v in z], rtol=1e-14, atol=0)


def test_softmax_of_huge_equal_scores_is_uniform():
    """softmax([1000, 1000]) is exactly [0.5, 0.5], where the naive formula gives inf/inf."""
    assert softmax([1000.0, 1000.0]).tolist() == [0.5, 0.5]


def test_softmax_axis():
    """softmax normalises along the requested axis of a 2-D array."""
    z = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
    assert np.allclose(softmax(z).sum(axis=1), 1.0)
    assert np.allclose(softmax(z, axis=0).sum(axis=0), 1.0)
    assert np.allclose(softmax(z, axis=0)[:, 1], softmax([2.0, 1.0]))


# ---- return types ----------------------------------------------------------------------


@pytest.mark.parametrize("f", ELEMENTWISE)
def test_scalar_in_gives_builtin_float(f):
    """A number in gives a built-in float out (so it prints as 0.25, not np.float64(0.25))."""
    assert type(f(0.5)) is float
    assert type(f(np.float64(0.5))) is float


@pytest.mark.parametrize("f", ELEMENTWISE)
def test_array_in_gives_array_of_same_shape(f):
    """An array in gives an ndarray of the same shape out."""
    out = f(np.zeros((2, 3)))
    assert isinstance(out, np.ndarray) and out.shape == (2, 3)


# ---- properties --------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(score_vectors)
def test_softmax_sums_to_one(z):
    """softmax(z) is a distribution: entries in [0, 1] summing to 1."""
    p = softmax(z)
    assert np.all((p >= 0) & (p <= 1))
    assert math.isclose(p.sum(), 1.0, abs_tol=1e-12)


@settings(max_examples=100, deadline=None)
@given(arrays(np.float64, st.integers(1, 12), elements=st.floats(-100, 100)), st.floats(-1e3, 1e3))
def test_softmax_is_shift_invariant(z, c):
    """softmax(z + c) = softmax(z) for any constant c."""
    assert np.allclose(softmax(z + c), softmax(z), rtol=0, atol=1e-9)


@settings(max_examples=100, deadline=None)
@given(score_vectors)
def test_everything_is_stable_for_huge_inputs(z):
    """For |z| <= 1e4 no function warns or returns NaN/inf."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        outputs = [f(z) for f in ELEMENTWISE] + [softmax(z)]
    assert all(np.isfinite(out).all() for out in outputs)


@settings(max_examples=100, deadline=None)
@given(moderate)
def test_sigmoid_grad_equals_sigma_times_one_minus_sigma(z):
    """σ′(z) = σ(z)(1 − σ(z))."""
    s = sigmoid(z)
    assert math.isclose(sigmoid_grad(z), s * (1 - s), rel_tol=1e-9, abs_tol=1e-15)


@settings(max_examples=100, deadline=None)
@given(moderate)
def test_sigmoid_grad_matches_finite_differences(z):
    """σ′ agrees with a central difference of σ."""
    assert math.isclose(sigmoid_grad(z), central_difference(sigmoid, z), rel_tol=1e-5, abs_tol=1e-9)


@settings(max_examples=100, deadline=None)
@given(moderate)
def test_sigmoid_is_antisymmetric_about_one_half(z):
    """σ(−z) = 1 − σ(z)."""
    assert math.isclose(sigmoid(-z), 1 - sigmoid(z), abs_tol=1e-15)


@settings(max_examples=100, deadline=None)
@given(moderate)
def test_tanh_grad_equals_one_minus_tanh_squared(z):
    """tanh′(z) = 1 − tanh²(z)."""
    assert math.isclose(tanh_grad(z), 1 - tanh(z) ** 2, rel_tol=1e-9, abs_tol=1e-15)


@settings(max_examples=100, deadline=None)
@given(moderate)
def test_tanh_grad_matches_finite_differences(z):
    """tanh′ agrees with a central difference of tanh."""
    assert math.isclose(tanh_grad(z), central_difference(tanh, z), rel_tol=1e-5, abs_tol=1e-9)


@settings(max_examples=100, deadline=None)
@given(moderate.filter(lambda z: abs(z) > 1e-3), st.floats(0, 1))
def test_leaky_relu_grad_matches_finite_differences(z, alpha):
    """Away from the kink, leaky_relu′ agrees with a central difference of leaky_relu."""
    numeric = central_difference(lambda v: leaky_relu(v, alpha=alpha), z)
    assert math.isclose(leaky_relu_grad(z, alpha=alpha), numeric, rel_tol=1e-6, abs_tol=1e-9)


def test_sigmoid_grad_keeps_precision_in_the_tail():
    """σ′(40) ≈ e^-40 is returned accurately, where σ(1 − σ) would round to 0."""
    assert math.isclose(sigmoid_grad(40.0), math.exp(-40) / (1 + math.exp(-40)) ** 2, rel_tol=1e-12)


# ---- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize("f", [*ELEMENTWISE, softmax])
def test_non_numeric_z_raises_type_error(f):
    """A string z raises TypeError naming the function and z."""
    with pytest.raises(TypeError, match=rf"^{f.__name__}: z must be numeric"):
        f("1.0")


@pytest.mark.parametrize("f", [*ELEMENTWISE, softmax])
def test_empty_z_raises(f):
    """An empty z raises ValueError."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: z must not be empty"):
        f([])


@pytest.mark.parametrize("f", [*ELEMENTWISE, softmax])
def test_nan_z_raises(f):
    """A NaN in z raises ValueError instead of propagating silently."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: z contains NaN"):
        f([0.0, float("nan")])


@pytest.mark.parametrize("f", [leaky_relu, leaky_relu_grad])
def test_negative_alpha_raises(f):
    """alpha < 0 raises ValueError."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: alpha must be finite and >= 0; got -0.5"):
        f(1.0, alpha=-0.5)


@pytest.mark.parametrize("f", [leaky_relu, leaky_relu_grad])
def test_infinite_alpha_raises(f):
    """An infinite alpha raises ValueError."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: alpha must be finite"):
        f(1.0, alpha=float("inf"))


@pytest.mark.parametrize("f", [leaky_relu, leaky_relu_grad])
def test_non_numeric_alpha_raises(f):
    """A non-numeric alpha raises TypeError."""
    with pytest.raises(TypeError, match=rf"^{f.__name__}: alpha must be a real number"):
        f(1.0, alpha="0.1")


def test_softmax_of_scalar_raises():
    """softmax needs a vector of scores, not one number."""
    with pytest.raises(ValueError, match=r"^softmax: z must be at least 1-D"):
        softmax(3.0)


def test_softmax_of_infinity_raises():
    """softmax rejects infinite scores (inf − inf would be NaN)."""
    with pytest.raises(ValueError, match=r"^softmax: z must be finite"):
        softmax([1.0, float("inf")])


def test_softmax_axis_out_of_range_raises():
    """An axis beyond z's dimensions raises ValueError naming the shape."""
    with pytest.raises(ValueError, match=r"^softmax: axis 1 is out of range for z of shape \(3,\)"):
        softmax([1.0, 2.0, 3.0], axis=1)


def test_softmax_non_integer_axis_raises():
    """A non-integer axis raises TypeError."""
    with pytest.raises(TypeError, match=r"^softmax: axis must be an integer; got float"):
        softmax([1.0, 2.0], axis=0.0)
