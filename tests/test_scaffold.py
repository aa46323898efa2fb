"""`briefings new` and `briefings import`: starting files that pass `briefings check`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.load import load_corpus
from generator.load.validate import SAFE_ID
from generator.model import Status

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "intel-sharing-article.txt"  # the seed, kept in the repository


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_new_files_of_every_kind_pass_check(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for kind in ("actor", "briefing", "article"):
        result = run("new", "--content", str(content), kind, f"fresh-{kind}")
        assert result.exit_code == 0, result.output
    assert (content / "actors/fresh-actor.yml").read_text().startswith(
        "# yaml-language-server: $schema=../../schemas/actor.schema.json\n")
    checked = run("check", "--content", str(content))
    assert checked.exit_code == 0, checked.output
    assert ": 2 articles, 12 actors, 2 briefings: no problems" in checked.output


def test_new_refuses_to_overwrite_and_bad_ids(tmp_path):
    content = tmp_path / "content"
    assert run("new", "--content", str(content), "actor", "x").exit_code == 0
    again = run("new", "--content", str(content), "actor", "x")
    assert again.exit_code == 1
    assert "already exists" in again.output
    bad = run("new", "--content", str(content), "actor", "Bad Id")
    assert bad.exit_code == 2
    assert "ids are lowercase letters, digits and hyphens" in bad.output


def test_import_writes_an_article_and_names_known_and_unknown_actors(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    text = tmp_path / "report.txt"
    text.write_text("Talks in Vienna\n\nRussia and Iraq met Sergei Lavrov in Vienna. "
                    "Then Lavrov said little to the Iraqi side in Vienna.\n", encoding="utf-8")
    result = run("import", "--content", str(content), str(text))
    assert result.exit_code == 0, result.output
    article = content / "articles/talks-in-vienna.md"
    assert article.is_file()
    assert 'title: "Talks in Vienna"' in article.read_text()
    lines = result.output.splitlines()
    assert lines[1] == "known actors: iraq, russia"
    assert lines[2] == ("unknown names (candidates for new actor files): "
                        "Vienna, Lavrov, Sergei Lavrov")
    # Vienna twice, so first; a lone capitalised word opening a sentence ("Then") is not a name.
    assert run("check", "--content", str(content)).exit_code == 0


def test_import_of_the_seed_finds_every_shipped_actor(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    result = run("import", "--content", str(content), "--id", "seed-again", str(SEED))
    assert result.exit_code == 0, result.output
    known = result.output.splitlines()[1].removeprefix("known actors: ").split(", ")
    assert sorted(known) == sorted(p.stem for p in (content / "actors").glob("*.yml"))
    # Every name in the seed is a known actor's; "Director of National Intelligence" is James
    # Clapper's title, and "Deputy Defense Secretary" Bob Work's.
    assert result.output.splitlines()[2] == "unknown names (candidates for new actor files): none"


def test_import_candidates_are_whole_names_without_titles_days_or_months(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    text = tmp_path / "report.txt"
    text.write_text(
        "Talks in Brussels\n\n"
        "On Monday, Trade Minister Oskar Lind met European Commission President Ursula von der "
        "Leyen in Brussels. In March, Mr. Putin called Haider al-Abadi. However, Oskar Lind "
        "said on Tuesday that Secretary of State John Kerry and Theresa May had agreed. "
        "Officials said Dr. Jane Roe of the World Bank would attend in September. The Prime "
        "Minister declined.\n", encoding="utf-8")
    result = run("import", "--content", str(content), str(text))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2] == (
        "unknown names (candidates for new actor files): Oskar Lind (Trade Minister), "
        "Brussels, Haider al-Abadi, Jane Roe (Dr.), John Kerry (Secretary of State), "
        "Putin (Mr.), Theresa May, Ursula von der Leyen (European Commission President), "
        "World Bank")


@pytest.mark.parametrize("title,expected", [
    ("Erdoğan and Çavuşoğlu meet in Ankara", "erdogan-and-cavusoglu-meet-in-ankara"),
    ("Straße in Köln: Gespräche über Sicherheit", "strasse-in-koln-gesprache-uber-sicherheit"),
    ("Wałęsa spotyka się z ministrem w Łodzi", "walesa-spotyka-sie-z-ministrem-w-lodzi"),
    ("Путин встретился с Эрдоганом", "putin-vstretilsia-s-erdoganom"),
    ("Μητσοτάκης συναντά τον Ερντογάν στην Αθήνα", "metsotakes-sunanta-ton-erntogan-sten-athena"),
    # Cut at 60 characters, with no hyphen left at the end.
    ("Erdoğan, Çavuşoğlu and Fidan: the long talks in Ankara over grain and gas end",
     "erdogan-cavusoglu-and-fidan-the-long-talks-in-ankara-over-gr"),
], ids=["turkish", "german", "polish", "cyrillic", "greek", "long"])
def test_import_makes_the_id_from_the_title_in_any_script(title, expected, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    text = tmp_path / "report.txt"
    text.write_text(f"{title}\n\nText.\n", encoding="utf-8")
    result = run("import", "--content", str(content), str(text))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"wrote {content}/articles/{expected}.md"
    assert f"title: {json.dumps(title, ensure_ascii=False)}" in (
        content / f"articles/{expected}.md").read_text(encoding="utf-8")
    assert SAFE_ID.fullmatch(expected)


def test_import_of_a_title_without_letters_or_digits_asks_for_an_id(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    text = tmp_path / "report.txt"
    text.write_text("?! — … «»\n\nТекст.\n", encoding="utf-8")
    result = run("import", "--content", str(content), str(text))
    assert result.exit_code == 1
    assert result.output == (f"Error: {text}:1:1: the title gives no id: it has no letters or"
                             " digits (name one with --id)\n")
    named = run("import", "--content", str(content), "--id", "vienna-talks", str(text))
    assert named.exit_code == 0, named.output
    assert (content / "articles/vienna-talks.md").is_file()


def test_new_articles_and_briefings_and_imports_start_as_drafts(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for kind in ("article", "briefing"):
        assert run("new", "--content", str(content), kind, "fresh").exit_code == 0
    text = tmp_path / "report.txt"
    text.write_text("Talks in Vienna\n\nRussia and Iraq met.\n", encoding="utf-8")
    assert run("import", "--content", str(content), str(text)).exit_code == 0
    for path in ("articles/fresh.md", "briefings/fresh.yml", "articles/talks-in-vienna.md"):
        assert "\nstatus: draft\n" in (content / path).read_text(encoding="utf-8"), path
    # Loaded as drafts: no public build shows them.
    corpus = load_corpus(content)
    drafts = {item.id for item in (*corpus.articles, *corpus.briefings)
              if item.status is Status.DRAFT}
    assert drafts == {"fresh", "talks-in-vienna"}
