"""Pages kept between renders with the inputs they were made from, so that after an edit only
the pages whose inputs changed are rendered again (Quartz's emitters declare what they depend
on; here each kind of page names its inputs as a key).

Two levels of inputs:
- what nearly every page prints of the whole corpus (actors' names and kinds, briefings'
  titles and dates, articles' titles and dates, topics, regions, the relationship graph, the
  publishing options): `corpus_key`; when it changes, every kept page is dropped;
- what one page reads of its own subject (the article and its analysis, the actors it
  involves in full, …): the key each page kind passes to `PageMemo.get`.

Keys are compared with `==` on the very objects the stages produce: the load and analysis
caches hand back the same objects for unchanged files, so a comparison is mostly a matter of
identity, and never an approximation (no hashing of content that could collide).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


class PageMemo:
    """By kind of page and subject id: the key a page was rendered from, and the result."""

    def __init__(self, parallel_from: int = 0) -> None:
        # From this many articles, render_site renders the article pages in a second
        # process; those are not kept (a build's memo keeps nothing anyway: `keep`).
        self.parallel_from = parallel_from
        # False for a render no other will follow (a build): nothing is kept, so what the
        # render holds at its end is the pages alone (at 5,000 articles the keys and the
        # STIX bundle's pieces were about 100 MB more).
        self.keep = True
        self._corpus_key: Any = None
        self._kept: dict[tuple[str, str], tuple[Any, Any]] = {}
        self._used: set[tuple[str, str]] = set()
        self.rendered = 0  # how many units the last renders made afresh (for tests and bench)

    def begin(self, corpus_key: Any) -> None:
        """Start a render; drop every kept page if the corpus-wide inputs changed."""
        if corpus_key != self._corpus_key:
            self._kept.clear()
            self._corpus_key = corpus_key
        self._used.clear()
        self.rendered = 0

    def get(self, kind: str, subject: str, key: Any, make: Callable[[], T]) -> T:
        """The kept result for this subject when its key is unchanged, else `make()`."""
        slot = (kind, subject)
        self._used.add(slot)
        kept = self._kept.get(slot)
        if kept is not None and kept[0] == key:
            return kept[1]
        result = make()
        if self.keep:
            self._kept[slot] = (key, result)
        self.rendered += 1
        return result

    def end(self) -> None:
        """Forget subjects the render did not ask for (deleted, renamed, dropped)."""
        for slot in set(self._kept) - self._used:
            del self._kept[slot]
