"""Under serve, a rebuild after any sequence of edits gives exactly what a clean build gives.

The serve session is the real one: MkDocs's own `build` for the first build, a real
`LiveReloadServer` (never started: only its builder is used, as its build loop would call it)
given to the plugins' `on_serve`, and edits made to real files. After each edit the served
folder is compared with a clean `mkdocs build` of the same content in another process: the
same files, byte for byte, the search index included (once its background run is over).
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from support.site import copy_project, mkdocs_command, quiet_env

SERVE_URL = "http://127.0.0.1:8000/"
ARTICLE = "content/articles/us-fears-compromise-of-military-secrets.md"
BRIEFING = "content/briefings/iraq-russia-intelligence-sharing.yml"
ACTOR = "content/actors/iraq.yml"


class Session:
    """One `mkdocs serve` session on a project copy, rebuilt the way the server rebuilds."""

    def __init__(self, project: Path):
        self.project = project
        self.site = project / "served"
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=False)
        self.server = LiveReloadServer(builder=self._full, host="127.0.0.1", port=0,
                                       root=str(self.site))
        self.plugin = config.plugins["briefings"]
        self._full(config)
        self.server = config.plugins.on_serve(self.server, config=config, builder=self._full)
        self._wait_for_search()

    def _config(self):
        config = load_config(config_file=str(self.project / "mkdocs.yml"),
                             site_dir=str(self.site))
        config.site_url = SERVE_URL
        return config

    def _full(self, config=None) -> None:
        build(config or self._config(), serve_url=SERVE_URL)

    def rebuild(self) -> None:
        self.server.builder()
        self._wait_for_search()

    def _wait_for_search(self) -> None:
        # Under serve the search index is made again in the background after a rebuild.
        assert self.plugin.indexer is not None and self.plugin.indexer.wait(timeout=120)

    def close(self) -> None:
        self.server.server_close()


def clean_build(project: Path, out: Path) -> Path:
    config = project / "mkdocs-clean.yml"
    config.write_text((project / "mkdocs.yml").read_text(encoding="utf-8")
                      + f"\nsite_url: {SERVE_URL}\n", encoding="utf-8")
    done = subprocess.run([*mkdocs_command(), "build", "-q", "-f", str(config), "-d", str(out)],
                          cwd=project, env=quiet_env(), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out


def snapshot(site: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(site.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":  # gzip stamps its own mtime
                data = gzip.decompress(data)
            files[path.relative_to(site).as_posix()] = data
    return files


def assert_same(served: Path, clean: Path) -> None:
    left, right = snapshot(served), snapshot(clean)
    assert sorted(left) == sorted(right)
    different = [path for path in left if left[path] != right[path]]
    assert different == []


# Edits a curator makes, each a function of the session (its project folder) and a number.
def edit_bluf(session: Session, n: int) -> None:
    project = session.project
    path = project / BRIEFING
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("bluf: >-\n", f"bluf: >-\n  Edit {n} of the bottom line.\n", 1),
                    encoding="utf-8")


def edit_article(session: Session, n: int) -> None:
    project = session.project
    path = project / ARTICLE
    path.write_text(path.read_text(encoding="utf-8") + f"\nRussia added point {n}.\n",
                    encoding="utf-8")


def edit_aliases(session: Session, n: int) -> None:
    project = session.project
    path = project / ACTOR
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("aliases: [", f"aliases: [Mesopotamia{n}, ", 1)
                    if "aliases: [" in text else text + f"aliases: [Mesopotamia{n}]\n",
                    encoding="utf-8")


def add_article(session: Session, n: int) -> None:
    (session.project / f"content/articles/added-{n}.md").write_text(
        f"---\ntitle: Added report {n}\npublished: 2026-11-2{n % 10}\n---\n"
        "Iraq and Russia met again.\n", encoding="utf-8")


def remove_added(session: Session, n: int) -> None:
    for path in (session.project / "content/articles").glob("added-*.md"):
        path.unlink()


def break_and_fix(session: Session, n: int) -> None:
    # A broken file is reported and the last good site stays; the fix is what counts here.
    path = session.project / BRIEFING
    good = path.read_text(encoding="utf-8")
    path.write_text(good + "bluf: [\n", encoding="utf-8")
    session.rebuild()
    path.write_text(good, encoding="utf-8")


EDITS = {"bluf": edit_bluf, "article": edit_article, "aliases": edit_aliases,
         "add": add_article, "remove": remove_added, "break": break_and_fix}


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=st.lists(st.sampled_from(sorted(EDITS)), min_size=2, max_size=4))
def test_served_site_equals_a_clean_build_after_any_edits(steps, tmp_path_factory,
                                                         project_root):
    project = copy_project(project_root, tmp_path_factory.mktemp("serve") / "project")
    session = Session(project)
    try:
        for n, step in enumerate(steps):
            EDITS[step](session, n)
            session.rebuild()
            assert_same(session.site, clean_build(project, project / f"clean-{n}"))
            shutil.rmtree(project / f"clean-{n}")
    finally:
        session.close()


def test_an_edit_rebuilds_only_the_pages_it_changed(tmp_path, project_root, caplog):
    project = copy_project(project_root, tmp_path / "project")
    session = Session(project)
    try:
        untouched = session.site / "actors" / "ukraine" / "index.html"
        before = untouched.stat().st_mtime_ns
        caplog.set_level("INFO", logger="mkdocs.plugins.briefings")
        edit_bluf(session, 1)
        session.rebuild()
        assert any("Rebuilt" in record.getMessage() and "changed page" in record.getMessage()
                   for record in caplog.records)
        assert untouched.stat().st_mtime_ns == before
        assert "Edit 1 of the bottom line." in (
            session.site / "briefings" / "iraq-russia-intelligence-sharing" / "index.html"
        ).read_text(encoding="utf-8")
    finally:
        session.close()
