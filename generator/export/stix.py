"""The STIX 2.1 export: a selected corpus and its analysis as one bundle (`stix.json`).

It sees only what the select stage kept for a profile, so nothing a profile drops can reach
the bundle. The mapping (README, "STIX 2.1 export"):

- an actor is an `identity` (a person `individual`; a state, government body or
  organisation `organization`) or, an armed group, a `threat-actor`;
- a briefing is a `report` (published on its date, the BLUF as description) that refers to
  every actor it involves, its relationships and its key judgments; its articles are its
  `external_references`, with their Admiralty grades;
- a key judgment is a `note` about its report: a note is the producer's own analysis of the
  objects it refers to, while an `opinion` only grades agreement with someone else's object
  (agree … strongly-disagree), which a judgment is not;
- a curated relationship is a `relationship` object of the briefing that states it;
- every object carries the TLP 2.0 marking of its item (the OASIS marking-definition objects,
  which are put in the bundle), and a cited article more restricted than the object that
  cites it marks its own reference (a granular marking).

Ids are UUIDv5 from a fixed namespace and the item's id, and timestamps come from the content
(a briefing's date), never from the clock, so the same content gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple, TypeVar
from urllib.parse import urlsplit

import stix2
from stix2.confidence.scales import dni_to_value

from ..analyse import Analysis
from ..model import (
    Actor,
    ActorKind,
    Article,
    Briefing,
    Corpus,
    KeyJudgment,
    Likelihood,
    Relationship,
    Tlp,
)

FILE = "stix.json"  # its path in the built site

# Never change: every id in every bundle ever published is made from it.
NAMESPACE = uuid.UUID("b469d394-3693-4be6-b169-bdba52753990")

# What this export adds to STIX, declared by an extension-definition in the bundle (STIX 2.1
# §7.3, the 2.1 way; a bare custom property is what the validator warns about): its kind of
# "toplevel-property-extension" lets these properties sit on the objects themselves, and its
# schema is plain text, as the spec allows, so it needs no hosted document. The Admiralty
# grades ride on external references, which are not objects and cannot name an extension;
# the same definition describes them.
CUSTOM = "x_briefings_"
EXTENSION_PROPERTIES = {
    "kind": "identity, threat-actor: the actor's kind in the content (state, person, …)",
    "aliases": "identity: the actor's aliases (STIX gives an identity none)",
    "likelihood": "note: the ICD 203 expression of likelihood of the key judgment",
    "analytic_confidence": "note: the analysts' confidence in the judgment: high, moderate, low",
    "verb": "relationship: the content's verb, where relationship_type says it in STIX terms",
}
GRADE_PROPERTIES = {
    "admiralty_reliability": "external reference: the source's Admiralty reliability, A-F",
    "admiralty_credibility": "external reference: the information's Admiralty credibility, 1-6",
}
# The generator that writes the bundle: the extension-definition must name who made it.
PRODUCER_KEY = "briefings generator"  # a space: no actor id can be the same
EXTENSION_KEY = "briefings properties"
EXTENSION_CREATED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)  # version 1.0 of the extension

# An actor with no dated briefing or article to take a date from.
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)

# The TLP 2.0 marking definitions published by OASIS for STIX 2.1 (cti-stix-common-objects,
# extension-definition-specifications/tlp-2.0): fixed ids, the same in every producer's
# bundle. stix2's own TLP_WHITE…TLP_RED are the TLP 1.0 ones.
TLP_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
TLP_IDS = {
    Tlp.CLEAR: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    Tlp.GREEN: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    Tlp.AMBER: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    Tlp.AMBER_STRICT: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    Tlp.RED: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}

# ICD 203's terms are the rows of the "DNI Scale" of STIX 2.1 Appendix A (Confidence Scales,
# A.5), which maps each to a STIX confidence value; stix2 implements that table.
DNI_TERMS = {
    Likelihood.ALMOST_NO_CHANCE: "Almost No Chance / Remote",
    Likelihood.VERY_UNLIKELY: "Very Unlikely / Highly Improbable",
    Likelihood.UNLIKELY: "Unlikely / Improbable",
    Likelihood.ROUGHLY_EVEN_CHANCE: "Roughly Even Chance / Roughly Even Odds",
    Likelihood.LIKELY: "Likely / Probable",
    Likelihood.VERY_LIKELY: "Very Likely / Highly Probable",
    Likelihood.ALMOST_CERTAIN: "Almost Certain / Nearly Certain",
}

IDENTITY_CLASS = {
    ActorKind.PERSON: "individual",
    ActorKind.STATE: "organization",
    ActorKind.GOVERNMENT_BODY: "organization",
    ActorKind.INTERNATIONAL_ORGANIZATION: "organization",
    ActorKind.ORGANIZATION: "organization",
}  # an armed group is a threat-actor

# The project's verbs that have a counterpart in STIX 2.1's suggested relationship types,
# for the (source, target) object types the spec suggests it between. Every other verb is
# kept as it is: STIX allows any lower-case, hyphenated relationship type.
STIX_VERBS = {
    ("fights", "threat-actor", "identity"): "targets",
}

_WIKIDATA = re.compile(r"Q[0-9]+")


T = TypeVar("T")
# remember(kind, subject, key, make): make()'s result, or the one kept for that subject while
# its key compares equal (the site's page memo, render/memo.py, keeps them across rebuilds).
Remember = Callable[[str, str, Any, Callable[[], T]], T]


def _afresh(kind: str, subject: str, key: Any, make: Callable[[], T]) -> T:
    return make()


def bundle_json(corpus: Corpus, analysis: Analysis, remember: Remember = _afresh) -> str:
    """Every actor and briefing of the (already selected) corpus as STIX 2.1 objects, in a
    bundle, as the text of stix.json: objects sorted by id, keys sorted, one object a line.

    Each object is made with stix2 (which checks it) and kept as its line of JSON, per actor
    and per briefing through `remember`: under serve an edit to one briefing makes its own
    objects again, not the 4,000 of a 5,000-article site.
    """
    objects = [remember("stix-actor", actor.id, _actor_inputs(corpus, analysis, actor),
                        lambda actor=actor: [_line(_actor(corpus, analysis, actor))])
               for actor in corpus.actors]
    objects += [remember("stix-briefing", briefing.id,
                         _briefing_inputs(corpus, analysis, briefing),
                         lambda briefing=briefing: [_line(obj) for obj in
                                                    _briefing(corpus, analysis, briefing)])
                for briefing in corpus.briefings]
    # The text, made again only when an object changed (unchanged ones are the very lists
    # kept, so comparing them costs next to nothing).
    return remember("stix", FILE, tuple(objects), lambda: _bundle_text(objects))


class _Line(NamedTuple):
    """One object of the bundle: its id, its JSON on one line, the markings it refers to."""

    id: str
    text: str
    markings: frozenset[str]


def _line(obj) -> _Line:
    # Through stix2's own serialization (its timestamps in STIX's format), keys sorted.
    plain = json.loads(obj.serialize())
    return _Line(plain["id"], json.dumps(plain, sort_keys=True, ensure_ascii=False),
                 frozenset(_marking_refs(plain)))


def _bundle_text(objects: list[list[_Line]]) -> str:
    lines = [line for made in objects for line in made]
    lines += [_line(obj) for obj in _extension()]
    used = set().union(*(line.markings for line in lines))
    lines += [_line(_marking(tlp)) for tlp in Tlp if TLP_IDS[tlp] in used]
    lines.sort(key=lambda line: line.id)
    body = ",\n".join(line.text for line in lines)
    # The bundle's id, like every other, comes from what it holds.
    bundle_id = f"bundle--{uuid.uuid5(NAMESPACE, body)}"
    return f'{{"id": "{bundle_id}", "objects": [\n{body}\n], "type": "bundle"}}\n'


def _actor_inputs(corpus: Corpus, analysis: Analysis, actor: Actor) -> tuple:
    return (actor, _dates(corpus, analysis, actor))


def _briefing_inputs(corpus: Corpus, analysis: Analysis, briefing: Briefing) -> tuple:
    """What a briefing's objects show of others: its actors' kinds (in their ids) and what
    its articles' references show (so editing an article's text remakes nothing)."""
    involved = analysis.briefing_actors.get(briefing.id, ())
    actors = {inv.actor for inv in involved} | {actor for rel in briefing.relationships
                                                 for actor in (rel.subject, rel.object)}
    articles = {*briefing.articles, *(a for j in briefing.key_judgments for a in j.articles),
                *(a for rel in briefing.relationships for a in rel.evidence)}
    return (briefing, involved, tuple(corpus.actor(a).kind for a in sorted(actors)),
            tuple(_article_fields(corpus.article(a)) for a in sorted(articles)))


def stix_id(stix_type: str, *key: str) -> str:
    """The id of the object of `stix_type` made from the item(s) `key`: the same in every
    build."""
    return f"{stix_type}--{uuid.uuid5(NAMESPACE, chr(10).join((stix_type, *key)))}"


def _actor_ref(actor: Actor) -> str:
    return stix_id(_actor_type(actor), actor.id)


def _actor_type(actor: Actor) -> str:
    return "threat-actor" if actor.kind is ActorKind.ARMED_GROUP else "identity"


def _dates(corpus: Corpus, analysis: Analysis, actor: Actor) -> list[dt.date]:
    """The dates of the briefings an actor is in, else of the articles that mention it."""
    return sorted({corpus.briefing(b).date for b in analysis.briefings_involving(actor.id)}
                  or {corpus.article(a).published for a in analysis.articles_mentioning(actor.id)
                      if corpus.article(a).published})


def _actor(corpus: Corpus, analysis: Analysis, actor: Actor):
    dates = _dates(corpus, analysis, actor)
    common = {
        "id": _actor_ref(actor),
        "name": actor.name,
        "description": actor.summary or None,
        "created": _moment(dates[0]) if dates else EPOCH,
        "modified": _moment(dates[-1]) if dates else EPOCH,
        "external_references": _actor_links(actor) or None,
        "object_marking_refs": [TLP_IDS[actor.tlp]],
    }
    aliases = list(actor.aliases) or None
    if actor.kind is ActorKind.ARMED_GROUP:
        return stix2.ThreatActor(**common, aliases=aliases, **_extended(kind=actor.kind.value))
    roles = list(dict.fromkeys(role.title for role in actor.roles)) or None
    # An identity has no `aliases` in STIX 2.1; they are kept beside it.
    return stix2.Identity(**common, identity_class=IDENTITY_CLASS[actor.kind], roles=roles,
                          **_extended(kind=actor.kind.value, aliases=aliases))


def _actor_links(actor: Actor) -> list[stix2.ExternalReference]:
    links = []
    if actor.wikidata and _WIKIDATA.fullmatch(actor.wikidata):
        links.append(stix2.ExternalReference(
            source_name="wikidata", external_id=actor.wikidata,
            url=f"https://www.wikidata.org/wiki/{actor.wikidata}"))
    if _web_url(actor.website):
        links.append(stix2.ExternalReference(source_name="website", url=actor.website))
    return links


def _briefing(corpus: Corpus, analysis: Analysis, briefing: Briefing) -> list:
    report_id = stix_id("report", briefing.id)
    when = _moment(briefing.date)
    common = {"created": when, "modified": when}
    notes = [_judgment(corpus, briefing, report_id, number, judgment, common)
             for number, judgment in enumerate(briefing.key_judgments, 1)]
    relationships = [_relationship(corpus, briefing, rel, common)
                     for rel in briefing.relationships]
    involved = [_actor_ref(corpus.actor(inv.actor))
                for inv in analysis.briefing_actors.get(briefing.id, ())]
    # object_refs may not be empty: a briefing that involves nothing refers to its marking.
    refs = sorted({*involved, *(obj.id for obj in (*notes, *relationships))}) \
        or [TLP_IDS[briefing.tlp]]
    report = stix2.Report(
        id=report_id, name=briefing.title, description=briefing.bluf or None,
        published=when, report_types=["threat-report"], object_refs=refs,
        labels=sorted({*briefing.topics, *briefing.regions}) or None,
        **_sourced(corpus, briefing.tlp, briefing.articles), **common, allow_custom=True)
    return [report, *notes, *relationships]


def _judgment(corpus: Corpus, briefing: Briefing, report_id: str, number: int,
              judgment: KeyJudgment, common: dict) -> stix2.Note:
    likelihood = judgment.likelihood
    return stix2.Note(
        id=stix_id("note", briefing.id, str(number)),
        abstract=f"Key judgment {number} of “{briefing.title}”",
        content=judgment.text, object_refs=[report_id],
        confidence=dni_to_value(DNI_TERMS[likelihood]) if likelihood else None,
        **_extended(likelihood=likelihood.value if likelihood else None,
                    analytic_confidence=judgment.confidence.value if judgment.confidence
                    else None),
        **_sourced(corpus, briefing.tlp, judgment.articles), **common)


def _relationship(corpus: Corpus, briefing: Briefing, rel: Relationship,
                  common: dict) -> stix2.Relationship:
    source, target = corpus.actor(rel.subject), corpus.actor(rel.object)
    stix_type = STIX_VERBS.get((rel.type, _actor_type(source), _actor_type(target)), rel.type)
    return stix2.Relationship(
        id=stix_id("relationship", briefing.id, rel.subject, rel.type, rel.object),
        relationship_type=stix_type, source_ref=_actor_ref(source),
        target_ref=_actor_ref(target), description=rel.note or None,
        start_time=_moment(rel.start) if rel.start else None,
        # The verb as the content says it, where STIX's type says it otherwise.
        **_extended(verb=rel.type if stix_type != rel.type else None),
        **_sourced(corpus, briefing.tlp, rel.evidence), **common)


def _extended(**properties) -> dict:
    """Our properties that have a value, under their prefixed names, with the extension
    that declares them; and stix2's leave to write properties it does not know."""
    present = {CUSTOM + name: value for name, value in properties.items() if value is not None}
    assert set(properties) <= set(EXTENSION_PROPERTIES)  # every one is declared
    extension = {_extension_id(): {"extension_type": "toplevel-property-extension"}}
    return {**present, "extensions": extension if present else None, "allow_custom": True}


def _extension() -> list:
    """The extension-definition of our properties, and the producer it must name."""
    producer = stix2.Identity(
        id=stix_id("identity", PRODUCER_KEY), name="Briefings generator",
        identity_class="system", created=EXTENSION_CREATED, modified=EXTENSION_CREATED,
        description="The briefing-site generator that wrote this bundle.",
        object_marking_refs=[TLP_IDS[Tlp.CLEAR]])
    declared = {**EXTENSION_PROPERTIES, **GRADE_PROPERTIES}
    schema = "".join(f"{CUSTOM}{name}: {text}.\n" for name, text in declared.items())
    definition = stix2.ExtensionDefinition(
        id=_extension_id(), created_by_ref=producer.id, created=EXTENSION_CREATED,
        modified=EXTENSION_CREATED, name="Briefings properties", version="1.0",
        description="What a briefing site's export keeps that STIX 2.1 has no property for.",
        schema=schema, extension_types=["toplevel-property-extension"],
        extension_properties=sorted(CUSTOM + name for name in EXTENSION_PROPERTIES),
        object_marking_refs=[TLP_IDS[Tlp.CLEAR]])
    return [producer, definition]


def _extension_id() -> str:
    return stix_id("extension-definition", EXTENSION_KEY)


def _sourced(corpus: Corpus, tlp: Tlp, article_ids: Iterable[str]) -> dict:
    """An object's marking, and its articles as external references; an article more
    restricted than the object marks its own reference."""
    articles = [corpus.article(a) for a in dict.fromkeys(article_ids)]
    granular = [
        stix2.GranularMarking(marking_ref=TLP_IDS[article.tlp],
                              selectors=[f"external_references.[{index}]"])
        for index, article in enumerate(articles) if article.tlp.rank > tlp.rank
    ]
    return {"object_marking_refs": [TLP_IDS[tlp]],
            "external_references": [_article(article) for article in articles] or None,
            "granular_markings": granular or None}


def _article_fields(article: Article) -> tuple:
    return (article.id, article.title, article.publisher, article.url, article.published,
            article.reliability, article.credibility, article.tlp)


def _article(article: Article) -> stix2.ExternalReference:
    grades = {}
    if article.reliability:
        grades[CUSTOM + "admiralty_reliability"] = article.reliability
    if article.credibility:
        grades[CUSTOM + "admiralty_credibility"] = article.credibility
    return stix2.ExternalReference(
        source_name=article.publisher or "article", external_id=article.id,
        description=article.title, url=_web_url(article.url),
        allow_custom=True, **grades)


def _marking(tlp: Tlp) -> stix2.MarkingDefinition:
    """The OASIS object, property for property (created 2022-10-01, the TLP 2.0 extension)."""
    return stix2.MarkingDefinition(
        id=TLP_IDS[tlp], created="2022-10-01T00:00:00.000Z", name=f"TLP:{tlp.value}",
        extensions={TLP_EXTENSION: {"extension_type": "property-extension",
                                    "tlp_2_0": tlp.value.lower()}})


def _marking_refs(obj: dict) -> list[str]:
    refs = list(obj.get("object_marking_refs", ()))
    return refs + [marking["marking_ref"] for marking in obj.get("granular_markings", ())]


def _moment(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def _web_url(url: str | None) -> str | None:
    return url if url and urlsplit(url).scheme in ("http", "https") else None
