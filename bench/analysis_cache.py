"""Time the analyse stage with the analysis cache: cold, warm, and after one edit of each kind.

    python bench/analysis_cache.py --content bench/out/content [--repeat 3]

works on a copy of the corpus (made by make_corpus.py) and edits that copy. Each edit is made
`--repeat` times (to a different article, briefing or actor each time); the median is shown
with how many articles the cache analysed again. Loading is timed apart: it is not analysis.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.analyse import AnalysisCache, analyse  # noqa: E402
from generator.load import load_corpus  # noqa: E402
from generator.model import Corpus  # noqa: E402
from generator.select import PUBLIC, select  # noqa: E402


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def append_line(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as file:
        file.write(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="analysis-cache-"))
    try:
        content = work / "content"
        shutil.copytree(args.content, content)
        run(content, args.repeat)
    finally:
        shutil.rmtree(work)


def run(content: Path, repeat: int) -> None:
    def corpus() -> Corpus:
        return select(load_corpus(content), PUBLIC)

    start = time.perf_counter()
    loaded = corpus()
    print(f"load + select                {time.perf_counter() - start:.2f} s  "
          f"({len(loaded.articles)} articles, {len(loaded.actors)} actors)")
    print(f"analyse, no cache            {timed(lambda: analyse(loaded)):.2f} s")
    cache = AnalysisCache()
    print(f"analyse, cold cache          {timed(lambda: analyse(loaded, cache)):.2f} s  "
          f"({cache.computed} analysed)")
    warm = [timed(lambda: analyse(loaded, cache)) for _ in range(repeat)]
    print(f"analyse, warm cache          {statistics.median(warm):.3f} s  "
          f"({cache.computed} analysed in all)")

    articles = sorted((content / "articles").glob("*.md"))
    briefings = sorted((content / "briefings").glob("*.yml"))
    actors = sorted((content / "actors").glob("*.yml"))
    edits = {
        # A new paragraph naming nobody new: the article's text, and nothing else, changes.
        "one article's text": lambda i: append_line(articles[i], f"\nEdit number {i}.\n"),
        "one briefing's BLUF": lambda i: prefix_bluf(briefings[i], f"Edit {i}."),
        "one actor's aliases": lambda i: add_alias(actors[i], f"Edited Alias {i}"),
    }
    for label, make_edit in edits.items():
        times, counts = [], []
        for i in range(repeat):
            make_edit(i)
            edited = corpus()
            before = cache.computed
            times.append(timed(lambda: analyse(edited, cache)))  # noqa: B023 (run at once)
            counts.append(cache.computed - before)
        print(f"analyse after {label:20} {statistics.median(times):.3f} s  "
              f"(articles analysed again: {counts})")


def prefix_bluf(path: Path, words: str) -> None:
    """Start the briefing's BLUF (a plain scalar, as make_corpus writes it) with `words`."""
    text = path.read_text(encoding="utf-8")
    assert "\nbluf: " in text, f"{path}: no plain BLUF"
    path.write_text(text.replace("\nbluf: ", f"\nbluf: {words} ", 1), encoding="utf-8")


def add_alias(path: Path, alias: str) -> None:
    """Put `alias` first in the actor's block list of aliases (make_corpus writes that form)."""
    text = path.read_text(encoding="utf-8")
    assert "\naliases:\n" in text, f"{path}: no block list of aliases"
    path.write_text(text.replace("\naliases:\n", f"\naliases:\n- {alias}\n", 1),
                    encoding="utf-8")


if __name__ == "__main__":
    main()
