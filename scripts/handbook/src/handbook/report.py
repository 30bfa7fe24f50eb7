"""The build's machine-readable report: one row per block, written beside the site.

``site/`` gets ``site-report.json``: for every block of every page, its page, line, kind
(``python``, ``pycon``, ``quiz``, ``inline``, ``doctest``, ``notebook``), status (``passed``, ``failed``,
``shown`` for ``exec="off"``, ``not run``), seconds and cache (``hit``, ``miss``, ``off``),
and a summary with the slowest pages. It sits beside the site, not in it, because its
seconds differ from build to build and the site must not.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Report", "report_path"]


def report_path(site_dir: Path) -> Path:
    """Where the report of a build into ``site_dir`` goes: ``site`` -> ``site-report.json``."""
    site_dir = Path(site_dir).resolve()
    return site_dir.with_name(f"{site_dir.name}-report.json")


@dataclass
class Report:
    rows: list[dict] = field(default_factory=list)
    pages: dict[str, dict] = field(default_factory=dict)
    seconds: float = 0.0
    html_from_cache: int = 0  # pages whose Markdown-to-HTML conversion came from the cache (handbook.pagecache)

    def add_page(self, result, rendered: set[int]) -> None:
        """Every block of one page: from the plan (what exists) and the result (what ran)."""
        plan = result.plan
        for block in plan.blocks:
            shown = not block.executes
            outcome = result.result_at(block.line)
            if shown:
                status = "shown"
            elif outcome is None or not outcome.ran:
                status = "failed" if outcome is not None and outcome.failure else "not run"
            else:
                status = "failed" if outcome.failure else "passed"
            if block.line not in rendered:
                status = "not rendered"
            self.rows.append(
                {
                    "page": plan.page,
                    "line": block.line,
                    "kind": block.lang,
                    "status": status,
                    "seconds": round(outcome.seconds, 3) if outcome else 0.0,
                    "cache": result.cache,
                }
            )
        for spec, outcome in zip(plan.run, result.results, strict=True):
            if spec["lang"] == "inline":
                status = "failed" if outcome.failure else ("passed" if outcome.ran else "not run")
                row = {"page": plan.page, "line": spec["line"], "kind": "inline", "status": status}
                self.rows.append({**row, "seconds": round(outcome.seconds, 3), "cache": result.cache})
            elif spec["lang"] == "doctest":
                status = "failed" if outcome.failure else ("passed" if outcome.ran else "not run")
                self.rows.append(
                    {
                        "page": plan.page,
                        "line": 0,
                        "kind": "doctest",
                        "module": spec["code"],
                        "status": status,
                        "seconds": round(outcome.seconds, 3),
                        "cache": result.cache,
                    }
                )
        self.pages[plan.page] = {"seconds": round(sum(r.seconds for r in result.results), 3), "cache": result.cache}

    def add_notebook(self, page: str, seconds: float, cache: str) -> None:
        row = {"page": page, "line": 0, "kind": "notebook", "status": "passed", "seconds": round(seconds, 3)}
        self.rows.append({**row, "cache": cache})
        self.pages[page] = {"seconds": round(seconds, 3), "cache": cache}

    def slowest(self, count: int = 5) -> list[tuple[str, float]]:
        """The pages that took longest to execute (their last real run, for cache hits)."""
        ranked = sorted(self.pages.items(), key=lambda item: -item[1]["seconds"])
        return [(page, data["seconds"]) for page, data in ranked[:count]]

    def not_run(self) -> list[str]:
        """Blocks that exist but did not pass or were not rendered (a failed build explains the failed ones)."""
        return [
            f"{r['page']}:{r['line']}: {r['status']}" for r in self.rows if r["status"] in {"not run", "not rendered"}
        ]

    def _counts(self) -> tuple[int, int]:
        """Blocks that ran or came from the cache (not the ones only shown), and how many came from it."""
        ran = [r for r in self.rows if r["status"] != "shown"]
        return len(ran), sum(r["cache"] == "hit" for r in ran)

    def summary(self) -> list[str]:
        blocks, hits = self._counts()
        lines = [
            f"{blocks} blocks on {len(self.pages)} pages verified in {self.seconds:.1f} s "
            f"({hits} from the cache, {blocks - hits} run now); "
            f"{self.html_from_cache} pages' HTML from the cache"
        ]
        lines.append("slowest pages: " + ", ".join(f"{page} {seconds:.1f} s" for page, seconds in self.slowest()))
        return lines

    def as_dict(self) -> dict:
        blocks, hits = self._counts()
        return {
            "summary": {
                "pages": len(self.pages),
                "blocks": blocks,
                "cache_hits": hits,
                "html_from_cache": self.html_from_cache,
                "seconds": round(self.seconds, 3),
                "slowest_pages": [{"page": page, "seconds": seconds} for page, seconds in self.slowest()],
            },
            "blocks": self.rows,
        }

    def write(self, site_dir: Path) -> Path:
        path = report_path(site_dir)
        path.write_text(json.dumps(self.as_dict(), indent=1) + "\n", encoding="utf-8")
        return path
