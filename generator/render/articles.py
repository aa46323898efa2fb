"""Article pages (each source's full text) and the paginated index of sources."""

from __future__ import annotations

from .. import model
from . import markup
from .paging import numbered, paginate
from .site import Page, Site

INDEX_ROWS = 100  # sources on each page of the index


def pages(site: Site) -> list[Page]:
    index = site.memo.get("sources", "all", site.corpus.articles, lambda: index_pages(site))
    return [*index, *(remembered(site, a) for a in site.corpus.articles)]


def remembered(site: Site, article: model.Article) -> Page:
    """The article's page, rendered again only when what it shows changed."""
    involved = site.analysis.article_actors[article.id]
    key = (article, site.analysis.mentions[article.id], involved,
           tuple(site.corpus.actor(inv.actor) for inv in involved),
           tuple(site.citing.get(article.id, ())))
    return site.memo.get("article", article.id, key, lambda: article_page(site, article))


def article_page(site: Site, article: model.Article) -> Page:
    path = f"articles/{article.id}.md"
    involved = site.analysis.article_actors[article.id]
    rest = site.leading(involved)[1]  # the panel shows the leading actors, the page the rest
    front = {"title": markup.page_title(article.title),
             "description": site.description(article.text, sentence=True),
             "actor_panel": site.panel(involved),
             "search": site.search("Source", article.published)}
    return site.page(path, "article.md", front, article=article, rest=rest,
                     briefings=site.citing.get(article.id, []), body=site.body(article, path))


def index_pages(site: Site) -> list[Page]:
    articles = sorted(site.corpus.articles, key=model.article_order)
    return [site.page(pager.path, "articles-index.md", {"title": numbered("Sources", pager)},
                      pager=pager)
            for pager in paginate(articles, INDEX_ROWS, "articles/index.md")]
