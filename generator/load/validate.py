"""Check a YAML node tree against a declared `Record` and turn it into plain values.

Works on composed nodes rather than loaded Python objects so that every message can name the
line and column of the offending value. References to other files are only collected here;
they are resolved once the whole corpus is loaded.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..errors import ContentError, ContentWarning, did_you_mean, excerpt
from ..model import Source
from .fields import Record, Ref, Type, visible
from .markdown_checks import markdown_warnings
from .read import CONTROL

# fullmatch only: with match, "$" would also accept an id ending in a newline.
SAFE_ID = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?")
ID_RULE = "ids are lowercase letters, digits and hyphens, e.g. 'bob-work'"

# A bound on the work one file can cause, beside the alias and depth checks in `read`.
MAX_VALUES = 100_000
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DIGITS = re.compile(r"[-+]?\d+")
# ISO 8601 as people write it: a date, then optionally a time and a zone (Z or ±HH:MM).
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?P<zone>Z|[+-]\d{2}:\d{2})?)?")
_DATETIME_EXAMPLE = "e.g. 2026-12-03T09:00:00Z or 2026-12-03T10:00:00+01:00"

_TAG = "tag:yaml.org,2002:"


@dataclass(frozen=True)
class Reference:
    kind: Ref
    id: str
    where: Source


class TooLarge(Exception):
    """Raised once the value budget is spent; reported as one error for the file."""


class Checker:
    """Validates the nodes of one file, collecting errors and references."""

    def __init__(self, path: str, line_offset: int = 0, own_id: str | None = None):
        self.path = path
        self.own_id = own_id
        self.line_offset = line_offset
        self.errors: list[ContentError] = []
        self.references: list[Reference] = []
        self.names: list[tuple[str, Source]] = []  # values of fields that name an actor
        self.warnings: list[ContentWarning] = []
        self._budget = MAX_VALUES

    def where(self, node: yaml.Node) -> Source:
        mark = node.start_mark
        return Source(self.path, mark.line + 1 + self.line_offset, mark.column + 1)

    def error(self, node: yaml.Node, message: str, hint: str = "") -> None:
        where = self.where(node)
        self.errors.append(ContentError(where.path, where.line, where.col, message, hint))

    def record(self, node: yaml.Node, record: Record) -> dict[str, Any] | None:
        """The record's values by field name; None where the node is not a mapping."""
        self._spend()
        if not isinstance(node, yaml.MappingNode):
            article = "an" if record.name[0] in "aeiou" else "a"
            self.error(node, f"{article} {record.name} must be a mapping of fields, "
                             f"not {_shape(node)}")
            return None
        values: dict[str, Any] = {}
        seen: set[str] = set()
        value_nodes: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, f"a key must be plain text, not {_shape(key_node)}")
                continue
            key = key_node.value
            declared = record.get(key)
            if declared is None:
                names = [f.name for f in record.fields]
                self.error(key_node, f"unknown field {excerpt(key)} in {record.name}",
                           did_you_mean(key, names))
                continue
            if key in seen:
                self.error(key_node, f"field {key!r} appears twice")
                continue
            seen.add(key)
            value_nodes[key] = value_node
            value = self.value(value_node, declared.type)
            if value is not None:
                values[key] = value
            elif declared.required and _is_null(value_node):
                self.error(value_node, f"field {key!r} must not be empty")
        for declared in record.fields:
            if declared.required and declared.name not in seen:
                self.error(node, f"{record.name} is missing required field {declared.name!r}")
        # Invalid values are left out of `values`, so a rule sees only values that are valid.
        problem = record.check(values) if record.check else None
        if problem:
            name, message, hint = problem
            self.error(value_nodes[name], message, hint)
        return values

    def value(self, node: yaml.Node, type_: Type) -> Any:
        """The value of `node` as `type_` declares it; None for null or a reported error."""
        self._spend()
        if _is_null(node):
            return None
        if type_.record is not None:
            return self.record(node, type_.record)
        if type_.values is not None:
            return self._mapping(node, type_.values)
        if type_.items is not None:
            return self._list(node, type_.items)
        return self._scalar(node, type_)

    def _list(self, node: yaml.Node, item: Type) -> tuple | None:
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"expected a list, not {_shape(node)}",
                       _echo(node, f"write [{node.value}]"))
            return None
        values = []
        seen: set[str] = set()
        for child in node.value:
            value = self.value(child, item)
            if value is None:
                continue
            key = _list_key(value, item)
            if key is not None:
                if key in seen:
                    self.error(child, f"{key!r} is listed twice")
                    continue
                seen.add(key)
            values.append(value)
        return tuple(values)

    def _mapping(self, node: yaml.Node, record: Record) -> dict[str, Any] | None:
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"expected a mapping of id to {record.name}, not {_shape(node)}")
            return None
        entries: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._id(key_node)
            if key is None:
                continue
            if key in entries:
                self.error(key_node, f"duplicate id {key!r}")
                continue
            value = self.record(value_node, record)
            if value is not None:
                entries[key] = (value, self.where(key_node))
        return entries

    def _id(self, node: yaml.Node) -> str | None:
        if not isinstance(node, yaml.ScalarNode):  # only a key can be: "? [a, b]"
            self.error(node, f"a key must be plain text, not {_shape(node)}")
            return None
        if not SAFE_ID.fullmatch(node.value):
            self.error(node, f"{excerpt(node.value)} is not a valid id", ID_RULE)
            return None
        return node.value

    def _scalar(self, node: yaml.Node, type_: Type) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"expected {type_.description}, not {_shape(node)}")
            return None
        if type_.scalar == "date":
            return self._date(node)
        if type_.scalar == "datetime":
            return self._datetime(node)
        if type_.scalar == "int":
            return self._int(node, type_)
        if type_.scalar == "bool":
            if node.tag != _TAG + "bool":
                self.error(node, f"expected true or false, not {node.value!r}")
                return None
            return node.value.lower() in ("true", "yes", "on")
        if type_.scalar == "id":
            value = self._id(node)
            if value is not None and type_.own_id and value != self.own_id:
                self.error(node, f"id {value!r} does not match the file name {self.own_id!r}",
                           f"rename the file or write id: {self.own_id}")
                return None
            if value is not None and type_.not_self and value == self.own_id:
                self.error(node, type_.not_self, f"remove {value!r}")
                return None
            if value is not None and type_.ref is not None:
                self.references.append(Reference(type_.ref, value, self.where(node)))
            return value
        # libyaml gives plain scalars style '' and the pure-Python loader None.
        if node.tag not in (_TAG + "str", _TAG + "int", _TAG + "float") and not node.style:
            self.error(node, f"expected {type_.description}, not {_shape(node)}",
                       _echo(node, f"quote it: \"{node.value}\""))
            return None
        value = node.value.strip()
        if not value:
            # An empty alias would match everywhere; an empty title says nothing.
            self.error(node, "empty text", "write something or remove the entry")
            return None
        if len(value) > type_.max_chars:
            self.error(node, f"text of {len(value):,} characters is too long",
                       f"at most {type_.max_chars:,} here")
            return None
        # Written as YAML escapes ("\x01", "\v"): invisible, and invalid in the feed's XML.
        control = CONTROL.search(value)
        if control:
            self.error(node, f"control character U+{ord(control.group()):04X} in the text",
                       "remove it; only \\n and \\t may be written")
            return None
        if not visible(value).strip():
            self.error(node, f"{excerpt(value)} has only invisible characters",
                       "write something or remove the entry")
            return None
        if type_.choices and value not in type_.choices:
            self.error(node, f"{excerpt(value)} is not an allowed value",
                       did_you_mean(value, type_.choices))
            return None
        if type_.names_actor:
            self.names.append((value, self.where(node)))
        if not type_.choices:  # free text: pages render it as Markdown
            where = self.where(node)
            # Plain and quoted one-line values keep their columns (after the opening quote).
            exact = node.style in ("", None, "'", '"') and "\n" not in node.value
            self.warnings.extend(markdown_warnings(
                value, where.path, where.line, where.col + (node.style in ("'", '"')), exact))
        problem = type_.check(value) if type_.check else None
        if problem:
            self.error(node, *problem)
            return None
        return value

    def _date(self, node: yaml.ScalarNode) -> dt.date | None:
        # Only YYYY-MM-DD: fromisoformat also takes "20200105" and "2020-W01-1".
        if not _DATE.fullmatch(node.value):
            self.error(node, f"{excerpt(node.value)} is not a date", "expected YYYY-MM-DD")
            return None
        try:
            return dt.date.fromisoformat(node.value)
        except ValueError:
            self.error(node, f"{excerpt(node.value)} is not a real date")
            return None

    def _datetime(self, node: yaml.ScalarNode) -> tuple[dt.datetime, Source] | None:
        value = node.value
        shape = _DATETIME.fullmatch(value)
        if shape is None:
            self.error(node, f"{excerpt(value)} is not a date-time",
                       f"expected {_DATETIME_EXAMPLE}")
            return None
        try:
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            self.error(node, f"{value!r} is not a real date-time")
            return None
        # Without a zone the moment depends on the clock of whoever builds: refused.
        if "T" not in value:
            self.error(node, f"{value!r} has no time of day or time zone",
                       f"write {moment.isoformat()}Z or {moment.isoformat()}+01:00")
            return None
        if shape.group("zone") is None:
            self.error(node, f"{value!r} has no time zone",
                       f"write {moment.isoformat()}Z or add +01:00")
            return None
        return moment, self.where(node)

    def _int(self, node: yaml.ScalarNode, type_: Type) -> int | None:
        # YAML 1.1 also calls "0x2", "0b1" and "1:20" integers; a grade is plain digits.
        if node.tag != _TAG + "int" or not _DIGITS.fullmatch(node.value):
            self.error(node, f"expected a whole number, not {excerpt(node.value)}")
            return None
        value = int(node.value)
        if (type_.minimum is not None and value < type_.minimum) or (
            type_.maximum is not None and value > type_.maximum
        ):
            self.error(node, f"{value} is out of range",
                       f"expected {type_.minimum} to {type_.maximum}")
            return None
        return value

    def _spend(self) -> None:
        self._budget -= 1
        if self._budget < 0:
            raise TooLarge(f"more than {MAX_VALUES:,} values in one file")


def _list_key(value: Any, item: Type) -> str | None:
    """What must be unique in a list: the id itself, or the id of a record keyed by one."""
    if item.ref is not None:
        return value
    if item.record is not None and item.record.get("id") is not None:
        return value.get("id")
    return None


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "null"


def _echo(node: yaml.Node, hint: str) -> str:
    """`hint`, which repeats the value, if the value is short and printable enough to repeat."""
    short = isinstance(node, yaml.ScalarNode) and excerpt(node.value) == repr(node.value)
    return hint if short and node.value.isprintable() else ""


def _shape(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    kind = node.tag.removeprefix(_TAG)
    names = {"bool": "true/false", "int": "a number", "float": "a number", "null": "empty",
             "timestamp": "a date", "str": "text"}
    return f"{names.get(kind, kind)} {excerpt(node.value)}" if kind != "null" else "empty"
