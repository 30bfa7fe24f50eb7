r"""Multi-class classification: the categorical distribution, softmax regression, scoring.

Softmax regression is $P = \operatorname{softmax}(XW + \mathbf{1}\mathbf{b}^\top)$, samples as
rows; ``mathlib.nn`` trains it as ``MLP([d, k], ["softmax"])`` with ``loss="softmax_ce"``.

Examples
--------
>>> from mathlib.classification import accuracy, one_hot
>>> print(one_hot([2, 0], 3))
[[0. 0. 1.]
 [1. 0. 0.]]
>>> accuracy([0, 1, 2, 2], [0, 1, 1, 2])
0.75
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from mathlib._validation import (
    as_array,
    as_rng,
    check_in_unit_interval,
    check_positive_int,
    check_same_shape,
    finite_array,
)
from mathlib.activations import softmax
from mathlib.losses import _class_indices, _pair  # labels checked; two arrays of one shape

__all__ = [
    "accuracy",
    "categorical_log_likelihood",
    "categorical_pmf",
    "confusion_matrix",
    "one_hot",
    "softmax_jacobian",
    "softmax_regression_grad",
    "stratified_split",
]


def _labels(y: Any, k: int, func: str, arg: str) -> np.ndarray:
    """Class indices: a 1-D array of whole numbers in 0..k-1."""
    y = as_array(y, func=func, arg=arg, ndim=1)
    bad = (y != np.round(y)) | (y < 0) | (y >= k)
    if bad.any():
        raise ValueError(
            f"{func}: {arg} holds class indices, so it must be whole numbers in 0..{k - 1}; got {float(y[bad][0])!r}"
        )
    return y.astype(int)


def _distribution(p: Any, func: str, arg: str, ndim: int) -> np.ndarray:
    """Probability vectors along the last axis: entries in [0, 1], each summing to 1 (atol 1e-9)."""
    p = as_array(p, func=func, arg=arg, ndim=ndim)
    check_in_unit_interval(p, func=func, arg=arg)
    sums = np.atleast_1d(p.sum(axis=-1))
    if not np.allclose(sums, 1.0, rtol=0.0, atol=1e-9):
        worst = float(sums[np.argmax(np.abs(sums - 1.0))])
        raise ValueError(f"{func}: {arg} must sum to 1 along its last axis (atol 1e-9); one sums to {worst!r}")
    return p


def one_hot(y: Any, k: int) -> np.ndarray:
    r"""Class indices as one-hot rows: row $i$ is all zeros but a 1 in column $y_i$.

    Parameters
    ----------
    y : array_like, shape (n,)
        Class indices, whole numbers in 0..k-1.
    k : int
        The number of classes (>= 1).

    Returns
    -------
    numpy.ndarray, shape (n, k)
        $Y$ with $Y_{ij} = \mathbb{1}[y_i = j]$, as floats.

    Raises
    ------
    TypeError
        If ``y`` is not numeric or ``k`` is not an integer.
    ValueError
        If ``y`` is not 1-D or holds anything but whole numbers in 0..k-1, or ``k`` < 1.

    Examples
    --------
    >>> one_hot([1, 0], 2).tolist()
    [[0.0, 1.0], [1.0, 0.0]]
    """
    k = check_positive_int(k, func="one_hot", arg="k")
    y = _labels(y, k, "one_hot", "y")
    return np.eye(k)[y]


def categorical_pmf(x: Any, p: Any) -> float | np.ndarray:
    r"""Probability of outcome ``x`` (a class index) under a categorical distribution ``p``.

    Parameters
    ----------
    x : int or array_like
        Outcome(s), whole numbers in 0..k-1.
    p : array_like, shape (k,)
        The probabilities of the k outcomes: in [0, 1], summing to 1.

    Returns
    -------
    float or numpy.ndarray
        $P(X = x)$, a float for a scalar ``x``, else an array shaped like ``x``.

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If ``p`` is not a 1-D distribution, or ``x`` is not a whole number in 0..k-1.

    Notes
    -----
    With $\mathbf{y}$ the one-hot code of $x$, the product picks out one factor:

    $$ P(X = x) = \prod_{j=1}^{k} p_j^{\,y_j} = p_x $$

    For $k = 2$ and $\mathbf{p} = (1 - p, p)$ this is the Bernoulli $p^x (1 - p)^{1 - x}$.

    Examples
    --------
    >>> categorical_pmf(2, [0.5, 0.3, 0.2])
    0.2
    >>> categorical_pmf([0, 0, 1], [0.5, 0.3, 0.2]).tolist()
    [0.5, 0.5, 0.3]
    """
    p = _distribution(p, "categorical_pmf", "p", ndim=1)
    arr = as_array(x, func="categorical_pmf", arg="x")
    labels = _labels(arr.reshape(-1), p.size, "categorical_pmf", "x").reshape(arr.shape)
    values = p[labels]
    return float(values) if values.ndim == 0 else values


def categorical_log_likelihood(y: Any, P: Any) -> float:
    r"""Log-likelihood of observed classes ``y`` under per-sample probabilities ``P``.

    Parameters
    ----------
    y : array_like
        Observed classes: indices (n,) or one-hot rows (n, k).
    P : array_like, shape (n, k)
        Row $i$ is the distribution predicted for sample $i$ (each row sums to 1).

    Returns
    -------
    float
        $\ell$, a sum over samples (not a mean); ``-inf`` if an observed class has probability 0.

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If ``P`` is not 2-D rows of distributions, or ``y`` does not match it.

    Notes
    -----
    $$ \ell = \log \prod_{i=1}^{n} \prod_{j=1}^{k} P_{ij}^{\,Y_{ij}}
       = \sum_{i=1}^{n} \sum_{j=1}^{k} Y_{ij} \log P_{ij} = \sum_{i=1}^{n} \log P_{i, y_i} $$

    So $-\ell / n$ is the categorical cross-entropy (``mathlib.losses.cross_entropy``).

    Examples
    --------
    >>> import math
    >>> math.isclose(categorical_log_likelihood([0, 1], [[0.5, 0.5], [0.5, 0.5]]), 2 * math.log(0.5))
    True
    """
    func = "categorical_log_likelihood"
    P = _distribution(P, func, "P", ndim=2)
    n, k = P.shape
    labels = _class_indices(y, n, k, func)
    with np.errstate(divide="ignore"):  # log 0 = -inf is the honest answer
        return float(np.sum(np.log(P[np.arange(n), labels])))


def softmax_jacobian(z: Any) -> np.ndarray:
    r"""The Jacobian of softmax at the scores ``z``: $J_{ij} = \partial p_i / \partial z_j$.

    Parameters
    ----------
    z : array_like, shape (k,)
        Scores (logits), finite.

    Returns
    -------
    numpy.ndarray, shape (k, k)
        $\operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^\top$ with
        $\mathbf{p} = \operatorname{softmax}(\mathbf{z})$: symmetric, each row summing to 0.

    Raises
    ------
    TypeError
        If ``z`` is not numeric.
    ValueError
        If ``z`` is not 1-D, is empty or not finite.

    Notes
    -----
    $$ \frac{\partial p_i}{\partial z_j} = p_i\,(\mathbb{1}[i = j] - p_j),
       \qquad J = \operatorname{diag}(\mathbf{p}) - \mathbf{p}\mathbf{p}^\top $$

    Examples
    --------
    >>> softmax_jacobian([0.0, 0.0]).tolist()
    [[0.25, -0.25], [-0.25, 0.25]]
    """
    z = finite_array(z, func="softmax_jacobian", arg="z", ndim=1)
    p = softmax(z)
    return np.diag(p) - np.outer(p, p)


def softmax_regression_grad(X: Any, y: Any, W: Any, b: Any) -> tuple[np.ndarray, np.ndarray]:
    r"""Gradient of the mean cross-entropy of softmax regression, in closed form.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Inputs, one sample per row.
    y : array_like
        True classes: indices (n,) or one-hot rows (n, k).
    W : array_like, shape (d, k)
        Weights (column $j$ scores class $j$).
    b : array_like, shape (k,)
        Biases.

    Returns
    -------
    dW : numpy.ndarray, shape (d, k)
    db : numpy.ndarray, shape (k,)

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If an argument is not finite, the shapes do not chain (both shapes and the rule are
        named), or ``y`` is not indices or one-hot rows for n samples and k classes.

    Notes
    -----
    With $P = \operatorname{softmax}(XW + \mathbf{1}\mathbf{b}^\top)$ row by row, $Y$ the
    one-hot labels and $L = -\frac1n \sum_{ij} Y_{ij}\log P_{ij}$:

    $$ \nabla_W L = \frac{1}{n} X^\top (P - Y), \qquad
       \nabla_{\mathbf{b}} L = \frac{1}{n} (P - Y)^\top \mathbf{1} $$

    Examples
    --------
    All-zero weights give $P = \tfrac12$ everywhere; one sample $x = 2$ of class 0:

    >>> dW, db = softmax_regression_grad([[2.0]], [0], [[0.0, 0.0]], [0.0, 0.0])
    >>> dW.tolist(), db.tolist()
    ([[-1.0, 1.0]], [-0.5, 0.5])
    """
    func = "softmax_regression_grad"
    X = finite_array(X, func=func, arg="X", ndim=2)
    W = finite_array(W, func=func, arg="W", ndim=2)
    b = finite_array(b, func=func, arg="b", ndim=1)
    if X.shape[1] != W.shape[0]:
        raise ValueError(f"{func}: X is {X.shape} and W is {W.shape}; X's columns ({X.shape[1]}) must equal W's rows")
    if b.shape != (W.shape[1],):
        raise ValueError(f"{func}: W is {W.shape} and b is {b.shape}; b needs one entry per column of W")
    n, k = X.shape[0], W.shape[1]
    labels = _class_indices(y, n, k, func)
    G = softmax(X @ W + b)
    G[np.arange(n), labels] -= 1.0  # P - Y without forming Y
    G /= n
    return X.T @ G, G.sum(axis=0)


def confusion_matrix(y: Any, y_hat: Any, k: int) -> np.ndarray:
    r"""Counts of (actual, predicted) class pairs: rows are the truth, columns the predictions.

    Parameters
    ----------
    y, y_hat : array_like, shape (n,)
        Actual and predicted class indices, whole numbers in 0..k-1.
    k : int
        The number of classes (>= 1).

    Returns
    -------
    numpy.ndarray of int, shape (k, k)
        $C$; the diagonal holds the correct predictions and $\sum_{ij} C_{ij} = n$.

    Raises
    ------
    TypeError
        If ``y`` or ``y_hat`` is not numeric, or ``k`` is not an integer.
    ValueError
        If the shapes differ, or a label is not a whole number in 0..k-1.

    Notes
    -----
    $$ C_{ij} = \#\{\, s : y_s = i,\ \hat y_s = j \,\} $$

    Examples
    --------
    >>> confusion_matrix([0, 0, 1, 2], [0, 1, 1, 2], 3).tolist()
    [[1, 1, 0], [0, 1, 0], [0, 0, 1]]
    """
    k = check_positive_int(k, func="confusion_matrix", arg="k")
    y = _labels(y, k, "confusion_matrix", "y")
    y_hat = _labels(y_hat, k, "confusion_matrix", "y_hat")
    check_same_shape(y, y_hat, func="confusion_matrix", names=("y", "y_hat"))
    return np.bincount(k * y + y_hat, minlength=k * k).reshape(k, k)


def accuracy(y: Any, y_hat: Any) -> float:
    r"""The share of predictions that equal the truth.

    Parameters
    ----------
    y, y_hat : array_like
        Actual and predicted labels, of the same shape.

    Returns
    -------
    float
        $\frac1n \sum_s \mathbb{1}[\hat y_s = y_s]$, in [0, 1].

    Raises
    ------
    TypeError
        If an argument is not numeric.
    ValueError
        If the shapes differ, or an argument is empty or contains NaN.

    Examples
    --------
    >>> accuracy([1, 0, 1, 1], [1, 1, 1, 0])
    0.5
    """
    y, y_hat = _pair(y, y_hat, "accuracy", ("y", "y_hat"))  # numeric, same shape
    return float(np.mean(y == y_hat))


def stratified_split(y: Any, fractions: Sequence[float], rng: Any) -> tuple[np.ndarray, ...]:
    r"""Shuffle and cut each class on its own, so every part keeps the class shares of ``y``.

    Parameters
    ----------
    y : array_like, shape (n,)
        Class labels (any numbers; each distinct value is a class).
    fractions : sequence of float
        The share of each class for every part but the last, e.g. ``(0.8,)`` for train and
        test, ``(0.6, 0.2)`` for train, validation and test; each > 0, summing to < 1. A
        class of $m$ members gives $\operatorname{round}(f m)$ of them to a part of share $f$.
    rng : numpy.random.Generator or int
        The shuffles (an int is a seed).

    Returns
    -------
    tuple of numpy.ndarray
        ``len(fractions) + 1`` arrays of row indices, each shuffled; together they hold
        every index once. The last part takes what the others leave.

    Raises
    ------
    TypeError
        If ``y`` is not numeric, ``fractions`` not a sequence of numbers, or ``rng`` neither
        a Generator nor an int.
    ValueError
        If ``y`` is not 1-D or empty, or ``fractions`` is empty, has an entry <= 0 or sums to >= 1.

    Examples
    --------
    >>> train, test = stratified_split([0] * 8 + [1] * 4, (0.75,), rng=0)
    >>> len(train), len(test), int(sum(i >= 8 for i in test))
    (9, 3, 1)
    """
    func = "stratified_split"
    y = as_array(y, func=func, arg="y", ndim=1)
    if isinstance(fractions, (str, bytes)) or not isinstance(fractions, Sequence):
        raise TypeError(f"{func}: fractions must be a sequence of numbers such as (0.8,); got {fractions!r}")
    shares = as_array(fractions, func=func, arg="fractions", ndim=1)
    if np.any(shares <= 0) or shares.sum() >= 1:
        raise ValueError(
            f"{func}: fractions must each be > 0 and sum to < 1 (the last part takes the rest); got {fractions!r}"
        )
    rng = as_rng(rng, func=func)
    parts: list[list[np.ndarray]] = [[] for _ in range(len(shares) + 1)]
    for label in np.unique(y):
        members = rng.permutation(np.flatnonzero(y == label))
        cuts = np.cumsum([round(float(f) * len(members)) for f in shares])
        for part, piece in zip(parts, np.split(members, np.minimum(cuts, len(members))), strict=True):
            part.append(piece)
    return tuple(rng.permutation(np.concatenate(part)) for part in parts)
