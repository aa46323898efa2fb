"""Do half of a build's per-page work in a second process while MkDocs does the other half.

MkDocs handles pages one after another on one core, twice: `_populate_page` (Markdown to
HTML, with each plugin's page events), then `_build_page` (the theme's template, then the
written file). On a large site these two loops are most of a cold build. Before each loop
starts, a forked child takes the generated pages at the end of the loop's order, about half
the work by size, and runs MkDocs's own function on each; the parent's loop does the others
meanwhile.

- `Renderer` (forked in the plugin's `on_nav`): the child renders its pages and sends back
  their HTML, table of contents and anchors, which the parent takes when its loop reaches
  them, instead of rendering them again.
- `Builder` (forked in `on_env`, once every page is rendered): the child writes its pages'
  files itself; the parent's loop passes over them (they get an empty template, and MkDocs
  writes no file for an empty page) and waits for the child before the site is indexed and
  swapped in.

Both processes run the same code on the same inputs, so the site is byte-identical to a build
in one process (tests/test_parallel_pages.py). What the child logs is logged again by the
parent, so `--strict` counts the child's warnings as its own; a page the child could not do
fails the build, as it would have failed in one process.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
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
RENDER_EVENTS = ("pre_page", "page_markdown", "page_content")
# (and a plugin's post_build would run before the child has written every file)
BUILD_EVENTS = ("page_context", "post_page", "post_build")
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

    def result(self, page: Page) -> Any:
        """What the child's work returned for the page (its log relayed here first)."""
        results = self.results()
        if page.file.src_uri not in results:
            raise ParallelPageError(self._failure or f"{page.file.src_uri}: not done")
        return results[page.file.src_uri]

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


@dataclass(frozen=True)
class Rendered:
    """What `_populate_page` leaves on a page, as the child sends it back."""

    content: str
    toc: TableOfContents
    title: str | None
    anchors: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri


class Renderer:
    """A second process rendering the Markdown of `pages`."""

    def __init__(self, config: MkDocsConfig, files: Files, pages: list[Page]) -> None:
        self.files = files

        def render(page: Page) -> Rendered:
            _populate_page(page, config, files)
            links = page.links_to_anchors
            return Rendered(page.content, page.toc, page._title_from_render,
                            frozenset(page.present_anchor_ids or ()),
                            None if links is None else {file.src_uri: dict(anchors)
                                                        for file, anchors in links.items()})

        self._child = _Child(render, pages)
        self.owns = self._child.owns
        self.stop = self._child.stop

    def take(self, page: Page) -> str:
        """The page's HTML as the child rendered it, with what rendering sets on a page."""
        rendered: Rendered = self._child.result(page)
        page.toc = rendered.toc
        page._title_from_render = rendered.title
        page.present_anchor_ids = set(rendered.anchors)
        if rendered.links_to_anchors is not None:
            page.links_to_anchors = {self.files.get_file_from_path(uri): links
                                     for uri, links in rendered.links_to_anchors.items()}
        return rendered.content


class Builder:
    """A second process building (templating and writing) `pages`."""

    def __init__(self, config: MkDocsConfig, doc_files: Sequence[File], nav: Navigation,
                 env: jinja2.Environment, pages: list[Page]) -> None:
        self._child = _Child(lambda page: _build_page(page, config, doc_files, nav, env), pages)
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
