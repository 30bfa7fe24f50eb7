"""Find the executable code blocks of a Markdown page.

This is the one parser: the build (:mod:`handbook.plugin`), the pytest items
(:mod:`handbook.pytest_plugin`) and ``make update-examples`` (:mod:`handbook.update`) all
find blocks here, so they agree on what a block is, where it starts and which options it
carries. The build then checks that every block found here was also rendered.

A block is a fenced code block whose language is ``python``/``py`` or ``pycon`` (code that
runs), or ``quiz`` (a multiple-choice question whose answer may be checked by code). Fences
nested inside a longer fence (an authoring example shown inside a ````markdown fence)
are text, not blocks. Options use superfences' attribute syntax::

    ```python exec="off" title="why it does not run"
    ```python raises="ValueError" match="columns"
    ```python timeout="60"
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "EXECUTABLE",
    "Block",
    "annotate_lines",
    "expand_snippets",
    "expand_snippets_mapped",
    "fenced_lines",
    "find_blocks",
    "parse_options",
    "runs",
]

EXECUTABLE = {"python": "python", "py": "python", "pycon": "pycon", "quiz": "quiz"}

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?:(?P<quote>(?:>[ \t]?)+))?(?P<fence>`{3,}|~{3,})[ \t]*"
    r"(?P<lang>[\w+.-]*)(?P<attrs>[^`\n]*)$"
)


def runs(options: dict) -> bool:
    """Whether a block with these fence options runs: unless ``exec="off"`` (or no, false, 0)."""
    return options.get("exec", "on").lower() not in {"off", "no", "false", "0"}


@dataclass
class Block:
    """One fenced code block: its language, options, code and the line it opens on."""

    lang: str
    options: dict[str, str]
    code: str
    line: int  # 1-based line of the opening fence
    end_line: int  # 1-based line of the closing fence
    indent: str = ""
    raw_lines: list[str] = field(default_factory=list, repr=False)

    @property
    def executes(self) -> bool:
        """True unless the author switched execution off with ``exec="off"``."""
        return runs(self.options)


def parse_options(attrs: str) -> dict[str, str]:
    """Parse ``key="value" flag`` fence attributes into a dict (flags map to ``"on"``)."""
    attrs = attrs.strip().strip("{}")
    options: dict[str, str] = {}
    for token in shlex.split(attrs):
        key, sep, value = token.partition("=")
        options[key.lstrip(".")] = value if sep else "on"
    return options


def _scan(text: str):
    """Yield ``(lang, attrs, open_index, close_index, indent)`` for top-level fences."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if not match or (not match.group("lang") and not match.group("attrs").strip().startswith("{")):
            # An opening fence needs a language; a bare fence is skipped but still paired.
            if match:
                i = _closing(lines, i, match) + 1
                continue
            i += 1
            continue
        close = _closing(lines, i, match)
        yield match.group("lang"), match.group("attrs"), i, close, match.group("indent")
        i = close + 1


def _closing(lines: list[str], start: int, match: re.Match) -> int:
    fence = match.group("fence")
    indent = len(match.group("indent"))
    closer = re.compile(rf"^[ \t]{{0,{indent + 3}}}(?:>[ \t]?)*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
    for j in range(start + 1, len(lines)):
        if closer.match(lines[j]):
            return j
    return len(lines) - 1


def fenced_lines(text: str) -> set[int]:
    """The 1-based numbers of every line inside a fence (any fence, its own lines included)."""
    lines = text.split("\n")
    inside: set[int] = set()
    i = 0
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if match:
            close = _closing(lines, i, match)
            inside.update(range(i + 1, close + 2))
            i = close + 1
        else:
            i += 1
    return inside


def find_blocks(text: str) -> list[Block]:
    """Return the executable (python/pycon) blocks of ``text``, in page order."""
    lines = text.split("\n")
    blocks = []
    for lang, attrs, start, close, indent in _scan(text):
        if lang not in EXECUTABLE:
            continue
        body = lines[start + 1 : close]
        code = "\n".join(line[len(indent) :] if line.startswith(indent) else line.lstrip() for line in body)
        blocks.append(
            Block(
                lang=EXECUTABLE[lang],
                options=parse_options(attrs),
                code=code,
                line=start + 1,
                end_line=close + 1,
                indent=indent,
                raw_lines=body,
            )
        )
    return blocks


def annotate_lines(text: str) -> str:
    """Add ``line="N"`` to every executable fence so the build can name the source line."""
    lines = text.split("\n")
    for lang, _attrs, start, _close, _indent in _scan(text):
        if lang in EXECUTABLE:
            lines[start] = f'{lines[start].rstrip()} line="{start + 1}"'
    return "\n".join(lines)


def expand_snippets(code: str, snippets: dict, base: Path) -> str:
    """Expand ``--8<--`` lines with pymdownx.snippets itself, configured as the site is.

    ``snippets`` is the ``pymdownx.snippets`` entry of the site's ``markdown_extensions``
    (``config.mdx_configs`` in MkDocs); relative ``base_path`` entries are taken from
    ``base``, the folder of ``mkdocs.yml``, as MkDocs run there takes them.
    """
    if "--8<--" not in code:
        return code
    import markdown  # only pages that include snippets into executed code need it

    settings = dict(snippets)
    paths = settings.get("base_path", ["."])
    paths = [paths] if isinstance(paths, str) else paths
    settings["base_path"] = [str((base / path).resolve()) for path in paths]
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": settings})
    return "\n".join(md.preprocessors["snippet"].run(code.split("\n")))


def expand_snippets_mapped(code: str, snippets: dict, base: Path) -> tuple[str, list[int] | None]:
    """:func:`expand_snippets`, and the block line (1-based) each line of the result came from.

    A ``--8<-- "file.py"`` line becomes the file's lines, so lines after it move down; the map
    (``None`` when nothing was included) lets the executor name the page's own line numbers in
    tracebacks and failures, and lets ``make update-examples`` rewrite the right ``#>`` lines.
    Each include line is expanded on its own, which is what pymdownx.snippets does with the
    one-line form; the block form (a bare ``--8<--`` line, then file names) is expanded whole.
    """
    if "--8<--" not in code:
        return code, None
    lines = code.split("\n")
    if any(line.strip() == "--8<--" for line in lines):
        return expand_snippets(code, snippets, base), None
    expanded: list[str] = []
    origin: list[int] = []
    for number, line in enumerate(lines, start=1):
        piece = expand_snippets(line, snippets, base).split("\n") if "--8<--" in line else [line]
        expanded += piece
        origin += [number] * len(piece)
    return "\n".join(expanded), origin
