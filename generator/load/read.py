"""Read one content file safely: regular files only, size bound, UTF-8, LF line endings,
no control characters, front matter, YAML nodes with marks."""

from __future__ import annotations

import errno
import os
import re
import stat
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
    body_line: int = 1  # the line of the file where the body starts, for messages


def read_text(path: Path, display: str, root: Path | None = None) -> str:
    """The file's text with LF line endings; refuses links, special files, files that lie
    outside `root`, and files too large, not UTF-8, holding control characters or empty."""
    # CR LF and lone CR become LF before anything else looks at the text, so that a file
    # saved on Windows gives the very same pages. A CR byte is never part of a UTF-8 sequence.
    data = _read_bytes(path, display, root).replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line_start = before.rfind(b"\n") + 1
        line = before.count(b"\n") + 1
        col = len(before[line_start:].decode("utf-8", "replace")) + 1
        raise FileProblem(ContentError(
            display, line, col, f"file is not UTF-8 (byte 0x{data[exc.start]:02x})",
            "save it as UTF-8")) from exc
    text = text.removeprefix("\ufeff")
    control = CONTROL.search(text)
    if control:
        start = control.start()
        line = text.count("\n", 0, start) + 1
        col = start - (text.rfind("\n", 0, start) + 1) + 1
        raise FileProblem(ContentError(
            display, line, col, f"control character U+{ord(control.group()):04X} in the file",
            "delete it; only tabs and line breaks may be used"))
    if not text.strip():
        raise FileProblem(ContentError(display, 1, 1, "file is empty"))
    return text


# Invisible characters that terminals act on and that make XML (the feed) invalid; tab and
# line feed are the only ones text needs. NEL (U+0085) is a line break to YAML alone.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_SPECIAL = {stat.S_IFIFO: "a named pipe (FIFO)", stat.S_IFSOCK: "a socket",
            stat.S_IFCHR: "a device", stat.S_IFBLK: "a device", stat.S_IFDIR: "a folder"}


def refusal(display: str, mode: int) -> ContentError | None:
    """Why a file of this `lstat` mode is not read, or None for a regular file."""
    if stat.S_ISLNK(mode):
        return ContentError(display, 1, 1, "is a symbolic link; links are never followed",
                            "copy the file or folder itself in")
    if not stat.S_ISREG(mode):
        kind = _SPECIAL.get(stat.S_IFMT(mode), "not a regular file")
        return ContentError(display, 1, 1, f"is {kind}, not a regular file",
                            "only regular files are read")
    return None


def _read_bytes(path: Path, display: str, root: Path | None) -> bytes:
    """At most MAX_BYTES + 1 bytes of a regular file, opened without following a link and
    without blocking: a FIFO put in place between the check and the open cannot hang us."""
    try:
        problem = refusal(display, os.lstat(path).st_mode)
        if problem is None and root is not None and not _inside(path, root):
            problem = ContentError(display, 1, 1, "lies outside the content folder",
                                   "a folder on its way is a link; copy the file itself in")
        if problem is not None:
            raise FileProblem(problem)
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # made a link after the check above
            raise FileProblem(refusal(display, stat.S_IFLNK)) from exc
        raise FileProblem(ContentError(display, 1, 1, f"cannot read file: {exc.strerror}")) from exc
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        problem = refusal(display, info.st_mode)
        if problem is not None:
            raise FileProblem(problem)
        data = handle.read(MAX_BYTES + 1) if info.st_size <= MAX_BYTES else b""
        size = max(info.st_size, len(data))
    if size > MAX_BYTES:
        raise FileProblem(ContentError(
            display, 1, 1, f"file is {size:,} bytes, over the limit of {MAX_BYTES:,}"))
    return data


def _inside(path: Path, root: Path) -> bool:
    return Path(os.path.realpath(path.parent)).is_relative_to(os.path.realpath(root))


def compose(text: str, display: str, line_offset: int = 0) -> yaml.Node:
    """The YAML node tree of `text`, with marks; syntax errors become one `FileProblem`."""
    try:
        _check_events(text, display, line_offset)
        node = yaml.compose(text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        raise FileProblem(_syntax_error(exc, text, display, line_offset)) from exc
    except yaml.YAMLError as exc:
        raise FileProblem(ContentError(display, 1 + line_offset, 1,
                                       f"YAML error: {exc}")) from exc
    if node is None:
        raise FileProblem(ContentError(display, 1 + line_offset, 1, "no YAML fields found"))
    return node


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, display: str,
                  line_offset: int) -> ContentError:
    """The parser's complaint, moved to where the mistake is when the parser noticed it later."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line, mark.column) if mark else (0, 0)
    lines = text.split("\n")
    indent = re.match(r"[ \t]*", lines[line] if line < len(lines) else "").group()
    if "\t" in indent:
        return ContentError(display, line + 1 + line_offset, indent.index("\t") + 1,
                            "YAML syntax error: a tab character indents this line",
                            "indent with spaces")
    start = exc.context_mark
    if start and exc.context == "while scanning a quoted scalar" and "end of stream" in str(
            exc.problem):
        quote = lines[start.line][start.column]
        return ContentError(display, start.line + 1 + line_offset, start.column + 1,
                            "YAML syntax error: this quoted text is never closed",
                            f"close it with {quote}")
    opened = _unclosed_quote(lines, line)
    if opened is not None:
        # A quote left open swallows the lines after it, and the parser complains where it
        # finally closes ("did not find expected key"), far from the mistake.
        at_line, at_col, quote = opened
        return ContentError(display, at_line + 1 + line_offset, at_col + 1,
                            "YAML syntax error: this quoted text is not closed on its line",
                            f"close it with {quote}; the parser read on to line "
                            f"{line + 1 + line_offset}")
    hint = ""
    if exc.context and start:
        hint = f"{exc.context} that starts at {start.line + 1 + line_offset}:{start.column + 1}"
    return ContentError(display, line + 1 + line_offset, col + 1,
                        f"YAML syntax error: {exc.problem}", hint)


# A value that starts with a quote, after "key: " or "- ".
_OPENING_QUOTE = re.compile(r"[ ]*(?:-[ ]+)*(?:[^\s:#\"'][^:#\"']*:[ ]+)?([\"'])")


def _unclosed_quote(lines: list[str], before: int) -> tuple[int, int, str] | None:
    """The nearest line before `before` whose quoted value does not close on that line."""
    for index in range(min(before, len(lines)) - 1, -1, -1):
        match = _OPENING_QUOTE.match(lines[index])
        if match is None:
            continue
        quote, rest = match.group(1), lines[index][match.end():]
        closed = (re.search(r'(?<!\\)(?:\\\\)*"', rest) if quote == '"'
                  else "'" in rest.replace("''", ""))
        return None if closed else (index, match.start(1), quote)
    return None


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
            rest = "".join(lines[index + 1:])
            skipped = rest[: len(rest) - len(rest.lstrip())].count("\n")
            return FrontMatter("".join(lines[1:index]), 1, rest.strip(), index + 2 + skipped)
    raise FileProblem(ContentError(display, 1, 1, "front matter is not closed by a '---' line"))
