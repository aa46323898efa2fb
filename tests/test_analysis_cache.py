"""The analysis cache: a warm or edited cache gives the analysis a cold run gives, and an edit
re-analyses only the articles whose inputs it changed (counted by `cache.computed`) and scores
related briefings again only when their inputs changed (`cache.related_scored`)."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.analyse import ActorNames, Analysis, AnalysisCache, analyse
from generator.cli import main
from generator.load import load_corpus
from generator.model import Actor, ActorKind, Corpus
from generator.select import PUBLIC, select

ROOT = Path(__file__).resolve().parent.parent
SEED = "us-fears-compromise-of-military-secrets"
SEED_BRIEFING = "iraq-russia-intelligence-sharing"
TALKS = "baghdad-talks"
FOLLOW_UP = "baghdad-follow-up"
TALKS_TEXT = """\
Iraqi officials met Russian envoys in Baghdad on Monday. The Kremlin welcomed the talks.

“We will share what we learn about ISIS with our partners,” Bob Work said of the
arrangement, adding that 200 advisers would stay.
"""


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """The shipped corpus plus a second article and a briefing citing it, related to the
    shipped briefing by a topic and a region."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "articles" / f"{TALKS}.md").write_text(
        f"---\ntitle: Talks in Baghdad\ntlp: CLEAR\n---\n{TALKS_TEXT}", encoding="utf-8")
    (content / "briefings" / f"{FOLLOW_UP}.yml").write_text(
        "title: Baghdad follow-up\ndate: 2026-12-01\nstatus: published\ntlp: CLEAR\n"
        f"bluf: Iraq and Russia met in Baghdad.\narticles: [{TALKS}]\n"
        "topics: [intelligence-sharing]\nregions: [middle-east]\n", encoding="utf-8")
    return content


def corpus_of(content: Path) -> Corpus:
    return select(load_corpus(content), PUBLIC)


def cold(content: Path) -> Analysis:
    return analyse(corpus_of(content))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def warmed(content: Path) -> AnalysisCache:
    cache = AnalysisCache()
    assert analyse(corpus_of(content), cache) == cold(content)
    assert (cache.computed, cache.compiled, cache.related_scored) == (2, 1, 1)
    return cache


def test_a_warm_cache_gives_the_cold_analysis_and_analyses_nothing(content):
    cache = warmed(content)
    assert analyse(corpus_of(content), cache) == cold(content)
    assert (cache.computed, cache.compiled, cache.related_scored) == (2, 1, 1)


def test_an_edited_article_alone_is_analysed_again(content):
    cache = warmed(content)
    edit(content / "articles" / f"{TALKS}.md", "Bob Work said", "James Clapper said")
    analysis = analyse(corpus_of(content), cache)
    assert analysis == cold(content)
    assert [q.speaker for q in analysis.quotes[TALKS]] == ["james-clapper"]
    # James Clapper is now involved in the follow-up: related briefings are scored again.
    assert (cache.computed, cache.compiled, cache.related_scored) == (3, 1, 2)
    assert len(cache) == 2  # the old text's entry is gone


def test_an_edited_briefing_analyses_no_article(content):
    cache = warmed(content)
    briefing = content / "briefings" / f"{SEED_BRIEFING}.yml"
    edit(briefing, "articles: [us-fears-compromise-of-military-secrets]\nactors:",
         f"articles: [us-fears-compromise-of-military-secrets, {TALKS}]\nactors:")
    edit(briefing, "Iraq has entered", "Iraq has joined")
    analysis = analyse(corpus_of(content), cache)
    assert analysis == cold(content)
    def work(involvements):
        return [inv.mentions for inv in involvements if inv.actor == "bob-work"]

    assert work(analysis.article_actors[TALKS]) == [1]
    assert work(analysis.briefing_actors[SEED_BRIEFING]) == [
        work(analysis.article_actors[SEED])[0] + 1]
    # The same actors, topics, regions and dates: related briefings are not scored again.
    assert (cache.computed, cache.compiled, cache.related_scored) == (2, 1, 1)


def test_a_briefing_date_scores_related_briefings_again(content):
    cache = warmed(content)
    assert [r.days_apart for r in cold(content).related[SEED_BRIEFING]] == [6]
    edit(content / "briefings" / f"{FOLLOW_UP}.yml", "date: 2026-12-01", "date: 2026-12-31")
    analysis = analyse(corpus_of(content), cache)
    assert analysis == cold(content)
    assert [r.days_apart for r in analysis.related[SEED_BRIEFING]] == [36]
    assert (cache.computed, cache.related_scored) == (2, 2)


def test_an_actor_edit_outside_its_names_analyses_no_article(content):
    cache = warmed(content)
    edit(content / "actors" / "russia.yml", "summary: Federal state", "summary: A federal state")
    assert analyse(corpus_of(content), cache) == cold(content)
    assert (cache.computed, cache.compiled) == (2, 1)


def test_an_edited_alias_analyses_every_article_again(content):
    cache = warmed(content)
    assert "Kremlin" not in [m.text for m in cold(content).mentions[TALKS]]
    edit(content / "actors" / "russia.yml", "aliases: [Russia,", "aliases: [Kremlin, Russia,")
    analysis = analyse(corpus_of(content), cache)
    assert analysis == cold(content)
    assert ("russia", "Kremlin") in [(m.actor, m.text) for m in analysis.mentions[TALKS]]
    assert (cache.computed, cache.compiled) == (4, 2)
    assert len(cache) == 2  # every entry of the old names is gone


def test_a_deleted_article_leaves_the_cache(content):
    cache = warmed(content)
    (content / "articles" / f"{TALKS}.md").unlink()
    (content / "briefings" / f"{FOLLOW_UP}.yml").unlink()
    analysis = analyse(corpus_of(content), cache)
    assert analysis == cold(content)
    assert TALKS not in analysis.mentions
    assert (cache.computed, len(cache)) == (2, 1)


def test_names_are_compiled_once_while_their_fingerprint_holds(content):
    cache = AnalysisCache()
    names = cache.names(corpus_of(content).actors)
    assert cache.names(corpus_of(content).actors) is names


SPY = Actor("spy", "Ann Spy", ActorKind.PERSON, aliases=("A. Spy",), weak_aliases=("Spy",),
            demonyms=("Spyish",), not_mentions=("Spy Street",), summary="s")


@pytest.mark.parametrize("change", [
    {"id": "agent"}, {"name": "Anne Spy"}, {"kind": ActorKind.ORGANIZATION},
    {"aliases": ("A Spy",)}, {"weak_aliases": ()}, {"demonyms": ("Spyan",)},
    {"not_mentions": ("Spy Lane",)},
])
def test_the_fingerprint_changes_with_every_field_that_finds_mentions(change):
    assert ActorNames([dataclasses.replace(SPY, **change)]).fingerprint != \
        ActorNames([SPY]).fingerprint


@pytest.mark.parametrize("change", [
    {"summary": "t"}, {"country": "x"}, {"affiliations": ("x",)}, {"wikidata": "Q1"},
])
def test_the_fingerprint_ignores_what_finds_no_mention(change):
    assert ActorNames([dataclasses.replace(SPY, **change)]).fingerprint == \
        ActorNames([SPY]).fingerprint


def test_explain_shows_the_mentions_the_analysis_found(content):
    result = CliRunner().invoke(main, ["explain", "--content", str(content), TALKS])
    assert result.exit_code == 0, result.output
    listed = result.output.split("\nmentions\n")[1].split("\nrejected\n")[0]
    shown = re.findall(r"'([^']+)'\s+→ (\S+)", listed)
    assert shown == [(m.text, m.actor) for m in cold(content).mentions[TALKS]]
    assert shown == [("Iraqi", "iraq"), ("Russian", "russia"), ("ISIS", "isis"),
                     ("Bob Work", "bob-work")]


def test_a_name_edit_analyses_again_only_the_articles_holding_a_changed_name(content):
    # Congress is named in the seed article only: the talks keep their analysis.
    cache = warmed(content)
    edit(content / "actors" / "us-congress.yml", "aliases: [U.S. Congress,",
         "aliases: [Capitol Hill, U.S. Congress,")
    assert analyse(corpus_of(content), cache) == cold(content)
    assert cache.computed == 3


@pytest.mark.parametrize("actor, old, new", [
    ("iraq", "name: Iraq", "name: Republic of Iraq"),  # the talks say "Iraqi" only
    ("isis", "aliases: [", "aliases: [Baghdad, "),  # a new alias that the talks hold
    ("bob-work", "kind: person", "kind: organization"),  # who may be a speaker
    ("bob-work", "weak_aliases: [Work]", "weak_aliases: [Work, Bob]"),
    ("russia", "demonyms: [", "demonyms: [Muscovite, "),
    ("united-states", "not_mentions: [", "not_mentions: [Baghdad on Monday, "),
])
def test_every_kind_of_name_edit_gives_the_cold_analysis(content, actor, old, new):
    cache = warmed(content)
    edit(content / "actors" / f"{actor}.yml", old, new)
    assert analyse(corpus_of(content), cache) == cold(content)


def test_analysing_half_the_articles_in_a_second_process_gives_the_same_analysis(content):
    # A cold build of a large corpus analyses half its articles in a forked process
    # (generator/forked.py); here from two articles on.
    for n in range(4):
        (content / "articles" / f"extra-{n}.md").write_text(
            f"---\ntitle: Extra {n}\ntlp: CLEAR\n---\n{TALKS_TEXT}\nIraq, again ({n}).\n",
            encoding="utf-8")
    corpus = corpus_of(content)
    forked = AnalysisCache(parallel_from=2)
    assert analyse(corpus, forked) == cold(content)
    assert forked.computed == forked.forked == len({(a.text, a.title)
                                                    for a in corpus.articles}) == 6
