r"""Loss functions and their gradients with respect to the prediction.

Every loss is a mean over samples and returns a Python ``float``; every ``*_grad`` is the
gradient of that mean, so it carries the factor $1/n$.

Examples
--------
>>> from mathlib.losses import mse, mse_grad
>>> mse(3.0, 5.0), mse_grad(3.0, 5.0)
(4.0, 4.0)
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mathlib._validation import as_array, check_finite, check_in_unit_interval, check_same_shape

__all__ = [
    "binary_cross_entropy",
    "binary_cross_entropy_grad",
    "cross_entropy",
    "mae",
    "mse",
    "mse_grad",
    "softmax_cross_entropy",
]


def _pair(y: Any, y_hat: Any, func: str, names: tuple[str, str]) -> tuple[np.ndarray, np.ndarray]:
    a = as_array(y, func=func, arg=names[0])
    b = as_array(y_hat, func=func, arg=names[1])
    check_same_shape(a, b, func=func, names=names)
    return a, b


def _clipped_probabilities(y: Any, p: Any, eps: float, func: str) -> tuple[np.ndarray, np.ndarray]:
    y, p = _pair(y, p, func, ("y", "p"))
    check_in_unit_interval(y, func=func, arg="y")
    check_in_unit_interval(p, func=func, arg="p")
    if not 0 < eps < 0.5:
        raise ValueError(f"{func}: eps must lie in (0, 0.5); got {eps!r}")
    return y, np.clip(p, eps, 1.0 - eps)


def _class_indices(y: Any, n: int, k: int, func: str) -> np.ndarray:
    """Return the true class of each of ``n`` samples from indices (n,) or one-hot rows (n, k)."""
    y = as_array(y, func=func, arg="y")
    if y.shape == (n,):
        bad = (y != np.round(y)) | (y < 0) | (y >= k)
        if bad.any():
            raise ValueError(
                f"{func}: y holds class indices, so it must be integers in 0..{k - 1}; got {float(y[bad][0])!r}"
            )
        return y.astype(int)
    if y.shape == (n, k):
        if not (np.all((y == 0) | (y == 1)) and np.all(y.sum(axis=1) == 1)):
            raise ValueError(f"{func}: y of shape {y.shape} must be one-hot (0/1, one 1 per row)")
        return np.argmax(y, axis=1)
    raise ValueError(
        f"{func}: y is {y.shape} and the predictions are {(n, k)}; y must be class indices ({n},) "
        f"or one-hot rows ({n}, {k})"
    )


def mse(y: Any, y_hat: Any) -> float:
    r"""Mean squared error between targets ``y`` and predictions ``y_hat``.

    Parameters
    ----------
    y, y_hat : float or array_like
        Targets and predictions, of the same shape.

    Returns
    -------
    float
        The mean over all entries of $(\hat y - y)^2$.

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If the shapes differ, or an argument is empty or contains NaN.

    Notes
    -----
    $$ \operatorname{MSE}(y, \hat y) = \frac{1}{n}\sum_{i=1}^{n} (\hat y_i - y_i)^2 $$

    Examples
    --------
    >>> mse([1.0, 2.0], [1.0, 4.0])
    2.0
    """
    y, y_hat = _pair(y, y_hat, "mse", ("y", "y_hat"))
    return float(np.mean((y_hat - y) ** 2))


def mse_grad(y: Any, y_hat: Any) -> float | np.ndarray:
    r"""Gradient of ``mse`` with respect to ``y_hat``.

    Parameters
    ----------
    y, y_hat : float or array_like
        Targets and predictions, of the same shape.

    Returns
    -------
    float or numpy.ndarray
        $2(\hat y - y)/n$, shaped like ``y_hat`` (a float for scalars).

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If the shapes differ, or an argument is empty or contains NaN.

    Notes
    -----
    $$ \frac{\partial\, \operatorname{MSE}}{\partial \hat y_i} = \frac{2}{n}(\hat y_i - y_i) $$

    with $n$ the number of entries. For one sample with prediction 5 and target 3
    the gradient is $2(5 - 3) = 4$: positive, so gradient descent lowers the
    prediction.

    Examples
    --------
    >>> mse_grad(3.0, 5.0)
    4.0
    >>> print(mse_grad([1.0], [0.01]))
    [-1.98]
    """
    y, y_hat = _pair(y, y_hat, "mse_grad", ("y", "y_hat"))
    grad = 2.0 * (y_hat - y) / y.size
    return float(grad) if grad.ndim == 0 else grad


def mae(y: Any, y_hat: Any) -> float:
    r"""Mean absolute error between targets ``y`` and predictions ``y_hat``.

    Parameters
    ----------
    y, y_hat : float or array_like
        Targets and predictions, of the same shape.

    Returns
    -------
    float
        The mean over all entries of $|\hat y - y|$.

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If the shapes differ, or an argument is empty or contains NaN.

    Notes
    -----
    $$ \operatorname{MAE}(y, \hat y) = \frac{1}{n}\sum_{i=1}^{n} |\hat y_i - y_i| $$

    Examples
    --------
    >>> mae([1.0, 2.0], [2.0, 0.0])
    1.5
    """
    y, y_hat = _pair(y, y_hat, "mae", ("y", "y_hat"))
    return float(np.mean(np.abs(y_hat - y)))


def binary_cross_entropy(y: Any, p: Any, eps: float = 1e-12) -> float:
    r"""Binary cross-entropy: the mean negative log-likelihood of labels ``y`` under ``p``.

    Parameters
    ----------
    y : float or array_like
        Labels, 0/1 (or soft labels in [0, 1]).
    p : float or array_like
        Predicted probabilities $P(y = 1)$ in [0, 1], shaped like ``y``.
    eps : float, default 1e-12
        ``p`` is clipped to $[\epsilon, 1 - \epsilon]$ so that a prediction of
        exactly 0 or 1 gives a large finite loss instead of ``inf``.

    Returns
    -------
    float
        The loss, averaged over samples.

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If the shapes differ, ``y`` or ``p`` is outside [0, 1], or ``eps`` is outside (0, 0.5).

    Notes
    -----
    $$ \operatorname{BCE}(y, p) = -\frac{1}{n}\sum_{i=1}^{n}
       \bigl[y_i \log p_i + (1 - y_i)\log(1 - p_i)\bigr] $$

    Examples
    --------
    >>> import math
    >>> math.isclose(binary_cross_entropy([1, 0], [0.5, 0.5]), math.log(2))
    True
    >>> round(binary_cross_entropy([1, 0, 1], [0.8, 0.3, 0.6]), 4)
    0.3635
    """
    y, p = _clipped_probabilities(y, p, eps, "binary_cross_entropy")
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log1p(-p)))


def binary_cross_entropy_grad(y: Any, p: Any, eps: float = 1e-12) -> float | np.ndarray:
    r"""Gradient of ``binary_cross_entropy`` with respect to ``p``.

    Parameters
    ----------
    y : float or array_like
        Labels, 0/1 (or soft labels in [0, 1]).
    p : float or array_like
        Predicted probabilities in [0, 1], shaped like ``y``.
    eps : float, default 1e-12
        ``p`` is clipped to $[\epsilon, 1 - \epsilon]$ first, as in the loss, so
        the gradient stays finite at ``p`` = 0 or 1.

    Returns
    -------
    float or numpy.ndarray
        $(p - y) / (p(1 - p)\,n)$, shaped like ``p`` (a float for scalars).

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If the shapes differ, ``y`` or ``p`` is outside [0, 1], or ``eps`` is outside (0, 0.5).

    Notes
    -----
    $$ \frac{\partial\, \operatorname{BCE}}{\partial p_i}
       = \frac{1}{n}\Bigl(-\frac{y_i}{p_i} + \frac{1 - y_i}{1 - p_i}\Bigr)
       = \frac{p_i - y_i}{n\, p_i (1 - p_i)} $$

    For $y = 1$ this is $-1/(n p)$: a confidently wrong $p = 0.01$
    gets $-100$, against $-1.98$ from ``mse_grad``.

    Examples
    --------
    >>> binary_cross_entropy_grad(1.0, 0.5)
    -2.0
    """
    y, p = _clipped_probabilities(y, p, eps, "binary_cross_entropy_grad")
    grad = (p - y) / (p * (1.0 - p)) / y.size
    return float(grad) if grad.ndim == 0 else grad


def cross_entropy(y: Any, p: Any, eps: float = 1e-12) -> float:
    r"""Categorical cross-entropy: mean of $-\log p_{i, y_i}$ over samples.

    Parameters
    ----------
    y : array_like
        True classes: integer indices of shape (n,) or one-hot rows of shape (n, k).
    p : array_like
        Predicted probabilities, shape (n, k); each row in [0, 1] and summing to 1
        (within 1e-6).
    eps : float, default 1e-12
        The probability of the true class is clipped to at least ``eps`` so that a
        zero gives a large finite loss instead of ``inf``.

    Returns
    -------
    float
        The loss, averaged over the n samples.

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If ``p`` is not 2-D, is outside [0, 1] or has a row not summing to 1; if ``y``
        is neither (n,) indices in 0..k-1 nor (n, k) one-hot; if ``eps`` is outside (0, 0.5).

    Notes
    -----
    $$ \operatorname{CE}(y, p) = -\frac{1}{n}\sum_{i=1}^{n}\sum_{j=1}^{k} y_{ij}\log p_{ij}
       = -\frac{1}{n}\sum_{i=1}^{n} \log p_{i, y_i} $$

    Examples
    --------
    >>> import math
    >>> math.isclose(cross_entropy([0, 1], [[0.5, 0.5], [0.5, 0.5]]), math.log(2))
    True
    >>> cross_entropy([[0, 0, 1]], [[0.0, 0.0, 1.0]])
    0.0
    """
    p = as_array(p, func="cross_entropy", arg="p", ndim=2)
    check_in_unit_interval(p, func="cross_entropy", arg="p")
    sums = p.sum(axis=1)
    if not np.allclose(sums, 1.0, rtol=0.0, atol=1e-6):
        bad = int(np.argmax(np.abs(sums - 1.0)))
        raise ValueError(
            f"cross_entropy: each row of p must sum to 1 (atol 1e-6); row {bad} sums to {float(sums[bad])!r}"
        )
    if not 0 < eps < 0.5:
        raise ValueError(f"cross_entropy: eps must lie in (0, 0.5); got {eps!r}")
    n, k = p.shape
    true = _class_indices(y, n, k, "cross_entropy")
    return float(-np.mean(np.log(np.maximum(p[np.arange(n), true], eps)))) + 0.0


def softmax_cross_entropy(logits: Any, y: Any) -> tuple[float, np.ndarray]:
    r"""Softmax followed by cross-entropy, fused: the loss and its gradient in the logits.

    Parameters
    ----------
    logits : array_like
        Scores, shape (n, k) for n samples, or (k,) for one sample. Finite.
    y : int or array_like
        True classes: indices of shape (n,) or one-hot rows (n, k); for one sample, an
        int or a one-hot vector (k,).

    Returns
    -------
    loss : float
        Mean cross-entropy of $\operatorname{softmax}(z)$ against ``y``.
    grad : numpy.ndarray
        $\partial\,\mathrm{loss} / \partial z$, shaped like ``logits``.

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If ``logits`` is not 1-D or 2-D, is empty or not finite, or ``y`` does not match it.

    Notes
    -----
    The loss uses log-sum-exp, so no probability is formed and then logged:

    $$ L = \frac{1}{n}\sum_{i=1}^{n}\Bigl(m_i + \log\sum_{j} e^{z_{ij} - m_i} - z_{i, y_i}\Bigr),
       \qquad m_i = \max_j z_{ij} $$

    $$ \frac{\partial L}{\partial z_{ij}} = \frac{1}{n}
       \bigl(\operatorname{softmax}(z_i)_j - \mathbb{1}[j = y_i]\bigr) $$

    The $1/n$ comes from the mean; the per-sample gradient is $p - \text{onehot}(y)$.

    Examples
    --------
    >>> import math
    >>> loss, grad = softmax_cross_entropy([0.0, 0.0], 0)
    >>> math.isclose(loss, math.log(2)), grad.tolist()
    (True, [-0.5, 0.5])
    """
    z = as_array(logits, func="softmax_cross_entropy", arg="logits", ndim=(1, 2))
    check_finite(z, func="softmax_cross_entropy", arg="logits")
    single = z.ndim == 1
    Z = z[np.newaxis, :] if single else z
    n, k = Z.shape
    if single:
        # One sample: an int index becomes (1,), a one-hot vector (k,) becomes (1, k).
        y = as_array(y, func="softmax_cross_entropy", arg="y")
        if y.ndim == 0 or y.shape == (k,):
            y = y[np.newaxis]
    true = _class_indices(y, n, k, "softmax_cross_entropy")
    shifted = Z - Z.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1))
    rows = np.arange(n)
    loss = float(np.mean(log_norm - shifted[rows, true])) + 0.0
    grad = np.exp(shifted - log_norm[:, np.newaxis])
    grad[rows, true] -= 1.0
    grad /= n
    return loss, grad[0] if single else grad
