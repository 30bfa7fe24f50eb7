r"""Activation functions and their derivatives.

Every function takes a number or an array ``z``: a number gives a Python ``float``, an
array gives an ``ndarray`` of the same shape. All are numerically stable: no overflow
warning for any finite ``z`` (tested for $|z| \le 10^4$).

Examples
--------
>>> from mathlib.activations import sigmoid, sigmoid_grad
>>> sigmoid(0), sigmoid_grad(0)
(0.5, 0.25)
"""

from __future__ import annotations

import operator
from typing import Any

import numpy as np

from mathlib._validation import as_array, as_scalar, check_finite

__all__ = [
    "leaky_relu",
    "leaky_relu_grad",
    "relu",
    "relu_grad",
    "sigmoid",
    "sigmoid_grad",
    "softmax",
    "tanh",
    "tanh_grad",
]


def _result(values: np.ndarray, z: np.ndarray) -> float | np.ndarray:
    # A scalar in gives a built-in float out, so printed values read `0.25`.
    return float(values) if z.ndim == 0 else values


def _alpha(alpha: Any, func: str) -> float:
    value = as_scalar(alpha, func=func, arg="alpha")
    if not (np.isfinite(value) and value >= 0):
        raise ValueError(f"{func}: alpha must be finite and >= 0; got {value!r}")
    return value


def sigmoid(z: Any) -> float | np.ndarray:
    r"""Logistic sigmoid, squashing any real number into (0, 1).

    Parameters
    ----------
    z : float or array_like
        Pre-activation(s).

    Returns
    -------
    float or numpy.ndarray
        $\sigma(z)$, a float for a scalar ``z``, else an array shaped like ``z``.

    Raises
    ------
    TypeError
        If ``z`` is not numeric.
    ValueError
        If ``z`` is empty or contains NaN.

    Notes
    -----
    $$ \sigma(z) = \frac{1}{1 + e^{-z}} = \frac{e^{z}}{1 + e^{z}} $$

    The first form is used for $z \ge 0$ and the second for $z < 0$, so the
    exponential is only ever taken of $-|z| \le 0$ and cannot overflow.

    Examples
    --------
    >>> sigmoid(0)
    0.5
    >>> print(sigmoid([-10000.0, 10000.0]))
    [0. 1.]
    """
    z = as_array(z, func="sigmoid", arg="z")
    e = np.exp(-np.abs(z))
    return _result(np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e)), z)


def sigmoid_grad(z: Any) -> float | np.ndarray:
    r"""Derivative of the sigmoid, $\sigma'(z) = \sigma(z)(1 - \sigma(z))$.

    Parameters
    ----------
    z : float or array_like
        Pre-activation(s) (not the sigmoid's output).

    Returns
    -------
    float or numpy.ndarray
        $\sigma'(z)$, at most 0.25 (at $z = 0$).

    Raises
    ------
    TypeError
        If ``z`` is not numeric.
    ValueError
        If ``z`` is empty or contains NaN.

    Notes
    -----
    $$ \sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr) = \frac{e^{-|z|}}{(1 + e^{-|z|})^2} $$

    The right-hand form (the derivative is even in $z$) keeps full relative
    precision in the tails, where $1 - \sigma(z)$ would round to 0.

    Examples
    --------
    >>> sigmoid_grad(0)
    0.25
    """
    z = as_array(z, func="sigmoid_grad", arg="z")
    e = np.exp(-np.abs(z))
    return _result(e / (1.0 + e) ** 2, z)


def tanh(z: Any) -> float | np.ndarray:
    r"""Hyperbolic tangent, squashing any real number into (-1, 1).

    Parameters
    ----------
    z : float or array_like
        Pre-activation(s).

    Returns
    -------
    float or numpy.ndarray
        $\tanh(z)$.

    Raises
    ------
    TypeError
        If ``z`` is not numeric.
    ValueError
        If ``z`` is empty or contains NaN.

    Notes
    -----
    $$ \tanh(z) = \frac{e^{z} - e^{-z}}{e^{z} + e^{-z}} = 2\sigma(2z) - 1 $$

    Examples
    --------
    >>> tanh(0)
    0.0
    """
    z = as_array(z, func="tanh", arg="z")
    return _result(np.tanh(z), z)


def tanh_grad(z: Any) -> float | np.ndarray:
    r"""Derivative of tanh, $1 - \tanh^2(z)$.

    Parameters
    ----------
    z : float or array_like
        Pre-activation(s).

    Returns
    -------
    float or numpy.ndarray
        $\tanh'(z)$, at most 1 (at $z = 0$).

    Raises
    ------
    TypeError
        If ``z`` is not numeric.
    ValueError
        If ``z`` is empty or contains NaN.

    Notes
    -----
    $$ \tanh'(z) = 1 - \tanh^2(z) = \frac{4\,e^{-2|z|}}{(1 + e^{-2|z|})^2} $$

    The right-hand form avoids both the overflow of $\cosh$ and the cancellation
    in $1 - \tanh^2$ for large $|z|$.

    Examples
    --------
    >>> tanh_grad(0)
    1.0
    """
    z = as_array(z, func="tanh_grad", arg="z")
    e = np.exp(-2.0 * np.abs(z))
    return _result(4.0 * e / (1.0 + e) ** 2, z)


def relu(z: Any) -> float | np.ndarray:
    r"""Rectified linear unit, $\max(0, z)$.

    Parameters
    ----------
    z : float or array_like
        Pre-activation(s).

    Returns
    -------
    float or numpy.ndarray
        ``z`` where positive, else 0.

    Raises
    ------
    TypeError
        If ``z`` is not numeric.
    ValueError
        If ``z`` is empty or contains NaN.

    Notes
    -----
    $$ \operatorname{relu}(z) = \max(0, z) $$

    Examples
    --------
    >>> relu(3.0), relu(-2.0)
    (3.0, 0.0)
    """
    z = as_array(z, func="relu", arg="z")
    # np.where, not np.maximum, so that relu(-0.0) is 0.0 rather than -0.0.
    return _result(np.where(z > 0, z, 0.0), z)


def relu_grad(z: Any) -> float | np.ndarray:
    r"""Derivative of ReLU: 1 where $z > 0$, else 0.

    Parameters
    ----------
    z : float or array_like
        Pre-activation(s).

    Returns
    -------
    float or numpy.ndarray
        1.0 where ``z > 0`` and 0.0 elsewhere.

    Raises
    ------
    TypeError
        If ``z`` is not numeric.
    ValueError
        If ``z`` is empty or contains NaN.

    Notes
    -----
    $$ \operatorname{relu}'(z) = \begin{cases} 1 & z > 0 \\ 0 & z \le 0 \end{cases} $$

    ReLU has no derivative at $z = 0$; we return 0 there (a valid subgradient,
    and the convention of PyTorch and JAX).

    Examples
    --------
    >>> relu_grad(2.0), relu_grad(0.0), relu_grad(-2.0)
    (1.0, 0.0, 0.0)
    """
    z = as_array(z, func="relu_grad", arg="z")
    return _result(np.where(z > 0, 1.0, 0.0), z)


def leaky_relu(z: Any, alpha: float = 0.01) -> float | np.ndarray:
    r"""Leaky ReLU: ``z`` where positive, ``alpha * z`` elsewhere.

    Parameters
    ----------
    z : float or array_like
        Pre-activation(s).
    alpha : float, default 0.01
        Slope for $z \le 0$; finite and $\ge 0$.

    Returns
    -------
    float or numpy.ndarray
        $\operatorname{leaky\_relu}(z)$.

    Raises
    ------
    TypeError
        If ``z`` or ``alpha`` is not numeric.
    ValueError
        If ``z`` is empty or contains NaN, or ``alpha`` is negative or not finite.

    Notes
    -----
    $$ \operatorname{leaky\_relu}(z) = \begin{cases} z & z > 0 \\ \alpha z & z \le 0 \end{cases} $$

    Examples
    --------
    >>> leaky_relu(5.0), leaky_relu(-5.0, alpha=0.1)
    (5.0, -0.5)
    """
    a = _alpha(alpha, "leaky_relu")
    z = as_array(z, func="leaky_relu", arg="z")
    return _result(np.where(z > 0, z, a * z), z)


def leaky_relu_grad(z: Any, alpha: float = 0.01) -> float | np.ndarray:
    r"""Derivative of leaky ReLU: 1 where $z > 0$, else ``alpha``.

    Parameters
    ----------
    z : float or array_like
        Pre-activation(s).
    alpha : float, default 0.01
        Slope for $z \le 0$; finite and $\ge 0$.

    Returns
    -------
    float or numpy.ndarray
        1.0 where ``z > 0`` and ``alpha`` elsewhere.

    Raises
    ------
    TypeError
        If ``z`` or ``alpha`` is not numeric.
    ValueError
        If ``z`` is empty or contains NaN, or ``alpha`` is negative or not finite.

    Notes
    -----
    $$ \operatorname{leaky\_relu}'(z) = \begin{cases} 1 & z > 0 \\ \alpha & z \le 0 \end{cases} $$

    At $z = 0$ we return ``alpha``, matching ``relu_grad`` when ``alpha = 0``.

    Examples
    --------
    >>> leaky_relu_grad(3.0), leaky_relu_grad(-3.0, alpha=0.2)
    (1.0, 0.2)
    """
    a = _alpha(alpha, "leaky_relu_grad")
    z = as_array(z, func="leaky_relu_grad", arg="z")
    return _result(np.where(z > 0, 1.0, a), z)


def softmax(z: Any, axis: int = -1) -> np.ndarray:
    r"""Softmax: turn scores into probabilities that sum to 1 along ``axis``.

    Parameters
    ----------
    z : array_like
        Scores (logits), at least 1-D, finite.
    axis : int, default -1
        The axis that sums to 1 (the class axis; for rows of samples keep -1).

    Returns
    -------
    numpy.ndarray
        Probabilities, shaped like ``z``.

    Raises
    ------
    TypeError
        If ``z`` is not numeric or ``axis`` is not an integer.
    ValueError
        If ``z`` is 0-D, empty, contains NaN or infinity, or ``axis`` is out of range.

    Notes
    -----
    $$ \operatorname{softmax}(z)_i = \frac{e^{z_i}}{\sum_j e^{z_j}}
       = \frac{e^{z_i - m}}{\sum_j e^{z_j - m}}, \qquad m = \max_j z_j $$

    Subtracting the maximum changes nothing mathematically (softmax is shift-invariant)
    but keeps every exponent $\le 0$, so $e^{1000}$ is never formed.

    Examples
    --------
    >>> print(softmax([1000.0, 1000.0]))
    [0.5 0.5]
    >>> print(softmax([2.0, 1.0, 0.1]).round(3))
    [0.659 0.242 0.099]
    """
    z = as_array(z, func="softmax", arg="z")
    if z.ndim == 0:
        raise ValueError(f"softmax: z must be at least 1-D (a vector of scores); got a scalar {float(z)!r}")
    check_finite(z, func="softmax", arg="z")
    try:
        axis = operator.index(axis)
    except TypeError as error:
        raise TypeError(f"softmax: axis must be an integer; got {type(axis).__name__}") from error
    if not -z.ndim <= axis < z.ndim:
        raise ValueError(f"softmax: axis {axis} is out of range for z of shape {z.shape} ({z.ndim}-D)")
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)
