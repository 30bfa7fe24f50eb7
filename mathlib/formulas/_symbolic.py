r"""The SymPy side of a formula: symbols, parsing, LaTeX of reduced forms, compiling.

SymPy is imported inside each function, so importing this module costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from mathlib.formulas._numeric import xlogy

__all__: list[str] = []  # private module


def make_symbols(names: Sequence[str], domains: Mapping[str, str]) -> dict[str, Any]:
    """One SymPy symbol per variable, with the assumptions its domain allows.

    The assumptions let SymPy simplify as a reader would: ``log(exp(x)) = x`` for real
    ``x``, ``sqrt(sigma**2) = sigma`` for positive ``sigma``, ``d|x|/dx = sign(x)``.
    """
    import sympy

    symbols = {}
    for name in names:
        domain = domains.get(name)
        if domain == "positive":
            symbols[name] = sympy.Symbol(name, positive=True)
        elif domain is not None:
            symbols[name] = sympy.Symbol(name, nonnegative=True)
        else:
            symbols[name] = sympy.Symbol(name, real=True)
    return symbols


def parse(source: Any, symbols: Mapping[str, Any], func: str) -> Any:
    """Return ``source`` (a string or a SymPy expression) as an expression in ``symbols``."""
    import sympy

    if isinstance(source, str):
        try:
            expr = sympy.parse_expr(source, local_dict=dict(symbols))
        except Exception as error:  # parse_expr raises SyntaxError, TokenError, TypeError, ...
            raise ValueError(f"{func}: cannot parse {source!r}: {error}") from error
    else:
        # Same names, our assumptions: a user's plain Symbol('x') becomes our real x.
        expr = sympy.sympify(source).xreplace(
            {s: symbols[s.name] for s in source.free_symbols if getattr(s, "name", None) in symbols}
        )
    if not isinstance(expr, sympy.Expr):
        raise ValueError(f"{func}: {source!r} is not an expression (got a {type(expr).__name__})")
    stray = sorted(str(s) for s in expr.free_symbols if s not in set(symbols.values()))
    if stray:
        raise ValueError(
            f"{func}: {source!r} uses {', '.join(stray)}, which is not among its variables ({', '.join(symbols)})"
        )
    return expr


def log_kernel(expr: Any) -> Any:
    """``log(expr)`` expanded where valid, so softmax's weight ``exp(x)`` compiles as the log-weight ``x``."""
    import sympy

    return sympy.expand_log(sympy.log(expr))


def derivative(expr: Any, symbol: Any) -> Any:
    """The symbolic derivative, as SymPy gives it (not simplified: simplify is slow)."""
    import sympy

    return sympy.diff(expr, symbol)


def jacobian_entry(kernel_grad: Any, symbol: Any) -> Any:
    r"""Entry (i, k) of the Jacobian of $s_i = e^{l(x_i)} / \sum_j e^{l(x_j)}$.

    $\partial s_i / \partial x_k = s_i(\delta_{ik} - s_k)\, l'(x_k)$, with
    ``kernel_grad`` $= l'$; for softmax $l(x) = x$, so $l' = 1$.
    """
    import sympy

    s = sympy.IndexedBase("s")
    i, k = sympy.symbols("i k", integer=True)
    return s[i] * (sympy.KroneckerDelta(i, k) - s[k]) * kernel_grad.xreplace({symbol: sympy.IndexedBase(symbol)[k]})


def to_latex(expr: Any, reduction: str | None, indexed: Sequence[Any], latex_names: Mapping[Any, str]) -> str:
    """LaTeX of the whole formula: the element ``expr`` with its reduction written out.

    ``indexed`` are the symbols that are vectors (they get a subscript ``i``);
    ``latex_names`` maps a symbol to how it is printed (``y_pred`` as ``\\hat{y}``).
    """
    import sympy

    i, j = sympy.symbols("i j", integer=True)
    n = sympy.Symbol("n", integer=True, positive=True)

    def at(index: Any) -> Any:
        return expr.xreplace({s: sympy.IndexedBase(s)[index] for s in indexed})

    def latex(e: Any) -> str:
        return sympy.latex(e, symbol_names=dict(latex_names))

    if reduction == "sum":
        return latex(sympy.Sum(at(i), (i, 1, n)))
    if reduction == "mean":
        return r"\frac{1}{n} " + latex(sympy.Sum(at(i), (i, 1, n)))
    if reduction == "normalize":
        return latex(at(i) / sympy.Sum(at(j), (j, 1, n)))
    if reduction == "grad_sum":
        return latex(at(i))
    if reduction == "grad_mean":
        return latex(at(i) / n)
    return latex(expr)  # element-wise, or a Jacobian entry already written with indices


def text(expr: Any) -> str:
    """Plain-text form of ``expr``, as SymPy prints it."""
    import sympy

    return sympy.sstr(expr)


def compile_numpy(expr: Any, symbols: Sequence[Any]) -> Callable[..., Any]:
    """Compile ``expr`` to a NumPy function of ``symbols`` (positional, in order).

    Each product ``c * log(y)`` is compiled as ``xlogy(c, y)``, which is 0 where ``c``
    is 0: the convention $0 \\log 0 = 0$ that entropy and cross-entropy rely on.
    """
    import sympy

    xlogy_call = sympy.Function("xlogy")

    def is_product_with_one_log(e: Any) -> bool:
        return e.is_Mul and sum(isinstance(a, sympy.log) for a in e.args) == 1

    def as_xlogy(e: Any) -> Any:
        log_factor = next(a for a in e.args if isinstance(a, sympy.log))
        rest = sympy.Mul(*(a for a in e.args if a is not log_factor))
        return xlogy_call(rest, log_factor.args[0])

    numeric = expr.replace(is_product_with_one_log, as_xlogy)
    return sympy.lambdify(list(symbols), numeric, modules=[{"xlogy": xlogy}, "numpy"])
