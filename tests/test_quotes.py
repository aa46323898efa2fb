"""Quotations and their speakers, and key figures, on sentences that show each rule."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from generator.analyse import figures as figure_rules
from generator.analyse.figures import FigureKind, find_figures
from generator.analyse.mentions import MentionFinder
from generator.analyse.quotes import MAX_QUOTES, find_quotes
from generator.cli import main
from generator.load import load_corpus
from generator.model import Actor, ActorKind

ROOT = Path(__file__).resolve().parent.parent
CLAPPER = Actor("james-clapper", "James Clapper", ActorKind.PERSON)
KREMLIN = Actor("kremlin", "Kremlin", ActorKind.GOVERNMENT_BODY)
RUSSIA = Actor("russia", "Russia", ActorKind.STATE)
ACTORS = {a.id: a for a in (CLAPPER, KREMLIN, RUSSIA)}


def quotes(text: str) -> list[tuple[str, str | None]]:
    mentions = MentionFinder(ACTORS.values()).find(text)
    return [(q.text, q.speaker) for q in find_quotes(text, mentions, ACTORS) if not q.scare]


def test_speaker_after_the_quotation():
    assert quotes("“We will not share it,” said James Clapper.") == [
        ("We will not share it,", "james-clapper")]


def test_speaker_before_with_a_colon_in_an_earlier_sentence():
    text = "James Clapper told reporters: \"Russia is not helping at all.\""
    assert quotes(text) == [("Russia is not helping at all.", "james-clapper")]


def test_a_surname_refers_back_to_the_full_name():
    text = 'James Clapper spoke first. "Nothing has changed here," Clapper said.'
    assert quotes(text) == [("Nothing has changed here,", "james-clapper")]


def test_a_person_beats_an_organization_in_the_same_clause():
    text = "Asked about the Kremlin, James Clapper said, “They have other aims entirely.”"
    assert quotes(text) == [("They have other aims entirely.", "james-clapper")]


def test_an_organization_can_speak():
    assert quotes("The Kremlin said in a statement: “The talks will go on.”") == [
        ("The talks will go on.", "kremlin")]


def test_no_verb_of_saying_means_no_speaker():
    assert quotes("James Clapper left. “A long night for everyone involved.”") == [
        ("A long night for everyone involved.", None)]


def test_scare_quotes_are_nobodys_quotation():
    text = "James Clapper said they want to “deconflict” the “air space”."
    mentions = MentionFinder(ACTORS.values()).find(text)
    found = find_quotes(text, mentions, ACTORS)
    assert [(q.text, q.scare, q.speaker) for q in found] == [
        ("deconflict", True, None), ("air space", True, None)]


def test_quotation_reopened_in_english_style_spans_paragraphs():
    text = ("James Clapper said, “First paragraph of it.\n\n"
            "“Second paragraph of it.”\n\nAfterwards nothing.")
    assert quotes(text) == [("First paragraph of it.\n\nSecond paragraph of it.",
                             "james-clapper")]


def test_the_seed_quotes_are_attributed_to_work_and_clapper():
    corpus = load_corpus(ROOT / "content")
    article = corpus.articles[0]
    mentions = MentionFinder(corpus.actors).find(article.text)
    found = [q for q in find_quotes(article.text, mentions, {a.id: a for a in corpus.actors})
             if not q.scare]
    assert [q.speaker for q in found] == ["bob-work", "james-clapper"]
    work = found[0].text
    assert work.startswith("We were caught by surprise")
    assert work.endswith("help those actors on the battlefield.")
    assert "\n\nSo we are in the process of working" in work
    assert found[1].text == "a belated motivation."


def test_key_figures_with_their_context():
    text = ("The Congressional appropriation in 2015 of $1.6 billion worth of training. "
            "The presence of over 3,500 U.S. troops within Iraq is a concern.")
    figures = [(f.kind, f.value) for f in find_figures(text)]
    assert figures == [(FigureKind.YEAR, "2015"), (FigureKind.MONEY, "$1.6 billion"),
                       (FigureKind.PEOPLE, "over 3,500 U.S. troops")]
    money = find_figures(text)[1]
    assert money.context.startswith("The Congressional appropriation in 2015 of $1.6 billion")


def test_explain_shows_rules_and_rejections(tmp_path):
    result = CliRunner().invoke(main, ["explain", "--content", str(ROOT / "content"),
                                       "us-fears-compromise-of-military-secrets"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any("'Work'" in line and "bob-work" in line and "weak alias" in line for line in lines)
    assert any("'deconflict'" in line and "scare quote" in line for line in lines)
    assert any("verb 'describes'" in line and "james-clapper" in line for line in lines)


def test_explain_names_the_rejected_weak_alias(tmp_path):
    content = tmp_path / "content"
    (content / "actors").mkdir(parents=True)
    (content / "articles").mkdir()
    (content / "actors/bob-work.yml").write_text(
        "name: Bob Work\nkind: person\nweak_aliases: [Work]\nsummary: s\n")
    (content / "articles/a.md").write_text("---\ntitle: A\n---\nWork began. Bob Work came.\n")
    result = CliRunner().invoke(main, ["explain", "--content", str(content), "a"])
    assert "weak alias of bob-work before any strong mention of it" in result.output


def test_a_text_of_quotations_is_attributed_up_to_a_bound():
    text = '“Talks resume now,” Russia said. ' * (MAX_QUOTES + 500)
    quotes = find_quotes(text, [], {})
    assert len(quotes) == MAX_QUOTES
    assert quotes[-1].text == "Talks resume now,"


_MONEY_PIECES = ["$", "US$", "us$", "A$", "c$", "€", "£", "¥", "5", "1,000", "2.5", "٣٠", " ",
                 "million", "bn", "m", "K", "dollars", "Euros", "yuan", "about", ".", ",", "x",
                 "U", "S", "\n"]


@given(st.lists(st.sampled_from(_MONEY_PIECES), max_size=12).map("".join))
def test_the_money_rule_finds_what_its_forms_alone_find(text):
    # The rule starts with a lookahead that only skips positions no match can start at.
    forms = re.compile(figure_rules.MONEY_FORMS, re.IGNORECASE)
    assert ([m.span() for m in figure_rules._MONEY.finditer(text)]
            == [m.span() for m in forms.finditer(text)])
