"""The per-article unit of analysis: what one article's text says, given the actors' names.

`analyse_article(text, names, title)` is the one function that finds an article's mentions,
quotations and key figures; the analyse stage (through `AnalysisCache`) and `briefings
explain` both call it. Its result depends on nothing but the text, the title and `names`, so
it can be cached under (the names' fingerprint, a hash of the title and the text).

`ActorNames` holds what of the actors that result depends on (ids, kinds, names, aliases, weak
aliases, demonyms, not_mentions) and nothing else, so an edit to an actor's summary or roles
keeps its fingerprint, and with it every cached article and the compiled mention pattern.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from ..model import Actor
from .figures import Figure, find_figures
from .mentions import Mention, MentionFinder, Rejection
from .quotes import Quote, find_quotes


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything found in one article's text."""

    mentions: tuple[Mention, ...]  # in the text, in text order
    quotes: tuple[Quote, ...]  # quotations with their speakers; scare quotes left out
    figures: tuple[Figure, ...]
    # (actor id, mentions in the title and the text), most mentioned first
    mention_counts: tuple[tuple[str, int], ...]
    # In the headline: offsets index the title, so they never reach the body's links.
    title_mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Decisions:
    """What `briefings explain` shows besides the analysis: what was found and not counted."""

    rejected: tuple[Rejection, ...]
    scare_quotes: tuple[Quote, ...]


class ActorNames:
    """The actors as far as finding mentions and speakers goes; built once per corpus.

    The mention pattern is compiled on first use: an `AnalysisCache` that already holds names
    with the same fingerprint keeps those, so the pattern is compiled once per set of names.
    """

    def __init__(self, actors: Iterable[Actor]):
        # Stripped to the fields in the fingerprint: nothing else can reach a cached result.
        surface = sorted((_surface(actor) for actor in actors), key=lambda actor: actor.id)
        self.actors: dict[str, Actor] = {actor.id: actor for actor in surface}
        self.fingerprint = _fingerprint(surface)

    @cached_property
    def finder(self) -> MentionFinder:
        return MentionFinder(self.actors.values())

    def __repr__(self) -> str:
        return f"ActorNames({len(self.actors)} actors, {self.fingerprint[:12]})"


def analyse_article(text: str, names: ActorNames, title: str = "") -> ArticleAnalysis:
    """The mentions, quotations and figures in `text`, and the mentions in `title`."""
    return examine_article(text, names, title)[0]


def examine_article(text: str, names: ActorNames,
                    title: str = "") -> tuple[ArticleAnalysis, Decisions]:
    """`analyse_article`, with the matches and quotations it did not count and why."""
    found, rejected = names.finder.explain(text, title)
    mentions = [mention for mention in found if mention.field == "text"]
    quotes = find_quotes(text, mentions, names.actors)
    counts = Counter(mention.actor for mention in found)
    analysis = ArticleAnalysis(
        mentions=tuple(mentions),
        title_mentions=tuple(mention for mention in found if mention.field == "title"),
        quotes=tuple(quote for quote in quotes if not quote.scare),
        figures=tuple(find_figures(text)),
        mention_counts=tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))),
    )
    return analysis, Decisions(tuple(rejected), tuple(quote for quote in quotes if quote.scare))


def text_hash(text: str, title: str = "") -> str:
    """The cache's key for an article's inputs besides the names: its text and its title."""
    data = f"{title}\0{text}" if title else text
    return hashlib.blake2b(data.encode("utf-8"), digest_size=16).hexdigest()


def _surface(actor: Actor) -> Actor:
    return Actor(actor.id, actor.name, actor.kind, aliases=actor.aliases,
                 weak_aliases=actor.weak_aliases, demonyms=actor.demonyms,
                 not_mentions=actor.not_mentions)


def _fingerprint(actors: list[Actor]) -> str:
    """A stable hash (the same in every process) of every field the analysis reads."""
    data = [[a.id, a.kind.value, a.name, a.aliases, a.weak_aliases, a.demonyms, a.not_mentions]
            for a in actors]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode("utf-8")).hexdigest()
