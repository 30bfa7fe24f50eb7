"""Tests for handbook.a11y: the names Material's navigation leaves out."""

import pytest

from handbook.a11y import name_navs

# Material 9.7's section markup with navigation.indexes: the toggle label holds only an icon.
SECTION = (
    '<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_4_label" aria-expanded="false">\n'
    '  <label class="md-nav__title" for="__nav_4">\n    <span class="md-nav__icon md-icon"></span>\n'
    "    Chapter 2 &amp; more\n  </label>\n"
)


def test_a_section_nav_is_named_by_its_title():
    """The nav gets aria-label with the section title as text (entities kept escaped), aria-labelledby kept."""
    named = name_navs(SECTION)
    assert named.startswith(
        '<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_4_label" aria-label="Chapter 2 &amp; more"'
    )
    assert named.count("aria-label=") == 1


def test_other_html_is_left_alone():
    """A nav that is not followed by its own section title, and any other HTML, comes back unchanged."""
    other = '<nav class="md-nav md-nav--secondary" aria-label="Contents"><label class="md-nav__title" for="__toc">'
    assert name_navs(other) == other
    mismatched = SECTION.replace('for="__nav_4"', 'for="__nav_5"')
    assert name_navs(mismatched) == mismatched


def test_a_non_string_is_rejected_naming_the_function():
    """Bad input is a TypeError that names name_navs and its argument."""
    with pytest.raises(TypeError, match="name_navs: rendered"):
        name_navs(None)
