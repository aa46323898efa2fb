"""Which files under `content/` are read, and a line for everything that is not.

Only real files and folders are read: a symbolic link is never followed (it could publish a
file from anywhere), and a FIFO, socket or device is never opened (a FIFO would block the
build forever). Nothing is ignored in silence: a subfolder, a misspelt folder or a file with
another extension is an error, since the user meant it to be read; a name that resembles no
known one is a warning. Names starting with a dot (editor and VCS files) are skipped.
"""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ContentError, ContentWarning
from .read import refusal

# Each folder that is read, with the extension of its files.
FOLDERS = {"actors": ".yml", "articles": ".md", "briefings": ".yml"}
TAXONOMY = "taxonomy.yml"
_KNOWN = "content/ holds actors/, articles/, briefings/ and taxonomy.yml"


@dataclass
class Tree:
    """The files to read, by folder name, and the problems met on the way."""

    files: dict[str, list[Path]] = field(default_factory=lambda: {name: [] for name in FOLDERS})
    taxonomy: Path | None = None
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentWarning] = field(default_factory=list)


def scan(content_dir: Path, display: Callable[[Path], str]) -> Tree:
    """List `content_dir` and its known folders without following any link."""
    tree = Tree()
    for entry in _entries(content_dir):
        path = Path(entry.path)
        mode = entry.stat(follow_symlinks=False).st_mode
        if stat.S_ISLNK(mode):
            tree.errors.append(refusal(display(path), mode))
        elif entry.name in FOLDERS and stat.S_ISDIR(mode):
            _folder(tree, path, FOLDERS[entry.name], display)
        elif entry.name == TAXONOMY:
            problem = refusal(display(path), mode)
            if problem is None:
                tree.taxonomy = path
            else:
                tree.errors.append(problem)
        elif entry.name in FOLDERS:
            tree.errors.append(ContentError(display(path), 1, 1, "is not a folder", _KNOWN))
        else:
            near = _misspelt(entry.name)
            if near:
                tree.errors.append(ContentError(display(path), 1, 1, "is not read",
                                                f"did you mean {near!r}?"))
            else:
                tree.warnings.append(ContentWarning(display(path), 1, 1, "is not read", _KNOWN))
    return tree


def _folder(tree: Tree, folder: Path, suffix: str, display: Callable[[Path], str]) -> None:
    for entry in _entries(folder):
        path = Path(entry.path)
        mode = entry.stat(follow_symlinks=False).st_mode
        if stat.S_ISDIR(mode):
            tree.errors.append(ContentError(
                display(path), 1, 1, f"is a folder inside {display(folder)}, which is not read",
                f"move its files up into {display(folder)}"))
        elif (problem := refusal(display(path), mode)) is not None:
            tree.errors.append(problem)
        elif entry.name.endswith(suffix):
            tree.files[folder.name].append(path)
        else:
            tree.errors.append(ContentError(
                display(path), 1, 1, f"not a {suffix} file, so it is ignored",
                f"rename it to {Path(entry.name).stem}{suffix}"))


def _entries(folder: Path) -> list[os.DirEntry]:
    with os.scandir(folder) as entries:
        return sorted((entry for entry in entries if not entry.name.startswith(".")),
                      key=lambda entry: entry.name)


def _misspelt(name: str) -> str | None:
    """The known name `name` is a slip of ("actor", "Briefings"), not a folder of its own
    ("articles-old", "notes")."""
    known = [*FOLDERS, TAXONOMY]
    near = difflib.get_close_matches(name.lower(), known, n=1, cutoff=0.75)
    return near[0] if near and abs(len(near[0]) - len(name)) <= 2 else None
