"""An estimated reading time under each page's title, computed from the page itself.

Prose is counted at 200 words a minute (a careful pace for mathematics), and each code block
adds 20 seconds to read it and its output. The estimate is written as Markdown under the
page's first ``# Title``, rounded to whole minutes (at least one). Pages without such a title,
and API pages (mkdocstrings' ``::: name`` directives, whose text is not in the source), get none.
"""

from __future__ import annotations

import math
import re

__all__ = ["SECONDS_PER_BLOCK", "WORDS_PER_MINUTE", "add_reading_time", "minutes"]

WORDS_PER_MINUTE = 200
SECONDS_PER_BLOCK = 20

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^(?P=indent)(?P=fence)[ \t]*$", re.M | re.S)
_WORD = re.compile(r"[A-Za-z0-9][\w'’-]*")
_TITLE = re.compile(r"^# .+$", re.M)
_API = re.compile(r"^::: ", re.M)


def minutes(markdown: str) -> int:
    """Whole minutes to read ``markdown``: its words outside code blocks, and its code blocks."""
    blocks = len(_FENCE.findall(markdown))
    words = len(_WORD.findall(_FENCE.sub(" ", markdown)))
    return max(1, math.ceil(words / WORDS_PER_MINUTE + blocks * SECONDS_PER_BLOCK / 60 - 0.5))


def add_reading_time(markdown: str) -> str:
    """``markdown`` with "About N minutes to read" under its title (unchanged if it has none)."""
    title = _TITLE.search(markdown)
    if title is None or _API.search(markdown):
        return markdown
    n = minutes(markdown)
    note = f'\n\n<p class="handbook-reading-time">About {n} minute{"s" if n != 1 else ""} to read</p>\n'
    return markdown[: title.end()] + note + markdown[title.end() :]
