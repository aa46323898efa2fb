"""A second process for work that splits by item: this machine has two cores, Python uses one.

`SecondProcess` forks a child that computes one task and sends its result back;
`forked_map` uses it to run a function over a list, the end of the list in the child while
this process does the beginning, so the results are the same as one process would give, in
order (`parallel_pages.py` uses it for MkDocs's page loops).
Forking (not spawning) hands the child everything this process holds, the compiled mention
pattern included, at no cost; only the results travel back, pickled. It is for builds only:
fork does not take a process's other threads along, so a server (which has them) must not
use it.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import tempfile
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    """Whether this machine has a second core and this platform can fork."""
    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


class SecondProcessError(Exception):
    """The child raised, or died; the message says what it said, or how it ended."""


class SecondProcess:
    """A forked child computing `task()`, whose result comes back once, pickled.

    The heap stays frozen from the fork until the child is done (`stop`). Both processes
    share the heap's memory until one writes to it; a collection writes to every object it
    walks, so without this each process's collector would copy the whole heap (at 5,000
    articles a build spent more time copying than it saved).
    """

    def __init__(self, task: Callable[[], R]) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_serve, args=(send, task),
                                        name="briefings-worker", daemon=True)
        gc.freeze()
        try:
            self._process.start()
        except BaseException:
            gc.unfreeze()
            self._receive.close()
            raise
        finally:
            send.close()

    def result(self) -> R:
        """What `task()` returned, once the child is done; raises SecondProcessError."""
        try:
            failure, value = self._receive.recv()
        except EOFError:  # the child died without a word (killed, out of memory)
            failure, value = f"the second process stopped (exit {self._process.exitcode})", None
        finally:
            self.stop()
        if failure:
            raise SecondProcessError(failure)
        return value

    def stop(self) -> None:
        """End the child, done or not (a failed or interrupted build)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        if not self._receive.closed:
            self._receive.close()
            gc.unfreeze()


def _serve(send, task: Callable[[], R]) -> None:
    """In the child: one message, the task's result or what it raised."""
    try:
        send.send(("", task()))
    except Exception as error:  # noqa: BLE001 - raised again in the parent
        send.send((f"{type(error).__name__}: {error}", None))
    send.close()


def forked_map(work: Callable[[T], R], items: Sequence[T], share: float = 0.5) -> list[R]:
    """[work(item) for item in items], the last `share` of the items done in a forked child
    (all of them here if no child can be had). What the child raised is raised here as a
    SecondProcessError with its message.

    The child pickles each result into an unnamed temporary file as soon as it has it, and
    this process reads them back once its own half is done: neither holds the child's half
    twice (as objects and as one pickle), which at 5,000 articles was about 100 MB each."""
    split = len(items) - round(len(items) * share)
    try:
        spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed below
    except OSError:  # no temporary file to be had (TMPDIR missing or full): one process
        return [work(item) for item in items]
    with spool:

        def child_half() -> int:
            for item in items[split:]:
                pickle.dump(work(item), spool, pickle.HIGHEST_PROTOCOL)
            spool.flush()
            return len(items) - split

        try:
            child = SecondProcess(child_half)
        except OSError:  # no second process to be had (out of memory, process limit)
            return [work(item) for item in items]
        try:
            mine = [work(item) for item in items[:split]]
        except BaseException:  # this half failed, or was interrupted: the other is not wanted
            child.stop()
            raise
        count = child.result()
        spool.seek(0)
        return mine + [pickle.load(spool) for _ in range(count)]
