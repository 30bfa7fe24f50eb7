"""handbook.tour: what a visit weighs, and which pages a tour visits."""

import gzip

from handbook.tour import site_pages, transferred


def test_text_is_counted_gzip_compressed_and_a_font_as_it_is():
    """A repetitive HTML body counts as its gzip size; a font's bytes count in full."""
    body = b"<p>the same words</p>" * 1000
    assert transferred("text/html; charset=utf-8", body) == len(gzip.compress(body, 6, mtime=0))
    assert transferred("font/woff2", body) == len(body)


def test_every_html_file_the_build_wrote_is_a_page_to_visit(tmp_path):
    """The home page is "", a section's index its folder with a slash, other HTML files by name."""
    for name in ["index.html", "a/index.html", "a/b/index.html", "404.html"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<p></p>", encoding="utf-8")
    assert site_pages(tmp_path) == ["", "404.html", "a/", "a/b/"]
