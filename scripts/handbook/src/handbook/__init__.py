"""The handbook's verification engine, as an installed package.

Its parts, one module each:

* :mod:`handbook.blocks` — the one parser: the executable blocks of a page, and their snippets;
* :mod:`handbook.options` — the options a block may carry, checked before anything runs;
* :mod:`handbook.lint` — stated outputs that would depend on floating-point round-off;
* :mod:`handbook.execute` — running one block in a namespace and checking what it printed;
* :mod:`handbook.worker` and :mod:`handbook.runner` — pages in worker processes, in parallel,
  under real time limits;
* :mod:`handbook.profiles` — numerical profiles (BLAS kernels) the pages run under;
* :mod:`handbook.cache` — results on disk, keyed by everything that can change them;
* :mod:`handbook.engine` — pages to results: parse, validate, look up, run, store;
* :mod:`handbook.render` and :mod:`handbook.quiz` — results to HTML;
* :mod:`handbook.report` — the build's machine-readable report;
* :mod:`handbook.plugin` — the MkDocs plugin (``plugins: - handbook``);
* :mod:`handbook.pytest_plugin` — pages as pytest items through pytest-markdown-docs;
* :mod:`handbook.update` — rewriting stated outputs from a real run (``make update-examples``).
"""
