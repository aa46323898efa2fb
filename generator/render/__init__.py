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
    stix.json                                     ../export/stix.py (the STIX 2.1 bundle)
"""

from __future__ import annotations

from .. import model
from ..analyse import Analysis
from ..export import stix
from ..forked import can_fork, forked_map
from . import actors, articles, briefings, feed, graph, indexes
from .memo import PageMemo
from .site import Page, Site, SiteOptions, read_front_matter

__all__ = ["Page", "PageMemo", "SiteOptions", "read_front_matter", "render_site"]


def _stix(site: Site) -> list[Page]:
    """The site's STIX bundle: the very text `briefings export stix` writes, its objects
    kept per actor and briefing by the memo."""
    return [Page(stix.FILE, stix.bundle_json(site.corpus, site.analysis, site.memo.get))]


_PAGE_KINDS = (_stix, indexes.pages, graph.pages, feed.pages, actors.pages, briefings.pages,
               articles.pages)
# The kinds a second process makes, when there is one: the last two, the briefing and
# article pages, about half the stage's time (at 5,000 articles, in one process: the
# briefings 3.3 s, the articles 5.6 s, the actors 5.4 s, the STIX bundle 2.5 s; the child
# also pays for the copies its writes make of the shared heap).
_FORKED_KINDS = 2


def render_site(
    corpus: model.Corpus, analysis: Analysis, options: SiteOptions | None = None,
    memo: PageMemo | None = None,
) -> tuple[Page, ...]:
    """Every file of the site, sorted by path.

    With a `memo` kept from the previous render, the pages whose inputs did not change are
    taken from it (see `memo.py`); the files are the same either way. A memo whose
    `parallel_from` the corpus's articles reach has the briefing and article pages rendered
    in a second process (`forked.forked_map`; the memo does not keep them then).
    """
    options = options or SiteOptions()
    memo = memo if memo is not None else PageMemo()
    memo.begin(_corpus_key(corpus, analysis, options))
    site = Site(corpus, analysis, options, memo)
    if memo.parallel_from and len(corpus.articles) >= memo.parallel_from and can_fork():
        kinds = forked_map(lambda make: make(site), _PAGE_KINDS,
                           share=_FORKED_KINDS / len(_PAGE_KINDS))
    else:
        kinds = [make(site) for make in _PAGE_KINDS]
    pages = [page for kind in kinds for page in kind]
    memo.end()
    return tuple(sorted(pages, key=lambda page: page.path))


def _corpus_key(corpus: model.Corpus, analysis: Analysis, options: SiteOptions) -> tuple:
    """What pages print of subjects other than their own: names, titles, dates, terms."""
    return (
        options,
        tuple((a.id, a.name, a.kind) for a in corpus.actors),
        tuple((b.id, b.title, b.date) for b in corpus.briefings),
        tuple((a.id, a.title, a.published) for a in corpus.articles),
        corpus.topics,
        corpus.regions,
        analysis.graph,
    )
