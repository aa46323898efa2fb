"""Do half of a build's per-page work in a second process while MkDocs does the other half.

MkDocs handles pages one after another on one core, twice: `_populate_page` (Markdown to
HTML, with each plugin's page events), then `_build_page` (the theme's template, then the
written file). On a large site these two loops are most of a cold build. Before each loop
starts, a forked child takes the generated pages at the end of the loop's order, about half
the work by size, and runs MkDocs's own function on each; the parent's loop does the others
meanwhile.

- `Renderer` (forked in the plugin's `on_nav`): the child renders its pages into a `Spill`
  file and sends back what else rendering sets on a page (table of contents, title,
  anchors), which the parent takes when its loop reaches them instead of rendering them.
- `Builder` (forked in `on_env`, once every page is rendered): a child writes the same
  pages' files, their HTML read back from the spill; the parent's loop passes over them
  (they get an empty template, and MkDocs writes no file for an empty page) and waits for
  the child before the site is indexed and swapped in.

When both children run, the parent never holds the other half's HTML (with no `Builder`, it
reads it back from the spill to write it): at 5,000 articles the pages' HTML and Markdown
were most of a build's peak memory. Both processes run the same code on the same inputs, so
the site is byte-identical to a build in one process (tests/test_parallel_pages.py). What the
child logs is logged again by the parent, so `--strict` counts the child's warnings as its
own; a page the child could not do fails the build, as it would have failed in one process.
"""

from __future__ import annotations

import logging
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from .forked import SecondProcess, SecondProcessError

# The page events each loop runs; a plugin other than ours with one of them would see it run
# in the child for the child's pages, which it may not expect: then nothing is forked.
# (and a plugin's env would see the child's pages without their HTML, which is in its spill)
RENDER_EVENTS = ("pre_page", "page_markdown", "page_content", "env")
# (and a plugin's post_build would run before the child has written every file)
BUILD_EVENTS = ("page_context", "post_page", "post_build")
# The events after which a plugin could still read a page's Markdown or HTML.
LATER_EVENTS = ("page_content", "env", *BUILD_EVENTS)
# The template the parent's loop gives the pages the child builds: empty, so no file.
ELSEWHERE = "briefings-built-elsewhere.html"


class ParallelPageError(Exception):
    """The child could not do a page; the message says which and why."""


def tail_by_size(pages: list[Page], size: Callable[[Page], int], share: float) -> list[Page]:
    """The pages at the end of `pages` that hold about `share` of their total size."""
    total = sum(size(page) for page in pages)
    taken, held = 0, 0
    for page in reversed(pages):
        if held >= total * share:
            break
        held += size(page)
        taken += 1
    return pages[len(pages) - taken:]


class _Child:
    """A forked process running `work` on each page, sending back what each returned."""

    def __init__(self, work: Callable[[Page], Any], pages: list[Page]) -> None:
        self.owned = {page.file.src_uri for page in pages}
        self._results: dict[str, Any] | None = None
        self._failure = ""
        self._process = SecondProcess(lambda: _run(work, pages))
        self.stop = self._process.stop

    def owns(self, page: Page) -> bool:
        return page.file.src_uri in self.owned

    def take(self, page: Page) -> Any:
        """What the child's work returned for the page (its log relayed here first), handed
        over once: this process keeps no copy."""
        results = self.results()
        if page.file.src_uri not in results:
            raise ParallelPageError(self._failure or f"{page.file.src_uri}: not done")
        return results.pop(page.file.src_uri)

    def results(self) -> dict[str, Any]:
        """Every page's result, once the child is done; what it logged, logged here."""
        if self._results is None:
            try:
                self._results, records, self._failure = self._process.result()
            except SecondProcessError as error:
                self._results, records, self._failure = {}, [], str(error)
            for name, level, message in records:
                logging.getLogger(name).log(level, message)
        return self._results

    def failure(self) -> str:
        return self._failure


def _run(work: Callable[[Page], Any], pages: list[Page],
         ) -> tuple[dict[str, Any], list[tuple[str, int, str]], str]:
    """In the child: the work on each page; every result, what was logged, and the first
    failure."""
    records: list[tuple[str, int, str]] = []

    class Capture(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append((record.name, record.levelno, record.getMessage()))

    # Logged once, by the parent: nothing printed here.
    mkdocs_logger = logging.getLogger("mkdocs")
    mkdocs_logger.handlers, mkdocs_logger.propagate = [], True
    logging.getLogger().handlers = [Capture()]
    results: dict[str, Any] = {}
    failure = ""
    for page in pages:
        try:
            results[page.file.src_uri] = work(page)
        except Exception as error:  # noqa: BLE001 - raised again by the parent
            failure = f"{page.file.src_uri}: {error}"
            break
    return results, records, failure


class Spill:
    """Pages' HTML in a temporary file, written by the child that rendered them and read
    back by whichever process writes them. The file has no name (it is gone with the last
    process that has it open), so a killed build leaves nothing behind."""

    def __init__(self, folder: Path) -> None:
        # In `folder`, opened before the fork, so the child shares it; closed by `close`.
        self._file = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115
        self._places: dict[str, tuple[int, int]] = {}  # by src_uri: offset, length

    def put(self, html: str) -> tuple[int, int]:
        """In the child: the page's HTML appended; where it is."""
        data = html.encode("utf-8")
        offset = self._file.seek(0, os.SEEK_END)
        self._file.write(data)
        self._file.flush()
        return offset, len(data)

    def place(self, page: Page, where: tuple[int, int]) -> None:
        """Here: where the child put the page's HTML."""
        self._places[page.file.src_uri] = where

    def get(self, page: Page) -> str:
        offset, length = self._places[page.file.src_uri]
        return os.pread(self._file.fileno(), length, offset).decode("utf-8")

    def close(self) -> None:
        self._file.close()


@dataclass(frozen=True)
class Rendered:
    """What `_populate_page` leaves on a page, as the child sends it back (the HTML itself
    is in the spill)."""

    spilled: tuple[int, int]
    toc: TableOfContents
    title: str | None
    anchors: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri


class Renderer:
    """A second process rendering the Markdown of `pages` into `spill`."""

    def __init__(self, config: MkDocsConfig, files: Files, pages: list[Page],
                 spill: Spill) -> None:
        self.files = files
        self.spill = spill
        self.pages = pages

        def render(page: Page) -> Rendered:
            _populate_page(page, config, files)
            spilled = spill.put(page.content or "")
            page.content = None  # in the spill: not kept here either
            links = page.links_to_anchors
            return Rendered(spilled, page.toc, page._title_from_render,
                            frozenset(page.present_anchor_ids or ()),
                            None if links is None else {file.src_uri: dict(anchors)
                                                        for file, anchors in links.items()})

        self._child = _Child(render, pages)
        self.owns = self._child.owns
        self.stop = self._child.stop

    def take(self, page: Page) -> str:
        """What rendering sets on the page, as the child rendered it; its HTML stays in the
        spill, so the page's content here is empty."""
        rendered: Rendered = self._child.take(page)
        self.spill.place(page, rendered.spilled)
        page.toc = rendered.toc
        page._title_from_render = rendered.title
        page.present_anchor_ids = set(rendered.anchors)
        if rendered.links_to_anchors is not None:
            page.links_to_anchors = {self.files.get_file_from_path(uri): links
                                     for uri, links in rendered.links_to_anchors.items()}
        return ""


class Builder:
    """A second process building (templating and writing) `pages`; their HTML is read from
    the `spill` when they were rendered into one."""

    def __init__(self, config: MkDocsConfig, doc_files: Sequence[File], nav: Navigation,
                 env: jinja2.Environment, pages: list[Page], spill: Spill | None) -> None:
        def build(page: Page) -> None:
            if spill is not None:
                page.content = spill.get(page)
            _build_page(page, config, doc_files, nav, env)
            page.content = None

        self._child = _Child(build, pages)
        self.owns = self._child.owns
        # In this process, from now on: an empty page, so no file, and no word of it.
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({ELSEWHERE: ""}), env.loader])
        for page in pages:
            page.meta["template"] = ELSEWHERE
        self._quiet = _Skipped({f"Page skipped: '{page.file.src_uri}'. Generated empty output."
                                for page in pages})
        logging.getLogger("mkdocs.commands.build").addFilter(self._quiet)

    def wait(self) -> None:
        """Until the child has written its pages; raises if it could not."""
        self._child.results()
        self.stop()
        if self._child.failure():
            raise ParallelPageError(self._child.failure())

    def stop(self) -> None:
        self._child.stop()
        logging.getLogger("mkdocs.commands.build").removeFilter(self._quiet)


class _Skipped(logging.Filter):
    """Drops MkDocs's note that a page made no file, for the pages the child builds."""

    def __init__(self, messages: set[str]) -> None:
        super().__init__()
        self.messages = messages

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() not in self.messages
