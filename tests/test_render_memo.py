"""Rendering with the page memo gives exactly the pages of a render without it, after any
edit; and an edit renders again only the pages whose inputs it changed."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from support import network

from generator.pipeline import Caches, generate

STAMP = iter(range(10**9, 2 * 10**9, 10**6))  # distinct old mtimes, so no stamp repeats


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    stamp = next(STAMP)
    os.utime(path, ns=(stamp, stamp))


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    write(path, text.replace(old, new, 1))


def first(folder: Path, pattern: str) -> Path:
    return sorted(folder.glob(pattern))[0]


EDITS = {
    "bluf": lambda c: replace(first(c / "briefings", "b0*.yml"), "bluf: ", "bluf: Now, "),
    "briefing title": lambda c: replace(first(c / "briefings", "b0*.yml"), "title: ",
                                        "title: Renamed "),
    "article text": lambda c: write(first(c / "articles", "a0*.md"),
                                    first(c / "articles", "a0*.md").read_text()
                                    + "\nBetaland answered.\n"),
    "article title": lambda c: replace(first(c / "articles", "a0*.md"), "title: ",
                                       "title: Retitled "),
    "actor summary": lambda c: replace(c / "actors" / "beta-land.yml", "summary: ",
                                       "summary: Newly, "),
    "actor alias": lambda c: write(c / "actors" / "beta-land.yml",
                                   (c / "actors" / "beta-land.yml").read_text()
                                   + "aliases: [Gammaland Junior]\n"),
    "actor name": lambda c: replace(c / "actors" / "beta-land.yml", "name: Betaland",
                                    "name: Betaland Republic"),
    # Kappa Bank's briefing count changes: the graphs that show it size it anew.
    "briefing actor": lambda c: write(c / "briefings" / "b02.yml",
                                      (c / "briefings" / "b02.yml").read_text()
                                      + "actors:\n  - {id: kappa-bank, role: Lender}\n"),
    "topic name": lambda c: replace(c / "taxonomy.yml", "{name: Energy}", "{name: Power}"),
    "relationship": lambda c: write(first(c / "briefings", "b0*.yml"),
                                    re.sub(r"\nrelationships:\n(  - .*\n)*", "\n",
                                           first(c / "briefings", "b0*.yml").read_text())),
    "new article": lambda c: write(c / "articles" / "a99.md",
                                   "---\ntitle: Late wire\n---\nAlphaland and Betaland.\n"),
    "removed article": lambda c: (c / "articles" / "a99.md").unlink(missing_ok=True),
}


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    network.write_corpus(folder)
    return folder


@pytest.mark.parametrize("edit", list(EDITS))
def test_memo_gives_the_pages_of_a_fresh_render(edit, content):
    caches = Caches()
    generate(content, caches=caches)
    EDITS[edit](content)
    assert generate(content, caches=caches) == generate(content)


def test_every_edit_in_turn(content):
    caches = Caches()
    generate(content, caches=caches)
    for edit in EDITS.values():
        edit(content)
        assert generate(content, caches=caches) == generate(content)


def test_a_bluf_edit_renders_only_the_pages_that_show_it(content):
    caches = Caches()
    generate(content, caches=caches)
    total = caches.render.rendered
    generate(content, caches=caches)
    assert caches.render.rendered == 0
    EDITS["bluf"](content)
    generate(content, caches=caches)
    # The briefing's own page and the pages of the articles it cites.
    assert 1 <= caches.render.rendered <= 5 < total


def test_a_build_that_forks_gives_the_pages_of_one_process(content):
    # A large cold build reads half of each folder, analyses half its articles and renders
    # the briefing and article pages in a second process (generator/forked.py); here from
    # one file on.
    caches, alone = Caches(), Caches()
    for cache in (caches.load, caches.analysis, caches.render):
        cache.parallel_from = 1
    assert generate(content, caches=caches) == generate(content, caches=alone)
    assert caches.load.forked > 0 and caches.analysis.forked > 0
    # The briefing and article pages were made in the other process, not through this memo.
    assert 0 < caches.render.rendered < alone.render.rendered
