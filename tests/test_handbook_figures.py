"""Tests for handbook.figures: a typed figure that restates a printed one is found."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handbook.figures import load_allowed, prose_figures, restatements

CODE = "```python\nprior = 0.02\nprint(f'{0.8 + 0.1107:.4f}')\n```\n"
INPUTS = {Decimal("0.02"), Decimal("0.8"), Decimal("0.1107")}


def found(prose: str, stdout: str = "0.9107\n", allowed=frozenset()) -> list[str]:
    text = "# T\n\n" + CODE + "\n" + prose + "\n"
    return [r.figure for r in restatements(text, [{"stdout": stdout}], set(allowed))]


def test_the_printed_figure_typed_again_is_a_restatement():
    """0.9107 in the prose, 0.9107 printed: reported."""
    assert found("It prints 0.9107.") == ["0.9107"]


def test_a_rounded_figure_is_a_restatement():
    """0.91 rounds the printed 0.9107."""
    assert found("About 0.91.") == ["0.91"]


def test_a_percentage_of_a_printed_fraction_is_a_restatement():
    """91 % is the printed 0.9107 as a percentage."""
    assert found("About 91 %.") == ["91%"]


def test_a_figure_written_in_the_code_is_an_input():
    """The prior, 2 %, is written in the code (0.02): not a restatement."""
    assert found("From 2 % before.") == []


def test_a_figure_the_page_did_not_print_is_not_a_restatement():
    """0.87 neither equals nor rounds 0.9107."""
    assert found("Not 0.87.") == []


def test_one_digit_figures_are_not_compared():
    """0.9 has one significant digit: too common to mean anything."""
    assert found("Near 0.9.") == []


def test_a_count_does_not_restate_a_rounded_decimal():
    """The count 10 is not the printed 9.6 rounded."""
    assert found("We use 10 points.", stdout="9.6\n") == []


def test_inline_expressions_code_spans_and_links_are_not_prose():
    """Figures inside `{py} ...`, code spans and link targets are not typed prose."""
    assert found("See `{py} 0.9107` and `f(0.9107)` and [x](page-0.9107.md).") == []


def test_the_allow_list_exempts_a_figure():
    """A listed figure is not reported."""
    assert found("The source says 0.9107.", allowed={"0.9107"}) == []


def test_the_allow_list_names_a_percentage_as_the_report_does():
    """An entry "91%" exempts the prose's 91 %, as the report spells it."""
    assert found("About 91 %.", allowed={"91%"}) == []


def test_figures_in_math_are_prose():
    """A formula's figures count: $p = 0.9107$ restates."""
    assert [f.text for _, f in prose_figures("$p = 0.9107$")] == ["0.9107"]


def test_indian_and_western_digit_grouping_are_read_as_one_number():
    """1,344 and 1,00,000 are single figures."""
    values = [f.value for _, f in prose_figures("1,344 and 1,00,000")]
    assert values == [Decimal(1344), Decimal(100000)]


@given(st.floats(min_value=0.01, max_value=1e6, allow_nan=False), st.integers(min_value=2, max_value=4))
def test_any_rounding_of_a_printed_value_is_found(x, decimals):
    """A printed value with six decimals, typed rounded to fewer, is always reported."""
    prose = f"{x:.{decimals}f}"
    if len(prose.replace(".", "").lstrip("0")) < 2 or float(prose) == 0 or Decimal(prose) in INPUTS:
        return  # one significant digit, or an input of CODE: not compared
    assert found(f"It is {prose}.", stdout=f"{x:.6f}\n") == [prose]


def test_an_allow_list_entry_without_a_reason_is_refused(tmp_path):
    """Every allowed figure says why it is allowed."""
    path = tmp_path / "allowed.yml"
    path.write_text('docs/x.md:\n  "0.05": ""\n', encoding="utf-8")
    with pytest.raises(ValueError, match="needs a reason"):
        load_allowed(path)


def test_a_typed_rounding_of_the_true_value_behind_a_printed_half_is_found():
    """A printed 1.503350 can stand for 1.50334971: the typed 1.5033 restates it as much as 1.5034 does."""
    assert found("It is 1.5033.", stdout="1.503350\n") == ["1.5033"]
    assert found("It is 1.5034.", stdout="1.503350\n") == ["1.5034"]
