"""Markdown text helpers: making user text safe, and linking actor mentions in article bodies.

User text (article bodies, every YAML value) stays Markdown, so a curator can write *emphasis*
or a [link](https://example.org), but never HTML: `<` and `&` are escaped everywhere, code
included, and a link to anything but http(s), mailto or a relative address keeps only its text.
"""

from __future__ import annotations

import bisect
import functools
import posixpath
import re
from collections.abc import Callable, Iterable

from markupsafe import Markup, escape

from ..analyse import Mention

# Spans of a Markdown body where a link must not be inserted.
_PROTECTED = re.compile(
    r"(?P<code>^(?:```|~~~)[\s\S]*?^(?:```|~~~)[ \t]*$|`[^`\n]+`)"
    r"|(?P<heading>^[ \t]{0,3}#{1,6}[ \t][^\n]*)"
    r"|(?P<link>!?\[[^\]\n]*\]\([^)\n]*\)|<https?://[^>\s]+>|https?://\S+)",
    re.MULTILINE,
)
# An inline link or image; its address may hold one level of parentheses, as Markdown allows.
_INLINE_LINK = re.compile(
    r"(!?)\[([^\]\n]*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+[^)\n]*)?\)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]*)>?.*$", re.MULTILINE)
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_SAFE_SCHEMES = {"http", "https", "mailto"}


def _safe_address(address: str) -> bool:
    scheme = _SCHEME.match(address)
    return scheme is None or scheme.group(1).lower() in _SAFE_SCHEMES


def defuse(text: str) -> str:
    """Markdown without links to dangerous addresses ("javascript:…"): they keep their text."""
    def inline_link(match: re.Match) -> str:
        return match.group() if _safe_address(match.group(3)) else match.group(2)

    def reference(match: re.Match) -> str:
        return match.group() if _safe_address(match.group(1)) else ""

    return _REFERENCE.sub(reference, _INLINE_LINK.sub(inline_link, text))


def safe_text(text: str) -> str:
    """User Markdown that cannot produce HTML: links defused, `&` and `<` escaped.

    `>` stays, so that "> quoted" is still a blockquote; alone it cannot open a tag. Autolinks
    (<https://…>) become ordinary links first, since their `<` is escaped.
    """
    text = _AUTOLINK.sub(lambda m: f"[{m.group(1)}]({m.group(1)})", defuse(text))
    return text.replace("&", "&amp;").replace("<", "&lt;")


def relative(here: str, target: str) -> str:
    """The Markdown link from the page at `here` to the page at `target` (both doc paths)."""
    return _relative_from(posixpath.dirname(here) or ".", target)


@functools.lru_cache(maxsize=65536)
def _relative_from(folder: str, target: str) -> str:
    # Cached by folder: every page in a folder shares the answer (relpath is slow).
    return posixpath.relpath(target, folder)


def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens; empty when the text has none."""
    return "-".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def inline(text: str) -> str:
    """Collapse a multi-line YAML string to one line, for list items and table cells."""
    return " ".join(text.split())


def cell(text: str) -> Markup:
    """User text escaped for a Markdown table cell."""
    return Markup(str(escape(defuse(inline(text)))).replace("|", "\\|"))


def blockquote(text: str) -> Markup:
    """User text as an escaped Markdown blockquote, paragraphs kept."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    return Markup("\n>\n".join(f"> {escape(defuse(p))}" for p in paragraphs))


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
    """The body made safe (see `safe_text`), with each actor's first mention per section linked.

    Sections are delimited by headings. Mentions inside headings, code or existing links are
    never linked.
    """
    protected = [(m.start(), m.end(), m.lastgroup) for m in _PROTECTED.finditer(text)]
    starts = [start for start, _end, _kind in protected]
    heading_starts = [start for start, _end, kind in protected if kind == "heading"]
    linked: set[tuple[str, int]] = set()
    out: list[str] = []
    cursor = 0
    for mention in mentions:
        # Protected spans never overlap, so only the one starting last before the end can.
        index = bisect.bisect_left(starts, mention.end) - 1
        if index >= 0 and protected[index][1] > mention.start:
            continue
        section = bisect.bisect_left(heading_starts, mention.start)
        if (mention.actor, section) in linked:
            continue
        linked.add((mention.actor, section))
        out.append(safe_text(text[cursor:mention.start]))
        out.append(f"[{safe_text(mention.text)}]({href(mention.actor)})")
        cursor = mention.end
    out.append(safe_text(text[cursor:]))
    return Markup("".join(out))
