"""The text of ``Formula.explain``: what a formula is, where it is used, its derivatives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mathlib.formulas import _symbolic

if TYPE_CHECKING:  # pragma: no cover - for type checkers only
    from mathlib.formulas._formula import Formula

__all__: list[str] = []  # private module


def explain(formula: Formula) -> str:
    """Join the description, the formula, the use and the derivatives into a few lines."""
    lines = [f"{formula.name}: {formula.description}" if formula.description else formula.name]
    lines.append("Formula: " + _formula_text(formula))
    if formula._uses:
        lines.append(f"In neural networks: {formula._uses}")
    lines.extend(_derivative_lines(formula))
    return "\n".join(lines)


def _formula_text(f: Formula) -> str:
    head = f"{f.name}({', '.join(f._names)})"
    term = _symbolic.text(f.expr)
    if f._parent is not None:
        return f"{head}_ik = {term}, where s = {f._parent.name}({f._names[0]})"
    return {
        None: f"{head} = {term}",
        "sum": f"{head} = the sum over elements i of {term}",
        "mean": f"{head} = the mean over elements i of {term}",
        "normalize": f"{head}_i = {term} at element i, divided by its sum over all elements",
        "grad_sum": f"{head}_i = {term} at element i",
        "grad_mean": f"{head}_i = ({term}) / n at element i, n the number of elements",
    }[f.reduction]


def _derivative_lines(f: Formula) -> list[str]:
    if f.reduction == "grad_normalize":
        return ["Derivative: not provided (it would be a third-order tensor)."]
    # Parameters (with defaults) and 0/1 outcomes are not what one differentiates by.
    wrt = [n for n in f._names if n not in f._defaults and f._domains.get(n) != "binary"]
    per = {"sum": " (for element i)", "mean": " (for element i, divided by n)"}.get(f.reduction, "")
    lines = []
    for var in wrt:
        grad = _symbolic.text(f.grad(var).expr)
        if f.reduction == "normalize":
            lines.append(f"Derivative: the Jacobian d{f.name}_i/d{var}_k = {grad}")
        else:
            lines.append(f"Derivative with respect to {var}{per}: {grad}")
    if f._derivative_note and lines:
        lines[0] += f", {f._derivative_note}"
    return lines
