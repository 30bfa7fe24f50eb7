"""Each page's Markdown-to-HTML conversion, cached.

A warm build executes nothing, but MkDocs still converts every page's Markdown, and
mkdocstrings renders every API page from its templates: most of what is left of a build
that changes nothing. This replaces one page's ``render`` (the instance's, so nothing else
is touched) with one that stores what the conversion gave, and on the next build reads it
back when nothing it depends on has changed. The key is a SHA-256 of

* the page's Markdown as MkDocs hands it over (after every plugin's ``on_page_markdown``:
  line marks, inline values, the errata listing), with its snippets expanded;
* the results of its code (the blocks' HTML is made from them, not from the Markdown);
* the page's address, every file's address (relative links are resolved against them),
  the link-validation settings, the log level, and the caller's salt: the Markdown
  extensions and their settings, ``mathlib``'s source (which mkdocstrings reads), the
  engine's source and every installed distribution's version.

A conversion also tells other plugins things, and those are recorded and replayed: the
anchors it registers with mkdocs-autorefs and the objects it adds to mkdocstrings'
inventory (``objects.inv``). mkdocstrings instantiates its configured handlers itself, at
``on_config``, so their CSS is written whether or not a page is converted. A conversion
that logs anything (a broken link, a warning of an extension) is not stored, so the next
build logs it again. It relies on MkDocs 1.6's ``Page.render``, autorefs 1.4's
``register_anchor`` and mkdocstrings 1.0's inventory, all pinned in ``constraints.txt``; a
cached build's site is byte-identical to a fresh one (``tests/test_site.py``,
``tests/test_handbook_pagecache.py``).
"""

from __future__ import annotations

import hashlib
import json
import logging
from contextlib import contextmanager

from mkdocs.structure.toc import get_toc

from handbook.cache import Store

__all__ = ["PageRenders"]

_MISSING = object()


class _Heard(logging.Handler):
    """Notes that something was logged."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.heard = False

    def emit(self, record) -> None:
        self.heard = True


def _tokens(items) -> list[dict]:
    return [{"level": i.level, "id": i.id, "name": i.title, "children": _tokens(i.children)} for i in items]


@contextmanager
def _spy(owner, name: str, record):
    """Calls to ``owner.name`` go on as before and are passed to ``record`` too, until the end."""
    if owner is None:
        yield
        return
    original, own = getattr(owner, name), vars(owner).get(name, _MISSING)

    def spy(*args, **kwargs):
        record(*args, **kwargs)
        return original(*args, **kwargs)

    setattr(owner, name, spy)
    try:
        yield
    finally:
        if own is _MISSING:
            delattr(owner, name)
        else:
            setattr(owner, name, own)


class PageRenders:
    """The conversions of one build's pages, read from and written to ``store``."""

    def __init__(self, store: Store, salt: str, config, expand) -> None:
        self.store, self.salt, self.expand = store, salt, expand
        self.plugins = config.plugins  # read when pages render: mkdocstrings adds autorefs in its on_config
        self.validation = dict(config.validation)
        self.directory_urls = config.use_directory_urls
        self._files: tuple[int, str] | None = None
        self.hits = 0  # pages read from the cache in this build

    @property
    def autorefs(self):
        return self.plugins.get("autorefs")

    def _handlers(self):
        return getattr(self.plugins.get("mkdocstrings"), "_handlers", None)

    def _files_digest(self, files) -> str:
        if self._files is None or self._files[0] != id(files):
            addresses = sorted((f.src_uri, f.dest_uri, f.url) for f in files)
            self._files = (id(files), hashlib.sha256(json.dumps(addresses).encode()).hexdigest())
        return self._files[1]

    def install(self, page, results: object) -> None:
        """Make ``page.render`` read and write the cache. ``results``: what the page's code gave
        (JSON), or None when the page must be converted afresh (it failed)."""
        original = page.render

        def render(config, files) -> None:
            key = self._key(page, files, results)
            if key is None:
                original(config, files)
                return
            entry = self.store.get(key)
            if entry is not None:
                self._replay(page, files, entry)
                self.hits += 1
                return
            entry = self._record(page, original, config, files)
            if entry is not None:
                self.store.put(key, entry)

        page.render = render

    def _key(self, page, files, results) -> str | None:
        if results is None or page.markdown is None:
            return None
        try:
            markdown = self.expand(page.markdown)
        except Exception:  # a missing snippet: the conversion itself reports it
            return None
        level = logging.getLogger("mkdocs").getEffectiveLevel()
        material = [self.salt, page.file.src_uri, page.url, self._files_digest(files), self.validation]
        material += [self.directory_urls, level, markdown, results]
        return hashlib.sha256(json.dumps(material, sort_keys=True, default=str).encode()).hexdigest()

    def _record(self, page, original, config, files) -> dict | None:
        anchors: list = []
        inventory: list = []
        foreign = []

        def on_anchor(target, identifier, anchor=None, *, title=None, primary=True):
            if target is page or target == page.url:
                anchors.append([identifier, anchor, title, primary])
            else:
                foreign.append(identifier)  # another page's anchor: nothing to replay it by

        inventory_of = getattr(self._handlers(), "inventory", None)
        heard = _Heard()
        loggers = [logging.getLogger(), logging.getLogger("mkdocs")]
        for logger in loggers:
            logger.addHandler(heard)
        try:
            with (
                _spy(self.autorefs, "register_anchor", on_anchor),
                _spy(inventory_of, "register", lambda *a, **k: inventory.append([a, k])),
            ):
                original(config, files)
        finally:
            for logger in loggers:
                logger.removeHandler(heard)
        if heard.heard or foreign:
            return None
        links = page.links_to_anchors
        return {
            "content": page.content,
            "toc": _tokens(page.toc.items),
            "title": page._title_from_render,
            "present": sorted(page.present_anchor_ids or ()),
            "links": None if links is None else {f.src_uri: v for f, v in links.items()},
            "anchors": anchors,
            "inventory": inventory,
        }

    def _replay(self, page, files, entry: dict) -> None:
        page.content = entry["content"]
        page.toc = get_toc(entry["toc"])
        page._title_from_render = entry["title"]
        page.present_anchor_ids = set(entry["present"])
        if entry["links"] is not None:
            page.links_to_anchors = {files.get_file_from_path(uri): v for uri, v in entry["links"].items()}
        for identifier, anchor, title, primary in entry["anchors"]:
            self.autorefs.register_anchor(page, identifier, anchor, title=title, primary=primary)
        for args, kwargs in entry["inventory"]:
            self._handlers().inventory.register(*args, **kwargs)
