r"""The training loop: shuffled minibatches and ``train``, which records the loss per epoch.

Examples
--------
>>> from mathlib.nn import minibatches
>>> [len(Xb) for Xb, yb in minibatches([[0.0]] * 5, [0.0] * 5, batch_size=2, rng=0)]
[2, 2, 1]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mathlib._validation import as_array, as_rng, check_positive_int
from mathlib.nn._common import DivergenceError

__all__ = ["History", "minibatches", "train"]


@dataclass
class History:
    """What ``train`` records: ``loss[k]`` is the mean training loss of epoch ``k + 1``."""

    loss: list[float] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.loss)


def _rows(X: Any, y: Any, func: str) -> tuple[np.ndarray, np.ndarray]:
    X = as_array(X, func=func, arg="X", ndim=2)
    y = as_array(y, func=func, arg="y", ndim=(1, 2))
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"{func}: X is {X.shape} and y is {y.shape}; they must have the same number of rows (samples)")
    return X, y


def minibatches(X: Any, y: Any, batch_size: int, rng: Any) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    r"""Yield ``(X_batch, y_batch)`` pairs covering every sample once, in a shuffled order.

    Parameters
    ----------
    X : array_like, shape (n, d)
        Inputs, one sample per row.
    y : array_like, shape (n,) or (n, k)
        Targets, row ``i`` belonging to ``X[i]``.
    batch_size : int
        Rows per batch (>= 1); the last batch holds the remainder, so it may be smaller.
    rng : numpy.random.Generator or int
        Draws the order (an int is a seed).

    Returns
    -------
    iterator of (numpy.ndarray, numpy.ndarray)
        $\lceil n / B \rceil$ batches; their rows are a permutation of the data's.

    Raises
    ------
    TypeError
        If an argument has the wrong type (checked at the call, not at the first batch).
    ValueError
        If ``X`` is not 2-D, ``y`` not 1-D or 2-D, their row counts differ (both shapes
        named) or ``batch_size`` < 1.

    Notes
    -----
    With a permutation $\pi$ of $\{0, \dots, n-1\}$ drawn from ``rng``, batch $k$ is

    $$ \mathcal{B}_k = \{\pi(kB), \dots, \pi(\min((k+1)B, n) - 1)\}, \qquad
       k = 0, \dots, \lceil n/B \rceil - 1 $$

    so the batches partition the samples: each is used exactly once per epoch.

    Examples
    --------
    >>> X = np.arange(10.0).reshape(5, 2)
    >>> batches = list(minibatches(X, np.arange(5.0), batch_size=2, rng=0))
    >>> sorted(yb for _, b in batches for yb in b.tolist())
    [0.0, 1.0, 2.0, 3.0, 4.0]
    >>> all((Xb[:, 0] == 2 * yb).all() for Xb, yb in batches)  # rows stay paired
    True
    """
    X, y = _rows(X, y, "minibatches")
    batch_size = check_positive_int(batch_size, func="minibatches", arg="batch_size")
    # --8<-- [start:minibatches]
    order = as_rng(rng, func="minibatches").permutation(X.shape[0])
    return _batches(X, y, order, batch_size)


def _batches(X: np.ndarray, y: np.ndarray, order: np.ndarray, size: int) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    for start in range(0, len(order), size):
        rows = order[start : start + size]
        yield X[rows], y[rows]
    # --8<-- [end:minibatches]


def train(
    model: Any,
    X: Any,
    y: Any,
    *,
    loss: str,
    optimizer: Any,
    epochs: int,
    batch_size: int | None = None,
    rng: Any = None,
) -> History:
    r"""Train ``model`` with ``optimizer`` for ``epochs`` passes over ``(X, y)``.

    Parameters
    ----------
    model : MLP
        Anything with ``loss_and_grads(X, y, loss=...)`` and ``parameters()``.
    X, y : array_like
        Inputs (n, d) and targets, as ``MLP.loss_and_grads`` takes them.
    loss : {"mse", "bce", "softmax_ce"}
        Passed to ``model.loss_and_grads``.
    optimizer : SGD, Momentum or Adam
        Anything with ``step(params, grads)``.
    epochs : int
        Passes over the data (>= 1).
    batch_size : int, optional
        Rows per minibatch; ``None`` uses the whole data set each step (one step per
        epoch, no shuffling).
    rng : numpy.random.Generator or int, optional
        Shuffles the minibatches; required when ``batch_size`` is given.

    Returns
    -------
    History
        ``history.loss[k]``: the mean over samples of the loss in epoch ``k + 1``, each
        batch's loss taken before its update (with dropout, the training-mode loss).

    Raises
    ------
    TypeError
        If ``model`` or ``optimizer`` lacks its methods, or ``batch_size`` is given without ``rng``.
    ValueError
        For bad data or arguments (as ``minibatches`` and ``MLP.loss_and_grads``).
    DivergenceError
        (a ValueError) if the loss, a gradient or a parameter stops being finite; the
        message gives the epoch and the optimiser's learning rate.

    Notes
    -----
    One epoch, for minibatches $\mathcal{B}_1, \dots, \mathcal{B}_K$ of the $n$ samples:

    $$ \theta \leftarrow \operatorname{step}\bigl(\theta, \nabla_\theta L(\mathcal{B}_k)\bigr)
       \;\; (k = 1, \dots, K), \qquad
       \text{history}_\text{epoch} = \frac{1}{n}\sum_{k} |\mathcal{B}_k|\, L(\mathcal{B}_k) $$

    Examples
    --------
    One linear unit learns $y = 2x + 1$ exactly (a least-squares fit with zero residual):

    >>> from mathlib.nn import MLP, SGD
    >>> model = MLP([1, 1], ["linear"], rng=0)
    >>> X, y = [[0.0], [1.0], [2.0]], [1.0, 3.0, 5.0]
    >>> history = train(model, X, y, loss="mse", optimizer=SGD(lr=0.2), epochs=500)
    >>> round(float(model.layers[0].W[0, 0]), 6), round(float(model.layers[0].b[0]), 6)
    (2.0, 1.0)
    >>> history.loss[-1] < 1e-12 < history.loss[0]
    True
    """
    for name, obj, methods in (("model", model, ("loss_and_grads", "parameters")), ("optimizer", optimizer, ("step",))):
        for method in methods:
            if not callable(getattr(obj, method, None)):
                raise TypeError(f"train: {name} must have a {method}() method; got {type(obj).__name__}")
    X, y = _rows(X, y, "train")
    epochs = check_positive_int(epochs, func="train", arg="epochs")
    if batch_size is not None:
        batch_size = check_positive_int(batch_size, func="train", arg="batch_size")
        if rng is None:
            raise TypeError(
                "train: batch_size is given, so batches are shuffled: pass rng (a Generator or an int seed)"
            )
        rng = as_rng(rng, func="train")
    # --8<-- [start:train_loop]
    params = model.parameters()
    history = History()
    for epoch in range(1, epochs + 1):
        batches = [(X, y)] if batch_size is None else minibatches(X, y, batch_size, rng)
        total = 0.0
        for X_batch, y_batch in batches:
            try:
                value, grads = model.loss_and_grads(X_batch, y_batch, loss=loss)
                # An update can overflow to inf; that is caught just below as divergence.
                with np.errstate(over="ignore", invalid="ignore"):
                    optimizer.step(params, grads)
                if not all(np.isfinite(p).all() for p in params):
                    raise DivergenceError("a parameter became inf or NaN after the update")
            except DivergenceError as error:
                lr = getattr(optimizer, "lr", None)
                hint = f"lower the learning rate (lr = {lr!r})" if lr is not None else "lower the step size"
                raise DivergenceError(f"train: training diverged in epoch {epoch}: {error}; {hint}") from error
            total += value * X_batch.shape[0]
        history.loss.append(total / X.shape[0])
    return history
    # --8<-- [end:train_loop]
