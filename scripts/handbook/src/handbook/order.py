"""The order in which MkDocs converts the pages, chosen so the main process never idles.

MkDocs converts pages in the order of its ``Files``. The plugin puts first the pages that need
no worker (no code), then the pages with code (the API reference's first, then the longest
code first) in the order their workers start them, then the notebooks (whose kernels have
run since on_files, beside the workers: handbook.notebooks), and last the errata page, which
waits for the values of the pages it lists. :func:`restore` puts MkDocs' own order back at
``on_env``, before the sitemap and the search index are written, so the site is the same as
in MkDocs' order.
"""

from __future__ import annotations

from handbook import errata

__all__ = ["render_order", "restore"]


def render_order(files, pages: list, plans: list) -> tuple[list, list, list[str]]:
    """Reorder ``files`` in place; the pages and their plans in that order, and the old order."""
    original = [f.src_uri for f in files]
    last = [i for i, plan in enumerate(plans) if errata.MARKER in plan.text]
    rest = [i for i in range(len(plans)) if i not in last]
    plain, code = [i for i in rest if not plans[i].run], [i for i in rest if plans[i].run]
    # The API pages first of those with code: their docstring examples are quick to run, and
    # once they are converted mkdocs-autorefs knows the anchors the other pages link to. Then
    # the longest code first (its length predicts a page's time well: correlation 0.8 here),
    # so that the workers end together instead of one finishing the last long page alone.
    code.sort(key=lambda i: (not any(spec["lang"] == "doctest" for spec in plans[i].run), -_length(plans[i])))
    # Still static files here, if mkdocs-jupyter's on_files (which makes them pages) runs after this.
    notebooks = [f for f in files if f.src_uri.endswith(".ipynb")]
    order = plain + code + last
    for file in [pages[i] for i in plain + code] + notebooks + [pages[i] for i in last]:
        files.remove(file)
        files.append(file)
    return [pages[i] for i in order], [plans[i] for i in order], original


def _length(plan) -> int:
    return sum(len(spec["code"]) for spec in plan.run if spec["lang"] != "doctest")


def restore(files, original: list[str]) -> None:
    """Put ``files`` back in the order ``original`` gives (by address: mkdocs-jupyter replaces
    the notebook's File after the reordering)."""
    for uri in original:
        file = files.get_file_from_path(uri)
        if file is not None:
            files.remove(file)
            files.append(file)
