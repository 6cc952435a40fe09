"""``run_graph``: needs, bounded concurrency, work on the calling thread, retries without a held worker."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from customer_profiles_typed.cli._bulk import Progress, run_graph


def _run(
    items: list[str],
    work: Any,
    needs: list[tuple[int, ...]],
    *,
    concurrency: int = 4,
    inline: Any = lambda item: False,
    again: Any = lambda result, attempt: None,
) -> list[Any]:
    return run_graph(
        items,
        work,
        needs=needs,
        succeeded=lambda result: result != "failed" and not str(result).startswith("blocked"),
        blocked=lambda item, at, result: f"blocked by {items[at]}",
        concurrency=concurrency,
        progress=Progress(len(items), "testing", False),
        label=lambda item: item,
        outcome=str,
        again=again,
        inline=inline,
    )


def test_at_most_concurrency_items_run_at_once_and_each_after_its_needs() -> None:
    lock = threading.Lock()
    running, peak, order = [0], [0], []

    def work(item: str, attempt: int) -> str:
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.01)
        with lock:
            running[0] -= 1
            order.append(item)
        return item

    items = [f"i{n}" for n in range(40)]
    needs: list[tuple[int, ...]] = [() if n < 20 else (n - 20,) for n in range(40)]
    assert _run(items, work, needs, concurrency=3) == items
    assert peak[0] <= 3
    for n in range(20, 40):
        assert order.index(items[n - 20]) < order.index(items[n])


def test_inline_items_run_on_the_calling_thread_and_take_no_worker() -> None:
    threads: dict[str, str] = {}

    def work(item: str, attempt: int) -> str:
        threads[item] = threading.current_thread().name
        return item

    items = ["read-a", "read-b", "plan-a", "plan-b"]
    results = _run(items, work, [(), (), (0,), (1,)], inline=lambda item: item.startswith("plan"))
    assert results == items
    assert threads["plan-a"] == threads["plan-b"] == threading.current_thread().name
    assert threads["read-a"] != threading.current_thread().name


def test_a_failed_need_blocks_what_needs_it_and_what_needs_that() -> None:
    results = _run(
        ["a", "b", "c", "d"], lambda item, attempt: "failed" if item == "a" else item, [(), (0,), (1,), ()]
    )
    assert results == ["failed", "blocked by a", "blocked by b", "d"]


def test_an_item_given_a_delay_runs_again_with_the_next_attempt() -> None:
    attempts: list[tuple[str, int]] = []

    def work(item: str, attempt: int) -> str:
        attempts.append((item, attempt))
        return f"{item}@{attempt}"

    def again(result: str, attempt: int) -> float | None:
        return 0.01 if result.startswith("a") and attempt < 3 else None

    assert _run(["a", "b"], work, [(), ()], again=again) == ["a@3", "b@1"]
    assert sorted(attempts) == [("a", 1), ("a", 2), ("a", 3), ("b", 1)]


def test_work_that_raises_raises_on_the_calling_thread() -> None:
    def work(item: str, attempt: int) -> str:
        raise RuntimeError(f"bug in {item}")

    with pytest.raises(RuntimeError, match="bug in x"):
        _run(["x"], work, [()])
