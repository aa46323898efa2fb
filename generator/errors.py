"""Errors a user can cause, each located in a file and formatted as one line.

Every stage collects `ContentError`s instead of stopping at the first; the pipeline raises one
`ContentErrors` carrying all of them, and the CLI and the MkDocs plugin print its lines.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

# Quoted values are cut to this many characters: a message shows where and what, never a file.
EXCERPT = 60

# Words users write for an allowed value under another name; offered only when the value they
# point at is one of the choices of the field at hand ("country" is a kind, "medium" a level).
SYNONYMS = {
    "country": "state", "nation": "state", "nation-state": "state",
    "company": "organization", "corporation": "organization", "business": "organization",
    "ngo": "organization", "party": "organization",
    "ministry": "government-body", "agency": "government-body", "department": "government-body",
    "militia": "armed-group", "rebels": "armed-group", "insurgents": "armed-group",
    "terrorist-group": "armed-group", "individual": "person", "people": "person",
    "medium": "moderate", "med": "moderate", "average": "moderate", "strong": "high",
    "weak": "low",
    "probable": "likely", "probably": "likely", "possible": "roughly even chance",
    "even chance": "roughly even chance", "certain": "almost certain",
    "highly likely": "very likely", "highly unlikely": "very unlikely",
    "impossible": "almost no chance", "remote": "almost no chance",
    "final": "published", "public": "published", "wip": "draft",
    "WHITE": "CLEAR",
}


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int
    col: int
    message: str
    hint: str = ""

    def format_message(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return one_line(f"{self.path}:{self.line}:{self.col}: {self.message}{hint}")


@dataclass(frozen=True, order=True)
class ContentWarning(ContentError):
    """Something a user may have meant, but probably did not; reported, never fatal.

    `briefings check` prints these after the errors; builds log them without failing, so
    that `mkdocs build --strict` does not turn a doubt into a refusal.
    """

    def format_message(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return one_line(f"{self.path}:{self.line}:{self.col}: warning: {self.message}{hint}")


class ContentErrors(Exception):
    """All the problems of one run, sorted by place so the output reads like the files."""

    def __init__(self, errors: Iterable[ContentError], warnings: Iterable[ContentWarning] = ()):
        self.errors = sorted(set(errors))
        # Shown among the errors, so that a doubt is not hidden until the errors are fixed.
        self.warnings = sorted(set(warnings))
        super().__init__(self.format_message())

    def format_message(self) -> str:
        lines = sorted([*self.errors, *self.warnings], key=_place)
        return "\n".join(line.format_message() for line in lines)


def _place(error: ContentError) -> tuple:
    return error.path, error.line, error.col, error.message, error.hint


def excerpt(text: str, limit: int = EXCERPT) -> str:
    """`text` quoted as Python would, cut to `limit` characters: a value, never a whole file."""
    if len(text) <= limit:
        return repr(text)
    quoted = repr(text[:limit])
    return quoted[:-1] + "…" + quoted[-1]


def one_line(text: str) -> str:
    """`text` with every character a terminal would act on (newline, escape, tab…) escaped."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


def did_you_mean(wrong: str, choices: Iterable[str]) -> str:
    """A hint naming the nearest valid choice, or listing the few valid ones."""
    choices = sorted(set(choices))
    synonym = SYNONYMS.get(wrong) or SYNONYMS.get(wrong.strip().lower())
    if synonym in choices:
        return f"did you mean {synonym!r}?"
    nearest = difflib.get_close_matches(wrong, choices, n=1, cutoff=0.6)
    # A short stem ("ally" for "allied-with") is too far for difflib but plain to a reader.
    nearest = nearest or [c for c in choices if len(wrong) >= 3 and c.startswith(wrong[:3])][:1]
    if nearest:
        return f"did you mean {nearest[0]!r}?"
    if 0 < len(choices) <= 8:
        return "expected one of: " + ", ".join(repr(choice) for choice in choices)
    return ""
