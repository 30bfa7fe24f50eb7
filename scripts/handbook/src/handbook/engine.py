"""Pages to results: parse, validate, look up, run, store.

The build, the pytest items and ``make update-examples`` all go through :class:`Engine`:

1. :meth:`Engine.plan` parses a page with :func:`handbook.blocks.find_blocks` (the one
   parser), expands snippets as the site's configuration says, and checks every block's
   options and stated outputs (:mod:`handbook.options`, :mod:`handbook.lint`) before
   anything runs;
2. :meth:`Engine.start` looks each page up in the cache and sends the misses to worker
   processes (:mod:`handbook.runner`), in parallel; it returns a future per page, so the
   build renders one page while the next ones still run;
3. a page whose blocks all passed is stored; a failure never is.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from handbook import figures, lint, options, profiles
from handbook.blocks import Block, expand_snippets_mapped, find_blocks
from handbook.cache import Store, environment_key, page_key
from handbook.docstrings import documented_modules
from handbook.inline import find_inline
from handbook.runner import BlockResult, Pool

__all__ = ["DEFAULT_TIMEOUT", "Engine", "PagePlan", "PageResult", "Problem", "Site"]

DEFAULT_TIMEOUT = 60.0  # seconds a block may take, unless it says timeout="..."
# The engine's own modules a page's process uses, preloaded with the site's: each page's
# process would otherwise import them again (0.07 s to run blocks, 0.1 s more to highlight).
_PLATFORM = (
    "handbook.docstrings",
    "handbook.execute",
    "handbook.inline",
    "handbook.render",
    "pygments.lexers.python",
    "pygments.formatters.html",
)
_FENCED = {"python", "pycon", "quiz"}  # what a fence runs as (the plan also runs doctests and inline expressions)


@dataclass(frozen=True)
class Problem:
    """Something wrong with a block, found before anything runs."""

    line: int  # the page line it is about
    message: str  # as reported: "docs/x.md:12: ..."
    roundoff: bool = False  # a stated output that is round-off (the one kind an update may fix)


@dataclass
class Site:
    """What the engine needs to know of a site: where things are and how to run them."""

    root: Path  # the folder of mkdocs.yml; pages are named relative to it (docs/x.md)
    docs_dir: Path
    snippets: dict = field(default_factory=dict)  # the pymdownx.snippets configuration
    cache_dir: Path | None = None  # None: no cache
    sources: list[Path] = field(default_factory=list)  # the project's own code, part of every key
    preload: list[str] = field(default_factory=list)
    workers: int = 0  # 0: one per core
    timeout: float = DEFAULT_TIMEOUT
    allowed_figures: Path | None = None  # the allow-list of figures the prose may type (handbook.figures)
    restatements: str = "fail"  # a hand-typed restatement of a result: "fail", "report" or "off"

    @classmethod
    def from_config(cls, config, plugin_config: dict) -> Site:
        """From a loaded MkDocs configuration and the handbook plugin's own options."""
        import os

        root = Path(config.config_file_path).resolve().parent
        cache = plugin_config.get("cache", True) and os.environ.get("HANDBOOK_CACHE", "1") not in {"0", "off", "no"}
        workers = int(os.environ.get("HANDBOOK_WORKERS") or plugin_config.get("workers", 0))
        cache_dir = os.environ.get("HANDBOOK_CACHE_DIR") or plugin_config.get("cache_dir", ".cache/handbook")
        return cls(
            root=root,
            docs_dir=Path(config.docs_dir).resolve(),
            snippets=dict(config.mdx_configs.get("pymdownx.snippets", {})),
            cache_dir=(root / cache_dir) if cache else None,
            sources=[root / source for source in plugin_config.get("sources", [])],
            preload=list(plugin_config.get("preload", [])),
            workers=workers,
            timeout=float(plugin_config.get("timeout", DEFAULT_TIMEOUT)),
            allowed_figures=(root / plugin_config["allowed_figures"]) if plugin_config.get("allowed_figures") else None,
            restatements=os.environ.get("HANDBOOK_RESTATEMENTS") or plugin_config.get("restatements", "fail"),
        )

    @classmethod
    def load(cls, config_file: Path) -> Site:
        """Read ``mkdocs.yml`` as MkDocs does (inheritance, plugins, extensions) and take ours."""
        from mkdocs.config import load_config

        config = load_config(str(config_file))
        plugin = config.plugins.get("handbook")
        return cls.from_config(config, dict(plugin.config) if plugin is not None else {})

    def label(self, path: Path) -> str:
        """A page as messages name it: its path from the site's root, e.g. docs/pillars/calculus.md."""
        path = path.resolve()
        return path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else path.as_posix()


@dataclass
class PagePlan:
    """One page, parsed and checked, ready to run or to be looked up."""

    page: str
    blocks: list[Block]  # every python/pycon/quiz fence, in page order (exec="off" ones too)
    run: list[dict]  # what the worker runs: lang, code (snippets expanded), line, options
    limits: list[float]
    problems: list[Problem]  # found before running: bad options, round-off stated as fact, missing snippets
    key: str | None = None  # the cache key, once Engine.start has computed it
    text: str = ""  # the page's Markdown, as read
    allowed: dict[str, str] = field(default_factory=dict)  # figures the prose may type, with the reasons

    def index_of(self, line: int) -> int | None:
        """The position in :attr:`run` of the block whose fence is at ``line``."""
        return next((i for i, b in enumerate(self.run) if b["line"] == line and b["lang"] in _FENCED), None)


@dataclass
class PageResult:
    """What running (or looking up) a page gave."""

    plan: PagePlan
    results: list[BlockResult]
    cache: str  # "hit", "miss" or "off"
    check_figures: str = "off"  # the site's ``restatements`` setting, for this run
    _restated: list[str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def failures(self) -> list[str]:
        found = self.code_failures
        if self.check_figures == "fail" and not found:
            found += self.restatements()
        return found

    @property
    def code_failures(self) -> list[str]:
        """What went wrong before or while the page's code ran (the prose's figures aside)."""
        found = [problem.message for problem in self.plan.problems]
        found += [r.failure for r in self.results if r.failure]
        skipped = [b["line"] for b, r in zip(self.plan.run, self.results, strict=True) if not r.ran and not r.failure]
        if skipped and not self.plan.problems:
            lines = ", ".join(str(line) for line in skipped)
            found.append(f"{self.plan.page}: not run after an earlier block was stopped: the blocks at lines {lines}")
        return found

    def restatements(self) -> list[str]:
        """Each figure the prose types that restates one the page's code printed (handbook.figures)."""
        if self._restated is None:  # the page and its results do not change: found once
            pairs = zip(self.plan.run, self.results, strict=True)
            outcomes = [r.outcome for spec, r in pairs if spec["lang"] != "inline"]
            found = figures.restatements(self.plan.text, outcomes, set(self.plan.allowed))
            self._restated = [item.message(self.plan.page) for item in found]
        return list(self._restated)

    def inline_values(self) -> list[str | None]:
        """The value of every inline expression, in page order (None where it failed or did not run)."""
        pairs = zip(self.plan.run, self.results, strict=True)
        return [(r.outcome or {}).get("value") if r.ran else None for spec, r in pairs if spec["lang"] == "inline"]

    def result_at(self, line: int) -> BlockResult | None:
        index = self.plan.index_of(line)
        return None if index is None else self.results[index]


class Engine:
    """Plans pages, runs them under a profile (in worker processes), caches what passed."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self.store = Store(site.cache_dir) if site.cache_dir else None
        self.pools: dict[str, Pool] = {}
        self._allowed_from: tuple[str | None, dict] | None = None  # the allow-list's text, parsed

    # ------------------------------------------------------------------ planning
    def plan(self, path: Path, text: str | None = None) -> PagePlan:
        text = path.read_text(encoding="utf-8") if text is None else text
        page = self.site.label(path)
        blocks = find_blocks(text)
        run, limits, problems = [], [], []
        for block in blocks:
            problems += [Problem(block.line, f"{page}:{block.line}: {text}") for text in options.problems(block)]
            problems += [Problem(n, f"{page}:{n}: {text}", roundoff=True) for n, text in lint.roundoff_problems(block)]
            if not block.executes:
                continue
            try:
                code, line_map = expand_snippets_mapped(block.code, self.site.snippets, self.site.root)
            except Exception as error:  # a missing snippet file: snippets' own message
                problems.append(Problem(block.line, f"{page}:{block.line}: the snippet could not be included: {error}"))
                code, line_map = block.code, None
            options_ = {k: v for k, v in block.options.items() if k != "line"}
            spec = {"lang": block.lang, "code": code, "line": block.line, "options": options_}
            if line_map is not None:
                spec["line_map"] = line_map
            run.append(spec)
            limits.append(float(block.options.get("timeout", self.site.timeout)))
        # Inline expressions run at their place in the page: after the blocks above them.
        for item in find_inline(text):
            at = next((i for i, spec in enumerate(run) if spec["line"] > item.line), len(run))
            run.insert(at, {"lang": "inline", "code": item.expression, "line": item.line, "options": {}})
            limits.insert(at, self.site.timeout)
        for module in documented_modules(text):  # an API page's docstring examples
            run.append({"lang": "doctest", "code": module, "line": 0, "options": {}})
            limits.append(self.site.timeout)
        allowed = self._allowed().get(page, {})
        return PagePlan(page, blocks, run, limits, problems, text=text, allowed=allowed)

    def _allowed(self) -> dict[str, dict[str, str]]:
        # Read afresh for every plan, so that `mkdocs serve` sees an edit; parsed again only then.
        path = self.site.allowed_figures
        text = path.read_text(encoding="utf-8") if path is not None and path.is_file() else None
        if self._allowed_from is None or self._allowed_from[0] != text:
            self._allowed_from = (text, figures.load_allowed(path, text))
        return self._allowed_from[1]

    # ------------------------------------------------------------------ running
    def _pool(self, profile: str) -> Pool:
        if profile not in self.pools:
            env = profiles.environment(profile)
            workers = self.site.workers or _cores()
            self.pools[profile] = Pool(str(self.site.root), env, [*self.site.preload, *_PLATFORM], workers)
        return self.pools[profile]

    def environment(self, profile: str) -> str:
        """The environment's part of every key under ``profile`` (read afresh: sources change)."""
        numeric = profiles.numeric_settings(profiles.environment(profile))
        return environment_key(self.site.sources, numeric, profile, self.site.preload)

    def start(
        self,
        plans: list[PagePlan],
        profile: str = "default",
        check: bool = True,
        environment: str | None = None,
        highlight: dict | None = None,
    ) -> dict[str, Future]:
        """A future :class:`PageResult` per page; cache hits are already resolved.

        ``environment`` is :meth:`environment`'s key for ``profile``, when the caller has it already.
        With ``highlight`` (``{"settings": render.highlight_settings(...), "key": ...}``) the
        workers also highlight each block's code and output (handbook.render.prehighlight).
        """
        use_cache = self.store is not None and check
        env_key = (environment or self.environment(profile)) if use_cache else None
        futures: dict[str, Future] = {}
        figures_mode = self.site.restatements if check else "off"
        for plan in plans:
            future: Future = Future()
            futures[plan.page] = future
            if plan.problems or not plan.run:
                future.set_result(PageResult(plan, [BlockResult(ran=False) for _ in plan.run], "off", figures_mode))
                continue
            key = plan.key = page_key(plan.page, plan.run, env_key) if use_cache else None
            entry = self.store.get(key) if key else None
            if entry is not None:
                pairs = zip(entry["outcomes"], entry["seconds"], strict=True)
                results = [BlockResult(outcome=outcome, seconds=seconds) for outcome, seconds in pairs]
                future.set_result(PageResult(plan, results, "hit", figures_mode))
                continue
            payload = {"page": plan.page, "blocks": plan.run, "check": check}
            if highlight is not None:
                payload["highlight"] = highlight
            lines = [b["line"] for b in plan.run]
            inner = self._pool(profile).submit(payload, plan.limits, lines)
            inner.add_done_callback(self._finisher(plan, key, future, use_cache, figures_mode))
        return futures

    def _finisher(self, plan: PagePlan, key: str | None, future: Future, use_cache: bool, figures_mode: str):
        def finish(inner: Future) -> None:
            if inner.cancelled():  # an aborted build
                future.cancel()
                return
            error = inner.exception()
            if error is not None:
                future.set_exception(error)
                return
            results = inner.result()
            outcome = PageResult(plan, results, "miss" if use_cache else "off", figures_mode)
            if key and not outcome.code_failures:  # the prose's figures are checked afresh every time
                self.store.put(
                    key,
                    {
                        "page": plan.page,
                        "outcomes": [r.outcome for r in results],
                        "seconds": [r.seconds for r in results],
                    },
                )
            future.set_result(outcome)

        return finish

    def run(self, plans: list[PagePlan], profile: str = "default", check: bool = True) -> dict[str, PageResult]:
        """Run (or look up) every page and wait for all of them."""
        return {page: future.result() for page, future in self.start(plans, profile, check).items()}

    def warm(self, profile: str = "default") -> None:
        """Start the workers of ``profile`` now, so that the first page to run does not wait for them."""
        self._pool(profile).warm()

    def close(self, kill: bool = False) -> None:
        for pool in self.pools.values():
            pool.close(kill=kill)
        self.pools = {}


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
