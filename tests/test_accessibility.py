"""Accessibility in a real browser: axe-core finds nothing wrong on any kind of page of the seed
site (served under a sub-path, `served_site` in conftest.py), at 1280 px and 375 px, in the light
and the dark scheme, with the search open on its results and the phone's actor panel open.

axe-core is the copy the `axe-playwright-python` package carries (axe.min.js, MPL-2.0; the
package is MIT), injected into the page as a script: it reads the page and asks nothing of the
network, which the traffic log checks. Every rule axe runs by default counts (WCAG 2.x A and
AA, and its best practices such as heading order), whatever its impact.
"""

from __future__ import annotations

import pytest
from support.browser import PHONE, Traffic
from support.search import ITEM, open_search, search_for

pytestmark = pytest.mark.browser

LAPTOP = {"width": 1280, "height": 800}
SEARCH = "search"  # not a page: the search box opened on the briefings index, with results

# One page of each kind, by where it is served in the seed site.
PAGES = {
    "home": "",
    "briefing": "briefings/iraq-russia-intelligence-sharing/",
    "article": "articles/us-fears-compromise-of-military-secrets/",
    "actor": "actors/iraq/",
    "actors index": "actors/",
    "topics index": "topics/",
    "topic": "topics/intelligence-sharing/",
    "timeline": "timeline/",
    "graph": "graph/",
    "sources index": "articles/",
    SEARCH: "briefings/",
}
# Material's palette: the browser's preferred scheme picks the light ("default") or the dark
# ("slate") one, as the toggle's first option (follow the system) does for a reader.
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def axe():
    axe_playwright = pytest.importorskip(
        "axe_playwright_python.sync_playwright",
        reason="axe-playwright-python is missing (pip install -e '.[test]')")
    return axe_playwright.Axe()


def violations(axe, page) -> list[str]:
    """What axe finds wrong on the page as it now stands: one line a rule and element."""
    found = axe.run(page).response["violations"]
    return [f"{rule['id']} ({rule['impact']}): {' '.join(node['target'])}: "
            f"{node['failureSummary'].splitlines()[-1].strip()}"
            for rule in found for node in rule["nodes"]]


@pytest.mark.parametrize("scheme", list(SCHEMES))
@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["1280px", "375px"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_no_axe_violation(axe, open_page, served_site: str, traffic: Traffic, expect,
                          kind: str, viewport: dict, scheme: str):
    page = open_page(viewport, color_scheme=scheme)
    page.goto(served_site + PAGES[kind])
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.body.dataset.mdColorScheme") == SCHEMES[scheme]
    if kind == SEARCH:
        open_search(page, expect)
        search_for(page, expect, "Iraq")
        expect(page.locator(ITEM).first).to_be_visible()
    # On a phone the actor panel is a closed <details>: axe checks only what is shown.
    panel = page.locator("details.actor-panel--inline > summary")
    if panel.count() and panel.is_visible():
        panel.click()
        expect(page.locator("details.actor-panel--inline .actor-panel__link").first) \
            .to_be_visible()

    assert violations(axe, page) == []
    assert traffic.leaving() == []
    assert traffic.failed == []
