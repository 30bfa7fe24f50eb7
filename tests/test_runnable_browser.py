"""Runnable blocks in Chromium: edit a block, press Run, read the new output, offline.

Playwright drives Debian's Chromium (handbook.chromium) against the session's build of the
real site on loopback. Every request is routed through a recorder that lets 127.0.0.1
through and aborts (and notes) anything else, so a request that would leave the machine
fails the test instead of going out. Each test opens its own browser context, so Pyodide is
loaded afresh; it boots in a few seconds here.
"""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from handbook.chromium import CHROMIUM, FLAGS

pytestmark = pytest.mark.browser

RUN_TIMEOUT = 120_000  # ms: Pyodide's first boot on a busy 2-core machine
CALCULUS = "pillars/calculus/"
SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's site_url


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `make test` as root or apt-get install chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


class Reader:
    """One browser context with every request recorded; requests off loopback are aborted."""

    def __init__(self, browser, site_url: str) -> None:
        self.site_url = site_url
        self.context = browser.new_context()
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route) -> None:
        url = route.request.url
        self.requests.append(url)
        if urlsplit(url).path.endswith("/sitemap.xml"):
            # Material navigates instantly only to addresses its sitemap lists, and the sitemap
            # names the site_url of mkdocs.yml (port 8000), not this server's port.
            response = route.fetch()
            body = response.text().replace(SITE_URL, self.site_url + "/")
            route.fulfill(response=response, body=body)
        elif urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self, path: str) -> None:
        self.page.goto(f"{self.site_url}/{path}", wait_until="networkidle")
        self.page.wait_for_selector(".handbook-runnable .prism-code-editor", state="attached", timeout=30_000)

    def fetched(self, part: str) -> list[str]:
        return [url for url in self.requests if part in url]

    def block(self, index: int):
        return self.page.locator(".handbook-runnable").nth(index)

    def type_at_end(self, index: int, text: str) -> None:
        """Put ``text`` at the end of a block's code, as a paste does (the editor closes brackets as one types)."""
        self.block(index).locator("textarea").click()
        self.page.keyboard.press("Control+End")
        self.page.keyboard.insert_text(text)

    def wait_for_output(self, index: int, text: str) -> str:
        output = self.block(index).locator(".handbook-runnable__output")
        output.filter(has_text=text).wait_for(timeout=RUN_TIMEOUT)
        return output.inner_text()


@pytest.fixture
def reader(browser, site_url):
    reader = Reader(browser, site_url)
    yield reader
    reader.context.close()
    assert reader.outside == [], f"requests that would have left 127.0.0.1: {reader.outside}"


def test_an_edited_block_runs_and_shows_its_new_output(reader):
    """Typing a line into the first autograd block and pressing Run shows what the edited code prints."""
    reader.open(CALCULUS)
    reader.type_at_end(0, "\nprint(f'ten times: {10 * x.grad:g}')")
    reader.block(0).get_by_role("button", name="Run").click()
    text = reader.wait_for_output(0, "ten times: 80")
    assert "Output · run in your browser" in text and "dz/dx by backpropagation: 8" in text
    assert reader.errors == []


def test_an_error_shows_its_traceback(reader):
    """A block that raises shows Python's traceback, pointing at the block and the line."""
    reader.open(CALCULUS)
    reader.type_at_end(0, "\n1 / 0")
    reader.block(0).get_by_role("button", name="Run").click()
    text = reader.wait_for_output(0, "ZeroDivisionError")
    assert "Traceback (most recent call last)" in text and 'File "block 1", line 13' in text


def test_before_run_the_page_fetches_no_pyodide_file(reader):
    """A page with runnable blocks fetches the editor, and none of Pyodide's files or the wheel, until Run."""
    reader.open(CALCULUS)
    assert reader.fetched("/assets/editor/index.js")
    assert reader.fetched("/assets/pyodide/") == [] and reader.fetched("/assets/python/") == []


def test_a_page_without_runnable_blocks_fetches_neither_editor_nor_pyodide(reader):
    """A page with no runnable block requests no file of the editor, of Pyodide or of the wheel."""
    reader.page.goto(f"{reader.site_url}/pillars/linear-algebra/", wait_until="networkidle")
    assert [url for url in reader.requests if "/assets/editor/" in url or "/assets/pyodide/" in url] == []


def test_run_runs_the_earlier_runnable_blocks_first(reader):
    """Run on the third block first runs the two before it, whose names it uses, in one namespace."""
    reader.open(CALCULUS)
    reader.block(1).get_by_role("button", name="Run").click()
    assert "dz/dh = 2" in reader.wait_for_output(1, "run in your browser")
    assert "x = 2, h = 4, y = 7, z = 14" in reader.wait_for_output(0, "run in your browser")


def test_pyodide_is_loaded_once_across_instant_navigation(reader):
    """After a Run, moving to another page by Material's instant navigation keeps the interpreter:
    Run there fetches Pyodide's wasm no second time."""
    reader.open(CALCULUS)
    reader.block(0).get_by_role("button", name="Run").click()
    reader.wait_for_output(0, "run in your browser")
    reader.page.evaluate("() => { window.sameDocument = true; }")
    reader.page.locator('a[href$="math-to-code/"]').first.click()
    reader.page.wait_for_url("**/math-to-code/")
    # The address changes before the new content replaces the old: wait for the new page's title.
    reader.page.wait_for_function("() => document.querySelector('article h1')?.textContent.startsWith('Math to code')")
    reader.page.wait_for_selector(".handbook-runnable .prism-code-editor", state="attached", timeout=30_000)
    assert reader.page.evaluate("() => window.sameDocument === true")  # instant: the page was not reloaded
    reader.block(1).get_by_role("button", name="Run").click()
    assert "w_new = 0.5 - 0.1 x 0.3" in reader.wait_for_output(1, "run in your browser")
    assert len(reader.fetched("pyodide.asm.wasm")) == 1


def test_escape_then_tab_leaves_the_editor_and_enter_runs(reader):
    """In the editor Escape then Tab moves focus to the Run button (no focus trap); Enter runs the block."""
    reader.open(CALCULUS)
    reader.block(0).locator("textarea").click()
    reader.page.keyboard.press("Escape")
    reader.page.keyboard.press("Tab")
    focused = reader.page.evaluate("() => [document.activeElement.tagName, document.activeElement.textContent]")
    assert focused == ["BUTTON", "Run"]
    reader.page.keyboard.press("Enter")
    reader.wait_for_output(0, "run in your browser")


def test_space_on_the_run_button_runs(reader):
    """The Run button is a real button: Space on it runs the block too."""
    reader.open(CALCULUS)
    reader.block(0).get_by_role("button", name="Run").focus()
    reader.page.keyboard.press("Space")
    reader.wait_for_output(0, "run in your browser")


def test_a_request_to_another_host_is_aborted_and_recorded(reader):
    """The recorder these tests rely on stops a request off loopback and names it (a planted request)."""
    reader.open(CALCULUS)
    failed = reader.page.evaluate("() => fetch('http://example.invalid/x.js').then(() => false, () => true)")
    assert failed and reader.outside == ["http://example.invalid/x.js"]
    reader.outside.clear()  # planted on purpose: the fixture's own check must not fail this test


def test_a_block_that_never_ends_leaves_the_page_responsive_and_stop_ends_it(reader):
    """Python runs off the page's thread: during an endless loop the page still answers at once;
    Stop ends the run, and the next Run starts Python afresh and runs."""
    import time

    reader.open(CALCULUS)
    reader.type_at_end(1, "\nwhile True: pass")
    reader.block(1).get_by_role("button", name="Run").click()
    reader.wait_for_output(0, "run in your browser")  # the block before it ran; now the loop runs
    started = time.monotonic()
    assert reader.page.evaluate("() => 6 * 7") == 42
    assert time.monotonic() - started < 5
    reader.block(1).get_by_role("button", name="Stop").click()
    status = reader.block(1).locator(".handbook-runnable__status")
    status.filter(has_text="Stopped.").wait_for(timeout=10_000)
    assert reader.block(1).get_by_role("button", name="Stop").is_hidden()
    reader.type_at_end(0, "\nprint('after the stop')")
    reader.block(0).get_by_role("button", name="Run").click()
    assert "after the stop" in reader.wait_for_output(0, "after the stop")
    assert reader.errors == []
