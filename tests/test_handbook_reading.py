"""Each page states an estimated reading time under its title (handbook.reading)."""

from handbook.reading import add_reading_time, minutes

BLOCK = "```python\nx = 1  # code words are not prose words\n```\n"


def test_prose_is_read_at_200_words_a_minute():
    """400 words of prose and no code take 2 minutes."""
    assert minutes("word " * 400) == 2


def test_each_code_block_adds_twenty_seconds_and_its_words_do_not_count():
    """400 words and three blocks: 2 minutes of prose plus 1 minute of code."""
    assert minutes("word " * 400 + "\n\n" + BLOCK * 3) == 3


def test_a_short_page_takes_at_least_one_minute():
    """Ten words round up to one minute, not zero."""
    assert minutes("word " * 10) == 1


def test_the_estimate_goes_under_the_title():
    """The note is the paragraph right after the first # heading."""
    out = add_reading_time("# Title\n\n" + "word " * 400)
    assert out.startswith('# Title\n\n<p class="handbook-reading-time">About 2 minutes to read</p>\n')


def test_pages_without_a_title_and_api_pages_get_none():
    """No # heading, or a mkdocstrings directive: the Markdown is unchanged."""
    assert add_reading_time("word " * 400) == "word " * 400
    api = "# mathlib.linalg\n\n::: mathlib.linalg\n"
    assert add_reading_time(api) == api
