"""Field declarations: each field of each kind of file is declared once, here.

The validator checks YAML against these declarations; the documentation and the editor
schemas are meant to be derived from the same objects so that they never disagree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any
from urllib.parse import urlsplit

from .. import model
from ..errors import excerpt


class Ref(Enum):
    """The kinds of id a field may refer to; checked once everything is loaded."""

    ACTOR = "actor"
    ARTICLE = "article"
    BRIEFING = "briefing"
    TOPIC = "topic"
    REGION = "region"


@dataclass(frozen=True)
class Type:
    """A value's shape. Exactly one of the attributes below says which shape."""

    # "str", "int", "bool", "date", "id"; or "datetime", whose value comes with its place,
    # (moment, Source), so that what it says (an embargo) can be reported where it was written.
    scalar: str = ""
    choices: tuple[str, ...] = ()
    ref: Ref | None = None
    items: Type | None = None
    record: Record | None = None
    values: Record | None = None  # a mapping from free ids to records (the taxonomy)
    minimum: int | None = None
    maximum: int | None = None
    # The file's own id, optional since the file name gives it; it must agree with the name.
    own_id: bool = False
    # A surface form that names an actor: collected with its place, so that two actors
    # claiming the same name can be reported (see load/__init__.py).
    names_actor: bool = False
    # The longest text accepted: pages print every value, some on many pages (a title is on
    # the home page, the timeline, the feed…), and the engine's time grows with it.
    max_chars: int = 10_000
    # A rule on the text beyond its type: returns (what is wrong, hint), or None.
    check: Callable[[str], tuple[str, str] | None] | None = field(default=None, compare=False)
    # For an id: what is wrong when it is the file's own id (an actor affiliated with itself).
    not_self: str = ""

    @property
    def description(self) -> str:
        if self.items is not None:
            return "a list"
        if self.record is not None or self.values is not None:
            return "a mapping"
        if self.choices:
            return "one of " + ", ".join(repr(choice) for choice in self.choices)
        return {"str": "a string", "int": "a whole number", "date": "a date (YYYY-MM-DD)",
                "bool": "true or false", "id": "an id",
                "datetime": "a date-time with a time zone"}[self.scalar]


@dataclass(frozen=True)
class Field:
    name: str
    type: Type
    required: bool = False
    doc: str = ""


@dataclass(frozen=True)
class Record:
    name: str
    fields: tuple[Field, ...] = field(default=())
    # A rule across the fields whose values are valid: returns (the field to point at,
    # what is wrong, hint), or None.
    check: Callable[[dict[str, Any]], tuple[str, str, str] | None] | None = field(
        default=None, compare=False)

    def get(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


# Words that are in almost every sentence: as a name they would link each "the" or "of".
STOP_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "he", "her", "his",
    "i", "if", "in", "is", "it", "its", "no", "not", "of", "on", "or", "our", "she", "so",
    "that", "the", "their", "they", "this", "to", "us", "was", "we", "who", "with", "you"))


def visible(text: str) -> str:
    """`text` without format characters (zero-width spaces and joiners, direction marks)."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def _matchable(text: str, exact_case: bool) -> tuple[str, str] | None:
    word = visible(text).strip()
    if len(word) == 1:
        return (f"{excerpt(text)} is a single character, which would match everywhere",
                "write the full name")
    # A weak alias in capitals is matched in capitals only: "US" is not "us", "WHO" not "who".
    if word.lower() in STOP_WORDS and not (exact_case and word.isupper()):
        return (f"{excerpt(text)} is a common word, which would match everywhere",
                "write the full name")
    return None


def matchable_name(text: str) -> tuple[str, str] | None:
    """A name matched in any case must not be a letter or a common word."""
    return _matchable(text, exact_case=False)


def matchable_weak_name(text: str) -> tuple[str, str] | None:
    """A name matched in exact case must not be a letter or a common word as written."""
    return _matchable(text, exact_case=True)


def web_address(text: str) -> tuple[str, str] | None:
    """Only http(s) addresses are links a reader can follow; anything else is refused."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return (f"{excerpt(text)} is not a web address",
                "write the full address, starting with https://")
    return None


STR = Type(scalar="str")
LINE = Type(scalar="str", max_chars=300)  # a title or a name: one line on many pages
NAME = Type(scalar="str", names_actor=True, check=matchable_name, max_chars=300)
WEB = Type(scalar="str", check=web_address)
OWN_ID = Field("id", Type(scalar="id", own_id=True),
               doc="Optional: the file name without its extension, which is the id anyway.")
DATE = Type(scalar="date")
EMBARGO = Field("embargo", Type(scalar="datetime"),
                doc="Until this moment, profiles that hold embargoes treat the item as a "
                    "draft. With its time zone: 2026-12-03T09:00:00Z or 2026-12-03T10:00+01:00.")


def choice(enum: type[Enum]) -> Type:
    return Type(scalar="str", choices=tuple(member.value for member in enum))


def ref(kind: Ref) -> Type:
    return Type(scalar="id", ref=kind)


def list_of(item: Type) -> Type:
    return Type(items=item)


def _role_in_order(values: dict[str, Any]) -> tuple[str, str, str] | None:
    start, end = values.get("from"), values.get("to")
    if start and end and end < start:
        return "to", f"the role ends ({end}) before it starts ({start})", "swap from and to"
    return None


ROLE = Record("role", (
    Field("title", LINE, required=True, doc="Title held, e.g. Deputy Secretary of Defense."),
    Field("organization", ref(Ref.ACTOR), doc="The actor id of the organization."),
    Field("from", DATE, doc="First day in the role."),
    Field("to", DATE, doc="Last day in the role; empty while it lasts."),
), check=_role_in_order)

ACTOR = Record("actor", (
    OWN_ID,
    Field("name", NAME, required=True, doc="The name shown on pages."),
    Field("kind", choice(model.ActorKind), required=True, doc="What sort of actor it is."),
    Field("aliases", list_of(NAME), doc="Other names, matched case-insensitively."),
    Field("weak_aliases", list_of(Type(scalar="str", check=matchable_weak_name, max_chars=300)),
          doc="Names matched only with exact case after a strong mention (a bare surname)."),
    Field("demonyms", list_of(NAME), doc="Adjectives that count as a mention: Iraqi for Iraq."),
    Field("not_mentions", list_of(STR),
          doc="Phrases that contain one of its names but do not mean it: Latin America."),
    Field("country", Type(scalar="id", ref=Ref.ACTOR,
                          not_self="an actor cannot be its own country"),
          doc="The actor id of its state."),
    Field("roles", list_of(Type(record=ROLE)), doc="Dated roles."),
    Field("affiliations", list_of(Type(scalar="id", ref=Ref.ACTOR,
                                       not_self="an actor cannot be affiliated with itself")),
          doc="Actor ids it belongs to."),
    Field("summary", STR, required=True, doc="One neutral sentence."),
    Field("wikidata", STR, doc="Wikidata id, e.g. Q159."),
    Field("website", WEB, doc="Official website: an http(s) address."),
    Field("tlp", choice(model.Tlp),
          doc="Label an actor whose very name is restricted; CLEAR when empty."),
))

ARTICLE = Record("article", (
    OWN_ID,
    Field("title", LINE, required=True, doc="The article's headline."),
    Field("publisher", LINE, doc="Who published it; empty when unknown."),
    Field("url", WEB, doc="Where it was published: an http(s) address."),
    Field("published", DATE, doc="Publication date; empty when unknown."),
    Field("author", LINE, doc="Byline."),
    Field("language", STR, doc="Language code, e.g. en."),
    Field("reliability", Type(scalar="str", choices=tuple(model.RELIABILITY)),
          doc="Admiralty source reliability, A to F."),
    Field("credibility", Type(scalar="int", minimum=1, maximum=6),
          doc="Admiralty information credibility, 1 to 6."),
    Field("tlp", choice(model.Tlp), doc="Traffic Light Protocol label; CLEAR when empty."),
    Field("status", choice(model.Status), doc="draft or published; published when empty."),
    EMBARGO,
))

_LIKELIHOOD_TERM = re.compile(
    r"\b(" + "|".join(sorted((t.value for t in model.Likelihood), key=len, reverse=True))
    + r"|probably|probable|unlikely)\b", re.IGNORECASE)
_CONFIDENCE_TERM = re.compile(r"\b(high|moderate|low)\s+confidence\b", re.IGNORECASE)


def one_measure_per_sentence(text: str) -> tuple[str, str] | None:
    """ICD 203: likelihood and confidence are separate statements, never one sentence."""
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        likelihood = _LIKELIHOOD_TERM.search(sentence)
        confidence = _CONFIDENCE_TERM.search(sentence)
        if likelihood and confidence:
            return (f"key judgment mixes a likelihood term ({likelihood.group()!r}) and a "
                    f"confidence level ({confidence.group()!r}) in one sentence",
                    "ICD 203: give them in the likelihood and confidence fields")
    return None


KEY_JUDGMENT = Record("key judgment", (
    Field("text", Type(scalar="str", check=one_measure_per_sentence), required=True,
          doc="The judgment, without its likelihood term or confidence level."),
    Field("likelihood", choice(model.Likelihood), doc="ICD 203 expression of likelihood."),
    Field("confidence", choice(model.Confidence), doc="Analytic confidence."),
    Field("articles", list_of(ref(Ref.ARTICLE)), doc="The articles behind it."),
))

BRIEFING_ACTOR = Record("briefing actor", (
    Field("id", ref(Ref.ACTOR), required=True, doc="The actor."),
    Field("role", STR, doc="Its role in this briefing."),
    Field("stance", STR, doc="Its stance in this briefing."),
    Field("exclude", Type(scalar="bool"), doc="Drop a wrongly detected actor."),
))

def _two_actors(values: dict[str, Any]) -> tuple[str, str, str] | None:
    if values.get("subject") is not None and values.get("subject") == values.get("object"):
        return ("object", f"a relationship from {values['object']!r} to itself",
                "name another actor as object")
    return None


RELATIONSHIP = Record("relationship", (
    Field("subject", ref(Ref.ACTOR), required=True, doc="Who."),
    Field("type", Type(scalar="str", choices=tuple(model.RELATIONSHIP_TYPES)), required=True,
          doc="How they are related."),
    Field("object", ref(Ref.ACTOR), required=True, doc="To whom."),
    Field("evidence", list_of(ref(Ref.ARTICLE)), doc="Articles that show it."),
    Field("note", STR, doc="A short note."),
    Field("from", DATE, doc="Since when."),
), check=_two_actors)

BRIEFING = Record("briefing", (
    OWN_ID,
    Field("title", LINE, required=True, doc="The briefing's title."),
    Field("date", DATE, required=True, doc="The briefing's own date."),
    Field("status", choice(model.Status), doc="draft or published; draft when empty."),
    EMBARGO,
    Field("tlp", choice(model.Tlp), doc="Traffic Light Protocol label; CLEAR when empty."),
    Field("bluf", STR, required=True, doc="Bottom line up front."),
    Field("key_judgments", list_of(Type(record=KEY_JUDGMENT)), doc="Key judgments."),
    Field("articles", list_of(ref(Ref.ARTICLE)), doc="Source articles."),
    Field("actors", list_of(Type(record=BRIEFING_ACTOR)),
          doc="Actors added to or described beyond what was detected."),
    Field("topics", list_of(ref(Ref.TOPIC)), doc="Topic ids."),
    Field("regions", list_of(ref(Ref.REGION)), doc="Region ids."),
    Field("relationships", list_of(Type(record=RELATIONSHIP)), doc="Actor relationships."),
    Field("related", list_of(Type(scalar="id", ref=Ref.BRIEFING,
                                  not_self="a briefing cannot be related to itself")),
          doc="Briefings pinned as related."),
))

TERM = Record("term", (
    Field("name", LINE, required=True, doc="Name shown on pages."),
    Field("description", STR, doc="What it covers."),
))

TAXONOMY = Record("taxonomy", (
    Field("topics", Type(values=TERM), doc="Topic id to its name and description."),
    Field("regions", Type(values=TERM), doc="Region id to its name and description."),
))

EMBARGO_RULES = ("hold", "show")  # what a profile does with an item still under embargo

PROFILE = Record("profile", (
    Field("description", STR, doc="Who the build is for."),
    Field("tlp", choice(model.Tlp), required=True,
          doc="The most restricted TLP label this build may show."),
    Field("drafts", Type(scalar="bool"), doc="Whether draft items are shown; false when empty."),
    Field("embargo", Type(scalar="str", choices=EMBARGO_RULES),
          doc="hold: an item under embargo is a draft until its moment; show: it is shown. "
              "hold when empty."),
))

PROFILES = Type(values=PROFILE)  # the profiles file: profile name to its settings
