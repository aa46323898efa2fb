"""Replace an output folder in one step: build a sibling, then swap it in.

`mkdocs build` (through the plugin) and `briefings generate` fill a fresh folder beside their
output, on the same filesystem, and only once everything succeeded exchange it with the old
one: on Linux with renameat2(RENAME_EXCHANGE), one atomic step; elsewhere with two renames.
A failure or a kill before the swap leaves the old output as it was; its staging folder is
removed by the next run. Only folders named by this module are ever removed.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
# Filesystems (or kernels) without RENAME_EXCHANGE say so with one of these.
_NO_EXCHANGE = {errno.EINVAL, errno.ENOSYS, errno.ENOTSUP}


def _load_renameat2():
    function = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if function is not None:
        function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                             ctypes.c_uint]
        function.restype = ctypes.c_int
    return function


_renameat2 = _load_renameat2()


class SwapError(OSError):
    """The output folder cannot be replaced (not a folder, or no sibling can be made)."""


class Staged:
    """A fresh folder beside `target` that replaces it when committed.

    While this object lives it holds a lock on its folder, so another run's clean-up does not
    take a folder still being filled for a leftover.
    """

    def __init__(self, target: Path) -> None:
        # Through a symlinked output folder to the real one: the swap must replace the
        # folder, not the link, and the sibling must be on the folder's own filesystem.
        self.target = Path(os.path.realpath(target))
        if self.target.exists() and not self.target.is_dir():
            raise SwapError("is not a folder")
        self.target.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(self.target)
        self.folder = _fresh_sibling(self.target, "building")
        self._lock = _lock(self.folder)
        if self.target.is_dir():
            shutil.copymode(self.target, self.folder)
        self.done = False

    def __repr__(self) -> str:
        return f"Staged(folder={str(self.folder)!r}, target={str(self.target)!r})"

    def commit(self) -> None:
        """Put the staged folder in place of the target and remove the old one."""
        old = None
        if not self.target.exists():
            os.rename(self.folder, self.target)
        elif _exchange(self.folder, self.target):
            old = self.folder
        else:
            old = _fresh_sibling(self.target, "old", create=False)
            os.rename(self.target, old)
            try:
                os.rename(self.folder, self.target)
            except OSError:
                os.rename(old, self.target)
                raise
        self._finish()
        if old is not None:
            # The new output is in place: an old tree that cannot be removed now (a file
            # of another owner) stays a leftover, and the next run reports it as it starts.
            shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Remove the staged folder; the target stays as it was."""
        if not self.done:
            _remove(self.folder)
            self._finish()

    def _finish(self) -> None:
        self.done = True
        os.close(self._lock)


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A fresh folder beside `target` that replaces it if the block ends without error."""
    staging = Staged(target)
    try:
        yield staging.folder
        staging.commit()
    finally:
        staging.discard()


def remove_leftovers(target: Path) -> None:
    """Remove the staging folders that killed runs left beside `target`.

    A folder is a leftover only if its name is one this module makes and no live run holds
    its lock. If a run died between the two renames of the fallback swap, the old folder is
    the only complete output left, so it is put back rather than removed.
    """
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(building|old)-[0-9a-f]{{16}}")
    for entry in sorted(target.parent.iterdir()):
        match = pattern.fullmatch(entry.name)
        if not match or entry.is_symlink() or not entry.is_dir():
            continue
        try:
            lock = _lock(entry, wait=False)
        except BlockingIOError:
            continue
        try:
            if match[1] == "old" and not target.exists():
                os.rename(entry, target)
            else:
                _remove(entry)
        finally:
            os.close(lock)


def _fresh_sibling(target: Path, role: str, *, create: bool = True) -> Path:
    while True:
        path = target.with_name(f".{target.name}.{role}-{secrets.token_hex(8)}")
        if not create:
            if not path.exists():
                return path
            continue
        try:
            # os.mkdir, not mkdtemp: the folder gets the umask's mode, as the target would.
            path.mkdir()
        except FileExistsError:
            continue
        return path


def _lock(folder: Path, *, wait: bool = True) -> int:
    descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BaseException:
        os.close(descriptor)
        raise
    return descriptor


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step; False where the system cannot."""
    if _renameat2 is None:
        return False
    if _renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second),
                  _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _NO_EXCHANGE:
        return False
    raise OSError(code, os.strerror(code), str(first), None, str(second))


def _remove(folder: Path) -> None:
    def gone_already(function, path, excinfo) -> None:
        # Another run's clean-up may be removing the same unlocked old tree.
        if not isinstance(excinfo[1], FileNotFoundError):
            raise excinfo[1]

    shutil.rmtree(folder, onerror=gone_already)
