"""Actor pages (the analyst's reference card), their continued lists, and the index by kind."""

from __future__ import annotations

from itertools import groupby

from .. import model
from ..analyse import Involvement
from . import graph, markup
from .paging import numbered, paginate
from .site import Page, Site

LISTED = 50  # briefings, and articles, on an actor page and on each page that continues it
INDEX_ROWS = 200  # actors on each page of the index
QUOTES = 20  # the actor's newest quotations on its page (its articles' pages hold every one)


def pages(site: Site) -> list[Page]:
    return [*index_pages(site), *(page for actor in site.corpus.actors
                                  for page in remembered(site, actor))]


def remembered(site: Site, actor: model.Actor) -> list[Page]:
    """The actor's pages, rendered again only when what they show changed (names, titles
    and the graph are in the memo's corpus-wide key)."""
    analysis, counts = site.analysis, site.mention_counts
    articles = analysis.articles_mentioning(actor.id)
    spoken = site.quotes_by_speaker.get(actor.id, {})
    key = (actor,
           tuple((b, counts["briefing", b, actor.id])
                 for b in analysis.briefings_involving(actor.id)),
           tuple((a, counts["article", a, actor.id]) for a in articles),
           tuple(spoken.get(a, ()) for a in articles),
           analysis.co_mentions.get(actor.id, ()),
           # Its small graph sizes each node by the briefings that actor is in.
           tuple((n, len(analysis.briefings_involving(n)))
                 for n in sorted(site.neighbours.get(actor.id, set()) | {actor.id})))
    return site.memo.get("actor", actor.id, key, lambda: actor_pages(site, actor))


def actor_pages(site: Site, actor: model.Actor) -> list[Page]:
    """The actor's page, then the pages that continue its lists of briefings and articles."""
    analysis = site.analysis
    path = f"actors/{actor.id}.md"
    briefings = paginate([(site.corpus.briefing(b), _mentions(analysis.briefing_actors[b],
                                                              actor.id))
                          for b in analysis.briefings_involving(actor.id)],
                         LISTED, path, f"actors/{actor.id}/briefings")
    articles = paginate([(site.corpus.article(a), _mentions(analysis.article_actors[a], actor.id))
                         for a in analysis.articles_mentioning(actor.id)],
                        LISTED, path, f"actors/{actor.id}/articles")
    names = [n for n in actor.aliases + actor.weak_aliases + actor.demonyms if n != actor.name]
    quotes = analysis.quotes_by(actor.id, analysis.articles_mentioning(actor.id))
    around = analysis.graph.around(actor.id)
    # Its other names are on the page, but weigh more in search as names (search-data.html).
    front = {"title": markup.page_title(actor.name), "graph": bool(around.edges),
             "description": site.description(actor.summary),
             "search": site.search("Actor", names=site.other_names([actor]))}
    first = site.page(path, "actor.md", front,
                      actor=actor, briefings=briefings[0], articles=articles[0], names=names,
                      quotes=quotes[:QUOTES], more_quotes=len(quotes) - QUOTES,
                      edges=around.edges, graph=around,
                      graph_id=f"graph-{actor.id}",
                      graph_json=graph.inline_json(site, around, actor.id),
                      companions=analysis.co_mentions.get(actor.id, ()))
    continued = [
        site.page(pager.path, "actor-list.md",
                  {"title": markup.page_title(f"{actor.name}: {noun}, page {pager.number}")},
                  actor=actor, noun=noun, pager=pager)
        for noun, pagers in (("briefings", briefings), ("articles", articles))
        for pager in pagers[1:]
    ]
    return [first, *continued]


def _mentions(involved: tuple[Involvement, ...], actor_id: str) -> int:
    return next(inv.mentions for inv in involved if inv.actor == actor_id)


def index_pages(site: Site) -> list[Page]:
    """Every actor by kind, then by name, in pages of `INDEX_ROWS`."""
    ordered = sorted(site.corpus.actors,
                     key=lambda a: (list(model.ActorKind).index(a.kind), a.name.casefold()))
    return [site.page(pager.path, "actors-index.md", {"title": numbered("Actors", pager)},
                      pager=pager, total=len(site.corpus.actors),
                      groups=[(kind, list(group))
                              for kind, group in groupby(pager.items, key=lambda a: a.kind)])
            for pager in paginate(ordered, INDEX_ROWS, "actors/index.md")]
