"""Run every benchmark (``make bench``): autograd vs micrograd, import cost, nn training step,
and the build engine (cache, parallel workers, `mkdocs serve` reloads).

Each script prints its own figures and exits non-zero when its target does not hold; this
runs them in turn and fails if any failed. Benchmarks live here, never in timed tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = ["bench_autograd.py", "bench_import.py", "bench_nn.py", "bench_build.py"]


def main() -> int:
    failed = []
    for name in BENCHMARKS:
        print(f"== {name}", flush=True)
        if subprocess.run([sys.executable, str(HERE / name)], check=False).returncode != 0:
            failed.append(name)
        print(flush=True)
    print("all benchmark targets hold" if not failed else f"targets missed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
