"""Pages as pytest items: pytest-markdown-docs collects, the handbook's engine runs.

``pytest docs/chapter2/calculus.md`` (with ``--markdown-docs``, set in ``pyproject.toml``)
gives one item per executable block of the page, named by its line. The items of a page
share what the build shares: the page runs once, in a worker process, with one namespace
(or comes from the cache the build filled), under the ``default`` numerical profile and
again under ``second``; each item then reports its own block. A failure reads as the
build's does: page, line, what went wrong, and the profile when only one profile fails.

How it plugs into pytest-markdown-docs 0.9.2 (pinned; see README.md, Maintainers):

* its ``pytest_markdown_docs_markdown_it`` hook returns :class:`_Blocks`, which stands in
  for markdown-it and reports as fences exactly the blocks :mod:`handbook.blocks` finds:
  one parser for the build, the tests and ``make update-examples``;
* every block is reported as a ``python runner:HandbookRunner`` fence, because
  pytest-markdown-docs collects only Python fences (``pycon`` and ``quiz`` blocks would
  otherwise be dropped; its issue #66), and its custom-runner API (``_runners``, private
  since its PR #43) hands the item to :class:`HandbookRunner`;
* its collection of fences in ``.py`` docstrings is turned off: the library's examples are
  doctests (``--doctest-modules``), and importing every ``.py`` under ``docs/`` would run
  the snippet files pages include.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.token import Token
from pytest_markdown_docs._runners import _Runner, register_runner
from pytest_markdown_docs.plugin import MarkdownDocstringCodeModule, MarkdownInlinePythonItem

from handbook import profiles
from handbook.blocks import find_blocks
from handbook.engine import Engine, PageResult, Site
from handbook.execute import BlockFailure

__all__ = ["HandbookRunner"]

RUNNER = "HandbookRunner"


class _Blocks:
    """A markdown-it stand-in whose fences are the handbook's executable blocks."""

    def parse(self, text: str, env: dict | None = None) -> list[Token]:
        # One more item, last and at line 0, for the page's prose: its inline expressions and
        # the figures it types (handbook.inline, handbook.figures).
        prose = Token("fence", "code", 0, map=[-1, 0], info=f"python runner:{RUNNER}", content="\n")
        return [
            Token(
                "fence",
                "code",
                0,
                map=[block.line - 1, block.end_line],
                info=f"python runner:{RUNNER}",
                content=block.code + "\n",
            )
            for block in find_blocks(text)
            if block.executes
        ] + [prose]


@pytest.hookimpl(tryfirst=True)
def pytest_markdown_docs_markdown_it():
    return _Blocks()


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path, parent):
    collectors = yield
    return [c for c in collectors if not isinstance(c, MarkdownDocstringCodeModule)]


def pytest_collection_modifyitems(session, config, items) -> None:
    """Remember every page with items, so the first item can start all of them in parallel."""
    pages = {item.path.resolve() for item in items if isinstance(item, MarkdownInlinePythonItem)}
    _PAGES.clear()
    _PAGES.update(pages)


def pytest_unconfigure(config) -> None:
    for state in _SITES.values():
        state.engine.close()
    _SITES.clear()


_PAGES: set[Path] = set()


class _SiteState:
    """The pages of one site (one ``mkdocs.yml``), run under every profile, once per session."""

    def __init__(self, config_file: Path) -> None:
        self.engine = Engine(Site.load(config_file))
        self.results: dict[str, dict[str, PageResult]] = {}

    def result(self, path: Path, profile: str) -> PageResult:
        label = self.engine.site.label(path)
        if label not in self.results.get(profile, {}):
            done = self.results.get("default", {})
            pages = sorted(p for p in _PAGES | {path.resolve()} if p.is_relative_to(self.engine.site.docs_dir))
            plans = [self.engine.plan(page) for page in pages if self.engine.site.label(page) not in done]
            # Every page the session collected, under both profiles at once: their workers share the cores.
            futures = {name: self.engine.start(plans, name) for name in profiles.PROFILES}
            for name, pending in futures.items():
                self.results.setdefault(name, {}).update({page: future.result() for page, future in pending.items()})
        return self.results[profile][label]


_SITES: dict[Path, _SiteState] = {}


def _site_for(page: Path) -> _SiteState:
    for folder in page.resolve().parents:
        config = folder / "mkdocs.yml"
        if config.is_file():
            if config not in _SITES:
                _SITES[config] = _SiteState(config)
            return _SITES[config]
    raise pytest.UsageError(f"handbook: no mkdocs.yml above {page}")


def _failure_for(result: PageResult, line: int, end_line: int) -> str | None:
    """The failure that belongs to the block whose fence spans ``line``..``end_line``."""
    block = result.result_at(line)
    if block is not None and block.failure:
        return block.failure
    for problem in result.plan.problems:  # options, round-off, snippets: found before running
        if line <= problem.line <= end_line:
            return problem.message
    if block is not None and not block.ran:
        if result.plan.problems:
            reasons = "\n".join(problem.message for problem in result.plan.problems)
            return f"{result.plan.page}:{line}: not run, because the page has problems:\n{reasons}"
        return f"{result.plan.page}:{line}: not run, because an earlier block on the page was stopped"
    return None


def _prose_failure(result: PageResult) -> str | None:
    """What is wrong with the page's prose: an inline expression that failed, a typed restatement."""
    pairs = zip(result.plan.run, result.results, strict=True)
    found = [r.failure for spec, r in pairs if spec["lang"] == "inline" and r.failure]
    if not result.code_failures and result.check_figures == "fail":
        found += result.restatements()
    return "\n".join(found) or None


@register_runner()
class HandbookRunner(_Runner):
    """Reports one block's result from its page's run under each numerical profile."""

    def runtest(self, test, args) -> None:
        path = Path(test.source_path)
        state = _site_for(path)
        messages = []
        if test.start_line == 0:  # the page's prose
            for profile in profiles.PROFILES:
                failure = _prose_failure(state.result(path, profile))
                if failure:
                    messages.append((profile, failure))
            if messages:
                raise BlockFailure(messages[0][1])
            return
        block = next(b for b in find_blocks(path.read_text(encoding="utf-8")) if b.line == test.start_line)
        for profile in profiles.PROFILES:
            failure = _failure_for(state.result(path, profile), block.line, block.end_line)
            if failure:
                messages.append((profile, failure))
        if not messages:
            return
        if len(messages) == 1 and messages[0][0] != "default":
            profile, failure = messages[0]
            env = profiles.environment(profile)
            raise BlockFailure(
                f"under the numerical profile {profiles.describe(profile, env)} only (it passes under default):\n"
                f"{failure}\nA stated output that depends on the BLAS kernel is round-off: state a bound or "
                "round it (docs/contributing.md)."
            )
        raise BlockFailure(messages[0][1])

    def repr_failure(self, test, excinfo, style=None) -> str:
        if isinstance(excinfo.value, BlockFailure):
            return str(excinfo.value)
        return str(excinfo.getrepr(style="short"))
