"""`briefings check` refuses a published article or briefing that still holds the placeholder
text of the file `briefings new` wrote, and warns about an actor (which has no draft state)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def content(tmp_path, monkeypatch) -> Path:
    """The shipped content, in a folder whose path the messages show as content/…."""
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return Path("content")


def publish(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "\nstatus: draft\n" in text
    path.write_text(text.replace("\nstatus: draft\n", "\nstatus: published\n"), encoding="utf-8")


def test_new_drafts_with_their_placeholders_pass_check(content):
    for kind in ("article", "briefing"):
        assert run("new", kind, "fresh").exit_code == 0
    result = run("check")
    assert result.exit_code == 0, result.output
    assert result.output.endswith(": 2 articles, 11 actors, 2 briefings: no problems\n")


def test_a_published_article_with_the_placeholder_text_is_refused(content):
    assert run("new", "article", "fresh").exit_code == 0
    publish(content / "articles/fresh.md")
    result = run("check")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "content/articles/fresh.md:19:1: published article still holds the placeholder "
        "\"The article's text.\" in its text (write its own text, or set status: draft until "
        "it is ready)",
        "1 problem found",
    ]


def test_a_published_briefing_with_the_placeholder_bluf_is_refused(content):
    assert run("new", "briefing", "fresh").exit_code == 0
    publish(content / "briefings/fresh.yml")
    result = run("check")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "content/briefings/fresh.yml:11:7: published briefing still holds the placeholder "
        "'The bottom line, up front, in two or three sentences.' in its bluf (write its own "
        "bluf, or set status: draft until it is ready)",
        "1 problem found",
    ]


def test_the_placeholder_is_found_among_other_text_and_rewrapped(content):
    # No status: an article is published by default.
    (content / "articles/kept.md").write_text(
        "---\ntitle: Kept\n---\nThe talks went on.\n\nThe minister said more. The article's\n"
        "   text.\n", encoding="utf-8")
    result = run("check")
    assert result.exit_code == 1
    assert result.output.splitlines()[0].startswith(
        "content/articles/kept.md:6:25: published article still holds the placeholder")


def test_an_actor_with_the_placeholder_summary_passes_with_a_warning(content):
    assert run("new", "actor", "fresh").exit_code == 0
    result = run("check")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "content/actors/fresh.yml:19:10: warning: actor still holds the placeholder "
        "'One neutral sentence.' in its summary (write its own summary: pages show it as it is)")
