"""Common lower-case English words, for telling a name from a word ("polish", "turkey").

The list is `english_words.txt` beside this module (SCOWL's small American English list;
its notice is in the file), shipped as package data.
"""

from __future__ import annotations

from importlib import resources


def _load() -> frozenset[str]:
    text = resources.files(__package__).joinpath("english_words.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


COMMON_WORDS: frozenset[str] = _load()
