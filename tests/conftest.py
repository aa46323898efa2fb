"""Shared fixtures: the real site built once per session, project copies with changed
content, the built site served over HTTP under a sub-path, a headless Chromium, and pages
opened in it whose traffic is logged."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from subprocess import CompletedProcess

import pytest
from support.browser import Traffic, origin
from support.serving import serve
from support.site import copy_project, mkdocs_build

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Where the served copy of the site lives on the test server: a sub-path, as on a team's
# static hosting, so that any link starting with "/" would break.
SUB_PATH = "/team/briefings/"


@pytest.fixture(scope="session")
def project_root() -> Path:
    return Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def content_dir(project_root: Path) -> Path:
    return project_root / "content"


@pytest.fixture(scope="session")
def built_site(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default project built once with the real `mkdocs build --strict`."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = mkdocs_build(project_root, site)
    assert result.returncode == 0, (
        f"mkdocs build --strict failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    )
    assert (site / "index.html").is_file()
    return site


@dataclass
class ProjectBuild:
    result: CompletedProcess[str]
    site: Path
    project: Path


@pytest.fixture
def project_copy(project_root: Path, tmp_path: Path) -> Callable[..., Path]:
    """Copy the project (mkdocs.yml, site_config/, content/) into a tmp dir."""
    counter = iter(range(1_000_000))

    def make() -> Path:
        return copy_project(project_root, tmp_path / f"project{next(counter)}")

    return make


@pytest.fixture
def build_modified(project_copy) -> Callable[..., ProjectBuild]:
    """Build a copy of the project whose content `edit(content_dir)` has changed.

    Returns the finished process (exit code and output) and the site dir; pass `site` to
    build into a given directory, `project` to rebuild an existing copy.
    """

    def build(
        edit: Callable[[Path], None] | None = None,
        *,
        site: Path | None = None,
        project: Path | None = None,
    ) -> ProjectBuild:
        project = project or project_copy()
        if edit is not None:
            edit(project / "content")
        site = site or project / "site"
        return ProjectBuild(mkdocs_build(project, site), site, project)

    return build


@pytest.fixture(scope="session")
def served_site(built_site: Path) -> Iterator[str]:
    """The built site on a local static server under SUB_PATH; yields its base URL."""
    with serve(built_site, SUB_PATH) as base:
        yield base


def _unavailable(reason: str):
    """No browser: a failure under CI (the browser tests must run there), else a skip."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (its own download is unreachable)."""
    if not CHROMIUM.is_file():
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        _unavailable(f"the playwright package is not installed ({error})")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def expect():
    """Playwright's expect(), which waits for the page to reach a state."""
    from playwright.sync_api import expect

    # How long expect() waits for a state before it gives up (a bound, not a measurement):
    # generous, for a loaded CI machine.
    expect.set_options(timeout=15_000)
    return expect


@pytest.fixture
def traffic(served_site: str) -> Traffic:
    """The log `open_page` writes: one a test (a module may override it to keep one log
    across its tests)."""
    return Traffic(origin(served_site))


@pytest.fixture
def open_page(browser, traffic: Traffic) -> Iterator[Callable[..., object]]:
    """open_page(viewport, color_scheme="light") → a fresh page; every request, failed
    response, console error and uncaught exception is logged in `traffic`.

    Requests to other hosts are logged, then aborted, so that a stray one neither reaches
    the network nor hangs the test.
    """
    contexts = []

    def route(route_, request):
        if traffic.is_local(request.url):
            route_.continue_()
        else:
            route_.abort()

    def make(viewport: dict, color_scheme: str = "light"):
        context = browser.new_context(
            viewport=viewport, color_scheme=color_scheme, service_workers="block"
        )
        contexts.append(context)
        context.on("request", traffic.record)
        context.on("response", traffic.record_response)
        context.route("**/*", route)
        page = context.new_page()
        page.on("console", traffic.record_console)
        page.on("pageerror", traffic.record_page_error)
        return page

    yield make
    for context in contexts:
        context.close()
