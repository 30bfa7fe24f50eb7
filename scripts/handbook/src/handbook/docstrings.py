"""Run the doctests of the modules an API page documents, while the page builds.

An API page is a ``::: mathlib.x`` stub that mkdocstrings fills with the module's
docstrings, examples included. Those examples are code on the site too, so the build runs
them (doctest's rules, ``NORMALIZE_WHITESPACE``) in the module's own namespace, for the
module and every submodule of a package, and fails the page if one does not reproduce.
"""

from __future__ import annotations

import doctest
import importlib
import io
import pkgutil
import re
import warnings

__all__ = ["documented_modules", "run_doctests"]

_DIRECTIVE = re.compile(r"^:::\s+([A-Za-z_][\w.]*)\s*$", re.MULTILINE)


def documented_modules(markdown: str) -> list[str]:
    """The module paths named by ``::: module`` directives in a page."""
    return _DIRECTIVE.findall(markdown)


def _modules(name: str):
    module = importlib.import_module(name)
    yield module
    for info in pkgutil.walk_packages(getattr(module, "__path__", []), prefix=f"{name}."):
        yield importlib.import_module(info.name)


def run_doctests(name: str) -> tuple[int, list[str]]:
    """Run every docstring example of module ``name`` (and its submodules).

    Returns the number of examples run and one report per failing docstring.
    """
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    failures: list[str] = []
    for module in _modules(name):
        for test in finder.find(module, module.__name__):
            out = io.StringIO()
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                warnings.simplefilter("default", DeprecationWarning)
                result = runner.run(test, out=out.write, clear_globs=True)
            if result.failed:
                failures.append(f"{test.name}:\n{out.getvalue()}")
    return runner.tries, failures
