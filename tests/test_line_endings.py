"""Line endings are normalised on read: a corpus saved with CR LF (Windows) or lone CR (old
Mac) gives byte for byte the pages of the same corpus saved with LF."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.pipeline import generate

ROOT = Path(__file__).resolve().parent.parent

# A quotation that runs over two paragraphs (English style: the second reopens with a mark);
# with CR LF left in, the blank line between them was not seen and the two were joined.
ARTICLE = """---
title: Clapper on sharing
published: 2015-10-02
tlp: CLEAR
---
James Clapper said, “Iraq has not asked us for anything yet.

“We will watch what Russia does with it.”

Russia said nothing.
"""


def corpus(root: Path, newline: str) -> Path:
    content = root / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "articles/clapper-on-sharing.md").write_text(ARTICLE, encoding="utf-8")
    for path in content.rglob("*"):
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return content


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_pages_are_identical_whatever_the_line_endings(tmp_path, newline):
    plain = generate(corpus(tmp_path / "lf", "\n"))
    other = generate(corpus(tmp_path / "other", newline))
    assert b"\r" in (tmp_path / "other/content/articles/clapper-on-sharing.md").read_bytes()
    assert [(page.path, page.text) for page in other] == [(page.path, page.text) for page in plain]
    speaker = next(page.text for page in other if page.path == "actors/james-clapper.md")
    # The quotation is found whole and attributed, its two paragraphs kept apart.
    assert "> Iraq has not asked us for anything yet.\n>\n> We will watch what Russia" in speaker
