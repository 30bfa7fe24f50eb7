r"""L1 and L2 penalties, their (sub)gradients and proximal steps, and penalised least squares.

L2 adds $\tfrac{\lambda}{2}\lVert w\rVert_2^2$ to a loss (the convention of
``mathlib.nn.MLP``'s ``weight_decay``); its gradient $\lambda w$ shrinks every weight in
proportion to its size, so a weight approaches 0 but does not reach it. L1 adds
$\lambda\lVert w\rVert_1$; its pull $\lambda\operatorname{sign}(w)$ has the same size however
small the weight, and its proximal step, soft-thresholding, sets small weights to exactly 0.

Examples
--------
>>> from mathlib.penalties import soft_threshold
>>> soft_threshold([3.0, -0.5, 0.2], 1.0).tolist()
[2.0, -0.0, 0.0]
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mathlib._validation import as_array, check_finite, check_positive_int, finite_array, finite_scalar, positive_number

__all__ = ["l1_penalty", "l1_subgradient", "l2_gradient", "l2_penalty", "penalized_least_squares", "soft_threshold"]

PENALTIES = ("l1", "l2")


def _strength(lam: Any, func: str, arg: str = "lam") -> float:
    value = finite_scalar(lam, func=func, arg=arg)
    if value < 0:
        raise ValueError(f"{func}: {arg} must be >= 0; got {value!r}")
    return value


def _weights(w: Any, func: str, arg: str = "w") -> np.ndarray:
    w = as_array(w, func=func, arg=arg)
    check_finite(w, func=func, arg=arg)
    return w


def _soft(v: np.ndarray, t: float) -> np.ndarray:
    return np.sign(v) * np.maximum(np.abs(v) - t, 0.0)


def l1_penalty(w: Any, lam: float) -> float:
    r"""The L1 penalty $\lambda \lVert w \rVert_1 = \lambda \sum_i |w_i|$.

    Parameters
    ----------
    w : array_like
        Weights (any shape; all entries count).
    lam : float
        Strength $\lambda \ge 0$.

    Returns
    -------
    float

    Raises
    ------
    TypeError
        If ``w`` or ``lam`` is not numeric.
    ValueError
        If ``w`` is empty or not finite, or ``lam`` is negative or not finite.

    Examples
    --------
    >>> l1_penalty([3.0, -4.0], 0.5)
    3.5
    """
    return _strength(lam, "l1_penalty") * float(np.abs(_weights(w, "l1_penalty")).sum())


def l1_subgradient(w: Any, lam: float) -> np.ndarray:
    r"""A subgradient of $\lambda\lVert w\rVert_1$: $\lambda \operatorname{sign}(w)$, with 0 where $w_i = 0$.

    Parameters
    ----------
    w : array_like
        Weights.
    lam : float
        Strength $\lambda \ge 0$.

    Returns
    -------
    numpy.ndarray
        Shaped like ``w``.

    Raises
    ------
    TypeError, ValueError
        As ``l1_penalty``.

    Notes
    -----
    $|w|$ has no derivative at 0; its subdifferential there is the interval $[-1, 1]$,
    every slope of a line through the origin that stays below $|w|$. Away from 0 it is the
    single slope $\operatorname{sign}(w)$:

    $$ \partial\,\lambda|w_i| = \begin{cases} \{\lambda \operatorname{sign}(w_i)\} & w_i \ne 0 \\
       [-\lambda, \lambda] & w_i = 0 \end{cases} $$

    This returns the member of smallest size, 0, at $w_i = 0$. Its size is $\lambda$ at any
    $w_i \ne 0$, however small, unlike L2's gradient $\lambda w_i$.

    Examples
    --------
    >>> l1_subgradient([2.0, 0.0, -1e-9], 0.1).tolist()
    [0.1, 0.0, -0.1]
    """
    return _strength(lam, "l1_subgradient") * np.sign(_weights(w, "l1_subgradient"))


def l2_penalty(w: Any, lam: float) -> float:
    r"""The L2 penalty $\frac{\lambda}{2} \lVert w \rVert_2^2 = \frac{\lambda}{2} \sum_i w_i^2$.

    Parameters
    ----------
    w : array_like
        Weights (any shape; all entries count).
    lam : float
        Strength $\lambda \ge 0$.

    Returns
    -------
    float

    Raises
    ------
    TypeError, ValueError
        As ``l1_penalty``.

    Notes
    -----
    The factor $\tfrac12$ makes the gradient $\lambda w$; ``mathlib.nn.MLP`` uses the same
    convention for its ``weight_decay``.

    Examples
    --------
    >>> l2_penalty([3.0, -4.0], 0.5)
    6.25
    """
    return 0.5 * _strength(lam, "l2_penalty") * float(np.sum(_weights(w, "l2_penalty") ** 2))


def l2_gradient(w: Any, lam: float) -> np.ndarray:
    r"""The gradient $\lambda w$ of $\frac{\lambda}{2}\lVert w\rVert_2^2$.

    Parameters
    ----------
    w : array_like
        Weights.
    lam : float
        Strength $\lambda \ge 0$.

    Returns
    -------
    numpy.ndarray
        Shaped like ``w``.

    Raises
    ------
    TypeError, ValueError
        As ``l1_penalty``.

    Examples
    --------
    >>> l2_gradient([2.0, 0.0, -4.0], 0.5).tolist()
    [1.0, 0.0, -2.0]
    """
    return _strength(lam, "l2_gradient") * _weights(w, "l2_gradient")


def soft_threshold(v: Any, t: float) -> np.ndarray:
    r"""Soft-thresholding, the proximal operator of $t\lVert\cdot\rVert_1$: $\operatorname{sign}(v)\max(|v| - t, 0)$.

    Parameters
    ----------
    v : array_like
        The point to shrink.
    t : float
        The threshold $t \ge 0$ (in a proximal-gradient step, learning rate times $\lambda$).

    Returns
    -------
    numpy.ndarray
        Shaped like ``v``: entries with $|v_i| \le t$ become exactly 0, the others move $t$
        towards 0.

    Raises
    ------
    TypeError
        If ``v`` or ``t`` is not numeric.
    ValueError
        If ``v`` is empty or not finite, or ``t`` is negative or not finite.

    Notes
    -----
    $$ \operatorname{prox}_{t\lVert\cdot\rVert_1}(v) = \arg\min_w \Big( \tfrac12\lVert w - v\rVert_2^2
       + t\lVert w\rVert_1 \Big), \qquad w_i = \operatorname{sign}(v_i)\max(|v_i| - t, 0) $$

    The problem splits into one per coordinate. For $w_i \ne 0$ the derivative
    $w_i - v_i + t\operatorname{sign}(w_i)$ vanishes at $w_i = v_i - t\operatorname{sign}(v_i)$,
    which has the sign it assumed only if $|v_i| > t$; otherwise 0 is the minimum, since
    $v_i - w_i$ then lies in $t$ times the subdifferential $[-1, 1]$ of $|w_i|$ at 0. The
    proximal step of L2, $\frac{\lambda}{2}\lVert w\rVert^2$ with step $\eta$, is
    $v/(1 + \eta\lambda)$: it scales and never reaches 0 from $v \ne 0$.

    Examples
    --------
    >>> soft_threshold([3.0, -0.5, 0.2, -2.0], 1.0).tolist()
    [2.0, -0.0, 0.0, -1.0]
    """
    v = _weights(v, "soft_threshold", "v")
    return _soft(v, _strength(t, "soft_threshold", "t"))


def penalized_least_squares(
    X: Any, y: Any, lam: float, penalty: str = "l1", *, steps: int = 2000, lr: float | None = None
) -> np.ndarray:
    r"""Minimise $\frac{1}{2n}\lVert y - Xw\rVert_2^2 + P(w)$ by proximal gradient descent (ISTA).

    Parameters
    ----------
    X : array_like, shape (n, p)
        Features, one sample per row (no intercept column is added: centre the data first).
    y : array_like, shape (n,)
        Targets.
    lam : float
        Strength $\lambda \ge 0$ of the penalty.
    penalty : {"l1", "l2"}, default "l1"
        $P(w) = \lambda\lVert w\rVert_1$ (the lasso) or $\frac{\lambda}{2}\lVert w\rVert_2^2$ (ridge).
    steps : int, default 2000
        Number of proximal-gradient steps, >= 1, from $w = 0$.
    lr : float, optional
        Step size $\eta > 0$; by default $1/L$ with $L$ the largest eigenvalue of
        $X^\top X / n$, the largest step for which the iteration never increases the objective.

    Returns
    -------
    numpy.ndarray, shape (p,)
        The coefficients after ``steps`` steps; under L1, some are exactly 0.

    Raises
    ------
    TypeError
        If ``X``, ``y``, ``lam`` or ``lr`` is not numeric, ``penalty`` not a string or
        ``steps`` not an integer.
    ValueError
        If ``X`` is not 2-D, ``y`` not 1-D with one entry per row of ``X`` (both shapes
        named), either is not finite, ``lam`` < 0, ``penalty`` unknown, ``steps`` < 1 or
        ``lr`` not > 0.

    Notes
    -----
    Each step takes a gradient step on the smooth part, then the proximal step of the penalty:

    $$ v = w + \frac{\eta}{n} X^\top (y - Xw), \qquad
       w \leftarrow \begin{cases} \operatorname{sign}(v) \max(|v| - \eta\lambda, 0) & \text{L1} \\
       v / (1 + \eta\lambda) & \text{L2} \end{cases} $$

    The objective is scikit-learn's ``Lasso(alpha=lam, fit_intercept=False)`` for L1; the
    test-suite checks the two agree, and the L2 result against the closed form
    $(X^\top X/n + \lambda I)^{-1} X^\top y / n$.

    Examples
    --------
    Orthogonal columns with $X^\top X / n = \tfrac12 I$: the default step is $\eta = 2$, one step
    from 0 lands on $v = \eta X^\top y / n = (3, 0.5)$, and soft-thresholding by $\eta\lambda = 1$
    gives the exact minimiser:

    >>> X = [[1.0, 0.0], [0.0, 1.0], [1.0, 0.0], [0.0, 1.0]]
    >>> penalized_least_squares(X, [3.0, 0.5, 3.0, 0.5], 0.5, "l1", steps=1).tolist()
    [2.0, 0.0]
    """
    func = "penalized_least_squares"
    X = finite_array(X, func=func, arg="X", ndim=2)
    y = finite_array(y, func=func, arg="y", ndim=1)
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"{func}: X is {X.shape} and y is {y.shape}; y needs one entry per row of X ({X.shape[0]})")
    lam = _strength(lam, func)
    if not isinstance(penalty, str):
        raise TypeError(f"{func}: penalty must be a string, one of {PENALTIES}; got {type(penalty).__name__}")
    if penalty not in PENALTIES:
        raise ValueError(f"{func}: penalty must be one of {PENALTIES}; got {penalty!r}")
    steps = check_positive_int(steps, func=func, arg="steps")
    n = X.shape[0]
    if lr is None:
        L = float(np.linalg.eigvalsh(X.T @ X / n)[-1])
        lr = 1.0 / L if L > 0 else 1.0
    lr = positive_number(lr, func=func, arg="lr")
    w = np.zeros(X.shape[1])
    for _ in range(steps):
        v = w + (lr / n) * (X.T @ (y - X @ w))
        w = _soft(v, lr * lam) if penalty == "l1" else v / (1.0 + lr * lam)
    return w
