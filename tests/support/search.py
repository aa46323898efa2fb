"""The site's search box as a user drives it in the browser (partials/search.html,
javascripts/search.js): open it, type, read the results as shown."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

BOX = ".md-search__input"
ITEM = ".md-search-result__item"
COUNT = ".md-search-result__meta"
RESULTS = "[data-briefings-search-result]"
MORE = "[data-briefings-search-more]"
TOGGLE = "#__search"  # Material's checkbox that opens the overlay


def filter_select(name: str) -> str:
    return f"select[data-briefings-search-filter={name}]"


def open_search(page, expect):
    """Open search as a user does: the magnifier in the header on a narrow screen, the search
    box itself on a wide one. Returns the focused input."""
    label = page.locator('label.md-header__button[for="__search"]')
    box = page.locator(BOX)
    if label.is_visible():
        label.click()
    else:
        box.click()
    expect(box).to_be_focused()
    return box


def search_for(page, expect, query: str):
    """Type `query` into the open search box, key by key, and wait until what is listed
    answers it: the result list is busy from a keystroke until its results are shown."""
    box = page.locator(BOX)
    box.fill("")
    box.press_sequentially(query)
    settled(page, expect)
    return box


def settled(page, expect) -> None:
    """Wait until the results listed answer the query and filters as they now stand."""
    expect(page.locator(f"{RESULTS}[aria-busy=false]")).to_be_attached()


@dataclass(frozen=True)
class Result:
    href: str  # as written in the page
    url: str  # resolved against the page's URL
    title: str
    kind: str
    date: str
    excerpt: str
    marked: tuple[str, ...]  # the highlighted words of the excerpt


def results(page) -> list[Result]:
    """The results listed, in order, as the page shows them."""
    found = page.eval_on_selector_all(f"{ITEM} a", """links => links.map(a => ({
        href: a.getAttribute("href"),
        title: a.querySelector("h1").textContent,
        kind: a.querySelector(".search-result__kind")?.textContent ?? "",
        date: a.querySelector(".search-result__date")?.textContent ?? "",
        excerpt: a.querySelector("article > p:last-child").textContent,
        marked: Array.from(a.querySelectorAll("mark"), m => m.textContent),
    }))""")
    return [Result(item["href"], urljoin(page.url, item["href"]), item["title"], item["kind"],
                   item["date"], item["excerpt"], tuple(item["marked"])) for item in found]
