"""Tests for handbook.cache: what is in a page's key, and what is not."""

import types
from pathlib import Path

from handbook.cache import Store, page_key, tree_digest

BLOCKS = [{"lang": "python", "code": "print(1)", "line": 3, "options": {}}]


def test_line_numbers_are_not_part_of_the_key():
    """A block moved by prose above it keeps its key: prose edits re-run nothing."""
    moved = [{**BLOCKS[0], "line": 30}]
    assert page_key("docs/p.md", BLOCKS, "env") == page_key("docs/p.md", moved, "env")


def test_code_options_page_and_environment_are_part_of_the_key():
    """Changing the code, an option, the page or the environment changes the key."""
    base = page_key("docs/p.md", BLOCKS, "env")
    assert base != page_key("docs/p.md", [{**BLOCKS[0], "code": "print(2)"}], "env")
    assert base != page_key("docs/p.md", [{**BLOCKS[0], "options": {"timeout": "5"}}], "env")
    assert base != page_key("docs/q.md", BLOCKS, "env")
    assert base != page_key("docs/p.md", BLOCKS, "another environment")


def test_tree_digest_follows_file_contents_not_caches(tmp_path):
    """Editing a source file changes the digest; byte-code caches do not."""
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "a.py").write_text("x = 1\n")
    before = tree_digest([tmp_path / "lib"])
    (tmp_path / "lib" / "__pycache__").mkdir()
    (tmp_path / "lib" / "__pycache__" / "a.cpython-311.pyc").write_bytes(b"\0")
    assert tree_digest([tmp_path / "lib"]) == before
    (tmp_path / "lib" / "a.py").write_text("x = 2\n")
    assert tree_digest([tmp_path / "lib"]) != before


def test_tree_digest_is_the_same_in_another_clone(tmp_path):
    """Two copies of the same tree in different folders have the same digest (names are relative)."""
    for clone in ("one", "two"):
        (tmp_path / clone / "lib").mkdir(parents=True)
        (tmp_path / clone / "lib" / "a.py").write_text("x = 1\n")
    assert tree_digest([tmp_path / "one" / "lib"]) == tree_digest([tmp_path / "two" / "lib"])


def test_store_round_trips_and_misses_cleanly(tmp_path: Path):
    """A stored entry comes back equal; an unknown key is a miss, not an error."""
    store = Store(tmp_path)
    store.put("ab" * 32, {"outcomes": [None]})
    assert store.get("ab" * 32) == {"outcomes": [None]}
    assert store.get("cd" * 32) is None


def test_environment_key_follows_profile_blas_settings_and_preload(tmp_path):
    """The numerical profile, its BLAS settings and the preloaded modules are all in the environment key."""
    from handbook.cache import environment_key

    base = environment_key([tmp_path], {"OPENBLAS_NUM_THREADS": "1"}, "default", [])
    assert base == environment_key([tmp_path], {"OPENBLAS_NUM_THREADS": "1"}, "default", [])
    assert base != environment_key([tmp_path], {"OPENBLAS_CORETYPE": "Prescott"}, "default", [])
    assert base != environment_key([tmp_path], {"OPENBLAS_NUM_THREADS": "1"}, "second", [])
    assert base != environment_key([tmp_path], {"OPENBLAS_NUM_THREADS": "1"}, "default", ["numpy"])


def test_environment_key_follows_the_installed_versions(tmp_path, monkeypatch):
    """Upgrading any installed distribution changes the environment key (pinned versions are in it)."""
    from importlib import metadata

    from handbook import cache

    base = cache.environment_key([tmp_path], {}, "default", [])
    real = metadata.distributions

    upgraded = types.SimpleNamespace(metadata={"Name": "numpy"}, version="99.0")
    monkeypatch.setattr(cache.metadata, "distributions", lambda: [*real(), upgraded])
    assert cache.environment_key([tmp_path], {}, "default", []) != base
