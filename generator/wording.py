"""How the commands word what they count: "1 article", "2 articles", "0 problems"."""

from __future__ import annotations


def counted(count: int, noun: str) -> str:
    """`count` (with thousands separators) and `noun`, plural unless the count is one (every
    noun counted takes an "s")."""
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
