"""Starting files for curators: `briefings new` and `briefings import`.

New files come from the templates in `generator/templates/new/`, commented so that a curator
can fill them in without the manual; the YAML files name their JSON Schema for the editor.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

import jinja2

from .analyse.mentions import MentionFinder
from .candidates import Candidate, candidate_names
from .load.placeholders import BODY, PLACEHOLDERS
from .model import Corpus
from .render import markup

KINDS = {"actor": ("actors", ".yml"), "briefing": ("briefings", ".yml"),
         "article": ("articles", ".md")}

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("generator", "templates/new"),
    autoescape=False,  # YAML, not HTML: values go through the `yaml` filter instead
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)
# A JSON string is a valid YAML double-quoted scalar, whatever characters it holds.
_ENV.filters["yaml"] = lambda value: json.dumps(value, ensure_ascii=False)


class ScaffoldError(Exception):
    """A file that would overwrite another, or a name that is not a usable id."""


def target(content_dir: Path, kind: str, item_id: str) -> Path:
    folder, suffix = KINDS[kind]
    return content_dir / folder / f"{item_id}{suffix}"


def new_file(content_dir: Path, kind: str, item_id: str, today: dt.date) -> Path:
    """Write a commented starting file for a new actor, briefing or article; briefings and
    articles start as drafts, holding placeholders that `check` refuses once published."""
    title = item_id.replace("-", " ").capitalize()
    placeholders = PLACEHOLDERS[kind]
    text = _ENV.get_template(kind + KINDS[kind][1]).render(
        title=title, today=today.isoformat(), text=placeholders.get(BODY, ""),
        placeholders=placeholders, schema=f"../../schemas/{kind}.schema.json")
    return _create(target(content_dir, kind, item_id), text)


@dataclass(frozen=True)
class Imported:
    path: Path
    known: tuple[str, ...]  # actor ids found in the text
    candidates: tuple[Candidate, ...]  # capitalised names no actor claims


def import_text(content_dir: Path, source: Path, corpus: Corpus, item_id: str | None) -> Imported:
    """Turn a plain-text article (first line the title) into an article file."""
    lines = source.read_text(encoding="utf-8").strip().splitlines()
    if not lines:
        raise ScaffoldError(f"{source}:1:1: file is empty (its first line is the title)")
    title, body = lines[0].strip(), "\n".join(lines[1:]).strip()
    item_id = item_id or slug(title)
    if not item_id:
        raise ScaffoldError(f"{source}:1:1: the title gives no id: it has no letters or digits"
                            " (name one with --id)")
    text = _ENV.get_template("article.md").render(title=title, text=body + "\n")
    path = _create(target(content_dir, "article", item_id), text)
    mentions = MentionFinder(corpus.actors).find(body)
    known = tuple(sorted({m.actor for m in mentions}))
    covered = [(m.start, m.end) for m in mentions]
    return Imported(path, known, candidate_names(body, covered))


def slug(title: str) -> str:
    """An id from a title, other scripts transliterated: "Erdoğan and Çavuşoğlu meet in
    Ankara" gives "erdogan-and-cavusoglu-meet-in-ankara"; at most 60 characters."""
    return markup.slug(title)[:60].strip("-")


def _create(path: Path, text: str) -> Path:
    if path.exists():
        raise ScaffoldError(f"{path}: already exists; choose another id or edit that file")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return path
