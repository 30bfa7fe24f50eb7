"""Time forward + backward of mathlib's autograd against micrograd 0.1.0.

The graph is ~100,000 operations: n_terms neurons ``relu(w_i * x_i + b_i)`` (3 operations
each) summed pairwise in a balanced tree (n_terms - 1 additions), so it is wide, not deep,
and micrograd's recursive topological sort (depth ~ log2 n_terms) runs too. Only ops that
micrograd 0.1.0 has are used (it has no tanh). Inputs come from
``np.random.default_rng(0)``; the best of 5 runs is reported for each engine.

Usage: ``python scripts/bench_autograd.py [--terms N] [--repeats R] [--min-speedup S]``.
Exits 1 if mathlib is less than ``--min-speedup`` (default 2) times as fast as micrograd.
micrograd is optional: without it only mathlib's time is printed.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time

import numpy as np

from mathlib.autograd import Value as MathlibValue


def _pairwise_sum(terms):
    # A balanced tree of additions keeps the graph shallow: depth log2(n), not n.
    while len(terms) > 1:
        paired = [terms[i] + terms[i + 1] for i in range(0, len(terms) - 1, 2)]
        if len(terms) % 2:
            paired.append(terms[-1])
        terms = paired
    return terms[0]


def forward_backward(value_cls, x, w, b):
    """Build sum_i relu(w_i x_i + b_i) with ``value_cls``, backpropagate, return (loss, dL/dw_0)."""
    W = [value_cls(float(v)) for v in w]
    terms = [(Wi * value_cls(float(xi)) + value_cls(float(bi))).relu() for Wi, xi, bi in zip(W, x, b, strict=True)]
    L = _pairwise_sum(terms)
    L.backward()
    return L.data, W[0].grad


def best_time(value_cls, x, w, b, repeats):
    """Best wall-clock seconds of ``repeats`` runs of :func:`forward_backward`."""
    times = []
    for _ in range(repeats):
        gc.collect()  # start each run without the previous run's garbage
        start = time.perf_counter()
        forward_backward(value_cls, x, w, b)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=25_000, help="neurons summed (4 operations each)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--min-speedup", type=float, default=2.0)
    args = parser.parse_args(argv)

    rng = np.random.default_rng(0)
    x, w, b = rng.normal(size=(3, args.terms))
    n_ops = 4 * args.terms - 1
    print(f"graph: {args.terms} terms relu(w*x + b) summed pairwise = {n_ops} operations")

    ours = best_time(MathlibValue, x, w, b, args.repeats)
    print(f"mathlib.autograd.Value : {ours * 1e3:8.1f} ms  (best of {args.repeats}, forward + backward)")

    try:
        from micrograd.engine import Value as MicrogradValue
    except ImportError:
        print("micrograd is not importable (pip install micrograd==0.1.0): no comparison made")
        return 0

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))  # micrograd's build_topo recurses
    ours_result = forward_backward(MathlibValue, x, w, b)
    theirs_result = forward_backward(MicrogradValue, x, w, b)
    if not np.allclose(ours_result, theirs_result, rtol=1e-9, atol=1e-12):
        print(f"results differ: mathlib {ours_result}, micrograd {theirs_result}")
        return 1

    theirs = best_time(MicrogradValue, x, w, b, args.repeats)
    speedup = theirs / ours
    print(f"micrograd 0.1.0 Value  : {theirs * 1e3:8.1f} ms  (best of {args.repeats}, forward + backward)")
    print(f"speed-up               : {speedup:8.2f}x  (required >= {args.min_speedup:g}x)")
    return 0 if speedup >= args.min_speedup else 1


if __name__ == "__main__":
    sys.exit(main())
