"""The order in which MkDocs converts the pages, chosen so the main process never idles.

MkDocs converts pages in the order of its ``Files``. The plugin puts first what needs no
worker (the notebook, pages without code), then the pages with code in the order their
workers start them, and last the errata page, which waits for the values of the pages it
lists. :func:`restore` puts MkDocs' own order back at ``on_env``, before the sitemap and
the search index are written, so the site is the same as in MkDocs' order.
"""

from __future__ import annotations

from handbook import errata

__all__ = ["render_order", "restore"]


def render_order(files, pages: list, plans: list) -> tuple[list, list, list[str]]:
    """Reorder ``files`` in place; the pages and their plans in that order, and the old order."""
    original = [f.src_uri for f in files]
    last = [i for i, plan in enumerate(plans) if errata.MARKER in plan.text]
    rest = [i for i in range(len(plans)) if i not in last]
    order = [i for i in rest if not plans[i].run] + [i for i in rest if plans[i].run] + last
    notebooks = [f for f in files.documentation_pages() if not f.src_uri.endswith(".md")]
    for file in notebooks + [pages[i] for i in order]:
        files.remove(file)
        files.append(file)
    return [pages[i] for i in order], [plans[i] for i in order], original


def restore(files, original: list[str]) -> None:
    """Put ``files`` back in the order ``original`` gives (by address: mkdocs-jupyter replaces
    the notebook's File after the reordering)."""
    for uri in original:
        file = files.get_file_from_path(uri)
        if file is not None:
            files.remove(file)
            files.append(file)
