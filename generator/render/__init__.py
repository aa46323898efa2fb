"""The render stage: the selected corpus and its analysis become the site's files, as text.

One module per kind of page, each with `pages(site) -> list[Page]`; `site.py` holds what
they share (templates, front matter, the actor panel's data). Output is deterministic: same
content, same bytes.

    index.md, timeline.md, topics/…, regions/…   indexes.py
    briefings/<id>.md                             briefings.py
    articles/index.md, articles/<id>.md           articles.py
    actors/index.md, actors/<id>.md               actors.py
    graph.md, graph.json                          graph.py
    feed.xml                                      feed.py
"""

from __future__ import annotations

from .. import model
from ..analyse import Analysis
from . import actors, articles, briefings, feed, graph, indexes
from .site import Page, Site, SiteOptions

__all__ = ["Page", "SiteOptions", "render_site"]

_PAGE_KINDS = (indexes, briefings, articles, actors, graph, feed)


def render_site(
    corpus: model.Corpus, analysis: Analysis, options: SiteOptions | None = None
) -> tuple[Page, ...]:
    """Every file of the site, sorted by path."""
    site = Site(corpus, analysis, options or SiteOptions())
    pages = [page for kind in _PAGE_KINDS for page in kind.pages(site)]
    return tuple(sorted(pages, key=lambda page: page.path))
