"""Tests for scripts/update_examples.py: rewriting stated outputs from real ones."""

import textwrap

from update_examples import update_page

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


def test_update_rewrites_hash_gt_groups_with_the_real_output(tmp_path):
    """Each #> group is replaced by what its code prints, keeping its indentation."""
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    assert update_page(page)
    text = page.read_text(encoding="utf-8")
    assert "#> 42\n" in text
    assert "    #> 0\n    #> 1\n" in text


def test_update_rewrites_pycon_sessions(tmp_path):
    """A pycon session is replaced by the transcript of a real run."""
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    update_page(page)
    assert ">>> 2 ** 10\n1024\n" in page.read_text(encoding="utf-8")


def test_update_leaves_a_correct_page_unchanged(tmp_path):
    """A page whose outputs are already right is not rewritten."""
    page = tmp_path / "page.md"
    page.write_text(PAGE, encoding="utf-8")
    update_page(page)
    assert not update_page(page)
