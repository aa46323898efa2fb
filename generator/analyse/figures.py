"""Key figures in a text: amounts of money, counts of people, years, each with its context."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class FigureKind(Enum):
    MONEY = "money"
    PEOPLE = "people"
    YEAR = "year"


@dataclass(frozen=True)
class Figure:
    kind: FigureKind
    value: str  # as written: "$1.6 billion"
    context: str  # the clause around it, trimmed
    start: int
    end: int


_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
_SCALE = r"(?:\s(?:thousand|million|billion|trillion|bn|m)\b)?"
_MONEY = re.compile(
    rf"(?:(?:US|A|C)?\$|€|£|¥)\s?(?:{_NUMBER}){_SCALE}"
    rf"|\b(?:{_NUMBER}){_SCALE}\s(?:dollars|euros|pounds|rubles|roubles|yuan)\b",
    re.IGNORECASE,
)
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
_CLAUSE = re.compile(r"[.;!?](?=\s|$)|\n")
_CONTEXT_WORDS = 16


def find_figures(text: str) -> list[Figure]:
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in ((FigureKind.MONEY, _MONEY), (FigureKind.PEOPLE, _PEOPLE),
                          (FigureKind.YEAR, _YEAR)):
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append(Figure(kind, match.group(), _context(text, match.start(), match.end()),
                                match.start(), match.end()))
    return sorted(found, key=lambda figure: figure.start)


def _context(text: str, start: int, end: int) -> str:
    """The clause holding the figure, shortened around it to a readable line."""
    left = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    right_match = _CLAUSE.search(text, end)
    right = right_match.start() if right_match else len(text)
    before = text[left:start].split()
    after = text[end:right].split()
    half = _CONTEXT_WORDS // 2
    words = (["…"] if len(before) > half else []) + before[-half:]
    words += [text[start:end]] + after[:half] + (["…"] if len(after) > half else [])
    return " ".join(words)
