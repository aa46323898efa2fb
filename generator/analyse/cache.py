"""Per-article analyses kept between builds, so an edit re-analyses only what it changed.

An entry is keyed by (the fingerprint of the actors' names, a hash of the article's text and
title): the only inputs of `analyse_article`. Editing an article's text or title misses its
own entry; editing a
briefing, or an actor's summary, misses none. Editing an actor's names changes the
fingerprint; then an article is analysed again only if its text holds some spelling of a
name, old or new, of an actor whose names changed (`NameChange`): elsewhere no match can
start, end or be judged differently, since every rule reads only the text and the names
that match in it. Past `NameChange.LIMIT` changed actors, every article is analysed again.

The compiled mention pattern is kept too, with the `ActorNames` it belongs to, and replaced
only when the fingerprint changes: compiling it for thousands of aliases costs more than
analysing a few articles. So are the related briefings, while every input of their scoring
compares equal (`related.scoring_inputs`): scoring every pair of 500 briefings takes seconds,
and most edits (a BLUF, an article's wording) change none of those inputs.

Memory stays bounded by one corpus: `sweep()`, called at the end of each run, drops every
entry that run did not use (deleted articles, the old text of edited ones).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from ..forked import can_fork, forked_map
from ..model import Actor, Corpus
from ..names import spellings
from .article import ActorNames, ArticleAnalysis, analyse_article, text_hash
from .links import Involvement, article_involvement, co_mentions
from .related import Related, related_briefings, scoring_inputs

T = TypeVar("T")


class AnalysisCache:
    """Keep one instance across builds (e.g. on the MkDocs plugin); `computed` counts misses.

    With `parallel_from` set, a run that misses at least that many articles analyses half of
    them in a second process (`forked.forked_map`); the analyses are the same.
    """

    def __init__(self, parallel_from: int = 0) -> None:
        self.parallel_from = parallel_from
        self._names: ActorNames | None = None
        self._change: NameChange | None = None  # from the names before the current ones
        self._used: dict[tuple[str, str], ArticleAnalysis] = {}  # since the last sweep
        self._kept: dict[tuple[str, str], ArticleAnalysis] = {}  # used by the run before
        # By corpus-wide step: the inputs it last ran on, and what it gave.
        self._last: dict[str, tuple[Any, Any]] = {}
        # By the id of an analysis still held here: its involvement (the same tuple every run,
        # so the page memo compares it by identity).
        self._involvement: dict[int, tuple[ArticleAnalysis, tuple[Involvement, ...]]] = {}
        self.computed = 0  # articles analysed, not found here
        self.forked = 0  # of those, analysed two processes at a time
        self.compiled = 0  # sets of names adopted, each compiling its mention pattern once
        self.runs: Counter[str] = Counter()  # corpus-wide steps run, not found here

    def names(self, actors: Iterable[Actor]) -> ActorNames:
        """The actors' names: the ones already held (pattern compiled) when nothing changed."""
        names = ActorNames(actors)
        if self._names is None or self._names.fingerprint != names.fingerprint:
            self._change = NameChange(self._names, names) if self._names else None
            self._names = names
            self.compiled += 1
        return self._names

    def get_or_compute(self, text: str, names: ActorNames, title: str = "") -> ArticleAnalysis:
        key = (names.fingerprint, text_hash(text, title))
        found = self._found(key, text, title)
        if found is None:
            found = analyse_article(text, names, title)
            self.computed += 1
        self._used[key] = found
        return found

    def compute_missing(self, articles: Iterable[tuple[str, str]], names: ActorNames) -> None:
        """Analyse, at once, the (text, title) pairs not held: in two processes when they
        are many (a first build), so that `get_or_compute` then finds every one. Without a
        second process (under serve) nothing is done here: `get_or_compute` does it all."""
        if not self.parallel_from or not can_fork():
            return
        missing = {}
        for text, title in articles:
            key = (names.fingerprint, text_hash(text, title))
            if key not in missing and self._found(key, text, title) is None:
                missing[key] = (text, title)
        if len(missing) < self.parallel_from:
            return
        analyses = forked_map(lambda pair: analyse_article(pair[0], names, pair[1]),
                              list(missing.values()))
        self._used.update(zip(missing, analyses, strict=True))
        self.computed += len(analyses)
        self.forked += len(analyses)

    def _found(self, key: tuple[str, str], text: str, title: str) -> ArticleAnalysis | None:
        """The analysis held for this key, or for the same text under the names before an
        edit that cannot have changed it."""
        found = self._used.get(key) or self._kept.get(key)
        change = self._change
        if found is None and change is not None and change.after == key[0]:
            before = (change.before, key[1])
            found = self._used.get(before) or self._kept.get(before)
            if found is not None and change.touches(f"{title}\n{text}"):
                found = None
        return found

    def related(self, corpus: Corpus,
                involved: dict[str, frozenset[str]]) -> dict[str, tuple[Related, ...]]:
        """`related_briefings(corpus, involved)`, scored again only when its inputs changed."""
        return self._unless_unchanged("related", scoring_inputs(corpus, involved),
                                      lambda: related_briefings(corpus, involved))

    def involvement(self, analysis: ArticleAnalysis) -> tuple[Involvement, ...]:
        """`article_involvement(analysis)`, made once per analysis held."""
        kept = self._involvement.get(id(analysis))
        if kept is None or kept[0] is not analysis:
            kept = (analysis, article_involvement(analysis))
            self._involvement[id(analysis)] = kept
        return kept[1]

    def co_mentions(self, article_actors: dict) -> dict:
        """`co_mentions(article_actors)`, counted again only when who is mentioned where
        changed (the costliest corpus-wide step after an edit: 0.6 s at 5,000 articles)."""
        return self._unless_unchanged("co_mentions", article_actors,
                                      lambda: co_mentions(article_actors))

    def _unless_unchanged(self, step: str, inputs: Any, run: Callable[[], T]) -> T:
        """What `step` gave last time when its inputs compare equal, else `run()`."""
        last = self._last.get(step)
        if last is None or last[0] != inputs:
            last = self._last[step] = (inputs, run())
            self.runs[step] += 1
        return last[1]

    @property
    def related_scored(self) -> int:
        """Times the related briefings were scored, not found here."""
        return self.runs["related"]

    def sweep(self) -> None:
        """End a run: forget every entry it did not use."""
        self._kept, self._used = self._used, {}
        self._change = None  # entries under the old names are gone now
        held = {id(analysis) for analysis in self._kept.values()}
        self._involvement = {key: kept for key, kept in self._involvement.items() if key in held}

    def __len__(self) -> int:
        return len(self._used.keys() | self._kept.keys())

    def __repr__(self) -> str:
        return f"AnalysisCache({len(self)} articles, {self.computed} computed)"


class NameChange:
    """Which articles a change of names can affect: those whose text holds a spelling of any
    name (name, alias, weak alias, demonym, not_mentions phrase) that a changed actor had
    before or has now. Matched without regard to case, a superset of what the finder
    matches, so no affected article is missed."""

    LIMIT = 50  # changed actors; past this, scanning for their names saves little

    def __init__(self, before: ActorNames, after: ActorNames):
        self.before, self.after = before.fingerprint, after.fingerprint
        changed = [actor_id for actor_id in before.actors.keys() | after.actors.keys()
                   if before.actors.get(actor_id) != after.actors.get(actor_id)]
        forms = {spelling
                 for names in (before, after) for actor_id in changed
                 if (actor := names.actors.get(actor_id)) is not None
                 for name in (actor.name, *actor.aliases, *actor.weak_aliases,
                              *actor.demonyms, *actor.not_mentions)
                 for spelling in spellings(name)}
        self._pattern = (re.compile("|".join(sorted(map(re.escape, forms), key=len,
                                                     reverse=True)), re.IGNORECASE)
                         if len(changed) <= self.LIMIT and forms else None)

    def touches(self, text: str) -> bool:
        if self._pattern is None:
            return True
        # The finder reads a curly apostrophe as a straight one; so does this.
        return self._pattern.search(text.replace("’", "'")) is not None
