"""Lists that grow with the corpus, cut into pages of a bounded length.

MkDocs costs about a second per MB of Markdown and the browser pays for every row, so no list
that grows with the corpus (an actor's articles, a topic's briefings, the sources) is printed
whole on one page. Page 1 is the page the list belongs to; page N (N ≥ 2) lives at
`<stem>/page-N.md`, inside a folder named after page 1, so it can never take the path of a
briefing, article, actor or term (those are files, not folders, in the same place).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Pager(Generic[T]):
    """One page of a list: its items, where it and its siblings live, and where it stands."""

    items: Sequence[T]
    number: int  # 1-based
    count: int  # how many pages the list has
    total: int  # how many items the list has
    size: int  # items on a full page
    paths: tuple[str, ...]  # doc path of every page of the list, page 1 first

    @property
    def path(self) -> str:
        return self.paths[self.number - 1]

    @property
    def previous(self) -> str | None:
        return self.paths[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.paths[self.number] if self.number < self.count else None

    @property
    def first_index(self) -> int:
        """The 1-based position of this page's first item in the whole list."""
        return (self.number - 1) * self.size + 1 if self.items else 0

    @property
    def last_index(self) -> int:
        return self.first_index + len(self.items) - 1 if self.items else 0


def page_path(first: str, number: int, stem: str | None = None) -> str:
    """The doc path of page `number` of the list whose page 1 is `first` ("topics/x.md"):
    `<stem>/page-N.md`, the stem being `first` without ".md" unless a page holds two lists."""
    if number == 1:
        return first
    return f"{stem or first.removesuffix('.md')}/page-{number}.md"


def paginate(items: Sequence[T], size: int, first: str, stem: str | None = None) -> list[Pager[T]]:
    """The list in pages of `size` items (one empty page for an empty list)."""
    count = max(1, -(-len(items) // size))
    paths = tuple(page_path(first, n, stem) for n in range(1, count + 1))
    return [Pager(items[(n - 1) * size:n * size], n, count, len(items), size, paths)
            for n in range(1, count + 1)]


def numbered(title: str, pager: Pager) -> str:
    """A page's title: the list's own on page 1, "Actors, page 2" after."""
    return title if pager.number == 1 else f"{title}, page {pager.number}"
