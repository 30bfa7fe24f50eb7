"""What a first visit to each page costs a reader: every response, as a static host serves it.

Each page of a built site is opened in Debian's Chromium (Playwright, a fresh context per
page, so nothing is cached), served from a loopback server, and left until the network is
idle. Every response is counted: text (HTML, CSS, JavaScript, JSON, SVG, XML) as its
gzip-compressed size, as any static host sends it; fonts and images as they are.

Targets (the reader-experience issue): every page at most 400 KB, the median page at most
250 KB. Prints each page's weight, its heaviest responses, and the two figures; exits
non-zero when a target does not hold.

    python scripts/page_weight.py SITE_DIR [--limit 400] [--median 250] [--top 5]
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import gzip
import http.server
import statistics
import sys
import threading
from pathlib import Path

from handbook.chromium import CHROMIUM, FLAGS

TEXT = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def pages_of(site: Path) -> list[str]:
    """Every page of the site, as the path a reader opens ("" for the home page)."""
    found = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        if relative.startswith(("assets", "search")) or relative == "404":
            continue
        found.append("" if relative == "." else f"{relative}/")
    return sorted(found)


def transferred(content_type: str, body: bytes) -> int:
    """Bytes on the wire: text gzip-compressed (level 6, a static host's default), the rest as is."""
    if content_type.split(";")[0].strip().startswith(TEXT):
        return len(gzip.compress(body, compresslevel=6, mtime=0))
    return len(body)


async def weigh(browser, url: str) -> list[tuple[str, int]]:
    """(url, bytes) for every response of one first visit."""
    context = await browser.new_context()
    page = await context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    await page.goto(url, wait_until="networkidle")
    sizes = []
    for response in responses:
        try:
            body = await response.body()
        except Exception:  # a redirect or an aborted request has no body
            continue
        sizes.append((response.url, transferred(response.headers.get("content-type", ""), body)))
    await context.close()
    return sizes


async def weigh_all(site: Path, paths: list[str]) -> dict[str, list[tuple[str, int]]]:
    from playwright.async_api import async_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
            # A visit mostly waits for the network to go quiet, so a few run at once.
            lanes = asyncio.Semaphore(4)

            async def visit(path):
                async with lanes:
                    return await weigh(browser, base + path)

            found = dict(zip(paths, await asyncio.gather(*(visit(p) for p in paths)), strict=True))
            await browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {path: [(url.removeprefix(base), size) for url, size in sizes] for path, sizes in found.items()}


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
    weights = asyncio.run(weigh_all(args.site, pages_of(args.site)))
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
