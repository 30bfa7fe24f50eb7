"""scripts/page_weight.py counts what a static host sends: text compressed, fonts and images as they are."""

import gzip


def test_text_is_counted_gzip_compressed_and_a_font_as_it_is(script):
    """A repetitive HTML body counts as its gzip size; a font's bytes count in full."""
    weight = script("page_weight")
    body = b"<p>the same words</p>" * 1000
    assert weight.transferred("text/html; charset=utf-8", body) == len(gzip.compress(body, 6, mtime=0))
    assert weight.transferred("font/woff2", body) == len(body)


def test_every_page_of_a_site_is_listed_and_its_assets_are_not(script, tmp_path):
    """index.html files are pages (the home page as ""), except under assets/, search/ and 404/."""
    for folder in ["", "a", "a/b", "assets/x", "search", "404"]:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "index.html").write_text("<p></p>", encoding="utf-8")
    assert script("page_weight").pages_of(tmp_path) == ["", "a/", "a/b/"]
