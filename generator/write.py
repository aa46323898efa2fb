"""The write stage: put rendered pages (and the site's static files) into a folder in one
step, touching only what changed.

The new folder is made beside the old one and swapped in at the end (`generator.swap`), so
a failure or a kill leaves the old folder exactly as it was. Files that did not change are
hard links to the old ones (their modification times stay), and files a user put in the
folder are carried over; the pages this command wrote before (listed in a manifest) and no
longer writes are left behind, which removes them.
"""

from __future__ import annotations

import os
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol

from .swap import staged

MANIFEST = ".briefings-generated"


class TextFile(Protocol):
    """A page as the render stage makes it: where it goes and its text in UTF-8. The write
    stage needs no more of it, so it does not import the render stage for a type."""

    path: str
    data: bytes


@dataclass(frozen=True)
class StaticFile:
    """A file shipped as it is (CSS, JavaScript, images) beside the generated pages."""

    path: str
    data: bytes


def static_files(folder: Path) -> list[StaticFile]:
    """Every file under `folder`, by its path relative to it."""
    return [StaticFile(path.relative_to(folder).as_posix(), path.read_bytes())
            for path in sorted(folder.rglob("*")) if path.is_file()]


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


class UnsafePath(ValueError):
    """A page path that would land outside the output folder, or an output folder that
    cannot be replaced."""


def write_pages(pages: Iterable[TextFile | StaticFile], out_dir: Path) -> WriteReport:
    out_dir = Path(out_dir)
    pages = list(pages)
    for page in pages:
        _check(page.path)
    paths = Counter(page.path for page in pages)
    clashes = sorted(path for path, count in paths.items() if count > 1)
    if clashes:
        raise UnsafePath(f"two files claim the same path: {', '.join(clashes)}")
    if Path.cwd().resolve().is_relative_to(out_dir.resolve()):
        # The folder is replaced by another: the shell sitting in it would be left in a
        # deleted folder, and everything in it would be carried over file by file.
        raise UnsafePath("is or holds the current folder (write into a folder of its own)")
    current = {page.path for page in pages}
    previous = _read_manifest(out_dir)
    written, unchanged = [], []
    with staged(out_dir) as staging:
        for page in pages:
            data = page.data
            if _same_file(out_dir / page.path, data):
                _carry(out_dir, staging, page.path)
                unchanged.append(page.path)
            else:
                target = staging / page.path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                written.append(page.path)
        for path in _entries(out_dir):
            if path not in current and path not in previous and path != MANIFEST:
                _carry(out_dir, staging, path)
        (staging / MANIFEST).write_text("".join(f"{p}\n" for p in sorted(current)),
                                        encoding="utf-8")
    return WriteReport(tuple(written), tuple(unchanged), tuple(sorted(previous - current)))


def _check(path: str) -> None:
    pure = PurePosixPath(path)
    if pure.is_absolute() or ".." in pure.parts or not pure.parts:
        raise UnsafePath(f"refusing to write outside the output folder: {path!r}")


def _read_manifest(out_dir: Path) -> set[str]:
    manifest = out_dir / MANIFEST
    if not manifest.is_file():
        return set()
    paths = set()
    for line in manifest.read_text(encoding="utf-8").splitlines():
        try:
            _check(line)
        except UnsafePath:
            continue
        paths.add(line)
    return paths


def _same_file(path: Path, data: bytes) -> bool:
    # A regular file only: a symlink at a page's path is replaced by the page.
    return not path.is_symlink() and path.is_file() and path.read_bytes() == data


def _entries(folder: Path) -> Iterator[str]:
    """Every file, symlink and empty folder below `folder`, never following a symlink."""
    if not folder.is_dir():
        return
    for parent, folders, files in os.walk(folder):
        here = Path(parent)
        links = [name for name in folders if (here / name).is_symlink()]
        for name in [*files, *links]:
            yield (here / name).relative_to(folder).as_posix()
        if not folders and not files and here != folder:
            yield here.relative_to(folder).as_posix()


def _carry(old: Path, new: Path, path: str) -> None:
    """`path` of the old folder into the new one, as it is: same inode where possible."""
    source, target = old / path, new / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir() and not source.is_symlink():
        target.mkdir(exist_ok=True)
        return
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        # No hard links here (some network and FAT filesystems): a copy that keeps the times.
        shutil.copy2(source, target, follow_symlinks=False)
