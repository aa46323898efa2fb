"""Build model records from validated field values (one function per kind of file)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import model

Values = dict[str, Any]


def actor(actor_id: str, values: Values, source: model.Source) -> model.Actor:
    return model.Actor(
        id=actor_id,
        name=values["name"],
        kind=model.ActorKind(values["kind"]),
        aliases=values.get("aliases", ()),
        weak_aliases=values.get("weak_aliases", ()),
        demonyms=values.get("demonyms", ()),
        not_mentions=values.get("not_mentions", ()),
        country=values.get("country"),
        roles=tuple(_role(role) for role in values.get("roles", ())),
        affiliations=values.get("affiliations", ()),
        summary=values["summary"],
        wikidata=values.get("wikidata"),
        website=values.get("website"),
        tlp=model.Tlp(values.get("tlp", model.Tlp.CLEAR.value)),
        source=source,
    )


def _role(values: Values) -> model.Role:
    return model.Role(
        title=values["title"],
        organization=values.get("organization"),
        start=values.get("from"),
        end=values.get("to"),
    )


def article(article_id: str, values: Values, text: str, source: model.Source) -> model.Article:
    return model.Article(
        id=article_id,
        title=values["title"],
        text=text,
        publisher=values.get("publisher"),
        url=values.get("url"),
        published=values.get("published"),
        author=values.get("author"),
        language=values.get("language", "en"),
        reliability=values.get("reliability"),
        credibility=values.get("credibility"),
        tlp=model.Tlp(values.get("tlp", model.Tlp.CLEAR.value)),
        status=model.Status(values.get("status", model.Status.PUBLISHED.value)),
        embargo=_embargo(values.get("embargo")),
        source=source,
    )


def briefing(briefing_id: str, values: Values, source: model.Source) -> model.Briefing:
    return model.Briefing(
        id=briefing_id,
        title=values["title"],
        date=values["date"],
        bluf=values["bluf"],
        status=model.Status(values.get("status", model.Status.DRAFT.value)),
        tlp=model.Tlp(values.get("tlp", model.Tlp.CLEAR.value)),
        key_judgments=tuple(_key_judgment(kj) for kj in values.get("key_judgments", ())),
        articles=values.get("articles", ()),
        actors=tuple(_briefing_actor(entry) for entry in values.get("actors", ())),
        topics=values.get("topics", ()),
        regions=values.get("regions", ()),
        relationships=tuple(_relationship(rel) for rel in values.get("relationships", ())),
        related=values.get("related", ()),
        embargo=_embargo(values.get("embargo")),
        source=source,
    )


def _embargo(located: tuple[dt.datetime, model.Source] | None) -> model.Embargo | None:
    return model.Embargo(*located) if located else None


def _key_judgment(values: Values) -> model.KeyJudgment:
    likelihood = values.get("likelihood")
    confidence = values.get("confidence")
    return model.KeyJudgment(
        text=values["text"],
        likelihood=model.Likelihood(likelihood) if likelihood else None,
        confidence=model.Confidence(confidence) if confidence else None,
        articles=values.get("articles", ()),
    )


def _briefing_actor(values: Values) -> model.BriefingActor:
    return model.BriefingActor(
        id=values["id"],
        role=values.get("role", ""),
        stance=values.get("stance", ""),
        exclude=values.get("exclude", False),
    )


def _relationship(values: Values) -> model.Relationship:
    return model.Relationship(
        subject=values["subject"],
        type=values["type"],
        object=values["object"],
        evidence=values.get("evidence", ()),
        note=values.get("note", ""),
        start=values.get("from"),
    )


def terms(entries: dict[str, tuple[Values, model.Source]]) -> tuple[model.Term, ...]:
    return tuple(
        model.Term(id=term_id, name=values["name"], description=values.get("description", ""))
        for term_id, (values, _source) in sorted(entries.items())
    )
