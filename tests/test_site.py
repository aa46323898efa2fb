"""Integration tests on the HTML that the real `mkdocs build --strict` writes.

Expectations come from the content files (read with PyYAML in tests/support/content.py),
never from the program's own output.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from support import content as corpus
from support import pagefind
from support.dom import Element, parse_file
from support.site import (
    briefings_command,
    html_files,
    internal_urls,
    is_external,
    resolve,
    site_path,
    snapshot,
)

BRIEFING = "iraq-russia-intelligence-sharing"  # the default corpus's briefing


def _ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def briefing_file(built_site: Path) -> Path:
    page = built_site / "briefings" / BRIEFING / "index.html"
    assert page.is_file(), f"no briefing page at {page.relative_to(built_site)}"
    return page


@pytest.fixture(scope="session")
def briefing_page(briefing_file: Path) -> Element:
    return parse_file(briefing_file)


@pytest.fixture(scope="session")
def briefing_data(content_dir: Path) -> dict:
    return corpus.briefings(content_dir)[BRIEFING]


@pytest.fixture(scope="session")
def actor_files(content_dir: Path) -> dict[str, corpus.ActorFile]:
    return corpus.actors(content_dir)


@pytest.fixture(scope="session")
def expected_actors(content_dir: Path, actor_files) -> set[str]:
    expected = corpus.expected_actor_ids(content_dir, BRIEFING)
    assert expected, "the default corpus should involve actors"
    assert expected <= set(actor_files), "the briefing names actors that have no file"
    return expected


def _article(document: Element) -> Element:
    found = document.by_class("md-content__inner", "article")
    assert len(found) == 1, "expected one Material content <article>"
    return found[0]


def _sidebar_panel(document: Element) -> Element:
    sidebars = document.by_class("md-sidebar--secondary")
    assert len(sidebars) == 1, "expected Material's secondary (right-hand) sidebar"
    panels = sidebars[0].by_class("actor-panel--sidebar")
    assert len(panels) == 1, "expected one actor panel in the secondary sidebar"
    return panels[0]


def _actor_links(panel: Element) -> dict[str, Element]:
    links = panel.find_all(
        lambda e: e.tag == "a" and e.has_class("actor-panel__link") and "data-actor-id" in e.attrs
    )
    by_id = {link.get("data-actor-id"): link for link in links}
    assert len(by_id) == len(links), "an actor is linked twice in one panel"
    return by_id


# --------------------------------------------------------------------------- the actor panel


def test_sidebar_panel_links_every_actor_of_the_briefing(
    built_site, briefing_file, briefing_page, expected_actors, actor_files
):
    links = _actor_links(_sidebar_panel(briefing_page))
    missing = expected_actors - set(links)
    assert not missing, f"actors missing from the sidebar panel: {sorted(missing)}"
    unknown = set(links) - set(actor_files)
    assert not unknown, f"the sidebar panel links actors that have no file: {sorted(unknown)}"
    for actor_id, link in links.items():
        target, why = resolve(built_site, briefing_file, link.get("href"))
        assert target is not None, f"sidebar link for {actor_id}: {link.get('href')} ({why})"
        heading = parse_file(target).by_tag("h1")
        assert heading, f"{target.relative_to(built_site)} has no <h1>"
        assert heading[0].text.removesuffix("¶").strip() == actor_files[actor_id].name
        assert link.text == actor_files[actor_id].name


def test_inline_panel_for_narrow_screens_links_the_same_actors(
    built_site, briefing_file, briefing_page, expected_actors
):
    sidebar = _actor_links(_sidebar_panel(briefing_page))
    inline = briefing_page.by_class("actor-panel--inline")
    assert len(inline) == 1, "expected one inline actor panel"
    panel = inline[0]
    assert not any(a.has_class("md-sidebar") for a in panel.ancestors()), (
        "the inline panel must not sit in a sidebar (Material hides those on phones)"
    )
    assert panel.closest("article") is not None, "the inline panel belongs in the content"
    links = _actor_links(panel)
    missing = expected_actors - set(links)
    assert not missing, f"actors missing from the inline panel: {sorted(missing)}"
    assert {k: site_path(built_site, briefing_file, v.get("href")) for k, v in links.items()} == {
        k: site_path(built_site, briefing_file, v.get("href")) for k, v in sidebar.items()
    }


def test_every_actor_page_lists_the_briefing(
    built_site, briefing_file, briefing_page, briefing_data, expected_actors
):
    briefing_path = briefing_file.relative_to(built_site).as_posix()
    links = _actor_links(_sidebar_panel(briefing_page))
    for actor_id in sorted(expected_actors):
        actor_file, why = resolve(built_site, briefing_file, links[actor_id].get("href"))
        assert actor_file is not None, why
        article = _article(parse_file(actor_file))
        to_briefing = [
            a for a in article.by_tag("a")
            if a.get("href") and not is_external(a.get("href"))
            and site_path(built_site, actor_file, a.get("href")) == briefing_path
        ]
        assert to_briefing, f"the page of {actor_id} does not link to the briefing"
        assert any(_ws(briefing_data["title"]) in a.text for a in to_briefing), (
            f"the page of {actor_id} links to the briefing without its title"
        )


# --------------------------------------------------------------------------- links and requests


def _internal_links(site: Path):
    pages = html_files(site)
    assert len(pages) > 3
    for page in pages:
        for tag, attribute, url in internal_urls(parse_file(page)):
            if not is_external(url) and not url.startswith("#"):
                yield page, f"{page.relative_to(site)}: <{tag} {attribute}={url!r}>", url


def _broken_links(site: Path) -> list[str]:
    broken = []
    for page, where, url in _internal_links(site):
        target, why = resolve(site, page, url, root_absolute_ok=True)
        if target is None:
            broken.append(f"{where}: {why}")
    return broken


def test_every_internal_link_resolves_to_a_file(built_site):
    broken = _broken_links(built_site)
    assert not broken, "broken internal links:\n" + "\n".join(broken)


def test_no_page_shows_a_link_as_markdown_text(built_site):
    # Markdown inside an HTML block is copied as it is: a template that wrote a link there
    # showed "[all topics and regions](index.md)" on every topic page.
    markdown_link = re.compile(r"\]\([^)\s]*\.md\b")
    shown = [f"{page.relative_to(built_site)}: {text!r}" for page in html_files(built_site)
             for text, _ in parse_file(page).text_nodes() if markdown_link.search(text)]
    assert not shown, "\n".join(shown)


def test_without_directory_urls_every_internal_link_resolves_too(build_modified):
    # The lists written as HTML carry addresses the generator works out itself
    # (SiteOptions.links_from); MkDocs rewrites only the Markdown links.
    def pages_as_files(content: Path) -> None:
        config = content.parent / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + "\nuse_directory_urls: false\n",
                          encoding="utf-8")

    build = build_modified(pages_as_files)
    assert build.result.returncode == 0, build.result.stdout + build.result.stderr
    assert (build.site / "actors" / "russia.html").is_file()
    broken = _broken_links(build.site)
    assert not broken, "broken internal links:\n" + "\n".join(broken)


def test_no_link_depends_on_the_site_being_at_the_host_root(built_site):
    """The site must work from static hosting under a sub-path (/team/briefings/).

    404.html is the one exception, by MkDocs's design: the host serves it at whatever URL was
    missing, so no relative link can work there; MkDocs roots its links at `site_url`'s path,
    which the next test covers.
    """
    rooted = [
        where for page, where, url in _internal_links(built_site)
        if url.startswith("/") and page.name != "404.html"
    ]
    assert not rooted, (
        "links starting with '/' (they break under a sub-path):\n" + "\n".join(rooted)
    )


def test_with_site_url_set_the_404_page_links_under_its_sub_path(build_modified):
    def deploy_under_sub_path(content: Path) -> None:
        config = content.parent / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8")
                          + "\nsite_url: https://example.org/team/briefings/\n", encoding="utf-8")

    build = build_modified(deploy_under_sub_path)
    assert build.result.returncode == 0, build.result.stdout + build.result.stderr
    not_found = build.site / "404.html"
    rooted = [url for page, _, url in _internal_links(build.site)
              if page == not_found and url.startswith("/")]
    assert rooted, "404.html is expected to use rooted links"
    assert all(url.startswith("/team/briefings/") for url in rooted), rooted


_FETCHING_SRC = {"script", "img", "iframe", "source", "audio", "video", "embed", "track", "input"}


def test_no_external_requests_are_referenced(built_site):
    problems = []
    for path in sorted(built_site.rglob("*")):
        if path.suffix in {".html", ".css", ".js", ".json", ".xml"}:
            text = path.read_text(encoding="utf-8", errors="replace")
            for host in ("fonts.googleapis", "fonts.gstatic"):
                if host in text:
                    problems.append(f"{path.relative_to(built_site)} mentions {host}")
            if path.suffix == ".css":
                for match in re.finditer(r"(?:url\(\s*['\"]?|@import\s+['\"])(https?:)?//", text):
                    problems.append(f"{path.relative_to(built_site)}: {match.group(0)!r}")
    for page in html_files(built_site):
        for element in parse_file(page).iter():
            url = None
            if element.tag in _FETCHING_SRC:
                url = element.get("src")
            elif element.tag == "link":
                url = element.get("href")
            elif element.tag == "object":
                url = element.get("data")
            if url and is_external(url) and not url.startswith(("data:", "blob:")):
                problems.append(f"{page.relative_to(built_site)}: <{element.tag}> loads {url}")
    assert not problems, "external requests:\n" + "\n".join(problems)


# --------------------------------------------------------------------------- search


@pytest.fixture(scope="session")
def search_records(built_site) -> dict[str, dict]:
    """Each page in the site's search index (Pagefind's, decoded by tests/support/pagefind.py)
    by its URL from the site root ("/briefings/x/")."""
    records = pagefind.records(built_site)
    assert records
    return records


def _record_text(record: dict) -> str:
    return f"{record['meta'].get('title', '')} {record['content']}"


def test_search_index_holds_daesh_on_the_briefing_page(search_records):
    record = search_records.get(f"/briefings/{BRIEFING}/")
    assert record is not None, "the briefing page is not in the search index"
    assert corpus.mentions(_record_text(record), "Daesh")


def test_search_index_holds_every_actor_alias(search_records, actor_files, expected_actors):
    everything = " ".join(_record_text(r) for r in search_records.values())
    briefing = _record_text(search_records[f"/briefings/{BRIEFING}/"])
    missing, not_on_briefing = [], []
    for actor in actor_files.values():
        for alias in (actor.name, *actor.aliases, *actor.weak_aliases):
            if not corpus.mentions(everything, alias):
                missing.append(f"{actor.id}: {alias}")
            if actor.id in expected_actors and not corpus.mentions(briefing, alias):
                not_on_briefing.append(f"{actor.id}: {alias}")
    assert not missing, f"aliases absent from the search index: {missing}"
    assert not not_on_briefing, (
        f"aliases of the briefing's actors that do not find the briefing: {not_on_briefing}"
    )


# --------------------------------------------------------------------------- the briefing page


def test_tlp_banner_and_bluf_on_the_briefing_page(briefing_page, briefing_data):
    article = _article(briefing_page)
    label = f"TLP:{str(briefing_data['tlp']).upper()}"
    banners = [
        e for e in article.iter()
        if label in e.text and any("tlp" in c.lower() for c in e.classes)
    ]
    assert banners, f"no TLP banner reading {label} in the content"
    bluf = _ws(briefing_data["bluf"])
    holders = [p for p in article.by_tag("p") if bluf in p.text]
    assert holders, "the BLUF is not on the briefing page"
    order = list(article.iter())
    assert order.index(banners[0]) < order.index(holders[0]), "the TLP banner comes first"


def _anchor_at(paragraph: Element, phrase: str) -> tuple[bool, Element | None]:
    """Is `phrase` in the paragraph, and the <a> around its first occurrence (if any)."""
    offset, nodes = 0, []
    for text, holder in paragraph.text_nodes():
        nodes.append((offset, text, holder))
        offset += len(text)
    joined = "".join(text for _, text, _ in nodes)
    start = joined.find(phrase)
    if start < 0:
        return False, None
    for begin, text, holder in nodes:
        if begin <= start < begin + len(text):
            anchor = holder if holder.tag == "a" else holder.closest("a")
            if anchor is not None and phrase not in anchor.text:
                return True, None
            return True, anchor
    return True, None


def test_first_mention_of_bob_work_is_linked_and_working_is_not(
    built_site, briefing_file, briefing_page, briefing_data, content_dir
):
    article_id = briefing_data["articles"][0]
    body = corpus.article_body(content_dir, article_id)
    where = body.index("Bob Work")
    window = _ws(body[max(0, where - 40): where + 40])
    article = _article(briefing_page)
    paragraphs = [p for p in article.by_tag("p") if window in p.text]
    assert paragraphs, "the seed's text around the first 'Bob Work' is not on the briefing page"
    found, anchor = _anchor_at(paragraphs[0], "Bob Work")
    assert found
    assert anchor is not None, "the first mention of Bob Work in the seed is not a link"
    sidebar = _actor_links(_sidebar_panel(briefing_page))
    assert site_path(built_site, briefing_file, anchor.get("href")) == site_path(
        built_site, briefing_file, sidebar["bob-work"].get("href")
    ), "the first mention of Bob Work links somewhere else than his actor page"

    assert re.search(r"\bworking\b", body), "the seed should contain 'working'"
    holders = [p for p in article.by_tag("p") if re.search(r"\bworking\b", p.text)]
    assert holders, "the seed's paragraph with 'working' is not on the briefing page"
    for paragraph in holders:
        found, anchor = _anchor_at(paragraph, "working")
        assert found and anchor is None, f"'working' is linked: {anchor!r}"


# --------------------------------------------------------------------------- escaping

SCRIPT = "<script>alert(1)</script>"


def _set_line(path: Path, key: str, value: str) -> None:
    """Replace the top-level `key:` line of a YAML file with a double-quoted value."""
    text = path.read_text(encoding="utf-8")
    quoted = json.dumps(value)  # a JSON string is a valid YAML double-quoted scalar
    new, count = re.subn(rf"(?m)^{key}:.*$", lambda _: f"{key}: {quoted}", text, count=1)
    assert count == 1, f"no {key}: line in {path}"
    path.write_text(new, encoding="utf-8")


def test_user_text_is_escaped_in_content_and_sidebar(build_modified):
    title = f"Iraq {SCRIPT} briefing"
    summary = f"Clapper {SCRIPT} summary"

    def edit(content: Path) -> None:
        _set_line(content / "briefings" / f"{BRIEFING}.yml", "title", title)
        _set_line(content / "actors" / "james-clapper.yml", "summary", summary)

    build = build_modified(edit)
    assert build.result.returncode == 0, build.result.stderr
    site = build.site
    for page in html_files(site):
        raw = page.read_text(encoding="utf-8")
        assert SCRIPT not in raw, f"raw {SCRIPT} in {page.relative_to(site)}"
        scripts = [s for s in parse_file(page).by_tag("script") if "alert(1)" in s.text]
        assert not scripts, f"a <script> runs user text in {page.relative_to(site)}"
    page = parse_file(site / "briefings" / BRIEFING / "index.html")
    article = _article(page)
    assert any(SCRIPT in h.text for h in article.by_tag("h1")), "the title is not shown as text"
    panel = _sidebar_panel(page)
    assert summary in panel.text, "the actor summary is not shown as text in the sidebar"
    inline = page.by_class("actor-panel--inline")[0]
    assert summary in inline.text
    briefing_file = site / "briefings" / BRIEFING / "index.html"
    actor_file, why = resolve(site, briefing_file, _actor_links(panel)["james-clapper"].get("href"))
    assert actor_file is not None, why
    assert summary in _article(parse_file(actor_file)).text, "the summary is not on the actor page"
    # The search index holds the title as the page shows it: as text, which the search box
    # shows as text (the browser proves it in test_hostile.py).
    record = pagefind.records(site)[f"/briefings/{BRIEFING}/"]
    assert title in record["meta"]["title"]


# --------------------------------------------------------------------------- failed builds


def test_failed_build_reports_the_file_and_keeps_the_last_good_site(
    build_modified, project_copy, tmp_path
):
    project = project_copy()
    site = tmp_path / "published-site"
    good = build_modified(project=project, site=site)
    assert good.result.returncode == 0, good.result.stderr
    before = snapshot(site)
    assert "index.html" in before

    broken_file = project / "content" / "actors" / "iran.yml"
    lines = broken_file.read_text(encoding="utf-8").splitlines()
    number = next(i for i, line in enumerate(lines, 1) if line.startswith("summary:"))
    # A plain scalar with ": " in it: "mapping values are not allowed here".
    lines[number - 1] = "summary: Islamic republic: in Western Asia."
    broken_file.write_text("\n".join(lines) + "\n", encoding="utf-8")

    bad = build_modified(project=project, site=site)
    output = bad.result.stdout + bad.result.stderr
    assert bad.result.returncode == 1, output
    assert "Traceback" not in output, output
    located = re.findall(r"(?m)^(\S+):(\d+):(\d+): \S", output)
    naming = [
        (path, int(line), int(col)) for path, line, col in located
        if (project / path).resolve() == broken_file.resolve()
        or Path(path).resolve() == broken_file.resolve()
    ]
    assert naming, f"no path:line:col: line naming {broken_file.name}:\n{output}"
    assert any(line == number and col >= 1 for _, line, col in naming), output
    assert snapshot(site) == before, "the failed build changed the last good site"


# --------------------------------------------------------------------------- determinism


def test_generate_is_deterministic(content_dir, tmp_path):
    outputs = []
    for name in ("first", "second"):
        out = tmp_path / name
        result = subprocess.run(
            [*briefings_command(), "generate", "--content", str(content_dir), "--out", str(out)],
            capture_output=True, text=True, timeout=120,
        )
        assert result.returncode == 0, result.stderr
        outputs.append(snapshot(out))
    first, second = outputs
    assert any(path.endswith(".md") for path in first), "generate wrote no Markdown pages"
    assert sorted(first) == sorted(second)
    differing = [path for path in first if first[path] != second[path]]
    assert not differing, f"files that differ between two runs: {differing}"
