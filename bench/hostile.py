"""How long hostile shapes take: one article of each shape, just under the 2 MB file limit.

Each shape is written as the only extra article beside the shipped content, in a fresh copy
of the project, then timed through `briefings check` and a real `mkdocs build --strict`.
Measured, not asserted (issue 8: no input under the size limits may cost more than a few
seconds anywhere). Usage: .venv/bin/python bench/hostile.py [--out bench/out/hostile]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 2 * 1024 * 1024 - 4096  # bytes, under the loader's limit with the front matter

# Each unit repeated until the article reaches LIMIT bytes.
SHAPES = {
    "open brackets": "[",
    "links never closed": "[a](",
    "images never closed": "![x](",
    "reference starts": "[x][",
    "nested brackets": "[[[[[[[[a]]]]]]]] ",
    "emphasis": "*a* ",
    "escapes": "\\[",
    "ampersands": "& ",
    "angle brackets": "<b ",
    "attribute lists": "x{: onclick=alert(1) }\n",
    "backticks": "`a ",
    "straight quotes": '"',
    "curly quotes": "“a ” ",
    "said quotations": '"x," said Russia. ',
    "actor names": "Russia Iraq Iran Syria ",
    "money and counts": "$1.6 billion and 40,000 troops in 2014. ",
    "abbreviations": "U.S. ",
    "headings": "## Russia\n\n",
    "one-word paragraphs": "x\n\n",
    "one-word lines": "x\n",
    "list items": "- Russia said\n",
    "table rows": "| a | b |\n|---|---|\n",
    "blockquote nesting": ">",
    "definitions": ": x\n",
    "admonitions": "!!! note\n",
    "one long paragraph of prose": "Russia said the talks would resume. ",
}


def article(unit: str) -> str:
    count = LIMIT // len(unit.encode("utf-8"))
    return "---\ntitle: Hostile shape\n---\n" + unit * count + "\n"


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=900)
    return time.perf_counter() - start, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "hostile")
    parser.add_argument("--only", default="", help="shapes whose name holds this text")
    args = parser.parse_args()
    binaries = Path(sys.executable).parent
    print("| shape | article | `briefings check` | `mkdocs build --strict` |")
    print("| --- | --: | --: | --: |")
    for name, unit in SHAPES.items():
        if args.only not in name:
            continue
        project = args.out / "project"
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir(parents=True)
        for part in ("mkdocs.yml", "site_config", "content"):
            source = ROOT / part
            if source.is_dir():
                shutil.copytree(source, project / part)
            else:
                shutil.copy2(source, project / part)
        text = article(unit)
        (project / "content" / "articles" / "hostile-shape.md").write_text(text, "utf-8")
        check, check_rc = timed([str(binaries / "briefings"), "check"], project)
        build, build_rc = timed([str(binaries / "mkdocs"), "build", "--strict"], project)
        print(f"| {name} | {len(text.encode()) / 1e6:.2f} MB | {check:.1f} s (exit {check_rc})"
              f" | {build:.1f} s (exit {build_rc}) |", flush=True)


if __name__ == "__main__":
    main()
