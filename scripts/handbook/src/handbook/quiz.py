"""Multiple-choice questions that answer in the page, checked at build.

A ``quiz`` fence holds one question in YAML::

    ```quiz
    question: What is $\\sigma'(0)$?
    check: abs(sigmoid_grad(0.0) - 0.25) < 1e-12    # optional: evaluated in the page namespace
    options:
      - text: "0.25"
        correct: true
        why: $\\sigma(0)(1 - \\sigma(0)) = 0.5 \\cdot 0.5$.
      - text: "0.5"
        why: That is $\\sigma(0)$ itself, not its slope.
    ```

Exactly one option is correct, and every option explains itself (``why``), so a reader who
picks a wrong one learns why it is wrong. ``check``, when given, ties the right answer to a
computation: the build fails if it is not true. The page renders a fieldset of radio
buttons (keyboard and screen-reader friendly) and a polite live region that says right or
wrong and why; ``docs/javascripts/quiz.js`` does the answering, offline.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from handbook.searchcache import searchable

__all__ = ["Option", "Question", "QuizError", "check_question", "parse_question", "render_question"]


class QuizError(ValueError):
    """A quiz fence that is malformed, or whose ``check`` is not true."""


@dataclass(frozen=True)
class Option:
    text: str
    why: str
    correct: bool = False


@dataclass(frozen=True)
class Question:
    prompt: str
    options: tuple[Option, ...]
    check: str | None = None

    def to_dict(self) -> dict:
        return {"prompt": self.prompt, "check": self.check, "options": [vars(option) for option in self.options]}

    @classmethod
    def from_dict(cls, data: dict) -> Question:
        options = tuple(Option(**option) for option in data["options"])
        return cls(prompt=data["prompt"], options=options, check=data["check"])


def parse_question(source: str, where: str) -> Question:
    """Read and validate one quiz fence; raise :class:`QuizError` naming ``where`` if it is wrong."""
    import yaml

    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as error:
        raise QuizError(f"{where}: the quiz is not valid YAML: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("question"), str):
        raise QuizError(f"{where}: a quiz needs a 'question' (text) and 'options' (a list)")
    raw_options = data.get("options")
    if not isinstance(raw_options, list) or len(raw_options) < 2:
        raise QuizError(f"{where}: a quiz needs at least two options")
    options = []
    for number, raw in enumerate(raw_options, start=1):
        if not isinstance(raw, dict) or "text" not in raw:
            raise QuizError(f"{where}: option {number} needs a 'text'")
        if not str(raw.get("why", "")).strip():
            raise QuizError(f"{where}: option {number} ({raw['text']!r}) needs a 'why' that explains it")
        options.append(Option(text=str(raw["text"]), why=str(raw["why"]), correct=bool(raw.get("correct", False))))
    if sum(option.correct for option in options) != 1:
        raise QuizError(f"{where}: exactly one option must be marked 'correct: true'")
    unknown = set(data) - {"question", "options", "check"}
    if unknown:
        raise QuizError(f"{where}: unknown quiz keys {sorted(unknown)}")
    check = data.get("check")
    return Question(prompt=data["question"], options=tuple(options), check=None if check is None else str(check))


def check_question(question: Question, namespace: dict, where: str) -> None:
    """Evaluate the question's ``check`` in the page namespace; it must be true."""
    if question.check is None:
        return
    try:
        value = eval(question.check, namespace)  # the page's own expression, like its code blocks
    except Exception as error:
        raise QuizError(f"{where}: the quiz check {question.check!r} raised {type(error).__name__}: {error}") from None
    if not value:
        raise QuizError(f"{where}: the quiz check {question.check!r} is not true (it gave {value!r})")


def render_question(question: Question, quiz_id: str, inline_markdown) -> str:
    """The question as accessible HTML; ``inline_markdown`` turns a snippet of Markdown into HTML."""
    name = html.escape(quiz_id)
    parts = [
        f'<form class="handbook-quiz" id="{name}" data-quiz>',
        f"<fieldset><legend>{inline_markdown(question.prompt)}</legend>",
    ]
    for index, option in enumerate(question.options):
        option_id = f"{name}-{index}"
        label = inline_markdown(option.text)
        spoken = _spoken(label)
        named = f' aria-label="{html.escape(spoken)}"' if spoken else ""
        parts.append(
            f'<div class="handbook-quiz__option"><input type="radio" name="{name}" id="{option_id}" '
            f'value="{index}" data-correct="{str(option.correct).lower()}"{named}>'
            f'<label for="{option_id}">{label}</label></div>'
        )
    parts.append("</fieldset>")
    for index, option in enumerate(question.options):
        parts.append(
            f'<div class="handbook-quiz__why" data-option="{index}" hidden>{inline_markdown(option.why)}</div>'
        )
    parts.append('<div class="handbook-quiz__feedback" role="status" aria-live="polite"></div>')
    parts.append(
        "<noscript><p>Answers: "
        + " ".join(
            f"{inline_markdown(option.text)} — {'right' if option.correct else 'wrong'}." for option in question.options
        )
        + "</p></noscript>"
    )
    parts.append("</form>")
    return "".join(parts)


def _spoken(label: str) -> str | None:
    """The accessible name of an option whose label holds a formula, or None for plain text.

    Chrome (and axe-core) leave KaTeX's MathML out of a label's text, so a radio labelled
    ``$0.5$`` had no accessible name at all. The option's text, its TeX as written, is the
    name instead, whether the label's formulas are typeset yet or not.
    """
    if 'class="arithmatex"' not in label:
        return None
    # A formula already typeset holds its text three times (MathML, TeX, spans): its TeX once.
    text = html.unescape(re.sub(r"<[^>]+>", "", searchable(label)))
    return " ".join(re.sub(r"\\[()[\]]", "", text).split())
