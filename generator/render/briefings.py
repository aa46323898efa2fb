"""Briefing pages: the assessment, its actors, figures, quotations, sources and relations."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from .. import model
from ..analyse import Related
from ..analyse.figures import FigureKind
from . import markup
from .site import Page, Site

KEY_FIGURES = 12  # rows of a briefing's key-figures box


@dataclass(frozen=True)
class SourceText:
    """A briefing's source article with its body ready to print."""

    article: model.Article
    body: Markup


def pages(site: Site) -> list[Page]:
    return [briefing_page(site, briefing) for briefing in site.corpus.briefings]


def briefing_page(site: Site, briefing: model.Briefing) -> Page:
    path = f"briefings/{briefing.id}.md"
    involved = site.analysis.briefing_actors[briefing.id]
    articles = [site.corpus.article(article_id) for article_id in briefing.articles]
    sources = [SourceText(article, site.body(article, path)) for article in articles]
    front = {"title": markup.page_title(briefing.title), "actor_panel": site.panel(involved)}
    quotes = [(a, q) for a in briefing.articles for q in site.analysis.quotes[a]]
    figures, years = key_figures(site, briefing)
    return site.page(path, "briefing.md", front, briefing=briefing, involved=involved,
                     sources=sources, quotes=quotes, figures=figures, years=years,
                     related=site.analysis.related.get(briefing.id, ()),
                     reason=lambda related: reason(site.corpus, related))


def key_figures(site: Site, briefing: model.Briefing) -> tuple[list, list[int]]:
    """Money and counts of people (each value once, at most `KEY_FIGURES`), and the years.

    Years are listed apart, once each: in the table every date would drown the figures.
    """
    rows, seen, years = [], set(), set()
    for article_id in briefing.articles:
        for figure in site.analysis.figures[article_id]:
            if figure.kind is FigureKind.YEAR:
                years.add(int(figure.value))
            elif figure.value not in seen:
                seen.add(figure.value)
                rows.append((article_id, figure))
    return rows[:KEY_FIGURES], sorted(years)


def reason(corpus: model.Corpus, related: Related) -> str:
    """Why a briefing is related, in words: "shares Russia, Iraq · topic Intelligence"."""
    reasons = ["pinned by the curator"] if related.pinned else []
    if related.shared_actors:
        names = [corpus.actor(a).name for a in related.shared_actors[:3]]
        more = len(related.shared_actors) - 3
        reasons.append("shares " + ", ".join(names) + (f" +{more} more" if more > 0 else ""))
    reasons += [f"topic {corpus.topic(t).name}" for t in related.shared_topics]
    reasons += [f"region {corpus.region(r).name}" for r in related.shared_regions]
    if related.days_apart <= 31 and reasons:
        reasons.append(f"{related.days_apart} days apart")
    return " · ".join(reasons)
