"""What a first visit to each page costs a reader: every response, as a static host serves it.

Each page of a built site is opened in Debian's Chromium (Playwright, a fresh context per
page, so nothing is cached), served from a loopback server, and left until the network is
idle: the light-scheme visit of :func:`handbook.tour.tour`, which the tests share. Every
response is counted: text (HTML, CSS, JavaScript, JSON, SVG, XML) as its gzip-compressed
size, as any static host sends it; fonts and images as they are.

Targets (the reader-experience issue): every page at most 400 KB, the median page at most
250 KB. Prints each page's weight, its heaviest responses, and the two figures; exits
non-zero when a target does not hold.

    python scripts/page_weight.py SITE_DIR [--limit 400] [--median 250] [--top 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from handbook.tour import tour


def pages_of(site: Path) -> list[str]:
    """Every page of the site, as the path a reader opens ("" for the home page)."""
    found = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        if relative.startswith(("assets", "search")) or relative == "404":
            continue
        found.append("" if relative == "." else f"{relative}/")
    return sorted(found)


def weights_of(toured: dict, paths: list[str]) -> dict[str, list[tuple[str, int]]]:
    """(address inside the site, bytes) of every response of each page's first visit in a tour."""
    weights = {}
    for path in paths:
        sizes = toured[(path, "light")]["weight"]
        weights[path] = [(url.split("/", 3)[-1], size) for url, size in sizes]  # drop http://127.0.0.1:port/
    return weights


LIMIT_KB, MEDIAN_KB = 400, 250


def totals_of(weights: dict[str, list[tuple[str, int]]]) -> dict[str, float]:
    """Each page's first-visit weight in KB."""
    return {path: sum(size for _, size in sizes) / 1024 for path, sizes in weights.items()}


def over_budget(totals: dict[str, float], limit: float = LIMIT_KB, median: float = MEDIAN_KB) -> list[str]:
    """What breaks the budget: each page above ``limit`` KB, and the median if above ``median``."""
    problems = [f"/{path} weighs {total:.0f} KB (limit {limit:g})" for path, total in totals.items() if total > limit]
    middle = statistics.median(totals.values())
    if middle > median:
        problems.append(f"the median page weighs {middle:.0f} KB (limit {median:g})")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--limit", type=float, default=LIMIT_KB, help="KB any page may weigh")
    parser.add_argument("--median", type=float, default=MEDIAN_KB, help="KB the median page may weigh")
    parser.add_argument("--top", type=int, default=3, help="heaviest responses listed per page")
    args = parser.parse_args(argv)
    paths = pages_of(args.site)
    weights = weights_of(tour(args.site, paths, schemes=("light",), lanes=4), paths)
    totals = totals_of(weights)
    for path, total in sorted(totals.items(), key=lambda item: -item[1]):
        heaviest = sorted(weights[path], key=lambda item: -item[1])[: args.top]
        parts = ", ".join(f"{url} {size / 1024:.0f}" for url, size in heaviest)
        print(f"{total:7.0f} KB  /{path:<36} {parts}")
    median, largest = statistics.median(totals.values()), max(totals.values())
    print(
        f"{len(totals)} pages: median {median:.0f} KB (target <= {args.median:g}), largest {largest:.0f} KB "
        f"(target <= {args.limit:g})"
    )
    return 0 if not over_budget(totals, args.limit, args.median) else 1


if __name__ == "__main__":
    sys.exit(main())
