"""Site search on a built site: time to the first result, bytes and requests per query, index size.

Serves a built site (`bench/run.py`'s OUT/site, or any `mkdocs build` output with the
briefings plugin) on 127.0.0.1 under the sub-path /bench/, straight from DIR (nothing is
copied), and drives headless Chromium at 1280 px and 375 px through the search box as a user
does (tests/support/search.py): open it, type the query key by key, wait until the result
list has answered (aria-busy false). The queries are drawn from the site itself, so they
work on any bench corpus: an actor's name (the first actor page's title), one of its aliases
(its infobox), a fragment of a quotation and a money figure (the first article pages that
have one), a two-word topic; --query adds others.

    python bench/search.py --site DIR [--query TEXT ...] [--repeat 3] [--timeout 30]
                           [--out FILE]

For each width and query, --repeat times, in a fresh browser context (empty HTTP cache):
cold, the query typed as soon as search is opened on a freshly loaded page (Pagefind's code,
WebAssembly and index are fetched then); warm, the next query typed in that same page. Figures
are medians over the repeats; the table ends with the median and the maximum over queries.

How each figure is measured:

- time: from the `input` event of the last keystroke to the first result item inserted into
  the list, both read with performance.now() in the page (a MutationObserver on the list, an
  input listener on the box). Timing in the page leaves out Playwright's round trips and the
  polling interval of its waits, which would add tens of milliseconds of noise. It includes
  search.js's 150 ms debounce: that is what a user waits. A query with no result is timed to
  the moment the list stops being busy, and flagged.
- bytes and requests: counted by the local server itself, for every request it answered from
  just before search is opened (cold; the page has loaded and the network is idle) or just
  before the query is typed (warm), until no request has been in flight for 0.3 s. Counting at
  the server is complete by construction: Pagefind fetches its index chunks from a web worker,
  which a CDP session on the page does not see (Network.loadingFinished there lists
  pagefind.js but none of the worker's fetches), and Playwright reports the worker script as
  0 bytes. The bytes are the header and body bytes written to the socket; http.server does not
  compress, so this is the encoded size (Pagefind's .pf_* files are gzip already; a host that
  compresses pagefind.js and the worker would send less).
- outside requests: every request Playwright reports for the context (the page's and the
  worker's) whose URL is not on the local server is recorded, then aborted. None is the goal.
- index size: the files under DIR/pagefind.
- ranking (--ranking N, 40 by default): N actors drawn at random (seed 1), each one's name
  searched through Pagefind's API as search.js loads it; among the first 30 results, how
  often the actor's page comes first, and how often a source that only mentions the actor
  (its title does not carry the name) ranks above the briefings the actor's page lists.

Prints a Markdown table and writes the figures as JSON to --out (default: search-results.json
beside DIR). Exit 1 if a query could not be measured (the message says which and why).
"""

from __future__ import annotations

import argparse
import functools
import html
import json
import random
import re
import statistics
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple

CHROMIUM = "/usr/bin/chromium"
SUB_PATH = "/bench/"  # served under a sub-path, as a team's static hosting would
WIDTHS = {"1280 px": {"width": 1280, "height": 800}, "375 px": {"width": 375, "height": 740}}
KB = 1024
QUIET = 0.3  # seconds without a request in flight: the query has fetched all it will
GIVE_UP = 3  # failures in a row: the search box itself is broken, stop waiting

BOX = ".md-search__input"
RESULTS = "[data-briefings-search-result]"
LIST = ".md-search-result__list"

# Installed in every page before its scripts run: notes, with performance.now(), the last
# `input` event of the search box and, after it, the first result inserted into the list and
# the moment the list stops being busy.
PROBE = "(() => {\n  const SELECTORS = " + json.dumps(
    {"box": BOX, "results": RESULTS, "list": LIST}) + """;
  const probe = window.__benchSearch = {
    input: null, shown: null, settled: null, items: 0, links: [] };
  document.addEventListener("input", (event) => {
    if (event.target.matches && event.target.matches(SELECTORS.box)) {
      probe.input = performance.now();
      probe.shown = probe.settled = null;
    }
  }, true);
  const watch = () => {
    const output = document.querySelector(SELECTORS.results);
    const list = output && output.querySelector(SELECTORS.list);
    if (!output || !list) {
      return;
    }
    new MutationObserver((changes) => {
      const now = performance.now();
      if (probe.input === null) {
        return;
      }
      if (probe.shown === null && changes.some((c) => c.target === list && c.addedNodes.length)) {
        probe.shown = now;
      }
      if (probe.settled === null && output.getAttribute("aria-busy") === "false") {
        probe.settled = now;
        probe.items = list.children.length;
        probe.links = Array.from(list.querySelectorAll("a"), (a) => a.href);
      }
    }).observe(output, { attributes: true, attributeFilter: ["aria-busy"], childList: true,
                         subtree: true });
  };
  document.addEventListener("DOMContentLoaded", watch);
})();
"""


class BenchError(Exception):
    """What stopped the measuring, as one line."""


# --- the queries, drawn from the built site ---------------------------------------------

class Query(NamedTuple):
    kind: str
    text: str
    source: str  # the site-relative URL of the page it was taken from ("" for --query)


def _pages(site: Path, section: str) -> list[tuple[str, str]]:
    """(site-relative URL, HTML) of the section's pages, in order of their URLs."""
    return [(f"{section}/{path.parent.name}/", path.read_text(encoding="utf-8"))
            for path in sorted((site / section).glob("*/index.html"))]


def _title(page: str) -> str:
    """The page's heading, as search shows it: its text without the permalink."""
    body = page[max(page.find("data-pagefind-body"), 0):]
    found = re.search(r"<h1[^>]*>(.*?)</h1>", body, re.S)
    if not found:
        return ""
    heading = re.sub(r'<a class="headerlink".*?</a>', "", found.group(1))
    return html.unescape(re.sub(r"<[^>]+>", "", heading)).strip()


def _text(page: str) -> str:
    """The indexed text of a page: its data-pagefind-body, tags dropped."""
    start = page.find("data-pagefind-body")
    end = page.find("data-pagefind-ignore", start)
    if start < 0:
        return ""
    return html.unescape(re.sub(r"<[^>]+>", " ", page[start:end if end > 0 else None]))


def _actor_queries(site: Path) -> list[Query]:
    """The first actor's name, and the first alias (of any actor) that shares no part of the
    name it stands for ("ISIL" for ISIS, not "Iraqi" for Iraq): the alias alone must find
    the page."""
    found: list[Query] = []
    for url, page in _pages(site, "actors"):
        name = _title(page)
        if name and not found:
            found.append(Query("actor name", name, url))
        row = re.search(r"<td>Also known as</td>\s*<td>(.*?)</td>", page, re.S)
        aliases = html.unescape(re.sub(r"<[^>]+>", "", row.group(1))).split(",") if row else []
        for alias in (alias.strip() for alias in aliases):
            if alias and not any(word in alias.lower() for word in name.lower().split()):
                return [*found, Query("alias", alias, url)]
    return found


def _article_queries(site: Path) -> list[Query]:
    """Four words from inside the first long quotation (as the browser tests take them: not
    its opening words), and the first "$N billion"-like figure (else the first money
    figure) of the article pages."""
    quotation = billion = anything = None
    money = re.compile(r"[$£€]\d+(?:[.,]\d+)*(?: (?:billion|million|trillion))?")
    for url, page in _pages(site, "articles"):
        text = _text(page)
        if quotation is None:
            words = max((found.split() for found in re.findall(r"“([^”“]+)”", text)),
                        key=len, default=[])
            if len(words) >= 9:
                fragment = " ".join(word.strip(",.;:!?") for word in words[4:8])
                quotation = Query("quotation", fragment, url)
        found = money.findall(text)
        if anything is None and found:
            anything = Query("figure", found[0], url)
        if billion is None:
            billion = next((Query("figure", f, url) for f in found if f.endswith("billion")),
                           None)
        if quotation and billion:
            break
    return [query for query in (quotation, billion or anything) if query]


def _topic_query(site: Path) -> list[Query]:
    """The first topic of two words (else the first topic)."""
    topics = [Query("topic", _title(page), url) for url, page in _pages(site, "topics")]
    topics = [topic for topic in topics if topic.text]
    return [next((t for t in topics if len(t.text.split()) == 2), topics[0])] if topics else []


def default_queries(site: Path) -> list[Query]:
    """The queries taken from the site's pages, in a fixed order."""
    return [*_actor_queries(site), *_article_queries(site), *_topic_query(site)]


# --- the local server, counting what it sends -------------------------------------------

@dataclass(frozen=True)
class Served:
    path: str
    status: int
    bytes: int  # header and body bytes written to the socket
    body: int  # the body's Content-Length


class _Counting:
    """The handler's output stream, counting the bytes written to it."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream
        self.written = 0

    def write(self, data: bytes) -> int:
        self.written += len(data)
        return self.stream.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


class _Handler(SimpleHTTPRequestHandler):
    """DIR under SUB_PATH; anything else is a 404 (a page asking outside the sub-path has a
    broken link). Every request is logged on the server with the bytes sent for it."""

    def setup(self) -> None:
        super().setup()
        self.wfile = _Counting(self.wfile)

    def send_head(self) -> Any:
        if not self.path.startswith(SUB_PATH):
            self.send_error(404)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        return super().translate_path("/" + path[len(SUB_PATH):])

    def parse_request(self) -> bool:
        # Counted from here: a connection Chromium opens ahead and never uses is no request.
        self.counted = super().parse_request()
        if self.counted:
            self.server.log.begin()
        return self.counted

    def send_response(self, code: int, message: str | None = None) -> None:
        self.status, self.body = code, 0
        super().send_response(code, message)

    def send_header(self, keyword: str, value: str) -> None:
        if keyword.lower() == "content-length":
            self.body = int(value)
        super().send_header(keyword, value)

    def handle_one_request(self) -> None:
        self.counted = False
        try:
            super().handle_one_request()
        finally:
            if self.counted:
                self.server.log.add(Served(self.path, getattr(self, "status", 0),
                                           self.wfile.written, getattr(self, "body", 0)))
                self.server.log.end()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - base signature
        pass


class ServerLog:
    """What the server answered, in order, and how many requests are in flight."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.served: list[Served] = []
        self.in_flight = 0
        self.last = time.monotonic()

    def begin(self) -> None:
        with self.lock:
            self.in_flight += 1
            self.last = time.monotonic()

    def end(self) -> None:
        with self.lock:
            self.in_flight -= 1
            self.last = time.monotonic()

    def add(self, served: Served) -> None:
        with self.lock:
            self.served.append(served)

    def mark(self) -> int:
        with self.lock:
            return len(self.served)

    def since(self, mark: int, timeout: float) -> list[Served]:
        """What was served from `mark` on, once nothing has been in flight for QUIET s."""
        limit = time.monotonic() + timeout
        while time.monotonic() < limit:
            with self.lock:
                if not self.in_flight and time.monotonic() - self.last >= QUIET:
                    return self.served[mark:]
            time.sleep(0.05)
        raise BenchError(f"requests still in flight after {timeout:.0f} s")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    log: ServerLog

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a request the browser dropped half-way (a page closed): nothing to report


@contextmanager
def serve(site: Path) -> Iterator[tuple[str, ServerLog]]:
    """`site` on 127.0.0.1, a free port, under SUB_PATH; yields its URL and its log. The
    server is shut down however the block ends."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    server.log = ServerLog()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SUB_PATH}", server.log
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --- one query in the browser ------------------------------------------------------------

@dataclass
class Measure:
    ms: float  # last keystroke → first result inserted (→ answered, if no result)
    results: int  # items listed first (search.js lists ten at a time)
    found: bool | None  # the page the query was taken from is among them (None: --query)
    bytes: int
    body_bytes: int
    requests: int
    failed: list[str] = field(default_factory=list)  # served with a status ≥ 400


def _type_and_time(page: Any, query: str, timeout: float) -> tuple[float, dict]:
    page.locator(BOX).press_sequentially(query)
    try:
        page.wait_for_function("() => window.__benchSearch.settled !== null",
                               timeout=timeout * 1000)
    except Exception as error:  # Playwright's TimeoutError, or the page went away
        raise BenchError(f"no answer within {timeout:.0f} s (the result list never settled"
                         f" after the last keystroke): {str(error).splitlines()[0]}") from None
    probe = page.evaluate("() => window.__benchSearch")
    end = probe["shown"] if probe["items"] and probe["shown"] is not None else probe["settled"]
    return end - probe["input"], probe


def _measure(page: Any, log: ServerLog, mark: int, base: str, query: Query,
             timeout: float) -> Measure:
    ms, probe = _type_and_time(page, query.text, timeout)
    served = log.since(mark, timeout)
    found = (base + query.source) in probe["links"] if query.source else None
    return Measure(round(ms, 1), probe["items"], found, sum(s.bytes for s in served),
                   sum(s.body for s in served), len(served),
                   [f"{s.status} {s.path}" for s in served if s.status >= 400])


def _clear(page: Any, timeout: float) -> None:
    """Empty the box and wait until the list says so, so the next query starts clean."""
    page.locator(BOX).fill("")
    page.wait_for_function(
        f"() => document.querySelector('{RESULTS}').getAttribute('aria-busy') === 'false'",
        timeout=timeout * 1000)


def _open_search(page: Any) -> None:
    """As a user opens it (tests/support/search.py): the magnifier on a narrow screen, the
    box itself on a wide one."""
    label = page.locator('label.md-header__button[for="__search"]')
    (label if label.is_visible() else page.locator(BOX)).click()


def cold_then_warm(browser: Any, base: str, log: ServerLog, viewport: dict, cold: Query,
                   warm: Query, timeout: float, outside: list[str]) -> tuple[Measure, Measure]:
    """A fresh context and page: `cold` typed as soon as search opens, then `warm`."""
    context = browser.new_context(viewport=viewport, service_workers="block")
    origin = base[:-len(SUB_PATH)] + "/"

    def route(route_: Any, request: Any) -> None:
        if request.url.startswith(origin):
            route_.continue_()
        else:
            route_.abort()

    def record(request: Any) -> None:
        if not (request.url.startswith(origin) or request.url.startswith(("data:", "blob:"))):
            outside.append(request.url)

    try:
        context.set_default_timeout(timeout * 1000)
        context.on("request", record)
        context.route("**/*", route)
        context.add_init_script(PROBE)
        page = context.new_page()
        page.goto(base, wait_until="networkidle")
        log.since(log.mark(), timeout)  # the page's own late requests are not the query's
        mark = log.mark()
        _open_search(page)
        first = _measure(page, log, mark, base, cold, timeout)
        _clear(page, timeout)
        log.since(log.mark(), timeout)
        second = _measure(page, log, log.mark(), base, warm, timeout)
        return first, second
    finally:
        context.close()


# --- the whole run -----------------------------------------------------------------------

def index_size(site: Path) -> dict[str, Any]:
    files = [path for path in (site / "pagefind").rglob("*") if path.is_file()]
    return {"bytes": sum(path.stat().st_size for path in files), "files": len(files)}


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 1)


def run(site: Path, queries: list[Query], repeat: int, timeout: float,
        ranked_actors: int = 0) -> dict[str, Any]:
    """Every query at every width, cold and warm, --repeat times; medians per query; then
    the ranking of `ranked_actors` actors' names."""
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        raise BenchError(f"playwright is not installed ({error})") from None
    outside: list[str] = []
    errors: list[str] = []
    rows = [{**query._asdict(), "cold": {}, "warm": {}} for query in queries]
    with serve(site) as (base, log), sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=["--no-sandbox"])
        except PlaywrightError as error:
            raise BenchError(f"{CHROMIUM}: Chromium did not start"
                             f" ({str(error).splitlines()[0]})") from None
        try:
            failures = 0  # measurements in a row that failed
            for width, at in [(width, at) for width in WIDTHS for at in range(len(rows))]:
                if failures == GIVE_UP:
                    errors.append(f"gave up: {GIVE_UP} queries in a row failed")
                    break
                row = rows[at]
                # The warm query is the next one: its chunks are not loaded yet, only
                # Pagefind's code and the index's entry. One query alone is typed twice.
                following = (at + 1) % len(rows)
                after = rows[following]
                runs: list[tuple[Measure, Measure]] = []
                for _ in range(repeat):
                    try:
                        runs.append(cold_then_warm(browser, base, log, WIDTHS[width],
                                                   queries[at], queries[following],
                                                   timeout, outside))
                    except (BenchError, PlaywrightError) as error:
                        errors.append(f"{row['text']!r} then {after['text']!r} at"
                                      f" {width}: {str(error).splitlines()[0]}")
                        break
                if len(runs) == repeat:
                    row["cold"][width] = _summary([cold for cold, _ in runs])
                    after["warm"][width] = _summary([warm for _, warm in runs])
                failures = 0 if len(runs) == repeat else failures + 1
                print(f"  {width} {row['kind']}: {'done' if not failures else 'failed'}",
                      file=sys.stderr, flush=True)
            ranked = ranking(browser, base, site, ranked_actors) if ranked_actors else None
        finally:
            browser.close()
    return {"site": str(site), "served_at": base, "index": index_size(site), "repeat": repeat,
            "queries": rows, "ranking": ranked, "outside_requests": sorted(set(outside)),
            "errors": errors}


RANKING_JS = """async ([names, shown]) => {
  // As search.js loads the index: the first part, then the others merged in.
  const folder = new URL("pagefind/", location.href).href;
  const pagefind = await import(folder + "pagefind.js");
  const options = { baseUrl: "/", ranking: { pageLength: 0.3 } };
  await pagefind.options(options);
  await pagefind.init();
  const parts = await (await fetch(folder + "parts.json")).json();
  await Promise.all(parts.map((part) => pagefind.mergeIndex(folder + part, options)));
  const answers = [];
  for (const name of names) {
    const found = await pagefind.search(name);
    const pages = await Promise.all(found.results.slice(0, shown).map((r) => r.data()));
    answers.push(pages.map((p) => [p.url, (p.filters.kind || [""])[0], p.meta.title || ""]));
  }
  return answers;
}"""


def ranking(browser: Any, base: str, site: Path, count: int, shown: int = 30,
            ) -> dict[str, Any]:
    """Where `count` actors' names (drawn at random, seed 1) put the actor's page and the
    briefings its page lists, among the first `shown` results (Pagefind's own order, as the
    search box lists them): the issue asks that they rank above passing mentions, sources
    that do not carry the name in their title."""
    actors = []
    for url, page in _pages(site, "actors"):
        briefings = set(re.findall(r'href="\.\./\.\./(briefings/[^"/]+/)"', page))
        if _title(page) and briefings:
            actors.append((url, _title(page), briefings))
    drawn = random.Random(1).sample(actors, min(count, len(actors)))
    page = browser.new_page()
    try:
        page.goto(base)
        answers = page.evaluate(RANKING_JS, [[name for _, name, _ in drawn], shown])
    finally:
        page.close()
    first = above_best = above_any = 0
    for (url, name, briefings), listed in zip(drawn, answers, strict=True):
        urls = [result_url.strip("/") + "/" for result_url, _, _ in listed]
        first += bool(urls) and urls[0] == url
        ranks = [at for at, found in enumerate(urls) if found in briefings]
        passing = [at for at, (_, kind, title) in enumerate(listed)
                   if kind == "Source" and name.lower() not in title.lower()]
        above_best += bool(ranks and passing) and min(passing) < min(ranks)
        above_any += bool(ranks and passing) and min(passing) < max(ranks)
    return {"actors": len(drawn), "shown": shown, "actor_page_first": first,
            "passing_source_above_best_briefing": above_best,
            "passing_source_above_a_listed_briefing": above_any}


def _summary(measures: list[Measure]) -> dict[str, Any]:
    return {"ms": _median([m.ms for m in measures]), "runs_ms": [m.ms for m in measures],
            "results": measures[0].results, "found": measures[0].found,
            "bytes": int(statistics.median([m.bytes for m in measures])),
            "body_bytes": int(statistics.median([m.body_bytes for m in measures])),
            "requests": int(statistics.median([m.requests for m in measures])),
            "failed": sorted({f for m in measures for f in m.failed})}


def _note(row: dict) -> str:
    """What is wrong with a query's answer, at any width, cold or warm."""
    answers = [summary for key in ("cold", "warm") for summary in row[key].values()]
    if any(not summary["results"] for summary in answers):
        return " (no result)"
    if any(summary["found"] is False for summary in answers):
        return f" ({row['source']} not among the first listed)"
    return ""


def table(figures: dict[str, Any]) -> str:
    """The Markdown table: one row a query, then the median and the maximum over queries."""
    first = next(iter(WIDTHS))

    def cell(row: dict, key: str, width: str, field_: str) -> float | None:
        return row[key].get(width, {}).get(field_)

    columns = [("cold", first, "ms"), ("cold", "375 px", "ms"), ("warm", first, "ms"),
               ("cold", first, "bytes"), ("warm", first, "bytes"),
               ("cold", first, "requests"), ("warm", first, "requests")]
    lines = ["| query kind | query | 1280 px cold ms | 375 px cold ms | warm ms (1280 px)"
             " | KB transferred cold / warm | requests cold / warm |",
             "| --- | --- | --: | --: | --: | --: | --: |"]

    def show(values: list[float | None]) -> list[str]:
        text = [("–" if value is None else f"{value / KB:,.0f}" if spec[2] == "bytes"
                 else f"{value:,.0f}") for value, spec in zip(values, columns, strict=True)]
        return [*text[:3], f"{text[3]} / {text[4]}", f"{text[5]} / {text[6]}"]

    rows = figures["queries"]
    for row in rows:
        values = [cell(row, *spec) for spec in columns]
        query = row["text"].replace("|", "\\|")
        lines.append(f"| {row['kind']}{_note(row)} | {query} | " + " | ".join(show(values))
                     + " |")
    for label, pick in (("median", statistics.median), ("max", max)):
        values = []
        for spec in columns:
            found = [value for row in rows if (value := cell(row, *spec)) is not None]
            values.append(pick(found) if found else None)
        lines.append(f"| **{label}** | | " + " | ".join(show(values)) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True, help="a built site folder")
    parser.add_argument("--query", action="append", default=[],
                        help="a query to measure as well (repeatable)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=30.0,
                        help="seconds any one wait may take")
    parser.add_argument("--out", type=Path, help="default: search-results.json beside --site")
    parser.add_argument("--ranking", type=int, default=40, metavar="N",
                        help="actors whose names' ranking is checked (0: none)")
    args = parser.parse_args()
    site = args.site.resolve()
    for needed in ("index.html", "pagefind/pagefind.js"):
        if not (site / needed).is_file():
            print(f"{site / needed}:1:1: missing (--site must be a site built with the"
                  " briefings plugin, which writes the Pagefind index)", file=sys.stderr)
            return 1
    queries = default_queries(site) + [Query("custom", query, "") for query in args.query]
    if not queries:
        print(f"{site}:1:1: no query found in the site's pages (give --query)", file=sys.stderr)
        return 1
    print(f"{len(queries)} queries at {', '.join(WIDTHS)}, {args.repeat} runs each",
          file=sys.stderr)
    try:
        figures = run(site, queries, max(args.repeat, 1), args.timeout, args.ranking)
    except BenchError as error:
        print(f"{site}:1:1: {error}", file=sys.stderr)
        return 1
    index = figures["index"]
    print(f"index: {index['bytes'] / KB / KB:.2f} MB in {index['files']:,} files"
          f" ({site / 'pagefind'})")
    print(f"requests outside {figures['served_at']}: {len(figures['outside_requests'])}")
    for url in figures["outside_requests"]:
        print(f"  {url}")
    failed = sorted({f for row in figures["queries"] for key in ("cold", "warm")
                     for summary in row[key].values() for f in summary["failed"]})
    for line in failed:
        print(f"failed request: {line}")
    if ranked := figures["ranking"]:
        print(f"ranking, {ranked['actors']} actors' names, first {ranked['shown']} results:"
              f" the actor's page first {ranked['actor_page_first']} times; a source that only"
              f" mentions the actor above the best of its briefings"
              f" {ranked['passing_source_above_best_briefing']} times, above any of them"
              f" {ranked['passing_source_above_a_listed_briefing']} times")
    print()
    print(table(figures))
    out = args.out or site.parent / "search-results.json"
    out.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nfigures: {out}")
    for error in figures["errors"]:
        print(f"{site}:1:1: {error}", file=sys.stderr)
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
