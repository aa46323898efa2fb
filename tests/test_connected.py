"""The web between pages, on a dozen briefings the test writes: backlinks, related order,
graph data, feed, taxonomy and timeline pages, and that nothing excluded leaks into any of it."""

from __future__ import annotations

import gzip
import json
import math
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from support.dom import parse_file
from support.network import (
    ACTORS,
    AMBER_MARKER,
    BRIEFINGS,
    DRAFT_TITLE,
    EMBARGO_MARKER,
    EMBARGO_TITLE,
    EMBARGOED_BRIEFING,
    INFORMANT,
    OPERATION,
    write_corpus,
)
from support.pagefind import index_files, parts, records
from support.site import copy_project, mkdocs_build, set_plugin_option, site_path

ATOM = "{http://www.w3.org/2005/Atom}"
PUBLISHED = {design.id: design for design in BRIEFINGS}


@pytest.fixture(scope="module")
def site(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(project_root, tmp_path_factory.mktemp("network") / "project")
    shutil.rmtree(project / "content")
    write_corpus(project / "content")
    # The search index in parts, as a large site's: the leak test reads every file of each.
    set_plugin_option(project, "search_pages_per_part", 10)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(parts(project / "site")) > 1
    return project / "site"


def links_in_section(page: Path, site: Path, heading: str) -> list[str]:
    """Site paths of the links under an <h2>, in page order, up to the next <h2>."""
    document = parse_file(page)
    article = document.by_tag("article")[0]
    found, inside = [], False
    for element in article.iter():
        if element.tag == "h2":
            inside = element.text.strip().rstrip("¶").strip() == heading
        elif inside and element.tag == "a" and element.get("href") and \
                not element.has_class("headerlink"):
            path = site_path(site, page, element.get("href"))
            if path:
                found.append(path)
    return found


def test_every_actor_page_lists_exactly_its_briefings_newest_first(site):
    for actor_id in ACTORS:
        expected = [d.id for d in sorted(BRIEFINGS, key=lambda d: d.date, reverse=True)
                    if actor_id in d.actors]
        page = site / "actors" / actor_id / "index.html"
        listed = [p.split("/")[1] for p in links_in_section(page, site, "Briefings")]
        assert listed == expected, actor_id


def expected_related(design_id: str) -> list[str]:
    """The scoring documented in generator/analyse/related.py, computed from the design."""
    total = len(BRIEFINGS)
    count = {a: sum(a in d.actors for d in BRIEFINGS) for a in ACTORS}
    me = PUBLISHED[design_id]
    scored = []
    for other in BRIEFINGS:
        if other.id == me.id or other.id in me.related:
            continue
        shared = {a for a in set(me.actors) & set(other.actors) if count[a] < total}
        topics = set(me.topics) & set(other.topics)
        regions = set(me.regions) & set(other.regions)
        if not (shared or topics or regions):
            continue
        days = abs((me.date - other.date).days)
        score = (sum(math.log(total / count[a]) for a in shared) + 1.0 * len(topics)
                 + 0.5 * len(regions) + 0.5 / (1 + days / 30))
        scored.append((-round(score, 6), -other.date.toordinal(), other.id))
    return list(me.related) + [item[2] for item in sorted(scored)[:5]]


@pytest.mark.parametrize("design_id", sorted(PUBLISHED))
def test_related_briefings_follow_the_documented_scoring(site, design_id):
    page = site / "briefings" / design_id / "index.html"
    listed = [p.split("/")[1] for p in links_in_section(page, site, "Related briefings")]
    assert listed == expected_related(design_id)


def test_related_reasons_name_shared_actors_but_not_the_ubiquitous_one(site):
    page = parse_file(site / "briefings" / "b02" / "index.html")
    reasons = [span.text for span in page.by_class("related-reason")]
    assert reasons, "no related reasons shown"
    assert any("shares Alphaland" in r or "shares Gamma Front" in r for r in reasons)
    assert all("Omni Agency" not in r for r in reasons)
    pinned = parse_file(site / "briefings" / "b01" / "index.html").by_class("related-reason")
    assert pinned[0].text.startswith("pinned by the curator")


def test_graph_json_matches_the_relationships_in_the_yaml(site):
    data = json.loads((site / "graph.json").read_text(encoding="utf-8"))
    expected = {rel for d in BRIEFINGS for rel in d.relationships}
    edges = {(e["source"], e["type"], e["target"]) for e in data["edges"]}
    assert edges == expected
    funds_beta = next(e for e in data["edges"]
                      if (e["source"], e["type"], e["target"]) == ("kappa-bank", "funds",
                                                                   "beta-land"))
    assert funds_beta["briefings"] == ["b03", "b10"]
    assert funds_beta["evidence"] == ["a03", "a10"]
    assert {n["id"] for n in data["nodes"]} == {a for rel in expected for a in (rel[0], rel[2])}


def test_actor_page_graph_holds_only_its_own_edges(site):
    page = (site / "actors" / "jane-roe" / "index.html").read_text(encoding="utf-8")
    start = page.index('id="graph-jane-roe">') + len('id="graph-jane-roe">')
    data = json.loads(page[start:page.index("</script>", start)])
    assert data["focus"] == "jane-roe"
    assert {(e["source"], e["target"]) for e in data["edges"]} == {("jane-roe", "delta-council")}


def test_the_feed_parses_and_lists_published_briefings_newest_first(site):
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    newest = sorted(BRIEFINGS, key=lambda d: d.date, reverse=True)
    assert titles == [f"Briefing {d.id}" for d in newest]
    for entry, design in zip(entries, newest, strict=True):
        href = entry.find(f"{ATOM}link").get("href")
        assert (site / href / "index.html").is_file(), href
        assert entry.findtext(f"{ATOM}updated") == f"{design.date.isoformat()}T00:00:00Z"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in home


def test_topic_and_region_pages_list_their_briefings(site):
    for term, field in (("energy", "topics"), ("security", "topics"), ("north", "regions")):
        page = site / field / term / "index.html"
        listed = {p.split("/")[1] for p in links_in_section(page, site, "")
                  if p.startswith("briefings/")} or {
            site_path(site, page, a.get("href")).split("/")[1]
            for a in parse_file(page).by_tag("article")[0].by_tag("a")
            if (site_path(site, page, a.get("href") or "") or "").startswith("briefings/")}
        expected = {d.id for d in BRIEFINGS if term in getattr(d, field)}
        assert listed == expected, term


def linked_pages(site: Path, page: Path, folder: str) -> list[str]:
    """Site paths of the pages under `folder` that a page's content links to, in order, once."""
    found = []
    for anchor in parse_file(page).by_tag("article")[0].by_tag("a"):
        path = site_path(site, page, anchor.get("href") or "")
        if path and path.startswith(folder) and path not in found and site / path != page:
            found.append(path)
    return found


def test_the_timeline_lists_every_briefing_in_date_order(site):
    # timeline.md lists the years; each year's page lists its events.
    years = linked_pages(site, site / "timeline" / "index.html", "timeline/")
    assert years == sorted(years)
    assert {f"timeline/{d.date.year}/index.html" for d in BRIEFINGS} <= set(years)
    order = [p.split("/")[1] for year in years
             for p in linked_pages(site, site / year, "briefings/")]
    assert order == [d.id for d in sorted(BRIEFINGS, key=lambda d: d.date)]


def test_drafts_embargoed_and_restricted_items_leak_nowhere(site):
    texts = {path: path.read_bytes() for path in site.rglob("*")
             if path.is_file() and path.suffix in {".html", ".json", ".xml", ".txt", ".gz"}}
    texts = {path: gzip.decompress(data) if path.suffix == ".gz" else data
             for path, data in texts.items()}
    # Every file of the search index too, unpacked; its words are lower-cased.
    texts.update(index_files(site))
    for path, data in texts.items():
        text = data.decode("utf-8", errors="replace").lower()
        for secret in (DRAFT_TITLE, AMBER_MARKER, INFORMANT, OPERATION, "Restricted note",
                       EMBARGO_MARKER, EMBARGO_TITLE, "Held note",
                       f"briefings/{EMBARGOED_BRIEFING}/",
                       # The index splits what it holds into words.
                       "codeword", "wombat", "heron", "informant", "nightfall", "lynx"):
            assert secret.lower() not in text, (secret, path)
    # What is published is in the index (so the reading above is not of an empty one).
    indexed = records(site)
    for briefing_id in PUBLISHED:
        assert f"/briefings/{briefing_id}/" in indexed, briefing_id
    graph = json.loads((site / "graph.json").read_text(encoding="utf-8"))
    assert {"allied-with", "supplies"}.isdisjoint(e["type"] for e in graph["edges"])


def test_a_profile_chosen_by_environment_widens_what_is_shown(site):
    project = site.parent
    internal = mkdocs_build(project, project / "site-internal", BRIEFINGS_PROFILE="internal")
    assert internal.returncode == 0, internal.stdout + internal.stderr
    amber = project / "site-internal" / "articles" / "amber-note" / "index.html"
    assert AMBER_MARKER in amber.read_text(encoding="utf-8")
    assert "TLP:AMBER" in amber.read_text(encoding="utf-8")
    assert not (project / "site-internal" / "briefings" / "draft").exists()
    # internal shows what is under embargo (profiles.yml: embargo: show).
    held = project / "site-internal" / "briefings" / EMBARGOED_BRIEFING / "index.html"
    assert EMBARGO_TITLE in held.read_text(encoding="utf-8")
    note = project / "site-internal" / "articles" / "embargoed-note" / "index.html"
    assert EMBARGO_MARKER in note.read_text(encoding="utf-8")

    review = mkdocs_build(project, project / "site-review", BRIEFINGS_PROFILE="review")
    assert review.returncode == 0, review.stdout + review.stderr
    draft = project / "site-review" / "briefings" / "draft" / "index.html"
    assert DRAFT_TITLE in draft.read_text(encoding="utf-8")
    assert INFORMANT in draft.read_text(encoding="utf-8")
    assert (project / "site-review" / "actors" / "informant" / "index.html").is_file()
    assert (project / "site-review" / "topics" / "nightfall" / "index.html").is_file()


def test_an_unknown_profile_stops_the_build_with_one_line(site):
    project = site.parent
    result = mkdocs_build(project, project / "site-typo", BRIEFINGS_PROFILE="internl")
    assert result.returncode == 1
    assert ("site_config/profiles.yml:1:1: no publishing profile 'internl'"
            " (did you mean 'internal'?)") in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not (project / "site-typo").exists()


def test_generated_markdown_is_byte_identical_whatever_the_hash_seed(site, tmp_path):
    import subprocess

    from support.site import briefings_command, quiet_env, snapshot

    content = site.parent / "content"
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        result = subprocess.run(
            [*briefings_command(), "generate", "--content", str(content), "--out", str(out),
             "--profile", "review", "--profiles",
             str(site.parent / "site_config" / "profiles.yml")],
            env={**quiet_env(), "PYTHONHASHSEED": seed}, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        outputs.append(snapshot(out))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 40
