"""Execute one code block of a page and check what it printed.

It runs inside a worker process (:mod:`handbook.worker`), for the build, the pytest items
and ``make update-examples`` alike, so a page is verified the same way everywhere.

* ``python`` blocks run in the page's namespace. Output is captured and attributed to the
  top-level line of the block that produced it. Lines ``#> text`` after a statement state
  the output expected from the code since the previous ``#>`` group; a block with any
  ``#>`` group must claim all of its output. The value of a final expression that knows
  how to show itself (``_repr_html_``, e.g. a plot; ``_repr_markdown_``, e.g. a Graphviz
  diagram; ``_repr_latex_``, e.g. a formula) is displayed under the block, as Jupyter would.
* ``pycon`` blocks are doctest sessions: each ``>>>`` example runs in the page namespace
  and its output is compared with the expected text (doctest's rules, with
  ``NORMALIZE_WHITESPACE``); the page shows the transcript rebuilt from the real output.
* ``raises="ValueError"`` (and optionally ``match="regex"``) marks code shown as a mistake:
  it must raise that error, whose last traceback line is shown as the output.
* Warnings raised by a block are errors. The time limit is enforced from outside: the
  worker process running a block that overstays it is killed (:mod:`handbook.runner`).
"""

from __future__ import annotations

import ast
import doctest
import io
import re
import sys
import traceback
import warnings
from collections import Counter
from contextlib import redirect_stdout
from dataclasses import dataclass, field

from handbook.quiz import Question, QuizError, check_question, parse_question

__all__ = [
    "BlockFailure",
    "Outcome",
    "expected_groups",
    "run_block",
    "strip_expectations",
]

_EXPECT = re.compile(r"^[ \t]*#>(?: (?P<text>.*)|[ \t]*)$")


class BlockFailure(Exception):
    """A block raised, timed out, or printed something other than what its source states."""


@dataclass
class Outcome:
    """What a block produced: its output text, HTML to display, and per-group results."""

    stdout: str = ""
    html: list[str] = field(default_factory=list)
    markdown: list[str] = field(default_factory=list)
    error: str | None = None  # last line of the expected error (``raises=``)
    groups: list[tuple[int, int, str]] = field(default_factory=list)  # (first, last, actual) per #> group
    transcript: str | None = None  # pycon: the session rebuilt from the real output
    question: Question | None = None  # quiz: the validated question
    highlighted: list = field(default_factory=list)  # [language, source, title, html]: render.prehighlight

    def to_dict(self, line: int) -> dict:
        """A JSON-ready form; line numbers are made relative to ``line`` (the fence's), so a
        cached outcome stays right when prose above the block moves it."""
        data = {name: getattr(self, name) for name in ("stdout", "html", "markdown", "error", "transcript")}
        data["groups"] = [[first - line, last - line, text] for first, last, text in self.groups]
        data["question"] = None if self.question is None else self.question.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict, line: int, highlighted_with: str | None = None) -> Outcome:
        """The inverse of :meth:`to_dict`, for a block whose fence is now at ``line``; with the
        HTML its worker highlighted, if that was made with the settings ``highlighted_with``."""
        groups = [(first + line, last + line, text) for first, last, text in data["groups"]]
        question = None if data["question"] is None else Question.from_dict(data["question"])
        fields = {name: data[name] for name in ("stdout", "html", "markdown", "error", "transcript")}
        made = data.get("highlighted") or {}
        blocks = made.get("blocks", []) if highlighted_with and made.get("settings") == highlighted_with else []
        return cls(groups=groups, question=question, highlighted=blocks, **fields)


# --------------------------------------------------------------------------- output capture
class _Recorder(io.StringIO):
    """A stdout that remembers which top-level line of the block wrote each piece of text."""

    def __init__(self, filename: str) -> None:
        super().__init__()
        self.filename = filename
        self.pieces: list[tuple[int, str]] = []

    def write(self, text: str) -> int:
        frame = sys._getframe(1)
        line = 0
        while frame is not None:  # the outermost frame of the block is its module level
            if frame.f_code.co_filename == self.filename:
                line = frame.f_lineno
            frame = frame.f_back
        return self.write_at(line, text)

    def write_at(self, line: int, text: str) -> int:
        self.pieces.append((line, text))
        return super().write(text)


# --------------------------------------------------------------------------- expectations
def expected_groups(code: str) -> list[tuple[int, int, str]]:
    """Return ``(first_line, last_line, expected_text)`` for each run of ``#>`` lines."""
    groups: list[tuple[int, int, str]] = []
    current: list[str] = []
    first = 0
    for number, line in enumerate(code.split("\n"), start=1):
        match = _EXPECT.match(line)
        if match:
            if not current:
                first = number
            current.append(match.group("text") or "")
            continue
        if current:
            groups.append((first, number - 1, "\n".join(current)))
            current = []
    if current:
        groups.append((first, first + len(current) - 1, "\n".join(current)))
    return groups


def strip_expectations(code: str) -> str:
    """The code as shown on the page: ``#>`` lines removed (the real output is shown instead)."""
    return "\n".join(line for line in code.split("\n") if not _EXPECT.match(line))


def _normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.rstrip("\n").split("\n")).strip("\n")


def _diff(expected: str, actual: str) -> str:
    import difflib

    return "\n".join(
        difflib.unified_diff(
            expected.split("\n"), actual.split("\n"), "expected (#> in the source)", "actual output", lineterm=""
        )
    )


# --------------------------------------------------------------------------- running
def _page_lines(code: str, offset: int, line_map: list[int] | None) -> list[int]:
    """The page line of each line of ``code``: ``offset`` (the fence's line) plus its line in
    the block, which ``line_map`` gives when snippets were included (:func:`expand_snippets_mapped`)."""
    count = code.count("\n") + 1
    return [offset + n for n in (line_map or range(1, count + 1))]


def _format_traceback(error: BaseException, filename: str, code: str, page_lines: list[int]) -> str:
    # The page is not a module linecache knows: each page line's source, where it is one line
    # of code (an included snippet's many lines all sit on its --8<-- line).
    folded = Counter(page_lines)
    shown = {n: text for n, text in zip(page_lines, code.split("\n"), strict=True) if folded[n] == 1}
    trace = traceback.TracebackException.from_exception(error)
    # Drop the executor's own frames: the reader's traceback starts in the block.
    first = next((i for i, frame in enumerate(trace.stack) if frame.filename == filename), 0)
    trace.stack = traceback.StackSummary.from_list(trace.stack[first:])
    for frame in trace.stack:
        if frame.filename == filename and frame.lineno in shown:
            frame._line = shown[frame.lineno]
    return "".join(trace.format())


def _at_page_lines(tree: ast.Module, page_lines: list[int]) -> ast.Module:
    """``tree`` with every node's line numbers replaced by the page's."""
    for node in ast.walk(tree):
        first, last = getattr(node, "lineno", None), getattr(node, "end_lineno", None)
        if first:
            node.lineno = page_lines[first - 1]
        if last:
            node.end_lineno = page_lines[last - 1]
            if first and last != first and node.lineno == node.end_lineno:
                # Lines of a snippet folded onto its --8<-- line: the columns no longer order.
                node.end_col_offset = max(node.end_col_offset or 0, node.col_offset or 0)
    return tree


def _exec_python(
    code: str, namespace: dict, filename: str, recorder: _Recorder, page_lines: list[int], outcome: Outcome
) -> None:
    """Run the block; a displayable final expression goes to ``outcome.html``/``.markdown``.

    Line numbers are the page's own (``page_lines``, one per line of ``code``).
    """
    tree = _at_page_lines(ast.parse(code, filename=filename), page_lines)
    last_expr = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last_line = tree.body[-1].lineno
        last_expr = ast.Expression(tree.body.pop().value)
    exec(compile(tree, filename, "exec"), namespace)
    if last_expr is None:
        return
    value = eval(compile(last_expr, filename, "eval"), namespace)
    if callable(getattr(value, "_repr_html_", None)):
        outcome.html.append(value._repr_html_())
    elif callable(getattr(value, "_repr_markdown_", None)):
        outcome.markdown.append(value._repr_markdown_())
    elif callable(getattr(value, "_repr_latex_", None)):
        outcome.markdown.append(_display_math(value._repr_latex_()))
    elif value is not None:  # a bare expression prints its repr, as at the prompt
        recorder.write_at(last_line, repr(value) + "\n")


def _display_math(latex: str) -> str:
    """A ``_repr_latex_`` string as a display-math paragraph that arithmatex (and KaTeX) typesets."""
    inner = latex.strip()
    for delimiter in ("$$", "$"):
        if inner.startswith(delimiter) and inner.endswith(delimiter) and len(inner) > 2 * len(delimiter):
            inner = inner[len(delimiter) : -len(delimiter)].strip()
            break
    return f"$$\n{inner}\n$$"


def run_block(
    code: str,
    lang: str,
    namespace: dict,
    *,
    page: str,
    line: int,
    options: dict[str, str] | None = None,
    check: bool = True,
    line_map: list[int] | None = None,
) -> Outcome:
    """Run one block in ``namespace`` and verify it; raise :class:`BlockFailure` on any problem.

    ``page`` and ``line`` (of the opening fence) name the block in messages; tracebacks point
    at the page's own line numbers, e.g. ``File "docs/pillars/calculus.md", line 44``.
    With ``check=False`` the stated outputs are not compared, only collected with the real
    ones (``make update-examples`` rewrites the source from them). ``line_map`` gives each
    line of ``code`` its line in the block when included snippets have moved them.
    """
    options = options or {}
    where = f"{page}:{line}"
    filename = page
    namespace.setdefault("__name__", "__main__")
    if lang == "quiz":
        try:
            question = parse_question(code, where)
            check_question(question, namespace, where)
        except QuizError as error:
            raise BlockFailure(str(error)) from None
        return Outcome(question=question)
    if lang == "pycon":
        return _run_pycon(code, namespace, filename=filename, offset=line, check=check)

    recorder = _Recorder(filename)
    outcome = Outcome()
    page_lines = _page_lines(code, line, line_map)
    expected_error = options.get("raises")
    with redirect_stdout(recorder), warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.simplefilter("default", DeprecationWarning)
        warnings.simplefilter("default", PendingDeprecationWarning)
        try:
            _exec_python(code, namespace, filename, recorder, page_lines, outcome=outcome)
        except BaseException as error:
            if expected_error is None or isinstance(error, KeyboardInterrupt | SystemExit):
                raise BlockFailure(
                    f"{where}: the block raised\n{_format_traceback(error, filename, code, page_lines)}"
                ) from error
            outcome.error = _check_expected_error(error, expected_error, options.get("match"), where)
        else:
            if expected_error is not None:
                raise BlockFailure(f"{where}: the block was expected to raise {expected_error}, but it did not")
    outcome.stdout = recorder.getvalue()
    outcome.groups = _check_groups(code, recorder.pieces, page, page_lines, check=check)
    return outcome


def _check_expected_error(error: BaseException, expected: str, match: str | None, where: str) -> str:
    names = {cls.__name__ for cls in type(error).__mro__}
    last_line = traceback.format_exception_only(type(error), error)[-1].strip()
    if expected not in names:
        raise BlockFailure(f"{where}: expected {expected}, but the block raised {last_line}") from error
    if match is not None and not re.search(match, str(error)):
        raise BlockFailure(f"{where}: {expected} raised, but its message does not match {match!r}: {last_line}")
    return last_line


def _check_groups(
    code: str, pieces: list[tuple[int, str]], page: str, page_lines: list[int], check: bool
) -> list[tuple[int, int, str]]:
    groups = [(page_lines[first - 1], page_lines[last - 1], text) for first, last, text in expected_groups(code)]
    if not groups:
        return []
    checked = []
    previous_end = page_lines[0] - 1
    for first, last, expected in groups:
        actual = "".join(text for line, text in pieces if previous_end < line < first)
        if check and _normalise(actual) != _normalise(expected):
            raise BlockFailure(
                f"{page}:{first}: the output does not match the #> lines\n"
                + _diff(_normalise(expected), _normalise(actual))
            )
        checked.append((first, last, actual))
        previous_end = last
    rest = "".join(text for line, text in pieces if line > previous_end)
    if check and rest.strip():
        raise BlockFailure(
            f"{page}:{previous_end}: output after the last #> group is not stated in the source:\n{rest}"
        )
    return checked


def _run_pycon(code: str, namespace: dict, *, filename: str, offset: int, check: bool) -> Outcome:
    parser = doctest.DocTestParser()
    checker = doctest.OutputChecker()
    flags = doctest.NORMALIZE_WHITESPACE
    transcript: list[str] = []
    outcome = Outcome()
    for example in parser.get_examples(code):
        recorder = _Recorder(filename)
        error_line = None
        with redirect_stdout(recorder), warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                tree = ast.parse(example.source, filename, "single")
                ast.increment_lineno(tree, offset + example.lineno)
                exec(compile(tree, filename, "single"), namespace)
            except Exception as error:
                if example.exc_msg is None:
                    lines = _page_lines(example.source, offset + example.lineno, None)
                    raise BlockFailure(
                        f"{filename}:{offset + example.lineno + 1}: the example raised\n"
                        f"{_format_traceback(error, filename, example.source, lines)}"
                    ) from error
                error_line = traceback.format_exception_only(type(error), error)[-1]
        got = recorder.getvalue()
        option_flags = flags
        for flag, on in example.options.items():
            option_flags = option_flags | flag if on else option_flags & ~flag
        if example.exc_msg is not None:
            ok = error_line is not None and checker.check_output(example.exc_msg, error_line, option_flags)
            shown = "Traceback (most recent call last):\n  ...\n" + (error_line or "(no error was raised)\n")
            want = example.want + example.exc_msg
        else:
            ok = checker.check_output(example.want, got, option_flags)
            shown, want = got, example.want
        if check and not ok:
            raise BlockFailure(
                f"{filename}:{offset + example.lineno + 1}: the output does not match the session\n"
                f"{_diff(_normalise(want), _normalise(shown))}"
            )
        source_lines = example.source.rstrip("\n").split("\n")
        transcript.append(">>> " + source_lines[0])
        transcript.extend("... " + line for line in source_lines[1:])
        if shown:
            transcript.append(shown.rstrip("\n"))
        outcome.stdout += got
    outcome.transcript = "\n".join(transcript)
    return outcome
