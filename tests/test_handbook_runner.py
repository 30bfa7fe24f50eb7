"""Tests for handbook.runner and handbook.worker: pages in worker processes, under real time limits."""

import os
import time
from pathlib import Path

import pytest

from handbook.engine import Engine, Site


@pytest.fixture
def engine(tmp_path):
    (tmp_path / "docs").mkdir()
    engine = Engine(Site(root=tmp_path, docs_dir=tmp_path / "docs", workers=2))
    yield engine
    engine.close()


def page(engine: Engine, name: str, text: str) -> Path:
    path = engine.site.docs_dir / name
    path.write_text(text, encoding="utf-8")
    return path


def run(engine: Engine, *paths: Path):
    return engine.run([engine.plan(path) for path in paths])


def test_blocks_of_a_page_share_one_namespace(engine):
    """A name defined by one block is visible to the next block of the same page."""
    path = page(engine, "p.md", "```python\nx = 21\n```\n\n```python\nprint(x * 2)\n#> 42\n```\n")
    assert run(engine, path)["docs/p.md"].failures == []


def test_pages_do_not_share_state(engine):
    """Pages run in separate processes: a name defined on one is undefined on the other."""
    one = page(engine, "one.md", "```python\nsecret = 1\n```\n")
    two = page(engine, "two.md", "```python\nprint(secret)\n```\n")
    results = run(engine, one, two)
    assert results["docs/one.md"].failures == []
    assert "NameError: name 'secret' is not defined" in results["docs/two.md"].failures[0]


def test_page_runs_outside_the_parent_process(engine):
    """A page's code runs in another process: its os.getpid() is not the test's."""
    path = page(engine, "pid.md", f"```python\nimport os\nassert os.getpid() != {os.getpid()}\n```\n")
    assert run(engine, path)["docs/pid.md"].failures == []


def test_block_stuck_in_sleep_is_killed_at_its_limit(engine):
    """time.sleep(3600) cannot be interrupted from inside; the worker is killed at the 1 s limit."""
    path = page(engine, "sleep.md", '# S\n\n```python timeout="1"\nimport time\ntime.sleep(3600)\n```\n')
    started = time.monotonic()
    (failure,) = run(engine, path)["docs/sleep.md"].failures
    assert time.monotonic() - started < 30
    assert failure == "docs/sleep.md:3: the block ran longer than its 1 s limit; its worker process was killed"


def test_a_page_cannot_swallow_its_time_limit(engine):
    """`except BaseException: pass` around the sleep does not save the block: the process is killed."""
    code = "import time\ntry:\n    time.sleep(3600)\nexcept BaseException:\n    pass"
    path = page(engine, "swallow.md", f'```python timeout="1"\n{code}\n```\n\n```python\nprint(1)\n```\n')
    failures = run(engine, path)["docs/swallow.md"].failures
    assert "ran longer than its 1 s limit" in failures[0]
    assert "not run after an earlier block was stopped: the blocks at lines 9" in failures[1]


def test_a_long_c_call_is_stopped_too(engine):
    """A long call into C (a huge sum in NumPy) is stopped at the limit like Python code."""
    code = "import numpy as np\nwhile True:\n    np.ones(10**8).sum()"
    path = page(engine, "c.md", f'```python timeout="1"\n{code}\n```\n')
    assert "ran longer than its 1 s limit" in run(engine, path)["docs/c.md"].failures[0]


def test_a_worker_that_dies_fails_the_block_naming_it(engine):
    """A block that kills its own process (a crash in C, here os._exit) fails at its own line."""
    path = page(engine, "die.md", "# D\n\n```python\nimport os\nos._exit(3)\n```\n")
    (failure,) = run(engine, path)["docs/die.md"].failures
    assert failure.startswith("docs/die.md:3: the worker process died while running this block")


def test_pages_run_in_parallel_on_the_workers(engine):
    """Two pages of 1 s each take well under 2 s with two workers."""
    paths = [page(engine, f"w{i}.md", "```python\nimport time\ntime.sleep(1)\n```\n") for i in range(2)]
    run(engine, page(engine, "warm.md", "```python\nx = 1\n```\n"))  # start the workers first
    started = time.monotonic()
    run(engine, *paths)
    assert time.monotonic() - started < 1.8


GRANDPARENT = "import os\nprint(open(f'/proc/{os.getppid()}/stat').read().split()[3])\n"


def test_every_slot_forks_from_one_process_that_preloaded_once(engine):
    """The zygotes of both slots are children of one worker process, so preloading is paid once."""
    paths = [page(engine, f"g{i}.md", f"```python\nimport time\ntime.sleep(0.5)\n{GRANDPARENT}```\n") for i in range(2)]
    results = run(engine, *paths)
    printed = {results[f"docs/g{i}.md"].results[0].outcome["stdout"] for i in range(2)}
    assert len(printed) == 1 and printed != {str(os.getpid()) + "\n"}


def test_a_page_that_kills_its_zygote_fails_and_the_next_page_gets_a_fresh_one(engine):
    """Killing the zygote (the child's parent) fails that page; the slot starts a zygote of its own."""
    killer = page(engine, "k.md", "```python\nimport os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n```\n")
    with pytest.raises(RuntimeError, match=r"the worker process died while running docs/k\.md"):
        run(engine, killer)
    after = page(engine, "after.md", "```python\nprint(6 * 7)\n#> 42\n```\n")
    assert run(engine, after)["docs/after.md"].failures == []


def test_a_page_starts_with_the_preloaded_objects_frozen_out_of_the_collector(engine):
    """The zygote calls gc.freeze() before forking, so a page's collections skip inherited objects."""
    path = page(engine, "gc.md", "```python\nimport gc\nprint(gc.get_freeze_count() > 0)\n#> True\n```\n")
    assert run(engine, path)["docs/gc.md"].failures == []
