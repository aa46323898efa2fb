"""Capitalised names in text: what a reader would take for the name of someone or something.

One scanner serves every tool that looks for names no actor may hold yet: `briefings import`
(the unknown names of a new article), `briefings check` (a registered form inside a longer,
unregistered name: "Mexico" in "Gulf of Mexico") and `briefings review` (names that recur
across the corpus). The rules, in the order they apply:

- a name is a run of capitalised words on one line ("Walt Disney Company", "U.S.",
  "People's Liberation Army"), joined by name particles, which keep a name whole
  ("Ursula von der Leyen", "Gulf of Mexico", "Haider al-Abadi");
- function words that open it ("The", "According", "However") are dropped, and so are
  weekdays and months at either end ("Monday", "March"; "Theresa May" keeps its "May");
- a job title or honorific that leads it ("Trade Minister", "Mr.", "Secretary of State",
  "Director of National Intelligence") is not part of the name: it is the person's role;
- a title alone ("the Prime Minister") is no name.

Whether a lone word opening a sentence ("Officials said…") is a name cannot be told from the
word: callers keep such a word only if it is also seen capitalised elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# Capital letters of the Latin, Greek and Cyrillic scripts ("Émile", "Östersund", "Путин").
_CAPS = "".join(ch for code in (*range(0x41, 0x530), *range(0x1E00, 0x1F00))
                if (ch := chr(code)).isupper() and ch.isalpha())
_CAP = f"[{re.escape(_CAPS)}]"
# Abbreviations whose full stop does not end the name ("Mr. Putin", "Walt Disney Co."), and a
# single letter ("U.S."): look-behinds, one per length (Python's have a fixed width).
_ABBREVIATIONS = (r"\w", "Mr|Ms|Dr|Lt|St|Jr|Sr|Co",
                  "Mrs|Gen|Sen|Rep|Gov|Col|Sgt|Adm|Maj|Rev|Inc|Ltd", "Capt|Brig|Prof|Corp|Bros")


def _after_abbreviation(suffix: str) -> str:
    return "|".join(f"(?<=\\b(?:{group}){suffix})" for group in _ABBREVIATIONS)


_ABBREVIATED = _after_abbreviation("")
# A hyphen joins only a capitalised part: "France-Presse" is one word, "ISIS-held" is "ISIS".
_TAIL = rf"[\w’']*(?:-(?={_CAP}|\d)[\w’']*)*(?:\.\w[\w’']*)*(?:(?=\.)(?:{_ABBREVIATED})\.)?"
_WORD = _CAP + _TAIL
# A particle written onto the name: "al-Abadi", "d'Estaing", "bin-Laden".
_PREFIX = r"(?:al|el|an|ar|as|ash|ad|at|az|bin|ibn|abu|d|l|de|di|da)[-’']"
_PARTICLE = (r"(?:(?:of|for)(?:[ \t]+the)?|von(?:[ \t]+(?:der|dem))?|van(?:[ \t]+(?:der|den|de))?"
             r"|de(?:[ \t]+(?:la|las|los|le))?|da|di|del|della|du|des|la|le|al|el|bin|ibn|bint"
             r"|ben|dos|das|y|zu|ter|ten)")
_JOIN = rf"[ \t]+(?:{_PARTICLE}[ \t]+|{_PREFIX})?"
# A run starts on a capital that no word character precedes (starting on a character class
# lets the regex engine skip ahead quickly); group 2 holds the three characters before it,
# which tell whether it opens a sentence. Texts are scanned behind three line breaks, so that
# the first word has them too.
_RUN = re.compile(rf"({_CAP}(?<![\w’'].)(?<=(...).){_TAIL}(?:{_JOIN}{_WORD})*)", re.DOTALL)
# Runs of two words or more, found quickly with words drawn loosely ("ISIS-held Mosul" is
# one); `_RUN` then finds the names within each.
_NOT_A_STOP = rf"(?>(?<!\.)|{_after_abbreviation(re.escape('.'))})"  # "Iraq. Russia" is two
_LOOSE_RUN = re.compile(
    rf"{_CAP}(?<![\w’'].)[\w’'.-]*+(?:{_NOT_A_STOP}{_JOIN}{_CAP}[\w’'.-]*+)+", re.DOTALL)
_LEAD = "\n\n\n"
# Between a sentence's end and the next one's first word: spaces, quotes, brackets, list marks.
_MARKS = " \t“”\"‘’'()[]*_#>+-"
_PARTICLES = frozenset(("of", "for", "the", "von", "van", "der", "dem", "den", "de", "la",
                        "las", "los", "le", "da", "di", "del", "della", "du", "des", "al", "el",
                        "bin", "ibn", "bint", "ben", "dos", "das", "y", "zu", "ter", "ten"))

# Words that open sentences and clauses: capitalised there, but nobody's name.
_FUNCTION = frozenset((
    "A", "About", "According", "After", "Again", "Against", "Ago", "Ahead", "All", "Already",
    "Also", "Although", "Among", "An", "And", "Another", "Any", "Are", "As", "At", "Because",
    "Before", "Both", "But", "By", "Certainly", "Despite", "During", "Each", "Earlier",
    "Either", "Even", "Every", "Few", "First", "For", "From", "Further", "He", "Her", "Here",
    "His", "How", "However", "I", "If", "In", "Instead", "Is", "It", "Its", "Last", "Later",
    "Many", "Meanwhile", "More", "Most", "Much", "My", "Neither", "Never", "Next", "No", "Nor",
    "Not", "Now", "Obviously", "Of", "On", "Once", "One", "Only", "Or", "Other", "Our", "Over",
    "Reports", "She", "Since", "So", "Some", "Still", "Such", "That", "The", "Their", "Then",
    "There", "These", "They", "This", "Those", "Though", "Through", "To", "Today", "Tomorrow",
    "Two", "Under", "Unlike", "Until", "We", "Were", "What", "When", "Where", "Whether",
    "Which", "While", "Who", "Why", "With", "Within", "Without", "Yes", "Yesterday", "Yet",
    "You", "Your"))
_DAYS = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                   "Sunday", "January", "February", "March", "April", "May", "June", "July",
                   "August", "September", "October", "November", "December", "Feb", "Aug",
                   "Sept", "Oct", "Nov", "Dec"))
# Months that are also given names and surnames: kept after another word of the name.
_NAME_MONTHS = frozenset(("April", "May", "June", "August"))
# Job titles and honorifics (lower case, without the full stop): a role, not a name.
_TITLES = frozenset((
    "minister", "president", "vice-president", "secretary", "secretary-general", "chancellor",
    "premier", "spokesman", "spokeswoman", "spokesperson", "mr", "mrs", "ms", "miss", "dr",
    "gen", "sen", "senator", "rep", "gov", "governor", "judge", "ambassador", "king", "queen",
    "prince", "princess", "pope", "mayor", "chairman", "chairwoman", "chairperson", "director",
    "commander", "col", "lt", "capt", "sgt", "adm", "admiral", "maj", "brig", "prof",
    "professor", "sir", "dame", "sheikh", "ayatollah", "emir", "sultan", "envoy", "attorney",
    "ceo", "rev", "inspector", "solicitor", "comptroller", "lawmaker"))
# Words that continue a title ("Secretary General", "Secretary of State").
_OFFICES = frozenset(("general", "state", "defense", "defence", "foreign", "affairs",
                      "interior", "finance", "justice", "trade", "health", "education",
                      "energy", "commerce", "treasury", "economy", "home", "war", "staff"))
# Words that qualify a title: "Prime Minister", "Deputy Secretary".
_RANKS = frozenset(("prime", "deputy", "vice", "acting", "chief", "assistant", "under",
                    "first", "former", "senior", "executive"))
_SPLIT = re.compile(rf"[ \t]+|-(?={_CAP})")  # between the words of a name


@dataclass(frozen=True)
class Name:
    """A name found in a text: where it stands, and the role written before it."""

    text: str  # "Oskar Lind"
    role: str  # "Trade Minister", or ""
    start: int  # of `text` in the scanned text
    end: int
    opens_sentence: bool  # its first word opens a sentence: one such word may be no name


@dataclass(frozen=True)
class Candidate:
    """A name no known actor's mention covers, with how often it occurs."""

    name: str
    role: str  # the title most often written before it, or ""
    count: int

    def __str__(self) -> str:
        return f"{self.name} ({self.role})" if self.role else self.name


def names_in(text: str) -> list[Name]:
    """Every capitalised name in `text`, in order."""
    found = []
    for match in _RUN.finditer(_LEAD + text):
        start = match.start() - len(_LEAD)
        for offset, name, role in _names(match.group(1)):
            found.append(Name(name, role, start + offset, start + offset + len(name),
                              offset == 0 and _opens(match.group(2))))
    return found


def long_names(text: str) -> list[str]:
    """Every name of two words or more in `text`, once per occurrence.

    The fast path for scanning a whole corpus: lone words are not looked at, and each
    distinct run of words is split once.
    """
    return [name for run in _LOOSE_RUN.findall(text) for name in _long_names_in(run)]


@lru_cache(maxsize=1 << 16)
def _long_names_in(run: str) -> tuple[str, ...]:
    return tuple(name.text for name in names_in(run) if " " in name.text)


def _opens(before: str) -> bool:
    """Do these characters before a word end a sentence (. ! ? : a line break), open a
    quotation, or hold only marks (a heading's "## ")?"""
    before = before.rstrip(" \t")
    if before.endswith(("“", "‘", '"')):
        return True
    before = before.rstrip(_MARKS)
    return not before or before[-1] in ".!?:\n"


def words(name: str) -> list[tuple[int, int]]:
    """The spans of the words of a name: "Agence France-Presse" has three."""
    spans, start = [], 0
    for gap in _SPLIT.finditer(name):
        spans.append((start, gap.start()))
        start = gap.end()
    spans.append((start, len(name)))
    return spans


class Tally:
    """Names counted over one text or many: how often, with which role, in which places."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.roles: dict[str, Counter[str]] = {}
        self.places: dict[str, set[str]] = {}
        self.inside: set[str] = set()  # names seen somewhere other than at a sentence's start

    def add(self, name: Name, place: str = "") -> None:
        self.counts[name.text] += 1
        self.roles.setdefault(name.text, Counter())[name.role] += 1
        self.places.setdefault(name.text, set()).add(place)
        if not name.opens_sentence or " " in name.text:
            self.inside.add(name.text)

    def role(self, name: str) -> str:
        """The title most often written before the name; on a tie the first in alphabetical
        order, for stable output."""
        roles = self.roles[name]
        return min(roles, key=lambda role: (not role, -roles[role], role))

    def names(self) -> list[str]:
        """The names, most frequent first; a lone word opening a sentence only if it is
        also seen elsewhere."""
        return sorted((n for n in self.counts if n in self.inside),
                      key=lambda n: (-self.counts[n], n))


def candidate_names(text: str, covered_spans: Iterable[tuple[int, int]]) -> tuple[Candidate, ...]:
    """Names in `text` that the covered spans (known actors' mentions) leave unclaimed."""
    spans = sorted(covered_spans)
    tally = Tally()
    for name in names_in(text):
        if not covered(name, spans):
            tally.add(name)
    return tuple(Candidate(name, tally.role(name), tally.counts[name]) for name in tally.names())


def covered(name: Name, spans: list[tuple[int, int]]) -> bool:
    """Is every word of the name inside one of the sorted `spans` (known actors' mentions:
    "Oskar Lind", "U.S. Defense Department")?"""
    for start, end in words(name.text):
        if name.text[start:end] in _PARTICLES:
            continue
        start, end = name.start + start, name.start + end
        if not any(s <= start and end <= e for s, e in spans):
            return False
    return True


@lru_cache(maxsize=1 << 16)
def _names(run: str) -> tuple[tuple[int, str, str], ...]:
    """The names in one run of capitalised words: (offset in the run, name, role)."""
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", run)]
    # Function words, weekdays and months at the start; weekdays and months at the end.
    while tokens and (tokens[0][1] in _FUNCTION or tokens[0][1] in _DAYS
                      or tokens[0][1] in _PARTICLES):
        tokens.pop(0)
    # "Walt Disney Co. The company…": an article after an abbreviation opens the next sentence.
    while tokens and (tokens[-1][1] in ("The", "A", "An") or tokens[-1][1] in _PARTICLES
                      or tokens[-1][1] in _DAYS and not _given_name(tokens)):
        tokens.pop()
    if not tokens or all(_is_title(t) or t in _PARTICLES for _, t in tokens):
        return ()  # no words, or a title alone: "the Prime Minister"
    role_end = _title_end([t for _, t in tokens])
    role = " ".join(t for _, t in tokens[:role_end])
    name = tokens[role_end:]
    # A person's name ends before "of": "Dr. Jane Roe of the World Bank" is two names.
    cut = next((i for i, (_, t) in enumerate(name) if role and t in ("of", "for")), None)
    if cut is not None:
        rest = name[cut + 1:]
        rest = rest[1:] if rest and rest[0][1] == "the" else rest
        return (_name(run, name[:cut], role), _name(run, rest, ""))
    return (_name(run, name, role),)


def _name(run: str, tokens: list[tuple[int, str]], role: str) -> tuple[int, str, str]:
    start = tokens[0][0]
    text = run[start:tokens[-1][0] + len(tokens[-1][1])]
    return start, re.sub(r"[’']s$", "", text), role  # "Putin's" is Putin


def _is_title(word: str) -> bool:
    word = word.rstrip(".").lower()
    return word in _TITLES or word in _OFFICES or word in _RANKS


def _given_name(tokens: list[tuple[int, str]]) -> bool:
    """"Theresa May": a month that follows another word of the name is part of it."""
    return (tokens[-1][1] in _NAME_MONTHS and len(tokens) > 1
            and tokens[-2][1] not in _FUNCTION and tokens[-2][1] not in _DAYS)


def _title_end(tokens: list[str]) -> int:
    """How many leading words of a run are a title: up to the last title word that has a
    name after it, with the offices that continue it ("Secretary of State", "Minister of
    Foreign Affairs"). Of a longer "of" phrase, the last two words are taken for the name
    ("Director of National Intelligence James Clapper")."""
    lower = [t.rstrip(".").lower() for t in tokens]
    titles = [i for i, word in enumerate(lower[:-1]) if word in _TITLES]
    if not titles:
        return 0
    end = titles[-1] + 1
    while end < len(lower) and lower[end] in _OFFICES:
        end += 1
    if end < len(lower) and lower[end] in ("of", "for"):
        phrase = end + 1 + (end + 1 < len(lower) and lower[end + 1] == "the")
        offices = phrase
        while offices < len(lower) and lower[offices] in _OFFICES:
            offices += 1
        if offices > phrase:
            return offices
        words_ = [i for i in range(phrase, len(lower)) if lower[i] not in _PARTICLES]
        # Two words or fewer after "of" name the office, not a person: "President of Russia".
        return words_[-2] if len(words_) >= 3 else len(lower)
    return end
