"""Per-article analyses kept between builds, so an edit re-analyses only what it changed.

An entry is keyed by (the fingerprint of the actors' names, a hash of the article's text): the
only inputs of `analyse_article`. Editing an article's text misses its own entry; editing a
briefing, or an actor's summary, misses none; editing an actor's names changes the fingerprint
and so misses every entry, as it must (any mention anywhere may change).

The compiled mention pattern is kept too, with the `ActorNames` it belongs to, and replaced
only when the fingerprint changes: compiling it for thousands of aliases costs more than
analysing a few articles. So are the related briefings, while every input of their scoring
compares equal (`related.scoring_inputs`): scoring every pair of 500 briefings takes seconds,
and most edits (a BLUF, an article's wording) change none of those inputs.

Memory stays bounded by one corpus: `sweep()`, called at the end of each run, drops every
entry that run did not use (deleted articles, the old text of edited ones).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Actor, Corpus
from .article import ActorNames, ArticleAnalysis, analyse_article, text_hash
from .links import co_mentions
from .related import Related, related_briefings, scoring_inputs


class AnalysisCache:
    """Keep one instance across builds (e.g. on the MkDocs plugin); `computed` counts misses."""

    def __init__(self) -> None:
        self._names: ActorNames | None = None
        self._used: dict[tuple[str, str], ArticleAnalysis] = {}  # since the last sweep
        self._kept: dict[tuple[str, str], ArticleAnalysis] = {}  # used by the run before
        self._related: tuple[tuple, dict[str, tuple[Related, ...]]] | None = None
        self._co_mentions: tuple[dict, dict] | None = None
        self.computed = 0  # articles analysed, not found here
        self.compiled = 0  # sets of names adopted, each compiling its mention pattern once
        self.related_scored = 0  # times the related briefings were scored, not found here

    def names(self, actors: Iterable[Actor]) -> ActorNames:
        """The actors' names: the ones already held (pattern compiled) when nothing changed."""
        names = ActorNames(actors)
        if self._names is None or self._names.fingerprint != names.fingerprint:
            self._names = names
            self.compiled += 1
        return self._names

    def get_or_compute(self, text: str, names: ActorNames) -> ArticleAnalysis:
        key = (names.fingerprint, text_hash(text))
        found = self._used.get(key) or self._kept.get(key)
        if found is None:
            found = analyse_article(text, names)
            self.computed += 1
        self._used[key] = found
        return found

    def related(self, corpus: Corpus,
                involved: dict[str, frozenset[str]]) -> dict[str, tuple[Related, ...]]:
        """`related_briefings(corpus, involved)`, scored again only when its inputs changed."""
        inputs = scoring_inputs(corpus, involved)
        if self._related is None or self._related[0] != inputs:
            self._related = (inputs, related_briefings(corpus, involved))
            self.related_scored += 1
        return self._related[1]

    def co_mentions(self, article_actors: dict) -> dict:
        """`co_mentions(article_actors)`, counted again only when who is mentioned where
        changed (the costliest corpus-wide step after an edit: 0.6 s at 5,000 articles)."""
        if self._co_mentions is None or self._co_mentions[0] != article_actors:
            self._co_mentions = (article_actors, co_mentions(article_actors))
        return self._co_mentions[1]

    def sweep(self) -> None:
        """End a run: forget every entry it did not use."""
        self._kept, self._used = self._used, {}

    def __len__(self) -> int:
        return len(self._used.keys() | self._kept.keys())

    def __repr__(self) -> str:
        return f"AnalysisCache({len(self)} articles, {self.computed} computed)"
