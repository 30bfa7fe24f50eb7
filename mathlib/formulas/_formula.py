r"""The ``Formula`` class: one SymPy expression gives the LaTeX, the derivative and the numbers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mathlib.formulas import _checks, _explain, _numeric, _symbolic

__all__ = ["Formula"]

# The reduction of the derivative with respect to a vector variable; grad_sum/grad_mean keep theirs.
_GRAD_REDUCTION = {None: None, "sum": "grad_sum", "mean": "grad_mean", "normalize": "grad_normalize"}


class Formula:
    r"""A named formula whose LaTeX, derivative and NumPy evaluation all come from one SymPy expression.

    Parameters
    ----------
    name : str
        The formula's name, e.g. ``"sigmoid"``.
    source : str or sympy.Expr
        The element formula in SymPy syntax, e.g. ``"1/(1 + exp(-x))"``. A string is
        parsed with ``sympy.parse_expr``, which runs Python: pass only trusted strings.
    variables : sequence of str
        The variable names, in the order ``variables`` reports them.
    reduction : {None, "sum", "mean", "normalize"}, optional
        What ``eval`` does with the element values (see Notes). ``None``: element-wise.
    defaults : dict, optional
        Default values of parameters (e.g. ``{"alpha": 0.01}``); they stay scalars in
        the LaTeX of a reduced formula, while the other variables get a subscript $i$.
    domains : dict, optional
        Per variable, one of ``"positive"``, ``"nonnegative"``, ``"unit_interval"``,
        ``"binary"``; ``eval`` checks it, and SymPy gets the matching assumption.
    description, uses, derivative_note : str, optional
        What it is, where neural networks use it, and a remark on its derivative; ``explain``
        joins them.
    tags, aliases : sequence of str, optional
        Words ``search`` matches, and other names ``get`` accepts.
    latex_names : dict, optional
        How variables print in LaTeX, e.g. ``{"y_pred": r"\hat{y}"}``.

    Raises
    ------
    TypeError
        If an argument has the wrong type.
    ValueError
        If ``variables`` is empty or repeats a name, ``reduction`` is unknown, a key of
        ``defaults``/``domains`` is not a variable, or a domain is unknown.

    Notes
    -----
    ``expr`` is the formula for one element $t_i$; ``reduction`` says what ``eval``
    returns from the element values (the table is in the ``mathlib.formulas`` docstring):

    $$ t_i, \qquad \sum_i t_i, \qquad \frac{1}{n}\sum_i t_i, \qquad \frac{t_i}{\sum_j t_j} $$

    Examples
    --------
    >>> f = Formula("quadratic", "x**2", ("x",))
    >>> f.eval(x=3), f.grad("x").eval(x=3)
    (9.0, 6.0)
    >>> f.grad("x").latex
    '2 x'
    """

    def __init__(
        self,
        name: str,
        source: Any,
        variables: Sequence[str],
        *,
        reduction: str | None = None,
        defaults: Mapping[str, float] | None = None,
        domains: Mapping[str, str] | None = None,
        description: str = "",
        uses: str = "",
        derivative_note: str = "",
        tags: Sequence[str] = (),
        aliases: Sequence[str] = (),
        latex_names: Mapping[str, str] | None = None,
    ) -> None:
        names, defaults, domains = _checks.check_definition(name, source, variables, reduction, defaults, domains)
        self._name = name
        self._source = source
        self._names = names
        self._reduction = reduction
        self._defaults = defaults
        self._domains = domains
        self._description = description
        self._uses = uses
        self._derivative_note = derivative_note
        self._tags = tuple(tags)
        self._aliases = tuple(aliases)
        self._latex_names = dict(latex_names or {})
        self._parent: Formula | None = None  # set on the Jacobian of a 'normalize' formula
        self._kernel: Any = None  # what is compiled, when it differs from expr
        self._cache: dict[str, Any] = {}
        self._grads: dict[str, Formula] = {}

    def __repr__(self) -> str:
        source = self._source if isinstance(self._source, str) else str(self._source)
        return f"Formula({self._name!r}, {source!r}, {self._names!r})"

    def _repr_latex_(self) -> str:
        # Shown with its left-hand side, e.g. sigmoid(x) = ..., in notebooks and on the site.
        return f"$${self._lhs()} = {self.latex}$$"

    def _lhs(self) -> str:
        import sympy

        symbols = self._symbols()
        names = {symbols[n]: tex for n, tex in self._latex_names.items()}

        def tex(name: str) -> str:
            return sympy.latex(symbols[name], symbol_names=names)

        if self._name.startswith("d") and "/d" in self._name:  # a derivative, named "df/dx"
            base, var = self._name[1:].split("/d", 1)
            return rf"\frac{{\partial\, \mathrm{{{_tex_name(base)}}}}}{{\partial {tex(var)}}}"
        return rf"\mathrm{{{_tex_name(self._name)}}}({', '.join(tex(n) for n in self._names)})"

    @property
    def name(self) -> str:
        """The formula's name, e.g. ``"sigmoid"``."""
        return self._name

    @property
    def reduction(self) -> str | None:
        """What ``eval`` does with the element values (see the class Notes)."""
        return self._reduction

    @property
    def defaults(self) -> dict[str, float]:
        """Default values of the parameters (a copy)."""
        return dict(self._defaults)

    @property
    def description(self) -> str:
        """One sentence: what the formula is."""
        return self._description

    @property
    def tags(self) -> tuple[str, ...]:
        """Words that ``search`` matches besides the name and description."""
        return self._tags

    @property
    def aliases(self) -> tuple[str, ...]:
        """Other names that ``get`` accepts."""
        return self._aliases

    def _search_text(self) -> str:
        return " ".join([self._name, *self._aliases, self._description, self._uses, *self._tags]).lower()

    def _symbols(self) -> dict[str, Any]:
        if "symbols" not in self._cache:
            self._cache["symbols"] = _symbolic.make_symbols(self._names, self._domains)
        return self._cache["symbols"]

    @property
    def variables(self) -> tuple[Any, ...]:
        """The SymPy symbols, in the documented order (the order given to the constructor)."""
        symbols = self._symbols()
        return tuple(symbols[name] for name in self._names)

    @property
    def expr(self) -> Any:
        """The SymPy expression for one element (see the class Notes)."""
        if "expr" not in self._cache:
            self._cache["expr"] = _symbolic.parse(self._source, self._symbols(), f"Formula {self._name!r}")
        return self._cache["expr"]

    @property
    def latex(self) -> str:
        """LaTeX of the whole formula, generated from ``expr`` by ``sympy.latex``."""
        if "latex" not in self._cache:
            symbols = self._symbols()
            indexed = [symbols[n] for n in self._names if n not in self._defaults]
            names = {symbols[n]: tex for n, tex in self._latex_names.items()}
            body = _symbolic.to_latex(self.expr, self._reduction, indexed, names)
            if self._parent is not None:
                body += r", \qquad s_{i} = " + self._parent.latex
            self._cache["latex"] = body
        return self._cache["latex"]

    def _check_variable(self, var: Any, method: str) -> str:
        name = getattr(var, "name", var)  # a SymPy symbol is accepted for its name
        if not isinstance(name, str):
            raise TypeError(f"{self._name}.{method}: the variable must be a name (str); got {type(var).__name__}")
        if name not in self._names:
            raise ValueError(
                f"{self._name}.{method}: unknown variable {name!r}; the variables are {', '.join(self._names)}"
            )
        return name

    def grad(self, var: Any) -> Formula:
        r"""The symbolic derivative with respect to ``var``, as a new ``Formula``.

        Parameters
        ----------
        var : str
            The name of one of ``variables``.

        Returns
        -------
        Formula
            The derivative, cached: asking twice returns the same object.

        Raises
        ------
        TypeError
            If ``var`` is not a string.
        ValueError
            If ``var`` is not one of the variables, or this is already a Jacobian.

        Notes
        -----
        $$ \frac{d}{dx} x^2 = 2x $$

        Examples
        --------
        >>> Formula("quadratic", "x**2", ("x",)).grad("x").eval(x=3.0)
        6.0
        """
        name = self._check_variable(var, "grad")
        if self._reduction == "grad_normalize":
            raise ValueError(f"{self._name}.grad: {self._name} is a Jacobian; its derivative is not provided")
        if name not in self._grads:
            self._grads[name] = self._derive(name)
        return self._grads[name]

    def _derive(self, name: str) -> Formula:
        symbol = self._symbols()[name]
        if self._reduction in ("sum", "mean") and name in self._defaults:
            reduction = self._reduction  # d/dalpha of a sum of terms is the sum of d/dalpha
        else:
            reduction = _GRAD_REDUCTION.get(self._reduction, self._reduction)
        if reduction == "grad_normalize":
            kernel_grad = _symbolic.derivative(_symbolic.log_kernel(self.expr), symbol)
            source = _symbolic.jacobian_entry(kernel_grad, symbol)
        else:
            source = _symbolic.derivative(self.expr, symbol)
        grad = Formula(
            f"d{self._name}/d{name}",
            source,
            self._names,
            defaults=self._defaults,
            domains=self._domains,
            description=f"The derivative of {self._name} with respect to {name}.",
            latex_names=self._latex_names,
        )
        grad._reduction = reduction
        grad._cache["symbols"] = self._symbols()
        grad._cache["expr"] = source
        if reduction == "grad_normalize":
            # expr is the Jacobian entry (with indices); what is compiled is l'(x).
            grad._kernel = kernel_grad
            grad._parent = self
        return grad

    def _element(self) -> Any:
        """The NumPy function of the element formula, compiled once and cached."""
        if "function" not in self._cache:
            kernel = self._kernel
            if kernel is None:
                kernel = _symbolic.log_kernel(self.expr) if self._reduction == "normalize" else self.expr
            self._cache["function"] = _symbolic.compile_numpy(kernel, self.variables)
        return self._cache["function"]

    def eval(self, **values: Any) -> float | Any:
        r"""Evaluate the formula with NumPy at the given values.

        Parameters
        ----------
        **values : float or array_like
            One value per variable, by name; parameters may be left out for their
            defaults. Arrays broadcast together.

        Returns
        -------
        float or numpy.ndarray
            A float for a scalar result; an array for an element-wise result on arrays,
            a gradient, or a Jacobian.

        Raises
        ------
        TypeError
            If a value is not numeric.
        ValueError
            If a variable is unknown or missing, a value is NaN, empty or outside its
            domain, the shapes do not broadcast, or the result is NaN.

        Notes
        -----
        $$ \sigma(0) = \frac{1}{1 + e^{0}} = \frac{1}{2} $$

        Examples
        --------
        >>> Formula("sigmoid", "1/(1 + exp(-x))", ("x",)).eval(x=0.0)
        0.5
        """
        func = f"{self._name}.eval"
        arrays, shape = _checks.check_inputs(func, self._names, values, self._defaults, self._domains)
        element = self._element()
        parent = self._parent

        def normalized() -> Any:
            return _numeric.reduce(func, "normalize", parent._element(), arrays, shape)

        return _numeric.reduce(func, self._reduction, element, arrays, shape, normalized)

    def explain(self) -> str:
        """A short plain-language account: what it is, its formula, its use, its derivative.

        Returns
        -------
        str
            A few lines of text; the formula and derivatives are printed by SymPy.

        Examples
        --------
        >>> print(Formula("quadratic", "x**2", ("x",), description="A parabola.").explain())
        quadratic: A parabola.
        Formula: quadratic(x) = x**2
        Derivative with respect to x: 2*x
        """
        return _explain.explain(self)


def _tex_name(name: str) -> str:
    return name.replace("_", r"\_")
