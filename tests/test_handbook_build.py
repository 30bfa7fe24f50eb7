"""The build's guards, proven on small fixture sites: each planted fault fails the build."""

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.build


def report(site: Path) -> dict:
    """The machine-readable report the build wrote beside its site."""
    return json.loads((site / "site-report.json").read_text(encoding="utf-8"))


GOOD = """\
    # Good

    ```python
    print(6 * 7)
    #> 42
    ```
    """


def test_a_clean_fixture_builds(make_site, tmp_path, build):
    """Control: a page whose block runs and whose output matches builds without error."""
    result = build(make_site(tmp_path, {"index.md": GOOD}))
    assert result.returncode == 0, result.stderr
    assert "42" in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_missing_snippet_file_fails_the_build_naming_the_page(make_site, tmp_path, build):
    """(4) Including a snippet file that does not exist fails the build, naming the page."""
    page = '# Snippet\n\n```python exec="off"\n--8<-- "snippets/nowhere.py"\n```\n'
    result = build(make_site(tmp_path, {"index.md": GOOD, "snippet.md": page}))
    assert result.returncode != 0
    assert "Error reading page 'snippet.md'" in result.stderr
    assert "nowhere.py" in result.stderr


def test_quiet_strict_build_still_fails_on_warnings(make_site, tmp_path, build):
    """`mkdocs build --strict -q` fails on a broken link (MkDocs alone lets it pass)."""
    page = "# Links\n\nSee [the missing page](missing.md).\n"
    result = build(make_site(tmp_path, {"index.md": GOOD, "links.md": page}), "-q")
    assert result.returncode != 0
    assert "links.md" in result.stderr


def test_notebook_cell_that_raises_fails_the_build_naming_the_notebook(make_site, tmp_path, build):
    """The code lab runs at build; a cell that raises (errors are not allowed) aborts the build."""
    import nbformat

    site = make_site(tmp_path, {"index.md": GOOD})
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("x = 1"), nbformat.v4.new_code_cell("1 / 0")]
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, site / "docs" / "lab.ipynb")
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "  - lab.ipynb\n", encoding="utf-8")
    result = build(site)
    assert result.returncode != 0
    assert "Error reading page 'lab.ipynb'" in result.stderr
    assert "ZeroDivisionError" in result.stderr


def test_each_rebuild_starts_every_page_from_a_clean_namespace(make_site, tmp_path, monkeypatch):
    """Building twice in one process (as `mkdocs serve` does) gives each page a fresh namespace."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    page = "# Once\n\n```python\nassert 'seen' not in globals()\nseen = True\n```\n"
    site = make_site(tmp_path, {"index.md": page})
    monkeypatch.chdir(site)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("HANDBOOK_CACHE", "0")  # run the page both times, not once and then from the cache
    for _ in range(2):
        mkdocs_build(load_config(str(site / "mkdocs.yml"), strict=True))


@contextlib.contextmanager
def serving(site: Path, *flags: str):
    """Run `mkdocs serve` for a fixture site on a free loopback port; yield a page waiter."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *flags, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=site,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def wait_for(text: str) -> str | None:
        """The home page's HTML once it contains ``text`` (within a minute), else None."""
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
                    html = response.read().decode("utf-8")
                    if text in html:
                        return html
            except OSError:
                pass
            time.sleep(0.3)
        return None

    try:
        yield wait_for
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_shows_a_failing_block_on_the_page_and_keeps_serving(make_site, tmp_path):
    """Under `mkdocs serve` a failing block is shown where it is, with its traceback, and serving goes on."""
    page = "# Oops\n\n```python\nprint(undefined_name)\n```\n"
    with serving(make_site(tmp_path, {"index.md": page})) as wait_for:
        html = wait_for("This block failed")
        assert html is not None, "mkdocs serve did not show the failure"
        assert "NameError" in html and "undefined_name" in html


def test_serve_rebuild_uses_the_library_as_it_is_now_on_disk(make_site, tmp_path):
    """After a module of the project changes, `make serve` (`--dirty`) re-runs and rebuilds the page that uses it.

    The page's file did not change, so only the engine's cache key can tell `--dirty` to rebuild it.
    """
    (tmp_path / "fixture_lib.py").write_text("VALUE = 'first'\n", encoding="utf-8")
    page = "# Value\n\n```python\nimport fixture_lib\nprint(f'value is {fixture_lib.VALUE}')\n```\n"
    site = make_site(tmp_path, {"index.md": page}, sources=["fixture_lib.py"])
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("watch: []", "watch: [fixture_lib.py]"))
    with serving(site, "--dirty") as wait_for:
        assert wait_for("value is first")
        (tmp_path / "fixture_lib.py").write_text("VALUE = 'second'\n", encoding="utf-8")
        assert wait_for("value is second"), "the rebuild kept the old module"


# A sum of a 37x53 by 53x29 product: BLAS kernels add its terms in different orders.
BLAS_SUM = (
    "import numpy as np\n"
    "rng = np.random.default_rng(0)\n"
    "A, B = rng.standard_normal((37, 53)), rng.standard_normal((53, 29))\n"
    "print(repr(float((A @ B).sum())))\n"
)


def _blas_sum(profile: str) -> str:
    from handbook.profiles import environment

    env = environment(profile)
    return subprocess.run([sys.executable, "-c", BLAS_SUM], env=env, capture_output=True, text=True, check=True).stdout


def test_roundoff_stated_output_passes_one_profile_and_fails_the_other(make_site, tmp_path, build):
    """A stated BLAS sum at full precision builds under the default profile and fails under the second."""
    stated = _blas_sum("default").strip()
    assert stated != _blas_sum("second").strip(), "the two profiles sum alike on this machine"
    page = f"# BLAS\n\n```python\n{BLAS_SUM}#> {stated}\n```\n"
    site = make_site(tmp_path, {"index.md": GOOD, "blas.md": page})
    assert build(site, HANDBOOK_PROFILE="default").returncode == 0
    second = build(site, HANDBOOK_PROFILE="second")
    assert second.returncode != 0
    assert "docs/blas.md:8: the output does not match the #> lines" in second.stderr


def test_report_lists_every_block_with_kind_status_seconds_and_cache(make_site, tmp_path, build):
    """The report beside the site has one row per block: page, line, kind, status, seconds, cache."""
    quiz = "```quiz\nquestion: Q?\noptions:\n  - text: a\n    correct: true\n    why: y\n  - text: b\n    why: n\n```\n"
    page = (
        '# All\n\n```python\nx = 1\n```\n\n```pycon\n>>> 1 + 1\n2\n```\n\n```python exec="off"\nshown\n```\n\n' + quiz
    )
    site = make_site(tmp_path, {"index.md": page})
    assert build(site).returncode == 0
    rows = report(site)["blocks"]
    assert [(r["line"], r["kind"], r["status"], r["cache"]) for r in rows] == [
        (3, "python", "passed", "miss"),
        (7, "pycon", "passed", "miss"),
        (12, "python", "shown", "miss"),
        (16, "quiz", "passed", "miss"),
    ]
    assert all(isinstance(r["seconds"], float) for r in rows)


def test_second_build_runs_nothing_and_is_byte_identical(make_site, tmp_path, build):
    """With nothing changed, every block comes from the cache and the site is the same, byte for byte."""
    site = make_site(tmp_path, {"index.md": GOOD, "two.md": "# Two\n\n```python\nprint('two')\n```\n"})
    assert build(site).returncode == 0
    first = {p.relative_to(site): p.read_bytes() for p in (site / "site").rglob("*") if p.is_file()}
    assert build(site).returncode == 0
    assert {r["cache"] for r in report(site)["blocks"]} == {"hit"}
    second = {p.relative_to(site): p.read_bytes() for p in (site / "site").rglob("*") if p.is_file()}
    assert first == second


def test_prose_edit_reruns_nothing_and_code_edit_reruns_that_page_only(make_site, tmp_path, build):
    """Prose above a block keeps every page a cache hit; editing one block re-runs that page alone."""
    site = make_site(tmp_path, {"index.md": GOOD, "two.md": "# Two\n\n```python\nprint('two')\n```\n"})
    assert build(site).returncode == 0
    index = site / "docs" / "index.md"
    index.write_text(index.read_text().replace("# Good\n", "# Good\n\nA new paragraph.\n"))
    assert build(site).returncode == 0
    assert {r["page"]: r["cache"] for r in report(site)["blocks"]} == {"docs/index.md": "hit", "docs/two.md": "hit"}
    assert "42" in (site / "site" / "index.html").read_text(encoding="utf-8")
    index.write_text(index.read_text().replace("6 * 7", "7 * 6"))
    assert build(site).returncode == 0
    assert {r["page"]: r["cache"] for r in report(site)["blocks"]} == {"docs/index.md": "miss", "docs/two.md": "hit"}


def test_search_index_follows_a_prose_edit_and_keeps_the_unchanged_pages(make_site, tmp_path, build):
    """The search index reads unchanged pages from the cache, never a changed page's old text."""
    site = make_site(tmp_path, {"index.md": GOOD, "two.md": "# Two\n\nThe word quokka.\n"})
    assert build(site).returncode == 0
    two = site / "docs" / "two.md"
    two.write_text(two.read_text().replace("quokka", "wombat"))
    assert build(site).returncode == 0
    index = (site / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "wombat" in index and "quokka" not in index
    assert '"location":"two/"' in index and '"location":""' in index


ORDERED = {
    "index.md": GOOD,
    "plain.md": "# Plain\n\nThe word quokka, and no code.\n",
    "slow.md": "# Slow\n\n```python\nimport time\ntime.sleep(1)\n```\n",
}


def test_site_keeps_mkdocs_page_order_though_pages_without_code_convert_first(make_site, tmp_path, build):
    """The plugin converts the page without code first; the sitemap and search index keep MkDocs' order."""
    site = make_site(tmp_path, ORDERED)
    assert build(site).returncode == 0
    sitemap = (site / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert [sitemap.index(f"/{name}</loc>") for name in ("", "plain/", "slow/")] == sorted(
        sitemap.index(f"/{name}</loc>") for name in ("", "plain/", "slow/")
    )
    index = json.loads((site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = [doc["location"] for doc in index["docs"] if "#" not in doc["location"]]
    assert pages == ["", "plain/", "slow/"]


def test_a_page_indexed_while_another_page_runs_is_indexed_once(make_site, tmp_path, build):
    """The page without code is given to the search index while slow.md runs, and only once."""
    site = make_site(tmp_path, ORDERED)
    assert build(site).returncode == 0
    index = json.loads((site / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [doc["location"] for doc in index["docs"]].count("plain/") == 1


def test_cache_can_be_switched_off_for_a_run(make_site, tmp_path, build):
    """HANDBOOK_CACHE=0 runs every block and stores nothing."""
    site = make_site(tmp_path, {"index.md": GOOD})
    assert build(site, HANDBOOK_CACHE="0").returncode == 0
    assert {r["cache"] for r in report(site)["blocks"]} == {"off"}
    assert not (site / ".cache" / "handbook").exists()


# ---- planted faults: one build of a site that has them all -------------------------------
# A build goes on past a failing page and lists every failure, so one build proves them all.

FAULTS = {
    "index.md": GOOD,
    "raises.md": "# Raises\n\nSome prose.\n\n```python\nx = 1\ny = x / 0\n```\n",
    "wrong.md": "# Wrong\n\n```python\nprint(0.1 + 0.2)\n#> 0.3\n```\n",
    "links.md": "# Links\n\nSee [the missing page](missing.md).\n",
    "loop.md": '# Loop\n\n```python timeout="1"\nwhile True:\n    pass\n```\n',
    "sleep.md": '# Sleep\n\n```python timeout="2"\nimport time\ntime.sleep(3600)\n```\n',
    "mistake.md": '# Mistake\n\n```python raises="ValueError"\nx = int("12")\n```\n',
    "quiz.md": (
        "# Quiz\n\n```python\nanswer = 6 * 7\n```\n\n```quiz\nquestion: What is 6 x 7?\n"
        "check: answer == 43\noptions:\n  - text: '43'\n    correct: true\n    why: No.\n"
        "  - text: '42'\n    why: Yes.\n```\n"
    ),
    "one.md": "# One\n\n```python\nsecret = 1\n```\n",
    "two.md": "# Two\n\n```python\nprint(secret)\n```\n",
    "api.md": "# API\n\n::: fixture_module\n",
    "opt-raises.md": '# Options\n\n```python rasies="ValueError"\nx = 1\n```\n',
    "opt-show.md": '# Options\n\n```python show="ouput"\nx = 1\n```\n',
    "opt-match.md": '# Options\n\n```python match="columns"\nx = 1\n```\n',
    "gap.md": "# Gap\n\n```python\ngap = 0.1 + 0.2 - 0.3\nprint(f'gap {gap:.1e}')\n#> gap 5.6e-17\n```\n",
    "hidden.md": "# Hidden\n\nSome text.\n\n    ```python\n    print('never shown')\n    ```\n",
    "inline-error.md": "# Inline\n\n```python\nx = 1\n```\n\nThe value is `{py} y:.2f`.\n",
    "restated.md": "# Restated\n\n```python\nprint(f'{2 / 3:.4f}')\n```\n\nIt prints 0.6667, about 67 %.\n",
    "erratum.md": (
        '# A page with an erratum\n\n## The sum\n\n??? erratum "Erratum: the sum is `{py} 2 + 2`"\n\n'
        "    **What the work says.** Two and two make five.\n\n"
        "    ```python\n    print(2 + 2)\n    ```\n"
    ),
    "errata.md": "# Errata\n\n<!-- handbook:errata -->\n",
    "inline.md": (
        "# Inline\n\n```python\nratio = 2 / 3\n```\n\nThe ratio is `{py} ratio:.3f`"
        " ($r = `{py} ratio:.2f`$).\n\n| ratio |\n| --- |\n| `{py} ratio:.1%` |\n"
    ),
}


@pytest.fixture(scope="module")
def faults(tmp_path_factory, make_site, build):
    """The strict build of a site with every planted fault, and how long it took."""
    folder = tmp_path_factory.mktemp("faults")
    (folder / "fixture_module.py").write_text('"""A module.\n\nExamples\n--------\n>>> 1 + 1\n3\n"""\n')
    site = make_site(folder, FAULTS, restatements="fail")
    started = time.monotonic()
    result = build(site)
    result.seconds, result.site = time.monotonic() - started, site
    return result


def test_the_faulty_build_fails_and_lists_every_failure(faults):
    """The build fails once, at the end, after naming every failing block of every page."""
    assert faults.returncode != 0
    assert "handbook: 16 failure(s), each named above with its page and line" in faults.stderr


def test_block_that_raises_fails_the_build_naming_page_line_and_traceback(faults):
    """(1) A block that raises fails the build with the page, the Markdown line and the traceback."""
    assert "docs/raises.md:5: the block raised" in faults.stderr
    assert 'File "docs/raises.md", line 7' in faults.stderr
    assert "ZeroDivisionError: division by zero" in faults.stderr


def test_wrong_expected_output_fails_the_build_naming_page_and_line(faults):
    """(2) A #> line that is not the real output fails the build, naming page and line."""
    assert "docs/wrong.md:5: the output does not match the #> lines" in faults.stderr
    assert "+0.30000000000000004" in faults.stderr


def test_broken_internal_link_fails_the_build_naming_the_page(faults):
    """(3) A link to a page that does not exist fails the strict build, naming the page."""
    assert "Doc file 'links.md' contains a link 'missing.md'" in faults.stderr


def test_runaway_block_fails_the_build(faults):
    """A block that runs past its time limit is stopped and fails the build."""
    assert "docs/loop.md:3: the block ran longer than its 1 s limit; its worker process was killed" in faults.stderr


def test_block_stuck_in_sleep_fails_at_its_limit(faults):
    """time.sleep(3600) (which no exception can interrupt) fails the build at its limit, naming page and line."""
    assert "docs/sleep.md:3: the block ran longer than its 2 s limit; its worker process was killed" in faults.stderr
    assert faults.seconds < 60


def test_mistake_block_that_does_not_raise_fails_the_build(faults):
    """Code shown as a mistake (raises=) must raise, or the build fails."""
    assert "docs/mistake.md:3: the block was expected to raise ValueError" in faults.stderr


def test_quiz_whose_marked_answer_is_not_computed_fails_the_build(faults):
    """A quiz's check runs in the page namespace; if it is false the build fails, naming page and line."""
    assert "docs/quiz.md:7: the quiz check 'answer == 43' is not true" in faults.stderr


def test_pages_do_not_share_state(faults):
    """A name defined on one page is not defined on the next."""
    assert "docs/two.md:3: the block raised" in faults.stderr
    assert "NameError: name 'secret' is not defined" in faults.stderr


def test_wrong_docstring_example_on_an_api_page_fails_the_build(faults):
    """The examples an API page shows (from `::: module`) are run at build; a wrong one fails it."""
    assert "docs/api.md: docstring examples of fixture_module do not reproduce" in faults.stderr
    assert "Expected:\n    3\nGot:\n    2" in faults.stderr


@pytest.mark.parametrize(
    "message",
    [
        "docs/opt-raises.md:3: unknown option 'rasies' on a python block (did you mean 'raises'?)",
        "docs/opt-show.md:3: option show='ouput' is not one of output",
        "docs/opt-match.md:3: option 'match' needs 'raises'",
    ],
)
def test_unknown_or_misused_option_fails_the_build_naming_page_and_line(faults, message):
    """A misspelt option, a bad value or match= without raises= fails the build instead of being ignored."""
    assert message in faults.stderr


def test_roundoff_stated_as_a_fact_fails_the_build_naming_page_and_line(faults):
    """A stated gap of 5.6e-17 (noise, not mathematics) fails the lint, naming the #> line."""
    assert "docs/gap.md:6: the stated output '5.6e-17' is smaller than 1e-09" in faults.stderr


def test_inline_expression_that_raises_fails_the_build_naming_page_and_line(faults):
    """`{py} y` with y undefined fails at its own line, with the error."""
    assert "docs/inline-error.md:7: the inline expression `{py} y:.2f` raised NameError" in faults.stderr


def test_typed_restatement_of_an_output_fails_the_build_naming_figure_and_output(faults):
    """0.6667 and 67 % in the prose restate the printed 0.6667: each is reported."""
    assert "docs/restated.md:7: the prose types 0.6667, which restates the output 0.6667" in faults.stderr
    assert "docs/restated.md:7: the prose types 67%, which restates the output 0.6667" in faults.stderr


def test_inline_expressions_become_their_values_in_prose_math_and_tables(faults):
    """The page shows the computed values where the expressions were."""
    html = (faults.site / "site" / "inline" / "index.html").read_text(encoding="utf-8")
    assert "The ratio is 0.667" in html
    assert "r = 0.67" in html
    assert "<td>66.7%</td>" in html


def test_errata_page_lists_every_box_with_a_link_to_it(faults):
    """The errata page links to each box by its id, under its page; a computed title shows its value."""
    listing = (faults.site / "site" / "errata" / "index.html").read_text(encoding="utf-8")
    page = (faults.site / "site" / "erratum" / "index.html").read_text(encoding="utf-8")
    assert '<details class="erratum" id="erratum-1">' in page
    assert 'href="../erratum/#erratum-1">Erratum: the sum is 4</a> — The sum' in listing
    assert "1 erratum on 1 page." in listing


def test_block_the_page_does_not_render_fails_the_build(faults):
    """A fence the parser finds but the page drops (inside an indented code block) fails the build."""
    assert "docs/hidden.md: blocks found by the parser were not rendered by the page (lines 5)" in faults.stderr


def test_missing_snippet_in_executed_code_fails_naming_page_and_line(make_site, tmp_path, build):
    """An executed block that includes a file that does not exist fails at its own line.

    (A build of its own: MkDocs' snippets extension aborts the build at that page.)
    """
    page = '# Snippet\n\n```python\n--8<-- "snippets/nowhere.py"\n```\n'
    result = build(make_site(tmp_path, {"index.md": GOOD, "snippet.md": page}))
    assert result.returncode != 0
    assert "docs/snippet.md:3: the snippet could not be included" in result.stderr


def test_a_failing_build_still_writes_its_report(faults):
    """The report of a failed build has every page's rows: passed ones as passed, failed ones as failed."""
    status = {row["page"]: row["status"] for row in report(faults.site)["blocks"]}
    assert status["docs/one.md"] == "passed" and status["docs/two.md"] == "failed"
