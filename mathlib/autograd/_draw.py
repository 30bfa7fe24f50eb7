r"""Drawing the graph that computed a ``Value``, as Graphviz DOT text (or Mermaid text)."""

from __future__ import annotations

from dataclasses import dataclass

from mathlib.autograd._engine import Value, _topological_order

__all__ = ["Diagram", "draw", "to_dot", "to_mermaid"]


def to_dot(root):
    r"""Return Graphviz DOT text that draws the graph which computed ``root``.

    Parameters
    ----------
    root : Value
        The output node.

    Returns
    -------
    str
        A left-to-right ``digraph``: one record box per value (its label, data and grad to 4
        significant digits) and one circle per operation. Node names ``v0, v1, ...`` follow
        the topological order (inputs first), so the text is the same on every run.

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
    >>> print(to_dot(y))
    digraph {
        rankdir=LR
        node [shape=record class=value]
        v0 [label="x|data 2|grad 4"]
        v1 [label="y|data 4|grad 1"]
        op1 [label="**2" shape=circle class=operation]
        op1 -> v1
        v0 -> op1
    }
    """
    lines = ["digraph {", "    rankdir=LR", "    node [shape=record class=value]"]
    for i, label, fields, op, inputs in _nodes(root, "to_dot"):
        head = [_record_field(label)] if label else []
        lines.append(f'    v{i} [label="{"|".join(head + fields)}"]')
        if op is not None:
            lines.append(f'    op{i} [label="{_dot_string(op)}" shape=circle class=operation]')
            lines.append(f"    op{i} -> v{i}")
            lines.extend(f"    v{j} -> op{i}" for j in inputs)
    lines.append("}")
    return "\n".join(lines)


def _nodes(root, caller):
    """(id, label, [data, grad] fields, operation or None, ids of its inputs) per node, inputs first."""
    if not isinstance(root, Value):
        raise TypeError(f"{caller}: root must be a Value; got {type(root).__name__}")
    topo = _topological_order(root)
    ids = {node: i for i, node in enumerate(topo)}
    for node in topo:
        fields = [f"data {node.data:.4g}", f"grad {node.grad:.4g}"]
        op = node._op if node._prev else None
        yield ids[node], node.label, fields, op, [ids[child] for child in node._prev]


def _dot_string(text):
    # Inside a quoted DOT string only a backslash and a double quote are special.
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _record_field(text):
    # In a record's label, braces, bars and angle brackets lay out fields unless escaped.
    return "".join("\\" + c if c in "{}|<>" else c for c in _dot_string(text))


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

    See Also
    --------
    to_dot : the same graph as Graphviz DOT, which ``draw`` uses.

    Examples
    --------
    >>> from mathlib.autograd import Value
    >>> y = Value(2.0, label="x") ** 2
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
    lines = ["flowchart LR"]
    for i, label, fields, op, inputs in _nodes(root, "to_mermaid"):
        lines.append(f'    v{i}["{_quote(" | ".join(([label] if label else []) + fields))}"]')
        if op is not None:
            lines.append(f'    op{i}(("{_quote(op)}"))')
            lines.append(f"    op{i} --> v{i}")
            lines.extend(f"    v{j} --> op{i}" for j in inputs)
    return "\n".join(lines)


def _quote(text):
    # A double quote would end the label early; Mermaid writes it as an entity.
    return text.replace('"', "#quot;")


@dataclass(frozen=True)
class Diagram:
    """Graphviz DOT text that draws itself where Markdown renders ``dot`` fences.

    A page of the handbook shows a ``Diagram`` returned by the last line of a block as the
    drawn graph (an SVG drawn when the site is built), through ``_repr_markdown_``;
    ``str(diagram)`` is the text, to paste into any Graphviz tool.

    Attributes
    ----------
    text : str
        The graph, as returned by ``to_dot``.
    alt : str
        What the diagram shows, in words, for readers who cannot see it.
    """

    text: str
    alt: str = "A diagram"

    def __str__(self) -> str:
        return self.text

    def _repr_markdown_(self) -> str:
        return f'```dot alt="{_dot_string(self.alt)}"\n{self.text}\n```'


def draw(root):
    """Return a ``Diagram`` of the graph that computed ``root``.

    Parameters
    ----------
    root : Value
        The output node (call ``backward()`` first to show gradients).

    Returns
    -------
    Diagram
        Wraps ``to_dot`` text, with a one-sentence description as its ``alt``.

    Raises
    ------
    TypeError
        If ``root`` is not a ``Value``.

    Examples
    --------
    >>> from mathlib.autograd import Value
    >>> d = draw(Value(3.0, label="x") * 2)
    >>> d.text.splitlines()[0]
    'digraph {'
    >>> d.alt
    'The computation graph of the output: 3 values and 1 operation.'
    """
    if not isinstance(root, Value):
        raise TypeError(f"draw: root must be a Value; got {type(root).__name__}")
    topo = _topological_order(root)
    operations = sum(1 for node in topo if node._prev)
    name = root.label or "the output"
    plural = "" if operations == 1 else "s"
    alt = f"The computation graph of {name}: {len(topo)} values and {operations} operation{plural}."
    return Diagram(to_dot(root), alt)
