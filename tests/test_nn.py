"""Tests for mathlib.nn: every gradient against central finite differences, training, errors."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import mathlib
from mathlib.losses import binary_cross_entropy, cross_entropy, mse
from mathlib.nn import (
    ACTIVATIONS,
    LOSSES,
    MLP,
    SGD,
    Adam,
    Dense,
    DivergenceError,
    History,
    Momentum,
    dropout,
    dropout_mask,
    minibatches,
    train,
)

H = 1e-6  # central differences: truncation O(h^2) ~ 1e-12, rounding O(eps/h) ~ 1e-10
XOR_X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_y = np.array([0.0, 1.0, 1.0, 0.0])


def numeric_gradient(f, x: np.ndarray) -> np.ndarray:
    """Central differences of the scalar f() in every entry of the array x, perturbed in place."""
    grad = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        old = x[index]
        x[index] = old + H
        up = f()
        x[index] = old - H
        down = f()
        x[index] = old
        grad[index] = (up - down) / (2 * H)
    return grad


def assert_matches_finite_differences(model: MLP, f, grads: list[np.ndarray]) -> None:
    """Each analytic gradient equals the central differences of f in its parameter."""
    for param, grad in zip(model.parameters(), grads, strict=True):
        np.testing.assert_allclose(grad, numeric_gradient(f, param), rtol=1e-5, atol=1e-7)


def randomise_biases(model: MLP, rng: np.random.Generator) -> None:
    """Non-zero biases, so that no ReLU pre-activation sits exactly on its kink."""
    for layer in model.layers:
        layer.b[:] = rng.normal(size=layer.b.shape)


def targets(loss: str, n: int, k: int, rng: np.random.Generator) -> np.ndarray:
    """Random targets that suit ``loss`` for n samples and k outputs."""
    if loss == "softmax_ce":
        return rng.integers(0, k, size=n)
    if loss == "bce":
        return rng.integers(0, 2, size=(n, k)).astype(float)
    return rng.normal(size=(n, k))


def check_mlp_gradients(model: MLP, X, y, loss: str, *, masks=None) -> None:
    """loss_and_grads' gradients equal finite differences of its loss (dropout masks replayed)."""
    _, grads = model.loss_and_grads(X, y, loss=loss, masks=masks)
    grads = [g.copy() for g in grads]
    replay = model.masks if model.dropout > 0 else masks
    assert_matches_finite_differences(model, lambda: model.loss_and_grads(X, y, loss=loss, masks=replay)[0], grads)


# ---- Dense: values, initialisation, gradients ---------------------------------------------


def test_dense_forward_analytic():
    """XW + b for X = [[1, 2], [3, 4]], W = [[1, 0, 1], [0, 1, 1]], b = (0, 1, -1) is [[1, 3, 2], [3, 5, 6]]."""
    layer = Dense.from_params([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]], [0.0, 1.0, -1.0], activation="linear")
    assert layer.forward([[1.0, 2.0], [3.0, 4.0]]).tolist() == [[1.0, 3.0, 2.0], [3.0, 5.0, 6.0]]


def test_dense_sigmoid_of_zero_pre_activation_is_one_half():
    """With W = 0 and b = 0 every sigmoid unit outputs σ(0) = 1/2."""
    layer = Dense.from_params(np.zeros((3, 2)), np.zeros(2), activation="sigmoid")
    assert layer.forward(np.ones((4, 3))).tolist() == [[0.5, 0.5]] * 4


def test_dense_shapes_and_zero_biases():
    """Dense(5, 3) has W of shape (5, 3), b = 0 of shape (3,), and maps (n, 5) to (n, 3)."""
    layer = Dense(5, 3, "tanh", rng=0)
    assert layer.W.shape == (5, 3) and layer.b.tolist() == [0.0, 0.0, 0.0]
    assert layer.forward(np.ones((7, 5))).shape == (7, 3)
    assert (layer.n_in, layer.n_out) == (5, 3) and "tanh" in repr(layer)


@pytest.mark.parametrize(
    ("activation", "std"),
    [("relu", math.sqrt(2 / 400)), ("leaky_relu", math.sqrt(2 / 400)), ("tanh", math.sqrt(2 / 800))],
)
def test_dense_initial_weight_scale(activation, std):
    """He init (std √(2/n_in)) for the ReLU family, Glorot (std √(2/(n_in + n_out))) otherwise."""
    W = Dense(400, 400, activation, rng=0).W
    assert abs(W.std() / std - 1) < 0.01  # 160,000 draws: the sample std is within ~0.2%
    assert abs(W.mean()) < 5 * std / 400


def test_dense_same_seed_same_weights():
    """An int seed and a Generator made from it give the same weights; other seeds differ."""
    assert np.array_equal(Dense(3, 4, rng=7).W, Dense(3, 4, rng=np.random.default_rng(7)).W)
    assert not np.array_equal(Dense(3, 4, rng=7).W, Dense(3, 4, rng=8).W)


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_dense_gradients_match_finite_differences(activation):
    """For L = Σ R ⊙ A, backward(R) gives dX, and stores dW and db, equal to finite differences."""
    rng = np.random.default_rng(1)
    layer = Dense(4, 3, activation, rng=rng)
    layer.b[:] = rng.normal(size=3)
    X, R = rng.normal(size=(5, 4)), rng.normal(size=(5, 3))

    def loss():
        return float(np.sum(R * layer.forward(X)))

    loss()
    dX = layer.backward(R)
    for param, grad in ((layer.W, layer.dW), (layer.b, layer.db), (X, dX)):
        np.testing.assert_allclose(grad, numeric_gradient(loss, param), rtol=1e-6, atol=1e-8)


def test_dense_backward_analytic_relu():
    """ReLU passes the gradient where Z > 0 only: Z = (1.5, -1) lets through dA's first entry."""
    layer = Dense.from_params(np.eye(2), [0.5, -3.0], activation="relu")
    layer.forward([[1.0, 2.0]])
    assert layer.backward([[1.0, 1.0]]).tolist() == [[1.0, 0.0]]
    assert layer.dW.tolist() == [[1.0, 0.0], [2.0, 0.0]] and layer.db.tolist() == [1.0, 0.0]


def test_dense_backward_z_skips_the_activation():
    """backward_z(dZ) equals backward(dA) when dZ = dA ⊙ f'(Z), for a tanh layer."""
    rng = np.random.default_rng(2)
    layer = Dense(3, 2, "tanh", rng=rng)
    X, dA = rng.normal(size=(4, 3)), rng.normal(size=(4, 2))
    layer.forward(X)
    Z = X @ layer.W + layer.b
    dX = layer.backward(dA)
    dW = layer.dW.copy()
    np.testing.assert_allclose(layer.backward_z(dA * (1 - np.tanh(Z) ** 2)), dX, rtol=1e-12)
    np.testing.assert_allclose(layer.dW, dW, rtol=1e-12)


def test_dense_overflow_is_reported_as_divergence():
    """A pre-activation that overflows raises DivergenceError (a ValueError), with no warning."""
    layer = Dense.from_params([[1e300]], [0.0])
    with pytest.raises(ValueError, match=r"Dense.forward: Z = XW \+ b has entries that are inf"):
        layer.forward([[1e300]])
    assert issubclass(DivergenceError, ValueError)


def test_dense_input_errors():
    """Bad sizes, names, rngs and inputs raise errors naming the function and argument."""
    with pytest.raises(ValueError, match=r"Dense: n_in must be >= 1"):
        Dense(0, 2, rng=0)
    with pytest.raises(TypeError, match=r"Dense: n_out must be an integer"):
        Dense(2, 2.5, rng=0)
    with pytest.raises(ValueError, match=r"Dense: activation must be one of"):
        Dense(2, 2, "swish", rng=0)
    with pytest.raises(TypeError, match=r"Dense: activation must be a string"):
        Dense(2, 2, 3, rng=0)
    with pytest.raises(TypeError, match=r"Dense: rng must be a numpy.random.Generator or an int seed; got str"):
        Dense(2, 2, rng="0")
    with pytest.raises(TypeError, match=r"Dense: rng must be"):
        Dense(2, 2, rng=True)
    with pytest.raises(ValueError, match=r"Dense: rng as a seed must be >= 0"):
        Dense(2, 2, rng=-1)


def test_dense_forward_shape_error_names_both_shapes_and_the_rule():
    """X with 3 columns into a layer with 2 inputs names (4, 3), (2, 5) and the rule."""
    layer = Dense(2, 5, rng=0)
    with pytest.raises(
        ValueError, match=r"Dense.forward: X is \(4, 3\) and W is \(2, 5\); X's columns \(3\) must equal W's rows \(2\)"
    ):
        layer.forward(np.ones((4, 3)))
    with pytest.raises(ValueError, match=r"Dense.forward: X must be 2-D"):
        layer.forward([1.0, 2.0])
    with pytest.raises(ValueError, match=r"Dense.forward: X contains NaN"):
        layer.forward([[np.nan, 1.0]])
    with pytest.raises(ValueError, match=r"Dense.forward: X must be finite"):
        layer.forward([[np.inf, 1.0]])


def test_dense_backward_errors():
    """backward before forward is a RuntimeError; a mis-shaped dA or dZ names both shapes."""
    layer = Dense(2, 3, rng=0)
    with pytest.raises(RuntimeError, match=r"Dense.backward: call forward first"):
        layer.backward(np.ones((1, 3)))
    with pytest.raises(RuntimeError, match=r"Dense.backward_z: call forward first"):
        layer.backward_z(np.ones((1, 3)))
    layer.forward(np.ones((4, 2)))
    with pytest.raises(
        ValueError, match=r"Dense.backward: dA is \(4, 2\) and the output A of the last forward is \(4, 3\)"
    ):
        layer.backward(np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"Dense.backward_z: dZ is \(1, 3\) and the pre-activation Z"):
        layer.backward_z(np.ones((1, 3)))


def test_dense_from_params_errors():
    """from_params names both shapes when b's length is not W's column count."""
    with pytest.raises(
        ValueError, match=r"Dense.from_params: W is \(2, 3\) and b is \(2,\); b's length \(2\) must equal"
    ):
        Dense.from_params(np.ones((2, 3)), np.ones(2))
    with pytest.raises(ValueError, match=r"Dense.from_params: W must be finite"):
        Dense.from_params([[np.inf]], [0.0])


# ---- MLP: gradients against finite differences --------------------------------------------


@pytest.mark.parametrize(
    ("sizes", "activations", "loss"),
    [
        ([3, 5, 2], ["tanh", "linear"], "mse"),
        ([3, 4, 2], ["relu", "sigmoid"], "mse"),
        ([3, 4, 3], ["sigmoid", "softmax"], "mse"),
        ([3, 4, 2], ["leaky_relu", "sigmoid"], "bce"),
        ([3, 5, 4, 3], ["relu", "tanh", "softmax"], "softmax_ce"),
        ([2, 1], ["sigmoid"], "bce"),
    ],
)
def test_mlp_gradients_match_finite_differences(sizes, activations, loss):
    """loss_and_grads' gradients equal central differences of its loss, for each loss and output."""
    rng = np.random.default_rng(3)
    model = MLP(sizes, activations, rng=rng)
    randomise_biases(model, rng)
    X = rng.normal(size=(6, sizes[0]))
    check_mlp_gradients(model, X, targets(loss, 6, sizes[-1], rng), loss)


def test_mlp_softmax_ce_accepts_one_hot_targets():
    """Class indices and the same classes one-hot give the same loss and gradients."""
    model = MLP([2, 3], ["softmax"], rng=0)
    X, labels = np.array([[1.0, 2.0], [0.5, -1.0]]), np.array([2, 0])
    loss_a, grads_a = model.loss_and_grads(X, labels, loss="softmax_ce")
    grads_a = [g.copy() for g in grads_a]
    loss_b, grads_b = model.loss_and_grads(X, np.eye(3)[labels], loss="softmax_ce")
    assert loss_a == loss_b and all(np.array_equal(a, b) for a, b in zip(grads_a, grads_b, strict=True))


def test_mlp_weight_decay_gradients_match_finite_differences():
    """With λ = 0.3 the gradients of data loss + (λ/2)ΣW² equal finite differences."""
    rng = np.random.default_rng(4)
    model = MLP([3, 4, 2], ["tanh", "sigmoid"], rng=rng, weight_decay=0.3)
    randomise_biases(model, rng)
    check_mlp_gradients(model, rng.normal(size=(5, 3)), targets("bce", 5, 2, rng), "bce")


def test_weight_decay_adds_half_lambda_sum_of_squares_and_lambda_w():
    """λ adds (λ/2)ΣW² to the loss and λW to each dW, and leaves the biases' gradients alone."""
    rng = np.random.default_rng(5)
    X, y = rng.normal(size=(4, 3)), rng.normal(size=(4, 2))
    plain = MLP([3, 4, 2], ["tanh", "linear"], rng=9)
    decayed = MLP([3, 4, 2], ["tanh", "linear"], rng=9, weight_decay=0.5)
    loss0, grads0 = plain.loss_and_grads(X, y)
    loss1, grads1 = decayed.loss_and_grads(X, y)
    penalty = 0.25 * sum(np.sum(layer.W**2) for layer in plain.layers)
    assert math.isclose(loss1, loss0 + penalty, rel_tol=1e-12)
    for i, (g0, g1, W) in enumerate(zip(grads0, grads1, plain.parameters(), strict=True)):
        expected = g0 + 0.5 * W if i % 2 == 0 else g0
        np.testing.assert_allclose(g1, expected, rtol=1e-12, atol=1e-15)


def test_mlp_dropout_gradients_match_finite_differences():
    """With dropout the gradients equal finite differences of the loss with the masks held fixed."""
    rng = np.random.default_rng(6)
    model = MLP([3, 6, 5, 2], ["relu", "tanh", "linear"], rng=rng, dropout=0.4)
    randomise_biases(model, rng)
    X, y = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    check_mlp_gradients(model, X, y, "mse")
    assert any((mask == 0).any() for mask in model.masks)  # dropout really dropped units


def test_mlp_given_masks_are_replayed():
    """forward(training=True, masks=...) multiplies each hidden output by the given mask."""
    model = MLP([2, 3, 1], ["tanh", "linear"], rng=0, dropout=0.5)
    X = np.array([[0.3, -0.7]])
    mask = np.array([[2.0, 0.0, 2.0]])
    hidden = np.tanh(X @ model.layers[0].W + model.layers[0].b)
    expected = (hidden * mask) @ model.layers[1].W + model.layers[1].b
    np.testing.assert_allclose(model.forward(X, training=True, masks=[mask]), expected, rtol=1e-12)
    assert model.masks[0].tolist() == mask.tolist()


hidden_names = st.sampled_from(ACTIVATIONS)
output_for = {"mse": hidden_names, "bce": st.just("sigmoid"), "softmax_ce": st.just("softmax")}


@st.composite
def small_networks(draw):
    loss = draw(st.sampled_from(LOSSES))
    sizes = draw(st.lists(st.integers(1, 4), min_size=2, max_size=4))
    activations = [draw(hidden_names) for _ in sizes[2:]] + [draw(output_for[loss])]
    options = {"weight_decay": draw(st.sampled_from([0.0, 0.1])), "dropout": draw(st.sampled_from([0.0, 0.3]))}
    return sizes, activations, loss, options, draw(st.integers(0, 2**32 - 1)), draw(st.integers(1, 5))


@settings(max_examples=60, deadline=None)
@given(small_networks())
def test_random_small_mlps_gradients_match_finite_differences(network):
    """Property: for random small MLPs, losses, weight decay and dropout, gradients equal finite differences."""
    sizes, activations, loss, options, seed, n = network
    rng = np.random.default_rng(seed)
    model = MLP(sizes, activations, rng=rng, **options)
    randomise_biases(model, rng)
    X, y = rng.normal(size=(n, sizes[0])), targets(loss, n, sizes[-1], rng)
    model.forward(X)
    # ReLU has a kink at 0: finite differences are only valid a little away from it.
    kinks = [np.abs(layer._cache[1]).min() for layer in model.layers if layer.activation in ("relu", "leaky_relu")]
    assume(all(k > 1e-4 for k in kinks))
    check_mlp_gradients(model, X, y, loss)


# ---- MLP: behaviour ------------------------------------------------------------------------


def test_mlp_parameters_are_the_layers_arrays():
    """parameters() returns [W1, b1, W2, b2] themselves; gradients() has the same shapes."""
    model = MLP([2, 3, 1], ["relu", "sigmoid"], rng=0)
    params = model.parameters()
    assert params[0] is model.layers[0].W and params[3] is model.layers[1].b
    model.loss_and_grads(XOR_X, XOR_y, loss="bce")
    assert [g.shape for g in model.gradients()] == [p.shape for p in params]
    assert model.sizes == [2, 3, 1]


def test_mlp_losses_come_from_mathlib_losses():
    """The reported losses equal mse, binary_cross_entropy and cross_entropy of the forward output."""
    rng = np.random.default_rng(7)
    X = rng.normal(size=(5, 3))
    for activation, loss, reference in (("linear", "mse", mse), ("sigmoid", "bce", binary_cross_entropy)):
        model = MLP([3, 2], [activation], rng=0)
        y = targets(loss, 5, 2, rng)
        assert math.isclose(model.loss_and_grads(X, y, loss=loss)[0], reference(y, model.forward(X)), rel_tol=1e-12)
    model, labels = MLP([3, 4], ["softmax"], rng=0), rng.integers(0, 4, size=5)
    value = model.loss_and_grads(X, labels, loss="softmax_ce")[0]
    assert math.isclose(value, cross_entropy(labels, model.forward(X)), rel_tol=1e-12)


def test_fused_sigmoid_bce_gradient_is_exact_when_saturated():
    """A saturated sigmoid (z = 50, y = 0) gets output-bias gradient (p − y)/n ≈ 1/2, not 0 or NaN."""
    model = MLP([1, 1], ["sigmoid"], rng=0)
    model.layers[0].W[:] = 50.0
    _, grads = model.loss_and_grads([[1.0], [1.0]], [0.0, 0.0], loss="bce")
    assert grads[1].tolist() == [1.0]  # two samples, each (1 - 0)/2


def test_vector_targets_are_a_column_for_one_output():
    """For one output unit, y of shape (n,) and (n, 1) give the same loss."""
    model = MLP([2, 1], ["sigmoid"], rng=0)
    assert (
        model.loss_and_grads(XOR_X, XOR_y, loss="bce")[0] == model.loss_and_grads(XOR_X, XOR_y[:, None], loss="bce")[0]
    )


def test_backward_matches_loss_and_grads_for_mse():
    """backward(mse_grad) gives the same gradients as loss_and_grads(loss='mse') without decay."""
    rng = np.random.default_rng(8)
    model = MLP([3, 4, 2], ["tanh", "linear"], rng=0)
    X, y = rng.normal(size=(5, 3)), rng.normal(size=(5, 2))
    _, grads = model.loss_and_grads(X, y)
    grads = [g.copy() for g in grads]
    y_hat = model.forward(X)
    for a, b in zip(model.backward(2 * (y_hat - y) / y.size), grads, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-12)


def test_predict_gives_hard_predictions():
    """predict thresholds a sigmoid at 0.5, takes the argmax of a softmax and passes linear outputs."""
    sig = MLP([1, 1], ["sigmoid"], rng=0)
    sig.layers[0].W[:] = 1.0
    assert sig.predict([[-2.0], [3.0]]).tolist() == [[0], [1]]
    soft = Dense.from_params(np.eye(3), np.zeros(3), "softmax")
    model = MLP([3, 3], ["softmax"], rng=0)
    model.layers[0] = soft
    assert model.predict([[0.0, 5.0, 1.0], [3.0, 0.0, 1.0]]).tolist() == [1, 0]
    linear = MLP([1, 1], ["linear"], rng=0)
    linear.layers[0].W[:] = 2.0
    assert linear.predict([[3.0]]).tolist() == [[6.0]]


def test_inference_ignores_dropout():
    """At inference the output does not depend on dropout: same seed, p = 0 or 0.5, same ŷ."""
    X = np.random.default_rng(0).normal(size=(4, 3))
    a = MLP([3, 8, 2], ["relu", "linear"], rng=1, dropout=0.5)
    b = MLP([3, 8, 2], ["relu", "linear"], rng=1)
    assert np.array_equal(a.forward(X), b.forward(X)) and np.array_equal(a.forward(X), a.forward(X))
    assert a.masks == [None]


def test_mlp_same_seed_same_training_step_with_dropout():
    """Two models from the same seed draw the same dropout masks and gradients."""
    X = np.random.default_rng(0).normal(size=(6, 3))
    y = np.ones((6, 1))
    runs = [MLP([3, 5, 1], ["relu", "linear"], rng=11, dropout=0.5).loss_and_grads(X, y) for _ in range(2)]
    assert runs[0][0] == runs[1][0]
    assert all(np.array_equal(a, b) for a, b in zip(runs[0][1], runs[1][1], strict=True))


def test_mlp_constructor_errors():
    """Bad sizes, activations, dropout, weight decay and rng raise errors naming the argument."""
    with pytest.raises(ValueError, match=r"MLP: sizes needs at least 2 entries"):
        MLP([2], [], rng=0)
    with pytest.raises(TypeError, match=r"MLP: sizes must be a sequence"):
        MLP(3, ["relu"], rng=0)
    with pytest.raises(ValueError, match=r"MLP: sizes\[1\] must be >= 1"):
        MLP([2, 0], ["relu"], rng=0)
    with pytest.raises(ValueError, match=r"MLP: sizes has 3 entries, so activations needs 2 .* got 1"):
        MLP([2, 3, 1], ["relu"], rng=0)
    with pytest.raises(TypeError, match=r"MLP: activations must be a sequence"):
        MLP([2, 1], "relu", rng=0)
    with pytest.raises(ValueError, match=r"MLP: activation must be one of"):
        MLP([2, 1], ["gelu"], rng=0)
    with pytest.raises(ValueError, match=r"MLP: dropout must lie in \[0, 1\)"):
        MLP([2, 1], ["relu"], rng=0, dropout=1.0)
    with pytest.raises(TypeError, match=r"MLP: dropout must be a real number"):
        MLP([2, 1], ["relu"], rng=0, dropout="0.5")
    with pytest.raises(ValueError, match=r"MLP: weight_decay must be finite and >= 0"):
        MLP([2, 1], ["relu"], rng=0, weight_decay=-0.1)
    with pytest.raises(TypeError, match=r"MLP: weight_decay must be a real number"):
        MLP([2, 1], ["relu"], rng=0, weight_decay=None)
    with pytest.raises(TypeError, match=r"MLP: rng must be"):
        MLP([2, 1], ["relu"], rng=None)


def test_mlp_loss_and_grads_errors():
    """Unknown losses, mismatched outputs and mis-shaped data raise errors naming both shapes."""
    model = MLP([2, 3, 1], ["tanh", "sigmoid"], rng=0)
    with pytest.raises(ValueError, match=r"MLP.loss_and_grads: loss must be one of"):
        model.loss_and_grads(XOR_X, XOR_y, loss="hinge")
    with pytest.raises(ValueError, match=r"MLP.loss_and_grads: loss='softmax_ce' needs a 'softmax' output layer"):
        model.loss_and_grads(XOR_X, XOR_y, loss="softmax_ce")
    with pytest.raises(ValueError, match=r"loss='bce' needs a 'sigmoid' output layer; the last activation is 'linear'"):
        MLP([2, 1], ["linear"], rng=0).loss_and_grads(XOR_X, XOR_y, loss="bce")
    with pytest.raises(ValueError, match=r"MLP.loss_and_grads: X is \(4, 3\) and the first layer's W is \(2, 3\)"):
        model.loss_and_grads(np.ones((4, 3)), XOR_y)
    with pytest.raises(
        ValueError, match=r"MLP.loss_and_grads: X is \(4, 2\) and y is \(3,\); they must have the same number of rows"
    ):
        model.loss_and_grads(XOR_X, XOR_y[:3])
    with pytest.raises(ValueError, match=r"MLP.loss_and_grads: y is \(4, 2\) and y_hat is \(4, 1\)"):
        model.loss_and_grads(XOR_X, np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"MLP.loss_and_grads: y must lie in \[0, 1\]"):
        model.loss_and_grads(XOR_X, 2 * XOR_y, loss="bce")
    with pytest.raises(ValueError, match=r"MLP.loss_and_grads: masks must be a list with one mask"):
        model.loss_and_grads(XOR_X, XOR_y, masks=[])
    with pytest.raises(ValueError, match=r"MLP.loss_and_grads: y is \(4, 2\) and y_hat is \(4, 3\)"):
        MLP([2, 3], ["softmax"], rng=0).loss_and_grads(XOR_X, np.eye(2)[[0, 1, 1, 0]], loss="softmax_ce")
    with pytest.raises(ValueError, match=r"masks\[0\] is \(1, 3\) and hidden layer 1's output is \(4, 3\)"):
        model.loss_and_grads(XOR_X, XOR_y, masks=[np.ones((1, 3))])


def test_mlp_forward_and_backward_errors():
    """forward checks X's columns; backward needs a forward first and a ŷ-shaped gradient."""
    model = MLP([2, 1], ["linear"], rng=0)
    with pytest.raises(RuntimeError, match=r"MLP.backward: call forward first"):
        model.backward([[1.0]])
    with pytest.raises(
        ValueError, match=r"MLP.forward: X is \(1, 3\) and the first layer's W is \(2, 1\); X's columns"
    ):
        model.forward([[1.0, 2.0, 3.0]])
    with pytest.raises(ValueError, match=r"MLP.predict: X must be 2-D"):
        model.predict([1.0, 2.0])
    model.forward(XOR_X)
    with pytest.raises(
        ValueError, match=r"MLP.backward: dY_hat is \(4, 2\) and the output y_hat of the last forward is \(4, 1\)"
    ):
        model.backward(np.ones((4, 2)))


def test_mlp_overflowing_loss_is_divergence():
    """An MSE that overflows to inf raises DivergenceError instead of returning inf, with no warning."""
    model = MLP([1, 1], ["linear"], rng=0)
    model.layers[0].W[:] = 1e200
    with pytest.raises(DivergenceError, match=r"MLP.loss_and_grads: the loss .*inf.* is not finite"):
        model.loss_and_grads([[1.0]], [0.0])


# ---- dropout -------------------------------------------------------------------------------


def test_dropout_mask_values_and_keep_rate():
    """Entries are 0 or 1/(1 − p); a fraction 1 − p is kept (within 5σ), so the mean is ≈ 1."""
    p, size = 0.3, 200_000
    mask = dropout_mask(size, p, rng=0)
    assert set(np.unique(mask).tolist()) == {0.0, 1 / (1 - p)}
    kept = np.mean(mask > 0)
    assert abs(kept - (1 - p)) < 5 * math.sqrt(p * (1 - p) / size)


def test_dropout_is_deterministic_given_rng():
    """The same seed gives the same mask; a Generator advances between draws."""
    assert np.array_equal(dropout_mask((3, 4), 0.5, rng=1), dropout_mask((3, 4), 0.5, rng=1))
    rng = np.random.default_rng(1)
    assert np.array_equal(dropout_mask((3, 4), 0.5, rng=rng), dropout_mask((3, 4), 0.5, rng=1))
    assert not np.array_equal(dropout_mask((3, 4), 0.5, rng=rng), dropout_mask((3, 4), 0.5, rng=1))


def test_dropout_identity_at_inference_and_for_p_zero():
    """dropout(A, p, training=False) and dropout(A, 0) return A unchanged."""
    A = np.arange(6.0).reshape(2, 3)
    assert np.array_equal(dropout(A, 0.9, rng=0, training=False), A)
    assert np.array_equal(dropout(A, 0.0, rng=0), A)


def test_dropout_multiplies_by_the_mask_of_the_same_rng():
    """dropout(A, p, rng) equals A ⊙ dropout_mask(A.shape, p, rng) for the same seed."""
    A = np.random.default_rng(0).normal(size=(5, 4))
    np.testing.assert_array_equal(dropout(A, 0.25, rng=3), A * dropout_mask((5, 4), 0.25, rng=3))


def test_dropout_errors():
    """Bad p, shape and rng raise errors naming the function and argument."""
    with pytest.raises(ValueError, match=r"dropout_mask: p must lie in \[0, 1\); got 1.0"):
        dropout_mask(3, 1.0, rng=0)
    with pytest.raises(TypeError, match=r"dropout_mask: shape must be an int or a tuple of ints"):
        dropout_mask([2, 3], 0.5, rng=0)
    with pytest.raises(ValueError, match=r"dropout_mask: shape must not have negative sizes"):
        dropout_mask((2, -1), 0.5, rng=0)
    with pytest.raises(TypeError, match=r"dropout: rng must be"):
        dropout([1.0], 0.5, rng=0.5)
    with pytest.raises(ValueError, match=r"dropout: p must lie in \[0, 1\)"):
        dropout([1.0], -0.1, rng=0)
    with pytest.raises(TypeError, match=r"dropout: A must be numeric"):
        dropout("abc", 0.5, rng=0)


# ---- optimisers ----------------------------------------------------------------------------


def test_sgd_step_is_w_minus_lr_g():
    """SGD: w = (1, 2), g = (0.5, −1), lr = 0.1 gives (0.95, 2.1), in place."""
    w = np.array([1.0, 2.0])
    same = w
    SGD(lr=0.1).step([w], [[0.5, -1.0]])
    assert same is w and w.tolist() == [0.95, 2.1]


def test_momentum_two_steps_analytic_and_beta_zero_is_sgd():
    """Momentum with g = 1: v1 = −0.1, v2 = −0.19, so w goes 1 → 0.9 → 0.71; β = 0 is SGD."""
    w, opt = np.array([1.0]), Momentum(lr=0.1, beta=0.9)
    opt.step([w], [np.ones(1)])
    assert math.isclose(w[0], 0.9)
    opt.step([w], [np.ones(1)])
    assert math.isclose(w[0], 0.71)
    a, b = np.array([1.0, -2.0]), np.array([1.0, -2.0])
    plain, heavy = SGD(0.3), Momentum(0.3, beta=0.0)
    for _ in range(3):
        plain.step([a], [2 * a])
        heavy.step([b], [2 * b])
    np.testing.assert_allclose(a, b, rtol=1e-15)


def adam_by_hand(w: float, grads: list[float], lr: float, b1=0.9, b2=0.999, eps=1e-8) -> float:
    """Adam on one scalar, written with the math module from the paper's algorithm."""
    m = v = 0.0
    for t, g in enumerate(grads, start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w -= lr * (m / (1 - b1**t)) / (math.sqrt(v / (1 - b2**t)) + eps)
    return w


def test_adam_matches_a_scalar_reference():
    """Adam on arrays agrees with a scalar reference over five steps with varying gradients."""
    grads = [[0.5, -3.0], [0.1, 2.0], [-1.0, 0.0], [2.0, 1e-3], [0.3, -0.3]]
    w, opt = np.array([1.0, -1.0]), Adam(lr=0.05)
    for g in grads:
        opt.step([w], [np.array(g)])
    for i, start in enumerate((1.0, -1.0)):
        assert math.isclose(w[i], adam_by_hand(start, [g[i] for g in grads], 0.05), rel_tol=1e-13)


def test_adam_first_step_moves_each_coordinate_by_about_lr():
    """On its first step Adam moves each coordinate by ≈ lr, whatever the gradient's scale."""
    w = np.array([0.0, 0.0, 0.0])
    Adam(lr=0.01).step([w], [np.array([1e4, -1.0, 1e-3])])
    np.testing.assert_allclose(w, [-0.01, 0.01, -0.01], rtol=1e-4)


@pytest.mark.parametrize("optimizer", [SGD(0.1), Momentum(0.05), Adam(0.1)])
def test_optimisers_minimise_a_quadratic(optimizer):
    """On f(w) = ½‖w − c‖² (gradient w − c) every optimiser ends within 1e-3 of c."""
    c, w = np.array([3.0, -1.0]), np.zeros(2)
    for _ in range(500):
        optimizer.step([w], [w - c])
    np.testing.assert_allclose(w, c, atol=1e-3)


def test_stateful_optimiser_rejects_other_params_until_reset():
    """Momentum keeps one velocity per position: new shapes raise until reset()."""
    opt = Momentum(0.1)
    opt.step([np.zeros(2)], [np.ones(2)])
    with pytest.raises(ValueError, match=r"Momentum.step: params are not the ones of the previous steps"):
        opt.step([np.zeros(3)], [np.ones(3)])
    opt.reset()
    opt.step([np.zeros(3)], [np.ones(3)])
    assert "beta=0.9" in repr(opt) and "lr=0.1" in repr(Adam(0.1))


def test_optimiser_argument_errors():
    """Bad lr, beta and eps raise errors naming the optimiser and the argument."""
    with pytest.raises(ValueError, match=r"SGD: lr must be finite and > 0; got 0.0"):
        SGD(0)
    with pytest.raises(ValueError, match=r"SGD: lr must be finite and > 0; got nan"):
        SGD(float("nan"))
    with pytest.raises(TypeError, match=r"Adam: lr must be a real number; got str"):
        Adam("0.1")
    with pytest.raises(ValueError, match=r"Momentum: beta must lie in \[0, 1\); got 1.0"):
        Momentum(0.1, beta=1.0)
    with pytest.raises(ValueError, match=r"Adam: beta2 must lie in \[0, 1\)"):
        Adam(0.1, beta2=-0.5)
    with pytest.raises(ValueError, match=r"Adam: eps must be finite and > 0"):
        Adam(0.1, eps=0.0)


def test_optimiser_step_errors():
    """step names the mismatched lists, shapes and types; NaN gradients are refused."""
    opt = SGD(0.1)
    with pytest.raises(ValueError, match=r"SGD.step: params has 2 arrays and grads has 1"):
        opt.step([np.zeros(1), np.zeros(1)], [np.zeros(1)])
    with pytest.raises(ValueError, match=r"SGD.step: params\[0\] is \(2,\) and grads\[0\] is \(3,\)"):
        opt.step([np.zeros(2)], [np.zeros(3)])
    with pytest.raises(TypeError, match=r"SGD.step: params\[0\] must be a writeable float ndarray"):
        opt.step([np.zeros(2, dtype=int)], [np.zeros(2)])
    with pytest.raises(TypeError, match=r"Adam.step: params\[0\] must be a writeable float ndarray"):
        Adam(0.1).step([[0.0, 1.0]], [np.zeros(2)])
    with pytest.raises(ValueError, match=r"SGD.step: grads\[0\] contains NaN"):
        opt.step([np.zeros(1)], [[np.nan]])
    with pytest.raises(TypeError, match=r"SGD.step: params must be a list of arrays"):
        opt.step(np.zeros(2), [np.zeros(2)])


# ---- minibatches ---------------------------------------------------------------------------


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 40), st.integers(1, 50), st.integers(0, 2**32 - 1))
def test_minibatches_partition_the_samples(n, batch_size, seed):
    """Property: batches have sizes B, …, B, remainder, and together hold every row exactly once."""
    X = np.arange(n, dtype=float).reshape(n, 1)
    batches = list(minibatches(X, np.arange(n), batch_size, rng=seed))
    sizes = [len(Xb) for Xb, _ in batches]
    assert sizes == [batch_size] * (n // batch_size) + ([n % batch_size] if n % batch_size else [])
    assert sorted(np.concatenate([Xb[:, 0] for Xb, _ in batches]).tolist()) == list(range(n))
    assert all(np.array_equal(Xb[:, 0], yb) for Xb, yb in batches)


def test_minibatches_are_shuffled_and_deterministic_given_rng():
    """The order is a shuffle (not 0..n−1), the same for the same seed, different for another."""

    def order(seed):
        return np.concatenate([yb for _, yb in minibatches(np.zeros((30, 2)), np.arange(30), 7, rng=seed)]).tolist()

    assert order(0) == order(0) and order(0) != list(range(30)) and order(0) != order(1)


def test_minibatches_validate_at_the_call():
    """Errors are raised when minibatches is called, before any batch is drawn."""
    with pytest.raises(
        ValueError, match=r"minibatches: X is \(5, 2\) and y is \(4,\); they must have the same number of rows"
    ):
        minibatches(np.zeros((5, 2)), np.zeros(4), 2, rng=0)
    with pytest.raises(ValueError, match=r"minibatches: batch_size must be >= 1"):
        minibatches(np.zeros((5, 2)), np.zeros(5), 0, rng=0)
    with pytest.raises(TypeError, match=r"minibatches: batch_size must be an integer"):
        minibatches(np.zeros((5, 2)), np.zeros(5), 2.5, rng=0)
    with pytest.raises(TypeError, match=r"minibatches: rng must be"):
        minibatches(np.zeros((5, 2)), np.zeros(5), 2, rng="seed")
    with pytest.raises(ValueError, match=r"minibatches: X must be 2-D"):
        minibatches(np.zeros(5), np.zeros(5), 2, rng=0)


# ---- train ---------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(5))
def test_xor_is_solved(seed):
    """MLP([2, 4, 1], tanh/sigmoid), full-batch SGD lr = 1 for 1000 epochs gets all four XOR right.

    (Seeds 0–99 all converge with these settings; the test runs five.)
    """
    model = MLP([2, 4, 1], ["tanh", "sigmoid"], rng=seed)
    history = train(model, XOR_X, XOR_y, loss="bce", optimizer=SGD(lr=1.0), epochs=1000)
    assert model.predict(XOR_X).ravel().tolist() == [0, 1, 1, 0]
    assert history.loss[-1] < 0.05 < history.loss[0]


def test_momentum_converges_faster_than_sgd():
    """Same seed and lr = 0.1 on XOR: momentum (β = 0.9) reaches BCE < 0.1 in under a quarter of SGD's epochs."""

    def epochs_to_converge(optimizer):
        model = MLP([2, 4, 1], ["tanh", "sigmoid"], rng=0)
        losses = train(model, XOR_X, XOR_y, loss="bce", optimizer=optimizer, epochs=2000).loss
        return next(epoch for epoch, value in enumerate(losses, start=1) if value < 0.1)

    fast, slow = epochs_to_converge(Momentum(lr=0.1, beta=0.9)), epochs_to_converge(SGD(lr=0.1))
    assert 4 * fast < slow


def test_train_history_is_the_sample_weighted_mean_of_batch_losses():
    """One epoch with batches of 2, 2, 1 rows equals the same loop written out by hand."""
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(5, 3)), rng.normal(size=(5, 1))
    model, twin = MLP([3, 4, 1], ["tanh", "linear"], rng=1), MLP([3, 4, 1], ["tanh", "linear"], rng=1)
    history = train(model, X, y, loss="mse", optimizer=SGD(0.1), epochs=1, batch_size=2, rng=5)
    total, opt = 0.0, SGD(0.1)
    for Xb, yb in minibatches(X, y, 2, rng=5):
        value, grads = twin.loss_and_grads(Xb, yb)
        opt.step(twin.parameters(), grads)
        total += value * len(Xb)
    assert isinstance(history, History) and len(history) == 1
    assert math.isclose(history.loss[0], total / 5, rel_tol=1e-12)
    assert all(np.array_equal(a, b) for a, b in zip(model.parameters(), twin.parameters(), strict=True))


def test_one_batch_of_everything_equals_full_batch():
    """batch_size ≥ n (one shuffled batch) gives the same weights as full-batch training."""
    X, y = XOR_X, XOR_y
    a, b = MLP([2, 3, 1], ["tanh", "sigmoid"], rng=2), MLP([2, 3, 1], ["tanh", "sigmoid"], rng=2)
    train(a, X, y, loss="bce", optimizer=Momentum(0.2), epochs=50)
    train(b, X, y, loss="bce", optimizer=Momentum(0.2), epochs=50, batch_size=10, rng=0)
    for p, q in zip(a.parameters(), b.parameters(), strict=True):
        np.testing.assert_allclose(p, q, rtol=1e-10, atol=1e-12)


def test_training_is_deterministic_given_the_seeds():
    """Two runs with dropout, minibatches and Adam from the same seeds agree bit for bit."""
    rng = np.random.default_rng(3)
    X, labels = rng.normal(size=(40, 4)), rng.integers(0, 3, size=40)

    def run():
        model = MLP([4, 8, 3], ["relu", "softmax"], rng=4, dropout=0.2, weight_decay=1e-3)
        history = train(model, X, labels, loss="softmax_ce", optimizer=Adam(0.01), epochs=5, batch_size=8, rng=6)
        return history.loss, model.parameters()

    (loss_a, params_a), (loss_b, params_b) = run(), run()
    assert loss_a == loss_b and all(np.array_equal(p, q) for p, q in zip(params_a, params_b, strict=True))


def test_divergence_raises_value_error_naming_lr():
    """A too-large learning rate on a linear regression raises DivergenceError naming lr, not a warning."""
    X = np.linspace(-10, 10, 20).reshape(20, 1)
    model = MLP([1, 1], ["linear"], rng=0)
    with pytest.raises(
        ValueError, match=r"train: training diverged in epoch \d+: .*lower the learning rate \(lr = 10.0\)"
    ):
        train(model, X, 3 * X, loss="mse", optimizer=SGD(lr=10.0), epochs=200)


def test_update_overflow_is_divergence():
    """An update that overflows a parameter to inf is reported as divergence."""
    model = MLP([1, 1], ["linear"], rng=0)
    with pytest.raises(
        DivergenceError, match=r"a parameter became inf or NaN after the update; lower the learning rate"
    ):
        train(model, [[1.0]], [[1e10]], loss="mse", optimizer=SGD(lr=1e300), epochs=1)


def test_train_argument_errors():
    """train checks the model, optimiser, epochs, data and that minibatches come with an rng."""
    model = MLP([2, 1], ["sigmoid"], rng=0)
    ok = {"loss": "bce", "optimizer": SGD(0.1), "epochs": 1}
    with pytest.raises(TypeError, match=r"train: batch_size is given, so batches are shuffled: pass rng"):
        train(model, XOR_X, XOR_y, **ok, batch_size=2)
    with pytest.raises(TypeError, match=r"train: model must have a loss_and_grads\(\) method; got str"):
        train("model", XOR_X, XOR_y, **ok)
    with pytest.raises(TypeError, match=r"train: optimizer must have a step\(\) method; got float"):
        train(model, XOR_X, XOR_y, loss="bce", optimizer=0.1, epochs=1)
    with pytest.raises(ValueError, match=r"train: epochs must be >= 1"):
        train(model, XOR_X, XOR_y, loss="bce", optimizer=SGD(0.1), epochs=0)
    with pytest.raises(ValueError, match=r"train: batch_size must be >= 1"):
        train(model, XOR_X, XOR_y, **ok, batch_size=0, rng=0)
    with pytest.raises(ValueError, match=r"train: X is \(4, 2\) and y is \(2,\)"):
        train(model, XOR_X, XOR_y[:2], **ok)


def test_benchmark_steps_agree(script):
    """scripts/bench_nn.py's hand-written step updates the weights exactly as mathlib's (ratio not judged)."""
    bench_nn = script("bench_nn")

    assert (
        bench_nn.main(
            ["--sizes", "5", "7", "3", "--batch", "9", "--repeats", "1", "--number", "1", "--max-ratio", "1e9"]
        )
        == 0
    )


# ---- the package ---------------------------------------------------------------------------


def test_package_exports_and_lazy_attribute():
    """Every name in mathlib.nn.__all__ exists, and mathlib.nn loads as an attribute of mathlib."""
    assert all(hasattr(mathlib.nn, name) for name in mathlib.nn.__all__)
    assert set(ACTIVATIONS) == {"relu", "leaky_relu", "sigmoid", "tanh", "linear", "softmax"}
    assert LOSSES == ("mse", "bce", "softmax_ce")
