"""Bad input gets a clear error: one table, every module, each message matched.

Each row is a call a reader could plausibly get wrong, the error it must raise, and a
pattern its message must match: the function's name, the argument and, for shapes, both
shapes and the rule.
"""

import re

import numpy as np
import pytest

from mathlib import (
    activations,
    autograd,
    calculus,
    datasets,
    descent,
    formulas,
    information,
    linalg,
    losses,
    nn,
    plotting,
    probability,
)

M23 = [[1, 2, 3], [4, 5, 6]]

CASES = [
    # linear algebra: shapes, types, singular and non-square matrices
    (
        lambda: linalg.matmul(M23, M23),
        ValueError,
        "matmul: A is (2, 3) and B is (2, 3); A's columns (3) must equal B's rows (2)",
    ),
    (
        lambda: linalg.dot([1, 2, 3], [1, 2]),
        ValueError,
        "dot: a is (3,) and b is (2,); both vectors must have the same length",
    ),
    (lambda: linalg.dot("abc", [1, 2]), TypeError, "dot: a must be numeric"),
    (lambda: linalg.dot([], []), ValueError, "dot: a must not be empty"),
    (
        lambda: linalg.hadamard([[1, 2]], [[1], [2]]),
        ValueError,
        "hadamard: A is (1, 2) and B is (2, 1); they must have the same shape",
    ),
    (lambda: linalg.inverse(M23), ValueError, "inverse: A is non-square with shape (2, 3)"),
    (lambda: linalg.inverse([[1, 2], [2, 4]]), ValueError, "inverse: A is singular"),
    (lambda: linalg.transpose([1, 2]), ValueError, "transpose: A must be a 2-D matrix; got shape (2,)"),
    (
        lambda: linalg.solve_normal_equation([[1, 2], [3, 4], [5, 6]], [1, 2]),
        ValueError,
        "solve_normal_equation: X is (3, 2) and y is (2,); X's rows (3) must equal y's rows (2)",
    ),
    # calculus and descent: callables, step sizes, shapes, divergence
    (lambda: calculus.derivative(3, 1.0), TypeError, "derivative: f must be callable; got int"),
    (lambda: calculus.derivative(lambda x: x, 1.0, h=0), ValueError, "derivative: h must be > 0"),
    (lambda: calculus.gradient(lambda x: x.sum(), [np.nan, 1]), ValueError, "gradient: x contains NaN"),
    (lambda: calculus.jacobian(lambda x: x, [[1, 2]]), ValueError, "jacobian: x must be 1-D; got shape (1, 2)"),
    (lambda: calculus.hessian(None, [1.0]), TypeError, "hessian: f must be callable; got NoneType"),
    (
        lambda: calculus.gradient_check(lambda x: (x**2).sum(), lambda x: np.zeros(3), np.ones(2)),
        ValueError,
        "gradient_check: grad_f(x) is (3,) and x is (2,)",
    ),
    (
        lambda: descent.gradient_descent(lambda w: 2 * w, 5.0, lr=-0.1, steps=3),
        ValueError,
        "gradient_descent: lr must be > 0",
    ),
    (
        lambda: descent.gradient_descent(lambda w: 2 * w, 5.0, lr=0.1, steps=0),
        ValueError,
        "gradient_descent: steps must be >= 1",
    ),
    (
        lambda: descent.gradient_descent(lambda w: 2 * w, 5.0, lr=0.1, steps=2.5),
        TypeError,
        "gradient_descent: steps must be an integer",
    ),
    (
        lambda: descent.gradient_descent(lambda w: 2 * w, 5.0, lr=5, steps=2000),
        ValueError,
        "gradient_descent: diverged at step \\d+ of 2000 with lr=5.0",
    ),
    # activations
    (lambda: activations.sigmoid("x"), TypeError, "sigmoid: z must be numeric"),
    (lambda: activations.softmax(1.0), ValueError, "softmax: z must be at least 1-D"),
    (
        lambda: activations.softmax([1.0, 2.0], axis=3),
        ValueError,
        "softmax: axis 3 is out of range for z of shape (2,)",
    ),
    (lambda: activations.leaky_relu(1.0, alpha="a"), TypeError, "leaky_relu: alpha must be a real number"),
    (lambda: activations.relu([]), ValueError, "relu: z must not be empty"),
    # losses: shapes, probabilities outside [0, 1], class indices
    (
        lambda: losses.mse([1, 2, 3], [1, 2]),
        ValueError,
        "mse: y is (3,) and y_hat is (2,); they must have the same shape",
    ),
    (lambda: losses.mae([], []), ValueError, "mae: y must not be empty"),
    (
        lambda: losses.binary_cross_entropy([1, 0], [1.5, 0.2]),
        ValueError,
        "binary_cross_entropy: p must lie in [0, 1]; got 1.5",
    ),
    (
        lambda: losses.binary_cross_entropy([2, 0], [0.5, 0.2]),
        ValueError,
        "binary_cross_entropy: y must lie in [0, 1]; got 2.0",
    ),
    (
        lambda: losses.cross_entropy([0, 5], [[0.5, 0.5], [0.5, 0.5]]),
        ValueError,
        "cross_entropy: y holds class indices",
    ),
    (
        lambda: losses.softmax_cross_entropy([[1, 2], [3, 4]], [0, 1, 1]),
        ValueError,
        "softmax_cross_entropy: y is (3,) and the predictions are (2, 2)",
    ),
    # probability: sigma <= 0, probabilities and outcomes out of range
    (lambda: probability.gaussian_pdf(1.0, 0.0, 0.0), ValueError, "gaussian_pdf: sigma must be > 0; got 0.0"),
    (lambda: probability.gaussian_pdf(1.0, 0.0, -1.0), ValueError, "gaussian_pdf: sigma must be > 0; got -1.0"),
    (lambda: probability.bernoulli_pmf(1, 1.5), ValueError, "bernoulli_pmf: p must lie in [0, 1]; got 1.5"),
    (lambda: probability.bernoulli_pmf(2, 0.5), ValueError, "bernoulli_pmf: x must hold only 0 and 1"),
    (lambda: probability.bayes(1.2, 0.5, 0.5), ValueError, "bayes: prior must lie in [0, 1]; got 1.2"),
    (lambda: probability.bernoulli_mle([]), ValueError, "bernoulli_mle: x must not be empty"),
    (lambda: probability.gaussian_mle("abc"), TypeError, "gaussian_mle: x must be numeric"),
    (
        lambda: probability.bernoulli_log_likelihood([1, 0], -0.1),
        ValueError,
        "bernoulli_log_likelihood: p must lie in [0, 1]",
    ),
    # information theory: distributions that are not distributions
    (
        lambda: information.entropy([0.5, 0.6]),
        ValueError,
        "entropy: p must sum to 1 \\(within atol 1e-06\\); it sums to 1.1",
    ),
    (lambda: information.entropy([1.5, -0.5]), ValueError, "entropy: p must be non-negative"),
    (
        lambda: information.kl_divergence([0.5, 0.5], [0.2, 0.3, 0.5]),
        ValueError,
        "kl_divergence: p is (2,) and q is (3,)",
    ),
    (
        lambda: information.cross_entropy([0.5, 0.5], [0.5, 0.5], base=1),
        ValueError,
        "cross_entropy: base must be finite and > 1",
    ),
    # autograd
    (lambda: autograd.Value("x"), TypeError, "Value: data must be a real number; got str"),
    (lambda: autograd.Value(-1.0).log(), ValueError, "Value.log: data must be > 0; got -1.0"),
    (lambda: autograd.Value(2.0) ** autograd.Value(2.0), TypeError, "Value.__pow__: the exponent must be a constant"),
    (lambda: autograd.to_mermaid(1.0), TypeError, "to_mermaid: root must be a Value; got float"),
    (lambda: autograd.draw(1.0), TypeError, "draw: root must be a Value; got float"),
    # data sets and Indian number formatting
    (lambda: datasets.format_inr("12"), TypeError, "format_inr: the number must be a real number"),
    (lambda: datasets.format_inr(float("nan")), ValueError, "format_inr: the number is NaN"),
    (
        lambda: datasets.paytm_churn(10, rng=None),
        TypeError,
        "paytm_churn: rng must be a numpy.random.Generator or an int seed",
    ),
    (lambda: datasets.paytm_churn(0, rng=1), ValueError, "paytm_churn: n must be >= 1"),
    # formulas
    (lambda: formulas.get("sigmod"), ValueError, "get: no formula named 'sigmod'; did you mean 'sigmoid'"),
    (lambda: formulas.get("sigmoid").eval(), ValueError, "sigmoid.eval: missing value for x"),
    (lambda: formulas.get("sigmoid").grad("q"), ValueError, "sigmoid.grad: unknown variable 'q'"),
    (lambda: formulas.get("sigmoid").eval(x="a"), TypeError, "sigmoid.eval: x must be numeric"),
    # neural networks
    (lambda: nn.Dense(2, 3, activation="swish", rng=0), ValueError, "Dense: activation must be one of"),
    (
        lambda: nn.Dense(2, 3, rng=0).forward(np.ones((4, 3))),
        ValueError,
        "Dense.forward: X is (4, 3) and W is (2, 3); X's columns (3) must equal W's rows (2)",
    ),
    (lambda: nn.MLP([2], [], rng=0), ValueError, "MLP: sizes needs at least 2 entries"),
    (lambda: nn.MLP([2, 3, 1], ["relu"], rng=0), ValueError, "MLP: sizes has 3 entries, so activations needs 2"),
    (
        lambda: nn.MLP([2, 3, 1], ["relu", "sigmoid"], rng=None),
        TypeError,
        "MLP: rng must be a numpy.random.Generator or an int seed",
    ),
    (lambda: nn.SGD(lr=0), ValueError, "SGD: lr must be finite and > 0"),
    (
        lambda: list(nn.minibatches(np.ones((4, 2)), np.ones(3), 2, rng=0)),
        ValueError,
        "minibatches: X is (4, 2) and y is (3,)",
    ),
    (lambda: nn.dropout(np.ones(3), 1.0, rng=0), ValueError, "dropout: p must lie in [0, 1)"),
    # plotting
    (
        lambda: plotting.plot_function(lambda x: x, (0, 1), alt=""),
        ValueError,
        "plot_function: alt must be a non-empty description",
    ),
    (lambda: plotting.plot_function(lambda x: x, (1, 0)), ValueError, "plot_function: x_range must have low < high"),
    (lambda: plotting.plot_tangent(3, 1.0, (0, 2)), TypeError, "plot_tangent: f must be callable; got int"),
]


def _id(case):
    return case[2].split(":")[0] + ": " + case[2].split(":", 1)[1][:40].strip()


def test_the_table_is_large_enough():
    """At least 40 bad-input cases are covered, across every module."""
    assert len(CASES) >= 40


@pytest.mark.parametrize(("call", "error", "pattern"), CASES, ids=[_id(c) for c in CASES])
def test_bad_input_raises_a_clear_error(call, error, pattern):
    """The call raises the right error type, and its message names function, argument and rule."""
    with pytest.raises(error) as info:
        call()
    assert type(info.value) is error
    message = str(info.value)
    assert re.search(pattern if "\\" in pattern else re.escape(pattern), message), message
