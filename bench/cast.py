"""The synthetic actors: every kind the model knows, with names, aliases, weak aliases, demonyms,
countries, dated roles and affiliations, as plain records ready to be written as YAML.

`make_actors` builds M actors in fixed proportions of kind; `pad_aliases` adds respellings
until the corpus holds a given number of aliases (to load the mention finder).
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass, field
from itertools import cycle

from names import FIRST_NAMES, INITIALS, Names, acronym

# Share of each kind among the actors; people take whatever is left.
KIND_SHARES = {
    "state": 0.15,
    "government-body": 0.20,
    "international-organization": 0.08,
    "organization": 0.10,
    "armed-group": 0.10,
}

# (formal body, short form used as a weak alias, title of the person who leads it)
_BODIES = (
    ("Ministry of Defence", "Defence Ministry", "Minister of Defence"),
    ("Ministry of Foreign Affairs", "Foreign Ministry", "Minister of Foreign Affairs"),
    ("National Intelligence Service", "Intelligence Service", "Director of National Intelligence"),
    ("National Assembly", "Assembly", "Speaker of the National Assembly"),
    ("Ministry of the Interior", "Interior Ministry", "Minister of the Interior"),
    ("General Staff", "General Staff", "Chief of the General Staff"),
    ("Central Bank", "Central Bank", "Governor of the Central Bank"),
    ("Presidential Office", "Presidency", "President"),
)
_GROUP_FORMS = ("Front for the Liberation of {}", "{} Resistance Brigades",
                "Army of the {} Covenant", "{} People’s Militia", "Movement for {} Renewal")
_ORG_FORMS = ("{} Dynamics", "{} Petroleum", "{} Aerospace", "{} Logistics", "{} Holdings",
              "{} Watch", "Centre for {} Studies", "{} Shipping Lines")
_INTL_FORMS = ("{} Cooperation Council", "{} Treaty Organization", "{} Development Bank",
               "Commission for the {} Basin", "{} Security Forum", "Union of {} States")

# Words of the forms above that stay as they are when a name is respelt.
GENERIC_WORDS = frozenset(
    " ".join([" ".join(b) for b in _BODIES] + list(_GROUP_FORMS + _ORG_FORMS + _INTL_FORMS)
             + ["Republic Kingdom Federal Democratic State United Provinces Abu Group"]).split()
)


@dataclass
class Role:
    title: str
    organization: str | None
    start: dt.date
    end: dt.date | None = None


@dataclass
class Actor:
    id: str
    name: str
    kind: str
    summary: str
    aliases: list[str] = field(default_factory=list)
    weak_aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    country: str | None = None
    roles: list[Role] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    respellings: list[str] = field(default_factory=list)  # padding aliases; written as aliases
    title: str = ""  # a person's current title, for prose; not written

    @property
    def demonym(self) -> str:
        """The adjective for a state ('Varkanian'); the name itself for other kinds."""
        return self.demonyms[0] if self.demonyms else self.name


def kind_counts(total: int) -> dict[str, int]:
    """How many actors of each kind; at least one of each, people fill the rest."""
    if total < len(KIND_SHARES) + 1:
        raise ValueError(f"need at least {len(KIND_SHARES) + 1} actors, one of each kind")
    counts = {kind: max(1, round(total * share)) for kind, share in KIND_SHARES.items()}
    counts["person"] = total - sum(counts.values())
    return counts


def make_actors(rng: random.Random, names: Names, total: int) -> list[Actor]:
    """`total` actors of every kind, in a stable order (states first, people last)."""
    counts = kind_counts(total)
    states = [_state(rng, names) for _ in range(counts["state"])]
    bodies = _bodies(rng, names, states, counts["government-body"])
    groups = [_armed_group(rng, names, states) for _ in range(counts["armed-group"])]
    orgs = [_organization(rng, names, states) for _ in range(counts["organization"])]
    intl = [_international(rng, names) for _ in range(counts["international-organization"])]
    people = [_person(rng, names, states, bodies, groups + orgs) for _ in range(counts["person"])]
    actors = states + bodies + intl + orgs + groups + people
    _assign_ids(actors)
    _link(actors)
    return actors


def pad_aliases(rng: random.Random, names: Names, actors: list[Actor], target: int) -> None:
    """Add respellings (then invented nicknames) until the actors hold `target` aliases."""
    total = sum(len(actor.aliases) for actor in actors)
    for actor in cycle(actors):
        if total >= target:
            return
        base = rng.choice([actor.name, *actor.aliases])
        alias = (names.transliteration(base, GENERIC_WORDS)
                 or names.unique(lambda a=actor: _nickname(names, a)))
        actor.respellings.append(alias)
        total += 1


def _nickname(names: Names, actor: Actor) -> str:
    if actor.kind == "person":
        return f"Abu {names.root(2)}"
    return f"{names.root(2)} {actor.name.split()[-1]}"


def _state(rng: random.Random, names: Names) -> Actor:
    name, formal, demonym = names.state()
    region = rng.choice(("the northern steppe", "the eastern littoral", "the southern highlands",
                         "the western basin", "the central plateau"))
    government = rng.choice(("Federal republic", "Constitutional monarchy", "Unitary republic",
                             "Parliamentary republic", "Presidential republic"))
    return Actor(id="", name=name, kind="state", summary=f"{government} in {region}.",
                 aliases=[formal], demonyms=[demonym, demonym + "s"])


def _bodies(rng: random.Random, names: Names, states: list[Actor], count: int) -> list[Actor]:
    pairs = [(state, body) for body in _BODIES for state in states]
    rng.shuffle(pairs)
    bodies = []
    for index in range(count):
        state, (formal, short, leader) = pairs[index % len(pairs)]
        name = names.unique(lambda s=state, f=formal: f"{s.demonym} {f}")
        aliases = [a for a in (f"{state.demonym} {short}", f"{formal} of {state.name}")
                   if names.claim(a)]
        bodies.append(Actor(
            id="", name=name, kind="government-body", country=state.id or state.name,
            summary=f"The {formal.lower()} of {state.name}.", aliases=aliases,
            weak_aliases=[short], title=leader,
        ))
    return bodies


def _armed_group(rng: random.Random, names: Names, states: list[Actor]) -> Actor:
    name = names.unique(lambda: rng.choice(_GROUP_FORMS).format(names.root()))
    aliases = [a for a in (acronym(name),) if len(a) >= 3 and names.claim(a)]
    home = rng.choice(states)
    year = rng.randint(1995, 2022)
    return Actor(id="", name=name, kind="armed-group", aliases=aliases, country=home.name,
                 summary=f"Armed group active in {home.name} since {year}.")


def _organization(rng: random.Random, names: Names, states: list[Actor]) -> Actor:
    root = names.root()
    name = names.unique(lambda: rng.choice(_ORG_FORMS).format(root))
    aliases = [a for a in (acronym(name), f"{root} Group") if len(a) >= 3 and names.claim(a)]
    home = rng.choice(states)
    kind = "think tank" if "Studies" in name or "Watch" in name else "company"
    return Actor(id="", name=name, kind="organization", aliases=aliases, country=home.name,
                 summary=f"A {kind} based in {home.name}.")


def _international(rng: random.Random, names: Names) -> Actor:
    name = names.unique(lambda: rng.choice(_INTL_FORMS).format(names.root()))
    aliases = [a for a in (acronym(name),) if len(a) >= 3 and names.claim(a)]
    founded = rng.randint(1948, 2015)
    return Actor(id="", name=name, kind="international-organization", aliases=aliases,
                 summary=f"Intergovernmental organization founded in {founded}.")


def _person(rng: random.Random, names: Names, states: list[Actor], bodies: list[Actor],
            others: list[Actor]) -> Actor:
    surname = names.surname()
    first = rng.choice(FIRST_NAMES)
    name = names.unique(lambda: f"{first} {surname}")
    middle = f"{first} {rng.choice(INITIALS)}. {surname}"
    aliases = [middle] if names.claim(middle) else []
    employer = rng.choice(bodies if bodies and rng.random() < 0.8 else others)
    title = employer.title or rng.choice(("Chief Executive", "Commander", "Spokesperson",
                                          "Director", "Senior Adviser"))
    start = dt.date(rng.randint(2008, 2024), rng.randint(1, 12), rng.randint(1, 28))
    roles = [Role(title, employer.name, start)]
    if rng.random() < 0.3:
        earlier = dt.date(start.year - rng.randint(2, 6), rng.randint(1, 12), rng.randint(1, 28))
        roles.insert(0, Role("Deputy " + title, employer.name, earlier, start))
    country = employer.country or rng.choice(states).name
    return Actor(id="", name=name, kind="person", aliases=aliases, weak_aliases=[surname],
                 country=country, roles=roles, affiliations=[employer.name], title=title,
                 summary=f"{title}, {employer.name}, since {start.year}.")


def _assign_ids(actors: list[Actor]) -> None:
    taken: set[str] = set()
    for actor in actors:
        base = slug(actor.name, 60)
        actor.id = base
        number = 2
        while actor.id in taken:
            actor.id = f"{base}-{number}"
            number += 1
        taken.add(actor.id)


def _link(actors: list[Actor]) -> None:
    """Turn the names used as references while building into actor ids."""
    by_name = {actor.name: actor.id for actor in actors}
    for actor in actors:
        actor.country = by_name.get(actor.country) if actor.country else None
        actor.affiliations = [by_name[name] for name in actor.affiliations]
        for role in actor.roles:
            role.organization = by_name.get(role.organization) if role.organization else None


def slug(text: str, limit: int) -> str:
    """A valid id from `text`: ascii lowercase, hyphens, at most `limit` characters."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = "".join(ch.lower() if ch.isalnum() else " " for ch in ascii_text).split()
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or "item"
