r"""Neural networks from scratch in NumPy: layers, a multi-layer perceptron, optimisers, training.

Every gradient is backpropagated by hand, batch-vectorised, and checked against central
finite differences in the test-suite. Activations come from ``mathlib.activations`` and
losses from ``mathlib.losses``. Randomness (initial weights, dropout masks, minibatch
order) is drawn only from an ``rng`` you pass, so a seed fixes a whole training run.

- ``layers``: ``Dense``; ``dropout``: ``dropout``, ``dropout_mask``
- ``model``: ``MLP`` (forward, backward, ``loss_and_grads``, L2 weight decay, dropout)
- ``optim``: ``SGD``, ``Momentum``, ``Adam``
- ``training``: ``minibatches``, ``train``, ``History``

A network with 4 tanh units learns XOR, which no single layer can:

Examples
--------
>>> from mathlib.nn import MLP, SGD, train
>>> X, y = [[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0]
>>> model = MLP([2, 4, 1], ["tanh", "sigmoid"], rng=0)
>>> history = train(model, X, y, loss="bce", optimizer=SGD(lr=1.0), epochs=1000)
>>> model.predict(X).ravel().tolist()
[0, 1, 1, 0]
"""

from mathlib.nn._common import DivergenceError
from mathlib.nn.layers import ACTIVATIONS, Dense
from mathlib.nn.model import LOSSES, MLP
from mathlib.nn.optim import SGD, Adam, Momentum
from mathlib.nn.regularization import dropout, dropout_mask
from mathlib.nn.training import History, minibatches, train

__all__ = [
    "ACTIVATIONS",
    "LOSSES",
    "MLP",
    "SGD",
    "Adam",
    "Dense",
    "DivergenceError",
    "History",
    "Momentum",
    "dropout",
    "dropout_mask",
    "minibatches",
    "train",
]
