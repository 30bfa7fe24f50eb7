"""Each page's HTML is cached (handbook.pagecache): a warm build converts no Markdown, and
its site is the same as a fresh one, cross-references, inventory and link checks included."""

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.build


def html_from_cache(site: Path) -> int:
    report = json.loads((site / "site-report.json").read_text(encoding="utf-8"))
    return report["summary"]["html_from_cache"]


def snapshot(site: Path) -> dict:
    return {p.relative_to(site / "site"): p.read_bytes() for p in (site / "site").rglob("*") if p.is_file()}


API = {
    "index.md": "# Home\n\nSee [sigmoid][mathlib.activations.sigmoid].\n\n```python\nprint(6 * 7)\n#> 42\n```\n",
    "api.md": "# API\n\n::: mathlib.activations\n",
}


def test_second_build_reads_every_page_and_keeps_cross_references_and_inventory(make_site, tmp_path, build):
    """Every page's HTML comes from the cache the second time; the site, with the API page's
    cross-reference, objects.inv and mkdocstrings' CSS, is byte-identical."""
    site = make_site(tmp_path, API)
    first = build(site)
    assert first.returncode == 0, first.stderr
    assert html_from_cache(site) == 0
    before = snapshot(site)
    second = build(site)
    assert second.returncode == 0, second.stderr
    assert html_from_cache(site) == 2
    assert snapshot(site) == before
    assert Path("objects.inv") in before and Path("assets/_mkdocstrings.css") in before
    assert 'href="api/#mathlib.activations.sigmoid"' in before[Path("index.html")].decode()


def test_a_page_whose_conversion_warned_is_converted_and_warns_again(make_site, tmp_path, build):
    """A broken link is not cached away: the second build fails on it as the first did."""
    site = make_site(tmp_path, {"index.md": "# Home\n\nSee [the missing page](missing.md).\n"})
    for _ in range(2):
        result = build(site)
        assert result.returncode != 0
        assert "missing.md" in result.stderr
    assert html_from_cache(site) == 0


def test_editing_a_snippet_file_the_prose_includes_converts_the_page_again(make_site, tmp_path, build):
    """The key holds the page with its snippets expanded, so the new text of the file is shown."""
    site = make_site(tmp_path, {"index.md": '# Home\n\n--8<-- "parts/note.md"\n'})
    (site / "parts").mkdir()
    note = site / "parts" / "note.md"
    note.write_text("The word quokka.\n", encoding="utf-8")
    assert build(site).returncode == 0
    note.write_text("The word wombat.\n", encoding="utf-8")
    assert build(site).returncode == 0
    html = (site / "site" / "index.html").read_text(encoding="utf-8")
    assert "wombat" in html and "quokka" not in html
