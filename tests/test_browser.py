"""Browser smoke test: the built site in Debian's Chromium, offline, in both colour schemes.

Playwright drives /usr/bin/chromium (never `playwright install`). Each page of the
handbook's sections is loaded from a loopback server; formulas must be typeset, plots must
have a size, and no request may leave 127.0.0.1.

The pages are visited once per scheme by the session's tour of the site (handbook.tour, the
``toured`` fixture, which the accessibility audit and the page-weight budget read too); each
case's test checks what its visit found. The tests below that click, type or switch
JavaScript off open pages of their own.
"""

from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from handbook.chromium import CHROMIUM, FLAGS
from handbook.tour import DIAGRAMS, MATH_STATE, TYPESET

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent


def _url_path(source: Path) -> str:
    relative = source.relative_to(ROOT / "docs").with_suffix("")
    parts = relative.parts[:-1] if relative.name == "index" else relative.parts
    return "".join(f"{part}/" for part in parts)


# Every page of the handbook's sources, in both schemes.
PAGES = sorted(
    _url_path(p)
    for p in [*(ROOT / "docs").rglob("*.md"), *(ROOT / "docs").rglob("*.ipynb")]
    if "snippets" not in p.parts
)
CASES = [(path, scheme) for path in PAGES for scheme in ("light", "dark")]


def _require_chromium() -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `make test` as root or apt-get install chromium")


@pytest.fixture(scope="session")
def visits(toured) -> dict:
    """Every case of CASES, as the tour found it: {(path, scheme): what the visit found}."""
    missing = [case for case in CASES if case not in toured]
    assert missing == [], f"pages with a source that the build did not write: {missing}"
    return toured


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    _require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


def open_page(browser, url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda r: r.status >= 400 and errors.append(f"HTTP {r.status}: {r.url}"))
    page.goto(url, wait_until="networkidle")
    _settle(page)
    return context, page, requests, errors


def _settle(page):
    """Give the page a moment after the network is idle for KaTeX's fonts and Material's document$."""
    try:
        page.wait_for_function(TYPESET, timeout=10_000)
    except PlaywrightTimeout:
        pass  # the assertions below report what is left untypeset


@pytest.mark.parametrize(("path", "scheme"), CASES)
def test_page_renders_offline(visits, path, scheme):
    """Formulas typeset, plots sized, diagrams drawn, no request leaves 127.0.0.1, no script errors."""
    found = visits[(path, scheme)]
    assert found["math"]["untypeset"] == [], "formulas left as raw LaTeX"
    assert not found["math"]["raw"], "raw \\( or $$ delimiters are visible in the article"
    for plot in found["plots"]:
        assert plot["width"] > 0 and plot["height"] > 0, f"plot {plot['label']!r} has no size"
    for diagram in found["diagrams"]:
        assert diagram["label"] and diagram["height"] > 20, f"diagram not drawn or unlabelled: {diagram}"
    outside = [url for url in found["requests"] if not url.startswith(("http://127.0.0.1", "data:", "blob:"))]
    assert outside == []
    assert found["errors"] == []


def test_plot_text_follows_the_colour_scheme(visits):
    """Plot text and axes use currentColor: light on the dark scheme, dark on the light one."""
    colours = {}
    for scheme in ("light", "dark"):
        plots = visits[("pillars/calculus/", scheme)]["plots"]
        assert plots, "the calculus page has no plot"
        colours[scheme] = plots[0]["color"]

    def brightness(css):
        r, g, b = (int(v) for v in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
        return (r + g + b) / 3

    assert brightness(colours["dark"]) > 128 > brightness(colours["light"])


def test_math_survives_instant_navigation(browser, site_url):
    """After Material's instant navigation to another page, its formulas are typeset too."""
    context, page, _, _ = open_page(browser, f"{site_url}/pillars/", "light")
    try:
        page.click("a[href$='calculus/']")
        page.wait_for_url("**/pillars/calculus/")
        page.wait_for_load_state("networkidle")
        _settle(page)
        math = page.evaluate(MATH_STATE)
        assert math["total"] > 0 and math["untypeset"] == []
    finally:
        context.close()


def test_diagrams_and_formulas_are_drawn_with_javascript_off(browser, site_url):
    """With JavaScript disabled, math-to-code's diagram has a size and its formulas are KaTeX's HTML."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/math-to-code/", wait_until="networkidle")
        diagrams = page.evaluate(DIAGRAMS)  # evaluate runs even when the page's own scripts cannot
        assert diagrams and all(d["label"] and d["height"] > 20 for d in diagrams), diagrams
        assert page.evaluate(MATH_STATE)["untypeset"] == []
    finally:
        context.close()


def test_no_page_fetches_the_search_index_before_the_reader_searches(visits):
    """Loading a page does not fetch search/search_index.json, the site's largest file."""
    fetched = [case for case, found in visits.items() if any("search_index" in u for u in found["requests"])]
    assert fetched == []


@pytest.mark.parametrize("word", ["backpropagation", "binary_cross_entropy"])
def test_search_by_keyboard_fetches_the_index_and_finds_prose_and_code(browser, site_url, word):
    """Pressing / focuses the search box, which fetches the index; a word of prose or of code is found."""
    context, page, requests, errors = open_page(browser, f"{site_url}/", "light")
    try:
        assert not [url for url in requests if "search_index" in url]
        page.keyboard.press("/")
        page.keyboard.type(word)
        page.wait_for_selector(".md-search-result__item", timeout=15_000)
        assert page.locator(".md-search-result__item").count() > 0
        assert [url for url in requests if url.endswith("/search/search_index.json")]
        assert errors == []
    finally:
        context.close()


def test_quiz_answers_in_the_page_by_keyboard(browser, site_url):
    """Choosing an option with the keyboard says right or wrong and why, in a live region."""
    context, page, _, errors = open_page(browser, f"{site_url}/chapter2/exercises/", "light")
    try:
        quizzes = page.locator("form[data-quiz]")
        assert quizzes.count() >= 10
        first = quizzes.nth(0)
        feedback = first.locator(".handbook-quiz__feedback")
        assert feedback.get_attribute("aria-live") == "polite"
        wrong = first.locator('input[data-correct="false"]').first
        wrong.focus()
        page.keyboard.press("Space")
        wrong_why = first.locator(f'.handbook-quiz__why[data-option="{wrong.get_attribute("value")}"]')
        assert feedback.inner_text().startswith("Not quite.")
        assert wrong_why.inner_text().strip()[:20] in feedback.inner_text()
        first.locator('input[data-correct="true"]').focus()
        page.keyboard.press("Space")
        assert feedback.inner_text().startswith("Right.")
        assert errors == []
    finally:
        context.close()
