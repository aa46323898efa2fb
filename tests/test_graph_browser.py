"""The relationship graph in a real browser: Debian's headless Chromium driven by Playwright,
against the built site served over HTTP under a sub-path (`served_site` in conftest.py).

The graph is drawn by site_config/docs/javascripts/graph.js with the vendored Cytoscape.js;
the tests reach the drawing through the Cytoscape instance the script keeps on its container
(`container._cy`). What the graph must hold is worked out from content/, never from the
program's output.

The expectations follow the default publishing profile (`public`: published briefings at
TLP:CLEAR); run these tests without BRIEFINGS_PROFILE set.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
from support import content as corpus
from support.browser import DESKTOP, PHONE, Traffic

pytestmark = pytest.mark.browser

SITE_GRAPH = ".relationship-graph.relationship-graph--site"
ACTOR_GRAPH = ".relationship-graph.relationship-graph--actor"
VENDORED = "vendor/cytoscape/cytoscape.min.js"


# -- what the graph must hold, from content/ ------------------------------------------------


@dataclass(frozen=True)
class Relationship:
    subject: str
    type: str
    object: str
    briefing: str


def _shown_by_default(briefing: dict) -> bool:
    """The default `public` profile: published briefings labelled TLP:CLEAR (a briefing
    without a status is a draft; without a TLP label, CLEAR)."""
    status = str(briefing.get("status") or "draft").lower()
    tlp = str(briefing.get("tlp") or "CLEAR").upper().removeprefix("TLP:")
    return status == "published" and tlp == "CLEAR"


@pytest.fixture(scope="session")
def relationships(content_dir: Path) -> list[Relationship]:
    found = [
        Relationship(str(r["subject"]), str(r["type"]), str(r["object"]), briefing_id)
        for briefing_id, briefing in corpus.briefings(content_dir).items()
        if _shown_by_default(briefing)
        for r in briefing.get("relationships") or ()
    ]
    assert found, "no briefing in content/ states a relationship: nothing for the graph"
    return found


@pytest.fixture(scope="session")
def graph_actors(relationships: list[Relationship]) -> set[str]:
    return {r.subject for r in relationships} | {r.object for r in relationships}


@pytest.fixture(scope="session")
def actor_kinds(content_dir: Path) -> dict[str, str]:
    import yaml

    return {
        path.stem: str((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("kind"))
        for path in sorted((content_dir / "actors").glob("*.yml"))
    }


@pytest.fixture(scope="session")
def busiest_actor(relationships: list[Relationship]) -> str:
    """The actor in the most relationships (ties: the first id): the one the tests click."""
    counts: dict[str, int] = {}
    for r in relationships:
        for actor in (r.subject, r.object):
            counts[actor] = counts.get(actor, 0) + 1
    return sorted(counts, key=lambda actor: (-counts[actor], actor))[0]


def _neighbours(relationships: list[Relationship], actor: str) -> set[str]:
    return {r.object for r in relationships if r.subject == actor} | {
        r.subject for r in relationships if r.object == actor
    }


# -- the browser --------------------------------------------------------------------------


def _drawn(page, expect, selector: str):
    graph = page.locator(selector)
    expect(graph).to_have_count(1)
    expect(graph).to_have_attribute("data-rendered", "true")
    return graph


def _node_ids(graph) -> set[str]:
    return set(graph.evaluate("g => g._cy.nodes().map(n => n.id())"))


def _click_node(page, graph, actor_id: str) -> None:
    """Click where the node is drawn, as a reader would: scroll it to the middle of the
    window, then click at the container's offset plus the node's rendered position."""
    assert graph.evaluate("(g, id) => g._cy.getElementById(id).nonempty()", actor_id), (
        f"{actor_id} is not in the graph"
    )

    def where() -> tuple[float, float]:
        box = graph.bounding_box()
        pos = graph.evaluate("(g, id) => g._cy.getElementById(id).renderedPosition()", actor_id)
        return box["x"] + pos["x"], box["y"] + pos["y"]

    _, y = where()
    page.evaluate("y => window.scrollBy(0, y - window.innerHeight / 2)", y)
    x, y = where()
    viewport = page.viewport_size
    assert 0 <= x < viewport["width"] and 0 <= y < viewport["height"], (x, y, viewport)
    page.mouse.click(x, y)


def _actor_href(page, graph, actor_id: str) -> str:
    """Where the page's own list sends the reader for this actor (MkDocs wrote that URL)."""
    hrefs = page.locator(".relationship-graph__links a").evaluate_all(
        "links => links.map(a => a.href)")
    leading = [href for href in hrefs if href.endswith(f"/actors/{actor_id}/")]
    assert leading, f"the list under the graph does not link {actor_id}"
    return leading[0]


# -- the tests ----------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_site_graph_draws_every_actor_and_relationship(
    open_page, served_site, expect, viewport, graph_actors, relationships, actor_kinds
):
    page = open_page(viewport)
    page.goto(urljoin(served_site, "graph/"))
    graph = _drawn(page, expect, SITE_GRAPH)

    expect(graph).to_have_attribute("data-node-count", str(len(graph_actors)))
    assert _node_ids(graph) == graph_actors
    edges = {
        tuple(edge)
        for edge in graph.evaluate(
            "g => g._cy.edges().map(e => [e.source().id(), e.data('type'), e.target().id()])"
        )
    }
    stated = {(r.subject, r.type, r.object) for r in relationships}
    assert stated <= edges, f"relationships missing from the graph: {sorted(stated - edges)}"
    assert edges <= stated, f"edges no briefing states: {sorted(edges - stated)}"

    # Every node is on screen in the first picture, and the graph fits the page's width.
    outside = graph.evaluate(
        """g => { const cy = g._cy, w = cy.width(), h = cy.height();
             return cy.nodes().filter(n => { const p = n.renderedPosition();
               return p.x < 0 || p.y < 0 || p.x > w || p.y > h; }).map(n => n.id()); }"""
    )
    assert not outside, f"drawn outside the container: {outside}"
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]

    # The legend names each kind of actor drawn.
    kinds = {actor_kinds[actor] for actor in graph_actors}
    legend = set(
        page.locator(".relationship-graph__legend [data-kind]").evaluate_all(
            "items => items.map(i => i.dataset.kind)"
        )
    )
    assert kinds == legend


def test_site_graph_data_is_a_script_that_works_from_a_folder(
    browser, built_site, expect, graph_actors
):
    # The page stays small whatever the size of the graph: its data is graph-data.js, a
    # script (fetch() of a .json is refused on file://), loaded from the page's template.
    page_file = built_site / "graph" / "index.html"
    html = page_file.read_text(encoding="utf-8")
    assert '<script type="application/json" id="graph-' not in html
    assert '<script src="../graph-data.js"></script>' in html
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.goto(page_file.as_uri())
        graph = _drawn(page, expect, SITE_GRAPH)
        expect(graph).to_have_attribute("data-node-count", str(len(graph_actors)))
        assert _node_ids(graph) == graph_actors
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_clicking_a_node_opens_its_actor_page(
    open_page, served_site, expect, viewport, busiest_actor
):
    page = open_page(viewport)
    page.goto(urljoin(served_site, "graph/"))
    graph = _drawn(page, expect, SITE_GRAPH)
    target = _actor_href(page, graph, busiest_actor)
    assert target.startswith(served_site), f"{busiest_actor} links outside the site: {target}"
    name = graph.evaluate("(g, id) => g._cy.getElementById(id).data('name')", busiest_actor)

    _click_node(page, graph, busiest_actor)
    expect(page).to_have_url(target)
    expect(page.locator("article h1").first).to_contain_text(name)


def test_hovering_a_line_shows_where_it_comes_from(
    open_page, served_site, expect, relationships, busiest_actor
):
    page = open_page(DESKTOP)
    page.goto(urljoin(served_site, "graph/"))
    graph = _drawn(page, expect, SITE_GRAPH)
    graph.scroll_into_view_if_needed()
    # A line whose midpoint no node covers, so that the pointer lands on the line.
    found = graph.evaluate(
        """g => { const cy = g._cy;
             for (const e of cy.edges()) {
               const m = e.renderedMidpoint();
               const covered = cy.nodes().some(n => { const b = n.renderedBoundingBox();
                 return m.x > b.x1 - 4 && m.x < b.x2 + 4 && m.y > b.y1 - 4 && m.y < b.y2 + 4; });
               if (!covered) return {source: e.source().id(), type: e.data('type'),
                                     target: e.target().id(), x: m.x, y: m.y,
                                     label: e.data('label'),
                                     names: [e.source().data('name'), e.target().data('name')]};
             }
             return null; }"""
    )
    assert found, "every line's midpoint is under a node"
    box = graph.bounding_box()
    page.mouse.move(box["x"] + found["x"], box["y"] + found["y"])

    briefings = {
        r.briefing for r in relationships
        if (r.subject, r.type, r.object) == (found["source"], found["type"], found["target"])
    }
    info = page.locator(".relationship-graph__info")
    expect(info).to_contain_text(f"{found['names'][0]} {found['label']} {found['names'][1]}")
    title = graph.get_attribute("title") or ""
    for briefing in briefings:
        # The briefing's id, or its title when the page links the briefing.
        shown = page.locator(f'a[data-briefing-id="{briefing}"]')
        text = shown.first.inner_text().strip() if shown.count() else briefing
        assert text in title, f"{text!r} not in the hover title {title!r}"
        expect(info).to_contain_text(text)

    # What the info line says changed, but the graph has not moved from under the pointer:
    # a click straight after lands on the node drawn there.
    assert graph.bounding_box() == box
    target = _actor_href(page, graph, busiest_actor)
    pos = graph.evaluate("(g, id) => g._cy.getElementById(id).renderedPosition()", busiest_actor)
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])
    expect(page).to_have_url(target)


def test_actor_page_graph_centres_on_the_actor(
    open_page, served_site, expect, relationships, busiest_actor
):
    for viewport in (DESKTOP, PHONE):
        page = open_page(viewport)
        page.goto(urljoin(served_site, f"actors/{busiest_actor}/"))
        graph = _drawn(page, expect, ACTOR_GRAPH)
        assert _node_ids(graph) == {busiest_actor} | _neighbours(relationships, busiest_actor)
        focus = graph.evaluate("g => g._cy.nodes('.focus').map(n => n.id())")
        assert focus == [busiest_actor]
        box = graph.bounding_box()
        assert 200 <= box["height"] <= 480, box
        assert box["width"] <= viewport["width"], box
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def test_actor_page_graph_node_opens_the_neighbour(
    open_page, served_site, expect, relationships, busiest_actor
):
    neighbour = sorted(_neighbours(relationships, busiest_actor))[0]
    page = open_page(PHONE)
    page.goto(urljoin(served_site, f"actors/{busiest_actor}/"))
    graph = _drawn(page, expect, ACTOR_GRAPH)
    target = _actor_href(page, graph, neighbour)
    _click_node(page, graph, neighbour)
    expect(page).to_have_url(target)


def test_same_data_same_picture(open_page, served_site, expect):
    """The layout is deterministic: two loads at one size put every node at one place."""
    positions = []
    for _ in range(2):
        page = open_page(DESKTOP)
        page.goto(urljoin(served_site, "graph/"))
        graph = _drawn(page, expect, SITE_GRAPH)
        positions.append(
            graph.evaluate(
                """g => Object.fromEntries(g._cy.nodes().map(n => {
                     const p = n.renderedPosition();
                     return [n.id(), [Math.round(p.x), Math.round(p.y)]]; }))"""
            )
        )
    assert positions[0] == positions[1]


def test_graph_follows_the_colour_scheme(open_page, served_site, expect):
    def label_luminance(page) -> float:
        graph = _drawn(page, expect, SITE_GRAPH)
        colour = graph.evaluate("g => g._cy.nodes()[0].renderedStyle('color')")
        red, green, blue = (int(part) for part in colour.strip("rgb()").split(",")[:3])
        return (0.2126 * red + 0.7152 * green + 0.0722 * blue) / 255

    light = open_page(DESKTOP, "light")
    light.goto(urljoin(served_site, "graph/"))
    assert label_luminance(light) < 0.5, "labels are not dark on the light scheme"

    dark = open_page(DESKTOP, "dark")
    dark.goto(urljoin(served_site, "graph/"))
    assert label_luminance(dark) > 0.5, "labels are not light on the dark scheme"

    # Switching the scheme on the page (as Material's toggle does) redraws in its colours.
    light.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    assert label_luminance(light) > 0.5, "the graph did not follow a switch to the dark scheme"


def test_graph_pages_need_nothing_from_outside(
    open_page, served_site, expect, traffic: Traffic, busiest_actor
):
    for viewport in (DESKTOP, PHONE):
        page = open_page(viewport)
        for path in ("graph/", f"actors/{busiest_actor}/"):
            page.goto(urljoin(served_site, path))
            _drawn(page, expect, ".relationship-graph")
    assert any(url.endswith(VENDORED) for url in traffic.requests), (
        f"{VENDORED} was never loaded from the site"
    )
    leaving = traffic.leaving()
    assert not leaving, "requests that leave the site:\n" + "\n".join(sorted(set(leaving)))
    assert not traffic.failed, "failed requests:\n" + "\n".join(sorted(set(traffic.failed)))
    assert not traffic.errors, "script errors:\n" + "\n".join(traffic.errors)
