"""The load stage: read `content/`, validate every file, resolve references, build a `Corpus`.

Every problem in every file is collected; when there is any, `load_corpus` raises one
`ContentErrors` and no corpus is built.

    content/articles/<id>.md    front matter + text
    content/actors/<id>.yml
    content/briefings/<id>.yml
    content/taxonomy.yml        topics and regions

Nothing else is read, and nothing is followed: `tree.py` reports links, special files,
subfolders and names it does not know.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import model
from ..errors import ContentError, ContentErrors, ContentWarning, did_you_mean, excerpt
from ..model import Source
from ..names import spelling_key
from . import fields, records
from .markdown_checks import markdown_warnings
from .read import FileProblem, compose, read_text, split_front_matter
from .tree import scan
from .validate import ID_RULE, SAFE_ID, Checker, Reference, TooLarge

__all__ = ["load_corpus"]


class _Loader:
    def __init__(self, content_dir: Path):
        self.content_dir = content_dir
        self.errors: list[ContentError] = []
        self.warnings: list[ContentWarning] = []
        self.references: list[Reference] = []
        self.known: dict[fields.Ref, set[str]] = {kind: set() for kind in fields.Ref}
        # Every strong name of every actor, lower-cased, with where it was first given.
        self.names: dict[str, tuple[str, Source]] = {}

    def display(self, path: Path) -> str:
        """The path as the user would type it: relative to the working directory if inside."""
        try:
            return os.path.relpath(path)
        except ValueError:  # another drive on Windows
            return str(path)

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

    def read(self, path: Path, display: str) -> str:
        return read_text(path, display, root=self.content_dir)

    def each(self, items: list[tuple[str, Path]], build: Callable[[str, Path, str], Any]) -> list:
        built = []
        for item_id, path in items:
            display = self.display(path)
            try:
                record = build(item_id, path, display)
            except FileProblem as problem:
                self.errors.append(problem.error)
                continue
            if record is not None:
                built.append(record)
        return built

    def checked(self, checker: Checker, node, record: fields.Record) -> dict | None:
        """The file's values if it is valid; None after recording its errors."""
        values = self.values(checker, node, record)
        return None if checker.errors else values

    def values(self, checker: Checker, node, record: fields.Record) -> dict:
        """Whatever values could be read, errors recorded; for ids known despite mistakes."""
        try:
            values = checker.record(node, record) or {}
        except TooLarge as exc:
            checker.errors.append(ContentError(checker.path, 1, 1, f"file refused: {exc}"))
            values = {}
        self.errors.extend(checker.errors)
        self.warnings.extend(checker.warnings)
        self.references.extend(checker.references)
        return values

    def actor(self, actor_id: str, path: Path, display: str) -> model.Actor | None:
        node = compose(self.read(path, display), display)
        checker = Checker(display, own_id=actor_id)
        values = self.checked(checker, node, fields.ACTOR)
        self.claim_names(actor_id, checker.names)
        return None if values is None else records.actor(actor_id, values, checker.where(node))

    def article(self, article_id: str, path: Path, display: str) -> model.Article | None:
        front = split_front_matter(self.read(path, display), display)
        node = compose(front.yaml_text, display, front.line_offset)
        checker = Checker(display, front.line_offset, own_id=article_id)
        values = self.checked(checker, node, fields.ARTICLE)
        self.warnings.extend(markdown_warnings(front.body, display, front.body_line))
        if values is None:
            return None
        return records.article(article_id, values, front.body, checker.where(node))

    def briefing(self, briefing_id: str, path: Path, display: str) -> model.Briefing | None:
        node = compose(self.read(path, display), display)
        checker = Checker(display, own_id=briefing_id)
        values = self.checked(checker, node, fields.BRIEFING)
        if values is None:
            return None
        return records.briefing(briefing_id, values, checker.where(node))

    def taxonomy(self, path: Path | None) -> tuple[tuple[model.Term, ...], tuple[model.Term, ...]]:
        if path is None:
            return (), ()
        display = self.display(path)
        try:
            node = compose(self.read(path, display), display)
        except FileProblem as problem:
            self.errors.append(problem.error)
            return (), ()
        checker = Checker(display)
        values = self.values(checker, node, fields.TAXONOMY)
        topics, regions = values.get("topics", {}), values.get("regions", {})
        self.known[fields.Ref.TOPIC].update(topics)
        self.known[fields.Ref.REGION].update(regions)
        if checker.errors:
            return (), ()
        return records.terms(topics), records.terms(regions)

    def claim_names(self, actor_id: str, names: list[tuple[str, Source]]) -> None:
        """A name, alias or demonym may point at one actor only, or mentions are a coin toss."""
        for name, where in names:
            # Spellings the mention finder cannot tell apart ("Türkiye", "Turkiye") are one name.
            owner = self.names.setdefault(spelling_key(name), (actor_id, where))
            if owner[0] != actor_id:
                first = owner[1]
                self.errors.append(ContentError(
                    where.path, where.line, where.col,
                    f"{excerpt(name)} already names actor {owner[0]!r} ({first.path}:{first.line})",
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


def load_corpus(content_dir: Path) -> model.Corpus:
    """Load and check everything under `content_dir`; raise `ContentErrors` if anything is wrong."""
    content_dir = Path(content_dir)
    if not content_dir.is_dir():
        raise ContentErrors([ContentError(str(content_dir), 1, 1, "content folder not found")])
    loader = _Loader(content_dir)
    tree = scan(content_dir, loader.display)
    loader.errors.extend(tree.errors)
    loader.warnings.extend(tree.warnings)
    actor_files = loader.files(tree.files["actors"], ".yml", fields.Ref.ACTOR)
    article_files = loader.files(tree.files["articles"], ".md", fields.Ref.ARTICLE)
    briefing_files = loader.files(tree.files["briefings"], ".yml", fields.Ref.BRIEFING)
    topics, regions = loader.taxonomy(tree.taxonomy)
    actors = loader.each(actor_files, loader.actor)
    articles = loader.each(article_files, loader.article)
    briefings = loader.each(briefing_files, loader.briefing)
    loader.resolve()
    if loader.errors:
        raise ContentErrors(loader.errors, loader.warnings)
    return model.Corpus(
        articles=tuple(articles),
        actors=tuple(actors),
        briefings=tuple(briefings),
        topics=topics,
        regions=regions,
        warnings=tuple(sorted(set(loader.warnings))),
    )
