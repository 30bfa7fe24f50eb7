"""Tests for handbook.blocks: which fences are executable blocks, and where."""

from handbook.blocks import annotate_lines, find_blocks, parse_options

PAGE = """# Title

```python
x = 1
```

````markdown
```python
not_a_block = True
```
````

!!! note
    ```pycon
    >>> 1 + 1
    2
    ```

```python exec="off" title="shown, not run"
import antigravity
```

```bash
make serve
```
"""


def test_finds_python_and_pycon_blocks_in_page_order():
    """Top-level python and pycon fences are blocks; bash is not."""
    assert [b.lang for b in find_blocks(PAGE)] == ["python", "pycon", "python"]


def test_fence_nested_in_a_longer_fence_is_text():
    """A ```python example inside a ````markdown fence is not executed."""
    assert all("not_a_block" not in b.code for b in find_blocks(PAGE))


def test_block_line_is_the_opening_fence_line():
    """Each block knows the 1-based line of its opening fence."""
    assert [b.line for b in find_blocks(PAGE)] == [3, 14, 19]


def test_indented_block_code_is_dedented():
    """A block inside an admonition loses the admonition's indentation."""
    pycon = find_blocks(PAGE)[1]
    assert pycon.code == ">>> 1 + 1\n2"


def test_exec_off_is_explicit_and_parsed():
    """exec="off" marks a block that is shown but not run."""
    block = find_blocks(PAGE)[2]
    assert not block.executes
    assert block.options == {"exec": "off", "title": "shown, not run"}


def test_parse_options_reads_flags_and_quoted_values():
    """Options follow superfences' key="value" syntax; bare words are flags."""
    assert parse_options('raises="ValueError" match="A is (2, 3)" flag') == {
        "raises": "ValueError",
        "match": "A is (2, 3)",
        "flag": "on",
    }


def test_annotate_lines_marks_only_executable_fences():
    """annotate_lines adds line="N" to python/pycon fences, not to the nested example or bash."""
    annotated = annotate_lines(PAGE).split("\n")
    assert annotated[2] == '```python line="3"'
    assert annotated[7] == "```python"
    assert annotated[13] == '    ```pycon line="14"'
    assert annotated[22] == "```bash"
