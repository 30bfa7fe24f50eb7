"""Keyboard alone: the quiz, the content tabs, the collapsible solutions and wide formulas.

Each test reaches a control with Tab (from a point just before it on the page, so the test
does not walk the whole navigation), acts with Enter, Space or the arrow keys, and checks
the result in the DOM. The focused control must look different from the unfocused one: the
element's screenshot changes when it takes keyboard focus. The editor and Run button of
runnable code blocks are tested with them, not here.
"""

import io
from pathlib import Path

import pytest

from handbook.chromium import CHROMIUM, FLAGS

pytestmark = pytest.mark.browser

QUIZ_PAGE = "chapter2/exercises/"  # multiple-choice questions (```quiz fences)
TABS_PAGE = "math-to-code/"  # content tabs (=== "Math" / === "Code")
DETAILS_PAGE = "chapter2/exercises/"  # ??? success "Solution" blocks
WIDE_FORMULA_PAGE = "backprop-by-hand/"  # display formulas wider than the column at 1280 px

# Sequential focus starts after a point the test chooses: a throwaway element that takes focus
# but not a place in the Tab order, put just before the target.
FOCUS_BEFORE = """selector => {
  const target = document.querySelector(selector);
  const start = document.createElement('span');
  start.tabIndex = -1;
  target.before(start);
  start.focus();
}"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `make test` as root or apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def tab_to(page, selector: str) -> None:
    """Press Tab once from just before ``selector``'s element."""
    page.evaluate(FOCUS_BEFORE, selector)
    page.keyboard.press("Tab")


def changes_on_focus(page, locator, start: str) -> bool:
    """Whether ``locator``'s element looks different after Tab from just before ``start``.

    The element and a margin around it (an outline may sit outside it) are compared as
    screenshots, unfocused and then with keyboard focus (what shows a :focus-visible style), so
    any visible indicator counts: outline, colour, bar. Anti-aliasing may change a few pixels
    by a few levels; an indicator changes at least MIN_PIXELS by more than MIN_LEVELS.
    """
    from PIL import ImageChops

    locator.scroll_into_view_if_needed()
    page.evaluate(FOCUS_BEFORE, start)
    unfocused = _shot(page, locator)
    page.keyboard.press("Tab")
    red, green, blue = ImageChops.difference(unfocused, _shot(page, locator)).split()
    largest = ImageChops.lighter(ImageChops.lighter(red, green), blue)  # each pixel's largest channel change
    return sum(largest.point(lambda level: 255 if level > MIN_LEVELS else 0).histogram()[255:]) >= MIN_PIXELS


MIN_PIXELS, MIN_LEVELS = 20, 48


def _shot(page, locator, margin: float = 8):
    from PIL import Image

    box = locator.bounding_box()
    clip = {"x": box["x"] - margin, "y": box["y"] - margin, "width": box["width"] + 2 * margin}
    clip["height"] = box["height"] + 2 * margin
    return Image.open(io.BytesIO(page.screenshot(clip=clip, animations="disabled"))).convert("RGB")


def active(page) -> dict:
    return page.evaluate(
        "() => ({tag: document.activeElement.tagName, id: document.activeElement.id,"
        " type: document.activeElement.type})"
    )


def test_a_quiz_is_answered_by_keyboard(page, site_url):
    """Tab reaches the first option, Space chooses it, the arrow keys choose another; each says right or wrong."""
    page.goto(f"{site_url}/{QUIZ_PAGE}", wait_until="load")
    quiz = page.locator("form[data-quiz]").first
    quiz_id = quiz.get_attribute("id")
    tab_to(page, f"#{quiz_id}")
    assert active(page) == {"tag": "INPUT", "id": f"{quiz_id}-0", "type": "radio"}
    feedback = quiz.locator(".handbook-quiz__feedback")
    answers = []
    page.keyboard.press("Space")
    answers.append(feedback.inner_text())
    page.keyboard.press("ArrowDown")
    answers.append(feedback.inner_text())
    radios = quiz.locator("input[type=radio]")
    correct = [radios.nth(i).get_attribute("data-correct") == "true" for i in range(2)]
    assert radios.nth(1).is_checked() and active(page)["id"] == f"{quiz_id}-1"
    for right, answer in zip(correct, answers, strict=True):
        assert answer.startswith("Right." if right else "Not quite."), answer
        assert len(answer) > len("Not quite. "), "the feedback gives no reason"


def test_a_quiz_option_shows_keyboard_focus(page, site_url):
    """A quiz option looks different when it has keyboard focus."""
    page.goto(f"{site_url}/{QUIZ_PAGE}", wait_until="load")
    quiz_id = page.locator("form[data-quiz]").first.get_attribute("id")
    option = page.locator(f"#{quiz_id} .handbook-quiz__option").first
    assert changes_on_focus(page, option, f"#{quiz_id}")


def test_content_tabs_switch_by_keyboard(page, site_url):
    """Tab reaches a tab set's chosen tab; the right arrow shows the next tab's panel and hides the first."""
    page.goto(f"{site_url}/{TABS_PAGE}", wait_until="load")
    tabs = page.locator(".tabbed-set").first
    tabs.scroll_into_view_if_needed()
    tab_to(page, ".tabbed-set")
    first, second = tabs.locator(":scope > input").nth(0), tabs.locator(":scope > input").nth(1)
    assert active(page)["id"] == first.get_attribute("id")
    panels = tabs.locator(":scope > .tabbed-content > .tabbed-block")
    assert panels.nth(0).is_visible() and not panels.nth(1).is_visible()
    page.keyboard.press("ArrowRight")
    assert second.is_checked() and active(page)["id"] == second.get_attribute("id")
    assert panels.nth(1).is_visible() and not panels.nth(0).is_visible()


def test_a_tab_shows_keyboard_focus(page, site_url):
    """The chosen tab's label looks different when its tab set has keyboard focus."""
    page.goto(f"{site_url}/{TABS_PAGE}", wait_until="load")
    label = page.locator(".tabbed-set").first.locator(".tabbed-labels > label").first
    assert changes_on_focus(page, label, ".tabbed-set")


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_a_collapsed_solution_opens_and_closes_by_keyboard(page, site_url, key):
    """Tab reaches a collapsed block's summary; Enter or Space opens it (its content shows) and closes it."""
    page.goto(f"{site_url}/{DETAILS_PAGE}", wait_until="load")
    details = page.locator("details.success").first
    details.scroll_into_view_if_needed()
    page.evaluate(FOCUS_BEFORE, "details.success")
    page.keyboard.press("Tab")
    assert active(page)["tag"] == "SUMMARY"
    body = details.locator(":scope > :not(summary)").first
    assert not body.is_visible()
    page.keyboard.press(key)
    assert details.evaluate("d => d.open") and body.is_visible()
    page.keyboard.press(key)
    assert not details.evaluate("d => d.open") and not body.is_visible()


def test_a_summary_shows_keyboard_focus(page, site_url):
    """A collapsible block's summary looks different when it has keyboard focus."""
    page.goto(f"{site_url}/{DETAILS_PAGE}", wait_until="load")
    summary = page.locator("details.success > summary").first
    assert changes_on_focus(page, summary, "details.success")


def test_the_visible_focus_check_fails_when_the_focus_style_is_removed(page, site_url):
    """Planted fault: with focus outlines switched off, a focused summary looks the same, and the check says so."""
    page.goto(f"{site_url}/{DETAILS_PAGE}", wait_until="load")
    page.add_style_tag(content="summary:focus, summary:focus-visible { outline: none !important; }")
    summary = page.locator("details.success > summary").first
    assert not changes_on_focus(page, summary, "details.success")
    assert active(page)["tag"] == "SUMMARY"  # it has the focus; it just does not show it


def test_a_wide_formula_is_reached_by_tab_and_scrolled_by_arrows(page, site_url):
    """A display formula wider than the column is a Tab stop, and the right arrow scrolls it; one that fits is not."""
    page.goto(f"{site_url}/{WIDE_FORMULA_PAGE}", wait_until="load")
    page.wait_for_selector("div.arithmatex[tabindex='0']", state="attached")
    wide = page.locator("div.arithmatex[tabindex='0']").first
    assert wide.evaluate("e => e.scrollWidth > e.clientWidth")
    fitting = page.locator("div.arithmatex:not([tabindex])").first
    assert fitting.evaluate("e => e.scrollWidth <= e.clientWidth")
    wide.scroll_into_view_if_needed()
    wide.evaluate("e => e.setAttribute('data-test-wide', '')")
    tab_to(page, "[data-test-wide]")
    assert page.evaluate("document.activeElement.hasAttribute('data-test-wide')")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('[data-test-wide]').scrollLeft > 0")
