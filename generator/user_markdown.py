"""User Markdown read the way the engine will read it: its links, and the shapes it chokes on.

Content is untrusted. Two things about its Markdown matter before any engine sees it:

- **Links.** Python-Markdown finds a link's text by counting brackets and its address by
  counting parentheses, so nested brackets, nested parentheses and newlines in the text all
  make links. This module finds them the same way (a bracket stack per paragraph, not a
  regular expression), so that `check` can name a bad address with its line and column and
  render can break it. The HTML sanitizer (`generator/sanitize.py`) is what guarantees that no
  script address reaches a page; this is for the curator's message and for engines that do
  not run our sanitizer.
- **Runaway parses.** Python-Markdown scans from every `[` to the end of its paragraph when
  no `]` closes it, and from every `](` to the end when no `)` does: a paragraph of 30 KB of
  `[` took 133 s. Every bracket that could not start a link of sane shape (unclosed, nested
  deeper than `MAX_DEPTH`, or spanning more than `MAX_SPAN` characters) is escaped with a
  backslash, which the engine reads as a plain character. And each inline match (an escape,
  an entity, an emphasis) costs the engine a copy of the whole paragraph and some 5 µs, so a
  paragraph dense with markup characters, beyond what any prose holds, is shown as plain
  preformatted text instead (`Scan.plain`): no inline parsing at all.

Shared by load (which reports) and render (which neutralises), so both see the same links.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

# A link's text or address longer than this is not prose; Python-Markdown would still scan it.
MAX_SPAN = 2000
MAX_DEPTH = 4
# Characters that start an inline match in Python-Markdown. Prose has a few per paragraph;
# past these bounds a paragraph (or what is left of a text's budget) is shown as plain text.
MAX_MARKUP_PER_PARAGRAPH = 1000
MAX_MARKUP_PER_TEXT = 20_000
# Python-Markdown's time grows with the square of a text's block count (700,000 one-word
# paragraphs took 147 s) and fast with table rows and list items (110,000 rows: 21 s). No
# article has more than a few hundred of these; past this bound, the rest of a text is shown
# as one preformatted block.
MAX_BLOCKS = 2000
# A paragraph start, or a line that is a block or a row of its own: a list item, a table row,
# a blockquote, a definition, an admonition or details block.
_BLOCK = re.compile(r"\n[ \t]*\n|^[ \t]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|:|!!!|\?\?\?)|^[^\n|]*\|",
                    re.MULTILINE)
# Each level of blockquote makes the engine go over the quoted text again: 2 MB of ">" ran
# for 41 s. Past this depth a ">" is a plain character.
MAX_QUOTE_DEPTH = 8
_DEEP_QUOTE = re.compile(rf"^(?:[ ]{{0,3}}>){{{MAX_QUOTE_DEPTH}}}[ ]{{0,3}}(>)", re.MULTILINE)
# Each heading is a section of the table of contents and of the search index, where the
# theme's search plugin looks each one up in a list: 190,000 headings ran for minutes.
MAX_HEADINGS = 200
# An ATX heading; its first "#" is what an escape turns into text.
_HEADING = re.compile(r"^[ ]{0,3}(#)#{0,5}(?:[ \t]|$)", re.MULTILINE)
MARKUP = re.compile(r"[\\&<*_\[\]!`{]")

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A reference definition: "[id]: address" at the start of a line (Python-Markdown's block
# pattern allows up to three spaces before it and the address on the next line).
_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\[\]\n]*\]:[ \t]*\n?[ \t]*<?([^\s>]+)>?", re.MULTILINE)
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
# Browsers drop ASCII tab and newline anywhere in a URL and C0 controls and spaces around it.
_URL_NOISE = re.compile(r"[\t\n\r]|^[\x00-\x20]+")
SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def scheme(address: str) -> str | None:
    """The address's scheme as a browser reads it, lower-cased; None when relative."""
    match = _SCHEME.match(_URL_NOISE.sub("", address))
    return match.group(1).lower() if match else None


def outside(address: str) -> bool:
    """An absolute address (or a scheme-relative "//host/…"): off this site."""
    return scheme(address) is not None or _URL_NOISE.sub("", address).startswith("//")


@dataclass(frozen=True)
class Link:
    """A link or image the engine will make, and where its address starts in the text."""

    start: int  # the opening "[" (for a definition, the start of its line)
    end: int  # just after the closing ")" or the address of a definition
    address: str
    address_at: int
    # The character that, escaped, unmakes the link: its "(" or a definition's "[".
    breaker: int
    image: bool = False
    definition: bool = False

    @property
    def scheme(self) -> str | None:
        return scheme(self.address)

    @property
    def safe(self) -> bool:
        return self.scheme in SAFE_SCHEMES

    @property
    def outside(self) -> bool:
        return outside(self.address)


@dataclass(frozen=True)
class Scan:
    """What the engine will find in one text."""

    links: tuple[Link, ...]
    # Offsets of brackets and parentheses that must be read as plain characters.
    escapes: tuple[int, ...]
    # Paragraphs (start, end) too dense with markup to parse: shown as preformatted text.
    plain: tuple[tuple[int, int], ...] = ()
    # Where the blocks past MAX_BLOCKS start (that tail is the last `plain` span).
    tail_from: int | None = None

    def in_plain(self, offset: int) -> bool:
        return _within(self.plain, offset)

    @cached_property
    def _link_starts(self) -> list[int]:
        # cached_property writes to the instance __dict__, which a frozen dataclass allows.
        return [link.start for link in self.links]

    def link_at(self, offset: int) -> Link | None:
        """The link whose span contains `offset`, if any (links never overlap at top level)."""
        index = bisect.bisect_right(self._link_starts, offset) - 1
        while index >= 0:
            link = self.links[index]
            if link.start <= offset < link.end:
                return link
            index -= 1
            if index >= 0 and self.links[index].end <= offset:
                break
        return None


def scan(text: str, dense_as_plain: bool = True) -> Scan:
    """The links in `text`, the brackets to escape and the paragraphs to show as plain text,
    in time linear in its length.

    `dense_as_plain=False` is for short texts printed inline (YAML values, bounded in length
    by the loader), where a preformatted block cannot stand: every paragraph is scanned.
    """
    links: list[Link] = []
    escapes: list[int] = []
    plain: list[tuple[int, int]] = []
    budget = MAX_MARKUP_PER_TEXT
    tail_from = _tail(text) if dense_as_plain else None
    for start, end in _paragraphs(text[:tail_from]):
        markup = len(MARKUP.findall(text, start, end))
        if dense_as_plain and markup > min(MAX_MARKUP_PER_PARAGRAPH, budget):
            plain.append((start, end))
            continue
        budget -= markup
        _scan_paragraph(text, start, end, links, escapes)
    if tail_from is not None:
        plain.append((tail_from, len(text)))  # the rest of the text, as one block
    body_end = len(text) if tail_from is None else tail_from
    escapes.extend(match.start(1) for match in _DEEP_QUOTE.finditer(text, 0, body_end))
    for match in _DEFINITION.finditer(text):
        if _within(plain, match.start()):
            continue
        breaker = text.index("[", match.start())
        links.append(Link(match.start(), match.end(), match.group(1), match.start(1), breaker,
                          definition=True))
    headings = 0
    for match in _HEADING.finditer(text):
        if _within(plain, match.start()):
            continue
        headings += 1
        if headings > MAX_HEADINGS:
            escapes.append(match.start(1))  # "\#": the line is text, not a section
    links.sort(key=lambda link: link.start)
    return Scan(tuple(links), tuple(sorted(escapes)), tuple(plain), tail_from)


def _within(spans: Sequence[tuple[int, int]], offset: int) -> bool:
    """Is `offset` inside one of these sorted, non-overlapping (start, end) spans?"""
    index = bisect.bisect_right(spans, offset, key=lambda span: span[0]) - 1
    return index >= 0 and offset < spans[index][1]


def _tail(text: str) -> int | None:
    """Where the block past MAX_BLOCKS starts, if there is one."""
    for count, match in enumerate(_BLOCK.finditer(text), start=2):  # the text opens a block
        if count > MAX_BLOCKS:
            return match.end() if not match.group().strip(" \t\n") else match.start()
    return None


def _paragraphs(text: str):
    start = 0
    for blank in _BLANK_LINE.finditer(text):
        yield start, blank.start()
        start = blank.end()
    yield start, len(text)


def _scan_paragraph(text: str, start: int, end: int, links: list[Link],
                    escapes: list[int]) -> None:
    brackets = _pairs(text, start, end, "[", "]")
    parens = _pairs(text, start, end, "(", ")")
    for open_at, (close_at, depth) in brackets.items():
        if close_at is None or depth > MAX_DEPTH or close_at - open_at > MAX_SPAN:
            escapes.append(open_at)
            if close_at is not None:
                escapes.append(close_at)
            continue
        paren = close_at + 1
        if paren >= end or text[paren] != "(":
            continue
        closing, paren_depth = parens.get(paren, (None, 0))
        if closing is None or paren_depth > MAX_DEPTH or closing - paren > MAX_SPAN:
            escapes.append(paren)  # "](" with no sane ")" is plain text, not a link
            continue
        inside = text[paren + 1:closing]
        address = inside.strip().split(maxsplit=1)[0] if inside.strip() else ""
        if address.startswith("<"):
            address = address[1:].split(">", 1)[0]
        address_at = paren + 1 + inside.find(address[:1]) if address else paren + 1
        image = open_at > start and text[open_at - 1] == "!" and not _escaped(text, open_at - 1)
        links.append(Link(open_at - image, closing + 1, address, address_at, paren, image=image))


def _pairs(text: str, start: int, end: int, opener: str, closer: str) -> dict:
    """Each unescaped opener's matching closer (or None) and its nesting depth among matched
    pairs (an opener that never closes encloses nothing, as the engine reads it). A closer
    that closes nothing is listed under its own offset with None, so that it is escaped too
    and a text never closes a bracket that the template around it opened."""
    matched: list[tuple[int, int]] = []
    unmatched: list[int] = []
    stack: list[int] = []
    for match in _TOKENS[opener].finditer(text, start, end):
        char = match.group()
        if char == opener:
            stack.append(match.start())
        elif char == closer:
            if stack:
                matched.append((stack.pop(), match.start()))
            elif opener == "[":
                unmatched.append(match.start())
    pairs: dict[int, tuple[int | None, int]] = dict.fromkeys([*stack, *unmatched], (None, 0))
    enclosing: list[int] = []  # closers of the matched pairs around the current one
    for open_at, close_at in sorted(matched):
        while enclosing and enclosing[-1] < open_at:
            enclosing.pop()
        pairs[open_at] = (close_at, len(enclosing) + 1)
        enclosing.append(close_at)
    return pairs


# A backslash and the character it escapes, or a bracket: only these are visited.
_TOKENS = {
    "[": re.compile(r"\\.|\[|\]", re.DOTALL),
    "(": re.compile(r"\\.|\(|\)", re.DOTALL),
}


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index > 0 and text[index - 1] == "\\":
        backslashes += 1
        index -= 1
    return backslashes % 2 == 1


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` in `text`."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1
