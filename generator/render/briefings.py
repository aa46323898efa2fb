"""Briefing pages: the assessment, its actors, figures, quotations, sources and relations."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from markupsafe import Markup

from .. import model
from ..analyse import Related
from ..analyse.figures import FigureKind
from . import excerpts, markup
from .site import Page, Site

KEY_FIGURES = 12  # rows of a briefing's key-figures box
QUOTES = 10  # quotations shown from each source; the article page shows every one in its text


@dataclass(frozen=True)
class SourceText:
    """A briefing's source article with the passages the briefing shows of it."""

    article: model.Article
    body: Markup
    whole: bool  # the passages are the whole text


def pages(site: Site) -> list[Page]:
    return [remembered(site, briefing) for briefing in site.corpus.briefings]


def remembered(site: Site, briefing: model.Briefing) -> Page:
    """The briefing's page, rendered again only when what it shows changed (other briefings'
    titles and actors' names are in the memo's corpus-wide key)."""
    analysis = site.analysis
    involved = analysis.briefing_actors[briefing.id]
    key = (briefing,
           tuple(site.corpus.article(a) for a in briefing.articles),
           tuple((analysis.mentions[a], analysis.quotes[a], analysis.figures[a])
                 for a in briefing.articles),
           involved,
           tuple(site.corpus.actor(inv.actor) for inv in involved),
           analysis.related.get(briefing.id, ()))
    return site.memo.get("briefing", briefing.id, key, lambda: briefing_page(site, briefing))


def briefing_page(site: Site, briefing: model.Briefing) -> Page:
    path = f"briefings/{briefing.id}.md"
    involved = site.analysis.briefing_actors[briefing.id]
    leading, rest = site.leading(involved)
    front = {"title": markup.page_title(briefing.title),
             "description": site.description(briefing.bluf), "actor_panel": site.panel(involved),
             "search": site.search("Briefing", briefing.date, topics=briefing.topics,
                                   regions=briefing.regions,
                                   names=site.other_names(site.corpus.actor(inv.actor)
                                                          for inv in leading))}
    quotes = [(a, site.analysis.quotes[a][:QUOTES], len(site.analysis.quotes[a]) - QUOTES)
              for a in briefing.articles if site.analysis.quotes[a]]
    figures, years = key_figures(site, briefing)
    sources = [source_text(site, site.corpus.article(article_id), path,
                           [inv.actor for inv in involved],
                           [f.start for a, f in figures if a == article_id])
               for article_id in briefing.articles]
    return site.page(path, "briefing.md", front, briefing=briefing, involved=involved,
                     leading=leading, rest=rest,
                     sources=sources, quotes=quotes, figures=figures, years=years,
                     related=site.analysis.related.get(briefing.id, ()),
                     reason=lambda related: reason(site.corpus, related))


def source_text(site: Site, article: model.Article, here: str, actors: list[str],
                figures: list[int]) -> SourceText:
    """The passages of a source around the briefing's actors, its quotations and the key
    figures taken from it (`excerpts.py`), each actor's first mention in them linked."""
    mentions = site.analysis.mentions[article.id]
    first: dict[str, int] = {}
    for mention in mentions:
        first.setdefault(mention.actor, mention.start)
    anchors = [first[a] for a in actors if a in first]
    anchors += [quote.start for quote in site.analysis.quotes[article.id]] + figures
    spans = excerpts.choose(article.text, anchors)
    if spans == ((0, len(article.text)),):
        return SourceText(article, site.body(article, here), whole=True)
    blocks = excerpts.paragraphs(article.text)
    block_starts = {start for start, _end in blocks}
    block_ends = {excerpts.rstrip(article.text, start, end) for start, end in blocks}
    linked: set[str] = set()
    pieces: list[str] = []
    for index, (start, end) in enumerate(spans):
        # Each actor is linked at its first mention among the passages, as in a full text.
        inside = [dataclasses.replace(m, start=m.start - start, end=m.end - start)
                  for m in mentions if start <= m.start and m.end <= end
                  and m.actor not in linked]
        linked.update(m.actor for m in inside)
        body = markup.link_mentions(article.text[start:end], inside,
                                    lambda actor_id: markup.relative(here, f"actors/{actor_id}.md"))
        if index and article.text[spans[index - 1][1]:start].strip():
            pieces.append('<p class="excerpt-gap" aria-hidden="true">…</p>')
        opening = "" if start in block_starts else "… "
        closing = "" if excerpts.rstrip(article.text, start, end) in block_ends else " …"
        pieces.append(f"{opening}{body}{closing}")
    return SourceText(article, Markup("\n\n".join(pieces)), whole=False)


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
