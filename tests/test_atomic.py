"""The last good output survives: `mkdocs build` and `briefings generate --out` replace their
folder in one step, so a failed, refused or killed run leaves the previous one byte-identical.

Everything runs the real commands on a copy of the project. A run is killed when its staging
folder holds a share (30 %, 60 %, 85 %) of the files a normal run writes: points by progress,
not by a clock, since on a loaded machine a build may swap its site in before 85 % of another
build's time. Nothing asserts on time.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest
from support.site import (
    briefings_command,
    mkdocs_build,
    mkdocs_command,
    quiet_env,
    snapshot,
)

from generator.write import MANIFEST

SEED = "us-fears-compromise-of-military-secrets"
COPIES = 200
LIMIT_SECONDS = 300
SHARES = (0.3, 0.6, 0.85)


def add_copies(content: Path, label: str) -> None:
    """COPIES more articles, the seed article under new ids, every title marked `label`."""
    seed = (content / "articles" / f"{SEED}.md").read_text(encoding="utf-8")
    assert '\ntitle: "' in seed
    for number in range(COPIES):
        text = seed.replace('\ntitle: "', f'\ntitle: "{label} {number:03}: ', 1)
        (content / "articles" / f"copy-{number:03}.md").write_text(text, encoding="utf-8")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.parent.iterdir() if p.name.startswith(f".{folder.name}."))


def build_command(project: Path, site: Path, *, strict: bool = True) -> list[str]:
    return [*mkdocs_command(), "build", *(["--strict"] if strict else []),
            "-f", str(project / "mkdocs.yml"), "-d", str(site)]


def revise_an_actor(project: Path) -> None:
    """An edit that changes many pages, so that a build swapped in would show."""
    actor = project / "content" / "actors" / "iraq.yml"
    text = actor.read_text(encoding="utf-8")
    assert "\nname: Iraq\n" in text
    actor.write_text(text.replace("\nname: Iraq\n", "\nname: Revised Iraq\n"), encoding="utf-8")


def good_build(project: Path, site: Path) -> dict[str, bytes]:
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert leftovers(site) == []
    return snapshot(site)


@pytest.fixture
def built(project_copy):
    """A project copy and its site, built once; returns (project, site, the site's files)."""
    project = project_copy()
    site = project / "site"
    return project, site, good_build(project, site)


@pytest.mark.parametrize("strict", [True, False], ids=["strict", "not-strict"])
def test_a_page_clash_leaves_the_last_good_site(built, strict):
    project, site, before = built
    clash = project / "site_config" / "docs" / "actors" / "iraq.md"
    clash.parent.mkdir()
    clash.write_text("# Not the generated page\n", encoding="utf-8")
    revise_an_actor(project)

    result = subprocess.run(build_command(project, site, strict=strict), cwd=project,
                            env=quiet_env(), capture_output=True, text=True,
                            timeout=LIMIT_SECONDS)

    assert result.returncode == 1
    assert (f"{clash}: clashes with the generated page actors/iraq.md; rename or remove it"
            in result.stdout)
    assert snapshot(site) == before
    assert leftovers(site) == []


def test_a_strict_mode_warning_leaves_the_last_good_site(built):
    project, site, before = built
    # Content can no longer make MkDocs warn (its links are checked before); a page of the
    # site's own does, and any such warning must abort before the swap.
    (project / "site_config" / "docs" / "notes.md").write_text(
        "# Notes\n\n[see](other-page.md)\n", encoding="utf-8")
    revise_an_actor(project)

    result = mkdocs_build(project, site)

    assert result.returncode == 1
    assert ("Doc file 'notes.md' contains a link 'other-page.md', but the target is not found"
            " among documentation files." in result.stderr)
    assert "Aborted with 1 warnings in strict mode!" in result.stdout
    assert snapshot(site) == before
    assert leftovers(site) == []


def test_a_successful_build_replaces_the_site_and_its_stale_files(built):
    project, site, before = built
    # The first build made the site folder as a plain mkdir would, not private to its owner.
    (project / "probe").mkdir()
    mode = stat.S_IMODE((project / "probe").stat().st_mode)
    assert stat.S_IMODE(site.stat().st_mode) == mode
    (site / "stale.html").write_text("from an old build", encoding="utf-8")
    article = project / "content" / "articles" / f"{SEED}.md"
    article.write_text(article.read_text(encoding="utf-8").replace(
        '\ntitle: "', '\ntitle: "Revised: ', 1), encoding="utf-8")
    # Named like a staging folder, but not one: a user's folder is never removed.
    users = site.parent / ".site.building-notes"
    users.mkdir()

    result = mkdocs_build(project, site)

    assert result.returncode == 0, result.stdout + result.stderr
    after = snapshot(site)
    assert "stale.html" not in after
    # The same pages; the search index's files are named by their content, which changed.
    def pages(files):
        return {path for path in files if not path.startswith("pagefind/")}

    assert pages(after) == pages(before)
    assert "pagefind/pagefind-entry.json" in after
    page = after[f"articles/{SEED}/index.html"].decode("utf-8")
    assert "Revised: U.S. Fears Compromise" in page
    assert stat.S_IMODE(site.stat().st_mode) == mode
    assert leftovers(site) == [".site.building-notes"]


def test_killed_builds_leave_the_last_good_site_and_the_next_build_cleans_up(project_copy):
    project = project_copy()
    add_copies(project / "content", "Copy")
    site = project / "site"
    before = good_build(project, site)
    add_copies(project / "content", "Revised")

    for share in SHARES:
        staged = kill_when_staged(build_command(project, site), project, site,
                                  int(len(before) * share))
        assert snapshot(site) == before, f"killed with {staged} files staged"
        # The run killed before removed its predecessor's staging folder as it began.
        assert len(leftovers(site)) == 1

    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert leftovers(site) == []
    assert "Revised 000: U.S. Fears" in (site / "articles" / "copy-000" / "index.html").read_text(
        encoding="utf-8")


def generate(project: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*briefings_command(), "generate", "--out", str(out)], cwd=project,
                          env=quiet_env(), capture_output=True, text=True, timeout=LIMIT_SECONDS)


def test_generate_keeps_a_users_file_and_the_times_of_unchanged_pages(project_copy):
    project = project_copy()
    extra = project / "content" / "articles" / "extra-article.md"
    extra.write_text((project / "content" / "articles" / f"{SEED}.md").read_text(
        encoding="utf-8").replace('\ntitle: "', '\ntitle: "Extra: ', 1), encoding="utf-8")
    out = project / "build" / "docs"
    first = generate(project, out)
    assert first.returncode == 0, first.stderr
    own = out / "notes" / "mine.md"
    own.parent.mkdir()
    own.write_text("the user's own file\n", encoding="utf-8")
    before = snapshot(out)
    times = {path: (out / path).stat().st_mtime_ns for path in before}
    extra.unlink()

    second = generate(project, out)

    assert second.returncode == 0, second.stderr
    after = snapshot(out)
    assert after["notes/mine.md"] == b"the user's own file\n"
    generated = set(after) - {MANIFEST, "notes/mine.md"}
    unchanged = {path for path in generated if before.get(path) == after[path]}
    assert set(before) - set(after) == {"articles/extra-article.md"}
    assert second.stdout.endswith(
        f" {len(generated) - len(unchanged)} written, {len(unchanged)} unchanged, 1 removed\n")
    assert {path: times[path] for path in [*unchanged, "notes/mine.md"]} == {
        path: (out / path).stat().st_mtime_ns for path in [*unchanged, "notes/mine.md"]}
    assert leftovers(out) == []


def test_generate_refuses_to_replace_the_folder_it_runs_in(project_copy):
    project = project_copy()
    before = snapshot(project)

    result = generate(project, project)

    assert result.returncode == 1
    assert result.stderr == (f"Error: {project}: is or holds the current folder"
                             " (write into a folder of its own)\n")
    assert snapshot(project) == before
    assert leftovers(project) == []


def test_killed_generate_leaves_the_last_output_and_the_next_run_cleans_up(project_copy):
    project = project_copy()
    add_copies(project / "content", "Copy")
    out = project / "build" / "docs"
    assert generate(project, out).returncode == 0
    (out / "mine.md").write_text("the user's own file\n", encoding="utf-8")
    before = snapshot(out)
    add_copies(project / "content", "Revised")

    for share in SHARES:
        staged = kill_when_staged([*briefings_command(), "generate", "--out", str(out)],
                                  project, out, int(len(before) * share))
        assert snapshot(out) == before, f"killed with {staged} files staged"
        assert len(leftovers(out)) == 1

    result = generate(project, out)
    assert result.returncode == 0, result.stderr
    assert leftovers(out) == []
    assert (out / "mine.md").read_text(encoding="utf-8") == "the user's own file\n"
    assert "Revised 000: U.S. Fears" in (out / "articles" / "copy-000.md").read_text(
        encoding="utf-8")


def kill_when_staged(command: list[str], cwd: Path, target: Path, count: int) -> int:
    """Run `command` and SIGKILL it once its staging folder beside `target` holds `count`
    files; returns how many it held."""
    earlier = leftovers(target)
    process = subprocess.Popen(command, cwd=cwd, env=quiet_env(), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        began = time.monotonic()
        while (staged := _staged_files(target, earlier)) < count:
            assert process.poll() is None, (
                f"the run ended (exit {process.returncode}) with {staged} of {count} files staged")
            assert time.monotonic() - began < LIMIT_SECONDS, "gave up waiting for the staging"
            time.sleep(0.002)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=LIMIT_SECONDS) == -signal.SIGKILL
        return staged
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def _staged_files(target: Path, earlier: list[str]) -> int:
    """Files in the staging folder of the run under way (not in an earlier leftover)."""
    folders = [p for p in target.parent.glob(f".{target.name}.building-*") if p.name not in earlier]
    return sum(len(files) for folder in folders for _, _, files in os.walk(folder))
