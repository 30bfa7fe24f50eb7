"""Each content page's "Download notebook" and "Download script", written into the site.

The plugin hands over every page as it is converted (:meth:`Downloads.add`): a Markdown
page whose code passed, with its results, or the code lab, with the notebook nbconvert
executed for it (:class:`handbook.notebooks.Notebooks` keeps it). After the last page, when
mkdocs-autorefs knows every anchor, :meth:`Downloads.write` makes each page's notebook and
script (:mod:`handbook.export`), or takes the one :meth:`Downloads.prepare_next` made while
the build waited for a worker if the page's links resolve the same, and writes them beside
the page's HTML, named as its source:
``docs/chapter2/calculus.md`` gives ``chapter2/calculus/calculus.ipynb`` and ``….py``, as
mkdocs-jupyter places its copy of a notebook; the code lab's executed notebook replaces that
copy, which has no outputs (the lab's first cell links it). Both are cached
(``.cache/handbook/export``), keyed by all they are made from, so a warm build only copies
them. The page's template (``theme/main.html``) links them.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from pathlib import Path

import nbformat

from handbook.blocks import expand_snippets
from handbook.cache import Store
from handbook.export import _SCHEME, link_targets, page_notebook, page_script

__all__ = ["Downloads", "clean"]

_RAN = {"python", "pycon"}


def clean(notebook):
    """An executed notebook without what changes from run to run (nbclient's timings)."""
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    return notebook


def _stem(file) -> str:
    """Where a page's downloads go, without the suffix: beside its HTML, named as its source
    (``chapter2/calculus/calculus``), where mkdocs-jupyter puts a notebook's own copy."""
    name = posixpath.splitext(posixpath.basename(file.src_uri))[0]
    return posixpath.join(posixpath.dirname(file.dest_uri), name)


class Downloads:
    """One build's downloads: the pages handed over, and where their files go."""

    def __init__(self, config, site, salt: str) -> None:
        self.site = site
        self.site_url = config.site_url or ""
        self.salt = salt
        self.store = Store(site.cache_dir, "export") if site.cache_dir else None
        self.pages: list[tuple] = []  # (page, files, PageResult or the code lab's executed notebook)
        self.plugins = config.plugins
        self._waiting: list[tuple] = []  # pages handed over and not yet prepared
        self._prepared: dict[str, tuple] = {}  # a page's links as they resolved then, and its entry

    def _expand(self, text: str) -> str:
        return expand_snippets(text, self.site.snippets, self.site.root)

    def add(self, page, files, result, notebooks) -> None:
        """Note one converted page; a page that failed, or runs no code, gets no downloads."""
        source = page.file.src_uri
        if source.endswith(".ipynb"):
            self.pages.append((page, files, notebooks.executed))
        elif result is None or result.failures or not any(spec["lang"] in _RAN for spec in result.plan.run):
            return
        else:
            self.pages.append((page, files, result))
            self._waiting.append((page, files, result))
        stem = _stem(page.file)
        page.meta["handbook_downloads"] = {"notebook": f"{stem}.ipynb", "script": f"{stem}.py"}

    def prepare_next(self) -> bool:
        """Make the next page's notebook and script now, with its links as they resolve now
        (while MkDocs' process waits for a worker); False when none is left to prepare.
        :meth:`write` uses it if the links resolve the same after the last page."""
        if not self._waiting:
            return False
        page, files, result = self._waiting.pop(0)
        links = self._links(page, files, result)
        self._prepared[page.file.src_uri] = (links, self._entry(page, result, links))
        return True

    def write(self, site_dir: Path) -> None:
        """Make (or read from the cache) and write every page's notebook and script."""
        for page, files, made_from in self.pages:
            stem = _stem(page.file)
            if page.file.src_uri.endswith(".ipynb"):
                entry = self._code_lab(page, made_from)
            else:
                links = self._links(page, files, made_from)
                early, made = self._prepared.get(page.file.src_uri, (None, None))
                entry = made if early == links else self._entry(page, made_from, links)
            for suffix in ("ipynb", "py"):
                path = site_dir / f"{stem}.{suffix}"
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(entry[suffix], encoding="utf-8")
        self.pages, self._waiting, self._prepared = [], [], {}

    def _cached(self, material: list, make, fresh: bool = False) -> dict:
        key = hashlib.sha256(json.dumps([self.salt, *material], sort_keys=True, default=str).encode()).hexdigest()
        entry = self.store.get(key) if self.store and not fresh else None
        if entry is None:
            notebook = make()
            entry = {"ipynb": nbformat.writes(notebook) + "\n", "py": page_script(notebook)}
            if self.store:
                self.store.put(key, entry)
        return entry

    def _links(self, page, files, result) -> dict:
        return {target: self._link(target, page, files) for target in link_targets(result.plan.text)}

    def _entry(self, page, result, links: dict) -> dict:
        plan = result.plan
        url = self.site_url + page.url
        outcomes = [r.outcome for r in result.results]

        def make():
            return page_notebook(
                plan.text, plan.run, outcomes, page=plan.page, url=url, links=links, expand=self._expand
            )

        return self._cached(["page", plan.page, url, plan.text, plan.run, outcomes, links], make)

    def _code_lab(self, page, executed) -> dict:
        source = Path(page.file.abs_src_path).read_bytes()
        material = ["notebook", page.file.src_uri, hashlib.sha256(source).hexdigest()]
        label = self.site.label(Path(page.file.abs_src_path))

        def make(notebook):
            notebook.metadata["handbook"] = {"page": label, "url": self.site_url + page.url}
            return clean(notebook)

        if executed is not None:  # nbconvert ran it just now: this run's outputs replace any stored
            return self._cached(material, lambda: make(nbformat.from_dict(executed)), fresh=True)
        return self._cached(material, lambda: make(self._execute(page)))

    def _execute(self, page):
        """mkdocs-jupyter's cache held the page but ours not the executed notebook: run it."""
        from nbclient import NotebookClient

        notebook = nbformat.read(page.file.abs_src_path, as_version=4)
        path = str(Path(page.file.abs_src_path).parent)
        NotebookClient(notebook, kernel_name="python3", resources={"metadata": {"path": path}}).execute()
        return notebook

    def _link(self, target: str, page, files) -> str | None:
        """An absolute URL for a link of the page's prose, or None (the link is left as text)."""
        if target.startswith("["):  # a cross-reference to an API object
            autorefs = self.plugins.get("autorefs")
            try:
                url = autorefs.get_item_url(target[1:-1])[0] if autorefs is not None else None
            except KeyError:
                url = None
            return None if url is None or not self.site_url else self.site_url + url
        if _SCHEME.match(target):
            return target
        if not self.site_url:
            return None
        path, _, fragment = target.partition("#")
        anchor = f"#{fragment}" if fragment else ""
        if not path:
            return self.site_url + page.url + anchor
        file = files.get_file_from_path(posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path)))
        return None if file is None else self.site_url + file.url + anchor
