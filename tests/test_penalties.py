"""Tests for mathlib.penalties: values by hand, soft-thresholding as the L1 prox, ISTA against references, errors."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mathlib.nn import MLP
from mathlib.penalties import (
    l1_penalty,
    l1_subgradient,
    l2_gradient,
    l2_penalty,
    penalized_least_squares,
    soft_threshold,
)

finite = st.floats(-10, 10, allow_nan=False)
vectors = arrays(np.float64, st.integers(1, 6), elements=finite)
strengths = st.floats(0, 5, allow_nan=False)


def regression(seed: int = 0, n: int = 80, p: int = 12):
    """A seeded regression whose first three features matter and the rest are noise."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, p))
    w = np.zeros(p)
    w[:3] = [2.0, -1.0, 0.5]
    return X, X @ w + 0.5 * rng.standard_normal(n)


def test_penalties_by_hand():
    """λ‖w‖₁ and (λ/2)‖w‖² for w = (3, -4), λ = 0.5: 3.5 and 6.25."""
    assert l1_penalty([3.0, -4.0], 0.5) == 3.5
    assert l2_penalty([3.0, -4.0], 0.5) == 6.25


def test_gradients_by_hand():
    """L1's subgradient is λ sign(w) (0 at 0); L2's gradient is λ w."""
    assert l1_subgradient([2.0, 0.0, -1e-9], 0.1).tolist() == [0.1, 0.0, -0.1]
    assert l2_gradient([2.0, 0.0, -4.0], 0.5).tolist() == [1.0, 0.0, -2.0]


@settings(max_examples=50, deadline=None)
@given(w=vectors, lam=strengths)
def test_l2_gradient_matches_central_differences(w, lam):
    """l2_gradient is the derivative of l2_penalty (central differences, exact for a quadratic)."""
    h = 1e-3
    for i in range(w.size):
        e = np.zeros_like(w)
        e[i] = h
        numeric = (l2_penalty(w + e, lam) - l2_penalty(w - e, lam)) / (2 * h)
        assert abs(numeric - l2_gradient(w, lam)[i]) < 1e-6 * (1 + abs(numeric))


@settings(max_examples=50, deadline=None)
@given(w=vectors.filter(lambda w: np.all(np.abs(w) > 1e-2)), lam=strengths)
def test_l1_subgradient_is_the_derivative_away_from_zero(w, lam):
    """Away from 0, l1_subgradient is the derivative of l1_penalty (central differences)."""
    h = 1e-3
    for i in range(w.size):
        e = np.zeros_like(w)
        e[i] = h
        numeric = (l1_penalty(w + e, lam) - l1_penalty(w - e, lam)) / (2 * h)
        assert abs(numeric - l1_subgradient(w, lam)[i]) < 1e-6 * (1 + lam)


def test_mlp_weight_decay_is_l2_penalty():
    """MLP's weight_decay adds exactly l2_penalty of its weights to the loss: one convention."""
    X, y = np.random.default_rng(0).standard_normal((6, 3)), np.zeros((6, 1))
    decayed, _ = MLP([3, 4, 1], ["tanh", "linear"], rng=0, weight_decay=0.3).loss_and_grads(X, y, loss="mse")
    model = MLP([3, 4, 1], ["tanh", "linear"], rng=0)
    plain, _ = model.loss_and_grads(X, y, loss="mse")
    assert abs(decayed - plain - sum(l2_penalty(layer.W, 0.3) for layer in model.layers)) < 1e-12


def test_soft_threshold_by_hand():
    """sign(v) max(|v| - t, 0): 3 → 2, -0.5 → 0, 0.2 → 0, -2 → -1 for t = 1."""
    assert soft_threshold([3.0, -0.5, 0.2, -2.0], 1.0).tolist() == [2.0, 0.0, 0.0, -1.0]


@settings(max_examples=100, deadline=None)
@given(v=finite, t=strengths, w=finite)
def test_soft_threshold_is_the_prox_of_l1(v, t, w):
    """soft_threshold(v, t) minimises ½(w - v)² + t|w|: no w does better (up to round-off)."""
    best = float(soft_threshold(v, t))

    def objective(x: float) -> float:
        return 0.5 * (x - v) ** 2 + t * abs(x)

    assert objective(best) <= objective(w) + 1e-9


def test_the_prox_check_rejects_a_wrong_prox():
    """Planted fault: L2's shrinkage v/(1 + t) in place of soft-thresholding loses to w = 0 on ½(w - v)² + t|w|."""
    v, t = 0.2, 0.25

    def objective(x: float) -> float:
        return 0.5 * (x - v) ** 2 + t * abs(x)

    assert objective(v / (1 + t)) > objective(0.0) + 1e-9
    assert objective(float(soft_threshold(v, t))) <= objective(0.0) + 1e-9


@settings(max_examples=100, deadline=None)
@given(v=vectors, t=strengths)
def test_soft_threshold_optimality_condition(v, t):
    """v - prox(v) lies in t ∂|·| at prox(v): equal to t sign(w) where w ≠ 0, within [-t, t] where w = 0."""
    w = soft_threshold(v, t)
    residual = v - w
    nonzero = w != 0
    assert np.allclose(residual[nonzero], t * np.sign(w[nonzero]))
    assert np.all(np.abs(residual[~nonzero]) <= t + 1e-12)


@settings(max_examples=100, deadline=None)
@given(v=vectors, t=strengths)
def test_soft_threshold_zeroes_exactly_the_band(v, t):
    """Exactly the entries with |v| <= t become 0; the others keep their sign and move t towards 0."""
    w = soft_threshold(v, t)
    assert np.array_equal(w == 0, np.abs(v) <= t)
    assert np.all(np.abs(w) <= np.abs(v))


def test_ista_matches_scikit_learn_lasso():
    """penalized_least_squares("l1") agrees with scikit-learn's Lasso on the same objective, zeros included."""
    from sklearn.linear_model import Lasso

    X, y = regression()
    ours = penalized_least_squares(X, y, 0.1, "l1", steps=5000)
    ref = Lasso(alpha=0.1, fit_intercept=False, tol=1e-12, max_iter=100_000).fit(X, y).coef_
    assert np.max(np.abs(ours - ref)) < 1e-8
    assert np.array_equal(ours == 0, ref == 0)


def test_l2_matches_the_closed_form_ridge():
    """penalized_least_squares("l2") converges to (XᵀX/n + λI)⁻¹ Xᵀy/n."""
    X, y = regression()
    n, p = X.shape
    closed = np.linalg.solve(X.T @ X / n + 0.3 * np.eye(p), X.T @ y / n)
    assert np.max(np.abs(penalized_least_squares(X, y, 0.3, "l2") - closed)) < 1e-10


def test_l1_gives_exact_zeros_and_l2_none():
    """On a regression with irrelevant features, L1 sets some coefficients exactly to 0 and L2 none."""
    X, y = regression()
    assert np.sum(penalized_least_squares(X, y, 0.1, "l1") == 0) >= 3
    assert np.sum(penalized_least_squares(X, y, 0.1, "l2") == 0) == 0


def test_lambda_above_lambda_max_gives_all_zeros():
    """For λ >= max_j |X_jᵀ y|/n, the lasso's minimiser is w = 0."""
    X, y = regression()
    lam_max = np.max(np.abs(X.T @ y)) / len(y)
    assert np.all(penalized_least_squares(X, y, 1.01 * lam_max, "l1") == 0)
    assert np.any(penalized_least_squares(X, y, 0.99 * lam_max, "l1") != 0)


def test_zero_lambda_is_least_squares():
    """With λ = 0 both penalties reduce to ordinary least squares."""
    X, y = regression()
    ols = np.linalg.lstsq(X, y, rcond=None)[0]
    for penalty in ("l1", "l2"):
        assert np.max(np.abs(penalized_least_squares(X, y, 0.0, penalty) - ols)) < 1e-9


@pytest.mark.parametrize("f", [l1_penalty, l1_subgradient, l2_penalty, l2_gradient])
def test_negative_lambda_raises(f):
    """A negative strength raises ValueError naming the function and lam."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: lam must be >= 0; got -1.0"):
        f([1.0], -1.0)


@pytest.mark.parametrize("f", [l1_penalty, l1_subgradient, l2_penalty, l2_gradient])
def test_non_finite_weights_raise(f):
    """Weights with inf raise ValueError; non-numeric weights raise TypeError; both name w."""
    with pytest.raises(ValueError, match=rf"^{f.__name__}: w must be finite"):
        f([1.0, np.inf], 0.1)
    with pytest.raises(TypeError, match=rf"^{f.__name__}: w must be numeric"):
        f("abc", 0.1)


def test_soft_threshold_bad_input_raises():
    """A negative threshold or a NaN point raises ValueError naming soft_threshold and the argument."""
    with pytest.raises(ValueError, match=r"^soft_threshold: t must be >= 0; got -0.5"):
        soft_threshold([1.0], -0.5)
    with pytest.raises(ValueError, match=r"^soft_threshold: v contains NaN"):
        soft_threshold([np.nan], 0.5)


@pytest.mark.parametrize(
    "args, kwargs, error, message",
    [
        (([[1.0, 2.0]], [1.0, 2.0], 0.1), {}, ValueError, r"X is \(1, 2\) and y is \(2,\); y needs one entry per row"),
        (([1.0, 2.0], [1.0, 2.0], 0.1), {}, ValueError, "X must be 2-D"),
        (([[1.0]], [1.0], 0.1, "l3"), {}, ValueError, r"penalty must be one of \('l1', 'l2'\); got 'l3'"),
        (([[1.0]], [1.0], 0.1, 1), {}, TypeError, "penalty must be a string"),
        (([[1.0]], [1.0], -0.1), {}, ValueError, "lam must be >= 0"),
        (([[1.0]], [1.0], 0.1), {"steps": 0}, ValueError, "steps must be >= 1; got 0"),
        (([[1.0]], [1.0], 0.1), {"lr": 0.0}, ValueError, "lr must be > 0"),
        (([[np.inf]], [1.0], 0.1), {}, ValueError, "X must be finite"),
    ],
)
def test_penalized_least_squares_bad_input_raises(args, kwargs, error, message):
    """Bad X, y, lam, penalty, steps or lr raise, naming penalized_least_squares and the argument."""
    with pytest.raises(error, match=rf"^penalized_least_squares: {message}"):
        penalized_least_squares(*args, **kwargs)
