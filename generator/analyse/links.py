"""Corpus-wide links built from the per-article analyses: who is involved where, and with whom.

- involvement: the actors of each article (as detected) and of each briefing (detected in its
  sources, then added to or excluded by the curator), most mentioned first;
- backlinks: from each actor to the briefings and the articles that involve it, newest first;
- co-mentions: for each actor, the actors named in the most articles alongside it.

These need every article, so they are rebuilt from the (cached) per-article analyses on every
run; each is a pass over counts, not over text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..model import Article, Briefing, BriefingActor
from .article import ArticleAnalysis

CO_MENTIONS = 8  # how many companions an actor page lists


@dataclass(frozen=True, slots=True)
class Involvement:
    """One actor in one briefing or article: how often it is mentioned, what the curator said."""

    actor: str
    mentions: int
    role: str = ""
    stance: str = ""


def article_involvement(analysis: ArticleAnalysis) -> tuple[Involvement, ...]:
    """The actors an article mentions, most mentioned first."""
    return tuple(Involvement(actor, count) for actor, count in analysis.mention_counts)


def briefing_involvement(briefing: Briefing,
                         articles: dict[str, ArticleAnalysis]) -> tuple[Involvement, ...]:
    """Actors detected in the briefing's sources plus the curator's additions, minus
    exclusions; most mentioned first."""
    counts: Counter[str] = Counter()
    for article_id in briefing.articles:
        counts.update(dict(articles[article_id].mention_counts))
    return _involvements(counts, briefing.actors)


def backlinks(items: Iterable[Article] | Iterable[Briefing],
              involvements: dict[str, tuple[Involvement, ...]],
              order: Callable[[Any], Any]) -> dict[str, tuple[str, ...]]:
    """For each actor, the ids of the items that involve it, in `order`."""
    by_actor: dict[str, list[str]] = defaultdict(list)
    for item in sorted(items, key=order):
        for involvement in involvements[item.id]:
            by_actor[involvement.actor].append(item.id)
    return {actor_id: tuple(ids) for actor_id, ids in by_actor.items()}


def co_mentions(article_actors: dict[str, tuple[Involvement, ...]],
                ) -> dict[str, tuple[tuple[str, int], ...]]:
    """For each actor, the actors named in the most articles alongside it, with that count."""
    together: dict[str, Counter[str]] = defaultdict(Counter)
    for involvements in article_actors.values():
        ids = [inv.actor for inv in involvements]
        for actor in ids:
            together[actor].update(other for other in ids if other != actor)
    return {
        actor: tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:CO_MENTIONS])
        for actor, counts in together.items()
    }


def _involvements(counts: Counter[str],
                  curated: tuple[BriefingActor, ...]) -> tuple[Involvement, ...]:
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
