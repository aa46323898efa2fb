"""Zensical builds the folder `briefings generate` writes, with the actor panel, its kind icons
and the relationship graph, as MkDocs builds them.

Zensical (tested with 0.0.73) renders the theme with minijinja, not Jinja2, and runs no MkDocs
plugins; the project's .venv does not install it. The test uses the `zensical` next to the
Python running it or on PATH. Without one it is skipped, and the reason says how to install it:
a skip proves nothing about Zensical.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import material
import pytest
from support.browser import DESKTOP, Traffic, origin
from support.dom import Element, parse_file
from support.engines import generated_project
from support.serving import serve
from support.site import html_files, mkdocs_build, quiet_env, resolve

INSTALL = "`make test` installs it in .venv-zensical and puts it on PATH"
SUB_PATH = "/team/briefings/"
FALLBACK_ICON = Path(material.__file__).parent / "templates/.icons/material/shape.svg"


@pytest.fixture(scope="module")
def zensical() -> str:
    """The Zensical executable; without one every test here is skipped, saying so."""
    beside = Path(sys.executable).parent / "zensical"
    found = str(beside) if beside.is_file() else shutil.which("zensical")
    if found is None:
        # `make test` installs it; under CI a missing Zensical is a failure, as a browser is.
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but Zensical is not installed: {INSTALL}", pytrace=False)
        pytest.skip(f"Zensical is not installed, so its build is NOT tested: {INSTALL}")
    return found


@pytest.fixture(scope="module")
def project(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generated_project(project_root, tmp_path_factory.mktemp("zensical") / "project")


@pytest.fixture(scope="module")
def zensical_site(zensical: str, project: Path) -> Path:
    """The generated folder built by `zensical build --strict` into the project's site/."""
    built = subprocess.run([zensical, "build", "--strict", "-f", "mkdocs.yml"], cwd=project,
                           env=quiet_env(), capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, f"{zensical} build failed:\n{built.stdout}\n{built.stderr}"
    return project / "site"


@pytest.fixture(scope="module")
def mkdocs_site(project: Path, zensical_site: Path) -> Path:
    """The same generated folder built by MkDocs: what Zensical's pages are held to."""
    site = project.parent / "mkdocs-site"
    built = mkdocs_build(project, site)
    assert built.returncode == 0, built.stdout + built.stderr
    return site


def _pages(site: Path) -> set[str]:
    return {page.relative_to(site).as_posix() for page in html_files(site)}


def _panel(site: Path, page: Path) -> list[tuple[str, ...]]:
    """Each actor panel item of a page: id, kind, the icon's label and drawing, where the
    name links (the file it reaches in the site) and the name."""
    items = []
    for item in parse_file(page).by_class("actor-panel__item", "li"):
        icon = item.by_class("actor-panel__icon", "span")[0]
        link = item.by_class("actor-panel__link", "a")[0]
        target, why = resolve(site, page, link.get("href"))
        assert target is not None, f"{page}: {link.get('href')} {why}"
        items.append((item.get("data-actor-id"), item.get("data-actor-kind"),
                      icon.get("aria-label"), _drawing(icon),
                      target.relative_to(site).as_posix(), link.text))
    return items


def _drawing(element: Element) -> str:
    return " ".join(path.get("d") for path in element.by_tag("path"))


def test_zensical_builds_every_page_mkdocs_builds(zensical_site, mkdocs_site):
    assert _pages(zensical_site) == _pages(mkdocs_site)


def test_every_actor_panel_shows_each_kind_icon_as_mkdocs_does(zensical_site, mkdocs_site):
    fallback = _drawing(parse_file(FALLBACK_ICON))
    with_panel = [page for page in _pages(mkdocs_site)
                  if parse_file(mkdocs_site / page).by_class("actor-panel__item", "li")]
    assert any(page.startswith("briefings/") for page in with_panel), with_panel
    kinds: set[str] = set()
    for page in with_panel:
        shown = _panel(zensical_site, zensical_site / page)
        assert shown == _panel(mkdocs_site, mkdocs_site / page), page
        # The sidebar and the inline panel for narrow screens, each with its icons, and
        # Zensical's own "On this page" button for phones beside them.
        document = parse_file(zensical_site / page)
        assert {"actor-panel--sidebar", "actor-panel--inline"} <= set().union(
            *(panel.classes for panel in document.by_class("actor-panel"))), page
        assert document.by_class("md-sidebar-button", "label"), f"{page}: no toc button"
        assert not [item for item in shown if item[3] == fallback], f"{page}: fallback icon"
        kinds |= {item[1] for item in shown}
    assert {"state", "person", "armed-group"} <= kinds


def test_without_the_plugin_there_is_no_search_box(zensical_site):
    page = parse_file(zensical_site / "index.html")
    assert not page.find_all(lambda element: "data-briefings-search" in element.attrs)


@pytest.fixture(scope="module")
def zensical_served(zensical_site: Path) -> Iterator[str]:
    with serve(zensical_site, SUB_PATH) as base:
        yield base


@pytest.fixture
def traffic(zensical_served: str) -> Traffic:
    """open_page's log, for the Zensical site rather than the MkDocs one."""
    return Traffic(origin(zensical_served))


@pytest.mark.browser
def test_the_graph_page_draws_every_actor_it_lists(
    zensical_site, zensical_served, open_page, traffic, expect
):
    page_file = zensical_site / "graph" / "index.html"
    scripts = [script.get("src") for script in parse_file(page_file).by_tag("script")
               if script.get("src")]
    for name in ("vendor/cytoscape/cytoscape.min.js", "graph-data.js", "javascripts/graph.js"):
        assert any(src.endswith(name) and resolve(zensical_site, page_file, src)[0]
                   for src in scripts), f"{name} is not loaded: {scripts}"

    page = open_page(DESKTOP)
    page.goto(urljoin(zensical_served, "graph/"))
    graph = page.locator(".relationship-graph--site")
    expect(graph).to_have_attribute("data-rendered", "true")
    drawn = set(graph.evaluate("g => g._cy.nodes().map(n => n.id())"))
    listed = {href.rstrip("/").rsplit("/", 1)[-1] for href in page.locator(
        ".relationship-graph__links a").evaluate_all("links => links.map(a => a.href)")}
    assert drawn and drawn == listed
    assert not traffic.errors and not traffic.failed and not traffic.leaving(), traffic
