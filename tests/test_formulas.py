"""Tests for mathlib.formulas: agreement with mathlib's numeric functions, finite differences,
the seed's claims, lazy SymPy, the compile-once cache, and every error path."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from mathlib import activations, information, losses, probability
from mathlib.formulas import Formula, get, names, search

ROOT = Path(__file__).resolve().parent.parent
H = 1e-6

# The documented variable order of every formula.
VARIABLES = {
    "bernoulli": ("x", "p"),
    "binary_cross_entropy": ("y_pred", "y_true"),
    "cross_entropy": ("y_pred", "y_true"),
    "entropy": ("p",),
    "gaussian": ("x", "mu", "sigma"),
    "kl_divergence": ("p", "q"),
    "leaky_relu": ("x", "alpha"),
    "mae": ("y_pred", "y_true"),
    "mse": ("y_pred", "y_true"),
    "quadratic": ("x",),
    "relu": ("x",),
    "sigmoid": ("x",),
    "softmax": ("x",),
    "tanh": ("x",),
}

# Sample inputs, away from kinks (relu at 0) and inside every domain, so that central
# differences with step H stay inside it too.
SAMPLES = {
    "bernoulli": {"x": [1.0, 0.0, 1.0], "p": 0.3},
    "binary_cross_entropy": {"y_pred": [0.8, 0.3, 0.6], "y_true": [0.9, 0.2, 0.7]},
    "cross_entropy": {"y_pred": [0.2, 0.7, 0.1], "y_true": [0.1, 0.7, 0.2]},
    "entropy": {"p": [0.5, 0.25, 0.25]},
    "gaussian": {"x": [-1.0, 0.5, 2.0], "mu": 0.5, "sigma": 1.5},
    "kl_divergence": {"p": [0.5, 0.3, 0.2], "q": [0.4, 0.4, 0.2]},
    "leaky_relu": {"x": [-2.0, -0.5, 0.7, 3.0], "alpha": 0.1},
    "mae": {"y_pred": [2.5, 0.0, 2.1, 8.0], "y_true": [3.0, -0.5, 2.0, 7.0]},
    "mse": {"y_pred": [2.5, 0.0, 2.1, 8.0], "y_true": [3.0, -0.5, 2.0, 7.0]},
    "quadratic": {"x": [-1.5, 0.5, 3.0]},
    "relu": {"x": [-2.0, -0.5, 0.7, 3.0]},
    "sigmoid": {"x": [-4.0, -0.5, 0.0, 1.5, 3.0]},
    "softmax": {"x": [2.0, 1.0, 0.1]},
    "tanh": {"x": [-4.0, -0.5, 0.0, 1.5, 3.0]},
}

# formula, mathlib's numeric function, the sample variables it takes in order
REFERENCES = [
    ("sigmoid", activations.sigmoid, ("x",)),
    ("tanh", activations.tanh, ("x",)),
    ("relu", activations.relu, ("x",)),
    ("leaky_relu", activations.leaky_relu, ("x", "alpha")),
    ("softmax", activations.softmax, ("x",)),
    ("mse", losses.mse, ("y_true", "y_pred")),
    ("mae", losses.mae, ("y_true", "y_pred")),
    ("binary_cross_entropy", losses.binary_cross_entropy, ("y_true", "y_pred")),
    ("cross_entropy", information.cross_entropy, ("y_true", "y_pred")),
    ("entropy", information.entropy, ("p",)),
    ("kl_divergence", information.kl_divergence, ("p", "q")),
    ("gaussian", probability.gaussian_pdf, ("x", "mu", "sigma")),
    ("bernoulli", probability.bernoulli_pmf, ("x", "p")),
    ("quadratic", np.square, ("x",)),
]

# formula, variable, mathlib's analytic gradient, the sample variables it takes in order
ANALYTIC_GRADIENTS = [
    ("sigmoid", "x", activations.sigmoid_grad, ("x",)),
    ("tanh", "x", activations.tanh_grad, ("x",)),
    ("relu", "x", activations.relu_grad, ("x",)),
    ("leaky_relu", "x", activations.leaky_relu_grad, ("x", "alpha")),
    ("mse", "y_pred", losses.mse_grad, ("y_true", "y_pred")),
    ("binary_cross_entropy", "y_pred", losses.binary_cross_entropy_grad, ("y_true", "y_pred")),
]

# Every variable one can differentiate by (bernoulli's x is an outcome, 0 or 1).
DIFFERENTIABLE = [
    (name, var) for name, variables in VARIABLES.items() for var in variables if (name, var) != ("bernoulli", "x")
]


def finite_differences(formula: Formula, values: dict, var: str) -> np.ndarray:
    """Central differences of formula.eval in `var`, shaped as grad(var).eval returns."""
    x = np.asarray(values[var], dtype=float)

    def at(v):
        return np.asarray(formula.eval(**{**values, var: v}))

    if formula.reduction is None or x.ndim == 0:
        return (at(x + H) - at(x - H)) / (2 * H)
    columns = []
    for k in range(x.size):
        step = np.zeros_like(x)
        step[k] = H
        columns.append((at(x + step) - at(x - step)) / (2 * H))
    return np.stack(columns, axis=-1)  # a Jacobian for softmax: column k is d/dx_k


# ---- the registry --------------------------------------------------------------------


def test_names_are_sorted_and_hold_every_documented_formula():
    """names() is sorted and lists exactly the documented formulas."""
    assert names() == sorted(VARIABLES)


@pytest.mark.parametrize("name", sorted(VARIABLES))
def test_variables_follow_the_documented_order(name):
    """Each formula's variables are SymPy symbols in the documented order."""
    variables = get(name).variables
    assert all(isinstance(v, sympy.Symbol) for v in variables)
    assert tuple(v.name for v in variables) == VARIABLES[name]


@pytest.mark.parametrize("name", sorted(VARIABLES))
def test_every_formula_describes_itself(name):
    """Each formula has a name, a description, a SymPy expr and a non-empty LaTeX string."""
    formula = get(name)
    assert formula.name == name and formula.description
    assert isinstance(formula.expr, sympy.Expr)
    assert isinstance(formula.latex, str) and formula.latex


def test_get_returns_the_same_object_and_forgives_spelling():
    """get gives one shared object per formula, by name, alias, case, spaces or hyphens."""
    bce = get("binary_cross_entropy")
    assert get("bce") is bce and get("Binary cross-entropy") is bce and get(" BCE ") is bce
    assert get("kl").name == "kl_divergence" and get("normal").name == "gaussian"


def test_get_unknown_name_suggests_close_matches():
    """An unknown name raises ValueError naming it and the close matches."""
    with pytest.raises(ValueError, match=r"get: no formula named 'sigmoud'; did you mean 'sigmoid'\?"):
        get("sigmoud")
    with pytest.raises(ValueError, match=r"get: no formula named 'zzz'; the formulas are bernoulli, "):
        get("zzz")


def test_get_rejects_a_non_string():
    """get(3) raises TypeError."""
    with pytest.raises(TypeError, match="get: name must be a string; got int"):
        get(3)


def test_search_matches_name_description_and_tags_case_insensitively():
    """search finds by tag ('LOSS'), by description words and by name part; misses give []."""
    assert search("LOSS") == ["binary_cross_entropy", "cross_entropy", "mae", "mse"]
    assert "softmax" in search("probabilities that sum to 1")
    assert search("relu") == ["leaky_relu", "relu"]
    assert search("no such words") == []
    assert search("") == names()


def test_search_rejects_a_non_string():
    """search(None) raises TypeError."""
    with pytest.raises(TypeError, match="search: text must be a string; got NoneType"):
        search(None)


def test_import_does_not_import_sympy():
    """Importing mathlib.formulas, get, names, search and repr leave SymPy unimported; eval imports it."""
    code = (
        "import sys, mathlib.formulas as f\n"
        "s = f.get('sigmoid'); f.names(); f.search('loss'); repr(s); s.name; s.description\n"
        "print('sympy' in sys.modules)\n"
        "s.eval(x=0.0)\n"
        "print('sympy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.split() == ["False", "True"]


# ---- compile once ------------------------------------------------------------------------


def counting_lambdify(monkeypatch) -> list:
    """Replace sympy.lambdify by a wrapper that records each call."""
    calls = []
    real = sympy.lambdify

    def counting(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(sympy, "lambdify", counting)
    return calls


def test_eval_compiles_once_per_formula(monkeypatch):
    """Many evals of a formula and of its derivative call sympy.lambdify once for each."""
    calls = counting_lambdify(monkeypatch)
    cubic = Formula("cubic", "x**3", ("x",))
    for x in (1.0, 2.0, [1.0, 2.0, 3.0]):
        cubic.eval(x=x)
        cubic.grad("x").eval(x=x)
    assert len(calls) == 2


def test_registry_formulas_are_not_recompiled(monkeypatch):
    """Once a registry formula has been evaluated, later evals call lambdify no more."""
    get("tanh").eval(x=0.5)
    calls = counting_lambdify(monkeypatch)
    for x in (0.1, 0.2, 0.3):
        get("tanh").eval(x=x)
    assert calls == []


def test_grad_is_cached():
    """Asking for the same derivative twice returns the same Formula."""
    assert get("sigmoid").grad("x") is get("sigmoid").grad("x")


# ---- values: the seed's claims, the docstring values, mathlib's numeric functions ----


def test_sigmoid_values_from_the_docs():
    """sigma(0) = 0.5 and sigma'(0) = 0.25, as built-in floats."""
    value, slope = get("sigmoid").eval(x=0.0), get("sigmoid").grad("x").eval(x=0.0)
    assert (value, slope) == (0.5, 0.25)
    assert type(value) is float and type(slope) is float


def test_seed_mse_gradient_is_4_at_5_and_3():
    """Seed 001: dMSE/dy_pred at y_pred=5, y_true=3 is 4.0 (also with the seed's ints)."""
    grad = get("mse").grad("y_pred")
    assert grad.eval(y_pred=5.0, y_true=3.0) == 4.0
    assert grad.eval(y_pred=5, y_true=3) == 4.0


def test_seed_mse_expressions_mean_what_the_seed_prints():
    """Seed 001: mse is (y_pred - y_true)**2 and its gradient equals 2*(y_pred - y_true).

    SymPy prints the gradient expanded, as 2*y_pred - 2*y_true; it factors to the seed's form.
    """
    y_pred, y_true = get("mse").variables
    assert get("mse").expr == (y_pred - y_true) ** 2
    grad = get("mse").grad("y_pred").expr
    assert sympy.simplify(grad - 2 * (y_pred - y_true)) == 0
    assert str(sympy.factor(grad)) == "2*(y_pred - y_true)"


def test_seed_sigmoid_derivative_is_sigma_times_one_minus_sigma():
    """Seed 001: d/dx 1/(1 + e^-x) = e^-x/(1 + e^-x)^2, which simplifies to sigma(1 - sigma)."""
    (x,) = get("sigmoid").variables
    sigma = 1 / (1 + sympy.exp(-x))
    grad = get("sigmoid").grad("x").expr
    assert get("sigmoid").expr == sigma
    assert grad == sympy.exp(-x) / (1 + sympy.exp(-x)) ** 2
    assert sympy.simplify(grad - sigma * (1 - sigma)) == 0


def test_seed_quadratic_value_9_and_slope_6_at_3():
    """Seed 001: f(x) = x**2 gives f(3) = 9 and f'(3) = 6."""
    assert get("quadratic").eval(x=3) == 9.0
    assert get("quadratic").grad("x").eval(x=3) == 6.0


@given(st.floats(-30.0, 30.0))
@settings(deadline=None, max_examples=100)
def test_symbolic_sigmoid_derivative_is_sigma_times_one_minus_sigma(x):
    """For every x in [-30, 30], the compiled symbolic sigma'(x) equals sigma(x)(1 - sigma(x)).

    1 - sigma rounds with an absolute error of about 1e-16 when sigma is near 1, hence abs_tol.
    """
    sigma = get("sigmoid").eval(x=x)
    assert math.isclose(get("sigmoid").grad("x").eval(x=x), sigma * (1 - sigma), rel_tol=1e-9, abs_tol=1e-15)


@pytest.mark.parametrize(("name", "reference", "args"), REFERENCES, ids=[r[0] for r in REFERENCES])
def test_eval_agrees_with_mathlib(name, reference, args):
    """Each formula's eval equals mathlib's numeric function (or NumPy) on the sample inputs."""
    values = SAMPLES[name]
    expected = reference(*(values[a] for a in args))
    np.testing.assert_allclose(get(name).eval(**values), expected, rtol=1e-12, atol=1e-15)


def test_cross_entropy_agrees_with_the_loss_on_a_one_hot_label():
    """cross_entropy with a one-hot y_true is -log of the true class's probability, as in losses."""
    p = [0.2, 0.7, 0.1]
    value = get("cross_entropy").eval(y_pred=p, y_true=[0.0, 1.0, 0.0])
    assert math.isclose(value, losses.cross_entropy([1], [p]))
    assert math.isclose(value, -math.log(0.7))


def test_zero_log_zero_counts_as_zero():
    """entropy([1, 0]) = 0 and kl([1, 0] || [0.5, 0.5]) = log 2, without NaN or warnings."""
    assert get("entropy").eval(p=[1.0, 0.0]) == 0.0
    assert math.isclose(get("kl_divergence").eval(p=[1.0, 0.0], q=[0.5, 0.5]), math.log(2))
    assert get("cross_entropy").eval(y_pred=[0.0, 1.0], y_true=[0.0, 1.0]) == 0.0


def test_kl_is_infinite_where_q_is_zero_and_p_is_not():
    """kl([0.5, 0.5] || [1, 0]) = inf, as mathlib.information.kl_divergence gives."""
    assert get("kl_divergence").eval(p=[0.5, 0.5], q=[1.0, 0.0]) == information.kl_divergence([0.5, 0.5], [1.0, 0.0])


def test_softmax_does_not_overflow():
    """softmax of [1000, 1000] is [0.5, 0.5]: it is normalized from log-weights, minus their maximum."""
    assert get("softmax").eval(x=[1000.0, 1000.0]).tolist() == [0.5, 0.5]


def test_defaults_fill_in_parameters():
    """gaussian(x=0) uses mu=0, sigma=1: 1/sqrt(2 pi); leaky_relu uses alpha=0.01."""
    assert math.isclose(get("gaussian").eval(x=0.0), 1 / math.sqrt(2 * math.pi))
    assert get("leaky_relu").eval(x=-2.0) == -0.02
    assert get("gaussian").defaults == {"mu": 0.0, "sigma": 1.0}


def test_inputs_broadcast():
    """mse of predictions [1, 3] against one target 2 is ((-1)^2 + 1^2)/2 = 1."""
    assert get("mse").eval(y_pred=[1.0, 3.0], y_true=2.0) == 1.0


# ---- derivatives ---------------------------------------------------------------------


@pytest.mark.parametrize(("name", "var"), DIFFERENTIABLE, ids=[f"{n}-{v}" for n, v in DIFFERENTIABLE])
def test_grad_agrees_with_finite_differences(name, var):
    """grad(var).eval equals central differences of eval (a Jacobian for softmax)."""
    formula = get(name)
    expected = finite_differences(formula, SAMPLES[name], var)
    np.testing.assert_allclose(formula.grad(var).eval(**SAMPLES[name]), expected, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize(
    ("name", "var", "reference", "args"), ANALYTIC_GRADIENTS, ids=[r[0] for r in ANALYTIC_GRADIENTS]
)
def test_grad_agrees_with_mathlib_gradients(name, var, reference, args):
    """grad(var).eval equals mathlib's analytic gradient (mse_grad and the BCE one carry 1/n)."""
    values = SAMPLES[name]
    expected = reference(*(values[a] for a in args))
    np.testing.assert_allclose(get(name).grad(var).eval(**values), expected, rtol=1e-12, atol=1e-15)


def test_relu_derivative_at_zero_is_zero():
    """relu'(0) is taken as 0, as mathlib.activations.relu_grad has it."""
    assert get("relu").grad("x").eval(x=0.0) == activations.relu_grad(0.0) == 0.0


def test_softmax_jacobian_columns_sum_to_zero():
    """The softmax outputs always sum to 1, so each column of the Jacobian sums to 0."""
    jacobian = get("softmax").grad("x").eval(x=[0.3, -1.2, 2.0, 0.0])
    assert jacobian.shape == (4, 4)
    np.testing.assert_allclose(jacobian.sum(axis=0), 0.0, atol=1e-15)


def test_second_derivatives():
    """(x^2)'' = 2 everywhere; the diagonal Hessian of mse over n entries is 2/n."""
    assert get("quadratic").grad("x").grad("x").eval(x=[1.0, 5.0]).tolist() == [2.0, 2.0]
    hessian = get("mse").grad("y_pred").grad("y_pred").eval(y_pred=[1.0, 2.0, 3.0, 4.0], y_true=0.0)
    assert hessian.tolist() == [0.5] * 4


def test_grad_in_a_parameter_of_a_sum_stays_a_sum():
    """d/da of sum_i a x_i^2 is sum_i x_i^2: 1 + 4 = 5, a float."""
    scaled = Formula("scaled", "a*x**2", ("x", "a"), reduction="sum", defaults={"a": 3.0})
    assert scaled.grad("a").eval(x=[1.0, 2.0]) == 5.0


def test_a_user_normalize_formula_and_its_jacobian():
    """Weights x^2 normalized: [-1, 2, 3] gives [1, 4, 9]/14; the Jacobian matches differences."""
    share = Formula("square_share", "x**2", ("x",), reduction="normalize")
    values = {"x": [-1.0, 2.0, 3.0]}
    np.testing.assert_allclose(share.eval(**values), np.array([1.0, 4.0, 9.0]) / 14, rtol=1e-15)
    expected = finite_differences(share, values, "x")
    np.testing.assert_allclose(share.grad("x").eval(**values), expected, rtol=1e-6, atol=1e-8)


def test_sympy_expression_as_source():
    """A Formula can be built from a SymPy expression; (x^3)' at 2 is 12."""
    cubic = Formula("cubic", sympy.Symbol("x") ** 3, ("x",))
    assert cubic.grad(sympy.Symbol("x")).eval(x=2.0) == 12.0


# ---- display -------------------------------------------------------------------------


@pytest.mark.parametrize("name", [n for n in sorted(VARIABLES) if get(n).reduction is None])
def test_latex_of_elementwise_formulas_is_sympy_latex(name):
    """For an element-wise formula, latex is exactly sympy.latex(expr)."""
    assert get(name).latex == sympy.latex(get(name).expr)


def test_latex_writes_the_reduction_out():
    """Sums, means and softmax show their reduction; losses print y_pred as hat y."""
    assert get("mse").latex == r"\frac{1}{n} \sum_{i=1}^{n} \left({\hat{y}}_{i} - {y}_{i}\right)^{2}"
    assert get("entropy").latex.startswith(r"\sum_{i=1}^{n}")
    assert get("softmax").latex == r"\frac{e^{{x}_{i}}}{\sum_{j=1}^{n} e^{{x}_{j}}}"
    assert get("mse").grad("y_pred").latex == r"\frac{2 {\hat{y}}_{i} - 2 {y}_{i}}{n}"
    assert get("quadratic")._repr_latex_() == r"$$\mathrm{quadratic}(x) = x^{2}$$"


@pytest.mark.parametrize("name", sorted(VARIABLES))
def test_explain_says_what_where_and_the_derivative(name):
    """explain() names the formula, gives its description, use and SymPy derivative."""
    formula = get(name)
    text = formula.explain()
    assert text.startswith(f"{name}: {formula.description}")
    assert "In neural networks: " in text
    first = next(v for v in VARIABLES[name] if v not in formula.defaults and (name, v) != ("bernoulli", "x"))
    assert sympy.sstr(formula.grad(first).expr) in text


def test_explain_of_sigmoid_states_the_simplified_derivative():
    """sigmoid's explanation gives e^-x/(1 + e^-x)^2 and says it is sigma(1 - sigma)."""
    text = get("sigmoid").explain()
    assert "exp(-x)/(1 + exp(-x))**2, which simplifies to sigmoid(x)*(1 - sigmoid(x))" in text


def test_explain_of_the_softmax_jacobian():
    """softmax's explanation gives the Jacobian; the Jacobian's says it has no derivative."""
    assert "Jacobian dsoftmax_i/dx_k = (KroneckerDelta(i, k) - s[k])*s[i]" in get("softmax").explain()
    assert "not provided" in get("softmax").grad("x").explain()


# ---- errors --------------------------------------------------------------------------


def test_eval_rejects_an_unknown_variable():
    """eval(y=...) on sigmoid names the formula and its variables."""
    with pytest.raises(ValueError, match=r"sigmoid\.eval: unknown variable 'y'; the variables are x"):
        get("sigmoid").eval(y=1.0)


def test_grad_rejects_an_unknown_variable():
    """grad('x') on mse names the formula and its variables."""
    with pytest.raises(ValueError, match=r"mse\.grad: unknown variable 'x'; the variables are y_pred, y_true"):
        get("mse").grad("x")


def test_grad_rejects_a_non_string():
    """grad(0) raises TypeError."""
    with pytest.raises(TypeError, match=r"sigmoid.grad: the variable must be a name \(str\); got int"):
        get("sigmoid").grad(0)


def test_eval_rejects_a_missing_value():
    """eval without y_true names what is missing."""
    with pytest.raises(ValueError, match=r"mse\.eval: missing value for y_true; the variables are y_pred, y_true"):
        get("mse").eval(y_pred=1.0)


@pytest.mark.parametrize("bad", ["3", None, object(), [1.0, "a"]])
def test_eval_rejects_non_numeric_values(bad):
    """A non-numeric value raises TypeError naming the variable."""
    with pytest.raises(TypeError, match=r"sigmoid\.eval: x must be numeric"):
        get("sigmoid").eval(x=bad)


def test_eval_rejects_nan_and_empty():
    """NaN or an empty array raise ValueError naming the variable."""
    with pytest.raises(ValueError, match=r"tanh\.eval: x contains NaN"):
        get("tanh").eval(x=[0.0, math.nan])
    with pytest.raises(ValueError, match=r"tanh\.eval: x must not be empty"):
        get("tanh").eval(x=[])


@pytest.mark.parametrize(
    ("name", "values", "message"),
    [
        ("gaussian", {"x": 0.0, "sigma": 0.0}, r"gaussian.eval: sigma must be > 0; got 0.0"),
        ("binary_cross_entropy", {"y_pred": 1.5, "y_true": 1.0}, r"y_pred must be in \[0, 1\]; got 1.5"),
        ("bernoulli", {"x": 0.5, "p": 0.5}, r"bernoulli.eval: x must be 0 or 1; got 0.5"),
        ("leaky_relu", {"x": 1.0, "alpha": -1.0}, r"leaky_relu.eval: alpha must be >= 0; got -1.0"),
    ],
    ids=["positive", "unit_interval", "binary", "nonnegative"],
)
def test_eval_checks_domains(name, values, message):
    """A value outside its variable's domain raises ValueError stating the rule."""
    with pytest.raises(ValueError, match=message):
        get(name).eval(**values)


def test_eval_rejects_shapes_that_do_not_broadcast():
    """Shapes (3,) and (2,) raise ValueError naming both."""
    with pytest.raises(ValueError, match=r"mse.eval: y_pred is \(3,\), y_true is \(2,\); the shapes must broadcast"):
        get("mse").eval(y_pred=[1.0, 2.0, 3.0], y_true=[1.0, 2.0])


def test_softmax_needs_a_vector():
    """softmax of a matrix raises ValueError (it normalizes one vector)."""
    with pytest.raises(ValueError, match=r"softmax.eval: the input must be a vector \(1-D\); got shape \(2, 2\)"):
        get("softmax").eval(x=[[1.0, 2.0], [3.0, 4.0]])


def test_a_nan_result_raises_instead_of_returning():
    """The symbolic sigma'(x) overflows to inf/inf at x = -1000: ValueError, not a silent NaN."""
    with pytest.raises(ValueError, match=r"dsigmoid/dx.eval: the result is NaN"):
        get("sigmoid").grad("x").eval(x=-1000.0)


def test_the_jacobian_has_no_derivative():
    """grad of softmax's Jacobian raises ValueError."""
    with pytest.raises(ValueError, match=r"dsoftmax/dx\.grad: dsoftmax/dx is a Jacobian"):
        get("softmax").grad("x").grad("x")


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "message"),
    [
        ((3, "x", ("x",)), {}, TypeError, "Formula: name must be a non-empty string"),
        (("f", 3, ("x",)), {}, TypeError, "Formula: source must be a string or a SymPy expression; got int"),
        (("f", "x", "x"), {}, TypeError, r"Formula: variables must be a sequence of names"),
        (("f", "x", 3), {}, TypeError, r"Formula: variables must be a sequence of names"),
        (("f", "x", ("x", "x")), {}, ValueError, "Formula: variables must be non-empty and distinct"),
        (("f", "x", ("x",)), {"reduction": "max"}, ValueError, "Formula: reduction must be one of"),
        (("f", "x*y", ("x", "y")), {"reduction": "normalize"}, ValueError, "takes exactly one variable"),
        (("f", "x", ("x",)), {"defaults": {"y": 1.0}}, ValueError, "Formula: 'y' is not among the variables"),
        (("f", "x", ("x",)), {"domains": {"x": "odd"}}, ValueError, "Formula: domain of x must be one of"),
        (("f", "a*x", ("x", "a")), {"defaults": {"a": "1"}}, TypeError, r"Formula: defaults\['a'\] must be a real"),
    ],
    ids=[
        "name",
        "source",
        "variables",
        "variables-int",
        "duplicate",
        "reduction",
        "normalize",
        "defaults",
        "domain",
        "default-type",
    ],
)
def test_formula_rejects_bad_definitions(args, kwargs, error, message):
    """Formula(...) with a bad argument raises the matching error naming the argument."""
    with pytest.raises(error, match=message):
        Formula(*args, **kwargs)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("x +", r"Formula 'f': cannot parse 'x \+'"),
        ("x*y", r"Formula 'f': 'x\*y' uses y, which is not among its variables \(x\)"),
        ("x > 0", r"Formula 'f': 'x > 0' is not an expression"),
    ],
    ids=["syntax", "stray-symbol", "relation"],
)
def test_bad_sources_fail_on_first_use(source, message):
    """A source that does not parse to an expression in the variables raises ValueError on first use."""
    with pytest.raises(ValueError, match=message):
        Formula("f", source, ("x",)).eval(x=1.0)


def test_formula_displays_with_its_left_hand_side():
    """_repr_latex_ (notebooks, the site) shows name(variables) = formula."""
    from mathlib.formulas import get

    assert get("sigmoid")._repr_latex_() == r"$$\mathrm{sigmoid}(x) = \frac{1}{1 + e^{- x}}$$"


def test_derivative_displays_as_a_partial_derivative():
    """The derivative of a formula is shown as d(name)/d(variable) = ..."""
    from mathlib.formulas import get

    assert get("sigmoid").grad("x")._repr_latex_().startswith(r"$$\frac{\partial\, \mathrm{sigmoid}}{\partial x} = ")
