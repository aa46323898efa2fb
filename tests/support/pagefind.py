"""Read a built site's Pagefind index from Python: every file decompressed, every page's record.

Pagefind writes gzip files that start, once unpacked, with the signature `pagefind_dcd`:
fragments are JSON (one page each: its URL, indexed text, metadata, filters), the other
files CBOR, whose strings (words, filter values) are plain UTF-8 bytes. A large site's index
is in parts (generator/site_search.py): `pagefind/` and the folders its `parts.json` lists;
what is read here is read over all of them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.search_order import read, unpack


def index_files(site: Path) -> dict[str, bytes]:
    """Every file of the index by its path in the site, gzip files unpacked."""
    files = {}
    for path in sorted((site / "pagefind").rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        files[path.relative_to(site).as_posix()] = unpack(path) if data[:2] == b"\x1f\x8b" \
            else data
    assert files, f"no search index under {site}"
    return files


def is_fragment(name: str) -> bool:
    """Whether the index file at `name` (a path in the site) is a page's record."""
    return re.match(r"pagefind/(part-\d+/)?fragment/", name) is not None


def records(site: Path) -> dict[str, dict]:
    """Each indexed page's record (url, content, meta, filters) by its URL."""
    found = {}
    for name, data in index_files(site).items():
        if is_fragment(name):
            record = json.loads(data)
            found[record["url"]] = record
    return found


def parts(site: Path) -> list[Path]:
    """The folders of the index's parts, the one pagefind.js loads first."""
    folder = site / "pagefind"
    listed = json.loads((folder / "parts.json").read_text(encoding="utf-8"))
    return [folder, *(folder / name for name in listed)]


def word_pages(site: Path) -> dict[str, list[str]]:
    """Each indexed word and the URLs of the pages the index says hold it."""
    words: dict[str, list[str]] = {}
    for folder in parts(site):
        meta = _meta(folder)
        urls = [_fragment_url(folder, page[0]) for page in meta[1]]
        for chunk in meta[2]:
            for word in read(folder / "index" / f"{chunk[2]}.pf_index")[0]:
                page = 0
                for posting in word[1]:  # each page by its distance from the one before
                    page += posting[0]
                    words.setdefault(word[0], []).append(urls[page])
    return words


def filter_pages(site: Path) -> dict[tuple[str, str], list[str]]:
    """Each (filter, value) and the URLs of the pages the index files under it."""
    found: dict[tuple[str, str], list[str]] = {}
    for folder in parts(site):
        meta = _meta(folder)
        urls = [_fragment_url(folder, page[0]) for page in meta[1]]
        for name, stem in meta[3]:
            _, values = read(folder / "filter" / f"{stem}.pf_filter")
            for value, pages in values:
                found.setdefault((name, value), []).extend(urls[page] for page in pages)
    return found


def _meta(folder: Path) -> list:
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    (language,) = entry["languages"].values()
    return read(folder / f"pagefind.{language['hash']}.pf_meta")


def _fragment_url(folder: Path, stem: str) -> str:
    return json.loads(unpack(folder / "fragment" / f"{stem}.pf_fragment"))["url"]
