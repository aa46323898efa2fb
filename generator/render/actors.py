"""Actor pages (the analyst's reference card) and the index of actors by kind."""

from __future__ import annotations

from .. import model
from ..analyse import Involvement
from . import graph, markup
from .site import Page, Site


def pages(site: Site) -> list[Page]:
    return [index_page(site), *(actor_page(site, actor) for actor in site.corpus.actors)]


def actor_page(site: Site, actor: model.Actor) -> Page:
    analysis = site.analysis
    briefings = [(site.corpus.briefing(b), _mentions(analysis.briefing_actors[b], actor.id))
                 for b in analysis.briefings_involving(actor.id)]
    articles = [(site.corpus.article(a), _mentions(analysis.article_actors[a], actor.id))
                for a in analysis.articles_mentioning(actor.id)]
    names = [n for n in actor.aliases + actor.weak_aliases + actor.demonyms if n != actor.name]
    quotes = analysis.quotes_by(actor.id, tuple(a.id for a, _count in articles))
    around = analysis.graph.around(actor.id)
    front = {"title": markup.page_title(actor.name), "graph": bool(around.edges)}
    return site.page(f"actors/{actor.id}.md", "actor.md", front,
                     actor=actor, briefings=briefings, articles=articles, names=names,
                     quotes=quotes, edges=around.edges, graph=around,
                     graph_id=f"graph-{actor.id}", graph_json=graph.inline_json(site, around,
                                                                                actor.id),
                     companions=analysis.co_mentions.get(actor.id, ()))


def _mentions(involved: tuple[Involvement, ...], actor_id: str) -> int:
    return next(inv.mentions for inv in involved if inv.actor == actor_id)


def index_page(site: Site) -> Page:
    groups = [
        (kind, sorted((a for a in site.corpus.actors if a.kind is kind),
                      key=lambda a: a.name.casefold()))
        for kind in model.ActorKind
    ]
    return site.page("actors/index.md", "actors-index.md", {"title": "Actors"},
                     groups=[(kind, actors) for kind, actors in groups if actors],
                     total=len(site.corpus.actors))
