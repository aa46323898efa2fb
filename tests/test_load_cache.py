"""The load cache: after any edit, a load with the cache of earlier loads gives exactly what a
load without it gives, and reads again only the files whose stamp changed."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.load import LoadCache, load_corpus

RUSSIA = "name: Russia\nkind: state\naliases: [Russian Federation]\nsummary: A state.\n"
IRAN = "name: Iran\nkind: state\naliases: [Islamic Republic]\nsummary: A state.\n"
TALKS = "---\ntitle: Talks\npublished: 2015-10-01\n---\nRussia spoke.\n"
VISIT = "---\ntitle: Visit\npublished: 2015-10-03\n---\nIran visited [a link](http://x).\n"
BRIEFING = (
    "title: Talks\ndate: 2015-10-02\nstatus: published\nbluf: Russia spoke.\n"
    "articles: [talks, visit]\ntopics: [diplomacy]\n"
)
TAXONOMY = "topics:\n  diplomacy: {name: Diplomacy}\nregions:\n  europe: {name: Europe}\n"
FILES = {
    "actors/iran.yml": IRAN,
    "actors/russia.yml": RUSSIA,
    "articles/talks.md": TALKS,
    "articles/visit.md": VISIT,
    "briefings/talks.yml": BRIEFING,
    "taxonomy.yml": TAXONOMY,
}

# Modification times far in the past and never the same twice: each write gets a stamp of
# its own, with no sleeping, and no file counts as just written (see cache.RACY_NS).
_MTIMES = itertools.count(1_500_000_000 * 10**9, 10**9 + 1)


def write(content: Path, rel: str, text: str | bytes) -> None:
    path = content / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    mtime = next(_MTIMES)
    os.utime(path, ns=(mtime, mtime))


def outcome(content: Path, cache: LoadCache | None = None) -> tuple:
    """All a user or a later stage sees of a load: the corpus with where each record comes
    from (not part of record equality), or the lines of every error and warning."""
    try:
        corpus = load_corpus(content, cache)
    except ContentErrors as problems:
        return "errors", problems.format_message().splitlines(), problems.errors, problems.warnings
    records = (*corpus.actors, *corpus.articles, *corpus.briefings)
    return "corpus", corpus, [(record.id, record.source) for record in records]


@pytest.fixture
def content(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    root = Path("content")
    for rel, text in FILES.items():
        write(root, rel, text)
    return root


def replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(content: Path) -> None:
        write(content, rel, (content / rel).read_text(encoding="utf-8").replace(old, new))
    return edit


def add(rel: str, text: str) -> Callable[[Path], None]:
    return lambda content: write(content, rel, text)


def remove(rel: str) -> Callable[[Path], None]:
    return lambda content: (content / rel).unlink()


def rename(rel: str, to: str) -> Callable[[Path], None]:
    return lambda content: (content / rel).rename(content / to)


def no_change(content: Path) -> None:
    pass


# Each case: edits applied one after another, with the files each warm load must read again.
CASES = {
    "nothing changed": [(no_change, 0)],
    "an article's text edited": [(replace("articles/talks.md", "spoke", "spoke again"), 1)],
    "a briefing's bluf edited": [(replace("briefings/talks.yml", "bluf: Russia", "bluf: Iran"), 1)],
    "an article added": [(add("articles/later.md", TALKS.replace("Talks", "Later")), 1)],
    "an article added that a briefing names": [
        (replace("briefings/talks.yml", "visit]", "visit, later]"), 1),
        (add("articles/later.md", TALKS.replace("Talks", "Later")), 1),
    ],
    "an unreferenced actor removed": [(remove("actors/iran.yml"), 0)],
    "a referenced article removed": [(remove("articles/visit.md"), 0)],
    "an article renamed": [(rename("articles/visit.md", "articles/visit-2.md"), 1)],
    "an article renamed back": [
        (rename("articles/visit.md", "articles/visit-2.md"), 1),
        (rename("articles/visit-2.md", "articles/visit.md"), 1),
    ],
    "a file renamed to a name that is no id, then fixed": [
        (rename("actors/iran.yml", "actors/Iran.yml"), 0),
        (rename("actors/Iran.yml", "actors/iran.yml"), 1),
    ],
    "YAML broken, then fixed": [
        (replace("actors/russia.yml", "kind: state", "kind: [state"), 1),
        (replace("actors/russia.yml", "kind: [state", "kind: state"), 1),
    ],
    "a field misspelt, then fixed": [
        (replace("briefings/talks.yml", "bluf:", "bluff:"), 1),
        (replace("briefings/talks.yml", "bluff:", "bluf:"), 1),
    ],
    "bytes that are not UTF-8, then fixed": [
        (add("articles/talks.md", TALKS.encode() + b"\xff\n"), 1),
        (add("articles/talks.md", TALKS), 1),
    ],
    # The changed file sorts first: the clash is reported on the unchanged one, not re-read.
    "an alias that another actor already has": [
        (replace("actors/iran.yml", "[Islamic Republic]", "[Russian Federation]"), 1),
        (replace("actors/iran.yml", "[Russian Federation]", "[Islamic Republic]"), 1),
    ],
    "a topic removed that an unchanged briefing uses": [
        (replace("taxonomy.yml", "diplomacy: {name: Diplomacy}", "trade: {name: Trade}"), 1),
    ],
    "a warning added and removed": [
        (replace("articles/talks.md", "Russia spoke.", "Russia ![spoke](x.png)."), 1),
        (replace("articles/talks.md", "Russia ![spoke](x.png).", "Russia spoke."), 1),
    ],
}


@pytest.mark.parametrize("steps", CASES.values(), ids=CASES.keys())
def test_a_warm_load_equals_a_cold_load(content, steps):
    cache = LoadCache()
    assert outcome(content, cache) == outcome(content)
    assert cache.read == len(FILES)
    for edit, reads in steps:
        before = outcome(content)
        edit(content)
        read_before = cache.read
        warm = outcome(content, cache)
        assert warm == outcome(content)
        assert cache.read - read_before == reads
        if edit is not no_change:
            assert warm != before  # each edit shows in what the load gives


@pytest.mark.parametrize("steps", CASES.values(), ids=CASES.keys())
def test_two_processes_load_what_one_does(content, steps):
    # A build looks at half of each folder's files in a second process (forked.py).
    forked = LoadCache(parallel_from=1)
    assert outcome(content, forked) == outcome(content)
    assert forked.forked == len(FILES)
    for edit, reads in steps:
        edit(content)
        read_before = forked.read
        assert outcome(content, forked) == outcome(content)
        assert forked.read - read_before == reads


def test_what_the_cases_lead_to(content):
    """The cases above reach the cross-file checks they are named after."""
    cache = LoadCache()
    outcome(content, cache)
    replace("actors/iran.yml", "[Islamic Republic]", "[Russian Federation]")(content)
    assert outcome(content, cache)[1] == [
        "content/actors/russia.yml:3:11: 'Russian Federation' already names actor 'iran'"
        " (content/actors/iran.yml:3) (make it a weak alias of one of them, or remove it)"]
    replace("actors/iran.yml", "[Russian Federation]", "[Islamic Republic]")(content)
    remove("articles/visit.md")(content)
    assert outcome(content, cache)[1] == [
        "content/briefings/talks.yml:5:19: unknown article 'visit' (expected one of: 'talks')"]


def test_a_changed_working_directory_reads_again_for_the_paths_messages_show(content):
    cache = LoadCache()
    outcome(content, cache)
    os.chdir(content)
    warm = outcome(Path("."), cache)
    assert warm == outcome(Path("."))
    assert warm[2][0] == ("iran", load_corpus(Path(".")).actor("iran").source)
    assert warm[2][0][1].path == "actors/iran.yml"
    assert cache.read == 2 * len(FILES)


def test_a_file_just_written_is_read_again_but_parsed_only_if_its_text_changed(content):
    # Written now, the stamp could stay the same through another write in the same tick.
    (content / "articles/talks.md").write_text(TALKS, encoding="utf-8")
    cache = LoadCache()
    outcome(content, cache)
    assert (cache.read, cache.parsed) == (len(FILES), len(FILES))
    assert outcome(content, cache) == outcome(content)
    assert (cache.read, cache.parsed) == (len(FILES) + 1, len(FILES))


def test_removed_and_renamed_files_are_forgotten(content):
    cache = LoadCache()
    outcome(content, cache)
    remove("actors/iran.yml")(content)
    rename("articles/visit.md", "articles/visit-2.md")(content)
    outcome(content, cache)
    assert repr(cache) == f"LoadCache(files={len(FILES) - 1}, read={len(FILES) + 1}, " \
                          f"parsed={len(FILES) + 1})"


@pytest.mark.parametrize(("cwd", "content_dir", "shown"), [
    (".", "content", "content/actors/russia.yml"),
    ("content", ".", "actors/russia.yml"),
    ("content/actors", "..", "russia.yml"),
    ("content/articles", "..", "../actors/russia.yml"),
])
def test_paths_are_shown_from_the_working_directory(content, cwd, content_dir, shown):
    # Shown paths are worked out once per folder; this is where that could go wrong.
    replace("actors/russia.yml", "kind: state", "kind: stat")(content)
    os.chdir(cwd)
    assert outcome(Path(content_dir), LoadCache())[1] == [
        f"{shown}:2:7: 'stat' is not an allowed value (did you mean 'state'?)"]


def test_a_folder_is_shown_as_dot_from_inside_it(content):
    (content / "articles/notes").mkdir()
    os.chdir(content / "articles/notes")
    assert outcome(Path("../.."), LoadCache())[1] == [
        ".:1:1: is a folder inside .., which is not read (move its files up into ..)"]
