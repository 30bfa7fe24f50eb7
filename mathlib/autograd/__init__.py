r"""A scalar reverse-mode automatic differentiation engine.

micrograd's design with three changes: a node stores its local derivatives as floats, not
a ``_backward`` closure (a closure over ``out`` is a reference cycle per node, which the
garbage collector must then trace); the topological sort uses an explicit stack, so a
chain of a million nodes needs no recursion; bad input raises an error naming the
operation. Plain numbers in an expression become leaf nodes, so drawings show them.

Examples
--------
>>> from mathlib.autograd import Value
>>> x = Value(2.0)
>>> h = x**2
>>> y = h + 3
>>> z = y * 2
>>> z.backward()
>>> z.data, x.grad          # dz/dx = 2 * 2x = 8
(14.0, 8.0)
"""

from mathlib.autograd._draw import Diagram, draw, to_dot, to_mermaid
from mathlib.autograd._engine import Value

__all__ = ["Diagram", "Value", "draw", "to_dot", "to_mermaid"]
