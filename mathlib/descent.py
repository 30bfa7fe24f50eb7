r"""Gradient descent: follow the negative gradient downhill, keeping the whole path.

$$x_{k+1} = x_k - \alpha \, \nabla f(x_k)$$

Examples
--------
>>> from mathlib.descent import gradient_descent
>>> result = gradient_descent(lambda w: 2 * w, 5.0, lr=0.1, steps=20)
>>> float(result.path[1])
4.0
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from mathlib._validation import as_input, check_callable, check_positive_int, finite_array, positive_number

__all__ = ["DescentResult", "gradient_descent"]


@dataclass(frozen=True, eq=False)
class DescentResult:
    r"""The outcome of ``gradient_descent``.

    Attributes
    ----------
    x : float or numpy.ndarray
        The end point $x_{\text{steps}}$; a float if ``x0`` was a scalar.
    path : numpy.ndarray, shape (steps + 1, *x0.shape)
        Every iterate, starting with ``x0``; read-only.
    steps : int
        The number of updates taken.
    """

    x: float | np.ndarray
    path: np.ndarray
    steps: int


def gradient_descent(grad_f: Callable[[Any], Any], x0: Any, lr: float, steps: int) -> DescentResult:
    r"""Minimise a function by stepping against its gradient.

    Parameters
    ----------
    grad_f : callable
        The gradient of the function to minimise: takes the current point (a float if
        ``x0`` is a scalar, else an array shaped like ``x0``) and returns the gradient,
        shaped like ``x0``.
    x0 : float or array_like
        The starting point.
    lr : float
        The learning rate $\alpha > 0$.
    steps : int
        The number of updates, >= 1.

    Returns
    -------
    DescentResult
        ``.x`` the end point, ``.path`` all ``steps + 1`` points, ``.steps``.

    Raises
    ------
    TypeError
        If ``grad_f`` is not callable, ``x0`` is not numeric or ``steps`` is not an int.
    ValueError
        If ``lr`` is not a finite number > 0, ``steps`` < 1, ``x0`` is empty or not
        finite, the gradient has the wrong shape, or the iteration diverges: the
        message names ``lr`` and the step at which the gradient or the point stopped
        being finite.

    Notes
    -----
    $$ x_{k+1} = x_k - \alpha \, \nabla f(x_k) $$

    On $f(w) = w^2$, $\nabla f = 2w$, so $w_{k+1} = (1 - 2\alpha) w_k$: it converges
    for $0 < \alpha < 1$ and diverges for $\alpha > 1$.

    Examples
    --------
    From $w_0 = 5$ with $\alpha = 0.1$, $w_k = 5 \cdot 0.8^k$:

    >>> import math
    >>> result = gradient_descent(lambda w: 2 * w, 5.0, lr=0.1, steps=20)
    >>> print(result.path[1])
    4.0
    >>> result.path.shape
    (21,)
    >>> math.isclose(result.x, 5 * 0.8**20, rel_tol=1e-12)
    True
    """
    check_callable(grad_f, func="gradient_descent", arg="grad_f")
    x = finite_array(x0, func="gradient_descent", arg="x0").copy()
    lr = positive_number(lr, func="gradient_descent", arg="lr")
    steps = check_positive_int(steps, func="gradient_descent", arg="steps")
    path = np.empty((steps + 1, *x.shape))
    path[0] = x
    for k in range(1, steps + 1):
        # Overflow on the way to divergence is reported below as one ValueError
        # that names lr and the step, instead of as RuntimeWarnings and inf.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            try:
                g = np.asarray(grad_f(as_input(x.copy())), dtype=float)
            except OverflowError as error:  # Python floats raise where NumPy would give inf
                raise ValueError(
                    f"gradient_descent: diverged at step {k} of {steps} with lr={lr!r}: grad_f overflowed "
                    f"({error}); try a smaller lr"
                ) from error
            if g.shape != x.shape:
                raise ValueError(
                    f"gradient_descent: grad_f(x) is {g.shape} and x0 is {x.shape}; they must have the same shape"
                )
            if not np.isfinite(g).all():
                raise ValueError(
                    f"gradient_descent: diverged at step {k} of {steps} with lr={lr!r}: the gradient became "
                    "non-finite; try a smaller lr"
                )
            x = np.asarray(x - lr * g)
        if not np.isfinite(x).all():
            raise ValueError(
                f"gradient_descent: diverged at step {k} of {steps} with lr={lr!r}: x became non-finite; "
                "try a smaller lr"
            )
        path[k] = x
    path.flags.writeable = False
    end = float(x) if x.ndim == 0 else x.copy()
    return DescentResult(x=end, path=path, steps=steps)
