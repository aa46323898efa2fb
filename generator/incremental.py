"""Rebuild under `mkdocs serve` by re-rendering only the pages whose Markdown changed.

MkDocs rebuilds the whole site on every save, and `--dirty` gets it wrong for generated
files (they always count as modified, the search index keeps only the rebuilt pages, and
pages that show edited data stay stale). The generator knows better: it produces every page
as text, so after an edit the pages whose text changed are exactly the pages to redo. This
module keeps what one full MkDocs build set up (config, files, navigation, template
environment) and, for a later edit, puts the new Markdown into the changed files and runs
MkDocs's own page functions on them alone (`_populate_page`, `_build_page`: every plugin
event a page gets). The search index is made from the built HTML afterwards
(`site_search.py`). When the set of pages changes, or anything but the content changed,
the caller does a full build instead.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

import jinja2
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page as MkDocsPage

from .render import Page

log = logging.getLogger("mkdocs.plugins.briefings")


@dataclass
class LastBuild:
    """What the last full build of a serve session set up, kept to redo single pages."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: jinja2.Environment
    pages: dict[str, bytes]  # doc path → the Markdown text it was built from, in UTF-8

    def update(self, pages: Iterable[Page]) -> list[str] | None:
        """Rebuild the pages whose text changed; their paths, or None when a full build is
        needed (a page added or removed)."""
        new = {page.path: page.data for page in pages}
        if new.keys() != self.pages.keys():
            return None
        changed = sorted(path for path, data in new.items() if self.pages[path] != data)
        in_serve = self.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        files = [self.files.get_file_from_path(path) for path in changed]
        if None in files:
            return None
        for file, path in zip(files, changed, strict=True):
            file.content_bytes = new[path]
        for file in files:
            if file.page is None:  # feed.xml, graph.json: written as they are
                file.copy_file()
            else:
                self._rebuild(file, in_serve)
        self.pages = new
        return changed

    def _rebuild(self, file: File, in_serve) -> None:
        page: MkDocsPage = file.page
        _populate_page(page, self.config, self.files)
        _build_page(page, self.config, in_serve, self.nav, self.env)
        page.validate_anchor_links(files=self.files,
                                   log_level=self.config.validation.links.anchors)
