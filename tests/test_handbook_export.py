"""Each page as a notebook and a script (handbook.export, handbook.downloads, handbook.nbcheck).

Unit tests convert one small page from hand-made results; fixture sites prove that a build
writes and links both files and that the notebook check fails, naming page and cell, on a
notebook whose outputs differ from the page's or that stops; a browser test downloads them.
"""

import subprocess
import sys
import textwrap
from pathlib import Path

import nbformat
import pytest

from handbook.engine import Engine, Site
from handbook.execute import Outcome
from handbook.export import page_notebook, page_script

ROOT = Path(__file__).resolve().parent.parent

PAGE = textwrap.dedent(
    """\
    # Small page

    The answer is `{py} answer`, see [the other page](other.md#part) and [`dot`][mathlib.linalg.dot].

    ```python
    answer = 6 * 7
    print(answer)
    #> 42
    ```

    !!! warning "Careful"
        A mistake, run for real:

        ```python raises="ValueError"
        int("forty-two")
        ```

    ```python exec="off"
    never_run()
    ```

    ```text
    plain text
    ```
    """
)


def _notebook(page: str = "docs/small.md", text: str = PAGE):
    """The notebook of PAGE, from results written by hand as the engine would give them."""
    site = Site(root=ROOT, docs_dir=ROOT / "docs")
    plan = Engine(site).plan(ROOT / page, text)
    by_lang = {
        "python": [
            Outcome(stdout="42\n"),
            Outcome(error="ValueError: invalid literal for int() with base 10: 'forty-two'"),
        ],
        "inline": [{"value": "42"}],
    }
    outcomes = []
    for spec in plan.run:
        outcome = by_lang[spec["lang"]].pop(0)
        outcomes.append(outcome if isinstance(outcome, dict) else outcome.to_dict(spec["line"]))
    links = {"other.md#part": "https://example.org/other/#part", "[mathlib.linalg.dot]": None}
    return page_notebook(text, plan.run, outcomes, page=page, url="https://example.org/small/", links=links)


def _code(notebook):
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def _prose(notebook) -> str:
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


def test_inline_expressions_are_replaced_by_their_values_in_the_prose():
    """The prose reads the value the build computed where the page had `{py} answer`."""
    assert "The answer is 42," in _prose(_notebook())


def test_an_admonition_becomes_a_block_quote_under_its_bold_title():
    """`!!! warning "Careful"` becomes `> **Careful**`, its body quoted and dedented."""
    assert "> **Careful**\n> A mistake, run for real:" in _prose(_notebook())


def test_links_become_absolute_or_plain_text():
    """A relative link gets the site's address; a cross-reference the site cannot resolve stays text."""
    prose = _prose(_notebook())
    assert "[the other page](https://example.org/other/#part)" in prose
    assert "and `dot`." in prose


def test_executed_blocks_are_code_cells_in_page_order_with_their_outputs():
    """After the set-up cell, each executed block is a code cell (no #> lines) with its stream output."""
    setup, first, mistake = _code(_notebook())
    assert "warnings.simplefilter" in setup.source
    assert first.source == "answer = 6 * 7\nprint(answer)"
    assert first.outputs == [nbformat.v4.new_output("stream", name="stdout", text="42\n")]
    assert mistake.metadata["handbook"]["line"] == 14


def test_a_mistake_is_tagged_raises_exception_and_carries_its_error():
    """A raises= block is tagged as Jupyter expects and shows the error the build saw."""
    mistake = _code(_notebook())[2]
    assert mistake.metadata["tags"] == ["raises-exception"]
    assert (mistake.outputs[0].output_type, mistake.outputs[0].ename) == ("error", "ValueError")


def test_blocks_that_do_not_run_stay_fences_of_the_prose_without_options():
    """exec="off" and text fences stay in a Markdown cell, their options dropped."""
    prose = _prose(_notebook())
    assert "```python\nnever_run()\n```" in prose
    assert "```text\nplain text\n```" in prose


def test_the_same_page_gives_the_same_bytes_and_ids_follow_page_and_position():
    """Two conversions are byte-identical; another page's cells get other ids."""
    one, two = nbformat.writes(_notebook()), nbformat.writes(_notebook())
    assert one == two
    other = _notebook(page="docs/another.md")
    assert {c.id for c in _notebook().cells}.isdisjoint({c.id for c in other.cells})


def test_the_script_runs_to_the_end_and_prints_the_mistakes_error(tmp_path):
    """The percent-format script runs with python: the mistake is caught and its error printed."""
    script = page_script(_notebook())
    assert script.count("# %%\n") == 3 and "# %% [markdown]" in script
    path = tmp_path / "small.py"
    path.write_text(script, encoding="utf-8")
    result = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "42\nValueError: invalid literal for int() with base 10: 'forty-two'\n"


def test_a_missing_outcome_is_a_value_error_naming_the_function():
    """page_notebook refuses results that do not cover every block, naming itself and the page."""
    with pytest.raises(ValueError, match=r"page_notebook: docs/small.md needs an outcome"):
        page_notebook(
            PAGE, [{"lang": "python", "code": "", "line": 5, "options": {}}], [None], page="docs/small.md", url=""
        )


# ---------------------------------------------------------------------------------- fixture sites
GOOD = """\
    # Good

    Read [the faults](differs.md) too.

    ```python
    print(6 * 7)
    #> 42
    ```
    """
# At build the engine's worker runs the page; in a notebook, ipykernel does: the output differs.
DIFFERS = """\
    # Differs

    ```python
    import sys

    print("ipykernel" in sys.modules)
    #> False
    ```
    """
STOPS = """\
    # Stops

    ```python
    import sys

    assert "ipykernel" not in sys.modules
    ```
    """
PROSE = "# Prose\n\nNo code here.\n"


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory, make_site, build) -> Path:
    """One fixture site with a good page, two planted faults and a page of prose, built once."""
    site = make_site(
        tmp_path_factory.mktemp("export"),
        {"index.md": GOOD, "differs.md": DIFFERS, "stops.md": STOPS, "prose.md": PROSE},
    )
    result = build(site)
    assert result.returncode == 0, result.stderr
    return site / "site"


@pytest.mark.build
def test_a_build_writes_the_notebook_and_the_script_beside_the_page(fixture_site):
    """index.md gives index.ipynb (a valid notebook with the build's output) and index.py."""
    notebook = nbformat.read(fixture_site / "index.ipynb", as_version=4)
    nbformat.validate(notebook)
    assert [cell.outputs[0].text for cell in notebook.cells if cell.cell_type == "code" and cell.outputs] == ["42\n"]
    assert "print(6 * 7)" in (fixture_site / "index.py").read_text(encoding="utf-8")


@pytest.mark.build
def test_the_page_links_both_downloads(fixture_site):
    """The page's HTML links the two files (relative to the page), as downloads."""
    html = (fixture_site / "differs" / "index.html").read_text(encoding="utf-8")
    assert 'href="differs.ipynb" download' in html
    assert 'href="differs.py" download' in html


@pytest.mark.build
def test_a_page_without_code_has_no_downloads(fixture_site):
    """A page of prose gets neither file nor link."""
    assert not list((fixture_site / "prose").glob("prose.*"))
    assert "Download notebook" not in (fixture_site / "prose" / "index.html").read_text(encoding="utf-8")


@pytest.mark.build
def test_relative_links_in_the_notebook_point_at_the_site(fixture_site):
    """A link to another page becomes that page's address under site_url."""
    notebook = nbformat.read(fixture_site / "index.ipynb", as_version=4)
    assert "[the faults](http://127.0.0.1:8000/differs/)" in "\n".join(c.source for c in notebook.cells)


@pytest.mark.build
def test_the_check_passes_a_notebook_that_reproduces_its_page(fixture_site):
    """Control: the good page's notebook runs in a kernel and gives the page's outputs."""
    from handbook.nbcheck import check

    assert check(fixture_site / "index.ipynb", ROOT) == []


@pytest.mark.build
def test_the_check_fails_a_notebook_whose_output_differs_naming_page_and_cell(fixture_site):
    """Planted fault: the kernel prints True where the page printed False; the check names both."""
    from handbook.nbcheck import check

    problems = check(fixture_site / "differs" / "differs.ipynb", ROOT)
    assert len(problems) == 1
    assert problems[0].startswith("docs/differs.md: cell 3 (the block at line 3)")
    assert "-False\n+True" in problems[0]


@pytest.mark.build
def test_the_check_fails_a_notebook_that_stops_naming_page_and_cell(fixture_site):
    """Planted fault: a cell raises in the kernel though it passed at build; the check names it."""
    from handbook.nbcheck import check

    problems = check(fixture_site / "stops" / "stops.ipynb", ROOT)
    assert len(problems) == 1
    assert problems[0].startswith("docs/stops.md: cell 3 (the block at line 3)")
    assert "the notebook stopped: AssertionError" in problems[0]


# ---------------------------------------------------------------------------------- the browser
@pytest.mark.browser
def test_both_downloads_are_named_links_that_download_by_keyboard(site_url):
    """On a content page, "Download notebook" and "Download script" are links; Enter on each
    downloads its file, named as the page's source."""
    from playwright.sync_api import sync_playwright

    from handbook.chromium import CHROMIUM, FLAGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        page = browser.new_context(accept_downloads=True).new_page()
        page.goto(f"{site_url}/chapter2/calculus/", wait_until="networkidle")
        names = []
        for name in ("Download notebook", "Download script"):
            link = page.get_by_role("link", name=name, exact=True)
            link.focus()
            with page.expect_download() as download:
                page.keyboard.press("Enter")
            names.append(download.value.suggested_filename)
        browser.close()
    assert names == ["calculus.ipynb", "calculus.py"]


@pytest.mark.browser
def test_both_downloads_are_served_with_their_content_types(site_url):
    """The notebook is served (200) as JSON that nbformat validates, the script as text/x-python."""
    import urllib.request

    with urllib.request.urlopen(f"{site_url}/chapter2/calculus/calculus.ipynb") as response:
        assert response.status == 200
        nbformat.validate(nbformat.reads(response.read().decode("utf-8"), as_version=4))
    with urllib.request.urlopen(f"{site_url}/chapter2/calculus/calculus.py") as response:
        assert (response.status, response.headers["Content-Type"]) == (200, "text/x-python")


# ------------------------------------------------------------------ downloads made while waiting
class _Autorefs:
    """mkdocs-autorefs as Downloads asks it: an identifier's URL, once its page is converted."""

    def __init__(self):
        self.known = {}

    def get_item_url(self, identifier):
        return (self.known[identifier], None)


def _downloads(tmp_path):
    from types import SimpleNamespace

    from handbook.downloads import Downloads
    from handbook.engine import PagePlan, PageResult
    from handbook.runner import BlockResult

    autorefs = _Autorefs()
    config = SimpleNamespace(site_url="https://example.org/", plugins={"autorefs": autorefs})
    downloads = Downloads(config, SimpleNamespace(cache_dir=None, snippets={}, root=tmp_path), "salt")
    text = "# P\n\nSee [Dense][mathlib.nn.Dense].\n\n```python\nprint(1)\n```\n"
    run = [{"lang": "python", "code": "print(1)", "line": 5, "options": {}}]
    outcome = Outcome(stdout="1\n").to_dict(5)
    result = PageResult(PagePlan("docs/p.md", [], run, [60.0], [], text=text), [BlockResult(outcome=outcome)], "off")
    file = SimpleNamespace(src_uri="p.md", dest_uri="p/index.html")
    page = SimpleNamespace(file=file, url="p/", meta={})
    downloads.add(page, None, result, None)
    return downloads, autorefs


def test_a_download_made_while_waiting_is_written_when_its_links_resolve_the_same(tmp_path, monkeypatch):
    """prepare_next makes the page's files; write uses them, making nothing again."""
    downloads, autorefs = _downloads(tmp_path)
    autorefs.known["mathlib.nn.Dense"] = "api/nn/#mathlib.nn.Dense"
    assert downloads.prepare_next() and not downloads.prepare_next()
    monkeypatch.setattr(downloads, "_entry", lambda *args: pytest.fail("made again"))
    downloads.write(tmp_path / "site")
    assert "https://example.org/api/nn/#mathlib.nn.Dense" in (tmp_path / "site" / "p" / "p.ipynb").read_text()


def test_a_download_made_before_its_links_were_known_is_made_again(tmp_path):
    """A cross-reference autorefs learns after the early make changes the links: the files are remade."""
    downloads, autorefs = _downloads(tmp_path)
    assert downloads.prepare_next()
    autorefs.known["mathlib.nn.Dense"] = "api/nn/#mathlib.nn.Dense"
    downloads.write(tmp_path / "site")
    assert "https://example.org/api/nn/#mathlib.nn.Dense" in (tmp_path / "site" / "p" / "p.ipynb").read_text()
