"""The real site: it builds strictly, offline, and the same way twice."""

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.build

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//(?!127\.0\.0\.1|localhost)""")


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_site_builds_strictly(built_site):
    """`mkdocs build --strict` of the handbook succeeds and writes the home page."""
    assert (built_site / "index.html").is_file()


def test_no_page_loads_anything_from_another_host(built_site):
    """No HTML page references a script, stylesheet, font or image on another host (no CDN)."""
    offenders = [
        p.relative_to(built_site).as_posix()
        for p in built_site.rglob("*.html")
        if EXTERNAL.search(re.sub(r'<a\s[^>]*href="https?://[^"]*"', "", p.read_text(encoding="utf-8")))
    ]
    assert offenders == []


def test_katex_and_its_fonts_are_served_by_the_site(built_site):
    """KaTeX's script, stylesheet and fonts are files of the site itself."""
    katex = built_site / "assets" / "katex"
    assert (katex / "katex.min.js").is_file()
    assert (katex / "contrib" / "auto-render.min.js").is_file()
    assert any((katex / "fonts").glob("KaTeX_Main-Regular.woff2"))


def test_two_builds_of_the_same_tree_are_byte_identical(built_site, tmp_path):
    """Building again gives exactly the same files, byte for byte."""
    again = tmp_path / "again"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(again)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    first, second = _digest(built_site), _digest(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
