"""A second process for work that splits by item: this machine has two cores, Python uses one.

`forked_map` runs a function over a list, the end of the list in a forked child while this
process does the beginning; the results are the same as one process would give, in order.
Forking (not spawning) hands the child everything this process holds, the compiled mention
pattern included, at no cost; only the results travel back, pickled. It is for builds only:
fork does not take a process's other threads along, so a server (which has them) must not
use it.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    """Whether this machine has a second core and this platform can fork."""
    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


def forked_map(work: Callable[[T], R], items: Sequence[T], share: float = 0.5) -> list[R]:
    """[work(item) for item in items], the last `share` of the items done in a forked child.
    An exception in the child is raised here as a RuntimeError with its message."""
    split = len(items) - round(len(items) * share)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, work, items[split:]),
                            name="briefings-worker", daemon=True)
    try:
        start(child)
    except OSError:  # no second process to be had (out of memory, process limit)
        receive.close()
        send.close()
        return [work(item) for item in items]
    send.close()
    try:
        mine = [work(item) for item in items[:split]]
        try:
            theirs, failure = receive.recv()
        except EOFError:  # the child died without a word (killed, out of memory)
            theirs, failure = None, f"the second process stopped (exit {child.exitcode})"
    except BaseException:  # this half failed, or was interrupted: the other is not wanted
        child.kill()
        raise
    finally:
        child.join()
        receive.close()
        gc.unfreeze()
    if failure:
        raise RuntimeError(failure)
    return mine + theirs


def start(child: multiprocessing.process.BaseProcess) -> None:
    """Fork `child` with the heap frozen until the caller's `gc.unfreeze()`, once the child
    is done. Both processes share the heap's memory until one writes to it; a collection
    writes to every object it walks, so without this each process's collector would copy
    the whole heap (at 5,000 articles a build spent more time copying than it saved)."""
    gc.freeze()
    try:
        child.start()
    except BaseException:
        gc.unfreeze()
        raise


def _child(send, work: Callable[[T], R], items: Sequence[T]) -> None:
    try:
        send.send(([work(item) for item in items], ""))
    except Exception as error:  # noqa: BLE001 - raised again in the parent
        send.send((None, f"{type(error).__name__}: {error}"))
    send.close()
