"""Tests for mathlib.initialization: the variance formulas, He's identity for ReLU, the spread, errors."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mathlib.activations import relu
from mathlib.initialization import activation_spread, he_init, naive_init, xavier_init
from mathlib.nn import Dense

INITS = [naive_init, xavier_init, he_init]


def second_moment_ratio(init, fan_in: int, seed: int) -> float:
    """E[a'^2] / E[a^2] for one ReLU layer drawn by init, on ReLU inputs, over a large seeded sample.

    2048 output units average away the randomness of the single weight draw: over seeds the
    ratio's spread is about 0.03 (measured for fan_in 4 to 256), so a bound of 0.2 is more
    than six spreads wide.
    """
    rng = np.random.default_rng(seed)
    a = relu(rng.standard_normal((256, fan_in)))
    a_next = relu(a @ init(fan_in, 2048, rng))
    return float(np.mean(a_next**2) / np.mean(a**2))


@pytest.mark.parametrize("init", INITS, ids=lambda f: f.__name__)
def test_shape_is_fan_in_by_fan_out(init):
    """Weights come in Dense's orientation, (fan_in, fan_out)."""
    assert init(7, 3, rng=0).shape == (7, 3)


def test_naive_variance_is_scale_squared():
    """naive_init draws N(0, scale²): its sample variance is scale² to within 1 %."""
    W = naive_init(1000, 1000, rng=0, scale=0.3)
    assert abs(W.var() / 0.09 - 1) < 0.01


def test_xavier_variance_is_two_over_fan_sum():
    """xavier_init draws N(0, 2/(fan_in + fan_out)): sample variance within 1 %."""
    W = xavier_init(1200, 800, rng=0)
    assert abs(W.var() / (2 / 2000) - 1) < 0.01


def test_he_variance_is_two_over_fan_in():
    """he_init draws N(0, 2/fan_in): sample variance within 1 %."""
    W = he_init(1000, 1000, rng=0)
    assert abs(W.var() / (2 / 1000) - 1) < 0.01


@pytest.mark.parametrize("init", INITS, ids=lambda f: f.__name__)
def test_weights_have_mean_zero(init):
    """Every initialisation is centred: the sample mean is within 5 standard errors of 0."""
    W = init(500, 400, rng=1)
    assert abs(W.mean()) < 5 * W.std() / np.sqrt(W.size)


def test_same_seed_same_weights():
    """The rng alone fixes the draw: the same seed gives the same array."""
    assert np.array_equal(he_init(5, 4, rng=3), he_init(5, 4, rng=3))


@pytest.mark.parametrize("activation, init", [("relu", he_init), ("leaky_relu", he_init), ("tanh", xavier_init)])
def test_dense_draws_the_same_weights(activation, init):
    """Dense(n_in, n_out, activation, rng=s) draws exactly init(n_in, n_out, rng=s): one rule, two places."""
    for seed in range(3):
        assert np.array_equal(Dense(6, 5, activation, rng=seed).W, init(6, 5, rng=seed))


@settings(max_examples=25, deadline=None)
@given(fan_in=st.integers(4, 256), seed=st.integers(0, 2**32 - 1))
def test_he_keeps_the_second_moment_through_relu(fan_in, seed):
    """He initialisation keeps E[a²] of ReLU activations from one layer to the next (ratio 1 ± 0.2)."""
    assert abs(second_moment_ratio(he_init, fan_in, seed) - 1) < 0.2


def test_the_he_bound_catches_a_missing_factor_two():
    """Planted fault: Var(w) = 1/fan_in (He without its factor 2) halves E[a²] and fails the bound."""

    def he_without_two(fan_in, fan_out, rng):
        return naive_init(fan_in, fan_out, rng, scale=np.sqrt(1 / fan_in))

    assert abs(second_moment_ratio(he_without_two, 64, 0) - 0.5) < 0.2
    assert abs(second_moment_ratio(he_without_two, 64, 0) - 1) >= 0.2


def test_linear_layers_with_variance_one_over_n_keep_the_spread():
    """With Var(w) = 1/n and no activation, Var(Σ w x) = n Var(w) Var(x) = 1 at every layer."""
    keep = lambda i, o, r: naive_init(i, o, r, scale=np.sqrt(1 / i))  # noqa: E731
    spread = activation_spread([500] * 6, keep, "linear", rng=0)
    assert np.all(np.abs(spread - 1) < 0.1)


def test_relu_spread_shrinks_by_the_predicted_factor_under_xavier():
    """ReLU with Xavier on equal widths halves E[a²] per layer: the std falls by about 1/√2 per layer."""
    spread = activation_spread([400] * 11, xavier_init, "relu", rng=0)
    factor = (spread[-1] / spread[0]) ** (1 / 9)
    assert abs(factor - 1 / np.sqrt(2)) < 0.03


def test_relu_spread_holds_under_he():
    """ReLU with He keeps the spread level: layer 10 is within a factor 1.5 of layer 1."""
    spread = activation_spread([400] * 11, he_init, "relu", rng=0)
    assert 1 / 1.5 < spread[-1] / spread[0] < 1.5


def test_spread_has_one_entry_per_layer():
    """activation_spread returns L values for widths n_0 … n_L."""
    assert activation_spread([3, 4, 5, 6], he_init, "tanh", rng=0, n_samples=10).shape == (3,)


def test_spread_is_seeded():
    """The same rng seed gives the same spreads."""
    args = ([8, 8, 8], xavier_init, "tanh")
    assert np.array_equal(activation_spread(*args, rng=2), activation_spread(*args, rng=2))


@pytest.mark.parametrize("init", INITS, ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    "fans, error, message",
    [
        ((0, 3), ValueError, "fan_in must be >= 1; got 0"),
        ((3, -1), ValueError, "fan_out must be >= 1; got -1"),
        ((2.5, 3), TypeError, "fan_in must be an integer; got float"),
        ((True, 3), TypeError, "fan_in must be an integer; got bool"),
    ],
)
def test_bad_fans_raise_naming_the_function_and_argument(init, fans, error, message):
    """A fan that is not an integer >= 1 raises, naming the function and the fan."""
    with pytest.raises(error, match=rf"^{init.__name__}: {message}"):
        init(*fans, rng=0)


@pytest.mark.parametrize("init", INITS, ids=lambda f: f.__name__)
def test_bad_rng_raises(init):
    """An rng that is neither a Generator nor an int seed raises TypeError naming the function."""
    with pytest.raises(TypeError, match=rf"^{init.__name__}: rng must be a numpy.random.Generator or an int seed"):
        init(2, 2, rng="seed")


@pytest.mark.parametrize("scale", [0.0, -1.0, float("inf")])
def test_bad_scale_raises(scale):
    """naive_init's scale must be finite and > 0."""
    with pytest.raises(ValueError, match=r"^naive_init: scale must be"):
        naive_init(2, 2, rng=0, scale=scale)


@pytest.mark.parametrize(
    "kwargs, error, message",
    [
        (dict(widths=[4]), ValueError, "widths must hold at least 2 sizes"),
        (dict(widths="44"), TypeError, "widths must be a list of layer sizes; got str"),
        (dict(widths=[4, 0]), ValueError, r"widths\[1\] must be >= 1; got 0"),
        (dict(init="he"), TypeError, "init must be callable; got str"),
        (dict(activation="swish"), ValueError, "activation must be one of"),
        (dict(activation=3), TypeError, "activation must be a string"),
        (dict(n_samples=0), ValueError, "n_samples must be >= 1; got 0"),
    ],
)
def test_activation_spread_bad_input_raises(kwargs, error, message):
    """Bad widths, init, activation or n_samples raise, naming activation_spread and the argument."""
    args = dict(widths=[4, 4], init=he_init, activation="relu", rng=0) | kwargs
    with pytest.raises(error, match=rf"^activation_spread: {message}"):
        activation_spread(**args)


def test_init_of_the_wrong_shape_raises_naming_both_shapes():
    """An init that returns (fan_out, fan_in) is caught, with both shapes in the message."""
    transposed = lambda i, o, r: he_init(o, i, r)  # noqa: E731
    with pytest.raises(ValueError, match=r"^activation_spread: init\(4, 3, rng\) returned shape \(3, 4\); .*\(4, 3\)"):
        activation_spread([4, 3], transposed, "relu", rng=0)
