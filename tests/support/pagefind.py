"""Read a built site's Pagefind index from Python: every file decompressed, every page's record.

Pagefind writes gzip files that start, once unpacked, with the signature `pagefind_dcd`:
fragments are JSON (one page each: its URL, indexed text, metadata, filters), the other
files CBOR, whose strings (words, filter values) are plain UTF-8 bytes.
"""

from __future__ import annotations

import json
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


def records(site: Path) -> dict[str, dict]:
    """Each indexed page's record (url, content, meta, filters) by its URL."""
    found = {}
    for name, data in index_files(site).items():
        if name.startswith("pagefind/fragment/"):
            record = json.loads(data)
            found[record["url"]] = record
    return found


def word_pages(site: Path) -> dict[str, list[str]]:
    """Each indexed word and the URLs of the pages the index says hold it."""
    meta = _meta(site)
    urls = [_fragment_url(site, page[0]) for page in meta[1]]
    words: dict[str, list[str]] = {}
    for chunk in meta[2]:
        for word in read(site / "pagefind" / "index" / f"{chunk[2]}.pf_index")[0]:
            page, listed = 0, []
            for posting in word[1]:  # each page by its distance from the one before
                page += posting[0]
                listed.append(urls[page])
            words[word[0]] = listed
    return words


def filter_pages(site: Path) -> dict[tuple[str, str], list[str]]:
    """Each (filter, value) and the URLs of the pages the index files under it."""
    meta = _meta(site)
    urls = [_fragment_url(site, page[0]) for page in meta[1]]
    found = {}
    for name, stem in meta[3]:
        _, values = read(site / "pagefind" / "filter" / f"{stem}.pf_filter")
        for value, pages in values:
            found[name, value] = [urls[page] for page in pages]
    return found


def _meta(site: Path) -> list:
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    (language,) = entry["languages"].values()
    return read(site / "pagefind" / f"pagefind.{language['hash']}.pf_meta")


def _fragment_url(site: Path, stem: str) -> str:
    return json.loads(unpack(site / "pagefind" / "fragment" / f"{stem}.pf_fragment"))["url"]
