"""The options a block may carry, checked before anything runs.

A misspelt option would otherwise be ignored in silence: ``rasies="ValueError"`` would turn a
mistake that must raise into code that must not, and ``show="ouput"`` would show the code the
author meant to hide. So every option of every block is checked against this table, and a
problem fails the build naming the option, the page and the line.
"""

from __future__ import annotations

import difflib

from handbook.blocks import Block

__all__ = ["KNOWN", "problems"]

_SWITCH = {"on", "off", "yes", "no", "true", "false", "1", "0"}

# language -> option -> what its value must be (None: any text)
KNOWN: dict[str, dict[str, object]] = {
    "python": {
        "exec": _SWITCH,
        "raises": None,
        "match": None,
        "timeout": "seconds",
        "title": None,
        "show": {"output"},
        "runnable": _SWITCH,
    },
    "pycon": {"exec": _SWITCH, "timeout": "seconds", "title": None},
    "quiz": {"exec": _SWITCH},
}


def problems(block: Block) -> list[str]:
    """What is wrong with the options of ``block``, one sentence each (empty when all is well)."""
    known = KNOWN[block.lang]
    found = []
    for name, value in block.options.items():
        if name not in known:
            close = difflib.get_close_matches(name, known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            found.append(
                f"unknown option {name!r} on a {block.lang} block{hint}; known options: {', '.join(sorted(known))}"
            )
            continue
        rule = known[name]
        if isinstance(rule, set) and value.lower() not in rule:
            found.append(f"option {name}={value!r} is not one of {', '.join(sorted(rule))}")
        elif rule == "seconds" and not _positive(value):
            found.append(f"option {name}={value!r} must be a positive number of seconds")
    if "match" in block.options and "raises" not in block.options:
        found.append("option 'match' needs 'raises' (match= checks the message of the error raises= names)")
    if _on(block.options.get("runnable", "off")) and (not block.executes or "show" in block.options):
        # The reader's editor starts from code the build ran and checked, and shows that code.
        found.append("option 'runnable' needs a block that runs and shows its code (not exec=\"off\" or show=)")
    return found


def _on(value: str) -> bool:
    return value.lower() in {"on", "yes", "true", "1"}


def _positive(text: str) -> bool:
    try:
        return float(text) > 0
    except ValueError:
        return False
