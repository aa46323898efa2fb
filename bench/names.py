"""Invented but plausible names for the synthetic corpus, each surface form used only once.

`Names` owns the set of every surface form handed out (case-folded), so no two actors share
a name, an alias or a demonym by accident, and padding aliases never shadow a real name.
Everything is drawn from the `random.Random` it is given, so a seed fixes every name.
"""

from __future__ import annotations

import random
from collections.abc import Callable

_ONSETS = ("b", "d", "k", "m", "n", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr",
           "gr", "l", "h", "f", "p", "sh", "al", "or", "es", "il", "var", "mar", "tal")
_VOWELS = ("a", "e", "i", "o", "u", "a", "o", "e", "ia", "ou")
_CODAS = ("", "", "", "", "n", "r", "l", "s", "k", "m", "v", "d", "sh")

# (state name suffix, demonym suffix)
_STATE_SUFFIXES = (("ia", "ian"), ("istan", "istani"), ("ova", "ovan"), ("land", "lander"),
                   ("ea", "ean"), ("ar", "ari"), ("ania", "anian"), ("esh", "eshi"))
_STATE_FORMS = ("Republic of {}", "Kingdom of {}", "Federal Republic of {}",
                "Democratic Republic of {}", "State of {}", "United Provinces of {}")

_SURNAME_SUFFIXES = ("ov", "ski", "ez", "son", "i", "ani", "ic", "berg", "mann", "ard", "ou",
                     "etti", "ian", "ek", "ova", "ssen", "ides", "oglu")
FIRST_NAMES = (
    "Amina", "Anton", "Arash", "Beatriz", "Boris", "Carmen", "Chidi", "Dalia", "Daniel",
    "Dmitri", "Elena", "Emeka", "Farid", "Fatima", "Gabriel", "Hana", "Hassan", "Ines",
    "Ivan", "Jamal", "Joanna", "Karim", "Katarina", "Layla", "Leila", "Lukas", "Mariam",
    "Marek", "Mehmet", "Mina", "Nadia", "Nikolai", "Noor", "Olga", "Omar", "Pavel", "Petra",
    "Rania", "Reza", "Salim", "Samira", "Sergei", "Sofia", "Tariq", "Tomas", "Valentina",
    "Viktor", "Yasmin", "Yusuf", "Zainab", "Zoran", "Ana", "Kofi", "Lin", "Mei", "Raúl",
    "Zoë", "André", "José", "Ayşe",
)
INITIALS = "ABCDEFGHJKLMNPRSTVW"

# Substitutions that turn a name into a plausible alternative transliteration.
_TRANSLITERATIONS = (("k", "kh"), ("v", "w"), ("c", "k"), ("i", "y"), ("o", "ou"), ("u", "oo"),
                     ("e", "ei"), ("a", "aa"), ("s", "z"), ("t", "th"), ("d", "dh"), ("sh", "ch"),
                     ("ia", "iya"), ("ov", "off"), ("j", "dj"), ("f", "ph"))


class Names:
    """Hands out unique surface forms; `claim` is the one gate every name passes."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self._used: set[str] = set()

    def claim(self, surface: str) -> bool:
        """Reserve `surface`; False when it (in any case) is already taken or too short."""
        key = surface.casefold()
        if len(key) < 4 or key in self._used:
            return False
        self._used.add(key)
        return True

    def unique(self, make: Callable[[], str], attempts: int = 200) -> str:
        """The first fresh name `make` comes up with; a numbered one if it never does."""
        for _ in range(attempts):
            candidate = make()
            if self.claim(candidate):
                return candidate
        base = make()
        for number in range(2, 10_000):
            if self.claim(f"{base} {number}"):
                return f"{base} {number}"
        raise RuntimeError(f"no unique name left near {base!r}")

    def root(self, syllables: int | None = None) -> str:
        """A pronounceable invented word, capitalized: 'Varkan', 'Drelosh'."""
        count = syllables or self.rng.choice((2, 2, 2, 3))
        word = "".join(
            self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS) + self.rng.choice(_CODAS)
            for _ in range(count)
        )
        return word.capitalize()

    def state(self) -> tuple[str, str, str]:
        """(name, formal name, demonym) for an invented state, all three claimed."""
        while True:
            stem = self.root(2)
            suffix, demonym_suffix = self.rng.choice(_STATE_SUFFIXES)
            name = stem.rstrip("aeiou") + suffix
            demonym = stem.rstrip("aeiou") + demonym_suffix
            formal = self.rng.choice(_STATE_FORMS).format(name)
            plural = demonym + "s"
            if all(self._free(s) for s in (name, demonym, formal, plural)):
                for surface in (name, demonym, formal, plural):
                    self.claim(surface)
                return name, formal, demonym

    def surname(self) -> str:
        return self.unique(lambda: self.root(self.rng.choice((1, 2)))
                           + self.rng.choice(_SURNAME_SUFFIXES))

    def transliteration(self, name: str, keep: frozenset[str] = frozenset()) -> str | None:
        """A claimed respelling of `name` ('Varkania' → 'Warkhania'), or None if none is free.

        Only words not in `keep` (generic words such as 'Ministry') are respelt, and each
        substitution applies to the original spelling, so respellings never pile up.
        """
        spots = _spots(name, keep)
        for _ in range(40):
            if not spots:
                return None
            chosen = _non_overlapping(self.rng.sample(spots, min(len(spots), 3)))
            variant = _apply(name, chosen[: self.rng.randint(1, 3)])
            if variant != name and self.claim(variant):
                return variant
        return None

    def _free(self, surface: str) -> bool:
        return len(surface) >= 4 and surface.casefold() not in self._used


Spot = tuple[int, str, str]  # (position, old letters, new letters)


def _spots(name: str, keep: frozenset[str]) -> list[Spot]:
    """Every place in the respellable words of `name` where a transliteration rule applies."""
    spots: list[Spot] = []
    offset = 0
    for word in name.split(" "):
        if word not in keep:
            lower = word.lower()
            for old, new in _TRANSLITERATIONS:
                spots += [(offset + i, old, new) for i in range(len(word))
                          if lower.startswith(old, i)]
        offset += len(word) + 1
    return spots


def _non_overlapping(spots: list[Spot]) -> list[Spot]:
    chosen: list[Spot] = []
    for spot in spots:
        if all(spot[0] >= c[0] + len(c[1]) or c[0] >= spot[0] + len(spot[1]) for c in chosen):
            chosen.append(spot)
    return chosen


def _apply(name: str, spots: list[Spot]) -> str:
    """`name` with each spot's letters replaced, keeping an initial capital."""
    out = name
    for at, old, new in sorted(spots, reverse=True):
        piece = new.capitalize() if out[at].isupper() else new
        out = out[:at] + piece + out[at + len(old):]
    return out


def acronym(words: str) -> str:
    """'Northern Maritime Cooperation Council' → 'NMCC' (small words skipped)."""
    small = {"of", "for", "the", "and", "de", "al"}
    return "".join(word[0].upper() for word in words.split() if word.lower() not in small)
