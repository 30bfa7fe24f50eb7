r"""Calculus: numerical derivatives, gradients, Jacobians and Hessians.

Every function here approximates derivatives by central differences, which is how a
hand-written backward pass is checked. For $f(x) = x^2$ the slope at 3 is $2 \cdot 3 = 6$:

Examples
--------
>>> from mathlib.calculus import derivative
>>> round(derivative(lambda x: x**2, 3.0), 6)
6.0
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from mathlib._validation import (
    as_callable_result,
    as_input,
    as_scalar,
    check_callable,
    check_finite,
    finite_array,
    positive_number,
)

__all__ = [
    "DescentResult",  # from mathlib.descent, so that calculus holds the whole toolkit
    "derivative",
    "gradient",
    "gradient_check",
    "gradient_descent",
    "hessian",
    "jacobian",
]


def _f_at(f: Callable[..., Any], x: np.ndarray, *, func: str, where: str) -> float:
    value = as_callable_result(f, as_input(x), func=func, arg="f")
    if not np.isfinite(value):
        raise ValueError(f"{func}: f returned {value!r} at {where}; f must be finite within h of x")
    return value


def _central_gradient(f: Callable[..., Any], x: np.ndarray, h: float, *, func: str) -> np.ndarray:
    grad = np.empty_like(x)
    for index in np.ndindex(x.shape):
        # Fresh copies each time: f may keep or change the array it is given.
        x_plus, x_minus = x.copy(), x.copy()
        x_plus[index] += h
        x_minus[index] -= h
        where = f"x ± h in entry {index}"
        grad[index] = (_f_at(f, x_plus, func=func, where=where) - _f_at(f, x_minus, func=func, where=where)) / (2 * h)
    return grad


def _vector_at(f: Callable[[np.ndarray], Any], x: np.ndarray, j: int) -> np.ndarray:
    out = np.atleast_1d(np.asarray(f(x), dtype=float))
    if out.ndim != 1:
        raise ValueError(f"jacobian: f must return a scalar or a 1-D array; it returned shape {out.shape}")
    if not np.isfinite(out).all():
        raise ValueError(f"jacobian: f returned a non-finite value at x ± h in entry {j}; f must be finite there")
    return out


def derivative(f: Callable[[float], float], x: Any, h: float = 1e-5) -> float:
    r"""Slope of a scalar function at a point, by the central difference.

    Parameters
    ----------
    f : callable
        A function of one real number returning one real number.
    x : float
        The point.
    h : float, default 1e-5
        The step; the error shrinks like $h^2$ until rounding takes over.

    Returns
    -------
    float
        The approximation of $f'(x)$.

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``x`` is not a real number.
    ValueError
        If ``h`` is not a finite number > 0, ``x`` is NaN or infinite, or ``f`` is not
        finite at $x \pm h$.

    Notes
    -----
    $$ f'(x) \approx \frac{f(x + h) - f(x - h)}{2h} $$

    Examples
    --------
    >>> round(derivative(lambda x: x**2, 3.0), 6)  # d/dx x^2 = 2x
    6.0
    >>> import math
    >>> round(derivative(math.exp, 0.0), 8)  # d/dx e^x = e^x
    1.0
    """
    check_callable(f, func="derivative", arg="f")
    x = as_scalar(x, func="derivative", arg="x")
    check_finite(x, func="derivative", arg="x")
    h = positive_number(h, func="derivative", arg="h")
    f_plus = _f_at(f, np.asarray(x + h), func="derivative", where=f"x + h = {x + h!r}")
    f_minus = _f_at(f, np.asarray(x - h), func="derivative", where=f"x - h = {x - h!r}")
    return (f_plus - f_minus) / (2 * h)


def gradient(f: Callable[[Any], float], x: Any, h: float = 1e-5) -> np.ndarray | float:
    r"""Gradient of a scalar function of an array of any shape, by central differences.

    Parameters
    ----------
    f : callable
        Takes an array shaped like ``x`` (a float if ``x`` is a scalar) and returns a scalar.
    x : array_like
        The point; a vector, a weight matrix, or any other shape.
    h : float, default 1e-5
        The step.

    Returns
    -------
    numpy.ndarray or float
        $\nabla f(x)$, the same shape as ``x``; a float if ``x`` is a scalar.

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``x`` is not numeric.
    ValueError
        If ``h`` is not a finite number > 0, ``x`` is empty or not finite, or ``f``
        does not return a finite scalar.

    Notes
    -----
    One pair of evaluations per entry, with $e_i$ the $i$-th unit array:

    $$ \frac{\partial f}{\partial x_i} \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h} $$

    Examples
    --------
    For $f(x, y) = 3x^2 y + 2 x y^3$, $\nabla f = (6xy + 2y^3,\ 3x^2 + 6xy^2)$,
    which is $(28, 27)$ at $(1, 2)$:

    >>> import numpy as np
    >>> f = lambda v: 3 * v[0]**2 * v[1] + 2 * v[0] * v[1]**3
    >>> print(np.round(gradient(f, [1.0, 2.0]), 6))
    [28. 27.]
    """
    check_callable(f, func="gradient", arg="f")
    x = finite_array(x, func="gradient", arg="x")
    h = positive_number(h, func="gradient", arg="h")
    grad = _central_gradient(f, x, h, func="gradient")
    return float(grad) if grad.ndim == 0 else grad


def jacobian(f: Callable[[np.ndarray], Any], x: Any, h: float = 1e-5) -> np.ndarray:
    r"""Jacobian matrix of a vector function $f: \mathbb{R}^n \to \mathbb{R}^m$.

    Parameters
    ----------
    f : callable
        Takes a 1-D array of length n, returns a 1-D array of length m (a scalar counts
        as m = 1).
    x : array_like, shape (n,)
        The point.
    h : float, default 1e-5
        The step.

    Returns
    -------
    numpy.ndarray, shape (m, n)
        Row $i$ is the gradient of output $i$.

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``x`` is not numeric.
    ValueError
        If ``h`` is not a finite number > 0, ``x`` is not 1-D, empty or not finite, or
        ``f`` returns a non-finite value, an array of more than one dimension, or
        outputs of different lengths.

    Notes
    -----
    $$ J_{ij} = \frac{\partial f_i}{\partial x_j}
       \approx \frac{f_i(x + h e_j) - f_i(x - h e_j)}{2h} $$

    Examples
    --------
    For $f(x, y) = (xy,\ x + y)$, $J = \begin{pmatrix} y & x \\ 1 & 1 \end{pmatrix}$:

    >>> import numpy as np
    >>> J = jacobian(lambda v: np.array([v[0] * v[1], v[0] + v[1]]), [2.0, 3.0])
    >>> print(np.round(J, 6))
    [[3. 2.]
     [1. 1.]]
    """
    check_callable(f, func="jacobian", arg="f")
    x = finite_array(x, func="jacobian", arg="x", ndim=1)
    h = positive_number(h, func="jacobian", arg="h")
    columns = []
    for j in range(x.size):
        x_plus, x_minus = x.copy(), x.copy()
        x_plus[j] += h
        x_minus[j] -= h
        f_plus, f_minus = _vector_at(f, x_plus, j), _vector_at(f, x_minus, j)
        if f_plus.shape != f_minus.shape or (columns and f_plus.shape != columns[0].shape):
            shapes = sorted({f_plus.shape, f_minus.shape, *(c.shape for c in columns[:1])})
            raise ValueError(f"jacobian: f returned shapes {shapes}; its output length must not change")
        columns.append((f_plus - f_minus) / (2 * h))
    return np.stack(columns, axis=1)


def hessian(f: Callable[[np.ndarray], float], x: Any, h: float = 1e-4) -> np.ndarray:
    r"""Hessian matrix of second derivatives of a scalar function, by central differences.

    Parameters
    ----------
    f : callable
        Takes a 1-D array of length n and returns a scalar.
    x : array_like, shape (n,)
        The point.
    h : float, default 1e-4
        The step; larger than for first derivatives because rounding error grows like
        $\epsilon / h^2$ here.

    Returns
    -------
    numpy.ndarray, shape (n, n)
        Exactly symmetric: each pair $(i, j)$ is computed once and mirrored.

    Raises
    ------
    TypeError
        If ``f`` is not callable or ``x`` is not numeric.
    ValueError
        If ``h`` is not a finite number > 0, ``x`` is not 1-D, empty or not finite, or
        ``f`` does not return a finite scalar.

    Notes
    -----
    $$ H_{ij} = \frac{\partial^2 f}{\partial x_i \partial x_j} \approx
       \frac{f(x + h e_i + h e_j) - f(x + h e_i - h e_j)
             - f(x - h e_i + h e_j) + f(x - h e_i - h e_j)}{4h^2} $$

    On the diagonal this is the second difference with step $2h$.

    Examples
    --------
    For $f(x, y) = 3x^2 y + 2 x y^3$,
    $H = \begin{pmatrix} 6y & 6x + 6y^2 \\ 6x + 6y^2 & 12xy \end{pmatrix}$,
    which at $(1, 2)$ is:

    >>> import numpy as np
    >>> f = lambda v: 3 * v[0]**2 * v[1] + 2 * v[0] * v[1]**3
    >>> print(np.round(hessian(f, [1.0, 2.0]), 4))
    [[12. 30.]
     [30. 24.]]
    """
    check_callable(f, func="hessian", arg="f")
    x = finite_array(x, func="hessian", arg="x", ndim=1)
    h = positive_number(h, func="hessian", arg="h")
    n = x.size
    H = np.empty((n, n))

    def f_shifted(i: int, si: float, j: int, sj: float) -> float:
        x_step = x.copy()
        x_step[i] += si * h
        x_step[j] += sj * h
        return _f_at(f, x_step, func="hessian", where=f"x ± h in entries ({i}, {j})")

    for i in range(n):
        for j in range(i, n):
            H[i, j] = (
                f_shifted(i, 1, j, 1) - f_shifted(i, 1, j, -1) - f_shifted(i, -1, j, 1) + f_shifted(i, -1, j, -1)
            ) / (4 * h * h)
            H[j, i] = H[i, j]
    return H


def gradient_check(f: Callable[[Any], float], grad_f: Callable[[Any], Any], x: Any, h: float = 1e-5) -> float:
    r"""Relative error between an analytic gradient and a numerical one.

    Parameters
    ----------
    f : callable
        The scalar function, as for ``gradient``.
    grad_f : callable
        The gradient to check: takes ``x`` and returns an array shaped like ``x``.
    x : array_like
        The point.
    h : float, default 1e-5
        The finite-difference step.

    Returns
    -------
    float
        The relative error; about 1e-7 or less means the gradient is right, 1e-4 or
        more is suspicious, and values near 1 mean it is wrong.

    Raises
    ------
    TypeError
        If ``f`` or ``grad_f`` is not callable, or ``x`` is not numeric.
    ValueError
        If ``grad_f(x)`` has a different shape from ``x`` or is not finite, or for the
        reasons ``gradient`` raises.

    Notes
    -----
    With $g$ the analytic gradient and $g_{\text{num}}$ the central-difference one,

    $$ \text{error} = \frac{\lVert g_{\text{num}} - g \rVert}
                          {\max(\lVert g_{\text{num}} \rVert + \lVert g \rVert,\ \text{tiny})} $$

    where tiny is the smallest positive normal float, so two zero gradients give 0
    rather than 0/0. The relative form makes one threshold work at any scale.

    Examples
    --------
    $\nabla \sum x_i^2 = 2x$; the wrong gradient $x$ is off by a relative $1/3$:

    >>> import numpy as np
    >>> f = lambda x: np.sum(x**2)
    >>> gradient_check(f, lambda x: 2 * x, [1.0, -2.0, 3.0]) < 1e-7
    True
    >>> round(gradient_check(f, lambda x: x, [1.0, -2.0, 3.0]), 6)
    0.333333
    """
    check_callable(f, func="gradient_check", arg="f")
    check_callable(grad_f, func="gradient_check", arg="grad_f")
    x = finite_array(x, func="gradient_check", arg="x")
    h = positive_number(h, func="gradient_check", arg="h")
    g_num = _central_gradient(f, x, h, func="gradient_check")
    g = np.asarray(grad_f(as_input(x.copy())), dtype=float)
    if g.shape != x.shape:
        raise ValueError(f"gradient_check: grad_f(x) is {g.shape} and x is {x.shape}; they must have the same shape")
    check_finite(g, func="gradient_check", arg="grad_f(x)")
    denominator = max(float(np.linalg.norm(g_num) + np.linalg.norm(g)), np.finfo(float).tiny)
    return float(np.linalg.norm(g_num - g)) / denominator


# Gradient descent lives in its own module; it is part of the calculus toolkit's API.
from mathlib.descent import DescentResult, gradient_descent  # noqa: E402
