"""The render stage: the selected corpus and its analysis become Markdown pages, as text.

Page bodies come from the templates in `generator/templates/` (autoescaped, so user text
cannot inject HTML); the YAML front matter, which carries the actor sidebar's data for the
theme override in `site_config/`, is written here. Output is deterministic: same content,
same bytes.

    index.md                 home: latest briefings
    briefings/<id>.md        one per briefing
    articles/index.md        all sources
    articles/<id>.md         one per article
    actors/index.md          actors grouped by kind
    actors/<id>.md           one per actor
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

import jinja2
import yaml
from markupsafe import Markup

from .. import model
from ..analyse import Analysis, Involvement
from . import markup

__all__ = ["Page", "render_site"]


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
_ENV.globals.update(reliability=model.RELIABILITY, credibility=model.CREDIBILITY)


class _Renderer:
    def __init__(self, corpus: model.Corpus, analysis: Analysis):
        self.corpus = corpus
        self.analysis = analysis

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
                "page": f"actors/{actor.id}.md",
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
        figures = [(a, f) for a in briefing.articles for f in self.analysis.figures[a]]
        return self.page(path, "briefing.md", front, briefing=briefing, involved=involved,
                         sources=sources, quotes=quotes, figures=figures)

    def article(self, article: model.Article) -> Page:
        path = f"articles/{article.id}.md"
        involved = self.analysis.article_actors[article.id]
        briefings = [b for b in self.corpus.briefings if article.id in b.articles]
        front = {"title": markup.page_title(article.title), "actor_panel": self.panel(involved)}
        return self.page(path, "article.md", front, article=article, involved=involved,
                         briefings=sorted(briefings, key=lambda b: (b.date, b.id), reverse=True),
                         body=self.body(article, path))

    def actor(self, actor: model.Actor) -> Page:
        briefings = [self.corpus.briefing(b) for b in self.analysis.briefings_mentioning(actor.id)]
        articles = [
            (self.corpus.article(a), self.analysis.mention_count(actor.id, a))
            for a in self.analysis.articles_mentioning(actor.id)
        ]
        names = [n for n in actor.aliases + actor.weak_aliases + actor.demonyms if n != actor.name]
        front = {"title": markup.page_title(actor.name)}
        quotes = self.analysis.quotes_by(actor.id, tuple(a.id for a, _count in articles))
        return self.page(f"actors/{actor.id}.md", "actor.md", front, actor=actor,
                         briefings=briefings, articles=articles, names=names, quotes=quotes)

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
        briefings = sorted(self.corpus.briefings, key=lambda b: (b.date, b.id), reverse=True)
        return self.page("index.md", "home.md", {"title": "Briefings"}, briefings=briefings,
                         actor_count=len(self.corpus.actors),
                         article_count=len(self.corpus.articles))


def render_site(corpus: model.Corpus, analysis: Analysis) -> tuple[Page, ...]:
    """Every page of the site, sorted by path."""
    renderer = _Renderer(corpus, analysis)
    pages = [renderer.home(), renderer.actors_index(), renderer.articles_index()]
    pages += [renderer.briefing(briefing) for briefing in corpus.briefings]
    pages += [renderer.article(article) for article in corpus.articles]
    pages += [renderer.actor(actor) for actor in corpus.actors]
    return tuple(sorted(pages, key=lambda page: page.path))


def _front_matter(front: dict) -> str:
    if not front:
        return ""
    dumped = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{dumped}---\n\n"


def _tidy(text: str) -> str:
    # Templates keep their conditionals readable at the cost of stray blank lines.
    lines = text.splitlines()
    tidy: list[str] = []
    for line in lines:
        if line.strip() or (tidy and tidy[-1].strip()):
            tidy.append(line.rstrip())
    return "\n".join(tidy).strip() + "\n"
