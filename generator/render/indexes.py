"""The pages that lead to all others: home, topics and regions, the timeline."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from . import markup
from .site import Page, Site

LATEST = 10  # briefings shown in full on the home page
ACTIVE = 8  # most active actors on the home page


def pages(site: Site) -> list[Page]:
    return [home(site), timeline(site), *taxonomy(site)]


def home(site: Site) -> Page:
    analysis = site.analysis
    mentions: Counter = Counter()
    for involvements in analysis.briefing_actors.values():
        mentions.update({inv.actor: inv.mentions for inv in involvements})
    # Most briefings first; among equals, the most mentioned.
    active = sorted(((a, len(bs)) for a, bs in analysis.briefings_by_actor.items()),
                    key=lambda item: (-item[1], -mentions[item[0]], item[0]))[:ACTIVE]
    topics = [(term, site.term_counts["topic", term.id]) for term in site.corpus.topics]
    # No title in front matter: on the home page Material then shows the site name alone.
    return site.page("index.md", "home.md", None,
                     briefings=site.newest_first(site.corpus.briefings), latest=LATEST,
                     active=active, topics=[(t, n) for t, n in topics if n],
                     actor_count=len(site.corpus.actors),
                     article_count=len(site.corpus.articles))


def taxonomy(site: Site) -> list[Page]:
    pages = [site.page("topics/index.md", "topics-index.md", {"title": "Topics and regions"},
                       counts=site.term_counts)]
    for kind, folder, terms, label in (("topic", "topics", site.corpus.topics, "Topic"),
                                       ("region", "regions", site.corpus.regions, "Region")):
        for term in terms:
            briefings = site.newest_first(
                b for b in site.corpus.briefings
                if term.id in (b.topics if kind == "topic" else b.regions))
            pages.append(site.page(f"{folder}/{term.id}.md", "term.md",
                                   {"title": markup.page_title(term.name)}, term=term,
                                   briefings=briefings, label=label))
    return pages


def timeline(site: Site) -> Page:
    years = [(year, list(events))
             for year, events in groupby(site.analysis.events, key=lambda e: e.date.year)]
    return site.page("timeline.md", "timeline.md", {"title": "Timeline"}, years=years)
