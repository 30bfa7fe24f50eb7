"""Time one training step of mathlib.nn against the same step written by hand in NumPy.

The network is an MLP with ReLU hidden layers and a softmax output trained with softmax
cross-entropy (default sizes 64-128-128-10, batch 256). One step is forward, loss,
backward and an SGD update of every W and b. Both steps start from the same weights
(copied from the mathlib model) and must produce the same updated weights; then each is
timed with ``time.perf_counter`` as the best of ``--repeats`` blocks of ``--number``
steps, alternating the two so that machine noise hits both alike.

mathlib pays for its checks (input validation, finiteness checks for divergence, the
activation functions' own NaN checks); the hand-written step has none.

Usage: ``python scripts/bench_nn.py [--sizes 64 128 128 10] [--batch 256] [--repeats 50]
[--number 10] [--max-ratio 1.5]``. Exits 1 if mathlib's step takes more than
``--max-ratio`` times the hand-written one, or if the updated weights differ.
"""

from __future__ import annotations

import argparse
import sys
import time

import numpy as np

from mathlib.nn import MLP, SGD


def hand_step(params: list[np.ndarray], X: np.ndarray, labels: np.ndarray, lr: float) -> float:
    """One SGD step of a ReLU MLP with a softmax cross-entropy output, in plain NumPy."""
    Ws, bs = params[0::2], params[1::2]
    n, rows = X.shape[0], np.arange(X.shape[0])
    inputs, Zs = [X], []
    for W, b in zip(Ws, bs, strict=True):
        Z = inputs[-1] @ W + b
        Zs.append(Z)
        inputs.append(np.maximum(Z, 0.0))
    shifted = Zs[-1] - Zs[-1].max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1))
    loss = float(np.mean(log_norm - shifted[rows, labels]))
    dZ = np.exp(shifted - log_norm[:, None])  # softmax probabilities ...
    dZ[rows, labels] -= 1.0  # ... minus one-hot: dL/dZ of the output, times n
    dZ /= n
    grads = []
    for i in range(len(Ws) - 1, -1, -1):
        grads[:0] = [inputs[i].T @ dZ, dZ.sum(axis=0)]
        if i > 0:
            dZ = (dZ @ Ws[i].T) * (Zs[i - 1] > 0)
    for p, g in zip(params, grads, strict=True):
        p -= lr * g
    return loss


def mathlib_step(model: MLP, optimizer: SGD, X: np.ndarray, labels: np.ndarray) -> float:
    """The same step with mathlib.nn."""
    loss, grads = model.loss_and_grads(X, labels, loss="softmax_ce")
    optimizer.step(model.parameters(), grads)
    return loss


def best_per_step(step, repeats: int, number: int, other=None) -> tuple[float, float]:
    """Best seconds per step of ``step`` (and of ``other``, run alternately) over ``repeats`` blocks."""
    best, best_other = float("inf"), float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            step()
        best = min(best, (time.perf_counter() - start) / number)
        if other is not None:
            start = time.perf_counter()
            for _ in range(number):
                other()
            best_other = min(best_other, (time.perf_counter() - start) / number)
    return best, best_other


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[64, 128, 128, 10])
    parser.add_argument("--batch", type=int, default=256)
    parser.add_argument("--repeats", type=int, default=50)
    parser.add_argument("--number", type=int, default=10, help="steps per timed block")
    parser.add_argument("--max-ratio", type=float, default=1.5)
    args = parser.parse_args(argv)

    lr = 0.01
    rng = np.random.default_rng(0)
    X = rng.normal(size=(args.batch, args.sizes[0]))
    labels = rng.integers(0, args.sizes[-1], size=args.batch)
    activations = ["relu"] * (len(args.sizes) - 2) + ["softmax"]
    model, optimizer = MLP(args.sizes, activations, rng=0), SGD(lr)
    params = [p.copy() for p in model.parameters()]

    ours_loss, hand_loss = mathlib_step(model, optimizer, X, labels), hand_step(params, X, labels, lr)
    worst = max(float(np.max(np.abs(p - q))) for p, q in zip(model.parameters(), params, strict=True))
    if not (np.isclose(ours_loss, hand_loss, rtol=1e-12) and worst <= 1e-12):
        print(f"steps differ: loss {ours_loss!r} vs {hand_loss!r}, largest weight difference {worst:.3g}")
        return 1
    print(f"network {args.sizes} ({'/'.join(activations)}), batch {args.batch}, softmax cross-entropy, SGD")
    print(f"same updated weights after one step: largest difference {worst:.3g}")

    ours, hand = best_per_step(
        lambda: mathlib_step(model, optimizer, X, labels),
        args.repeats,
        args.number,
        other=lambda: hand_step(params, X, labels, lr),
    )
    ratio = ours / hand
    blocks = f"best of {args.repeats} blocks of {args.number} steps"
    print(f"mathlib.nn step : {ours * 1e6:9.1f} µs  ({blocks})")
    print(f"hand-written    : {hand * 1e6:9.1f} µs  ({blocks})")
    print(f"ratio           : {ratio:9.2f}x  (allowed <= {args.max_ratio:g}x)")
    return 0 if ratio <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
