"""mathlib: the small, verified library behind *Math Behind Neural Networks*.

Every public function states its formula in its docstring and is checked against an
analytic value, finite differences and an independent reference in the test-suite.

Submodules load on first use (PEP 562), so ``import mathlib`` costs little more than
``import numpy``; SymPy and matplotlib load only inside the functions that need them.

Examples
--------
>>> import mathlib
>>> mathlib.linalg.dot([0.5, -0.3, 0.1], [170, 65, 25])
68.0
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = [
    "activations",
    "autograd",
    "calculus",
    "classification",
    "datasets",
    "decompositions",
    "descent",
    "formulas",
    "inference",
    "information",
    "initialization",
    "linalg",
    "losses",
    "nn",
    "penalties",
    "plotting",
    "probability",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from mathlib import (
        activations,
        autograd,
        calculus,
        classification,
        datasets,
        decompositions,
        descent,
        formulas,
        inference,
        information,
        initialization,
        linalg,
        losses,
        nn,
        penalties,
        plotting,
        probability,
    )


def __getattr__(name: str):
    # Import submodules lazily so that `import mathlib` stays cheap.
    if name in __all__:
        module = importlib.import_module(f"mathlib.{name}")
        globals()[name] = module
        return module
    raise AttributeError(f"module 'mathlib' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(list(globals()) + __all__)
