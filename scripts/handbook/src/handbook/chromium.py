"""How the project starts Debian's Chromium (browser tests, scripts/page_weight.py).

Playwright drives ``/usr/bin/chromium`` (``CHROMIUM`` overrides), never a browser of its own
(``playwright install`` cannot download here), with flags that keep it offline and quiet.
"""

from __future__ import annotations

import os

__all__ = ["CHROMIUM", "FLAGS"]

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
