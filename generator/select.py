"""The select stage: a publishing profile decides what may be shown; the rest is dropped here.

Later stages only ever see the selected corpus, so an excluded draft or a restricted TLP item
cannot leak into pages, search, feeds or graph data by way of a cross-reference: references
to dropped items are removed from what remains.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .model import Article, Briefing, Corpus, Status, Tlp


@dataclass(frozen=True)
class Profile:
    name: str
    tlp_ceiling: Tlp = Tlp.CLEAR
    include_drafts: bool = False

    def allows(self, item: Article | Briefing) -> bool:
        if item.status is Status.DRAFT and not self.include_drafts:
            return False
        return item.tlp.visible_under(self.tlp_ceiling)


PUBLIC = Profile("public")


def select(corpus: Corpus, profile: Profile = PUBLIC) -> Corpus:
    articles = tuple(article for article in corpus.articles if profile.allows(article))
    kept_articles = {article.id for article in articles}
    briefings = tuple(b for b in corpus.briefings if profile.allows(b))
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
