"""Read the content files directly, so tests derive expectations from the input, never
from the program's output."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class ActorFile:
    id: str
    name: str
    aliases: tuple[str, ...]
    weak_aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    summary: str


def actors(content: Path) -> dict[str, ActorFile]:
    found = {}
    for path in sorted((content / "actors").glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        found[path.stem] = ActorFile(
            id=path.stem,
            name=str(data["name"]),
            aliases=tuple(str(alias) for alias in data.get("aliases") or ()),
            weak_aliases=tuple(str(alias) for alias in data.get("weak_aliases") or ()),
            demonyms=tuple(str(alias) for alias in data.get("demonyms") or ()),
            summary=str(data.get("summary") or ""),
        )
    return found


def briefings(content: Path) -> dict[str, dict]:
    return {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
        for path in sorted((content / "briefings").glob("*.yml"))
    }


def article_body(content: Path, article_id: str) -> str:
    """The article text after its YAML front matter."""
    text = (content / "articles" / f"{article_id}.md").read_text(encoding="utf-8")
    if text.startswith("---"):
        _, _, rest = text[3:].partition("\n---")
        text = rest.partition("\n")[2]
    return text


def mentions(text: str, phrase: str) -> bool:
    """Does `phrase` occur in `text` as a whole word, ignoring case?"""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, re.IGNORECASE) is not None


def expected_actor_ids(content: Path, briefing_id: str) -> set[str]:
    """The actors a briefing involves, worked out from the files: those the briefing lists,
    plus those whose name, an alias or a demonym occurs in one of its articles."""
    briefing = briefings(content)[briefing_id]
    listed = {entry["id"] for entry in briefing.get("actors") or ()}
    texts = [article_body(content, article) for article in briefing.get("articles") or ()]
    detected = {
        actor.id
        for actor in actors(content).values()
        for phrase in (actor.name, *actor.aliases, *actor.demonyms)
        if any(mentions(text, phrase) for text in texts)
    }
    return listed | detected
