"""What each content file contributed when last read, kept across loads (Pelican's
`FileStampDataCacher` is the model): a file whose stamp has not changed is not read again.

The stamp is the file's `lstat` (links are refused, so the link itself is what is read):
device, inode, size, modification and change times in nanoseconds. The change time, which no
tool can set back, catches what the modification time misses: a `chmod`, an `mtime` restored
by `touch -r` or an archive.

A file written in the same clock tick as its reading could be written again without its stamp
changing (git's "racy" entries). A stamp whose modification time was less than `RACY_NS` old
when it was taken is therefore never trusted alone: the file is read again, and parsed again
only if its text differs from the text last parsed (a write in that tick sets the modification
time to the tick, so a time set back by `touch -d` does not make a file racy).

A `Contribution` depends on nothing but the file's id, text and shown path (see
`one_file.py`), so reusing one gives exactly what a cold load gives.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path

from .one_file import Contribution, Reader, refused
from .read import FileProblem, read_text

# Longer than any file system's timestamp tick (FAT's is two seconds).
RACY_NS = 3 * 10**9

Stamp = tuple[int, int, int, int, int]


@dataclass(frozen=True)
class _Entry:
    stamp: Stamp
    trusted: bool  # the stamp alone proves the file unchanged (it was not racy)
    digest: bytes | None  # of the text the contribution was made from; None if unreadable
    contribution: Contribution


class LoadCache:
    """Contributions by file, for the next `load_corpus` to replay; keep one per content
    folder for as long as the process runs (MkDocs's serve keeps its plugin instance).

    `read` counts files read from disk, `parsed` files parsed and validated: both over the
    cache's life, for tests and benchmarks.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[str, str], _Entry] = {}
        self._used: set[tuple[str, str]] = set()
        self.read = 0
        self.parsed = 0

    def __repr__(self) -> str:
        return f"LoadCache(files={len(self._entries)}, read={self.read}, parsed={self.parsed})"

    def contribution(self, path: Path, display: str, item_id: str, reader: Reader,
                     root: Path) -> Contribution:
        """What the file at `path` contributes, read again only if its stamp changed."""
        # The shown path is part of the key: every message and Source carries it. The stamp's
        # device and inode tell the file from any other the same path may name elsewhere.
        key = (os.fspath(path), display)
        self._used.add(key)
        now = time.time_ns()
        stamp = _stamp(path)  # taken before reading: a write after it changes the stamp
        entry = self._entries.get(key)
        if entry is not None and entry.trusted and entry.stamp == stamp:
            return entry.contribution
        self.read += 1
        try:
            text = read_text(path, display, root=root)
        except FileProblem as problem:
            digest, contribution = None, refused(problem)
        else:
            digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
            if entry is not None and entry.digest == digest:
                contribution = entry.contribution
            else:
                self.parsed += 1
                contribution = _parse(reader, item_id, text, display)
        if stamp is None:  # gone or unreadable: nothing to recognise it by next time
            self._entries.pop(key, None)
        else:
            trusted = stamp[3] < now - RACY_NS
            self._entries[key] = _Entry(stamp, trusted, digest, contribution)
        return contribution

    def forget_unused(self) -> None:
        """Drop the files no load asked for since the last call: removed or renamed ones."""
        self._entries = {key: self._entries[key] for key in self._used if key in self._entries}
        self._used = set()


def _parse(reader: Reader, item_id: str, text: str, display: str) -> Contribution:
    try:
        return reader(item_id, text, display)
    except FileProblem as problem:
        return refused(problem)


def _stamp(path: Path) -> Stamp | None:
    try:
        info = os.lstat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns
