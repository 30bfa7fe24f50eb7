r"""Drawing the graph that computed a ``Value``, as Mermaid text."""

from __future__ import annotations

from dataclasses import dataclass

from mathlib.autograd._engine import Value, _topological_order

__all__ = ["Diagram", "draw", "to_mermaid"]


def to_mermaid(root):
    r"""Return Mermaid flowchart text that draws the graph which computed ``root``.

    Parameters
    ----------
    root : Value
        The output node.

    Returns
    -------
    str
        ``flowchart LR``, then one box per value (label, data and grad to 4 significant
        digits) and one circle per operation. Ids ``v0, v1, ...`` follow the topological
        order (inputs first), so the text is the same on every run.

    Raises
    ------
    TypeError
        If ``root`` is not a ``Value``.

    Notes
    -----
    An edge $x \to u$ means $u$ uses $x$; backward runs it in reverse:

    $$ \bar{x} \mathrel{+}= \bar{u}\,\frac{\partial u}{\partial x} $$

    Examples
    --------
    >>> from mathlib.autograd import Value
    >>> x = Value(2.0, label="x")
    >>> y = x**2
    >>> y.label = "y"
    >>> y.backward()
    >>> print(to_mermaid(y))
    flowchart LR
        v0["x | data 2 | grad 4"]
        v1["y | data 4 | grad 1"]
        op1(("**2"))
        op1 --> v1
        v0 --> op1
    """
    if not isinstance(root, Value):
        raise TypeError(f"to_mermaid: root must be a Value; got {type(root).__name__}")
    topo = _topological_order(root)
    ids = {node: i for i, node in enumerate(topo)}
    lines = ["flowchart LR"]
    for node in topo:
        i = ids[node]
        fields = ([node.label] if node.label else []) + [f"data {node.data:.4g}", f"grad {node.grad:.4g}"]
        lines.append(f'    v{i}["{_quote(" | ".join(fields))}"]')
        if node._prev:
            lines.append(f'    op{i}(("{_quote(node._op)}"))')
            lines.append(f"    op{i} --> v{i}")
            lines.extend(f"    v{ids[child]} --> op{i}" for child in node._prev)
    return "\n".join(lines)


def _quote(text):
    # A double quote would end the label early; Mermaid writes it as an entity.
    return text.replace('"', "#quot;")


@dataclass(frozen=True)
class Diagram:
    """Mermaid flowchart text that draws itself where Markdown renders Mermaid.

    A notebook (or a page of the handbook) shows a ``Diagram`` returned by the last line of
    a cell as the drawn graph, through ``_repr_markdown_``; ``str(diagram)`` is the text.

    Attributes
    ----------
    text : str
        The flowchart, as returned by ``to_mermaid``.
    """

    text: str

    def __str__(self) -> str:
        return self.text

    def _repr_markdown_(self) -> str:
        return f"```mermaid\n{self.text}\n```"


def draw(root):
    """Return a ``Diagram`` of the graph that computed ``root``.

    Parameters
    ----------
    root : Value
        The output node (call ``backward()`` first to show gradients).

    Returns
    -------
    Diagram
        Wraps ``to_mermaid`` text; rendered as a diagram by Markdown with Mermaid.

    Raises
    ------
    TypeError
        If ``root`` is not a ``Value``.

    Examples
    --------
    >>> from mathlib.autograd import Value
    >>> d = draw(Value(3.0, label="x") * 2)
    >>> d.text.splitlines()[0]
    'flowchart LR'
    """
    if not isinstance(root, Value):
        raise TypeError(f"draw: root must be a Value; got {type(root).__name__}")
    return Diagram(to_mermaid(root))
