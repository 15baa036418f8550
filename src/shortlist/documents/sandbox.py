"""Run untrusted-input work in child processes with wall-clock and memory limits.

One bad file must cost one result, never the batch: each item runs in a worker process
with an address-space limit; the parent kills a worker that overruns its time and starts a
fresh one, and turns a worker that dies (segfault, ``os._exit``, out of memory) into an
``ExtractionError`` for that item. Workers are forked so they inherit the modules the
parent already imported (no start-up cost per worker).
"""
from __future__ import annotations

import faulthandler
import multiprocessing as mp
import os
import re
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, Self, TypeVar

from shortlist.documents.limits import Limits
from shortlist.errors import ExtractionError, Reason

T = TypeVar("T")
R = TypeVar("R")
HEADROOM_MB = 256  # what a worker may still map when its parent already exceeds memory_mb


def _vm_size_bytes() -> int:
    try:
        with open("/proc/self/status") as fh:
            m = re.search(r"VmSize:\s+(\d+)\s+kB", fh.read())
        return int(m.group(1)) * 1024 if m else 0
    except OSError:
        return 0


def _limit_memory(memory_mb: int) -> None:
    """Cap the address space. A forked worker inherits its parent's mappings, so the cap is
    never set below what is already mapped plus some headroom (else nothing could run)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not Linux/macOS
        return
    limit = max(memory_mb * 2**20, _vm_size_bytes() + HEADROOM_MB * 2**20)
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):  # pragma: no cover - platform refuses
        pass


def _worker_main(conn: Connection, memory_mb: int, close: list[Connection]) -> None:
    for other in close:
        other.close()
    faulthandler.disable()  # a crash is reported as this item's error; no traceback spam
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    _limit_memory(memory_mb)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        fn, item = task
        try:
            result: Any = fn(item)
        except ExtractionError as exc:
            result = exc
        except MemoryError:
            result = ExtractionError(
                Reason.TOO_LARGE, f"ran out of memory (limit {memory_mb} MiB)", "raise memory_mb if this file is real"
            )
        except RecursionError:
            result = ExtractionError(Reason.CORRUPT, "the file is nested too deeply to read")
        except Exception as exc:  # noqa: BLE001 - reported per item, never kills the batch
            result = ExtractionError(Reason.INTERNAL, f"{type(exc).__name__}: {exc}")
        try:
            conn.send(result)
        except MemoryError:
            conn.send(ExtractionError(Reason.TOO_LARGE, "ran out of memory sending the result"))
        except Exception as exc:  # noqa: BLE001 - e.g. an unpicklable result
            conn.send(ExtractionError(Reason.INTERNAL, f"result could not be sent back: {type(exc).__name__}: {exc}"))


def _death_error(exitcode: int | None, memory_mb: int) -> ExtractionError:
    if exitcode is not None and exitcode < 0:
        sig = -exitcode
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        if sig == signal.SIGKILL:
            return ExtractionError(
                Reason.TOO_LARGE, f"the reader was killed ({name}), most likely out of memory (limit {memory_mb} MiB)"
            )
        return ExtractionError(
            Reason.CORRUPT, f"the reader crashed ({name}) on this file", "the file is probably malformed; re-export it"
        )
    return ExtractionError(Reason.CORRUPT, f"the reader exited unexpectedly (exit code {exitcode}) on this file")


class _Worker:
    def __init__(self, ctx, limits: Limits, others: list[Connection]) -> None:
        self.conn, child = ctx.Pipe(duplex=True)
        self.proc = ctx.Process(
            target=_worker_main, args=(child, limits.memory_mb, [*others, self.conn]), daemon=True
        )
        self.proc.start()
        child.close()
        self.item: Any = None
        self.deadline = 0.0
        self.busy = False

    def stop(self, kill: bool) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                self.proc.kill()
        self.proc.join(timeout=2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=2)
        self.conn.close()


class Sandbox:
    """A pool of limited worker processes; use as a context manager.

    ``workers=0`` means one per CPU core.
    """

    def __init__(self, workers: int = 0, limits: Limits | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.limits = limits or Limits.from_settings()
        self._ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        self._pool: list[_Worker] = []

    def __enter__(self) -> Self:
        for _ in range(self.workers):
            self._spawn()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for w in self._pool:
            w.stop(kill=w.busy)
        self._pool.clear()

    def _spawn(self) -> _Worker:
        worker = _Worker(self._ctx, self.limits, [w.conn for w in self._pool])
        self._pool.append(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        worker.stop(kill=True)
        self._pool.remove(worker)
        self._spawn()

    def imap(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[tuple[T, R | ExtractionError]]:
        """Yield ``(item, result)`` as items finish (not in input order).

        ``result`` is ``fn(item)`` or an ExtractionError; this never raises for one item.
        """
        if not self._pool:
            self.__enter__()
        pending = iter(items)
        exhausted = False
        timeout = self.limits.timeout_s
        try:
            while True:
                for w in list(self._pool):  # a copy: a lost worker is replaced in the loop
                    if not w.busy and not exhausted:
                        try:
                            item = next(pending)
                        except StopIteration:
                            exhausted = True
                            break
                        w.item, w.busy, w.deadline = item, True, time.monotonic() + timeout
                        try:
                            w.conn.send((fn, item))
                        except (OSError, ValueError):  # the worker died while idle
                            w.busy = False
                            self._replace(w)
                            yield item, ExtractionError(Reason.INTERNAL, "a sandbox worker was lost; try again")
                busy = [w for w in self._pool if w.busy]
                if not busy:
                    if exhausted:
                        return
                    continue
                now = time.monotonic()
                wait_s = max(0.0, min(w.deadline for w in busy) - now)
                handles: dict[Any, _Worker] = {}
                for w in busy:
                    handles[w.conn] = w
                    handles[w.proc.sentinel] = w
                ready = wait(list(handles), timeout=wait_s)
                done: set[int] = set()
                for h in ready:
                    w = handles[h]
                    if id(w) in done or not w.busy:
                        continue
                    done.add(id(w))
                    result: Any
                    if w.conn.poll():
                        try:
                            result = w.conn.recv()
                        except (EOFError, OSError):
                            w.proc.join(timeout=1)
                            result = _death_error(w.proc.exitcode, self.limits.memory_mb)
                            item = w.item
                            w.busy = False
                            self._replace(w)
                            yield item, result
                            continue
                        item = w.item
                        w.busy, w.item = False, None
                        yield item, result
                    else:
                        w.proc.join(timeout=1)
                        result = _death_error(w.proc.exitcode, self.limits.memory_mb)
                        item = w.item
                        w.busy = False
                        self._replace(w)
                        yield item, result
                now = time.monotonic()
                for w in [w for w in self._pool if w.busy and w.deadline <= now]:
                    item = w.item
                    w.busy = False
                    self._replace(w)
                    yield item, ExtractionError(
                        Reason.TIMED_OUT,
                        f"reading took longer than {timeout:g}s",
                        "raise timeout_s if the file is real but slow",
                    )
        finally:
            # a consumer that stops early leaves items in flight: drop those workers
            for w in [w for w in self._pool if w.busy]:
                w.busy = False
                self._replace(w)


def run_one(fn: Callable[[T], R], item: T, limits: Limits | None = None) -> R:
    """Run ``fn(item)`` in one sandboxed process; raise the ExtractionError if it failed."""
    with Sandbox(1, limits) as sandbox:
        for _, result in sandbox.imap(fn, [item]):
            if isinstance(result, ExtractionError):
                raise result
            return result
    raise ExtractionError(Reason.INTERNAL, "the sandbox returned no result")  # pragma: no cover
