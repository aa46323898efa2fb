"""The analyse stage's result, `Analysis`, and `analyse(corpus)`, which builds it.

Per article (`article.py`, cached by `cache.py`), then across the corpus: involvement,
backlinks and co-mentions (`links.py`), related briefings (`related.py`), the relationship
graph (`graph.py`), the timeline (`timeline.py`). Nothing here is written back onto the
corpus's records.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Corpus, article_order, briefing_order
from .cache import AnalysisCache
from .figures import Figure
from .graph import Graph, relationship_graph
from .links import Involvement, backlinks, briefing_involvement
from .mentions import Mention
from .quotes import Quote
from .related import Related
from .timeline import Event, timeline


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


def analyse(corpus: Corpus, cache: AnalysisCache | None = None) -> Analysis:
    """Analyse the corpus; with a `cache` kept from the previous run, only changed articles
    are analysed again (the result is the same either way)."""
    cache = cache if cache is not None else AnalysisCache()
    names = cache.names(corpus.actors)
    cache.compute_missing(((article.text, article.title) for article in corpus.articles), names)
    articles = {article.id: cache.get_or_compute(article.text, names, article.title)
                for article in corpus.articles}
    cache.sweep()
    article_actors = {article_id: cache.involvement(analysis)
                      for article_id, analysis in articles.items()}
    briefing_actors = {briefing.id: briefing_involvement(briefing, articles)
                       for briefing in corpus.briefings}
    involved = {b: frozenset(inv.actor for inv in invs) for b, invs in briefing_actors.items()}
    return Analysis(
        mentions={article_id: a.mentions for article_id, a in articles.items()},
        quotes={article_id: a.quotes for article_id, a in articles.items()},
        figures={article_id: a.figures for article_id, a in articles.items()},
        article_actors=article_actors,
        briefing_actors=briefing_actors,
        briefings_by_actor=backlinks(corpus.briefings, briefing_actors, briefing_order),
        articles_by_actor=backlinks(corpus.articles, article_actors, article_order),
        related=cache.related(corpus, involved),
        co_mentions=cache.co_mentions(article_actors),
        graph=relationship_graph(corpus),
        events=timeline(corpus),
    )
