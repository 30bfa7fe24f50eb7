"""Accessible names Material's templates leave out, added where the theme renders them.

The handbook's ``theme/main.html`` passes Material's navigation block through
:func:`name_navs` (a Jinja filter the plugin registers), and names the search dialog itself.
``tests/test_a11y.py`` runs axe-core on every page, so a Material release that renders these
differently fails there, not silently.
"""

from __future__ import annotations

import html
import re

__all__ = ["name_navs"]

# A section of the navigation: Material's <nav aria-labelledby="__nav_3_label"> points at the
# section's toggle. With navigation.indexes the toggle of a section that has an index page
# holds only an icon, so the nav's name is empty, and every such nav has the same (empty)
# name: axe's landmark-unique. The nav's first child is the section's title (shown on small
# screens); its text becomes the nav's aria-label, which names it when aria-labelledby gives
# nothing (accessible-name computation, step 2D). aria-labelledby stays: Material's script
# finds the nav by it.
_SECTION = re.compile(
    r'(?P<open><nav class="md-nav" [^>]*aria-labelledby="(?P<id>[^"]+)_label")'
    r'(?P<rest>[^>]*>\s*<label class="md-nav__title" for="(?P=id)">(?P<title>.*?)</label>)',
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")


def name_navs(rendered: str) -> str:
    """Material's rendered navigation with each section's ``<nav>`` named by the section title.

    Parameters
    ----------
    rendered : str
        HTML of Material's ``site_nav`` block.

    Returns
    -------
    str
        The same HTML, each section ``<nav>`` with an ``aria-label``.
    """
    if not isinstance(rendered, str):
        raise TypeError(f"name_navs: rendered must be the block's HTML (str), not {type(rendered).__name__}")

    def label(match: re.Match) -> str:
        title = " ".join(html.unescape(_TAG.sub("", match["title"])).split())
        return f'{match["open"]} aria-label="{html.escape(title)}"{match["rest"]}'

    return _SECTION.sub(label, rendered)
