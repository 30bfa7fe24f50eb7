"""Tests for handbook.update: rewriting stated outputs from real ones (`make update-examples`)."""

import textwrap

import pytest

from handbook.engine import Engine, Site
from handbook.update import update_pages

PAGE = textwrap.dedent(
    """\
    # Page

    ```python
    print(6 * 7)
    #> 41
    for i in range(2):
        print(i)
        #> wrong
    ```

    ```pycon
    >>> 2 ** 10
    1000
    ```
    """
)


@pytest.fixture
def page(tmp_path):
    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / "page.md"
    path.write_text(PAGE, encoding="utf-8")
    engine = Engine(Site(root=tmp_path, docs_dir=tmp_path / "docs", workers=1))
    yield engine, path
    engine.close()


def test_update_rewrites_hash_gt_groups_with_the_real_output(page):
    """Each #> group is replaced by what its code prints, keeping its indentation."""
    engine, path = page
    assert update_pages(engine, [path]) == ([path], [])
    text = path.read_text(encoding="utf-8")
    assert "#> 42\n" in text
    assert "    #> 0\n    #> 1\n" in text


def test_update_rewrites_pycon_sessions(page):
    """A pycon session is replaced by the transcript of a real run."""
    engine, path = page
    update_pages(engine, [path])
    assert ">>> 2 ** 10\n1024\n" in path.read_text(encoding="utf-8")


def test_update_leaves_a_correct_page_unchanged(page):
    """A page whose outputs are already right is not rewritten."""
    engine, path = page
    update_pages(engine, [path])
    assert update_pages(engine, [path]) == ([], [])


def test_a_block_that_raises_stops_its_page_naming_page_and_line(page):
    """A page whose code raises is not rewritten; the failure names page and line."""
    engine, path = page
    path.write_text("# P\n\n```python\n1 / 0\n#> 0\n```\n", encoding="utf-8")
    changed, (failure,) = update_pages(engine, [path])
    assert changed == [] and failure.startswith("docs/page.md:3: the block raised")


SNIPPET_PAGE = """# P

```python
--8<-- "docs/helper.py"
print(half(8))
#> 4.0
print(half(3))
#> 0
```

Prose after the block.
"""


@pytest.fixture
def snippet_page(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "helper.py").write_text("def half(v):\n    return v / 2\n\n\n", encoding="utf-8")
    path = tmp_path / "docs" / "page.md"
    path.write_text(SNIPPET_PAGE, encoding="utf-8")
    site = Site(
        root=tmp_path, docs_dir=tmp_path / "docs", snippets={"base_path": ["."], "check_paths": True}, workers=1
    )
    engine = Engine(site)
    yield engine, path
    engine.close()


def test_update_rewrites_the_groups_of_a_block_that_includes_a_snippet_in_place(snippet_page):
    """Only the wrong #> line changes, though the included file moved the expanded code's lines down."""
    engine, path = snippet_page
    assert update_pages(engine, [path]) == ([path], [])
    assert path.read_text(encoding="utf-8") == SNIPPET_PAGE.replace("#> 0\n", "#> 1.5\n")
