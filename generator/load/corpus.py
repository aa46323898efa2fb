"""The load stage: read `content/`, validate every file, resolve references, build a `Corpus`.

Every problem in every file is collected; when there is any, `load_corpus` raises one
`ContentErrors` and no corpus is built.

    content/articles/<id>.md    front matter + text
    content/actors/<id>.yml
    content/briefings/<id>.yml
    content/taxonomy.yml        topics and regions

Nothing else is read, and nothing is followed: `tree.py` reports links, special files,
subfolders and names it does not know. Each file is checked on its own (`one_file.py`, kept
by `cache.py` while it is unchanged); what looks across files is done here on every load,
from those per-file results: which ids exist, one name for one actor, references.
"""

from __future__ import annotations

import os
from pathlib import Path

from .. import model
from ..errors import ContentError, ContentErrors, ContentWarning, did_you_mean, excerpt
from ..model import Source
from . import fields, one_file
from .cache import LoadCache
from .name_checks import name_warnings
from .one_file import Contribution
from .tree import scan
from .validate import ID_RULE, SAFE_ID, Reference


def load_corpus(content_dir: Path, cache: LoadCache | None = None, *,
                name_checks: bool = False) -> model.Corpus:
    """Load and check everything under `content_dir`; raise `ContentErrors` if anything is wrong.

    With a `cache` kept from an earlier load, only the files changed since are read again;
    the corpus, errors and warnings are exactly those of a load without it. `name_checks`
    adds the warnings of `name_checks.py`, which read every article (for `briefings check`).
    """
    content_dir = Path(content_dir)
    if not content_dir.is_dir():
        raise ContentErrors([ContentError(str(content_dir), 1, 1, "content folder not found")])
    cache = LoadCache() if cache is None else cache
    corpus = _Assembly(content_dir, cache)
    tree = scan(content_dir, corpus.display)
    corpus.errors.extend(tree.errors)
    corpus.warnings.extend(tree.warnings)
    actor_files = corpus.files(tree.files["actors"], ".yml", fields.Ref.ACTOR)
    article_files = corpus.files(tree.files["articles"], ".md", fields.Ref.ARTICLE)
    briefing_files = corpus.files(tree.files["briefings"], ".yml", fields.Ref.BRIEFING)
    topics, regions = corpus.taxonomy(tree.taxonomy)
    actors = corpus.each(actor_files, one_file.actor)
    articles = corpus.each(article_files, one_file.article)
    briefings = corpus.each(briefing_files, one_file.briefing)
    cache.forget_unused()
    corpus.resolve()
    if corpus.errors:
        raise ContentErrors(corpus.errors, corpus.warnings)
    if name_checks:
        corpus.warnings.extend(name_warnings(actors, articles, corpus.forms))
    return model.Corpus(
        articles=tuple(articles),
        actors=tuple(actors),
        briefings=tuple(briefings),
        topics=topics,
        regions=regions,
        warnings=tuple(sorted(set(corpus.warnings))),
    )


class _Assembly:
    """The files' contributions put together, in the order a reader of the files meets them."""

    def __init__(self, content_dir: Path, cache: LoadCache):
        self.content_dir = content_dir
        self.cache = cache
        self.errors: list[ContentError] = []
        self.warnings: list[ContentWarning] = []
        self.references: list[Reference] = []
        self.known: dict[fields.Ref, set[str]] = {kind: set() for kind in fields.Ref}
        # Every strong name of every actor, lower-cased, with where it was first given.
        self.names: dict[str, tuple[str, Source]] = {}
        self.forms: dict[str, tuple[one_file.Name, ...]] = {}  # each actor's, for name_checks
        self.folders: dict[str, str] = {}  # each folder as `display` shows it

    def display(self, path: Path) -> str:
        """The path as the user would type it: relative to the working directory if inside.

        One `relpath` per folder, not per file: per file, it cost more than a warm load.
        """
        parent, name = os.path.split(path)
        folder = self.folders.get(parent)
        if folder is None:
            try:
                folder = self.folders[parent] = os.path.relpath(parent or ".")
            except ValueError:  # another drive on Windows
                folder = self.folders[parent] = parent
        if os.path.basename(folder) == os.pardir:  # the working directory is below `parent`
            return os.path.relpath(path)
        return name if folder == "." else os.path.join(folder, name)

    def files(self, found: list[Path], suffix: str, kind: fields.Ref) -> list[tuple[str, Path]]:
        """The files of one folder with their ids; a file name that is no id is an error."""
        ids = []
        for path in found:
            item_id = path.name[: -len(suffix)]
            if not SAFE_ID.fullmatch(item_id):
                self.errors.append(ContentError(
                    self.display(path), 1, 1, f"file name {excerpt(path.name)} is not a valid id",
                    ID_RULE))
                continue
            self.known[kind].add(item_id)
            ids.append((item_id, path))
        return ids

    def each(self, items: list[tuple[str, Path]], reader: one_file.Reader) -> list:
        """The records of the valid files among `items`; every file's problems kept."""
        contributions = self.cache.contributions(
            [(path, self.display(path), item_id) for item_id, path in items], reader,
            self.content_dir)
        built = (self.take(item_id, contribution)
                 for (item_id, _), contribution in zip(items, contributions, strict=True))
        return [record for record in built if record is not None]

    def taxonomy(self, path: Path | None) -> one_file.Taxonomy:
        if path is None:
            return (), ()
        [contribution] = self.cache.contributions([(path, self.display(path), "")],
                                                  one_file.taxonomy, self.content_dir)
        return self.take("", contribution) or ((), ())

    def take(self, item_id: str, contribution: Contribution):
        """Take in one file's contribution; its record, or None if it has errors."""
        self.errors.extend(contribution.errors)
        self.warnings.extend(contribution.warnings)
        self.references.extend(contribution.references)
        for kind, ids in contribution.known.items():
            self.known[kind].update(ids)
        self.claim_names(item_id, contribution.names)
        if contribution.names:
            self.forms[item_id] = contribution.names
        return contribution.record

    def claim_names(self, actor_id: str, names: tuple[one_file.Name, ...]) -> None:
        """A name, alias or demonym may point at one actor only, or mentions are a coin toss."""
        for name in names:
            owner = self.names.setdefault(name.key, (actor_id, name.where))
            if owner[0] != actor_id:
                first, where = owner[1], name.where
                self.errors.append(ContentError(
                    where.path, where.line, where.col,
                    f"{excerpt(name.text)} already names actor {owner[0]!r}"
                    f" ({first.path}:{first.line})",
                    "make it a weak alias of one of them, or remove it"))

    def resolve(self) -> None:
        for reference in self.references:
            known = self.known[reference.kind]
            if reference.id not in known:
                where = reference.where
                self.errors.append(ContentError(
                    where.path, where.line, where.col,
                    f"unknown {reference.kind.value} {reference.id!r}",
                    did_you_mean(reference.id, known)))
