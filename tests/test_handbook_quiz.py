"""Tests for handbook.quiz: multiple-choice questions, validated and checked at build."""

import pytest

from handbook.execute import BlockFailure, run_block
from handbook.quiz import QuizError, parse_question, render_question

GOOD = """\
question: What is 2 + 2?
check: two + two == 4
options:
  - text: "4"
    correct: true
    why: Two pairs make four.
  - text: "5"
    why: Only in Orwell.
"""


def test_a_good_question_parses():
    """A question with one correct option and an explanation for each option is accepted."""
    question = parse_question(GOOD, "p.md:1")
    assert [o.correct for o in question.options] == [True, False]


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("question: x\noptions:\n  - text: a\n    why: w\n  - text: b\n    why: w\n", "exactly one option"),
        (GOOD.replace('  - text: "5"', '  - text: "5"\n    correct: true'), "exactly one option"),
        (GOOD.replace("    why: Only in Orwell.\n", ""), "option 2 \\('5'\\) needs a 'why'"),
        ("question: x\noptions:\n  - text: a\n    correct: true\n    why: w\n", "at least two options"),
        ("question: [unclosed", "not valid YAML"),
        (GOOD + "hint: no\n", "unknown quiz keys \\['hint'\\]"),
    ],
)
def test_malformed_questions_are_rejected_naming_the_place(source, message):
    """A malformed quiz fails with a message naming the page line and the problem."""
    with pytest.raises(QuizError, match=f"^p.md:1: .*{message}"):
        parse_question(source, "p.md:1")


def test_check_is_evaluated_in_the_page_namespace():
    """check: is evaluated with the page's names; a true check passes."""
    outcome = run_block(GOOD, "quiz", {"two": 2}, page="p.md", line=1)
    assert outcome.question is not None


def test_false_check_fails_the_block():
    """A check that is false means the marked answer is not what the code computes."""
    with pytest.raises(BlockFailure, match="is not true"):
        run_block(GOOD, "quiz", {"two": 3}, page="p.md", line=1)


def test_rendered_question_is_an_accessible_form():
    """The HTML is a fieldset with a legend, labelled radios, and a polite live region for feedback."""
    html = render_question(parse_question(GOOD, "p.md:1"), "quiz-1", lambda text: text)
    assert "<fieldset><legend>What is 2 + 2?</legend>" in html
    assert '<input type="radio" name="quiz-1" id="quiz-1-0" value="0" data-correct="true">' in html
    assert '<label for="quiz-1-1">5</label>' in html
    assert 'role="status" aria-live="polite"' in html
    assert html.count('class="handbook-quiz__why"') == 2


MATH = GOOD.replace('text: "4"', 'text: "$4$"').replace('text: "5"', 'text: "$5$ or $B^\\\\top$"')


def _arithmatex(text):
    """What the page's inline Markdown gives a formula before KaTeX typesets it."""
    return text.replace("$4$", r'<span class="arithmatex">\(4\)</span>').replace(
        "$5$ or $B^\\top$", r'<span class="arithmatex">\(5\)</span> or <span class="arithmatex">\(B^\top\)</span>'
    )


def test_an_option_labelled_by_a_formula_is_named_by_its_tex():
    """A radio whose label holds math gets an aria-label: its text with the TeX as written (MathML names nothing)."""
    html = render_question(parse_question(MATH, "p.md:1"), "quiz-1", _arithmatex)
    assert 'id="quiz-1-0" value="0" data-correct="true" aria-label="4">' in html
    assert 'aria-label="5 or B^\\top">' in html


def test_an_option_whose_formula_is_already_typeset_is_named_by_its_tex_once():
    """A label typeset by KaTeX (MathML, its TeX annotation, the spans) still gives the TeX, said once."""

    def typeset(text):
        return _arithmatex(text).replace(
            r"\(4\)",
            '<span class="katex"><span class="katex-mathml"><math><semantics><mrow><mn>4</mn></mrow>'
            '<annotation encoding="application/x-tex">4</annotation></semantics></math></span>'
            '<span class="katex-html" aria-hidden="true"><span class="mord">4</span></span></span>',
        )

    html = render_question(parse_question(MATH, "p.md:1"), "quiz-1", typeset)
    assert 'id="quiz-1-0" value="0" data-correct="true" aria-label="4">' in html


def test_an_option_in_plain_words_keeps_its_label_as_its_name():
    """A radio labelled by plain text has no aria-label: its <label> names it."""
    html = render_question(parse_question(GOOD, "p.md:1"), "quiz-1", lambda text: text)
    assert "aria-label" not in html.split('role="status"')[0]
