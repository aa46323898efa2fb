"""The content model: plain, frozen records loaded from `content/`, and their vocabularies.

Nothing here reads files or computes anything derived; `load` builds these objects, and
later stages keep what they derive (mentions, backlinks) in objects of their own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from .errors import ContentWarning


class Tlp(Enum):
    """Traffic Light Protocol 2.0 labels, least to most restricted."""

    CLEAR = "CLEAR"
    GREEN = "GREEN"
    AMBER = "AMBER"
    AMBER_STRICT = "AMBER+STRICT"
    RED = "RED"

    @property
    def rank(self) -> int:
        return list(Tlp).index(self)

    def visible_under(self, ceiling: Tlp) -> bool:
        """True when an item with this label may be shown by a profile allowing `ceiling`."""
        return self.rank <= ceiling.rank

    @property
    def css_class(self) -> str:
        return "tlp-" + self.value.lower().replace("+", "-")


class Status(Enum):
    DRAFT = "draft"
    PUBLISHED = "published"


class Likelihood(Enum):
    """The seven ICD 203 expressions of likelihood, with their probability ranges."""

    ALMOST_NO_CHANCE = "almost no chance"
    VERY_UNLIKELY = "very unlikely"
    UNLIKELY = "unlikely"
    ROUGHLY_EVEN_CHANCE = "roughly even chance"
    LIKELY = "likely"
    VERY_LIKELY = "very likely"
    ALMOST_CERTAIN = "almost certain"

    @property
    def percent_range(self) -> str:
        return _LIKELIHOOD_RANGES[self]


_LIKELIHOOD_RANGES = {
    Likelihood.ALMOST_NO_CHANCE: "01–05%",
    Likelihood.VERY_UNLIKELY: "05–20%",
    Likelihood.UNLIKELY: "20–45%",
    Likelihood.ROUGHLY_EVEN_CHANCE: "45–55%",
    Likelihood.LIKELY: "55–80%",
    Likelihood.VERY_LIKELY: "80–95%",
    Likelihood.ALMOST_CERTAIN: "95–99%",
}


class Confidence(Enum):
    HIGH = "high"
    MODERATE = "moderate"
    LOW = "low"


class ActorKind(Enum):
    STATE = "state"
    GOVERNMENT_BODY = "government-body"
    INTERNATIONAL_ORGANIZATION = "international-organization"
    ORGANIZATION = "organization"
    ARMED_GROUP = "armed-group"
    PERSON = "person"

    @property
    def noun(self) -> str:
        """One of its kind: "Government body"."""
        return _KIND_NOUNS[self][0]

    @property
    def label(self) -> str:
        """A heading for a group of its kind: "Government bodies"."""
        return _KIND_NOUNS[self][1]


_KIND_NOUNS = {
    ActorKind.STATE: ("State", "States"),
    ActorKind.GOVERNMENT_BODY: ("Government body", "Government bodies"),
    ActorKind.INTERNATIONAL_ORGANIZATION: ("International organization",
                                           "International organizations"),
    ActorKind.ORGANIZATION: ("Organization", "Organizations"),
    ActorKind.ARMED_GROUP: ("Armed group", "Armed groups"),
    ActorKind.PERSON: ("Person", "People"),
}

# Admiralty (NATO) source grading: reliability of the source, credibility of the information.
RELIABILITY = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
CREDIBILITY = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}

RELATIONSHIP_TYPES = {
    "shares-intelligence-with": "shares intelligence with",
    "allied-with": "is allied with",
    "cooperates-with": "cooperates with",
    "supports": "supports",
    "funds": "funds",
    "supplies": "supplies",
    "trains": "trains",
    "opposes": "opposes",
    "fights": "fights",
    "negotiates-with": "negotiates with",
    "distrusts": "distrusts",
    "member-of": "is a member of",
    "part-of": "is part of",
    "leads": "leads",
    "oversees": "oversees",
}


@dataclass(frozen=True)
class Profile:
    """A publishing profile: the most restricted label, whether drafts may be shown, and
    whether items still under embargo are held back (as drafts are) or shown."""

    name: str
    tlp_ceiling: Tlp = Tlp.CLEAR
    include_drafts: bool = False
    description: str = ""
    hold_embargoed: bool = True

    def allows(self, item: Article | Briefing, now: dt.datetime) -> bool:
        """May this build, made at `now` (timezone-aware), show the item?"""
        # An embargo is a draft with an end date: one path for both keeps them leak-proof alike.
        draft = item.status is Status.DRAFT or (under_embargo(item, now) and self.hold_embargoed)
        if draft and not self.include_drafts:
            return False
        return item.tlp.visible_under(self.tlp_ceiling)


@dataclass(frozen=True, slots=True)
class Source:
    """Where a loaded record came from, for messages and for stable ordering."""

    path: str
    line: int = 1
    col: int = 1


@dataclass(frozen=True)
class Embargo:
    """The moment before which an item must not be published, and where it was written."""

    until: dt.datetime  # timezone-aware
    source: Source = field(default=Source(""), compare=False)

    def holds(self, now: dt.datetime) -> bool:
        return now < self.until


@dataclass(frozen=True, slots=True)
class Role:
    title: str
    organization: str | None = None  # an actor id
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    weak_aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    not_mentions: tuple[str, ...] = ()
    country: str | None = None  # an actor id
    roles: tuple[Role, ...] = ()
    affiliations: tuple[str, ...] = ()  # actor ids
    summary: str = ""
    wikidata: str | None = None
    website: str | None = None
    tlp: Tlp = Tlp.CLEAR  # an actor whose very name is restricted
    source: Source = field(default=Source(""), compare=False)


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str
    publisher: str | None = None
    url: str | None = None
    published: dt.date | None = None
    author: str | None = None
    language: str = "en"
    reliability: str | None = None
    credibility: int | None = None
    tlp: Tlp = Tlp.CLEAR
    status: Status = Status.PUBLISHED
    embargo: Embargo | None = None
    source: Source = field(default=Source(""), compare=False)


@dataclass(frozen=True)
class KeyJudgment:
    text: str
    likelihood: Likelihood | None = None
    confidence: Confidence | None = None
    articles: tuple[str, ...] = ()


@dataclass(frozen=True)
class BriefingActor:
    """An actor as the curator placed it in one briefing: added, described, or excluded."""

    id: str
    role: str = ""
    stance: str = ""
    exclude: bool = False


@dataclass(frozen=True)
class Relationship:
    subject: str  # actor id
    type: str  # a key of RELATIONSHIP_TYPES
    object: str  # actor id
    evidence: tuple[str, ...] = ()  # article ids
    note: str = ""
    start: dt.date | None = None

    @property
    def verb(self) -> str:
        return RELATIONSHIP_TYPES[self.type]


@dataclass(frozen=True)
class Briefing:
    id: str
    title: str
    date: dt.date
    bluf: str
    status: Status = Status.DRAFT
    tlp: Tlp = Tlp.CLEAR
    key_judgments: tuple[KeyJudgment, ...] = ()
    articles: tuple[str, ...] = ()
    actors: tuple[BriefingActor, ...] = ()
    topics: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    relationships: tuple[Relationship, ...] = ()
    related: tuple[str, ...] = ()
    embargo: Embargo | None = None
    source: Source = field(default=Source(""), compare=False)


def under_embargo(item: Article | Briefing, now: dt.datetime) -> bool:
    """Is the item's embargo, if it has one, still running at `now`?"""
    return item.embargo is not None and item.embargo.holds(now)


def briefing_order(briefing: Briefing) -> tuple:
    """Sort key for briefings everywhere: newest first, then by id."""
    return (-briefing.date.toordinal(), briefing.id)


def article_order(article: Article) -> tuple:
    """Sort key for articles everywhere: newest first, undated last, then by id."""
    undated = article.published is None
    return (undated, -(article.published.toordinal() if article.published else 0), article.id)


@dataclass(frozen=True, slots=True)
class Term:
    """A topic or a region of the taxonomy."""

    id: str
    name: str
    description: str = ""


@dataclass(frozen=True)
class Corpus:
    """Everything loaded from `content/`, cross-references already checked."""

    articles: tuple[Article, ...] = ()
    actors: tuple[Actor, ...] = ()
    briefings: tuple[Briefing, ...] = ()
    topics: tuple[Term, ...] = ()
    regions: tuple[Term, ...] = ()
    # Doubts found while loading (see errors.ContentWarning), for `check` and the build log.
    warnings: tuple[ContentWarning, ...] = ()

    def actor(self, actor_id: str) -> Actor:
        return self._by_id["actor"][actor_id]

    def article(self, article_id: str) -> Article:
        return self._by_id["article"][article_id]

    def briefing(self, briefing_id: str) -> Briefing:
        return self._by_id["briefing"][briefing_id]

    def topic(self, topic_id: str) -> Term:
        return self._by_id["topic"][topic_id]

    def region(self, region_id: str) -> Term:
        return self._by_id["region"][region_id]

    @cached_property
    def _by_id(self) -> dict[str, dict[str, object]]:
        # cached_property writes to the instance __dict__, which a frozen dataclass allows.
        groups = {
            "actor": self.actors,
            "article": self.articles,
            "briefing": self.briefings,
            "topic": self.topics,
            "region": self.regions,
        }
        return {kind: {item.id: item for item in items} for kind, items in groups.items()}
