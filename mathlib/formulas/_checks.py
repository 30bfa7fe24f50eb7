"""Checks of what users pass: a formula's definition, and the values given to ``eval``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from mathlib._validation import as_array, as_scalar

__all__: list[str] = []  # private module

# The reductions a definition may ask for; the grad_* ones arise only from ``grad``.
REDUCTIONS = (None, "sum", "mean", "normalize")

# domain name -> the rule as error messages state it
DOMAINS = {"positive": "> 0", "nonnegative": ">= 0", "unit_interval": "in [0, 1]", "binary": "0 or 1"}


def _outside(domain: str, a: np.ndarray) -> np.ndarray:
    """Mask of the entries of ``a`` that break ``domain``."""
    if domain == "positive":
        return a <= 0
    if domain == "nonnegative":
        return a < 0
    if domain == "unit_interval":
        return (a < 0) | (a > 1)
    return (a != 0) & (a != 1)


def check_definition(
    name: Any,
    source: Any,
    variables: Any,
    reduction: Any,
    defaults: Mapping[str, Any] | None,
    domains: Mapping[str, str] | None,
) -> tuple[tuple[str, ...], dict[str, float], dict[str, str]]:
    """Check the arguments of ``Formula``; return the names, the defaults and the domains."""
    if not isinstance(name, str) or not name:
        raise TypeError(f"Formula: name must be a non-empty string; got {name!r}")
    if not isinstance(source, str) and not hasattr(source, "free_symbols"):
        raise TypeError(f"Formula: source must be a string or a SymPy expression; got {type(source).__name__}")
    if (
        not isinstance(variables, Sequence)
        or isinstance(variables, str)
        or not all(isinstance(v, str) and v.isidentifier() for v in variables)
    ):
        raise TypeError(f"Formula: variables must be a sequence of names, e.g. ('x',); got {variables!r}")
    names = tuple(variables)
    if not names or len(set(names)) != len(names):
        raise ValueError(f"Formula: variables must be non-empty and distinct; got {names}")
    if reduction not in REDUCTIONS:
        raise ValueError(f"Formula: reduction must be one of {REDUCTIONS}; got {reduction!r}")
    if reduction == "normalize" and len(names) != 1:
        raise ValueError(f"Formula: a 'normalize' formula takes exactly one variable; got {names}")
    defaults = dict(defaults or {})
    domains = dict(domains or {})
    for key in [*defaults, *domains]:
        if key not in names:
            raise ValueError(f"Formula: {key!r} is not among the variables {names}")
    for key, domain in domains.items():
        if domain not in DOMAINS:
            raise ValueError(f"Formula: domain of {key} must be one of {tuple(DOMAINS)}; got {domain!r}")
    values = {key: as_scalar(value, func="Formula", arg=f"defaults[{key!r}]") for key, value in defaults.items()}
    return names, values, domains


def check_inputs(
    func: str,
    names: Sequence[str],
    values: Mapping[str, Any],
    defaults: Mapping[str, float],
    domains: Mapping[str, str],
) -> tuple[list[np.ndarray], tuple[int, ...]]:
    """Return the inputs as float arrays in variable order, and their broadcast shape.

    ``ValueError`` for an unknown or missing variable, NaN, an empty array, a value outside
    its domain, or shapes that do not broadcast; ``TypeError`` for a non-numeric value.
    """
    unknown = [key for key in values if key not in names]
    if unknown:
        raise ValueError(
            f"{func}: unknown variable {', '.join(map(repr, unknown))}; the variables are {', '.join(names)}"
        )
    missing = [name for name in names if name not in values and name not in defaults]
    if missing:
        raise ValueError(f"{func}: missing value for {', '.join(missing)}; the variables are {', '.join(names)}")
    arrays = []
    for name in names:
        array = as_array(values.get(name, defaults.get(name)), func=func, arg=name)
        if name in domains:
            bad = _outside(domains[name], array)
            if bad.any():
                rule = DOMAINS[domains[name]]
                raise ValueError(f"{func}: {name} must be {rule}; got {float(array[bad].flat[0])!r}")
        arrays.append(array)
    try:
        shape = np.broadcast_shapes(*(a.shape for a in arrays))
    except ValueError:
        shapes = ", ".join(f"{name} is {a.shape}" for name, a in zip(names, arrays, strict=True))
        raise ValueError(f"{func}: {shapes}; the shapes must broadcast together") from None
    return arrays, shape
