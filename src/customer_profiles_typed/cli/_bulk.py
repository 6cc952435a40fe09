"""Running one call per item on a bounded thread pool, with progress on stderr."""

from __future__ import annotations

import heapq
import queue
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

__all__ = ["Progress", "run_all", "run_graph"]

T = TypeVar("T")


class Progress:
    """``[ 37/200]`` on stderr: one updating line on a terminal, one line per item otherwise."""

    def __init__(self, total: int, verb: str, enabled: bool) -> None:
        self._total = total
        self._verb = verb
        self._done = 0
        self._enabled = enabled and total > 0
        self._tty = sys.stderr.isatty()
        self._lock = threading.Lock()

    def advance(self, label: str, outcome: str) -> None:
        """Count one more item done: ``label`` and its ``outcome``."""
        if not self._enabled:
            return
        with self._lock:
            self._done += 1
            width = len(str(self._total))
            head = f"[{self._done:>{width}}/{self._total}] {self._verb}"
            if self._tty:
                sys.stderr.write(f"\r\x1b[K{head}: {label} {outcome}")
            else:
                sys.stderr.write(f"{head}: {label} {outcome}\n")
            sys.stderr.flush()

    def close(self) -> None:
        """Clear the updating line, if there is one."""
        if self._enabled and self._tty and self._done:
            with self._lock:
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()


def run_all(
    items: Sequence[T],
    work: Callable[[T], Any],
    *,
    concurrency: int,
    progress: Progress,
    label: Callable[[T], str],
    outcome: Callable[[Any], str],
) -> list[Any]:
    """Run ``work`` on every item with at most ``concurrency`` threads; results in item order.

    ``work`` must not raise (it returns its failure). On Ctrl-C, items not yet
    started are not run (their result is ``None``), the running ones finish,
    and ``KeyboardInterrupt`` is raised with the partial results as its argument.
    """
    return run_graph(
        items,
        lambda item, attempt: work(item),
        needs=[()] * len(items),
        succeeded=lambda result: True,
        blocked=lambda item, at, result: None,  # nothing needs anything: never called
        concurrency=concurrency,
        progress=progress,
        label=label,
        outcome=outcome,
    )


def _no_retry(result: Any, attempt: int) -> float | None:
    return None


def _on_workers(item: Any) -> bool:
    return False


class _Raised:
    """What a ``work`` that raised left for the scheduling thread to raise again."""

    def __init__(self, error: BaseException) -> None:
        self.error = error


def run_graph(
    items: Sequence[T],
    work: Callable[[T, int], Any],
    *,
    needs: Sequence[Sequence[int]],
    succeeded: Callable[[Any], bool],
    blocked: Callable[[T, int, Any], Any],
    concurrency: int,
    progress: Progress,
    label: Callable[[T], str | None],
    outcome: Callable[[Any], str],
    again: Callable[[Any, int], float | None] = _no_retry,
    inline: Callable[[T], bool] = _on_workers,
) -> list[Any]:
    """Run ``work(item, attempt)`` on every item once the items it ``needs`` (positions) have succeeded.

    An item whose need did not succeed is not run: its result is
    ``blocked(item, position of that need, the need's result)``, and so on down
    to what needs it in turn. Items that need nothing unfinished run at once, at
    most ``concurrency`` at a time on worker threads, the items that became
    ready last first (what was waiting on a finished item goes on at once);
    ``work`` must not raise. An item for which ``inline`` is true (CPU work,
    no call) runs on the calling thread instead, between handing work to the
    workers, and takes no worker. When ``again(result, attempt)`` gives a
    delay, the item runs again (attempt + 1) that many seconds later, at the
    back of the line, leaving its worker to the next item meanwhile.
    ``label`` names an item in the progress; ``None`` leaves it uncounted.
    Results are in item order. On Ctrl-C as ``run_all``: items not settled are
    ``None`` in the results carried by the ``KeyboardInterrupt``.
    """
    results: list[Any] = [None] * len(items)
    waiting = [len(set(need)) for need in needs]
    dependents: list[list[int]] = [[] for _ in items]
    for position, need in enumerate(needs):
        for other in set(need):
            dependents[other].append(position)
    done = [False] * len(items)
    ready: deque[tuple[int, int]] = deque()  # (position, attempt), for the workers
    local: deque[int] = deque()  # ready inline items
    later: list[tuple[float, int, int]] = []  # (when, position, attempt), a heap
    finished: queue.SimpleQueue[tuple[int, int, Any]] = queue.SimpleQueue()
    limit = max(1, concurrency)
    in_flight = 0

    def run(position: int, attempt: int) -> None:
        try:
            value: Any = work(items[position], attempt)
        except BaseException as error:  # a bug: raised again on the scheduling thread
            value = _Raised(error)
        finished.put((position, attempt, value))

    def advance(position: int, result: Any) -> None:
        name = label(items[position])
        if name is not None:
            progress.advance(name, outcome(result))

    def make_ready(position: int, attempt: int = 1, *, first: bool = True) -> None:
        if inline(items[position]):
            local.append(position)
        elif first:
            ready.appendleft((position, attempt))
        else:
            ready.append((position, attempt))

    def settle(position: int, result: Any) -> None:
        # Settle ``position`` and every item it unblocks or blocks, without recursion.
        advance(position, result)
        pending_settle = [(position, result)]
        while pending_settle:
            at, value = pending_settle.pop()
            results[at], done[at] = value, True
            for dependent in dependents[at]:
                if done[dependent]:
                    continue
                if not succeeded(value):
                    if waiting[dependent] > 0:
                        waiting[dependent] = -1  # never runs
                        skipped = blocked(items[dependent], at, value)
                        advance(dependent, skipped)
                        pending_settle.append((dependent, skipped))
                    continue
                waiting[dependent] -= 1
                if waiting[dependent] == 0:
                    make_ready(dependent)

    def finish(position: int, attempt: int, result: Any) -> None:
        if isinstance(result, _Raised):
            raise result.error
        delay = again(result, attempt)
        if delay is None:
            settle(position, result)
        else:
            heapq.heappush(later, (time.monotonic() + delay, position, attempt + 1))

    executor = ThreadPoolExecutor(max_workers=limit, thread_name_prefix="cpt")
    try:
        for position in range(len(items)):
            if waiting[position] == 0:
                make_ready(position, first=False)
        while True:
            while in_flight:  # what finished meanwhile, without waiting
                try:
                    position, attempt, result = finished.get_nowait()
                except queue.Empty:
                    break
                in_flight -= 1
                finish(position, attempt, result)
            now = time.monotonic()
            while later and later[0][0] <= now:
                _, position, attempt = heapq.heappop(later)
                make_ready(position, attempt, first=False)
            while ready and in_flight < limit:
                position, attempt = ready.popleft()
                executor.submit(run, position, attempt)
                in_flight += 1
            if local:
                position = local.popleft()
                finish(position, 1, work(items[position], 1))
                continue
            if not in_flight and not later and not ready:
                break
            pause = min(0.5, later[0][0] - now) if later else 0.5
            try:
                position, attempt, result = finished.get(timeout=max(0.0, pause))
            except queue.Empty:
                continue
            in_flight -= 1
            finish(position, attempt, result)
    except KeyboardInterrupt:
        executor.shutdown(wait=True, cancel_futures=True)
        while True:
            try:
                position, _, result = finished.get_nowait()
            except queue.Empty:
                break
            if not done[position] and not isinstance(result, _Raised):
                results[position] = result
        progress.close()
        raise KeyboardInterrupt(results) from None
    finally:
        executor.shutdown(wait=True)
    progress.close()
    return results
