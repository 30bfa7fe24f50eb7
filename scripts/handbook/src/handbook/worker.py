"""The worker side: one process preloads, then forks one zygote per worker slot.

``python -m handbook.worker ROOT FDS MODULE...`` imports the heavy third-party modules once
(NumPy, matplotlib, SymPy...) and then forks a *zygote* for each pair of pipe descriptors in
``FDS`` (``jobs:events,jobs:events``; the parent made the pipes). So the preloading is
paid once however many slots there are, and every zygote starts from the same imports.
Each zygote reads page jobs, one JSON line each, from its ``jobs`` pipe; for each job it
forks a child, which runs the page's blocks in a fresh namespace and reports on the
``events`` pipe, one JSON line per event:

``{"event": "ready", "pid": ...}`` once from the zygote; then per page ``{"event": "pid"}``
first, for each block ``{"event": "start", "index": i}`` and ``{"event": "done", "index": i,
"outcome": {...}, "failure": null, "seconds": s}``, and ``{"event": "end"}``. When the child
has exited, the zygote adds ``{"event": "exit"}``.

A zygote never runs page code, so every page starts from the same clean state, and the
project's own modules (``mathlib``) are imported by each child afresh, as they are on disk
now. The parent (:mod:`handbook.runner`) enforces time limits by killing the child.
"""

from __future__ import annotations

import gc
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
                    line_map=block.get("line_map"),
                )
                outcome = result.to_dict(block["line"])
                if job.get("highlight") and block["lang"] in {"python", "pycon"}:
                    try:
                        outcome["highlighted"] = _prehighlight(job["highlight"], block, result)
                    except Exception:  # only time is lost: the build highlights the block itself
                        pass
        except BlockFailure as error:
            failure = str(error)
        except BaseException:  # the executor's own fault: report it where it happened
            failure = f"{job['page']}:{block['line']}: the executor failed\n{traceback.format_exc()}"
        seconds = time.perf_counter() - started
        send({"event": "done", "index": index, "outcome": outcome, "failure": failure, "seconds": seconds})
    send({"event": "end"})


_highlighters: dict = {}  # one Markdown per page process, made at its first block that ran


def _prehighlight(settings: dict, block: dict, outcome) -> dict:
    """The block's code and output highlighted here, in parallel with the other pages, for
    MkDocs' process to use as they are (handbook.render.prehighlight), with the settings' key."""
    from handbook.render import highlighter, prehighlight

    if "md" not in _highlighters:
        _highlighters["md"] = highlighter(settings["settings"])
    md = _highlighters["md"]
    blocks = prehighlight(md, block["code"], block["lang"], block["options"], outcome)
    return {"settings": settings["key"], "blocks": blocks}


def _serve(jobs_fd: int, events_fd: int) -> None:
    """One zygote: fork a child per job read from ``jobs_fd``, until that pipe closes."""
    channel = os.fdopen(events_fd, "w", encoding="utf-8")

    def send(message: dict) -> None:
        channel.write(json.dumps(message) + "\n")
        channel.flush()

    send({"event": "ready", "pid": os.getpid()})
    for line in os.fdopen(jobs_fd, encoding="utf-8"):
        job = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:  # the child: one page, then gone
            status = 0
            try:
                devnull = os.open(os.devnull, os.O_RDONLY)
                for fd in (0, jobs_fd):
                    os.dup2(devnull, fd)  # page code must not read the zygote's jobs
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


def main(argv: list[str]) -> None:
    root, fds, *preload = argv
    pairs = [tuple(int(fd) for fd in pair.split(":")) for pair in fds.split(",")]
    os.chdir(root)
    sys.path.insert(0, root)
    # Anything written to fd 1 (a page's print, a C library's printf) goes to stderr; the
    # protocol has pipes of its own.
    os.dup2(2, 1)
    for name in preload:
        try:
            importlib.import_module(name)
        except ImportError:  # preloading only saves time; a page that needs it will say so
            pass
    # The preloaded modules' objects never die: kept out of the collector's sight, the
    # children's collections neither walk them nor copy the pages they sit on.
    gc.freeze()
    every = {fd for pair in pairs for fd in pair}
    zygotes = []
    for jobs_fd, events_fd in pairs:
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            status = 0
            try:
                for fd in every - {jobs_fd, events_fd}:
                    os.close(fd)  # a zygote that dies must close its slot's pipe, and only that
                _serve(jobs_fd, events_fd)
            except (BrokenPipeError, KeyboardInterrupt):  # the parent went away first
                status = 1
            finally:
                os._exit(status)
        zygotes.append(pid)
    for fd in every:
        os.close(fd)
    for pid in zygotes:
        os.waitpid(pid, 0)


if __name__ == "__main__":
    try:
        main(sys.argv[1:])
    except (BrokenPipeError, KeyboardInterrupt):  # the parent went away first
        sys.exit(1)
