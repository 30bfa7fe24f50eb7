"""Paytm churn on synthetic users: two models trained with BCE, and their loss curves."""

import numpy as np

from mathlib.datasets import paytm_churn
from mathlib.losses import binary_cross_entropy
from mathlib.nn import MLP, Adam, train
from mathlib.plotting import plot_loss_curves

# One seeded generator fixes the users, the split, the initial weights and the batches.
rng = np.random.default_rng(2024)
data = paytm_churn(5000, rng)  # SYNTHETIC users drawn from a known churn mechanism

# Hold out 1,000 users that no model sees while it learns.
order = rng.permutation(len(data.y))
test_idx, train_idx = order[:1000], order[1000:]
y_train, y_test = data.y[train_idx], data.y[test_idx]

# Standardise every feature with the TRAINING users' mean and spread only.
mean = data.X[train_idx].mean(axis=0)
std = data.X[train_idx].std(axis=0)
X_train = (data.X[train_idx] - mean) / std
X_test = (data.X[test_idx] - mean) / std

logreg = MLP([6, 1], ["sigmoid"], rng=rng)  # one sigmoid unit: logistic regression
net = MLP([6, 16, 1], ["relu", "sigmoid"], rng=rng)  # 16 ReLU units, then a sigmoid
runs = {  # name: (model, Adam's learning rate)
    "logistic regression": (logreg, 0.02),
    "network 6-16-1": (net, 0.005),
}

EPOCHS = 40
curves = {}
for name, (model, lr) in runs.items():
    optimizer = Adam(lr=lr)
    seen, held_out = [], []
    for _ in range(EPOCHS):
        history = train(
            model,
            X_train,
            y_train,
            loss="bce",
            optimizer=optimizer,
            epochs=1,
            batch_size=100,
            rng=rng,
        )
        seen += history.loss
        p_test = model.forward(X_test).ravel()
        held_out.append(binary_cross_entropy(y_test, p_test))
    curves[f"{name}, training"] = seen
    curves[f"{name}, held-out"] = held_out

final = "; ".join(f"{name} {losses[-1]:.3f}" for name, losses in curves.items())
plot_loss_curves(
    curves,
    alt=(
        f"Binary cross-entropy per epoch over {EPOCHS} epochs on synthetic Paytm users: "
        "every curve falls over the first few epochs and then levels off. "
        f"Final losses: {final}."
    ),
)
