"""The MkDocs plugin: every page's code runs (or comes from the cache) and is verified.

``plugins: handbook:`` in ``mkdocs.yml``. At ``on_files`` every page is planned and the
pages the cache does not hold start running in worker processes, in parallel; each page
then waits for its own results when MkDocs renders it. A failure is shown where the block
is and logged naming the page and the line; ``mkdocs build`` goes on, so that one run names
every failure, and then fails, while ``mkdocs serve`` keeps serving. After the build, a
report (page, line, kind, status, seconds, cache) is written beside the site, and the build
fails if a block the parser found was not run or not rendered.

KaTeX and, for runnable blocks, Pyodide come from npm and are served by the site itself
(handbook.assets); formulas are typeset at build time by KaTeX (handbook.katex) and
diagrams drawn by Graphviz (handbook.diagrams), in one Node process (handbook.node).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from html import escape
from pathlib import Path

from markdown_exec import MarkdownConverter, markdown_config
from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from handbook import a11y, assets, diagrams, errata, order, reading, render
from handbook.blocks import EXECUTABLE, annotate_lines, expand_snippets, runs
from handbook.cache import Store, tree_digest
from handbook.diagrams import Graphviz
from handbook.downloads import Downloads
from handbook.engine import DEFAULT_TIMEOUT, Engine, PageResult, Site
from handbook.execute import Outcome
from handbook.inline import find_inline, substitute
from handbook.katex import Katex, KatexMath
from handbook.node import Node
from handbook.notebooks import Notebooks
from handbook.pagecache import PageRenders
from handbook.report import Report
from handbook.searchcache import cache_search_entries

__all__ = ["HandbookPlugin"]

log = logging.getLogger("mkdocs.plugins.handbook")

_MARK = re.compile(r'<div class="handbook-block" data-block="(\d+)">')


class HandbookConfig(Config):
    cache = c.Type(bool, default=True)  # HANDBOOK_CACHE=0 switches it off for one run
    cache_dir = c.Type(str, default=".cache/handbook")  # HANDBOOK_CACHE_DIR overrides
    workers = c.Type(int, default=0)  # 0: one per core; HANDBOOK_WORKERS overrides
    timeout = c.Type(float, default=DEFAULT_TIMEOUT)  # seconds per block, unless the block says timeout="..."
    sources = c.ListOfItems(c.Type(str), default=[])  # the project's own code: part of every cache key
    preload = c.ListOfItems(c.Type(str), default=[])  # heavy third-party modules the workers import once
    profile = c.Choice(("default", "second"), default="default")
    node_modules = c.Type(str, default="node_modules")  # where `npm ci` put KaTeX and Graphviz
    allowed_figures = c.Optional(c.Type(str))  # figures the prose may type, each with its reason (handbook.figures)
    wheel = c.Optional(c.Type(str))  # the project whose wheel runnable blocks import in the browser
    restatements = c.Choice(("fail", "report", "off"), default="fail")  # a prose figure that restates an output


class HandbookPlugin(BasePlugin[HandbookConfig]):
    def __init__(self) -> None:
        self.serve = self.dirty = False
        self.keys: dict[str, str | None] = {}  # each page's key at the previous build of this serve session
        self.engine: Engine | None = None
        self.results: dict[str, object] = {}
        self.current: PageResult | None = None
        self.rendered: set[int] = set()
        self.report: Report | None = None
        self.failures: list[str] = []
        self.environment = ""  # the engine's environment key for this build (on_config)
        self.errata: list = []  # (page, title, its erratum boxes), in navigation order (on_nav)
        self._site_dir: Path | None = None
        self.node: Node | None = None  # one Node process (formulas, diagrams), kept across `mkdocs serve` rebuilds
        self._page_label = ""  # the page being converted, for KaTeX's messages
        self.pages: PageRenders | None = None  # each page's HTML, cached (on_config)
        self._search_entries = None  # one page's search entries, computed early (handbook.searchcache)
        self._unindexed: list = []
        self._files_order: list[str] = []  # the files' order as MkDocs made it (on_files, on_env)

    # ------------------------------------------------------------------ life cycle
    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining on_startup keeps this instance across `mkdocs serve` rebuilds, so the
        # worker processes (and their preloaded modules) stay warm between saves.
        self.serve = command == "serve"
        self.dirty = dirty

    def on_shutdown(self) -> None:
        if self.engine:
            self.engine.close()
        if self.node:
            self.node.close()

    def on_build_error(self, *, error: Exception) -> None:
        if getattr(self, "notebooks", None) is not None:
            self.notebooks.wait()
        if self.engine and not self.serve:
            self.engine.close(kill=True)  # pages still running for an aborted build are not needed
        if self.report is not None and self._site_dir is not None:
            self.report.seconds = time.perf_counter() - self.started
            self.report.write(self._site_dir)  # what ran before the failure, for whoever investigates

    def on_config(self, config):
        logger = logging.getLogger("mkdocs")
        if config.strict and logger.level > logging.WARNING:
            # `-q` raises the logger to ERROR, so strict mode would count no warnings and
            # `mkdocs build --strict -q` would pass with broken links.
            logger.setLevel(logging.WARNING)
        if "pymdownx.superfences" not in config.markdown_extensions:
            raise PluginError("handbook: the pymdownx.superfences Markdown extension is required")
        superfences = config.mdx_configs.setdefault("pymdownx.superfences", {})
        fences = superfences.setdefault("custom_fences", [])
        for name in EXECUTABLE:
            fences.append({"name": name, "class": name, "validator": self._validator, "format": self._formatter})
        if not any(isinstance(e, errata.ErrataIds) for e in config.markdown_extensions):
            config.markdown_extensions.append(errata.ErrataIds())
        root = Path(config.config_file_path).resolve().parent
        theme = str(Path(__file__).with_name("theme"))  # our additions to the theme's templates
        if theme not in config.theme.dirs:
            config.theme.dirs.insert(0, theme)
        if self.node is None:
            self.node = Node(root / self.config.node_modules)
            self.katex, self.graphviz = Katex(self.node), Graphviz(self.node)
        fences.append(diagrams.fence(self.graphviz, self._drawing_failed))
        self.math = next((e for e in config.markdown_extensions if isinstance(e, KatexMath)), None)
        if self.math is None:
            self.math = KatexMath(self.katex, self._drawing_failed)
            config.markdown_extensions.append(self.math)
        markdown_config.save(config.markdown_extensions, config.mdx_configs)
        site = Site.from_config(config, dict(self.config))
        if self.engine is None or self.engine.site != site:
            if self.engine:
                self.engine.close()
            self.engine = Engine(site)
        self.renders = Store(site.cache_dir, "render") if site.cache_dir else None
        search = config.plugins.get("material/search") or config.plugins.get("search")
        self._search_entries = None
        if search is not None:  # plugins run in order: search's on_config is done
            store = Store(site.cache_dir, "search") if site.cache_dir else None
            self._search_entries = cache_search_entries(search, store)
        # Once per build: it digests mathlib and every installed distribution.
        self.environment = self.engine.environment(self.config.profile)
        # A block's HTML depends on the Markdown extensions and their settings too.
        settings = [config.markdown_extensions, config.mdx_configs, self.environment]
        settings.append(tree_digest([root / "package-lock.json"]) if (root / "package-lock.json").is_file() else "")
        self.render_salt = hashlib.sha256(json.dumps(settings, default=_name, sort_keys=True).encode()).hexdigest()
        self.highlight = render.highlight_job(config.markdown_extensions, config.mdx_configs)  # in the workers
        self.pages = None
        if site.cache_dir is not None:
            expand = lambda text: expand_snippets(text, site.snippets, site.root)  # noqa: E731
            self.pages = PageRenders(Store(site.cache_dir, "html"), self.render_salt, config, expand)
        self.notebooks = Notebooks(config, site.cache_dir, self.environment)
        self.downloads = Downloads(config, site, self.render_salt)  # each page as a notebook and a script
        return config

    def on_pre_build(self, config) -> None:
        self.failures: list[str] = []
        self._unindexed: list = []  # pages converted and not yet given to the search index
        self.report = Report()
        self.started = time.perf_counter()
        self._site_dir = Path(config.site_dir)

    def on_files(self, files, config):
        node_modules = Path(config.config_file_path).resolve().parent / self.config.node_modules
        for file in assets.npm_files(config, node_modules):
            files.append(file)
        # Plan every page now and start the ones the cache lacks, in the order MkDocs renders them.
        pages = [f for f in files.documentation_pages() if f.src_uri.endswith(".md")]
        plans = [self.engine.plan(Path(f.abs_src_path)) for f in pages]
        pages, plans, self._files_order = order.render_order(files, pages, plans)
        self.notebooks.run_ahead(files, self.dirty)
        self.results = self.engine.start(plans, self.config.profile, True, self.environment, self.highlight)
        store = Store(self.engine.site.cache_dir, "runnable") if self.engine.site.cache_dir else None
        site, wheel = self.engine.site, self.config.wheel
        self.runnable = assets.RunnableAssets(config, node_modules, plans, site, wheel, store, self.environment)
        for file in self.runnable.files:
            files.append(file)
        if self.serve:  # the next save that edits code should not wait for the workers to start
            self.engine.warm(self.config.profile)
        if self.dirty:
            # `mkdocs serve --dirty` rebuilds the pages whose file changed; a page whose results
            # changed (mathlib was edited, a snippet it includes) must be rebuilt as well.
            for file, plan in zip(pages, plans, strict=True):
                if plan.key is not None and self.keys.get(plan.page, plan.key) != plan.key:
                    file.is_modified = lambda: True
                self.keys[plan.page] = plan.key
        return files

    def on_env(self, env, config, files):
        order.restore(files, self._files_order)  # before the sitemap and the search index
        for file in self.runnable.wheel_files(config):  # before MkDocs copies the site's files
            files.append(file)
        env.filters["handbook_name_navs"] = a11y.name_navs  # theme/main.html names Material's navs
        return env

    def on_nav(self, nav, config, files):
        # The errata page lists every erratum box of the site, in navigation order.
        self.errata = []
        for page in nav.pages:
            if not page.file.src_uri.endswith(".md"):
                continue
            text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
            heading = re.search(r"^# +(.+?)\s*$", text, re.MULTILINE)
            title = heading.group(1) if heading else (page.title or page.file.src_uri)
            self.errata.append((page.file.src_uri, title, Path(page.file.abs_src_path)))
        return nav

    def _errata_listing(self, source: str) -> str:
        """The errata page's list; a box title that computes a figure shows its page's value."""
        pages = []
        for uri, title, path in self.errata:
            text = path.read_text(encoding="utf-8")
            future = self.results.get(self.engine.site.label(path)) if "{py}" in text else None
            values = future.result().inline_values() if future is not None else None
            pages.append((errata.relative(uri, source), title, errata.find_errata(text, values)))
        return errata.listing(pages)

    # ------------------------------------------------------------------ pages
    def on_page_markdown(self, markdown: str, page, config, files) -> str:
        if errata.MARKER in markdown:
            markdown = markdown.replace(errata.MARKER, self._errata_listing(page.file.src_uri))
        # Ids of rendered blocks need only be unique within their page; counting from 0 on each
        # page keeps a page's HTML (and its render-cache keys) independent of the pages before it.
        MarkdownConverter.counter = 0
        self.math.defer_nested = True  # until on_page_content: the page's pass typesets its docstrings' formulas
        self._page_label = self.engine.site.label(Path(page.file.abs_src_path))
        future = self.results.get(self._page_label)
        self._search_early(future)
        self.current = future.result() if future is not None else None
        failures = self.current.failures if self.current is not None else []
        if self.pages is not None and page.file.src_uri.endswith(".md"):
            # The blocks' HTML comes from their results, not from the Markdown: part of the key.
            # A failing page is always converted afresh, so its failures are shown again.
            results = [r.outcome for r in self.current.results] if self.current is not None else []
            self.pages.install(page, None if failures else results)
        if self.current is None:
            return markdown
        for failure in failures:
            self._fail(failure)
        if self.current.check_figures == "report":
            for message in self.current.restatements():
                log.info("%s", message)
        markdown = annotate_lines(markdown)  # first: the line marks are the source's own lines
        markdown = reading.add_reading_time(self._substitute(markdown))
        page_level = [f for f in failures if not self._shown_at_a_block(f)]
        if page_level:  # what no single block can show goes at the top of the page
            notice = "\n\n".join(
                f'!!! failure "This page failed"\n\n    ```text\n{_indent(f)}\n    ```' for f in page_level
            )
            markdown = notice + "\n\n" + markdown
        return markdown

    def _search_early(self, future) -> None:
        """While this page's code is still running, index the pages converted before it and
        make their downloads: work that would otherwise run after every page, with a core idle."""
        while future is not None and not future.done():
            if self._search_entries and self._unindexed:
                self._search_entries(self._unindexed.pop(0))  # autorefs' later links do not change them
            elif not self.downloads.prepare_next():
                break

    def _substitute(self, markdown: str) -> str:
        """Inline expressions replaced by their values; one that failed shows where it is."""
        values = self.current.inline_values()
        found = find_inline(markdown)
        if len(found) != len(values):  # MkDocs changed the text (front matter): nothing to match by
            self._fail(f"{self.current.plan.page}: its inline expressions could not be matched to the page")
            return markdown
        shown = [
            value if value is not None else f'<span class="handbook-inline-failure">{escape(item.expression)}</span>'
            for item, value in zip(found, values, strict=True)
        ]
        return substitute(markdown, shown)

    def _drawing_failed(self, message: str) -> None:
        self._fail(f"{self._page_label}: {message}")

    def _fail(self, message: str) -> None:
        """Report a failure. `mkdocs serve` goes on; a build goes on too, so that one run lists
        every failure of every page, and then fails (on_post_build)."""
        if self.serve:
            log.warning("%s", message)
        else:
            log.error("%s", message)
            self.failures.append(message)

    def _shown_at_a_block(self, failure: str) -> bool:
        return any(failure == r.failure for r in self.current.results)

    def _validator(self, language, inputs, options, attrs, md) -> bool:
        """Accept a fence when it comes from the current page's source (the line mark says so)."""
        line = inputs.pop("line", None)
        if self.current is None or line is None:
            return False
        block_options = dict(inputs)
        inputs.clear()
        options["line"] = int(line)
        options["block_options"] = block_options
        return True

    def _formatter(self, src, language, css_class, options, md, classes=None, id_value="", attrs=None, **kwargs):
        line, block_options = options["line"], options["block_options"]
        result = self.current.result_at(line)
        # Rendering (a fresh Markdown per output, Pygments) costs more than reading a cached
        # result, so the HTML of a block that passed is cached too, keyed by all it depends on;
        # MarkdownConverter's id counter is advanced as rendering would have, so ids match.
        material = [language, src, block_options, line, result.outcome if result else None, MarkdownConverter.counter]
        key = hashlib.sha256(json.dumps([self.render_salt, material], sort_keys=True).encode()).hexdigest()
        cached = self.renders.get(key) if self.renders else None
        if cached is not None:
            MarkdownConverter.counter += cached["ids"]
            html = Markup(cached["html"])
        else:
            before = MarkdownConverter.counter
            html = self._format(src, language, line, block_options, md)
            passed = not runs(block_options) or (result is not None and result.ran and not result.failure)
            if self.renders and passed:  # a failure shown by `mkdocs serve` is never stored
                self.renders.put(key, {"html": str(html), "ids": MarkdownConverter.counter - before})
        # The mark lets on_page_content see which blocks reached the page's HTML: superfences
        # may format a fence and still drop the result (a fence inside an indented code block).
        return f'<div class="handbook-block" data-block="{line}">{html}</div>'

    def _format(self, src, language, line, block_options, md) -> str:
        if not runs(block_options):
            return render.render_source(src, language, block_options, md)
        result = self.current.result_at(line)
        if result is None or result.failure or not result.ran:
            message = (result.failure if result else None) or f"{self.current.plan.page}:{line}: this block did not run"
            return render.render_failure(message, md)  # already reported by on_page_markdown
        outcome = Outcome.from_dict(result.outcome, line, self.highlight and self.highlight["key"])
        return render.render_block(src, language, block_options, outcome, md, line)

    def on_page_content(self, html: str, page, config, files) -> str:
        self.math.defer_nested = False
        if page.file.src_uri.endswith(".ipynb"):
            self._page_label = self.engine.site.label(Path(page.file.abs_src_path))
            html, seconds, cache = self.notebooks.finished(html, self.katex, self._drawing_failed)
            self.report.add_notebook(self._page_label, seconds, cache)
        self._unindexed.append(page)
        result, self.current = self.current, None
        self.downloads.add(page, files, result, self.notebooks)
        if result is None:
            return html
        self.rendered = {int(n) for n in _MARK.findall(html)}
        missing = [b.line for b in result.plan.blocks if b.line not in self.rendered]
        if missing:
            message = (
                f"{result.plan.page}: blocks found by the parser were not rendered by the page (lines "
                f"{', '.join(map(str, missing))}); is a fence inside raw HTML, or indented differently from its text?"
            )
            self._fail(message)
        self.report.add_page(result, self.rendered)
        return html

    def on_pre_page(self, page, config, files):
        if page.file.src_uri.endswith(".ipynb"):
            self.notebooks.started(page.file.abs_src_path)
        return page

    def on_post_build(self, config) -> None:
        markdown_config.reset()
        self.report.seconds = time.perf_counter() - self.started
        self.report.html_from_cache = self.pages.hits if self.pages else 0
        for failure in self.runnable.failures():
            self._fail(failure)  # a runnable block that would not run in the reader's browser
        self.notebooks.wait()  # a notebook run ahead whose page was not converted
        self.downloads.write(Path(config.site_dir))  # after mkdocs-jupyter's copy of the notebook
        path = self.report.write(Path(config.site_dir))
        for line in self.report.summary():
            log.info("handbook: %s", line)
        log.debug("handbook: report written to %s", path)
        if not self.serve:
            self.engine.close()
            self.node.close()
        if self.serve:
            return
        if self.failures:
            raise PluginError(f"handbook: {len(self.failures)} failure(s), each named above with its page and line")
        problems = self.report.not_run()
        if problems:
            raise PluginError("handbook: blocks that exist were not run:\n" + "\n".join(problems))


def _name(value: object) -> str:
    """A stable name for what JSON cannot hold (the fences' validator and formatter functions)."""
    return getattr(value, "__qualname__", type(value).__name__)


def _indent(text: str) -> str:
    return "\n".join("    " + line for line in text.split("\n"))
