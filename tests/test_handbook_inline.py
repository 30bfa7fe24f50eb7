"""Tests for handbook.inline: inline expressions are found, evaluated and substituted."""

import pytest

from handbook.inline import evaluate, find_inline, substitute

PAGE = """# Title

The posterior is `{py} posterior:.0%`, and in a formula $p = `{py} posterior:.3f`$.

| name | value |
| --- | --- |
| `{py} name` | `{py} 6 * 7` |

Literal code: `` `{py} shown` `` and `x = 1`.

```markdown
`{py} inside_a_fence`
```
"""


def test_finds_expressions_in_prose_tables_and_math_in_page_order():
    """Single-backtick spans starting with {py} are expressions, wherever the prose is."""
    assert [(i.line, i.expression) for i in find_inline(PAGE)] == [
        (3, "posterior:.0%"),
        (3, "posterior:.3f"),
        (7, "name"),
        (7, "6 * 7"),
    ]


def test_double_backtick_spans_and_fences_are_literal():
    """`` `{py} x` `` shows the syntax, and a fence's text is never evaluated."""
    expressions = {i.expression for i in find_inline(PAGE)}
    assert "shown" not in expressions and "inside_a_fence" not in expressions


def test_evaluate_applies_the_format_spec_as_an_f_string_does():
    """What follows {py} is an f-string field: a spec formats it."""
    assert evaluate("p:.1%", {"p": 0.25}) == "25.0%"
    assert evaluate("n:,", {"n": 1344000}) == "1,344,000"


def test_evaluate_raises_what_the_expression_raises():
    """An undefined name is a NameError, as in a block."""
    with pytest.raises(NameError, match="nowhere"):
        evaluate("nowhere", {})


def test_an_empty_expression_is_a_syntax_error():
    """`{py}` with nothing after it says what is missing."""
    with pytest.raises(SyntaxError, match="needs an expression"):
        evaluate("", {})


def test_substitute_replaces_each_span_by_its_value():
    """The text keeps everything but the spans, which become their values."""
    text = "a `{py} x` b `{py} y:.2f` c"
    assert substitute(text, ["1", "2.00"]) == "a 1 b 2.00 c"


def test_substitute_refuses_a_count_mismatch():
    """Values must pair with expressions one to one."""
    with pytest.raises(ValueError, match="2 inline expressions in the text but 1 values"):
        substitute("`{py} a` `{py} b`", ["1"])
