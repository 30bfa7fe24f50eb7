"""The pages follow docs/notation.md where a convention can be checked mechanically."""

import re
from collections.abc import Callable
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
PAGE_IDS = [str(p.relative_to(DOCS)) for p in PAGES]

# "The chapter writes alpha": a source's notation, quoted; "# wrong on purpose": a mistake shown.
_QUOTES = re.compile(r"\bwrites?\b|wrong on purpose")

# An update step written with alpha: "- \alpha \nabla", "- \alpha\, \partial", "1 - 2\alpha".
_ALPHA_STEP = re.compile(r"-\s*\d*\s*\\alpha\b")

# W (with an optional subscript) directly before an input vector: W x, W_1 \mathbf{x}, W_h h.
_W = r"(?<![\\\w])W(?:_\{[^}]*\}|_\\text\{[^}]*\}|_\w+)?"
_VECTOR = r"(?:\\(?:tilde|hat|bar)\{)?(?:\\mathbf\s*\{?(?:x|h|a|out)\b|x\b|h\b)"
_W_TIMES_VECTOR = re.compile(_W + r"(?:\s|\\,|\\;)*" + _VECTOR)
# The same in code: matmul(W1, x) or W_h @ x, with one of the names pages give an input vector.
_INPUT = r"(?:x|x_\w+|h|h_\w*|hidden|out_h|person|a)\b"
_CODE_W_TIMES_VECTOR = re.compile(r"matmul\(\s*W\w*\s*,\s*" + _INPUT + r"|\bW\w*\s*@\s*" + _INPUT)


def alpha_as_learning_rate(line: str) -> bool:
    """Alpha in an update step, or next to "learning rate" (notation: eta)."""
    return "\\alpha" in line and (bool(_ALPHA_STEP.search(line)) or "learning rate" in line.lower())


def weights_before_inputs(line: str) -> bool:
    """W times an input vector on its right (notation: W has shape (n_in, n_out), so W^T x or XW)."""
    return bool(_W_TIMES_VECTOR.search(line) or _CODE_W_TIMES_VECTOR.search(line))


def ln_for_log(line: str) -> bool:
    r"""A natural logarithm typeset as \ln (notation: \log), in a formula or in printed text."""
    return bool(re.search(r"\\ln\b|(?<![\w.\\])ln(?=[ (])", line))


def offending_lines(text: str, rule: Callable[[str], bool]) -> list[int]:
    """Numbers of the lines that break ``rule``, except those that quote a source or show a mistake."""
    return [n for n, line in enumerate(text.splitlines(), 1) if rule(line) and not _QUOTES.search(line)]


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_the_learning_rate_is_eta(page):
    """No page writes the learning rate as alpha (the leaky ReLU's slope keeps it)."""
    assert offending_lines(page.read_text(encoding="utf-8"), alpha_as_learning_rate) == []


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_the_weights_have_shape_inputs_by_outputs(page):
    """No page writes a layer as W x with one row per neuron (notation: W has shape (n_in, n_out))."""
    assert offending_lines(page.read_text(encoding="utf-8"), weights_before_inputs) == []


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_the_natural_logarithm_is_log(page):
    """No page writes the natural logarithm as ln (notation: log is natural)."""
    assert offending_lines(page.read_text(encoding="utf-8"), ln_for_log) == []


def test_the_check_finds_alpha_in_an_update_rule_and_next_to_learning_rate():
    """A planted w - alpha grad, and 'learning rate alpha', are found; a quoted source and the leaky slope are not."""
    text = (
        "$w \\leftarrow w - \\alpha\\, g$\n"
        "with learning rate $\\alpha = 0.1$\n"
        "the source writes it $\\alpha$, the learning rate\n"
        "the leaky ReLU's slope $\\alpha z$\n"
    )
    assert offending_lines(text, alpha_as_learning_rate) == [1, 2]


def test_the_check_finds_w_times_x_in_formulas_and_code():
    """W x, W_1 x, matmul(W, x), W_h @ x and W_1 \\tilde{x} are found; W^T x, XW, W delta, a quoted source are not."""
    text = (
        "$z = W\\mathbf{x} + b$\n"
        "$z_1 = W_1 x + b_1$\n"
        "z = matmul(W, x) + b\n"
        "out_h = sigmoid(W_h @ x + b1)\n"
        "$\\operatorname{relu}(W_1 \\tilde{\\mathbf x} + b)$\n"
        "$z = W^\\top \\mathbf{x} + b$, Z = matmul(X, W), dx = matmul(W2, delta2)\n"
        "*Math-to-Code Translation* writes $z = Wx + b$\n"
        "forgot = matmul(W, x)  # wrong on purpose: the transpose left out\n"
    )
    assert offending_lines(text, weights_before_inputs) == [1, 2, 3, 4, 5]


def test_the_check_finds_ln_in_formulas_and_printed_text():
    """$\\ln 2$, a printed "-ln(0.9)" and "ln p" are found; \\log, np.log, \\lnot and a quoted source are not."""
    text = (
        "$\\ln 2$\n"
        'print(f"-ln({p}) = {loss}")\n'
        "p ln p\n"
        "$\\log 2$, np.log(p), $\\lnot a$, kiln(3)\n"
        "some sources write $\\ln$\n"
    )
    assert offending_lines(text, ln_for_log) == [1, 2, 3]
