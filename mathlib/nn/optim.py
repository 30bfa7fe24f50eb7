r"""Gradient-descent optimisers: plain SGD, momentum and Adam.

Each has ``step(params, grads)``, which updates the arrays in ``params`` in place (so a
model's ``parameters()`` can be passed directly). Optimisers with state (momentum, Adam)
keep one slot per position in ``params``: pass the same list, in the same order, every step.

Examples
--------
>>> import numpy as np
>>> from mathlib.nn import SGD
>>> w = np.array([3.0])
>>> SGD(lr=0.25).step([w], [2 * w])  # one step on f(w) = w², gradient 2w
>>> w.tolist()
[1.5]
"""

from __future__ import annotations

import numbers
from collections.abc import Sequence
from typing import Any

import numpy as np

from mathlib._validation import as_array
from mathlib.nn._common import check_fraction

__all__ = ["SGD", "Adam", "Momentum"]


def _check_positive_real(x: Any, func: str, arg: str) -> float:
    if isinstance(x, bool) or not isinstance(x, (numbers.Real, np.floating, np.integer)):
        raise TypeError(f"{func}: {arg} must be a real number; got {type(x).__name__}")
    value = float(x)
    if not (np.isfinite(value) and value > 0):
        raise ValueError(f"{func}: {arg} must be finite and > 0; got {value!r}")
    return value


class _Optimizer:
    def __init__(self, lr: float) -> None:
        self.lr = _check_positive_real(lr, type(self).__name__, "lr")

    def __repr__(self) -> str:
        return f"{type(self).__name__}(lr={self.lr})"

    def step(self, params: Sequence[np.ndarray], grads: Sequence[Any]) -> None:
        """Update every array of ``params`` in place with its gradient in ``grads``.

        Raises ``TypeError`` if a parameter is not a writeable float ndarray, ``ValueError``
        if the lists differ in length, a gradient's shape differs from its parameter's
        (both shapes named) or a gradient contains NaN.
        """
        func = f"{type(self).__name__}.step"
        for arg, seq in (("params", params), ("grads", grads)):
            if not isinstance(seq, Sequence) or isinstance(seq, (str, bytes)):
                raise TypeError(f"{func}: {arg} must be a list of arrays; got {type(seq).__name__}")
        if len(params) != len(grads):
            raise ValueError(f"{func}: params has {len(params)} arrays and grads has {len(grads)}; they must pair up")
        checked = []
        for i, (p, g) in enumerate(zip(params, grads, strict=True)):
            if not isinstance(p, np.ndarray) or not np.issubdtype(p.dtype, np.floating) or not p.flags.writeable:
                raise TypeError(f"{func}: params[{i}] must be a writeable float ndarray (it is updated in place)")
            g = as_array(g, func=func, arg=f"grads[{i}]", allow_empty=True)
            if g.shape != p.shape:
                raise ValueError(
                    f"{func}: params[{i}] is {p.shape} and grads[{i}] is {g.shape}; they must have the same shape"
                )
            checked.append(g)
        self._update(list(params), checked)

    def _slots(self, params: list[np.ndarray], state: list[np.ndarray] | None) -> list[np.ndarray]:
        """Zeros on the first step; afterwards the same shapes, position by position."""
        if state is None:
            return [np.zeros_like(p) for p in params]
        if [s.shape for s in state] != [p.shape for p in params]:
            raise ValueError(
                f"{type(self).__name__}.step: params are not the ones of the previous steps (shapes "
                f"{[p.shape for p in params]}, expected {[s.shape for s in state]}); call reset() to start afresh"
            )
        return state

    def _update(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:  # pragma: no cover
        raise NotImplementedError

    def reset(self) -> None:
        """Forget the state (velocities, moments, step count), as for a fresh optimiser."""


class SGD(_Optimizer):
    r"""Plain (stochastic) gradient descent.

    Parameters
    ----------
    lr : float
        Learning rate $\eta > 0$.

    Raises
    ------
    TypeError
        If ``lr`` is not a real number.
    ValueError
        If ``lr`` is not finite and > 0.

    Notes
    -----
    $$ \theta \leftarrow \theta - \eta\, g $$

    Examples
    --------
    >>> w = np.array([1.0, 2.0])
    >>> SGD(lr=0.1).step([w], [np.array([0.5, -1.0])])  # w - lr·g
    >>> w.tolist()
    [0.95, 2.1]
    """

    # --8<-- [start:sgd_step]
    def _update(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        for p, g in zip(params, grads, strict=True):
            p -= self.lr * g
        # --8<-- [end:sgd_step]


class Momentum(_Optimizer):
    r"""Gradient descent with (heavy-ball) momentum.

    Parameters
    ----------
    lr : float
        Learning rate $\eta > 0$.
    beta : float, default 0.9
        Momentum coefficient $\beta \in [0, 1)$; 0 is plain SGD.

    Raises
    ------
    TypeError
        If ``lr`` or ``beta`` is not a real number.
    ValueError
        If ``lr`` is not finite and > 0, or ``beta`` is outside [0, 1).

    Notes
    -----
    A velocity $v$ (zero at the start) accumulates past gradients:

    $$ v \leftarrow \beta v - \eta\, g, \qquad \theta \leftarrow \theta + v $$

    Along a direction where the gradient keeps its sign the step grows towards
    $\eta g / (1 - \beta)$ (10× for $\beta = 0.9$); where it flips, the steps cancel.

    Examples
    --------
    Two steps with a constant gradient 1: $v_1 = -0.1$, $v_2 = 0.9 v_1 - 0.1 = -0.19$.

    >>> w = np.array([1.0])
    >>> opt = Momentum(lr=0.1, beta=0.9)
    >>> opt.step([w], [np.ones(1)]); opt.step([w], [np.ones(1)])
    >>> np.round(w, 12).tolist()
    [0.71]
    """

    def __init__(self, lr: float, beta: float = 0.9) -> None:
        super().__init__(lr)
        self.beta = check_fraction(beta, func="Momentum", arg="beta")
        self.velocities: list[np.ndarray] | None = None

    def __repr__(self) -> str:
        return f"Momentum(lr={self.lr}, beta={self.beta})"

    def reset(self) -> None:
        self.velocities = None

    # --8<-- [start:momentum_step]
    def _update(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        self.velocities = self._slots(params, self.velocities)
        for p, g, v in zip(params, grads, self.velocities, strict=True):
            v *= self.beta
            v -= self.lr * g
            p += v
        # --8<-- [end:momentum_step]


class Adam(_Optimizer):
    r"""Adam: momentum on the gradient, scaled by a running RMS of the gradient.

    Parameters
    ----------
    lr : float
        Learning rate $\eta > 0$.
    beta1, beta2 : float, default 0.9 and 0.999
        Decay rates of the first and second moment estimates, in [0, 1).
    eps : float, default 1e-8
        Added to the denominator so that a zero gradient does not divide by zero.

    Raises
    ------
    TypeError
        If an argument is not a real number.
    ValueError
        If ``lr`` or ``eps`` is not finite and > 0, or a beta is outside [0, 1).

    Notes
    -----
    With $m_0 = v_0 = 0$ and step count $t = 1, 2, \dots$:

    $$ m \leftarrow \beta_1 m + (1 - \beta_1) g, \qquad v \leftarrow \beta_2 v + (1 - \beta_2) g^2 $$

    $$ \hat m = \frac{m}{1 - \beta_1^t}, \qquad \hat v = \frac{v}{1 - \beta_2^t}, \qquad
       \theta \leftarrow \theta - \eta\, \frac{\hat m}{\sqrt{\hat v} + \epsilon} $$

    The bias corrections undo the pull of the zero start; on the first step
    $\hat m = g$ and $\hat v = g^2$, so every coordinate moves by about $\eta$, whatever
    the gradient's scale.

    Examples
    --------
    >>> w = np.array([1.0, 1.0])
    >>> Adam(lr=0.1).step([w], [np.array([100.0, -0.01])])
    >>> np.round(w, 6).tolist()
    [0.9, 1.1]
    """

    def __init__(self, lr: float, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8) -> None:
        super().__init__(lr)
        self.beta1 = check_fraction(beta1, func="Adam", arg="beta1")
        self.beta2 = check_fraction(beta2, func="Adam", arg="beta2")
        self.eps = _check_positive_real(eps, "Adam", "eps")
        self.reset()

    def __repr__(self) -> str:
        return f"Adam(lr={self.lr}, beta1={self.beta1}, beta2={self.beta2}, eps={self.eps})"

    def reset(self) -> None:
        self.m: list[np.ndarray] | None = None
        self.v: list[np.ndarray] | None = None
        self.t = 0

    def _update(self, params: list[np.ndarray], grads: list[np.ndarray]) -> None:
        self.m = self._slots(params, self.m)
        self.v = self._slots(params, self.v)
        self.t += 1
        correction1 = 1.0 - self.beta1**self.t
        correction2 = 1.0 - self.beta2**self.t
        for p, g, m, v in zip(params, grads, self.m, self.v, strict=True):
            m *= self.beta1
            m += (1.0 - self.beta1) * g
            v *= self.beta2
            v += (1.0 - self.beta2) * g**2
            p -= self.lr * (m / correction1) / (np.sqrt(v / correction2) + self.eps)
