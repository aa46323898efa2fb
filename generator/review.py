"""`briefings review`: the names the corpus keeps using that no actor holds yet.

Every article's capitalised names (`candidates.py`) less those its known actors' mentions
cover, gathered across the corpus; a name that recurs in several articles is worth an actor
file, or an alias of an actor that exists. A name is put beside an actor when it holds one of
the actor's mentions ("Gulf of Mexico" holds "Mexico"), or when it shares a word that only
that actor's names use ("Disney" beside "Walt Disney Company").
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .analyse.mentions import MentionFinder
from .candidates import Tally, covered, names_in, words
from .errors import one_line
from .load.name_checks import common_words
from .model import Actor, Corpus
from .names import spelling_key
from .wording import counted

SHOWN_ARTICLES = 5  # article ids listed per name in the text output; --json lists them all
# Words too common in organisations' names to tie a name to one actor.
_GENERIC = frozenset(("co", "corp", "corporation", "inc", "ltd", "plc", "ag", "sa", "llc",
                      "gmbh", "the", "of", "for", "and"))


@dataclass(frozen=True)
class Related:
    """Why a recurring name may belong to an existing actor."""

    actor: str  # its id
    reason: str  # "contains 'Mexico'", "shares 'Disney' with 'Walt Disney Company'"


@dataclass(frozen=True)
class Recurring:
    """A name that recurs across articles and that no actor's mention covers."""

    name: str
    role: str  # the title most often written before it, or ""
    count: int  # occurrences
    articles: tuple[str, ...]  # ids, sorted
    related: tuple[Related, ...] = ()

    def as_json(self) -> dict:
        return {"name": self.name, "role": self.role, "count": self.count,
                "articles": list(self.articles),
                "related": [{"actor": r.actor, "reason": r.reason} for r in self.related]}


def recurring_names(corpus: Corpus, min_articles: int = 2) -> list[Recurring]:
    """Names in at least `min_articles` articles that no actor holds, most frequent first."""
    finder = MentionFinder(corpus.actors)
    tally = Tally()
    holders: dict[str, dict[str, str]] = {}  # name -> actor id -> the mention it holds
    for article in sorted(corpus.articles, key=lambda a: a.id):
        mentions = finder.find(article.text)
        spans = sorted((m.start, m.end) for m in mentions)
        for name in names_in(article.text):
            if covered(name, spans):
                continue
            tally.add(name, article.id)
            for m in mentions:
                if name.start <= m.start and m.end <= name.end:
                    held = holders.setdefault(name.text, {})
                    held.setdefault(m.actor, article.text[m.start:m.end])
    distinctive = _distinctive_words(corpus.actors)
    found = []
    for name in tally.names():
        if len(tally.places[name]) < min_articles:
            continue
        related = [Related(actor, f"contains {text!r}")
                   for actor, text in sorted(holders.get(name, {}).items())]
        related += _sharing(name, distinctive, {r.actor for r in related})
        found.append(Recurring(name, tally.role(name), tally.counts[name],
                               tuple(sorted(tally.places[name])), tuple(related)))
    return found


def _distinctive_words(actors: tuple[Actor, ...]) -> dict[str, tuple[str, str]]:
    """Words that only one actor's names use: word key -> (actor id, the name using it)."""
    users: dict[str, dict[str, str]] = {}
    generic = common_words() | _GENERIC
    for actor in sorted(actors, key=lambda a: a.id):
        for form in (actor.name, *actor.aliases, *actor.weak_aliases):
            for start, end in words(form):
                key = spelling_key(form[start:end])
                if len(key) >= 3 and key not in generic:
                    users.setdefault(key, {}).setdefault(actor.id, form)
    return {key: next(iter(owners.items())) for key, owners in users.items()
            if len(owners) == 1}


def _sharing(name: str, distinctive: dict[str, tuple[str, str]],
             already: set[str]) -> list[Related]:
    related: dict[str, Related] = {}
    for start, end in words(name):
        word = name[start:end]
        owner = distinctive.get(spelling_key(word))
        if owner and owner[0] not in already and owner[0] not in related:
            actor, form = owner
            reason = (f"contains {word!r}" if spelling_key(form) == spelling_key(word)
                      else f"shares {word!r} with {form!r}")
            related[actor] = Related(actor, reason)
    return [related[actor] for actor in sorted(related)]


def sections(found: list[Recurring]) -> dict[str, list[Recurring]]:
    """The names for new actor files, and the likely aliases of existing actors."""
    return {"new": [item for item in found if not item.related],
            "aliases": [item for item in found if item.related]}


_TITLES = {"new": "Candidates for new actor files", "aliases": "Likely aliases of existing actors"}


def report_lines(found: list[Recurring], limit: int | None) -> list[str]:
    """The plain-text report: one name a line, at most `limit` under each heading."""
    lines = []
    for key, items in sections(found).items():
        shown = items[:limit]
        more = f", {len(shown)} shown" if len(shown) < len(items) else ""
        lines.append(f"{_TITLES[key]} ({len(items)}{more}):")
        lines += [one_line(_line(item)) for item in shown] or ["  none"]
    return lines


def _line(item: Recurring) -> str:
    ids = ", ".join(item.articles[:SHOWN_ARTICLES])
    more = len(item.articles) - SHOWN_ARTICLES
    if more > 0:
        ids += f" and {more} more"
    role = f" ({item.role})" if item.role else ""
    related = "".join(f"; {r.actor}: {r.reason}" for r in item.related)
    return (f"  {item.name}{role}: {counted(item.count, 'time')} in "
            f"{counted(len(item.articles), 'article')} ({ids}){related}")


def report_json(found: list[Recurring], limit: int | None) -> str:
    """The same, as JSON: every article of each name."""
    return json.dumps({key: [item.as_json() for item in items[:limit]]
                       for key, items in sections(found).items()}, ensure_ascii=False, indent=2)
