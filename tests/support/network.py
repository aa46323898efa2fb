"""A corpus of a dozen briefings that the connected-site tests write themselves.

The design tables below are the tests' source of truth: which actors each briefing's article
names, its date, topics, regions and relationships. The expected backlinks, related order
and graph are computed from these tables, never read back from the program.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

ACTORS = {
    "alpha-land": ("Alphaland", "state"),
    "beta-land": ("Betaland", "state"),
    "gamma-front": ("Gamma Front", "armed-group"),
    "delta-council": ("Delta Council", "international-organization"),
    "jane-roe": ("Jane Roe", "person"),
    "omni-agency": ("Omni Agency", "organization"),
    "kappa-bank": ("Kappa Bank", "organization"),
}


@dataclass(frozen=True)
class Design:
    id: str
    date: dt.date
    actors: tuple[str, ...]
    topics: tuple[str, ...]
    regions: tuple[str, ...]
    relationships: tuple[tuple[str, str, str], ...] = ()
    related: tuple[str, ...] = ()


def _b(n: int, actors: str, topics: str = "", regions: str = "", rels=(), related=()) -> Design:
    return Design(f"b{n:02}", dt.date(2025, 1, 1) + dt.timedelta(days=9 * n),
                  tuple(actors.split()), tuple(topics.split()), tuple(regions.split()),
                  tuple(rels), tuple(related))


# omni-agency is in every briefing: its rarity weight is zero.
BRIEFINGS = (
    _b(1, "alpha-land beta-land omni-agency", "energy", "north",
       [("alpha-land", "negotiates-with", "beta-land")], related=("b12",)),
    _b(2, "alpha-land gamma-front omni-agency", "security", "north",
       [("alpha-land", "fights", "gamma-front")]),
    _b(3, "beta-land kappa-bank omni-agency", "energy", "south",
       [("kappa-bank", "funds", "beta-land")]),
    _b(4, "gamma-front delta-council omni-agency", "security", "south",
       [("delta-council", "opposes", "gamma-front")]),
    _b(5, "jane-roe delta-council omni-agency", "security", "north",
       [("jane-roe", "leads", "delta-council")]),
    _b(6, "alpha-land jane-roe omni-agency", "energy security", "north"),
    _b(7, "kappa-bank alpha-land omni-agency", "energy", "north",
       [("kappa-bank", "funds", "alpha-land")]),
    _b(8, "beta-land gamma-front omni-agency", "security", "south",
       [("beta-land", "supports", "gamma-front")]),
    _b(9, "delta-council beta-land omni-agency", "", "south",
       [("delta-council", "negotiates-with", "beta-land")]),
    _b(10, "jane-roe kappa-bank omni-agency", "energy", "",
        [("kappa-bank", "funds", "beta-land")]),
    _b(11, "alpha-land delta-council gamma-front omni-agency", "security", "north",
        [("alpha-land", "fights", "gamma-front")]),
    _b(12, "omni-agency", "", "south"),
)
DRAFT_TITLE = "Draft: Operation Quiet Heron"
AMBER_MARKER = "ZEBRA-CODEWORD"
# Named only by the draft briefing: an informant and an operation, which must not leak either.
INFORMANT = "Ivan Informant"
OPERATION = "Operation Nightfall"
# A published briefing and its article, both under embargo until long after any test run:
# the public profile must treat them exactly as the draft.
EMBARGOED_BRIEFING = "embargoed"
EMBARGO_MARKER = "WOMBAT-EMBARGO"
EMBARGO_TITLE = "Held: Operation Amber Lynx"


def write_corpus(content: Path) -> None:
    for folder in ("actors", "articles", "briefings"):
        (content / folder).mkdir(parents=True, exist_ok=True)
    for actor_id, (name, kind) in ACTORS.items():
        weak = "weak_aliases: [Roe]\n" if actor_id == "jane-roe" else ""
        (content / "actors" / f"{actor_id}.yml").write_text(
            f"name: {name}\nkind: {kind}\n{weak}summary: {name} is part of the test world.\n",
            encoding="utf-8")
    (content / "actors" / "informant.yml").write_text(
        f"name: {INFORMANT}\nkind: person\nsummary: A source inside the Front.\n",
        encoding="utf-8")
    (content / "taxonomy.yml").write_text(
        "topics:\n  energy: {name: Energy}\n  security: {name: Security}\n"
        f"  nightfall: {{name: {OPERATION}}}\n"
        "regions:\n  north: {name: North}\n  south: {name: South}\n", encoding="utf-8")
    for design in BRIEFINGS:
        _write_briefing(content, design)
    (content / "articles" / "amber-note.md").write_text(
        f"---\ntitle: Restricted note\ntlp: AMBER\n---\nAlphaland and {AMBER_MARKER}.\n",
        encoding="utf-8")
    (content / "briefings" / "draft.yml").write_text(
        f"title: '{DRAFT_TITLE}'\ndate: 2025-12-01\nstatus: draft\n"
        "bluf: Alphaland is secretly allied with Betaland.\narticles: [a01, amber-note]\n"
        "topics: [nightfall]\nactors:\n  - {id: informant, role: Reports from inside}\n"
        "relationships:\n  - {subject: alpha-land, type: allied-with, object: beta-land}\n",
        encoding="utf-8")
    (content / "articles" / "embargoed-note.md").write_text(
        f"---\ntitle: Held note\nembargo: 2999-01-01T00:00:00Z\n---\n"
        f"Betaland and {EMBARGO_MARKER}.\n", encoding="utf-8")
    (content / "briefings" / f"{EMBARGOED_BRIEFING}.yml").write_text(
        f"title: '{EMBARGO_TITLE}'\ndate: 2025-12-02\nstatus: published\n"
        "embargo: 2999-01-01T00:00:00+01:00\n"
        "bluf: Betaland supplies Gamma Front.\narticles: [embargoed-note, a02]\n"
        "relationships:\n  - {subject: beta-land, type: supplies, object: gamma-front}\n",
        encoding="utf-8")


def _write_briefing(content: Path, design: Design) -> None:
    article = design.id.replace("b", "a", 1)
    sentences = " ".join(f"{ACTORS[a][0]} was named in this report." for a in design.actors)
    (content / "articles" / f"{article}.md").write_text(
        f"---\ntitle: Report {article}\npublished: {design.date.isoformat()}\n---\n"
        f"{sentences}\n", encoding="utf-8")
    rels = "".join(f"  - {{subject: {s}, type: {t}, object: {o}, evidence: [{article}]}}\n"
                   for s, t, o in design.relationships)
    (content / "briefings" / f"{design.id}.yml").write_text(
        f"title: Briefing {design.id}\ndate: {design.date.isoformat()}\nstatus: published\n"
        f"bluf: About {design.id}.\narticles: [{article}]\n"
        f"topics: [{', '.join(design.topics)}]\nregions: [{', '.join(design.regions)}]\n"
        f"relationships:\n{rels or '  []'}\n".replace("relationships:\n  []",
                                                        "relationships: []")
        + (f"related: [{', '.join(design.related)}]\n" if design.related else ""),
        encoding="utf-8")
