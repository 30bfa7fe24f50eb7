"""The engine: ``Value``, its operators and the backward pass."""

from __future__ import annotations

import math
import numbers

from mathlib._scalars import as_scalar, check_positive

__all__ = ["Value"]


class Value:
    r"""A scalar that remembers how it was computed, so that its gradient can be taken.

    Parameters
    ----------
    data : float
        The number: a Python int or float or a NumPy scalar.
    _children : tuple of Value, optional
        Inputs of the operation that made this node; set by the operators.
    _op : str, optional
        Name of that operation, shown by ``to_mermaid``.
    label : str, optional
        A name for drawings, e.g. ``"w1"``.

    Attributes
    ----------
    grad : float
        $\partial L / \partial\,\mathrm{self}$ after ``L.backward()``; 0.0 before.

    Raises
    ------
    TypeError
        If ``data`` is not a real number (str, None, list, bool).
    ValueError
        If ``data`` is NaN.

    Notes
    -----
    Operators take Values and plain numbers on either side: ``+ - * /``, unary ``-``, and
    ``**`` with a constant exponent (``Value ** Value`` raises ``TypeError``; write
    $a^b = e^{b \ln a}$ as ``(b * a.log()).exp()``). Each operation stores the local
    derivatives $\partial u / \partial x$ of its output $u$, and backward
    applies the chain rule, writing $\bar v = \partial L / \partial v$:

    $$ \bar{x} = \sum_{u \,:\, x \to u} \bar{u}\,\frac{\partial u}{\partial x}. $$

    Examples
    --------
    A sigmoid neuron, $x = (1, 2)$, $w = (0.5, -0.3)$, $b = 0.1$. On
    paper $z = 0$; in floating point it is 2.8e-17, because 0.3, 0.6 and 0.1 have no
    exact binary form. $\sigma(z)$ still rounds to exactly 0.5:

    >>> x1, x2, w1, w2, b = Value(1.0), Value(2.0), Value(0.5), Value(-0.3), Value(0.1)
    >>> z = w1 * x1 + w2 * x2 + b
    >>> z.data
    2.7755575615628914e-17
    >>> out = z.sigmoid()
    >>> out.backward()
    >>> out.data, w1.grad, w2.grad, b.grad     # sigma (1 - sigma) * (x1, x2, 1)
    (0.5, 0.25, 0.5, 0.25)
    """

    __slots__ = ("_d0", "_d1", "_op", "_prev", "data", "grad", "label")

    def __init__(self, data, _children=(), _op="", label="", *, _local=()):
        if type(data) is not float:  # operators pass floats; only user input needs the full check
            data = float(data) if type(data) is int else as_scalar(data, func="Value", arg="data")
        if data != data:
            raise ValueError("Value: data is NaN")
        self.data, self.grad, self._prev, self._op, self.label = data, 0.0, (), _op, label
        self._d0 = self._d1 = 0.0
        if _children or _local:  # a hand-built node: its local derivatives must come with it
            if len(_local) != len(_children) or len(_children) > 2:
                raise ValueError("Value: _children takes at most 2 nodes, with one local derivative each in _local")
            self._prev = tuple(_children)
            self._d0, self._d1 = ([float(d) for d in _local] + [0.0])[:2]

    def __repr__(self):
        return f"Value(data={self.data!r}, grad={self.grad!r})"

    # Each operation below states its local derivatives d(out)/d(input) once.

    # --8<-- [start:arithmetic]
    def __add__(self, other):
        other = _as_value(other)
        if other is None:
            return NotImplemented
        return _node(self.data + other.data, (self, other), "+", 1.0, 1.0)  # d(a+b)/da = 1, d/db = 1

    def __sub__(self, other):
        other = _as_value(other)
        if other is None:
            return NotImplemented
        return _node(self.data - other.data, (self, other), "-", 1.0, -1.0)  # d(a-b)/da = 1, d/db = -1

    def __mul__(self, other):
        other = _as_value(other)
        if other is None:
            return NotImplemented
        return _node(self.data * other.data, (self, other), "*", other.data, self.data)  # d(ab)/da = b, /db = a
        # --8<-- [end:arithmetic]

    def __truediv__(self, other):
        other = _as_value(other)
        if other is None:
            return NotImplemented
        if other.data == 0.0:
            raise ZeroDivisionError(f"Value.__truediv__: division by zero ({self.data!r} / 0.0)")
        q = self.data / other.data
        return _node(q, (self, other), "/", 1.0 / other.data, -q / other.data)  # d(a/b)/da = 1/b, /db = -a/b^2

    __radd__ = __add__  # a + b = b + a, so other + self may reuse it
    __rmul__ = __mul__

    def __rsub__(self, other):
        other = _as_value(other)
        return NotImplemented if other is None else other - self

    def __rtruediv__(self, other):
        other = _as_value(other)
        return NotImplemented if other is None else other / self

    def __neg__(self):
        return _node(-self.data, (self,), "neg", -1.0)  # d(-a)/da = -1

    def __pow__(self, n):
        r"""Raise to a constant power ``n`` (an int or float, not a Value).

        Raises
        ------
        TypeError
            If ``n`` is a Value.
        ValueError, ZeroDivisionError, OverflowError
            For a negative base to a non-integer power, 0 to a negative power, overflow.

        Notes
        -----
        $$ \frac{d}{dx} x^n = n x^{n-1} $$

        At $x = 0$ with $0 < n < 1$ the derivative is stored as ``inf``.

        Examples
        --------
        >>> x = Value(3.0)
        >>> (x**2).backward()
        >>> x.grad
        6.0
        """
        if isinstance(n, Value):
            raise TypeError(
                "Value.__pow__: the exponent must be a constant int or float; got Value "
                "(for a variable exponent b write (b * a.log()).exp())"
            )
        if isinstance(n, bool) or not isinstance(n, numbers.Real):
            return NotImplemented
        n, x = float(n), self.data
        if x < 0 and not n.is_integer():
            raise ValueError(f"Value.__pow__: a negative base ({x!r}) to a non-integer power ({n!r}) is not real")
        if x == 0 and n < 0:
            raise ZeroDivisionError(f"Value.__pow__: 0.0 to a negative power ({n!r}) is undefined")
        try:
            out = x**n
        except OverflowError:
            raise OverflowError(f"Value.__pow__: {x!r} ** {n!r} overflows a float") from None
        if n == 0:
            local = 0.0
        elif x == 0 and n < 1:
            local = math.inf  # n x^(n-1) -> +inf as x -> 0+ (e.g. the square root at 0)
        else:
            local = n * x ** (n - 1)  # d(x^n)/dx = n x^(n-1)
        return _node(out, (self,), f"**{n:g}", local)

    def exp(self):
        r"""Return $e^x$.

        Raises
        ------
        OverflowError
            If $e^x$ exceeds the largest float (``x > 709.78``).

        Notes
        -----
        $$ \frac{d}{dx} e^x = e^x $$

        Examples
        --------
        >>> x = Value(0.0)
        >>> y = x.exp()
        >>> y.backward()
        >>> y.data, x.grad
        (1.0, 1.0)
        """
        try:
            out = math.exp(self.data)
        except OverflowError:
            raise OverflowError(f"Value.exp: e**{self.data!r} overflows a float (data must be <= 709.78)") from None
        return _node(out, (self,), "exp", out)  # d(e^x)/dx = e^x

    def log(self):
        r"""Return the natural logarithm $\ln x$.

        Raises
        ------
        ValueError
            If ``data <= 0``.

        Notes
        -----
        $$ \frac{d}{dx} \ln x = \frac{1}{x} $$

        Examples
        --------
        >>> x = Value(4.0)
        >>> x.log().backward()
        >>> x.grad
        0.25
        """
        check_positive(self.data, func="Value.log", arg="data")
        return _node(math.log(self.data), (self,), "log", 1.0 / self.data)  # d(ln x)/dx = 1/x

    def tanh(self):
        r"""Return $\tanh x$.

        Notes
        -----
        $$ \frac{d}{dx} \tanh x = 1 - \tanh^2 x $$

        Examples
        --------
        >>> x = Value(0.0)
        >>> x.tanh().backward()
        >>> x.grad
        1.0
        """
        # --8<-- [start:tanh]
        t = math.tanh(self.data)
        return _node(t, (self,), "tanh", 1.0 - t * t)  # d(tanh x)/dx = 1 - tanh^2 x
        # --8<-- [end:tanh]

    def sigmoid(self):
        r"""Return the logistic sigmoid $\sigma(x) = 1 / (1 + e^{-x})$.

        Stable for every ``x``: ``exp`` is only taken of a non-positive number.

        Notes
        -----
        $$ \sigma'(x) = \sigma(x)\,\bigl(1 - \sigma(x)\bigr) $$

        Examples
        --------
        >>> x = Value(0.0)
        >>> s = x.sigmoid()
        >>> s.backward()
        >>> s.data, x.grad
        (0.5, 0.25)
        >>> Value(-1000.0).sigmoid().data, Value(1000.0).sigmoid().data
        (0.0, 1.0)
        """
        x = self.data
        if x >= 0:
            s = 1.0 / (1.0 + math.exp(-x))
        else:
            e = math.exp(x)  # sigma(x) = e^x / (1 + e^x): no overflow for x << 0
            s = e / (1.0 + e)
        return _node(s, (self,), "sigmoid", s * (1.0 - s))  # sigma' = sigma (1 - sigma)

    def relu(self):
        r"""Return $\max(0, x)$; the derivative at the kink $x = 0$ is taken as 0.

        Notes
        -----
        $$ \frac{d}{dx} \max(0, x) = \begin{cases} 1 & x > 0 \\ 0 & x \le 0 \end{cases} $$

        Examples
        --------
        >>> x = Value(3.0)
        >>> x.relu().backward()
        >>> x.grad
        1.0
        """
        positive = self.data > 0  # d relu/dx = 1 if x > 0 else 0
        return _node(self.data if positive else 0.0, (self,), "relu", 1.0 if positive else 0.0)

    def backward(self):
        r"""Add $\partial\,\mathrm{self} / \partial v$ to ``v.grad`` for every node ``v``.

        Reverse topological order makes a node's gradient complete (summed over all its
        uses) before it is passed on. Gradients accumulate across calls, as in PyTorch;
        ``zero_grad`` starts afresh.

        Notes
        -----
        $$ \bar{v} = \sum_{u \in \mathrm{uses}(v)} \bar{u}\,\frac{\partial u}{\partial v},
           \qquad \bar{\mathrm{self}} = 1 $$

        Examples
        --------
        A node used twice collects both contributions, $d(a \cdot a)/da = 2a$:

        >>> a = Value(3.0)
        >>> (a * a).backward()
        >>> a.grad
        6.0
        """
        # --8<-- [start:backward]
        topo = _topological_order(self)
        # Propagate only this call's gradients (not those left by an earlier call), then add
        # back what was there before: a second call adds exactly the same amount again.
        before = [node.grad for node in topo]
        for node in topo:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(topo):
            prev = node._prev
            if prev:
                g = node.grad
                prev[0].grad += node._d0 * g
                if len(prev) == 2:
                    prev[1].grad += node._d1 * g
        for node, g in zip(topo, before, strict=True):
            node.grad += g
        # --8<-- [end:backward]

    def zero_grad(self):
        """Set ``grad`` to 0.0 on this node and on every node it was computed from.

        >>> x = Value(2.0)
        >>> y = x * x
        >>> y.backward()
        >>> y.zero_grad()
        >>> x.grad
        0.0
        """
        for node in _topological_order(self):
            node.grad = 0.0


_new_value = object.__new__


# --8<-- [start:node]
def _node(data, children, op, d0, d1=0.0):
    # The operators' fast path: ``data`` is already a float, so only NaN needs a check.
    if data != data:
        raise ValueError(f"Value: the result of {op!r} is NaN (an input is infinite)")
    out = _new_value(Value)
    out.data, out.grad, out._prev, out._op, out.label, out._d0, out._d1 = data, 0.0, children, op, "", d0, d1
    return out
    # --8<-- [end:node]


def _as_value(other):
    # A plain real number becomes a leaf; anything else is None, so the operator returns NotImplemented.
    if isinstance(other, Value):
        return other
    if type(other) is float and other == other:  # the common case, without __init__'s checks
        return _node(other, (), "", 0.0)
    if isinstance(other, numbers.Real) and not isinstance(other, bool):
        return Value(other)
    return None


# --8<-- [start:topological_order]
def _topological_order(root):
    """Every node reachable from ``root``, each after all of its inputs (iterative DFS)."""
    order, visited, stack = [], set(), [root]
    while stack:
        node = stack.pop()
        if node is None:  # the marker: the node below it has had all its inputs ordered
            order.append(stack.pop())
        elif node not in visited:
            visited.add(node)
            stack.append(node)
            stack.append(None)
            for child in node._prev:
                if child not in visited:
                    stack.append(child)
    return order
    # --8<-- [end:topological_order]
