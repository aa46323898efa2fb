"""The benchmark: make a synthetic corpus, time every generator stage, then a real MkDocs build.

    python bench/run.py [--articles 1000 --actors 200 --briefings 100 --aliases 3000]
                        [--seed 1] [--repeat 1] [--long-kb 300] [--skip-mkdocs]
                        [--mkdocs-timeout 900] [--out bench/out]

Writes the corpus to OUT/content (by running make_corpus.py), calls the stages the way
`generator.pipeline.generate` does (load → select → analyse → render; best of --repeat) plus
the write stage, times mention finding on its own and analyse on one long article, then builds
the site with `mkdocs build` in a subprocess (OUT gets copies of mkdocs.yml,
site_config/, so the plugin reads OUT/content). Prints one table and saves the same
figures to OUT/results.json. This file owns the measuring; the corpus is make_corpus.py's.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

import generator
from generator.analyse import analyse
from generator.analyse.mentions import MentionFinder
from generator.load import load_corpus
from generator.model import Corpus
from generator.render import Page, render_site
from generator.select import PUBLIC, select
from generator.write import write_pages

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
T = TypeVar("T")


@dataclass
class Results:
    """Figures in the order they are printed: (label, value as text)."""

    rows: list[tuple[str, str]] = field(default_factory=list)
    raw: dict[str, Any] = field(default_factory=dict)

    def add(self, label: str, text: str, key: str, value: Any) -> None:
        self.rows.append((label, text))
        self.raw[key] = value


def timed(run: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    value = run()
    return value, time.perf_counter() - start


def max_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(who).ru_maxrss / 1024


def make_corpus(args: argparse.Namespace, results: Results) -> Path:
    """Run make_corpus.py in a child process so its memory does not count as ours."""
    command = [sys.executable, str(ROOT / "bench" / "make_corpus.py"),
               "--articles", str(args.articles), "--actors", str(args.actors),
               "--briefings", str(args.briefings), "--aliases", str(args.aliases),
               "--seed", str(args.seed), "--out", str(args.out)]
    done, seconds = timed(lambda: subprocess.run(command, check=True, capture_output=True,
                                                 text=True))
    results.add("corpus", done.stdout.strip().split(": ", 1)[-1], "corpus", done.stdout.strip())
    results.add("make corpus", f"{seconds:.2f} s", "make_corpus_s", seconds)
    return args.out / "content"


def run_stages(content: Path) -> tuple[Corpus, tuple[Page, ...], dict[str, float]]:
    """One pass of load → select → analyse → render; the selected corpus, pages and times."""
    corpus, load_s = timed(lambda: load_corpus(content))
    selected, select_s = timed(lambda: select(corpus, PUBLIC))
    analysis, analyse_s = timed(lambda: analyse(selected))
    pages, render_s = timed(lambda: render_site(selected, analysis))
    return selected, pages, {
        "load": load_s, "select": select_s, "analyse": analyse_s, "render": render_s}


def bench_stages(content: Path, out: Path, repeat: int, long_kb: int, results: Results) -> None:
    """Time the stages as pipeline.generate chains them (best of `repeat`), then write."""
    results.add("RSS before stages", f"{max_rss_mb():.0f} MB", "rss_before_mb", max_rss_mb())
    best: dict[str, float] = {}
    for _ in range(repeat - 1):  # each result dropped at once: peak memory stays one pass's
        best = _fastest(best, run_stages(content)[2])
    selected, pages, times = run_stages(content)
    best = _fastest(best, times)
    suffix = f" (best of {repeat})" if repeat > 1 else ""
    for name, seconds in best.items():
        results.add(f"stage {name}", f"{seconds:.2f} s{suffix}", f"{name}_s", seconds)
    total = sum(best.values())
    results.add("stages total", f"{total:.2f} s", "stages_s", total)
    results.add("selected", f"{len(selected.articles)} articles, {len(selected.briefings)} "
                f"briefings, {len(selected.actors)} actors", "selected",
                [len(selected.articles), len(selected.briefings), len(selected.actors)])
    report_pages(pages, results)
    bench_mentions(selected, best["analyse"], results)
    if long_kb:
        bench_long_article(selected, long_kb, results)
    _, write_s = timed(lambda: write_pages(pages, out / "docs"))
    _, rewrite_s = timed(lambda: write_pages(pages, out / "docs"))
    results.add("write (first / unchanged)", f"{write_s:.2f} s / {rewrite_s:.2f} s",
                "write_s", [write_s, rewrite_s])
    results.add("peak RSS (stages)", f"{max_rss_mb():.0f} MB", "rss_peak_mb", max_rss_mb())


def _fastest(best: dict[str, float], times: dict[str, float]) -> dict[str, float]:
    return {name: min(seconds, best.get(name, seconds)) for name, seconds in times.items()}


def report_pages(pages: tuple[Page, ...], results: Results) -> None:
    sizes = {page.path: len(page.data) for page in pages}
    size = sum(sizes.values())
    largest = max(sizes, key=sizes.get)
    results.add("pages generated", str(len(pages)), "pages", len(pages))
    results.add("Markdown total", f"{size / MB:.1f} MB", "markdown_mb", size / MB)
    results.add("Markdown page, average / largest",
                f"{size / len(pages) / 1024:.1f} KB / {sizes[largest] / 1024:.0f} KB"
                f" ({largest})", "markdown_page_kb",
                {"average": size / len(pages) / 1024, "largest": sizes[largest] / 1024})


def bench_mentions(corpus: Corpus, analyse_s: float, results: Results) -> None:
    """Mention finding alone: compiling the pattern, then scanning every article."""
    text_mb = sum(len(article.text.encode("utf-8")) for article in corpus.articles) / MB
    forms = sum(1 + len(a.aliases) + len(a.weak_aliases) + len(a.demonyms) for a in corpus.actors)
    finder, compile_s = timed(lambda: MentionFinder(corpus.actors))
    found, scan_s = timed(lambda: sum(len(finder.find(a.text)) for a in corpus.articles))
    results.add("article text", f"{text_mb:.1f} MB, {forms} names/aliases", "text_mb", text_mb)
    results.add("analyse throughput", f"{text_mb / analyse_s:.2f} MB/s", "analyse_mb_s",
                text_mb / analyse_s)
    results.add("mention pattern compile", f"{compile_s:.2f} s", "compile_s", compile_s)
    results.add("mention scan", f"{scan_s:.2f} s = {text_mb / scan_s:.2f} MB/s, {found:,} "
                "mentions", "scan_mb_s", text_mb / scan_s)


def bench_long_article(corpus: Corpus, size_kb: int, results: Results) -> None:
    """Analyse one article made of many: a stage that is linear keeps its MB/s here.

    The time includes compiling the mention pattern once (a few hundredths of a second).
    """
    pieces, size = [], 0
    for article in corpus.articles:
        if size >= size_kb * 1024:
            break
        pieces.append(article.text)
        size += len(article.text.encode("utf-8"))
    if not pieces:
        return
    long = dataclasses.replace(corpus.articles[0], text="\n\n".join(pieces))
    one = dataclasses.replace(corpus, articles=(long,), briefings=())
    _, seconds = timed(lambda: analyse(one))
    results.add(f"analyse, one {size / 1024:.0f} KB article",
                f"{seconds:.2f} s = {size / MB / seconds:.2f} MB/s", "long_article",
                {"kb": size / 1024, "seconds": seconds})


def prepare_site(out: Path) -> None:
    """Put mkdocs.yml and site_config/ beside OUT/content, as in the repository (the plugin
    comes from the environment)."""
    shutil.copy2(ROOT / "mkdocs.yml", out / "mkdocs.yml")
    shutil.copytree(ROOT / "site_config", out / "site_config", dirs_exist_ok=True)


def mkdocs_command(out: Path) -> list[str]:
    """MkDocs from the environment running this script (the project's .venv under make)."""
    beside = Path(sys.executable).parent / "mkdocs"
    mkdocs = str(beside) if beside.exists() else shutil.which("mkdocs") or "mkdocs"
    return [mkdocs, "build", "-f", str(out / "mkdocs.yml"), "-d", str(out / "site")]


def bench_mkdocs(out: Path, timeout: float, results: Results) -> None:
    """A real `mkdocs build`, measured by /usr/bin/time -v when there is one."""
    prepare_site(out)
    gnu_time = Path("/usr/bin/time")
    time_file = out / "mkdocs-time.txt"
    command = mkdocs_command(out)
    if gnu_time.exists():
        command = [str(gnu_time), "-v", "-o", str(time_file), *command]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    children_before = max_rss_mb(resource.RUSAGE_CHILDREN)
    try:
        done, seconds = timed(lambda: subprocess.run(
            command, cwd=out, env=env, capture_output=True, text=True, timeout=timeout))
    except subprocess.TimeoutExpired:
        results.add("mkdocs build", f"did not finish in {timeout:.0f} s", "mkdocs_s", None)
        return
    (out / "mkdocs-build.log").write_text(done.stdout + done.stderr, encoding="utf-8")
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        results.add("mkdocs build", f"FAILED ({done.returncode}): {' | '.join(tail)}",
                    "mkdocs_s", None)
        return
    measured = _gnu_time(time_file) if time_file.exists() else {}
    rss = measured.get("rss_mb")
    if rss is None:
        after = max_rss_mb(resource.RUSAGE_CHILDREN)
        rss = after if after > children_before else None
    warnings = sum("WARNING" in line for line in (done.stdout + done.stderr).splitlines())
    cpu = measured.get("cpu_s")
    cpu_text = f" ({cpu:.1f} s CPU)" if cpu is not None else ""
    results.add("mkdocs build", f"{seconds:.1f} s{cpu_text}, {warnings} warnings", "mkdocs_s",
                seconds)
    results.raw["mkdocs_cpu_s"] = cpu
    results.add("mkdocs peak RSS", f"{rss:.0f} MB" if rss else "unknown", "mkdocs_rss_mb", rss)
    stages = results.raw.get("stages_s")
    if cpu and stages:
        # The issue's "generator's share", approximately: the stages' wall time as timed here
        # in one process (the build runs them once, forked in part, so their CPU there is a
        # little more) against the whole build's CPU, both processes'.
        results.add("generator's share of the build's CPU (≈)", f"{stages / cpu:.0%}",
                    "generator_share", stages / cpu)
    report_site(out / "site", results)


def _gnu_time(path: Path) -> dict[str, float]:
    """Peak memory (MB) and CPU time (user + system, s) from `/usr/bin/time -v` output."""
    fields = {}
    for line in path.read_text().splitlines():
        label, _, value = line.strip().rpartition(": ")
        fields[label] = value
    measured = {}
    if "Maximum resident set size (kbytes)" in fields:
        measured["rss_mb"] = int(fields["Maximum resident set size (kbytes)"]) / 1024
    if "User time (seconds)" in fields and "System time (seconds)" in fields:
        measured["cpu_s"] = (float(fields["User time (seconds)"])
                             + float(fields["System time (seconds)"]))
    return measured


def report_site(site: Path, results: Results) -> None:
    files = [path for path in site.rglob("*") if path.is_file()]
    total = sum(path.stat().st_size for path in files)
    html = sum(1 for path in files if path.suffix == ".html")
    index = [path for path in files if path.parts[len(site.parts)] == "pagefind"]
    if index:
        # The browser fetches pieces of it per query (bench/search.py measures how much).
        size = sum(path.stat().st_size for path in index)
        results.add("search index (pagefind/)", f"{size / MB:.1f} MB, {len(index)} files",
                    "search_mb", size / MB)
    results.add("site total", f"{total / MB:.1f} MB, {len(files)} files ({html} HTML)",
                "site_mb", total / MB)
    pages = [path for path in files if path.suffix == ".html"]
    if pages:
        largest = max(pages, key=lambda path: path.stat().st_size)
        results.add("largest HTML page",
                    f"{largest.stat().st_size / 1024:.0f} KB ({largest.relative_to(site)})",
                    "largest_html_kb", largest.stat().st_size / 1024)


def generator_version() -> str:
    """The commit of the generator measured, flagged when it has uncommitted changes."""
    package = Path(generator.__file__).resolve().parent

    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=package, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return f"{package} (not a git checkout)"
    dirty = git("status", "--porcelain", "--", ".")
    return f"{commit} + uncommitted changes in generator/" if dirty else commit


def reference_seconds() -> float:
    """A fixed piece of pure Python (ten million additions), best of three: how fast this
    machine ran Python at the end of the run. Machines handed out as "the same" differed by
    a factor of two and drifted within minutes; this loop shows part of that, not all of it
    (the stages depend more on memory speed), so commits are compared side by side."""
    def once() -> float:
        start = time.perf_counter()
        total = 0
        for number in range(10_000_000):
            total += number
        return time.perf_counter() - start
    return min(once() for _ in range(3))


def machine(results: Results, load_before: float, version: str) -> None:
    """Where the figures come from; the load average says whether the machine was shared,
    the reference loop how fast it is."""
    reference = reference_seconds()
    load = (f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after;"
            f" reference loop {reference:.2f} s")
    versions = ", ".join(f"{name} {metadata.version(name)}"
                         for name in ("mkdocs", "mkdocs-material", "PyYAML", "Jinja2"))
    results.raw["machine"] = {
        "date": dt.date.today().isoformat(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "versions": versions,
        "load": load,
        "reference_loop_s": reference,
        "generator": version,
    }
    results.rows.insert(0, ("machine", f"{os.cpu_count()} CPUs, Python "
                                       f"{platform.python_version()}, {versions}; {load}"))
    results.rows.insert(1, ("generator", results.raw["machine"]["generator"]))


def print_table(results: Results) -> None:
    width = max(len(label) for label, _ in results.rows)
    for label, text in results.rows:
        print(f"{label:<{width}}  {text}")


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--actors", type=int, default=200)
    parser.add_argument("--briefings", type=int, default=100)
    parser.add_argument("--aliases", type=int, default=3000,
                        help="total aliases after padding (loads the mention finder)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the stages this many times and report the best")
    parser.add_argument("--long-kb", type=int, default=300,
                        help="also analyse one article this long (0: skip), to expose stages "
                             "whose cost grows faster than the text")
    parser.add_argument("--skip-mkdocs", action="store_true")
    parser.add_argument("--mkdocs-timeout", type=float, default=900,
                        help="seconds before the MkDocs build is abandoned")
    args = parser.parse_args(argv)
    args.out = args.out.resolve()
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    version = generator_version()  # now: the code was imported moments ago
    results = Results()
    content = make_corpus(args, results)
    load_before = os.getloadavg()[0]
    bench_stages(content, args.out, args.repeat, args.long_kb, results)
    if not args.skip_mkdocs:
        bench_mkdocs(args.out, args.mkdocs_timeout, results)
    machine(results, load_before, version)
    print_table(results)
    (args.out / "results.json").write_text(json.dumps(results.raw, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
