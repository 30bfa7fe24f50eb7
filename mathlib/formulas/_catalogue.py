r"""The formulas of the registry, one definition each.

Variable order is the order written here: the prediction before the target
(``y_pred, y_true``), the variable before its parameters (``x, mu, sigma``).
Losses print ``y_pred`` as $\hat y$ and ``y_true`` as $y$.
"""

from __future__ import annotations

from mathlib.formulas._formula import Formula

__all__: list[str] = []  # private module

_LOSS_NAMES = {"y_pred": r"\hat{y}", "y_true": "y"}
_PROBABILITIES = {"y_pred": "unit_interval", "y_true": "unit_interval"}

FORMULAS = (
    Formula(
        "sigmoid",
        "1/(1 + exp(-x))",
        ("x",),
        description="The logistic sigmoid squashes any real number into (0, 1).",
        uses="the output of a binary classifier, read as a probability; the gates of LSTM and GRU cells.",
        derivative_note="which simplifies to sigmoid(x)*(1 - sigmoid(x)).",
        tags=("activation", "probability", "logistic", "squashing"),
        aliases=("logistic",),
    ),
    Formula(
        "tanh",
        "tanh(x)",
        ("x",),
        description="The hyperbolic tangent squashes any real number into (-1, 1), centred on 0.",
        uses="hidden layers of classic multilayer perceptrons and recurrent networks.",
        tags=("activation", "hyperbolic", "squashing"),
    ),
    Formula(
        "relu",
        "Piecewise((x, x > 0), (0, True))",
        ("x",),
        description="The rectified linear unit passes positive inputs and zeroes the rest.",
        uses="the default activation of hidden layers in deep networks.",
        derivative_note="taken as 0 at x = 0, as mathlib.activations.relu_grad does.",
        tags=("activation", "piecewise", "rectifier"),
    ),
    Formula(
        "leaky_relu",
        "Piecewise((x, x > 0), (alpha*x, True))",
        ("x", "alpha"),
        defaults={"alpha": 0.01},
        domains={"alpha": "nonnegative"},
        description="Leaky ReLU passes positive inputs and scales the rest by a small slope alpha.",
        uses="hidden layers, where it keeps a gradient alive for negative inputs (no dead units).",
        tags=("activation", "piecewise", "rectifier"),
    ),
    Formula(
        "softmax",
        "exp(x)",
        ("x",),
        reduction="normalize",
        description="Softmax turns a vector of scores into probabilities that sum to 1.",
        uses="the output layer of a multi-class classifier, and attention weights.",
        tags=("activation", "probability", "vector", "multiclass"),
    ),
    Formula(
        "quadratic",
        "x**2",
        ("x",),
        description="The square of x: the simplest bowl-shaped function, with its minimum at 0.",
        uses="the textbook example for derivatives and gradient descent; the square inside MSE.",
        tags=("calculus", "example", "parabola"),
        aliases=("square",),
    ),
    Formula(
        "mse",
        "(y_pred - y_true)**2",
        ("y_pred", "y_true"),
        reduction="mean",
        latex_names=_LOSS_NAMES,
        description="Mean squared error: the average squared gap between predictions and targets.",
        uses="the loss of regression networks.",
        tags=("loss", "regression", "squared"),
        aliases=("mean_squared_error",),
    ),
    Formula(
        "mae",
        "Abs(y_pred - y_true)",
        ("y_pred", "y_true"),
        reduction="mean",
        latex_names=_LOSS_NAMES,
        description="Mean absolute error: the average absolute gap between predictions and targets.",
        uses="a regression loss that outliers sway less than MSE.",
        derivative_note="sign(0) = 0 where the prediction hits the target.",
        tags=("loss", "regression", "absolute", "l1"),
        aliases=("mean_absolute_error",),
    ),
    Formula(
        "binary_cross_entropy",
        "-(y_true*log(y_pred) + (1 - y_true)*log(1 - y_pred))",
        ("y_pred", "y_true"),
        reduction="mean",
        domains=_PROBABILITIES,
        latex_names=_LOSS_NAMES,
        description="Binary cross-entropy: the average negative log-likelihood of 0/1 labels.",
        uses="the loss of binary classifiers with a sigmoid output.",
        tags=("loss", "classification", "log-likelihood", "information"),
        aliases=("bce", "log_loss"),
    ),
    Formula(
        "cross_entropy",
        "-y_true*log(y_pred)",
        ("y_pred", "y_true"),
        reduction="sum",
        domains=_PROBABILITIES,
        latex_names=_LOSS_NAMES,
        description="Cross-entropy of a predicted distribution against the true one (one sample).",
        uses="the loss of multi-class classifiers with a softmax output (y_true one-hot).",
        tags=("loss", "classification", "information", "multiclass"),
        aliases=("categorical_cross_entropy", "ce"),
    ),
    Formula(
        "entropy",
        "-p*log(p)",
        ("p",),
        reduction="sum",
        domains={"p": "unit_interval"},
        description="Shannon entropy: the average surprise of a distribution, in nats.",
        uses="measuring uncertainty of predictions; entropy bonuses in reinforcement learning.",
        tags=("information", "uncertainty", "shannon"),
    ),
    Formula(
        "kl_divergence",
        "p*log(p/q)",
        ("p", "q"),
        reduction="sum",
        domains={"p": "unit_interval", "q": "unit_interval"},
        description="Kullback-Leibler divergence: the extra surprise of believing q when p is true.",
        uses="the regulariser of variational autoencoders and knowledge distillation.",
        tags=("information", "divergence", "distance"),
        aliases=("kl", "relative_entropy"),
    ),
    Formula(
        "gaussian",
        "exp(-(x - mu)**2/(2*sigma**2))/(sqrt(2*pi)*sigma)",
        ("x", "mu", "sigma"),
        defaults={"mu": 0.0, "sigma": 1.0},
        domains={"sigma": "positive"},
        description="The Gaussian (normal) density, a bell curve with mean mu and spread sigma.",
        uses="weight initialisation, noise models, and the latent space of VAEs.",
        tags=("probability", "density", "distribution", "normal"),
        aliases=("normal", "gaussian_pdf"),
    ),
    Formula(
        "bernoulli",
        "p**x*(1 - p)**(1 - x)",
        ("x", "p"),
        domains={"x": "binary", "p": "unit_interval"},
        description="The Bernoulli probability of an outcome x (0 or 1) that is 1 with probability p.",
        uses="the model behind binary cross-entropy: a sigmoid output is its p.",
        tags=("probability", "distribution", "binary", "coin"),
        aliases=("bernoulli_pmf",),
    ),
)
