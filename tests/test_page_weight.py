"""scripts/page_weight.py: every page's first visit within the budget (the weights come from the tour)."""

import pytest


def test_every_page_of_a_site_is_listed_and_its_assets_are_not(script, tmp_path):
    """index.html files are pages (the home page as ""), except under assets/, search/ and 404/."""
    for folder in ["", "a", "a/b", "assets/x", "search", "404"]:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / "index.html").write_text("<p></p>", encoding="utf-8")
    assert script("page_weight").pages_of(tmp_path) == ["", "a/", "a/b/"]


def test_a_heavy_page_and_a_heavy_median_break_the_budget(script):
    """A 401 KB page is named, and a median above 250 KB is reported; pages within budget pass."""
    weight = script("page_weight")
    assert weight.over_budget({"a/": 100.0, "b/": 200.0, "c/": 399.0}) == []
    assert weight.over_budget({"a/": 100.0, "b/": 200.0, "c/": 401.0}) == ["/c/ weighs 401 KB (limit 400)"]
    assert weight.over_budget({"a/": 260.0, "b/": 270.0}) == ["the median page weighs 265 KB (limit 250)"]


def test_a_pages_weights_are_its_first_visits_responses_inside_the_site(script):
    """weights_of reads each page's light (first) visit and names each response by its address in the site."""
    toured = {
        ("a/", "light"): {"weight": [("http://127.0.0.1:8123/a/", 10), ("http://127.0.0.1:8123/assets/x.css", 5)]},
        ("a/", "dark"): {},
    }
    assert script("page_weight").weights_of(toured, ["a/"]) == {"a/": [("a/", 10), ("assets/x.css", 5)]}


@pytest.mark.browser
def test_every_page_of_the_site_keeps_the_first_visit_budget(script, built_site, toured):
    """In Chromium, cache empty, every page's first visit is at most 400 KB and the median at most 250 KB."""
    weight = script("page_weight")
    totals = weight.totals_of(weight.weights_of(toured, weight.pages_of(built_site)))
    assert len(totals) > 40
    assert weight.over_budget(totals) == []
