"""Key figures in a text: amounts of money, counts of people, years, each with its context."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class FigureKind(Enum):
    MONEY = "money"
    PEOPLE = "people"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Figure:
    kind: FigureKind
    value: str  # as written: "$1.6 billion"
    context: str  # the clause around it, trimmed
    start: int
    end: int


_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_SCALE = r"(?:\s?(?:thousand|million|billion|trillion|bn|m|k)\b)?"
MONEY_FORMS = (
    rf"(?:(?:US|A|C)?\$|€|£|¥)\s?(?:{_NUMBER}){_SCALE}"
    rf"|\b(?:{_NUMBER}){_SCALE}\s(?:dollars|euros|pounds|rubles|roubles|yuan)\b"
)
# The lookahead names every character a match can start with: without it the engine tries
# both forms at every position of the text (three times slower over the bench articles).
_MONEY = re.compile(rf"(?=[\d$€£¥uacUAC])(?:{MONEY_FORMS})", re.IGNORECASE)
_PEOPLE_NOUNS = (
    r"troops|soldiers|service members|personnel|fighters|militants|civilians|refugees|people|"
    r"advisers|advisors|officers|marines|sailors|airmen|contractors|casualties|dead|deaths|"
    r"killed|wounded|prisoners|hostages|members|residents|migrants|staff|workers|agents|spies"
)
_PEOPLE = re.compile(
    rf"\b(?:(?:over|more than|about|around|some|nearly|almost|at least|up to|roughly)\s)?"
    rf"(?:{_NUMBER}){_SCALE}(?:\s[A-Z][\w.]*){{0,2}}\s(?:{_PEOPLE_NOUNS})\b",
)
_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")
_PATTERNS = ((FigureKind.MONEY, _MONEY), (FigureKind.PEOPLE, _PEOPLE), (FigureKind.YEAR, _YEAR))
_CLAUSE = re.compile(r"[.;!?](?=\s|$)|\n")
_CONTEXT_WORDS = 16
_WORD = re.compile(r"\S+")


def find_figures(text: str) -> list[Figure]:
    """Money, counts of people and years, in text order; where two overlap the first wins."""
    matches = sorted(
        (match.start(), priority, match.end(), kind, match.group())
        for priority, (kind, pattern) in enumerate(_PATTERNS)
        for match in pattern.finditer(text)
    )
    found: list[Figure] = []
    covered_to = 0
    for start, _priority, end, kind, value in matches:
        if start < covered_to:
            continue
        covered_to = end
        found.append(Figure(kind, value, _context(text, start, end), start, end))
    return found


def _context(text: str, start: int, end: int) -> str:
    """The clause holding the figure, shortened around it to a readable line.

    Looks no further than a window around the figure, so long texts stay linear.
    """
    window = _CONTEXT_WORDS * 20
    lo, hi = max(0, start - window), min(len(text), end + window)
    left = max((m.end() for m in _CLAUSE.finditer(text, lo, start)), default=lo)
    right_match = _CLAUSE.search(text, end, hi)
    right = right_match.start() if right_match else hi
    half = _CONTEXT_WORDS // 2
    before = list(_WORD.finditer(text, left, start))
    after = list(_WORD.finditer(text, end, right))
    first = before[-half].start() if len(before) >= half else left
    last = after[half - 1].end() if len(after) >= half else right
    context = " ".join(text[first:last].split())
    cut_before = len(before) > half or (left == lo and lo > 0)
    cut_after = len(after) > half or (right == hi and hi < len(text))
    return ("… " if cut_before else "") + context + (" …" if cut_after else "")
