"""The pages that lead to all others: home, every briefing, topics and regions, the timeline.

Each grows with the corpus, so each is bounded: the home page shows the latest briefings and
links to the list of all of them; that list and the topic and region pages are paginated
(`paging.py`); the timeline is one page per year, or per month of a busy year.
"""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from ..analyse import Event
from . import markup
from .paging import numbered, paginate
from .site import Page, Site

LATEST = 10  # briefings shown with their BLUF on the home page
EARLIER = 40  # briefings after those listed by title on the home page
ACTIVE = 8  # most active actors on the home page
BRIEFING_ROWS = 100  # briefings on each page of the list of all briefings
TERM_BRIEFINGS = 20  # briefings, with their BLUF, on each page of a topic or region
YEAR_EVENTS = 400  # a year with more events than this gets one page per month


def pages(site: Site) -> list[Page]:
    return [home(site), *all_briefings(site),
            *site.memo.get("timeline", "all", site.analysis.events, lambda: timeline(site)),
            *taxonomy(site)]


def home(site: Site) -> Page:
    analysis = site.analysis
    mentions: Counter = Counter()
    for involvements in analysis.briefing_actors.values():
        mentions.update({inv.actor: inv.mentions for inv in involvements})
    # Most briefings first; among equals, the most mentioned.
    active = sorted(((a, len(bs)) for a, bs in analysis.briefings_by_actor.items()),
                    key=lambda item: (-item[1], -mentions[item[0]], item[0]))[:ACTIVE]
    topics = [(term, site.term_counts["topic", term.id]) for term in site.corpus.topics]
    briefings = site.newest_first(site.corpus.briefings)
    # No title in front matter: on the home page Material then shows the site name alone.
    return site.page("index.md", "home.md", None,
                     latest=briefings[:LATEST], earlier=briefings[LATEST:LATEST + EARLIER],
                     briefing_count=len(briefings),
                     active=active, topics=[(t, n) for t, n in topics if n],
                     actor_count=len(site.corpus.actors),
                     article_count=len(site.corpus.articles))


def all_briefings(site: Site) -> list[Page]:
    briefings = site.newest_first(site.corpus.briefings)
    return [site.page(pager.path, "briefings-index.md",
                      {"title": numbered("All briefings", pager)}, pager=pager)
            for pager in paginate(briefings, BRIEFING_ROWS, "briefings/index.md")]


def taxonomy(site: Site) -> list[Page]:
    pages = [site.page("topics/index.md", "topics-index.md", {"title": "Topics and regions"},
                       counts=site.term_counts)]
    for kind, folder, terms, label in (("topic", "topics", site.corpus.topics, "Topic"),
                                       ("region", "regions", site.corpus.regions, "Region")):
        for term in terms:
            briefings = site.newest_first(
                b for b in site.corpus.briefings
                if term.id in (b.topics if kind == "topic" else b.regions))
            # Its first page stands for it in search; the others continue its list.
            pages += [site.page(pager.path, "term.md",
                                {"title": markup.page_title(numbered(term.name, pager)),
                                 "description": site.description(term.description),
                                 **({"search": site.search(label)} if pager.number == 1 else {})},
                                term=term, pager=pager, label=label)
                      for pager in paginate(briefings, TERM_BRIEFINGS, f"{folder}/{term.id}.md")]
    return pages


def timeline(site: Site) -> list[Page]:
    """timeline.md lists the years; each year is a page, or a page per month when busy."""
    parts: list[tuple[str, str, list[Event]]] = []  # (doc path, heading, events)
    years = []
    for year, in_year in groupby(site.analysis.events, key=lambda e: e.date.year):
        events = list(in_year)
        if len(events) <= YEAR_EVENTS:
            parts.append((f"timeline/{year}.md", str(year), events))
            years.append((year, len(events), [(f"timeline/{year}.md", str(year), len(events))]))
            continue
        months = []
        for month, in_month in groupby(events, key=lambda e: e.date.month):
            listed = list(in_month)
            heading = listed[0].date.strftime("%B %Y")
            path = f"timeline/{year}-{month:02}.md"
            parts.append((path, heading, listed))
            months.append((path, listed[0].date.strftime("%b"), len(listed)))
        years.append((year, len(events), months))
    index = site.page("timeline.md", "timeline.md", {"title": "Timeline"}, years=years)
    return [index, *(
        site.page(path, "timeline-part.md", {"title": f"Timeline: {heading}"},
                  heading=heading, events=events,
                  previous=parts[i - 1][:2] if i else None,
                  next=parts[i + 1][:2] if i + 1 < len(parts) else None)
        for i, (path, heading, events) in enumerate(parts))]
