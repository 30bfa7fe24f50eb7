"""``handbook``: the engine from the command line.

    handbook check [--profile default|second] [PAGE ...]   run pages, verify them, print failures
    handbook update [PAGE ...]                             rewrite stated outputs from a real run

Pages default to every Markdown page under the site's ``docs_dir``; the site is the
``mkdocs.yml`` of the current folder (``--config`` for another).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from handbook.engine import Engine, Site
from handbook.profiles import PROFILES
from handbook.update import update_pages

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="handbook", description=__doc__.split("\n")[0])
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="run pages and verify what they state")
    check.add_argument("--profile", choices=PROFILES, default="default")
    check.add_argument("pages", nargs="*", type=Path)
    update = commands.add_parser("update", help="rewrite stated outputs from a real run")
    update.add_argument("pages", nargs="*", type=Path)
    args = parser.parse_args(argv)

    engine = Engine(Site.load(args.config))
    pages = args.pages or sorted(engine.site.docs_dir.rglob("*.md"))
    try:
        if args.command == "update":
            changed, failures = update_pages(engine, pages)
            for path in changed:
                print(f"updated {path}")
            print(f"{len(changed)} page(s) updated, {len(pages) - len(changed)} unchanged")
        else:
            results = engine.run([engine.plan(path) for path in pages], args.profile)
            failures = [failure for result in results.values() for failure in result.failures]
            print(f"{len(pages)} page(s) checked under the {args.profile} profile, {len(failures)} failure(s)")
    finally:
        engine.close()
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
