"""Accessibility: axe-core finds nothing on any page of the built site, in either colour scheme.

axe-core comes from npm (package.json, a dev dependency: a test tool, never served to readers)
and is injected into each page by Playwright during the session's tour of the site
(:mod:`handbook.tour`, the ``toured`` fixture): every page the build wrote, in both schemes,
with axe's default rule set (WCAG 2.0-2.2 A and AA, and best practices); no rule is switched
off. Before axe runs, collapsed blocks are opened and every tab of a tab set shown, so that the
solutions, errata and second tabs are checked too. One check is ours: axe ignores an inline
<svg> without a role, so a plot or diagram drawn without ``role="img"`` and a name would pass
it; the tour's svg check finds those.

A fixture site with one planted fault a page (a faint colour, an image without alt, an
unlabelled svg) proves each kind of fault fails the check.
"""

import shutil
from pathlib import Path

import pytest

from handbook.tour import SCHEMES, site_pages, tour

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent


def by_scheme(toured: dict) -> dict[str, dict[str, list[dict]]]:
    """A tour's violations as {scheme: {path: violations}}."""
    found: dict[str, dict[str, list[dict]]] = {scheme: {} for scheme in SCHEMES}
    for (path, scheme), visit in toured.items():
        found[scheme][path] = visit["violations"]
    return found


def report(found: dict[str, list[dict]], scheme: str) -> str:
    """One line per page and rule: the rule, how many elements, and the first few selectors."""
    lines = []
    for path, violations in found.items():
        for v in violations:
            shown = ", ".join(v["targets"][:3]) + (", …" if len(v["targets"]) > 3 else "")
            lines.append(f"/{path} [{scheme}] {v['rule']} ({v['help']}): {len(v['targets'])} × {shown}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def audited(toured) -> dict[str, dict[str, list[dict]]]:
    """Every page of the built site audited in both schemes: {scheme: {path: violations}}."""
    return by_scheme(toured)


def test_every_page_of_the_site_is_audited(built_site, audited):
    """The audit's page list comes from the build: the home page, every section's pages, the 404 page."""
    pages = site_pages(built_site)
    assert {"", "404.html", "chapter2/code-lab/", "api/nn/", "india/paytm/"} <= set(pages)
    assert len(pages) > 40
    assert all(sorted(audited[scheme]) == pages for scheme in SCHEMES)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_each_page_is_audited_in_the_scheme_asked_for(toured, scheme):
    """Material chose the scheme the browser asked for (its palette follows prefers-color-scheme)."""
    chosen = {path: visit["scheme"] for (path, s), visit in toured.items() if s == scheme}
    assert {path for path, found in chosen.items() if found != SCHEMES[scheme]} == set()


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
def planted(build, make_site, tmp_path_factory, axe) -> dict[str, dict[str, list[dict]]]:
    """The fixture site audited in both schemes: {scheme: {path: violations}}."""
    site = make_site(tmp_path_factory.mktemp("a11y"), FIXTURE_PAGES)
    for folder in ("stylesheets", "javascripts"):  # the site's own CSS and scripts, as mkdocs.yml lists them
        shutil.copytree(ROOT / "docs" / folder, site / "docs" / folder)
    result = build(site)
    assert result.returncode == 0, result.stderr
    return by_scheme(tour(site / "site", axe=axe))


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
