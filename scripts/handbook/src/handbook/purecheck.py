"""The check that runnable blocks run where the reader runs them: Python with no NumPy.

In the browser a runnable block has what Pyodide offline has: the standard library and the
project's wheel, and the namespace of the page's earlier runnable blocks (run.js runs them
first), nothing from the page's other blocks. So the build runs each page's runnable blocks
again, alone, in page order, in one namespace per page, in a child process where only the
standard library and the plugin's ``sources`` (``mathlib``) can be imported, and checks
their stated outputs there as everywhere else (:func:`handbook.execute.run_block`). A block
that needs NumPy, or a name from a block that is not runnable, fails the build, naming the
page and the line. The result is cached by the blocks' code and the environment.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

from handbook.blocks import expand_snippets_mapped
from handbook.runnable import is_runnable

__all__ = ["check_runnable"]

# The child: a finder that refuses every module outside the standard library and the allowed
# packages, installed after the engine's own imports, then each page's blocks in order.
_CHILD = r"""
import json, sys
from handbook.execute import BlockFailure, run_block

allowed = set(sys.argv[1:])

class Offline:
    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if top in sys.stdlib_module_names or top in allowed or name in sys.modules:
            return None
        raise ModuleNotFoundError(f"No module named {name!r} (a runnable block has the standard library "
                                  f"and {', '.join(sorted(allowed))} only, as in the reader's browser)", name=name)

sys.meta_path.insert(0, Offline())
failures = []
for page, blocks in json.load(sys.stdin):
    namespace = {"__name__": "__main__"}
    for line, code, line_map, options in blocks:
        try:
            run_block(code, "python", namespace, page=page, line=line, options=options, line_map=line_map)
        except BlockFailure as failure:
            failures.append(f"{failure}\n(run as a runnable block: the standard library and the project only, "
                            "after the page's earlier runnable blocks)")
            break
json.dump(failures, sys.stdout)
"""


def check_runnable(plans, site, store, environment: str) -> list[str]:
    """Failures of the runnable blocks of ``plans`` run without NumPy (empty: all passed)."""
    pages = []
    for plan in plans:
        blocks = [
            [b.line, *expand_snippets_mapped(b.code, site.snippets, site.root), b.options]
            for b in plan.blocks
            if b.lang == "python" and is_runnable(b.options)
        ]
        if blocks:
            pages.append([plan.page, blocks])
    if not pages:
        return []
    allowed = sorted({source.name for source in site.sources})
    key = hashlib.sha256(json.dumps([pages, allowed, environment]).encode()).hexdigest()
    cached = store.get(key) if store is not None else None
    if cached is not None:
        return cached["failures"]
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, *allowed],
        input=json.dumps(pages),
        capture_output=True,
        text=True,
        cwd=site.root,
        timeout=300,
    )
    try:
        failures = json.loads(result.stdout)
    except ValueError:
        failures = [f"runnable blocks: the check without NumPy could not run:\n{result.stderr[-2000:]}"]
    if store is not None and not failures:
        store.put(key, {"failures": failures})
    return failures
