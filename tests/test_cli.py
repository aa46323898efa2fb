"""The briefings command as a user runs it: exit codes and what it prints."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.wording import counted

ROOT = Path(__file__).resolve().parent.parent


def copy_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def test_check_passes_on_the_shipped_content():
    result = CliRunner().invoke(main, ["check", "--content", str(ROOT / "content")])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("no problems\n")
    assert "11 actors" in result.output


def test_check_reports_every_problem_in_one_line_each(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    content = copy_content(tmp_path)
    actor = content / "actors/iraq.yml"
    actor.write_text(actor.read_text().replace("kind: state", "kind: country"))
    (content / "actors/iran.yml").write_bytes(b"name: Ir\xe2n\n")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-1] == "2 problems found"
    assert lines[0] == (
        "content/actors/iran.yml:1:9: file is not UTF-8 (byte 0xe2) (save it as UTF-8)")
    assert lines[1].startswith("content/actors/iraq.yml:")
    assert "'country' is not an allowed value" in lines[1]
    assert "Traceback" not in result.output


def test_generate_writes_pages_then_reports_nothing_changed(tmp_path):
    out = tmp_path / "docs"
    args = ["generate", "--content", str(ROOT / "content"), "--out", str(out)]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert (out / "briefings/iraq-russia-intelligence-sharing.md").is_file()
    second = CliRunner().invoke(main, args)
    assert "0 written" in second.output


def test_generate_with_bad_content_leaves_the_previous_output_untouched(tmp_path):
    content = copy_content(tmp_path)
    out = tmp_path / "docs"
    CliRunner().invoke(main, ["generate", "--content", str(content), "--out", str(out)])
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (content / "briefings/iraq-russia-intelligence-sharing.yml").write_text("title: [\n")
    result = CliRunner().invoke(main, ["generate", "--content", str(content), "--out", str(out)])
    assert result.exit_code == 1
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def _commands(group: click.Group = main, path: tuple[str, ...] = ()):
    """`group` and every command under it, with the words that call it ("export", "stix")."""
    yield path, group
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            yield from _commands(command, (*path, name))
        else:
            yield (*path, name), command


def _called(words: list[str]) -> click.Command:
    """The command that `briefings WORD…` runs."""
    command = main
    for word in words:
        if not isinstance(command, click.Group) or word not in command.commands:
            break
        command = command.commands[word]
    return command


def test_the_command_list_shows_every_summary_whole():
    result = CliRunner().invoke(main, ["--help"], terminal_width=80)
    assert result.exit_code == 0
    listed = result.output.split("Commands:\n")[1].split("\n\n")[0].splitlines()
    assert listed == [
        "  check     Validate the content and report every problem at once.",
        "  explain   Show why each mention, quotation and figure was found.",
        "  export    Write what a profile may show in a format other tools read.",
        "  generate  Write the site's Markdown pages to a folder for any engine.",
        "  import    Turn a plain-text article into a draft article file.",
        "  new       Write a starting file for a new actor, briefing or article.",
        "  review    List recurring names that belong to no actor.",
        "  schemas   Write the JSON Schemas of content files and published data.",
        "  serve     Serve the site; a save rebuilds only what the edit changed.",
    ]
    # A narrower terminal wraps a summary; it never cuts one short.
    narrow = CliRunner().invoke(main, ["--help"], terminal_width=50).output
    commands = narrow.split("Commands:\n")[1].split("\n\n")[0]
    assert "..." not in commands
    assert " ".join(commands.split()).endswith("a save rebuilds only what the edit changed.")


@pytest.mark.parametrize("path,command", list(_commands()),
                         ids=lambda v: " ".join(v) or "briefings" if isinstance(v, tuple) else "")
def test_every_command_has_examples_and_every_option_says_what_it_does(path, command):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    examples = result.output.split("\n  Examples:\n")[1].splitlines()
    assert examples
    for example in examples:
        words = example.split()
        assert words[: 1 + len(path)] == ["briefings", *path], example
        called = _called(words[1:])
        names = {"--help", *(name for param in called.params for name in param.opts)}
        assert {word for word in words if word.startswith("--")} <= names, example
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{' '.join(path)} {param.opts[0]} has no help"


def test_the_content_option_says_what_each_command_does_with_the_folder():
    def content_help(*path: str) -> str:
        output = CliRunner().invoke(main, [*path, "--help"], terminal_width=200).output
        return next(line for line in output.splitlines() if "--content" in line)

    assert "The content folder to write the new file into." in content_help("new")
    assert "The content folder to write the article into" in content_help("import")
    assert "The content folder to check." in content_help("check")
    assert "to read" not in content_help("new") + content_help("import")


def test_counts_are_worded_singular_and_plural(tmp_path, monkeypatch):
    assert [counted(n, "article") for n in (0, 1, 2)] == ["0 articles", "1 article", "2 articles"]
    assert counted(1, "static file") == "1 static file"
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    for folder in ("actors", "articles", "briefings"):
        (content / folder).mkdir(parents=True)
    (content / "actors/russia.yml").write_text("name: Russia\nkind: state\nsummary: A state.\n")
    (content / "articles/talks.md").write_text(
        "---\ntitle: Talks\n---\nRussia spoke of $1.6 billion.\n")
    (content / "briefings/talks.yml").write_text(
        "title: Talks\ndate: 2025-01-02\nstatus: published\nbluf: Russia spoke.\n"
        "articles: [talks]\n")
    assert CliRunner().invoke(main, ["check"]).output == (
        "content: 1 article, 1 actor, 1 briefing: no problems\n")
    assert CliRunner().invoke(main, ["explain", "talks"]).output.splitlines()[0] == (
        "content/articles/talks.md: 1 mention, 0 rejected, 0 quotations, 1 figure")
    (content / "briefings/talks.yml").write_text("title: [\n")
    assert CliRunner().invoke(main, ["check"]).output.splitlines()[-1] == "1 problem found"
