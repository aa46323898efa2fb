"""The briefings command as a user runs it: exit codes and what it prints."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

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
