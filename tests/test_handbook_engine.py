"""Tests for handbook.engine: planning pages, and caching what passed."""

from pathlib import Path

import pytest

from handbook.engine import Engine, Site

PAGE = "# P\n\nProse.\n\n```python\nprint(6 * 7)\n#> 42\n```\n"


@pytest.fixture
def engine(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "lib.py").write_text("VALUE = 1\n")
    site = Site(root=tmp_path, docs_dir=tmp_path / "docs", cache_dir=tmp_path / ".cache", sources=[tmp_path / "lib.py"])
    engine = Engine(site)
    yield engine
    engine.close()


def run_page(engine: Engine, text: str, name: str = "p.md"):
    path = engine.site.docs_dir / name
    path.write_text(text, encoding="utf-8")
    return engine.run([engine.plan(path)])[f"docs/{name}"]


def test_first_run_is_a_miss_and_the_second_a_hit(engine):
    """A page that passed is stored; running it again reads the store instead of executing."""
    assert run_page(engine, PAGE).cache == "miss"
    assert run_page(engine, PAGE).cache == "hit"


def test_a_prose_edit_is_still_a_hit_with_lines_moved(engine):
    """New prose above a block re-runs nothing, and the #> group moves with the block."""
    run_page(engine, PAGE)
    moved = run_page(engine, PAGE.replace("Prose.", "Prose.\n\nMore prose, two lines lower."))
    assert moved.cache == "hit"
    assert moved.result_at(7).outcome["groups"][0][0] == 2  # stored relative to the fence


def test_a_code_edit_is_a_miss(engine):
    """Changing a block's code re-runs the page."""
    run_page(engine, PAGE)
    assert run_page(engine, PAGE.replace("6 * 7", "7 * 6")).cache == "miss"


def test_a_change_to_the_project_sources_is_a_miss(engine):
    """Editing a file named in sources (the library) re-runs every page."""
    run_page(engine, PAGE)
    (engine.site.root / "lib.py").write_text("VALUE = 2\n")
    assert run_page(engine, PAGE).cache == "miss"


def test_a_failure_is_never_stored(engine):
    """A page that failed runs again next time (and fails again)."""
    wrong = PAGE.replace("#> 42", "#> 43")
    assert run_page(engine, wrong).failures
    again = run_page(engine, wrong)
    assert again.cache == "miss" and again.failures


def test_each_profile_has_its_own_entries(engine):
    """A page stored under the default profile is a miss under the second."""
    path = engine.site.docs_dir / "p.md"
    path.write_text(PAGE, encoding="utf-8")
    engine.run([engine.plan(path)])
    assert engine.run([engine.plan(path)], "second")["docs/p.md"].cache == "miss"


def test_a_snippet_edit_is_a_miss(engine):
    """Editing a file a block includes with --8<-- re-runs the page that includes it."""
    engine.site.snippets = {"base_path": ["."], "check_paths": True}
    (engine.site.root / "snip.py").write_text("print('one')\n")
    text = '# S\n\n```python\n--8<-- "snip.py"\n```\n'
    assert run_page(engine, text).cache == "miss"
    assert run_page(engine, text).cache == "hit"
    (engine.site.root / "snip.py").write_text("print('two')\n")
    result = run_page(engine, text)
    assert result.cache == "miss" and result.result_at(3).outcome["stdout"] == "two\n"


def test_problems_found_before_running_stop_the_page(engine):
    """An unknown option fails the page, naming page and line, and nothing of it runs."""
    result = run_page(engine, '# O\n\n```python rasies="ValueError"\nprint("ran")\n```\n')
    (failure,) = result.failures
    assert failure.startswith("docs/p.md:3: unknown option 'rasies'")
    assert not result.results[0].ran


def test_a_missing_snippet_fails_naming_page_and_line(engine):
    """A --8<-- line naming a file that does not exist fails the page at that block."""
    engine.site.snippets = {"base_path": ["."], "check_paths": True}
    (failure,) = run_page(engine, '# M\n\n```python\n--8<-- "nowhere.py"\n```\n').failures
    assert failure.startswith("docs/p.md:3: the snippet could not be included") and "nowhere.py" in failure


def test_plan_lists_every_block_including_those_shown_only(engine, tmp_path: Path):
    """exec="off" blocks are part of the plan (so the build can check they were rendered), not of the run."""
    path = engine.site.docs_dir / "p.md"
    path.write_text('```python exec="off"\nimport antigravity\n```\n\n```python\nx = 1\n```\n', encoding="utf-8")
    plan = engine.plan(path)
    assert [b.line for b in plan.blocks] == [1, 5] and [b["line"] for b in plan.run] == [5]


def test_workers_asked_to_highlight_return_the_blocks_html_with_the_settings_key(engine):
    """With highlight settings, a block's outcome carries its code and output as HTML, made in the worker."""
    settings = {"extensions": ["pymdownx.highlight", "pymdownx.superfences"], "configs": {}}
    path = engine.site.docs_dir / "p.md"
    path.write_text(PAGE, encoding="utf-8")
    futures = engine.start([engine.plan(path)], highlight={"settings": settings, "key": "k1"})
    made = futures["docs/p.md"].result().result_at(5).outcome["highlighted"]
    assert made["settings"] == "k1"
    assert [block[:3] for block in made["blocks"]] == [
        ["python", "print(6 * 7)", None],
        ["text", "42", "Output · verified at build"],
    ]
    assert 'class="highlight"' in made["blocks"][0][3]


def test_a_worker_that_cannot_highlight_still_passes_the_block(engine):
    """Highlighting is only a head start: settings a worker cannot use leave the HTML to the build."""
    path = engine.site.docs_dir / "p.md"
    path.write_text(PAGE, encoding="utf-8")
    broken = {"settings": {"extensions": ["no.such.extension"], "configs": {}}, "key": "k1"}
    result = engine.start([engine.plan(path)], highlight=broken)["docs/p.md"].result()
    assert result.failures == [] and "highlighted" not in result.result_at(5).outcome


def test_the_allow_list_is_parsed_once_while_it_is_unchanged_and_again_when_edited(engine, monkeypatch):
    """Every plan reads the allow-list, so `mkdocs serve` sees an edit; it is parsed only when its text changed."""
    from handbook import figures

    parses = []
    load = figures.load_allowed
    monkeypatch.setattr(figures, "load_allowed", lambda *args: parses.append(1) or load(*args))
    allowed = engine.site.allowed_figures = engine.site.root / "allowed.yml"
    allowed.write_text('docs/p.md:\n  "2.5": an input\n', encoding="utf-8")
    path = engine.site.docs_dir / "p.md"
    path.write_text(PAGE, encoding="utf-8")
    assert [engine.plan(path).allowed for _ in range(3)] == [{"2.5": "an input"}] * 3
    assert len(parses) == 1
    allowed.write_text('docs/p.md:\n  "3.5": an input\n', encoding="utf-8")
    assert engine.plan(path).allowed == {"3.5": "an input"} and len(parses) == 2


def test_a_pages_restatements_are_found_once(engine, monkeypatch):
    """A page's prose figures are checked against its outputs once, however often its failures are asked for."""
    from handbook import figures

    calls = []
    find = figures.restatements
    monkeypatch.setattr(figures, "restatements", lambda *args: calls.append(1) or find(*args))
    result = run_page(engine, PAGE + "\nThe answer is 42.\n")
    assert result.failures == result.failures == result.restatements() != []
    assert len(calls) == 1
