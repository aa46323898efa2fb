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
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from pagefind_bin import get_executable

from .search_order import canonicalize
from .swap import staged

log = logging.getLogger("mkdocs.plugins.briefings")

FOLDER = "pagefind"  # in the site: the index, pagefind.js and its WebAssembly
# Pagefind's ready-made interfaces, which the site does not use (its search box is Material's,
# driven by search.js through pagefind.js): not shipped.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js",
           "pagefind-component-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
           "pagefind-highlight.js")


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


def index_site(pages_dir: Path, site_dir: Path, language: str) -> None:
    """Index the HTML pages under `pages_dir` (the site, or its `Shadow`) into
    `site_dir/pagefind`, replacing any index there in one step."""
    target = site_dir / FOLDER
    with staged(target) as folder:
        command = [str(get_executable()), "--site", str(pages_dir), "--output-path", str(folder),
                   # One index for the whole site, in the site's language, whatever a page
                   # says: a page's language is not a reason to miss it.
                   "--force-language", language,
                   # The ¶ of each heading's permalink is not text; .search-skip marks lists
                   # of other pages, each indexed on its own (an actor page's lists).
                   "--exclude-selectors", ".headerlink, .search-skip", "--silent"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SearchIndexError(f"{pages_dir}: the search index could not be made"
                                   f" ({_last_word(done)})")
        for name in _UNUSED:
            (folder / name).unlink(missing_ok=True)
        try:
            canonicalize(folder)
        except (ValueError, KeyError, OSError) as error:
            raise SearchIndexError(f"{site_dir}: the search index could not be put in order"
                                   f" ({error})") from None


class BackgroundIndexer:
    """Under serve: index the site again after each rebuild, without holding the rebuild up.

    One index at a time; a request during a run makes one more run after it, so the index
    always ends up made from the last rebuild's pages. Search is a few seconds behind an edit.
    Each run is a child process (`python -m generator.site_search`) at the lowest CPU priority:
    the next edit's rebuild goes first, and putting the index in order does not hold the
    server's interpreter.
    """

    def __init__(self, language: str) -> None:
        self.language = language
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
            command = [sys.executable, "-m", __name__, *map(str, wanted), self.language]
            if shutil.which("nice"):  # the POSIX command; preexec_fn is unsafe with threads
                command = ["nice", "-n", "19", *command]
            done = subprocess.run(command, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                # The served site keeps its last index; the next rebuild tries again.
                log.warning(f"Search index not updated: {_last_word(done)}")


def _last_word(done: subprocess.CompletedProcess) -> str:
    """What a failed process said last (its own explanation), else its exit status."""
    lines = (done.stderr or done.stdout).strip().splitlines()
    return lines[-1] if lines else f"exit {done.returncode}"


def main(arguments: list[str]) -> int:
    """`python -m generator.site_search PAGES_DIR SITE_DIR LANGUAGE`: what the background
    indexer runs."""
    pages_dir, site_dir, language = arguments
    try:
        index_site(Path(pages_dir), Path(site_dir), language)
    except (OSError, SearchIndexError) as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
