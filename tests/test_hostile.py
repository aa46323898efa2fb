"""Hostile content end to end: script payloads in every text field and in an article body
(tests/support/hostile.py), built with the real `mkdocs build --strict`, then every page read
as HTML and opened in headless Chromium. Nothing may run, nothing may load from outside, and
every payload's text must still reach its page, so the site cannot pass by dropping content.
"""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import pytest
from support import hostile
from support.browser import DESKTOP, Traffic, origin
from support.dom import Element, parse_file
from support.safety import content_regions, problems
from support.serving import serve
from support.site import briefings_command, copy_project, html_files, mkdocs_build, quiet_env

# Fired on every element of every page: the handlers hostile content would rely on, then
# any other handler attribute by its own name. A click is a plain Event, which runs onclick
# but follows no link; the capturing listeners keep a real one from leaving the page too.
PROVOKE = """() => {
  window.addEventListener("click", (event) => event.preventDefault(), true);
  window.addEventListener("submit", (event) => event.preventDefault(), true);
  const common = ["mouseover", "mouseenter", "mousemove", "mousedown", "mouseup", "click",
    "dblclick", "contextmenu", "pointerover", "pointerdown", "focus", "focusin", "blur",
    "keydown", "input", "change", "toggle", "load", "error", "animationstart", "wheel"];
  let count = 0;
  for (const element of document.querySelectorAll("body *")) {
    const types = new Set(common);
    for (const attribute of element.attributes) {
      if (attribute.name.startsWith("on")) types.add(attribute.name.slice(2));
    }
    for (const type of types) element.dispatchEvent(new Event(type));
    if (typeof element.focus === "function") element.focus();
    count += 1;
  }
  return count;
}"""
# Words the search is asked for: each is in the payloads, so results quote them.
SEARCHES = ("alert", "onerror", "javascript", "HX27", "HXA01")
HIGHLIGHTED = tuple(page.removesuffix("index.html") for page in (
    hostile.ACTOR_PAGE, hostile.ARTICLE_PAGE, hostile.BRIEFING_PAGE))


@pytest.fixture(scope="module")
def project(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(project_root, tmp_path_factory.mktemp("hostile") / "project")
    hostile.add_hostile_corpus(project / "content")
    return project


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, (
        f"mkdocs build --strict failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return project / "site"


@functools.cache
def _page(path: Path) -> Element:
    return parse_file(path)


def _content_text(site: Path, page: str) -> str:
    return " ".join(region.text for region in content_regions(_page(site / page)))


def test_the_hostile_corpus_is_valid_content(project: Path):
    result = subprocess.run(
        [*briefings_command(), "check", "--content", str(project / "content")],
        cwd=project, env=quiet_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_page_carries_script_or_outside_loads(site: Path):
    found = [f"{page.relative_to(site)}: {problem}"
             for page in html_files(site) for problem in problems(_page(page))]
    assert found == [], f"{len(found)} problems:\n" + "\n".join(found)


def test_every_payload_reaches_its_page_as_text(site: Path):
    missing = [f"{payload.marker} not shown on {payload.page}" for payload in hostile.PAYLOADS
               if payload.marker not in _content_text(site, payload.page)]
    assert missing == []


def test_raw_html_comments_and_templates_show_as_written(site: Path):
    article = _page(site / hostile.ARTICLE_PAGE).by_class("md-content__inner", "article")[0]
    shown = {paragraph.text.split(" ", 1)[0]: paragraph.text for paragraph in article.by_tag("p")}
    expected = {payload.marker: " ".join(payload.text.split()) for payload in hostile.BODY
                if payload.marker in hostile.SHOWN_AS_WRITTEN}
    assert {marker: shown.get(marker) for marker in expected} == expected


@pytest.mark.browser
def test_no_page_runs_script_or_reaches_outside_in_a_browser(browser, site: Path):
    pages = [page.relative_to(site).as_posix().removesuffix("index.html")
             for page in html_files(site)]
    dialogs: list[str] = []
    with serve(site) as base:
        traffic = Traffic(origin(base))
        context = browser.new_context(viewport=DESKTOP, service_workers="block")
        try:
            context.on("request", traffic.record)
            # Logged by the listener above, then aborted: nothing reaches the network.
            context.route("**/*", lambda route, request: route.continue_()
                          if traffic.is_local(request.url) else route.abort())
            page = context.new_page()

            def on_dialog(dialog) -> None:
                dialogs.append(f"{page.url}: {dialog.type}({dialog.message!r})")
                dialog.dismiss()

            page.on("dialog", on_dialog)
            provoked = {}
            for path in pages:
                page.goto(urljoin(base, path))
                provoked[path] = page.evaluate(PROVOKE)
            # Material highlights the words a search result was opened for (?h=) in the page.
            for path in HIGHLIGHTED:
                page.goto(urljoin(base, f"{path}?h={'+'.join(SEARCHES)}"))
                provoked[f"{path} highlighted"] = page.evaluate(PROVOKE)
            # Search results quote the pages' text as HTML.
            page.goto(base)
            search = page.locator(".md-search__input")
            for query in SEARCHES:
                search.click()
                search.fill("")
                search.press_sequentially(query)  # Material searches as keys are typed
                page.locator(".md-search-result__item",
                             has_text=re.compile(query, re.IGNORECASE)).first.wait_for()
                provoked[f"search {query}"] = page.evaluate(PROVOKE)
        finally:
            context.close()
    assert all(provoked.values()), provoked  # the events reached every page's elements
    assert {"dialogs": list(dict.fromkeys(dialogs)), "outside": traffic.leaving()} == \
        {"dialogs": [], "outside": []}
