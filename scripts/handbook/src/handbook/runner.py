"""The parent side: pages in worker processes, in parallel, under real time limits.

A :class:`Pool` keeps one zygote (:mod:`handbook.worker`) per worker slot, all forked from
one worker process started with the numerical profile's environment, which imports the
heavy modules once for every slot (a slot whose zygote died starts a process of its own).
Each zygote talks to its slot over a pair of pipes. Page jobs go to whichever slot is free, in the
order they were submitted; each page runs in its own forked child. When a block overstays
its limit the child is killed (``SIGKILL``: a ``time.sleep(3600)``, a long C call or a page's
own ``except Exception:`` cannot hold it up), the block fails naming page and line, and the
page's later blocks are reported as not run.

No library does this piece: jupyter-cache and nbclient run notebooks in Jupyter kernels,
whose timeout interrupts rather than kills and whose output model has no notion of our
``#>`` groups; sphinx-gallery runs scripts in the builder's own process. See README.md
(Maintainers) for the comparison.
"""

from __future__ import annotations

import json
import os
import queue
import select
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass, field

__all__ = ["BlockResult", "Pool"]


@dataclass
class BlockResult:
    """What happened to one block: an outcome (a dict, see ``Outcome.to_dict``) or a failure."""

    outcome: dict | None = None
    failure: str | None = None
    seconds: float = 0.0
    ran: bool = True


@dataclass
class _Job:
    payload: dict
    limits: list[float]
    lines: list[int]
    future: Future = field(default_factory=Future)


def _spawn(pool: Pool, count: int) -> list[_Channel]:
    """One worker process that preloads once and forks ``count`` zygotes; a channel to each."""
    ours, theirs = [], []
    for _ in range(count):
        jobs_read, jobs_write = os.pipe()
        events_read, events_write = os.pipe()
        ours.append((jobs_write, events_read))
        theirs.append((jobs_read, events_write))
    fds = ",".join(f"{a}:{b}" for a, b in theirs)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "handbook.worker", pool.root, fds, *pool.preload],
            stdin=subprocess.DEVNULL,
            env=pool.env,
            cwd=pool.root,
            pass_fds=[fd for pair in theirs for fd in pair],
        )
    finally:
        for fd in (fd for pair in theirs for fd in pair):
            os.close(fd)
    pool.processes.append(process)
    return [_Channel(process, os.fdopen(jobs, "wb"), events) for jobs, events in ours]


class _Channel:
    """The parent's ends of one zygote's pipes, and the process that forked it."""

    def __init__(self, process: subprocess.Popen, jobs, events: int) -> None:
        self.process, self.jobs, self.events = process, jobs, events
        self.pid: int | None = None  # the zygote's, from its "ready" message
        self.buffer = b""

    def read(self, deadline: float) -> dict | None:
        """The next message, or None at the deadline; EOFError if the zygote is gone."""
        while b"\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            ready, _, _ = select.select([self.events], [], [], remaining)
            if not ready:
                return None
            chunk = os.read(self.events, 1 << 20)
            if not chunk:
                raise EOFError
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def close(self) -> None:
        """End the zygote's input (it exits) and release the pipes."""
        for close in (self.jobs.close, lambda: os.close(self.events)):
            try:
                close()
            except OSError:  # it is already gone
                pass


class _Slot:
    """One zygote and the thread that feeds it jobs."""

    def __init__(self, pool: Pool, channel: _Channel | None = None) -> None:
        self.pool = pool
        self.channel = channel  # given when the pool started the slots' zygotes together
        self.child: int | None = None  # the pid of the page running now
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    # ---------------------------------------------------------------- the zygote
    def _start(self) -> None:
        if self.channel is None:  # a slot of its own: its zygote died, or the shared start failed
            (self.channel,) = _spawn(self.pool, 1)
        message = self.channel.read(time.monotonic() + 120)
        if not message or message.get("event") != "ready":
            raise RuntimeError("handbook: a worker process did not start (see the errors above)")
        self.channel.pid = message["pid"]

    def close(self) -> None:
        """Let the zygote finish (end of its input); the pool waits for the processes."""
        channel, self.channel = self.channel, None
        if channel is not None:
            channel.close()

    def kill(self) -> None:
        """Stop at once: the page running now, the zygote and its process (an aborted build)."""
        channel = self.channel
        pids = [self.child] + ([channel.pid, channel.process.pid] if channel else [])
        for pid in pids:
            if pid:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    # ---------------------------------------------------------------- jobs
    def _serve(self) -> None:
        try:
            self._start()  # at once: the preloading is done before the first page arrives
        except Exception:
            self.close()  # the first job will try again, and fail with the reason
        while True:
            job = self.pool.jobs.get()
            if job is None:
                self.close()
                return
            if not job.future.set_running_or_notify_cancel():
                continue  # cancelled: the build was aborted
            try:
                if self.channel is None or self.channel.pid is None:
                    self.close()
                    self._start()
                job.future.set_result(self._run(job))
            except BaseException as error:  # a broken worker fails this job, not the build's machinery
                self.close()
                job.future.set_exception(error)

    def _run(self, job: _Job) -> list[BlockResult]:
        page = job.payload["page"]
        results = [BlockResult(ran=False) for _ in job.limits]
        self.channel.jobs.write((json.dumps(job.payload) + "\n").encode())
        self.channel.jobs.flush()
        pid, current, deadline = None, None, time.monotonic() + 120
        try:
            while True:
                message = self.channel.read(deadline)
                if message is None:  # the block overstayed its limit
                    if pid is not None:
                        os.kill(pid, signal.SIGKILL)
                    if current is not None:
                        limit = job.limits[current]
                        results[current] = BlockResult(
                            failure=f"{page}:{job.lines[current]}: the block ran longer than its {limit:g} s limit; "
                            "its worker process was killed",
                            seconds=limit,
                        )
                    else:
                        raise RuntimeError(f"handbook: the worker for {page} did not answer")
                    deadline = time.monotonic() + 120  # now wait for the zygote's "exit"
                    current = None
                    continue
                event = message["event"]
                if event == "pid":
                    pid = self.child = message["pid"]
                elif event == "start":
                    current = message["index"]
                    deadline = time.monotonic() + job.limits[current]
                elif event == "done":
                    index = message["index"]
                    results[index] = BlockResult(message["outcome"], message["failure"], message["seconds"])
                    current, deadline = None, time.monotonic() + 120
                elif event == "exit":
                    self.child = None
                    if current is not None:  # the child died inside a block
                        results[current] = BlockResult(
                            failure=f"{page}:{job.lines[current]}: the worker process died while running this block "
                            f"(exit status {message['status']})"
                        )
                    return results
        except EOFError:
            raise RuntimeError(f"handbook: the worker process died while running {page}") from None


class Pool:
    """``workers`` zygotes under one environment; :meth:`submit` returns a future of results."""

    def __init__(self, root: str, env: dict[str, str], preload: list[str], workers: int) -> None:
        self.root, self.env, self.preload = root, env, list(preload)
        self.workers = max(1, workers)
        self.jobs: queue.Queue[_Job | None] = queue.Queue()
        self.slots: list[_Slot] = []
        self.processes: list[subprocess.Popen] = []  # the worker processes the zygotes were forked from

    def warm(self) -> None:
        """Start the zygotes now (they preload in the background, once for all), not at the first page."""
        if not self.slots:
            try:
                channels = _spawn(self, self.workers)
            except OSError:  # each slot will try on its own, and fail with the reason
                channels = [None] * self.workers
            self.slots = [_Slot(self, channel) for channel in channels]

    def submit(self, payload: dict, limits: list[float], lines: list[int]) -> Future:
        """Queue one page: ``payload`` is the worker's job; one limit and one line per block."""
        self.warm()  # zygotes start on the first miss, never in a build that is all cache hits
        job = _Job(payload, limits, lines)
        self.jobs.put(job)
        return job.future

    def close(self, kill: bool = False) -> None:
        """Let the zygotes finish and exit; with ``kill``, stop everything now."""
        if kill:
            while not self.jobs.empty():
                job = self.jobs.get_nowait()
                if job is not None:
                    job.future.cancel()
            for slot in self.slots:
                slot.kill()
        for _ in self.slots:
            self.jobs.put(None)
        for slot in self.slots:
            slot.thread.join(timeout=30)
        for process in self.processes:  # each exits when its zygotes have
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self.slots, self.processes = [], []
