"""Read a built site's Pagefind index from Python: every file decompressed, every page's record.

Pagefind writes gzip files that start, once unpacked, with the signature `pagefind_dcd`:
fragments are JSON (one page each: its URL, indexed text, metadata, filters), the other
files CBOR, whose strings (words, filter values) are plain UTF-8 bytes.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def index_files(site: Path) -> dict[str, bytes]:
    """Every file of the index by its path in the site, gzip files unpacked."""
    files = {}
    for path in sorted((site / "pagefind").rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
            assert data.startswith(SIGNATURE), path
            data = data[len(SIGNATURE):]
        files[path.relative_to(site).as_posix()] = data
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
