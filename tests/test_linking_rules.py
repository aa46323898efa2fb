"""The linking rules of issue 11, one per class of error seen on wire copy: each accepts what it
should, rejects what it should, and names itself in `briefings explain` and its JSON."""

from __future__ import annotations

import json

from click.testing import CliRunner

from generator.analyse import ActorNames, AnalysisCache, analyse_article
from generator.analyse.mentions import MentionFinder
from generator.analyse.quotes import find_quotes
from generator.cli import main
from generator.model import Actor, ActorKind

US = Actor("united-states", "United States", ActorKind.STATE, aliases=("U.S.",),
           demonyms=("American",))
MEXICO = Actor("mexico", "Mexico", ActorKind.STATE)
GERMANY = Actor("germany", "Germany", ActorKind.STATE)
FRANCE = Actor("france", "France", ActorKind.STATE)
POLAND = Actor("poland", "Poland", ActorKind.STATE, demonyms=("Polish",))
TURKEY = Actor("turkey", "Turkey", ActorKind.STATE)
SOURCE = Actor("the-source", "The Source", ActorKind.ORGANIZATION)
FORD = Actor("ford-motor", "Ford Motor Company", ActorKind.ORGANIZATION, aliases=("Ford",))
GERALD_FORD = Actor("gerald-ford", "Gerald Ford", ActorKind.PERSON)
REAGAN = Actor("ronald-reagan", "Ronald Reagan", ActorKind.PERSON)
SHIELDS = Actor("jerry-shields", "Jerry A. Shields", ActorKind.PERSON)
ROWLING = Actor("jk-rowling", "J. K. Rowling", ActorKind.PERSON)
POEHL = Actor("karl-otto-pohl", "Karl Otto Pöhl", ActorKind.PERSON)
DEUTSCHE = Actor("deutsche-bank", "Deutsche Bank AG", ActorKind.ORGANIZATION)
TOYOTA = Actor("toyota", "Toyota", ActorKind.ORGANIZATION)
QAEDA = Actor("al-qaeda", "Al Qaeda", ActorKind.ARMED_GROUP)
POST = Actor("washington-post", "The Washington Post", ActorKind.ORGANIZATION)
NATO = Actor("nato", "NATO", ActorKind.INTERNATIONAL_ORGANIZATION)
RUSSIA = Actor("russia", "Russia", ActorKind.STATE, demonyms=("Russian",))
KREMLIN = Actor("kremlin", "Kremlin", ActorKind.GOVERNMENT_BODY)
CLAPPER = Actor("james-clapper", "James Clapper", ActorKind.PERSON)


def decisions(text: str, *actors: Actor, title: str = "") -> list[tuple[str, str, str]]:
    """(surface, actor or "", rule) for every candidate, accepted or rejected, in text order."""
    mentions, rejected = MentionFinder(actors).explain(text, title)
    found = [(m.field, m.start, m.text, m.actor, m.because) for m in mentions]
    found += [(r.field, r.start, r.text, r.actor, r.rule) for r in rejected]
    return [(text, actor, rule) for _, _, text, actor, rule in
            sorted(found, key=lambda d: (d[0] != "title", d[1]))]


def test_a_short_name_inside_a_longer_unregistered_name_is_rejected():
    text = ("The U.S. Department of Education wrote. Ships in the Gulf of Mexico. "
            "Born in West Germany. Agence France-Presse reported.")
    assert decisions(text, US, MEXICO, GERMANY, FRANCE) == [
        ("U.S.", "united-states", "inside-longer-name"),
        ("Mexico", "mexico", "inside-longer-name"),
        ("Germany", "germany", "inside-longer-name"),
        ("France", "france", "inside-longer-name")]


def test_longer_name_rule_keeps_compounds_possessives_lists_and_state_institutions():
    text = ("The U.S. Treasury and Mexico's envoy met pro-American groups. "
            "In Mexico, the NATO-Russia Council met. Yesterday Germany said no.")
    assert [(s, rule) for s, _, rule in decisions(text, US, MEXICO, GERMANY, NATO, RUSSIA)] == [
        ("U.S.", "alias"), ("Mexico", "name"), ("American", "demonym"), ("Mexico", "name"),
        ("NATO", "name"), ("Russia", "name"), ("Germany", "name")]


def test_a_common_word_matches_only_in_its_registered_capitalisation():
    text = "Nail polish and roast turkey. The source added that Polish and Turkey agreed."
    assert decisions(text, POLAND, TURKEY, SOURCE) == [
        ("polish", "poland", "common-word"), ("turkey", "turkey", "common-word"),
        ("The source", "the-source", "common-word"), ("Polish", "poland", "demonym"),
        ("Turkey", "turkey", "name")]


def test_an_ambiguous_short_form_needs_the_full_name_in_the_article():
    assert decisions("Ford pardoned Nixon.", FORD) == [
        ("Ford", "ford-motor", "ambiguous-alias")]
    assert decisions("Ford Motor Company sold cars. Ford said sales rose.", FORD) == [
        ("Ford Motor Company", "ford-motor", "name"), ("Ford", "ford-motor",
                                                       "short-form-supported")]


def test_a_persons_title_takes_a_one_word_name_from_an_organisation_to_the_person():
    assert decisions("President Ford spoke.", FORD, GERALD_FORD) == [
        ("Ford", "gerald-ford", "title-surname")]
    assert decisions("President Ford spoke.", FORD) == [("Ford", "ford-motor", "person-context")]


def test_title_and_surname_before_any_full_name_and_a_surname_alone_in_a_short_item():
    assert decisions("President Reagan said so. Reagan left.", REAGAN) == [
        ("Reagan", "ronald-reagan", "title-surname"), ("Reagan", "ronald-reagan", "surname")]
    assert decisions("Reagan left the room.", REAGAN) == [
        ("Reagan", "ronald-reagan", "surname-alone")]
    long_item = "Reagan left the room. " + "Nothing else happened. " * 100
    assert decisions(long_item, REAGAN) == [
        ("Reagan", "ronald-reagan", "before-strong-mention")]
    two_people = Actor("nancy-reagan", "Nancy Reagan", ActorKind.PERSON)
    assert decisions("Mr. Reagan left.", REAGAN, two_people)[0][2] == "before-strong-mention"


def test_name_variants_are_matched():
    text = ("Jerry Shields met JK Rowling and J.K. Rowling with Poehl of Deutsche Bank, "
            "Toyota Corp. and Al-Qaeda, as Washington Post reporters said.")
    assert decisions(text, SHIELDS, ROWLING, POEHL, DEUTSCHE, TOYOTA, QAEDA, POST) == [
        ("Jerry Shields", "jerry-shields", "name-variant"),
        ("JK Rowling", "jk-rowling", "name-variant"),
        ("J.K. Rowling", "jk-rowling", "name-variant"),
        ("Poehl", "karl-otto-pohl", "surname-alone"),
        ("Deutsche Bank", "deutsche-bank", "name-variant"),
        ("Toyota Corp.", "toyota", "company-suffix"),
        ("Al-Qaeda", "al-qaeda", "name"),
        ("Washington Post", "washington-post", "name-variant")]


def test_a_quotation_whose_named_speaker_is_no_actor_is_nobodys():
    actors = {a.id: a for a in (CLAPPER, KREMLIN)}
    text = ("“We are watching,” James Clapper said. “Nothing will change,” said Kremlin "
            "spokesman Dmitry Peskov.")
    mentions = MentionFinder(actors.values()).find(text)
    found = [(q.speaker, q.rule) for q in find_quotes(text, mentions, actors)]
    assert found == [("james-clapper", "'James Clapper' after the quotation, verb 'said'"),
                     (None, "speaker not an actor: 'Dmitry Peskov'")]


def test_a_headline_is_analysed_apart_from_the_body():
    names = ActorNames([POLAND, RUSSIA])
    analysis = analyse_article("Officials met on Monday.", names, title="Russia Warns Poland")
    assert [(m.text, m.field, m.start) for m in analysis.title_mentions] == [
        ("Russia", "title", 0), ("Poland", "title", 13)]
    assert analysis.mentions == ()
    assert dict(analysis.mention_counts) == {"poland": 1, "russia": 1}


def test_the_cache_keys_on_the_title_too():
    cache = AnalysisCache()
    names = cache.names([RUSSIA])
    assert cache.get_or_compute("Talks.", names, "Talks").mention_counts == ()
    assert cache.get_or_compute("Talks.", names, "Russia talks").mention_counts == (
        ("russia", 1),)
    assert cache.computed == 2


def _content(tmp_path, article: str) -> str:
    content = tmp_path / "content"
    (content / "actors").mkdir(parents=True)
    (content / "articles").mkdir()
    (content / "actors/ford-motor.yml").write_text(
        "name: Ford Motor Company\nkind: organization\naliases: [Ford]\nsummary: s\n")
    (content / "actors/russia.yml").write_text("name: Russia\nkind: state\nsummary: s\n")
    (content / "articles/a.md").write_text(article)
    return str(content)


def test_explain_names_the_rule_of_each_candidate(tmp_path):
    content = _content(tmp_path, "---\ntitle: Russia and cars\n---\nFord pardoned Nixon.\n")
    result = CliRunner().invoke(main, ["explain", "--content", content, "a"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "title:1" in next(line for line in lines if "'Russia'" in line)
    assert any("'Ford'" in line and "ambiguous-alias: alias of ford-motor is a short form"
               in line for line in lines)


def test_explain_json_lists_every_candidate_with_span_rule_actor_and_decision(tmp_path):
    content = _content(tmp_path, "---\ntitle: Russia and cars\n---\nFord pardoned Russia.\n")
    result = CliRunner().invoke(main, ["explain", "--json", "--content", content, "a"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [{k: c[k] for k in ("field", "start", "end", "text", "actor", "rule", "decision")}
            for c in data["candidates"]] == [
        {"field": "title", "start": 0, "end": 6, "text": "Russia", "actor": "russia",
         "rule": "name", "decision": "accepted"},
        {"field": "text", "start": 0, "end": 4, "text": "Ford", "actor": "ford-motor",
         "rule": "ambiguous-alias", "decision": "rejected"},
        {"field": "text", "start": 14, "end": 20, "text": "Russia", "actor": "russia",
         "rule": "name", "decision": "accepted"}]
    assert "inside-longer-name" in data["rules"]
    again = CliRunner().invoke(main, ["explain", "--json", "--content", content, "a"])
    assert again.output == result.output


def test_a_weak_alias_inside_a_longer_name_and_a_headlines_weak_alias():
    bell = Actor("harold-bell", "Harold Bell", ActorKind.PERSON, weak_aliases=("Bell",))
    assert decisions("Harold Bell flew a Bell Helicopter. Bell said so.", bell) == [
        ("Harold Bell", "harold-bell", "name"), ("Bell", "harold-bell", "inside-longer-name"),
        ("Bell", "harold-bell", "weak-alias")]
    assert decisions("Harold Bell spoke.", bell, title="Bell Speaks") == [
        ("Bell", "harold-bell", "weak-alias"), ("Harold Bell", "harold-bell", "name")]
    assert decisions("Nobody spoke.", bell, title="Bell Speaks")[0][2] == "surname-alone"
    long_item = "Nobody spoke. " * 200
    assert decisions(long_item, bell, title="Bell Speaks")[0][2] == "before-strong-mention"


def test_the_before_a_registered_the_name_is_left_to_the_sentence():
    trust = Actor("northwind", "The Northwind Trust", ActorKind.ORGANIZATION)
    mentions = MentionFinder([trust]).find("Money went to the Northwind Trust.")
    assert [(m.text, m.because) for m in mentions] == [("Northwind Trust", "name-variant")]


JAPAN = Actor("japan", "Japan", ActorKind.STATE, demonyms=("Japanese",))
SYRIA = Actor("syria", "Syria", ActorKind.STATE)


def test_a_states_name_in_a_sports_item_is_its_team():
    finder = MentionFinder([JAPAN, SYRIA])
    sports = ("DOHA, Qatar (AP) — Japan beat Syria 3-1 on Tuesday in the Asian Cup, with two "
              "goals after halftime. The Japanese coach praised the fans.")
    mentions, rejected = finder.explain(sports)
    assert [(m.actor, m.text) for m in mentions] == [("japan", "Japanese")]
    assert [(r.text, r.rule) for r in rejected] == [("Japan", "sports-team"),
                                                    ("Syria", "sports-team")]
    # A count with a dash and one sports-like word is not a sports item.
    court = ("The court voted 7-2 to uphold the ruling, which Japan and Syria had contested "
             "for a season of hearings.")
    assert [m.actor for m in finder.find(court)] == ["japan", "syria"]
