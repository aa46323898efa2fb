"""Site search: the Pagefind index of a built site, and keeping it current under serve.

Pagefind (the `pagefind[bin]` package, which carries its binary: nothing is downloaded)
reads the built HTML and writes `pagefind/` into the site: an index split into pieces that
the browser fetches as a query needs them, so a query on a 10,000-article site costs kilobytes
where one search_index.json cost 100 MB. What a page offers to search is marked in its HTML by
the theme override (`site_config/overrides/main.html`, from the `search` front matter the
generator writes): only the content, its kind, date, topics and regions as filters, and its
actors' other names; never the navigation or the sidebars. The search box is
`site_config/docs/javascripts/search.js`.

Pagefind reads the whole of every page at once (1.8 GB at 5,000 articles when given the built
site), so it is given a shadow folder instead (`Shadow`): each page's indexed part alone, at
the page's own path, written as MkDocs writes the page. The index is made from the pages a
build wrote, so it can hold nothing a profile excluded. It is put in a canonical order
(`search_order.py`: Pagefind's own output depends on the order the filesystem lists files),
then swapped in whole (`swap.staged`): a search never reads half of an old index and half of
a new one.

A large site's index is made in parts of at most about `PAGES_PER_PART` pages each (an even
number of them), every page in one part by a hash of its path, and the browser searches
them together (search.js merges them with Pagefind's `mergeIndex`; `parts.json` lists
them). Pagefind's scoring is quadratic in the pages a query matches (for each matching page
it walks the postings of every matching page), so a query of common words on one
12,000-page index took 1.5 s in the browser; split in parts of 2,000, each part's share is
a 36th of that. Indexing in parts also bounds Pagefind's memory (it holds a part's words at
once, not the site's), and runs two parts at a time.
"""

from __future__ import annotations

import json
import logging
import math
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import zlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from pagefind_bin import get_executable

from .search_order import canonicalize
from .swap import staged

log = logging.getLogger("mkdocs.plugins.briefings")

FOLDER = "pagefind"  # in the site: the index, pagefind.js and its WebAssembly
PARTS = "parts.json"  # in FOLDER: the other parts' folders, which search.js merges in
PAGES_PER_PART = 2000
# Pagefind's ready-made interfaces, which the site does not use (its search box is Material's,
# driven by search.js through pagefind.js): not shipped.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js",
           "pagefind-component-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-highlight.js")
_CODE = ("pagefind.js", "pagefind-worker.js")  # and wasm.*.pagefind


class SearchIndexError(Exception):
    """Pagefind failed; its own message says why."""


class Shadow:
    """The pages as Pagefind reads them: each one's indexed part (between the theme's
    `<div data-pagefind-body` and its `<!--/data-pagefind-body-->`) in a page of its own, at
    the same path under `folder` as the page under the site, so results link to the page."""

    START = "<div data-pagefind-body"
    END = "<!--/data-pagefind-body-->"

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="briefings-search-"))

    def add(self, path: str, page_html: str) -> None:
        """The page at `path` (relative to the site) as it was just written."""
        start = page_html.find(self.START)
        end = page_html.find(self.END, start)
        target = self.folder / path
        if start < 0 or end < 0:
            target.unlink(missing_ok=True)  # no longer offered to search
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text('<!doctype html><html lang="en"><head><meta charset="utf-8"></head>'
                          f"<body>{page_html[start:end]}</body></html>\n", encoding="utf-8")

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def index_site(pages_dir: Path, site_dir: Path, language: str,
               pages_per_part: int = PAGES_PER_PART) -> None:
    """Index the HTML pages under `pages_dir` (the site, or its `Shadow`) into
    `site_dir/pagefind`, in parts of at most about `pages_per_part` pages, replacing any
    index there in one step."""
    parts = split(sorted(path.relative_to(pages_dir).as_posix()
                         for path in pages_dir.rglob("*.html")), pages_per_part)
    parts = [part for part in parts if part] or [[]]  # a tiny site's hash may miss a part
    with (staged(site_dir / FOLDER) as folder,
          tempfile.TemporaryDirectory(prefix="briefings-search-parts-") as work):

        # Two at a time, each in a process of its own: Pagefind keeps about one core busy
        # and holds a part's words, and putting a part in order is Python, which two threads
        # would do by turns (at 5,000 articles the parts' ordering took 4 s one after the other).
        with ProcessPoolExecutor(max_workers=min(2, os.cpu_count() or 1),
                                 mp_context=_CONTEXT) as pool:
            jobs = [pool.submit(_index_part, pages_dir, parts[number] if len(parts) > 1 else None,
                                Path(work) / str(number), folder / _part_folder(number),
                                language, number == 0)
                    for number in range(len(parts))]
            for job in jobs:
                job.result()
        # The first part is the index pagefind.js loads by itself, at the folder's top.
        first = folder / _part_folder(0)
        for entry in sorted(first.iterdir()):
            entry.rename(folder / entry.name)
        first.rmdir()
        (folder / PARTS).write_text(
            json.dumps([f"{_part_folder(n)}/" for n in range(1, len(parts))]) + "\n",
            encoding="utf-8")


def _index_part(pages_dir: Path, paths: list[str] | None, work: Path, output: Path,
                language: str, primary: bool) -> None:
    """One part's index into `output`: its pages gathered under `work` (all of `pages_dir`
    when `paths` is None), indexed by Pagefind, then put in order."""
    pages = pages_dir if paths is None else _gather(pages_dir, work, paths)
    _pagefind(pages, output, language)
    _finish(output, primary=primary)


# Forked where the platform can: the workers need nothing this process has not loaded.
_CONTEXT = multiprocessing.get_context(
    "fork" if "fork" in multiprocessing.get_all_start_methods() else None)


def split(paths: list[str], pages_per_part: int) -> list[list[str]]:
    """The pages in parts: as many as `pages_per_part` asks for (an even number, when more than
    one), each page in the part its path's hash picks (so that a page stays in its part as
    pages come and go), in order."""
    count = max(1, math.ceil(len(paths) / max(1, pages_per_part)))
    if count > 1:  # in pairs: two are indexed at a time, and an odd last one would be alone
        count += count % 2
    parts: list[list[str]] = [[] for _ in range(count)]
    for path in paths:
        parts[zlib.crc32(path.encode("utf-8")) % count].append(path)
    return parts


def _part_folder(number: int) -> str:
    return f"part-{number}"


def _gather(pages_dir: Path, folder: Path, paths: list[str]) -> Path:
    """A folder with just these pages, at their paths: linked, not copied, where it can be."""
    for path in paths:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(pages_dir / path, target)
        except OSError:  # another filesystem
            shutil.copyfile(pages_dir / path, target)
    return folder


def _pagefind(pages_dir: Path, output: Path, language: str) -> None:
    command = [str(get_executable()), "--site", str(pages_dir), "--output-path", str(output),
               # One index for the whole site, in the site's language, whatever a page says:
               # a page's language is not a reason to miss it.
               "--force-language", language,
               # The ¶ of each heading's permalink is not text; .search-skip marks lists of
               # other pages, each indexed on its own (an actor page's lists).
               "--exclude-selectors", ".headerlink, .search-skip", "--silent"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(f"{pages_dir}: the search index could not be made"
                               f" ({_last_word(done)})")


def _finish(folder: Path, primary: bool) -> None:
    """One part's index without what the site does not load from it (Pagefind's ready-made
    interfaces; a merged part's code, which the first part's runs), in canonical order."""
    for name in _UNUSED if primary else (*_UNUSED, *_CODE):
        (folder / name).unlink(missing_ok=True)
    if not primary:
        for path in folder.glob("wasm.*.pagefind"):
            path.unlink()
    try:
        canonicalize(folder)
    except (ValueError, KeyError, OSError) as error:
        raise SearchIndexError(f"{folder}: the search index could not be put in order"
                               f" ({error})") from None


class BackgroundIndexer:
    """Under serve: index the site again after each rebuild, without holding the rebuild up.

    One index at a time; a request during a run makes one more run after it, so the index
    always ends up made from the last rebuild's pages. Search is a few seconds behind an edit.
    Each run is a child process (`python -m generator.site_search`) at the lowest CPU priority:
    the next edit's rebuild goes first, and putting the index in order does not hold the
    server's interpreter.
    """

    def __init__(self, language: str, pages_per_part: int = PAGES_PER_PART) -> None:
        self.language = language
        self.pages_per_part = pages_per_part
        self._lock = threading.Lock()
        self._wanted: tuple[Path, Path] | None = None
        self._running = False
        self._idle = threading.Event()
        self._idle.set()

    def request(self, pages_dir: Path, site_dir: Path) -> None:
        with self._lock:
            self._wanted = (pages_dir, site_dir)
            self._idle.clear()
            if self._running:
                return
            self._running = True
        threading.Thread(target=self._run, name="briefings-search-index", daemon=True).start()

    def wait(self, timeout: float | None = None) -> bool:
        """Until no index is being made or wanted; False if `timeout` came first."""
        return self._idle.wait(timeout)

    def _run(self) -> None:
        while True:
            with self._lock:
                wanted, self._wanted = self._wanted, None
                if wanted is None:
                    self._running = False
                    self._idle.set()
                    return
            try:
                index_elsewhere(*wanted, self.language, self.pages_per_part, nice=True)
            except SearchIndexError as error:
                # The served site keeps its last index; the next rebuild tries again.
                log.warning(f"Search index not updated: {error}")


def index_elsewhere(pages_dir: Path, site_dir: Path, language: str,
                    pages_per_part: int = PAGES_PER_PART, nice: bool = False) -> None:
    """`index_site` in a process of its own (`python -m generator.site_search`): a build's
    own process holds the whole site, and the collector walks all of it each time putting
    the index in order makes garbage (34 s instead of 16 s at 5,000 articles). With `nice`,
    at the lowest CPU priority, so that the next rebuild goes first."""
    command = [sys.executable, "-m", __name__, str(pages_dir), str(site_dir), language,
               str(pages_per_part)]
    if nice and shutil.which("nice"):  # the POSIX command; preexec_fn is unsafe with threads
        command = ["nice", "-n", "19", *command]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SearchIndexError(_last_word(done))


def _last_word(done: subprocess.CompletedProcess) -> str:
    """What a failed process said last (its own explanation), else its exit status."""
    lines = (done.stderr or done.stdout).strip().splitlines()
    return lines[-1] if lines else f"exit {done.returncode}"


def main(arguments: list[str]) -> int:
    """`python -m generator.site_search PAGES_DIR SITE_DIR LANGUAGE PAGES_PER_PART`: what
    `index_elsewhere` runs (a build, and the background indexer under serve)."""
    pages_dir, site_dir, language, pages_per_part = arguments
    try:
        index_site(Path(pages_dir), Path(site_dir), language, int(pages_per_part))
    except (OSError, SearchIndexError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
