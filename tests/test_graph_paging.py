"""The relationship graph page stays small however many relationships the corpus states: its
list for readers without JavaScript is cut into pages (graph.md, then graph/page-N.md), every
relationship is reachable from the graph page by links, and the drawing learns where actors'
pages are from its data script, not from that list (a real `mkdocs build --strict`)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from support.dom import Element, parse_file
from support.site import copy_project, mkdocs_build, site_path

from generator.analyse import analyse
from generator.model import (
    RELATIONSHIP_TYPES,
    Actor,
    ActorKind,
    Briefing,
    Corpus,
    Relationship,
    Status,
)
from generator.render import render_site
from generator.render.graph import LIST_ROWS
from generator.render.site import SiteOptions

COUNTRIES = 21  # every ordered pair related: 420 relationships, more than two pages hold
TYPES = ("cooperates-with", "distrusts")


def _relationships() -> set[tuple[str, str, str]]:
    """(subject, verb as the page writes it, object) for every relationship the corpus states."""
    ids = [f"land-{n:02}" for n in range(COUNTRIES)]
    pairs = [(s, o) for s in ids for o in ids if s != o]
    return {(s, TYPES[i % 2], o) for i, (s, o) in enumerate(pairs)}


EXPECTED = _relationships()


def _write_corpus(content: Path) -> None:
    for folder in ("actors", "articles", "briefings"):
        (content / folder).mkdir(parents=True)
    for n in range(COUNTRIES):
        (content / "actors" / f"land-{n:02}.yml").write_text(
            f"name: Land {n:02}\nkind: state\nsummary: A land.\n", encoding="utf-8")
    names = " ".join(f"Land {n:02} spoke." for n in range(COUNTRIES))
    (content / "articles" / "report.md").write_text(
        f"---\ntitle: Report\npublished: 2025-01-01\n---\n{names}\n", encoding="utf-8")
    rels = "".join(f"  - {{subject: {s}, type: {t}, object: {o}}}\n"
                   for s, t, o in sorted(EXPECTED))
    (content / "briefings" / "web.yml").write_text(
        "title: Everyone and everyone\ndate: 2025-01-02\nstatus: published\n"
        f"bluf: All lands relate.\narticles: [report]\nrelationships:\n{rels}",
        encoding="utf-8")


@pytest.fixture(scope="module")
def site(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert len(EXPECTED) > 2 * LIST_ROWS, "the corpus must need at least three list pages"
    project = copy_project(project_root, tmp_path_factory.mktemp("graph") / "project")
    shutil.rmtree(project / "content")
    _write_corpus(project / "content")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def _listed(site: Path, page: Path) -> list[tuple[str, str, str]]:
    """The relationships a page lists for readers without JavaScript: each item is the
    subject's link, then ": verb" or "; verb" and the object's link, over and over."""
    verbs = {verb: key for key, verb in RELATIONSHIP_TYPES.items()}
    [links] = parse_file(page).by_class("relationship-graph__links")
    found = []
    for item in links.by_tag("li"):
        subject, verb = None, None
        for child in item.children:
            if isinstance(child, Element) and child.tag == "a":
                actor = site_path(site, page, child.get("href")).split("/")[1]
                if subject is None:
                    subject = actor
                else:
                    found.append((subject, verbs[verb], actor))
            elif isinstance(child, str) and child.strip(" :;\n"):
                verb = child.strip(" :;\n")
        assert subject is not None, item.text
    return found


def _pager_links(site: Path, page: Path) -> set[str]:
    return {site_path(site, page, a.get("href"))
            for pager in parse_file(page).by_class("pager") for a in pager.by_tag("a")}


def test_the_graph_page_lists_one_page_of_relationships_and_links_the_rest(site):
    first = site / "graph" / "index.html"
    assert len(_listed(site, first)) == LIST_ROWS

    # Every relationship is reachable from the graph page by its pager's links, once.
    seen, todo, listed = set(), ["graph/index.html"], []
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        page = site / path
        found = _listed(site, page)
        assert 0 < len(found) <= LIST_ROWS, path
        listed += found
        todo += [p for p in _pager_links(site, page) if p.startswith("graph/")]
    assert len(seen) == -(-len(EXPECTED) // LIST_ROWS)
    assert len(listed) == len(EXPECTED)
    assert set(listed) == EXPECTED


def test_the_drawing_gets_every_relationship_and_where_actors_are_from_its_script(site):
    html = (site / "graph" / "index.html").read_text(encoding="utf-8")
    assert '<script src="../graph-data.js"></script>' in html
    script = (site / "graph-data.js").read_text(encoding="utf-8")
    data = json.loads(script[script.index("= {") + 2:script.rindex(";")])
    assert {(e["source"], e["type"], e["target"]) for e in data["edges"]} == EXPECTED
    # From graph/, an actor's page is ../actors/<id>/: the page MkDocs built.
    assert data["actor_page"] == "../actors/{id}/"
    for node in data["nodes"]:
        target = site / "graph" / data["actor_page"].replace("{id}", node["id"]) / "index.html"
        assert target.resolve().is_file(), node["id"]
    # graph.json, the published data, keeps its shape.
    published = json.loads((site / "graph.json").read_text(encoding="utf-8"))
    assert set(published) == {"nodes", "edges", "focus"}


def test_the_script_says_where_actors_are_without_directory_urls():
    actors = (Actor("iraq", "Iraq", ActorKind.STATE), Actor("iran", "Iran", ActorKind.STATE))
    briefing = Briefing("b", "B", dt.date(2025, 1, 1), "Bluf.", status=Status.PUBLISHED,
                        relationships=(Relationship("iraq", "supports", "iran"),))
    corpus = Corpus(actors=actors, briefings=(briefing,))
    for directory_urls, expected in ((True, "../actors/{id}/"), (False, "actors/{id}.html")):
        pages = render_site(corpus, analyse(corpus), SiteOptions(directory_urls=directory_urls))
        script = next(p.text for p in pages if p.path == "graph-data.js")
        assert f'"actor_page": "{expected}"' in script
