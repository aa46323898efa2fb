"""The search index: the same pages give the same bytes however their files lay on disk, and
after the renumbering every word and filter still points at the pages that hold it, in an
index of one part or of several (a large site's, generator/site_search.py).

Pagefind numbers pages in the order the filesystem lists them and writes filter values in a
random order (generator/search_order.py puts both in order). Here the real Pagefind binary
indexes folders of pages written in different orders.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from support.pagefind import filter_pages, index_files, parts, records, word_pages

from generator.site_search import Shadow, index_site, split

# Made-up words, so that stemming leaves them as they are and no other page holds them.
WORDS = ["zorblat", "quindex", "mervolk", "tassprin", "golvent", "brimmock", "kelzaru"]
KINDS = ["Briefing", "Source", "Actor"]
# Pages per part: the default (these sites fit in one part), and few enough for several.
IN_PARTS = pytest.mark.parametrize("pages_per_part", [2000, 8], ids=["one part", "parts"])


def page_html(n: int) -> str:
    words = " ".join(WORDS[i] for i in range(len(WORDS)) if (n >> i) & 1 or i == n % 7)
    return (f'<!doctype html><html lang="en"><head><title>P{n}</title></head><body>'
            f'<nav>menu words never indexed</nav><div data-pagefind-body><h1>Page {n}</h1>'
            f'<div data-pagefind-ignore hidden>'
            f'<span data-pagefind-filter="kind">{KINDS[n % 3]}</span>'
            f'<span data-pagefind-filter="year">{2020 + n % 4}</span></div>'
            f'<p>Number {n} says {words}.</p></div></body></html>')


def write_site(folder: Path, order: list[int]) -> Path:
    for n in order:
        page = folder / f"p{n:02}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text(page_html(n), encoding="utf-8")
    return folder


@IN_PARTS
def test_the_index_is_byte_identical_whatever_order_the_pages_were_written(
    tmp_path, pages_per_part
):
    numbers = list(range(40))
    first = write_site(tmp_path / "forward", numbers)
    second = write_site(tmp_path / "backward", numbers[::-1])
    third = write_site(tmp_path / "shuffled", numbers[1::2] + numbers[::2])
    for site in (first, second, third):
        index_site(site, site, "en", pages_per_part)
    assert index_files(first) == index_files(second) == index_files(third)
    assert (len(parts(first)) > 1) == (pages_per_part < 40)


@IN_PARTS
def test_every_word_and_filter_points_at_the_pages_that_hold_it(tmp_path, pages_per_part):
    site = write_site(tmp_path / "site", list(range(40))[::-1])
    index_site(site, site, "en", pages_per_part)
    pages = records(site)
    assert len(pages) == 40
    words = word_pages(site)
    for word in WORDS:
        holding = sorted(url for url, record in pages.items() if word in record["content"])
        assert holding, word
        assert sorted(words[word]) == holding, word
    assert "menu" not in words  # only data-pagefind-body is indexed
    filters = filter_pages(site)
    for (name, value), urls in filters.items():
        assert urls, (name, value)
        assert sorted(urls) == sorted(url for url, record in pages.items()
                                      if value in record["filters"].get(name, ())), (name, value)
    assert {value for name, value in filters if name == "kind"} == set(KINDS)


def test_only_the_files_search_uses_are_shipped(tmp_path):
    site = write_site(tmp_path / "site", list(range(3)))
    index_site(site, site, "en")
    shipped = {path.name for path in (site / "pagefind").iterdir() if path.is_file()}
    assert "pagefind.js" in shipped and "pagefind-entry.json" in shipped
    assert not {name for name in shipped if "-ui." in name or "highlight" in name}
    assert not [path for path in site.iterdir() if path.name.startswith(".")]


def test_each_page_is_in_one_part_and_only_the_first_part_ships_the_search_code(tmp_path):
    site = write_site(tmp_path / "site", list(range(40)))
    index_site(site, site, "en", pages_per_part=8)
    folders = parts(site)
    assert json.loads((site / "pagefind" / "parts.json").read_text()) == [
        f"{folder.name}/" for folder in folders[1:]]
    assert len(folders) >= 3
    seen: list[str] = []
    for folder in folders:
        fragments = [json.loads(data)["url"] for name, data in index_files(site).items()
                     if name.startswith(f"{folder.relative_to(site).as_posix()}/fragment/")]
        assert fragments, folder
        seen += fragments
        code = {path.name for path in folder.iterdir()
                if path.suffix in (".js", ".pagefind")}
        if folder == folders[0]:
            assert {"pagefind.js", "pagefind-worker.js", "wasm.en.pagefind"} <= code
        else:
            assert not code, folder  # the first part's code searches them all
    assert sorted(seen) == sorted(f"/p{n:02}/" for n in range(40))


def test_a_page_keeps_its_part_as_other_pages_come_and_go():
    paths = [f"articles/a{n}/index.html" for n in range(100)]
    before = split(paths, 10)
    after = split(paths[:95] + [f"articles/new{n}/index.html" for n in range(5)], 10)
    assert len(before) == len(after) == 10
    part = {path: number for number, listed in enumerate(before) for path in listed}
    for number, listed in enumerate(after):
        assert all(part[path] == number for path in listed if path in part)
    assert sorted(sum(before, [])) == sorted(paths)


@pytest.mark.parametrize(("pages", "expected"), [(1, 1), (10, 1), (11, 2), (21, 4), (31, 4)])
def test_parts_come_in_pairs_so_that_both_indexing_at_once_have_one(pages, expected):
    # Two parts are indexed at a time: an odd last part would be indexed alone.
    paths = [f"articles/a{n}/index.html" for n in range(pages)]
    assert len(split(paths, 10)) == expected


def test_the_shadow_folder_indexes_exactly_what_the_whole_site_would(built_site, tmp_path):
    # The build hands Pagefind only each page's indexed part (generator/site_search.py,
    # Shadow); indexing the whole built site gives the same index, byte for byte.
    whole = tmp_path / "site"
    shutil.copytree(built_site, whole)
    shutil.rmtree(whole / "pagefind")
    index_site(whole, whole, "en")
    assert index_files(whole) == index_files(built_site)


def test_the_shadow_holds_each_pages_indexed_part_at_its_path(tmp_path):
    shadow = Shadow()
    try:
        page = ('<html><body><nav>menu</nav><div data-pagefind-body><h1>T</h1><p>text</p>'
                '</div><!--/data-pagefind-body--><footer>foot</footer></body></html>')
        shadow.add("briefings/x/index.html", page)
        written = (shadow.folder / "briefings/x/index.html").read_text(encoding="utf-8")
        assert "<h1>T</h1><p>text</p>" in written
        assert "menu" not in written and "foot" not in written
        # A page no longer offered to search leaves the shadow.
        shadow.add("briefings/x/index.html", "<html><body>plain</body></html>")
        assert not (shadow.folder / "briefings/x/index.html").exists()
    finally:
        shadow.remove()
    assert not shadow.folder.exists()
