"""The timeline: every dated thing in the corpus, in order."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from ..model import Corpus


class EventKind(Enum):
    BRIEFING = "briefing"
    ARTICLE = "article"
    RELATIONSHIP = "relationship"
    ROLE_START = "role starts"
    ROLE_END = "role ends"


@dataclass(frozen=True, slots=True)
class Event:
    date: dt.date
    kind: EventKind
    subject: str  # the briefing, article or actor id the event belongs to
    title: str  # what happened, in words
    other: str | None = None  # a second actor id, for relationships and roles


def timeline(corpus: Corpus) -> tuple[Event, ...]:
    events = [Event(b.date, EventKind.BRIEFING, b.id, b.title) for b in corpus.briefings]
    events += [Event(a.published, EventKind.ARTICLE, a.id, a.title)
               for a in corpus.articles if a.published]
    seen = set()
    for briefing in corpus.briefings:
        for rel in briefing.relationships:
            key = (rel.start, rel.subject, rel.type, rel.object)
            if rel.start and key not in seen:
                seen.add(key)
                events.append(Event(rel.start, EventKind.RELATIONSHIP, rel.subject, rel.verb,
                                    rel.object))
    for actor in corpus.actors:
        for role in actor.roles:
            if role.start:
                events.append(Event(role.start, EventKind.ROLE_START, actor.id, role.title,
                                    role.organization))
            if role.end:
                events.append(Event(role.end, EventKind.ROLE_END, actor.id, role.title,
                                    role.organization))
    order = list(EventKind)
    return tuple(sorted(events, key=lambda e: (e.date, order.index(e.kind), e.subject, e.title)))
