"""Read one content file safely: size bound, UTF-8, front matter, YAML nodes with marks."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import ContentError

try:  # libyaml is several times faster; the pure-Python loader gives the same nodes.
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_BYTES = 2 * 1024 * 1024
# Aliases are refused outright: content files never need them, and they are how a small file
# ("billion laughs") expands without bound. Nesting is bounded before the recursive composer
# can run out of stack.
MAX_DEPTH = 32


class FileProblem(Exception):
    """A file that cannot be read at all; carries the one error to report."""

    def __init__(self, error: ContentError):
        super().__init__(error.format_message())
        self.error = error


@dataclass(frozen=True)
class FrontMatter:
    yaml_text: str
    line_offset: int  # lines before the YAML starts, to correct its marks
    body: str


def read_text(path: Path, display: str) -> str:
    """The file's text; refuses files too large, empty or not UTF-8."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise FileProblem(ContentError(
                display, 1, 1, f"file is {size:,} bytes, over the limit of {MAX_BYTES:,}"))
        data = path.read_bytes()
    except OSError as exc:
        raise FileProblem(ContentError(display, 1, 1, f"cannot read file: {exc.strerror}")) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise FileProblem(ContentError(
            display, line, col, f"file is not UTF-8 (byte 0x{data[exc.start]:02x})",
            "save it as UTF-8")) from exc
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise FileProblem(ContentError(display, 1, 1, "file is empty"))
    return text


def compose(text: str, display: str, line_offset: int = 0) -> yaml.Node:
    """The YAML node tree of `text`, with marks; syntax errors become one `FileProblem`."""
    try:
        _check_events(text, display, line_offset)
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        hint = ""
        if exc.context and exc.context_mark:
            start = exc.context_mark
            hint = f"{exc.context} that starts at {start.line + 1 + line_offset}:{start.column + 1}"
        raise FileProblem(ContentError(
            display, line + line_offset, col, f"YAML syntax error: {exc.problem}", hint)) from exc
    except yaml.YAMLError as exc:
        raise FileProblem(ContentError(display, 1 + line_offset, 1,
                                       f"YAML error: {exc}")) from exc
    if node is None:
        raise FileProblem(ContentError(display, 1 + line_offset, 1, "no YAML fields found"))
    return node


def _check_events(text: str, display: str, line_offset: int) -> None:
    depth = 0
    for event in yaml.parse(text, Loader=SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise FileProblem(_at(display, event, line_offset,
                                  "YAML aliases (*name) are not allowed in content files",
                                  "write the value out"))
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise FileProblem(_at(display, event, line_offset,
                                      f"values nested deeper than {MAX_DEPTH} levels"))
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _at(display: str, event: yaml.Event, line_offset: int, message: str, hint: str = ""):
    mark = event.start_mark
    return ContentError(display, mark.line + 1 + line_offset, mark.column + 1, message, hint)


def split_front_matter(text: str, display: str) -> FrontMatter:
    """Separate `---` YAML front matter from the Markdown body of an article."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != "---":
        raise FileProblem(ContentError(
            display, 1, 1, "article must start with '---' and YAML front matter",
            "run 'briefings import' on a plain-text article"))
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() == "---":
            return FrontMatter("".join(lines[1:index]), 1, "".join(lines[index + 1:]).strip())
    raise FileProblem(ContentError(display, 1, 1, "front matter is not closed by a '---' line"))
