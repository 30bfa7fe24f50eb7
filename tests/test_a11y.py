"""Accessibility: axe-core finds nothing on any page of the built site, in either colour scheme.

axe-core comes from npm (package.json, a dev dependency: a test tool, never served to readers)
and is injected into each page by Playwright. Every page the build wrote is visited, in one
browser context per scheme, and axe runs with its default rule set (WCAG 2.0-2.2 A and AA,
and best practices); no rule is switched off. Before axe runs, collapsed blocks are opened
and every tab of a tab set shown, so that the solutions, errata and second tabs are checked
too. One check is ours: axe ignores an inline <svg> without a role, so a plot or diagram
drawn without ``role="img"`` and a name would pass it; SVG_UNLABELLED finds those.

A fixture site with one planted fault a page (a faint colour, an image without alt, an
unlabelled svg) proves each kind of fault fails the check.
"""

import asyncio
import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

from handbook.chromium import CHROMIUM, FLAGS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCHEMES = {"light": "default", "dark": "slate"}  # Playwright's colour scheme: Material's

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


async def audit(page, url: str, scheme: str) -> list[dict]:
    """What axe (and SVG_UNLABELLED) find on one page: [{rule, help, targets}]."""
    await page.goto(url, wait_until="load")
    found = await page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    assert found == SCHEMES[scheme], f"{url}: Material chose the {found!r} scheme, not {SCHEMES[scheme]!r}"
    await page.evaluate(REVEAL)
    await page.add_script_tag(path=str(AXE))
    violations = await page.evaluate(AXE_RUN)
    svgs = await page.evaluate(SVG_UNLABELLED)
    if svgs:
        violations.append({"rule": "handbook-svg-img", "help": 'svg needs role="img" and a name', "targets": svgs})
    return violations


async def _audit_all(base_url: str, paths: list[str], tabs: int = 2) -> dict[str, dict[str, list[dict]]]:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            viewport = {"width": 1280, "height": 900}
            contexts = {s: await browser.new_context(color_scheme=s, viewport=viewport) for s in SCHEMES}
            cases = [(scheme, path) for scheme in SCHEMES for path in paths]
            queue = asyncio.Queue()
            for case in cases:
                queue.put_nowait(case)
            found = {}

            async def tab():  # a tab in each scheme's context; it takes the next page until none is left
                pages = {s: await contexts[s].new_page() for s in SCHEMES}
                while not queue.empty():
                    scheme, path = queue.get_nowait()
                    found[(scheme, path)] = await audit(pages[scheme], f"{base_url}/{path}", scheme)

            await asyncio.gather(*(tab() for _ in range(tabs)))
        finally:
            await browser.close()
    return {scheme: {path: found[(scheme, path)] for path in paths} for scheme in SCHEMES}


def audit_site(base_url: str, paths: list[str]) -> dict[str, dict[str, list[dict]]]:
    """Every page in both schemes, two at a time (the machine's cores): {scheme: {path: violations}}.

    One browser, one context per scheme; each of the two tabs visits page after page.
    """
    _require_tools()
    return asyncio.run(_audit_all(base_url, paths))


def report(found: dict[str, list[dict]], scheme: str) -> str:
    """One line per page and rule: the rule, how many elements, and the first few selectors."""
    lines = []
    for path, violations in found.items():
        for v in violations:
            shown = ", ".join(v["targets"][:3]) + (", …" if len(v["targets"]) > 3 else "")
            lines.append(f"/{path} [{scheme}] {v['rule']} ({v['help']}): {len(v['targets'])} × {shown}")
    return "\n".join(lines)


@contextlib.contextmanager
def serve(directory: Path):
    """A loopback HTTP server for a built site; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def _require_tools() -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `make test` as root or apt-get install chromium")
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make setup` (npm ci)")


@pytest.fixture(scope="module")
def audited(built_site, site_url) -> dict[str, dict[str, list[dict]]]:
    """Every page of the built site audited in both schemes."""
    return audit_site(site_url, site_pages(built_site))


def test_every_page_of_the_site_is_audited(built_site):
    """The audit's page list comes from the build: the home page, every section's pages, the 404 page."""
    pages = site_pages(built_site)
    assert {"", "404.html", "chapter2/code-lab/", "api/nn/", "india/paytm/"} <= set(pages)
    assert len(pages) > 40


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_page_has_an_accessibility_violation(audited, scheme):
    """axe-core (default rules) and the svg check find no violation on any page in this colour scheme."""
    found = audited[scheme]
    assert not any(found.values()), "accessibility violations:\n" + report(found, scheme)


# One planted fault a page, and a page without any: what the check reports for each.
FIXTURE_PAGES = {
    "index.md": "# Clean\n\nA page with nothing wrong: [a link](faint.md) in a sentence.\n",
    "faint.md": '# Faint\n\n<p style="color: #999; background: #aaa">Grey on grey, 1.3:1 in either scheme.</p>\n',
    "no-alt.md": '# No alt\n\n<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="20" height="20">\n',
    "unlabelled-svg.md": (
        '# Unlabelled svg\n\n<figure><svg viewBox="0 0 10 10" width="40"><circle cx="5" cy="5" r="4"/></svg></figure>\n'
    ),
}


@pytest.fixture(scope="module")
def planted(build, make_site, tmp_path_factory) -> dict[str, dict[str, list[dict]]]:
    """The fixture site audited in both schemes: {scheme: {path: violations}}."""
    site = make_site(tmp_path_factory.mktemp("a11y"), FIXTURE_PAGES)
    for folder in ("stylesheets", "javascripts"):  # the site's own CSS and scripts, as mkdocs.yml lists them
        shutil.copytree(ROOT / "docs" / folder, site / "docs" / folder)
    result = build(site)
    assert result.returncode == 0, result.stderr
    paths = site_pages(site / "site")
    with serve(site / "site") as base_url:
        return audit_site(base_url, paths)


@pytest.mark.parametrize(
    ("path", "rule"),
    [("faint/", "color-contrast"), ("no-alt/", "image-alt"), ("unlabelled-svg/", "handbook-svg-img")],
)
@pytest.mark.parametrize("scheme", SCHEMES)
def test_a_planted_fault_is_reported_with_its_rule(planted, scheme, path, rule):
    """A faint colour, an image without alt and an svg without role and name each fail the check, named."""
    rules = {v["rule"] for v in planted[scheme][path]}
    assert rule in rules, report(planted[scheme], scheme)


def test_a_page_without_faults_passes_in_the_fixture_site(planted):
    """The fixture site's clean page has no violation in either scheme: the faults above are the pages' own."""
    for scheme in SCHEMES:
        assert planted[scheme][""] == [], report({"": planted[scheme][""]}, scheme)


def test_the_failure_message_names_page_scheme_rule_and_elements(planted):
    """The report says which page, which scheme, which rule and which element failed."""
    violations = planted["light"]["faint/"]
    text = report({"faint/": violations}, "light")
    assert text.startswith("/faint/ [light] color-contrast (")
    assert f"1 × {violations[0]['targets'][0]}" in text
