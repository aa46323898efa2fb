"""JSON Schemas for editors, derived from the field declarations in `fields.py`, and of the
site's published data (graph.json, whose schema `render/graph.py` declares beside its writer).

`briefings schemas --out schemas/` writes them; a test keeps the committed copies equal to
what the declarations say, so the editor and `briefings check` never disagree on a rule.
References between files (an unknown actor id) are beyond what a schema can say; only the
tool checks those.
"""

from __future__ import annotations

import json
from typing import Any

from ..render import graph
from .fields import ACTOR, ARTICLE, BRIEFING, PROFILES, TAXONOMY, Record, Type
from .validate import SAFE_ID

_ID_PATTERN = f"^{SAFE_ID.pattern}$"
SCHEMA_URI = "https://json-schema.org/draft/2020-12/schema"

# File name of each content file's schema, and the record it describes.
CONTENT_SCHEMAS: dict[str, Type] = {
    "actor.schema.json": Type(record=ACTOR),
    "article.schema.json": Type(record=ARTICLE),
    "briefing.schema.json": Type(record=BRIEFING),
    "taxonomy.schema.json": Type(record=TAXONOMY),
    "profiles.schema.json": PROFILES,
}
# Every schema `briefings schemas` writes.
SCHEMAS: tuple[str, ...] = (*CONTENT_SCHEMAS, graph.SCHEMA_FILE)


def json_schema(name: str, shape: Type) -> dict[str, Any]:
    title = name.removesuffix(".schema.json")
    schema = {"$schema": SCHEMA_URI, "title": f"Briefings {title} file"}
    schema.update(_type(shape))
    return schema


def schema_text(name: str) -> str:
    if name == graph.SCHEMA_FILE:
        return graph.schema_text()  # the very text the site publishes beside graph.json
    return json.dumps(json_schema(name, CONTENT_SCHEMAS[name]), indent=2,
                      ensure_ascii=False) + "\n"


def _record(record: Record) -> dict[str, Any]:
    properties = {}
    for declared in record.fields:
        prop = _type(declared.type)
        if declared.doc:
            prop["description"] = declared.doc
        if not declared.required:
            prop = {"anyOf": [prop, {"type": "null"}], **_doc(prop)}
        properties[declared.name] = prop
    schema: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    required = [f.name for f in record.fields if f.required]
    if required:
        schema["required"] = required
    return schema


def _doc(prop: dict[str, Any]) -> dict[str, Any]:
    return {"description": prop["description"]} if "description" in prop else {}


def _type(type_: Type) -> dict[str, Any]:
    if type_.record is not None:
        return _record(type_.record)
    if type_.values is not None:
        return {
            "type": "object",
            "propertyNames": {"pattern": _ID_PATTERN},
            "additionalProperties": _record(type_.values),
        }
    if type_.items is not None:
        return {"type": "array", "items": _type(type_.items)}
    if type_.choices:
        return {"enum": list(type_.choices)}
    if type_.scalar == "int":
        schema: dict[str, Any] = {"type": "integer"}
        if type_.minimum is not None:
            schema["minimum"] = type_.minimum
        if type_.maximum is not None:
            schema["maximum"] = type_.maximum
        return schema
    if type_.scalar == "bool":
        return {"type": "boolean"}
    if type_.scalar == "date":
        # YAML editors hand dates over as strings; the pattern catches most typos while
        # typing, and the tool rejects impossible days such as 2015-02-30.
        return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
    if type_.scalar == "datetime":
        # The zone is required here as in the tool: without one the moment is anybody's guess.
        return {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"
                                             r"(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$"}
    if type_.scalar == "id":
        return {"type": "string", "pattern": _ID_PATTERN}
    return {"type": ["string", "number"], "minLength": 1, "maxLength": type_.max_chars}
