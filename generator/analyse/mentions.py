"""Find actor mentions in a text: strong aliases, weak aliases, demonyms.

Rules, in the order they decide:
- every surface form of every actor is one alternative of a single pattern, longest first, so
  "Bob Work" wins over "Work" and "U.S. Defense Department" over "U.S." in one pass;
- boundaries are Unicode word boundaries, so "Russia's", "Russia’s" and "ISIS-held" match and
  "Iraqis" does not match "Iraq" unless it is itself a demonym;
- names, aliases and demonyms match in any case; weak aliases (a bare surname that is also a
  word) only in their exact case and only after a strong mention of the same actor;
- a spelling with diacritics also matches its unaccented form and its decomposed (NFD) form;
  a curly apostrophe matches a straight one ("Da’esh", "Da'esh");
- a person's surname is an implicit weak alias ("Clapper said", after "James Clapper");
- a weak alias right after a capitalised word that is not a title is part of another name
  ("Saddam Hussein", "National People's Congress"), not a mention;
- phrases an actor lists as `not_mentions` ("Latin America" for the United States) are
  matched like names, longest first, and then dropped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from ..model import Actor, ActorKind
from ..names import spellings
from ..user_markdown import scan


class Rule(Enum):
    NAME = "name"
    ALIAS = "alias"
    DEMONYM = "demonym"
    WEAK_ALIAS = "weak alias"
    SURNAME = "surname"
    NOT_MENTION = "not a mention"

    @property
    def strong(self) -> bool:
        return self not in (Rule.WEAK_ALIAS, Rule.SURNAME, Rule.NOT_MENTION)


@dataclass(frozen=True)
class Mention:
    actor: str
    start: int
    end: int
    text: str
    rule: Rule


@dataclass(frozen=True)
class Rejection:
    """A match that was not counted, and why: for `briefings explain`."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class _Form:
    actor: str
    surface: str
    rule: Rule

    @property
    def strong(self) -> bool:
        return self.rule.strong


class MentionFinder:
    """Compiled once per corpus; `find` is one scan of the text."""

    def __init__(self, actors: Iterable[Actor]):
        self._forms: dict[str, list[_Form]] = {}
        for actor in sorted(actors, key=lambda a: a.id):
            for rule, names in (
                (Rule.NAME, [actor.name]),
                (Rule.ALIAS, actor.aliases),
                (Rule.DEMONYM, actor.demonyms),
                (Rule.WEAK_ALIAS, actor.weak_aliases),
                (Rule.NOT_MENTION, actor.not_mentions),
            ):
                for name in names:
                    for surface in spellings(name):
                        self._add(_Form(actor.id, surface, rule))
            surname = _surname(actor)
            if surname:
                self._add(_Form(actor.id, surname, Rule.SURNAME))
        body = _trie_pattern(self._forms) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)

    def _add(self, form: _Form) -> None:
        forms = self._forms.setdefault(form.surface.lower(), [])
        if form not in forms:
            forms.append(form)

    def find(self, text: str) -> list[Mention]:
        return self.explain(text)[0]

    def explain(self, text: str) -> tuple[list[Mention], list[Rejection]]:
        """The mentions in `text`, and the matches rejected on the way, in text order."""
        mentions: list[Mention] = []
        rejected: list[Rejection] = []
        strongly_mentioned: set[str] = set()
        addresses = _Spans(_addresses(text))
        # Same length as the text, so offsets stay valid: only the apostrophe is unified.
        for match in self._pattern.finditer(text.replace("’", "'")):
            if addresses.overlap(match.start(), match.end()):
                rejected.append(Rejection(match.start(), match.end(),
                                          text[match.start():match.end()],
                                          "inside a link address"))
                continue
            form, reason = self._choose(match.group(), strongly_mentioned)
            if form is not None and not form.strong:
                reason = _weak_context(text, match.start(), match.end())
                if reason:
                    form, reason = None, f"{form.rule.value} of {form.actor} {reason}"
            if form is None:
                rejected.append(Rejection(match.start(), match.end(),
                                          text[match.start():match.end()], reason))
                continue
            if form.strong:
                strongly_mentioned.add(form.actor)
            mentions.append(Mention(form.actor, match.start(), match.end(),
                                    text[match.start():match.end()], form.rule))
        return mentions, rejected

    def _choose(self, surface: str, strongly_mentioned: set[str]) -> tuple[_Form | None, str]:
        # Strong forms first: an actor's own name beats another actor's weak alias.
        candidates = self._forms.get(surface.lower(), [])
        # A phrase one actor lists as not a mention of it may still be another actor's name.
        blocked = [form.actor for form in candidates if form.rule is Rule.NOT_MENTION]
        for form in candidates:
            if form.strong and form.actor not in blocked:
                return form, ""
        if blocked:
            return None, f"listed in not_mentions of {blocked[0]}"
        reason = ""
        for form in candidates:
            if form.surface != surface:
                reason = reason or f"{form.rule.value} of {form.actor} needs exact case " \
                                   f"{form.surface!r}"
            elif form.actor not in strongly_mentioned:
                reason = f"{form.rule.value} of {form.actor} before any strong mention of it"
            else:
                return form, ""
        return None, reason


# A name inside a URL ("](https://gov.example/iraq-report)") is an address, not a mention.
# Link addresses come from the same scan the render stage uses (linear: a regex for "](…)"
# made a text of "[a](" quadratic); bare and angle-bracket URLs from this pattern.
_URL = re.compile(r"<https?://[^<>\s]{1,2000}>|https?://[^\s)>\]]+")


def _addresses(text: str) -> list[tuple[int, int]]:
    """Sorted, merged spans of the text that are addresses."""
    spans = [(m.start(), m.end()) for m in _URL.finditer(text)]
    spans += [(link.address_at if link.definition else link.breaker, link.end)
              for link in scan(text).links]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


class _Spans:
    """Sorted, non-overlapping spans that answer "does [start, end) touch one?" by bisection."""

    def __init__(self, spans: list[tuple[int, int]]):
        self._spans = spans
        self._starts = [start for start, _ in self._spans]

    def overlap(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self._starts, start) - 1
        for candidate in self._spans[max(index, 0):index + 2]:
            if candidate[0] < end and start < candidate[1]:
                return True
        return False


def _trie_pattern(keys) -> str:
    """One regex for many names, shaped as a trie: "u(?:\\.s\\.(?: defense department)?|n)".

    A flat alternation makes the regex engine try every name at every position; a trie tries
    one branch per character, so a scan costs about the same with ten names or ten thousand.
    Greedy optional tails make the longest name win, backtracking to a shorter one only when
    the longer one is not followed by a word boundary.
    """
    trie: dict = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [re.escape(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return render(trie)


def _surname(actor: Actor) -> str | None:
    """A person's last name, unless the curator already declared it in some form."""
    if actor.kind is not ActorKind.PERSON:
        return None
    words = actor.name.split()
    surname = words[-1].strip(".,") if len(words) > 1 else ""
    declared = {n.casefold() for n in (*actor.aliases, *actor.weak_aliases, actor.name)}
    if len(surname) < 3 or surname.casefold() in declared:
        return None
    return surname


# Words that may stand before a surname without making it part of another name.
_TITLES = frozenset((
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "from", "by", "with", "as",
    "but", "if", "when", "while", "after", "before", "since", "secretary", "president", "minister",
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "general", "gen", "senator", "sen",
    "representative", "rep", "director", "chancellor", "prime", "premier", "king", "queen",
    "prince", "princess", "sheikh", "ambassador", "envoy", "judge", "justice", "governor", "mayor",
    "chief", "commander", "admiral", "colonel", "col", "captain", "capt", "lieutenant", "lt",
    "sergeant", "sgt", "pope", "deputy", "defense", "defence", "foreign", "interior", "finance",
    "state", "vice", "speaker", "leader", "chairman", "chairwoman", "chair", "spokesman",
    "spokeswoman", "spokesperson", "agent", "officer", "inspector", "commissioner", "attorney",
    "lord", "lady", "sir", "dame", "saint", "st",
))
_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w'’.-]*)[ \t]+$")


# After a surname that opens a sentence, these words show it is a person acting ("Work said");
# anything else ("Work on the link", "Stone barriers") reads as the common word.
_ACTS = re.compile(r"[ \t]+(?:[a-z]+ed|said|says|told|tells|has|had|is|was|will|would|"
                   r"could|should|can|may|might|must|did|does|wrote|spoke|made|took|gave|"
                   r"met|left|came|went|sees|saw|thinks|thought|wants|added|also|himself|"
                   r"herself)\b|['’]s\b|,")


def _weak_context(text: str, start: int, end: int) -> str:
    """Why a weak alias here is not a mention, or "" when its context allows it."""
    if _inside_a_name(text, start):
        return "follows a capitalised word: part of another name"
    word = text[start:end]
    looks_common = word[1:] == word[1:].lower()  # "Work", "Stone"; not "US", "DoD", "WHO"
    if looks_common and opens_sentence(text, start) and not _ACTS.match(text, end):
        return "opens a sentence without acting: read as the common word"
    return ""


def _inside_a_name(text: str, start: int) -> bool:
    """Is the match preceded by a capitalised word that is not a title ("Saddam Hussein")?"""
    previous = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if previous is None:
        return False
    word = previous.group(1)
    return word[0].isupper() and word.rstrip(".").lower() not in _TITLES


def opens_sentence(text: str, index: int) -> bool:
    """Does the word at `index` open a sentence (after . ! ? : a line break, or nothing)?"""
    before = text[max(0, index - 80):index].rstrip(" \t“\"‘'(")
    return (not before and index <= 80) or bool(before) and before[-1] in ".!?\n:"
