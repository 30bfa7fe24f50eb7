"""The theme's search index, cached page by page.

Material's search plugin parses every page's HTML on every build to cut it into sections;
on a build that changes nothing that is the largest part of its time (a third of a warm
build here), spent computing what the last build already did. This wraps the plugin's
``SearchIndex.add_entry_from_context`` so that a page whose HTML, address, title, table of
contents and search settings are unchanged adds the entries stored last time instead.

It relies on one method of Material 9.7's search plugin (pinned in ``constraints.txt``;
9.7 is the theme's last feature release, so the method no longer changes). The entries are
the plugin's own output, so the index a cached build writes is byte-identical to a fresh
one (``tests/test_site.py`` compares two builds).
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata

from handbook.cache import Store

__all__ = ["cache_search_entries"]


def _toc(items) -> list:
    return [[item.title, item.id, item.level, _toc(item.children)] for item in items]


def cache_search_entries(plugin, store: Store):
    """Make ``plugin`` (Material's search plugin, configured) read unchanged pages from ``store``.

    Returns a function that computes (and stores) one page's entries without adding them,
    so that a caller can do the work early, or None, changing nothing, if the plugin is not
    the one this was written for.
    """
    index = getattr(plugin, "search_index", None)
    original = getattr(index, "add_entry_from_context", None)
    if original is None or not isinstance(getattr(index, "entries", None), list):
        return None
    salt = [metadata.version("mkdocs-material"), dict(index.config)]

    def entries(page) -> list:
        meta = {name: page.meta.get(name) for name in ("search", "tags", "title")}
        material = [salt, page.url, page.title, meta, _toc(page.toc), page.content]
        key = hashlib.sha256(json.dumps(material, default=str, sort_keys=True).encode()).hexdigest()
        cached = store.get(key)
        if cached is not None:
            return cached["entries"]
        before = len(index.entries)
        original(page)
        found = index.entries[before:]
        del index.entries[before:]
        store.put(key, {"entries": found})
        return found

    def add_entry_from_context(page) -> None:
        index.entries.extend(entries(page))

    index.add_entry_from_context = add_entry_from_context
    return entries
