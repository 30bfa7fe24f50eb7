"""Tests for handbook.execute: running a block in a namespace and verifying what it prints."""

import pytest

from handbook.execute import BlockFailure, expected_groups, run_block, strip_expectations


def run(code, lang="python", namespace=None, **options):
    return run_block(code, lang, {} if namespace is None else namespace, page="docs/p.md", line=10, options=options)


def test_output_is_captured():
    """What the block prints is returned as its output."""
    assert run("print(1 + 1)").stdout == "2\n"


def test_blocks_share_the_namespace_they_are_given():
    """Names defined by one block are visible to the next block of the same page."""
    namespace = {}
    run("x = 21", namespace=namespace)
    assert run("print(x * 2)", namespace=namespace).stdout == "42\n"


def test_matching_expected_output_passes():
    """#> lines equal to the real output pass, and are reported as checked."""
    outcome = run("print('a')\n#> a\nprint(1, 2)\n#> 1 2")
    assert [text for _, _, text in outcome.groups] == ["a\n", "1 2\n"]


def test_wrong_expected_output_fails_naming_page_and_line():
    """A #> line that differs from the output fails, naming the page line of the #> group."""
    with pytest.raises(BlockFailure, match=r"docs/p\.md:12: the output does not match") as info:
        run("print('two')\n#> three")
    assert "-three" in str(info.value) and "+two" in str(info.value)


def test_output_of_a_loop_is_claimed_by_the_group_after_it():
    """A group claims everything printed since the previous group, loops included."""
    run("for i in range(3):\n    print(i)\n    #> 0\n    #> 1\n    #> 2")


def test_unclaimed_output_after_the_last_group_fails():
    """In a block with #> groups, output printed after the last group is an error."""
    with pytest.raises(BlockFailure, match="not stated in the source"):
        run("print(1)\n#> 1\nprint(2)")


def test_block_without_groups_may_print_freely():
    """Blocks with no #> lines are shown with their output, unchecked."""
    assert run("print('anything')").groups == []


def test_strip_expectations_hides_hash_gt_lines():
    """The page shows the code without its #> lines (the real output is shown instead)."""
    assert strip_expectations("print(1)\n#> 1\nx = 2") == "print(1)\nx = 2"


def test_expected_groups_reads_blank_expected_lines():
    """A bare '#>' stands for an empty output line."""
    assert expected_groups("print('a\\n\\nb')\n#> a\n#>\n#> b") == [(2, 4, "a\n\nb")]


def test_raising_block_fails_with_traceback_at_page_lines():
    """A block that raises fails; the traceback names the page and the page's line number."""
    with pytest.raises(BlockFailure) as info:
        run("x = 1\ny = 1 / 0")
    message = str(info.value)
    assert message.startswith("docs/p.md:10: the block raised")
    assert 'File "docs/p.md", line 12' in message
    assert "ZeroDivisionError" in message


def test_expected_error_passes_and_is_shown():
    """raises="ZeroDivisionError" on a block that raises it passes and records the error line."""
    outcome = run("1 / 0", raises="ZeroDivisionError")
    assert outcome.error == "ZeroDivisionError: division by zero"


def test_expected_error_matches_base_classes():
    """raises= accepts a base class of the error raised (ArithmeticError for ZeroDivisionError)."""
    run("1 / 0", raises="ArithmeticError")


def test_block_that_does_not_raise_its_expected_error_fails():
    """Code shown as a mistake must really fail."""
    with pytest.raises(BlockFailure, match="expected to raise ValueError, but it did not"):
        run("x = 1", raises="ValueError")


def test_block_raising_another_error_fails():
    """An error of the wrong type is not the mistake the page describes."""
    with pytest.raises(BlockFailure, match="expected ValueError, but the block raised ZeroDivisionError"):
        run("1 / 0", raises="ValueError")


def test_expected_error_message_must_match():
    """match= is a regular expression the error message must contain."""
    with pytest.raises(BlockFailure, match="does not match"):
        run("raise ValueError('shapes differ')", raises="ValueError", match="columns")


def test_warnings_raised_by_a_block_are_errors():
    """A RuntimeWarning (e.g. overflow) fails the block instead of scrolling past."""
    with pytest.raises(BlockFailure, match="RuntimeWarning"):
        run("import warnings\nwarnings.warn('overflow', RuntimeWarning)")


def test_final_expression_with_html_is_displayed():
    """A final expression with _repr_html_ (a plot) is returned as HTML to display."""
    code = "class Fig:\n    def _repr_html_(self):\n        return '<svg></svg>'\nFig()"
    assert run(code).html == ["<svg></svg>"]


def test_final_plain_expression_prints_its_repr():
    """A final plain expression shows its repr, as at the prompt, and can be claimed by #>."""
    assert run("[1, 2]\n#> [1, 2]").stdout == "[1, 2]\n"


def test_pycon_session_matches():
    """A pycon session whose outputs are right passes; the transcript shows the real output."""
    outcome = run(">>> x = 3\n>>> x * 2\n6", lang="pycon")
    assert outcome.transcript == ">>> x = 3\n>>> x * 2\n6"


def test_pycon_mismatch_fails_naming_the_example_line():
    """A wrong expected output in a session fails, naming the page line of the example."""
    with pytest.raises(BlockFailure, match=r"docs/p\.md:12: the output does not match the session"):
        run(">>> x = 3\n>>> x * 2\n7", lang="pycon")


def test_pycon_expected_exception_is_checked():
    """A session may show a traceback; the exception line is compared."""
    run(">>> 1 / 0\nTraceback (most recent call last):\n  ...\nZeroDivisionError: division by zero", lang="pycon")


def test_pycon_unexpected_exception_fails():
    """An example that raises without showing a traceback fails."""
    with pytest.raises(BlockFailure, match="the example raised"):
        run(">>> 1 / 0", lang="pycon")


def test_final_expression_with_markdown_is_displayed():
    """A final expression with _repr_markdown_ (a Mermaid diagram) is returned as Markdown."""
    code = "class Diagram:\n    def _repr_markdown_(self):\n        return '```mermaid\\nflowchart LR\\n```'\nDiagram()"
    assert run(code).markdown == ["```mermaid\nflowchart LR\n```"]


def test_final_expression_with_latex_is_displayed_as_display_math():
    """A final expression with _repr_latex_ (a formula) becomes a $$ display block."""
    code = "class F:\n    def _repr_latex_(self):\n        return '$\\\\sigma(x)$'\nF()"
    assert run(code).markdown == ["$$\n\\sigma(x)\n$$"]


def test_outcome_survives_the_cache_with_lines_relative_to_its_fence():
    """An outcome stored for a block at line 10 and read back for line 14 has its #> groups moved by 4."""
    from handbook.execute import Outcome

    outcome = run("print('a')\n#> a")
    moved = Outcome.from_dict(outcome.to_dict(10), 14)
    assert moved.groups == [(first + 4, last + 4, text) for first, last, text in outcome.groups]
    assert moved.stdout == outcome.stdout


def test_quiz_outcome_survives_the_cache():
    """A quiz's validated question is stored and read back unchanged."""
    from handbook.execute import Outcome

    quiz = "question: Q?\noptions:\n  - text: a\n    correct: true\n    why: yes\n  - text: b\n    why: no\n"
    outcome = run(quiz, lang="quiz")
    assert Outcome.from_dict(outcome.to_dict(10), 10).question == outcome.question


# A block that included a three-line snippet on its line 1: code lines 1-3 come from block line 1.
_INCLUDED = "def half(v):\n    return v / 2\n\nprint(half(8))\n#> 4.0\nprint(half(1))\n#> 9"
_LINE_MAP = [1, 1, 1, 2, 3, 4, 5]


def test_a_wrong_output_after_an_included_snippet_names_the_page_line_of_its_group():
    """With a line map the mismatch is reported at the #> line of the page (10 + 5), not of the expanded code."""
    with pytest.raises(BlockFailure, match=r"^docs/p\.md:15: the output does not match"):
        run_block(_INCLUDED, "python", {}, page="docs/p.md", line=10, line_map=_LINE_MAP)


def test_groups_after_an_included_snippet_are_at_page_lines():
    """The checked groups carry page lines, so make update-examples rewrites the lines that hold them."""
    outcome = run_block(_INCLUDED, "python", {}, page="docs/p.md", line=10, line_map=_LINE_MAP, check=False)
    assert [(first, last) for first, last, _ in outcome.groups] == [(13, 13), (15, 15)]


def test_a_traceback_after_an_included_snippet_names_the_page_line():
    """An error two lines below the include is reported at the page line of the statement that raised."""
    with pytest.raises(BlockFailure, match=r'File "docs/p\.md", line 13'):
        run_block("x = 1\ny = 2\n\n1 / 0", "python", {}, page="docs/p.md", line=10, line_map=[1, 1, 1, 3])
