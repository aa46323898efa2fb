"""Pages stay small at the size of a real archive: lists cut into pages every item of which is
reachable, a timeline split by year and by month, briefings showing passages of their sources,
and no built page past the bound (a real `mkdocs build --strict` of a bench corpus)."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support.dom import parse_file
from support.site import copy_project, mkdocs_build, site_path

from generator.analyse import analyse
from generator.model import Actor, ActorKind, Article, Briefing, Corpus, Status, Term
from generator.render import actors as actor_pages
from generator.render import excerpts, indexes, render_site
from generator.render.paging import paginate

HTML_BOUND = 200_000  # bytes of HTML a built page may have
# A Markdown link to a page, or the address of a link in the HTML lists (a served URL).
LINK = re.compile(r"\]\(([^)\s]+\.md)\)|href=\"([^\"#:]+)\"")


def links(text: str, path: str) -> list[str]:
    """The doc paths that the page at `path` links to, in order, however it wrote them."""
    here = posixpath.dirname(path)
    served = path[:-len("index.md")] if path.endswith("index.md") else path[:-3] + "/"
    found = []
    for markdown, url in LINK.findall(text):
        if markdown:
            found.append(posixpath.normpath(posixpath.join(here, markdown)))
        else:
            target = posixpath.normpath(posixpath.join(served, url))
            found.append("index.md" if target == "." else target + ".md")
    return found


# --------------------------------------------------------------------------- paginate


def test_pages_hold_every_item_once_in_order_and_name_their_neighbours():
    pages = paginate(list(range(7)), 3, "topics/energy.md")
    assert [list(p.items) for p in pages] == [[0, 1, 2], [3, 4, 5], [6]]
    assert [p.path for p in pages] == ["topics/energy.md", "topics/energy/page-2.md",
                                       "topics/energy/page-3.md"]
    assert [(p.number, p.count, p.total) for p in pages] == [(1, 3, 7), (2, 3, 7), (3, 3, 7)]
    assert [(p.first_index, p.last_index) for p in pages] == [(1, 3), (4, 6), (7, 7)]
    assert [(p.previous, p.next) for p in pages] == [
        (None, "topics/energy/page-2.md"),
        ("topics/energy.md", "topics/energy/page-3.md"),
        ("topics/energy/page-2.md", None)]


def test_an_empty_list_is_one_empty_page_and_a_second_list_takes_its_own_folder():
    [only] = paginate([], 5, "articles/index.md")
    assert (only.path, only.count, list(only.items), only.next) == ("articles/index.md", 1, [],
                                                                     None)
    pages = paginate(list(range(3)), 2, "actors/iraq.md", "actors/iraq/articles")
    assert [p.path for p in pages] == ["actors/iraq.md", "actors/iraq/articles/page-2.md"]


# --------------------------------------------------------------------------- excerpts


def test_a_short_source_is_shown_whole():
    text = "Russia spoke.\n\nIraq answered."
    assert excerpts.choose(text, [0, 15]) == ((0, len(text)),)


def test_passages_follow_the_anchors_in_order_of_priority_until_the_budget():
    paragraphs = [f"Paragraph {n} " + "word " * 60 for n in range(20)]  # 316 characters each
    text = "\n\n".join(paragraphs)
    offset = {n: text.index(f"Paragraph {n} ") for n in range(20)}
    spans = excerpts.choose(text, [offset[12], offset[3], offset[12] + 5, offset[7],
                                   offset[18], offset[1]], budget=1000)
    # Paragraphs 12, 3 and 7 fit in 1,000 characters; 18 does not, nor 1; the second anchor
    # in paragraph 12 adds nothing. Shown in the order of the text.
    assert [text[s:e].split(" ")[1] for s, e in spans] == ["3", "7", "12"]
    assert all(text[s:e] == paragraphs[int(text[s:e].split(" ")[1])] for s, e in spans)


def test_a_long_paragraph_is_cut_to_whole_sentences_around_its_anchor():
    sentences = [f"Sentence {n} says something about nothing in particular." for n in range(40)]
    text = " ".join(sentences) + "\n\nA short closing paragraph."
    anchor = text.index("Sentence 20 ")
    [(start, end)] = excerpts.choose(text, [anchor], budget=1500)
    shown = text[start:end]
    assert shown.startswith("Sentence 20 ") and shown.endswith(".")
    assert end - start <= excerpts.PIECE


def test_one_enormous_sentence_is_cut_at_a_space_within_the_budget():
    text = "Russia " + "and more " * 500
    [(start, end)] = excerpts.choose(text, [0], budget=300)
    assert start == 0 and end <= 300 and text[end] == " "


# --------------------------------------------------------------------------- a big corpus


def big_corpus() -> Corpus:
    """One actor in 130 articles and 60 briefings, a topic with 45 of them, and one busy year."""
    iraq = Actor("iraq", "Iraq", ActorKind.STATE, summary="A state.")
    articles = tuple(
        Article(f"a{n:03}", f"Article {n}", f"Iraq said something on day {n}.",
                published=dt.date(2020, 1, 1) + dt.timedelta(days=n))
        for n in range(130))
    briefings = tuple(
        Briefing(f"b{n:02}", f"Briefing {n}", dt.date(2020, 1, 1) + dt.timedelta(days=3 * n),
                 "Bottom line.", status=Status.PUBLISHED, articles=(f"a{n:03}",),
                 topics=("energy",) if n < 45 else ())
        for n in range(60))
    return Corpus(articles=articles, actors=(iraq,), briefings=briefings,
                  topics=(Term("energy", "Energy"),))


@pytest.fixture(scope="module")
def big_pages() -> dict[str, str]:
    corpus = big_corpus()
    return {page.path: page.text for page in render_site(corpus, analyse(corpus))}


def walk(pages: dict[str, str], first: str, folder: str) -> tuple[list[str], list[str]]:
    """Follow a list's pages from `first` through the links into `folder`: the pages seen in
    order, and the items (doc paths under `items`) they list."""
    seen, items, queue = [], [], [first]
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.append(path)
        for target in links(pages[path], path):
            if target.startswith(folder) and target not in seen and target not in queue:
                queue.append(target)
            elif target.startswith(("briefings/", "articles/")) and \
                    not target.endswith("index.md") and target not in items:
                items.append(target)
    return seen, items


def test_every_article_and_briefing_of_an_actor_is_reachable_from_its_page(big_pages):
    seen, _ = walk(big_pages, "actors/iraq.md", "actors/iraq/articles/")
    count = -(-130 // actor_pages.LISTED)
    assert seen == ["actors/iraq.md"] + [f"actors/iraq/articles/page-{n}.md"
                                         for n in range(2, count + 1)]
    listed = []
    for path in seen:
        section = big_pages[path].split("## Articles", 1)[-1]
        listed += [t for t in links(section, path) if "articles/a" in t]
    # Newest first, each once.
    assert listed == [f"articles/a{n:03}.md" for n in range(129, -1, -1)]
    for number, path in enumerate(seen, 1):
        assert f"Page {number} of {count}" in big_pages[path], path
    second = big_pages["actors/iraq/articles/page-2.md"]
    assert "[← Previous](../../iraq.md)" in second
    assert "[Next →](page-3.md)" in second
    _, briefings = walk(big_pages, "actors/iraq.md", "actors/iraq/briefings/")
    assert {b for b in briefings if b.startswith("briefings/")} == {
        f"briefings/b{n:02}.md" for n in range(60)}


def test_topic_pages_and_the_list_of_all_briefings_reach_every_briefing(big_pages):
    seen, items = walk(big_pages, "topics/energy.md", "topics/energy/")
    assert len(seen) == -(-45 // indexes.TERM_BRIEFINGS)
    assert [i for i in items if i.startswith("briefings/")] == [
        f"briefings/b{n:02}.md" for n in range(44, -1, -1)]
    seen, items = walk(big_pages, "briefings/index.md", "briefings/index/")
    assert [i for i in items if i.startswith("briefings/")] == [
        f"briefings/b{n:02}.md" for n in range(59, -1, -1)]
    home = big_pages["index.md"]
    assert "[All 60 briefings →](briefings/index.md)" in home
    assert home.count("\n## [Briefing ") == indexes.LATEST


def test_a_busy_year_is_split_by_month_and_every_event_keeps_its_page(monkeypatch):
    monkeypatch.setattr(indexes, "YEAR_EVENTS", 50)
    corpus = big_corpus()
    pages = {page.path: page.text for page in render_site(corpus, analyse(corpus))}
    parts = sorted(path for path in pages if path.startswith("timeline/"))
    # 2020 has 130 articles and 60 briefings, more than 50: one page a month, January to June.
    assert parts == [f"timeline/2020-{m:02}.md" for m in range(1, 7)]
    assert "[Jan](timeline/2020-01.md) (" in pages["timeline.md"]
    listed = [t for path in parts for t in links(pages[path], path) if "articles/a" in t]
    assert listed == [f"articles/a{n:03}.md" for n in range(130)]
    assert "[February 2020 →](2020-02.md)" in pages["timeline/2020-01.md"]


# --------------------------------------------------------------------------- built, at scale


@pytest.fixture(scope="module")
def bench_site(project_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bench corpus large enough that every list is cut, built by the real MkDocs."""
    project = copy_project(project_root, tmp_path_factory.mktemp("bench") / "project")
    import shutil

    shutil.rmtree(project / "content")
    subprocess.run([sys.executable, str(project_root / "bench" / "make_corpus.py"),
                    "--articles", "400", "--actors", "30", "--briefings", "130",
                    "--aliases", "200", "--out", str(project)],
                   check=True, capture_output=True, text=True)
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_no_built_page_passes_the_bound_and_lists_were_cut(bench_site):
    sizes = {path.relative_to(bench_site).as_posix(): path.stat().st_size
             for path in bench_site.rglob("*.html")}
    over = {path: size for path, size in sizes.items() if size > HTML_BOUND}
    assert not over, over
    # The corpus was big enough to need every kind of cut.
    assert any("/articles/page-" in path for path in sizes)
    assert any(path.startswith("articles/index/page-") for path in sizes)
    assert any(path.startswith("briefings/index/page-") for path in sizes)
    assert any(path.startswith("timeline/") for path in sizes)


def test_briefings_show_passages_and_link_the_full_text(bench_site):
    page = bench_site / "briefings"
    shown = 0
    for briefing in sorted(page.iterdir())[:10]:
        document = parse_file(briefing / "index.html")
        links = [a for a in document.by_tag("a") if a.text.startswith("Full text of the source")]
        for link in links:
            target = site_path(bench_site, briefing / "index.html", link.get("href"))
            assert target and target.startswith("articles/"), link.get("href")
        shown += len(links)
    assert shown, "no briefing shows passages of a long source"


def test_a_page_describes_its_leading_actors_and_names_the_rest():
    from generator.render.site import LEADING

    actors = tuple(Actor(f"actor-{n:02}", f"Actor{n:02}", ActorKind.STATE, summary="S " * 200)
                   for n in range(LEADING + 5))
    # Actor n is mentioned n + 1 times, so the five least mentioned are actor-00 … actor-04.
    text = " ".join(f"Actor{n:02}." * (n + 1) for n in range(len(actors)))
    corpus = Corpus(articles=(Article("a", "A", text),), actors=actors)
    page = {p.path: p.text for p in render_site(corpus, analyse(corpus))}["articles/a.md"]
    panel = yaml.safe_load(page.split("---\n")[1])["actor_panel"]
    assert len(panel["actors"]) == LEADING
    assert {actor["id"] for actor in panel["actors"]} == {f"actor-{n:02}"
                                                         for n in range(5, LEADING + 5)}
    assert panel["more"] == 5
    for actor in panel["actors"]:  # clipped at a word, to at most 200 characters
        assert re.fullmatch(r"(?:S )+S…", actor["summary"])
        assert 190 <= len(actor["summary"]) <= 200
    also = page.split('id="also-mentioned">Also mentioned: ', 1)[1].split("</p>", 1)[0]
    assert links(also, "articles/a.md") == [f"actors/actor-{n:02}.md" for n in range(4, -1, -1)]
