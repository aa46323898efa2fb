"""Common lower-case English words, for telling a name from a word ("polish", "turkey").

The list is `english_words.txt` beside this module (SCOWL's small American English list;
its notice is in the file), shipped as package data.
"""

from __future__ import annotations

from ..names import word_list

COMMON_WORDS: frozenset[str] = word_list(__package__, "english_words.txt")
