"""Mention finding: the rules an analyst relies on, each on a sentence that shows it."""

from __future__ import annotations

from pathlib import Path

from generator.analyse.mentions import MentionFinder, Rule
from generator.load import load_corpus
from generator.model import Actor, ActorKind

ROOT = Path(__file__).resolve().parent.parent

WORK = Actor("bob-work", "Bob Work", ActorKind.PERSON, aliases=("Robert Work",),
             weak_aliases=("Work",))
US = Actor("united-states", "United States", ActorKind.STATE, aliases=("U.S.",),
           demonyms=("American",))
DOD = Actor("us-defense-department", "U.S. Defense Department", ActorKind.GOVERNMENT_BODY)
RUSSIA = Actor("russia", "Russia", ActorKind.STATE, demonyms=("Russian",))
ISIS = Actor("isis", "ISIS", ActorKind.ARMED_GROUP, aliases=("Daesh",))
ERDOGAN = Actor("erdogan", "Recep Tayyip Erdoğan", ActorKind.PERSON, aliases=("Erdoğan",))


def found(text: str, *actors: Actor) -> list[tuple[str, str]]:
    return [(m.actor, m.text) for m in MentionFinder(actors).find(text)]


def test_weak_alias_needs_an_earlier_strong_mention():
    assert found("Work said so. Then Bob Work left.", WORK) == [("bob-work", "Bob Work")]
    assert found("Bob Work spoke. Work said so.", WORK) == [
        ("bob-work", "Bob Work"), ("bob-work", "Work")]


def test_weak_alias_needs_exact_case():
    assert found("Bob Work is working; work goes on.", WORK) == [("bob-work", "Bob Work")]


def test_strong_alias_matches_in_any_case():
    assert found("DAESH and daesh", ISIS) == [("isis", "DAESH"), ("isis", "daesh")]


def test_longest_match_wins():
    assert found("The U.S. Defense Department and the U.S.", US, DOD) == [
        ("us-defense-department", "U.S. Defense Department"), ("united-states", "U.S.")]


def test_possessives_and_compounds_count_but_longer_words_do_not():
    text = "Russia's plan, Russia’s aim, ISIS-held towns, Russianness"
    assert found(text, RUSSIA, ISIS) == [
        ("russia", "Russia"), ("russia", "Russia"), ("isis", "ISIS")]


def test_demonyms_count_as_mentions_with_their_rule():
    mentions = MentionFinder([RUSSIA]).find("Russian officials")
    assert [(m.actor, m.rule) for m in mentions] == [("russia", Rule.DEMONYM)]


def test_a_name_with_diacritics_matches_its_unaccented_spelling():
    assert found("Erdogan and Erdoğan", ERDOGAN) == [
        ("erdogan", "Erdogan"), ("erdogan", "Erdoğan")]


def test_the_seed_article_names_every_actor_and_never_links_working():
    corpus = load_corpus(ROOT / "content")
    article = corpus.article("us-fears-compromise-of-military-secrets")
    mentions = MentionFinder(corpus.actors).find(article.text)
    assert {m.actor for m in mentions} == {actor.id for actor in corpus.actors}
    assert not [m for m in mentions if m.text.lower() == "working"]
    work = [m.text for m in mentions if m.actor == "bob-work"]
    assert work == ["Bob Work", "Work"]


def test_curly_and_straight_apostrophes_and_decomposed_accents_match():
    daesh = Actor("isis", "ISIS", ActorKind.ARMED_GROUP, aliases=("Da'esh",))
    assert found("Da’esh and Da'esh", daesh) == [("isis", "Da’esh"), ("isis", "Da'esh")]
    decomposed = "Erdog\u0306an spoke"
    assert found(decomposed, ERDOGAN) == [("erdogan", "Erdog\u0306an")]


def test_not_mentions_are_consumed_longest_first_and_dropped():
    us = Actor("united-states", "United States", ActorKind.STATE, aliases=("America",),
               not_mentions=("Latin America",))
    assert found("Latin America and America", us) == [("united-states", "America")]


def test_a_weak_alias_inside_another_name_or_opening_a_sentence_as_a_word_is_not_a_mention():
    text = ("Bob Work came. Saddam Work is someone else. Work on the link stopped. "
            "Work said it would resume. Defense Secretary Work agreed.")
    assert [m for _, m in found(text, WORK)] == ["Bob Work", "Work", "Work"]
    finder = MentionFinder([WORK])
    _, rejected = finder.explain(text)
    reasons = [r.reason for r in rejected]
    assert reasons == ["weak alias of bob-work follows a capitalised word: part of another name",
                       "weak alias of bob-work opens a sentence without acting: read as the "
                       "common word"]


def test_a_name_inside_a_link_address_is_not_a_mention():
    text = "See [the report](https://gov.example/russian-report) and https://x.example/russia now."
    finder = MentionFinder([RUSSIA])
    mentions, rejected = finder.explain(text)
    assert mentions == []
    assert [r.reason for r in rejected] == ["inside a link address", "inside a link address"]


def test_one_actors_not_mention_does_not_hide_another_actors_name():
    us = Actor("united-states", "United States", ActorKind.STATE, aliases=("America",),
               not_mentions=("Latin America",))
    region = Actor("latin-america", "Latin America", ActorKind.ORGANIZATION)
    assert found("Latin America and America", us, region) == [
        ("latin-america", "Latin America"), ("united-states", "America")]
