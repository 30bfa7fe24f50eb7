"""Tests for mathlib.classification: analytic values, identities (Hypothesis), planted faults, errors."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mathlib.activations import softmax
from mathlib.calculus import gradient_check, jacobian
from mathlib.classification import (
    accuracy,
    categorical_log_likelihood,
    categorical_pmf,
    confusion_matrix,
    one_hot,
    softmax_jacobian,
    softmax_regression_grad,
    stratified_split,
)
from mathlib.losses import cross_entropy, softmax_cross_entropy
from mathlib.nn import MLP
from mathlib.probability import bernoulli_pmf

scores = st.integers(2, 6).flatmap(lambda k: arrays(np.float64, k, elements=st.floats(-30, 30)))
score_rows = st.tuples(st.integers(1, 6), st.integers(2, 5)).flatmap(
    lambda shape: arrays(np.float64, shape, elements=st.floats(-30, 30))
)


def _problem(seed: int, n: int = 7, d: int = 3, k: int = 4):
    """A small random softmax-regression problem: X, class indices, W, b."""
    rng = np.random.default_rng(seed)
    return rng.normal(size=(n, d)), rng.integers(0, k, size=n), rng.normal(size=(d, k)), rng.normal(size=k)


def _flat_loss_and_grad(X, y, d, k):
    """The mean cross-entropy and the closed-form gradient as functions of one parameter vector."""

    def loss(theta):
        return softmax_cross_entropy(X @ theta[: d * k].reshape(d, k) + theta[d * k :], y)[0]

    def grad(theta):
        dW, db = softmax_regression_grad(X, y, theta[: d * k].reshape(d, k), theta[d * k :])
        return np.concatenate([dW.ravel(), db])

    return loss, grad


# ---- softmax (from mathlib.activations), the properties this module relies on -----------------


@settings(max_examples=100, deadline=None)
@given(score_rows)
def test_softmax_rows_sum_to_one(Z):
    """Every row of softmax(Z) is a distribution: entries in [0, 1], summing to 1."""
    P = softmax(Z)
    assert np.all((P >= 0) & (P <= 1))
    assert np.allclose(P.sum(axis=1), 1.0, rtol=0, atol=1e-12)


@settings(max_examples=100, deadline=None)
@given(score_rows, st.floats(-100, 100))
def test_softmax_is_shift_invariant(Z, c):
    """Adding one constant to every score of a row leaves softmax unchanged."""
    assert np.allclose(softmax(Z + c), softmax(Z), rtol=0, atol=1e-12)


# ---- one_hot ----------------------------------------------------------------------------------


def test_one_hot_values():
    """Row i of one_hot(y, k) is the unit vector e_{y_i}."""
    assert one_hot([2, 0, 1], 3).tolist() == [[0, 0, 1], [1, 0, 0], [0, 1, 0]]


@pytest.mark.parametrize(
    ("y", "k", "error", "message"),
    [
        ([0, 3], 3, ValueError, r"^one_hot: y holds class indices, so it must be whole numbers in 0\.\.2; got 3\.0"),
        ([0.5], 3, ValueError, r"^one_hot: y holds class indices"),
        ([-1], 3, ValueError, r"^one_hot: y holds class indices"),
        ([[0, 1]], 3, ValueError, r"^one_hot: y must be 1-D; got shape \(1, 2\)"),
        ([0], 0, ValueError, r"^one_hot: k must be >= 1"),
        ([0], 2.0, TypeError, r"^one_hot: k must be an integer"),
        ("01", 2, TypeError, r"^one_hot: y must be numeric"),
    ],
)
def test_one_hot_rejects_bad_input(y, k, error, message):
    """Labels that are not whole numbers in 0..k-1 (or a bad k) raise, naming one_hot and the argument."""
    with pytest.raises(error, match=message):
        one_hot(y, k)


# ---- categorical_pmf and the likelihood ---------------------------------------------------------


def test_categorical_pmf_picks_the_outcome_probability():
    """P(X = x) = p_x, for one outcome and for an array of outcomes."""
    p = [0.5, 0.3, 0.2]
    assert categorical_pmf(1, p) == 0.3
    assert categorical_pmf([[2, 0]], p).tolist() == [[0.2, 0.5]]


@settings(max_examples=100, deadline=None)
@given(st.sampled_from([0, 1]), st.floats(0, 1))
def test_categorical_with_two_classes_is_bernoulli(x, p):
    """With K = 2 and p = (1 - p, p), the categorical pmf equals the Bernoulli pmf."""
    assert math.isclose(categorical_pmf(x, [1 - p, p]), bernoulli_pmf(x, p), rel_tol=1e-12, abs_tol=1e-15)


@pytest.mark.parametrize(
    ("x", "p", "message"),
    [
        (0, [0.5, 0.6], r"^categorical_pmf: p must sum to 1 along its last axis"),
        (0, [1.5, -0.5], r"^categorical_pmf: p must lie in \[0, 1\]"),
        (2, [0.5, 0.5], r"^categorical_pmf: x holds class indices, so it must be whole numbers in 0\.\.1"),
        (0, [[0.5, 0.5]], r"^categorical_pmf: p must be 1-D"),
    ],
)
def test_categorical_pmf_rejects_bad_input(x, p, message):
    """A p that is not a distribution, or an outcome outside 0..k-1, raises ValueError naming it."""
    with pytest.raises(ValueError, match=message):
        categorical_pmf(x, p)


@settings(max_examples=100, deadline=None)
@given(score_rows, st.data())
def test_log_likelihood_is_minus_n_times_cross_entropy(Z, data):
    """The categorical log-likelihood of the labels is -n times their mean cross-entropy."""
    n, k = Z.shape
    y = np.array(data.draw(st.lists(st.integers(0, k - 1), min_size=n, max_size=n)))
    P = softmax(Z)
    ll = categorical_log_likelihood(y, P)
    assert math.isclose(ll, -n * cross_entropy(y, P, eps=1e-300), rel_tol=1e-9, abs_tol=1e-9)


def test_log_likelihood_takes_indices_or_one_hot():
    """Indices and their one-hot rows give the same log-likelihood, the sum of log P[i, y_i]."""
    P = np.array([[0.2, 0.8], [0.6, 0.4]])
    expected = math.log(0.8) + math.log(0.6)
    assert math.isclose(categorical_log_likelihood([1, 0], P), expected)
    assert math.isclose(categorical_log_likelihood(one_hot([1, 0], 2), P), expected)


def test_log_likelihood_of_an_impossible_label_is_minus_infinity():
    """An observed class of probability 0 gives log-likelihood -inf, without a warning."""
    assert categorical_log_likelihood([0], [[0.0, 1.0]]) == -math.inf


def test_log_likelihood_rejects_mismatched_labels():
    """Labels of the wrong shape raise ValueError naming the function and both shapes."""
    with pytest.raises(ValueError, match=r"^categorical_log_likelihood: y is \(3,\) and the predictions are \(2, 2\)"):
        categorical_log_likelihood([0, 1, 1], [[0.5, 0.5], [0.5, 0.5]])


def test_log_likelihood_rejects_rows_that_do_not_sum_to_one():
    """A row of P that is not a distribution raises ValueError."""
    with pytest.raises(ValueError, match=r"^categorical_log_likelihood: P must sum to 1"):
        categorical_log_likelihood([0], [[0.5, 0.4]])


# ---- softmax_jacobian -------------------------------------------------------------------------------


def test_softmax_jacobian_analytic():
    """For z = (0, log 2, log 3), p = (1, 2, 3)/6 and 36 J = [[5, -2, -3], [-2, 8, -6], [-3, -6, 9]]."""
    J = softmax_jacobian(np.log([1.0, 2.0, 3.0]))
    assert np.allclose(36 * J, [[5, -2, -3], [-2, 8, -6], [-3, -6, 9]], rtol=0, atol=1e-13)


@settings(max_examples=100, deadline=None)
@given(arrays(np.float64, st.integers(2, 6), elements=st.floats(-5, 5)))
def test_softmax_jacobian_matches_finite_differences(z):
    """diag(p) - p p^T equals the central-difference Jacobian of softmax."""
    assert np.allclose(softmax_jacobian(z), jacobian(softmax, z), rtol=0, atol=1e-8)


@settings(max_examples=100, deadline=None)
@given(scores)
def test_softmax_jacobian_is_symmetric_psd_with_zero_row_sums(z):
    """J is symmetric, J 1 = 0 (shift-invariance), and no eigenvalue is negative beyond round-off."""
    J = softmax_jacobian(z)
    assert np.array_equal(J, J.T)
    assert np.allclose(J.sum(axis=1), 0.0, rtol=0, atol=1e-15)
    assert np.linalg.eigvalsh(J).min() >= -1e-15


def test_a_wrong_jacobian_fails_the_finite_difference_comparison():
    """Planted fault: diag(p) alone (the p p^T term dropped) is far from the numerical Jacobian."""
    z = np.array([2.0, 1.0, 0.1])
    wrong = np.diag(softmax(z))
    assert np.abs(wrong - jacobian(softmax, z)).max() > 0.1


@pytest.mark.parametrize(
    ("z", "error", "message"),
    [
        ([[0.0, 1.0]], ValueError, r"^softmax_jacobian: z must be 1-D"),
        ([0.0, np.inf], ValueError, r"^softmax_jacobian: z must be finite"),
        (None, TypeError, r"^softmax_jacobian: z must be numeric"),
    ],
)
def test_softmax_jacobian_rejects_bad_input(z, error, message):
    """Bad scores raise, naming softmax_jacobian and z."""
    with pytest.raises(error, match=message):
        softmax_jacobian(z)


# ---- softmax_regression_grad ----------------------------------------------------------------------


def test_softmax_regression_grad_analytic():
    """Zero weights, one sample x = 2 of class 0 of two: P = (1/2, 1/2), dW = 2 (P - Y), db = P - Y."""
    dW, db = softmax_regression_grad([[2.0]], [0], [[0.0, 0.0]], [0.0, 0.0])
    assert dW.tolist() == [[-1.0, 1.0]] and db.tolist() == [-0.5, 0.5]


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 10_000))
def test_softmax_regression_grad_matches_finite_differences(seed):
    """(1/n) X^T (P - Y) and (1/n) (P - Y)^T 1 equal the central-difference gradient of the loss."""
    X, y, W, b = _problem(seed)
    loss, grad = _flat_loss_and_grad(X, y, *W.shape)
    assert gradient_check(loss, grad, np.concatenate([W.ravel(), b])) < 1e-7


def test_a_gradient_without_the_mean_fails_the_gradient_check():
    """Planted fault: X^T (P - Y) without the 1/n is flagged by the same finite-difference check."""
    X, y, W, b = _problem(0)
    d, k = W.shape
    loss, grad = _flat_loss_and_grad(X, y, d, k)
    theta = np.concatenate([W.ravel(), b])
    assert gradient_check(loss, lambda t: len(y) * grad(t), theta) > 0.5


def test_softmax_regression_grad_equals_a_one_layer_softmax_network():
    """The closed form equals MLP([d, k], ['softmax']).loss_and_grads with the same W and b."""
    X, y, W, b = _problem(1)
    net = MLP(list(W.shape), ["softmax"], rng=0)
    net.layers[0].W[...], net.layers[0].b[...] = W, b
    _, (dW_net, db_net) = net.loss_and_grads(X, y, loss="softmax_ce")
    dW, db = softmax_regression_grad(X, y, W, b)
    assert np.allclose(dW, dW_net, rtol=0, atol=1e-14) and np.allclose(db, db_net, rtol=0, atol=1e-14)


def test_softmax_regression_grad_takes_indices_or_one_hot():
    """Class indices and their one-hot rows give the same gradient."""
    X, y, W, b = _problem(2)
    for a, c in zip(softmax_regression_grad(X, y, W, b), softmax_regression_grad(X, one_hot(y, 4), W, b), strict=True):
        assert np.array_equal(a, c)


@settings(max_examples=50, deadline=None)
@given(st.integers(0, 10_000))
def test_the_bias_gradient_sums_to_zero(seed):
    """Each row of P - Y sums to 0, so the bias gradient sums to 0 over the classes."""
    X, y, W, b = _problem(seed)
    assert abs(softmax_regression_grad(X, y, W, b)[1].sum()) < 1e-15


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ([[1.0, 2.0]], [0], [[0.0, 0.0]], [0.0, 0.0]),
            r"X is \(1, 2\) and W is \(1, 2\); X's columns \(2\) must equal",
        ),
        (([[1.0]], [0], [[0.0, 0.0]], [0.0]), r"W is \(1, 2\) and b is \(1,\); b needs one entry per column of W"),
        (([[1.0]], [0, 1], [[0.0, 0.0]], [0.0, 0.0]), r"y is \(2,\) and the predictions are \(1, 2\)"),
        (([[1.0]], [2], [[0.0, 0.0]], [0.0, 0.0]), r"y holds class indices"),
        (([[np.inf]], [0], [[0.0, 0.0]], [0.0, 0.0]), r"X must be finite"),
        (([1.0], [0], [[0.0, 0.0]], [0.0, 0.0]), r"X must be 2-D"),
    ],
)
def test_softmax_regression_grad_rejects_bad_input(args, message):
    """Shapes that do not chain, or bad labels, raise ValueError naming the function, the shapes and the rule."""
    with pytest.raises(ValueError, match=rf"^softmax_regression_grad: .*{message}"):
        softmax_regression_grad(*args)


# ---- confusion_matrix and accuracy ----------------------------------------------------------------


def test_confusion_matrix_counts_pairs():
    """C[i, j] counts samples of actual class i predicted as j."""
    assert confusion_matrix([0, 0, 1, 2, 2], [0, 1, 1, 2, 0], 3).tolist() == [[1, 1, 0], [0, 1, 0], [1, 0, 1]]


@settings(max_examples=100, deadline=None)
@given(
    st.integers(1, 6).flatmap(
        lambda k: st.tuples(st.just(k), st.lists(st.tuples(*[st.integers(0, k - 1)] * 2), min_size=1))
    )
)
def test_confusion_matrix_sums_to_n_and_its_trace_is_the_accuracy(case):
    """The counts sum to n, and the diagonal over n is the accuracy."""
    k, pairs = case
    y, y_hat = (np.array(v) for v in zip(*pairs, strict=True))
    C = confusion_matrix(y, y_hat, k)
    assert C.shape == (k, k) and C.sum() == len(y)
    assert math.isclose(np.trace(C) / len(y), accuracy(y, y_hat))


def test_confusion_matrix_rejects_bad_input():
    """Mismatched shapes and labels outside 0..k-1 raise ValueError naming confusion_matrix."""
    with pytest.raises(
        ValueError, match=r"^confusion_matrix: y is \(2,\) and y_hat is \(1,\); they must have the same"
    ):
        confusion_matrix([0, 1], [0], 2)
    with pytest.raises(ValueError, match=r"^confusion_matrix: y_hat holds class indices"):
        confusion_matrix([0, 1], [0, 2], 2)


def test_accuracy_values_and_errors():
    """Accuracy is the share of equal entries; different shapes raise ValueError naming both."""
    assert accuracy([1, 0, 1, 1], [1, 1, 1, 0]) == 0.5
    with pytest.raises(ValueError, match=r"^accuracy: y is \(2,\) and y_hat is \(3,\)"):
        accuracy([0, 1], [0, 1, 1])


# ---- stratified_split -------------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 3), min_size=1, max_size=80), st.integers(0, 1000))
def test_stratified_split_is_a_partition_with_rounded_class_shares(labels, seed):
    """Every index lands in exactly one part, and each class gives round(f m) of its m members to a part of share f."""
    y = np.array(labels)
    train, val, test = stratified_split(y, (0.6, 0.2), rng=seed)
    assert np.array_equal(np.sort(np.concatenate([train, val, test])), np.arange(len(y)))
    for c in np.unique(y):
        m = int(np.sum(y == c))
        assert np.sum(y[train] == c) == round(0.6 * m) and np.sum(y[val] == c) == round(0.2 * m)


@pytest.mark.parametrize(
    ("fractions", "rng", "error", "message"),
    [
        ((0.5, 0.5), 0, ValueError, r"fractions must each be > 0 and sum to < 1"),
        ((0.0,), 0, ValueError, r"fractions must each be > 0"),
        ((), 0, ValueError, r"fractions must not be empty"),
        (0.8, 0, TypeError, r"fractions must be a sequence of numbers"),
        ((0.8,), None, TypeError, r"rng must be a numpy.random.Generator or an int seed"),
    ],
)
def test_stratified_split_rejects_bad_input(fractions, rng, error, message):
    """Fractions that leave nothing for the last part, or a missing rng, raise naming stratified_split."""
    with pytest.raises(error, match=rf"^stratified_split: {message}"):
        stratified_split([0, 1, 0, 1], fractions, rng)
