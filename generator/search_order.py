"""Pagefind's index made byte-identical for the same pages, wherever and however it was built.

Pagefind numbers pages in the order it finds their files on disk (the order the filesystem
lists a folder, which differs between a fresh build and a folder rebuilt under serve, and
between machines), and writes each filter's values in a random order (a Rust hash map). The
index works either way, but the same content must give the same site. This module rewrites
what depends on those orders, after Pagefind ran: pages numbered by URL, every page list and
filter value sorted, and the files that changed renamed by their new content's hash, as
Pagefind names them, with the references to them (the metadata file, the entry file) updated.

The files are gzip-compressed CBOR behind a signature, read and written with cbor2 (its C
extension: a 10,000-article index holds millions of numbers). Fragments (one JSON document
per page) do not depend on either order and are left as they are.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"


def canonicalize(folder: Path) -> None:
    """Rewrite the Pagefind bundle in `folder` into its canonical form, in place."""
    entry_path = folder / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language in entry["languages"].values():
        language["hash"] = _canonical_language(folder, language["hash"])
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")


def _canonical_language(folder: Path, meta_hash: str) -> str:
    """Canonicalize one language's index; the new hash of its metadata file."""
    meta_path = folder / f"pagefind.{meta_hash}.pf_meta"
    meta = read(meta_path)
    version, pages, chunks, filters, sorts, *rest = meta
    # Pages by URL: a page's fragment is named by the hash of its content.
    urls = [json.loads(unpack(folder / "fragment" / f"{page[0]}.pf_fragment"))["url"]
            for page in pages]
    order = sorted(range(len(pages)), key=lambda old: urls[old])
    number = {old: new for new, old in enumerate(order)}
    pages = [pages[old] for old in order]
    prefix = meta_hash.split("_")[0]
    for chunk in chunks:
        words = read(folder / "index" / f"{chunk[2]}.pf_index")
        for word in words[0]:
            # A word's pages are listed in page order, each by its distance from the one
            # before (the first from page 0).
            page, renumbered = 0, []
            for posting in word[1]:
                page += posting[0]
                renumbered.append((number[page], posting))
            renumbered.sort(key=lambda pair: pair[0])
            previous = 0
            for page, posting in renumbered:
                posting[0], previous = page - previous, page
            word[1] = [posting for _, posting in renumbered]
        chunk[2] = _replace(folder / "index" / f"{chunk[2]}.pf_index", words, prefix)
    for item in filters:
        name, values = read(folder / "filter" / f"{item[1]}.pf_filter")
        values = sorted([value, sorted(number[p] for p in listed)] for value, listed in values)
        item[1] = _replace(folder / "filter" / f"{item[1]}.pf_filter", [name, values], prefix)
    filters.sort()
    if sorts:
        # Pages in the order of a sort value, equal values in Pagefind's page order: that
        # order could not be made canonical here, so the site declares no sort.
        raise ValueError(f"{meta_path}: sorts (data-pagefind-sort) are not supported")
    new = [version, pages, chunks, filters, sorts, *rest]
    data = cbor2.dumps(new)
    new_hash = f"{prefix}_{hashlib.sha256(data).hexdigest()[:10]}"
    meta_path.unlink()
    _write(folder / f"pagefind.{new_hash}.pf_meta", data)
    return new_hash


def _replace(path: Path, value, prefix: str) -> str:
    """Write `value` in place of the file at `path`, named by its hash; the new name's stem."""
    data = cbor2.dumps(value)
    stem = f"{prefix}_{hashlib.sha256(data).hexdigest()[:7]}"
    path.unlink()
    _write(path.with_name(f"{stem}{path.suffix}"), data)
    return stem


def unpack(path: Path) -> bytes:
    """A Pagefind file's content: ungzipped, its signature checked and dropped."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind file")
    return data[len(SIGNATURE):]


def read(path: Path):
    """A Pagefind file's content: unpacked, its CBOR decoded."""
    try:
        return cbor2.loads(unpack(path))
    except cbor2.CBORDecodeError as error:
        raise ValueError(f"{path}: {error}") from None


def _write(path: Path, data: bytes) -> None:
    # mtime 0: gzip would otherwise stamp the time into every file. Level 6 as zlib's default:
    # 9 costs twice the time for 1 % less.
    path.write_bytes(gzip.compress(SIGNATURE + data, compresslevel=6, mtime=0))
