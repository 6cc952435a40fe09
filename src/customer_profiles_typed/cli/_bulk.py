"""Running one call per item on a bounded thread pool, with progress on stderr."""

from __future__ import annotations

import heapq
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
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
    started are cancelled (their result is ``None``), the running ones finish,
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


def run_graph(
    items: Sequence[T],
    work: Callable[[T, int], Any],
    *,
    needs: Sequence[Sequence[int]],
    succeeded: Callable[[Any], bool],
    blocked: Callable[[T, int, Any], Any],
    concurrency: int,
    progress: Progress,
    label: Callable[[T], str],
    outcome: Callable[[Any], str],
    again: Callable[[Any, int], float | None] = _no_retry,
) -> list[Any]:
    """Run ``work(item, attempt)`` on every item once the items it ``needs`` (positions) have succeeded.

    An item whose need did not succeed is not run: its result is
    ``blocked(item, position of that need, the need's result)``, and so on down
    to what needs it in turn. Items that need nothing unfinished run at once, at
    most ``concurrency`` at a time; ``work`` must not raise. When
    ``again(result, attempt)`` gives a delay, the item runs again (attempt + 1)
    that many seconds later, at the back of the line, leaving its worker to the
    next item meanwhile. Results are in item order. On Ctrl-C as ``run_all``:
    items not settled are ``None`` in the results carried by the ``KeyboardInterrupt``.
    """
    results: list[Any] = [None] * len(items)
    waiting = [len(set(need)) for need in needs]
    dependents: list[list[int]] = [[] for _ in items]
    for position, need in enumerate(needs):
        for other in set(need):
            dependents[other].append(position)
    done = [False] * len(items)
    later: list[tuple[float, int, int]] = []  # (when, position, attempt), a heap

    def run(position: int, attempt: int) -> Any:
        return work(items[position], attempt)

    executor = ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix="cpt")
    running: dict[Future[Any], tuple[int, int]] = {}

    def submit(position: int, attempt: int = 1) -> None:
        running[executor.submit(run, position, attempt)] = (position, attempt)

    def finish(position: int, result: Any) -> None:
        # Settle ``position`` and every item it unblocks or blocks, without recursion.
        progress.advance(label(items[position]), outcome(result))
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
                        progress.advance(label(items[dependent]), outcome(skipped))
                        pending_settle.append((dependent, skipped))
                    continue
                waiting[dependent] -= 1
                if waiting[dependent] == 0:
                    submit(dependent)

    try:
        for position in range(len(items)):
            if waiting[position] == 0:
                submit(position)
        while running or later:
            now = time.monotonic()
            while later and later[0][0] <= now:
                _, position, attempt = heapq.heappop(later)
                submit(position, attempt)
            pause = min(0.5, later[0][0] - now) if later else 0.5
            if not running:
                time.sleep(max(0.0, pause))
                continue
            finished, _ = wait(set(running), timeout=max(0.0, pause), return_when=FIRST_COMPLETED)
            for future in finished:
                position, attempt = running.pop(future)
                result = future.result()
                delay = again(result, attempt)
                if delay is None:
                    finish(position, result)
                else:
                    heapq.heappush(later, (time.monotonic() + delay, position, attempt + 1))
    except KeyboardInterrupt:
        executor.shutdown(wait=True, cancel_futures=True)
        for future, (position, _) in running.items():
            if future.done() and not future.cancelled() and not done[position]:
                results[position] = future.result()
        progress.close()
        raise KeyboardInterrupt(results) from None
    executor.shutdown(wait=True)
    progress.close()
    return results
