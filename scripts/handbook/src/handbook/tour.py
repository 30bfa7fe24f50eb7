"""A built site toured in Chromium as its readers see it: one visit per page and colour scheme.

The browser tests (offline rendering, accessibility, the first-visit budget) and
``scripts/page_weight.py`` all read what a page shows once it is loaded, so they share one
tour instead of loading every page once each. A page is first opened in the light scheme in
a fresh browser context, as a first visit with nothing cached: every response is weighed
(:func:`transferred`). Then it is opened in the dark scheme, in one context shared by the
dark visits, as a reader browsing the site. In each visit, once the network is idle and the
formulas typeset, the tour records:

* ``requests``, ``errors``: every URL requested; script errors and HTTP errors;
* ``scheme``: the scheme Material chose (``default`` or ``slate``);
* ``math``, ``plots``, ``diagrams``: the formulas left untypeset, each plot's size and text
  colour, each drawn diagram's name and height (before anything is opened);
* ``violations``: what axe-core finds with its default rules, none switched off, after every
  collapsed block is opened and every tab shown, and the project's own check that an inline
  ``<svg>`` is an image with a name (axe skips an ``svg`` without a role);
* ``weight``: ``[(url, bytes)]`` of the light visit only.

Two pages are toured at a time (the machine's cores).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import gzip
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

from handbook.chromium import CHROMIUM, FLAGS

__all__ = ["SCHEMES", "TEXT", "serve", "site_pages", "tour", "transferred"]

SCHEMES = {"light": "default", "dark": "slate"}  # Playwright's colour scheme: Material's
VIEWPORT = {"width": 1280, "height": 900}
TEXT = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")

TYPESET = """() => [...document.querySelectorAll('.arithmatex')].every(el => el.querySelector('.katex'))"""

MATH_STATE = r"""() => {
  const marked = [...document.querySelectorAll('.arithmatex')];
  const prose = document.querySelector('article')?.cloneNode(true) || document.createElement('div');
  prose.querySelectorAll('pre, code, .katex').forEach(el => el.remove());  // LaTeX shown as code is fine
  return {
    total: marked.length,
    untypeset: marked.filter(el => !el.querySelector('.katex')).map(el => el.textContent.slice(0, 60)),
    raw: /\\\(|\$\$/.test(prose.textContent),
  };
}"""

# Diagrams are drawn at build time (handbook.diagrams): an inline SVG in a figure.diagram.
DIAGRAMS = """() => [...document.querySelectorAll('article figure.diagram')].map(figure => {
  const svg = figure.querySelector('svg');
  return {label: svg ? svg.getAttribute('aria-label') : null,
          height: svg ? svg.getBoundingClientRect().height : 0};
})"""

PLOT_SIZES = """() => [...document.querySelectorAll('article svg[role="img"]')].map(svg => {
  const box = svg.getBoundingClientRect();
  return {label: svg.getAttribute('aria-label'), width: box.width, height: box.height,
          color: getComputedStyle(svg).color};
})"""

# Content a reader can reveal: collapsible blocks opened, every tab's panel shown.
REVEAL = """() => {
  document.querySelectorAll('article details').forEach(details => { details.open = true; });
  const style = document.createElement('style');
  style.textContent = '.tabbed-set > .tabbed-content > .tabbed-block { display: block !important; }';
  document.head.append(style);
  return new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}"""

AXE_RUN = """async () => {
  const results = await axe.run(document, {resultTypes: ['violations']});
  return results.violations.map(v => ({
    rule: v.id,
    help: v.help,
    targets: v.nodes.map(node => node.target.join(' ')),
  }));
}"""

# An <svg> in the content that is neither hidden from assistive technology nor an icon inside
# a named control must be an image with a name: role="img" and aria-label, aria-labelledby
# or a <title>. axe checks the name of an svg with role="img"; it skips an svg without one.
SVG_UNLABELLED = """() => {
  const named = svg => (svg.getAttribute('aria-label') || '').trim()
    || (svg.getAttribute('aria-labelledby') || '').split(/\\s+/)
         .some(id => (document.getElementById(id)?.textContent || '').trim())
    || (svg.querySelector(':scope > title')?.textContent || '').trim();
  const name = el => el.tagName.toLowerCase() + [...el.classList].map(c => `.${c}`).join('');
  const path = el => el.id ? `#${el.id}` : `${name(el.parentElement)} > ${name(el)}`;
  return [...document.querySelectorAll('.md-content svg')]
    .filter(svg => !svg.parentElement.closest('svg'))
    .filter(svg => !svg.closest('[aria-hidden="true"], button, a, label, summary'))
    .filter(svg => svg.getAttribute('role') !== 'img' || !named(svg))
    .map(path);
}"""


def site_pages(site: Path) -> list[str]:
    """Every page the build wrote, as the URL path a reader opens ("" for the home page)."""
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html"))


def transferred(content_type: str, body: bytes) -> int:
    """Bytes on the wire: text gzip-compressed (level 6, a static host's default), the rest as is."""
    if content_type.split(";")[0].strip().startswith(TEXT):
        return len(gzip.compress(body, compresslevel=6, mtime=0))
    return len(body)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """A loopback HTTP server for a built site; yields its base URL (no trailing slash)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


async def _visit(context, url: str, axe: Path | None, weigh: bool, shot: Path | None) -> dict:
    page = await context.new_page()
    requests, errors, responses = [], [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda r: (responses.append(r), r.status >= 400 and errors.append(f"HTTP {r.status}: {r.url}")))
    await page.goto(url, wait_until="networkidle")
    with contextlib.suppress(Exception):  # a timeout: the math check reports what is left untypeset
        await page.wait_for_function(TYPESET, timeout=10_000)
    found = {
        "requests": requests,
        "errors": errors,
        "scheme": await page.evaluate("document.body.getAttribute('data-md-color-scheme')"),
        "math": await page.evaluate(MATH_STATE),
        "plots": await page.evaluate(PLOT_SIZES),
        "diagrams": await page.evaluate(DIAGRAMS),
    }
    if shot is not None:
        await page.screenshot(path=str(shot), full_page=True)
    if weigh:
        found["weight"] = []
        for response in list(responses):
            try:
                body = await response.body()
            except Exception:  # a redirect or an aborted request has no body
                continue
            found["weight"].append((response.url, transferred(response.headers.get("content-type", ""), body)))
    if axe is not None:
        await page.evaluate(REVEAL)
        await page.add_script_tag(path=str(axe))
        found["violations"] = await page.evaluate(AXE_RUN)
        svgs = await page.evaluate(SVG_UNLABELLED)
        if svgs:
            found["violations"].append(
                {"rule": "handbook-svg-img", "help": 'svg needs role="img" and a name', "targets": svgs}
            )
    await page.close()
    return found


async def _tour(base: str, paths: list[str], schemes, axe: Path | None, lanes: int, shots: Path | None) -> dict:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            shared = {s: await browser.new_context(color_scheme=s, viewport=VIEWPORT) for s in schemes if s != "light"}
            queue: asyncio.Queue = asyncio.Queue()
            for path in paths:
                queue.put_nowait(path)
            found: dict = {}

            async def lane() -> None:  # takes the next page until none is left
                while not queue.empty():
                    path = queue.get_nowait()
                    for scheme in schemes:
                        url = f"{base}/{path}"
                        name = path.strip("/").replace("/", "_").removesuffix(".html") or "home"
                        shot = shots / f"{name}-{scheme}.png" if shots is not None else None
                        if scheme == "light":  # a first visit: a context of its own, nothing cached
                            context = await browser.new_context(color_scheme="light", viewport=VIEWPORT)
                            found[(path, scheme)] = await _visit(context, url, axe, True, shot)
                            await context.close()
                        else:
                            found[(path, scheme)] = await _visit(shared[scheme], url, axe, False, shot)

            await asyncio.gather(*(lane() for _ in range(lanes)))
        finally:
            await browser.close()
    return {(path, scheme): found[(path, scheme)] for path in paths for scheme in schemes}


def tour(
    site: Path,
    paths: list[str] | None = None,
    schemes=("light", "dark"),
    axe: Path | None = None,
    lanes: int = 2,
    shots: Path | None = None,
) -> dict[tuple[str, str], dict]:
    """Visit ``paths`` of the built ``site`` (every page by default) in each of ``schemes``:
    ``{(path, scheme): what the visit found}`` (see the module's docstring). ``axe`` is the
    path of axe-core's ``axe.min.js``; without it no audit runs. Weights come with "light".
    With ``shots``, a full-page screenshot of each visit is saved in that folder (before
    anything is opened), for people to look at."""
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"Chromium is not installed at {CHROMIUM}: apt-get install chromium")
    paths = site_pages(site) if paths is None else paths
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    with serve(site) as base:
        return asyncio.run(_tour(base, paths, tuple(schemes), axe, lanes, shots))
