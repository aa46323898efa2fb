"""An article page names its actors once, in the actor panel: each actor the article mentions
is there with a link to its page, its kind in words and how often it is mentioned, for a
reader without JavaScript too, at phone width (the inline <details>) and on a wide screen
(the sidebar). What the article mentions is worked out from content/, not from the site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from support import content as corpus
from support.browser import DESKTOP, PHONE

pytestmark = pytest.mark.browser

ARTICLE = "us-fears-compromise-of-military-secrets"


@pytest.fixture(scope="module")
def mentioned(content_dir: Path) -> dict[str, tuple[str, str]]:
    """Actor id → (name, kind in words) for each actor whose name, an alias or a demonym the
    seed article holds."""
    text = corpus.article_body(content_dir, ARTICLE)
    found = {}
    for actor in corpus.actors(content_dir).values():
        if any(corpus.mentions(text, p) for p in (actor.name, *actor.aliases, *actor.demonyms)):
            kind = yaml.safe_load((content_dir / "actors" / f"{actor.id}.yml").read_text("utf-8"))
            found[actor.id] = (actor.name, str(kind["kind"]).replace("-", " "))
    assert found
    return found


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_panel_shows_each_mentioned_actor_without_javascript(
    browser, built_site, expect, mentioned, viewport
):
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto((built_site / "articles" / ARTICLE / "index.html").as_uri())
        # The panel is the one place: the page body has no table of the same actors.
        expect(page.locator("article h2", has_text="Actors mentioned")).to_have_count(0)
        if viewport is PHONE:
            panel = page.locator("details.actor-panel--inline")
            panel.locator("summary").click()  # a <details> opens without script
        else:
            panel = page.locator(".md-sidebar--secondary .actor-panel--sidebar")
        expect(panel).to_be_visible()
        for actor_id, (name, kind) in sorted(mentioned.items()):
            item = panel.locator(f'.actor-panel__item[data-actor-id="{actor_id}"]')
            link = item.locator(".actor-panel__link")
            expect(link).to_be_visible()
            expect(link).to_have_text(name)
            assert link.get_attribute("href").rstrip("/").endswith(f"actors/{actor_id}")
            expect(item.locator(".actor-panel__kind")).to_be_visible()
            expect(item.locator(".actor-panel__kind")).to_have_text(
                re.compile(f"^{re.escape(kind)}$", re.IGNORECASE))
            count = item.locator(".actor-panel__mentions")
            expect(count).to_be_visible()
            expect(count).to_have_text(re.compile(r"^[1-9]\d* mentions?$"))
    finally:
        context.close()
