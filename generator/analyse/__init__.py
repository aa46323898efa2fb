"""The analyse stage: what the selected corpus says about its actors, kept apart from it.

`analyse(corpus)` returns an `Analysis`: the mentions, quotations and key figures in every
article, the actors involved in every briefing (detected, then added to or excluded by the
curator), and the backlinks from every actor to the briefings and articles that mention it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import BriefingActor, Corpus, article_order, briefing_order
from .figures import Figure, find_figures
from .graph import Graph, relationship_graph
from .mentions import Mention, MentionFinder
from .quotes import Quote, find_quotes
from .related import Related, related_briefings
from .timeline import Event, timeline

__all__ = ["Analysis", "Event", "Figure", "Graph", "Involvement", "Mention", "Quote", "Related",
           "analyse"]

CO_MENTIONS = 8  # how many companions an actor page lists


@dataclass(frozen=True)
class Involvement:
    """One actor in one briefing or article: how often it is mentioned, what the curator said."""

    actor: str
    mentions: int
    role: str = ""
    stance: str = ""


@dataclass(frozen=True)
class Analysis:
    mentions: dict[str, tuple[Mention, ...]] = field(default_factory=dict)  # by article id
    quotes: dict[str, tuple[Quote, ...]] = field(default_factory=dict)  # by article id
    figures: dict[str, tuple[Figure, ...]] = field(default_factory=dict)  # by article id
    article_actors: dict[str, tuple[Involvement, ...]] = field(default_factory=dict)
    briefing_actors: dict[str, tuple[Involvement, ...]] = field(default_factory=dict)
    briefings_by_actor: dict[str, tuple[str, ...]] = field(default_factory=dict)
    articles_by_actor: dict[str, tuple[str, ...]] = field(default_factory=dict)
    related: dict[str, tuple[Related, ...]] = field(default_factory=dict)  # by briefing id
    co_mentions: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    graph: Graph = field(default_factory=lambda: Graph(()))
    events: tuple[Event, ...] = ()

    def briefings_involving(self, actor_id: str) -> tuple[str, ...]:
        """Briefing ids that involve the actor (mentioned or added by the curator), newest first."""
        return self.briefings_by_actor.get(actor_id, ())

    def articles_mentioning(self, actor_id: str) -> tuple[str, ...]:
        """Article ids that mention the actor, newest first (undated last)."""
        return self.articles_by_actor.get(actor_id, ())

    def quotes_by(self, actor_id: str, article_ids: tuple[str, ...]) -> list[tuple[str, Quote]]:
        """(article id, quote) pairs spoken by the actor in those articles, in their order."""
        return [(article_id, quote) for article_id in article_ids
                for quote in self.quotes.get(article_id, ()) if quote.speaker == actor_id]



def analyse(corpus: Corpus) -> Analysis:
    finder = MentionFinder(corpus.actors)
    mentions = {article.id: tuple(finder.find(article.text)) for article in corpus.articles}
    actors = {actor.id: actor for actor in corpus.actors}
    quotes = {
        article.id: tuple(q for q in find_quotes(article.text, list(mentions[article.id]), actors)
                          if not q.scare)
        for article in corpus.articles
    }
    figures = {article.id: tuple(find_figures(article.text)) for article in corpus.articles}
    article_actors = {
        article.id: _involvements(Counter(m.actor for m in mentions[article.id]), ())
        for article in corpus.articles
    }
    briefing_actors = {
        briefing.id: _involvements(
            Counter(m.actor for article_id in briefing.articles for m in mentions[article_id]),
            briefing.actors,
        )
        for briefing in corpus.briefings
    }
    involved = {b: frozenset(inv.actor for inv in invs) for b, invs in briefing_actors.items()}
    return Analysis(
        mentions=mentions,
        quotes=quotes,
        figures=figures,
        article_actors=article_actors,
        briefing_actors=briefing_actors,
        briefings_by_actor=_backlinks(corpus.briefings, briefing_actors, briefing_order),
        articles_by_actor=_backlinks(corpus.articles, article_actors, article_order),
        related=related_briefings(corpus, involved),
        co_mentions=_co_mentions(article_actors),
        graph=relationship_graph(corpus),
        events=timeline(corpus),
    )


def _co_mentions(article_actors: dict[str, tuple[Involvement, ...]]) -> dict:
    """For each actor, the actors named in the most articles alongside it, with that count."""
    together: dict[str, Counter] = defaultdict(Counter)
    for involvements in article_actors.values():
        ids = [inv.actor for inv in involvements]
        for actor in ids:
            together[actor].update(other for other in ids if other != actor)
    return {
        actor: tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:CO_MENTIONS])
        for actor, counts in together.items()
    }


def _involvements(counts: Counter, curated: tuple[BriefingActor, ...]) -> tuple[Involvement, ...]:
    """Detected actors plus the curator's additions, minus exclusions; most mentioned first."""
    by_id = {entry.id: entry for entry in curated}
    ids = (set(counts) | {entry.id for entry in curated}) - {
        entry.id for entry in curated if entry.exclude
    }
    involved = [
        Involvement(actor_id, counts.get(actor_id, 0),
                    by_id[actor_id].role if actor_id in by_id else "",
                    by_id[actor_id].stance if actor_id in by_id else "")
        for actor_id in ids
    ]
    return tuple(sorted(involved, key=lambda inv: (-inv.mentions, inv.actor)))


def _backlinks(items, involvements: dict[str, tuple[Involvement, ...]], order) -> dict:
    by_actor: dict[str, list] = defaultdict(list)
    for item in sorted(items, key=order):
        for involvement in involvements[item.id]:
            by_actor[involvement.actor].append(item.id)
    return {actor_id: tuple(ids) for actor_id, ids in by_actor.items()}
