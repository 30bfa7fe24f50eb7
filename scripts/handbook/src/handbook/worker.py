"""The worker side: a long-lived process that forks one child per page.

``python -m handbook.worker ROOT MODULE...`` starts a *zygote*: it imports the heavy
third-party modules once (NumPy, matplotlib, SymPy...), then reads page jobs, one JSON line
each, from its standard input. For each job it forks a child, which runs the page's blocks
in a fresh namespace and reports on the zygote's standard output, one JSON line per event:

``{"event": "pid"}`` first, then for each block ``{"event": "start", "index": i}`` and
``{"event": "done", "index": i, "outcome": {...}, "failure": null, "seconds": s}``, and
``{"event": "end"}``. When the child has exited, the zygote adds ``{"event": "exit"}``.

The zygote never runs page code, so every page starts from the same clean state, and the
project's own modules (``mathlib``) are imported by each child afresh, as they are on disk
now. The parent (:mod:`handbook.runner`) enforces time limits by killing the child.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
import traceback

__all__ = ["main", "run_page"]


def run_page(job: dict, send) -> None:
    """Run the blocks of one page in order, in one namespace; ``send`` each event."""
    from handbook.docstrings import run_doctests
    from handbook.execute import BlockFailure, run_block
    from handbook.inline import evaluate

    namespace: dict = {"__name__": "__main__"}
    for index, block in enumerate(job["blocks"]):
        send({"event": "start", "index": index})
        started = time.perf_counter()
        outcome, failure = None, None
        try:
            if block["lang"] == "inline":
                where = f"{job['page']}:{block['line']}"
                try:
                    outcome = {"value": evaluate(block["code"], namespace, where)}
                except Exception as error:  # the page's own error, reported where the expression is
                    failure = (
                        f"{where}: the inline expression `{{py}} {block['code']}` raised "
                        f"{type(error).__name__}: {error}"
                    )
            elif block["lang"] == "doctest":
                tries, failures = run_doctests(block["code"])
                if failures:
                    failure = f"{job['page']}: docstring examples of {block['code']} do not reproduce\n" + "\n".join(
                        failures
                    )
                else:
                    outcome = {"tries": tries}
            else:
                result = run_block(
                    block["code"],
                    block["lang"],
                    namespace,
                    page=job["page"],
                    line=block["line"],
                    options=block["options"],
                    check=job["check"],
                )
                outcome = result.to_dict(block["line"])
        except BlockFailure as error:
            failure = str(error)
        except BaseException:  # the executor's own fault: report it where it happened
            failure = f"{job['page']}:{block['line']}: the executor failed\n{traceback.format_exc()}"
        seconds = time.perf_counter() - started
        send({"event": "done", "index": index, "outcome": outcome, "failure": failure, "seconds": seconds})
    send({"event": "end"})


def main(argv: list[str]) -> None:
    root, *preload = argv
    os.chdir(root)
    sys.path.insert(0, root)
    # The protocol gets a descriptor of its own; anything else written to fd 1 (a C
    # library's printf) goes to stderr instead of corrupting it.
    channel = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.__stdout__ = os.fdopen(1, "w", encoding="utf-8", closefd=False)
    for name in preload:
        try:
            importlib.import_module(name)
        except ImportError:  # preloading only saves time; a page that needs it will say so
            pass

    def send(message: dict) -> None:
        channel.write(json.dumps(message) + "\n")
        channel.flush()

    send({"event": "ready"})
    for line in sys.stdin:
        job = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: one page, then gone
            status = 0
            try:
                devnull = os.open(os.devnull, os.O_RDONLY)
                os.dup2(devnull, 0)  # page code must not read the zygote's jobs
                send({"event": "pid", "pid": os.getpid()})
                run_page(job, send)
            except BrokenPipeError:  # the build was aborted: nobody is listening any more
                status = 1
            except BaseException:
                traceback.print_exc()
                status = 1
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(status)
        _, status = os.waitpid(pid, 0)
        send({"event": "exit", "status": os.waitstatus_to_exitcode(status)})


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except (BrokenPipeError, KeyboardInterrupt):  # the parent went away first
        sys.exit(1)
