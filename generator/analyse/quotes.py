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
- a sentence that ends with a colon just before it ("Clapper told reporters: “…").
Among the actors mentioned there, a person beats an organization, and the mention nearest the
verb of saying wins. A surname is already resolved to its person by the mention finder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Actor, ActorKind
from .mentions import Mention

SPEECH = re.compile(
    r"\b(?:said|says|say|told|tells|tell|comment(?:ed|s)?|add(?:ed|s)|stat(?:ed|es)|"
    r"not(?:ed|es)|explain(?:ed|s)|describ(?:ed|es)|call(?:ed|s)|warn(?:ed|s)|argu(?:ed|es)|"
    r"insist(?:ed|s)|declar(?:ed|es)|announc(?:ed|es)|wr(?:ote|ites)|ask(?:ed|s)|"
    r"repl(?:ied|ies)|according to|remark(?:ed|s)|claim(?:ed|s)|confirm(?:ed|s)|"
    r"acknowledg(?:ed|es)|respond(?:ed|s)|continu(?:ed|es)|put it|testified|recalled)\b",
    re.IGNORECASE,
)
_OPENERS = {"“": "”", '"': '"'}
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n\s*\n")
_SCARE_WORDS = 2
SCARE_QUOTE = "scare quote"


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    inner: str


def find_quotes(text: str, mentions: list[Mention], actors: dict[str, Actor]) -> list[Quote]:
    """Every quotation in the text, scare quotes included (see `Quote.scare`)."""
    quotes = []
    for span in _spans(text):
        if len(span.inner.split()) <= _SCARE_WORDS:
            quotes.append(Quote(span.inner, span.start, span.end, None, SCARE_QUOTE))
            continue
        speaker, rule = _attribute(text, span, mentions, actors)
        quotes.append(Quote(span.inner, span.start, span.end, speaker, rule))
    return quotes


def _spans(text: str) -> list[_Span]:
    """Quotation spans, following an open quotation across paragraph breaks."""
    spans = []
    index = 0
    while index < len(text):
        opener = text[index]
        if opener not in _OPENERS or not _opens(text, index):
            index += 1
            continue
        closer = _OPENERS[opener]
        close = _closing(text, index + 1, opener, closer)
        if close is None:
            index += 1
            continue
        inner = text[index + 1:close]
        # English style reopens each continued paragraph with a mark; drop those.
        inner = re.sub(r"\n\s*\n\s*[“\"]", "\n\n", inner)
        spans.append(_Span(index, close + 1, inner.strip()))
        index = close + 1
    return spans


def _opens(text: str, index: int) -> bool:
    """A straight mark opens when it follows a space, a line start or an opening bracket."""
    if text[index] == "“":
        return True
    return index == 0 or text[index - 1] in " \n\t(—–-"


def _closing(text: str, start: int, opener: str, closer: str) -> int | None:
    index = start
    while index < len(text):
        char = text[index]
        if char == closer and (opener == "“" or not _opens(text, index)):
            return index
        if char == opener and opener == "“" and not _paragraph_start(text, index):
            return None  # a new quotation opens before this one closed: unbalanced
        index += 1
    return None


def _paragraph_start(text: str, index: int) -> bool:
    return text[:index].rstrip(" \t").endswith("\n\n") or index == 0


def _attribute(text: str, span: _Span, mentions: list[Mention],
               actors: dict[str, Actor]) -> tuple[str | None, str]:
    before_start = _sentence_start(text, span.start)
    after_end = _sentence_end(text, span.end)
    for where, start, end in (
        ("before", before_start, span.start),
        ("after", span.end, after_end),
    ):
        verbs = list(SPEECH.finditer(text, start, end))
        if not verbs:
            continue
        # The verb of saying nearest the quotation: "claims … describes as, “…" → describes.
        verb = verbs[-1] if where == "before" else verbs[0]
        verb_at = verb.start()
        candidates = [m for m in mentions if start <= m.start and m.end <= end]
        speaker = _nearest(candidates, verb_at, actors)
        if speaker is not None:
            return speaker.actor, f"{speaker.text!r} {where} the quotation, verb {verb.group()!r}"
    colon = text[:before_start].rstrip()
    if colon.endswith(":"):
        previous = _sentence_start(text, len(colon) - 1)
        candidates = [m for m in mentions if previous <= m.start and m.end <= len(colon)]
        verb = SPEECH.search(text[previous:len(colon)])
        speaker = _nearest(candidates, len(colon), actors) if verb else None
        if speaker is not None:
            return speaker.actor, f"{speaker.text!r} introduces the quotation with a colon"
    return None, "no speaker: no actor beside a verb of saying"


def _nearest(candidates: list[Mention], at: int, actors: dict[str, Actor]) -> Mention | None:
    if not candidates:
        return None

    def rank(mention: Mention) -> tuple[int, int]:
        person = actors[mention.actor].kind is ActorKind.PERSON
        distance = min(abs(mention.start - at), abs(mention.end - at))
        return (0 if person else 1, distance)

    return min(candidates, key=rank)


def _sentence_start(text: str, index: int) -> int:
    """Where the sentence holding `index` begins (after the last end mark before it)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, 0, index)]
    return ends[-1] if ends else 0


def _sentence_end(text: str, index: int) -> int:
    # The quotation's own closing punctuation (“…,” said X.) sits inside the marks.
    match = _SENTENCE_END.search(text, index)
    return match.end() if match else len(text)
