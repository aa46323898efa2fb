"""Errors a user can cause, each located in a file and formatted as one line.

Every stage collects `ContentError`s instead of stopping at the first; the pipeline raises one
`ContentErrors` carrying all of them, and the CLI and the MkDocs hook print its lines.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int
    col: int
    message: str
    hint: str = ""

    def format_message(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}:{self.col}: {self.message}{hint}"


@dataclass(frozen=True, order=True)
class ContentWarning(ContentError):
    """Something a user may have meant, but probably did not; reported, never fatal.

    `briefings check` prints these after the errors; builds log them without failing, so
    that `mkdocs build --strict` does not turn a doubt into a refusal.
    """

    def format_message(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.path}:{self.line}:{self.col}: warning: {self.message}{hint}"


class ContentErrors(Exception):
    """All the problems of one run, sorted by place so the output reads like the files."""

    def __init__(self, errors: Iterable[ContentError]):
        self.errors = sorted(set(errors))
        super().__init__(self.format_message())

    def format_message(self) -> str:
        return "\n".join(error.format_message() for error in self.errors)


def did_you_mean(wrong: str, choices: Iterable[str]) -> str:
    """A hint naming the nearest valid choice, or listing the few valid ones."""
    choices = sorted(set(choices))
    nearest = difflib.get_close_matches(wrong, choices, n=1, cutoff=0.6)
    # A short stem ("ally" for "allied-with") is too far for difflib but plain to a reader.
    nearest = nearest or [c for c in choices if len(wrong) >= 3 and c.startswith(wrong[:3])][:1]
    if nearest:
        return f"did you mean {nearest[0]!r}?"
    if 0 < len(choices) <= 8:
        return "expected one of: " + ", ".join(repr(choice) for choice in choices)
    return ""
