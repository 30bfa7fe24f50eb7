r"""A fully connected layer, vectorised over a batch of rows.

A batch is a 2-D array ``X`` of shape (n, n_in): one sample per row. A ``Dense`` layer maps
it to ``A = f(XW + b)`` of shape (n, n_out) and, going back, turns $\partial L/\partial A$
into $\partial L/\partial X$ while storing $\partial L/\partial W$ and $\partial L/\partial b$.

Examples
--------
>>> from mathlib.nn import Dense
>>> layer = Dense.from_params(W=[[1.0], [2.0]], b=[0.5], activation="linear")
>>> print(layer.forward([[1.0, 1.0]]))
[[3.5]]
"""

from __future__ import annotations

from typing import Any

import numpy as np

from mathlib._validation import as_array, as_rng, check_finite, check_positive_int, check_same_shape
from mathlib.activations import (
    leaky_relu,
    leaky_relu_grad,
    relu,
    relu_grad,
    sigmoid,
    sigmoid_grad,
    softmax,
    tanh,
    tanh_grad,
)
from mathlib.nn._common import DivergenceError

__all__ = ["ACTIVATIONS", "Dense"]

ACTIVATIONS = ("relu", "leaky_relu", "sigmoid", "tanh", "linear", "softmax")
"""The activation names a `Dense` layer accepts."""

# Each elementwise activation with its derivative, both from mathlib.activations.
_ELEMENTWISE = {
    "relu": (relu, relu_grad),
    "leaky_relu": (leaky_relu, leaky_relu_grad),
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
}
_HE_FAMILY = ("relu", "leaky_relu")


def check_activation(name: Any, *, func: str) -> str:
    """Return ``name`` if it is one of ``ACTIVATIONS``, else raise ``TypeError``/``ValueError``."""
    if not isinstance(name, str):
        raise TypeError(f"{func}: activation must be a string, one of {ACTIVATIONS}; got {type(name).__name__}")
    if name not in ACTIVATIONS:
        raise ValueError(f"{func}: activation must be one of {ACTIVATIONS}; got {name!r}")
    return name


class Dense:
    r"""A fully connected layer $A = f(XW + b)$ on a batch of rows.

    Parameters
    ----------
    n_in, n_out : int
        Inputs and outputs per sample (both >= 1).
    activation : str, default "relu"
        One of ``"relu"``, ``"leaky_relu"`` (slope 0.01), ``"sigmoid"``, ``"tanh"``,
        ``"linear"`` (identity) or ``"softmax"`` (over each row).
    rng : numpy.random.Generator or int
        Source of the initial weights (an int is a seed). Required: no hidden randomness.

    Attributes
    ----------
    W : numpy.ndarray, shape (n_in, n_out)
        Weights, initialised as described under Notes.
    b : numpy.ndarray, shape (n_out,)
        Biases, initialised to zeros.
    dW, db : numpy.ndarray
        $\partial L/\partial W$ and $\partial L/\partial b$ from the last ``backward``.

    Raises
    ------
    TypeError
        If ``n_in``/``n_out`` is not an integer, ``activation`` not a string, or ``rng``
        neither a Generator nor an int.
    ValueError
        If ``n_in``/``n_out`` < 1 or ``activation`` is unknown.

    Notes
    -----
    Forward, for a batch $X \in \mathbb{R}^{n \times n_\text{in}}$:

    $$ Z = XW + \mathbf{1}b^\top, \qquad A = f(Z) $$

    Backward, given $\partial L/\partial A$ (elementwise $f$; softmax uses its Jacobian,
    $\partial L/\partial Z = A \odot (\partial L/\partial A - \langle \partial L/\partial A, A\rangle_\text{row})$):

    $$ \frac{\partial L}{\partial Z} = \frac{\partial L}{\partial A} \odot f'(Z), \quad
       \frac{\partial L}{\partial W} = X^\top \frac{\partial L}{\partial Z}, \quad
       \frac{\partial L}{\partial b} = \mathbf{1}^\top \frac{\partial L}{\partial Z}, \quad
       \frac{\partial L}{\partial X} = \frac{\partial L}{\partial Z} W^\top $$

    Initial weights are drawn from $\mathcal{N}(0, \sigma^2)$ so that activations keep their
    variance from layer to layer: He for the ReLU family (which zeroes half its inputs),
    Xavier/Glorot for the rest:

    $$ \sigma_\text{He} = \sqrt{2 / n_\text{in}}, \qquad
       \sigma_\text{Glorot} = \sqrt{2 / (n_\text{in} + n_\text{out})} $$

    Examples
    --------
    A layer with chosen weights: $XW + b$ for $X = [1, 2]$, $W = I$, $b = (0.5, -3)$ is
    $(1.5, -1)$, and ReLU clips the negative entry:

    >>> layer = Dense.from_params(W=[[1.0, 0.0], [0.0, 1.0]], b=[0.5, -3.0], activation="relu")
    >>> print(layer.forward([[1.0, 2.0]]))
    [[1.5 0. ]]
    >>> print(layer.backward([[1.0, 1.0]]))  # dL/dX = (dL/dA ⊙ relu'(Z)) Wᵀ
    [[1. 0.]]
    >>> print(layer.dW)  # Xᵀ dL/dZ
    [[1. 0.]
     [2. 0.]]
    >>> print(layer.db)
    [1. 0.]
    >>> Dense(3, 2, "tanh", rng=0).W.shape
    (3, 2)
    """

    def __init__(self, n_in: int, n_out: int, activation: str = "relu", *, rng: Any) -> None:
        n_in = check_positive_int(n_in, func="Dense", arg="n_in")
        n_out = check_positive_int(n_out, func="Dense", arg="n_out")
        activation = check_activation(activation, func="Dense")
        rng = as_rng(rng, func="Dense")
        fans = n_in if activation in _HE_FAMILY else n_in + n_out
        self._setup(rng.normal(0.0, np.sqrt(2.0 / fans), size=(n_in, n_out)), np.zeros(n_out), activation)

    @classmethod
    def from_params(cls, W: Any, b: Any, activation: str = "linear") -> Dense:
        """Build a layer with given weights ``W`` (n_in, n_out) and biases ``b`` (n_out,).

        The arrays are copied. Raises ``ValueError`` naming both shapes if ``b``'s length
        is not ``W``'s number of columns, or if either is not finite.

        >>> Dense.from_params([[2.0, 0.0]], [1.0, 1.0]).forward([[3.0]]).tolist()
        [[7.0, 1.0]]
        """
        func = "Dense.from_params"
        W = as_array(W, func=func, arg="W", ndim=2)
        b = as_array(b, func=func, arg="b", ndim=1)
        check_finite(W, func=func, arg="W")
        check_finite(b, func=func, arg="b")
        if b.shape[0] != W.shape[1]:
            raise ValueError(
                f"{func}: W is {W.shape} and b is {b.shape}; "
                f"b's length ({b.shape[0]}) must equal W's columns ({W.shape[1]})"
            )
        layer = cls.__new__(cls)
        layer._setup(W.copy(), b.copy(), check_activation(activation, func=func))
        return layer

    def _setup(self, W: np.ndarray, b: np.ndarray, activation: str) -> None:
        self.W, self.b, self.activation = W, b, activation
        self.dW, self.db = np.zeros_like(W), np.zeros_like(b)
        self._cache: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    @property
    def n_in(self) -> int:
        """Inputs per sample (rows of ``W``)."""
        return self.W.shape[0]

    @property
    def n_out(self) -> int:
        """Outputs per sample (columns of ``W``)."""
        return self.W.shape[1]

    def __repr__(self) -> str:
        return f"Dense({self.n_in}, {self.n_out}, activation={self.activation!r})"

    def forward(self, X: Any) -> np.ndarray:
        """Return ``A = f(XW + b)`` for a batch ``X`` of shape (n, n_in); cache X, Z, A for ``backward``.

        Raises ``ValueError`` if ``X`` is not 2-D, not finite, or has the wrong number of
        columns (the message names both shapes), and ``DivergenceError`` if ``Z`` overflows.
        """
        X = as_array(X, func="Dense.forward", arg="X", ndim=2)
        check_finite(X, func="Dense.forward", arg="X")
        if X.shape[1] != self.n_in:
            raise ValueError(
                f"Dense.forward: X is {X.shape} and W is {self.W.shape}; "
                f"X's columns ({X.shape[1]}) must equal W's rows ({self.n_in})"
            )
        return self._forward(X)

    # --8<-- [start:dense_forward]
    def _forward(self, X: np.ndarray) -> np.ndarray:
        # Overflow is reported below as divergence, not as a RuntimeWarning.
        with np.errstate(over="ignore", invalid="ignore"):
            Z = X @ self.W + self.b
        if not np.isfinite(Z).all():
            raise DivergenceError(
                "Dense.forward: Z = XW + b has entries that are inf or NaN; the weights have overflowed "
                "(in training: the learning rate is too large)"
            )
        if self.activation == "linear":
            A = Z
        elif self.activation == "softmax":
            A = softmax(Z)
        else:
            A = _ELEMENTWISE[self.activation][0](Z)
        self._cache = (X, Z, A)
        return A
        # --8<-- [end:dense_forward]

    def backward(self, dA: Any) -> np.ndarray:
        r"""Given $\partial L/\partial A$ (shaped like the output), store dW, db; return $\partial L/\partial X$.

        Raises ``RuntimeError`` before any ``forward``; ``ValueError`` naming both shapes if
        ``dA`` is not shaped like the output ``A``.
        """
        A = self._cached("Dense.backward")[2]
        dA = as_array(dA, func="Dense.backward", arg="dA", ndim=2)
        check_same_shape(dA, A, func="Dense.backward", names=("dA", "the output A of the last forward"))
        return self._backward_z(self._dZ(dA))

    def backward_z(self, dZ: Any) -> np.ndarray:
        r"""Like ``backward`` but starting from $\partial L/\partial Z$, skipping the activation.

        Used for the fused output gradients (sigmoid + BCE, softmax + cross-entropy), where
        $\partial L/\partial Z = (\hat y - y)/n$ is known directly.

        >>> layer = Dense.from_params([[1.0]], [0.0], activation="sigmoid")
        >>> _ = layer.forward([[2.0]])
        >>> layer.backward_z([[0.5]]).tolist(), layer.dW.tolist()
        ([[0.5]], [[1.0]])
        """
        Z = self._cached("Dense.backward_z")[1]
        dZ = as_array(dZ, func="Dense.backward_z", arg="dZ", ndim=2)
        check_same_shape(dZ, Z, func="Dense.backward_z", names=("dZ", "the pre-activation Z of the last forward"))
        return self._backward_z(dZ)

    def _cached(self, func: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self._cache is None:
            raise RuntimeError(f"{func}: call forward first; there is no cached batch to differentiate")
        return self._cache

    # --8<-- [start:dense_backward]
    def _dZ(self, dA: np.ndarray) -> np.ndarray:
        _, Z, A = self._cache
        if self.activation == "linear":
            return dA
        if self.activation == "softmax":
            # Softmax Jacobian-vector product: dZ_i = A_i (dA_i - Σ_j dA_j A_j), one row at a time.
            return A * (dA - np.sum(dA * A, axis=1, keepdims=True))
        return dA * _ELEMENTWISE[self.activation][1](Z)

    def _backward_z(self, dZ: np.ndarray, need_dX: bool = True) -> np.ndarray | None:
        X = self._cache[0]
        self.dW = X.T @ dZ
        self.db = dZ.sum(axis=0)
        # The first layer's dX is not needed for training, and is one matmul of the three.
        return dZ @ self.W.T if need_dX else None
        # --8<-- [end:dense_backward]
