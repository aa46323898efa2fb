"""The select stage: a publishing profile decides what may be shown; the rest is dropped here.

Later stages only ever see the selected corpus, so an excluded draft or a restricted TLP item
cannot leak into pages, search, feeds or graph data by way of a cross-reference: references
to dropped items are removed from what remains. An item still under embargo at the moment of
the build is, for a profile that holds embargoes, a draft (`Profile.allows`); the next build
after that moment publishes it.

Actors and taxonomy terms have no status of their own, but their names can be as sensitive
as the items that use them (an informant, an operation's name). So:
- an actor labelled above the profile's TLP ceiling is dropped;
- an actor that only dropped briefings name (in `actors:` or a relationship), and that no
  kept briefing names and no kept article's text contains, is dropped too;
- a topic or region that no kept briefing files is dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from typing import TypeVar

from .model import Actor, Article, Briefing, Corpus, Profile, under_embargo
from .names import spellings

T = TypeVar("T")

# What a build shows when no profile is chosen: the safest choice.
PUBLIC = Profile("public")


def select(corpus: Corpus, profile: Profile = PUBLIC, now: dt.datetime | None = None) -> Corpus:
    """What `profile` may show of `corpus` at the moment `now` (timezone-aware; by default
    the wall clock when called)."""
    if now is None:
        now = dt.datetime.now(dt.UTC)
    articles = tuple(a for a in corpus.articles if profile.allows(a, now))
    kept_articles = {article.id for article in articles}
    briefings = [b for b in corpus.briefings if profile.allows(b, now)]
    dropped = [b for b in corpus.briefings if not profile.allows(b, now)]
    kept_briefings = {briefing.id for briefing in briefings}
    actors = _visible_actors(corpus.actors, profile, briefings, dropped, articles)
    kept_actors = {actor.id for actor in actors}
    briefings = [_prune(b, kept_articles, kept_briefings, kept_actors) for b in briefings]
    topics = {t for b in briefings for t in b.topics}
    regions = {r for b in briefings for r in b.regions}
    return dataclasses.replace(
        corpus,
        articles=articles,
        briefings=tuple(briefings),
        actors=tuple(_prune_actor(actor, kept_actors) for actor in actors),
        topics=tuple(t for t in corpus.topics if t.id in topics),
        regions=tuple(r for r in corpus.regions if r.id in regions),
    )


def embargoed(corpus: Corpus, now: dt.datetime) -> list[Article | Briefing]:
    """The articles and briefings whose embargo has not ended at `now`, in file order."""
    held = [item for item in (*corpus.articles, *corpus.briefings) if under_embargo(item, now)]
    return sorted(held, key=lambda item: (item.embargo.source.path, item.embargo.source.line))


def _named_by(briefings: list[Briefing]) -> set[str]:
    named = {entry.id for b in briefings for entry in b.actors}
    named |= {actor for b in briefings for r in b.relationships for actor in (r.subject, r.object)}
    return named


def _visible_actors(actors, profile: Profile, kept: list[Briefing], dropped: list[Briefing],
                    articles) -> list[Actor]:
    labelled = [actor for actor in actors if actor.tlp.visible_under(profile.tlp_ceiling)]
    suspects = _named_by(dropped) - _named_by(kept)
    if not suspects:
        return labelled
    # Only the few suspects are looked for, so the kept text is scanned a handful of times.
    text = _lowered_text(tuple(articles))
    return [actor for actor in labelled
            if actor.id not in suspects or _appears(actor, text)]


@functools.lru_cache(maxsize=1)
def _lowered_text(articles: tuple[Article, ...]) -> str:
    # Kept for the next selection of the same articles (every rebuild under serve that did
    # not touch an article): lower-casing 20 MB took half a second of each rebuild at 5k.
    return "\n".join(article.text for article in articles).lower()


def _appears(actor: Actor, lowered_text: str) -> bool:
    names = (actor.name, *actor.aliases, *actor.weak_aliases, *actor.demonyms)
    return any(s.lower() in lowered_text for name in names for s in spellings(name))


def _prune_actor(actor: Actor, actors: set[str]) -> Actor:
    return _same_if_equal(actor, dataclasses.replace(
        actor,
        country=actor.country if actor.country in actors else None,
        affiliations=tuple(a for a in actor.affiliations if a in actors),
        roles=tuple(
            role if role.organization is None or role.organization in actors
            else dataclasses.replace(role, organization=None)
            for role in actor.roles
        ),
    ))


def _prune(briefing: Briefing, articles: set[str], briefings: set[str],
           actors: set[str]) -> Briefing:
    return _same_if_equal(briefing, dataclasses.replace(
        briefing,
        articles=tuple(a for a in briefing.articles if a in articles),
        key_judgments=tuple(
            dataclasses.replace(kj, articles=tuple(a for a in kj.articles if a in articles))
            for kj in briefing.key_judgments
        ),
        actors=tuple(entry for entry in briefing.actors if entry.id in actors),
        relationships=tuple(
            dataclasses.replace(rel, evidence=tuple(a for a in rel.evidence if a in articles))
            for rel in briefing.relationships
            if rel.subject in actors and rel.object in actors
        ),
        related=tuple(r for r in briefing.related if r in briefings),
    ))


def _same_if_equal(record: T, pruned: T) -> T:
    # Nothing pruned: hand on the loaded record itself, so that later stages' caches, which
    # compare their inputs with ==, find it unchanged by identity instead of field by field.
    return record if pruned == record else pruned
