"""Tests for handbook.lint: a stated output that is round-off, not a fact, is an error."""

import pytest

from handbook.blocks import find_blocks
from handbook.lint import roundoff_problems


def lint(code: str, lang: str = "python") -> list[tuple[int, str]]:
    (block,) = find_blocks(f"# Page\n\n```{lang}\n{code}\n```\n")
    return roundoff_problems(block)


@pytest.mark.parametrize("stated", ["2.8e-17", "-6.5e-12", "0.0e+00", "0e0", "1.0E-10"])
def test_tiny_or_scientific_zero_stated_output_fails(stated):
    """A gap printed as its noise (or as 0.0e+00) is reported."""
    assert lint(f"print(gap)\n#> largest gap {stated}")


def test_the_problem_names_the_page_line_of_the_statement():
    """The report points at the #> line itself (page line, not block line)."""
    ((line, message),) = lint("x = 1\nprint(x)\n#> gap 2.8e-17")
    assert line == 6 and "'2.8e-17'" in message and "bound" in message


@pytest.mark.parametrize("stated", ["gap < 1e-12: True", "gap <= 1e-12", "gap ≤ 1e-12", "loss 0.0012", "0.0", "1e-3"])
def test_bounds_and_ordinary_numbers_pass(stated):
    """A bound, an ordinary number and a plain zero are facts that do not depend on the CPU."""
    assert lint(f"print(x)\n#> {stated}") == []


def test_an_input_the_code_writes_itself_passes():
    """h = 1e-12 echoed from the code's own literal is an input, not a computed result."""
    assert lint("for h in [1e-12]:\n    print(f'h = {h:.0e}')\n    #> h = 1e-12") == []


def test_pycon_expected_output_is_linted_too():
    """A session's stated output is checked like a #> line, on its own page line."""
    ((line, _),) = lint(">>> gap\n3.3e-17", lang="pycon")
    assert line == 5
