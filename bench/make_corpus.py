"""Write a synthetic but realistic corpus in exactly the `content/` format, for benchmarks.

    python bench/make_corpus.py --articles 1000 --actors 200 --briefings 100 \\
        --aliases 3000 --out bench/out [--seed 1]

writes DIR/content/{actors,articles,briefings}/ and DIR/content/taxonomy.yml. The same
arguments and seed always give the same bytes. Articles are grouped into stories (one per
briefing): a story has a cast of states, government bodies, people, an armed group and an
organization, and each of its articles mentions that cast (plus a few walk-ons) by name,
alias, demonym and, after a full mention, weak alias (a person's surname).

This file owns the command line, the grouping into stories and the writing of files; the
names, the actors, the prose and the briefings come from names.py, cast.py, prose.py and
briefs.py beside it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from briefs import Cited, add_related, briefing_id, make_briefing, taxonomy
from cast import Actor, make_actors, pad_aliases, slug
from names import FIRST_NAMES, Names
from prose import Story, Writer

MARKER = ".synthetic-corpus"  # marks a content folder this script may replace
PUBLISHERS = (
    ("The Meridian Post", "meridianpost.example"),
    ("Global Affairs Wire", "globalaffairswire.example"),
    ("Frontier Monitor", "frontiermonitor.example"),
    ("The Littoral Times", "littoraltimes.example"),
    ("Defence Ledger", "defenceledger.example"),
    ("Plateau Daily", "plateaudaily.example"),
)
RELIABILITY_WEIGHTS = {"A": 1, "B": 5, "C": 4, "D": 2, "E": 1, "F": 2}
FIRST_DAY = dt.date(2023, 1, 1)
LAST_DAY = dt.date(2026, 11, 20)


@dataclass
class ArticleFile:
    id: str
    front: dict[str, Any]
    body: str
    story: int


@dataclass
class Corpus:
    actors: list[Actor]
    articles: list[ArticleFile]
    briefings: dict[str, dict[str, Any]]
    taxonomy: dict[str, Any] = field(default_factory=taxonomy)


def build(articles: int, actors: int, briefings: int, aliases: int, seed: int) -> Corpus:
    """The whole corpus in memory; nothing is written."""
    rng = random.Random(seed)
    names = Names(rng)
    cast = make_actors(rng, names, actors)
    pad_aliases(rng, names, cast, aliases)
    stories = [_story(rng, cast) for _ in range(max(1, briefings))]
    authors = [f"{rng.choice(FIRST_NAMES)} {names.surname()}" for _ in range(40)]
    written = [_article(rng, i, stories, authors) for i in range(articles)]
    return Corpus(cast, written, _briefings(rng, briefings, stories, written))


def _story(rng: random.Random, actors: list[Actor]) -> Story:
    """A cast: 2-3 states, their bodies and people, an armed group and an organization."""
    def of(kinds: tuple[str, ...], pool: list[Actor] | None = None) -> list[Actor]:
        return [a for a in (pool or actors) if a.kind in kinds]

    states = rng.sample(of(("state",)), min(len(of(("state",))), rng.randint(2, 3)))
    home = {state.id for state in states}
    local = [a for a in actors if a.country in home] or actors
    return Story(
        by_kind={
            "state": states,
            "government-body": _some(rng, of(("government-body",), local), 1, 2),
            "person": _some(rng, of(("person",), local), 2, 4),
            "armed-group": _some(rng, of(("armed-group",)), 1, 1),
            "organization": _some(rng, of(("organization", "international-organization")), 1, 2),
        },
        everyone=actors,
    )


def _some(rng: random.Random, pool: list[Actor], low: int, high: int) -> list[Actor]:
    return rng.sample(pool, min(len(pool), rng.randint(low, high)))


def _with_walk_ons(rng: random.Random, story: Story) -> Story:
    """The story plus up to two actors from anywhere, as a single article might add."""
    by_kind = {kind: list(actors) for kind, actors in story.by_kind.items()}
    for actor in rng.sample(story.everyone, rng.randint(0, 2)):
        family = "organization" if actor.kind == "international-organization" else actor.kind
        by_kind.setdefault(family, []).append(actor)
    return Story(by_kind, story.everyone)


def _article(rng: random.Random, index: int, stories: list[Story],
             authors: list[str]) -> ArticleFile:
    story_index = index % len(stories)
    published = _story_day(story_index, len(stories)) + dt.timedelta(days=rng.randint(0, 60))
    writer = Writer(rng, _with_walk_ons(rng, stories[story_index]), published)
    title = writer.title()
    body = writer.body(rng.randint(500, 900))
    article_id = f"{slug(title, 50)}-{index:05d}"
    publisher, domain = rng.choice(PUBLISHERS)
    dated = rng.random() >= 0.05
    front = {
        "title": title,
        "publisher": publisher,
        "url": f"https://{domain}/{published:%Y/%m/%d}/{slug(title, 60)}",
        "published": published if dated else None,
        "author": rng.choice(authors),
        "language": "en",
        "reliability": rng.choices(list(RELIABILITY_WEIGHTS), RELIABILITY_WEIGHTS.values())[0],
        "credibility": rng.randint(1, 6),
        "tlp": rng.choices(("CLEAR", "GREEN", "AMBER"), (90, 6, 4))[0],
        "status": "published" if rng.random() >= 0.04 else "draft",
    }
    return ArticleFile(article_id, front, body, story_index)


def _story_day(story: int, stories: int) -> dt.date:
    """Stories are spread evenly over the covered period, so their articles cluster in time."""
    span = (LAST_DAY - FIRST_DAY).days - 60
    return FIRST_DAY + dt.timedelta(days=span * story // max(1, stories))


def _briefings(rng: random.Random, count: int, stories: list[Story],
               articles: list[ArticleFile]) -> dict[str, dict[str, Any]]:
    by_story: dict[int, list[ArticleFile]] = {}
    for article in articles:
        by_story.setdefault(article.story, []).append(article)
    briefings: dict[str, dict[str, Any]] = {}
    for index in range(count if articles else 0):
        cited = _cite(rng, by_story.get(index, []), articles)
        fields = make_briefing(rng, stories[index], cited)
        briefings[briefing_id(fields["title"], index)] = fields
    add_related(rng, briefings)
    return briefings


def _cite(rng: random.Random, own: list[ArticleFile], everything: list[ArticleFile]) -> list[Cited]:
    """3 to 10 articles: the story's own, topped up from elsewhere when it has too few."""
    wanted = min(len(everything), rng.randint(3, 10))
    chosen = rng.sample(own, min(len(own), wanted))
    others = [a for a in everything if a not in chosen]
    chosen += rng.sample(others, wanted - len(chosen))
    chosen.sort(key=lambda a: (a.front["published"] or dt.date.min, a.id))
    return [Cited(a.id, a.front["published"]) for a in chosen]


def write(corpus: Corpus, out_dir: Path) -> Path:
    """Write the corpus to OUT/content, replacing an earlier synthetic one; return the folder."""
    content = Path(out_dir) / "content"
    if content.exists():
        if not (content / MARKER).exists():
            raise SystemExit(f"{content} exists and is not a synthetic corpus; not touching it")
        shutil.rmtree(content)
    for folder in ("actors", "articles", "briefings"):
        (content / folder).mkdir(parents=True)
    (content / MARKER).write_text("written by bench/make_corpus.py; safe to delete\n")
    _write_yaml(content / "taxonomy.yml", corpus.taxonomy, "Taxonomy: topics and regions.")
    for actor in corpus.actors:
        _write_yaml(content / "actors" / f"{actor.id}.yml", actor_fields(actor), "Actor.")
    for article in corpus.articles:
        front = _dump(article.front)
        (content / "articles" / f"{article.id}.md").write_text(
            f"---\n{front}---\n{article.body}\n", encoding="utf-8")
    for briefing_id_, fields in corpus.briefings.items():
        _write_yaml(content / "briefings" / f"{briefing_id_}.yml", fields, "Briefing.")
    return content


def actor_fields(actor: Actor) -> dict[str, Any]:
    """The actor as its YAML file holds it; empty optional fields left out."""
    fields: dict[str, Any] = {
        "name": actor.name,
        "kind": actor.kind,
        "aliases": actor.aliases + actor.respellings,
        "weak_aliases": actor.weak_aliases,
        "demonyms": actor.demonyms,
        "country": actor.country,
        "roles": [{"title": r.title, "organization": r.organization, "from": r.start, "to": r.end}
                  for r in actor.roles],
        "affiliations": actor.affiliations,
        "summary": actor.summary,
    }
    return {key: value for key, value in fields.items() if value not in (None, [])}


def _write_yaml(path: Path, data: dict[str, Any], comment: str) -> None:
    header = f"# {comment} Synthetic, written by bench/make_corpus.py.\n"
    path.write_text(header + _dump(data), encoding="utf-8")


class _Dumper(yaml.SafeDumper):
    """Writes shared values out in full: content files may not use YAML anchors."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _dump(data: dict[str, Any]) -> str:
    return yaml.dump(_drop_none(data), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     width=100)


def _drop_none(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None or k == "published"}
    if isinstance(value, list):
        return [_drop_none(item) for item in value]
    return value


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--actors", type=int, default=200)
    parser.add_argument("--briefings", type=int, default=100)
    parser.add_argument("--aliases", type=int, default=0,
                        help="pad actors with respellings until there are this many aliases")
    parser.add_argument("--out", type=Path, required=True, help="writes OUT/content")
    parser.add_argument("--seed", type=int, default=1)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    corpus = build(args.articles, args.actors, args.briefings, args.aliases, args.seed)
    content = write(corpus, args.out)
    aliases = sum(len(actor.aliases) + len(actor.respellings) for actor in corpus.actors)
    words = sum(len(article.body.split()) for article in corpus.articles)
    print(f"{content}: {len(corpus.articles)} articles ({words:,} words), "
          f"{len(corpus.actors)} actors ({aliases:,} aliases), {len(corpus.briefings)} briefings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
