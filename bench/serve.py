"""The edit loop: how long from saving a file to the served page showing the change.

Starts the real server (`briefings serve`, what `make serve` runs, or `mkdocs serve` with
--mkdocs) on a bench corpus, then, --repeat times for each kind of edit, writes the file and
polls the page over HTTP until it shows the new text. The time is from the write to the
fetch that shows it, watcher included. Medians are printed as a Markdown table.

    python bench/serve.py --content DIR/content [--repeat 3] [--port 8731] [--mkdocs]

DIR/content is a corpus from make_corpus.py; it is copied, never edited in place.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(url: str, marker: str, limit: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if marker in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.02)
    return None


def first_served(base: str, folder: Path, pattern: str, kind: str) -> Path:
    """The first file of the folder whose page the server shows (drafts and restricted
    items are not published)."""
    for path in sorted(folder.glob(pattern)):
        if "</html>" in fetch(f"{base}{kind}/{path.stem}/"):
            return path
    raise SystemExit(f"no {kind} page is served")


def edits(project: Path, base: str):
    """By kind of edit: n → (the file, what to write, the page that must show it, marker)."""
    content = project / "content"
    briefing = first_served(base, content / "briefings", "*.yml", "briefings")
    article = first_served(base, content / "articles", "*.md", "articles")
    actor = first_served(base, content / "actors", "*.yml", "actors")
    def bluf(n: int) -> tuple[Path, str, str, str]:
        marker = f"BLUFMARK{n}"
        # The whole field, folded lines included, becomes one line with the marker.
        text = re.sub(r"^bluf:.*\n(?:[ ]+.*\n)*", f"bluf: {marker} edited.\n",
                      briefing.read_text(encoding="utf-8"), count=1, flags=re.M)
        return briefing, text, f"briefings/{briefing.stem}/", marker

    def article_text(n: int) -> tuple[Path, str, str, str]:
        marker = f"TEXTMARK{n}"
        text = article.read_text(encoding="utf-8") + f"\n\nA new paragraph, {marker}.\n"
        return article, text, f"articles/{article.stem}/", marker

    def aliases(n: int) -> tuple[Path, str, str, str]:
        # Every article is analysed again: the names' fingerprint changed.
        marker = f"Aliasmark{n}"
        text = actor.read_text(encoding="utf-8")
        if re.search(r"^aliases: \[", text, re.M):
            text = re.sub(r"^aliases: \[", f"aliases: [{marker}, ", text, count=1, flags=re.M)
        elif re.search(r"^aliases:\n", text, re.M):  # a block list, items at their indent
            text = re.sub(r"^aliases:\n([ ]*)- ", rf"aliases:\n\1- {marker}\n\1- ", text,
                          count=1, flags=re.M)
        else:
            text += f"aliases: [{marker}]\n"
        return actor, text, f"actors/{actor.stem}/", marker

    return {"briefing BLUF": bluf, "article text": article_text, "actor aliases": aliases}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--port", type=int, default=8731)
    parser.add_argument("--limit", type=float, default=600.0, help="seconds to wait at most")
    parser.add_argument("--mkdocs", action="store_true", help="plain `mkdocs serve` instead")
    args = parser.parse_args()

    project = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    shutil.copytree(args.content, project / "content")
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "site_config", project / "site_config")
    binaries = Path(sys.executable).parent
    address = f"127.0.0.1:{args.port}"
    command = ([str(binaries / "mkdocs"), "serve", "--dev-addr", address] if args.mkdocs
               else [str(binaries / "briefings"), "serve", "--dev-addr", address])
    log = open(project / "serve.log", "w")  # noqa: SIM115 - open while the server runs
    started = time.perf_counter()
    server = subprocess.Popen(command, cwd=project, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    base = f"http://{address}/"
    try:
        if wait_for(base, "</html>", args.limit) is None:
            print("the server did not come up; see", project / "serve.log")
            return 1
        print(f"first build and start: {time.perf_counter() - started:.1f} s")
        print("| edit | median | runs |")
        print("| --- | --: | --- |")
        for kind, make in edits(project, base).items():
            times = []
            for n in range(args.repeat):
                path, text, page, marker = make(n)
                time.sleep(1.0)  # let the previous rebuild settle
                path.write_text(text, encoding="utf-8")
                seconds = wait_for(base + page, marker, args.limit)
                times.append(seconds if seconds is not None else float("inf"))
            shown = ", ".join(f"{t:.2f}" for t in times)
            print(f"| {kind} | {statistics.median(times):.2f} s | {shown} |", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=60)
        log.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
