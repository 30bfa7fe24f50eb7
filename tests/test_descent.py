"""Tests for mathlib.descent: gradient descent, its path, and its guards."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import settings
from hypothesis import strategies as st

from mathlib.descent import (
    DescentResult,
    gradient_descent,
)

FAST = settings(deadline=None, max_examples=60)
small = st.floats(min_value=-3, max_value=3, allow_nan=False, allow_infinity=False)
coefficient = st.floats(min_value=-5, max_value=5, allow_nan=False, allow_infinity=False)


def test_descent_first_step_on_w_squared():
    """From w = 5 with lr = 0.1 on w², the first step lands on 5 - 0.1·10 = 4."""
    result = gradient_descent(lambda w: 2 * w, 5.0, lr=0.1, steps=20)
    assert result.path[1] == 4.0


def test_descent_follows_geometric_sequence():
    """Every iterate is w_k = 5·0.8^k."""
    result = gradient_descent(lambda w: 2 * w, 5.0, lr=0.1, steps=20)
    np.testing.assert_allclose(result.path, 5 * 0.8 ** np.arange(21), rtol=1e-12)


def test_descent_scalar_start_gives_float_end():
    """A scalar x0 gives a float .x equal to the last point of the path."""
    result = gradient_descent(lambda w: 2 * w, 5.0, lr=0.1, steps=20)
    assert type(result.x) is float
    assert result.x == result.path[-1] == pytest.approx(5 * 0.8**20, rel=1e-12)
    assert result.steps == 20


def test_descent_array_start_shapes():
    """A (2, 2) x0 gives a (steps + 1, 2, 2) path and an ndarray end point."""
    result = gradient_descent(lambda W: 2 * W, np.ones((2, 2)), lr=0.25, steps=3)
    assert result.path.shape == (4, 2, 2)
    assert isinstance(result.x, np.ndarray) and result.x.shape == (2, 2)
    np.testing.assert_allclose(result.x, 0.5**3 * np.ones((2, 2)))


def test_descent_reaches_minimum_of_bowl():
    """On (x - 1)² + 10(y + 2)² descent converges to the minimum (1, -2)."""
    result = gradient_descent(lambda v: np.array([2 * (v[0] - 1), 20 * (v[1] + 2)]), [0.0, 0.0], lr=0.04, steps=500)
    np.testing.assert_allclose(result.x, [1.0, -2.0], atol=1e-10)


def test_descent_result_is_frozen():
    """DescentResult's fields cannot be reassigned, and its path cannot be written."""
    result = gradient_descent(lambda w: 2 * w, 5.0, lr=0.1, steps=2)
    assert isinstance(result, DescentResult)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.x = 0.0
    with pytest.raises(ValueError, match="read-only"):
        result.path[0] = 0.0


def test_descent_does_not_modify_x0():
    """The starting array is left as it was."""
    x0 = np.array([1.0, 2.0])
    gradient_descent(lambda v: 2 * v, x0, lr=0.1, steps=5)
    assert x0.tolist() == [1.0, 2.0]


# --- guards -------------------------------------------------------------------------------


@pytest.mark.parametrize("lr", [0.0, -0.1])
def test_descent_rejects_non_positive_lr(lr):
    """A learning rate <= 0 is refused."""
    with pytest.raises(ValueError, match=r"^gradient_descent: lr must be > 0"):
        gradient_descent(lambda w: 2 * w, 5.0, lr=lr, steps=10)


@pytest.mark.parametrize(
    ("steps", "error", "message"),
    [
        (0, ValueError, ">= 1"),
        (-3, ValueError, ">= 1"),
        (2.5, TypeError, "an integer"),
        (True, TypeError, "an integer"),
    ],
)
def test_descent_rejects_bad_steps(steps, error, message):
    """steps must be a positive int: 0 and negatives are ValueError, 2.5 and True TypeError."""
    with pytest.raises(error, match=rf"^gradient_descent: steps must be {message}"):
        gradient_descent(lambda w: 2 * w, 5.0, lr=0.1, steps=steps)


def test_descent_rejects_nan_start():
    """x0 containing NaN is refused."""
    with pytest.raises(ValueError, match=r"^gradient_descent: x0 contains NaN"):
        gradient_descent(lambda w: 2 * w, [1.0, math.nan], lr=0.1, steps=1)


def test_descent_rejects_wrong_gradient_shape():
    """grad_f must return x0's shape."""
    with pytest.raises(ValueError, match=r"^gradient_descent: grad_f\(x\) is \(3,\) and x0 is \(2,\)"):
        gradient_descent(lambda w: np.ones(3), [1.0, 2.0], lr=0.1, steps=1)


def test_descent_divergence_names_lr_and_step():
    """With lr = 1.5 on w², w_k = 5·(-2)^k overflows: ValueError naming lr and the step, no inf."""
    with pytest.raises(ValueError, match=r"^gradient_descent: diverged at step \d+ of 2000 with lr=1.5"):
        gradient_descent(lambda w: 2 * w, 5.0, lr=1.5, steps=2000)


def test_descent_divergence_on_arrays_raises_without_warnings():
    """Array divergence is one ValueError; NumPy's overflow warnings do not leak (warnings are errors here)."""
    with pytest.raises(ValueError, match=r"diverged at step \d+ of 3000 with lr=1.2"):
        gradient_descent(lambda W: 2 * W, np.ones((2, 2)), lr=1.2, steps=3000)


def test_descent_non_finite_gradient_on_first_step():
    """A gradient that is NaN at the start is reported at step 1."""
    with pytest.raises(
        ValueError, match=r"^gradient_descent: diverged at step 1 of 5 with lr=0.1: the gradient became non-finite"
    ):
        gradient_descent(lambda w: math.nan, 1.0, lr=0.1, steps=5)


def test_descent_overflow_inside_a_python_float_gradient_is_divergence():
    """A gradient written with Python floats raises OverflowError on divergence; it is reported as one."""
    with pytest.raises(ValueError, match=r"diverged at step \d+ of 1000 with lr=0.01: grad_f overflowed"):
        gradient_descent(lambda x: 4 * x**3 - 9 * x**2, 8.0, lr=0.01, steps=1000)
