"""Tests for mathlib.losses: analytic values, the site's figures, finite differences, errors."""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mathlib.activations import softmax
from mathlib.losses import (
    binary_cross_entropy,
    binary_cross_entropy_grad,
    cross_entropy,
    mae,
    mse,
    mse_grad,
    softmax_cross_entropy,
)

H = 1e-6


def numeric_gradient(f, x: np.ndarray) -> np.ndarray:
    """Central differences of scalar f at every entry of x."""
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = H
        grad[index] = (f(x + step) - f(x - step)) / (2 * H)
    return grad


def bce_by_hand(y, p):
    """Binary cross-entropy written term by term with the math module."""
    return -sum(t * math.log(q) + (1 - t) * math.log(1 - q) for t, q in zip(y, p, strict=True)) / len(y)


samples = st.integers(1, 6)


# ---- MSE and MAE -------------------------------------------------------------------------


def test_mse_analytic():
    """mse([1, 2], [1, 4]) = (0 + 4)/2 = 2."""
    assert mse([1.0, 2.0], [1.0, 4.0]) == 2.0


def test_mse_grad_single_sample_from_the_site():
    """Prediction 5, target 3, one sample: dL/dŷ = 2(5 − 3) = 4."""
    assert mse_grad(3.0, 5.0) == 4.0
    assert mse_grad([3.0], [5.0]).tolist() == [4.0]


def test_mse_grad_divides_by_the_number_of_entries():
    """The gradient of the mean carries 1/n: 2(ŷ − y)/n."""
    assert mse_grad([0.0, 0.0, 0.0, 0.0], [1.0, 2.0, 3.0, 4.0]).tolist() == [0.5, 1.0, 1.5, 2.0]


def test_mse_and_bce_of_slide_example():
    """y = (1, 0, 1), ŷ = (0.9, 0.1, 0.8): MSE = 0.02 and BCE = −(2 log 0.9 + log 0.8)/3."""
    y, y_hat = [1, 0, 1], [0.9, 0.1, 0.8]
    assert math.isclose(mse(y, y_hat), 0.02, rel_tol=1e-12)
    assert math.isclose(binary_cross_entropy(y, y_hat), -(2 * math.log(0.9) + math.log(0.8)) / 3)
    assert round(binary_cross_entropy(y, y_hat), 4) == 0.1446


def test_mae_analytic():
    """mae([1, 2], [2, 0]) = (1 + 2)/2 = 1.5."""
    assert mae([1.0, 2.0], [2.0, 0.0]) == 1.5


def test_losses_return_builtin_float():
    """Every loss returns a built-in float."""
    values = [mse([1.0], [2.0]), mae([1.0], [2.0]), binary_cross_entropy([1], [0.5])]
    values += [cross_entropy([0], [[1.0, 0.0]]), softmax_cross_entropy([0.0, 1.0], 1)[0]]
    assert all(type(v) is float for v in values)


@settings(max_examples=100, deadline=None)
@given(samples.flatmap(lambda n: st.tuples(*[arrays(np.float64, n, elements=st.floats(-10, 10))] * 2)))
def test_mse_grad_matches_finite_differences(pair):
    """mse_grad agrees with central differences of mse in y_hat."""
    y, y_hat = pair
    numeric = numeric_gradient(lambda v: mse(y, v), y_hat)
    assert np.allclose(mse_grad(y, y_hat), numeric, rtol=1e-5, atol=1e-6)


# ---- binary cross-entropy ----------------------------------------------------------------


def test_bce_of_flipkart_example():
    """Flipkart, y = (1, 0, 1), ŷ = (0.8, 0.3, 0.6): BCE = 0.3635 (from −log 0.8, −log 0.7, −log 0.6)."""
    y, p = [1, 0, 1], [0.8, 0.3, 0.6]
    assert math.isclose(binary_cross_entropy(y, p), bce_by_hand(y, p), rel_tol=1e-14)
    assert round(binary_cross_entropy(y, p), 4) == 0.3635


def test_bce_of_exercise():
    """y = (1, 0, 1, 0), ŷ = (0.9, 0.2, 0.7, 0.1): BCE = 0.1976 (the source rounds terms first and says 0.1977)."""
    assert round(binary_cross_entropy([1, 0, 1, 0], [0.9, 0.2, 0.7, 0.1]), 4) == 0.1976


def test_bce_at_one_half_is_log_two():
    """Predicting 0.5 costs log 2 whatever the label."""
    assert math.isclose(binary_cross_entropy([1, 0, 1], [0.5, 0.5, 0.5]), math.log(2), rel_tol=1e-15)


def test_bce_clips_certain_wrong_prediction():
    """p = 0 for y = 1 gives the finite −log(eps), not inf, and no warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loss = binary_cross_entropy([1.0], [0.0], eps=1e-12)
    assert math.isclose(loss, -math.log(1e-12))


def test_bce_of_perfect_prediction_is_near_zero():
    """Predicting the labels exactly costs about eps."""
    assert binary_cross_entropy([1, 0], [1.0, 0.0]) < 1e-11


def test_bce_grad_vs_mse_grad_when_confidently_wrong():
    """y = 1, ŷ = 0.01: the BCE gradient is −1/0.01 = −100, MSE's only 2(0.01 − 1) = −1.98."""
    assert math.isclose(binary_cross_entropy_grad(1.0, 0.01), -100.0, rel_tol=1e-12)
    assert math.isclose(mse_grad(1.0, 0.01), -1.98, rel_tol=1e-12)


@settings(max_examples=100, deadline=None)
@given(
    samples.flatmap(
        lambda n: st.tuples(
            arrays(np.float64, n, elements=st.sampled_from([0.0, 1.0])),
            arrays(np.float64, n, elements=st.floats(0.05, 0.95)),
        )
    )
)
def test_bce_grad_matches_finite_differences(pair):
    """binary_cross_entropy_grad agrees with central differences of binary_cross_entropy."""
    y, p = pair
    numeric = numeric_gradient(lambda v: binary_cross_entropy(y, v), p)
    assert np.allclose(binary_cross_entropy_grad(y, p), numeric, rtol=1e-5, atol=1e-6)


def test_bce_grad_is_finite_at_the_ends():
    """At p = 0 or 1 the gradient is taken at the clipped p, so it is large but finite."""
    grad = binary_cross_entropy_grad([1.0, 0.0], [0.0, 1.0])
    assert np.all(np.isfinite(grad)) and grad[0] < -1e10 and grad[1] > 1e10


# ---- categorical cross-entropy -----------------------------------------------------------


def test_cross_entropy_indices_and_one_hot_agree():
    """Class indices (n,) and one-hot rows (n, k) give the same loss: mean of −log p[true]."""
    p = [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1]]
    expected = -(math.log(0.7) + math.log(0.8)) / 2
    assert math.isclose(cross_entropy([0, 1], p), expected, rel_tol=1e-14)
    assert math.isclose(cross_entropy([[1, 0, 0], [0, 1, 0]], p), expected, rel_tol=1e-14)


def test_cross_entropy_of_next_word_example():
    """The next-word example: the true word "house" at probability 0.6226 costs 0.4739."""
    p = softmax([2.1, 0.8, 3.2, 1.5])
    assert round(cross_entropy([2], [p]), 4) == 0.4739


def test_cross_entropy_clips_zero_probability():
    """A true class given probability 0 costs −log(eps), finite, with no warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert math.isclose(cross_entropy([1], [[1.0, 0.0]]), -math.log(1e-12))


def test_cross_entropy_of_certain_right_answer_is_zero():
    """Probability 1 on the true class costs exactly 0.0 (not −0.0)."""
    assert math.copysign(1.0, cross_entropy([[0, 0, 1]], [[0.0, 0.0, 1.0]])) == 1.0


# ---- softmax cross-entropy -----------------------------------------------------------------


def test_softmax_cross_entropy_single_sample_exercise():
    """z = (2, 1, 0.1), true class 0: loss −log 0.659 = 0.417; gradient p − onehot."""
    loss, grad = softmax_cross_entropy([2.0, 1.0, 0.1], 0)
    p = softmax([2.0, 1.0, 0.1])
    assert math.isclose(loss, -math.log(p[0]), rel_tol=1e-14)
    assert round(loss, 3) == 0.417
    assert np.allclose(grad, p - [1.0, 0.0, 0.0], rtol=0, atol=1e-15)


def test_softmax_cross_entropy_equals_cross_entropy_of_softmax():
    """The fused loss equals cross_entropy(y, softmax(logits))."""
    logits = np.array([[1.0, -2.0, 0.5], [0.0, 3.0, -1.0]])
    y = [2, 1]
    assert math.isclose(softmax_cross_entropy(logits, y)[0], cross_entropy(y, softmax(logits)), rel_tol=1e-13)


def test_softmax_cross_entropy_accepts_one_hot():
    """One-hot y gives the same loss and gradient as class indices."""
    logits = np.array([[1.0, -2.0, 0.5], [0.0, 3.0, -1.0]])
    loss_i, grad_i = softmax_cross_entropy(logits, [2, 1])
    loss_h, grad_h = softmax_cross_entropy(logits, [[0, 0, 1], [0, 1, 0]])
    assert loss_i == loss_h and np.array_equal(grad_i, grad_h)
    assert softmax_cross_entropy([0.0, 1.0], [0, 1])[0] == softmax_cross_entropy([0.0, 1.0], 1)[0]


def test_softmax_cross_entropy_is_stable_for_huge_logits():
    """Logits (1000, 0): loss ≈ 0 for class 0 and exactly 1000 for class 1, no warnings."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        right, _ = softmax_cross_entropy([1000.0, 0.0], 0)
        wrong, grad = softmax_cross_entropy([1000.0, 0.0], 1)
    assert right == 0.0 and wrong == 1000.0
    assert grad.tolist() == [1.0, -1.0]


def test_softmax_cross_entropy_grad_carries_one_over_n():
    """The gradient of the mean is the per-sample p − onehot divided by n."""
    logits = np.zeros((4, 2))
    _, grad = softmax_cross_entropy(logits, [0, 0, 1, 1])
    assert np.allclose(grad, (softmax(logits) - np.eye(2)[[0, 0, 1, 1]]) / 4)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 4), st.integers(2, 5), st.data())
def test_softmax_cross_entropy_grad_matches_finite_differences(n, k, data):
    """The returned gradient agrees with central differences of the returned loss."""
    logits = data.draw(arrays(np.float64, (n, k), elements=st.floats(-10, 10)))
    y = np.array(data.draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n)))
    _, grad = softmax_cross_entropy(logits, y)
    numeric = numeric_gradient(lambda z: softmax_cross_entropy(z, y)[0], logits)
    assert np.allclose(grad, numeric, rtol=1e-5, atol=1e-7)


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 4), st.integers(2, 5), st.data())
def test_softmax_cross_entropy_grad_rows_sum_to_zero(n, k, data):
    """Each row of the gradient sums to 0 (softmax is shift-invariant)."""
    logits = data.draw(arrays(np.float64, (n, k), elements=st.floats(-1e3, 1e3)))
    y = np.array(data.draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n)))
    assert np.allclose(softmax_cross_entropy(logits, y)[1].sum(axis=1), 0.0, atol=1e-12)


# ---- errors ------------------------------------------------------------------------------


@pytest.mark.parametrize("f", [mse, mse_grad, mae])
def test_regression_losses_reject_shape_mismatch(f):
    """y and y_hat of different shapes raise ValueError naming both shapes."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: y is \(2,\) and y_hat is \(3,\); they must have"):
        f([1.0, 2.0], [1.0, 2.0, 3.0])


@pytest.mark.parametrize("f", [mse, mse_grad, mae])
def test_regression_losses_reject_strings(f):
    """A non-numeric y_hat raises TypeError."""
    with pytest.raises(TypeError, match=rf"^{f.__name__}: y_hat must be numeric"):
        f([1.0], "a")


@pytest.mark.parametrize("f", [mse, mse_grad, mae, binary_cross_entropy, binary_cross_entropy_grad])
def test_losses_reject_empty(f):
    """Empty input raises ValueError."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: y must not be empty"):
        f([], [])


@pytest.mark.parametrize("f", [binary_cross_entropy, binary_cross_entropy_grad])
def test_bce_rejects_p_outside_unit_interval(f):
    """p outside [0, 1] is not a probability: ValueError."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: p must lie in \[0, 1\]; got .*1\.5"):
        f([1.0, 0.0], [0.5, 1.5])


@pytest.mark.parametrize("f", [binary_cross_entropy, binary_cross_entropy_grad])
def test_bce_rejects_labels_outside_unit_interval(f):
    """Labels outside [0, 1] raise ValueError."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: y must lie in \[0, 1\]"):
        f([2.0], [0.5])


@pytest.mark.parametrize("f", [binary_cross_entropy, binary_cross_entropy_grad])
def test_bce_rejects_shape_mismatch(f):
    """y and p of different shapes raise ValueError."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: y is \(1,\) and p is \(2,\)"):
        f([1.0], [0.5, 0.5])


@pytest.mark.parametrize("f", [binary_cross_entropy, binary_cross_entropy_grad, cross_entropy])
def test_bad_eps_raises(f):
    """eps outside (0, 0.5) raises ValueError."""
    args = ([0], [[1.0]]) if f is cross_entropy else ([1.0], [0.5])
    with pytest.raises(ValueError, match=rf"^{f.__name__}: eps must lie in \(0, 0.5\); got 0.0"):
        f(*args, eps=0.0)


def test_cross_entropy_rejects_1d_p():
    """p must be rows of probabilities (n, k)."""
    with pytest.raises(ValueError, match=r"^cross_entropy: p must be 2-D; got shape \(2,\)"):
        cross_entropy([0], [0.5, 0.5])


def test_cross_entropy_rejects_rows_not_summing_to_one():
    """A row of p that does not sum to 1 raises ValueError naming the row and its sum."""
    message = r"^cross_entropy: each row of p must sum to 1 \(atol 1e-6\); row 1 sums to 0.5"
    with pytest.raises(ValueError, match=message):
        cross_entropy([0, 0], [[0.5, 0.5], [0.25, 0.25]])


def test_cross_entropy_rejects_negative_p():
    """Negative probabilities raise ValueError."""
    with pytest.raises(ValueError, match=r"^cross_entropy: p must lie in \[0, 1\]"):
        cross_entropy([0], [[1.5, -0.5]])


@pytest.mark.parametrize("f", [cross_entropy, softmax_cross_entropy])
def test_class_index_out_of_range_raises(f):
    """A class index >= k raises ValueError."""
    second = [[0.5, 0.5]] if f is cross_entropy else [[0.0, 0.0]]
    args = ([2], second) if f is cross_entropy else (second, [2])
    message = rf"^{f.__name__}: y holds class indices, so it must be integers in 0..1; got 2.0"
    with pytest.raises(ValueError, match=message):
        f(*args)


def test_fractional_class_index_raises():
    """A non-integer class index raises ValueError."""
    with pytest.raises(ValueError, match=r"^cross_entropy: y holds class indices.*got 0.5"):
        cross_entropy([0.5], [[0.5, 0.5]])


def test_not_one_hot_raises():
    """Rows of y that are not one-hot raise ValueError."""
    with pytest.raises(ValueError, match=r"^cross_entropy: y of shape \(1, 2\) must be one-hot"):
        cross_entropy([[0.5, 0.5]], [[0.5, 0.5]])


def test_y_of_wrong_shape_raises():
    """y that is neither (n,) nor (n, k) raises ValueError naming both shapes and the rule."""
    message = r"^softmax_cross_entropy: y is \(3,\) and the predictions are \(2, 2\); y must be"
    with pytest.raises(ValueError, match=message):
        softmax_cross_entropy([[0.0, 0.0], [0.0, 0.0]], [0, 1, 1])


def test_softmax_cross_entropy_rejects_infinite_logits():
    """Infinite logits raise ValueError."""
    with pytest.raises(ValueError, match=r"^softmax_cross_entropy: logits must be finite"):
        softmax_cross_entropy([float("inf"), 0.0], 0)


def test_softmax_cross_entropy_rejects_3d_logits():
    """Logits must be (k,) or (n, k)."""
    with pytest.raises(ValueError, match=r"^softmax_cross_entropy: logits must be 1-D or 2-D; got shape \(1, 1, 2\)"):
        softmax_cross_entropy([[[0.0, 0.0]]], [0])
