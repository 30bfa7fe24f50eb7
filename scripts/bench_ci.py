"""Benchmark: `make test` on a fresh clone, now against a baseline commit, on this machine.

Clones this repository twice into a temporary folder, at HEAD and at the baseline (by
default d3db1f4, the last commit before the engine's second generation), and times
`CI=true bash .ci/run` in each, one after the other, as CI runs it (set-up included). The
target: HEAD's run takes at most half of the baseline's. Takes about ten minutes, so it is
`make bench-ci`, not part of `make bench`.

    python scripts/bench_ci.py [--baseline d3db1f4] [--max-ratio 0.5]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed_ci(folder: Path, revision: str) -> float:
    """Seconds that `bash .ci/run` takes in a fresh clone of ``revision``; raises if it fails."""
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(folder)], check=True)
    subprocess.run(["git", "checkout", "--quiet", revision], cwd=folder, check=True)
    started = time.perf_counter()
    result = subprocess.run(
        ["bash", ".ci/run"], cwd=folder, env={**os.environ, "CI": "true"}, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"CI failed at {revision}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", default="d3db1f4")
    parser.add_argument("--max-ratio", type=float, default=0.5)
    args = parser.parse_args()
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout
    with tempfile.TemporaryDirectory(prefix="bench-ci-") as folder:
        before = timed_ci(Path(folder) / "baseline", args.baseline)
        after = timed_ci(Path(folder) / "head", "HEAD")
    ratio = after / before
    verdict = "ok" if ratio <= args.max_ratio else "MISSED"
    print(f"fresh-clone `bash .ci/run`: {head.strip()} {after:.0f} s vs {args.baseline} {before:.0f} s")
    print(f"ratio {ratio:.2f} (target <= {args.max_ratio:g}) {verdict}")
    return 0 if ratio <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
