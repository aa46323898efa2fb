"""News prose for the synthetic articles: titles, paragraphs, quotes and figures.

A `Writer` fills sentence templates for one article from a `Story` (the actors a run of
articles is about). Slots name a kind of actor or value:

    {S} {S2}  a state           {D} {D2}  the demonym of that state ("Varkanian")
    {P} {P2}  a person          {G}       a government body
    {X}       an armed group    {O}       an organization or international organization
    {M} money  {N} a count  {K} a death toll  {PCT} a share
    {DATE} a date  {YEAR} a year  {Q} a quotation  {TITLE} the {P} person's title

People are first named in full and afterwards often by surname alone (their weak alias);
states are named by name, formal name or a padding alias; quotes use curly quotation marks.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass, field

from cast import Actor, slug

_SLOT = re.compile(r"\{([A-Z]+)(2?)\}")
# A slot for an organization takes companies, think tanks and international organizations.
FAMILIES = {"organization": ("organization", "international-organization")}
_KIND_OF_SLOT = {"S": "state", "D": "state", "P": "person", "G": "government-body",
                 "X": "armed-group", "O": "organization"}

TITLES = (
    "{S} and {S2} agree to share intelligence on {X}",
    "{P} warns of {M} shortfall in {D} defence budget",
    "{X} attack near {D2} border kills {K}",
    "{O} calls for talks between {S} and {S2}",
    "{G} confirms {M} arms deal with {S2}",
    "{S} recalls ambassador from {S2} after {X} raid",
    "{P} says {S} was caught by surprise by {D2} move",
    "Inside the {M} plan to rebuild {D} air defences",
    "{S2} accuses {S} of sheltering {X} commanders",
    "{O} report questions {D} figures on troop numbers",
)

SENTENCES = (
    "{S} and {S2} signed an agreement {DATE} that commits both governments to share "
    "intelligence on {X}.",
    "According to officials at the {G}, the package is worth {M}.",
    "{P} told reporters {DATE} that “{Q}.”",
    "“{Q},” {P} said in a statement released by the {G}.",
    "{D} forces have deployed about {N} troops along the border with {S2}.",
    "The {O} estimated that {PCT} of the aid pledged in {YEAR} had not been delivered.",
    "{X} claimed responsibility for an attack {DATE} that killed {K} people near the {D2} "
    "border.",
    "Diplomats said {S} had asked the {O} to mediate, a request {S2} rejected.",
    "{P} met {P2} {DATE} to discuss the {M} arms deal, according to the {G}.",
    "The {D} government has denied the reports. “{Q},” a spokesperson said.",
    "Satellite imagery reviewed by the {O} shows {N} vehicles massing near the frontier.",
    "Officials in {S} said the figure could rise to {M} by {YEAR}.",
    "{S}’s parliament approved {M} in emergency spending {DATE}.",
    "{P}, the {TITLE}, has long argued that {S} cannot rely on {S2} for its security.",
    "Asked about {X}, {P} said only: “{Q}.”",
    "The {G} did not respond to a request for comment.",
    "{D2} officials privately describe the arrangement as a means to expand {S}’s influence "
    "in the region.",
    "{P2} rejected that account: “{Q}.”",
    "The {O} said {PCT} of the shipments inspected since {YEAR} carried undeclared equipment.",
    "{X} fighters seized the town {DATE}, cutting the main road between {S} and {S2}.",
    "Under the deal, {S} would supply {N} armoured vehicles and training worth {M}.",
    "{P} later told lawmakers that {S} had received no assurances from {S2}.",
    "The {G} has asked {S2} to explain the movements of its aircraft.",
    "A spokesperson for the {O} said: “{Q}.”",
    "Two {D} officials said the first transfers took place {DATE}, weeks before the deal was "
    "announced.",
    "{S2} has not commented on the report, and the {G} declined to give details.",
    "The agreement follows months of talks brokered by the {O}.",
    "{P} is due to visit {S2} next month, the {G} said.",
    "In {YEAR}, {S} spent {M} on its armed forces, about {PCT} of its budget.",
    "“{Q},” a senior {D2} diplomat said, declining to elaborate.",
    "Since {YEAR}, {X} has been blamed for attacks on pipelines in the east of {S}.",
    "The {O} has warned that the fighting could displace {N} people.",
    "{P}’s office said the minister had spoken with {P2} by telephone {DATE}.",
    "The dispute centres on a {M} contract signed by {S} and {S2} in {YEAR}.",
    "Lawmakers in {S} questioned {P} for three hours {DATE}.",
    "Both {S} and {S2} are members of the {O}, which meets again in the autumn.",
    "A leaked memo from the {G} put the cost of the operation at {M}.",
    "{X} denied any involvement, according to a statement posted online {DATE}.",
    "{D} and {D2} negotiators met {DATE} in a hotel outside the capital.",
    "Earlier this year the {O} suspended {M} in loans to {S}.",
)

FILLERS = (
    "The details of the arrangement have not been made public.",
    "Neither side disclosed how the information would be shared or stored.",
    "Analysts say the move reflects a broader shift in regional alliances.",
    "The talks are expected to resume next month.",
    "It was not immediately clear whether the agreement had been ratified.",
    "Officials spoke on condition of anonymity because they were not authorized to comment.",
    "The figures could not be independently verified.",
    "Critics say the programme lacks oversight.",
)

QUOTES = (
    "We were caught by surprise by this agreement",
    "We are not going to share intelligence with anyone who threatens our people",
    "This arrangement is about counter-terrorism and nothing more",
    "The door to negotiations remains open",
    "We will not provide any classified information that would help them on the battlefield",
    "Nobody should mistake restraint for weakness",
    "These reports are baseless and irresponsible",
    "We are working to find out exactly what has been shared",
    "The aid will continue for as long as it is needed",
    "We have seen no evidence that the ceasefire is holding",
)

HEADINGS = ("Background", "What the deal covers", "Reaction", "Military balance",
            "The money", "What comes next")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


@dataclass
class Story:
    """The actors a run of articles is about, by kind, plus walk-ons drawn per article."""

    by_kind: dict[str, list[Actor]]
    everyone: list[Actor]

    def pick(self, rng: random.Random, kind: str, exclude: Actor | None = None) -> Actor:
        """One actor of `kind` (mostly from the story, now and then anyone), not `exclude`."""
        pool = [a for a in self.by_kind.get(kind, []) if a is not exclude]
        if not pool or rng.random() < 0.08:
            kinds = FAMILIES.get(kind, (kind,))
            pool = [a for a in self.everyone if a.kind in kinds and a is not exclude]
        return rng.choice(pool or [exclude])


@dataclass
class Writer:
    """Writes one article; remembers whom it has named in full so far."""

    rng: random.Random
    story: Story
    published: dt.date
    named: set[str] = field(default_factory=set)
    deck: list[str] = field(default_factory=list)

    def title(self) -> str:
        return self.fill(self.rng.choice(TITLES), full_names=True)

    def body(self, words: int) -> str:
        """Paragraphs of about `words` words, sometimes with a heading or a link."""
        paragraphs: list[str] = []
        count = 0
        heading_at = self.rng.randint(2, 5) if self.rng.random() < 0.25 else -1
        while count < words:
            if len(paragraphs) == heading_at:
                paragraphs.append("## " + self.rng.choice(HEADINGS))
            paragraph = self.paragraph()
            paragraphs.append(paragraph)
            count += len(paragraph.split())
        if self.rng.random() < 0.15:
            paragraphs.append(self._link_line())
        return "\n\n".join(paragraphs)

    def paragraph(self) -> str:
        sentences = []
        for _ in range(self.rng.randint(3, 6)):
            if self.rng.random() < 0.15:
                sentences.append(self.rng.choice(FILLERS))
            else:
                sentences.append(self.fill(self._next_template()))
        return " ".join(sentences)

    def _next_template(self) -> str:
        """Sentence templates dealt from a shuffled deck, so an article rarely repeats one."""
        if not self.deck:
            self.deck = list(SENTENCES)
            self.rng.shuffle(self.deck)
        return self.deck.pop()

    def _link_line(self) -> str:
        body = self.story.pick(self.rng, "government-body")
        path = slug(body.name, 60)
        return (f"The full statement was [published by the {self.mention(body)}]"
                f"(https://gov.example/{path}/statements).")

    def fill(self, template: str, full_names: bool = False) -> str:
        """`template` with its slots filled; `full_names` names every actor by its name."""
        chosen: dict[str, Actor] = {}

        def actor_for(letter: str, second: str) -> Actor:
            key = letter + second
            if key not in chosen:
                kind = _KIND_OF_SLOT[letter]
                other = chosen.get(("S" if letter == "D" else letter) + ("" if second else "2"))
                chosen[key] = self.story.pick(self.rng, kind, exclude=other)
                if letter in "SD":
                    chosen[("D" if letter == "S" else "S") + second] = chosen[key]
            return chosen[key]

        def replace(match: re.Match[str]) -> str:
            letter, second = match.group(1), match.group(2)
            if letter in _KIND_OF_SLOT:
                actor = actor_for(letter, second)
                if letter == "D":
                    return actor.demonym
                return actor.name if full_names else self.mention(actor)
            if letter == "TITLE":
                return actor_for("P", "").title.lower() or "spokesperson"
            return self.value(letter)

        return _SLOT.sub(replace, template)

    def mention(self, actor: Actor) -> str:
        """How this article refers to `actor` here: full name first, then often a short form."""
        first = actor.id not in self.named
        self.named.add(actor.id)
        if actor.kind == "person":
            if not first and self.rng.random() < 0.7:
                return actor.weak_aliases[0]
            return self._name_or_alias(actor, 0.2)
        if actor.kind == "government-body" and not first and self.rng.random() < 0.3:
            return actor.weak_aliases[0]
        return self._name_or_alias(actor, 0.3)

    def _name_or_alias(self, actor: Actor, alias_share: float) -> str:
        """Mostly the name, sometimes an alias, rarely a respelling (a padding alias)."""
        draw = self.rng.random()
        if actor.respellings and draw < 0.04:
            return self.rng.choice(actor.respellings)
        if actor.aliases and draw < alias_share:
            return self.rng.choice(actor.aliases)
        return actor.name

    def value(self, slot: str) -> str:
        if slot == "M":
            return money(self.rng)
        if slot == "N":
            return f"{self.rng.choice((250, 800, 1200, 3500, 12000, 45000)):,}"
        if slot == "K":
            return str(self.rng.randint(2, 60))
        if slot == "PCT":
            return f"{self.rng.randint(3, 92)} per cent"
        if slot == "YEAR":
            return str(self.published.year - self.rng.randint(0, 4))
        if slot == "DATE":
            return self.date_phrase()
        if slot == "Q":
            return self.rng.choice(QUOTES)
        raise KeyError(slot)

    def date_phrase(self) -> str:
        earlier = self.published - dt.timedelta(days=self.rng.randint(0, 40))
        if self.rng.random() < 0.5:
            return f"on {earlier.day} {MONTHS[earlier.month - 1]} {earlier.year}"
        return f"on {earlier.strftime('%A')}"


def money(rng: random.Random) -> str:
    """A figure as newspapers write it: '$1.6 billion', '€240 million', '£85m'."""
    currency = rng.choice(("$", "$", "$", "€", "£"))
    if rng.random() < 0.5:
        return f"{currency}{rng.randint(10, 99) / 10:.1f} billion"
    amount = rng.choice((15, 40, 85, 120, 240, 450, 600, 900))
    return f"{currency}{amount}m" if currency == "£" else f"{currency}{amount} million"
