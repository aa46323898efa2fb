"""What a briefing page shows of each source: the passages that matter to the briefing.

A briefing used to print its sources' full text; at the size of a real archive that made each
briefing page 75 KB of Markdown (MkDocs spends about a second per MB), and the full text is on
the article page anyway. A source is shown here by the paragraphs around the first mention of
each of the briefing's actors, around its quotations and around the key figures the briefing
lists, in that order of priority, until `BUDGET` characters; a long paragraph is cut to the
sentences around what it is chosen for. The passages are printed in the order of the text, "…"
marking what is left out. A source short enough is shown whole.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

BUDGET = 1500  # characters of one source's text on a briefing page
PIECE = 500  # a paragraph longer than this is cut to the sentences around its anchor

Span = tuple[int, int]

_BLANK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
_SPACE = re.compile(r"\s")


def paragraphs(text: str) -> list[Span]:
    """The (start, end) of every block of the text between blank lines."""
    spans, start = [], 0
    for gap in _BLANK.finditer(text):
        if text[start:gap.start()].strip():
            spans.append((start, gap.start()))
        start = gap.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def choose(text: str, anchors: Iterable[int], budget: int = BUDGET) -> tuple[Span, ...]:
    """The spans of the text to show, in text order: whole paragraphs, or the sentences
    around an anchor in a long one, taken for each anchor in turn while they fit the budget.

    Anchors are offsets into the text, most important first. Spans never overlap.
    """
    if len(text) <= budget:
        return ((0, len(text)),) if text.strip() else ()
    blocks = paragraphs(text)
    starts = [start for start, _end in blocks]
    chosen: list[Span] = []
    used = 0
    for anchor in anchors:
        if any(start <= anchor < end for start, end in chosen):
            continue
        index = bisect.bisect_right(starts, anchor) - 1
        if index < 0 or anchor >= blocks[index][1]:
            continue  # in a blank gap between paragraphs
        piece = blocks[index] if blocks[index][1] - blocks[index][0] <= PIECE \
            else _around(text, blocks[index], anchor, PIECE)
        piece = _without(text, piece, anchor, chosen)
        size = piece[1] - piece[0]
        if used + size > budget:
            if chosen:
                continue  # a later, shorter passage may still fit
            piece = _window(text, piece, anchor, budget)
            size = piece[1] - piece[0]
        chosen.append(piece)
        used += size
        if used >= budget:
            break
    return tuple(sorted(chosen))


def _around(text: str, block: Span, anchor: int, limit: int) -> Span:
    """The sentence of the block that holds the anchor, and those after it up to `limit`."""
    start, end = block
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start, end)]
    before = [e for e in ends if e <= anchor]
    first = before[-1] if before else start
    after = [e for e in ends if e > anchor] + [end]
    last = after[0]
    for candidate in after[1:]:
        if candidate - first > limit:
            break
        last = candidate
    if last - first > limit:
        return _window(text, (first, last), anchor, limit)
    return first, rstrip(text, first, last)


def _window(text: str, span: Span, anchor: int, limit: int) -> Span:
    """At most `limit` characters of the span, from the anchor on, cut at spaces."""
    start, end = span
    first = anchor if anchor - start > limit // 4 else start
    while first > start and not text[first - 1].isspace():
        first -= 1  # never cut a word (nor an actor's name) in two
    last = min(end, first + limit)
    if last < end:
        space = max((m.start() for m in _SPACE.finditer(text, first, last)), default=None)
        last = space if space is not None and space > first else last
    return first, rstrip(text, first, last)


def rstrip(text: str, start: int, end: int) -> int:
    """The end of text[start:end] without its trailing whitespace."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _without(text: str, piece: Span, anchor: int, chosen: list[Span]) -> Span:
    """The piece trimmed, on the side away from its anchor, to overlap no chosen span."""
    start, end = piece
    for other_start, other_end in chosen:
        if other_start < end and start < other_end:  # they overlap
            if other_end <= anchor:
                start = other_end
            else:
                end = other_start
    while start < anchor and text[start].isspace():
        start += 1
    return start, end
