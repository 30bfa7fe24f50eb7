"""Benchmark: the verification engine's cache, parallelism and `mkdocs serve` reloads.

Measured in one run, on a copy of the site in a temporary folder (the pages you are editing
and your own cache are left alone), each figure a ratio where the target is one. An untimed
build comes first, so that no timed build pays for a cold disk or Python's byte-code, and
the cold builds alternate (one worker, then one per core, ``--repeat`` times): each ratio is
the median of its pairs (the higher of the middle two, for an even count), so a burst of
other work on the machine does not decide it.

1. cold build with one worker, then cold build with one worker per core: the second must
   take at most 0.65 of the first;
2. warm build (the cache of build 1b, nothing changed): at most 0.15 of the cold build;
3. under `mkdocs serve`: a prose edit on one page is served within 3 s, and a code edit on
   one page within that page's own execution time plus 3 s;
4. no page takes more than 10 s to execute in the cold build.

Exits non-zero when a target does not hold. `make test`'s own time (the fourth target of
the engine's issue) is measured on a fresh clone, not here; see README.md (Measured).

    python scripts/bench_build.py [--page docs/pillars/calculus.md] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}


def copy_site(folder: Path) -> Path:
    """The site's sources in ``folder``: docs, mathlib (hashed for the cache key), mkdocs.yml, and
    what the wheel of runnable blocks is built from (pyproject.toml, README.md)."""
    for name in ("docs", "mathlib"):
        shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, folder)
    (folder / "scripts" / "handbook").mkdir(parents=True)
    (folder / "scripts" / "handbook" / "src").symlink_to(ROOT / "scripts" / "handbook" / "src")
    (folder / "node_modules").symlink_to(ROOT / "node_modules")
    return folder


def build(site: Path, cache: str, **env: str) -> tuple[float, dict]:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site / "site")],
        cwd=site,
        env={**ENV, "HANDBOOK_CACHE_DIR": cache, **env},
        check=True,
    )
    seconds = time.perf_counter() - started
    return seconds, json.loads((site / "site-report.json").read_text(encoding="utf-8"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, text: str, limit: float = 300) -> float:
    """Seconds until the page at ``url`` contains ``text``."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return time.perf_counter() - started
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError(f"{url} never showed {text!r}")


def serve_reloads(site: Path, cache: str, page: str) -> tuple[float, float]:
    """Seconds until `mkdocs serve` shows a prose edit, then a code edit, of ``page``."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],  # as `make serve`
        cwd=site,
        env={**ENV, "HANDBOOK_CACHE_DIR": cache},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    path = site / page
    url_path = Path(page).relative_to("docs").with_suffix("")
    url = f"http://127.0.0.1:{port}/{'' if url_path.name == 'index' else url_path.as_posix() + '/'}"
    try:
        _wait_for(url, "</html>")
        time.sleep(1)  # let the watcher settle after the first build
        text = path.read_text(encoding="utf-8")
        path.write_text(text + "\n\nA prose edit: bench-prose-token.\n", encoding="utf-8")
        prose = _wait_for(url, "bench-prose-token")
        time.sleep(1)
        code = '\n\n```python\nprint("bench-code-" + "token")\n```\n'
        path.write_text(path.read_text(encoding="utf-8") + code, encoding="utf-8")
        reload = _wait_for(url, "bench-code-token")
    finally:
        server.terminate()
        server.wait(timeout=30)
    return prose, reload


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--page", default="docs/from-scratch/real-data.md", help="the page edited under serve")
    parser.add_argument("--repeat", type=int, default=3, help="pairs of cold builds (one worker, then all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-build-") as folder:
        site = copy_site(Path(folder))
        build(site, str(site / "cache-prime"))  # untimed: disk, byte-code and fonts warmed
        pairs, warms = [], []
        for attempt in range(args.repeat):
            one, _ = build(site, str(site / f"cache-one-{attempt}"), HANDBOOK_WORKERS="1")
            cold, report = build(site, str(site / f"cache-{attempt}"))
            warm, warm_report = build(site, str(site / f"cache-{attempt}"))
            pairs.append((cold / one, cold, one))
            warms.append((warm / cold, warm, cold))
        ratio, cold, one = statistics.median_high(pairs)
        warm_ratio, warm, warm_cold = statistics.median_high(warms)
        hits = sum(row["cache"] == "hit" for row in warm_report["blocks"])
        page_seconds = report_page_seconds(report, args.page)
        prose, code = serve_reloads(site, str(site / "cache-0"), args.page)
    workers = len(os.sched_getaffinity(0))
    spread = ", ".join(f"{r:.2f}" for r, _, _ in sorted(pairs))
    warm_spread = ", ".join(f"{r:.2f}" for r, _, _ in sorted(warms))
    print(f"cold-build ratios of {args.repeat} pairs: {spread}; warm/cold: {warm_spread}")
    rows = [
        (f"cold build, {workers} workers vs 1 (median)", f"{cold:.1f} s vs {one:.1f} s", ratio, 0.65),
        (
            "warm build (nothing changed) vs cold (median)",
            f"{warm:.1f} s vs {warm_cold:.1f} s ({hits} cached)",
            warm_ratio,
            0.15,
        ),
        (f"serve: prose edit on {args.page}", f"{prose:.2f} s", prose, 3.0),
        (f"serve: code edit on {args.page}", f"{code:.2f} s, page runs {page_seconds:.2f} s", code - page_seconds, 3.0),
    ]
    page, seconds = max(report_page_times(report).items(), key=lambda item: item[1])
    rows.append((f"slowest page: {page}", f"{seconds:.1f} s", seconds, 10.0))
    failed = False
    for what, figures, value, target in rows:
        ok = value <= target
        failed |= not ok
        print(f"{what:45} {figures:50} {value:6.2f} (target <= {target:g}) {'ok' if ok else 'MISSED'}")
    slowest = ", ".join(f"{entry['page']} {entry['seconds']:.1f} s" for entry in report["summary"]["slowest_pages"])
    print(f"slowest pages (cold build): {slowest}")
    return 1 if failed else 0


def report_page_seconds(report: dict, page: str) -> float:
    """The execution time of ``page``'s blocks in a build's report."""
    return report_page_times(report).get(page, 0.0)


def report_page_times(report: dict) -> dict[str, float]:
    """Each page's execution time (its blocks' seconds added up) in a build's report."""
    times: dict[str, float] = {}
    for row in report["blocks"]:
        times[row["page"]] = times.get(row["page"], 0.0) + row["seconds"]
    return times


if __name__ == "__main__":
    sys.exit(main())
