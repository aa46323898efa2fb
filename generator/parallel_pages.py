"""Render part of a build's generated pages in a second process while MkDocs renders the rest.

MkDocs turns every page's Markdown into HTML one page after another (`_populate_page`:
Python-Markdown, then each plugin's page events), which is the largest part of a cold build
of a large site, on one core. Before that loop starts (the plugin's `on_nav`), a forked
child takes the generated pages at the end of the loop's order, about half the Markdown, and
runs the same `_populate_page` on each; the parent's loop renders the others meanwhile, and
when it reaches the child's pages it takes their HTML, table of contents and anchors from
the child instead of rendering them again. Both processes run the same code on the same
inputs, so the site is byte-identical to a build in one process
(tests/test_parallel_pages.py).

What the child logs is logged again by the parent when it takes the pages, so `--strict`
counts the child's warnings as its own. A page the child could not render fails the build
when the parent reaches it, as it would have failed in one process.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from dataclasses import dataclass

from mkdocs.commands.build import _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

# What MkDocs runs on each page besides the Markdown; a plugin with one of these events
# would have it run in the child and, for the child's pages, not in the parent.
PAGE_EVENTS = ("pre_page", "page_markdown", "page_content")


class PageRenderError(Exception):
    """The child could not render a page; the message says which and why."""


@dataclass(frozen=True)
class Rendered:
    """What `_populate_page` leaves on a page, as the child sends it back."""

    content: str
    toc: TableOfContents
    title: str | None
    anchors: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri


def can_fork() -> bool:
    """Whether this machine has a second core and this platform can fork."""
    return (os.cpu_count() or 1) > 1 and "fork" in multiprocessing.get_all_start_methods()


def tail_by_size(pages: list[Page], texts: dict[str, str], share: float) -> list[Page]:
    """The pages at the end of `pages` that hold about `share` of their Markdown."""
    total = sum(len(texts[page.file.src_uri]) for page in pages)
    taken, size = 0, 0
    for page in reversed(pages):
        if size >= total * share:
            break
        size += len(texts[page.file.src_uri])
        taken += 1
    return pages[len(pages) - taken:]


class PageHelper:
    """A forked child rendering `pages` (the parent's loop must not render them itself)."""

    def __init__(self, config: MkDocsConfig, files: Files, pages: list[Page]) -> None:
        self.files = files
        self.owned = {page.file.src_uri for page in pages}
        self._results: dict[str, Rendered] | None = None
        self._failure: str | None = None
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_render, args=(send, config, files, pages),
                                        name="briefings-pages", daemon=True)
        self._process.start()
        send.close()

    def owns(self, page: Page) -> bool:
        return page.file.src_uri in self.owned

    def take(self, page: Page) -> str:
        """The page's HTML as the child rendered it, with what rendering sets on a page."""
        if self._results is None:
            self._collect()
        rendered = self._results.get(page.file.src_uri)
        if rendered is None:
            raise PageRenderError(self._failure or f"{page.file.src_uri}: not rendered")
        page.toc = rendered.toc
        page._title_from_render = rendered.title
        page.present_anchor_ids = set(rendered.anchors)
        if rendered.links_to_anchors is not None:
            page.links_to_anchors = {self.files.get_file_from_path(uri): links
                                     for uri, links in rendered.links_to_anchors.items()}
        return rendered.content

    def stop(self) -> None:
        """End the child, done or not (a failed or interrupted build)."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._receive.close()

    def _collect(self) -> None:
        try:
            self._results, records, self._failure = self._receive.recv()
        except EOFError:  # the child died without a word (killed, out of memory)
            self._results, records = {}, []
            self._failure = f"the page renderer stopped (exit {self._process.exitcode})"
        self.stop()
        for name, level, message in records:
            logging.getLogger(name).log(level, message)


def _render(send, config: MkDocsConfig, files: Files, pages: list[Page]) -> None:
    """In the child: render the pages, send back what each became and what was logged."""
    records: list[tuple[str, int, str]] = []

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append((record.name, record.levelno, record.getMessage()))

    # Logged once, by the parent: nothing printed here.
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.handlers, mkdocs_logger.propagate = [], True
    logging.getLogger().handlers = [Capture()]
    results: dict[str, Rendered] = {}
    failure = None
    for page in pages:
        try:
            _populate_page(page, config, files)
        except Exception as error:  # noqa: BLE001 - reported by the parent, as MkDocs would
            failure = str(error)  # MkDocs names the page when the parent raises it
            break
        links = page.links_to_anchors
        results[page.file.src_uri] = Rendered(
            page.content, page.toc, page._title_from_render,
            frozenset(page.present_anchor_ids or ()),
            None if links is None else {file.src_uri: dict(anchors)
                                        for file, anchors in links.items()})
    send.send((results, records, failure))
    send.close()
