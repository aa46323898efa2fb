"""The select stage: a publishing profile decides what may be shown; the rest is dropped here.

Later stages only ever see the selected corpus, so an excluded draft or a restricted TLP item
cannot leak into pages, search, feeds or graph data by way of a cross-reference: references
to dropped items are removed from what remains.
"""

from __future__ import annotations

import dataclasses

from .model import Briefing, Corpus, Profile

# What a build shows when no profile is chosen: the safest choice.
PUBLIC = Profile("public")


def select(corpus: Corpus, profile: Profile = PUBLIC) -> Corpus:
    articles = tuple(a for a in corpus.articles if profile.allows(a.status, a.tlp))
    kept_articles = {article.id for article in articles}
    briefings = tuple(b for b in corpus.briefings if profile.allows(b.status, b.tlp))
    kept_briefings = {briefing.id for briefing in briefings}
    return dataclasses.replace(
        corpus,
        articles=articles,
        briefings=tuple(_prune(b, kept_articles, kept_briefings) for b in briefings),
    )


def _prune(briefing: Briefing, articles: set[str], briefings: set[str]) -> Briefing:
    return dataclasses.replace(
        briefing,
        articles=tuple(a for a in briefing.articles if a in articles),
        key_judgments=tuple(
            dataclasses.replace(kj, articles=tuple(a for a in kj.articles if a in articles))
            for kj in briefing.key_judgments
        ),
        relationships=tuple(
            dataclasses.replace(rel, evidence=tuple(a for a in rel.evidence if a in articles))
            for rel in briefing.relationships
        ),
        related=tuple(r for r in briefing.related if r in briefings),
    )
