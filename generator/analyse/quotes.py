"""Direct quotations in a text, and who said them.

Finding quotations:
- curly (“…”) and straight ("…") marks; a quotation left open at the end of a paragraph goes
  on into the next one (English style reopens it with a mark, the seed does not) until it
  closes;
- one or two words in quotation marks ("deconflict") are scare quotes: nobody's quotation.

Finding the speaker, in this order:
- the clause before the quotation in the same sentence, when it has a verb of saying
  ("Work commented on the news, “…", "what James Clapper describes as, “…");
- the clause after it, up to the end of the sentence ("“…,” said Bob Work");
- in either clause, "he said" or "the ministry said" with no actor named: the last person
  mentioned before, or the last actor mentioned whose name holds that noun;
- a sentence that ends with a colon just before it ("Clapper told reporters: “…");
- a quotation that follows another one closely, with no other person named in between,
  continues it ("“A,” Work said. “B…”");
- but a name nearer the verb of saying than any actor, that is no actor's ("“…,” said Kremlin
  spokesman Dmitry Peskov"), makes it nobody's quotation (rule "speaker not an actor").
Among the actors mentioned there, a person beats an organization, and the mention nearest the
verb of saying wins. A demonym ("a senior Ukrainian officer") or a place after "from" or "in"
never speaks. A surname is already resolved to its person by the mention finder.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from ..model import Actor, ActorKind
from .mentions import Mention, Rule

# Case matters: "States" in "United States" is not a verb, nor "called" in "so-called".
SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|tell|comment(?:ed|s)?|add(?:ed|s)|stat(?:ed|es)|"
    r"not(?:ed|es)|explain(?:ed|s)|describ(?:ed|es)|(?<!so-)call(?:ed|s)|warn(?:ed|s)|"
    r"argu(?:ed|es)|insist(?:ed|s)|declar(?:ed|es)|announc(?:ed|es)|wr(?:ote|ites)|"
    r"ask(?:ed|s)|repl(?:ied|ies)|[Aa]ccording to|remark(?:ed|s)|claim(?:ed|s)|"
    r"confirm(?:ed|s)|acknowledg(?:ed|es)|respond(?:ed|s)|continued|put it|"
    r"testified|recalled|welcom(?:ed|es)|urg(?:ed|es)|vow(?:ed|s)|pledg(?:ed|es))\b"
)
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he ((?:[a-z]+ )?[a-z]+)$")  # "the ministry| said"
_THE_AFTER = re.compile(r"^\s*[Tt]he ((?:[a-z]+ )?[a-z]+)\b")  # "said| the ministry"
_NOT_A_SPEAKER_BEFORE = re.compile(
    r"\b(?:from|in|across|(?<![Aa]ccording )to|into|against|over)\s+(?:the\s+)?$")
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Lt|Col|Gov|St|Jr|"
                           r"Sr|No|vs|etc|Prof|Capt|Sgt|Adm|Maj)\.)$")
_CONTINUATION_CHARS = 300
_SENTENCE_WINDOW = 1500  # no sentence is longer; bounds the look-around on long texts
_MARK = re.compile(r"[“\"]")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n\s*\n")
# A verb of naming this close before a short quotation makes it somebody's words.
_NAMING = re.compile(r"\b(?:(?<!so-)call(?:ed|s)|describ(?:ed|es)|term(?:ed|s)|dubb?(?:ed|s)|"
                     r"brand(?:ed|s)|label(?:l?ed|s))\b")
_NAMING_WORDS = 6
_SCARE_WORDS = 2
SCARE_QUOTE = "scare quote"


@dataclass(frozen=True, slots=True)
class Quote:
    text: str  # the quotation without its marks, paragraphs joined by a blank line
    start: int  # offset of the opening mark
    end: int  # offset after the closing mark
    speaker: str | None  # actor id
    rule: str  # how the speaker was found, or why there is none

    @property
    def scare(self) -> bool:
        """Quotation marks around a word or two: nobody's quotation, never shown as one."""
        return self.rule == SCARE_QUOTE


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    inner: str


def find_quotes(text: str, mentions: list[Mention], actors: dict[str, Actor]) -> list[Quote]:
    """Every quotation in the text, scare quotes included (see `Quote.scare`), up to
    `MAX_QUOTES`."""
    quotes: list[Quote] = []
    previous: Quote | None = None
    indexed = _Mentions(text, mentions, actors)
    for span in _spans(text)[:MAX_QUOTES]:
        if len(span.inner.split()) <= _SCARE_WORDS and not _introduced(text, span):
            quotes.append(Quote(span.inner, span.start, span.end, None, SCARE_QUOTE))
            continue
        speaker, rule = _attribute(text, span, indexed, actors, previous)
        quote = Quote(span.inner, span.start, span.end, speaker, rule)
        quotes.append(quote)
        previous = quote
    return quotes


# No article quotes anybody this often; a text made of quotation marks (hostile, or a
# data dump) would otherwise cost some 35 µs a mark in attribution: 8 s for 2 MB.
MAX_QUOTES = 2000


def _introduced(text: str, span: _Span) -> bool:
    """Is a short quotation what someone called something ("called the measures “…”")?"""
    words = text[_sentence_start(text, span.start):span.start].split()
    return bool(_NAMING.search(" ".join(words[-_NAMING_WORDS:])))


def _spans(text: str) -> list[_Span]:
    """Quotation spans, following an open quotation across paragraph breaks."""
    spans = []
    closers = _Closers(text)
    index = 0
    while True:
        mark = _MARK.search(text, index)
        if mark is None:
            return spans
        index = mark.start()
        opener = mark.group()
        close = closers.after(index + 1, opener) if _opens(text, index) else None
        if close is None:
            index += 1
            continue
        inner = text[index + 1:close]
        # English style reopens each continued paragraph with a mark; drop those.
        inner = re.sub(r"\n\s*\n\s*[“\"]", "\n\n", inner)
        spans.append(_Span(index, close + 1, inner.strip()))
        index = close + 1


def _opens(text: str, index: int) -> bool:
    """A straight mark opens when it follows a space, a line start or an opening bracket."""
    if text[index] == "“":
        return True
    return index == 0 or text[index - 1] in " \n\t(—–-"


class _Closers:
    """Where a quotation opened just before an offset closes, answered for every opener of a text.

    Scanning ahead from each opening mark went to the end of the text for each one that never
    closes, quadratic on long texts; one pass over the marks answers every opener by bisection.
    """

    def __init__(self, text: str):
        # A straight mark closes wherever it does not open (after a letter or punctuation).
        self._straight = [m.start() for m in re.finditer('"', text) if not _opens(text, m.start())]
        self._curly = [m.start() for m in re.finditer("[“”]", text)]
        self._curly_closes = _curly_closes(text, self._curly)

    def after(self, start: int, opener: str) -> int | None:
        """Where the quotation opened just before `start` closes; None if it never does."""
        if opener == '"':
            at = bisect_left(self._straight, start)
            return self._straight[at] if at < len(self._straight) else None
        return self._curly_closes[bisect_left(self._curly, start)]


def _curly_closes(text: str, marks: list[int]) -> list[int | None]:
    """For each curly mark, where a quotation still open there closes; one more None at the end.

    Worked out back to front so that every mark is looked at once: a ” closes it; a “ at a
    paragraph start reopens it (English style), so it closes where that one does; any other “
    opens a new quotation before it closed: unbalanced, None.
    """
    closes: list[int | None] = [None] * (len(marks) + 1)
    for at in range(len(marks) - 1, -1, -1):
        index = marks[at]
        if text[index] == "”":
            closes[at] = index
        elif _paragraph_start(text, index):
            closes[at] = closes[at + 1]
    return closes


def _paragraph_start(text: str, index: int) -> bool:
    before = text[max(0, index - 80):index].rstrip(" \t")
    return index == 0 or before.endswith("\n\n") or (not before and index <= 80)


class _Mentions:
    """An article's mentions, indexed once per `find_quotes` for what every quotation looks up.

    Filtering the whole list for each quotation made attribution quadratic on long texts.
    Mentions come in text order, so those in a stretch of text are a slice found by bisection
    over their starts, and "the last one before here" a short walk back from there.
    """

    def __init__(self, text: str, mentions: list[Mention], actors: dict[str, Actor]):
        self._starts = [m.start for m in mentions]
        if self._starts != sorted(self._starts):  # MentionFinder's are in order already
            mentions = sorted(mentions, key=lambda m: m.start)
            self._starts.sort()
        self._text = text
        self._actors = actors
        self._all = mentions

    def speakers_within(self, start: int, end: int) -> list[Mention]:
        """The mentions inside [start, end) that can speak, in text order."""
        inside = self._all[bisect_left(self._starts, start):bisect_right(self._starts, end)]
        return [m for m in inside if m.end <= end and _can_speak(self._text, m)]

    def starting_within(self, start: int, end: int) -> list[Mention]:
        """The mentions that start inside [start, end), in text order."""
        return self._all[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def covering(self, at: int) -> bool:
        """Does a mention that starts before `at` reach past it?"""
        index = bisect_right(self._starts, at) - 1
        return index >= 0 and self._all[index].end > at

    def last_person(self, before: int) -> Mention | None:
        """The last person that can speak mentioned by `before` (the mention ends there)."""
        return self._last(self._people, before)

    def last_named(self, word: str, before: int) -> Mention | None:
        """The last actor that can speak, `word` in its lowercased name, mentioned by `before`."""
        return self._last(self._by_name_word.get(word, []), before)

    def _last(self, positions: list[int], before: int) -> Mention | None:
        # `positions` index `_all` in ascending order. Only a mention that starts by `before` can
        # end by it, and mentions do not overlap: at most one of those straddles `before`, so the
        # walk back from the last of them stops at once.
        for at in range(bisect_left(positions, bisect_right(self._starts, before)) - 1, -1, -1):
            mention = self._all[positions[at]]
            if mention.end <= before:
                return mention
        return None

    @cached_property
    def _speakers(self) -> list[int]:
        return [at for at, m in enumerate(self._all) if _can_speak(self._text, m)]

    @cached_property
    def _people(self) -> list[int]:
        return [at for at in self._speakers
                if self._actors[self._all[at].actor].kind is ActorKind.PERSON]

    @cached_property
    def _by_name_word(self) -> dict[str, list[int]]:
        by_word: dict[str, list[int]] = {}
        for at in self._speakers:
            for word in set(self._actors[self._all[at].actor].name.lower().split()):
                by_word.setdefault(word, []).append(at)
        return by_word


def _attribute(text: str, span: _Span, mentions: _Mentions, actors: dict[str, Actor],
               previous: Quote | None) -> tuple[str | None, str]:
    before_start = _sentence_start(text, span.start)
    after_end = _sentence_end(text, span.end)
    for where, start, end in (
        ("before", before_start, span.start),
        ("after", span.end, after_end),
    ):
        verbs = list(SPEECH.finditer(text, start, end))
        if not verbs:
            continue
        # The verb of saying nearest the quotation: "claims … describes as, “…" → describes;
        # but "According to X, …" names its speaker wherever the clause goes on.
        according = [v for v in verbs if v.group().lower() == "according to"]
        verb = according[0] if according else verbs[-1] if where == "before" else verbs[0]
        candidates = mentions.speakers_within(start, end)
        if according:
            candidates = [m for m in candidates if m.start >= verb.end()] or candidates
        subject = _definite_subject(text, verb, span.start, mentions)
        if subject is not None:
            return subject
        speaker = _nearest(candidates, verb.start(), actors)
        unregistered = _unregistered_speaker(text, verb, start, end, where, mentions)
        # A person named beside the verb speaks rather than an organisation ("Kremlin
        # spokesman Dmitry Peskov"); against an actor who is a person, the nearer one does.
        if unregistered is not None and (
                speaker is None or actors[speaker.actor].kind is not ActorKind.PERSON
                or _distance(unregistered, verb) < _distance(speaker, verb)):
            # "…," said Kremlin spokesman Dmitry Peskov: not an actor, and nobody else's words.
            return None, f"{SPEAKER_NOT_AN_ACTOR}: {text[unregistered.start:unregistered.end]!r}"
        if speaker is not None:
            return speaker.actor, f"{speaker.text!r} {where} the quotation, verb {verb.group()!r}"
        referent = _referent(text, verb, span.start, mentions)
        if referent is not None:
            return referent
    gap = text[max(0, before_start - 200):before_start]
    colon_at = before_start - (len(gap) - len(gap.rstrip()))
    if colon_at and text[colon_at - 1] == ":":
        previous_start = _sentence_start(text, colon_at - 1)
        candidates = mentions.speakers_within(previous_start, colon_at)
        verb = SPEECH.search(text, previous_start, colon_at)
        speaker = _nearest(candidates, colon_at, actors) if verb else None
        if speaker is not None:
            return speaker.actor, f"{speaker.text!r} introduces the quotation with a colon"
    if previous is not None and previous.speaker and _continues(text, previous, span, mentions,
                                                                 actors):
        return previous.speaker, "continues the previous quotation"
    return None, "no speaker: no actor beside a verb of saying"


# Two or more capitalised words, perhaps with a middle initial: a person's name ("Dmitry Peskov").
_PERSON_NAME = re.compile(r"\b[A-Z][a-z'’-]+(?:[ \t]+[A-Z]\.)?(?:[ \t]+[A-Z][a-z'’-]+)+\b")
SPEAKER_NOT_AN_ACTOR = "speaker not an actor"


@dataclass(frozen=True, slots=True)
class _Name:
    start: int
    end: int


def _unregistered_speaker(text: str, verb: re.Match, start: int, end: int, where: str,
                          mentions: _Mentions) -> _Name | None:
    """The name nearest the verb of saying in the clause, when no mention covers any of it."""
    names = list(_PERSON_NAME.finditer(text, verb.end(), end) if where == "after"
                 else _PERSON_NAME.finditer(text, start, verb.start()))
    if not names:
        return None
    name = names[0] if where == "after" else names[-1]
    if mentions.starting_within(name.start(), name.end()) or mentions.covering(name.start()):
        return None
    return _Name(name.start(), name.end())


def _distance(item: Mention | _Name, verb: re.Match) -> int:
    return min(abs(item.start - verb.start()), abs(item.end - verb.start()),
               abs(item.start - verb.end()))


def _can_speak(text: str, mention: Mention) -> bool:
    """A demonym describes someone unnamed; a place after "from" or "in" is where, not who."""
    if mention.rule is Rule.DEMONYM:
        return False
    return not _NOT_A_SPEAKER_BEFORE.search(text, max(0, mention.start - 30), mention.start)


def _referent(text: str, verb: re.Match, before: int,
              mentions: _Mentions) -> tuple[str, str] | None:
    """"he said" → the last person named before; "said the ministry" → the last ministry."""
    near = text[max(0, verb.start() - 25):verb.start()], text[verb.end():verb.end() + 25]
    if _PRONOUN.search(near[0][-6:]) or _PRONOUN.match(near[1].strip()):
        person = mentions.last_person(before)
        if person is not None:
            return person.actor, f"pronoun before verb {verb.group()!r} refers to " \
                                 f"{person.text!r}"
    described = _THE_AFTER.search(near[1])
    return _described(described.group(1), verb, before, mentions) if described else None


def _definite_subject(text: str, verb: re.Match, before: int,
                      mentions: _Mentions) -> tuple[str, str] | None:
    """"the ministry described …": the subject right before the verb names an earlier actor."""
    described = _THE_BEFORE.search(text[max(0, verb.start() - 25):verb.start()].rstrip())
    if described is None:
        return None
    return _described(described.group(1), verb, before, mentions)


def _described(phrase: str, verb: re.Match, before: int,
               mentions: _Mentions) -> tuple[str, str] | None:
    """The last actor that can speak, mentioned by `before`, whose name holds the phrase's noun."""
    noun = phrase.split()[-1]
    named = mentions.last_named(noun, before)
    if named is None:
        return None
    return named.actor, f"'the {noun}' at verb {verb.group()!r} refers to {named.text!r}"


def _continues(text: str, previous: Quote, span: _Span, mentions: _Mentions,
               actors: dict[str, Actor]) -> bool:
    """“A,” Work said. “B…”: nothing in between but, at most, the same speaker saying it."""
    between = text[previous.end:span.start]
    if len(between) > _CONTINUATION_CHARS or between.count("\n\n") > 1:
        return False
    named = {m.actor for m in mentions.starting_within(previous.end, span.start)
             if actors[m.actor].kind is ActorKind.PERSON}
    if named - {previous.speaker}:
        return False
    # "“A,” said a senior officer. “B”": someone unnamed speaks in between.
    return not (SPEECH.search(between) and previous.speaker not in named)


def _nearest(candidates: list[Mention], at: int, actors: dict[str, Actor]) -> Mention | None:
    if not candidates:
        return None

    def rank(mention: Mention) -> tuple[int, int]:
        person = actors[mention.actor].kind is ActorKind.PERSON
        distance = min(abs(mention.start - at), abs(mention.end - at))
        return (0 if person else 1, distance)

    return min(candidates, key=rank)


def _sentence_start(text: str, index: int) -> int:
    """Where the sentence holding `index` begins (after the last end mark before it).

    Looks back no further than `_SENTENCE_WINDOW` characters, so long texts stay linear.
    """
    window = max(0, index - _SENTENCE_WINDOW)
    ends = list(_sentence_ends(text, window, index))
    return ends[-1] if ends else window


def _sentence_end(text: str, index: int) -> int:
    # The quotation's own closing punctuation (“…,” said X.) sits inside the marks.
    limit = min(len(text), index + _SENTENCE_WINDOW)
    return next(_sentence_ends(text, index, limit), limit)


def _sentence_ends(text: str, start: int, end: int):
    """Offsets just after each sentence end; "U.S." and "James R. Clapper" end nothing."""
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.group() == "." and _ABBREVIATION.search(text, max(0, match.start() - 8),
                                                         match.end()):
            continue
        yield match.end()
