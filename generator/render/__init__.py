"""The render stage: the selected corpus and its analysis become Markdown pages, as text.

Page bodies come from the templates in `generator/templates/` (autoescaped, so user text
cannot inject HTML); the YAML front matter, which carries the actor sidebar's data for the
theme override in `site_config/`, is written here. Output is deterministic: same content,
same bytes.

    index.md                 home: latest briefings, most active actors, topics
    briefings/<id>.md        one per briefing
    articles/index.md        all sources
    articles/<id>.md         one per article
    actors/index.md          actors grouped by kind
    actors/<id>.md           one per actor
    topics/index.md          topics and regions
    topics/<id>.md, regions/<id>.md
    timeline.md              everything dated, oldest first
    graph.md, graph.json     the relationship graph, drawn and as data
    feed.xml                 Atom feed of briefings
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import groupby
from urllib.parse import urljoin, urlsplit

import jinja2
import yaml
from markupsafe import Markup

from .. import model
from ..analyse import Analysis, Graph, Involvement, Related
from ..analyse.figures import FigureKind
from . import markup

try:  # libyaml's emitter: the pure-Python one was most of render time on large corpora
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

__all__ = ["Page", "SiteOptions", "render_site"]

LATEST = 10  # briefings shown in full on the home page
KEY_FIGURES = 12  # rows of a briefing's key-figures box
ACTIVE = 8  # most active actors on the home page


@dataclass(frozen=True)
class SiteOptions:
    """What the pages must know about where they are published (for the feed's links)."""

    site_name: str = "Briefings"
    site_url: str | None = None  # absolute base URL, when known
    directory_urls: bool = True

    def path(self, doc_path: str) -> str:
        """Where a generated file is served, relative to the site root: "actors/iraq/"."""
        if not doc_path.endswith(".md"):
            return doc_path
        stem = doc_path[:-3]
        if stem == "index" or stem.endswith("/index"):
            return stem[:-5] or "./"
        return stem + "/" if self.directory_urls else stem + ".html"

    def url(self, doc_path: str) -> str:
        """The absolute URL when site_url is known, else the path from the site root."""
        path = self.path(doc_path)
        return urljoin(self.site_url, path) if self.site_url else path


@dataclass(frozen=True)
class Page:
    path: str  # doc path, e.g. "briefings/iraq.md"
    text: str


@dataclass(frozen=True)
class Source:
    """A briefing's source article with its body ready to print."""

    article: model.Article
    body: Markup


def _web_url(url: str | None) -> str | None:
    return url if url and urlsplit(url).scheme in ("http", "https") else None


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("generator", "templates"),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)
_ENV.filters.update(inline=markup.inline, cell=markup.cell, web_url=_web_url,
                    blockquote=markup.blockquote)
_ENV.globals.update(reliability=model.RELIABILITY, credibility=model.CREDIBILITY,
                    verbs=model.RELATIONSHIP_TYPES)


class _Renderer:
    def __init__(self, corpus: model.Corpus, analysis: Analysis, options: SiteOptions):
        self.corpus = corpus
        self.analysis = analysis
        self.options = options

    def page(self, path: str, template: str, front: dict | None = None, **context) -> Page:
        body = _ENV.get_template(template).render(
            corpus=self.corpus,
            analysis=self.analysis,
            link=lambda target: markup.relative(path, target),
            **context,
        )
        return Page(path, _front_matter(front or {}) + _tidy(body))

    def body(self, article: model.Article, here: str) -> Markup:
        return markup.link_mentions(
            article.text,
            self.analysis.mentions[article.id],
            lambda actor_id: markup.relative(here, f"actors/{actor_id}.md"),
        )

    def panel(self, involved: Iterable[Involvement]) -> list[dict]:
        """The actor sidebar's data, read by `site_config/overrides/partials/actor-panel.html`."""
        entries = []
        for inv in involved:
            actor = self.corpus.actor(inv.actor)
            entries.append({
                "id": actor.id,
                "name": actor.name,
                "kind": actor.kind.value,
                "kind_label": actor.kind.noun,
                "role": markup.inline(inv.role),
                "summary": markup.inline(actor.summary),
                "url": self.options.path(f"actors/{actor.id}.md"),
                "mentions": inv.mentions,
            })
        return entries

    def briefing(self, briefing: model.Briefing) -> Page:
        path = f"briefings/{briefing.id}.md"
        involved = self.analysis.briefing_actors[briefing.id]
        articles = [self.corpus.article(article_id) for article_id in briefing.articles]
        sources = [Source(article, self.body(article, path)) for article in articles]
        front = {"title": markup.page_title(briefing.title), "actor_panel": self.panel(involved)}
        quotes = [(a, q) for a in briefing.articles for q in self.analysis.quotes[a]]
        figures, years = self.key_figures(briefing)
        return self.page(path, "briefing.md", front, briefing=briefing, involved=involved,
                         sources=sources, quotes=quotes, figures=figures, years=years,
                         related=self.analysis.related.get(briefing.id, ()), reason=self.reason)

    def key_figures(self, briefing: model.Briefing) -> tuple[list, list[int]]:
        """Money and counts of people (each value once, at most `KEY_FIGURES`), and the years.

        Years are listed apart, once each: in the table every date would drown the figures.
        """
        rows, seen, years = [], set(), set()
        for article_id in briefing.articles:
            for figure in self.analysis.figures[article_id]:
                if figure.kind is FigureKind.YEAR:
                    years.add(int(figure.value))
                elif figure.value not in seen:
                    seen.add(figure.value)
                    rows.append((article_id, figure))
        return rows[:KEY_FIGURES], sorted(years)

    def reason(self, related: Related) -> str:
        """Why a briefing is related, in words: "shares Russia, Iraq · topic Intelligence"."""
        reasons = ["pinned by the curator"] if related.pinned else []
        if related.shared_actors:
            names = [self.corpus.actor(a).name for a in related.shared_actors[:3]]
            more = len(related.shared_actors) - 3
            reasons.append("shares " + ", ".join(names) + (f" +{more} more" if more > 0 else ""))
        reasons += [f"topic {self.corpus.topic(t).name}" for t in related.shared_topics]
        reasons += [f"region {self.corpus.region(r).name}" for r in related.shared_regions]
        if related.days_apart <= 31 and reasons:
            reasons.append(f"{related.days_apart} days apart")
        return " · ".join(reasons)

    def article(self, article: model.Article) -> Page:
        path = f"articles/{article.id}.md"
        involved = self.analysis.article_actors[article.id]
        briefings = [b for b in self.corpus.briefings if article.id in b.articles]
        front = {"title": markup.page_title(article.title), "actor_panel": self.panel(involved)}
        return self.page(path, "article.md", front, article=article, involved=involved,
                         briefings=sorted(briefings, key=lambda b: (b.date, b.id), reverse=True),
                         body=self.body(article, path))

    def actor(self, actor: model.Actor) -> Page:
        briefings = [
            (self.corpus.briefing(b), next(inv.mentions for inv in self.analysis.briefing_actors[b]
                                           if inv.actor == actor.id))
            for b in self.analysis.briefings_mentioning(actor.id)
        ]
        articles = [
            (self.corpus.article(a), self.analysis.mention_count(actor.id, a))
            for a in self.analysis.articles_mentioning(actor.id)
        ]
        names = [n for n in actor.aliases + actor.weak_aliases + actor.demonyms if n != actor.name]
        front = {"title": markup.page_title(actor.name)}
        quotes = self.analysis.quotes_by(actor.id, tuple(a.id for a, _count in articles))
        graph = self.analysis.graph.around(actor.id)
        return self.page(f"actors/{actor.id}.md", "actor.md", front, actor=actor,
                         briefings=briefings, articles=articles, names=names, quotes=quotes,
                         edges=graph.edges, graph=graph, graph_id=f"graph-{actor.id}",
                         graph_json=self.graph_json(graph, actor.id),
                         companions=self.analysis.co_mentions.get(actor.id, ()))

    def actors_index(self) -> Page:
        groups = [
            (kind, sorted((a for a in self.corpus.actors if a.kind is kind),
                          key=lambda a: a.name.casefold()))
            for kind in model.ActorKind
        ]
        return self.page("actors/index.md", "actors-index.md", {"title": "Actors"},
                         groups=[(kind, actors) for kind, actors in groups if actors],
                         total=len(self.corpus.actors))

    def articles_index(self) -> Page:
        articles = sorted(
            self.corpus.articles,
            key=lambda a: (a.published is None, -(a.published.toordinal() if a.published else 0),
                           a.title.casefold()),
        )
        return self.page("articles/index.md", "articles-index.md", {"title": "Sources"},
                         articles=articles)

    def home(self) -> Page:
        briefings = self.newest_first(self.corpus.briefings)
        mentions = Counter()
        for involvements in self.analysis.briefing_actors.values():
            mentions.update({inv.actor: inv.mentions for inv in involvements})
        # Most briefings first; among equals, the most mentioned.
        active = sorted(((a, len(bs)) for a, bs in self.analysis.briefings_by_actor.items()),
                        key=lambda item: (-item[1], -mentions[item[0]], item[0]))[:ACTIVE]
        topics = [(term, self.term_count("topic", term.id)) for term in self.corpus.topics]
        return self.page("index.md", "home.md", {"title": "Briefings"}, briefings=briefings,
                         actor_count=len(self.corpus.actors), latest=LATEST, active=active,
                         topics=[(t, n) for t, n in topics if n],
                         article_count=len(self.corpus.articles))

    @staticmethod
    def newest_first(briefings: Iterable[model.Briefing]) -> list[model.Briefing]:
        return sorted(briefings, key=lambda b: (b.date, b.id), reverse=True)

    def term_count(self, kind: str, term_id: str) -> int:
        return self._term_counts[kind, term_id]

    @cached_property
    def _term_counts(self) -> Counter:
        counts: Counter = Counter()
        for briefing in self.corpus.briefings:
            counts.update(("topic", t) for t in briefing.topics)
            counts.update(("region", r) for r in briefing.regions)
        return counts

    def taxonomy(self) -> list[Page]:
        pages = [self.page("topics/index.md", "topics-index.md", {"title": "Topics and regions"},
                           counts=self._term_counts)]
        for kind, folder, terms, label in (("topic", "topics", self.corpus.topics, "Topic"),
                                           ("region", "regions", self.corpus.regions, "Region")):
            for term in terms:
                briefings = self.newest_first(
                    b for b in self.corpus.briefings
                    if term.id in (b.topics if kind == "topic" else b.regions))
                pages.append(self.page(f"{folder}/{term.id}.md", "term.md",
                                       {"title": markup.page_title(term.name)}, term=term,
                                       briefings=briefings, label=label))
        return pages

    def timeline(self) -> Page:
        years = [(year, list(events))
                 for year, events in groupby(self.analysis.events, key=lambda e: e.date.year)]
        return self.page("timeline.md", "timeline.md", {"title": "Timeline"}, years=years)

    def graph(self) -> list[Page]:
        graph = self.analysis.graph
        # No table of contents: the graph gets the full width of the content column.
        front = {"title": "Relationship graph", "hide": ["toc"]}
        page = self.page("graph.md", "graph.md", front, graph=graph,
                         graph_id="graph-site", graph_json=self.graph_json(graph, None))
        data = json.dumps(self.graph_data(graph, None), indent=1, ensure_ascii=False)
        return [page, Page("graph.json", data + "\n")]

    def graph_data(self, graph: Graph, focus: str | None) -> dict:
        weights = self.analysis.briefings_by_actor
        nodes = [{"id": a, "name": self.corpus.actor(a).name,
                  "kind": self.corpus.actor(a).kind.value,
                  "kind_label": self.corpus.actor(a).kind.noun,
                  "weight": len(weights.get(a, ()))} for a in graph.actors]
        edges = [{"source": e.subject, "target": e.object, "type": e.type,
                  "label": model.RELATIONSHIP_TYPES[e.type], "briefings": list(e.briefings),
                  "evidence": list(e.evidence)} for e in graph.edges]
        return {"nodes": nodes, "edges": edges, "focus": focus}

    def graph_json(self, graph: Graph, focus: str | None) -> Markup:
        # Inline in a <script> block: "<" is escaped so no "</script>" can end it early.
        text = json.dumps(self.graph_data(graph, focus), ensure_ascii=False, sort_keys=True)
        return Markup(text.replace("<", "\\u003c"))

    def feed(self) -> Page:
        briefings = self.newest_first(self.corpus.briefings)
        updated = f"{briefings[0].date.isoformat()}T00:00:00Z" if briefings else \
            "1970-01-01T00:00:00Z"
        text = _ENV.get_template("feed.xml").render(
            corpus=self.corpus, briefings=briefings, updated=updated, url=self.options.url,
            base=self.options.site_url, site_name=self.options.site_name,
            feed_id=f"urn:briefings:{markup.slug(self.options.site_name)}")
        return Page("feed.xml", text)


def render_site(
    corpus: model.Corpus, analysis: Analysis, options: SiteOptions | None = None
) -> tuple[Page, ...]:
    """Every page of the site, sorted by path."""
    renderer = _Renderer(corpus, analysis, options or SiteOptions())
    pages = [renderer.home(), renderer.actors_index(), renderer.articles_index(),
             renderer.timeline(), renderer.feed(), *renderer.taxonomy(), *renderer.graph()]
    pages += [renderer.briefing(briefing) for briefing in corpus.briefings]
    pages += [renderer.article(article) for article in corpus.articles]
    pages += [renderer.actor(actor) for actor in corpus.actors]
    return tuple(sorted(pages, key=lambda page: page.path))


def _front_matter(front: dict) -> str:
    if not front:
        return ""
    dumped = yaml.dump(front, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{dumped}---\n\n"


def _tidy(text: str) -> str:
    # Templates keep their conditionals readable at the cost of stray blank lines.
    lines = text.splitlines()
    tidy: list[str] = []
    for line in lines:
        if line.strip() or (tidy and tidy[-1].strip()):
            tidy.append(line.rstrip())
    return "\n".join(tidy).strip() + "\n"
