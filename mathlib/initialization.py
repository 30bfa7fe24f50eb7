r"""Initial weights and how their scale carries through a deep network.

A unit sums $n$ products $w_i x_i$. With the $w_i$ independent of the $x_i$ and of each
other, zero-mean, and all with the same variance, the variance of a sum of independent
terms is the sum of their variances, and each product has
$\operatorname{Var}(w_i x_i) = \mathbb{E}[w_i^2]\,\mathbb{E}[x_i^2] - (\mathbb{E}[w_i]\,\mathbb{E}[x_i])^2
= \operatorname{Var}(w)\,\mathbb{E}[x^2]$, so

$$ \operatorname{Var}\Big(\sum_{i=1}^{n} w_i x_i\Big) = n \operatorname{Var}(w)\, \mathbb{E}[x^2]
   \;=\; n \operatorname{Var}(w) \operatorname{Var}(x) \text{ when } \mathbb{E}[x] = 0. $$

The signal keeps its size from layer to layer when $n \operatorname{Var}(w)$ makes up for
what the activation takes away: ``xavier_init`` and ``he_init`` choose $\operatorname{Var}(w)$
so, and ``activation_spread`` measures what happens through many layers.

Weights are drawn in the orientation of ``mathlib.nn.Dense``: shape (fan_in, fan_out), so
a batch of rows $X$ maps to $XW$.

Examples
--------
>>> from mathlib.initialization import he_init
>>> he_init(3, 2, rng=0).shape
(3, 2)
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from mathlib._validation import as_rng, check_callable, check_positive_int, positive_number

__all__ = ["activation_spread", "he_init", "naive_init", "xavier_init"]


def _fans(fan_in: Any, fan_out: Any, func: str) -> tuple[int, int]:
    return check_positive_int(fan_in, func=func, arg="fan_in"), check_positive_int(fan_out, func=func, arg="fan_out")


def naive_init(fan_in: int, fan_out: int, rng: Any, *, scale: float = 1.0) -> np.ndarray:
    r"""Weights from $\mathcal{N}(0, s^2)$ with a fixed scale $s$, whatever the layer's size.

    Parameters
    ----------
    fan_in, fan_out : int
        Inputs and outputs of the layer (both >= 1).
    rng : numpy.random.Generator or int
        Source of the weights (an int is a seed).
    scale : float, default 1.0
        The standard deviation $s > 0$: 1 is ``standard_normal``; 0.01 is a common "small" choice.

    Returns
    -------
    numpy.ndarray, shape (fan_in, fan_out)

    Raises
    ------
    TypeError
        If a fan is not an integer, ``scale`` not a number or ``rng`` neither a Generator nor an int.
    ValueError
        If a fan is < 1 or ``scale`` is not finite and > 0.

    Notes
    -----
    $$ w_{ij} \sim \mathcal{N}(0, s^2), \qquad n_\text{in} \operatorname{Var}(w) = n_\text{in} s^2 $$

    The factor $n_\text{in} s^2$ multiplies the signal's second moment at every layer, so
    unless it happens to be about 1 the signal grows or shrinks geometrically with depth.

    Examples
    --------
    >>> W = naive_init(500, 400, rng=0, scale=0.01)
    >>> round(float(W.std()), 3)
    0.01
    """
    fan_in, fan_out = _fans(fan_in, fan_out, "naive_init")
    scale = positive_number(scale, func="naive_init", arg="scale")
    return as_rng(rng, func="naive_init").normal(0.0, scale, size=(fan_in, fan_out))


def xavier_init(fan_in: int, fan_out: int, rng: Any) -> np.ndarray:
    r"""Xavier/Glorot normal weights: $\mathcal{N}\big(0, 2/(n_\text{in} + n_\text{out})\big)$.

    Parameters
    ----------
    fan_in, fan_out : int
        Inputs $n_\text{in}$ and outputs $n_\text{out}$ of the layer (both >= 1).
    rng : numpy.random.Generator or int
        Source of the weights (an int is a seed).

    Returns
    -------
    numpy.ndarray, shape (fan_in, fan_out)

    Raises
    ------
    TypeError
        If a fan is not an integer or ``rng`` neither a Generator nor an int.
    ValueError
        If a fan is < 1.

    Notes
    -----
    For an activation that is the identity near 0 (tanh, or none), the forward pass keeps
    the variance when $n_\text{in}\operatorname{Var}(w) = 1$ and the backward pass (which sums
    over the $n_\text{out}$ units) when $n_\text{out}\operatorname{Var}(w) = 1$. Glorot and
    Bengio (2010) take the compromise that averages the two fans:

    $$ \operatorname{Var}(w) = \frac{2}{n_\text{in} + n_\text{out}} $$

    The draws are those of ``mathlib.nn.Dense`` for a tanh, sigmoid, linear or softmax
    layer given the same rng.

    Examples
    --------
    >>> W = xavier_init(300, 100, rng=0)
    >>> round(float(W.var() * (300 + 100) / 2), 1)  # Var(w) (n_in + n_out) / 2
    1.0
    """
    fan_in, fan_out = _fans(fan_in, fan_out, "xavier_init")
    rng = as_rng(rng, func="xavier_init")
    return rng.normal(0.0, np.sqrt(2.0 / (fan_in + fan_out)), size=(fan_in, fan_out))


def he_init(fan_in: int, fan_out: int, rng: Any) -> np.ndarray:
    r"""He (Kaiming) normal weights for ReLU layers: $\mathcal{N}(0, 2/n_\text{in})$.

    Parameters
    ----------
    fan_in, fan_out : int
        Inputs $n_\text{in}$ and outputs of the layer (both >= 1).
    rng : numpy.random.Generator or int
        Source of the weights (an int is a seed).

    Returns
    -------
    numpy.ndarray, shape (fan_in, fan_out)

    Raises
    ------
    TypeError
        If a fan is not an integer or ``rng`` neither a Generator nor an int.
    ValueError
        If a fan is < 1.

    Notes
    -----
    For a pre-activation $z$ symmetric about 0, ReLU keeps the positive half:
    $\mathbb{E}[\operatorname{relu}(z)^2] = \tfrac12 \mathbb{E}[z^2]$. A layer $z' = \sum_i w_i a_i$
    on ReLU outputs $a_i$ has $\mathbb{E}[z'^2] = n_\text{in} \operatorname{Var}(w)\, \mathbb{E}[a^2]$
    (the variance of a sum, module notes), so the second moment of the activations stays
    the same from layer to layer, $\mathbb{E}[a'^2] = \tfrac12 n_\text{in} \operatorname{Var}(w)\,
    \mathbb{E}[a^2] = \mathbb{E}[a^2]$, exactly when

    $$ \operatorname{Var}(w) = \frac{2}{n_\text{in}} $$

    (He, Zhang, Ren and Sun, 2015). The draws are those of ``mathlib.nn.Dense`` for a
    ReLU or leaky-ReLU layer given the same rng.

    Examples
    --------
    >>> W = he_init(400, 300, rng=0)
    >>> round(float(W.var() * 400 / 2), 1)  # Var(w) n_in / 2
    1.0
    """
    fan_in, fan_out = _fans(fan_in, fan_out, "he_init")
    return as_rng(rng, func="he_init").normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_in, fan_out))


def activation_spread(
    widths: Sequence[int],
    init: Callable[[int, int, np.random.Generator], Any],
    activation: str,
    rng: Any,
    *,
    n_samples: int = 500,
) -> np.ndarray:
    r"""The standard deviation of each layer's activations in a freshly initialised network.

    Parameters
    ----------
    widths : sequence of int
        Layer sizes $n_0, n_1, \dots, n_L$ (at least two, each >= 1): $n_0$ inputs, then
        $L$ layers.
    init : callable
        ``init(fan_in, fan_out, rng)`` returns a layer's weights, shape (fan_in, fan_out),
        e.g. ``he_init``.
    activation : str
        The activation of every layer, a name ``mathlib.nn.Dense`` accepts (``"relu"``,
        ``"tanh"``, ...).
    rng : numpy.random.Generator or int
        Source of the inputs, drawn first, and then of each layer's weights, in order.
    n_samples : int, default 500
        Rows of the input batch.

    Returns
    -------
    numpy.ndarray, shape (L,)
        Entry $l - 1$ is the standard deviation of all entries of $A_l$.

    Raises
    ------
    TypeError
        If ``widths`` holds a non-integer, ``init`` is not callable, ``activation`` is not a
        string or ``rng`` neither a Generator nor an int.
    ValueError
        If ``widths`` has fewer than two entries or one < 1, ``activation`` is unknown, or
        ``init`` returns weights of the wrong shape (both shapes named).

    Notes
    -----
    The input is $A_0 = X$ with $X_{ij} \sim \mathcal{N}(0, 1)$; every bias is 0 and

    $$ A_l = f(A_{l-1} W_l), \qquad W_l = \text{init}(n_{l-1}, n_l), \qquad l = 1, \dots, L, $$

    computed by ``Dense.from_params(W_l, 0, activation).forward``. The spread stays about
    level when the initialisation suits the activation; otherwise it changes by a roughly
    constant factor per layer, which a log scale shows as a straight line.

    Examples
    --------
    Linear layers with $\operatorname{Var}(w) = 1/n$ keep the spread at about 1:

    >>> from mathlib.initialization import naive_init
    >>> keep = lambda i, o, r: naive_init(i, o, r, scale=(1 / i) ** 0.5)
    >>> np.round(activation_spread([400, 400, 400], keep, "linear", rng=0), 1).tolist()
    [1.0, 1.0]
    """
    from mathlib.nn.layers import Dense, check_activation

    func = "activation_spread"
    if isinstance(widths, (str, bytes)) or not isinstance(widths, Sequence | np.ndarray):
        raise TypeError(f"{func}: widths must be a list of layer sizes; got {type(widths).__name__}")
    if len(widths) < 2:
        raise ValueError(f"{func}: widths must hold at least 2 sizes (inputs and one layer); got {len(widths)}")
    sizes = [check_positive_int(n, func=func, arg=f"widths[{i}]") for i, n in enumerate(widths)]
    check_callable(init, func=func, arg="init")
    activation = check_activation(activation, func=func)
    n_samples = check_positive_int(n_samples, func=func, arg="n_samples")
    rng = as_rng(rng, func=func)
    A = rng.standard_normal((n_samples, sizes[0]))
    spread = []
    for fan_in, fan_out in itertools.pairwise(sizes):
        W = np.asarray(init(fan_in, fan_out, rng), dtype=float)
        if W.shape != (fan_in, fan_out):
            raise ValueError(
                f"{func}: init({fan_in}, {fan_out}, rng) returned shape {W.shape}; it must return (fan_in, fan_out) "
                f"= {(fan_in, fan_out)}"
            )
        A = Dense.from_params(W, np.zeros(fan_out), activation).forward(A)
        spread.append(float(A.std()))
    return np.array(spread)
