"""The Atom feed of briefings (feed.xml), linked from every page by the theme override."""

from __future__ import annotations

from . import markup
from .site import ENV, Page, Site


def pages(site: Site) -> list[Page]:
    briefings = site.newest_first(site.corpus.briefings)
    updated = briefings[0].date.isoformat() if briefings else "1970-01-01"
    options = site.options
    text = ENV.get_template("feed.xml").render(
        corpus=site.corpus, briefings=briefings, updated=f"{updated}T00:00:00Z", url=options.url,
        base=options.site_url, site_name=options.site_name,
        feed_id=f"urn:briefings:{markup.slug(options.site_name) or 'site'}")
    return [Page("feed.xml", text)]
