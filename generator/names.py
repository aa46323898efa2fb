"""How names are spelled: shared by the loader (two actors may not claim one name) and the
mention finder (which matches every spelling)."""

from __future__ import annotations

import unicodedata


def spellings(name: str) -> set[str]:
    """The name as written, without diacritics, decomposed, and with straight apostrophes."""
    unaccented = "".join(ch for ch in unicodedata.normalize("NFKD", name)
                         if not unicodedata.combining(ch))
    forms = {name, unaccented, unicodedata.normalize("NFD", name)}
    return {form.replace("’", "'") for form in forms}


def spelling_key(name: str) -> str:
    """One key for every spelling the mention finder treats as the same name."""
    return min(spellings(name.strip())).lower() if name.strip() else ""
