"""`mkdocs serve` as a curator uses it: edit, break, fix, and the browser keeps a working site.

Runs the real `mkdocs serve` on a copy of the project on a free loopback port. Waiting is
bounded (it polls until a condition holds or a generous limit passes); nothing is timed.
"""

from __future__ import annotations

import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support.site import briefings_command, copy_project, mkdocs_command, quiet_env

LIMIT_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
        return response.read().decode("utf-8")


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + LIMIT_SECONDS
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"gave up waiting for: {what}")


def start(command: list[str], project_root: Path, tmp_path: Path
          ) -> Iterator[tuple[Path, str, Path]]:
    project = copy_project(project_root, tmp_path / "project")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [*command, "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=quiet_env(), stdout=out, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/actors/ukraine/"
        wait_for(lambda: "Ukraine" in fetch(url), "the first build to be served")
        yield project, url, log
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def served(project_root: Path, tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """Plain `mkdocs serve`."""
    yield from start(mkdocs_command(), project_root, tmp_path)


@pytest.fixture
def briefings_served(project_root: Path, tmp_path: Path) -> Iterator[tuple[Path, str, Path]]:
    """`briefings serve`, what `make serve` runs."""
    yield from start(briefings_command(), project_root, tmp_path)


def test_an_edit_shows_a_mistake_keeps_the_last_good_page_and_a_fix_recovers(served):
    project, url, log = served
    actor = project / "content" / "actors" / "ukraine.yml"
    good = actor.read_text(encoding="utf-8")

    actor.write_text(good.replace("summary: ", "summary: Edited once. "), encoding="utf-8")
    wait_for(lambda: "Edited once." in fetch(url), "the edit to reach the page")

    actor.write_text(good + "kind: [\n", encoding="utf-8")
    wait_for(lambda: "content/actors/ukraine.yml:" in log.read_text(), "the error to be printed")
    printed = log.read_text()
    assert "YAML syntax error" in printed
    assert "Traceback" not in printed
    assert "Edited once." in fetch(url), "the last good page is still served"

    actor.write_text(good.replace("summary: ", "summary: Fixed again. "), encoding="utf-8")
    wait_for(lambda: "Fixed again." in fetch(url), "the fix to reach the page")


def test_under_make_serve_every_page_shows_the_contents_errors_until_fixed(briefings_served):
    project, url, log = briefings_served
    actor = project / "content" / "actors" / "ukraine.yml"
    good = actor.read_text(encoding="utf-8")
    assert "briefings-problems" not in fetch(url)

    # A mistake whose text is markup: the banner shows it as text.
    assert "kind: state\n" in good
    actor.write_text(good.replace("kind: state\n", "kind: <script>alert(1)</script>\n"),
                     encoding="utf-8")
    wait_for(lambda: "briefings-problems" in fetch(url), "the banner to show the mistake")
    page = fetch(url)
    banner = page[page.index('<div class="briefings-problems"'):]
    assert "content/actors/ukraine.yml:" in banner
    assert "&lt;script&gt;" in banner and "<script>alert" not in banner
    assert "showing the last good version" in banner
    # Every page carries it, and the page under it is the last good one.
    other = url.replace("actors/ukraine/", "briefings/iraq-russia-intelligence-sharing/")
    assert "briefings-problems" in fetch(other)
    assert "Ukraine" in page

    actor.write_text(good.replace("summary: ", "summary: Fixed. "), encoding="utf-8")
    wait_for(lambda: "Fixed." in fetch(url), "the fix to reach the page")
    assert "briefings-problems" not in fetch(url)
    assert "Traceback" not in log.read_text()
