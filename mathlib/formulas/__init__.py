r"""A registry of named formulas: each one's LaTeX, derivative and numbers come from one SymPy expression.

``import mathlib.formulas`` does not import SymPy; the first call that needs it does
(``expr``, ``latex``, ``grad``, ``eval``, ``explain``). Each formula compiles its NumPy
function once, on its first ``eval``.

Examples
--------
>>> from mathlib.formulas import get
>>> get("sigmoid").eval(x=0.0)
0.5
>>> get("sigmoid").grad("x").eval(x=0.0)
0.25
>>> get("mse").grad("y_pred").eval(y_pred=5.0, y_true=3.0)
4.0
>>> get("quadratic").latex, get("quadratic").grad("x").latex
('x^{2}', '2 x')

**Vector formulas.** A formula's ``expr`` is its formula for one element, $t_i$ (MSE's
is $(\hat y - y)^2$); its ``reduction`` says what ``eval`` returns, after compiling
``expr`` once with ``sympy.lambdify`` (NumPy) and broadcasting the inputs ($n$ entries):

| reduction | ``eval`` returns | ``grad(v).eval`` returns | formulas |
| --- | --- | --- | --- |
| ``None`` | $t_i$, shaped like the inputs | $\partial t_i / \partial v_i$ | activations, densities |
| ``"sum"`` | $\sum_i t_i$ (a float) | $\partial t_i / \partial v_i$ | entropy, cross-entropy, KL |
| ``"mean"`` | $\frac{1}{n}\sum_i t_i$ (a float) | $\frac{1}{n}\,\partial t_i / \partial v_i$ | MSE, MAE, BCE |
| ``"normalize"`` | $t_i / \sum_j t_j$ | the Jacobian $s_i(\delta_{ik} - s_k)$ | softmax |

so a loss's ``grad`` is the gradient of the reduced loss, as ``mathlib.losses.mse_grad``
is. ``latex`` writes the reduction out ($\frac{1}{n}\sum_{i=1}^{n}\dots$). Softmax
is normalized from $\log t_i$ with the maximum subtracted, so large scores do not
overflow. Products $c \log y$ count as 0 where $c = 0$ ($0 \log 0 = 0$), so
``entropy`` of ``[1, 0]`` is 0. A NaN result raises ``ValueError``. The symbolic form is
evaluated as written, not rewritten for stability (``sigmoid``'s derivative
$e^{-x}/(1 + e^{-x})^2$ is NaN below $x \approx -710$): the stable versions are in
``mathlib.activations`` and ``mathlib.losses``.
"""

from __future__ import annotations

import difflib

from mathlib.formulas._catalogue import FORMULAS
from mathlib.formulas._formula import Formula

__all__ = ["Formula", "get", "names", "search"]

_BY_NAME = {f.name: f for f in FORMULAS}
_BY_ALIAS = {alias: f for f in FORMULAS for alias in f.aliases}


def _key(text: str) -> str:
    # "Binary Cross-Entropy" and "binary_cross_entropy" name the same formula.
    return "_".join(text.strip().lower().replace("-", " ").split())


def get(name: str) -> Formula:
    r"""The formula called ``name`` (or one of its aliases).

    Parameters
    ----------
    name : str
        A name from ``names()`` or an alias such as ``"bce"``; case, spaces and hyphens
        are forgiven (``"Binary cross-entropy"`` works).

    Returns
    -------
    Formula
        The registry's formula; the same object on every call, so its compiled NumPy
        function and derivatives are shared.

    Raises
    ------
    TypeError
        If ``name`` is not a string.
    ValueError
        If no formula has that name; the message lists close matches.

    Notes
    -----
    $$ \frac{d}{dx}\,\sigma(x) = \sigma(x)\bigl(1 - \sigma(x)\bigr), \qquad \sigma'(0) = \tfrac14 $$

    Examples
    --------
    >>> get("sigmoid").grad("x").eval(x=0.0)
    0.25
    >>> get("bce").name
    'binary_cross_entropy'
    """
    if not isinstance(name, str):
        raise TypeError(f"get: name must be a string; got {type(name).__name__}")
    key = _key(name)
    formula = _BY_NAME.get(key) or _BY_ALIAS.get(key)
    if formula is not None:
        return formula
    close = difflib.get_close_matches(key, [*_BY_NAME, *_BY_ALIAS], n=3, cutoff=0.6)
    hint = f"did you mean {', '.join(map(repr, close))}? " if close else ""
    raise ValueError(f"get: no formula named {name!r}; {hint}the formulas are {', '.join(names())}")


def names() -> list[str]:
    """The names of all formulas, sorted.

    Returns
    -------
    list of str
        Canonical names (aliases are not listed).

    Examples
    --------
    >>> names()[:3]
    ['bernoulli', 'binary_cross_entropy', 'cross_entropy']
    """
    return sorted(_BY_NAME)


def search(text: str) -> list[str]:
    """Names of the formulas whose name, aliases, description, uses or tags contain ``text``.

    Parameters
    ----------
    text : str
        Matched case-insensitively as a substring; ``""`` matches every formula.

    Returns
    -------
    list of str
        Sorted names; empty when nothing matches.

    Raises
    ------
    TypeError
        If ``text`` is not a string.

    Examples
    --------
    >>> search("regression")
    ['mae', 'mse']
    """
    if not isinstance(text, str):
        raise TypeError(f"search: text must be a string; got {type(text).__name__}")
    needle = text.lower()
    return sorted(f.name for f in FORMULAS if needle in f._search_text())
