"""Markdown text helpers: escaping user text and linking actor mentions in article bodies."""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable, Iterable

from markupsafe import Markup, escape

from ..analyse import Mention

# Spans of a Markdown body where a link must not be inserted, and which are passed on as they
# are (code shows its own text literally, so escaping it would show "&lt;").
_PROTECTED = re.compile(
    r"(?P<code>^(?:```|~~~)[\s\S]*?^(?:```|~~~)[ \t]*$|`[^`\n]+`)"
    r"|(?P<heading>^[ \t]{0,3}#{1,6}[ \t][^\n]*)"
    r"|(?P<link>!?\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]+>|https?://\S+)",
    re.MULTILINE,
)


@functools.lru_cache(maxsize=65536)
def relative(here: str, target: str) -> str:
    """The Markdown link from the page at `here` to the page at `target` (both doc paths)."""
    return posixpath.relpath(target, posixpath.dirname(here) or ".")


def slug(text: str) -> str:
    return "-".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split()) or "site"


def inline(text: str) -> str:
    """Collapse a multi-line YAML string to one line, for list items and table cells."""
    return " ".join(text.split())


def cell(text: str) -> Markup:
    """User text escaped for a Markdown table cell."""
    return Markup(str(escape(inline(text))).replace("|", "\\|"))


def blockquote(text: str) -> Markup:
    """User text as an escaped Markdown blockquote, paragraphs kept."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    return Markup("\n>\n".join(f"> {escape(p)}" for p in paragraphs))


def page_title(text: str) -> str:
    """A title for front matter, safe in every place the theme prints it.

    Material prints `page.title` unescaped in the header and the search results, and through
    `striptags` (which unescapes entities) in `<title>`, so no escaping survives all three.
    Without angle brackets no tag can form in any of them, so those are replaced by
    look-alike quotation marks; an `&` is harmless text in all three.
    """
    return inline(text).replace("<", "‹").replace(">", "›")


def link_mentions(
    text: str, mentions: Iterable[Mention], href: Callable[[str], str]
) -> Markup:
    """The body escaped as Markdown, with each actor's first mention per section linked.

    Sections are delimited by headings. Mentions inside headings, code or existing links are
    never linked.
    """
    protected = [(m.start(), m.end(), m.lastgroup) for m in _PROTECTED.finditer(text)]
    heading_starts = [start for start, _end, kind in protected if kind == "heading"]
    linked: set[tuple[str, int]] = set()
    links: list[Mention] = []
    for mention in mentions:
        if any(start < mention.end and mention.start < end for start, end, _ in protected):
            continue
        section = sum(1 for start in heading_starts if start < mention.start)
        if (mention.actor, section) not in linked:
            linked.add((mention.actor, section))
            links.append(mention)

    out: list[str] = []
    cursor = 0
    edits = [(m.start, m.end, "mention", m) for m in links]
    edits += [(start, end, "raw", None) for start, end, kind in protected if kind == "code"]
    for start, end, kind, mention in sorted(edits, key=lambda edit: edit[0]):
        out.append(str(escape(text[cursor:start])))
        if kind == "raw":
            out.append(text[start:end])
        else:
            out.append(f"[{escape(mention.text)}]({href(mention.actor)})")
        cursor = end
    out.append(str(escape(text[cursor:])))
    return Markup("".join(out))
