"""The write stage: put rendered pages (and the site's static files) into a folder, touching
only what changed.

Each file is written to a temporary sibling and moved into place with `os.replace`, so a
reader never sees half a file. Stale pages from an earlier run are removed last, and only
those this command wrote itself (listed in a manifest), never a user's own files.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .render import Page

MANIFEST = ".briefings-generated"


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
    """A page path that would land outside the output folder."""


def write_pages(pages: Iterable[Page | StaticFile], out_dir: Path) -> WriteReport:
    out_dir = Path(out_dir)
    pages = list(pages)
    for page in pages:
        _check(page.path)
    paths = Counter(page.path for page in pages)
    clashes = sorted(path for path, count in paths.items() if count > 1)
    if clashes:
        raise UnsafePath(f"two files claim the same path: {', '.join(clashes)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written, unchanged = [], []
    for page in pages:
        target = out_dir / page.path
        data = page.data if isinstance(page, StaticFile) else page.text.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            unchanged.append(page.path)
            continue
        _atomic_write(target, data)
        written.append(page.path)
    current = {page.path for page in pages}
    previous = _read_manifest(out_dir)
    removed = sorted(previous - current)
    _atomic_write(out_dir / MANIFEST, "".join(f"{p}\n" for p in sorted(current)).encode())
    for path in removed:
        (out_dir / path).unlink(missing_ok=True)
    return WriteReport(tuple(written), tuple(unchanged), tuple(removed))


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


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
