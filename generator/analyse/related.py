"""Related briefings, with the reason shown to the reader. The scoring lives here, only here.

For a briefing B and another briefing O:

    score = Σ over actors involved in both:  ln(N / n(actor))      (rarity: N briefings in all,
                                                                    n(actor) of them involve it)
          + 1.0 × number of shared topics
          + 0.5 × number of shared regions
          + 0.5 / (1 + |days between B and O| / 30)                 (closeness in time)

An actor involved in every briefing scores ln(1) = 0: it says nothing about relatedness, so
it is not counted (or named) as shared at all. O is a candidate only when it shares at least
one actor, topic or region; closeness in time alone relates nothing. Briefings pinned in B's
`related:` come first, in the curator's order; then the `LIMIT` best candidates by score
(ties: the newer briefing, then its id).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..model import Briefing, Corpus

LIMIT = 5
TOPIC_WEIGHT = 1.0
REGION_WEIGHT = 0.5
TIME_WEIGHT = 0.5
TIME_SCALE_DAYS = 30


@dataclass(frozen=True, slots=True)
class Related:
    briefing: str  # the related briefing's id
    score: float  # 0 for a pinned briefing that shares nothing
    pinned: bool
    shared_actors: tuple[str, ...]  # rarest first
    shared_topics: tuple[str, ...]
    shared_regions: tuple[str, ...]
    days_apart: int


def scoring_inputs(corpus: Corpus, involved: dict[str, frozenset[str]]) -> tuple:
    """Everything `related_briefings` reads, as one value that compares equal when its result
    would: an `AnalysisCache` keeps the result while these hold (a BLUF edit changes none).
    Reading another field in the scoring means adding it here."""
    briefings = tuple((b.id, b.date, b.topics, b.regions, b.related) for b in corpus.briefings)
    return briefings, involved


def related_briefings(
    corpus: Corpus, involved: dict[str, frozenset[str]]
) -> dict[str, tuple[Related, ...]]:
    """For every briefing, its related briefings in display order.

    `involved` maps a briefing id to the ids of the actors involved in it.
    """
    total = len(corpus.briefings)
    counts = Counter(actor for actors in involved.values() for actor in actors)
    rarity = {actor: math.log(total / n) for actor, n in counts.items()}
    dates = {b.id: b.date for b in corpus.briefings}
    by_id = {b.id: b for b in corpus.briefings}
    # Only briefings that share something can be related: look those up, not every pair.
    sharing: dict[tuple[str, str], set[str]] = defaultdict(set)
    for briefing in corpus.briefings:
        keys = [("actor", a) for a in involved[briefing.id] if rarity[a] > 0]
        keys += [("topic", t) for t in briefing.topics] + [("region", r) for r in briefing.regions]
        for key in keys:
            sharing[key].add(briefing.id)
    result = {}
    for briefing in corpus.briefings:
        keys = [("actor", a) for a in involved[briefing.id]]
        keys += [("topic", t) for t in briefing.topics] + [("region", r) for r in briefing.regions]
        others = set().union(*(sharing.get(key, set()) for key in keys)) - {briefing.id}
        pinned = [_pin(_compare(briefing, by_id[other], involved, rarity))
                  for other in briefing.related if other in by_id and other != briefing.id]
        candidates = [_compare(briefing, by_id[other], involved, rarity)
                      for other in sorted(others) if other not in briefing.related]
        candidates.sort(key=lambda r: (-r.score, -dates[r.briefing].toordinal(), r.briefing))
        result[briefing.id] = tuple(pinned + candidates[:LIMIT])
    return result


def _compare(briefing: Briefing, other: Briefing, involved: dict[str, frozenset[str]],
             rarity: dict[str, float]) -> Related:
    actors = sorted((a for a in involved[briefing.id] & involved[other.id] if rarity[a] > 0),
                    key=lambda actor: (-rarity[actor], actor))
    topics = tuple(t for t in briefing.topics if t in other.topics)
    regions = tuple(r for r in briefing.regions if r in other.regions)
    days = abs((briefing.date - other.date).days)
    score = (
        sum(rarity[actor] for actor in actors)
        + TOPIC_WEIGHT * len(topics)
        + REGION_WEIGHT * len(regions)
        + TIME_WEIGHT / (1 + days / TIME_SCALE_DAYS)
    )
    return Related(other.id, round(score, 6), False, tuple(actors), topics, regions, days)


def _pin(item: Related) -> Related:
    return Related(item.briefing, item.score, True, item.shared_actors, item.shared_topics,
                   item.shared_regions, item.days_apart)
