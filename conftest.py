"""Collect every page of the handbook as tests: each executable block is one item."""

from pathlib import Path

from sybil import Sybil

from handbook.sybil_parser import HandbookParser

ROOT = Path(__file__).parent

pytest_collect_file = Sybil(
    parsers=[HandbookParser(ROOT)],
    path="docs",
    patterns=["*.md"],
    name="docs",
).pytest()
