"""The synthetic briefings and the taxonomy they are filed under.

`make_briefing` turns one story (its actors and the articles written about it) into the
fields of `content/briefings/<id>.yml`: BLUF, key judgments with ICD 203 likelihood terms
and confidence, the actors with their roles, relationships with evidence, topics, regions.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from cast import Actor, slug
from prose import Story, Writer

TOPICS = {
    "intelligence-sharing": ("Intelligence sharing", "Exchanges of intelligence between states."),
    "military-secrets": ("Military secrets", "Protection of classified military information."),
    "counter-terrorism": ("Counter-terrorism", "Efforts against terrorist armed groups."),
    "military-assistance": ("Military assistance", "Training, equipment and funding for forces."),
    "arms-trade": ("Arms trade", "Sales and transfers of weapons."),
    "border-security": ("Border security", "Control of borders and frontier incidents."),
    "ceasefires": ("Ceasefires", "Truces, their terms and their violations."),
    "sanctions": ("Sanctions", "Economic and diplomatic restrictive measures."),
    "energy": ("Energy", "Oil, gas and power as instruments of policy."),
    "cyber-operations": ("Cyber operations", "Intrusions, breaches and defence of networks."),
    "diplomacy": ("Diplomacy", "Negotiations, mediation and recognition."),
    "humanitarian-aid": ("Humanitarian aid", "Relief to civilians in conflict."),
    "defence-budgets": ("Defence budgets", "Military spending and its oversight."),
    "alliances": ("Alliances", "Formal and informal security alignments."),
}
REGIONS = {
    "northern-steppe": ("Northern steppe", "The grasslands north of the central plateau."),
    "eastern-littoral": ("Eastern littoral", "The coastal states of the eastern sea."),
    "southern-highlands": ("Southern highlands", "The mountain states of the south."),
    "western-basin": ("Western basin", "The river basin of the west."),
    "central-plateau": ("Central plateau", "The inland plateau and its neighbours."),
    "island-chain": ("Island chain", "The archipelago off the eastern littoral."),
}

LIKELIHOODS = ("almost no chance", "very unlikely", "unlikely", "roughly even chance",
               "likely", "very likely", "almost certain")
CONFIDENCES = ("high", "moderate", "low")

TITLES = (
    "{S} and {S2} deepen intelligence ties amid the {X} threat",
    "{X} offensive tests {D} defences",
    "{O} mediation between {S} and {S2} stalls",
    "What {P}’s visit to {S2} signals",
    "{D} arms deal with {S2}: risks to military secrets",
    "{S} weighs sanctions on {S2} over {X} support",
)
BLUF = (
    "{S} has agreed to share intelligence with {S2}, a step officials present as aimed at "
    "{X}; {P} said the {G} was caught by surprise.",
    "The {G} fears that equipment supplied to {S} worth {M} could reach {X}.",
    "{O} estimates that {PCT} of pledged assistance to {S} has not been delivered.",
    "{P} has told {S2} that {S} will not share classified information while the arrangement "
    "lasts.",
    "{X} has expanded its operations along the {D2} border since {YEAR}.",
)
JUDGMENTS = (
    "{S} will expand intelligence sharing with {S2} within the next six months.",
    "{X} will mount a major attack on {D} forces before the end of {YEAR}.",
    "The {O} will broker a ceasefire between {S} and {S2} this year.",
    "{P} will remain in office through the next budget cycle.",
    "Equipment supplied by {S} will be transferred to {X}.",
    "{S2} will withhold classified information from {S} while the arrangement lasts.",
)
ROLES = {
    "state": ("Party to the arrangement.", "Supplier of training and equipment.",
              "Target of the armed group’s operations.", "Neighbour with forces on the border."),
    "government-body": ("Raised concerns about the security of shared information.",
                        "Negotiated the terms of the agreement."),
    "person": ("Spoke for the government on the agreement.", "Confirmed the figures to reporters.",
               "Rejected the reports as baseless."),
    "armed-group": ("Stated target of the arrangement.", "Claimed the attacks."),
    "organization": ("Published the estimates cited here.", "Supplies equipment to the parties."),
    "international-organization": ("Offered to mediate.", "Monitors the ceasefire."),
}
STANCES = ("Will not share intelligence with its rivals.", "Favours negotiations.",
           "Opposes any foreign deployment.", "Seeks to deconflict operations in the region.")
# (subject kind, object kind, relationship types that make sense between them)
PAIRINGS = (
    ("state", "state", ("shares-intelligence-with", "allied-with", "negotiates-with",
                        "distrusts", "cooperates-with")),
    ("state", "armed-group", ("fights", "opposes", "supports")),
    ("person", "government-body", ("leads", "member-of")),
    ("government-body", "state", ("part-of",)),
    ("organization", "state", ("supplies", "funds")),
    ("state", "international-organization", ("member-of",)),
)


@dataclass(frozen=True)
class Cited:
    """What a briefing needs to know of one article it may cite."""

    id: str
    published: dt.date | None


def taxonomy() -> dict[str, Any]:
    """The contents of taxonomy.yml."""
    def terms(table: dict[str, tuple[str, str]]) -> dict[str, dict[str, str]]:
        return {key: {"name": name, "description": text} for key, (name, text) in table.items()}

    return {"topics": terms(TOPICS), "regions": terms(REGIONS)}


def make_briefing(rng: random.Random, story: Story, cited: list[Cited]) -> dict[str, Any]:
    """The fields of one briefing about `story`, citing `cited`; `related` is added later."""
    writer = Writer(rng, story, _latest(cited))
    article_ids = [c.id for c in cited]
    cast = [actor for actors in story.by_kind.values() for actor in actors]
    return {
        "title": writer.fill(rng.choice(TITLES), full_names=True),
        "date": writer.published + dt.timedelta(days=rng.randint(1, 14)),
        "status": "published" if rng.random() < 0.9 else "draft",
        "tlp": "CLEAR" if rng.random() < 0.9 else "GREEN",
        "bluf": " ".join(writer.fill(t, full_names=True) for t in rng.sample(BLUF, 2)),
        "key_judgments": [_judgment(rng, writer, article_ids) for _ in range(rng.randint(2, 4))],
        "articles": article_ids,
        "actors": [_actor_entry(rng, actor) for actor in _unique(cast)],
        "topics": rng.sample(sorted(TOPICS), rng.randint(1, 3)),
        "regions": rng.sample(sorted(REGIONS), rng.randint(1, 2)),
        "relationships": _relationships(rng, story, article_ids),
    }


def briefing_id(title: str, index: int) -> str:
    return f"{slug(title, 60)}-{index:04d}"


def _latest(cited: list[Cited]) -> dt.date:
    dates = [c.published for c in cited if c.published]
    return max(dates) if dates else dt.date(2026, 11, 1)


def _judgment(rng: random.Random, writer: Writer, article_ids: list[str]) -> dict[str, Any]:
    return {
        "text": writer.fill(rng.choice(JUDGMENTS), full_names=True),
        "likelihood": rng.choice(LIKELIHOODS),
        "confidence": rng.choice(CONFIDENCES),
        "articles": rng.sample(article_ids, min(len(article_ids), rng.randint(1, 3))),
    }


def _actor_entry(rng: random.Random, actor: Actor) -> dict[str, str]:
    entry = {"id": actor.id, "role": rng.choice(ROLES[actor.kind])}
    if rng.random() < 0.3:
        entry["stance"] = rng.choice(STANCES)
    return entry


def _relationships(rng: random.Random, story: Story, article_ids: list[str]) -> list[dict]:
    relationships = []
    for subject_kind, object_kind, types in rng.sample(PAIRINGS, rng.randint(2, len(PAIRINGS))):
        subject = story.pick(rng, subject_kind)
        target = story.pick(rng, object_kind, exclude=subject)
        if subject is target:
            continue
        relationship: dict[str, Any] = {
            "subject": subject.id,
            "type": rng.choice(types),
            "object": target.id,
            "evidence": rng.sample(article_ids, min(len(article_ids), rng.randint(1, 2))),
            "note": f"As reported in {rng.randint(1, len(article_ids))} of the sources.",
        }
        if rng.random() < 0.3:
            relationship["from"] = dt.date(rng.randint(2015, 2025), rng.randint(1, 12), 1)
        relationships.append(relationship)
    return relationships


def add_related(rng: random.Random, briefings: dict[str, dict[str, Any]]) -> None:
    """Pin zero to two other briefings as related to each one."""
    ids = list(briefings)
    for own_id, fields in briefings.items():
        others = [other for other in ids if other != own_id]
        fields["related"] = rng.sample(others, min(len(others), rng.choice((0, 0, 1, 2))))


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.id, actor)
    return list(seen.values())
