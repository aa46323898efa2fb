"""Editor schemas: derived from the field declarations, committed, and agreeing with the tool."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.load.read import split_front_matter
from generator.load.schema import SCHEMAS, schema_text

ROOT = Path(__file__).resolve().parent.parent


class EditorLoader(yaml.SafeLoader):
    """Reads YAML as a YAML 1.2 editor does: dates stay strings."""


EditorLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def editor_load(text: str):
    return yaml.load(text, Loader=EditorLoader)  # noqa: S506 - a SafeLoader subclass


def shipped(name: str) -> dict:
    return json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_is_what_the_declarations_say(name):
    committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
    assert committed == schema_text(name), "run: briefings schemas"


def corpus_files():
    content = ROOT / "content"
    for path in sorted((content / "actors").glob("*.yml")):
        yield path, "actor.schema.json", path.read_text(encoding="utf-8")
    for path in sorted((content / "briefings").glob("*.yml")):
        yield path, "briefing.schema.json", path.read_text(encoding="utf-8")
    for path in sorted((content / "articles").glob("*.md")):
        front = split_front_matter(path.read_text(encoding="utf-8"), str(path))
        yield path, "article.schema.json", front.yaml_text
    yield content / "taxonomy.yml", "taxonomy.schema.json", (
        content / "taxonomy.yml").read_text(encoding="utf-8")
    profiles = ROOT / "site_config" / "profiles.yml"
    yield profiles, "profiles.schema.json", profiles.read_text(encoding="utf-8")


@pytest.mark.parametrize("path,schema,text", list(corpus_files()),
                         ids=lambda v: v.name if isinstance(v, Path) else "")
def test_every_shipped_content_file_validates_against_its_schema(path, schema, text):
    jsonschema.validate(editor_load(text), shipped(schema))


@pytest.mark.parametrize("text,why", [
    ("name: Russia\nkind: stat\nsummary: s\n", "kind outside the allowed values"),
    ("name: Russia\nkind: state\n", "summary missing"),
    ("name: Russia\nkind: state\nsummary: s\nalias: [x]\n", "unknown field"),
    ("name: Russia\nkind: state\nsummary: s\naliases: Moscow\n", "aliases not a list"),
    ("name: Russia\nkind: state\nsummary: s\ncountry: Not An Id\n", "unsafe id"),
])
def test_the_schema_rejects_what_the_tool_rejects(text, why, tmp_path):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(editor_load(text), shipped("actor.schema.json"))
    from generator.errors import ContentErrors
    from generator.load import load_corpus

    actors = tmp_path / "actors"
    actors.mkdir()
    (actors / "russia.yml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentErrors):
        load_corpus(tmp_path)
