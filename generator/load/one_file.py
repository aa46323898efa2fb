"""Check one content file on its own: what it contributes to the corpus, from its text alone.

A `Contribution` depends only on the file's id, its text and the path shown in messages, so
that `cache.py` may keep it for as long as the file is unchanged. Everything that looks across
files (one name for one actor, references to other files) is left to `corpus.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .. import model
from ..errors import ContentError, ContentWarning
from ..model import Source
from ..names import spelling_key
from . import fields, placeholders, records
from .markdown_checks import markdown_warnings
from .read import FileProblem, compose, split_front_matter
from .validate import Checker, Reference, TooLarge

Taxonomy = tuple[tuple[model.Term, ...], tuple[model.Term, ...]]  # topics, regions


class Name(NamedTuple):
    """A name an actor claims, with the key it is claimed under: spellings the mention
    finder cannot tell apart ("Türkiye", "Turkiye") are one name."""

    key: str
    text: str
    where: Source


@dataclass(frozen=True, eq=False)
class Contribution:
    """Everything one file adds to the corpus, in the order the file gives it."""

    record: model.Actor | model.Article | model.Briefing | Taxonomy | None = None  # None: errors
    errors: tuple[ContentError, ...] = ()
    warnings: tuple[ContentWarning, ...] = ()
    references: tuple[Reference, ...] = ()  # resolved once every file is in
    names: tuple[Name, ...] = ()  # an actor's strong names, claimed corpus-wide
    # Ids the file declares besides its own (the taxonomy's topics and regions), known even
    # when the file has errors, so that its mistakes are not repeated as unknown references.
    known: dict[fields.Ref, frozenset[str]] = field(default_factory=dict)


# (id, text, path shown in messages) -> what the file contributes
Reader = Callable[[str, str, str], Contribution]


def refused(problem: FileProblem) -> Contribution:
    """A file that could not be read or parsed at all contributes its one error."""
    return Contribution(errors=(problem.error,))


def actor(actor_id: str, text: str, display: str) -> Contribution:
    node = compose(text, display)
    checker = Checker(display, own_id=actor_id)
    values = _values(checker, node, fields.ACTOR)
    record = None if checker.errors else records.actor(actor_id, values, checker.where(node))
    if record is not None:
        placeholders.check(checker, "actor", node, published=True)
    names = tuple(Name(spelling_key(name), name, where) for name, where in checker.names)
    return _contribution(checker, record, names=names)


def article(article_id: str, text: str, display: str) -> Contribution:
    front = split_front_matter(text, display)
    node = compose(front.yaml_text, display, front.line_offset)
    checker = Checker(display, front.line_offset, own_id=article_id)
    values = _values(checker, node, fields.ARTICLE)
    checker.warnings.extend(markdown_warnings(front.body, display, front.body_line))
    record = (None if checker.errors
              else records.article(article_id, values, front.body, checker.where(node)))
    if record is not None:
        placeholders.check(checker, "article", node, record.status is model.Status.PUBLISHED,
                           front)
    return _contribution(checker, record)


def briefing(briefing_id: str, text: str, display: str) -> Contribution:
    node = compose(text, display)
    checker = Checker(display, own_id=briefing_id)
    values = _values(checker, node, fields.BRIEFING)
    record = None if checker.errors else records.briefing(briefing_id, values, checker.where(node))
    if record is not None:
        placeholders.check(checker, "briefing", node, record.status is model.Status.PUBLISHED)
    return _contribution(checker, record)


def taxonomy(_id: str, text: str, display: str) -> Contribution:
    node = compose(text, display)
    checker = Checker(display)
    values = _values(checker, node, fields.TAXONOMY)
    topics, regions = values.get("topics", {}), values.get("regions", {})
    record = None if checker.errors else (records.terms(topics), records.terms(regions))
    known = {fields.Ref.TOPIC: frozenset(topics), fields.Ref.REGION: frozenset(regions)}
    return _contribution(checker, record, known=known)


def _values(checker: Checker, node, record: fields.Record) -> dict[str, Any]:
    """Whatever values could be read, errors left on the checker; for ids known despite
    mistakes."""
    try:
        return checker.record(node, record) or {}
    except TooLarge as exc:
        checker.errors.append(ContentError(checker.path, 1, 1, f"file refused: {exc}"))
        return {}


def _contribution(checker: Checker, record, **more) -> Contribution:
    # No record from a file with errors, the placeholder check's included.
    return Contribution(None if checker.errors else record, tuple(checker.errors),
                        tuple(checker.warnings), tuple(checker.references), **more)
