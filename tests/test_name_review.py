"""Names that need a curator's eye: `check`'s warnings about risky aliases and `review`'s
recurring names without an actor, on small real content trees."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent

ACTORS = {
    "poland": "name: Poland\nkind: state\ndemonyms: [Polish]\nsummary: A state.\n",
    "the-source": "name: The Source Ltd\nkind: organization\naliases: [Source]\n"
                  "summary: A retailer.\n",
    "mexico": "name: Mexico\nkind: state\nnot_mentions: [New Mexico]\nsummary: A state.\n",
    "walt-disney-company": "name: Walt Disney Company\nkind: organization\n"
                           "summary: A company.\n",
    "turkey": "name: Turkey\nkind: state\naliases: [Republic of Turkey]\nsummary: A state.\n",
}
ARTICLES = {
    "gulf-storm": "A storm crossed the Gulf of Mexico on Monday. Mexico said the Gulf of Mexico "
                  "was calm by March.\nTrade Minister Oskar Lind said nail polish exports to "
                  "Turkey fell. Disney closed a park in New Mexico. We ate turkey.\n",
    "gulf-oil": "Oil rigs in the Gulf of Mexico stopped on Tuesday, Oskar Lind said. The source "
                "added that Disney would pay. Officials said nothing.\n",
}


def tree(tmp_path: Path, actors: dict[str, str] = ACTORS,
         articles: dict[str, str] = ARTICLES) -> Path:
    content = tmp_path / "content"
    (content / "actors").mkdir(parents=True)
    (content / "articles").mkdir()
    for actor_id, text in actors.items():
        (content / "actors" / f"{actor_id}.yml").write_text(text, encoding="utf-8")
    for article_id, text in articles.items():
        (content / "articles" / f"{article_id}.md").write_text(
            f"---\ntitle: {article_id}\n---\n{text}", encoding="utf-8")
    return content


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_check_warns_about_common_words_and_forms_inside_longer_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path)
    result = run("check")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if ": warning: " in line]
    assert warnings == [
        "content/actors/mexico.yml:1:7: warning: name 'Mexico' occurs 3 times in 2 articles "
        "inside longer names no actor claims: 'Gulf of Mexico' (3); first in "
        "content/articles/gulf-oil.md (if the longer name is not this actor, list it under "
        "not_mentions or give it an actor file of its own)",
        "content/actors/poland.yml:3:12: warning: demonym 'Polish' is also a lower-case word "
        "in the articles ('polish' in content/articles/gulf-storm.md), and matches it there "
        "(make it a weak alias, matched only as written and after a strong mention, or remove "
        "it)",
        "content/actors/the-source.yml:3:11: warning: alias 'Source' is also a lower-case word "
        "in the articles ('source' in content/articles/gulf-oil.md), and matches it there "
        "(make it a weak alias, matched only as written and after a strong mention, or remove "
        "it)",
    ]
    # "turkey" is in the text, but Turkey is the country's name, not an alias; "New Mexico"
    # is one of Mexico's not_mentions.
    assert result.output.endswith("2 articles, 5 actors, 0 briefings: no problems\n")


def test_check_warns_about_a_listed_common_word_the_articles_do_not_use(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, {"jordan": "name: Jordan Hill\nkind: person\naliases: [Judge]\n"
                              "summary: A judge.\n"}, {"a": "Jordan Hill spoke.\n"})
    warnings = [line for line in run("check").output.splitlines() if "warning" in line]
    assert warnings == [
        "content/actors/jordan.yml:3:11: warning: alias 'Judge' is a common English word: "
        "'judge' in any text counts as a mention (make it a weak alias, matched only as "
        "written and after a strong mention, or remove it)"]


def test_a_registered_longer_name_or_a_weak_alias_raises_no_warning(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    actors = {**ACTORS,
              "gulf-of-mexico": "name: Gulf of Mexico\nkind: organization\nsummary: Water.\n",
              "poland": "name: Poland\nkind: state\nweak_aliases: [Polish]\nsummary: A state.\n",
              "the-source": "name: The Source Ltd\nkind: organization\nsummary: A shop.\n"}
    tree(tmp_path, actors)
    result = run("check")
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output


def test_the_shipped_content_gives_no_name_warnings():
    result = run("check", "--content", str(ROOT / "content"))
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output


def test_review_lists_recurring_names_without_an_actor(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path)
    result = run("review")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Candidates for new actor files (1):",
        "  Oskar Lind (Trade Minister): 2 times in 2 articles (gulf-oil, gulf-storm)",
        "Likely aliases of existing actors (2):",
        "  Gulf of Mexico: 3 times in 2 articles (gulf-oil, gulf-storm); mexico: contains "
        "'Mexico'",
        "  Disney: 2 times in 2 articles (gulf-oil, gulf-storm); walt-disney-company: shares "
        "'Disney' with 'Walt Disney Company'",
    ]
    # Weekdays, months, "Officials" opening a sentence and names in one article only are out.


def test_review_limit_and_json(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path)
    limited = run("review", "--limit", "1")
    assert limited.output.splitlines()[2:] == [
        "Likely aliases of existing actors (2, 1 shown):",
        "  Gulf of Mexico: 3 times in 2 articles (gulf-oil, gulf-storm); mexico: contains "
        "'Mexico'",
    ]
    data = json.loads(run("review", "--json").output)
    assert data["new"] == [{"name": "Oskar Lind", "role": "Trade Minister", "count": 2,
                            "articles": ["gulf-oil", "gulf-storm"], "related": []}]
    assert [item["name"] for item in data["aliases"]] == ["Gulf of Mexico", "Disney"]
    assert run("review", "--json").output == run("review", "--json").output


def test_review_of_broken_content_reports_the_problem(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    tree(tmp_path, {**ACTORS, "mexico": "name: Mexico\nkind: country\nsummary: A state.\n"})
    result = run("review")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "content/actors/mexico.yml:2:7: 'country' is not an allowed value (did you mean "
        "'state'?)")
