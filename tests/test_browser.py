"""The built site in a real browser: Debian's headless Chromium driven by Playwright,
against the site served over HTTP under a sub-path (see `served_site` in conftest.py).

Playwright's expect() waits for the page to reach a state; nothing here asserts how long
anything takes.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from support import content as corpus
from support.browser import DESKTOP, PHONE, Traffic, origin
from support.search import open_search

pytestmark = pytest.mark.browser

BRIEFING = "iraq-russia-intelligence-sharing"

SIDEBAR_PANEL = ".md-sidebar--secondary .actor-panel--sidebar"
INLINE_PANEL = ".actor-panel--inline"
ACTOR_LINK = "a.actor-panel__link[data-actor-id]"


@pytest.fixture(scope="session")
def expected_actors(content_dir: Path) -> set[str]:
    expected = corpus.expected_actor_ids(content_dir, BRIEFING)
    assert expected
    return expected


@pytest.fixture(scope="session")
def actor_files(content_dir: Path) -> dict[str, corpus.ActorFile]:
    return corpus.actors(content_dir)


@pytest.fixture(scope="session")
def traffic(served_site: str) -> Traffic:
    """One log for every page of this module's tests (overrides conftest's one a test)."""
    return Traffic(origin(served_site))


def _briefing_url(served_site: str) -> str:
    return urljoin(served_site, f"briefings/{BRIEFING}/")


def _actor_ids(locator) -> set[str]:
    return {link.get_attribute("data-actor-id") for link in locator.all()}


def test_desktop_sidebar_panel_links_actors_and_navigates(
    open_page, served_site, expect, expected_actors, actor_files
):
    page = open_page(DESKTOP)
    briefing = _briefing_url(served_site)
    page.goto(briefing)
    panel = page.locator(SIDEBAR_PANEL)
    expect(panel).to_be_visible()
    links = panel.locator(ACTOR_LINK)
    ids = _actor_ids(links)
    assert expected_actors <= ids, f"missing from the sidebar: {sorted(expected_actors - ids)}"
    for actor_id in expected_actors:
        expect(panel.locator(f'{ACTOR_LINK}[data-actor-id="{actor_id}"]')).to_be_visible()

    for actor_id in sorted(expected_actors):
        link = panel.locator(f'{ACTOR_LINK}[data-actor-id="{actor_id}"]')
        target = urljoin(page.url, link.get_attribute("href"))
        assert target.startswith(served_site), f"{actor_id} links outside the site: {target}"
        link.click()
        expect(page).to_have_url(target)
        expect(page.locator("article h1").first).to_contain_text(actor_files[actor_id].name)
        page.go_back()
        expect(page).to_have_url(briefing)
        expect(page.locator(SIDEBAR_PANEL)).to_be_visible()


@pytest.mark.parametrize(
    ("term", "actor_id"),
    [("Clapper", "james-clapper"), ("Daesh", "isis")],
)
def test_search_finds_the_briefing(open_page, served_site, expect, actor_files, term, actor_id):
    actor = actor_files[actor_id]
    assert term in (actor.name, *actor.aliases, *actor.weak_aliases), (
        f"{term!r} is not a name of {actor_id} in content/ any more"
    )
    page = open_page(DESKTOP)
    page.goto(served_site)
    box = open_search(page, expect)
    box.press_sequentially(term)
    hits = page.locator(f'.md-search-result a[href*="briefings/{BRIEFING}/"]')
    expect(hits.first).to_be_attached()
    href = urljoin(page.url, hits.first.get_attribute("href"))
    assert href.startswith(_briefing_url(served_site)), href
    expect(hits.first).to_be_visible()
    hits.first.click()
    expect(page).to_have_url(re.compile(re.escape(_briefing_url(served_site))))


def test_phone_hides_the_sidebar_panel_but_the_inline_panel_is_reachable(
    open_page, served_site, expect, expected_actors, actor_files
):
    page = open_page(PHONE)
    page.goto(_briefing_url(served_site))
    expect(page.locator(SIDEBAR_PANEL)).to_be_hidden()
    inline = page.locator(INLINE_PANEL)
    expect(inline).to_be_visible()
    links = inline.locator(ACTOR_LINK)
    if not links.first.is_visible():
        inline.locator("summary").first.click()
    ids = _actor_ids(links)
    assert expected_actors <= ids, f"missing from the inline panel: {sorted(expected_actors - ids)}"
    for actor_id in sorted(expected_actors):
        expect(inline.locator(f'{ACTOR_LINK}[data-actor-id="{actor_id}"]')).to_be_visible()
    link = inline.locator(f'{ACTOR_LINK}[data-actor-id="{sorted(expected_actors)[0]}"]')
    target = urljoin(page.url, link.get_attribute("href"))
    link.click()
    expect(page).to_have_url(target)
    expect(page.locator("article h1").first).to_contain_text(
        actor_files[sorted(expected_actors)[0]].name
    )


def test_no_request_leaves_the_site(open_page, served_site, expect, traffic: Traffic):
    """Visit the site's kinds of page at both widths (and search), then check the log,
    which also holds the requests of the tests above when they ran first."""
    for viewport in (DESKTOP, PHONE):
        page = open_page(viewport)
        for path in ("", f"briefings/{BRIEFING}/", "actors/", "articles/"):
            page.goto(urljoin(served_site, path))
            expect(page.locator("article h1").first).to_be_visible()
        page.goto(served_site)
        open_search(page, expect).press_sequentially("Iraq")
        expect(page.locator(".md-search-result__item").first).to_be_attached()
    assert traffic.requests, "no request was recorded at all"
    assert any("/pagefind/fragment/" in url for url in traffic.requests), (
        "no search result was fetched: are the search worker's requests recorded?"
    )
    leaving = traffic.leaving()
    assert not leaving, "requests that leave the site:\n" + "\n".join(sorted(set(leaving)))
    assert not traffic.failed, "failed requests:\n" + "\n".join(sorted(set(traffic.failed)))
