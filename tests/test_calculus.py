"""Tests for mathlib.calculus: analytic derivatives, identities and every guard."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from mathlib import calculus
from mathlib.calculus import (
    derivative,
    gradient,
    gradient_check,
    gradient_descent,
    hessian,
    jacobian,
)

FAST = settings(deadline=None, max_examples=60)
small = st.floats(min_value=-3, max_value=3, allow_nan=False, allow_infinity=False)
coefficient = st.floats(min_value=-5, max_value=5, allow_nan=False, allow_infinity=False)


def f_site(v):
    """The handbook's example f(x, y) = 3x²y + 2xy³."""
    x, y = v[0], v[1]
    return 3 * x**2 * y + 2 * x * y**3


def grad_f_site(v):
    """Its gradient by hand: (6xy + 2y³, 3x² + 6xy²)."""
    x, y = v[0], v[1]
    return np.array([6 * x * y + 2 * y**3, 3 * x**2 + 6 * x * y**2])


def square_matrices(n: int):
    return arrays(np.float64, (n, n), elements=coefficient)


# --- public surface ---------------------------------------------------------------------


def test_all_lists_the_public_names():
    """__all__ names the six functions and DescentResult, all present in the module."""
    assert sorted(calculus.__all__) == sorted(
        ["DescentResult", "derivative", "gradient", "gradient_check", "gradient_descent", "hessian", "jacobian"]
    )
    assert all(hasattr(calculus, name) for name in calculus.__all__)


# --- derivative ---------------------------------------------------------------------------


def test_derivative_of_square_at_three_is_six():
    """d/dx x² at 3 is 6."""
    assert derivative(lambda x: x**2, 3.0) == pytest.approx(6.0, abs=1e-8)


def test_derivative_returns_builtin_float():
    """derivative returns a Python float."""
    assert type(derivative(lambda x: x**2, 3.0)) is float


@pytest.mark.parametrize("x", [-2.0, 0.0, 0.5, 3.0])
def test_derivative_of_sin_is_cos(x):
    """d/dx sin x = cos x."""
    assert derivative(math.sin, x) == pytest.approx(math.cos(x), abs=1e-9)


@FAST
@given(st.lists(coefficient, min_size=1, max_size=5), small)
def test_derivative_of_polynomial_matches_power_rule(coefficients, x):
    """For p(x) = Σ c_k x^k the central difference matches Σ k c_k x^(k-1)."""

    def p(t):
        return sum(c * t**k for k, c in enumerate(coefficients))

    exact = sum(k * c * x ** (k - 1) for k, c in enumerate(coefficients) if k > 0)
    assert derivative(p, x) == pytest.approx(exact, rel=1e-6, abs=1e-5)


def test_derivative_error_shrinks_like_h_squared():
    """Halving h cuts the error on e^x at 1 by about 4 (second-order accuracy)."""
    error_1 = abs(derivative(math.exp, 1.0, h=1e-2) - math.e)
    error_2 = abs(derivative(math.exp, 1.0, h=5e-3) - math.e)
    assert error_1 / error_2 == pytest.approx(4.0, rel=1e-2)


# --- gradient -----------------------------------------------------------------------------


@pytest.mark.parametrize("point", [(1.0, 2.0), (-1.5, 0.5), (0.0, 0.0), (2.0, -3.0)])
def test_gradient_matches_hand_derivation(point):
    """∇(3x²y + 2xy³) = (6xy + 2y³, 3x² + 6xy²)."""
    np.testing.assert_allclose(gradient(f_site, point), grad_f_site(point), atol=1e-6)


@FAST
@given(st.integers(1, 4).flatmap(lambda n: st.tuples(square_matrices(n), arrays(np.float64, (n,), elements=small))))
def test_gradient_of_quadratic_form(case):
    """∇(xᵀAx) = (A + Aᵀ)x."""
    A, x = case
    np.testing.assert_allclose(gradient(lambda v: v @ A @ v, x), (A + A.T) @ x, atol=1e-6)


def test_gradient_keeps_the_shape_of_a_matrix():
    """For f(W) = Σ W_ij², ∇f = 2W with W's (2, 3) shape."""
    W = np.arange(6.0).reshape(2, 3)
    g = gradient(lambda M: np.sum(M**2), W)
    assert g.shape == (2, 3)
    np.testing.assert_allclose(g, 2 * W, atol=1e-6)


def test_gradient_of_scalar_point_is_a_float():
    """A scalar x gives a float, equal to the derivative."""
    g = gradient(lambda x: x**3, 2.0)
    assert type(g) is float and g == pytest.approx(12.0, abs=1e-6)


def test_gradient_leaves_input_unchanged():
    """The caller's array is not modified."""
    x = np.array([1.0, 2.0])
    gradient(f_site, x)
    assert x.tolist() == [1.0, 2.0]


# --- jacobian -----------------------------------------------------------------------------


def test_jacobian_analytic_example():
    """For f(x, y) = (xy, x + y), J = [[y, x], [1, 1]]; at (2, 3) that is [[3, 2], [1, 1]]."""
    J = jacobian(lambda v: np.array([v[0] * v[1], v[0] + v[1]]), [2.0, 3.0])
    np.testing.assert_allclose(J, [[3.0, 2.0], [1.0, 1.0]], atol=1e-8)


@FAST
@given(
    st.integers(1, 4),
    st.integers(1, 4),
    st.data(),
)
def test_jacobian_of_linear_map_is_its_matrix(m, n, data):
    """The Jacobian of x ↦ Ax is A, with shape (m, n)."""
    A = data.draw(arrays(np.float64, (m, n), elements=coefficient))
    x = data.draw(arrays(np.float64, (n,), elements=small))
    J = jacobian(lambda v: A @ v, x)
    assert J.shape == (m, n)
    np.testing.assert_allclose(J, A, atol=1e-8)


def test_jacobian_of_scalar_function_is_gradient_row():
    """A scalar-valued f gives a (1, n) Jacobian: the gradient as a row."""
    J = jacobian(f_site, [1.0, 2.0])
    assert J.shape == (1, 2)
    np.testing.assert_allclose(J[0], grad_f_site([1.0, 2.0]), atol=1e-6)


# --- hessian ------------------------------------------------------------------------------


def test_hessian_matches_hand_derivation():
    """For 3x²y + 2xy³, H = [[6y, 6x + 6y²], [6x + 6y², 12xy]]; at (1, 2): [[12, 30], [30, 24]]."""
    np.testing.assert_allclose(hessian(f_site, [1.0, 2.0]), [[12.0, 30.0], [30.0, 24.0]], atol=1e-5)


@FAST
@given(st.integers(1, 4).flatmap(lambda n: st.tuples(square_matrices(n), arrays(np.float64, (n,), elements=small))))
def test_hessian_is_exactly_symmetric(case):
    """H equals Hᵀ bit for bit, even for a non-symmetric quadratic plus a cubic term."""
    A, x = case
    H = hessian(lambda v: v @ A @ v + np.sum(v**3) * v[0], x)
    assert np.array_equal(H, H.T)


@FAST
@given(st.integers(1, 4).flatmap(lambda n: st.tuples(square_matrices(n), arrays(np.float64, (n,), elements=small))))
def test_hessian_of_quadratic_form(case):
    """The Hessian of xᵀAx is A + Aᵀ at every point."""
    A, x = case
    np.testing.assert_allclose(hessian(lambda v: v @ A @ v, x), A + A.T, atol=1e-4)


# --- gradient_check -----------------------------------------------------------------------


def test_gradient_check_accepts_correct_gradient():
    """A correct analytic gradient scores below the 1e-7 'good' threshold."""
    assert gradient_check(f_site, grad_f_site, [1.0, 2.0]) < 1e-7


def test_gradient_check_scores_half_gradient_one_third():
    """Returning x instead of 2x for Σx² gives ‖x‖ / (‖2x‖ + ‖x‖) = 1/3."""
    error = gradient_check(lambda x: np.sum(x**2), lambda x: x, [1.0, -2.0, 3.0])
    assert error == pytest.approx(1 / 3, rel=1e-8)


def test_gradient_check_flags_a_sign_error():
    """A gradient with one flipped sign scores far above the 1e-4 'suspicious' threshold."""

    def wrong(v):
        return grad_f_site(v) * np.array([1.0, -1.0])

    assert gradient_check(f_site, wrong, [1.0, 2.0]) > 1e-4


def test_gradient_check_of_two_zero_gradients_is_zero():
    """At a flat point both gradients are 0 and the error is 0, not 0/0."""
    assert gradient_check(lambda x: 7.0, lambda x: np.zeros(2), [1.0, 2.0]) == 0.0


# --- gradient_descent ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: derivative(3, 1.0), "derivative: f"),
        (lambda: gradient("f", [1.0]), "gradient: f"),
        (lambda: jacobian(None, [1.0]), "jacobian: f"),
        (lambda: hessian(1.5, [1.0]), "hessian: f"),
        (lambda: gradient_check(np.ones(2), np.sum, [1.0]), "gradient_check: f"),
        (lambda: gradient_check(np.sum, [2.0], [1.0]), "gradient_check: grad_f"),
        (lambda: gradient_descent(0.1, 1.0, lr=0.1, steps=1), "gradient_descent: grad_f"),
    ],
)
def test_non_callable_is_type_error(call, name):
    """Every function refuses a non-callable f or grad_f with TypeError naming it."""
    with pytest.raises(TypeError, match=rf"^{name} must be callable"):
        call()


@pytest.mark.parametrize("h", [0.0, -1e-5])
@pytest.mark.parametrize(
    ("func", "x"),
    [(derivative, 1.0), (gradient, [1.0]), (jacobian, [1.0]), (hessian, [1.0])],
)
def test_non_positive_step_is_value_error(func, x, h):
    """A step h <= 0 is refused with the function's name."""
    with pytest.raises(ValueError, match=rf"^{func.__name__}: h must be > 0"):
        func(lambda v: 0.0, x, h=h)


def test_gradient_check_rejects_non_positive_step():
    """gradient_check also refuses h <= 0, under its own name."""
    with pytest.raises(ValueError, match=r"^gradient_check: h must be > 0; got 0.0"):
        gradient_check(np.sum, np.ones_like, [1.0], h=0.0)


def test_infinite_step_is_value_error():
    """An infinite h is refused."""
    with pytest.raises(ValueError, match=r"^derivative: h must be finite; got inf"):
        derivative(math.sin, 0.0, h=math.inf)


def test_derivative_rejects_non_finite_function_value():
    """If f is infinite next to x the result would be meaningless: ValueError, not inf."""
    with pytest.raises(ValueError, match=r"^derivative: f returned inf at x - h"):
        derivative(lambda x: 1.0 if x > 0 else math.inf, 0.0)


def test_derivative_rejects_nan_point():
    """x = NaN is refused."""
    with pytest.raises(ValueError, match=r"^derivative: x is NaN"):
        derivative(math.sin, math.nan)


def test_derivative_rejects_vector_point():
    """derivative takes a scalar x; a vector points the reader elsewhere by shape."""
    with pytest.raises(ValueError, match=r"^derivative: x must be a scalar; got shape \(2,\)"):
        derivative(math.sin, np.array([1.0, 2.0]))


def test_gradient_rejects_vector_valued_f():
    """gradient needs a scalar f; a vector output is named with its shape."""
    with pytest.raises(ValueError, match=r"^gradient: f must return a scalar; it returned shape \(2,\)"):
        gradient(lambda v: v, [1.0, 2.0])


def test_gradient_rejects_nan_from_f():
    """A NaN from f is reported with the entry where it happened."""
    with pytest.raises(ValueError, match=r"^gradient: f returned nan at x ± h in entry \(1,\)"):
        gradient(lambda v: math.nan if v[1] != 2.0 else 0.0, [1.0, 2.0])


def test_gradient_rejects_empty_point():
    """An empty x has no gradient."""
    with pytest.raises(ValueError, match=r"^gradient: x must not be empty"):
        gradient(np.sum, [])


def test_jacobian_rejects_matrix_output():
    """f must return a scalar or a 1-D array."""
    with pytest.raises(
        ValueError, match=r"^jacobian: f must return a scalar or a 1-D array; it returned shape \(2, 2\)"
    ):
        jacobian(lambda v: np.ones((2, 2)), [1.0, 2.0])


def test_jacobian_rejects_changing_output_length():
    """An f whose output length depends on x is refused."""
    with pytest.raises(ValueError, match=r"^jacobian: f returned shapes .*its output length must not change"):
        jacobian(lambda v: np.ones(2) if v[0] > 1 else np.ones(3), [1.0])


def test_jacobian_rejects_non_finite_output():
    """An infinite output is refused."""
    with pytest.raises(ValueError, match=r"^jacobian: f returned a non-finite value at x ± h in entry 0"):
        jacobian(lambda v: np.array([math.inf]), [1.0])


def test_jacobian_rejects_matrix_point():
    """x must be 1-D."""
    with pytest.raises(ValueError, match=r"^jacobian: x must be 1-D; got shape \(2, 2\)"):
        jacobian(lambda v: v, np.ones((2, 2)))


def test_hessian_rejects_scalar_point():
    """x must be 1-D; a scalar is named by its shape."""
    with pytest.raises(ValueError, match=r"^hessian: x must be 1-D; got shape \(\)"):
        hessian(lambda v: v**2, 1.0)


def test_hessian_rejects_vector_valued_f():
    """The Hessian is defined for scalar f only."""
    with pytest.raises(ValueError, match=r"^hessian: f must return a scalar"):
        hessian(lambda v: v, [1.0, 2.0])


def test_gradient_check_rejects_wrong_shape():
    """grad_f(x) must have x's shape; both shapes are named."""
    with pytest.raises(ValueError, match=r"^gradient_check: grad_f\(x\) is \(3,\) and x is \(2,\)"):
        gradient_check(np.sum, lambda x: np.ones(3), [1.0, 2.0])


def test_gradient_check_rejects_non_finite_gradient():
    """A NaN in grad_f(x) is refused rather than scored."""
    with pytest.raises(ValueError, match=r"^gradient_check: grad_f\(x\) must be finite; got nan"):
        gradient_check(np.sum, lambda x: np.array([math.nan, 1.0]), [1.0, 2.0])
