"""Find actor mentions in a text (and its headline): every candidate match, and the named rule
that accepted or rejected it.

Matching: every surface form of every actor (name, aliases, demonyms, weak aliases, a person's
surname, and generated name variants: see `names.variants`) is one alternative of a single
pattern, longest first, so "Bob Work" wins over "Work" and a registered longer name always wins
over a part of it; boundaries are Unicode word boundaries ("Russia's", "ISIS-held" match,
"Iraqis" does not unless it is a demonym); a hyphen and a space are interchangeable inside a
name; diacritics are optional; a curly apostrophe matches a straight one.

Each match is then decided by one rule; `RULES` holds their stable names, which `briefings
explain` (and its JSON) reports. Accepted: `name`, `alias`, `demonym`, `name-variant`,
`weak-alias`, `surname`, `title-surname`, `surname-alone`, `company-suffix`,
`short-form-supported`. Rejected: `link-address`, `not-mentions`, `exact-case`,
`before-strong-mention`, `weak-inside-name`, `weak-common-word`, `common-word`,
`inside-longer-name`, `person-context`, `ambiguous-alias`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from ..model import Actor, ActorKind
from ..names import COMPANY_SUFFIXES, spellings, variants
from ..user_markdown import scan
from .common_words import COMMON_WORDS

# Every rule's stable name, and what it means: the vocabulary of `briefings explain`.
RULES: dict[str, str] = {
    "name": "the actor's name",
    "alias": "one of its aliases, in any case",
    "demonym": "one of its demonyms (\"Iraqi\")",
    "name-variant": "a variant of a name: no middle initial, initials, oe for ö, no 'The', "
                    "no legal suffix",
    "weak-alias": "a weak alias in exact case, after a strong mention",
    "surname": "a person's surname, after a strong mention",
    "title-surname": "title + surname (\"President Reagan\") of the one person bearing it",
    "surname-alone": "a surname alone in a short item that never names anyone else by it",
    "company-suffix": "an organisation's name followed by a legal form (\"Toyota Corp\")",
    "short-form-supported": "an ambiguous short form, supported by the full name in the article",
    "link-address": "inside a link address",
    "not-mentions": "a phrase the actor lists under not_mentions",
    "exact-case": "a weak alias not in its exact case",
    "before-strong-mention": "a weak alias or surname before any strong mention",
    "weak-inside-name": "a weak alias after a capitalised word: part of another name",
    "weak-common-word": "a weak alias opening a sentence as a common word",
    "common-word": "a form that is a common word, here not in its registered capitalisation",
    "inside-longer-name": "part of a longer capitalised name that is not registered",
    "person-context": "a non-person's one-word name after a person's title (\"President Ford\")",
    "ambiguous-alias": "a short form (\"Ford\") with no full name in the article to support it",
    "sports-team": "a state's name in a sports item (a score and sports words): the team",
}

# A sports item: a score ("3-1", "30-27") and at least two of these words. In one, "Japan
# beat Syria 3-1" names teams, not states.
_SCORE = re.compile(r"(?<![\d-])\d{1,3}-\d{1,3}(?![\d-])")
_SPORTS_WORDS = re.compile(
    r"\b(beat|defeated|drew|match|season|coach|goals?|quarterback|touchdowns?|striker|"
    r"playoffs?|tournament|league|Cup|innings|halftime|scored|kickoff|stadium|fans)\b")


def _sports_item(text: str) -> bool:
    return bool(_SCORE.search(text)) and len(set(_SPORTS_WORDS.findall(text))) >= 2

# A short item, for `surname-alone`: longer texts name people in full somewhere.
SHORT_ITEM_WORDS = 300


class Rule(Enum):
    """The kind of form a mention matched (its decision is `Mention.because`)."""

    NAME = "name"
    ALIAS = "alias"
    DEMONYM = "demonym"
    WEAK_ALIAS = "weak alias"
    SURNAME = "surname"
    NOT_MENTION = "not a mention"
    VARIANT = "name variant"

    @property
    def strong(self) -> bool:
        return self not in (Rule.WEAK_ALIAS, Rule.SURNAME, Rule.NOT_MENTION)


@dataclass(frozen=True, slots=True)
class Mention:
    actor: str
    start: int
    end: int
    text: str
    rule: Rule
    because: str = ""  # the name of the rule (in `RULES`) that accepted it
    field: str = "text"  # "text", or "title": then start and end index the title


@dataclass(frozen=True, slots=True)
class Rejection:
    """A match that was not counted, and why: for `briefings explain`."""

    start: int
    end: int
    text: str
    reason: str
    rule: str = ""  # its name in `RULES`
    actor: str = ""  # the actor it would have been, when there was one
    field: str = "text"


@dataclass(frozen=True, slots=True)
class _Form:
    actor: str
    surface: str
    rule: Rule
    person: bool = False
    common: bool = False  # every word a common lower-case word: "Polish", "The Source"
    short: bool = False  # the first word of an organisation's longer name: "Ford"
    strong: bool = True  # `rule.strong`, read for every match: kept, not recomputed


@dataclass(slots=True)
class _Match:
    """One match being decided; `form` is the actor it is about, accepted or not."""

    start: int
    end: int
    form: _Form | None
    rule: str
    reason: str = ""

    @property
    def accepted(self) -> bool:
        return self.form is not None and not self.reason


class MentionFinder:
    """Compiled once per corpus; `find` is one scan of the text."""

    def __init__(self, actors: Iterable[Actor]):
        self._forms: dict[str, list[_Form]] = {}
        self._kinds: dict[str, ActorKind] = {}
        for actor in sorted(actors, key=lambda a: a.id):
            self._kinds[actor.id] = actor.kind
            person = actor.kind is ActorKind.PERSON
            for rule, names in (
                (Rule.NAME, [actor.name]),
                (Rule.ALIAS, actor.aliases),
                (Rule.DEMONYM, actor.demonyms),
                (Rule.WEAK_ALIAS, actor.weak_aliases),
                (Rule.NOT_MENTION, actor.not_mentions),
            ):
                for name in names:
                    self._add_spellings(actor, name, rule)
                    if rule in (Rule.NAME, Rule.ALIAS):
                        for variant in sorted(variants(name, person)):
                            self._add_spellings(actor, variant, Rule.VARIANT)
            surname = _surname(actor)
            if surname:
                for form in (surname, *sorted(variants(surname, person))):
                    self._add_spellings(actor, form, Rule.SURNAME)
        body = _trie_pattern(self._forms) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)

    def _add_spellings(self, actor: Actor, name: str, rule: Rule) -> None:
        person = actor.kind is ActorKind.PERSON
        first = actor.name.split()[0] if actor.name.split() else ""
        for surface in spellings(name):
            words = surface.split()
            common = all(w.lower() in COMMON_WORDS for w in words)
            short = (rule in (Rule.NAME, Rule.ALIAS, Rule.VARIANT) and len(words) == 1
                     and not person and actor.kind is not ActorKind.STATE
                     and len(actor.name.split()) > 1 and surface == first)
            form = _Form(actor.id, surface, rule, person, common, short, rule.strong)
            forms = self._forms.setdefault(_key(surface), [])
            if form not in forms:
                forms.append(form)

    def find(self, text: str) -> list[Mention]:
        return [m for m in self.explain(text)[0] if m.field == "text"]

    def explain(self, text: str, title: str = "") -> tuple[list[Mention], list[Rejection]]:
        """The mentions in `text` (and in `title`, marked `field="title"`, first), and the
        matches rejected on the way, each in text order."""
        offset = len(title) + 2 if title else 0
        joined = f"{title}\n\n{text}" if title else text
        # Same length as the text, so offsets stay valid: only the apostrophe is unified.
        scanned = joined.replace("’", "'")
        addresses = _Spans(_addresses(joined))
        sports = _sports_item(joined)
        strongly_mentioned: set[str] = set()
        matches: list[_Match] = []
        previous = (-1, -1)  # the previous match's span: a name beside it is not a longer one
        for match in self._pattern.finditer(scanned):
            start, end = match.span()
            if addresses.overlap(start, end):
                decided = _Match(start, end, None, "link-address", RULES["link-address"])
            else:
                decided = self._decide(joined, scanned, start, end, strongly_mentioned,
                                       previous, in_title=start < offset, sports=sports)
            previous = (start, end)
            if decided.accepted and (decided.form.strong or decided.rule == "title-surname"):
                strongly_mentioned.add(decided.form.actor)
            matches.append(decided)
        self._settle(matches, strongly_mentioned, len(text.split()) <= SHORT_ITEM_WORDS, offset)
        mentions: list[Mention] = []
        rejected: list[Rejection] = []
        for m in matches:
            field, shift = ("title", 0) if m.start < offset else ("text", offset)
            surface = joined[m.start:m.end]
            if m.accepted:
                mentions.append(Mention(m.form.actor, m.start - shift, m.end - shift, surface,
                                        m.form.rule, m.rule, field))
            else:
                rejected.append(Rejection(m.start - shift, m.end - shift, surface, m.reason,
                                          m.rule, m.form.actor if m.form else "", field))
        return mentions, rejected

    def _decide(self, text: str, scanned: str, start: int, end: int, strong: set[str],
                previous: tuple[int, int], in_title: bool, sports: bool) -> _Match:
        surface = scanned[start:end]
        candidates = self._forms.get(_key(surface), [])
        # A phrase one actor lists as not a mention of it may still be another actor's name.
        blocked = [form.actor for form in candidates if form.rule is Rule.NOT_MENTION] \
            if len(candidates) > 1 or not candidates[0].strong else []
        for form in candidates:
            if form.strong and form.actor not in blocked:
                decided = self._judge_strong(text, scanned, start, end, form, previous,
                                             in_title, sports)
                if decided.rule == "person-context" and any(f.person for f in candidates):
                    # "President Ford": the person bearing the name, if one does.
                    person = self._judge_weak(text, scanned, start, end, surface,
                                              candidates, strong, in_title)
                    if person.accepted:
                        return person
                return decided
        if blocked:
            return _Match(start, end, None, "not-mentions", f"listed in not_mentions of "
                                                            f"{blocked[0]}")
        return self._judge_weak(text, scanned, start, end, surface, candidates, strong, in_title)

    def _judge_strong(self, text: str, scanned: str, start: int, end: int, form: _Form,
                      previous: tuple[int, int], in_title: bool, sports: bool) -> _Match:
        surface = scanned[start:end]
        if sports and self._kinds[form.actor] is ActorKind.STATE \
                and form.rule is not Rule.DEMONYM:
            return _Match(start, end, form, "sports-team",
                          f"{form.rule.value} of {form.actor} in a sports item: its team")
        if form.common and surface != form.surface and not surface.isupper():
            return _Match(start, end, form, "common-word",
                          f"{form.rule.value} of {form.actor} is a common word: only "
                          f"{form.surface!r} names it")
        before = _words_before(text, start, 3)
        if not form.person and " " not in surface and before and _is_person_title(before[-1]):
            return _Match(start, end, form, "person-context",
                          f"{form.rule.value} of {form.actor} after a person's title")
        suffix = None if form.person or form.rule is Rule.DEMONYM else _SUFFIX.match(text, end)
        if suffix:
            return _Match(start, suffix.end(), form, "company-suffix")
        longer = self._longer_name(text, scanned, start, end, form, before, previous, in_title)
        if longer:
            return _Match(start, end, form, "inside-longer-name",
                          f"{form.rule.value} of {form.actor} inside {longer!r}")
        if form.short:
            return _Match(start, end, form, "ambiguous-alias", "pending")
        if surface.startswith("the ") and form.surface.startswith("The "):
            # "went to the Northwind Trust": the article is the sentence's, not the name's.
            return _Match(start + 4, end, form, "name-variant")
        return _Match(start, end, form, _FORM_RULES[form.rule])

    def _judge_weak(self, text: str, scanned: str, start: int, end: int, surface: str,
                    candidates: list[_Form], strong: set[str], in_title: bool) -> _Match:
        weak = [form for form in candidates if not form.strong and form.rule is not
                Rule.NOT_MENTION]
        exact = [form for form in weak if form.surface == surface]
        if not exact:
            form = weak[0]
            return _Match(start, end, form, "exact-case", f"{form.rule.value} of {form.actor} "
                                                          f"needs exact case {form.surface!r}")
        form = next((f for f in exact if f.actor in strong), exact[0])
        if form.actor not in strong:
            people = {f.actor for f in exact if f.person}
            alone = form.person and len(people) == 1
            if alone and _after_title(text, start):
                return _Match(start, end, form, "title-surname")
            reason = f"{form.rule.value} of {form.actor} before any strong mention of it"
            if alone and not _weak_context(text, start, end) or in_title:
                # Perhaps a surname alone, or a headline's weak alias that the body supports:
                # decided once the whole text is read.
                reason = "pending"
            return _Match(start, end, form, "before-strong-mention", reason)
        context = _weak_context(text, start, end)
        if context:
            rule = "weak-inside-name" if context.startswith("follows") else "weak-common-word"
            return _Match(start, end, form, rule, f"{form.rule.value} of {form.actor} {context}")
        longer = self._name_after(text, scanned, start, end, form, in_title)
        if longer:  # "the Ford Foundation", "Bell Helicopter"
            return _Match(start, end, form, "inside-longer-name",
                          f"{form.rule.value} of {form.actor} inside {longer!r}")
        return _Match(start, end, form, _FORM_RULES[form.rule])

    def _longer_name(self, text: str, scanned: str, start: int, end: int, form: _Form,
                     words: list[str], previous: tuple[int, int], in_title: bool) -> str | None:
        """The longer capitalised name the match is part of ("Gulf of Mexico"), if any."""
        shouting = text[start:end].isupper()
        # Before a person's full name, capitalised words are a title ("Director of National
        # Intelligence James Clapper"), not a longer name.
        full_name = form.person and " " in form.surface
        before = None if full_name else _name_before(text, start, words)
        if start and text[start - 1] == "-" and previous[1] == start - 1:
            return None  # joined to another registered name: "NATO-Russia Council"
        if before is not None:
            word, at = before
            if not (at >= previous[0] and at + len(word) <= previous[1]
                    or word.endswith(".")  # an abbreviation, or the end of a sentence
                    or _not_a_name_word(word, shouting, in_title)
                    or word.endswith(("'s", "’s", "s'"))
                    or opens_sentence(text, at) and word.lower() in COMMON_WORDS):
                return text[at:end]
        return self._name_after(text, scanned, start, end, form, in_title)

    def _name_after(self, text: str, scanned: str, start: int, end: int, form: _Form,
                    in_title: bool) -> str | None:
        """The longer name a capitalised word after the match makes ("Japan Air"), if any."""
        after = None if form.rule is Rule.DEMONYM else _NAME_AFTER.match(text, end)
        if after is None:
            return None
        word = after.group(1)
        if (_not_a_name_word(word, text[start:end].isupper(), in_title)
                or self._pattern.match(scanned, after.start(1))
                or self._kinds[form.actor] is ActorKind.STATE
                and word.lower() in _INSTITUTIONS and not _OF.match(text, after.end())):
            return None
        return text[start:after.end()]

    def _settle(self, matches: list[_Match], strong: set[str], short_item: bool,
                offset: int) -> None:
        """Decide what needed the whole text: short forms and surnames standing alone."""
        # Support for a short form: the actor named by any other strong form anywhere.
        supported = {m.form.actor for m in matches
                     if m.accepted and m.form.strong and not m.form.short}
        for m in matches:
            if m.reason != "pending":
                continue
            if m.rule == "ambiguous-alias":
                if m.form.actor in supported:
                    m.rule, m.reason = "short-form-supported", ""
                else:
                    m.reason = (f"{m.form.rule.value} of {m.form.actor} is a short form, and "
                                f"its full name is nowhere in the article")
            elif m.start < offset and m.form.actor in strong:  # a headline's, named in the body
                m.rule, m.reason = _FORM_RULES[m.form.rule], ""
            elif short_item and m.form.person and m.form.actor not in strong:
                m.rule, m.reason = "surname-alone", ""
            else:
                m.reason = f"{m.form.rule.value} of {m.form.actor} before any strong mention " \
                           f"of it"


_FORM_RULES = {Rule.NAME: "name", Rule.ALIAS: "alias", Rule.DEMONYM: "demonym",
               Rule.VARIANT: "name-variant", Rule.WEAK_ALIAS: "weak-alias",
               Rule.SURNAME: "surname"}


def _key(surface: str) -> str:
    """The key a surface is filed under: a hyphen and a space are the same inside a name."""
    return surface.lower().replace("-", " ")


# A legal form right after an organisation's name extends the mention over it.
_SUFFIX = re.compile(r",?[ \t](?:" + "|".join(COMPANY_SUFFIXES) + r")\b\.?")
# A capitalised word right before a match, with an optional connector ("Gulf of| Mexico",
# "West| Germany", "Agence |France"), or right after it ("U.S.| Department", "France|-Presse").
_CONNECTORS = frozenset(("of", "the", "de", "du", "des", "del", "della", "da", "di", "von", "van",
                         "der", "den", "al", "el", "la", "le"))
_NAME_WORD = re.compile(r"[A-Z][\w'’.&]*")


def _words_before(text: str, start: int, count: int) -> list[str]:
    """Up to `count` words right before `start` on its line, when a space or hyphen joins them.

    A split of a short window, not a regex search ending at `start`: that tried every offset
    of the window for each match and doubled the cost of a scan."""
    if not start or text[start - 1] not in " \t-":
        return []
    window = text[max(0, start - 60):start]
    return window[window.rfind("\n") + 1:].replace("-", " ").split()[-count:]


def _name_before(text: str, start: int, words: list[str]) -> tuple[str, int] | None:
    """The capitalised word among the `words` before the match, skipping a connector ("Gulf
    of"), and where it is."""
    words = list(words)
    while words and words[-1] in _CONNECTORS:
        words.pop()
    if not words or not _NAME_WORD.fullmatch(words[-1]):
        return None
    word = words[-1]
    return word, text.rindex(word, max(0, start - 60), start)


_NAME_AFTER = re.compile(r"(?:[ \t]+|-)([A-Z][\w'’&]*)")
_CALENDAR = frozenset((
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec",
))
# Words that open a new sentence or clause after an abbreviation ("in the U.S. The …").
_OPENERS = frozenset((
    "i", "he", "she", "it", "we", "they", "you", "this", "that", "these", "those", "there",
    "his", "her", "its", "their", "our", "my", "so", "yet", "still", "also", "meanwhile",
    "however", "but", "then", "now", "here", "why", "what", "who", "how", "where", "both",
))


# A state's own institution names the state ("U.S. Treasury"), unless the name goes on with
# "of" ("U.S. Department of Education").
_INSTITUTIONS = frozenset((
    "treasury", "army", "navy", "military", "government", "senate", "congress", "parliament",
    "embassy", "consulate", "ministry", "department", "forces", "marines", "troops", "officials",
    "administration", "intelligence", "police",
))
_OF = re.compile(r"[ \t]+of\b")


def _not_a_name_word(word: str, shouting: bool, in_title: bool) -> bool:
    """Is a capitalised word beside a match no part of a longer name with it?"""
    bare = word.rstrip(".").lower()
    return (bare in _TITLES or bare in _CALENDAR or bare in _OPENERS
            or shouting and word.isupper()  # an all-caps dateline or headline
            or in_title and bare in COMMON_WORDS)  # a headline capitalises every word


def _after_title(text: str, start: int) -> bool:
    """Is the match right after a person's title ("President", "Mr.", "Gen.")?"""
    words = _words_before(text, start, 1)
    return bool(words) and _is_person_title(words[0])


def _is_person_title(word: str) -> bool:
    return word.rstrip(".").lower() in _PERSON_TITLES


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
        branches = [_char(char) + render(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return render(trie)


def _char(char: str) -> str:
    # Keys have spaces for hyphens (`_key`): either may stand in the text.
    return "[ -]" if char == " " else re.escape(char)


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


# Titles that say the next name is a person's ("President Ford", "Mr. Jordan", "Gen. Bell").
_PERSON_TITLES = frozenset((
    "president", "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "general", "gen",
    "senator", "sen", "representative", "rep", "chancellor", "premier", "king", "queen", "prince",
    "princess", "sheikh", "ambassador", "judge", "justice", "governor", "gov", "mayor",
    "commander", "admiral", "adm", "colonel", "col", "captain", "capt", "lieutenant", "lt",
    "sergeant", "sgt", "pope", "lord", "lady", "sir", "dame", "secretary", "minister",
    "chairman", "chairwoman", "spokesman", "spokeswoman", "spokesperson", "inspector",
    "commissioner", "director", "envoy", "speaker", "maj", "major", "cardinal", "rabbi",
))
# Words that may stand before a surname without making it part of another name.
_TITLES = _PERSON_TITLES | frozenset((
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "from", "by", "with", "as",
    "but", "if", "when", "while", "after", "before", "since", "prime", "chief", "deputy",
    "defense", "defence", "foreign", "interior", "finance", "state", "vice", "leader", "chair",
    "agent", "officer", "attorney", "saint", "st",
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
    # After a full stop the word before belongs to the sentence before ("on Thursday. Lind").
    return (word[0].isupper() and word.rstrip(".").lower() not in _TITLES
            and not opens_sentence(text, start))


def opens_sentence(text: str, index: int) -> bool:
    """Does the word at `index` open a sentence (after . ! ? : a line break, or nothing)?"""
    before = text[max(0, index - 80):index].rstrip(" \t“\"‘'(")
    return (not before and index <= 80) or bool(before) and before[-1] in ".!?\n:"
