"""The pages follow docs/notation.md where a convention can be checked mechanically."""

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = sorted(DOCS.rglob("*.md"))

# An update step written with alpha: "- \alpha \nabla", "- \alpha\, \partial", "1 - 2\alpha".
_ALPHA_STEP = re.compile(r"-\s*\d*\s*\\alpha\b")
_QUOTES = re.compile(r"\bwrites?\b")  # "the chapter writes alpha": a source's notation, quoted


def alpha_as_learning_rate(text: str) -> list[int]:
    """Lines that use alpha for the learning rate (notation: eta), unless they quote a source's notation."""
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        if "\\alpha" not in line or _QUOTES.search(line):
            continue
        if _ALPHA_STEP.search(line) or "learning rate" in line.lower():
            found.append(number)
    return found


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(DOCS)))
def test_the_learning_rate_is_eta(page):
    """No page writes the learning rate as alpha (the leaky ReLU's slope keeps it)."""
    assert alpha_as_learning_rate(page.read_text(encoding="utf-8")) == []


def test_the_check_finds_alpha_in_an_update_rule_and_next_to_learning_rate():
    """A planted w - alpha grad, and 'learning rate alpha', are found; a quoted source and the leaky slope are not."""
    text = (
        "$w \\leftarrow w - \\alpha\\, g$\n"
        "with learning rate $\\alpha = 0.1$\n"
        "the source writes it $\\alpha$, the learning rate\n"
        "the leaky ReLU's slope $\\alpha z$\n"
    )
    assert alpha_as_learning_rate(text) == [1, 2]
