"""Benchmark: what `import mathlib` (and its modules) costs on top of `import numpy`.

Each measurement runs in a fresh interpreter, best of N. Neurogebra's import costs about
1.1 s (0.7 s of it SymPy); mathlib loads SymPy and matplotlib only when first used. Exits
non-zero if `import mathlib` costs more than --budget-ms over NumPy, or if it drags in
SymPy or matplotlib.

    python scripts/bench_import.py [--repeats 15] [--budget-ms 50]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import mathlib

PROBE = """
import json, sys, time
t0 = time.perf_counter()
import numpy
t1 = time.perf_counter()
{statement}
t2 = time.perf_counter()
heavy = sorted(m for m in ("sympy", "matplotlib") if m in sys.modules)
print(json.dumps({{"numpy": t1 - t0, "extra": t2 - t1, "heavy": heavy}}))
"""

STATEMENTS = {
    "import mathlib": "import mathlib",
    # Every public module, as the package lists them (importing the list costs nothing).
    "every mathlib module": "import " + ", ".join(f"mathlib.{name}" for name in mathlib.__all__),
}


def measure(statement: str, repeats: int) -> dict:
    best: dict | None = None
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", PROBE.format(statement=statement)], capture_output=True, text=True, check=True
        )
        result = json.loads(out.stdout)
        if best is None or result["extra"] < best["extra"]:
            best = result
    assert best is not None
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--budget-ms", type=float, default=50.0)
    args = parser.parse_args(argv)
    ok = True
    for label, statement in STATEMENTS.items():
        result = measure(statement, args.repeats)
        extra_ms = result["extra"] * 1000
        print(
            f"{label:<22}: +{extra_ms:6.1f} ms over import numpy ({result['numpy'] * 1000:.1f} ms)"
            f"  heavy modules loaded: {result['heavy'] or 'none'}"
        )
        if result["heavy"]:
            ok = False
        if label == "import mathlib" and extra_ms > args.budget_ms:
            ok = False
    print(f"budget: import mathlib within {args.budget_ms:g} ms of import numpy -> {'OK' if ok else 'EXCEEDED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
