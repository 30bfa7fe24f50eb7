"""Tests for handbook.options: a misspelt or misplaced block option is an error, never ignored."""

import pytest

from handbook.blocks import find_blocks
from handbook.options import problems


def options_of(fence: str) -> list[str]:
    (block,) = find_blocks(f"{fence}\nx = 1\n```\n")
    return problems(block)


@pytest.mark.parametrize(
    "fence",
    [
        '```python raises="ValueError" match="columns"',
        '```python exec="off" title="shown"',
        '```python show="output"',
        '```python timeout="90"',
        '```pycon timeout="5"',
        "```quiz",
    ],
)
def test_known_options_pass(fence):
    """The options the author's guide documents raise no problem."""
    assert options_of(fence) == []


def test_misspelt_option_is_named_with_a_suggestion():
    """rasies= is reported by name, with the option it resembles."""
    (message,) = options_of('```python rasies="ValueError"')
    assert "unknown option 'rasies'" in message and "did you mean 'raises'?" in message


def test_bad_value_of_a_choice_is_reported():
    """show="ouput" is not a value show= takes."""
    (message,) = options_of('```python show="ouput"')
    assert "show='ouput' is not one of output" in message


def test_match_without_raises_is_reported():
    """match= only means something together with raises=."""
    (message,) = options_of('```python match="columns"')
    assert "'match' needs 'raises'" in message


def test_timeout_must_be_a_positive_number():
    """timeout="soon" (or 0) is not a number of seconds."""
    assert options_of('```python timeout="soon"') and options_of('```python timeout="0"')


def test_option_of_another_language_is_unknown():
    """raises= belongs to python blocks; on a pycon block it is an error (a session shows its traceback)."""
    (message,) = options_of('```pycon raises="ValueError"')
    assert "unknown option 'raises' on a pycon block" in message
