"""The theme's search index, cached page by page.

Material's search plugin parses every page's HTML on every build to cut it into sections;
on a build that changes nothing that is the largest part of its time (a third of a warm
build here), spent computing what the last build already did. This wraps the plugin's
``SearchIndex.add_entry_from_context`` so that a page whose HTML, address, title, table of
contents and search settings are unchanged adds the entries stored last time instead.

Formulas and inline SVG are given to the plugin in a searchable form (``searchable``):
KaTeX writes each formula three times (MathML, its TeX, and spans for the eye), and the
index would hold all three ("x1=0.05x_1 = 0.05x1=0.05"), while a plot's or diagram's SVG
is hundreds of tags with no words. The index holds a formula's TeX and a figure's alt
text instead, and the plugin's parser, which costs per tag, has a fraction of the work.

It relies on one method of Material 9.7's search plugin (pinned in ``constraints.txt``;
9.7 is the theme's last feature release, so the method no longer changes). The entries are
the plugin's own output, so the index a cached build writes is byte-identical to a fresh
one (``tests/test_site.py`` compares two builds).
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib import metadata
from pathlib import Path

from handbook.cache import Store

__all__ = ["cache_search_entries", "searchable"]

_FORMULA = re.compile(r'<(span|div) class="arithmatex">')
_SPAN = re.compile(r"<span\b|</span>")
_TEX = re.compile(r'<annotation encoding="application/x-tex">(.*?)</annotation>', re.DOTALL)
_SVG = re.compile(r"<svg\b([^>]*)>.*?</svg>", re.DOTALL)
_LABEL = re.compile(r'\baria-label="([^"]*)"')
_PRE = re.compile(r"(<pre\b[^>]*>)(.*?)(</pre>)", re.DOTALL)
_SPAN_TAG = re.compile(r"</?span\b[^>]*>")
# A cross-reference before mkdocs-autorefs resolves it (on_env), and the link it becomes.
_REFERENCE = re.compile(r"<autoref\b[^>]*>(.*?)</autoref>|<a class=\"autorefs\b[^>]*>(.*?)</a>", re.DOTALL)


def searchable(html: str) -> str:
    """``html`` with each typeset formula reduced to its TeX, each inline SVG to its alt text,
    each cross-reference to its text, and the code in ``<pre>`` without its highlighting spans.

    The search plugin keeps a link's text and drops its tag, so a page's entries are the same
    before mkdocs-autorefs turns its references into links and after: they can be computed
    while the page's own code still runs, not in the serial end of the build."""
    pieces, end = [], 0
    while (start := _FORMULA.search(html, end)) is not None:
        tag, inside = start[1], start.end()
        if tag == "div":  # a display formula: KaTeX writes spans only, so the first </div> closes it
            close = html.index("</div>", inside)
        else:
            depth, close = 1, inside
            for token in _SPAN.finditer(html, inside):
                depth += 1 if token[0] == "<span" else -1
                if depth == 0:
                    close = token.start()
                    break
        tex = _TEX.search(html, inside, close)
        pieces += [html[end:inside], tex[1] if tex else html[inside:close]]
        end = close
    pieces.append(html[end:])
    html = _SVG.sub(lambda m: label[1] if (label := _LABEL.search(m[1])) else "", "".join(pieces))
    html = _REFERENCE.sub(lambda m: m[1] if m[1] is not None else m[2], html)
    if "data-search-exclude" in html:
        return html
    # Inside <pre> the plugin keeps every piece of text as it is, whitespace too, and drops the
    # spans around them: without Pygments' span per token it reads the same text, tag-free.
    return _PRE.sub(lambda m: m[1] + _SPAN_TAG.sub("", m[2]) + m[3], html)


def _toc(items) -> list:
    return [[item.title, item.id, item.level, _toc(item.children)] for item in items]


def cache_search_entries(plugin, store: Store | None):
    """Make ``plugin`` (Material's search plugin, configured) read unchanged pages from ``store``.

    With no ``store`` (the cache switched off) every page is parsed, still in its searchable form.
    Returns a function that computes (and stores) one page's entries without adding them,
    so that a caller can do the work early, or None, changing nothing, if the plugin is not
    the one this was written for.
    """
    index = getattr(plugin, "search_index", None)
    original = getattr(index, "add_entry_from_context", None)
    if original is None or not isinstance(getattr(index, "entries", None), list):
        return None
    # This module decides what the plugin reads (searchable), so its own text is in the key too.
    salt = [metadata.version("mkdocs-material"), dict(index.config), Path(__file__).read_text(encoding="utf-8")]

    made: dict[str, list] = {}  # this build's entries, by key: computed early, used at on_page_context

    def entries(page) -> list:
        meta = {name: page.meta.get(name) for name in ("search", "tags", "title")}
        text = searchable(page.content)
        material = [salt, page.url, page.title, meta, _toc(page.toc), text]
        key = hashlib.sha256(json.dumps(material, default=str, sort_keys=True).encode()).hexdigest()
        if key in made:
            return made[key]
        cached = store.get(key) if store else None
        if cached is not None:
            made[key] = cached["entries"]
            return made[key]
        before = len(index.entries)
        content, page.content = page.content, text
        try:
            original(page)
        finally:
            page.content = content
        found = index.entries[before:]
        del index.entries[before:]
        if store:
            store.put(key, {"entries": found})
        made[key] = found
        return found

    def add_entry_from_context(page) -> None:
        index.entries.extend(entries(page))

    index.add_entry_from_context = add_entry_from_context
    return entries
