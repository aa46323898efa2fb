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

from ..forked import can_fork, forked_map
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


@dataclass(frozen=True)
class _Reading:
    """What looking at one file found: its contribution, the entry to keep for the next load
    (None when the file is gone or unreadable), whether it was read from disk and parsed."""

    contribution: Contribution
    entry: _Entry | None
    read: bool
    parsed: bool


class LoadCache:
    """Contributions by file, for the next `load_corpus` to replay; keep one per content
    folder for as long as the process runs (MkDocs's serve keeps its plugin instance).

    `read` counts files read from disk, `parsed` files parsed and validated: both over the
    cache's life, for tests and benchmarks. With `parallel_from` set, a folder of at least
    that many files is looked at two processes at a time (`forked.forked_map`; `forked`
    counts those files); the contributions are the same.
    """

    def __init__(self, parallel_from: int = 0) -> None:
        self.parallel_from = parallel_from
        self._entries: dict[tuple[str, str], _Entry] = {}
        self._used: set[tuple[str, str]] = set()
        self.read = 0
        self.parsed = 0
        self.forked = 0

    def __repr__(self) -> str:
        return f"LoadCache(files={len(self._entries)}, read={self.read}, parsed={self.parsed})"

    def contributions(self, files: list[tuple[Path, str, str]], reader: Reader,
                      root: Path) -> list[Contribution]:
        """What each file (path, shown path, id) contributes, in order, each read again only
        if its stamp changed."""
        # The shown path is part of the key: every message and Source carries it. The stamp's
        # device and inode tell the file from any other the same path may name elsewhere.
        keys = [(os.fspath(path), display) for path, display, _ in files]

        def look(index: int) -> _Reading:
            path, display, item_id = files[index]
            return _look(path, display, item_id, reader, root, self._entries.get(keys[index]))

        indexes = range(len(files))
        if self.parallel_from and len(files) >= self.parallel_from and can_fork():
            readings = forked_map(look, indexes)
            self.forked += len(files)
        else:
            readings = [look(index) for index in indexes]
        found = []
        for key, reading in zip(keys, readings, strict=True):
            self._used.add(key)
            self.read += reading.read
            self.parsed += reading.parsed
            if reading.entry is None:  # gone or unreadable: nothing to know it by next time
                self._entries.pop(key, None)
            else:
                self._entries[key] = reading.entry
            found.append(reading.contribution)
        return found

    def forget_unused(self) -> None:
        """Drop the files no load asked for since the last call: removed or renamed ones."""
        self._entries = {key: self._entries[key] for key in self._used if key in self._entries}
        self._used = set()


def _look(path: Path, display: str, item_id: str, reader: Reader, root: Path,
          entry: _Entry | None) -> _Reading:
    now = time.time_ns()
    stamp = _stamp(path)  # taken before reading: a write after it changes the stamp
    if entry is not None and entry.trusted and entry.stamp == stamp:
        return _Reading(entry.contribution, entry, read=False, parsed=False)
    parsed = False
    try:
        text = read_text(path, display, root=root)
    except FileProblem as problem:
        digest, contribution = None, refused(problem)
    else:
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
        if entry is not None and entry.digest == digest:
            contribution = entry.contribution
        else:
            parsed = True
            contribution = _parse(reader, item_id, text, display)
    kept = None if stamp is None else _Entry(stamp, stamp[3] < now - RACY_NS, digest, contribution)
    return _Reading(contribution, kept, read=True, parsed=parsed)


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
