"""How names are spelled: shared by the loader (two actors may not claim one name) and the
mention finder (which matches every spelling); and the word lists both read."""

from __future__ import annotations

import re
import unicodedata
from importlib import resources


def spellings(name: str) -> set[str]:
    """The name as written, without diacritics, decomposed, and with straight apostrophes."""
    unaccented = "".join(ch for ch in unicodedata.normalize("NFKD", name)
                         if not unicodedata.combining(ch))
    forms = {name, unaccented, unicodedata.normalize("NFD", name)}
    return {form.replace("’", "'") for form in forms}


def spelling_key(name: str) -> str:
    """One key for every spelling the mention finder treats as the same name."""
    return min(spellings(name.strip())).lower() if name.strip() else ""


# German umlauts as wire copy transliterates them when it has no diacritics ("Poehl", "Fuele").
_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe",
                                  "Ü": "Ue", "ß": "ss"})
_INITIAL = re.compile(r"[A-Z]\.?")
_LEADING_INITIALS = re.compile(r"((?:[A-Z]\.\s*){2,}|[A-Z]{2,3}\s)(?=[A-Z][a-z])")
# Legal forms a company's registered name may end with, and wire copy may drop or add.
COMPANY_SUFFIXES = ("Inc", "Corp", "Corporation", "Co", "Ltd", "plc", "PLC", "Group", "AG",
                    "SA", "GmbH", "LLC", "NV")


def variants(name: str, person: bool) -> set[str]:
    """Other ways wire copy writes a registered name: "Poehl" for "Pöhl"; for a person,
    without the middle initial ("Jerry Shields") and with the initials written three ways
    ("J. K.", "J.K.", "JK"); for anything else, without a leading "The" (when two words
    remain) or a trailing legal form ("Deutsche Bank" for "Deutsche Bank AG")."""
    found = {name.translate(_TRANSLITERATION)}
    words = name.split()
    if person:
        initials = _LEADING_INITIALS.match(name)
        middle = [w for w in words[1:-1] if not _INITIAL.fullmatch(w)]
        if not initials and len(words) > 2 and len(middle) < len(words) - 2:
            found.add(" ".join([words[0], *middle, words[-1]]))
        if initials:
            letters = re.sub(r"[^A-Z]", "", initials.group(1))
            rest = name[initials.end():]
            found |= {f"{' '.join(c + '.' for c in letters)} {rest}",
                      f"{''.join(c + '.' for c in letters)} {rest}", f"{letters} {rest}"}
    else:
        if len(words) > 2 and words[0] == "The":
            found.add(" ".join(words[1:]))
        if len(words) > 1 and words[-1].rstrip(".") in COMPANY_SUFFIXES:
            found.add(" ".join(words[:-1]).rstrip(","))
    found.discard(name)
    return found


def word_list(package: str, resource: str) -> frozenset[str]:
    """A word list shipped with the package: one word a line, lines starting with # are
    comments (the analysis's English words, the check's common words that are names)."""
    text = resources.files(package).joinpath(resource).read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))
