r"""A multi-layer perceptron: a stack of ``Dense`` layers with a loss, L2 weight decay and dropout.

Examples
--------
>>> from mathlib.nn import MLP
>>> model = MLP([2, 4, 1], ["tanh", "sigmoid"], rng=0)
>>> model.forward([[0.0, 1.0], [1.0, 1.0]]).shape
(2, 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from mathlib._validation import (
    as_array,
    as_rng,
    check_finite,
    check_in_unit_interval,
    check_positive_int,
    check_same_shape,
)
from mathlib.losses import binary_cross_entropy, mse, mse_grad, softmax_cross_entropy
from mathlib.nn._common import DivergenceError, check_fraction, check_nonnegative
from mathlib.nn.layers import Dense, check_activation
from mathlib.nn.regularization import dropout_mask

__all__ = ["LOSSES", "MLP"]

LOSSES = ("mse", "bce", "softmax_ce")
"""The loss names `MLP.loss_and_grads` accepts (from `mathlib.losses`)."""
# The output activation each cross-entropy loss is fused with.
_FUSED_OUTPUT = {"bce": "sigmoid", "softmax_ce": "softmax"}


class MLP:
    r"""A multi-layer perceptron: ``Dense`` layers applied in turn.

    Parameters
    ----------
    sizes : sequence of int
        Widths from input to output, e.g. ``[2, 4, 1]``: 2 inputs, 4 hidden units, 1 output.
    activations : sequence of str
        One activation per layer (``len(sizes) - 1`` of them), from ``ACTIVATIONS``.
    rng : numpy.random.Generator or int
        Draws the initial weights and, later, the dropout masks (an int is a seed). The
        same ``rng`` gives the same network and the same training run.
    dropout : float, default 0.0
        Drop probability $p$ for inverted dropout after every hidden layer (never on the
        input or the output), in training only.
    weight_decay : float, default 0.0
        L2 strength $\lambda \ge 0$ on the weights (not the biases).

    Attributes
    ----------
    layers : list of Dense
        The layers; ``layers[i].W`` and ``layers[i].b`` are the parameters.

    Raises
    ------
    TypeError
        If ``sizes`` holds a non-integer, an activation is not a string, or ``rng`` is
        neither a Generator nor an int.
    ValueError
        If ``sizes`` has fewer than 2 entries or one < 1, ``activations`` has the wrong
        length or an unknown name, ``dropout`` is outside [0, 1) or ``weight_decay`` < 0.

    Notes
    -----
    Training minimises the data loss plus the L2 penalty on the weights:

    $$ L = L_\text{data}(y, \hat y) + \frac{\lambda}{2}\sum_{l} \lVert W_l \rVert_F^2,
       \qquad \frac{\partial L}{\partial W_l} = \frac{\partial L_\text{data}}{\partial W_l} + \lambda W_l $$

    Biases are not decayed: they shift units rather than scale inputs, so shrinking them
    does not make the function smoother.

    With a sigmoid output and binary cross-entropy, or a softmax output and categorical
    cross-entropy, the gradient at the output pre-activation $Z$ is fused:

    $$ \frac{\partial L_\text{data}}{\partial Z} = \frac{\hat y - y}{n} $$

    ($n$: the number of entries the loss averages over; ``y`` one-hot for softmax). The
    unfused route multiplies $\partial L/\partial \hat y = (\hat y - y)/(n\,\hat y(1 - \hat y))$
    by $\sigma'(Z) = \hat y(1 - \hat y)$: for a saturated unit both factors round to 0 or
    infinity, and the product is wrong or NaN, while the fused form is exact and bounded.

    Examples
    --------
    One linear unit with $W = 2$, $b = 0$, $\lambda = 0.5$ on $x = 1$, $y = 3$:
    $L = (2 - 3)^2 + \tfrac{0.5}{2}\cdot 2^2 = 2$, $\partial L/\partial W = 2(2 - 3)\cdot 1 + 0.5\cdot 2 = -1$
    and $\partial L/\partial b = -2$.

    >>> model = MLP([1, 1], ["linear"], rng=0, weight_decay=0.5)
    >>> model.layers[0].W[:] = 2.0
    >>> loss, grads = model.loss_and_grads([[1.0]], [[3.0]], loss="mse")
    >>> loss, [g.tolist() for g in grads]
    (2.0, [[[-1.0]], [-2.0]])
    """

    def __init__(
        self,
        sizes: Sequence[int],
        activations: Sequence[str],
        rng: Any,
        *,
        dropout: float = 0.0,
        weight_decay: float = 0.0,
    ) -> None:
        if isinstance(sizes, (str, bytes)) or not isinstance(sizes, Sequence):
            raise TypeError(f"MLP: sizes must be a sequence of ints such as [2, 4, 1]; got {type(sizes).__name__}")
        sizes = [check_positive_int(n, func="MLP", arg=f"sizes[{i}]") for i, n in enumerate(sizes)]
        if len(sizes) < 2:
            raise ValueError(f"MLP: sizes needs at least 2 entries (inputs and outputs); got {sizes}")
        if isinstance(activations, str) or not isinstance(activations, Sequence):
            raise TypeError(f"MLP: activations must be a sequence of names; got {type(activations).__name__}")
        if len(activations) != len(sizes) - 1:
            raise ValueError(
                f"MLP: sizes has {len(sizes)} entries, so activations needs {len(sizes) - 1} (one per layer); "
                f"got {len(activations)}"
            )
        activations = [check_activation(a, func="MLP") for a in activations]
        self.dropout = check_fraction(dropout, func="MLP", arg="dropout")
        self.weight_decay = check_nonnegative(weight_decay, func="MLP", arg="weight_decay")
        self.rng = as_rng(rng, func="MLP")
        self.layers = [
            Dense(n_in, n_out, a, rng=self.rng)
            for n_in, n_out, a in zip(sizes[:-1], sizes[1:], activations, strict=True)
        ]
        self._masks: list[np.ndarray | None] = [None] * (len(self.layers) - 1)

    @property
    def sizes(self) -> list[int]:
        """Widths from input to output."""
        return [self.layers[0].n_in] + [layer.n_out for layer in self.layers]

    @property
    def masks(self) -> list[np.ndarray | None]:
        """The dropout masks of the last forward, one per hidden layer (None where none was applied)."""
        return list(self._masks)

    def __repr__(self) -> str:
        activations = [layer.activation for layer in self.layers]
        return f"MLP({self.sizes}, {activations}, dropout={self.dropout}, weight_decay={self.weight_decay})"

    def parameters(self) -> list[np.ndarray]:
        """``[W1, b1, W2, b2, ...]``: the arrays themselves, so optimisers update them in place."""
        return [p for layer in self.layers for p in (layer.W, layer.b)]

    def gradients(self) -> list[np.ndarray]:
        """``[dW1, db1, ...]`` from the last ``backward`` or ``loss_and_grads``, aligned with ``parameters()``."""
        return [g for layer in self.layers for g in (layer.dW, layer.db)]

    def _check_X(self, X: Any, func: str) -> np.ndarray:
        X = as_array(X, func=func, arg="X", ndim=2)
        check_finite(X, func=func, arg="X")
        W = self.layers[0].W
        if X.shape[1] != W.shape[0]:
            raise ValueError(
                f"{func}: X is {X.shape} and the first layer's W is {W.shape}; "
                f"X's columns ({X.shape[1]}) must equal sizes[0] ({W.shape[0]})"
            )
        return X

    def _check_masks(self, masks: Any, func: str) -> None:
        if not isinstance(masks, Sequence) or len(masks) != len(self.layers) - 1:
            hidden = len(self.layers) - 1
            raise ValueError(f"{func}: masks must be a list with one mask (or None) per hidden layer ({hidden})")

    def forward(self, X: Any, training: bool = False, *, masks: Sequence[Any] | None = None) -> np.ndarray:
        """Return $\\hat y$ for a batch ``X`` of shape (n, sizes[0]), caching what ``backward`` needs.

        With ``training=True`` and ``dropout > 0``, fresh masks are drawn from the model's rng;
        pass ``masks`` (e.g. a previous ``model.masks``) to replay given ones instead, as a
        gradient check must. At inference (``training=False``) there is no dropout.
        """
        return self._forward(self._check_X(X, "MLP.forward"), training, masks, "MLP.forward")

    # --8<-- [start:mlp_forward]
    def _forward(self, X: np.ndarray, training: bool, masks: Sequence[Any] | None, func: str) -> np.ndarray:
        if masks is not None:
            self._check_masks(masks, func)
        apply = training and (self.dropout > 0.0 or masks is not None)
        self._masks = []
        A = X
        for i, layer in enumerate(self.layers[:-1]):
            A = layer._forward(A)
            mask = None
            if apply:
                mask = dropout_mask(A.shape, self.dropout, self.rng) if masks is None else masks[i]
            if mask is not None:
                mask = as_array(mask, func=func, arg=f"masks[{i}]")
                check_same_shape(mask, A, func=func, names=(f"masks[{i}]", f"hidden layer {i + 1}'s output"))
                A = A * mask
            self._masks.append(mask)
        return self.layers[-1]._forward(A)
        # --8<-- [end:mlp_forward]

    def backward(self, dY_hat: Any) -> list[np.ndarray]:
        """Backpropagate $\\partial L/\\partial \\hat y$ from the last forward; return ``gradients()``.

        This is the data term only: ``loss_and_grads`` adds the weight-decay term $\\lambda W$.
        """
        out = self.layers[-1]
        A = out._cached("MLP.backward")[2]
        dY_hat = as_array(dY_hat, func="MLP.backward", arg="dY_hat", ndim=2)
        check_same_shape(dY_hat, A, func="MLP.backward", names=("dY_hat", "the output y_hat of the last forward"))
        return self._backpropagate(out._dZ(dY_hat))

    # --8<-- [start:mlp_backpropagate]
    def _backpropagate(self, dZ: np.ndarray) -> list[np.ndarray]:
        last = len(self.layers) - 1
        dA = self.layers[last]._backward_z(dZ, need_dX=last > 0)
        for i in range(last - 1, -1, -1):
            if self._masks[i] is not None:
                dA = dA * self._masks[i]
            layer = self.layers[i]
            dA = layer._backward_z(layer._dZ(dA), need_dX=i > 0)
        return self.gradients()
        # --8<-- [end:mlp_backpropagate]

    def loss_and_grads(
        self, X: Any, y: Any, loss: str = "mse", *, training: bool = True, masks: Sequence[Any] | None = None
    ) -> tuple[float, list[np.ndarray]]:
        """Forward, loss, backward: return ``(loss, grads)`` with ``grads`` aligned with ``parameters()``.

        Parameters
        ----------
        X : array_like, shape (n, sizes[0])
            A batch of inputs.
        y : array_like
            Targets: shaped like the output (n, sizes[-1]) for ``"mse"`` and ``"bce"`` (a
            vector (n,) is taken as a column when there is one output); class indices (n,)
            or one-hot rows for ``"softmax_ce"``.
        loss : {"mse", "bce", "softmax_ce"}
            Mean squared error (any output); binary cross-entropy (sigmoid output);
            softmax cross-entropy (softmax output, computed from the logits).
        training : bool, default True
            Apply dropout (if the model has it).
        masks : list, optional
            Replay these dropout masks instead of drawing new ones.

        Returns
        -------
        loss : float
            Data loss (from ``mathlib.losses``) plus $(\\lambda/2)\\sum_l \\lVert W_l\\rVert^2$.
        grads : list of numpy.ndarray
            ``[dW1, db1, ...]`` including $\\lambda W_l$.

        Raises
        ------
        ValueError
            If ``loss`` is unknown or does not suit the output activation, or ``X``/``y``
            have the wrong shape (both shapes named); ``DivergenceError`` (a ValueError) if
            the loss or a gradient is not finite.
        """
        func = "MLP.loss_and_grads"
        out = self.layers[-1]
        if loss not in LOSSES:
            raise ValueError(f"{func}: loss must be one of {LOSSES}; got {loss!r}")
        if loss in _FUSED_OUTPUT and out.activation != _FUSED_OUTPUT[loss]:
            raise ValueError(
                f"{func}: loss={loss!r} needs a {_FUSED_OUTPUT[loss]!r} output layer; the last activation is "
                f"{out.activation!r}"
            )
        X = self._check_X(X, func)
        y = as_array(y, func=func, arg="y", ndim=(1, 2))
        if y.shape[0] != X.shape[0]:
            raise ValueError(
                f"{func}: X is {X.shape} and y is {y.shape}; they must have the same number of rows (samples)"
            )
        if loss != "softmax_ce" and y.ndim == 1 and out.n_out == 1:
            y = y[:, np.newaxis]
        # Class indices (n,) are the one target that is not shaped like y_hat.
        if not (loss == "softmax_ce" and y.ndim == 1) and y.shape != (X.shape[0], out.n_out):
            shape = (X.shape[0], out.n_out)
            raise ValueError(f"{func}: y is {y.shape} and y_hat is {shape}; they must have the same shape")
        if loss == "bce":
            check_in_unit_interval(y, func=func, arg="y")
        # --8<-- [start:loss_and_grads]
        # Overflow is detected below and reported as divergence, not as a warning.
        with np.errstate(over="ignore", invalid="ignore"):
            y_hat = self._forward(X, training, masks, func)
            if loss == "softmax_ce":
                value, dZ = softmax_cross_entropy(out._cache[1], y)
            elif loss == "bce":
                value = binary_cross_entropy(y, y_hat)
                dZ = (y_hat - y) / y.size  # fused sigmoid + BCE: see the class Notes
            else:
                value = mse(y, y_hat)
                dZ = out._dZ(mse_grad(y, y_hat))
            grads = self._backpropagate(dZ)
            if self.weight_decay:
                lam = self.weight_decay
                value += 0.5 * lam * sum(float(np.sum(layer.W**2)) for layer in self.layers)
                for layer in self.layers:
                    layer.dW += lam * layer.W
        # --8<-- [end:loss_and_grads]
        if not (np.isfinite(value) and all(np.isfinite(g).all() for g in grads)):
            raise DivergenceError(f"{func}: the loss ({value!r}) or a gradient is not finite; the weights diverged")
        return float(value), grads

    def predict(self, X: Any) -> np.ndarray:
        """Hard predictions at inference: 0/1 (threshold 0.5) for a sigmoid output, the class
        index (n,) for a softmax output, otherwise the raw outputs $\\hat y$.

        >>> model = MLP([1, 1], ["sigmoid"], rng=0)
        >>> model.layers[0].W[:] = 1.0
        >>> model.predict([[-2.0], [3.0]]).tolist()
        [[0], [1]]
        """
        y_hat = self._forward(self._check_X(X, "MLP.predict"), False, None, "MLP.predict")
        activation = self.layers[-1].activation
        if activation == "sigmoid":
            return (y_hat >= 0.5).astype(int)
        if activation == "softmax":
            return np.argmax(y_hat, axis=1)
        return y_hat
