"""Article pages and the index of sources."""

from __future__ import annotations

from .. import model
from . import markup
from .site import Page, Site


def pages(site: Site) -> list[Page]:
    return [index_page(site), *(article_page(site, a) for a in site.corpus.articles)]


def article_page(site: Site, article: model.Article) -> Page:
    path = f"articles/{article.id}.md"
    involved = site.analysis.article_actors[article.id]
    front = {"title": markup.page_title(article.title), "actor_panel": site.panel(involved)}
    return site.page(path, "article.md", front, article=article, involved=involved,
                     briefings=site.citing.get(article.id, []), body=site.body(article, path))


def index_page(site: Site) -> Page:
    articles = sorted(site.corpus.articles, key=model.article_order)
    return site.page("articles/index.md", "articles-index.md", {"title": "Sources"},
                     articles=articles)
