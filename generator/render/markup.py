"""Markdown text helpers: making user text safe, and linking actor mentions in article bodies.

User text (article bodies, every YAML value) stays Markdown, so a curator can write *emphasis*
or a [link](https://example.org), but never HTML and never an attribute list: `<`, `&` and `{`
are escaped everywhere, code included. Links are found as the engine finds them
(`generator/user_markdown.py`): one to anything but http(s) or mailto is shown as written, an
image from outside the site becomes a plain link (nothing a page shows is fetched from
elsewhere), and brackets that would make Python-Markdown scan without end are escaped. The
HTML sanitizer (`generator/sanitize.py`) guarantees the same again on what MkDocs renders.
"""

from __future__ import annotations

import bisect
import functools
import html
import posixpath
import re
from collections.abc import Callable, Iterable

from markupsafe import Markup, escape
from slugify import slugify

from .. import user_markdown
from ..analyse import Mention

# Spans of a Markdown body where a link must not be inserted (links themselves come from the
# scan). Every alternative stops at a newline, so the search is linear. (Fenced code is not
# an extension this site enables.)
_PROTECTED = re.compile(
    r"(?P<code>`[^`\n]+`)"
    r"|(?P<heading>^[ \t]{0,3}#{1,6}[ \t][^\n]*)"
    r"|(?P<link><https?://[^>\s]+>|https?://\S+)",
    re.MULTILINE,
)
# Autolinks become ordinary links, since their "<" is escaped. No bracket or parenthesis in
# the address, so the link they make needs no scan of its own.
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s\[\]()]{1,2000})>")


def _edits(text: str, scanned: user_markdown.Scan) -> dict[int, str]:
    """What replaces the character at each offset so that the engine reads the text safely."""
    edits = {offset: "\\" + text[offset] for offset in scanned.escapes}
    for link in scanned.links:
        if not link.safe:
            edits[link.breaker] = "\\" + text[link.breaker]  # shown as written
        elif link.image:
            edits[link.start] = ""  # the "!": an outside image becomes a plain link
    return edits


def _escape(text: str) -> str:
    # `>` stays, so that "> quoted" is still a blockquote; alone it cannot open a tag.
    text = _AUTOLINK.sub(lambda m: f"[{m.group(1)}]({m.group(1)})", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;")


class _Writer:
    """Writes spans of one text with its edits applied and its characters escaped."""

    def __init__(self, text: str, dense_as_plain: bool = True):
        self.text = text
        self.scanned = user_markdown.scan(text, dense_as_plain)
        self.edits = _edits(text, self.scanned)
        self.offsets = sorted(self.edits)

    def span(self, start: int, end: int) -> str:
        """Markdown for text[start:end]; a span never cuts a plain paragraph in two."""
        out, cursor = [], start
        plain = self.scanned.plain
        first = bisect.bisect_left(plain, start, key=lambda span: span[0])
        for plain_start, plain_end in plain[first:]:
            if plain_start >= end:
                break
            out.append(self.edited(cursor, plain_start))
            if plain_start and not self.text.endswith("\n\n", 0, plain_start):
                out.append("\n\n")  # a tail cut from a list or a table: a block of its own
            out.append(_preformatted(self.text[plain_start:plain_end]))
            cursor = plain_end
        out.append(self.edited(cursor, end))
        return "".join(out)

    def edited(self, start: int, end: int, escape: Callable[[str], str] = _escape) -> str:
        """text[start:end] with its edits applied, each piece passed through `escape`."""
        out = []
        first = bisect.bisect_left(self.offsets, start)
        last = bisect.bisect_left(self.offsets, end)
        cursor = start
        for offset in self.offsets[first:last]:
            out.append(escape(self.text[cursor:offset]))
            out.append(escape(self.edits[offset]))
            cursor = offset + 1
        out.append(escape(self.text[cursor:end]))
        return "".join(out)


def _preformatted(paragraph: str) -> str:
    # A raw HTML block: the engine copies it as it is, with no inline parsing at all. In
    # spans of a few KB, since the sanitizer (html5ever) is quadratic in the number of "&amp;"
    # in one text node: 1M of them took 15 s, the same in 2,000-character spans 0.6 s.
    spans = "".join(f"<span>{html.escape(paragraph[i:i + 2000], quote=False)}</span>"
                    for i in range(0, len(paragraph), 2000))
    return f"<pre>{spans}</pre>"


def safe_text(text: str) -> str:
    """User Markdown (an article body) that cannot produce HTML, attributes or a runaway parse."""
    return _Writer(text).span(0, len(text))


# Where a YAML value holds none of these, the scan can find nothing to change in it.
_SCANNED = re.compile(r"[\[\]#>]")


@functools.lru_cache(maxsize=200_000)
def user_text(text: str) -> Markup:
    """A YAML value as Markdown for a template: made safe as `safe_text`, then escaped as
    HTML too, since templates also print values inside attributes (`aria-label="…"`).

    Cached: the same names and titles are printed on thousands of pages."""
    if not _SCANNED.search(text):
        return Markup(str(escape(text)).replace("{", "&#123;"))
    html_escaped = _Writer(text, dense_as_plain=False).edited(0, len(text),
                                                              lambda piece: str(escape(piece)))
    return Markup(html_escaped.replace("{", "&#123;"))


def relative(here: str, target: str) -> str:
    """The Markdown link from the page at `here` to the page at `target` (both doc paths)."""
    return _relative_from(posixpath.dirname(here) or ".", target)


@functools.lru_cache(maxsize=65536)
def _relative_from(folder: str, target: str) -> str:
    # Cached by folder: every page in a folder shares the answer (relpath is slow).
    return posixpath.relpath(target, folder)


def slug(text: str) -> str:
    """Lowercase ASCII words joined by hyphens, other scripts transliterated ("Erdoğan" gives
    "erdogan", "Путин" "putin"); empty when the text has no letters or digits."""
    return slugify(text)


def inline(text: str) -> str:
    """Collapse a multi-line YAML string to one line, for list items and table cells."""
    return " ".join(text.split())


def clip(text: str, limit: int = 160) -> str:
    """One line of at most `limit` characters, cut at a word with "…": a summary where a list
    shows one per row (the full text is on the item's own page)."""
    text = inline(text)
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"


def html_text(text: str) -> Markup:
    """User text on one line for the HTML a template writes (where Markdown is not read)."""
    return escape(inline(text))


def cell(text: str) -> Markup:
    """User text escaped for a Markdown table cell."""
    return Markup(user_text(inline(text)).replace("|", "\\|"))


def blockquote(text: str) -> Markup:
    """User text as an escaped Markdown blockquote, paragraphs kept."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    return Markup("\n>\n".join(f"> {user_text(p)}" for p in paragraphs))


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

    Sections are delimited by headings. Mentions inside headings, code or links are never
    linked.
    """
    writer = _Writer(text)
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
        scanned = writer.scanned
        if scanned.in_plain(mention.start) or scanned.link_at(mention.start) \
                or scanned.link_at(mention.end - 1):
            continue
        section = bisect.bisect_left(heading_starts, mention.start)
        if (mention.actor, section) in linked:
            continue
        linked.add((mention.actor, section))
        out.append(writer.span(cursor, mention.start))
        out.append(f"[{writer.span(mention.start, mention.end)}]({href(mention.actor)})")
        cursor = mention.end
    out.append(writer.span(cursor, len(text)))
    return Markup("".join(out))
