"""The writer: changed-only, atomic, removes only its own stale pages, stays in its folder."""

from __future__ import annotations

import pytest

from generator.render import Page
from generator.write import UnsafePath, write_pages


def test_writes_only_what_changed_and_removes_its_own_stale_pages(tmp_path):
    first = write_pages([Page("index.md", "home\n"), Page("actors/a.md", "A\n")], tmp_path)
    assert first.written == ("index.md", "actors/a.md")
    (tmp_path / "notes.md").write_text("the user's own file")
    before = (tmp_path / "index.md").stat().st_mtime_ns

    second = write_pages([Page("index.md", "home\n"), Page("actors/b.md", "B\n")], tmp_path)

    assert second.written == ("actors/b.md",)
    assert second.unchanged == ("index.md",)
    assert second.removed == ("actors/a.md",)
    assert (tmp_path / "index.md").stat().st_mtime_ns == before
    assert not (tmp_path / "actors/a.md").exists()
    assert (tmp_path / "notes.md").read_text() == "the user's own file"
    assert not [p for p in tmp_path.rglob(".*") if p.name.startswith(".index.md.")]


@pytest.mark.parametrize("path", ["../escape.md", "/etc/passwd", "a/../../b.md"])
def test_refuses_paths_outside_the_folder_before_writing_anything(tmp_path, path):
    out = tmp_path / "out"
    with pytest.raises(UnsafePath):
        write_pages([Page("index.md", "x"), Page(path, "x")], out)
    assert not out.exists()
